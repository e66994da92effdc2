"""Process-wide Qt set-up: what must happen before the QApplication exists, and the app's icon.

QtWebEngine is imported lazily (after the form is painted), and Qt then insists that OpenGL
contexts be shared, which can only be switched on before the QApplication is created.
"""

from __future__ import annotations

import gc
import itertools
import logging
import sys
from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QMessageLogContext, QSize, Qt, QTimer, QtMsgType
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from desktop import APP_ID, APP_NAME
from desktop.gui.qt_compat import guard_signal_emit, pin_singletons

log = logging.getLogger(__name__)
qt_log = logging.getLogger("qt")

ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)

_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def prepare_qt() -> None:
    """What must happen before the QApplication is constructed (safe to call twice).

    First :mod:`desktop.gui.qt_compat`'s guards, before any signal is emitted or any Qt method
    called: PySide6 6.12 loses a reference to ``True`` on every ``emit()`` and to ``None`` on
    every method that returns nothing, which aborts Python 3.11 after a few thousand.
    """
    pin_singletons()
    guard_signal_emit()
    if QCoreApplication.instance() is not None:
        return
    # QtWebEngineWidgets is imported after the QApplication exists (lazily, for a fast start):
    # Qt WebEngine then needs shared OpenGL contexts, or it warns and may render nothing.
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    # Fractional scaling (125 %, 150 %) as Windows users set it, without rounding to 100/200 %.
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
        Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
    )


GC_INTERVAL_MS = 500
_collector: QTimer | None = None


def collect_garbage_on_gui_thread(app: QCoreApplication) -> None:
    """Run Python's cyclic garbage collector on the GUI thread only (safe to call twice).

    Left to itself the collector runs in whichever thread happens to allocate: a runner thread,
    or a Qt or Chromium thread calling into Python. A cycle holding the last reference to a
    Python-owned Qt object (a view with a browser inside) would then be destroyed on that thread,
    and Chromium aborts the process ("Must be called on Chrome_UIThread"). So automatic
    collection is off and a GUI-thread timer collects instead, generation by generation as
    Python would (the youngest every half second, older ones every tenth and hundredth time).
    """
    global _collector
    if _collector is not None:
        return
    gc.disable()
    ticks = itertools.count(1)

    def collect() -> None:
        tick = next(ticks)
        gc.collect(2 if tick % 100 == 0 else 1 if tick % 10 == 0 else 0)

    _collector = QTimer(app)
    _collector.setObjectName("guiThreadGarbageCollector")
    _collector.setInterval(GC_INTERVAL_MS)
    _collector.timeout.connect(collect)
    _collector.start()


def create_application(argv: Sequence[str]) -> QApplication:
    """The process's QApplication (the existing one if any), named and with the app's icon."""
    prepare_qt()
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([sys.argv[0], *argv])
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName("I3Sync")
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(app_icon())
    collect_garbage_on_gui_thread(app)
    return app


def app_icon() -> QIcon:
    """The window icon at every size shipped, so that high-DPI screens get a sharp one."""
    from desktop.core.paths import resource_path

    icon = QIcon()
    for size in ICON_SIZES:
        path = resource_path(f"i3sync-{size}.png")
        if path.is_file():
            icon.addFile(str(path), QSize(size, size))
    if icon.isNull():
        log.warning("window icon not found among the resources")
    return icon


MessageHandler = Callable[[QtMsgType, QMessageLogContext, str], None]


def route_qt_messages_to_log() -> Callable[[], None]:
    """Send Qt's own messages to Python logging (the log file, through redaction).

    A handler installed before (pytest-qt's, in tests) still gets every message. Returns a
    function that puts the previous handler back.
    """
    from PySide6.QtCore import qInstallMessageHandler

    previous: MessageHandler | None = None

    def handler(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
        # Qt and Chromium messages go to the log file instead of a console nobody sees.
        category = context.category or "default"
        qt_log.log(_LEVELS.get(mode, logging.WARNING), "%s: %s", category, message)
        if previous is not None:
            previous(mode, context, message)

    previous = qInstallMessageHandler(handler)

    def restore() -> None:
        qInstallMessageHandler(previous)

    return restore
