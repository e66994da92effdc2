"""The whole flow against the simulator: form, worker, token, the real QWebEngineView."""

from __future__ import annotations

from typing import Any

from desktop.simulator.server import Simulator
from tests.gui.conftest import fill_form, run_js, sync_and_wait_for_page


def test_one_user_without_location_ends_on_the_simulators_page(
    qtbot: Any, simulator: Simulator, saved_profile: Any, make_window: Any
) -> None:
    window = make_window()
    fill_form(qtbot, window, user="42")
    page = sync_and_wait_for_page(qtbot, window)

    view = window.findChild(type(page.view), "syncView")
    assert view is page.view
    assert view.url().toString().startswith(simulator.url + "/users/oneSyncUserLogin/")
    assert "Anna de Vries" in run_js(qtbot, view, "document.getElementById('user').textContent")
    assert run_js(qtbot, view, "document.getElementById('location').tagName") == "SELECT"
    assert "I3 one user sync" in page.titleLabel.text()
    assert simulator.calls[-1][0] == "Esws.getSyncToken"
    assert simulator.calls[-1][1]["p_locationID"] == ""
