"""Start-up, as a real ``i3sync`` process: the form is painted before QtWebEngine, zeep, lxml,
requests or keyring are loaded, and nothing connects anywhere while the window starts."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from desktop.esws.profiles import Profile, ProfileStore

HEAVY = [
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "zeep",
    "lxml",
    "requests",
    "urllib3",
    "keyring",
]

PROBE = """
import argparse, json, socket, sys
from PySide6.QtCore import QTimer
from desktop.gui import launch

HEAVY = {heavy!r}
attempts = []
real_connect = socket.socket.connect

def connect(self, address):
    attempts.append(repr(address))
    return real_connect(self, address)

socket.socket.connect = connect
report = {{}}

def on_window(window):
    def painted():
        report["loaded_at_paint"] = [m for m in HEAVY if m in sys.modules]
        report["form_visible"] = window.sync_tab.form.isVisible()

    def warmed_up(tries=500):
        done = window.sync_tab.sync_page is not None and "zeep" in sys.modules
        if not done and tries:
            QTimer.singleShot(20, lambda: warmed_up(tries - 1))
            return
        report["loaded_after_warm_up"] = [m for m in HEAVY if m in sys.modules]
        report["connects"] = list(attempts)
        report["profile"] = window.sync_tab.form.profileCombo.currentText()
        # PySide6 6.12.0's emit() bug aborts Python 3.11 after a few thousand emits unless the
        # window guarded against it (desktop.gui.qt_compat).
        from PySide6.QtCore import QObject, Signal

        class Emitter(QObject):
            ping = Signal()

        emitter = Emitter()
        for _ in range(20000):
            emitter.ping.emit()
        report["survived_emits"] = True
        window.close()

    window.painted.connect(painted)
    window.ready.connect(warmed_up)

code = launch.start(argparse.Namespace(demo=False, debug=False, command=None), [],
                    on_window=on_window)
print(json.dumps(report))
sys.exit(code)
"""


def start_probe(env: dict[str, str]) -> dict[str, Any]:
    ProfileStore().save([Profile(name="Acme", admin_username="hr")], "Acme")
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(heavy=HEAVY)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    report: dict[str, Any] = json.loads(result.stdout.strip().splitlines()[-1])
    return report


def test_form_is_painted_before_anything_heavy_loads_and_nothing_connects(
    subprocess_env: dict[str, str], isolated_user_folders: Path
) -> None:
    report = start_probe(subprocess_env)
    assert report["form_visible"]
    assert report["profile"] == "Acme"
    assert report["loaded_at_paint"] == []
    assert report["survived_emits"]
    # The warm-up after the paint loads QtWebEngine (so the first sync is quick)...
    assert "PySide6.QtWebEngineWidgets" in report["loaded_after_warm_up"]
    assert "zeep" in report["loaded_after_warm_up"]  # in the worker thread
    # ...and nothing, not even to loopback, is connected to while starting.
    assert report["connects"] == []
