"""Sync URLs: the vendor's paths, the token as one escaped path segment, configurable base."""

from __future__ import annotations

import pytest

from desktop.core.errors import InputError
from desktop.core.urls import origin_of
from desktop.esws.i3_urls import DEFAULT_I3_BASE_URL, normalise_i3_url, sync_url
from desktop.esws.request import SyncKind

TOKEN = "e4d8503e7d6df3b37dcaf5063576a11f" * 4


def test_vendor_urls() -> None:
    assert sync_url(SyncKind.ONE_USER, TOKEN) == (
        f"https://i3.identysoft.com/users/oneSyncUserLogin/{TOKEN}"
    )
    assert sync_url(SyncKind.ALL_USERS, TOKEN) == (
        f"https://i3.identysoft.com/users/totalSyncUsersLogin/{TOKEN}"
    )


def test_on_premise_base_with_trailing_slash_and_path() -> None:
    url = sync_url(SyncKind.ONE_USER, "abc", "http://i3.local:8080/i3/")
    assert url == "http://i3.local:8080/i3/users/oneSyncUserLogin/abc"


def test_token_is_escaped_as_one_path_segment() -> None:
    url = sync_url(SyncKind.ONE_USER, "a/b?c#d e", DEFAULT_I3_BASE_URL)
    assert url.endswith("/oneSyncUserLogin/a%2Fb%3Fc%23d%20e")


@pytest.mark.parametrize(
    "base",
    [
        *("", "ftp://i3.local", "javascript:alert(1)", "https://", "https://h/?q=1"),
        *("https://u:p@h", "https://i3.local:99999", "https://i3.local:abc", "https://i3.local:0"),
        "https://i3 local",
        *("https://[", "http://[::1", "https://i3.local/\x1b[2J", "https://i3.local/\udcff"),
    ],
)
def test_bad_base_urls_are_refused(base: str) -> None:
    with pytest.raises(InputError) as caught:  # never a ValueError from urlsplit
        normalise_i3_url(base)
    assert caught.value.field == "I3 address"


def test_origin_of_fills_default_ports() -> None:
    assert origin_of("https://I3.identysoft.com/users") == ("https", "i3.identysoft.com", 443)
    assert origin_of("http://127.0.0.1:8080/x") == ("http", "127.0.0.1", 8080)


def test_a_profile_may_pin_the_other_spelling_of_the_total_sync_page() -> None:
    url = sync_url(
        SyncKind.ALL_USERS, "abc123", DEFAULT_I3_BASE_URL, total_path="totalSyncUserLogin"
    )
    assert url == DEFAULT_I3_BASE_URL + "/users/totalSyncUserLogin/abc123"
    default = sync_url(SyncKind.ALL_USERS, "abc123", DEFAULT_I3_BASE_URL)
    assert default == DEFAULT_I3_BASE_URL + "/users/totalSyncUsersLogin/abc123"
    one = sync_url(
        SyncKind.ONE_USER, "abc123", DEFAULT_I3_BASE_URL, total_path="totalSyncUserLogin"
    )
    assert one == DEFAULT_I3_BASE_URL + "/users/oneSyncUserLogin/abc123"


def test_an_unknown_total_sync_spelling_never_reaches_a_url() -> None:
    with pytest.raises(ValueError, match="spelling"):
        sync_url(SyncKind.ALL_USERS, "abc123", total_path="../admin")
