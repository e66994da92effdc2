"""What the CRM.COM panel keeps between runs: the address, organisation, unit, username, mode.

Never a secret: only :data:`KEPT_KEYS` are ever written, in the ``CrmPanel/`` group of the
window-state file (:func:`desktop.gui.window_state.settings`). A password, pass code or
authentication code goes to the vault only, and only when the user ticks Remember.

Demo mode gives the panel fixed start values instead (:class:`PresetFields`, installed for the
session with :func:`use_for_session`), so nothing of the demo reaches the user's files.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import Protocol

from PySide6.QtCore import QSettings

log = logging.getLogger(__name__)

GROUP = "CrmPanel"
# The keys kept: the panel's field keys (build_credentials keywords and "url") plus "mode".
KEPT_KEYS = ("url", "organisation", "unit", "username", "mode")
MAX_KEPT_LENGTH = 1024


class RememberedFields(Protocol):
    """Where the panel's non-secret fields come from at start and go to when they change."""

    def load(self) -> dict[str, str]: ...

    def save(self, values: Mapping[str, str]) -> None: ...

    def notice(self) -> str:
        """A line to show above the form (demo mode says what to type), or empty."""
        ...


def kept(values: Mapping[str, str]) -> dict[str, str]:
    """Only the keys that may be kept, as short plain strings."""
    return {
        key: value
        for key in KEPT_KEYS
        if isinstance(value := values.get(key), str) and len(value) <= MAX_KEPT_LENGTH
    }


class SettingsFields:
    """The user's fields in the window-state INI file (``CrmPanel/url`` …)."""

    @staticmethod
    def _store() -> QSettings:
        from desktop.gui.window_state import settings

        return settings()

    def load(self) -> dict[str, str]:
        store = self._store()
        found: dict[str, str] = {}
        for key in KEPT_KEYS:
            value = store.value(f"{GROUP}/{key}")
            if isinstance(value, str):
                found[key] = value
        return kept(found)

    def save(self, values: Mapping[str, str]) -> None:
        from desktop.gui import window_state

        fields = {f"{GROUP}/{key}": value for key, value in kept(values).items()}
        if not window_state.write(self._store(), fields):  # it says so; it never raises
            log.warning("The CRM.COM form's fields could not be kept")

    def notice(self) -> str:
        return ""


class PresetFields:
    """Fixed start values (demo mode): ``values()`` is asked when the panel is built, so a demo
    server can be started only then; nothing is saved."""

    def __init__(self, values: Callable[[], Mapping[str, str]], notice: Callable[[], str]) -> None:
        self._values = values
        self._notice = notice

    def load(self) -> dict[str, str]:
        return kept(self._values())

    def save(self, values: Mapping[str, str]) -> None:
        del values  # the demo's fields are never kept

    def notice(self) -> str:
        return self._notice()


_session: RememberedFields | None = None


def use_for_session(fields: RememberedFields | None) -> None:
    """Give every panel built from now on ``fields`` (``None``: the user's settings again)."""
    global _session
    _session = fields


def session_fields() -> RememberedFields:
    """What a new panel starts from: the session's preset (demo) or the user's settings."""
    return _session if _session is not None else SettingsFields()
