"""A window built on one ESWS client passed in (as tests and embedders do) survives a Cancel."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from desktop.core.http import Timeouts
from desktop.esws.client import EswsClient
from desktop.simulator.server import Simulator
from tests.gui.conftest import fill_form, sync_and_wait_for_page


def test_cancel_then_sync_again_with_the_same_client(
    qtbot: Any, simulator: Simulator, saved_profile: Any, make_window: Any
) -> None:
    client = EswsClient(simulator.esws_endpoint, timeouts=Timeouts(connect=5, read=60))
    try:
        window = make_window(esws=client)
        fill_form(qtbot, window)
        form = window.sync_tab.form
        simulator.delay_seconds = 60.0
        qtbot.mouseClick(form.syncButton, Qt.MouseButton.LeftButton)
        with qtbot.waitSignal(window.sync_tab.fetcher.failed, timeout=5000):
            qtbot.mouseClick(form.cancelButton, Qt.MouseButton.LeftButton)
        assert "Cancelled" in form.errorLabel.text()
        # Cancels are sticky inside the client; the worker makes it usable again.
        simulator.delay_seconds = 0.0
        sync_and_wait_for_page(qtbot, window)
        assert simulator.calls[-1][0] == "Esws.getSyncToken"
    finally:
        client.close()
