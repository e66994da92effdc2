"""ProfileBook is used from the vault runner's thread and the GUI thread: every change of the
profile file and of ``state`` happens under its lock, and no vault call is made under it (a vault
waiting to be unlocked would then hold up the other thread)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop.core.vault import SecretKind, SecretStore
from desktop.esws.profiles import LoadResult, Profile, ProfileStore
from desktop.esws.request import SyncKind, SyncRequest
from desktop.gui.esws.profile_book import ProfileBook

CODE = "0123456789abcdef0123456789abcdef"


class WatchedStore(ProfileStore):
    """The real profile file, noting for each change whether the book held its lock."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self.book: ProfileBook | None = None
        self.held: list[tuple[str, bool]] = []

    def _note(self, what: str) -> None:
        assert self.book is not None
        lock: Any = self.book._lock
        self.held.append((what, bool(lock._is_owned())))

    def add(self, profile: Profile) -> LoadResult:
        self._note("add")
        return super().add(profile)

    def update(self, profile: Profile) -> LoadResult:
        self._note("update")
        return super().update(profile)

    def upsert(self, profile: Profile) -> LoadResult:
        self._note("upsert")
        return super().upsert(profile)

    def delete(self, **kwargs: Any) -> LoadResult:
        self._note("delete")
        return super().delete(**kwargs)

    def set_last_used(self, name: str) -> None:
        self._note("set_last_used")
        super().set_last_used(name)


class WatchedVault(SecretStore):
    """The real vault module; notes whether a call came while the book held its lock."""

    def __init__(self) -> None:
        super().__init__()
        self.book: ProfileBook | None = None
        self.held: list[bool] = []

    def _note(self) -> None:
        if self.book is not None and hasattr(self.book, "_lock"):
            lock: Any = self.book._lock
            self.held.append(bool(lock._is_owned()))

    def save(self, profile: str, kind: SecretKind, value: str) -> bool:
        self._note()
        return super().save(profile, kind, value)

    def delete(self, profile: str, kind: SecretKind | None = None) -> None:
        self._note()
        super().delete(profile, kind)


def test_every_change_of_the_profile_file_is_made_under_the_books_lock(tmp_path: Path) -> None:
    store = WatchedStore(tmp_path / "profiles.json")
    vault = WatchedVault()
    book = ProfileBook(store, vault)
    store.book = vault.book = book
    book.load()
    changes: list[Callable[[], Any]] = [
        lambda: book.save(Profile(name="Acme", remember_password=True)),
        lambda: book.save(Profile(name="Branch")),
        lambda: book.choose("Branch"),
        lambda: book.set_remember_password(_find(book, "Acme"), False),
        lambda: book.after_success(
            _find(book, "Acme"),
            SyncRequest(
                kind=SyncKind.ALL_USERS,
                company_id=CODE,
                admin_username="someone.else",
                admin_password="pw",
            ),
        ),
        lambda: book.delete("Branch"),
    ]
    for change in changes:  # on another thread, as the vault runner runs them
        thread = threading.Thread(target=change)
        thread.start()
        thread.join(30)
    assert {what for what, _ in store.held} >= {"add", "upsert", "delete", "set_last_used"}
    assert all(held for _, held in store.held), store.held
    assert vault.held and not any(vault.held)  # the vault is never called under the lock
    assert [p.name for p in book.state.profiles] == ["Acme"]
    assert book.state.last_used == "Acme"


def _find(book: ProfileBook, name: str) -> Profile:
    profile = book.find(name)
    assert profile is not None
    return profile
