"""Access keys in the main window: unique among what is on screen together (the menu bar and the
current tab's page), each reaching its control; a control without one has an accessible name."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from desktop.simulator.server import Simulator


def access_keys(window: Any) -> dict[str, list[str]]:
    """key -> texts, for the menu bar's menus and every visible button, check box, radio button
    and field label (with a buddy) of ``window``."""
    texts = [action.text() for action in window.menuBar().actions() if action.isVisible()]
    widgets: list[QWidget] = [*window.findChildren(QAbstractButton), *window.findChildren(QLabel)]
    for widget in widgets:
        if not widget.isVisible():
            continue
        if isinstance(widget, QLabel) and widget.buddy() is None:
            continue  # no buddy: the label has no access key
        texts.append(widget.text())  # type: ignore[attr-defined]
    found: dict[str, list[str]] = {}
    for text in texts:
        key = QKeySequence.mnemonic(text).toString()
        if key:
            found.setdefault(key, []).append(text)
    return found


def clashes(window: Any) -> dict[str, list[str]]:
    return {key: texts for key, texts in access_keys(window).items() if len(texts) > 1}


def unnamed_buttons(window: Any) -> list[str]:
    """Visible buttons with neither an access key nor an accessible name."""
    return [
        button.objectName() or button.text()
        for button in window.findChildren(QAbstractButton)
        if button.isVisible()
        and not QKeySequence.mnemonic(button.text()).toString()
        and not button.accessibleName()
        and button.text() != ""  # e.g. a tab bar's scroll arrows are Qt's own
    ]


def test_every_access_key_of_the_form_and_the_menus_is_unique(
    qtbot: Any, saved_profile: Any, make_window: Any
) -> None:
    window = make_window()
    keys = access_keys(window)
    assert clashes(window) == {}
    texts = {text for found in keys.values() for text in found}
    assert {"&File", "&View", "&Help", "&Sync", "&Manage profiles…", "Pass&word:"} <= texts
    assert len(keys) >= 14
    assert unnamed_buttons(window) == []
    # The form's buttons without an access key say what they do.
    form = window.sync_tab.form
    assert form.showCodeButton.accessibleName() == "Show the security code"
    assert form.cancelButton.accessibleName()


def test_access_keys_stay_unique_on_every_page_of_the_window(
    qtbot: Any, simulator: Simulator, saved_profile: Any, make_window: Any
) -> None:
    window = make_window()
    tab = window.sync_tab
    page = tab.ensure_sync_page()
    tab.setCurrentWidget(page)
    qtbot.waitUntil(page.backButton.isVisible)
    assert clashes(window) == {}
    assert unnamed_buttons(window) == []
    tab.back_to_form()

    window.tabs.setCurrentIndex(window.tabs.count() - 1)  # History
    qtbot.waitUntil(lambda: window.history_tab is not None and window.history_tab.isVisible())
    assert clashes(window) == {}


def test_the_crm_com_tab_and_the_menus_have_unique_keys(
    qtbot: Any, saved_profile: Any, make_window: Any
) -> None:
    window = make_window()
    window.add_crm_tab()
    window.tabs.setCurrentWidget(window.crm_panel)
    qtbot.waitUntil(window.crm_panel.isVisible)
    keys = access_keys(window)
    assert keys["Alt+F"] == ["&File"] and keys["Alt+V"] == ["&View"] and keys["Alt+H"] == ["&Help"]
    assert clashes(window) == {}
    assert unnamed_buttons(window) == []


def test_the_welcome_page_and_the_menus_have_unique_keys(qtbot: Any, make_window: Any) -> None:
    window = make_window()
    assert window.sync_tab.currentWidget() is window.sync_tab.welcome
    assert clashes(window) == {}
    assert "&Create connection profile…" in {t for ts in access_keys(window).values() for t in ts}


def test_the_form_access_keys_reach_their_controls(
    qtbot: Any, saved_profile: Any, make_window: Any
) -> None:
    window = make_window()
    form = window.sync_tab.form
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWindow() is window.windowHandle())
    alt = Qt.KeyboardModifier.AltModifier
    for key, target in (
        (Qt.Key.Key_C, form.companyIdEdit),
        (Qt.Key.Key_A, form.adminUserEdit),
        (Qt.Key.Key_W, form.passwordEdit),
        (Qt.Key.Key_U, form.userIdEdit),
        (Qt.Key.Key_T, form.locationEdit),
        (Qt.Key.Key_P, form.profileCombo),
    ):
        qtbot.keyClick(window.windowHandle(), key, alt)
        qtbot.waitUntil(target.hasFocus)
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_L, alt)
    qtbot.waitUntil(form.modeTotalRadio.isChecked)
    qtbot.keyClick(window.windowHandle(), Qt.Key.Key_O, alt)
    qtbot.waitUntil(form.modeOneRadio.isChecked)
