"""QtWebEngine's sandbox and the root user: Chromium refuses to start as root with its sandbox on.

Demo mode loads only the simulator's pages from this computer, so as root it switches the sandbox
off (before QtWebEngine is loaded) and logs a warning. Anywhere else the sandbox stays on: the
window says that the embedded browser cannot start as root, and what to do, instead of failing.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping, MutableMapping

from desktop import APP_NAME
from desktop.gui.i18n import translate
from desktop.gui.messages import Problem

log = logging.getLogger(__name__)

SANDBOX_OFF = "QTWEBENGINE_DISABLE_SANDBOX"
CHROMIUM_FLAGS = "QTWEBENGINE_CHROMIUM_FLAGS"


def running_as_root() -> bool:
    """True for uid 0 on POSIX (Windows has no such user: always False there)."""
    geteuid = getattr(os, "geteuid", None)
    return geteuid is not None and geteuid() == 0


def sandbox_disabled(env: Mapping[str, str]) -> bool:
    """True when QtWebEngine will run without its sandbox (as the environment asks)."""
    return env.get(SANDBOX_OFF, "") not in ("", "0") or "--no-sandbox" in env.get(
        CHROMIUM_FLAGS, ""
    )


def allow_demo_as_root(env: MutableMapping[str, str], *, root: bool) -> bool:
    """Demo mode as root: switch the sandbox off (local simulator pages only); True if it did.

    Must run before QtWebEngine is loaded: Chromium reads the variable once, at start.
    """
    if not root or sandbox_disabled(env):
        return False
    env[SANDBOX_OFF] = "1"
    log.warning(
        "Running as root: the embedded browser's sandbox is switched off for demo mode "
        "(it only shows the simulator's pages from this computer)"
    )
    return True


def root_problem(env: Mapping[str, str], *, root: bool) -> Problem | None:
    """What to tell the user when the embedded browser cannot start (root, sandbox on)."""
    if not root or sandbox_disabled(env):
        return None
    return Problem(
        translate(
            "Sandbox",
            "The embedded browser cannot start: {app} is running as root (administrator).",
        ).format(app=APP_NAME),
        translate(
            "Sandbox",
            "Chromium, which shows I3's page, refuses to run as root with its sandbox switched "
            "on. Start {app} as your normal user account. Only if you must run it as root, and "
            "trust the I3 server, start it with the environment variable {variable}=1.",
        ).format(app=APP_NAME, variable=SANDBOX_OFF),
    )
