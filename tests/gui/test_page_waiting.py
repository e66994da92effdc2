"""Waiting for I3's page: a loading panel (host, seconds waited, Cancel) instead of a blank view,
the network reminder once it is slow, and the failure page after a deadline; against a server
that accepts and never answers, one that sends only the start of a page, and the simulator."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from desktop.esws.check import CheckTarget
from desktop.simulator.server import Simulator
from tests.fault_servers import _holding_server, silent_server
from tests.gui.conftest import PAGE_TIMEOUT_MS, fill_form, sync_and_wait_for_page

LEFT = Qt.MouseButton.LeftButton
SAME_NETWORK = "same network as the company's API Agent / API Server"


def make_view(qtbot: Any) -> Any:
    from desktop.gui.esws.sync_view import SyncView

    view = SyncView()
    # Sessions ended in order at teardown (pages before profiles), as the window does on close.
    qtbot.addWidget(view, before_close_func=lambda v: v.shutdown())
    view.resize(800, 600)
    view.show()
    return view


def link(url: str) -> str:
    return url + "/users/oneSyncUserLogin/tok"


@contextmanager
def title_then_silence() -> Iterator[str]:
    """Sends the start of an HTML page (its title), then holds the rest back."""

    def answer(conn: socket.socket) -> None:
        conn.recv(65536)
        conn.sendall(
            b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n"
            b"<!doctype html><html><head><title>I3 one user sync</title></head><body><p>Sync"
        )

    with _holding_server(answer) as url:
        yield url


def test_a_silent_page_shows_the_panel_with_host_seconds_and_cancel_goes_back(
    qtbot: Any,
) -> None:
    connected = threading.Event()
    with silent_server(connected) as url:
        view = make_view(qtbot)
        view.open(link(url), url, cloud=False)
        panel = view.loading
        assert view.stack.currentWidget() is panel and panel.isVisible()
        host = url.removeprefix("http://")
        assert panel.titleLabel.text() == f"Opening I3 at {host}…"
        assert panel.titleLabel.textFormat() == Qt.TextFormat.PlainText
        assert not panel.reminderLabel.isVisible()  # not before ~10 s
        qtbot.waitUntil(connected.is_set, timeout=PAGE_TIMEOUT_MS)
        # The 1 s clock counts up while the server holds the connection.
        qtbot.waitUntil(lambda: panel.elapsedLabel.text().endswith(": 1 s"), timeout=5000)
        assert panel.waiting
        with qtbot.waitSignal(view.backRequested, timeout=1000):
            qtbot.mouseClick(panel.cancelButton, LEFT)


def test_cancel_during_a_sync_returns_to_the_form(
    qtbot: Any, simulator: Simulator, saved_profile: Any, make_window: Any
) -> None:
    with silent_server() as url:
        window = make_window()
        tab = window.sync_tab
        page = tab.ensure_sync_page()
        page.open(link(url), url, cloud=False)
        tab.setCurrentWidget(page)
        qtbot.mouseClick(page.loading.cancelButton, LEFT)
        assert tab.currentWidget() is not page
        assert page.view is None and not page.loading.waiting  # the session went with it


def test_the_same_network_reminder_appears_when_on_premise_i3_is_slow(qtbot: Any) -> None:
    with silent_server() as url:
        view = make_view(qtbot)
        view.loading.reminder_after_s = 0.3
        with qtbot.waitSignal(view.loading.reminderShown, timeout=5000):
            view.open(link(url), url, cloud=False)
        reminder = view.loading.reminderLabel
        assert reminder.isVisible() and SAME_NETWORK in reminder.text()
        assert "unless the company uses the EasyConnect cloud" in reminder.text()
        assert reminder.textFormat() == Qt.TextFormat.PlainText
        assert view.stack.currentWidget() is view.loading


def test_a_slow_cloud_page_gets_the_short_reminder(qtbot: Any) -> None:
    from desktop.gui.esws.loading_panel import SLOW_CLOUD

    with silent_server() as url:
        view = make_view(qtbot)
        view.loading.reminder_after_s = 0.3
        with qtbot.waitSignal(view.loading.reminderShown, timeout=5000):
            view.open(link(url), url, cloud=True)
        assert view.loading.reminderLabel.text() == SLOW_CLOUD
        assert "API Agent" not in view.loading.reminderLabel.text()


def test_after_the_deadline_the_load_stops_and_the_failure_page_shows_once(
    qtbot: Any, simulator: Simulator
) -> None:
    with silent_server() as url:
        view = make_view(qtbot)
        view.loading.deadline_s = 1.0
        view.loading.reminder_after_s = 0.3
        loaded: list[bool] = []
        view.pageLoaded.connect(loaded.append)
        target = CheckTarget.of(simulator.esws_endpoint, url, cloud=False)
        view.prepare()  # the session open() will use: its load statuses are recorded
        assert view._spare is not None
        ended: list[Any] = []
        view._spare[1].loadingChanged.connect(
            lambda info: (
                ended.append(info.status()) if info.status().name != "LoadStartedStatus" else None
            )
        )
        start = time.monotonic()
        with qtbot.waitSignal(view.pageLoaded, timeout=PAGE_TIMEOUT_MS) as blocker:
            view.open(link(url), url, cloud=False, check_target=target)
        waited = time.monotonic() - start
        assert blocker.args == [False]
        assert 0.9 <= waited < 10  # the deadline holds, give or take the event loop
        assert view.stack.currentWidget() is view.failure
        host = url.removeprefix("http://")
        assert view.failureTitle.text() == f"The I3 page at {host} did not answer within 1 s."
        assert SAME_NETWORK in view.failureText.text()
        assert view.checkView.isVisible() and view.checkView.testButton.isEnabled()
        assert not view.loading.waiting and not view.loading.isVisible()
        # The load really stopped, and stopping it is not reported as a second failure.
        qtbot.waitUntil(lambda: bool(ended), timeout=5000)
        assert not view.view.page().isLoading()
        assert loaded == [False]

        # Try again waits once more behind the panel, with its clock from 0.
        view.loading.deadline_s = 30.0
        retry = next(b for b in view.failure.findChildren(QPushButton) if "Try" in b.text())
        qtbot.mouseClick(retry, LEFT)
        assert view.stack.currentWidget() is view.loading and view.loading.waiting
        assert not view.loading.reminderLabel.isVisible()


def test_the_panel_goes_once_the_page_starts_rendering(qtbot: Any) -> None:
    with title_then_silence() as url:
        view = make_view(qtbot)
        view.open(link(url), url, cloud=False)
        assert view.stack.currentWidget() is view.loading
        # The body never ends (no loadFinished), but the title has arrived: the page shows.
        qtbot.waitUntil(
            lambda: view.stack.currentWidget() is view.view.parentWidget(), timeout=PAGE_TIMEOUT_MS
        )
        assert not view.loading.waiting
        assert view.titleLabel.text().startswith("I3 one user sync")


def test_a_normal_sync_hides_the_panel_on_load_and_never_shows_the_reminder(
    qtbot: Any, simulator: Simulator, saved_profile: Any, make_window: Any
) -> None:
    window = make_window()
    page = window.sync_tab.ensure_sync_page()
    page.loading.reminder_after_s = 3.0
    shown: list[Any] = []
    reminded: list[bool] = []
    page.stack.currentChanged.connect(lambda _i: shown.append(page.stack.currentWidget()))
    page.loading.reminderShown.connect(lambda: reminded.append(True))
    fill_form(qtbot, window)
    sync_and_wait_for_page(qtbot, window)
    assert shown[0] is page.loading  # the panel, not a blank view, while I3 was asked
    assert page.stack.currentWidget() is page.view.parentWidget()
    assert not page.loading.isVisible()
    assert not page.loading.waiting  # its timers stopped: no reminder, no deadline later
    assert reminded == [] and not page.loading.reminderLabel.isVisible()


def test_a_first_load_redirected_out_of_i3_ends_the_wait_with_the_notice(
    qtbot: Any, simulator: Simulator
) -> None:
    from desktop.simulator.server import Reply

    with Simulator() as foreign:
        simulator.add_route(
            "GET",
            "/users/oneSyncUserLogin/tok",
            lambda *a: Reply(302, "text/html", b"", {"Location": foreign.url + "/elsewhere"}),
        )
        view = make_view(qtbot)
        with qtbot.waitSignal(view.navigationBlocked, timeout=PAGE_TIMEOUT_MS):
            view.open(link(simulator.url), simulator.url, cloud=False)
        # Not the panel until the deadline, then "did not answer": the notice says what happened.
        assert view.stack.currentWidget() is view.view.parentWidget()
        assert not view.loading.waiting
        assert view.notice.isVisible() and "was not opened here" in view.notice.label.text()


def test_esc_on_the_panel_cancels_and_cancel_has_the_focus(qtbot: Any) -> None:
    with silent_server() as url:
        view = make_view(qtbot)
        view.open(link(url), url, cloud=False)
        panel = view.loading
        assert panel.focusWidget() is panel.cancelButton  # Enter or Space on it cancels
        with qtbot.waitSignal(view.backRequested, timeout=1000):
            qtbot.keyClick(panel.cancelButton, Qt.Key.Key_Escape)
