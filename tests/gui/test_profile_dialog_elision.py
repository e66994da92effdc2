"""Long profile names and values in the profiles dialog: the list cuts a long name with "…" (no
sideways scroll bar) and its tooltip shows the whole name; the question before deleting quotes a
long name cut short; every text field shows the start of a long value."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QToolTip

from desktop.esws.profiles import Profile, ProfileStore
from desktop.gui.esws.profile_dialog import ProfileDialog
from desktop.gui.widgets import ELLIPSIS
from tests.gui.conftest import machine_profiles_file, open_profile_dialog
from tests.gui.tooltips import shown

# 98 characters: a name the core accepts (at most 100), far wider than the list.
LONG = (
    "Identysoft Demo Company — Headquarters, payroll and every regional office of the Benelux "
    "region"
)
SHORT = "Branch"
MANAGED = "Head office managed by IT for the whole Benelux region and every payroll office"
LONG_ADDRESS = "https://esws.example.com/" + "very-long-folder/" * 10 + "webservicesesws"


@pytest.fixture
def machine_profiles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A machine-wide profiles.json (as IT deploys it) with one long-named profile."""
    entry = {"name": MANAGED, "esws_endpoint": "https://esws.example.com/webservicesesws"}
    machine_profiles_file(monkeypatch, tmp_path / "machine-config", entry)


@pytest.fixture
def dialog(qtbot: Any, machine_profiles: None) -> ProfileDialog:
    long_profile = Profile(
        name=LONG,
        esws_endpoint=LONG_ADDRESS,
        i3_base_url="https://i3-" + "long-host-name-" * 8 + "example.com",
        admin_username="payroll.administrator." + "x" * 80,
        allowed_origins=("https://i3-" + "long-host-name-" * 6 + "2.example.com",),
    )
    ProfileStore().save([long_profile, Profile(name=SHORT)], LONG)
    return open_profile_dialog(qtbot, LONG, confirm=lambda *args: True)


def tooltip_over(qtbot: Any, dialog: ProfileDialog, row: int) -> str:
    """Hover the row as a user does (a tooltip event on the list); the tooltip shown, if any."""
    view = dialog.profileList
    QToolTip.hideText()
    qtbot.waitUntil(lambda: not QToolTip.isVisible())
    centre = view.visualItemRect(view.item(row)).center()
    event = QHelpEvent(QEvent.Type.ToolTip, centre, view.viewport().mapToGlobal(centre))
    view.viewportEvent(event)
    return shown(QToolTip.text()) if QToolTip.isVisible() else ""


# A tooltip is a window of its own: the offscreen platform cannot raise it.
@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_a_long_name_in_the_list_is_cut_and_its_tooltip_shows_it_whole(
    qtbot: Any, dialog: ProfileDialog
) -> None:
    view = dialog.profileList
    names = [view.item(row).text() for row in range(view.count())]
    assert names == [f"{MANAGED} (managed)", LONG, SHORT]
    assert view.textElideMode() is Qt.TextElideMode.ElideRight and not view.wordWrap()
    assert not view.horizontalScrollBar().isVisible()
    width = view.viewport().width()
    metrics = view.fontMetrics()
    for row in range(view.count()):
        rect = view.visualItemRect(view.item(row))
        assert rect.left() >= 0 and rect.right() < width  # each row is drawn within the list
    assert metrics.horizontalAdvance(LONG) > width  # so the long names are cut
    # What is painted ends in "…": the rendered row is not as wide as the whole name.
    assert metrics.elidedText(LONG, Qt.TextElideMode.ElideRight, width).endswith(ELLIPSIS)

    assert tooltip_over(qtbot, dialog, 1) == LONG
    assert tooltip_over(qtbot, dialog, 0) == f"{MANAGED} (managed)\nManaged by your IT department"
    assert tooltip_over(qtbot, dialog, 2) == ""  # fits: nothing to repeat
    # A screen reader reads the whole name, never the cut one.
    assert view.item(1).data(Qt.ItemDataRole.DisplayRole) == LONG

    # Wide enough, the long name needs no tooltip any more.
    dialog.resize(dialog.width() + metrics.horizontalAdvance(LONG), dialog.height())
    view.setMinimumWidth(metrics.horizontalAdvance(LONG) + 40)
    qtbot.waitUntil(lambda: view.viewport().width() > metrics.horizontalAdvance(LONG) + 20)
    assert tooltip_over(qtbot, dialog, 1) == ""


def test_every_field_shows_the_start_of_a_long_value(qtbot: Any, dialog: ProfileDialog) -> None:
    advanced = dialog.advanced
    assert advanced.body.isVisible()  # other I3 addresses are set: unfolded
    for edit in (dialog.nameEdit, dialog.endpointEdit, dialog.i3Edit, dialog.adminEdit):
        assert edit.fontMetrics().horizontalAdvance(edit.text()) > edit.width(), edit.objectName()
        assert edit.cursorPosition() == 0, edit.objectName()
    origins = advanced.originsEdit
    assert origins.fontMetrics().horizontalAdvance(origins.text()) > origins.width()
    assert origins.cursorPosition() == 0
    # Choosing another profile and back shows the start again.
    dialog.profileList.setCurrentRow(2)
    dialog.profileList.setCurrentRow(1)
    assert dialog.endpointEdit.text() == LONG_ADDRESS and dialog.endpointEdit.cursorPosition() == 0


def test_the_question_before_deleting_quotes_a_long_name_cut_short(
    qtbot: Any, dialog: ProfileDialog
) -> None:
    asked: list[tuple[Any, ...]] = []
    dialog.confirm = lambda *args: asked.append(args[1:]) or False  # "Cancel"
    qtbot.mouseClick(dialog.deleteButton, Qt.MouseButton.LeftButton)
    title, question, action, keep = asked[0]
    assert (title, action, keep) == ("Delete profile", "Delete profile", "Cancel")
    assert LONG not in question and LONG[:40] in question and f"{ELLIPSIS}”" in question
    assert ProfileStore().load().find(LONG) is not None  # cancelled: still there
