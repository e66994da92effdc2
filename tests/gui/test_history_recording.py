"""The window records each token request in the sync history, off the GUI thread, never a secret."""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from desktop.core.errors import TransportProblem
from desktop.core.history import HistoryEntry, Kind, Outcome, Source, default_path
from desktop.core.history_store import HistoryStore
from desktop.simulator.esws_logic import DEMO_COMPANY_ID, DEMO_PASSWORD
from desktop.simulator.server import Simulator
from tests.gui.conftest import PAGE_TIMEOUT_MS, PROFILE, fill_form, sync_and_wait_for_page


class ThreadNotingStore(HistoryStore):
    """The real store, noting which thread each write ran on."""

    def __init__(self, path: Path | None = None) -> None:
        super().__init__(path)
        self.threads: list[str] = []

    def record(self, **fields: Any) -> int:
        self.threads.append(threading.current_thread().name)
        return super().record(**fields)

    def set_page_loaded(self, entry_id: int, loaded: bool) -> bool:
        self.threads.append(threading.current_thread().name)
        return super().set_page_loaded(entry_id, loaded)


def wait_for_entries(qtbot: Any, store: HistoryStore, count: int) -> list[HistoryEntry]:
    qtbot.waitUntil(lambda: store.count() == count, timeout=PAGE_TIMEOUT_MS)
    return store.entries()


def history_bytes(path: Path) -> bytes:
    """The database and its WAL and shared-memory files, as they are on disk."""
    return b"".join(p.read_bytes() for p in path.parent.glob(path.name + "*"))


def test_an_ok_sync_is_one_ok_entry_whose_page_loaded_written_off_the_gui_thread(
    qtbot: Any, simulator: Simulator, saved_profile: Any, make_window: Any
) -> None:
    store = ThreadNotingStore()
    window = make_window(history=store)
    fill_form(qtbot, window, user="1001", location="2")
    tokens: list[str] = []
    window.sync_tab.fetcher.succeeded.connect(lambda _job, token: tokens.append(token))
    sync_and_wait_for_page(qtbot, window)

    qtbot.waitUntil(lambda: [e.page_loaded for e in store.entries()] == [True])
    [entry] = store.entries()
    assert entry.source is Source.WINDOW
    assert entry.profile == PROFILE
    assert entry.kind is Kind.ONE
    assert entry.user_id == "1001" and entry.location_id == 2
    assert entry.outcome is Outcome.OK and entry.code == ""
    assert entry.duration_ms >= 0
    assert len(store.threads) == 2
    assert threading.main_thread().name not in store.threads
    assert all(name == "i3sync-history" for name in store.threads)
    # Nothing secret on disk: not the security code, the password or the token.
    assert tokens
    on_disk = history_bytes(store.path)
    for secret in (DEMO_COMPANY_ID, DEMO_PASSWORD, tokens[0]):
        assert secret.encode() not in on_disk


def test_a_wrong_password_is_refused_with_the_vendor_code_and_no_secret(
    qtbot: Any, simulator: Simulator, saved_profile: Any, make_window: Any
) -> None:
    window = make_window()  # the default: the user's history file (the test's data folder)
    fill_form(qtbot, window, password="Wrong-Pass-123")
    with qtbot.waitSignal(window.sync_tab.fetcher.failed, timeout=PAGE_TIMEOUT_MS):
        qtbot.mouseClick(window.sync_tab.form.syncButton, Qt.MouseButton.LeftButton)

    store = HistoryStore(default_path())
    [entry] = wait_for_entries(qtbot, store, 1)
    assert entry.outcome is Outcome.REFUSED
    assert entry.code == "NO ADMIN FOUND BASED ON USERNAME AND PASSWORD"
    assert entry.page_loaded is None
    on_disk = history_bytes(store.path)
    for secret in (DEMO_COMPANY_ID, "Wrong-Pass-123"):
        assert secret.encode() not in on_disk


def test_cancel_is_recorded_as_cancelled(
    qtbot: Any, simulator: Simulator, saved_profile: Any, make_window: Any, tmp_path: Path
) -> None:
    store = HistoryStore(tmp_path / "history.sqlite3")
    window = make_window(history=store)
    fill_form(qtbot, window)
    form = window.sync_tab.form
    simulator.delay_seconds = 60.0
    qtbot.mouseClick(form.syncButton, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(window.sync_tab.fetcher.failed, timeout=2000):
        qtbot.mouseClick(form.cancelButton, Qt.MouseButton.LeftButton)

    [entry] = wait_for_entries(qtbot, store, 1)
    assert (entry.outcome, entry.code) == (Outcome.CANCELLED, "CANCELLED")


def test_server_down_is_failed_with_the_transport_problem(
    qtbot: Any, simulator: Simulator, closed_port: int, make_window: Any, tmp_path: Path
) -> None:
    from tests.gui.conftest import save_profile

    save_profile(simulator, esws_endpoint=f"http://127.0.0.1:{closed_port}/webservicesesws")
    store = HistoryStore(tmp_path / "history.sqlite3")
    window = make_window(history=store)
    fill_form(qtbot, window)
    with qtbot.waitSignal(window.sync_tab.fetcher.failed, timeout=PAGE_TIMEOUT_MS):
        qtbot.mouseClick(window.sync_tab.form.syncButton, Qt.MouseButton.LeftButton)

    [entry] = wait_for_entries(qtbot, store, 1)
    assert (entry.outcome, entry.code) == (Outcome.FAILED, TransportProblem.REFUSED.name)


def test_a_history_that_cannot_be_written_never_changes_the_sync(
    qtbot: Any,
    simulator: Simulator,
    saved_profile: Any,
    make_window: Any,
    tmp_path: Path,
    caplog: Any,
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    store = HistoryStore(blocker / "history.sqlite3")  # its folder cannot be made
    window = make_window(history=store)
    fill_form(qtbot, window)
    caplog.set_level(logging.WARNING)
    with qtbot.waitSignal(window.sync_tab.fetcher.historyWritten, timeout=PAGE_TIMEOUT_MS):
        page = sync_and_wait_for_page(qtbot, window)

    assert window.sync_tab.currentWidget() is page
    assert "Sync history not recorded" in caplog.text
    assert not (blocker / "history.sqlite3").exists()


def test_without_a_history_nothing_is_recorded_and_there_is_no_history_tab(
    qtbot: Any, simulator: Simulator, saved_profile: Any, make_window: Any
) -> None:
    window = make_window(history=None)
    fill_form(qtbot, window)
    sync_and_wait_for_page(qtbot, window)
    assert window.sync_tab.fetcher.history is None
    assert not default_path().exists()
    assert "History" not in [window.tabs.tabText(i) for i in range(window.tabs.count())]


def test_closing_mid_sync_records_the_request_as_cancelled(
    qtbot: Any, simulator: Simulator, saved_profile: Any, make_window: Any, tmp_path: Path
) -> None:
    store = HistoryStore(tmp_path / "history.sqlite3")
    window = make_window(history=store)
    fill_form(qtbot, window)
    simulator.delay_seconds = 60.0
    window.sync_tab.form.submit()
    assert window.sync_tab.fetcher.busy
    window.close()

    [entry] = wait_for_entries(qtbot, store, 1)
    assert (entry.outcome, entry.code) == (Outcome.CANCELLED, "CANCELLED")


def test_a_page_that_did_not_load_is_noted_as_not_loaded(
    qtbot: Any, simulator: Simulator, make_window: Any, closed_port: int, tmp_path: Path
) -> None:
    from tests.gui.conftest import save_profile

    save_profile(simulator, i3_base_url=f"http://127.0.0.1:{closed_port}")
    store = HistoryStore(tmp_path / "history.sqlite3")
    window = make_window(history=store)
    fill_form(qtbot, window)
    sync_and_wait_for_page(qtbot, window, loaded=False)
    qtbot.waitUntil(lambda: [e.page_loaded for e in store.entries()] == [False])
    assert store.entries()[0].outcome is Outcome.OK  # the token was issued all the same


def test_demo_mode_keeps_its_history_in_its_own_folder_never_the_users() -> None:
    from desktop.core.history import default_path
    from desktop.gui.demo import DemoSession

    with DemoSession() as demo:
        assert demo.history.path.parent == demo.store.path.parent
        assert demo.history.path != default_path()
        folder = demo.history.path.parent
    assert not folder.exists()  # gone with the demo


class HeldStore(HistoryStore):
    """The real store, whose writes wait until ``release`` is set."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self.release = threading.Event()

    def record(self, **fields: Any) -> int:
        self.release.wait(10)
        return super().record(**fields)


def _close_mid_sync(
    qtbot: Any, simulator: Simulator, make_window: Any, store: HistoryStore
) -> None:
    window = make_window(history=store)
    fill_form(qtbot, window)
    simulator.delay_seconds = 60.0
    window.sync_tab.form.submit()
    assert window.sync_tab.fetcher.busy
    window.close()


def test_quitting_waits_briefly_for_the_cancelled_entry_queued_at_close(
    qtbot: Any, simulator: Simulator, saved_profile: Any, make_window: Any, tmp_path: Path
) -> None:
    """The history writes on a daemon thread, which the process's exit would cut off."""
    from PySide6.QtCore import QCoreApplication

    store = HeldStore(tmp_path / "history.sqlite3")
    app = QCoreApplication.instance()
    assert app is not None
    # Connected first, so it runs first: the write may go on from the moment the app quits.
    app.aboutToQuit.connect(store.release.set)
    try:
        _close_mid_sync(qtbot, simulator, make_window, store)
        assert store.count() == 0
        app.aboutToQuit.emit()  # what app.exec() does on its way out
        [entry] = store.entries()  # written before quitting went on
        assert (entry.outcome, entry.code) == (Outcome.CANCELLED, "CANCELLED")
    finally:
        app.aboutToQuit.disconnect(store.release.set)
        store.release.set()


def test_quitting_never_waits_long_for_a_history_that_does_not_answer(
    qtbot: Any, simulator: Simulator, saved_profile: Any, make_window: Any, tmp_path: Path
) -> None:
    from PySide6.QtCore import QCoreApplication

    store = HeldStore(tmp_path / "history.sqlite3")
    app = QCoreApplication.instance()
    assert app is not None
    try:
        _close_mid_sync(qtbot, simulator, make_window, store)
        started = time.monotonic()
        app.aboutToQuit.emit()
        assert time.monotonic() - started < 2.0  # a bound (0.3 s), generous for a busy machine
        assert store.count() == 0
    finally:
        store.release.set()
