"""Profile fields for I3 redirects: further allowed origins, the total-sync page spelling."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.core.errors import InputError
from desktop.esws.profiles import (
    FIELD_ALLOWED_ORIGINS,
    FIELD_TOTAL_SYNC_PATH,
    MAX_ALLOWED_ORIGINS,
    TOTAL_SYNC_USER_LOGIN,
    TOTAL_SYNC_USERS_LOGIN,
    Profile,
    ProfileStore,
    normalise_origin,
    parse_allowed_origins,
)


def test_defaults() -> None:
    profile = Profile(name="Acme")
    assert profile.allowed_origins == ()
    assert profile.total_sync_path == TOTAL_SYNC_USERS_LOGIN == "totalSyncUsersLogin"


@pytest.mark.parametrize(
    ("typed", "origin"),
    [
        ("https://i3-eu.identysoft.com", "https://i3-eu.identysoft.com"),
        ("HTTPS://I3-EU.Identysoft.com/", "https://i3-eu.identysoft.com"),
        ("https://i3.example.test:443", "https://i3.example.test"),
        ("http://i3.example.test:80", "http://i3.example.test"),
        ("https://i3.example.test:8443", "https://i3.example.test:8443"),
        ("http://[::1]:8080", "http://[::1]:8080"),
        ("http://127.0.0.1:5000", "http://127.0.0.1:5000"),
    ],
)
def test_origins_are_normalised(typed: str, origin: str) -> None:
    assert normalise_origin(typed) == origin


@pytest.mark.parametrize(
    "typed",
    [
        "i3.example.test",
        "ftp://i3.example.test",
        "javascript:alert(1)",
        "file:///etc/passwd",
        "https://i3.example.test/users/",
        "https://i3.example.test/?a=1",
        "https://user:pw@i3.example.test",
        "https://i3.example.test:99999",
        "http://[::1",
        "https://[",
        "https://i3.example.test\n",
    ],
)
def test_bad_origins_are_refused_naming_the_field(typed: str) -> None:
    with pytest.raises(InputError) as caught:
        normalise_origin(typed)
    assert caught.value.field == FIELD_ALLOWED_ORIGINS
    with pytest.raises(InputError):
        Profile(name="Acme", allowed_origins=(typed,)).validate()


def test_origins_typed_in_a_box() -> None:
    typed = " https://a.test, https://B.test/\nhttps://a.test:443  http://c.test:8080 "
    assert parse_allowed_origins(typed) == (
        "https://a.test",
        "https://b.test",
        "http://c.test:8080",
    )
    assert parse_allowed_origins("   ") == ()
    many = " ".join(f"https://h{n}.test" for n in range(MAX_ALLOWED_ORIGINS + 1))
    with pytest.raises(InputError):
        parse_allowed_origins(many)


def test_a_profile_holds_only_normalised_origins() -> None:
    Profile(name="Acme", allowed_origins=("https://a.test",)).validate()
    with pytest.raises(InputError) as caught:
        Profile(name="Acme", allowed_origins=("HTTPS://A.test/",)).validate()
    assert caught.value.field == FIELD_ALLOWED_ORIGINS


def test_total_sync_spelling_is_one_of_the_two() -> None:
    Profile(name="Acme", total_sync_path=TOTAL_SYNC_USER_LOGIN).validate()
    with pytest.raises(InputError) as caught:
        Profile(name="Acme", total_sync_path="totalSyncLogin").validate()
    assert caught.value.field == FIELD_TOTAL_SYNC_PATH


def test_fields_round_trip_and_a_hand_edited_origin_is_normalised(tmp_path: Path) -> None:
    store = ProfileStore(tmp_path / "profiles.json")
    profile = Profile(
        name="Acme",
        allowed_origins=("https://i3-eu.example.test", "http://127.0.0.1:5000"),
        total_sync_path=TOTAL_SYNC_USER_LOGIN,
    )
    store.add(profile)
    data = json.loads(store.path.read_text(encoding="utf-8"))
    entry = data["profiles"][0]
    assert entry["allowed_origins"] == ["https://i3-eu.example.test", "http://127.0.0.1:5000"]
    assert entry["total_sync_path"] == "totalSyncUserLogin"
    assert store.load().profiles == [profile]
    entry["allowed_origins"] = ["HTTPS://I3-EU.example.test/"]
    store.path.write_text(json.dumps(data), encoding="utf-8")
    assert store.load().profiles[0].allowed_origins == ("https://i3-eu.example.test",)
