"""The whole flow against the simulator: form, worker thread, token, the real QWebEngineView."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from typing import Any

import pytest
from PySide6.QtCore import QElapsedTimer, Qt, QTimer
from PySide6.QtWidgets import QPushButton

from desktop.simulator.esws_logic import DEMO_ADMIN, EswsLogic
from desktop.simulator.server import Simulator
from tests.gui.conftest import (
    PAGE_TIMEOUT_MS,
    fill_form,
    run_js,
    save_profile,
    sync_and_wait_for_page,
)


def status_text(qtbot: Any, view: Any) -> str:
    return str(run_js(qtbot, view, "document.getElementById('status').textContent"))


# -- the three kinds of sync ---------------------------------------------------------------


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
    assert "Choose a location" in status_text(qtbot, view)
    assert "I3 one user sync" in page.titleLabel.text()
    assert simulator.calls[-1][0] == "Esws.getSyncToken"
    assert simulator.calls[-1][1]["p_locationID"] == ""


def test_one_user_with_location_starts_the_sync_by_itself(
    qtbot: Any, simulator: Simulator, saved_profile: Any, make_window: Any
) -> None:
    window = make_window()
    fill_form(qtbot, window, user="1001", location="2")
    page = sync_and_wait_for_page(qtbot, window)

    assert "Jürgen Müller" in run_js(
        qtbot, page.view, "document.getElementById('user').textContent"
    )
    assert "Warehouse" in run_js(
        qtbot, page.view, "document.getElementById('location').textContent"
    )
    qtbot.waitUntil(lambda: page.view.title() == "Sync complete", timeout=PAGE_TIMEOUT_MS)
    assert simulator.calls[-1][1]["p_locationID"] == "2"


def test_total_sync_ends_on_the_all_users_page(
    qtbot: Any, simulator: Simulator, saved_profile: Any, make_window: Any
) -> None:
    window = make_window()
    fill_form(qtbot, window, user=None)
    form = window.sync_tab.form
    qtbot.mouseClick(form.modeTotalRadio, Qt.MouseButton.LeftButton)
    assert not form.userIdEdit.isEnabled() and not form.locationEdit.isEnabled()
    page = sync_and_wait_for_page(qtbot, window)

    assert page.view.url().toString().startswith(simulator.url + "/users/totalSyncUsersLogin/")
    assert "Press Synchronize" in status_text(qtbot, page.view)
    assert simulator.calls[-1][0] == "Esws.getTotalSyncToken"
    assert "p_userId" not in simulator.calls[-1][1]


# -- refusals and transport errors -----------------------------------------------------------


@dataclass
class RefusingLogic(EswsLogic):
    """ESWS answering every call with one refusal code (for codes the form never lets through)."""

    code: str = ""

    def get_sync_token(self, *args: str) -> str:
        return self.code

    def get_total_sync_token(self, *args: str) -> str:
        return self.code


ALL_CODES = [
    ("ERROR_NO_SECURITY_HASH", "companyIdError"),
    ("ERROR_UNKNOWN_SECURITY_HASH", "companyIdError"),
    ("NO USERNAME PROVIDED", "adminUserError"),
    ("NO PASSWORD PROVIDED", "passwordError"),
    ("NO USERID PROVIDED", "userIdError"),
    ("NO ADMIN FOUND BASED ON USERNAME AND PASSWORD", "passwordError"),
    ("NO USER FOUND BASED ON THE ID PROVIDED", "userIdError"),
]


@pytest.mark.parametrize(("code", "field_error"), ALL_CODES)
def test_every_vendor_refusal_is_shown_in_error_label_next_to_its_field(
    qtbot: Any, make_window: Any, code: str, field_error: str
) -> None:
    with Simulator(RefusingLogic(code=code)) as refusing:
        save_profile(refusing)
        window = make_window()
        fill_form(qtbot, window)
        form = window.sync_tab.form
        with qtbot.waitSignal(window.sync_tab.fetcher.failed, timeout=PAGE_TIMEOUT_MS):
            qtbot.mouseClick(form.syncButton, Qt.MouseButton.LeftButton)

    label = window.findChild(type(form.errorLabel), "errorLabel")
    assert label.isVisible()
    assert f"Error code: {code}" in label.text()
    marked = window.findChild(type(form.errorLabel), field_error)
    assert marked.isVisible() and marked.text()
    assert window.sync_tab.currentWidget() is window.sync_tab.formPage
    assert form.syncButton.isEnabled() and not form.busy


def test_a_wrong_password_shows_the_real_refusal_and_keeps_the_form(
    qtbot: Any, simulator: Simulator, saved_profile: Any, make_window: Any
) -> None:
    window = make_window()
    fill_form(qtbot, window, password="not-the-password")
    form = window.sync_tab.form
    with qtbot.waitSignal(window.sync_tab.fetcher.failed, timeout=PAGE_TIMEOUT_MS):
        form.passwordEdit.setFocus()
        qtbot.keyClick(form.passwordEdit, Qt.Key.Key_Return)  # Enter submits

    assert "NO ADMIN FOUND BASED ON USERNAME AND PASSWORD" in form.errorLabel.text()
    assert "case-sensitive" in form.errorLabel.text()
    assert form.passwordEdit.hasFocus()
    assert form.passwordEdit.text() == "not-the-password"
    assert window.sync_tab.sync_page is None  # no browser was started for a refusal


def test_server_down_says_what_failed_and_where(
    qtbot: Any, simulator: Simulator, closed_port: int, make_window: Any
) -> None:
    save_profile(simulator, esws_endpoint=f"http://127.0.0.1:{closed_port}/webservicesesws")
    window = make_window()
    fill_form(qtbot, window)
    form = window.sync_tab.form
    with qtbot.waitSignal(window.sync_tab.fetcher.failed, timeout=PAGE_TIMEOUT_MS):
        qtbot.mouseClick(form.syncButton, Qt.MouseButton.LeftButton)

    text = form.errorLabel.text()
    assert f"ESWS at 127.0.0.1:{closed_port}" in text
    assert "connection refused" in text
    assert "API Agent" in text
    assert not form.busy and form.syncButton.isEnabled()


# -- a slow server, Cancel, closing while busy ----------------------------------------------


def test_window_keeps_processing_events_while_a_slow_server_answers_after_2_s(
    qtbot: Any, simulator: Simulator, saved_profile: Any, make_window: Any
) -> None:
    window = make_window()
    fill_form(qtbot, window)
    form = window.sync_tab.form
    page = window.sync_tab.ensure_sync_page()
    simulator.delay_seconds = 2.0
    ticks: list[int] = []
    ticker = QTimer()
    ticker.setInterval(20)
    ticker.timeout.connect(lambda: ticks.append(1))
    ticks_when_answered: list[int] = []
    window.sync_tab.fetcher.succeeded.connect(lambda *_: ticks_when_answered.append(len(ticks)))
    clock = QElapsedTimer()

    ticker.start()
    clock.start()
    qtbot.mouseClick(form.syncButton, Qt.MouseButton.LeftButton)
    assert form.busy and form.cancelButton.isVisible() and not form.syncButton.isEnabled()
    assert not form.passwordEdit.isEnabled()
    qtbot.waitUntil(lambda: "(1 s)" in form.statusLabel.text(), timeout=PAGE_TIMEOUT_MS)
    with qtbot.waitSignal(page.pageLoaded, timeout=PAGE_TIMEOUT_MS):
        pass
    ticker.stop()

    assert clock.elapsed() >= 1900
    # 2 s at 20 ms: ~100 ticks if the GUI thread is free; a blocked loop would give ~0.
    assert ticks_when_answered and ticks_when_answered[0] >= 50
    assert not form.busy


def test_cancel_aborts_the_call_at_once_and_the_next_sync_works(
    qtbot: Any, simulator: Simulator, saved_profile: Any, make_window: Any
) -> None:
    window = make_window()
    fill_form(qtbot, window)
    form = window.sync_tab.form
    simulator.delay_seconds = 60.0
    qtbot.mouseClick(form.syncButton, Qt.MouseButton.LeftButton)
    assert form.cancelButton.isVisible()
    with qtbot.waitSignal(window.sync_tab.fetcher.failed, timeout=2000):
        qtbot.mouseClick(form.cancelButton, Qt.MouseButton.LeftButton)

    assert not form.busy and not form.cancelButton.isVisible()
    assert "Cancelled" in form.errorLabel.text()
    assert form.syncButton.isEnabled()
    # One worker: the next sync can only run once the cancelled call has really ended.
    simulator.delay_seconds = 0.0
    clock = QElapsedTimer()
    clock.start()
    sync_and_wait_for_page(qtbot, window)
    assert clock.elapsed() < 10_000


def test_escape_cancels_too(
    qtbot: Any, simulator: Simulator, saved_profile: Any, make_window: Any
) -> None:
    window = make_window()
    fill_form(qtbot, window)
    form = window.sync_tab.form
    simulator.delay_seconds = 60.0
    qtbot.mouseClick(form.syncButton, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(window.sync_tab.fetcher.failed, timeout=2000):
        qtbot.keyClick(form.cancelButton, Qt.Key.Key_Escape)
    assert not form.busy and "Cancelled" in form.errorLabel.text()


def test_closing_while_busy_abandons_the_call_without_waiting(
    qtbot: Any, simulator: Simulator, saved_profile: Any, make_window: Any
) -> None:
    window = make_window()
    fill_form(qtbot, window)
    simulator.delay_seconds = 60.0
    failed: list[object] = []
    window.sync_tab.fetcher.failed.connect(lambda *args: failed.append(args))
    qtbot.mouseClick(window.sync_tab.form.syncButton, Qt.MouseButton.LeftButton)
    fetcher = window.sync_tab.fetcher
    assert fetcher.busy
    worker = next(t for t in threading.enumerate() if t.name.startswith("i3sync-esws"))
    assert worker.daemon
    clock = QElapsedTimer()
    clock.start()
    window.close()
    assert clock.elapsed() < 1000
    assert not fetcher.busy
    qtbot.waitUntil(lambda: not worker.is_alive(), timeout=5000)  # the cancel reached it
    assert failed == []  # its outcome was dropped, not delivered to a closed window


# -- one private browser session per sync ----------------------------------------------------


def test_each_sync_gets_an_off_the_record_profile_destroyed_on_back(
    qtbot: Any, simulator: Simulator, saved_profile: Any, make_window: Any
) -> None:
    from PySide6.QtWebEngineWidgets import QWebEngineView

    window = make_window()
    fill_form(qtbot, window)
    page = sync_and_wait_for_page(qtbot, window)
    first = page.profile
    assert first.isOffTheRecord() and first.storageName() == ""

    with qtbot.waitSignal(first.destroyed, timeout=2000):
        qtbot.mouseClick(page.backButton, Qt.MouseButton.LeftButton)
    assert page.profile is None
    assert window.findChild(QWebEngineView, "syncView") is None
    assert window.sync_tab.currentWidget() is window.sync_tab.formPage

    sync_and_wait_for_page(qtbot, window)
    assert page.profile is not None and page.profile.isOffTheRecord()


def test_reload_after_the_page_loaded_fetches_a_new_token(
    qtbot: Any, simulator: Simulator, saved_profile: Any, make_window: Any
) -> None:
    from PySide6.QtCore import QUrl

    window = make_window()
    fill_form(qtbot, window)
    page = sync_and_wait_for_page(qtbot, window)
    spent = page.view.url().toString()
    # Tokens are one-time: loading the same link again gets the "not valid" page...
    with qtbot.waitSignal(page.pageLoaded, timeout=PAGE_TIMEOUT_MS) as again:
        page.view.load(QUrl(spent))
    assert again.args == [False]
    qtbot.waitUntil(lambda: "not valid" in page.titleLabel.text(), timeout=PAGE_TIMEOUT_MS)
    tokens = [call for call in simulator.calls if call[0] == "Esws.getSyncToken"]

    # ...so Reload asks ESWS for a new token and opens the new link.
    with qtbot.waitSignal(page.pageLoaded, timeout=PAGE_TIMEOUT_MS) as reloaded:
        qtbot.mouseClick(page.reloadButton, Qt.MouseButton.LeftButton)
    assert reloaded.args == [True]
    assert len([c for c in simulator.calls if c[0] == "Esws.getSyncToken"]) == len(tokens) + 1
    assert page.view.url().toString() != spent
    user = run_js(qtbot, page.view, "document.getElementById('user').textContent")
    assert "Anna de Vries" in user
    assert window.sync_tab.currentWidget() is page


def test_try_again_before_i3_answered_reuses_the_unspent_link(
    qtbot: Any, simulator: Simulator, saved_profile: Any, make_window: Any, closed_port: int
) -> None:
    # I3 not reachable: the link was never used, so Try again loads the same one (no new token).
    save_profile(simulator, i3_base_url=f"http://127.0.0.1:{closed_port}")
    window = make_window()
    fill_form(qtbot, window)
    page = sync_and_wait_for_page(qtbot, window, loaded=False)
    assert page.stack.currentWidget() is page.failure
    url, calls = page.url, len(simulator.calls)
    retry = next(b for b in page.failure.findChildren(QPushButton) if "Try again" in b.text())
    with qtbot.waitSignal(page.pageLoaded, timeout=PAGE_TIMEOUT_MS) as retried:
        qtbot.mouseClick(retry, Qt.MouseButton.LeftButton)
    assert retried.args == [False]
    assert len(simulator.calls) == calls and page.url == url


def test_admin_username_typed_in_the_form_is_saved_to_the_profile(
    qtbot: Any, simulator: Simulator, make_window: Any
) -> None:
    from desktop.esws.profiles import ProfileStore
    from tests.gui.conftest import type_into

    save_profile(simulator, admin_username="someone.else")
    window = make_window()
    fill_form(qtbot, window)
    type_into(qtbot, window.sync_tab.form.adminUserEdit, DEMO_ADMIN)
    sync_and_wait_for_page(qtbot, window)
    assert ProfileStore().load().profiles[0].admin_username == DEMO_ADMIN


@pytest.mark.parametrize("code", ["ERROR_SOMETHING_NEW", "INTERNAL_SERVER_ERROR"])
def test_an_unknown_refusal_gets_the_refusal_box_never_a_sync_page(
    qtbot: Any, make_window: Any, code: str
) -> None:
    with Simulator(RefusingLogic(code=code)) as refusing:
        save_profile(refusing)
        window = make_window()
        fill_form(qtbot, window)
        form = window.sync_tab.form
        with qtbot.waitSignal(window.sync_tab.fetcher.failed, timeout=PAGE_TIMEOUT_MS):
            qtbot.mouseClick(form.syncButton, Qt.MouseButton.LeftButton)
    assert f"Error code: {code}" in form.errorLabel.text()
    assert window.sync_tab.sync_page is None  # no token, so no browser
    assert form.syncButton.isEnabled() and not form.busy
