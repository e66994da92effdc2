"""``i3sync``, ``--demo``, ``open one|total`` and ``i3sync://`` links, through desktop.gui.launch.

``launch.start`` runs the real event loop (``app.exec``) as ``i3sync`` does; each test drives the
window from ``on_window`` with qtbot waits, then closes it, which ends the loop.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer

from desktop.core.vault import SecretKind, SecretStore
from desktop.esws.links import SyncLink
from desktop.esws.profiles import ProfileStore
from desktop.esws.request import SyncKind
from desktop.gui import launch
from desktop.simulator.esws_logic import DEMO_COMPANY_ID
from desktop.simulator.server import Simulator
from tests.gui.conftest import PAGE_TIMEOUT_MS, PROFILE, run_js, sync_and_wait_for_page, vault_key
from tests.memory_keyring import MemoryKeyring


def run(args: argparse.Namespace, drive: Callable[[Any], None], **kwargs: Any) -> int:
    """``launch.start`` with ``drive(window)`` run once the window is ready; then it closes."""

    def on_window(window: Any) -> None:
        try:
            drive(window)
        finally:
            QTimer.singleShot(0, window.close)

    return launch.start(args, [], on_window=on_window, **kwargs)


def gui_args(**values: Any) -> argparse.Namespace:
    defaults = {"demo": False, "debug": False, "command": None}
    defaults.update(values)
    return argparse.Namespace(**defaults)


def test_demo_mode_goes_from_the_form_to_the_simulators_sync_page(
    qtbot: Any, isolated_user_folders: Path, memory_keyring: MemoryKeyring
) -> None:
    seen: dict[str, Any] = {}

    def drive(window: Any) -> None:
        qtbot.waitUntil(lambda: window.started and not window.sync_tab.vault_busy)
        form = window.sync_tab.form
        seen["notice"] = window.sync_tab.notice("demo").label.text()
        seen["filled"] = (form.profileCombo.currentText(), form.userIdEdit.text())
        seen["ready"] = form.syncButton.isEnabled()
        page = sync_and_wait_for_page(qtbot, window)
        seen["status"] = run_js(qtbot, page.view, "document.getElementById('status').textContent")

    assert run(gui_args(demo=True), drive) == 0
    assert "Demo mode" in seen["notice"]
    assert seen["filled"] == ("Demo", "42") and seen["ready"]
    assert "Choose a location" in seen["status"]
    # The demo's profile and secrets never reached the user's profile file or vault.
    assert not ProfileStore().path.exists()
    assert memory_keyring.store == {}


def test_demo_mode_shows_the_vendors_refusal_for_a_wrong_password(qtbot: Any) -> None:
    seen: dict[str, str] = {}

    def drive(window: Any) -> None:
        qtbot.waitUntil(lambda: window.started and not window.sync_tab.vault_busy)
        form = window.sync_tab.form
        form.passwordEdit.selectAll()
        qtbot.keyClicks(form.passwordEdit, "wrong")
        with qtbot.waitSignal(window.sync_tab.fetcher.failed, timeout=PAGE_TIMEOUT_MS):
            form.syncButton.click()
        seen["error"] = form.errorLabel.text()

    assert run(gui_args(demo=True), drive) == 0
    assert "NO ADMIN FOUND BASED ON USERNAME AND PASSWORD" in seen["error"]


def test_open_one_goes_straight_to_the_sync_page(
    qtbot: Any, simulator: Simulator, saved_secrets: Any
) -> None:
    seen: dict[str, Any] = {}

    def drive(window: Any) -> None:
        page = window.sync_tab.ensure_sync_page()
        with qtbot.waitSignal(page.pageLoaded, timeout=PAGE_TIMEOUT_MS) as loaded:
            pass
        seen["loaded"] = loaded.args
        seen["text"] = run_js(qtbot, page.view, "document.body.textContent")

    args = gui_args(command="open", kind="one", profile=PROFILE, user="7", location="3")
    assert run(args, drive) == 0
    assert seen["loaded"] == [True]
    assert "Ioana Stefanescu" in seen["text"] and "Head office" in seen["text"]
    assert simulator.calls[-1][1]["p_locationID"] == "3"


def test_open_total_goes_straight_to_the_all_users_page(
    qtbot: Any, simulator: Simulator, saved_secrets: Any
) -> None:
    def drive(window: Any) -> None:
        page = window.sync_tab.ensure_sync_page()
        with qtbot.waitSignal(page.pageLoaded, timeout=PAGE_TIMEOUT_MS):
            pass

    assert run(gui_args(command="open", kind="total", profile=PROFILE), drive) == 0
    assert [call[0] for call in simulator.calls] == ["Esws.getTotalSyncToken"]


def test_open_without_a_saved_password_waits_for_it_on_the_form(
    qtbot: Any, simulator: Simulator, saved_profile: Any, secret_store: SecretStore
) -> None:
    secret_store.save(vault_key(PROFILE), SecretKind.COMPANY_ID, DEMO_COMPANY_ID)
    seen: dict[str, Any] = {}

    def drive(window: Any) -> None:
        qtbot.waitUntil(lambda: window.started and not window.sync_tab.vault_busy)
        form = window.sync_tab.form
        seen["focus"] = form.passwordEdit.hasFocus()
        seen["banner"] = form.errorLabel.text()
        seen["user"] = form.userIdEdit.text()
        seen["code"] = form.companyIdEdit.text() == DEMO_COMPANY_ID

    args = gui_args(command="open", kind="one", profile=PROFILE, user="42", location=None)
    assert run(args, drive) == 0
    assert seen["focus"] and seen["user"] == "42" and seen["code"]
    assert "Complete the form" in seen["banner"]
    assert simulator.calls == []


def test_open_with_an_unknown_profile_says_so(qtbot: Any, saved_profile: Any) -> None:
    seen: dict[str, Any] = {}

    def drive(window: Any) -> None:
        qtbot.waitUntil(lambda: window.started and not window.sync_tab.vault_busy)
        form = window.sync_tab.form
        seen["banner"] = form.errorLabel.text()
        seen["selected"] = form.profile_name()
        seen["sync"] = form.syncButton.isEnabled()

    assert run(gui_args(command="open", kind="total", profile="Nope"), drive) == 0
    assert "no profile named “Nope”" in seen["banner"]
    assert seen["selected"] is None  # not the saved "Test company"
    assert seen["sync"] is False


def test_a_link_for_an_unknown_profile_selects_none_and_keeps_sync_disabled(
    qtbot: Any, simulator: Simulator, saved_secrets: Any
) -> None:
    seen: dict[str, Any] = {}

    def drive(window: Any) -> None:
        qtbot.waitUntil(lambda: window.started and not window.sync_tab.vault_busy)
        form = window.sync_tab.form
        seen["banner"] = form.errorLabel.text()
        seen["selected"] = (form.profile_name(), form.profileCombo.currentIndex())
        seen["secrets"] = form.companyIdEdit.text() + form.passwordEdit.text()
        seen["sync"] = form.syncButton.isEnabled()
        seen["inline"] = form.profileError.text()
        form.submit()  # Enter: must not send anything
        seen["busy"] = window.sync_tab.fetcher.busy

    link = SyncLink(kind=SyncKind.ONE_USER, profile="Other company", user_id="42")
    assert run(gui_args(), drive, link=link) == 0
    assert "There is no profile named “Other company”" in seen["banner"]
    assert seen["selected"] == (None, -1)
    assert seen["secrets"] == ""  # the saved profile's secrets are not filled in
    assert seen["sync"] is False and seen["busy"] is False
    assert seen["inline"].startswith("The profile is not chosen")
    assert simulator.calls == []


def test_a_link_fills_the_form_but_only_the_user_starts_the_sync(
    qtbot: Any, simulator: Simulator, saved_secrets: Any
) -> None:
    seen: dict[str, Any] = {}

    def drive(window: Any) -> None:
        qtbot.waitUntil(lambda: window.started and not window.sync_tab.vault_busy)
        form = window.sync_tab.form
        seen["filled"] = (form.userIdEdit.text(), form.locationEdit.text())
        seen["banner"] = form.errorLabel.text()
        seen["calls before"] = list(simulator.calls)
        seen["busy before"] = window.sync_tab.fetcher.busy or form.busy
        page = sync_and_wait_for_page(qtbot, window)
        seen["url"] = page.view.url().toString()

    link = SyncLink(kind=SyncKind.ONE_USER, profile=PROFILE, user_id="2048", location_id=1)
    assert run(gui_args(), drive, link=link) == 0
    assert seen["filled"] == ("2048", "1")
    assert "Ready to synchronise user 2048 at location 1" in seen["banner"]
    assert seen["calls before"] == [] and not seen["busy before"]
    assert seen["url"].startswith(simulator.url + "/users/oneSyncUserLogin/")
