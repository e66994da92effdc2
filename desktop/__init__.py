"""I3 Sync Desktop: fetch ESWS sync tokens and show Identysoft I3's sync pages.

Modules directly under ``desktop`` import no Qt; ``desktop.gui`` is the window on top of them.
"""

from __future__ import annotations

import functools

APP_NAME = "I3 Sync Desktop"
APP_ID = "i3sync"


@functools.cache
def version() -> str:
    """The installed version; pyproject.toml is the one place it is written.

    Looked up on demand: importlib.metadata costs tens of milliseconds at start-up.
    """
    from importlib import metadata

    try:
        return metadata.version("i3sync")
    except metadata.PackageNotFoundError:  # a source tree that was never installed
        return "0+unknown"


def __getattr__(name: str) -> str:
    if name == "__version__":
        return version()
    raise AttributeError(f"module 'desktop' has no attribute {name!r}")
