"""SecretStore on real keyring backends: in-memory, fail, null, chainer and broken ones."""

from __future__ import annotations

import ast
import logging
import sys
from collections.abc import Iterator
from pathlib import Path

import keyring
import keyring.backends.chainer
import keyring.backends.fail
import keyring.backends.null
import keyring.errors
import pytest

from desktop.core import redaction
from desktop.core.vault import (
    NOWHERE,
    SERVICE_NAME,
    SecretKind,
    SecretStore,
    VaultStatus,
    vault_name,
    windows_backend_fallback,
)
from tests.memory_keyring import MemoryKeyring

SECRET = "s3cr3t-Ünïcode-^;+#&<>"
DESKTOP = Path(__file__).resolve().parents[2] / "desktop"


class BrokenVault:
    """A backend whose every call fails the way a locked or crashed vault does."""

    def __init__(self, error: Exception) -> None:
        self.error = error
        self.calls = 0

    def get_password(self, service: str, username: str) -> str | None:
        self.calls += 1
        raise self.error

    def set_password(self, service: str, username: str, password: str) -> None:
        self.calls += 1
        raise self.error

    def delete_password(self, service: str, username: str) -> None:
        self.calls += 1
        raise self.error


@pytest.fixture(autouse=True)
def forget_registered_secrets() -> Iterator[None]:
    yield
    redaction.forget_secrets()


def test_uses_the_process_keyring_by_default(memory_keyring: MemoryKeyring) -> None:
    store = SecretStore()
    assert store.status() == VaultStatus(available=True, where="MemoryKeyring")
    assert store.save("Acme", SecretKind.PASSWORD, SECRET) is True
    assert memory_keyring.store == {(SERVICE_NAME, "Acme/password"): SECRET}
    assert store.load("Acme", SecretKind.PASSWORD) == SECRET


def test_entry_names_per_kind(memory_keyring: MemoryKeyring) -> None:
    store = SecretStore()
    for kind in SecretKind:
        assert store.save("Société", kind, f"value-{kind.value}")
    assert sorted(user for _, user in memory_keyring.store) == [
        "Société/company-id",
        "Société/crm-auth-code",
        "Société/crm-pass-code",
        "Société/crm-password",
        "Société/password",
    ]
    assert {kind.value for kind in SecretKind} == {
        "company-id",
        "password",
        "crm-password",
        "crm-pass-code",
        "crm-auth-code",
    }


def test_injected_backend_is_used_instead_of_the_process_one(
    memory_keyring: MemoryKeyring,
) -> None:
    own = MemoryKeyring()
    store = SecretStore(own)
    assert store.save("Acme", SecretKind.COMPANY_ID, SECRET)
    assert own.store and not memory_keyring.store


def test_load_absent_is_none() -> None:
    assert SecretStore().load("Nobody", SecretKind.PASSWORD) is None


def test_saved_and_loaded_values_are_registered_for_redaction(
    memory_keyring: MemoryKeyring,
) -> None:
    store = SecretStore()
    store.save("Acme", SecretKind.PASSWORD, SECRET)
    assert redaction.scrub(f"login with {SECRET}") == f"login with {redaction.MASK}"
    redaction.forget_secrets()
    memory_keyring.store[(SERVICE_NAME, "Acme/crm-pass-code")] = "pass-code-from-vault"
    assert store.load("Acme", SecretKind.CRM_PASS_CODE) == "pass-code-from-vault"
    assert redaction.scrub("pass-code-from-vault") == redaction.MASK


def test_empty_value_removes_the_stored_one(memory_keyring: MemoryKeyring) -> None:
    store = SecretStore()
    store.save("Acme", SecretKind.PASSWORD, SECRET)
    assert store.save("Acme", SecretKind.PASSWORD, "") is True
    assert memory_keyring.store == {}


@pytest.mark.parametrize(
    "backend",
    [keyring.backends.fail.Keyring(), keyring.backends.null.Keyring()],
    ids=["fail", "null"],
)
def test_no_vault_backends(backend: object) -> None:
    store = SecretStore(backend)
    assert store.status() == VaultStatus(available=False, where=NOWHERE)
    assert store.save("Acme", SecretKind.PASSWORD, SECRET) is False
    assert store.load("Acme", SecretKind.PASSWORD) is None
    store.delete("Acme")
    store.rename("Acme", "Other")


def test_process_wide_fail_backend_is_no_vault() -> None:
    keyring.set_keyring(keyring.backends.fail.Keyring())  # the fixture restores the previous one
    assert SecretStore().status().available is False
    assert SecretStore().save("Acme", SecretKind.PASSWORD, SECRET) is False


def test_chainer_with_nothing_to_chain_is_no_vault(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(keyring.backends.chainer.ChainerBackend, "backends", [])
    store = SecretStore(keyring.backends.chainer.ChainerBackend())
    assert store.status() == VaultStatus(available=False, where=NOWHERE)
    assert store.save("Acme", SecretKind.PASSWORD, SECRET) is False


def test_chainer_names_the_vault_it_writes_to(monkeypatch: pytest.MonkeyPatch) -> None:
    inner = MemoryKeyring()
    monkeypatch.setattr(keyring.backends.chainer.ChainerBackend, "backends", [inner])
    store = SecretStore(keyring.backends.chainer.ChainerBackend())
    assert store.status() == VaultStatus(available=True, where="MemoryKeyring")
    assert store.save("Acme", SecretKind.PASSWORD, SECRET)
    assert inner.store == {(SERVICE_NAME, "Acme/password"): SECRET}


@pytest.mark.parametrize(
    "error",
    [
        keyring.errors.KeyringLocked(f"locked, was given {SECRET}"),
        keyring.errors.PasswordSetError(f"refused {SECRET}"),
        RuntimeError(f"backend crashed holding {SECRET}"),
        OSError(5, f"I/O error near {SECRET}"),
    ],
    ids=lambda e: type(e).__name__,
)
def test_vault_errors_are_values_and_never_leak(
    error: Exception, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    vault = BrokenVault(error)
    store = SecretStore(vault)
    assert store.save("Acme", SecretKind.PASSWORD, SECRET) is False
    assert store.load("Acme", SecretKind.PASSWORD) is None
    store.delete("Acme")
    store.rename("Acme", "Other")
    assert vault.calls >= 3
    assert SECRET not in caplog.text
    assert type(error).__name__ in caplog.text
    assert all(record.exc_info is None for record in caplog.records)


def test_broken_keyring_lookup_is_no_vault(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def explode() -> object:
        raise RuntimeError("entry points broken")

    monkeypatch.setattr(keyring, "get_keyring", explode)
    store = SecretStore()
    assert store.status().available is False
    assert store.load("Acme", SecretKind.PASSWORD) is None
    assert "RuntimeError" in caplog.text


def test_delete_one_kind_or_all(memory_keyring: MemoryKeyring) -> None:
    store = SecretStore()
    for kind in SecretKind:
        store.save("Acme", kind, f"value-{kind.value}")
    store.save("Other", SecretKind.PASSWORD, "other-password")
    store.delete("Acme", SecretKind.CRM_AUTH_CODE)
    assert store.load("Acme", SecretKind.CRM_AUTH_CODE) is None
    assert store.load("Acme", SecretKind.PASSWORD) == "value-password"
    store.delete("Acme")
    assert [user for _, user in memory_keyring.store] == ["Other/password"]
    store.delete("Acme")  # nothing left: still fine
    store.delete("Never existed", SecretKind.PASSWORD)


def test_rename_moves_every_kind_and_clears_stale_ones(memory_keyring: MemoryKeyring) -> None:
    store = SecretStore()
    store.save("Old", SecretKind.COMPANY_ID, "company-secret")
    store.save("Old", SecretKind.PASSWORD, "password-secret")
    store.save("New", SecretKind.CRM_PASSWORD, "stale-from-a-deleted-profile")
    store.rename("Old", "New")
    assert memory_keyring.store == {
        (SERVICE_NAME, "New/company-id"): "company-secret",
        (SERVICE_NAME, "New/password"): "password-secret",
    }


class CaseInsensitiveVault(MemoryKeyring):
    """Like Windows Credential Manager: entry names differing only in case are one entry."""

    priority = -1  # type: ignore[assignment]  # never chosen by keyring itself

    def get_password(self, service: str, username: str) -> str | None:
        return super().get_password(service, username.casefold())

    def set_password(self, service: str, username: str, password: str) -> None:
        super().set_password(service, username.casefold(), password)

    def delete_password(self, service: str, username: str) -> None:
        super().delete_password(service, username.casefold())


def test_rename_changing_only_case_keeps_the_secret_in_a_case_insensitive_vault() -> None:
    vault = CaseInsensitiveVault()
    store = SecretStore(vault)
    store.save("Acme", SecretKind.PASSWORD, "password-secret")
    store.rename("Acme", "ACME")
    assert store.load("ACME", SecretKind.PASSWORD) == "password-secret"


def test_rename_keeps_the_old_secret_when_the_new_cannot_be_written() -> None:
    class RefusesNew(MemoryKeyring):
        priority = -1  # type: ignore[assignment]

        def set_password(self, service: str, username: str, password: str) -> None:
            if username.startswith("New/"):
                raise keyring.errors.PasswordSetError("full")
            super().set_password(service, username, password)

    vault = RefusesNew()
    store = SecretStore(vault)
    store.save("Old", SecretKind.PASSWORD, "password-secret")
    store.rename("Old", "New")
    assert store.load("Old", SecretKind.PASSWORD) == "password-secret"


def test_vault_names_users_know() -> None:
    from keyring.backends.Windows import WinVaultKeyring

    assert vault_name(WinVaultKeyring()) == "Windows Credential Manager"
    for module, name, expected in [
        ("keyring.backends.macOS", "Keyring", "macOS Keychain"),
        ("keyring.backends.SecretService", "Keyring", "Secret Service"),
        ("keyring.backends.libsecret", "Keyring", "Secret Service"),
        ("keyring.backends.kwallet", "DBusKeyring", "KWallet"),
        ("keyrings.alt.file", "PlaintextKeyring", "PlaintextKeyring"),
    ]:
        lookalike = type(name, (), {"__module__": module})()
        assert vault_name(lookalike) == expected


def test_repr_holds_no_secret() -> None:
    store = SecretStore()
    store.save("Acme", SecretKind.PASSWORD, SECRET)
    assert SECRET not in repr(store)


# -- windows_backend_fallback ----------------------------------------------------------------------


def test_windows_fallback_does_nothing_elsewhere() -> None:
    if sys.platform == "win32":
        pytest.skip("this is the non-Windows behaviour")
    fail = keyring.backends.fail.Keyring()
    keyring.set_keyring(fail)
    windows_backend_fallback()
    assert keyring.get_keyring() is fail


def test_windows_fallback_replaces_the_fail_backend_on_windows(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from keyring.backends.Windows import WinVaultKeyring

    keyring.set_keyring(keyring.backends.fail.Keyring())
    monkeypatch.setattr(sys, "platform", "win32")
    windows_backend_fallback()
    monkeypatch.undo()
    assert isinstance(keyring.get_keyring(), WinVaultKeyring)


def test_windows_fallback_keeps_a_working_backend(
    monkeypatch: pytest.MonkeyPatch, memory_keyring: MemoryKeyring
) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    windows_backend_fallback()
    monkeypatch.undo()
    assert keyring.get_keyring() is memory_keyring


# -- the architecture rule -------------------------------------------------------------------------


def test_only_the_vault_module_imports_keyring() -> None:
    importers = []
    for path in DESKTOP.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(name == "keyring" or name.startswith("keyring.") for name in names):
                importers.append(path.relative_to(DESKTOP).as_posix())
    assert set(importers) == {"core/vault.py"}


def test_the_vault_module_loads_keyring_only_when_a_vault_is_used() -> None:
    # The window creates its SecretStore before the first paint: that must not load keyring.
    import subprocess

    script = (
        "import sys\n"
        "from desktop.core.vault import SecretKind, SecretStore, VaultStatus\n"
        "store = SecretStore()\n"
        "print('keyring' in sys.modules)\n"
        "store.status()\n"
        "print('keyring' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=DESKTOP.parent,
    )
    assert result.stdout.split() == ["False", "True"], result.stderr[-2000:]
