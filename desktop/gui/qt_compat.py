"""Guards against reference-counting bugs of PySide6 6.12 on Python 3.11.

1. ``SignalInstance.emit``:
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

2. Every PySide6 method that returns nothing (``setText``, ``setEnabled``, ``parent()`` of an
orphan, …) takes one reference away from ``None`` (measured: exactly -1 per call). ``None``
starts with some tens of thousands, so the window aborted ("Fatal Python error: none_dealloc")
after a few hundred syncs of ``bench/soak.py``. Wrapping every method is not possible; instead
:func:`pin_singletons` gives ``None``, ``True`` and ``False`` a reference count no program can
spend (2**60), which is what Python 3.12 does for them ("immortal objects", PEP 683).
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


# Far beyond what any run can take away (one per call), far below the Py_ssize_t limit.
PIN = 1 << 60


def pin_singletons() -> bool:
    """Make ``None``, ``True`` and ``False`` immortal where PySide6 6.12 leaks their references.

    Writes the object's reference count in place (the first field of every object in CPython's
    release builds; checked through ``sys.getrefcount`` and undone when the layout differs).
    Idempotent; True when pinned.
    """
    if _state.get("pinned"):
        return True
    if not has_emit_bug(PySide6.__version__, sys.version_info[:2]):
        return False
    for value in (None, True, False):
        count = ctypes.c_ssize_t.from_address(id(value))
        before = sys.getrefcount(value)
        count.value += PIN
        if sys.getrefcount(value) - before != PIN:  # not the layout we know: leave it alone
            count.value -= PIN
            log.warning("PySide6 %s: could not pin %r", PySide6.__version__, value)
            return False
    _state["pinned"] = True
    log.debug("PySide6 %s: None, True and False pinned", PySide6.__version__)
    return True


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
