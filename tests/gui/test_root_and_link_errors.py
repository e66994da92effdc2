"""Running as root (Chromium refuses its sandbox there) and link errors in the windowed app."""

from __future__ import annotations

import argparse
import logging
import os
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from desktop.gui import launch, sandbox
from desktop.simulator.server import Simulator
from tests.gui.conftest import fill_form


def test_the_rules_for_root() -> None:
    assert sandbox.root_problem({}, root=True) is not None
    assert sandbox.root_problem({sandbox.SANDBOX_OFF: "1"}, root=True) is None
    assert sandbox.root_problem({sandbox.CHROMIUM_FLAGS: "--no-sandbox"}, root=True) is None
    assert sandbox.root_problem({}, root=False) is None
    env: dict[str, str] = {}
    assert sandbox.allow_demo_as_root(env, root=True) and env[sandbox.SANDBOX_OFF] == "1"
    env = {}
    assert not sandbox.allow_demo_as_root(env, root=False) and env == {}


def test_demo_mode_as_root_switches_the_sandbox_off_with_a_warning(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(sandbox, "running_as_root", lambda: True)
    monkeypatch.delenv(sandbox.SANDBOX_OFF, raising=False)  # restored after the test
    seen: dict[str, Any] = {}

    def on_window(window: Any) -> None:
        qtbot.waitUntil(lambda: window.started and not window.sync_tab.vault_busy)
        seen["env"] = os.environ.get(sandbox.SANDBOX_OFF)
        seen["blocked"] = window.sync_tab.browser_problem
        QTimer.singleShot(0, window.close)

    args = argparse.Namespace(demo=True, debug=False, command=None)
    with caplog.at_level(logging.WARNING, logger="desktop.gui.sandbox"):
        assert launch.start(args, [], on_window=on_window) == 0
    assert seen == {"env": "1", "blocked": None}
    assert any("sandbox is switched off for demo mode" in r.message for r in caplog.records)


def test_outside_demo_mode_as_root_the_window_says_why_the_browser_cannot_start(
    qtbot: Any, simulator: Simulator, saved_secrets: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sandbox, "running_as_root", lambda: True)
    monkeypatch.delenv(sandbox.SANDBOX_OFF, raising=False)
    monkeypatch.delenv(sandbox.CHROMIUM_FLAGS, raising=False)
    seen: dict[str, Any] = {}

    def on_window(window: Any) -> None:
        qtbot.waitUntil(lambda: window.started and not window.sync_tab.vault_busy)
        tab = window.sync_tab
        notice = tab.notice("browser")
        seen["notice"] = notice.label.text() if notice is not None else ""
        fill_form(qtbot, window)
        qtbot.mouseClick(tab.form.syncButton, Qt.MouseButton.LeftButton)
        seen["busy"] = tab.fetcher.busy
        seen["error"] = tab.form.errorLabel.text()
        seen["page"] = tab.sync_page
        QTimer.singleShot(0, window.close)

    args = argparse.Namespace(demo=False, debug=False, command=None)
    assert launch.start(args, [], on_window=on_window) == 0
    assert "running as root" in seen["notice"]
    assert f"{sandbox.SANDBOX_OFF}=1" in seen["notice"]
    assert "normal user" in seen["notice"]
    assert seen["busy"] is False and "cannot start" in seen["error"]
    assert seen["page"] is None  # QtWebEngine was never asked to start
    assert simulator.calls == []  # no token spent
    assert os.environ.get(sandbox.SANDBOX_OFF) is None  # never switched off outside demo mode


def test_show_link_error_shows_the_reason_logs_it_and_returns_2(
    qtbot: Any, caplog: pytest.LogCaptureFixture
) -> None:
    reason = 'The link is not valid: <a href="https://evil.example/">profile</a> is too long.'
    seen: dict[str, Any] = {}

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen["texts"] = [label.text() for label in box.findChildren(QLabel)]
        seen["formats"] = {label.textFormat() for label in box.findChildren(QLabel)}
        box.accept()

    QTimer.singleShot(0, answer)
    with caplog.at_level(logging.ERROR, logger="desktop.gui.launch"):
        assert launch.show_link_error(reason) == 2
    assert reason in seen["texts"]
    assert seen["formats"] == {Qt.TextFormat.PlainText}
    assert any(reason in r.getMessage() for r in caplog.records)
