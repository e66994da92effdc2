"""A refusal about a field goes once the admin edits that field; never two messages side by side."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from desktop.esws.request import FIELD_PASSWORD, FIELD_USER
from desktop.gui.esws.sync_form import SyncForm
from desktop.gui.messages import Problem
from desktop.simulator.esws_logic import DEMO_COMPANY_ID, DEMO_PASSWORD
from desktop.simulator.server import Simulator
from tests.gui.conftest import fill_form, type_into

REFUSAL = Problem("The username or password is not correct.", "Check both.", "E42", FIELD_PASSWORD)


@pytest.fixture
def form(qtbot: Any) -> SyncForm:
    widget = SyncForm()
    qtbot.addWidget(widget)
    widget.set_profiles(["Acme"], "Acme")
    widget.show()
    qtbot.waitExposed(widget)
    type_into(qtbot, widget.companyIdEdit, DEMO_COMPANY_ID)
    type_into(qtbot, widget.adminUserEdit, "hr.admin")
    type_into(qtbot, widget.passwordEdit, DEMO_PASSWORD)
    type_into(qtbot, widget.userIdEdit, "42")
    return widget


def test_editing_the_refused_field_removes_the_refusal_and_its_banner(
    qtbot: Any, form: SyncForm
) -> None:
    form.show_problem(REFUSAL)
    assert form.errorBanner.isVisible()
    assert form.passwordError.text() == REFUSAL.headline  # the code is in the banner
    qtbot.keyClick(form.passwordEdit, Qt.Key.Key_X)
    assert not form.errorBanner.isVisible()
    assert form.passwordError.text() == ""


def test_emptying_the_refused_field_shows_only_the_fields_own_message(
    qtbot: Any, form: SyncForm
) -> None:
    form.show_problem(REFUSAL)
    type_into(qtbot, form.passwordEdit, "")
    form.adminUserEdit.setFocus()  # leaving the field checks it
    qtbot.waitUntil(lambda: bool(form.passwordError.text()))
    assert REFUSAL.headline not in form.passwordError.text()
    assert "password" in form.passwordError.text()
    assert not form.errorBanner.isVisible()  # not the refusal beside the field's own message


def test_editing_another_field_keeps_the_refusal(qtbot: Any, form: SyncForm) -> None:
    form.show_problem(REFUSAL)
    type_into(qtbot, form.userIdEdit, "43")
    assert form.errorBanner.isVisible()
    assert form.passwordError.text() == REFUSAL.headline  # the code is in the banner
    assert form.userIdError.text() == ""


def test_a_refusal_about_one_field_is_shown_once_under_it(qtbot: Any, form: SyncForm) -> None:
    problem = Problem("No such user.", "Check the id.", "E7", FIELD_USER)
    form.show_problem(problem)
    under = [e.text() for e in form._errors().values() if e.text()]
    assert under == [form.userIdError.text()]  # one pointer, under that field only
    type_into(qtbot, form.userIdEdit, "")
    form.locationEdit.setFocus()
    qtbot.waitUntil(lambda: "E7" not in form.userIdError.text() and bool(form.userIdError.text()))
    assert not form.errorBanner.isVisible()


def test_a_real_refusal_from_esws_goes_when_the_password_is_retyped(
    qtbot: Any, simulator: Simulator, saved_profile: Any, make_window: Any
) -> None:
    window = make_window()
    form = window.sync_tab.form
    fill_form(qtbot, window, password="not the password")
    qtbot.mouseClick(form.syncButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.errorBanner.isVisible() and not form.busy, timeout=10_000)
    assert form.passwordError.text()  # the refusal points at the password
    assert form.passwordEdit.hasFocus()  # selected, so the first key replaces it
    qtbot.keyClicks(form.passwordEdit, DEMO_PASSWORD)
    assert not form.errorBanner.isVisible()
    assert form.passwordError.text() == ""
