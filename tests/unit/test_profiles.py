"""The profiles file: round trips, atomic saves, corrupt files kept, never a secret written."""

from __future__ import annotations

import json
import os
import stat
import sys
from pathlib import Path

import pytest

from desktop.core.errors import InputError
from desktop.esws.i3_urls import DEFAULT_ENDPOINT, DEFAULT_I3_BASE_URL
from desktop.esws.profiles import (
    FIELD_ESWS_ENDPOINT,
    FIELD_I3_ADDRESS,
    FIELD_NAME,
    FORMAT_VERSION,
    LoadResult,
    Profile,
    ProfileStore,
)


@pytest.fixture
def store(tmp_path: Path) -> ProfileStore:
    return ProfileStore(tmp_path / "cfg" / "profiles.json")


def acme(**changes: object) -> Profile:
    values: dict[str, object] = {
        "name": "Acme Ltd",
        "esws_endpoint": "https://esws.example.test/webservicesesws",
        "i3_base_url": "https://i3.example.test",
        "admin_username": "hr.admin",
        "cloud": True,
        "remember_password": True,
        "wsdl": None,
    }
    values.update(changes)
    return Profile(**values)  # type: ignore[arg-type]


def corrupt_files(store: ProfileStore) -> list[Path]:
    return sorted(store.path.parent.glob(store.path.name + ".corrupt-*"))


# -- Profile.validate ------------------------------------------------------------------------------


def test_defaults_are_the_vendor_addresses() -> None:
    profile = Profile(name="Default")
    assert profile.esws_endpoint == DEFAULT_ENDPOINT
    assert profile.i3_base_url == DEFAULT_I3_BASE_URL
    assert (profile.cloud, profile.remember_password, profile.wsdl) == (False, False, None)
    profile.validate()


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"name": ""}, FIELD_NAME),
        ({"name": "   "}, FIELD_NAME),
        ({"name": " Acme"}, FIELD_NAME),
        ({"name": "A" * 101}, FIELD_NAME),
        ({"name": "Acme\nLtd"}, FIELD_NAME),
        ({"name": "Acme\x00"}, FIELD_NAME),
        ({"esws_endpoint": ""}, FIELD_ESWS_ENDPOINT),
        ({"esws_endpoint": "ftp://esws.example.test/"}, FIELD_ESWS_ENDPOINT),
        ({"esws_endpoint": "esws.example.test"}, FIELD_ESWS_ENDPOINT),
        ({"esws_endpoint": "https://user:pw@esws.example.test/"}, FIELD_ESWS_ENDPOINT),
        ({"esws_endpoint": "https://esws.example.test:99999/"}, FIELD_ESWS_ENDPOINT),
        ({"i3_base_url": "javascript:alert(1)"}, FIELD_I3_ADDRESS),
        ({"i3_base_url": "https://i3.example.test/?a=1"}, FIELD_I3_ADDRESS),
        ({"admin_username": "a\r\nb"}, "admin username"),
        ({"wsdl": "  "}, "WSDL"),
    ],
)
def test_validate_names_the_field(changes: dict[str, object], field: str) -> None:
    with pytest.raises(InputError) as caught:
        acme(**changes).validate()
    assert caught.value.field == field


def test_validate_accepts_unicode_names_and_local_addresses() -> None:
    acme(
        name="Société Générale \u2013 Zürich", esws_endpoint="http://127.0.0.1:8080/esws"
    ).validate()
    acme(wsdl=r"C:\Program Files\I3\esws.wsdl").validate()


# -- load / save -----------------------------------------------------------------------------------


def test_missing_file_is_empty_without_problem(store: ProfileStore) -> None:
    result = store.load()
    assert result == LoadResult(profiles=[], last_used=None)
    assert not store.path.exists()


def test_default_path_is_in_the_config_folder(isolated_user_folders: Path) -> None:
    store = ProfileStore()
    assert store.path.name == "profiles.json"
    assert store.path.is_relative_to(isolated_user_folders / "config")


def test_round_trip(store: ProfileStore) -> None:
    profiles = [acme(), Profile(name="Ünïcode Büro", wsdl="https://esws.example.test/?wsdl")]
    store.save(profiles, "Ünïcode Büro")
    result = store.load()
    assert result.profiles == profiles
    assert result.last_used == "Ünïcode Büro"
    assert result.problem is None
    data = json.loads(store.path.read_text(encoding="utf-8"))
    assert data["version"] == FORMAT_VERSION


def test_file_is_private(store: ProfileStore) -> None:
    if sys.platform == "win32":
        pytest.skip("Windows has no POSIX file modes")
    store.save([acme()], None)
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600


def test_save_leaves_no_temporary_files(store: ProfileStore) -> None:
    store.save([acme()], None)
    store.save([acme(), Profile(name="Two")], "Two")
    assert sorted(p.name for p in store.path.parent.iterdir()) == ["profiles.json"]


def test_no_secret_field_is_ever_written(store: ProfileStore) -> None:
    store.save([acme()], "Acme Ltd")
    data = json.loads(store.path.read_text(encoding="utf-8"))
    keys = set(data) | {key for entry in data["profiles"] for key in entry}
    assert not {k for k in keys if "password" in k and k != "remember_password"}
    assert not {k for k in keys if "company" in k or "code" in k or "token" in k}


def test_invalid_profile_leaves_file_untouched(store: ProfileStore) -> None:
    store.save([acme()], "Acme Ltd")
    before = store.path.read_bytes()
    with pytest.raises(InputError) as caught:
        store.save([acme(), acme(name="Typo", i3_base_url="htps://i3")], "Acme Ltd")
    assert caught.value.field == FIELD_I3_ADDRESS
    assert store.path.read_bytes() == before


def test_duplicate_names_refused_case_insensitively(store: ProfileStore) -> None:
    with pytest.raises(InputError) as caught:
        store.save([acme(), acme(name="ACME LTD")], None)
    assert caught.value.field == FIELD_NAME
    assert not store.path.exists()


def test_last_used_that_names_no_profile_is_dropped(store: ProfileStore) -> None:
    store.save([acme()], "Gone")
    assert store.load().last_used is None


@pytest.mark.parametrize(
    "content",
    [
        b"{not json",
        b"\xff\xfe\x00garbage",
        b"[]",
        b'{"profiles": []}',
        b'{"version": "1", "profiles": []}',
        b'{"version": 1, "profiles": {}}',
        b"[" * 100_000,
    ],
)
def test_corrupt_file_is_moved_aside_and_kept(store: ProfileStore, content: bytes) -> None:
    store.path.parent.mkdir(parents=True)
    store.path.write_bytes(content)
    result = store.load()
    assert result.profiles == []
    assert result.last_used is None
    assert result.problem
    assert result.quarantined is not None
    assert result.quarantined.read_bytes() == content
    assert str(result.quarantined) in result.problem
    assert result.quarantined.name.startswith("profiles.json.corrupt-")
    assert not store.path.exists()


def test_save_after_corrupt_load_keeps_the_quarantined_copy(store: ProfileStore) -> None:
    store.path.parent.mkdir(parents=True)
    store.path.write_bytes(b"{broken")
    quarantined = store.load().quarantined
    assert quarantined is not None
    store.save([acme()], "Acme Ltd")
    assert quarantined.read_bytes() == b"{broken"
    assert store.load().profiles == [acme()]


def test_two_corrupt_files_in_one_second_get_two_names(store: ProfileStore) -> None:
    store.path.parent.mkdir(parents=True)
    store.path.write_bytes(b"first")
    first = store.load().quarantined
    store.path.write_bytes(b"second")
    second = store.load().quarantined
    assert first is not None and second is not None and first != second
    assert (first.read_bytes(), second.read_bytes()) == (b"first", b"second")


def test_corrupt_file_appearing_before_a_save_is_moved_aside_not_overwritten(
    store: ProfileStore,
) -> None:
    store.save([acme()], None)
    store.path.write_bytes(b"edited by hand, badly")
    store.save([Profile(name="New")], None)
    kept = corrupt_files(store)
    assert [p.read_bytes() for p in kept] == [b"edited by hand, badly"]
    assert store.load().profiles == [Profile(name="New")]


def test_newer_version_keys_survive_a_rewrite(store: ProfileStore) -> None:
    store.path.parent.mkdir(parents=True)
    document = {
        "version": 2,
        "theme": "dark",
        "last_used": "Acme Ltd",
        "profiles": [{**_json(acme()), "colour": "blue"}, {"name": "Other", "proxy": "p:1"}],
    }
    store.path.write_text(json.dumps(document), encoding="utf-8")
    result = store.load()
    assert result.problem is None
    assert [p.name for p in result.profiles] == ["Acme Ltd", "Other"]
    store.upsert(acme(admin_username="someone.else"))
    store.rename("Other", "Renamed")
    data = json.loads(store.path.read_text(encoding="utf-8"))
    assert data["theme"] == "dark"
    assert data["profiles"][0]["colour"] == "blue"
    assert data["profiles"][0]["admin_username"] == "someone.else"
    # The keys this version adds (id, allowed_origins, ...) are checked in test_profile_ids.py.
    expected = {**_json(Profile(name="Renamed")), "proxy": "p:1"}
    assert {key: data["profiles"][1].get(key) for key in expected} == expected
    assert data["version"] == 2  # never rewritten as an older format


def _json(profile: Profile) -> dict[str, object]:
    return {
        "name": profile.name,
        "esws_endpoint": profile.esws_endpoint,
        "i3_base_url": profile.i3_base_url,
        "admin_username": profile.admin_username,
        "cloud": profile.cloud,
        "remember_password": profile.remember_password,
        "wsdl": profile.wsdl,
    }


def test_older_file_without_optional_keys_gets_defaults(store: ProfileStore) -> None:
    store.path.parent.mkdir(parents=True)
    store.path.write_text('{"version": 1, "profiles": [{"name": "Old"}]}', encoding="utf-8")
    assert store.load().profiles == [Profile(name="Old")]


def test_failed_write_keeps_the_previous_file(
    store: ProfileStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.save([acme()], None)
    before = store.path.read_bytes()

    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OSError):
        store.save([acme(), Profile(name="Two")], None)
    monkeypatch.undo()
    assert store.path.read_bytes() == before
    assert sorted(p.name for p in store.path.parent.iterdir()) == ["profiles.json"]


# -- upsert / rename / delete / set_last_used ------------------------------------------------------


def test_upsert_adds_then_replaces_by_name(store: ProfileStore) -> None:
    store.upsert(acme())
    result = store.upsert(Profile(name="Second"))
    assert [p.name for p in result.profiles] == ["Acme Ltd", "Second"]
    result = store.upsert(acme(name="ACME LTD", admin_username="changed"))
    assert [p.name for p in result.profiles] == ["ACME LTD", "Second"]
    assert result.profiles[0].admin_username == "changed"
    assert store.load().profiles == result.profiles


def test_upsert_of_a_typo_never_erases_the_saved_profile(store: ProfileStore) -> None:
    store.upsert(acme())
    with pytest.raises(InputError):
        store.upsert(acme(esws_endpoint="not an address"))
    assert store.load().profiles == [acme()]


def test_upsert_after_corrupt_file_reports_the_problem(store: ProfileStore) -> None:
    store.path.parent.mkdir(parents=True)
    store.path.write_bytes(b"\x00\x01")
    result = store.upsert(acme())
    assert result.profiles == [acme()]
    assert result.problem and result.quarantined is not None
    assert result.quarantined.read_bytes() == b"\x00\x01"


def test_rename_keeps_settings_and_last_used(store: ProfileStore) -> None:
    store.save([acme(), Profile(name="Other")], "Acme Ltd")
    result = store.rename("acme ltd", "Acme Group")
    assert [p.name for p in result.profiles] == ["Acme Group", "Other"]
    assert result.profiles[0] == acme(name="Acme Group")
    assert result.last_used == "Acme Group"


def test_rename_changing_only_case_is_allowed(store: ProfileStore) -> None:
    store.save([acme()], None)
    assert store.rename("Acme Ltd", "ACME LTD").names == ["ACME LTD"]


@pytest.mark.parametrize(
    ("old", "new"), [("Missing", "Anything"), ("Acme Ltd", "other"), ("Acme Ltd", "")]
)
def test_rename_refusals_leave_the_file_untouched(store: ProfileStore, old: str, new: str) -> None:
    store.save([acme(), Profile(name="Other")], None)
    before = store.path.read_bytes()
    with pytest.raises(InputError) as caught:
        store.rename(old, new)
    assert caught.value.field == FIELD_NAME
    assert store.path.read_bytes() == before


def test_delete(store: ProfileStore) -> None:
    store.save([acme(), Profile(name="Other")], "Acme Ltd")
    result = store.delete("ACME LTD")
    assert result.names == ["Other"]
    assert result.last_used is None
    assert store.delete("not there").names == ["Other"]


def test_set_last_used(store: ProfileStore) -> None:
    store.save([acme(), Profile(name="Other")], None)
    store.set_last_used("other")
    assert store.load().last_used == "Other"
    store.set_last_used("nobody")
    assert store.load().last_used == "Other"


def test_set_last_used_does_not_create_a_file(store: ProfileStore) -> None:
    store.set_last_used("nobody")
    assert not store.path.exists()


def test_find_is_case_insensitive() -> None:
    result = LoadResult(profiles=[acme()], last_used=None)
    assert result.find("acme LTD") == acme()
    assert result.find("nope") is None
