"""View > Language: English, Nederlands, Deutsch; the choice is saved for the next start, and a
plain message says when it takes effect."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.gui import i18n


def test_the_language_menu_lists_three_languages_with_the_current_one_checked(
    qtbot: Any, saved_profile: Any, make_window: Any
) -> None:
    window = make_window()
    menu = window.language_menu
    assert menu.menuAction() in window.view_menu.actions()
    assert window.view_menu.menuAction() in window.menuBar().actions()
    texts = [action.text().replace("&", "") for action in menu.actions()]
    assert texts == ["English", "Nederlands", "Deutsch"]
    assert all(action.isCheckable() for action in menu.actions())
    checked = [code for code, action in menu.language_actions.items() if action.isChecked()]
    assert checked == [i18n.current_language()] == ["en"]


def test_choosing_deutsch_saves_it_and_says_it_applies_at_the_next_start(
    qtbot: Any, saved_profile: Any, make_window: Any
) -> None:
    window = make_window()
    menu = window.language_menu
    assert i18n.saved_language() is None
    menu.language_actions["de"].trigger()

    assert i18n.saved_language() == "de"
    assert menu.language_actions["de"].isChecked()
    assert not menu.language_actions["en"].isChecked()
    notice = menu.notice
    assert notice is not None
    qtbot.waitUntil(notice.isVisible)
    assert "Deutsch" in notice.text() and "next start" in notice.text()
    assert notice.textFormat() is Qt.TextFormat.PlainText
    assert i18n.current_language() == "en"  # the window itself stays as it was built
    notice.accept()

    # Back to English, the language in use: saved, and the message says it is the one shown.
    menu.language_actions["en"].trigger()
    assert i18n.saved_language() == "en"
    assert menu.notice is not None and "next start" not in menu.notice.text()
    menu.notice.accept()


# Menus open offscreen as popups the plugin cannot raise nor give the keyboard grab.
@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")
def test_the_language_menu_is_reached_by_keys(
    qtbot: Any, saved_profile: Any, make_window: Any
) -> None:
    window = make_window()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWindow() is window.windowHandle())
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(window.view_menu.isVisible)
    qtbot.keyClick(window.view_menu, Qt.Key.Key_L)
    qtbot.waitUntil(window.language_menu.isVisible)
    qtbot.keyClick(window.language_menu, Qt.Key.Key_N)
    qtbot.waitUntil(lambda: i18n.saved_language() == "nl")
    notice = window.language_menu.notice
    assert notice is not None and "Nederlands" in notice.text()
    notice.accept()
