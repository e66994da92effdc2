"""The profiles dialog by keyboard and screen reader: every input has a name a screen reader can
say (its accessible name, or a label that is its buddy), Tab goes through the dialog in reading
order, and Enter on the list or the Advanced button still saves (on a focused push button, Enter
presses that button, as everywhere on Windows)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from desktop.esws.profiles import FIELD_ESWS_ENDPOINT, Profile, ProfileStore
from desktop.gui.esws.profile_dialog import ProfileDialog
from tests.gui.conftest import open_profile_dialog, type_into

NAME = "Head office"
INPUTS = (QLineEdit, QComboBox, QCheckBox, QSpinBox, QPlainTextEdit, QListWidget)


@pytest.fixture
def dialog(qtbot: Any) -> ProfileDialog:
    ProfileStore().save(
        [
            Profile(
                name=NAME,
                esws_endpoint="https://esws.example.com/webservicesesws",
                i3_base_url="https://i3.example.com",
            )
        ],
        NAME,
    )
    shown = open_profile_dialog(qtbot, NAME, confirm=lambda *args: True)
    shown.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWindow() is shown.windowHandle())
    return shown


def spoken_name(widget: QWidget, dialog: QWidget) -> str:
    """What a screen reader says for ``widget``: its accessible name, else its buddy label's
    text (without the access key's &)."""
    if widget.accessibleName():
        return widget.accessibleName()
    for label in dialog.findChildren(QLabel):
        if label.buddy() is widget and label.text():
            return label.text().replace("&", "")
    return ""


def test_every_input_has_a_name_a_screen_reader_can_say(dialog: ProfileDialog) -> None:
    dialog.advanced.unfold()
    inputs = [w for w in dialog.findChildren(QWidget) if isinstance(w, INPUTS)]
    # The list, four fields, the check box, the Advanced fields and the check's result lines.
    assert len(inputs) >= 9
    unnamed = [w.objectName() or type(w).__name__ for w in inputs if not spoken_name(w, dialog)]
    assert unnamed == []
    names = [spoken_name(w, dialog) for w in inputs]
    assert len(set(names)) == len(names), names  # each says which field it is
    # The connection choice: each radio button says itself, the group is named too.
    assert dialog.onPremRadio.text() and dialog.cloudRadio.text()
    assert dialog.onPremRadio.parentWidget().accessibleName() == "Connection"


def test_a_problem_is_said_with_its_field_and_the_cursor_goes_there(
    qtbot: Any, dialog: ProfileDialog
) -> None:
    type_into(qtbot, dialog.endpointEdit, "esws.example.com")
    dialog.nameEdit.setFocus()
    qtbot.mouseClick(dialog.saveButton, Qt.MouseButton.LeftButton)
    problem = dialog.errors[FIELD_ESWS_ENDPOINT]
    assert problem.isVisible() and problem.text()
    assert dialog.endpointEdit.accessibleDescription() == problem.text()
    qtbot.waitUntil(dialog.endpointEdit.hasFocus)
    type_into(qtbot, dialog.endpointEdit, "https://esws.example.com/webservicesesws")
    qtbot.mouseClick(dialog.saveButton, Qt.MouseButton.LeftButton)
    assert not problem.isVisible() and dialog.endpointEdit.accessibleDescription() == ""
    # The plain-http warning carries its words as its name, for a screen reader to say.
    type_into(qtbot, dialog.i3Edit, "http://i3.example.com")
    warning = dialog.cleartextWarning
    assert warning.isVisible() and warning.accessibleName() == warning.text()


def tab_through(qtbot: Any, dialog: ProfileDialog, start: QWidget, steps: int) -> list[QWidget]:
    """Press Tab ``steps`` times from ``start``, as a user does; the widgets focus lands on."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(start.hasFocus)
    seen = [start]
    for _ in range(steps):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    return seen


def test_tab_goes_through_the_dialog_in_reading_order(qtbot: Any, dialog: ProfileDialog) -> None:
    advanced = dialog.advanced
    advanced.unfold()
    fields = [
        dialog.profileList,
        dialog.newButton,
        dialog.deleteButton,
        dialog.nameEdit,
        dialog.endpointEdit,
        dialog.i3Edit,
        dialog.adminEdit,
        dialog.onPremRadio,  # the chosen one of the two; the arrow keys choose the other
        dialog.rememberCheck,
        advanced.toggle,
        advanced.originsEdit,
        advanced.totalPathCombo,
        advanced.wsdlEdit,
        dialog.checkView.testButton,
    ]
    seen = tab_through(qtbot, dialog, dialog.profileList, len(fields) + 2)
    assert seen[: len(fields)] == fields
    # Then the dialog's buttons (Apply is off: nothing edited yet), then round to the list.
    assert set(seen[len(fields) : len(fields) + 2]) == {dialog.okButton, dialog.cancelButton}
    assert seen[-1] is dialog.profileList or seen[-1] in (dialog.okButton, dialog.cancelButton)

    dialog.onPremRadio.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(dialog.onPremRadio.hasFocus)
    qtbot.keyClick(dialog.onPremRadio, Qt.Key.Key_Down)  # the other connection, by arrow key
    assert dialog.cloudRadio.isChecked() and dialog.cloudRadio.hasFocus()
    assert dialog.saveButton.isEnabled()
    seen = tab_through(qtbot, dialog, dialog.checkView.testButton, 3)
    assert set(seen[1:]) == {dialog.okButton, dialog.cancelButton, dialog.saveButton}
    # Shift+Tab goes back the same way.
    dialog.adminEdit.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(dialog.adminEdit.hasFocus)
    qtbot.keyClick(dialog.adminEdit, Qt.Key.Key_Backtab)
    assert dialog.i3Edit.hasFocus()


@pytest.mark.parametrize("where", ["profileList", "advancedToggle"])
def test_enter_saves_from_the_list_and_the_advanced_button_too(
    qtbot: Any, dialog: ProfileDialog, where: str
) -> None:
    type_into(qtbot, dialog.adminEdit, "payroll.admin")
    widget = dialog.findChild(QWidget, where)
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(widget.hasFocus)
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(widget, Qt.Key.Key_Return)
    saved = ProfileStore().load().find(NAME)
    assert saved is not None and saved.admin_username == "payroll.admin"
