"""The one door to the OS password vault: store, read, delete and say where a secret went.

This is the only module of the app that imports ``keyring``, and only when a vault is first used
(keyring takes ~80 ms to load): importing :class:`SecretKind` or :class:`VaultStatus` costs
nothing, and a :class:`SecretStore` can be created before the window is painted. Every entry is
stored under the
service ``SERVICE_NAME`` with the username ``"<profile>/<kind>"``. Vault failures never raise:
they are logged by exception type only (a vault's message might quote what it was given) and
reported as ``False`` or ``None``, so the caller can tell the user the secret was not kept.
"""

from __future__ import annotations

import enum
import logging
import sys
from dataclasses import dataclass
from typing import Any, Protocol

from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.redaction import register_secret

log = logging.getLogger(__name__)

SERVICE_NAME = "I3 Sync Desktop"
NOWHERE = QT_TRANSLATE_NOOP("Vault", "nowhere: no password vault is available on this computer")


class SecretKind(enum.Enum):
    """What a stored secret is; its value is the suffix of the vault entry's username."""

    COMPANY_ID = "company-id"
    PASSWORD = "password"
    CRM_PASSWORD = "crm-password"
    CRM_PASS_CODE = "crm-pass-code"
    CRM_AUTH_CODE = "crm-auth-code"


@dataclass(frozen=True)
class VaultStatus:
    """Whether secrets can be kept, and where, in words to show the user."""

    available: bool
    where: str


class SecretVault(Protocol):
    """What the app needs of a vault: :class:`SecretStore`, or demo mode's in-memory one.

    Every method may block (an OS vault may ask to be unlocked): the window calls them through
    its runner, never on the GUI thread.
    """

    def status(self) -> VaultStatus: ...

    def save(self, profile: str, kind: SecretKind, value: str) -> bool: ...

    def load(self, profile: str, kind: SecretKind) -> str | None: ...

    def delete(self, profile: str, kind: SecretKind | None = None) -> None: ...

    def rename(self, old: str, new: str) -> None: ...


# (module, class name) of keyring's own backends -> the name users know the vault by.
_VAULT_NAMES: dict[tuple[str, str], str] = {
    ("keyring.backends.Windows", "WinVaultKeyring"): QT_TRANSLATE_NOOP(
        "Vault", "Windows Credential Manager"
    ),
    ("keyring.backends.macOS", "Keyring"): QT_TRANSLATE_NOOP("Vault", "macOS Keychain"),
    ("keyring.backends.SecretService", "Keyring"): QT_TRANSLATE_NOOP("Vault", "Secret Service"),
    ("keyring.backends.libsecret", "Keyring"): QT_TRANSLATE_NOOP("Vault", "Secret Service"),
    ("keyring.backends.kwallet", "DBusKeyring"): QT_TRANSLATE_NOOP("Vault", "KWallet"),
    ("keyring.backends.kwallet", "DBusKeyringKWallet4"): QT_TRANSLATE_NOOP("Vault", "KWallet"),
}


def vault_name(backend: object) -> str:
    """The user-facing name of a keyring backend (its class name when it is not a known one)."""
    cls = type(backend)
    return _VAULT_NAMES.get((cls.__module__, cls.__name__), cls.__name__)


def _effective_backend(backend: object) -> object | None:
    """The backend that will really hold secrets, or None when there is none."""
    import keyring.backends.chainer
    import keyring.backends.fail
    import keyring.backends.null

    if isinstance(backend, (keyring.backends.fail.Keyring, keyring.backends.null.Keyring)):
        return None
    if isinstance(backend, keyring.backends.chainer.ChainerBackend):
        # The chainer writes to the first backend that accepts; with none it behaves as null.
        chained = list(backend.backends)
        return _effective_backend(chained[0]) if chained else None
    return backend


def _entry(profile: str, kind: SecretKind) -> str:
    return f"{profile}/{kind.value}"


class SecretStore:
    """Secrets of profiles in the OS vault; a ``backend`` may be injected (tests, fallbacks)."""

    def __init__(self, backend: object | None = None) -> None:
        self._backend: Any = backend

    def __repr__(self) -> str:
        return f"SecretStore(where={self.status().where!r})"

    def _resolve(self) -> Any:
        """The backend to use, or None when no vault is usable."""
        if self._backend is None:
            import keyring

            windows_backend_fallback()  # a frozen build may have lost keyring's entry points
            try:
                self._backend = keyring.get_keyring()
            except Exception as error:  # a broken keyring install must not stop the app
                log.warning("password vault: could not find a backend (%s)", type(error).__name__)
                return None
        try:
            return _effective_backend(self._backend)
        except Exception as error:
            log.warning("password vault: backend unusable (%s)", type(error).__name__)
            return None

    def status(self) -> VaultStatus:
        """Whether a vault is available and its name, for the user."""
        backend = self._resolve()
        if backend is None:
            return VaultStatus(available=False, where=NOWHERE)
        return VaultStatus(available=True, where=vault_name(backend))

    def save(self, profile: str, kind: SecretKind, value: str) -> bool:
        """Keep ``value`` in the vault; False (nothing stored) when there is no vault or it fails.

        An empty ``value`` removes what was stored (vaults disagree on empty secrets).
        """
        register_secret(value)
        backend = self._resolve()
        if backend is None:
            return False
        if not value:
            return self._delete_one(backend, profile, kind)
        try:
            backend.set_password(SERVICE_NAME, _entry(profile, kind), value)
        except Exception as error:
            log.warning(
                "password vault: could not save the %s (%s)", kind.value, type(error).__name__
            )
            return False
        return True

    def load(self, profile: str, kind: SecretKind) -> str | None:
        """The stored secret, or None when absent, when there is no vault, or when it fails."""
        backend = self._resolve()
        if backend is None:
            return None
        try:
            value = backend.get_password(SERVICE_NAME, _entry(profile, kind))
        except Exception as error:
            log.warning(
                "password vault: could not read the %s (%s)", kind.value, type(error).__name__
            )
            return None
        if not isinstance(value, str) or not value:
            return None
        register_secret(value)
        return value

    def delete(self, profile: str, kind: SecretKind | None = None) -> None:
        """Remove one kind of secret of ``profile``, or all of them; missing ones are fine."""
        backend = self._resolve()
        if backend is None:
            return
        for each in SecretKind if kind is None else (kind,):
            self._delete_one(backend, profile, each)

    def _delete_one(self, backend: Any, profile: str, kind: SecretKind) -> bool:
        import keyring.errors

        try:
            backend.delete_password(SERVICE_NAME, _entry(profile, kind))
        except keyring.errors.PasswordDeleteError:
            return True  # nothing was stored: the outcome the caller wanted
        except Exception as error:
            log.warning(
                "password vault: could not delete the %s (%s)", kind.value, type(error).__name__
            )
            return False
        return True

    def rename(self, old: str, new: str) -> None:
        """Move every kind of secret from profile ``old`` to profile ``new``.

        Kinds ``old`` has none of are removed from ``new``, so no stale secret survives. A secret
        that cannot be written under the new name stays under the old one.
        """
        if old == new:
            return
        backend = self._resolve()
        if backend is None:
            return
        values = {kind: self.load(old, kind) for kind in SecretKind}
        # Some vaults (Windows) compare names case-insensitively: "Acme" and "ACME" are one entry,
        # so writing the new name first and then deleting the old would delete the new one.
        same_entry = old.casefold() == new.casefold()
        for kind, value in values.items():
            if value is None:
                self._delete_one(backend, new, kind)
                continue
            if same_entry:
                self._delete_one(backend, old, kind)
                if not self.save(new, kind, value):
                    self.save(old, kind, value)  # put it back rather than lose it
                continue
            if self.save(new, kind, value):
                self._delete_one(backend, old, kind)


def windows_backend_fallback() -> None:
    """On Windows, use the Credential Manager when keyring found no backend.

    A frozen build can lose keyring's entry points, leaving the fail backend in place although the
    Windows vault is there. Elsewhere, or when a real backend was found, this does nothing.
    """
    if sys.platform != "win32":
        return
    import keyring

    try:
        current = keyring.get_keyring()
    except Exception as error:
        log.warning("password vault: could not find a backend (%s)", type(error).__name__)
        current = None
    if current is not None and _effective_backend(current) is not None:
        return
    from keyring.backends.Windows import WinVaultKeyring

    keyring.set_keyring(WinVaultKeyring())
    log.info("password vault: keyring found no backend; using Windows Credential Manager")
