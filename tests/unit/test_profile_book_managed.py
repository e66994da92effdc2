"""The window's ProfileBook with profiles IT manages: the user's secrets for them are their own,
kept under the managed profile's stable id; only the user's choices are saved; no delete.

Real profile file in tmp_path, a managed source standing for the policy key, real ``SecretStore``
on the in-memory keyring of tests/conftest.py.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from desktop.core.errors import InputError
from desktop.core.vault import SecretKind, SecretStore
from desktop.esws.managed import load_managed
from desktop.esws.profiles import FORMAT_VERSION, MANAGED_PROFILE, ProfileStore
from desktop.esws.request import SyncKind, SyncRequest
from desktop.gui.esws.profile_book import ProfileBook

CODE = "0123456789abcdef0123456789abcdef"
POLICY = {
    "Head office": {"Endpoint": "https://esws.example.test/x", "Admin": "it.admin"},
    "Branch": {"Endpoint": "https://branch.example.test/x"},
}


def open_book(folder: Path) -> ProfileBook:
    """A window's book as a fresh start would open it (the same files, a new process)."""
    store = ProfileStore(
        folder / "profiles.json", managed=lambda: load_managed(POLICY, None, FORMAT_VERSION)
    )
    book = ProfileBook(store, SecretStore())
    book.load()
    return book


def sync(admin: str) -> SyncRequest:
    return SyncRequest(
        kind=SyncKind.ALL_USERS, company_id=CODE, admin_username=admin, admin_password="pw-1"
    )


def test_the_users_secrets_for_a_managed_profile_survive_a_restart(tmp_path: Path) -> None:
    book = open_book(tmp_path)
    head = book.find("Head office")
    assert head is not None and head.managed
    book.set_remember_password(head, True)
    book.after_success(book.find("Head office"), sync("it.admin"))  # type: ignore[arg-type]

    again = open_book(tmp_path)
    head_again = again.find("Head office")
    assert head_again is not None and head_again.id == head.id
    assert head_again.remember_password is True
    saved = again.saved_secrets(head_again)
    assert (saved.company_id, saved.password) == (CODE, "pw-1")
    assert again.state.last_used == "Head office"


def test_the_admin_name_typed_for_a_managed_profile_without_one_is_kept(tmp_path: Path) -> None:
    book = open_book(tmp_path)
    branch = book.find("Branch")
    assert branch is not None and branch.admin_username == ""
    book.after_success(branch, sync("my.admin"))
    found = open_book(tmp_path).find("Branch")
    assert found is not None and found.admin_username == "my.admin" and found.managed


def test_a_managed_profile_cannot_be_deleted_and_keeps_its_secrets(tmp_path: Path) -> None:
    book = open_book(tmp_path)
    head = book.find("Head office")
    assert head is not None
    book.after_success(head, sync("it.admin"))
    with pytest.raises(InputError) as refused:
        book.delete("Head office")
    assert refused.value.problem == MANAGED_PROFILE
    assert SecretStore().load(head.vault_key, SecretKind.COMPANY_ID) == CODE
    assert open_book(tmp_path).find("Head office") is not None


def test_what_it_set_cannot_be_saved_over_from_the_dialog(tmp_path: Path) -> None:
    book = open_book(tmp_path)
    head = book.find("Head office")
    assert head is not None
    with pytest.raises(InputError) as refused:
        book.save(replace(head, esws_endpoint="https://elsewhere.test/x"), old_name=head.name)
    assert refused.value.field == "ESWS endpoint"
    with pytest.raises(InputError):
        book.save(replace(head, name="Renamed"), old_name=head.name)
    assert [p.name for p in open_book(tmp_path).state.profiles] == ["Branch", "Head office"]


def test_a_sync_with_another_admin_never_rewrites_the_admin_it_chose(tmp_path: Path) -> None:
    book = open_book(tmp_path)
    head = book.find("Head office")
    assert head is not None
    kept = book.after_success(head, sync("someone.else"))  # ESWS accepted: no InputError here
    assert kept.admin_username == "it.admin"
    assert open_book(tmp_path).find("Head office").admin_username == "it.admin"  # type: ignore[union-attr]
    assert book.saved_secrets(kept).company_id == CODE  # the sync's secrets were still kept


def test_deleting_a_managed_profile_is_refused_and_keeps_its_secrets(tmp_path: Path) -> None:
    book = open_book(tmp_path)
    head = book.find("Head office")
    assert head is not None
    book.after_success(head, sync("it.admin"))
    with pytest.raises(InputError, match="managed by your IT department"):
        book.delete("Head office")
    assert book.saved_secrets(head).company_id == CODE
