"""The vault is read and written off the GUI thread: a vault waiting to be unlocked never freezes
the window (the form stays responsive; the secrets arrive once the vault answers)."""

from __future__ import annotations

import threading
from typing import Any

import keyring
from PySide6.QtCore import Qt, QTimer

from desktop.core.vault import SecretKind, SecretStore
from desktop.esws.profiles import Profile
from desktop.simulator.esws_logic import DEMO_COMPANY_ID
from tests.gui.conftest import vault_key
from tests.memory_keyring import MemoryKeyring


class LockedKeyring(MemoryKeyring):
    """A vault that holds every read until it is "unlocked" (as an OS unlock prompt does)."""

    def __init__(self) -> None:
        super().__init__()
        self.unlocked = threading.Event()
        self.asked = threading.Event()

    def get_password(self, service: str, username: str) -> str | None:
        self.asked.set()
        self.unlocked.wait(30)
        return super().get_password(service, username)


def test_a_locked_vault_never_freezes_the_window(
    qtbot: Any, saved_secrets: Profile, profile_store: Any
) -> None:
    from desktop.gui.main_window import MainWindow

    locked = LockedKeyring()
    locked.store[("I3 Sync Desktop", f"{vault_key(saved_secrets.name)}/company-id")] = (
        DEMO_COMPANY_ID
    )
    keyring.set_keyring(locked)  # the memory_keyring fixture puts the previous one back
    try:
        window = MainWindow(profile_store, SecretStore(), warm_up=False)
        qtbot.addWidget(window, before_close_func=lambda w: w.close())
        window.show()
        qtbot.waitUntil(lambda: window.started)
        qtbot.waitUntil(locked.asked.is_set)  # the vault is asked, and does not answer yet

        ticks: list[int] = []
        ticker = QTimer()
        ticker.timeout.connect(lambda: ticks.append(1))
        ticker.start(10)
        qtbot.waitUntil(lambda: len(ticks) >= 10)  # the event loop runs while the vault waits
        ticker.stop()
        form = window.sync_tab.form
        assert form.companyIdEdit.text() == ""
        assert window.sync_tab.vault_busy

        with qtbot.waitSignal(window.sync_tab.secretsLoaded, timeout=10_000):
            locked.unlocked.set()
        assert form.companyIdEdit.text() == DEMO_COMPANY_ID
        assert SecretStore().load(vault_key(saved_secrets.name), SecretKind.COMPANY_ID)
    finally:
        locked.unlocked.set()


class SlowToDeleteKeyring(MemoryKeyring):
    """A vault that holds every removal until it is "unlocked"."""

    def __init__(self) -> None:
        super().__init__()
        self.unlocked = threading.Event()

    def delete_password(self, service: str, username: str) -> None:
        self.unlocked.wait(30)
        super().delete_password(service, username)


def test_deleting_a_profile_removes_its_secrets_without_freezing_the_window(
    qtbot: Any, saved_secrets: Profile, make_window: Any
) -> None:
    slow = SlowToDeleteKeyring()
    slow.store.update(keyring.get_keyring().store)  # type: ignore[attr-defined]
    keyring.set_keyring(slow)  # the memory_keyring fixture puts the previous one back
    try:
        window = make_window(secrets=SecretStore())
        qtbot.mouseClick(window.sync_tab.form.manageButton, Qt.MouseButton.LeftButton)
        dialog = window.sync_tab.profile_dialog
        dialog.confirm = lambda *args: True
        qtbot.mouseClick(dialog.deleteButton, Qt.MouseButton.LeftButton)  # returns at once
        assert dialog.profileList.count() == 0  # the profile file is done...
        assert slow.store  # ...the vault is still waiting to be unlocked
        assert window.sync_tab.vault_busy
        slow.unlocked.set()
        qtbot.waitUntil(lambda: not window.sync_tab.vault_busy)
        assert slow.store == {}
    finally:
        slow.unlocked.set()


class SlowStatusVault(SecretStore):
    """A vault whose status (where secrets go, is there a vault) takes until it is released."""

    def __init__(self) -> None:
        super().__init__()
        self.released = threading.Event()
        self.asked = threading.Event()
        self.answered = threading.Event()

    def status(self) -> Any:
        self.asked.set()
        self.released.wait(10)
        try:
            return super().status()
        finally:
            self.answered.set()


def test_manage_profiles_opens_while_the_vault_has_not_answered(
    qtbot: Any, saved_secrets: Profile, profile_store: Any
) -> None:
    from desktop.gui.main_window import MainWindow

    vault = SlowStatusVault()
    try:
        window = MainWindow(profile_store, vault, warm_up=False)
        qtbot.addWidget(window, before_close_func=lambda w: w.close())
        window.show()
        qtbot.waitUntil(lambda: window.started)
        qtbot.waitUntil(vault.asked.is_set)  # on the vault runner, not answering yet

        qtbot.mouseClick(window.sync_tab.form.manageButton, Qt.MouseButton.LeftButton)
        dialog = window.sync_tab.profile_dialog
        assert dialog is not None
        assert not vault.answered.is_set()  # the dialog never waited for the vault
        qtbot.waitExposed(dialog)
        assert dialog.nameEdit.text() == saved_secrets.name
        assert dialog.rememberCheck.isChecked() and dialog.rememberCheck.isEnabled()
        ticks: list[int] = []
        ticker = QTimer()
        ticker.timeout.connect(lambda: ticks.append(1))
        ticker.start(10)
        qtbot.waitUntil(lambda: len(ticks) >= 10)  # the event loop runs while the vault waits
        ticker.stop()
        assert not vault.answered.is_set()
        dialog.reject()
        vault.released.set()
        qtbot.waitUntil(lambda: not window.sync_tab.vault_busy)
    finally:
        vault.released.set()
