"""I3 Sync Desktop: fetch ESWS sync tokens and show Identysoft I3's sync pages.

Modules directly under ``desktop`` import no Qt; ``desktop.gui`` is the window on top of them.
"""

from __future__ import annotations

from importlib import metadata

APP_NAME = "I3 Sync Desktop"
APP_ID = "i3sync"

try:
    # pyproject.toml is the one place the version is written; frozen builds copy its metadata.
    __version__ = metadata.version("i3sync")
except metadata.PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0+unknown"
