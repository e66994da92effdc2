"""Closing and crashing in the windowed app: no stderr needed, no hand-over to a closed window."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from typing import Any

import pytest

from desktop.esws.links import SyncLink
from desktop.esws.profiles import Profile
from desktop.esws.request import SyncKind
from desktop.gui import launch
from desktop.gui.single_instance import InstanceServer, OpenRequest, forward, server_name
from tests.gui.conftest import PROFILE


def test_the_exception_hook_works_without_stderr(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """The windowed build has ``sys.stderr is None``: the hook logs and writes nothing."""
    monkeypatch.setattr(sys, "excepthook", sys.__excepthook__)
    with launch._unhandled_exceptions_logged():
        hook = sys.excepthook
        monkeypatch.setattr(sys, "stderr", None)
        try:
            raise ValueError("boom")
        except ValueError as error:
            with caplog.at_level(logging.CRITICAL):
                hook(ValueError, error, error.__traceback__)
    assert "Unhandled ValueError" in caplog.text


def test_closing_the_window_stops_taking_requests_from_other_launches(
    qtbot: Any, saved_profile: Profile, make_window: Callable[..., Any]
) -> None:
    server = InstanceServer(server_name(demo=False))
    handover = launch._Handover(server)  # as start() does
    try:
        window = make_window()
        handover.window_ready(window)
        assert server.listening
        window.close()
        assert not server.listening
        # A later launch finds no window (it opens its own): this one is never shown again.
        request = OpenRequest(SyncLink(SyncKind.ONE_USER, PROFILE, "42"), False)
        assert forward(server.name, request) is None
        assert not window.isVisible()
    finally:
        server.close()
