"""A screen reader can use the form: every input is named (a buddy label or an accessible name),
every button has an access key or a name, and the status, hint and error lines are described."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QRadioButton,
)

from desktop.esws.request import FIELD_USER
from desktop.gui.messages import Problem
from desktop.simulator.server import Simulator
from tests.gui.conftest import fill_form


def test_every_input_of_the_form_has_a_buddy_label_or_an_accessible_name(
    qtbot: Any, saved_profile: Any, make_window: Any
) -> None:
    window = make_window()
    form = window.sync_tab.form
    buddies = {label.buddy() for label in form.findChildren(QLabel) if label.buddy()}
    inputs = [
        *form.findChildren(QLineEdit),
        *form.findChildren(QComboBox),
        *form.findChildren(QCheckBox),
        *form.findChildren(QRadioButton),
    ]
    assert len(inputs) >= 9
    unnamed = [
        w.objectName()
        for w in inputs
        if w not in buddies
        and not w.accessibleName()
        and not (isinstance(w, QAbstractButton) and w.text())
    ]
    assert unnamed == []
    for edit in form.findChildren(QLineEdit):
        assert edit.accessibleName(), edit.objectName()


def test_every_button_of_the_form_has_an_access_key_or_an_accessible_name(
    qtbot: Any, saved_profile: Any, make_window: Any
) -> None:
    window = make_window()
    form = window.sync_tab.form
    window.sync_tab.show_notice("test", "A notice with a Dismiss button")
    buttons = form.findChildren(QAbstractButton)
    assert form.cancelButton in buttons and form.showCodeButton in buttons
    for button in buttons:
        assert QKeySequence.mnemonic(button.text()).toString() or button.accessibleName(), (
            button.objectName() or button.text()
        )
    dismiss = window.sync_tab.notice("test").action_buttons()[0]
    assert dismiss.accessibleName() == "Dismiss"


def test_the_outcome_line_is_described_for_a_screen_reader(
    qtbot: Any, saved_profile: Any, make_window: Any
) -> None:
    window = make_window()
    form = window.sync_tab.form
    problem = Problem("I3 has no user with this id", "Check the user id.", "NO USER", FIELD_USER)
    form.show_problem(problem)
    # Named by its tone, described by the message: read once, not twice.
    assert form.errorLabel.accessibleName() == "Error"
    assert form.errorLabel.accessibleDescription() == problem.plain()
    assert "Error code: NO USER" in form.errorLabel.accessibleDescription()
    # The field it is about carries the line shown under it, and has the cursor.
    assert form.userIdEdit.accessibleDescription() == form.userIdError.text() != ""
    assert form.userIdEdit.hasFocus()
    # The hint under Sync: what is still missing, read with the Sync button too.
    assert form.syncButton.accessibleDescription() == form.hintLabel.text() != ""


def test_the_wait_for_esws_is_described_once(
    qtbot: Any, simulator: Simulator, saved_profile: Any, make_window: Any
) -> None:
    window = make_window()
    form = window.sync_tab.form
    fill_form(qtbot, window)
    simulator.delay_seconds = 60.0
    qtbot.mouseClick(form.syncButton, Qt.MouseButton.LeftButton)
    assert form.busy
    assert form.statusLabel.accessibleName() == "Sync status"
    assert "Asking ESWS" in form.statusLabel.accessibleDescription()
    assert "Asking ESWS" in form.cancelButton.accessibleDescription()
    with qtbot.waitSignal(window.sync_tab.fetcher.failed, timeout=2000):
        qtbot.keyClick(form.cancelButton, Qt.Key.Key_Escape)
    assert form.statusLabel.accessibleDescription() == ""
    assert "Cancelled" in form.errorLabel.accessibleDescription()
