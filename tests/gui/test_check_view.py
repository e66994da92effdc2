""" "Test connection" in the window: the profiles dialog (the profile as typed) and the page shown
when I3's page cannot load, against the simulator, a closed port and a silent server on loopback."""

from __future__ import annotations

import re
import threading
from typing import Any

from PySide6.QtCore import Qt

from desktop.esws.check import ON_PREMISE_REMINDER, CheckTarget
from desktop.simulator.server import Simulator
from tests.fault_servers import silent_server
from tests.gui.conftest import PAGE_TIMEOUT_MS, fill_form, type_into

LEFT = Qt.MouseButton.LeftButton
CHECK_TIMEOUT_MS = 20_000
OK_LINE = re.compile(r"^ok   (\w+)  \S.*  \(\d+ ms\)$")


def open_dialog(qtbot: Any, window: Any) -> Any:
    qtbot.mouseClick(window.sync_tab.form.manageButton, LEFT)
    dialog = window.sync_tab.profile_dialog
    qtbot.waitExposed(dialog)
    return dialog


def run_check(qtbot: Any, view: Any) -> list[Any]:
    """Click Test connection; the results once the check has ended."""
    with qtbot.waitSignal(view.finished, timeout=CHECK_TIMEOUT_MS) as finished:
        qtbot.mouseClick(view.testButton, LEFT)
    return list(finished.args[0])


def check_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith("i3sync-check")]


def test_against_the_simulator_every_step_is_ok_and_nothing_secret_is_sent(
    qtbot: Any, simulator: Simulator, saved_secrets: Any, make_window: Any
) -> None:
    window = make_window()
    fill_form(qtbot, window)  # a password typed in the form, secrets in the vault: never sent
    dialog = open_dialog(qtbot, window)
    view = dialog.checkView
    shown: list[int] = []
    view.stepFinished.connect(lambda _result: shown.append(len(view.text_lines())))

    results = run_check(qtbot, view)

    assert [r.step for r in results] == ["resolve", "connect", "wsdl", "esws", "i3"]  # http: no tls
    assert all(r.ok for r in results)
    lines = view.text_lines()
    matches = [OK_LINE.match(line) for line in lines]
    assert [m.group(1) if m else line for m, line in zip(matches, lines, strict=True)] == [
        r.step for r in results
    ]
    assert shown == [1, 2, 3, 4, 5]  # each line appeared as its step finished
    assert "ERROR_NO_SECURITY_HASH" in lines[3]
    assert view.statusLabel.text() == "Every step is ok."
    assert not view.cancelButton.isVisible() and view.testButton.isEnabled()
    # The on-premise reminder below the steps (the profile is not EasyConnect cloud).
    assert view.notesLabel.isVisible() and ON_PREMISE_REMINDER in view.notesLabel.text()
    # Only an empty getTotalSyncToken reached ESWS: no security code, admin or password.
    assert [operation for operation, _ in simulator.calls] == ["Esws.getTotalSyncToken"]
    params = simulator.calls[0][1]
    assert {"p_companyID", "p_adminUsername", "p_adminPassword"} <= set(params)
    assert set(params.values()) == {""}


def test_a_closed_port_fails_connect_and_skips_esws_for_the_profile_as_typed(
    qtbot: Any, simulator: Simulator, saved_profile: Any, make_window: Any, closed_port: int
) -> None:
    window = make_window()
    dialog = open_dialog(qtbot, window)
    # Typed, not saved: the check takes the editor's addresses.
    type_into(qtbot, dialog.endpointEdit, f"http://127.0.0.1:{closed_port}/webservicesesws")
    results = run_check(qtbot, dialog.checkView)

    status = {r.step: r.status for r in results}
    assert status == {
        "resolve": "ok",
        "connect": "FAIL",
        "wsdl": "ok",  # the bundled WSDL needs no network
        "esws": "skip",
        "i3": "ok",  # I3 is checked whatever happens to ESWS
    }
    lines = dialog.checkView.text_lines()
    assert lines[1].startswith("FAIL connect  ")
    assert lines[3].startswith("skip esws  ")
    assert "Failed at connect" in dialog.checkView.statusLabel.text()
    assert simulator.calls == []
    assert dialog.profileList.count() == 1  # testing saves nothing


def test_an_invalid_address_is_shown_under_its_field_and_nothing_is_checked(
    qtbot: Any, simulator: Simulator, saved_profile: Any, make_window: Any
) -> None:
    window = make_window()
    dialog = open_dialog(qtbot, window)
    type_into(qtbot, dialog.endpointEdit, "http://[::1")
    started: list[bool] = []
    dialog.checkView.started.connect(lambda: started.append(True))
    qtbot.mouseClick(dialog.checkView.testButton, LEFT)
    assert dialog.errors["ESWS endpoint"].isVisible()
    assert dialog.errors["ESWS endpoint"].text().endswith(".")
    assert started == [] and not dialog.checkView.running
    assert dialog.checkView.text_lines() == []


def test_cancel_while_a_silent_server_holds_esws_ends_the_check_at_once(
    qtbot: Any, simulator: Simulator, saved_profile: Any, make_window: Any
) -> None:
    connected = threading.Event()
    with silent_server(connected) as url:
        window = make_window()
        dialog = open_dialog(qtbot, window)
        type_into(qtbot, dialog.endpointEdit, url + "/webservicesesws")
        view = dialog.checkView
        qtbot.mouseClick(view.testButton, LEFT)
        assert view.running and view.cancelButton.isVisible()
        # resolve, connect and the bundled WSDL done: esws is now waiting on the silent server.
        qtbot.waitUntil(lambda: len(view.text_lines()) == 3, timeout=CHECK_TIMEOUT_MS)
        assert connected.is_set()
        # Cancel ends it at once; the bound is generous for a busy 2-core machine.
        with qtbot.waitSignal(view.finished, timeout=5000) as finished:
            qtbot.mouseClick(view.cancelButton, LEFT)
        results = finished.args[0]
        assert [(r.step, r.status) for r in results][-2:] == [("esws", "skip"), ("i3", "skip")]
        assert view.text_lines()[-2:] == ["skip esws  cancelled", "skip i3  cancelled"]
        assert view.statusLabel.text() == "Cancelled."
        assert not view.running and view.testButton.isEnabled()
        # The check's own thread ends too (its socket closed), far inside its 30 s deadline.
        qtbot.waitUntil(lambda: check_threads() == [], timeout=5000)
        assert simulator.calls == []


def test_the_failure_page_tests_the_connection_of_its_sync(
    qtbot: Any, simulator: Simulator, saved_profile: Any, make_window: Any, closed_port: int
) -> None:
    window = make_window()
    page = window.sync_tab.ensure_sync_page()
    i3_url = f"http://127.0.0.1:{closed_port}"
    target = CheckTarget.of(simulator.esws_endpoint, i3_url, cloud=True)
    with qtbot.waitSignal(page.pageLoaded, timeout=PAGE_TIMEOUT_MS) as loaded:
        page.open(i3_url + "/users/oneSyncUserLogin/x", i3_url, cloud=True, check_target=target)
    assert loaded.args == [False]
    window.sync_tab.setCurrentWidget(page)
    assert page.stack.currentWidget() is page.failure
    view = page.checkView
    assert view.isVisible() and view.testButton.isEnabled()

    results = run_check(qtbot, view)
    status = {r.step: r.status for r in results}
    assert status["esws"] == "ok" and status["i3"] == "FAIL"  # ESWS answers; I3 is the problem
    assert view.text_lines()[-1].startswith("FAIL i3  ")
    assert not view.notesLabel.isVisible()  # cloud, loopback http: nothing to remind

    # Back to the form: the result goes with the sync's session.
    page.backButton.click()
    assert page.check_target is None and view.text_lines() == []


def test_closing_the_dialog_during_a_check_stops_it(
    qtbot: Any, simulator: Simulator, saved_profile: Any, make_window: Any
) -> None:
    connected = threading.Event()
    with silent_server(connected) as url:
        window = make_window()
        dialog = open_dialog(qtbot, window)
        type_into(qtbot, dialog.endpointEdit, url + "/webservicesesws")
        dialog.confirm = lambda *args: True  # discard the typed change
        qtbot.mouseClick(dialog.checkView.testButton, LEFT)
        qtbot.waitUntil(lambda: len(dialog.checkView.text_lines()) == 3, timeout=CHECK_TIMEOUT_MS)
        dialog.close()
        qtbot.waitUntil(lambda: check_threads() == [], timeout=5000)
        assert simulator.calls == []


def test_plain_http_to_another_computer_is_warned_below_the_steps(qtbot: Any) -> None:
    from desktop.gui.esws.check_view import CheckView

    # TEST-NET addresses: another computer, never reached (cancelled at once).
    target = CheckTarget.of("http://192.0.2.1/webservicesesws", "http://192.0.2.2", cloud=False)
    view = CheckView(lambda: target)
    qtbot.addWidget(view)
    view.show()
    qtbot.mouseClick(view.testButton, LEFT)
    notes = view.notesLabel.text().splitlines()
    assert len(notes) == 3
    assert "ESWS endpoint is plain http://" in notes[0] and "password" in notes[0]
    assert "I3 address is plain http://" in notes[1]
    assert notes[2] == "note: " + ON_PREMISE_REMINDER
    with qtbot.waitSignal(view.finished, timeout=1000):
        qtbot.mouseClick(view.cancelButton, LEFT)
    assert view.notesLabel.isVisible()  # the notes stay with the result
    assert all(line.startswith(("ok ", "FAIL ", "skip ")) for line in view.text_lines())
    assert len(view.text_lines()) == 5
    qtbot.waitUntil(lambda: check_threads() == [], timeout=5000)


def test_a_sync_whose_page_fails_offers_test_connection_for_its_profile(
    qtbot: Any, simulator: Simulator, make_window: Any, closed_port: int
) -> None:
    # Through the whole window: the sync tab hands its profile's target to the failure page.
    from tests.gui.conftest import save_profile, sync_and_wait_for_page

    save_profile(simulator, i3_base_url=f"http://127.0.0.1:{closed_port}")
    window = make_window()
    fill_form(qtbot, window)
    page = sync_and_wait_for_page(qtbot, window, loaded=False)
    assert page.stack.currentWidget() is page.failure
    assert page.check_target is not None
    assert page.check_target.endpoint == simulator.esws_endpoint
    assert page.checkView.isVisible() and page.checkView.testButton.isEnabled()
