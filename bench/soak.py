"""Soak: one window process, 1,000 syncs and 200 cancels at random phases, against the simulator.

Run by hand: ``.venv/bin/python bench/soak.py [--syncs N] [--cancels N] [--seed S]`` (offscreen
when there is no display). Everything runs in this process: the window as ``i3sync`` builds it
(the one runner, the ESWS client reused between syncs, a private browser profile per sync) and
the simulator on 127.0.0.1, against temporary folders and an in-memory keyring.

Cancels land in four phases, chosen at random: at once after Sync (before or while connecting),
while ESWS holds the request (the simulator delays its answer), just before the answer would
arrive, and while I3's page loads (Back to form). After a warm-up of 20 syncs it measures the
process's resident memory, its threads and its open file descriptors, runs the soak, lets what was
cancelled finish (the simulator's held answers end), and measures again. Goals (issue #6): RSS
growth under 15 MiB, threads and descriptors back to where they started. Prints one line per
figure and exits 1 when a goal is missed.
"""

from __future__ import annotations

import argparse
import gc
import os
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

RSS_GOAL_MIB = 15.0
USER = "42"


def threads() -> int:
    task = Path("/proc/self/task")
    if task.exists():
        return len(list(task.iterdir()))
    import threading

    return threading.active_count()


def descriptors() -> int:
    fd = Path("/proc/self/fd")
    return len(list(fd.iterdir())) if fd.exists() else -1


def isolate() -> Path:
    home = Path(tempfile.mkdtemp(prefix="i3sync-soak-"))
    os.environ["I3SYNC_CONFIG_DIR"] = str(home / "config")
    os.environ["I3SYNC_LOG_DIR"] = str(home / "log")
    os.environ["I3SYNC_DATA_DIR"] = str(home / "data")
    os.environ["PYTHON_KEYRING_BACKEND"] = "tests.memory_keyring.MemoryKeyring"
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    return home


class Soak:
    def __init__(self, window: Any, simulator: Any, rng: random.Random) -> None:
        from bench.gui_ratios import wait_for

        self.wait_for = wait_for
        self.window = window
        self.tab = window.sync_tab
        self.simulator = simulator
        self.rng = rng
        self.view = self.tab.ensure_sync_page()
        self.phases: dict[str, int] = {}

    def settle(self, ms: int) -> None:
        from PySide6.QtCore import QEventLoop, QTimer

        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def sync(self) -> None:
        self.simulator.delay_seconds = 0.0
        self.tab.form.syncButton.click()
        (ok,) = self.wait_for(self.view.pageLoaded)
        if not ok:
            raise RuntimeError("the sync page did not load")
        self.tab.back_to_form()

    def cancel(self) -> None:
        phase = self.rng.choice(["at once", "held by ESWS", "answer due", "page loading"])
        self.phases[phase] = self.phases.get(phase, 0) + 1
        if phase == "page loading":
            self.simulator.delay_seconds = 0.0
            self.tab.form.syncButton.click()
            self.wait_for(self.tab.syncPageShown)
            self.tab.back_to_form()
            return
        delay = {"at once": 0.0, "held by ESWS": 0.3, "answer due": 0.05}[phase]
        self.simulator.delay_seconds = delay
        self.tab.form.syncButton.click()
        if phase != "at once":
            self.settle(self.rng.randint(5, 45))
        if self.tab.form.cancelButton.isVisible():
            self.tab.form.cancelButton.click()
        elif self.tab.currentWidget() is not self.tab.formPage:
            self.tab.back_to_form()  # the answer won the race: leave the page instead
        if not self.tab.form.syncButton.isEnabled():
            self.wait_for(self.tab.formShown, 5000)


def python_threads() -> list[str]:
    import threading

    return sorted(t.name for t in threading.enumerate())


def measure() -> tuple[int, int, int]:
    from bench.gui_ratios import rss_bytes

    gc.collect()
    return rss_bytes(), threads(), descriptors()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--syncs", type=int, default=1000)
    parser.add_argument("--cancels", type=int, default=200)
    parser.add_argument("--seed", type=int, default=6)
    args = parser.parse_args()
    isolate()

    from bench.gui_ratios import seed_profile, wait_for
    from desktop.core.vault import SecretStore
    from desktop.esws.profiles import ProfileStore
    from desktop.esws.request import SyncKind
    from desktop.gui.main_window import MainWindow
    from desktop.gui.qt_setup import create_application
    from desktop.simulator.server import Simulator

    app = create_application([])
    with Simulator() as simulator:
        seed_profile(simulator.esws_endpoint, simulator.url)
        window = MainWindow(ProfileStore(), SecretStore())
        window.show()
        if not window.started:
            wait_for(window.ready)
        if window.sync_tab.vault_busy:
            wait_for(window.sync_tab.secretsLoaded)
        window.sync_tab.form.fill_request(SyncKind.ONE_USER, USER)
        soak = Soak(window, simulator, random.Random(args.seed))
        for _ in range(20):
            soak.sync()
        before = measure()
        named_before = python_threads()
        started = time.monotonic()
        plan = ["sync"] * args.syncs + ["cancel"] * args.cancels
        soak.rng.shuffle(plan)
        for step in plan:
            if step == "sync":
                soak.sync()
            else:
                soak.cancel()
        seconds = time.monotonic() - started
        simulator.delay_seconds = 0.0
        # Held answers end and their threads go: wait up to 5 s for the counts to come back.
        deadline = time.monotonic() + 5
        after = measure()
        while time.monotonic() < deadline and (after[1] > before[1] or after[2] > before[2]):
            soak.settle(100)
            after = measure()
        named_after = python_threads()
        window.close()
        app.processEvents()

    mib = 1024 * 1024
    growth = (after[0] - before[0]) / mib
    print(f"syncs {args.syncs}, cancels {args.cancels} {soak.phases}, {seconds:.0f} s")
    print(
        f"RSS          {before[0] / mib:.1f} MiB -> {after[0] / mib:.1f} MiB "
        f"(growth {growth:+.1f} MiB, goal < {RSS_GOAL_MIB:.0f})"
    )
    print(f"threads      {before[1]} -> {after[1]}")
    print(f"descriptors  {before[2]} -> {after[2]}")
    print(f"Python threads {len(named_before)} -> {len(named_after)}: {named_after}")
    ok = growth < RSS_GOAL_MIB and after[1] <= before[1] and after[2] <= before[2]
    print("soak " + ("met its goals" if ok else "MISSED a goal"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
