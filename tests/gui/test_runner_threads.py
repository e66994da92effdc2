"""A runner's jobs leave from worker threads while the GUI thread asks ``busy``: no race."""

from __future__ import annotations

import threading
import time
from typing import Any

from desktop.gui.runner import Runner

JOBS = 500


def test_busy_polled_while_hundreds_of_cancelled_jobs_end_on_their_threads(qtbot: Any) -> None:
    runner = Runner("flood")
    release = threading.Event()
    started = threading.Semaphore(0)

    def call() -> None:
        started.release()
        release.wait(30)

    for _ in range(JOBS):
        runner.run(call, lambda _outcome: None)
    for _ in range(JOBS):
        assert started.acquire(timeout=30)  # every job is running (and will be dropped)
    runner.cancel_all()
    release.set()

    # Each cancelled job leaves the runner from its own thread as it ends; the GUI thread
    # reads busy all along (a dict changing size under it raised RuntimeError).
    polls = 0
    deadline = time.monotonic() + 30  # a bound, not a measurement: the threads end at once
    while any(t.name.startswith("flood-") for t in threading.enumerate()):
        assert time.monotonic() < deadline
        assert runner.busy is False
        polls += 1
    assert polls > 0
    assert runner.busy is False
    qtbot.waitUntil(lambda: not runner.busy)
