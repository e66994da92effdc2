"""A token is only used by the request that asked for it: Back and a new Sync drop older fetches."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl

from desktop.core.history import Outcome
from desktop.core.history_store import HistoryStore
from desktop.simulator.server import Simulator
from tests.gui.conftest import PAGE_TIMEOUT_MS, fill_form, sync_and_wait_for_page


def _reload_slowly(qtbot: Any, window: Any, simulator: Simulator) -> Any:
    """Sync; spend the link; press Reload with ESWS slow: a new token is on its way."""
    fill_form(qtbot, window)
    page = sync_and_wait_for_page(qtbot, window)
    with qtbot.waitSignal(page.pageLoaded, timeout=PAGE_TIMEOUT_MS):
        page.view.load(QUrl(page.view.url().toString()))  # the one-time link is spent now
    simulator.delay_seconds = 1.5
    qtbot.mouseClick(page.reloadButton, Qt.MouseButton.LeftButton)
    assert window.sync_tab.fetcher.busy
    return page


def test_back_during_a_reloads_fetch_cancels_it_and_the_page_never_reopens(
    qtbot: Any, simulator: Simulator, saved_profile: Any, make_window: Any, tmp_path: Path
) -> None:
    store = HistoryStore(tmp_path / "history.sqlite3")
    window = make_window(history=store)
    tab = window.sync_tab
    page = _reload_slowly(qtbot, window, simulator)
    shown: list[bool] = []
    tab.syncPageShown.connect(lambda: shown.append(True))
    qtbot.mouseClick(page.backButton, Qt.MouseButton.LeftButton)
    assert tab.currentWidget() is tab.formPage

    # Both token requests end up in the history: the Reload's one as cancelled, not spent.
    qtbot.waitUntil(lambda: store.count() == 2, timeout=PAGE_TIMEOUT_MS)
    outcomes = sorted(entry.outcome.value for entry in store.entries())
    assert outcomes == sorted([Outcome.OK.value, Outcome.CANCELLED.value])
    qtbot.waitUntil(lambda: not tab.fetcher.busy)
    assert shown == []
    assert tab.currentWidget() is tab.formPage
    assert not tab.form.busy


def test_sync_after_back_during_a_reload_opens_the_new_token(
    qtbot: Any, simulator: Simulator, saved_profile: Any, make_window: Any
) -> None:
    window = make_window()
    tab = window.sync_tab
    page = _reload_slowly(qtbot, window, simulator)
    qtbot.mouseClick(page.backButton, Qt.MouseButton.LeftButton)
    fill_form(qtbot, window)  # Back forgets the last sync's secrets only, the form keeps them
    with qtbot.waitSignal(tab.syncPageShown, timeout=PAGE_TIMEOUT_MS):
        qtbot.mouseClick(tab.form.syncButton, Qt.MouseButton.LeftButton)
    assert tab.currentWidget() is page
    assert not tab.form.busy
    assert "cancel" not in tab.form.errorBanner.label.text().lower()


def test_a_superseded_fetch_is_never_reported_as_failed(
    qtbot: Any, simulator: Simulator, saved_profile: Any, make_window: Any
) -> None:
    """fetch() drops the job it replaces silently: a synchronous ``failed`` for it would reach
    the caller before it knows the new job's id."""
    window = make_window()
    tab = window.sync_tab
    fill_form(qtbot, window)
    simulator.delay_seconds = 1.0
    requests: list[Any] = []
    tab.form.syncRequested.connect(requests.append)
    tab.form.submit()  # the tab's own fetch: the first job
    profile = tab.current_profile()
    assert profile is not None and len(requests) == 1 and tab.fetcher.busy
    failed: list[int] = []
    tab.fetcher.failed.connect(lambda job, _error: failed.append(job))
    first = tab._pending[0]
    with qtbot.waitSignal(tab.fetcher.succeeded, timeout=PAGE_TIMEOUT_MS) as got:
        second = tab.fetcher.fetch(profile, requests[0])
    assert got.args[0] == second != first
    assert failed == []
