"""A guard against a reference-counting bug of PySide6 6.12 in ``SignalInstance.emit``.

``emit()`` returns ``True`` without owning a reference to it: every call from Python takes one
reference away from ``True``. On Python 3.11, where ``True`` is not immortal, the interpreter
aborts ("Fatal Python error: bool_dealloc") after a few hundred to a few thousand emits: a
window left open for a morning of syncs would crash. Qt's own (C++) emissions are not affected.

:func:`guard_signal_emit` wraps ``emit`` so that the reference it takes away is given back. It is
decided by versions, not measured: a probe counting references answered wrongly under load (2
runs in 20), and it had to run after the first paint. The guard is installed by
:func:`desktop.gui.qt_setup.prepare_qt`, before the QApplication exists and before any signal is
emitted, on every path (the window, ``--self-check``, the tests). On a PySide6 other than 6.12,
or on Python 3.12+ (where ``True`` is immortal and the loss harmless), nothing is changed.
"""

from __future__ import annotations

import ctypes
import logging
import sys
from typing import Any

import PySide6
from PySide6.QtCore import SignalInstance

log = logging.getLogger(__name__)

BUGGY_SERIES = (6, 12)
_state: dict[str, bool] = {}


def has_emit_bug(pyside_version: str, python: tuple[int, int]) -> bool:
    """True where ``emit()`` loses a reference that matters: PySide6 6.12.x on Python < 3.12."""
    try:
        series = tuple(int(part) for part in pyside_version.split(".")[:2])
    except ValueError:
        return False
    return series == BUGGY_SERIES and python < (3, 12)


def _give_back(value: object) -> None:
    ctypes.pythonapi.Py_IncRef(ctypes.py_object(value))


def guard_signal_emit() -> bool:
    """Wrap ``SignalInstance.emit`` where the versions have the bug; True when wrapped."""
    if _state.get("guarded"):
        return True
    if not has_emit_bug(PySide6.__version__, sys.version_info[:2]):
        return False
    original = SignalInstance.emit

    def emit(self: SignalInstance, *args: Any) -> Any:
        result = original(self, *args)
        _give_back(result)  # the reference emit() should have given us
        return result

    SignalInstance.emit = emit  # type: ignore[method-assign]
    _state["guarded"] = True
    log.debug("PySide6 %s: SignalInstance.emit guarded", PySide6.__version__)
    return True
