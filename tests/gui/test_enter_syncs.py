"""Enter syncs from anywhere in the form ("Press Enter or Sync"); an open combo list keeps it."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from desktop.esws.request import SyncKind
from desktop.gui.esws.sync_form import SyncForm
from desktop.simulator.esws_logic import DEMO_COMPANY_ID, DEMO_PASSWORD
from tests.gui.conftest import PAGE_TIMEOUT_MS, fill_form, type_into

WIDGETS = [
    "companyIdEdit",
    "showCodeButton",
    "adminUserEdit",
    "passwordEdit",
    "rememberCheck",
    "modeOneRadio",
    "userIdEdit",
    "locationEdit",
    "profileCombo",
    "syncButton",
]


@pytest.fixture
def form(qtbot: Any) -> SyncForm:
    widget = SyncForm()
    qtbot.addWidget(widget)
    widget.set_profiles(["Acme", "Branch"], "Acme")
    widget.show()
    qtbot.waitExposed(widget)
    type_into(qtbot, widget.companyIdEdit, DEMO_COMPANY_ID)
    type_into(qtbot, widget.adminUserEdit, "hr.admin")
    type_into(qtbot, widget.passwordEdit, DEMO_PASSWORD)
    type_into(qtbot, widget.userIdEdit, "42")
    return widget


@pytest.mark.parametrize("name", WIDGETS)
@pytest.mark.parametrize("key", [Qt.Key.Key_Return, Qt.Key.Key_Enter])
def test_enter_on_any_widget_of_a_complete_form_syncs(
    qtbot: Any, form: SyncForm, name: str, key: Qt.Key
) -> None:
    widget = getattr(form, name)
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)
    modifier = (
        Qt.KeyboardModifier.KeypadModifier
        if key == Qt.Key.Key_Enter
        else Qt.KeyboardModifier.NoModifier
    )
    with qtbot.waitSignal(form.syncRequested, timeout=2000) as sent:
        qtbot.keyClick(widget, key, modifier)
    assert sent.args[0].kind is SyncKind.ONE_USER
    assert sent.args[0].user_id == "42"


def test_enter_on_the_all_users_radio_syncs_all_users(qtbot: Any, form: SyncForm) -> None:
    qtbot.mouseClick(form.modeTotalRadio, Qt.MouseButton.LeftButton)
    form.modeTotalRadio.setFocus()
    with qtbot.waitSignal(form.syncRequested, timeout=2000) as sent:
        qtbot.keyClick(form.modeTotalRadio, Qt.Key.Key_Return)
    assert sent.args[0].kind is SyncKind.ALL_USERS


def test_one_enter_sends_one_request(qtbot: Any, form: SyncForm) -> None:
    sent: list[object] = []
    form.syncRequested.connect(sent.append)
    form.passwordEdit.setFocus()
    qtbot.keyClick(form.passwordEdit, Qt.Key.Key_Return)
    assert len(sent) == 1


def test_enter_on_an_incomplete_form_goes_to_what_is_missing(qtbot: Any, form: SyncForm) -> None:
    type_into(qtbot, form.userIdEdit, "")
    sent: list[object] = []
    form.syncRequested.connect(sent.append)
    form.rememberCheck.setFocus()
    qtbot.keyClick(form.rememberCheck, Qt.Key.Key_Return)
    assert sent == []
    qtbot.waitUntil(form.userIdEdit.hasFocus)
    assert form.userIdError.text()


# The offscreen platform cannot raise a popup or grab the keyboard for it; the list still works.
@pytest.mark.qt_log_ignore("This plugin does not support (raise|grabbing the keyboard)")
def test_enter_in_the_open_profile_list_picks_the_item_and_does_not_sync(
    qtbot: Any, form: SyncForm
) -> None:
    sent: list[object] = []
    form.syncRequested.connect(sent.append)
    combo = form.profileCombo
    combo.setFocus()
    combo.showPopup()
    view: QWidget = combo.view()
    qtbot.waitUntil(view.isVisible)
    qtbot.keyClick(view, Qt.Key.Key_Down)
    with qtbot.waitSignal(form.profileChosen, timeout=2000) as chosen:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert chosen.args == ["Branch"]
    qtbot.waitUntil(lambda: not view.isVisible())
    assert sent == []
    assert combo.currentText() == "Branch"
    # Closed again, the next Enter syncs.
    with qtbot.waitSignal(form.syncRequested, timeout=2000):
        qtbot.keyClick(combo, Qt.Key.Key_Return)


def test_ctrl_enter_does_not_sync(qtbot: Any, form: SyncForm) -> None:
    sent: list[object] = []
    form.syncRequested.connect(sent.append)
    form.modeOneRadio.setFocus()
    qtbot.keyClick(form.modeOneRadio, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert sent == []


def test_enter_on_a_radio_in_the_window_opens_the_sync_page(
    qtbot: Any, simulator: Any, saved_profile: Any, make_window: Any
) -> None:
    window = make_window()
    fill_form(qtbot, window)
    radio = window.sync_tab.form.modeOneRadio
    radio.setFocus()
    qtbot.waitUntil(radio.hasFocus)
    page = window.sync_tab.ensure_sync_page()
    with qtbot.waitSignal(page.pageLoaded, timeout=PAGE_TIMEOUT_MS) as loaded:
        qtbot.keyClick(radio, Qt.Key.Key_Return)
    assert loaded.args == [True]
    assert window.sync_tab.currentWidget() is page
    qtbot.waitUntil(lambda: not window.sync_tab.vault_busy)
