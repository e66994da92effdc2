"""The guards against PySide6 6.12.0's reference bugs (Python 3.11 aborts without them): emit()
loses a reference to True, every method returning nothing one to None."""

from __future__ import annotations

import os
import subprocess
import sys
from typing import Any

import PySide6
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel

from desktop.gui.qt_compat import guard_signal_emit, has_emit_bug, pin_singletons


class Emitter(QObject):
    flag = Signal(bool)
    value = Signal(object)


def test_thousands_of_emits_leave_true_and_false_alone(qtbot: Any) -> None:
    guard_signal_emit()  # tests/gui/conftest.py did already (prepare_qt); idempotent
    emitter = Emitter()
    received: list[object] = []
    emitter.flag.connect(received.append)
    emitter.value.connect(lambda v: None)
    before = sys.getrefcount(True), sys.getrefcount(False)
    for _ in range(5000):
        emitter.flag.emit(True)
        emitter.value.emit(False)
        emitter.destroyed.emit()
    received.clear()
    assert (sys.getrefcount(True), sys.getrefcount(False)) == before


def test_the_app_process_survives_many_emits_on_python_3_11() -> None:
    # In a fresh interpreter (True's count is small there): without the guard, this aborts.
    script = (
        "from desktop.gui.qt_setup import prepare_qt\n"
        "prepare_qt()\n"
        "from PySide6.QtCore import QObject, Signal\n"
        "class E(QObject):\n"
        "    s = Signal()\n"
        "e = E()\n"
        "for _ in range(20000):\n"
        "    e.s.emit()\n"
        "print('ok')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "ok"


def test_the_guard_is_decided_by_versions_not_by_a_probe() -> None:
    assert has_emit_bug("6.12.0", (3, 11))
    assert has_emit_bug("6.12.3", (3, 11))
    assert not has_emit_bug("6.12.0", (3, 12))  # True is immortal there
    assert not has_emit_bug("6.11.2", (3, 11))
    assert not has_emit_bug("6.13.0", (3, 11))
    assert not has_emit_bug("unknown", (3, 11))


def test_the_guard_is_in_place_before_the_app_or_any_signal_exists_on_every_path() -> None:
    # The self-check and the window both build their QApplication with create_application.
    script = (
        "import sys, PySide6\n"
        "from PySide6.QtCore import SignalInstance\n"
        "original = SignalInstance.emit\n"
        "from desktop.gui import qt_setup\n"
        "assert SignalInstance.emit is original  # importing alone changes nothing\n"
        "qt_setup.create_application([])\n"
        "from desktop.gui.qt_compat import has_emit_bug\n"
        "bug = has_emit_bug(PySide6.__version__, sys.version_info[:2])\n"
        "print((SignalInstance.emit is not original) == bug)\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, env=env
    )
    assert result.stdout.strip() == "True", result.stderr[-2000:]


def test_calls_that_return_nothing_leave_none_alone(qtbot: Any) -> None:
    # PySide6 6.12 takes a reference from None on every such call; pinned, it cannot run out.
    label = QLabel()
    qtbot.addWidget(label)
    for _ in range(5000):
        label.setText("x")
        label.parent()
    assert sys.getrefcount(None) > 1 << 59  # pinned (or immortal, on Python 3.12+)


def test_the_app_process_survives_a_morning_of_calls_that_return_nothing() -> None:
    # A fresh interpreter: without the pin, None runs out of references and Python aborts
    # ("none_dealloc"), as the soak benchmark did after a few hundred syncs.
    script = (
        "import os\n"
        "os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from desktop.gui.qt_setup import create_application\n"
        "app = create_application([])\n"
        "from PySide6.QtWidgets import QLabel\n"
        "label = QLabel()\n"
        "for _ in range(200000):\n"
        "    label.setText('x')\n"
        "print('ok')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "ok"


def test_pinning_is_decided_by_the_same_versions_and_is_idempotent() -> None:
    assert pin_singletons() == has_emit_bug(PySide6.__version__, sys.version_info[:2])
    before = sys.getrefcount(None)
    pin_singletons()
    assert abs(sys.getrefcount(None) - before) < 1000  # not pinned twice
