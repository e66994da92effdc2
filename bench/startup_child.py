"""The start-up children of ``bench/gui_ratios.py``: a bare PySide6 window, or ``i3sync``.

``python bench/startup_child.py bare`` or ``python bench/startup_child.py app [--demo]``. Each
prints CLOCK_MONOTONIC (ns) at its window's first paint, then closes it (after
``BENCH_LINGER_MS``, when an outside watcher needs to see it). This file imports only what every
Python program has loaded by then (``os``, ``sys``, ``time``): what the app imports is counted
for the app, and nothing of the benchmark's own is counted for either side.
"""

from __future__ import annotations

import os
import sys
import time
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import argparse
    from collections.abc import Callable, Sequence


def linger_ms() -> int:
    """How long the window stays after the paint (for a watcher outside); 0: it closes at once."""
    return int(os.environ.get("BENCH_LINGER_MS", "0"))


def run_app(on_window: Callable[[Any], None], argv: Sequence[str] = ()) -> int:
    """``i3sync`` as the entry point runs it, with ``on_window`` called on the shown window."""
    import desktop.cli
    import desktop.gui.launch as launch

    def run_gui(args: argparse.Namespace, argv: Any) -> int:
        return launch.start(args, argv, on_window=on_window)

    launch.run_gui = run_gui
    return desktop.cli.main(list(argv))


def bare() -> None:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

    app = QApplication([sys.argv[0]])
    window = QWidget()
    window.setWindowTitle("bare")
    QVBoxLayout(window).addWidget(QLabel("A bare PySide6 window"))
    window.resize(900, 780)

    class FirstPaint(QObject):
        done = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if not self.done and event.type() == QEvent.Type.Paint:
                self.done = True
                QTimer.singleShot(0, report)
            return False

    def report() -> None:
        print(time.monotonic_ns(), flush=True)
        QTimer.singleShot(linger_ms(), app.quit)

    paint = FirstPaint()
    window.installEventFilter(paint)
    window.show()
    app.exec()


def app(*argv: str) -> None:
    from PySide6.QtCore import QTimer

    def on_window(window: Any) -> None:
        def painted() -> None:
            print(time.monotonic_ns(), flush=True)
            QTimer.singleShot(linger_ms(), window.close)

        window.painted.connect(painted)

    sys.exit(run_app(on_window, argv))


if __name__ == "__main__":
    sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    if sys.argv[1] == "bare":
        bare()
    else:
        app(*sys.argv[2:])
