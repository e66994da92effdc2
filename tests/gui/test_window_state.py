"""The window opens where the user left it: size, position, maximised; never off every screen."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRect
from PySide6.QtGui import QGuiApplication

from desktop.core.paths import config_dir
from desktop.gui import window_state
from desktop.simulator.esws_logic import DEMO_PASSWORD
from tests.gui.conftest import fill_form


def close(qtbot: Any, window: Any) -> None:
    window.close()
    qtbot.waitUntil(lambda: not window.isVisible())


def test_size_and_position_are_restored_in_a_new_window(
    qtbot: Any, saved_profile: Any, make_window: Any
) -> None:
    window = make_window()
    area = QGuiApplication.primaryScreen().availableGeometry()
    wanted = QRect(area.left() + 37, area.top() + 23, 640, 520)
    window.setGeometry(wanted)
    qtbot.waitUntil(lambda: window.geometry() == wanted)
    close(qtbot, window)
    assert (config_dir() / "window.ini").exists()

    again = make_window()
    assert again.geometry() == wanted
    assert not again.isMaximized()


def test_the_maximised_state_is_restored_and_the_normal_place_kept(
    qtbot: Any, saved_profile: Any, make_window: Any
) -> None:
    window = make_window()
    area = QGuiApplication.primaryScreen().availableGeometry()
    normal = QRect(area.left() + 50, area.top() + 40, 600, 480)
    window.setGeometry(normal)
    qtbot.waitUntil(lambda: window.geometry() == normal)
    window.showMaximized()
    qtbot.waitUntil(window.isMaximized)
    close(qtbot, window)

    again = make_window()
    qtbot.waitUntil(again.isMaximized)
    again.showNormal()
    qtbot.waitUntil(lambda: not again.isMaximized())
    qtbot.waitUntil(lambda: again.geometry() == normal)


def test_a_place_off_every_screen_is_not_restored(
    qtbot: Any, saved_profile: Any, make_window: Any
) -> None:
    store = window_state.settings()
    store.setValue("MainWindow/geometry", QRect(20_000, 15_000, 700, 600))
    store.setValue("MainWindow/maximized", False)
    store.sync()
    window = make_window()
    area = QGuiApplication.primaryScreen().availableGeometry()
    assert area.intersects(window.geometry())
    assert window.geometry().topLeft() != QRect(20_000, 15_000, 1, 1).topLeft()


def test_a_damaged_or_tiny_stored_place_falls_back_to_the_default(
    qtbot: Any, saved_profile: Any, make_window: Any
) -> None:
    default = make_window().size()
    for value in ("not a rectangle", QRect(10, 10, 20, 20)):
        store = window_state.settings()
        store.setValue("MainWindow/geometry", value)
        store.sync()
        window = make_window()
        assert window.size() == default, value


def test_the_file_holds_only_places_never_what_was_typed(
    qtbot: Any, saved_profile: Any, make_window: Any
) -> None:
    window = make_window()
    fill_form(qtbot, window)
    close(qtbot, window)
    text = (config_dir() / "window.ini").read_text(encoding="utf-8")
    assert DEMO_PASSWORD not in text
    keys = set(window_state.settings().allKeys())
    assert keys == {"MainWindow/geometry", "MainWindow/maximized"}


def test_a_place_saved_on_a_larger_screen_is_fitted_to_this_one(qtbot: Any) -> None:
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QWidget

    from desktop.gui import window_state

    room = QGuiApplication.primaryScreen().availableGeometry()
    big = QRect(room.left() + 10, room.top() + 10, room.width() * 2, room.height() * 2)
    window_state.settings().setValue("Probe/geometry", big)
    widget = QWidget()
    qtbot.addWidget(widget)
    assert window_state.restore(widget, "Probe")
    assert room.contains(widget.geometry())
