"""Where a window was: its size, position and maximised state, kept between runs.

One INI file, ``window.ini`` in the user's config folder, with a key group per window
(``MainWindow/``, ``ProfilesDialog/``). It holds rectangles and a flag, never anything typed
into a form. A rectangle that no screen shows any more (a laptop off its docking station) is
not restored: the window opens at its default size instead of out of reach.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

from PySide6.QtCore import QRect, QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

from desktop.core.paths import config_dir

log = logging.getLogger(__name__)

FILE_NAME = "window.ini"
# At least this much of a restored window must be on a screen (enough to grab and move it).
MIN_VISIBLE_WIDTH = 120
MIN_VISIBLE_HEIGHT = 60
MIN_SIZE = 200


def settings() -> QSettings:
    """The window-state file (created on the first save)."""
    return QSettings(str(config_dir() / FILE_NAME), QSettings.Format.IniFormat)


def write(store: QSettings, values: Mapping[str, object]) -> bool:
    """Set ``values`` (key -> value) in ``store`` and write it out; False when the file could
    not be written (QSettings never raises: it only says so in its status)."""
    for key, value in values.items():
        store.setValue(key, value)
    store.sync()
    return store.status() == QSettings.Status.NoError


def _reachable(rect: QRect) -> bool:
    """True if some screen shows enough of ``rect`` for the user to reach it."""
    if rect.width() < MIN_SIZE or rect.height() < MIN_SIZE:
        return False
    for screen in QGuiApplication.screens():
        seen = screen.availableGeometry().intersected(rect)
        if seen.width() >= MIN_VISIBLE_WIDTH and seen.height() >= MIN_VISIBLE_HEIGHT:
            return True
    return False


def _fitted(rect: QRect) -> QRect:
    """``rect``, shrunk and moved onto the screen that shows most of it (a place saved on a
    large monitor must not open larger than a small laptop screen)."""
    screens = QGuiApplication.screens()
    if not screens:
        return rect
    best = max(screens, key=lambda s: _area(s.availableGeometry().intersected(rect)))
    room = best.availableGeometry()
    fitted = QRect(rect)
    fitted.setWidth(min(rect.width(), room.width()))
    fitted.setHeight(min(rect.height(), room.height()))
    fitted.moveLeft(max(room.left(), min(fitted.left(), room.right() - fitted.width() + 1)))
    fitted.moveTop(max(room.top(), min(fitted.top(), room.bottom() - fitted.height() + 1)))
    return fitted


def _area(rect: QRect) -> int:
    return max(rect.width(), 0) * max(rect.height(), 0)


def restore(widget: QWidget, prefix: str) -> bool:
    """Put ``widget`` (not yet shown) where it was when last closed; False if nothing usable
    is stored (first run, a damaged file, or a place no screen shows)."""
    store = settings()
    value = store.value(f"{prefix}/geometry")
    if not isinstance(value, QRect) or not _reachable(value):
        if value is not None:
            log.info("%s: the stored window place is not on any screen; default used", prefix)
        return False
    widget.setGeometry(_fitted(value))
    if str(store.value(f"{prefix}/maximized", "false")).lower() == "true":
        widget.setWindowState(widget.windowState() | Qt.WindowState.WindowMaximized)
    return True


def save(widget: QWidget, prefix: str) -> None:
    """Keep where ``widget`` is (its normal place when maximised, so un-maximising works)."""
    maximized = widget.isMaximized()
    rect = widget.normalGeometry() if maximized else widget.geometry()
    if rect.isEmpty():
        rect = widget.geometry()
    if not write(settings(), {f"{prefix}/geometry": rect, f"{prefix}/maximized": maximized}):
        log.warning("The window's place could not be saved")
