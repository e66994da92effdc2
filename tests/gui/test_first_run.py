"""First start (no profile yet): a welcome with one button, no error, focus on that button."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.simulator.server import Simulator
from tests.gui.conftest import type_into


def test_first_start_shows_a_welcome_with_focus_on_create_and_no_error(
    qtbot: Any, make_window: Any
) -> None:
    window = make_window()
    tab = window.sync_tab
    assert tab.currentWidget() is tab.welcome
    button = tab.welcome.createButton
    assert button.isVisible()
    assert button.text().replace("&", "") == "Create connection profile…"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is button)
    assert not window.tabs.tabBar().hasFocus()
    # No red text anywhere the administrator can see before doing anything.
    assert not tab.form.isVisible()
    assert not tab.form.profileError.isVisible()
    assert not tab.form.errorBanner.isVisible()


def test_create_opens_the_dialog_on_a_new_profile_and_the_form_follows(
    qtbot: Any, simulator: Simulator, make_window: Any
) -> None:
    window = make_window()
    tab = window.sync_tab
    qtbot.waitUntil(lambda: tab.welcome.createButton.hasFocus())
    qtbot.keyClick(tab.welcome.createButton, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: tab.profile_dialog is not None and tab.profile_dialog.isVisible())
    dialog = tab.profile_dialog
    assert dialog.nameEdit.text() == "New profile"
    type_into(qtbot, dialog.nameEdit, "Head office")
    type_into(qtbot, dialog.endpointEdit, simulator.esws_endpoint)
    type_into(qtbot, dialog.i3Edit, simulator.url)
    with qtbot.waitSignal(dialog.profilesChanged):
        qtbot.mouseClick(dialog.saveButton, Qt.MouseButton.LeftButton)
    dialog.close()

    assert tab.currentWidget() is tab.formPage
    assert tab.form.isVisible()
    assert tab.form.profileCombo.currentText() == "Head office"
    qtbot.waitUntil(tab.form.companyIdEdit.hasFocus)  # the next thing to fill in
    assert not tab.form.errorBanner.isVisible()


def test_with_a_profile_the_form_shows_at_once(
    qtbot: Any, saved_profile: Any, make_window: Any
) -> None:
    window = make_window()
    assert window.sync_tab.currentWidget() is window.sync_tab.formPage
    assert not window.sync_tab.welcome.isVisible()
