"""ProfileBook: profiles and their secrets together; one profile's secrets never reach another.

Real profile file in tmp_path, real ``SecretStore`` on the in-memory keyring of tests/conftest.py.
"""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from desktop.core.errors import InputError
from desktop.core.vault import SERVICE_NAME, SecretKind, SecretStore
from desktop.esws.profiles import FIELD_NAME, Profile, ProfileStore
from desktop.esws.request import SyncKind, SyncRequest
from desktop.gui.esws.profile_book import ProfileBook, Saved
from tests.memory_keyring import MemoryKeyring

CODE = "0123456789abcdef0123456789abcdef"
OTHER_CODE = "fedcba9876543210fedcba9876543210"


@pytest.fixture
def store(tmp_path: Path) -> ProfileStore:
    return ProfileStore(tmp_path / "cfg" / "profiles.json")


@pytest.fixture
def book(store: ProfileStore) -> ProfileBook:
    book = ProfileBook(store, SecretStore())
    book.load()
    return book


def request(password: str = "pw-1", code: str = CODE) -> SyncRequest:  # noqa: S107
    return SyncRequest(
        kind=SyncKind.ALL_USERS,
        company_id=code,
        admin_username="hr.admin",
        admin_password=password,
    )


def entries(memory_keyring: MemoryKeyring) -> dict[str, str]:
    return {user: value for (service, user), value in memory_keyring.store.items()}


def test_secrets_are_keyed_by_the_profile_id_not_its_name(
    book: ProfileBook, memory_keyring: MemoryKeyring
) -> None:
    book.save(Profile(name="Acme", remember_password=True))
    acme = book.find("Acme")
    assert acme is not None
    book.after_success(acme, request())
    assert entries(memory_keyring) == {
        f"{acme.vault_key}/company-id": CODE,
        f"{acme.vault_key}/password": "pw-1",
    }
    assert not any(user.startswith("Acme/") for user in entries(memory_keyring))
    assert book.saved_secrets(acme) == Saved(CODE, "pw-1")


def test_a_duplicate_name_is_refused_and_the_saved_profile_keeps_its_secrets(
    book: ProfileBook, store: ProfileStore, memory_keyring: MemoryKeyring
) -> None:
    book.save(Profile(name="Acme", esws_endpoint="https://esws.acme.test/esws"))
    acme = book.find("Acme")
    assert acme is not None
    book.after_success(acme, request())
    impostor = Profile(name="ACME", esws_endpoint="https://esws.evil.test/esws")
    with pytest.raises(InputError) as caught:
        book.save(impostor)
    assert caught.value.field == FIELD_NAME
    assert "a profile with this name already exists" in caught.value.problem
    saved = store.load().find("acme")
    assert saved is not None and saved.esws_endpoint == "https://esws.acme.test/esws"
    assert book.saved_secrets(impostor) == Saved(None, None)


def test_renaming_onto_another_profile_is_refused(book: ProfileBook) -> None:
    book.save(Profile(name="Acme"))
    book.save(Profile(name="Beta"))
    beta = book.find("Beta")
    assert beta is not None
    with pytest.raises(InputError) as caught:
        book.save(replace(beta, name="acme"), old_name="Beta")
    assert caught.value.field == FIELD_NAME
    assert book.load().names == ["Acme", "Beta"]


def test_rename_keeps_the_secrets_without_moving_vault_entries(
    book: ProfileBook, memory_keyring: MemoryKeyring
) -> None:
    book.save(Profile(name="Acme"))
    acme = book.find("Acme")
    assert acme is not None
    book.after_success(acme, request())
    before = dict(memory_keyring.store)
    book.save(replace(acme, name="Acme Group"), old_name="Acme")
    renamed = book.find("Acme Group")
    assert renamed is not None and renamed.id == acme.id
    assert memory_keyring.store == before
    assert book.saved_secrets(renamed).company_id == CODE


def test_deleting_a_profile_removes_its_secrets(
    book: ProfileBook, memory_keyring: MemoryKeyring
) -> None:
    book.save(Profile(name="Acme", remember_password=True))
    book.save(Profile(name="Keep"))
    acme, keep = book.find("Acme"), book.find("Keep")
    assert acme is not None and keep is not None
    book.after_success(acme, request())
    book.after_success(keep, request(code=OTHER_CODE))
    book.delete("acme")
    assert book.names == ["Keep"]
    assert entries(memory_keyring) == {f"{keep.vault_key}/company-id": OTHER_CODE}


def test_a_recreated_profile_never_sees_the_deleted_ones_secrets(book: ProfileBook) -> None:
    book.save(Profile(name="Acme", remember_password=True))
    old = book.find("Acme")
    assert old is not None
    book.after_success(old, request())
    book.delete("Acme")
    book.save(Profile(name="Acme", esws_endpoint="https://elsewhere.test/esws"))
    new = book.find("Acme")
    assert new is not None and new.id != old.id
    assert book.saved_secrets(replace(new, remember_password=True)) == Saved(None, None)


def test_secrets_left_under_a_name_are_never_filled_in_for_a_new_profile(
    book: ProfileBook, memory_keyring: MemoryKeyring
) -> None:
    # E.g. left behind by the old version after its profiles file was moved aside.
    memory_keyring.store[(SERVICE_NAME, "Acme/company-id")] = CODE
    book.save(Profile(name="Acme"))
    acme = book.find("Acme")
    assert acme is not None
    assert book.saved_secrets(acme) == Saved(None, None)
    assert memory_keyring.store[(SERVICE_NAME, "Acme/company-id")] == CODE  # not ours to touch


def write_legacy_file(store: ProfileStore, *names: str, remember: bool = True) -> None:
    store.path.parent.mkdir(parents=True, exist_ok=True)
    profiles = [{"name": name, "remember_password": remember} for name in names]
    store.path.write_text(json.dumps({"version": 1, "profiles": profiles}), encoding="utf-8")


def test_secrets_of_an_old_file_are_moved_to_the_id_once(
    store: ProfileStore, memory_keyring: MemoryKeyring
) -> None:
    write_legacy_file(store, "Acme", "Beta")
    memory_keyring.store[(SERVICE_NAME, "Acme/company-id")] = CODE
    memory_keyring.store[(SERVICE_NAME, "Acme/password")] = "pw-old"
    memory_keyring.store[(SERVICE_NAME, "Beta/company-id")] = OTHER_CODE
    book = ProfileBook(store, SecretStore())
    book.load()
    acme = book.find("Acme")
    assert acme is not None and acme.legacy_vault_key == "Acme"
    assert book.saved_secrets(acme) == Saved(CODE, "pw-old")
    assert entries(memory_keyring) == {
        f"{acme.vault_key}/company-id": CODE,
        f"{acme.vault_key}/password": "pw-old",
        "Beta/company-id": OTHER_CODE,  # moved when Beta is used, not before
    }
    assert store.load().find("Acme").legacy_vault_key is None  # type: ignore[union-attr]
    # Once only: a secret put under the old name later is not picked up.
    memory_keyring.store[(SERVICE_NAME, "Acme/company-id")] = "planted"
    again = ProfileBook(store, SecretStore())
    again.load()
    assert again.saved_secrets(again.find("Acme")).company_id == CODE  # type: ignore[arg-type]


def test_an_old_profile_renamed_before_use_still_gets_its_secrets(
    store: ProfileStore, memory_keyring: MemoryKeyring
) -> None:
    write_legacy_file(store, "Acme")
    memory_keyring.store[(SERVICE_NAME, "Acme/company-id")] = CODE
    book = ProfileBook(store, SecretStore())
    book.load()
    acme = book.find("Acme")
    assert acme is not None
    book.save(replace(acme, name="Acme Group"), old_name="Acme")
    renamed = book.find("Acme Group")
    assert renamed is not None
    assert book.saved_secrets(renamed).company_id == CODE


def test_deleting_an_old_profile_removes_the_secrets_under_its_old_name(
    store: ProfileStore, memory_keyring: MemoryKeyring
) -> None:
    write_legacy_file(store, "Acme")
    memory_keyring.store[(SERVICE_NAME, "Acme/company-id")] = CODE
    memory_keyring.store[(SERVICE_NAME, "Acme/password")] = "pw-old"
    book = ProfileBook(store, SecretStore())
    book.load()
    book.delete("Acme")
    assert memory_keyring.store == {}
    book.save(Profile(name="Acme"))
    assert book.saved_secrets(book.find("Acme")) == Saved(None, None)  # type: ignore[arg-type]


def test_a_secret_the_vault_refuses_to_move_stays_under_the_old_name(
    store: ProfileStore, memory_keyring: MemoryKeyring, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_legacy_file(store, "Acme")
    memory_keyring.store[(SERVICE_NAME, "Acme/company-id")] = CODE
    book = ProfileBook(store, SecretStore())
    book.load()
    monkeypatch.setattr(SecretStore, "save", lambda self, profile, kind, value: False)
    acme = book.find("Acme")
    assert acme is not None
    book.saved_secrets(acme)
    assert memory_keyring.store == {(SERVICE_NAME, "Acme/company-id"): CODE}
    assert store.load().find("Acme").legacy_vault_key == "Acme"  # type: ignore[union-attr]


def test_switching_remember_password_off_forgets_it(
    book: ProfileBook, memory_keyring: MemoryKeyring
) -> None:
    book.save(Profile(name="Acme", remember_password=True))
    acme = book.find("Acme")
    assert acme is not None
    book.after_success(acme, request())
    book.set_remember_password(acme, False)
    assert entries(memory_keyring) == {f"{acme.vault_key}/company-id": CODE}
    assert SecretKind.PASSWORD.value == "password"


def test_saving_a_fresh_object_for_a_saved_name_with_old_name_updates_that_profile(
    book: ProfileBook,
) -> None:
    # Callers that rebuild the profile from the form (new object, new id) and pass old_name
    # update the profile they edit: it keeps its id and so its secrets.
    book.save(Profile(name="Acme"))
    acme = book.find("Acme")
    assert acme is not None
    book.after_success(acme, request())
    book.save(Profile(name="Acme Group", admin_username="new.admin"), old_name="Acme")
    renamed = book.find("Acme Group")
    assert renamed is not None and renamed.id == acme.id
    assert book.names == ["Acme Group"]
    assert book.saved_secrets(renamed).company_id == CODE


def test_saving_without_remember_password_forgets_a_kept_password(
    book: ProfileBook, memory_keyring: MemoryKeyring
) -> None:
    book.save(Profile(name="Acme", remember_password=True))
    acme = book.find("Acme")
    assert acme is not None
    book.after_success(acme, request())
    book.save(replace(acme, remember_password=False))
    assert entries(memory_keyring) == {f"{acme.vault_key}/company-id": CODE}
