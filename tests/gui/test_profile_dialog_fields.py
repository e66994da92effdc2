"""The profiles dialog's Advanced section (other I3 addresses, total-sync page) and profiles the
IT department manages (machine-wide profiles.json), through the real window."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from desktop.esws.profiles import (
    FIELD_ALLOWED_ORIGINS,
    TOTAL_SYNC_USER_LOGIN,
    TOTAL_SYNC_USERS_LOGIN,
    Profile,
    ProfileStore,
)
from desktop.simulator.server import Reply, Simulator
from tests.gui.conftest import (
    PAGE_TIMEOUT_MS,
    PROFILE,
    fill_form,
    machine_profiles_file,
    save_profile,
    type_into,
)

LEFT = Qt.MouseButton.LeftButton


def open_dialog(qtbot: Any, window: Any) -> Any:
    qtbot.mouseClick(window.sync_tab.form.manageButton, LEFT)
    dialog = window.sync_tab.profile_dialog
    qtbot.waitExposed(dialog)
    return dialog


def choose_path(qtbot: Any, dialog: Any, path: str) -> None:
    combo = dialog.advanced.totalPathCombo
    combo.setFocus()
    index = combo.findData(path)
    assert index >= 0
    while combo.currentIndex() != index:  # as a user does: arrow keys (activated fires)
        qtbot.keyClick(combo, Qt.Key.Key_Down if combo.currentIndex() < index else Qt.Key.Key_Up)


def test_other_i3_addresses_and_the_total_sync_page_are_saved_and_shown_again(
    qtbot: Any, saved_profile: Profile, make_window: Any
) -> None:
    window = make_window()
    dialog = open_dialog(qtbot, window)
    advanced = dialog.advanced
    assert not advanced.body.isVisible()  # folded: nothing set there yet
    assert advanced.total_sync_path() == TOTAL_SYNC_USERS_LOGIN  # the default
    qtbot.mouseClick(advanced.toggle, LEFT)
    assert advanced.originsEdit.isVisible() and advanced.wsdlEdit.isVisible()
    type_into(qtbot, advanced.originsEdit, "https://i3-2.example.com, http://127.0.0.1:8081/")
    choose_path(qtbot, dialog, TOTAL_SYNC_USER_LOGIN)
    assert dialog.saveButton.isEnabled()
    with qtbot.waitSignal(dialog.profilesChanged):
        qtbot.mouseClick(dialog.saveButton, LEFT)

    saved = ProfileStore().load().find(PROFILE)
    assert saved is not None
    assert saved.id == saved_profile.id  # edited, not replaced: its secrets stay its own
    assert saved.allowed_origins == ("https://i3-2.example.com", "http://127.0.0.1:8081")
    assert saved.total_sync_path == TOTAL_SYNC_USER_LOGIN
    dialog.close()

    again = open_dialog(qtbot, window)
    assert again.advanced.body.isVisible()  # unfolded: the profile uses these settings
    assert again.advanced.originsEdit.text() == "https://i3-2.example.com http://127.0.0.1:8081"
    assert again.advanced.total_sync_path() == TOTAL_SYNC_USER_LOGIN
    assert not again.saveButton.isEnabled()  # shown, not changed


@pytest.mark.parametrize(
    "typed",
    ["https://i3.example.com/some/path", "ftp://i3.example.com", "https://["],
)
def test_an_invalid_other_address_is_a_message_under_the_field_and_nothing_is_saved(
    qtbot: Any, saved_profile: Profile, make_window: Any, typed: str
) -> None:
    window = make_window()
    dialog = open_dialog(qtbot, window)
    qtbot.mouseClick(dialog.advanced.toggle, LEFT)
    type_into(qtbot, dialog.advanced.originsEdit, typed)
    changed: list[str] = []
    dialog.profilesChanged.connect(changed.append)
    qtbot.mouseClick(dialog.saveButton, LEFT)  # raises nothing: parse's InputError is shown

    error = dialog.errors[FIELD_ALLOWED_ORIGINS]
    assert error.objectName() == "allowedOriginsError"
    assert error.isVisible()
    assert error.text().startswith("The list of other I3 addresses ")
    assert error.text().endswith(".")
    assert changed == []
    assert ProfileStore().load().profiles[0] == saved_profile  # nothing was saved

    # Folded away meanwhile, the section opens again to show the problem.
    qtbot.mouseClick(dialog.advanced.toggle, LEFT)
    assert not error.isVisible()
    qtbot.mouseClick(dialog.saveButton, LEFT)
    assert dialog.advanced.body.isVisible() and error.isVisible()


def test_a_profile_pinning_the_other_spelling_opens_that_total_sync_page(
    qtbot: Any, simulator: Simulator, make_window: Any
) -> None:
    # The simulator serves only the reference spelling: this route plays the I3 that uses the
    # other one (it redeems the token as I3 would).
    opened: list[str] = []

    def other_spelling(method: str, target: str, headers: Any, body: bytes) -> Reply:
        opened.append(target)
        return Reply(200, "text/html", b"<title>Total sync</title>synchronising every user")

    simulator.add_route("GET", "/users/" + TOTAL_SYNC_USER_LOGIN + "/", other_spelling)
    save_profile(simulator, total_sync_path=TOTAL_SYNC_USER_LOGIN)
    window = make_window()
    fill_form(qtbot, window, user=None)
    form = window.sync_tab.form
    form.modeTotalRadio.setChecked(True)
    page = window.sync_tab.ensure_sync_page()
    with qtbot.waitSignal(page.pageLoaded, timeout=PAGE_TIMEOUT_MS) as loaded:
        qtbot.mouseClick(form.syncButton, LEFT)
    assert loaded.args == [True]

    prefix = f"{simulator.url}/users/{TOTAL_SYNC_USER_LOGIN}/"
    assert page.url.startswith(prefix)  # the URL the sync view was asked to open
    token = page.url.removeprefix(prefix)
    assert token and "/" not in token
    assert page.view.url().toString() == page.url
    assert opened == [f"/users/{TOTAL_SYNC_USER_LOGIN}/{token}"]
    assert [call[0] for call in simulator.calls] == ["Esws.getTotalSyncToken"]


# -- managed profiles ----------------------------------------------------------------------------

MANAGED = "Head office (IT)"


@pytest.fixture
def machine_profiles(simulator: Simulator, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A machine-wide profiles.json (as IT deploys it) with one profile for the simulator."""
    entry = {
        "name": MANAGED,
        "esws_endpoint": simulator.esws_endpoint,
        "i3_base_url": simulator.url,
        "admin_username": "it.admin",
        "cloud": True,
    }
    return machine_profiles_file(monkeypatch, tmp_path / "machine-config", entry)


def test_a_managed_profile_is_marked_and_read_only_in_the_dialog(
    qtbot: Any, machine_profiles: Path, saved_profile: Profile, make_window: Any
) -> None:
    window = make_window()
    dialog = open_dialog(qtbot, window)
    dialog.confirm = lambda *args: True
    items = [dialog.profileList.item(row) for row in range(dialog.profileList.count())]
    assert [item.text() for item in items] == [f"{MANAGED} (managed)", PROFILE]
    managed_item, own_item = items
    assert managed_item.toolTip() == "Managed by your IT department"
    assert managed_item.data(Qt.ItemDataRole.AccessibleDescriptionRole) == managed_item.toolTip()
    assert own_item.toolTip() == ""

    dialog.profileList.setCurrentRow(0)
    assert dialog.nameEdit.text() == MANAGED  # the name, not the list's marker
    assert dialog.managedNote.isVisible()
    for edit in (dialog.nameEdit, dialog.endpointEdit, dialog.i3Edit, dialog.wsdlEdit):
        assert edit.isReadOnly() and edit.toolTip() == "Managed by your IT department"
    assert not dialog.cloudRadio.isEnabled() and not dialog.onPremRadio.isEnabled()
    assert not dialog.advanced.totalPathCombo.isEnabled()
    assert not dialog.deleteButton.isEnabled()
    assert dialog.deleteButton.toolTip() == "Managed by your IT department"
    qtbot.keyClicks(dialog.nameEdit, " renamed")  # typing changes nothing
    assert dialog.nameEdit.text() == MANAGED
    dialog.delete_profile()  # even called directly, nothing is removed
    assert ProfileStore().load().names == [MANAGED, PROFILE]

    # The user's own choice for it is still theirs to make.
    dialog.rememberCheck.setChecked(True)
    with qtbot.waitSignal(dialog.profilesChanged):
        qtbot.mouseClick(dialog.saveButton, LEFT)
    reloaded = ProfileStore().load().find(MANAGED)
    assert reloaded is not None and reloaded.managed and reloaded.remember_password
    assert json.loads(machine_profiles.read_text(encoding="utf-8"))["profiles"][0]["name"] == (
        MANAGED
    )  # IT's file is never written

    # The user's own profile is editable and deletable as before.
    dialog.profileList.setCurrentRow(1)
    assert not dialog.nameEdit.isReadOnly() and dialog.deleteButton.isEnabled()
    assert not dialog.managedNote.isVisible()


def test_a_new_profile_cannot_take_a_managed_profiles_name(
    qtbot: Any, machine_profiles: Path, simulator: Simulator, make_window: Any
) -> None:
    window = make_window()
    dialog = open_dialog(qtbot, window)
    qtbot.mouseClick(dialog.newButton, LEFT)
    type_into(qtbot, dialog.nameEdit, MANAGED.upper())
    type_into(qtbot, dialog.endpointEdit, simulator.esws_endpoint)
    qtbot.mouseClick(dialog.saveButton, LEFT)
    assert dialog.errors["name"].isVisible()
    assert "IT department" in dialog.errors["name"].text()
    assert ProfileStore().load().names == [MANAGED]
