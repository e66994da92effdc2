"""Profiles IT manages: the policy key parsed from a fake registry, the machine-wide file, and a
store that shows them first, read-only, keeping only the user's own choices for them."""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop.core.errors import InputError
from desktop.core.paths import ENV_MACHINE_CONFIG_DIR, site_config_dir
from desktop.esws import managed as managed_module
from desktop.esws.i3_urls import DEFAULT_I3_BASE_URL
from desktop.esws.managed import (
    MACHINE_FILE_NAME,
    SOURCE_MACHINE_FILE,
    SOURCE_POLICY,
    ManagedProfiles,
    load_managed,
    machine_managed_source,
    managed_profile_id,
    profiles_from_machine_file,
    profiles_from_policy,
    read_policy_registry,
)
from desktop.esws.profiles import (
    FIELD_NAME,
    FORMAT_VERSION,
    MANAGED_NAME,
    MANAGED_PROFILE,
    Profile,
    ProfileStore,
)

HEAD_OFFICE = {
    "Endpoint": "https://esws.example.test/webservicesesws",
    "I3Url": "https://i3.example.test",
    "Admin": "hr.admin",
    "Cloud": 1,
}


def policy_source(keys: dict[str, dict[str, object]]) -> Callable[[], ManagedProfiles]:
    """A managed source reading ``keys`` as the registry policy key (no machine file)."""
    return lambda: load_managed(keys, None, FORMAT_VERSION)


@pytest.fixture
def store(tmp_path: Path) -> ProfileStore:
    return ProfileStore(
        tmp_path / "user" / "profiles.json", managed=policy_source({"Head office": HEAD_OFFICE})
    )


def write_machine_file(folder: Path, profiles: list[dict[str, object]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / MACHINE_FILE_NAME
    path.write_text(json.dumps({"version": 1, "profiles": profiles}), encoding="utf-8")
    return path


# -- the policy key --------------------------------------------------------------------------


def test_policy_key_becomes_managed_profiles() -> None:
    found = profiles_from_policy({"Head office": HEAD_OFFICE, "Branch": {"Endpoint": "http://x"}})
    assert found.notices == []
    branch, head = found.profiles  # sorted by name
    assert head == Profile(
        name="Head office",
        esws_endpoint=HEAD_OFFICE["Endpoint"],  # type: ignore[arg-type]
        i3_base_url="https://i3.example.test",
        admin_username="hr.admin",
        cloud=True,
    )
    assert head.managed and branch.managed
    assert (branch.i3_base_url, branch.admin_username, branch.cloud) == (
        DEFAULT_I3_BASE_URL,
        "",
        False,
    )
    assert head.id == managed_profile_id(SOURCE_POLICY, "Head office")


def test_value_names_are_case_insensitive_and_cloud_may_be_text() -> None:
    found = profiles_from_policy({"A": {"ENDPOINT": "https://e.test/x", "cloud": "1"}})
    assert found.profiles[0].esws_endpoint == "https://e.test/x"
    assert found.profiles[0].cloud is True


@pytest.mark.parametrize(
    ("values", "reason"),
    [
        ({}, "it has no Endpoint"),
        ({"Endpoint": "   "}, "it has no Endpoint"),
        ({"Endpoint": 5}, "its Endpoint is not text"),
        ({"Endpoint": "ftp://e.test/x"}, "its Endpoint"),
        ({"Endpoint": "http://[::1"}, "its Endpoint is not a valid address"),
        ({"Endpoint": "https://e.test", "Cloud": 7}, "its Cloud is not 0 or 1"),
        ({"Endpoint": "https://e.test", "Cloud": b"\x01"}, "its Cloud is not 0 or 1"),
        ({"Endpoint": "https://e.test", "I3Url": "https://["}, "its I3 address"),
        ({"Endpoint": "https://e.test", "Admin": "a\nb"}, "its admin username"),
    ],
)
def test_a_bad_policy_value_leaves_that_profile_out_with_a_notice(
    values: dict[str, object], reason: str
) -> None:
    found = profiles_from_policy({"Bad": values, "Good": {"Endpoint": "https://e.test"}})
    assert [p.name for p in found.profiles] == ["Good"]
    (notice,) = found.notices
    assert "“Bad”" in notice and reason in notice and "left out" in notice


def test_a_policy_key_name_that_cannot_be_a_name_is_named_by_position() -> None:
    found = profiles_from_policy({"evil\u202ename": {"Endpoint": "https://e.test"}})
    assert found.profiles == []
    assert "number 1" in found.notices[0] and "\u202e" not in found.notices[0]


def test_reading_the_registry_off_windows_finds_nothing() -> None:
    assert read_policy_registry() == {}


def test_managed_ids_are_stable_and_differ_by_source_and_name() -> None:
    assert managed_profile_id(SOURCE_POLICY, "Head office") == managed_profile_id(
        SOURCE_POLICY, "HEAD OFFICE"
    )
    ids = {
        managed_profile_id(SOURCE_POLICY, "Head office"),
        managed_profile_id(SOURCE_MACHINE_FILE, "Head office"),
        managed_profile_id(SOURCE_POLICY, "Branch"),
    }
    assert len(ids) == 3
    Profile(name="x", id=ids.pop()).validate()  # a valid profile id


# -- the machine-wide file ------------------------------------------------------------------------


def test_machine_file_profiles_are_managed_with_ids_from_their_names(tmp_path: Path) -> None:
    path = write_machine_file(
        tmp_path,
        [
            {"name": "Shared", "esws_endpoint": "https://e.test/x", "id": "abc", "cloud": True},
            {"name": "Broken", "esws_endpoint": 3},
        ],
    )
    found = profiles_from_machine_file(path, FORMAT_VERSION)
    (shared,) = found.profiles
    assert shared.managed and shared.cloud
    assert shared.id == managed_profile_id(SOURCE_MACHINE_FILE, "Shared")
    assert shared.remember_password is False
    assert any("“Broken”" in n and "IT department" in n and "left out" in n for n in found.notices)


def test_an_unreadable_machine_file_is_a_notice(tmp_path: Path) -> None:
    path = tmp_path / MACHINE_FILE_NAME
    path.write_bytes(b"\xff not json")
    found = profiles_from_machine_file(path, FORMAT_VERSION)
    assert found.profiles == []
    assert "not UTF-8" in found.notices[0]
    assert path.read_bytes() == b"\xff not json"  # IT's file is never moved or changed
    assert profiles_from_machine_file(tmp_path / "none.json", FORMAT_VERSION).profiles == []


def test_the_policy_wins_over_the_machine_file(tmp_path: Path) -> None:
    path = write_machine_file(
        tmp_path,
        [
            {"name": "head OFFICE", "esws_endpoint": "https://file.test/x"},
            {"name": "Only in file", "esws_endpoint": "https://file.test/y"},
        ],
    )
    found = load_managed({"Head office": HEAD_OFFICE}, path, FORMAT_VERSION)
    assert [p.name for p in found.profiles] == ["Head office", "Only in file"]
    assert found.profiles[0].esws_endpoint == HEAD_OFFICE["Endpoint"]
    assert any("left out" in n and "registry" in n for n in found.notices)


def test_default_store_reads_the_machine_folder_from_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    machine = tmp_path / "machine"
    write_machine_file(machine, [{"name": "Shared", "esws_endpoint": "https://e.test/x"}])
    monkeypatch.setenv(ENV_MACHINE_CONFIG_DIR, str(machine))
    monkeypatch.setattr(managed_module, "read_policy_registry", dict)
    loaded = ProfileStore().load()
    assert [(p.name, p.managed) for p in loaded.profiles] == [("Shared", True)]
    assert site_config_dir() == machine


def test_the_registry_reader_is_injectable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV_MACHINE_CONFIG_DIR, str(tmp_path / "no-machine-file"))
    source = machine_managed_source(FORMAT_VERSION, lambda: {"Head office": HEAD_OFFICE})
    assert [p.name for p in source().profiles] == ["Head office"]


# -- the store with managed profiles --------------------------------------------------------------


def test_load_shows_managed_profiles_first_and_never_writes_them(store: ProfileStore) -> None:
    store.add(Profile(name="Mine"))
    loaded = store.load()
    assert [(p.name, p.managed) for p in loaded.profiles] == [
        ("Head office", True),
        ("Mine", False),
    ]
    assert loaded.find("head office") is not None and loaded.find("head office").managed  # type: ignore[union-attr]
    on_disk = json.loads(store.path.read_text(encoding="utf-8"))
    assert [e["name"] for e in on_disk["profiles"]] == ["Mine"]


@pytest.mark.parametrize("name", ["Head office", "HEAD OFFICE", "head office"])
def test_a_user_profile_cannot_take_a_managed_name(store: ProfileStore, name: str) -> None:
    with pytest.raises(InputError) as add:
        store.add(Profile(name=name))
    assert (add.value.field, add.value.problem) == (FIELD_NAME, MANAGED_NAME)
    store.add(Profile(name="Mine"))
    with pytest.raises(InputError, match="IT department"):
        store.rename("Mine", name)
    with pytest.raises(InputError, match="IT department"):
        store.upsert(Profile(name=name))
    with pytest.raises(InputError, match="IT department"):
        store.save([Profile(name=name)], None)
    assert store.load().names == ["Head office", "Mine"]


def test_a_managed_profile_cannot_be_removed_renamed_or_changed(store: ProfileStore) -> None:
    head = store.load().profiles[0]
    attempts: list[Callable[[], object]] = [
        lambda: store.delete("HEAD OFFICE"),
        lambda: store.delete(profile_id=head.id),
        lambda: store.rename("Head office", "Other"),
    ]
    for attempt in attempts:
        with pytest.raises(InputError) as refused:
            attempt()
        assert refused.value.problem == MANAGED_PROFILE
    assert not store.path.exists()  # no refused change wrote a file
    changed = Profile(
        name=head.name,
        esws_endpoint="https://elsewhere.test/x",
        i3_base_url=head.i3_base_url,
        admin_username=head.admin_username,
        cloud=head.cloud,
        id=head.id,
    )
    with pytest.raises(InputError) as update:
        store.update(changed)
    assert update.value.field == "ESWS endpoint"
    assert store.load().profiles[0].esws_endpoint == HEAD_OFFICE["Endpoint"]


def test_remember_password_is_the_users_choice_for_a_managed_profile(
    store: ProfileStore,
) -> None:
    from dataclasses import replace

    head = store.load().profiles[0]
    assert head.remember_password is False
    store.upsert(replace(head, remember_password=True))
    again = store.load().profiles[0]
    assert again.remember_password is True and again.managed and again.id == head.id
    with pytest.raises(InputError) as admin:
        store.upsert(replace(again, admin_username="someone else"))  # IT set the admin
    assert admin.value.field == "admin username"
    assert [p.name for p in store.load().profiles] == ["Head office"]


def test_the_admin_name_is_the_users_when_it_set_none(tmp_path: Path) -> None:
    from dataclasses import replace

    store = ProfileStore(
        tmp_path / "profiles.json",
        managed=policy_source({"Branch": {"Endpoint": "https://e.test/x"}}),
    )
    branch = store.load().profiles[0]
    store.update(replace(branch, admin_username="me"))
    assert store.load().profiles[0].admin_username == "me"
    store.update(replace(branch, admin_username="someone"))
    assert store.load().profiles[0].admin_username == "someone"


def test_last_used_may_be_a_managed_profile(store: ProfileStore) -> None:
    store.set_last_used("head OFFICE")
    assert store.load().last_used == "Head office"
    store.add(Profile(name="Mine"))
    assert store.load().last_used == "Head office"


def test_a_user_profile_shadowed_by_a_new_policy_is_hidden_not_deleted(tmp_path: Path) -> None:
    path = tmp_path / "profiles.json"
    ProfileStore(path).add(Profile(name="HEAD OFFICE", admin_username="mine"))
    store = ProfileStore(path, managed=policy_source({"Head office": HEAD_OFFICE}))
    loaded = store.load()
    assert [(p.name, p.managed) for p in loaded.profiles] == [("Head office", True)]
    assert any("“HEAD OFFICE”" in n and "IT department" in n for n in loaded.notices)
    store.add(Profile(name="Other"))
    assert "HEAD OFFICE" in path.read_text(encoding="utf-8")  # kept for when the policy goes
    assert ProfileStore(path).load().names == ["HEAD OFFICE", "Other"]


def test_save_leaves_managed_profiles_out_of_the_file(store: ProfileStore) -> None:
    loaded = store.load()
    store.save([*loaded.profiles, Profile(name="Mine")], "Head office")
    on_disk = json.loads(store.path.read_text(encoding="utf-8"))
    assert [e["name"] for e in on_disk["profiles"]] == ["Mine"]
    assert store.load().last_used == "Head office"


def test_a_failing_managed_source_is_a_notice_not_a_crash(tmp_path: Path) -> None:
    def broken() -> ManagedProfiles:
        raise PermissionError("registry says no")

    store = ProfileStore(tmp_path / "profiles.json", managed=broken)
    store.add(Profile(name="Mine"))
    loaded = store.load()
    assert loaded.names == ["Mine"]
    assert any("PermissionError" in n for n in loaded.notices)
    assert all("registry says no" not in n for n in loaded.notices)


def test_a_store_given_a_path_reads_no_managed_profiles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    machine = tmp_path / "machine"
    write_machine_file(machine, [{"name": "Shared", "esws_endpoint": "https://e.test/x"}])
    monkeypatch.setenv(ENV_MACHINE_CONFIG_DIR, str(machine))
    assert ProfileStore(tmp_path / "demo" / "profiles.json").load().names == []


def test_a_name_value_names_the_profile_and_two_slots_cannot_share_one() -> None:
    found = profiles_from_policy(
        {
            "Profile1": {"Name": "Head office", "Endpoint": "https://e.test/1"},
            "Profile2": {"Name": "HEAD OFFICE", "Endpoint": "https://e.test/2"},
            "Profile3": {"Name": 3, "Endpoint": "https://e.test/3"},
        }
    )
    assert [p.name for p in found.profiles] == ["Head office"]
    assert found.profiles[0].id == managed_profile_id(SOURCE_POLICY, "Head office")
    assert any("“HEAD OFFICE”" in n and "same name" in n for n in found.notices)
    assert any("“Profile3”" in n and "Name is not text" in n for n in found.notices)


@pytest.mark.skipif(sys.platform != "win32", reason="the Windows registry (off Windows: {})")
def test_the_registry_reader_reads_real_keys_on_windows() -> None:
    """The winreg path, on a scratch key under HKCU (HKLM needs admin rights to write)."""
    import uuid
    import winreg

    base = rf"Software\I3SyncTest-{uuid.uuid4().hex}\Profiles"
    try:
        with winreg.CreateKey(winreg.HKEY_CURRENT_USER, base + r"\Head office") as key:
            winreg.SetValueEx(key, "Endpoint", 0, winreg.REG_SZ, "https://e.test/x")
            winreg.SetValueEx(key, "Cloud", 0, winreg.REG_DWORD, 1)
        winreg.CreateKey(winreg.HKEY_CURRENT_USER, base + r"\Empty").Close()
        found = read_policy_registry(winreg.HKEY_CURRENT_USER, base)
        assert found == {"Head office": {"Endpoint": "https://e.test/x", "Cloud": 1}, "Empty": {}}
        result = profiles_from_policy(found)
        assert [(p.name, p.cloud) for p in result.profiles] == [("Head office", True)]
        assert any("“Empty”" in n for n in result.notices)
    finally:
        for sub in (base + r"\Head office", base + r"\Empty", base, base.rpartition("\\")[0]):
            with contextlib.suppress(OSError):  # deepest first; a missing one is fine
                winreg.DeleteKey(winreg.HKEY_CURRENT_USER, sub)
