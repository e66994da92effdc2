"""A whole sync by keyboard alone: every key goes to the focused widget, as a user's would.

Tab follows the form, Enter syncs, the sync view's Back and Reload are reached by their access
keys, Esc cancels a request under way, Ctrl+P opens the profiles dialog; after a refusal the
cursor is in the field concerned.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from desktop.simulator.esws_logic import DEMO_COMPANY_ID, DEMO_PASSWORD
from desktop.simulator.server import Simulator
from tests.gui.conftest import PAGE_TIMEOUT_MS

ALT = Qt.KeyboardModifier.AltModifier


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def press(
    qtbot: Any, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    qtbot.keyClick(focused(), key, modifier)


def type_text(qtbot: Any, text: str) -> None:
    qtbot.keyClicks(focused(), text)


def tab_chain(qtbot: Any, steps: int) -> list[str]:
    """The object names focus passes through for ``steps`` presses of Tab."""
    names = []
    for _ in range(steps):
        press(qtbot, Qt.Key.Key_Tab)
        names.append(focused().objectName())
    return names


def active_window(qtbot: Any, make_window: Any) -> Any:
    window = make_window()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWindow() is window.windowHandle())
    return window


def test_a_whole_sync_by_keyboard_alone(
    qtbot: Any, simulator: Simulator, saved_profile: Any, make_window: Any
) -> None:
    window = active_window(qtbot, make_window)
    tab = window.sync_tab
    form = tab.form

    # The cursor starts where the first thing to do is: the security code (not the tab strip).
    qtbot.waitUntil(lambda: focused() is form.companyIdEdit)
    type_text(qtbot, DEMO_COMPANY_ID)
    # Tab follows the form, top to bottom; Sync is skipped while the form is incomplete.
    assert tab_chain(qtbot, 3) == ["showCompanyIdButton", "adminUserEdit", "passwordEdit"]
    assert form.adminUserEdit.text()  # the profile's username is already there
    type_text(qtbot, DEMO_PASSWORD)
    assert tab_chain(qtbot, 3) == ["rememberPasswordCheck", "modeOneRadio", "userIdEdit"]
    type_text(qtbot, "42")
    assert tab_chain(qtbot, 2) == ["locationEdit", "syncButton"]  # complete: Sync is a stop
    # Round the window and back into the form: the tab strip, then the profile's row.
    assert tab_chain(qtbot, 4) == [
        "qt_tabwidget_tabbar",
        "profileCombo",
        "manageProfilesButton",
        "companyIdEdit",
    ]
    assert form.companyIdEdit.text() == DEMO_COMPANY_ID

    # Enter syncs from wherever the cursor is in the form.
    page = tab.ensure_sync_page()
    with qtbot.waitSignal(page.pageLoaded, timeout=PAGE_TIMEOUT_MS) as loaded:
        press(qtbot, Qt.Key.Key_Return)
    assert loaded.args == [True] and tab.currentWidget() is page
    qtbot.waitUntil(lambda: not tab.vault_busy)

    # On the sync view the cursor is on Back; Tab reaches Reload; Alt+R reloads.
    assert focused() is page.backButton
    assert tab_chain(qtbot, 1) == ["reloadButton"]
    press(qtbot, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert focused() is page.backButton
    with qtbot.waitSignal(page.pageLoaded, timeout=PAGE_TIMEOUT_MS) as reloaded:
        press(qtbot, Qt.Key.Key_R, ALT)
    assert reloaded.args == [True]
    assert tab.currentWidget() is page
    # Alt+B: back to the form, the cursor on Sync.
    with qtbot.waitSignal(tab.formShown, timeout=5000):
        press(qtbot, Qt.Key.Key_B, ALT)
    qtbot.waitUntil(lambda: focused() is form.syncButton)

    # Esc cancels a request under way (a slow ESWS); the form comes back, unlocked.
    simulator.delay_seconds = 60.0
    press(qtbot, Qt.Key.Key_Return)  # Enter on Sync
    assert form.busy
    qtbot.waitUntil(lambda: focused() is form.cancelButton)
    with qtbot.waitSignal(tab.fetcher.failed, timeout=2000):
        press(qtbot, Qt.Key.Key_Escape)
    assert not form.busy and "Cancelled" in form.errorLabel.text()
    assert focused() is form.syncButton  # Enter would try again
    simulator.delay_seconds = 0.0

    # Ctrl+P (File > Manage profiles) opens the profiles dialog, Esc closes it.
    press(qtbot, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: tab.profile_dialog is not None and tab.profile_dialog.isVisible())
    dialog = tab.profile_dialog
    qtbot.waitUntil(lambda: dialog.isAncestorOf(focused()))
    with qtbot.waitSignal(dialog.finished, timeout=5000):
        press(qtbot, Qt.Key.Key_Escape)


def test_after_a_refusal_the_cursor_is_in_the_field_concerned(
    qtbot: Any, simulator: Simulator, saved_profile: Any, make_window: Any
) -> None:
    window = active_window(qtbot, make_window)
    form = window.sync_tab.form
    qtbot.waitUntil(lambda: focused() is form.companyIdEdit)
    type_text(qtbot, DEMO_COMPANY_ID)
    press(qtbot, Qt.Key.Key_W, ALT)  # Pass&word
    assert focused() is form.passwordEdit
    type_text(qtbot, "not the password")
    press(qtbot, Qt.Key.Key_U, ALT)  # &User id
    type_text(qtbot, "42")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: form.errorBanner.isVisible() and not form.busy, timeout=10_000)
    qtbot.waitUntil(lambda: focused() is form.passwordEdit)
    assert form.passwordEdit.selectedText() == form.passwordEdit.text()  # typing replaces it
    assert form.passwordEdit.accessibleDescription() == form.passwordError.text() != ""
    type_text(qtbot, DEMO_PASSWORD)
    assert not form.errorBanner.isVisible()


def test_enter_on_an_incomplete_form_puts_the_cursor_on_what_is_missing(
    qtbot: Any, simulator: Simulator, saved_profile: Any, make_window: Any
) -> None:
    window = active_window(qtbot, make_window)
    form = window.sync_tab.form
    qtbot.waitUntil(lambda: focused() is form.companyIdEdit)
    type_text(qtbot, DEMO_COMPANY_ID)
    press(qtbot, Qt.Key.Key_Return)
    assert focused() is form.passwordEdit  # the first field still empty
    assert form.passwordError.isVisible()
    assert "password" in form.passwordEdit.accessibleDescription()


def test_ctrl_p_waits_while_a_sync_is_under_way(
    qtbot: Any, simulator: Simulator, saved_profile: Any, make_window: Any
) -> None:
    window = active_window(qtbot, make_window)
    tab = window.sync_tab
    form = tab.form
    qtbot.waitUntil(lambda: focused() is form.companyIdEdit)
    type_text(qtbot, DEMO_COMPANY_ID)
    press(qtbot, Qt.Key.Key_W, ALT)
    type_text(qtbot, DEMO_PASSWORD)
    press(qtbot, Qt.Key.Key_U, ALT)
    type_text(qtbot, "42")
    simulator.delay_seconds = 60.0
    press(qtbot, Qt.Key.Key_Return)
    assert form.busy
    press(qtbot, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert tab.profile_dialog is None  # the form of a sync under way is not changed
    window.tabs.setCurrentIndex(window.tabs.count() - 1)  # meanwhile on another tab
    other = window.tabs.currentWidget()
    assert other is not tab
    press(qtbot, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentWidget() is other and tab.profile_dialog is None  # nothing moved
    window.tabs.setCurrentWidget(tab)
    form.cancelButton.setFocus()  # back in the form, where Esc cancels
    qtbot.waitUntil(lambda: focused() is form.cancelButton)
    tab.manage_profiles()  # as the form's and the welcome page's buttons ask for it
    assert tab.profile_dialog is None
    with qtbot.waitSignal(tab.fetcher.failed, timeout=2000):
        press(qtbot, Qt.Key.Key_Escape)
    press(qtbot, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: tab.profile_dialog is not None and tab.profile_dialog.isVisible())
    tab.profile_dialog.reject()
