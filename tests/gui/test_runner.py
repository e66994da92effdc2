"""The one runner for blocking calls: outcomes on the GUI thread, cancel and drop, no waiting."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QElapsedTimer, QObject, Qt, QThread

from desktop.core.errors import TransportError, TransportProblem
from desktop.esws.client import EswsClient
from desktop.esws.profiles import Profile
from desktop.gui.runner import Outcome, Runner
from desktop.simulator.server import Simulator
from tests.fault_servers import silent_server
from tests.gui.conftest import fill_form, sync_and_wait_for_page


def test_the_outcome_arrives_on_the_gui_thread(qtbot: Any) -> None:
    runner = Runner("test")
    seen: list[tuple[Outcome[Any], bool]] = []
    gui = QThread.currentThread()

    def done(outcome: Outcome[Any]) -> None:
        seen.append((outcome, QThread.currentThread() is gui))

    runner.run(lambda: threading.current_thread().name, done)
    runner.run(lambda: 1 / 0, done)
    qtbot.waitUntil(lambda: len(seen) == 2)
    values = {outcome.value for outcome, _ in seen if outcome.ok}
    errors = [outcome.error for outcome, _ in seen if not outcome.ok]
    assert len(values) == 1 and next(iter(values)).startswith("test-")  # its own thread
    assert len(errors) == 1 and isinstance(errors[0], ZeroDivisionError)
    assert all(on_gui for _, on_gui in seen)
    assert not runner.busy


def test_cancel_aborts_drops_and_releases_without_waiting(qtbot: Any) -> None:
    runner = Runner("test")
    release = threading.Event()
    delivered: list[object] = []
    dropped: list[object] = []
    job = runner.run(
        lambda: release.wait(30) and "late",
        delivered.append,
        cancel=release.set,  # what client.cancel does: the blocked call returns at once
        on_dropped=lambda outcome: dropped.append(outcome.value),
    )
    assert runner.busy
    start = time.monotonic()
    job.cancel()
    assert time.monotonic() - start < 3  # a bound: waiting for the call would take 30 s
    assert not job.active and not runner.busy
    qtbot.waitUntil(lambda: dropped == ["late"])
    assert delivered == []


def test_a_call_that_ignores_cancel_is_abandoned_and_its_late_result_dropped(qtbot: Any) -> None:
    runner = Runner("test")
    finish = threading.Event()
    delivered: list[object] = []
    dropped: list[object] = []
    job = runner.run(
        lambda: finish.wait(30) and "late",
        delivered.append,
        cancel=lambda: None,  # like a DNS lookup: nothing can interrupt it
        on_dropped=lambda outcome: dropped.append(outcome.value),
    )
    runner.shutdown()
    assert not job.active
    after = runner.run(lambda: "refused", delivered.append)  # a shut-down runner takes no work
    assert not after.active
    finish.set()
    qtbot.waitUntil(lambda: dropped == ["late"])
    assert delivered == []


def test_a_result_for_a_deleted_owner_is_dropped(qtbot: Any) -> None:
    owner = QObject()
    runner = Runner("test", owner)
    finish = threading.Event()
    delivered: list[object] = []
    dropped: list[object] = []
    runner.run(
        lambda: finish.wait(30) and "late",
        delivered.append,
        on_dropped=lambda outcome: dropped.append(outcome.value),
    )
    shiboken6.delete(owner)  # the runner goes with it
    finish.set()
    qtbot.waitUntil(lambda: dropped == ["late"])
    assert delivered == []


def test_a_result_that_arrives_after_cancel_is_dropped_on_the_gui_thread(qtbot: Any) -> None:
    runner = Runner("late")
    delivered: list[object] = []
    dropped: list[bool] = []
    gui = QThread.currentThread()
    workers: list[threading.Thread] = []
    started = threading.Event()

    def call() -> str:
        workers.append(threading.current_thread())
        started.set()
        return "value"

    job = runner.run(
        call, delivered.append, on_dropped=lambda _: dropped.append(QThread.currentThread() is gui)
    )
    assert started.wait(5)
    workers[0].join(5)  # ended and posted, but not delivered: no event was processed since
    job.cancel()
    assert dropped == [True]
    # Outcomes are delivered in the order posted: once a later one is in, the first came too.
    later = runner.run(lambda: "later", delivered.append)
    qtbot.waitUntil(lambda: not later.active)
    assert [outcome.value for outcome in delivered] == ["later"]  # type: ignore[attr-defined]


# -- through the window --------------------------------------------------------------------------


class StubbornClient(EswsClient):
    """An ESWS client whose call cannot be interrupted (as during a DNS lookup)."""

    def cancel(self) -> None:
        pass


def test_after_cancel_the_next_sync_never_queues_behind_the_cancelled_call(
    qtbot: Any,
    simulator: Simulator,
    saved_profile: Profile,
    make_window: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    made: list[EswsClient] = []

    def factory(profile: Profile) -> EswsClient:
        kind = StubbornClient if not made else EswsClient
        made.append(kind(profile.esws_endpoint))
        return made[-1]

    arrived, release = threading.Event(), threading.Event()

    def hold_the_first_call() -> None:
        if not arrived.is_set():
            arrived.set()
            release.wait(30)

    monkeypatch.setattr(simulator, "wait_delay", hold_the_first_call)
    window = make_window(esws=factory)
    fill_form(qtbot, window)
    form = window.sync_tab.form
    qtbot.mouseClick(form.syncButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(arrived.is_set, timeout=10_000)  # ESWS holds it now
    with qtbot.waitSignal(window.sync_tab.fetcher.failed, timeout=1000):
        qtbot.mouseClick(form.cancelButton, Qt.MouseButton.LeftButton)
    assert form.syncButton.isEnabled() and not form.busy
    assert "Cancelled" in form.errorLabel.text()

    clock = QElapsedTimer()
    clock.start()
    sync_and_wait_for_page(qtbot, window)
    # The first call is still held (30 s): the second used a new client and did not wait.
    assert clock.elapsed() < 15_000
    assert len(simulator.calls) == 1  # the second's; the first has not been answered yet
    release.set()
    assert len(made) == 2
    for client in made:
        client.close()


def test_cancel_against_a_silent_server_frees_sync_at_once(
    qtbot: Any, simulator: Simulator, make_window: Any
) -> None:
    from tests.gui.conftest import save_profile

    connected = threading.Event()
    with silent_server(connected) as url:
        save_profile(simulator, esws_endpoint=url + "/webservicesesws")
        window = make_window()
        fill_form(qtbot, window)
        form = window.sync_tab.form
        qtbot.mouseClick(form.syncButton, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(connected.is_set, timeout=5000)
        with qtbot.waitSignal(window.sync_tab.fetcher.failed, timeout=1000) as failed:
            qtbot.mouseClick(form.cancelButton, Qt.MouseButton.LeftButton)
        error = failed.args[1]
        assert isinstance(error, TransportError) and error.problem is TransportProblem.CANCELLED
        assert form.syncButton.isEnabled()
        # Sync again at once: a second hung call starts (a new connection), nothing queued.
        connected.clear()
        qtbot.mouseClick(form.syncButton, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(connected.is_set, timeout=5000)
        assert form.busy
        with qtbot.waitSignal(window.sync_tab.fetcher.failed, timeout=1000):
            qtbot.mouseClick(form.cancelButton, Qt.MouseButton.LeftButton)


@pytest.fixture(autouse=True)
def _no_thread_left_running_forever() -> Any:
    yield
    # Daemon threads only: none of the runner's threads can ever hold the process at exit.
    assert all(t.daemon for t in threading.enumerate() if t.name.startswith(("i3sync", "test-")))


def test_a_cancelled_client_is_reset_and_reused_by_the_next_sync(
    qtbot: Any, simulator: Simulator, saved_profile: Profile, make_window: Any
) -> None:
    made: list[EswsClient] = []

    def factory(profile: Profile) -> EswsClient:
        made.append(EswsClient(profile.esws_endpoint))
        return made[-1]

    window = make_window(esws=factory)
    fill_form(qtbot, window)
    form = window.sync_tab.form
    simulator.delay_seconds = 60.0
    qtbot.mouseClick(form.syncButton, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(window.sync_tab.fetcher.failed, timeout=1000):
        qtbot.mouseClick(form.cancelButton, Qt.MouseButton.LeftButton)

    def esws_calls_running() -> bool:
        return any(t.name.startswith("i3sync-esws") for t in threading.enumerate())

    qtbot.waitUntil(lambda: not esws_calls_running(), timeout=5000)  # the abort ended it
    simulator.delay_seconds = 0.0
    sync_and_wait_for_page(qtbot, window)
    assert len(made) == 1  # one client per profile: reset after the cancel, then reused
    made[0].close()
