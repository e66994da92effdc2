"""A guard against a reference-counting bug of PySide6 6.12.0 in ``SignalInstance.emit``.

``emit()`` returns ``True`` without owning a reference to it: every call from Python takes one
reference away from ``True``. On Python 3.11, where ``True`` is not immortal, the interpreter
aborts ("Fatal Python error: bool_dealloc") after a few hundred to a few thousand emits: a
window left open for a morning of syncs would crash. Qt's own (C++) emissions are not affected.

:func:`guard_signal_emit` checks once whether the running PySide6 has the bug and, only then,
wraps ``emit`` so that the reference it takes away is given back. With a fixed PySide6 (or on
Python 3.12+, where the loss is harmless) nothing is changed.
"""

from __future__ import annotations

import ctypes
import logging
import sys
from typing import Any

from PySide6.QtCore import QObject, Signal, SignalInstance

log = logging.getLogger(__name__)

_PROBES = 8
_state: dict[str, bool] = {}


class _Probe(QObject):
    ping = Signal()


def _give_back(value: object, times: int = 1) -> None:
    for _ in range(times):
        ctypes.pythonapi.Py_IncRef(ctypes.py_object(value))


def emit_steals_a_reference() -> bool:
    """True when ``SignalInstance.emit`` returns a reference it does not own (measured once)."""
    if "steals" not in _state:
        probe = _Probe()
        before = sys.getrefcount(True)
        for _ in range(_PROBES):
            probe.ping.emit()
        lost = before - sys.getrefcount(True)
        if lost > 0:
            _give_back(True, lost)  # what the probe itself took
        _state["steals"] = lost == _PROBES
    return _state["steals"]


def guard_signal_emit() -> bool:
    """Wrap ``SignalInstance.emit`` if (and only if) it has the bug; True when wrapped."""
    if _state.get("guarded"):
        return True
    if not emit_steals_a_reference():
        return False
    original = SignalInstance.emit

    def emit(self: SignalInstance, *args: Any) -> Any:
        result = original(self, *args)
        _give_back(result)  # the reference emit() should have given us
        return result

    SignalInstance.emit = emit  # type: ignore[method-assign]
    _state["guarded"] = True
    log.info("PySide6 SignalInstance.emit loses a reference per call: guarded")
    return True
