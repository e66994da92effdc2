"""Data files of I3 Sync Desktop (WSDL, icons, pages), shipped as ``desktop.resources``."""
