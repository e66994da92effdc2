"""The form on its own and in the window: validation before the network, keyboard, labels."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QWidget

from desktop.esws import request
from desktop.esws.request import SyncKind
from desktop.gui.esws.sync_form import SyncForm
from desktop.simulator.esws_logic import DEMO_COMPANY_ID, DEMO_PASSWORD
from tests.gui.conftest import type_into

CONTRACT = {
    "companyIdEdit": "QLineEdit",
    "adminUserEdit": "QLineEdit",
    "passwordEdit": "QLineEdit",
    "userIdEdit": "QLineEdit",
    "locationEdit": "QLineEdit",
    "modeOneRadio": "QRadioButton",
    "modeTotalRadio": "QRadioButton",
    "profileCombo": "QComboBox",
    "syncButton": "QPushButton",
    "cancelButton": "QPushButton",
    "errorLabel": "QLabel",
}


@pytest.fixture
def form(qtbot: Any) -> SyncForm:
    widget = SyncForm()
    qtbot.addWidget(widget)
    widget.set_profiles(["Acme"], "Acme")
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def fill_valid(qtbot: Any, form: SyncForm) -> None:
    type_into(qtbot, form.companyIdEdit, DEMO_COMPANY_ID)
    type_into(qtbot, form.adminUserEdit, "hr.admin")
    type_into(qtbot, form.passwordEdit, DEMO_PASSWORD)
    type_into(qtbot, form.userIdEdit, "42")


def test_window_has_the_automation_contracts_object_names(
    qtbot: Any, saved_profile: Any, make_window: Any
) -> None:
    window = make_window()
    for name, class_name in CONTRACT.items():
        found = window.findChildren(QWidget, name)
        assert len(found) == 1, name
        assert found[0].metaObject().className() == class_name, name
    window.sync_tab.ensure_sync_page()  # syncView exists while a sync page is shown


def test_every_field_has_a_label_tied_to_it_and_an_accessible_name(form: SyncForm) -> None:
    buddies = {label.buddy() for label in form.findChildren(QLabel) if label.buddy()}
    for edit in (
        form.profileCombo,
        form.companyIdEdit,
        form.adminUserEdit,
        form.passwordEdit,
        form.userIdEdit,
        form.locationEdit,
    ):
        assert edit in buddies, edit.objectName()
        assert edit.accessibleName(), edit.objectName()


def test_secrets_are_masked_and_the_code_can_be_shown(qtbot: Any, form: SyncForm) -> None:
    assert form.companyIdEdit.echoMode() == QLineEdit.EchoMode.Password
    assert form.passwordEdit.echoMode() == QLineEdit.EchoMode.Password
    qtbot.mouseClick(form.showCodeButton, Qt.MouseButton.LeftButton)
    assert form.companyIdEdit.echoMode() == QLineEdit.EchoMode.Normal
    assert "Hide" in form.showCodeButton.accessibleName()
    qtbot.mouseClick(form.showCodeButton, Qt.MouseButton.LeftButton)
    assert form.companyIdEdit.echoMode() == QLineEdit.EchoMode.Password


def test_sync_is_disabled_until_the_form_is_valid(qtbot: Any, form: SyncForm) -> None:
    assert not form.syncButton.isEnabled()
    assert "security code" in form.hintLabel.text()
    fill_valid(qtbot, form)
    assert form.syncButton.isEnabled()
    type_into(qtbot, form.locationEdit, "x")
    assert not form.syncButton.isEnabled()
    type_into(qtbot, form.locationEdit, "3")
    assert form.syncButton.isEnabled()


def test_inline_errors_appear_once_a_field_is_left_and_name_the_problem(
    qtbot: Any, form: SyncForm
) -> None:
    type_into(qtbot, form.companyIdEdit, "too-short")
    assert form.companyIdError.isHidden()  # not while the user is still typing
    qtbot.keyClick(form.companyIdEdit, Qt.Key.Key_Tab)
    assert form.companyIdError.isVisible()
    assert "32 characters" in form.companyIdError.text()
    assert "32 characters" in form.companyIdEdit.accessibleDescription()
    type_into(qtbot, form.companyIdEdit, DEMO_COMPANY_ID)
    assert form.companyIdError.isHidden()  # fixed: the message goes at once


def test_the_security_code_is_taken_exactly_as_typed(qtbot: Any, form: SyncForm) -> None:
    fill_valid(qtbot, form)
    type_into(qtbot, form.companyIdEdit, " " + DEMO_COMPANY_ID[1:])  # 32 chars, leading space
    with qtbot.waitSignal(form.syncRequested) as sent:
        qtbot.keyClick(form.passwordEdit, Qt.Key.Key_Return)
    assert sent.args[0].company_id == " " + DEMO_COMPANY_ID[1:]


def test_enter_on_an_incomplete_form_shows_every_problem_and_goes_to_the_first(
    qtbot: Any, form: SyncForm
) -> None:
    type_into(qtbot, form.adminUserEdit, "hr.admin")
    with qtbot.assertNotEmitted(form.syncRequested):
        qtbot.keyClick(form.adminUserEdit, Qt.Key.Key_Return)
    assert form.companyIdError.isVisible()
    assert form.passwordError.isVisible()
    assert form.userIdError.isVisible()
    assert form.companyIdEdit.hasFocus()


def test_enter_submits_a_valid_form(qtbot: Any, form: SyncForm) -> None:
    fill_valid(qtbot, form)
    type_into(qtbot, form.locationEdit, "7")
    with qtbot.waitSignal(form.syncRequested) as sent:
        qtbot.keyClick(form.locationEdit, Qt.Key.Key_Return)
    request = sent.args[0]
    assert request.kind is SyncKind.ONE_USER
    assert (request.user_id, request.location_id) == ("42", 7)


def test_all_users_mode_needs_no_user_and_disables_user_and_location(
    qtbot: Any, form: SyncForm
) -> None:
    fill_valid(qtbot, form)
    type_into(qtbot, form.userIdEdit, "")
    assert not form.syncButton.isEnabled()
    qtbot.mouseClick(form.modeTotalRadio, Qt.MouseButton.LeftButton)
    assert not form.userIdEdit.isEnabled() and not form.locationEdit.isEnabled()
    assert form.syncButton.isEnabled()
    with qtbot.waitSignal(form.syncRequested) as sent:
        qtbot.mouseClick(form.syncButton, Qt.MouseButton.LeftButton)
    assert sent.args[0].kind is SyncKind.ALL_USERS


def test_without_a_profile_the_form_says_to_create_one(qtbot: Any) -> None:
    form = SyncForm()
    qtbot.addWidget(form)
    form.set_profiles([], None)
    fill_valid(qtbot, form)
    assert not form.syncButton.isEnabled()
    assert form.profileError.isVisibleTo(form)
    assert "create a profile" in form.profileError.text()


def test_tab_order_follows_the_form(qtbot: Any, form: SyncForm) -> None:
    fill_valid(qtbot, form)
    expected = [
        form.profileCombo,
        form.manageButton,
        form.companyIdEdit,
        form.showCodeButton,
        form.adminUserEdit,
        form.passwordEdit,
        form.rememberCheck,
        form.modeOneRadio,  # the checked radio; arrow keys move within the group
        form.userIdEdit,
        form.locationEdit,
        form.syncButton,  # Cancel is hidden while idle
    ]
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    form.profileCombo.setFocus()
    chain = [QApplication.focusWidget()]
    for _ in expected[1:]:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        chain.append(QApplication.focusWidget())
    assert [w.objectName() for w in chain] == [w.objectName() for w in expected]


def test_keyboard_mnemonics_reach_the_fields(qtbot: Any, form: SyncForm) -> None:
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    qtbot.keyClick(form, Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)
    assert form.passwordEdit.hasFocus()
    qtbot.keyClick(form, Qt.Key.Key_U, Qt.KeyboardModifier.AltModifier)
    assert form.userIdEdit.hasFocus()


def test_a_page_title_that_is_a_url_is_never_shown() -> None:
    from desktop.gui.messages import page_title

    token = "0123456789abcdef" * 8
    assert page_title(f"127.0.0.1:8080/users/oneSyncUserLogin/{token}") == ""
    assert page_title(f"https://i3.example/users/totalSyncUsersLogin/{token}") == ""
    assert page_title(f"Sync {token}") == "Sync [redacted]"
    assert page_title("Sync complete") == "Sync complete"


@pytest.mark.parametrize("bad", ["hr\x1b[2Jadmin", "hr\u202eadmin", "hr\nadmin"])
def test_a_control_character_in_the_admin_name_is_a_message_under_it_never_sent(
    qtbot: Any, form: SyncForm, bad: str
) -> None:
    fill_valid(qtbot, form)
    form.adminUserEdit.setText(bad)  # pasted: QLineEdit keeps what setText gives it
    with qtbot.assertNotEmitted(form.syncRequested):
        form.submit()
    assert form.adminUserError.isVisible()
    assert form.adminUserError.text().startswith("The ")
    assert not form.syncButton.isEnabled()


def test_each_keystroke_checks_the_form_once(
    qtbot: Any, form: SyncForm, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[SyncKind] = []
    real = request.validation_problems

    def counted(kind: SyncKind, **values: Any) -> Any:
        calls.append(kind)
        return real(kind, **values)

    monkeypatch.setattr("desktop.gui.esws.sync_form.validation_problems", counted)
    qtbot.keyClicks(form.adminUserEdit, "hr")
    assert len(calls) == 2  # one check per key
    assert form.adminUserEdit.text() == "hr"
