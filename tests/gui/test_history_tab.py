"""The History tab: built on first use, filters and a count, messages, CSV export, Sync again."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QFileDialog

from desktop.core.history import Kind, Outcome, Source
from desktop.core.history_export import BOM, HEADER
from desktop.core.history_store import HistoryStore
from desktop.esws.request import SyncKind
from desktop.simulator.server import Simulator
from tests.gui.conftest import PAGE_TIMEOUT_MS, PROFILE, fill_form, sync_and_wait_for_page

REFUSAL = "NO ADMIN FOUND BASED ON USERNAME AND PASSWORD"


def add(store_path: Path, *, days_ago: int = 0, **fields: Any) -> None:
    """Record one entry as if it happened ``days_ago`` days ago."""
    moment = datetime.now(UTC) - timedelta(days=days_ago)
    values: dict[str, Any] = {
        "source": Source.WINDOW,
        "profile": PROFILE,
        "kind": Kind.ONE,
        "user_id": "42",
        "location_id": None,
        "outcome": Outcome.OK,
        "code": "",
        "duration_ms": 120,
    }
    values.update(fields)
    HistoryStore(store_path, clock=lambda: moment).record(**values)


@pytest.fixture
def history(tmp_path: Path) -> HistoryStore:
    """A history with five entries: two profiles, three users, every kind of outcome."""
    path = tmp_path / "history.sqlite3"
    add(path, days_ago=40, user_id="7")
    add(path, days_ago=3, user_id="1001", location_id=2)
    add(path, days_ago=2, outcome=Outcome.REFUSED, code=REFUSAL)
    add(path, days_ago=1, profile="Branch", source=Source.COMMAND_LINE, kind=Kind.TOTAL,
        user_id="", outcome=Outcome.FAILED, code="READ_TIMEOUT")  # fmt: skip
    add(path, outcome=Outcome.CANCELLED, code="CANCELLED")
    return HistoryStore(path)


def open_history(qtbot: Any, window: Any) -> Any:
    """Click the History tab and wait for its first read (made on the runner)."""
    tabs = window.tabs
    index = [tabs.tabText(i) for i in range(tabs.count())].index("History")
    assert window.history_tab is None  # built on first use only
    qtbot.mouseClick(
        tabs.tabBar(), Qt.MouseButton.LeftButton, pos=tabs.tabBar().tabRect(index).center()
    )
    tab = window.history_tab
    assert tab is not None and tabs.currentWidget() is tab
    qtbot.waitUntil(lambda: tab.countLabel.text() != "" or tab.problemLabel.text() != "")
    return tab


def changed(qtbot: Any, tab: Any, action: Any) -> None:
    """Do ``action`` and wait until the tab has read the history again."""
    with qtbot.waitSignal(tab.loaded, timeout=PAGE_TIMEOUT_MS):
        action()


def cell(tab: Any, row: int, column: str) -> str:
    from desktop.gui.esws.history_tab import COLUMNS

    return str(tab.model.index(row, COLUMNS.index(column)).data())


def test_history_tab_lists_newest_first_in_local_time_and_filters_narrow_rows_and_count(
    qtbot: Any, saved_profile: Any, make_window: Any, history: HistoryStore
) -> None:
    window = make_window(history=history)
    tab = open_history(qtbot, window)
    assert tab.countLabel.text() == "5 entries"
    assert tab.model.rowCount() == 5
    assert cell(tab, 0, "Outcome") == "cancelled" and cell(tab, 4, "User") == "7"
    newest = history.entries()[0]
    from desktop.gui.esws.history_model import shown_time

    assert cell(tab, 0, "Time") == shown_time(newest)
    assert f"{newest.at.astimezone().minute:02d}" in cell(tab, 0, "Time")
    assert cell(tab, 1, "From") == "command line" and cell(tab, 1, "Kind") == "all users"
    # A profile that is only in the history (deleted, or a script's) can be chosen too.
    branch = tab.profileFilter.findText("Branch")
    assert branch > 0
    changed(qtbot, tab, lambda: tab.profileFilter.setCurrentIndex(branch))
    assert tab.countLabel.text() == "1 entry" and cell(tab, 0, "Code") == "READ_TIMEOUT"

    changed(
        qtbot, tab, lambda: tab.profileFilter.setCurrentIndex(tab.profileFilter.findText(PROFILE))
    )
    assert tab.countLabel.text() == "4 entries" and tab.model.rowCount() == 4
    changed(qtbot, tab, lambda: tab.outcomeFilter.setCurrentIndex(tab.outcomeFilter.findText("ok")))
    assert tab.countLabel.text() == "2 entries"
    tab.userFilter.setText("1001")
    changed(qtbot, tab, tab.userFilter.editingFinished.emit)
    assert tab.countLabel.text() == "1 entry" and cell(tab, 0, "Location") == "2"
    changed(qtbot, tab, tab.userFilter.clear)
    assert tab.countLabel.text() == "2 entries"
    # Date range, whole local days: from 10 days ago leaves out the entry of 40 days ago.
    tab.fromDate.setDate(QDate.currentDate().addDays(-10))
    changed(qtbot, tab, lambda: tab.fromCheck.setChecked(True))
    assert tab.countLabel.text() == "1 entry" and cell(tab, 0, "User") == "1001"
    tab.toDate.setDate(QDate.currentDate().addDays(-4))
    changed(qtbot, tab, lambda: tab.toCheck.setChecked(True))
    assert tab.countLabel.text() == "0 entries" and tab.model.rowCount() == 0


def test_a_refused_entry_shows_its_message_as_plain_text(
    qtbot: Any, saved_profile: Any, make_window: Any, history: HistoryStore, tmp_path: Path
) -> None:
    add(history.path, outcome=Outcome.REFUSED, code='<a href="https://evil.example/">X</a>')
    window = make_window(history=history)
    tab = open_history(qtbot, window)
    tab.table.selectRow(3)  # the refusal of two days ago
    assert cell(tab, 3, "Code") == REFUSAL
    assert tab.detailLabel.text().startswith(REFUSAL + ": ")
    assert "password" in tab.detailLabel.text().lower()
    assert tab.detailLabel.textFormat() == Qt.TextFormat.PlainText
    assert tab.countLabel.textFormat() == Qt.TextFormat.PlainText
    tip = tab.model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "&lt;a href" in tip and "<a href" not in tip  # a server's code is shown, not rendered
    tab.table.selectRow(2)  # failed
    assert tab.detailLabel.text() == "No answer within the timeout."
    tab.table.selectRow(5)  # ok: nothing to explain
    assert tab.detailLabel.text() == ""
    assert tab.model.index(5, 0).data(Qt.ItemDataRole.ToolTipRole) is None


def test_export_csv_writes_every_matching_row_with_bom_and_header(
    qtbot: Any,
    saved_profile: Any,
    make_window: Any,
    history: HistoryStore,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "export" / "history.csv"
    target.parent.mkdir()
    asked: list[str] = []

    def save_name(*args: Any, **kwargs: Any) -> tuple[str, str]:
        asked.append(args[2])
        return str(target), "CSV files (*.csv)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    window = make_window(history=history)
    tab = open_history(qtbot, window)
    changed(
        qtbot, tab, lambda: tab.profileFilter.setCurrentIndex(tab.profileFilter.findText(PROFILE))
    )
    with qtbot.waitSignal(tab.exported, timeout=PAGE_TIMEOUT_MS) as blocker:
        qtbot.mouseClick(tab.exportButton, Qt.MouseButton.LeftButton)

    assert asked == ["i3sync-history.csv"]
    assert blocker.args == [f"Exported 4 entries to {target}."]
    assert tab.statusLabel.text() == blocker.args[0]
    data = target.read_bytes()
    assert data.startswith(BOM.encode())
    lines = data.decode("utf-8-sig").split("\r\n")
    assert lines[0] == ",".join(HEADER)
    assert len([line for line in lines[1:] if line]) == 4
    assert "Branch" not in data.decode()  # the filter applies to the export


def test_export_into_a_folder_that_is_gone_says_so_plainly(
    qtbot: Any,
    saved_profile: Any,
    make_window: Any,
    history: HistoryStore,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "gone" / "history.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window = make_window(history=history)
    tab = open_history(qtbot, window)
    with qtbot.waitSignal(tab.exported, timeout=PAGE_TIMEOUT_MS) as blocker:
        qtbot.mouseClick(tab.exportButton, Qt.MouseButton.LeftButton)
    assert blocker.args[0].startswith("The export failed:")
    assert tab.exportButton.isEnabled() and not target.exists()


def test_sync_again_fills_the_form_and_sends_nothing(
    qtbot: Any, simulator: Simulator, saved_profile: Any, make_window: Any, history: HistoryStore
) -> None:
    window = make_window(history=history)
    tab = open_history(qtbot, window)
    assert not tab.syncAgainButton.isEnabled()  # nothing selected yet
    tab.table.selectRow(3)  # user 1001 at location 2
    calls_before = len(simulator.calls)
    with qtbot.waitSignal(window.sync_tab.secretsLoaded, timeout=PAGE_TIMEOUT_MS):
        qtbot.mouseClick(tab.syncAgainButton, Qt.MouseButton.LeftButton)

    form = window.sync_tab.form
    qtbot.waitUntil(lambda: form.userIdEdit.text() == "1001")
    assert window.tabs.currentWidget() is window.sync_tab
    assert form.profileCombo.currentText() == PROFILE
    assert form.modeOneRadio.isChecked() and form.locationEdit.text() == "2"
    assert not form.busy and not window.sync_tab.fetcher.busy
    assert len(simulator.calls) == calls_before  # never a sync by itself


def test_sync_again_of_an_all_users_entry_selects_all_users(
    qtbot: Any, simulator: Simulator, saved_profile: Any, make_window: Any, history: HistoryStore
) -> None:
    window = make_window(history=history)
    tab = open_history(qtbot, window)
    asked: list[tuple[Any, ...]] = []
    window.sync_tab.open_request = lambda *args, **kwargs: asked.append((*args, kwargs))
    tab.table.selectRow(1)  # Branch, all users, from the command line
    qtbot.mouseClick(tab.syncAgainButton, Qt.MouseButton.LeftButton)
    assert asked == [(SyncKind.ALL_USERS, "Branch", "", None, {"auto": False})]


def test_a_corrupt_history_file_is_a_plain_message_in_the_tab(
    qtbot: Any, saved_profile: Any, make_window: Any, tmp_path: Path
) -> None:
    path = tmp_path / "history.sqlite3"
    path.write_bytes(b"this is not a database <b>at all</b>" * 100)
    window = make_window(history=HistoryStore(path))
    tab = open_history(qtbot, window)
    assert tab.problemLabel.isVisible()
    assert tab.problemLabel.textFormat() == Qt.TextFormat.PlainText
    assert "not a readable history database" in tab.problemLabel.text()
    assert tab.model.rowCount() == 0 and tab.countLabel.text() == ""
    assert path.read_bytes().startswith(b"this is not a database")  # left as it was


def test_the_tab_refreshes_when_a_sync_ends(
    qtbot: Any, simulator: Simulator, saved_profile: Any, make_window: Any, tmp_path: Path
) -> None:
    window = make_window(history=HistoryStore(tmp_path / "history.sqlite3"))
    tab = open_history(qtbot, window)
    assert tab.countLabel.text() == "0 entries"
    window.tabs.setCurrentWidget(window.sync_tab)
    fill_form(qtbot, window)
    sync_and_wait_for_page(qtbot, window)
    qtbot.waitUntil(lambda: tab.countLabel.text() == "1 entry", timeout=PAGE_TIMEOUT_MS)
    qtbot.waitUntil(lambda: cell(tab, 0, "Page") == "loaded", timeout=PAGE_TIMEOUT_MS)
    assert cell(tab, 0, "Outcome") == "ok"


# -- issue 9: a sync asked for while another tab is shown brings the sync tab back ---------------


def test_a_link_arriving_while_on_the_history_tab_switches_back_to_the_sync_tab(
    qtbot: Any, simulator: Simulator, saved_secrets: Any, make_window: Any, tmp_path: Path
) -> None:
    window = make_window(history=HistoryStore(tmp_path / "history.sqlite3"))
    open_history(qtbot, window)
    page = window.sync_tab.ensure_sync_page()
    with qtbot.waitSignal(page.pageLoaded, timeout=PAGE_TIMEOUT_MS):
        window.sync_tab.open_request(SyncKind.ONE_USER, PROFILE, "42", None, True)
        assert window.tabs.currentWidget() is window.sync_tab
    assert window.sync_tab.currentWidget() is page


def test_a_sync_started_while_on_another_tab_switches_back_to_it(
    qtbot: Any, simulator: Simulator, saved_profile: Any, make_window: Any, tmp_path: Path
) -> None:
    window = make_window(history=HistoryStore(tmp_path / "history.sqlite3"))
    fill_form(qtbot, window)
    open_history(qtbot, window)
    with qtbot.waitSignal(window.sync_tab.fetcher.succeeded, timeout=PAGE_TIMEOUT_MS):
        window.sync_tab.form.submit()  # e.g. a Reload or a shortcut while the tab is hidden
    assert window.tabs.currentWidget() is window.sync_tab


def test_sync_again_during_a_sync_leaves_the_form_alone(
    qtbot: Any, simulator: Simulator, saved_profile: Any, make_window: Any, history: HistoryStore
) -> None:
    window = make_window(history=history)
    fill_form(qtbot, window, user="42")
    simulator.delay_seconds = 60.0
    window.sync_tab.form.submit()
    assert window.sync_tab.fetcher.busy
    tab = open_history(qtbot, window)
    tab.table.selectRow(3)  # user 1001
    qtbot.mouseClick(tab.syncAgainButton, Qt.MouseButton.LeftButton)
    assert window.tabs.currentWidget() is tab
    assert "under way" in tab.statusLabel.text()
    assert window.sync_tab.form.userIdEdit.text() == "42"
    window.sync_tab.fetcher.cancel()


class ThreadNotingStore(HistoryStore):
    """The real store, noting the thread of each read."""

    threads: list[str]

    def iter_entries(self, *args: Any, **kwargs: Any) -> Any:
        self.threads.append(threading.current_thread().name)
        return super().iter_entries(*args, **kwargs)

    def count(self, *args: Any, **kwargs: Any) -> int:
        self.threads.append(threading.current_thread().name)
        return super().count(*args, **kwargs)


def test_every_read_and_the_export_run_off_the_gui_thread(
    qtbot: Any,
    saved_profile: Any,
    make_window: Any,
    history: HistoryStore,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store = ThreadNotingStore(history.path)
    store.threads = []
    target = tmp_path / "out.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window = make_window(history=store)
    tab = open_history(qtbot, window)
    changed(qtbot, tab, lambda: tab.outcomeFilter.setCurrentIndex(1))
    with qtbot.waitSignal(tab.exported, timeout=PAGE_TIMEOUT_MS):
        qtbot.mouseClick(tab.exportButton, Qt.MouseButton.LeftButton)
    assert len(store.threads) >= 5  # two reads (entries + count each) and the export
    assert threading.main_thread().name not in store.threads
