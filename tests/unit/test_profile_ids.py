"""Profile names are unique (caselessly, after Unicode normalisation); each profile has an id."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from desktop.core.errors import InputError
from desktop.esws.profiles import (
    DUPLICATE_NAME,
    FIELD_NAME,
    Profile,
    ProfileStore,
    legacy_profile_id,
    name_key,
)


@pytest.fixture
def store(tmp_path: Path) -> ProfileStore:
    return ProfileStore(tmp_path / "cfg" / "profiles.json")


def write(store: ProfileStore, document: object) -> None:
    store.path.parent.mkdir(parents=True, exist_ok=True)
    store.path.write_text(json.dumps(document), encoding="utf-8")


# -- duplicate names -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "other",
    [
        "ACME LTD",
        "acme ltd",
        # Decomposed é versus precomposed é: one name once normalised.
        unicodedata.normalize("NFD", "Société Générale"),
        "SOCIÉTÉ GÉNÉRALE",
        "STRASSE",  # "Straße" casefolds to "strasse"
    ],
)
def test_add_refuses_a_name_that_counts_as_an_existing_one(store: ProfileStore, other: str) -> None:
    store.save(
        [Profile(name="Acme Ltd"), Profile(name="Société Générale"), Profile(name="Straße")], None
    )
    before = store.path.read_bytes()
    with pytest.raises(InputError) as caught:
        store.add(Profile(name=other, esws_endpoint="https://evil.example.test/esws"))
    assert caught.value.field == FIELD_NAME
    assert "a profile with this name already exists" in caught.value.problem
    assert store.path.read_bytes() == before


def test_name_key_is_canonical_caseless() -> None:
    assert name_key("Ångström") == name_key(unicodedata.normalize("NFD", "ÅNGSTRÖM"))
    assert name_key("Acme") != name_key("Acme 2")


def test_add_appends_a_new_name(store: ProfileStore) -> None:
    store.add(Profile(name="One"))
    result = store.add(Profile(name="Two"))
    assert result.names == ["One", "Two"]
    assert store.load().names == ["One", "Two"]


def test_update_onto_another_profiles_name_is_refused(store: ProfileStore) -> None:
    store.save([Profile(name="Acme"), Profile(name="Beta")], None)
    beta = store.load().find("Beta")
    assert beta is not None
    before = store.path.read_bytes()
    from dataclasses import replace

    with pytest.raises(InputError) as caught:
        store.update(replace(beta, name="ACME"))
    assert (caught.value.field, caught.value.problem) == (FIELD_NAME, DUPLICATE_NAME)
    assert store.path.read_bytes() == before


def test_rename_onto_another_profiles_name_is_refused_after_normalisation(
    store: ProfileStore,
) -> None:
    store.save([Profile(name="Café"), Profile(name="Other")], None)
    with pytest.raises(InputError) as caught:
        store.rename("Other", unicodedata.normalize("NFD", "CAFÉ"))
    assert caught.value.problem == DUPLICATE_NAME
    assert store.load().names == ["Café", "Other"]


def test_save_refuses_two_profiles_with_one_name(store: ProfileStore) -> None:
    with pytest.raises(InputError) as caught:
        store.save(
            [Profile(name="Zürich"), Profile(name=unicodedata.normalize("NFD", "zürich"))], None
        )
    assert caught.value.problem == DUPLICATE_NAME
    assert not store.path.exists()


def test_update_of_a_deleted_profile_is_refused_not_recreated(store: ProfileStore) -> None:
    profile = Profile(name="Gone")
    store.add(profile)
    store.delete("Gone")
    with pytest.raises(InputError):
        store.update(profile)
    assert store.load().names == []


# -- ids -------------------------------------------------------------------------------------------


def test_ids_are_saved_and_read_back(store: ProfileStore) -> None:
    first, second = Profile(name="One"), Profile(name="Two")
    assert first.id != second.id
    store.save([first, second], None)
    data = json.loads(store.path.read_text(encoding="utf-8"))
    assert [entry["id"] for entry in data["profiles"]] == [first.id, second.id]
    assert [p.id for p in store.load().profiles] == [first.id, second.id]
    assert first.vault_key.endswith(first.id) and first.vault_key != first.name


def test_rename_keeps_the_id(store: ProfileStore) -> None:
    profile = Profile(name="Old name")
    store.add(profile)
    renamed = store.rename("old name", "New name").find("New name")
    assert renamed is not None and renamed.id == profile.id


def test_a_recreated_profile_gets_a_new_id(store: ProfileStore) -> None:
    first = Profile(name="Acme")
    store.add(first)
    store.delete("Acme")
    second = store.add(Profile(name="Acme")).find("Acme")
    assert second is not None and second.id != first.id


def test_old_file_without_ids_gets_stable_ids_and_remembers_the_legacy_key(
    store: ProfileStore,
) -> None:
    write(store, {"version": 1, "profiles": [{"name": "Acme"}, {"name": "Beta"}]})
    first = store.load()
    second = store.load()
    assert [p.id for p in first.profiles] == [p.id for p in second.profiles]
    assert first.profiles[0].id == legacy_profile_id("Acme")
    assert [p.legacy_vault_key for p in first.profiles] == ["Acme", "Beta"]
    # Persisted at the next save, with the legacy key, and kept across a rename.
    store.rename("Acme", "Acme Group")
    entry = json.loads(store.path.read_text(encoding="utf-8"))["profiles"][0]
    assert (entry["id"], entry["legacy_vault_key"]) == (legacy_profile_id("Acme"), "Acme")
    store.forget_legacy_key(legacy_profile_id("Acme"))
    assert store.load().profiles[0].legacy_vault_key is None
    assert store.load().profiles[0].id == legacy_profile_id("Acme")


def test_a_profile_created_now_has_no_legacy_key(store: ProfileStore) -> None:
    store.add(Profile(name="Acme"))
    assert store.load().profiles[0].legacy_vault_key is None
    entry = json.loads(store.path.read_text(encoding="utf-8"))["profiles"][0]
    assert "legacy_vault_key" not in entry


def test_upsert_by_name_keeps_the_saved_id(store: ProfileStore) -> None:
    saved = Profile(name="Acme")
    store.add(saved)
    result = store.upsert(Profile(name="ACME", admin_username="changed"))
    assert [(p.name, p.id, p.admin_username) for p in result.profiles] == [
        ("ACME", saved.id, "changed")
    ]


def test_unknown_keys_follow_a_profile_through_a_rename(store: ProfileStore) -> None:
    write(store, {"version": 1, "profiles": [{"name": "Acme", "id": "abc123", "proxy": "p:1"}]})
    store.rename("Acme", "Renamed")
    entry = json.loads(store.path.read_text(encoding="utf-8"))["profiles"][0]
    assert (entry["name"], entry["id"], entry["proxy"]) == ("Renamed", "abc123", "p:1")
