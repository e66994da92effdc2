"""Regenerate the screenshots of docs/gui.md: ``python docs/img/make_screenshots.py``.

Runs ``i3sync --demo``'s window offscreen (no display needed), drives it like a user and grabs
it: the form, a refusal, the profiles dialog, a connection check, the sync page and the History
tab.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if hasattr(os, "geteuid") and os.geteuid() == 0:
    os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
# Never the user's own profiles, log or vault.
_home = Path(tempfile.mkdtemp(prefix="i3sync-shots-"))
for _name in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
    os.environ[_name] = str(_home / _name)

SIZE = (880, 780)


def wait(signal: Any, timeout_ms: int = 20_000) -> list[Any]:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    got: list[list[Any]] = []
    signal.connect(lambda *args: (got.append(list(args)), loop.quit()))
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    if not got:
        raise TimeoutError("no signal")
    return got[0]


def settle(ms: int = 400) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def shoot(window: Any) -> None:
    from desktop.esws.request import SyncKind

    if not window.started:
        wait(window.ready)
    if window.sync_tab.vault_busy:  # the demo's secrets are read off the GUI thread
        wait(window.sync_tab.secretsLoaded)
    window.resize(*SIZE)
    settle()
    window.grab().save(str(HERE / "form.png"))

    form = window.sync_tab.form
    password = form.passwordEdit.text()
    form.passwordEdit.setText("not the password")
    form.syncButton.click()
    wait(window.sync_tab.fetcher.failed)
    settle()
    window.grab().save(str(HERE / "refusal.png"))
    form.passwordEdit.setText(password)
    form.clear_problem()

    window.sync_tab.manage_profiles()
    dialog = window.sync_tab.profile_dialog
    settle()
    dialog.grab().save(str(HERE / "profiles.png"))
    dialog.checkView.testButton.click()  # Test connection, against the demo's simulator
    wait(dialog.checkView.finished)
    settle()
    dialog.grab().save(str(HERE / "check.png"))
    dialog.close()

    form.fill_request(SyncKind.ONE_USER, "1001", 2)
    page = window.sync_tab.ensure_sync_page()
    form.syncButton.click()
    wait(page.pageLoaded)
    settle(900)  # the simulated sync finishes 300 ms after the page loads
    window.grab().save(str(HERE / "sync-page.png"))

    window.sync_tab.back_to_form()
    window.tabs.setCurrentIndex(window.tabs.count() - 1)  # History, built on first show
    settle(900)
    window.grab().save(str(HERE / "history.png"))
    window.close()


def main() -> None:
    from PySide6.QtCore import QTimer

    from desktop.gui import launch

    def on_window(window: Any) -> None:
        QTimer.singleShot(0, lambda: shoot(window))

    launch.start(argparse.Namespace(demo=True, command=None), [], on_window=on_window)
    print("screenshots written to", HERE)


if __name__ == "__main__":
    main()
