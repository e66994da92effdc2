"""Where the app finds its bundled resources and keeps its files, frozen or not."""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path

from desktop import APP_ID

APP_AUTHOR = "I3Sync"


def resource_path(name: str) -> Path:
    """A file shipped in ``resources/`` (``desktop.resources`` once installed or frozen)."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "desktop" / "resources" / name
    # A plain package import finds the folder wherever it is installed (editable too) and costs
    # less at start-up than importlib.resources; a zipped install still needs the latter.
    package = importlib.import_module("desktop.resources")
    location = Path(package.__file__ or "").parent / name
    if location.exists():
        return location
    from importlib import resources

    return Path(str(resources.files("desktop.resources").joinpath(name)))


# Overrides, for a portable copy on a USB stick and for tests (Windows ignores XDG variables).
ENV_CONFIG_DIR = "I3SYNC_CONFIG_DIR"
ENV_LOG_DIR = "I3SYNC_LOG_DIR"
ENV_DATA_DIR = "I3SYNC_DATA_DIR"
ENV_MACHINE_CONFIG_DIR = "I3SYNC_MACHINE_CONFIG_DIR"


def config_dir() -> Path:
    """The per-user folder holding profiles (platformdirs: %APPDATA% on Windows)."""
    override = os.environ.get(ENV_CONFIG_DIR)
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_ID, APP_AUTHOR, roaming=True))


def log_dir() -> Path:
    """The per-user folder holding the rotating log."""
    override = os.environ.get(ENV_LOG_DIR)
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_log_dir(APP_ID, APP_AUTHOR))


def data_dir() -> Path:
    """The per-user folder holding the sync history (platformdirs: %LOCALAPPDATA% on Windows).

    Local, never roaming: SQLite's write-ahead log needs a local disk.
    """
    override = os.environ.get(ENV_DATA_DIR)
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_ID, APP_AUTHOR))


def site_config_dir() -> Path:
    """The machine-wide folder IT may put a ``profiles.json`` in (%ProgramData% on Windows)."""
    override = os.environ.get(ENV_MACHINE_CONFIG_DIR)
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.site_config_dir(APP_ID, APP_AUTHOR))
