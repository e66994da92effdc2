"""A long profile name never widens the form: the combo and the summary under it are cut with "…"
and say the whole text in a tooltip (and to a screen reader)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from desktop.gui.widgets import ELLIPSIS
from desktop.simulator.server import Simulator
from tests.gui.conftest import save_profile
from tests.gui.tooltips import shown

LONG_NAME = (
    "Identysoft Demo Company — Headquarters, Warehouses and Every Regional Office of the WW Group"
)
LONG_HOST = "esws-" + "very-long-sub-domain-" * 6 + "example.invalid"


def test_a_long_profile_name_is_elided_in_the_combo_with_its_whole_name_as_tooltip(
    qtbot: Any, simulator: Simulator, make_window: Any
) -> None:
    save_profile(simulator, name=LONG_NAME)
    window = make_window()
    form = window.sync_tab.form
    combo = form.profileCombo
    assert form.profile_name() == LONG_NAME
    name_width = combo.fontMetrics().horizontalAdvance(LONG_NAME)
    assert combo.width() < name_width  # the name does not fit…
    assert window.width() < name_width + 400  # …and did not widen the window to make it fit
    assert shown(combo.itemData(0, Qt.ItemDataRole.ToolTipRole)) == LONG_NAME
    assert shown(combo.toolTip()) == LONG_NAME
    assert combo.view().textElideMode() is Qt.TextElideMode.ElideMiddle


def test_a_long_address_in_the_profile_summary_is_elided_with_a_tooltip(
    qtbot: Any, simulator: Simulator, make_window: Any
) -> None:
    save_profile(simulator, esws_endpoint=f"https://{LONG_HOST}/webservicesesws/index.php")
    window = make_window()
    summary = window.sync_tab.form.profileSummary
    qtbot.waitUntil(lambda: summary.is_elided())
    assert ELLIPSIS in summary.text()
    assert LONG_HOST in summary.toolTip() and LONG_HOST in summary.full_text()
    assert LONG_HOST in summary.accessibleName()
    assert summary.fontMetrics().horizontalAdvance(summary.text()) <= summary.width()
    # The hosting, at the end, survives the cut (elided in the middle).
    assert summary.text().endswith("on-premise API Agent / API Server")


def test_a_short_summary_is_whole_and_has_no_tooltip(
    qtbot: Any, simulator: Simulator, saved_profile: Any, make_window: Any
) -> None:
    window = make_window()
    summary = window.sync_tab.form.profileSummary
    assert not summary.is_elided()
    assert summary.text().startswith("ESWS at 127.0.0.1")
    assert summary.toolTip() == ""


def test_a_long_admin_username_shows_its_start(
    qtbot: Any, simulator: Simulator, make_window: Any
) -> None:
    admin = "hr.administrator.of.the.head.office." + "x" * 60
    save_profile(simulator, admin_username=admin)
    window = make_window()
    edit = window.sync_tab.form.adminUserEdit
    assert edit.text() == admin
    assert edit.cursorPosition() == 0  # Qt would leave it at the end, showing "…xxxx"
