"""Closing the window while ESWS hangs: the window goes at once and the process exits 0 in < 2 s.

A real process (``launch.start``, offscreen) against a real hung server on loopback. Before the
runner, a refused sync then a hung one froze the window for 10 s on close, then Qt aborted the
process ("QThread: Destroyed while thread ... is still running", SIGABRT).
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest

from desktop.core.history import Outcome, default_path
from desktop.core.history_store import HistoryStore
from desktop.simulator.esws_logic import DEMO_COMPANY_ID, DEMO_PASSWORD, EswsLogic
from desktop.simulator.server import Simulator
from tests.fault_servers import silent_server
from tests.gui.conftest import save_profile

# Two syncs (the first may be refused), then close the window while the second one hangs.
SCRIPT = f"""
import argparse, os, sys, time
from PySide6.QtCore import QSocketNotifier, QTimer
from desktop.gui import launch

def on_window(window):
    form, fetcher = window.sync_tab.form, window.sync_tab.fetcher

    def sync():
        form.companyIdEdit.setText({DEMO_COMPANY_ID!r})
        form.passwordEdit.setText({DEMO_PASSWORD!r})
        form.userIdEdit.setText("42")
        form.submit()
        print("sync started", fetcher.busy, flush=True)

    def first_done(*_):
        fetcher.failed.disconnect(first_done)
        print("first sync ended", flush=True)
        QTimer.singleShot(0, second)

    def second():
        sync()
        # The test writes a line once the server holds the request: then close the window.
        notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read, window)
        notifier.activated.connect(close)

    def close(*_):
        os.read(sys.stdin.fileno(), 64)
        print("closing", repr(time.monotonic()), flush=True)
        started = time.monotonic()
        window.close()
        print("closed in", repr(time.monotonic() - started), window.isVisible(), flush=True)

    def begin():
        if sys.argv[1] == "twice":
            fetcher.failed.connect(first_done)
            sync()
        else:
            second()

    # Once started: the sync history is open, so the abandoned request is recorded too.
    if window.started:
        QTimer.singleShot(0, begin)
    else:
        window.ready.connect(begin)

args = argparse.Namespace(demo=False, debug=False, command=None)
code = launch.start(args, [], on_window=on_window)
print("exit code", code, flush=True)
from desktop.cli import leave
leave(code)  # as the i3sync entry point ends the process
"""


@dataclass
class RefuseThenHang(EswsLogic):
    """ESWS that refuses the first sync and never answers the next ones."""

    release: threading.Event = field(default_factory=threading.Event)
    held: threading.Event = field(default_factory=threading.Event)
    answered: int = 0

    def get_sync_token(self, *args: str) -> str:
        if self.answered == 0:
            self.answered += 1
            return "NO ADMIN FOUND BASED ON USERNAME AND PASSWORD"
        self.held.set()
        self.release.wait(60)
        return "ERROR_NO_SECURITY_HASH"


@pytest.fixture
def refusing_then_hanging() -> Iterator[tuple[Simulator, RefuseThenHang]]:
    logic = RefuseThenHang()
    with Simulator(logic) as simulator:
        try:
            yield simulator, logic
        finally:
            logic.release.set()


def run_window(env: dict[str, str], mode: str, hanging: threading.Event) -> tuple[Any, float]:
    """Run the window process, close its window once ``hanging`` is set; returns the finished
    process and the seconds from closing the window to the process's exit."""
    env = {**env, "QT_QPA_PLATFORM": "offscreen"}
    if os.geteuid() == 0:
        env["QTWEBENGINE_DISABLE_SANDBOX"] = "1"
    process = subprocess.Popen(
        [sys.executable, "-c", SCRIPT, mode],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        if not hanging.wait(30):
            process.kill()
            out, err = process.communicate(timeout=30)
            raise AssertionError(f"the sync never reached the server:\n{out}\n{err[-3000:]}")
        assert process.stdin is not None
        process.stdin.write("close\n")
        process.stdin.flush()
        stdout, stderr = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    exited = time.monotonic()
    result = subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)
    closing = [line for line in result.stdout.splitlines() if line.startswith("closing ")]
    assert closing, result.stdout + result.stderr[-3000:]
    return result, exited - float(closing[0].split()[1])


def check(result: Any, after_close: float) -> None:
    output = result.stdout + result.stderr[-3000:]
    assert result.returncode == 0, output
    assert "Destroyed while thread" not in result.stderr
    assert "Traceback" not in result.stderr
    closed = next(line for line in result.stdout.splitlines() if line.startswith("closed in"))
    _, _, seconds, visible = closed.split()
    assert visible == "False"  # the window disappeared at once...
    assert float(seconds) < 0.5, output
    assert after_close < 2.0, output  # ...and the process was gone within 2 s


def test_closing_during_a_hung_sync_after_a_refused_one_exits_at_once(
    subprocess_env: dict[str, str], refusing_then_hanging: tuple[Simulator, RefuseThenHang]
) -> None:
    simulator, logic = refusing_then_hanging
    save_profile(simulator)
    result, after_close = run_window(subprocess_env, "twice", logic.held)
    assert "first sync ended" in result.stdout
    check(result, after_close)


def test_closing_while_a_silent_server_holds_the_sync_exits_at_once(
    subprocess_env: dict[str, str],
) -> None:
    connected = threading.Event()
    with Simulator() as simulator, silent_server(connected) as url:
        save_profile(simulator, esws_endpoint=url + "/webservicesesws")
        result, after_close = run_window(subprocess_env, "once", connected)
    check(result, after_close)
    # The request abandoned at close is in the history: its write was not cut off by the exit.
    entries = HistoryStore(default_path()).entries()
    assert [(e.outcome, e.code) for e in entries] == [(Outcome.CANCELLED, "CANCELLED")]
