"""Profiles and their secrets together, for the window: what to show, what to keep, what to forget.

Plain Python (no Qt), so that the widgets only present and delegate. It uses the profile file
(:class:`desktop.esws.profiles.ProfileStore`) and the vault
(a :class:`desktop.core.vault.SecretVault`: the OS vault's ``SecretStore``, or demo mode's
in-memory one). Secrets are kept under
``Profile.vault_key`` (the profile's id), never under its display name. The vault module imports
``keyring``, which is slow to load: it is imported on first use, after the form is painted.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from desktop.core.errors import InputError
from desktop.core.vault import SecretKind, SecretVault, VaultStatus
from desktop.esws.profiles import FIELD_NAME, MANAGED_PROFILE, LoadResult, Profile, ProfileStore

if TYPE_CHECKING:
    from desktop.esws.request import SyncRequest

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Saved:
    """A profile's secrets as found in the vault (None when not kept)."""

    company_id: str | None
    password: str | None


class ProfileBook:
    """The window's view of saved profiles; every change goes straight to the file and vault."""

    def __init__(self, store: ProfileStore, vault: SecretVault) -> None:
        self.store = store
        self.vault_store = vault
        self.state = LoadResult(profiles=[], last_used=None)
        self._vault: VaultStatus | None = None
        # The vault runner's thread (after a sync, remember password, moving legacy secrets) and
        # the GUI thread (the dialog, choosing a profile) both change the file and ``state``:
        # one read-modify-write at a time. Held for file work only, never across a vault call
        # (a vault waiting to be unlocked would then freeze the GUI thread too).
        self._lock = threading.RLock()

    # -- reading ---------------------------------------------------------------------------------

    def load(self) -> LoadResult:
        """Read the profiles file (a damaged file is set aside by the store and reported)."""
        with self._lock:
            self.state = self.store.load()
            return self.state

    @property
    def names(self) -> list[str]:
        return self.state.names

    def find(self, name: str | None) -> Profile | None:
        return None if name is None else self.state.find(name)

    def initial(self) -> Profile | None:
        """The profile to select at start: the last used one, else the first."""
        chosen = self.find(self.state.last_used)
        if chosen is None and self.state.profiles:
            chosen = self.state.profiles[0]
        return chosen

    @property
    def known_vault(self) -> VaultStatus | None:
        """The vault's status if it has been asked already (never asks: may block)."""
        return self._vault

    def vault(self) -> VaultStatus:
        """Where secrets go (asked once: the answer does not change while the app runs)."""
        if self._vault is None:
            self._vault = self.vault_store.status()
        return self._vault

    def saved_secrets(self, profile: Profile) -> Saved:
        """The security code, and the password when the profile remembers it."""
        if not self.vault().available:
            return Saved(None, None)
        key = self._vault_key(profile)
        company_id = self.vault_store.load(key, SecretKind.COMPANY_ID)
        password = None
        if profile.remember_password:
            password = self.vault_store.load(key, SecretKind.PASSWORD)
        return Saved(company_id, password)

    def _vault_key(self, profile: Profile) -> str:
        """The profile's key in the vault, after moving secrets kept under its old name (once).

        Only a profile read from a file written before ids existed has a ``legacy_vault_key``, so
        a profile created now never picks up secrets that another profile left under its name.
        """
        legacy = profile.legacy_vault_key
        if legacy is None or not self.vault().available:
            return profile.vault_key
        moved_all = self._move_legacy_secrets(profile, legacy)
        if moved_all:
            try:
                with self._lock:
                    self.state = self.store.forget_legacy_key(profile.id)
            except OSError as error:  # moved already; the next attempt finds nothing to move
                log.warning(
                    "profiles file not updated after moving secrets: %s", type(error).__name__
                )
            else:
                log.info("Moved a profile's saved secrets to its id")
        return profile.vault_key

    def _move_legacy_secrets(self, profile: Profile, legacy: str) -> bool:
        """Move the ESWS secrets under ``legacy`` to the profile's key; False if one stayed."""
        moved_all = True
        for kind in (SecretKind.COMPANY_ID, SecretKind.PASSWORD):
            value = self.vault_store.load(legacy, kind)
            if value is None:
                continue
            keep = kind is SecretKind.COMPANY_ID or profile.remember_password
            missing = keep and self.vault_store.load(profile.vault_key, kind) is None
            if missing and not self.vault_store.save(profile.vault_key, kind, value):
                moved_all = False  # keep it where it is rather than lose it
                continue
            self.vault_store.delete(legacy, kind)
        return moved_all

    # -- changes ---------------------------------------------------------------------------------

    def choose(self, name: str) -> None:
        """Remember ``name`` as the profile to select next time."""
        with self._lock:
            self.store.set_last_used(name)
            self.load()

    def after_success(self, profile: Profile, request: SyncRequest) -> Profile:
        """ESWS accepted these credentials: keep them as the profile asks; return the profile.

        The security code is kept in the vault; the password only with "remember password". The
        admin username typed in the form becomes the profile's. Nothing is kept without a vault.
        """
        if self.vault().available:
            key = self._vault_key(profile)
            self.vault_store.save(key, SecretKind.COMPANY_ID, request.company_id)
            if profile.remember_password:
                self.vault_store.save(key, SecretKind.PASSWORD, request.admin_password)
            else:
                self.vault_store.delete(key, SecretKind.PASSWORD)
        updated = profile
        # IT's admin name is IT's: a managed profile only takes the typed one when IT set none.
        it_chose_admin = profile.managed and bool(profile.admin_username)
        with self._lock:
            if request.admin_username != profile.admin_username and not it_chose_admin:
                updated = replace(profile, admin_username=request.admin_username)
                self.state = self.store.upsert(updated)
            if self.state.last_used != updated.name:
                self.store.set_last_used(updated.name)
                self.load()
        return updated

    def set_remember_password(self, profile: Profile, remember: bool) -> Profile:
        """Switch "remember password" for ``profile``; switching it off forgets the password now."""
        updated = replace(profile, remember_password=remember)
        with self._lock:
            self.state = self.store.upsert(updated)
        if not remember:
            self._forget_password(updated)
        return updated

    def _forget_password(self, profile: Profile) -> None:
        self.vault_store.delete(profile.vault_key, SecretKind.PASSWORD)
        if profile.legacy_vault_key is not None:
            self.vault_store.delete(profile.legacy_vault_key, SecretKind.PASSWORD)

    def save(self, profile: Profile, old_name: str | None = None) -> LoadResult:
        """Add ``profile``, or update the saved profile it is (same id, or named ``old_name``).

        A new profile whose name is taken (case-insensitively) is refused with ``InputError`` on
        the name field, and so is a rename onto another profile's name: nothing is replaced.
        Secrets are keyed by the profile's id, so a rename leaves them where they are. Raises
        ``InputError`` for a profile that cannot be saved, ``OSError`` for a file problem.
        """
        profile.validate()
        with self._lock:
            existing = self.state.find_id(profile.id)
            if existing is None and old_name is not None:
                existing = self.state.find(old_name)
            if existing is None:
                self.state = self.store.add(profile)
            else:
                profile = replace(
                    profile, id=existing.id, legacy_vault_key=existing.legacy_vault_key
                )
                self.state = self.store.update(profile)
            state = self.state
        if not profile.remember_password:
            self._forget_password(profile)
        return state

    def delete(self, name: str) -> LoadResult:
        """Remove the profile and every secret kept for it."""
        with self._lock:
            target = self.find(name) or self.store.load().find(name)
            if target is None:
                return self.load()
            if target.managed:  # the store refuses too; its secrets stay the user's to keep
                raise InputError(FIELD_NAME, MANAGED_PROFILE)
            state = self.state = self.store.delete(profile_id=target.id)
        self.vault_store.delete(target.vault_key)
        if target.legacy_vault_key is not None:
            for kind in (
                SecretKind.COMPANY_ID,
                SecretKind.PASSWORD,
            ):  # only ESWS kinds lived under names
                self.vault_store.delete(target.legacy_vault_key, kind)
        return state
