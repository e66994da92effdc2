"""Python objects that may own Qt objects are finalised on the GUI thread: cycles are collected
there (never in a worker that happens to allocate), and what a runner job held (its call, its
callback, its outcome) is let go there. A view with a browser inside destroyed on another thread
makes Chromium abort the process."""

from __future__ import annotations

import gc
import threading
from typing import Any

from desktop.gui.qt_setup import GC_INTERVAL_MS
from desktop.gui.runner import Runner


class Witness:
    """Records the thread it is finalised on."""

    def __init__(self, seen: list[str]) -> None:
        self.seen = seen
        self.cycle = self  # only the cyclic collector can free it

    def __del__(self) -> None:
        self.seen.append(threading.current_thread().name)


def test_cycles_are_collected_by_the_gui_thread_not_by_a_busy_worker(qtbot: Any) -> None:
    assert not gc.isenabled()
    seen: list[str] = []
    Witness(seen)
    done = threading.Event()

    def allocate() -> None:  # would trigger a collection on this thread with gc enabled
        for _ in range(20_000):
            [[] for _ in range(3)]
        done.set()

    worker = threading.Thread(target=allocate, name="busy-worker")
    worker.start()
    assert done.wait(10)
    worker.join()
    qtbot.waitUntil(lambda: seen != [], timeout=GC_INTERVAL_MS * 400)
    assert seen == [threading.main_thread().name]


def test_a_runner_lets_go_of_its_call_and_callback_on_the_gui_thread(qtbot: Any) -> None:
    seen: list[str] = []
    runner = Runner("finalise-test")
    witness: Any = Witness(seen)
    witness.cycle = None  # plain reference counting this time

    def call(held: Any = witness) -> int:
        return 1

    results: list[int] = []
    del witness
    with qtbot.waitSignal(runner.destroyed, timeout=5000, raising=False):
        runner.run(call, lambda outcome: results.append(outcome.value))
        del call
        qtbot.waitUntil(lambda: results == [1], timeout=5000)
        qtbot.waitUntil(lambda: seen != [], timeout=5000)
        runner.deleteLater()
    assert seen == [threading.main_thread().name]
