"""Every text the profiles dialog shows goes through the translation catalogues: with a catalogue
that marks each text it is asked for, every label, button, placeholder, tooltip, accessible name,
question, warning and problem of the dialog comes out marked. Profile names and addresses (values)
and the example addresses stay as they are."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QWidget

from desktop.esws.profiles import FIELD_ESWS_ENDPOINT, Profile, ProfileStore
from desktop.gui.esws.profile_dialog import ProfileDialog
from tests.gui.catalogues import CLOSE, OPEN
from tests.gui.conftest import machine_profiles_file, open_profile_dialog, type_into

NAME = "Head office"
MANAGED = "Payroll (IT)"


@pytest.fixture
def dialog(
    qtbot: Any, marking: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> ProfileDialog:
    entry = {"name": MANAGED, "esws_endpoint": "https://esws.example.com/webservicesesws"}
    machine_profiles_file(monkeypatch, tmp_path / "machine-config", entry)
    ProfileStore().save(
        [Profile(name=NAME, esws_endpoint="https://esws.example.com/webservicesesws")], NAME
    )
    shown = open_profile_dialog(qtbot, NAME)
    shown.advanced.unfold()
    return shown


def outside_the_check(widget: QWidget, dialog: ProfileDialog) -> bool:
    """The connection check's view is shared with the sync page and translated there."""
    return widget is not dialog.checkView and not dialog.checkView.isAncestorOf(widget)


def shown_texts(dialog: ProfileDialog) -> list[tuple[str, str]]:
    """Every text of the dialog a person can see or hear, with where it is."""
    found = [("window title", dialog.windowTitle())]
    for widget in dialog.findChildren(QWidget):
        if not outside_the_check(widget, dialog):
            continue
        where = widget.objectName() or type(widget).__name__
        if isinstance(widget, (QLabel, QAbstractButton)) and widget.text():
            found.append((f"{where} text", widget.text()))
        placeholder = widget.placeholderText() if isinstance(widget, QLineEdit) else ""
        if placeholder and not placeholder.startswith("https://"):  # else an example address
            found.append((f"{where} placeholder", placeholder))
        if widget.toolTip():
            found.append((f"{where} tooltip", widget.toolTip()))
        if widget.accessibleName():
            found.append((f"{where} accessible name", widget.accessibleName()))
    combo = dialog.advanced.totalPathCombo
    for index in range(combo.count()):
        if combo.itemText(index) != combo.itemData(index):  # else the spelling itself
            found.append((f"total-sync page {index}", combo.itemText(index)))
    return found


def unmarked(texts: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(where, text) for where, text in texts if OPEN not in text]


def test_every_text_of_the_dialog_is_looked_up_in_the_catalogue(
    qtbot: Any, dialog: ProfileDialog
) -> None:
    texts = shown_texts(dialog)
    assert len(texts) >= 40
    assert unmarked(texts) == []
    # Values: the profile's name and addresses are shown as they are.
    assert dialog.nameEdit.text() == NAME and dialog.profileList.item(1).text() == NAME
    # The access key is in the text the translator gets (to keep, unique in the dialog).
    assert dict(texts)["saveProfileButton text"] == "⟦&Apply⟧"
    assert dialog.okButton.text().startswith(OPEN)  # Qt's own catalogue: a standard button

    # The managed profile: its mark in the list, its note and the tooltips of its fields.
    item = dialog.profileList.item(0)
    assert item.text() == f"{OPEN}{MANAGED} (managed){CLOSE}" and item.toolTip().startswith(OPEN)
    dialog.profileList.setCurrentRow(0)
    assert dialog.managedNote.text().startswith(OPEN)
    assert unmarked(shown_texts(dialog)) == []

    # Warnings and problems, where they appear.
    dialog.profileList.setCurrentRow(1)
    dialog.confirm = lambda *args: True
    type_into(qtbot, dialog.i3Edit, "http://i3.example.com")
    assert dialog.cleartextWarning.text().startswith(OPEN)
    type_into(qtbot, dialog.endpointEdit, "esws.example.com")
    assert dialog.save() is False
    assert dialog.errors[FIELD_ESWS_ENDPOINT].text().startswith(OPEN)


def test_the_questions_and_a_new_profiles_name_are_looked_up_too(
    qtbot: Any, dialog: ProfileDialog
) -> None:
    asked: list[tuple[Any, ...]] = []
    dialog.confirm = lambda *args: asked.append(args[1:]) or False
    dialog.delete_profile()  # "Cancel": nothing is deleted
    type_into(qtbot, dialog.nameEdit, "Branch")
    dialog.new_profile()  # "Keep editing"
    assert len(asked) == 2
    for question in asked:
        assert all(OPEN in text for text in question), question
    assert f"“{NAME}”" in asked[0][1]  # the name itself, quoted inside the sentence

    dialog.confirm = lambda *args: True
    dialog.new_profile()
    assert dialog.nameEdit.text() == "⟦New profile⟧"
