"""Saved profiles through the window: the dialog, the vault (in-memory keyring), start-up."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import keyring
import keyring.backends.fail
import pytest
from PySide6.QtCore import QPoint, Qt

from desktop.core.vault import SERVICE_NAME, SecretKind, SecretStore
from desktop.esws.profiles import Profile, ProfileStore
from desktop.gui.widgets import Banner
from desktop.simulator.esws_logic import DEMO_ADMIN, DEMO_COMPANY_ID, DEMO_PASSWORD
from desktop.simulator.server import Simulator
from tests.gui.conftest import PROFILE, fill_form, sync_and_wait_for_page, type_into, vault_key
from tests.memory_keyring import MemoryKeyring

LEFT = Qt.MouseButton.LeftButton


def vault_entry(memory_keyring: MemoryKeyring, profile: str, kind: SecretKind) -> str | None:
    """The secret of the saved profile called ``profile`` (the vault keys it by the id)."""
    return memory_keyring.store.get((SERVICE_NAME, f"{vault_key(profile)}/{kind.value}"))


def open_dialog(qtbot: Any, window: Any) -> Any:
    qtbot.mouseClick(window.sync_tab.form.manageButton, LEFT)
    dialog = window.sync_tab.profile_dialog
    qtbot.waitExposed(dialog)
    return dialog


def test_a_profile_made_in_the_dialog_is_saved_and_selected_at_the_next_start(
    qtbot: Any, simulator: Simulator, make_window: Any
) -> None:
    window = make_window()
    form = window.sync_tab.form
    assert form.profileCombo.count() == 0
    assert "create a profile" in form.profileError.text()

    dialog = open_dialog(qtbot, window)
    assert dialog.nameEdit.text() == "New profile"  # no profiles yet: straight to a new one
    type_into(qtbot, dialog.nameEdit, "Head office")
    type_into(qtbot, dialog.endpointEdit, simulator.esws_endpoint)
    type_into(qtbot, dialog.i3Edit, simulator.url)
    type_into(qtbot, dialog.adminEdit, DEMO_ADMIN)
    qtbot.mouseClick(dialog.cloudRadio, LEFT, pos=QPoint(8, dialog.cloudRadio.height() // 2))
    with qtbot.waitSignal(dialog.profilesChanged):
        qtbot.mouseClick(dialog.saveButton, LEFT)
    dialog.close()

    assert form.profileCombo.currentText() == "Head office"
    assert form.adminUserEdit.text() == DEMO_ADMIN
    assert "EasyConnect cloud" in form.profileSummary.text()
    saved = ProfileStore().load()
    assert saved.names == ["Head office"]
    assert saved.profiles[0].cloud and saved.profiles[0].esws_endpoint == simulator.esws_endpoint
    window.close()

    again = make_window()
    assert again.sync_tab.form.profileCombo.currentText() == "Head office"
    assert again.sync_tab.form.adminUserEdit.text() == DEMO_ADMIN


def test_the_dialog_shows_what_is_wrong_under_the_field(
    qtbot: Any, saved_profile: Profile, make_window: Any
) -> None:
    window = make_window()
    dialog = open_dialog(qtbot, window)
    type_into(qtbot, dialog.endpointEdit, "ws.example.com/esws")
    qtbot.mouseClick(dialog.saveButton, LEFT)
    assert dialog.errors["ESWS endpoint"].isVisible()
    assert "http://" in dialog.errors["ESWS endpoint"].text()
    assert ProfileStore().load().profiles[0].esws_endpoint == saved_profile.esws_endpoint


def test_secrets_go_to_the_vault_after_a_successful_sync_and_fill_the_next_start(
    qtbot: Any,
    simulator: Simulator,
    saved_profile: Profile,
    make_window: Any,
    memory_keyring: MemoryKeyring,
) -> None:
    window = make_window()
    fill_form(qtbot, window)
    sync_and_wait_for_page(qtbot, window)
    assert vault_entry(memory_keyring, PROFILE, SecretKind.COMPANY_ID) == DEMO_COMPANY_ID
    assert vault_entry(memory_keyring, PROFILE, SecretKind.PASSWORD) is None  # not remembered
    window.close()

    second = make_window()
    form = second.sync_tab.form
    assert form.companyIdEdit.text() == DEMO_COMPANY_ID
    assert form.passwordEdit.text() == ""
    qtbot.mouseClick(form.rememberCheck, LEFT)
    qtbot.waitUntil(lambda: not second.sync_tab.vault_busy)  # saved off the GUI thread
    assert ProfileStore().load().profiles[0].remember_password
    type_into(qtbot, form.passwordEdit, DEMO_PASSWORD)
    type_into(qtbot, form.userIdEdit, "42")
    sync_and_wait_for_page(qtbot, second)
    assert vault_entry(memory_keyring, PROFILE, SecretKind.PASSWORD) == DEMO_PASSWORD
    second.close()

    third = make_window()
    form = third.sync_tab.form
    assert form.passwordEdit.text() == DEMO_PASSWORD
    assert form.rememberCheck.isChecked()
    qtbot.mouseClick(form.rememberCheck, LEFT)  # forget it: gone from the vault at once
    qtbot.waitUntil(lambda: not third.sync_tab.vault_busy)
    assert vault_entry(memory_keyring, PROFILE, SecretKind.PASSWORD) is None
    assert vault_entry(memory_keyring, PROFILE, SecretKind.COMPANY_ID) == DEMO_COMPANY_ID


def test_a_refused_sync_keeps_nothing(
    qtbot: Any, simulator: Simulator, saved_profile: Profile, make_window: Any, memory_keyring: Any
) -> None:
    window = make_window()
    fill_form(qtbot, window, password="wrong password")
    with qtbot.waitSignal(window.sync_tab.fetcher.failed, timeout=10_000):
        qtbot.mouseClick(window.sync_tab.form.syncButton, LEFT)
    assert memory_keyring.store == {}


def test_renaming_moves_the_secrets_and_deleting_removes_them(
    qtbot: Any,
    saved_secrets: Profile,
    make_window: Any,
    memory_keyring: MemoryKeyring,
) -> None:
    window = make_window()
    dialog = open_dialog(qtbot, window)
    dialog.confirm = lambda *args: True
    type_into(qtbot, dialog.nameEdit, "Renamed")
    key = vault_key(PROFILE)
    qtbot.mouseClick(dialog.saveButton, LEFT)
    assert ProfileStore().load().names == ["Renamed"]
    assert vault_key("Renamed") == key  # the secrets follow the profile, not its name
    assert vault_entry(memory_keyring, "Renamed", SecretKind.COMPANY_ID) == DEMO_COMPANY_ID
    assert not any(user.startswith(PROFILE) for _, user in memory_keyring.store)
    assert window.sync_tab.form.profileCombo.currentText() == "Renamed"

    qtbot.mouseClick(dialog.deleteButton, LEFT)
    qtbot.waitUntil(lambda: not window.sync_tab.vault_busy)  # removed off the GUI thread
    assert ProfileStore().load().names == []
    assert memory_keyring.store == {}
    assert window.sync_tab.form.profileCombo.count() == 0


def test_choosing_a_profile_fills_it_in_and_makes_it_the_last_used(
    qtbot: Any,
    simulator: Simulator,
    saved_secrets: Profile,
    make_window: Any,
) -> None:
    other = Profile(name="Branch", esws_endpoint=simulator.esws_endpoint, admin_username="b.admin")
    ProfileStore().upsert(other)
    window = make_window()
    form = window.sync_tab.form
    assert form.profileCombo.currentText() == PROFILE
    form.profileCombo.setFocus()
    qtbot.keyClick(form.profileCombo, Qt.Key.Key_Down)
    assert form.profileCombo.currentText() == "Branch"
    assert form.adminUserEdit.text() == "b.admin"
    assert form.companyIdEdit.text() == ""  # nothing saved for Branch
    # Written on the vault runner (it changes the profile file too), off the GUI thread.
    qtbot.waitUntil(lambda: ProfileStore().load().last_used == "Branch")


def test_a_corrupt_profile_file_is_kept_aside_and_reported(
    qtbot: Any, isolated_user_folders: Path, make_window: Any
) -> None:
    path = ProfileStore().path
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{ not json", encoding="utf-8")
    window = make_window()
    notice = window.sync_tab.notice("profiles")
    assert notice is not None and notice.isVisible()
    assert "could not be read" in notice.label.text()
    kept = list(path.parent.glob("profiles.json.corrupt-*"))
    assert len(kept) == 1 and kept[0].read_text(encoding="utf-8") == "{ not json"
    assert str(kept[0]) in notice.label.text()


@pytest.fixture
def no_vault() -> Any:
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    yield
    keyring.set_keyring(previous)


def test_without_a_vault_the_window_says_so_once_and_keeps_working(
    qtbot: Any, simulator: Simulator, saved_profile: Profile, no_vault: None, make_window: Any
) -> None:
    window = make_window(secrets=SecretStore())
    notice = window.sync_tab.notice("vault")
    assert notice is not None and notice.isVisible()
    assert "No password vault" in notice.label.text()
    form = window.sync_tab.form
    assert not form.rememberCheck.isEnabled()
    fill_form(qtbot, window)
    sync_and_wait_for_page(qtbot, window)
    window.sync_tab.sync_page.backButton.click()
    assert not form.rememberCheck.isEnabled()  # still off after the busy state
    type_into(qtbot, form.userIdEdit, "7")
    sync_and_wait_for_page(qtbot, window)
    # Said once: still a single notice after a second sync; nothing was remembered.
    assert len(window.findChildren(Banner, "vaultNoticeBanner")) == 1
    assert ProfileStore().load().profiles[0].remember_password is False


def test_editing_the_profile_in_use_keeps_what_was_typed(
    qtbot: Any, saved_profile: Profile, make_window: Any
) -> None:
    window = make_window()
    fill_form(qtbot, window)
    dialog = open_dialog(qtbot, window)
    type_into(qtbot, dialog.nameEdit, "Renamed office")
    qtbot.mouseClick(dialog.saveButton, LEFT)
    form = window.sync_tab.form
    assert form.profileCombo.currentText() == "Renamed office"
    assert form.passwordEdit.text() == DEMO_PASSWORD  # typed, never saved: still there
    assert form.companyIdEdit.text() == DEMO_COMPANY_ID


def test_the_dialog_warns_where_a_cleartext_remote_address_is_typed(
    qtbot: Any, saved_profile: Profile, make_window: Any
) -> None:
    window = make_window()
    dialog = open_dialog(qtbot, window)
    warning = dialog.cleartextWarning
    assert not warning.isVisible()  # the simulator is on this computer: loopback is fine
    type_into(qtbot, dialog.endpointEdit, "http://esws.example.com/webservicesesws")
    assert warning.isVisible() and "admin password" in warning.text()
    assert "sync link" not in warning.text()
    type_into(qtbot, dialog.i3Edit, "http://i3.example.com")
    assert "admin password" in warning.text() and "sync link" in warning.text()
    type_into(qtbot, dialog.endpointEdit, "https://esws.example.com/webservicesesws")
    type_into(qtbot, dialog.i3Edit, "https://i3.example.com")
    assert not warning.isVisible()


@pytest.mark.parametrize(
    ("edit_name", "text", "error_name"),
    [
        ("endpointEdit", "http://[::1", "endpointError"),
        ("i3Edit", "https://[", "i3UrlError"),
        ("endpointEdit", "https://esws.example.com/ws?query=1", "endpointError"),
    ],
)
def test_a_bad_address_in_the_dialog_is_a_message_under_its_field(
    qtbot: Any, saved_profile: Profile, make_window: Any, edit_name: str, text: str, error_name: str
) -> None:
    window = make_window()
    dialog = open_dialog(qtbot, window)
    type_into(qtbot, getattr(dialog, edit_name), text)
    qtbot.mouseClick(dialog.saveButton, LEFT)
    shown = [e for e in dialog.errors.values() if e.objectName() == error_name]
    assert shown and shown[0].isVisible() and shown[0].text().endswith(".")
    assert ProfileStore().load().profiles[0] == saved_profile  # nothing was saved
