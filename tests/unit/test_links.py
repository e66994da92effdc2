"""i3sync:// links: the few valid shapes, and hostile input refused with a message."""

from __future__ import annotations

import contextlib
import sys
import types
from urllib.parse import quote, quote_plus

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.cli import main as cli_main
from desktop.cli import run_link
from desktop.core.errors import InputError
from desktop.esws.links import (
    MAX_LINK_LENGTH,
    MAX_PROFILE_LENGTH,
    MAX_USER_LENGTH,
    SyncLink,
    parse_link,
)
from desktop.esws.request import SyncKind

ONE = SyncKind.ONE_USER
ALL = SyncKind.ALL_USERS


@pytest.mark.parametrize(
    ("link", "expected"),
    [
        ("i3sync://sync/one?profile=Acme&user=E042", SyncLink(ONE, "Acme", "E042")),
        ("i3sync://sync/one?user=E042&profile=Acme", SyncLink(ONE, "Acme", "E042")),
        ("i3sync://sync/one?profile=Acme&user=E042&location=7", SyncLink(ONE, "Acme", "E042", 7)),
        ("i3sync://sync/one?profile=Acme&user=E042&location=", SyncLink(ONE, "Acme", "E042")),
        ("i3sync://sync/total?profile=Acme", SyncLink(ALL, "Acme")),
        ("i3sync://sync/total/?profile=Acme", SyncLink(ALL, "Acme")),
        ("I3SYNC://SYNC/total?profile=Acme", SyncLink(ALL, "Acme")),
        # Percent-encoded names with spaces and diacritics; "+" is a space as browsers write it.
        ("i3sync://sync/total?profile=Acme%20Ltd", SyncLink(ALL, "Acme Ltd")),
        ("i3sync://sync/total?profile=Acme+Ltd", SyncLink(ALL, "Acme Ltd")),
        ("i3sync://sync/total?profile=A%2BB", SyncLink(ALL, "A+B")),
        (
            "i3sync://sync/total?profile=Soci%C3%A9t%C3%A9%20G%C3%A9n%C3%A9rale",
            SyncLink(ALL, "Société Générale"),
        ),
        (
            "i3sync://sync/one?profile=Z%C3%BCrich&user=M%C3%BCller",
            SyncLink(ONE, "Zürich", "Müller"),
        ),
        # Unencoded non-ASCII as some programs pass it.
        ("i3sync://sync/total?profile=Zürich", SyncLink(ALL, "Zürich")),
        # Decoded once only: %2541 is the three characters "%41", not "A".
        ("i3sync://sync/one?profile=Acme&user=%2541", SyncLink(ONE, "Acme", "%41")),
        (
            "i3sync://sync/one?profile=Acme&user=a%26password%3Dx",
            SyncLink(ONE, "Acme", "a&password=x"),
        ),
        # As Windows may pass it: quoted, with a trailing slash.
        ('"i3sync://sync/one?profile=Acme&user=E042"', SyncLink(ONE, "Acme", "E042")),
        ("i3sync://sync/one?profile=Acme&user=E042/", SyncLink(ONE, "Acme", "E042")),
        ('"i3sync://sync/total?profile=Acme%2F/"', SyncLink(ALL, "Acme/")),
        ("  i3sync://sync/total?profile=Acme  ", SyncLink(ALL, "Acme")),
        (
            "i3sync://sync/one?profile=" + "P" * 100 + "&user=" + "U" * 64,
            SyncLink(ONE, "P" * 100, "U" * 64),
        ),
        (
            "i3sync://sync/one?profile=Acme&user=E042&location=2147483647",
            SyncLink(ONE, "Acme", "E042", 2**31 - 1),
        ),
    ],
)
def test_valid_links(link: str, expected: SyncLink) -> None:
    assert parse_link(link) == expected


HOSTILE = [
    # Other schemes, or not quite ours.
    ("javascript:alert(1)//i3sync://sync/total?profile=Acme", "must start with"),
    ("http://sync/total?profile=Acme", "must start with"),
    ("https://i3.identysoft.com/users/totalSyncUsersLogin/abc", "must start with"),
    ("file:///C:/Windows/System32/calc.exe", "must start with"),
    ("i3syncx://sync/total?profile=Acme", "must start with"),
    ("i3sync:sync/total?profile=Acme", "must start with"),
    ("i3sync:/sync/total?profile=Acme", "must start with"),
    ("i3sync:///sync/total?profile=Acme", "must be i3sync://sync/one"),
    ("i3sync//sync/total?profile=Acme", "must start with"),
    ("", "must start with"),
    ('""', "must start with"),
    # Wrong host, credentials, port.
    ("i3sync://evil/total?profile=Acme", "must be i3sync://sync/one"),
    ("i3sync://sync.evil.example/total?profile=Acme", "must be i3sync://sync/one"),
    ("i3sync://user:pw@sync/total?profile=Acme", "user name, password or port"),
    ("i3sync://sync@evil/total?profile=Acme", "user name, password or port"),
    ("i3sync://sync:443/total?profile=Acme", "user name, password or port"),
    ("i3sync://sy%6Ec/total?profile=Acme", "must be i3sync://sync/one"),
    # Wrong paths.
    ("i3sync://sync/?profile=Acme", "must be i3sync://sync/one"),
    ("i3sync://sync?profile=Acme", "must be i3sync://sync/one"),
    ("i3sync://sync/all?profile=Acme", "must be i3sync://sync/one"),
    ("i3sync://sync/one/../total?profile=Acme", "must be i3sync://sync/one"),
    ("i3sync://sync//one?profile=Acme&user=1", "must be i3sync://sync/one"),
    ("i3sync://sync/%6Fne?profile=Acme&user=1", "must be i3sync://sync/one"),
    ("i3sync://sync/total;x?profile=Acme", "must be i3sync://sync/one"),
    # Fragments.
    ("i3sync://sync/total?profile=Acme#x", "fragment"),
    ("i3sync://sync/total?profile=Acme#", "fragment"),
    # Secrets and other unknown or malformed keys.
    ("i3sync://sync/total?profile=Acme&password=hunter2", "unknown parameter"),
    ("i3sync://sync/one?profile=Acme&user=E042&password=hunter2", "unknown parameter"),
    (
        "i3sync://sync/total?profile=Acme&company=0123456789abcdef0123456789abcdef",
        "unknown parameter",
    ),
    ("i3sync://sync/total?profile=Acme&token=abc", "unknown parameter"),
    ("i3sync://sync/total?Profile=Acme", "unknown parameter"),
    ("i3sync://sync/total?pro%66ile=Acme", "unknown parameter"),
    ("i3sync://sync/total?profile", "key=value"),
    ("i3sync://sync/total?profile=Acme&", "key=value"),
    ("i3sync://sync/total?&profile=Acme", "key=value"),
    ("i3sync://sync/total?profile=Acme&&user=1", "key=value"),
    # Duplicates.
    ("i3sync://sync/total?profile=Acme&profile=Evil", "more than once"),
    ("i3sync://sync/one?profile=Acme&user=1&user=2", "more than once"),
    ("i3sync://sync/one?profile=Acme&user=1&location=1&location=2", "more than once"),
    # Missing or extra values for the kind.
    ("i3sync://sync/one?profile=Acme", "names no user"),
    ("i3sync://sync/one?user=E042", "names no profile"),
    ("i3sync://sync/one?profile=Acme&user=", "names no user"),
    ("i3sync://sync/one?profile=Acme&user=%20%20", "names no user"),
    ("i3sync://sync/one?profile=&user=E042", "names no profile"),
    ("i3sync://sync/total", "names no profile"),
    ("i3sync://sync/total?", "names no profile"),
    ("i3sync://sync/total?profile=Acme&user=E042", "takes no user or location"),
    ("i3sync://sync/total?profile=Acme&location=1", "takes no user or location"),
    # Locations.
    ("i3sync://sync/one?profile=Acme&user=E042&location=0", "positive"),
    ("i3sync://sync/one?profile=Acme&user=E042&location=-1", "whole number"),
    ("i3sync://sync/one?profile=Acme&user=E042&location=abc", "whole number"),
    ("i3sync://sync/one?profile=Acme&user=E042&location=1.5", "whole number"),
    ("i3sync://sync/one?profile=Acme&user=E042&location=2147483648", "too large"),
    ("i3sync://sync/one?profile=Acme&user=E042&location=99999999999", "too large"),
    ("i3sync://sync/one?profile=Acme&user=E042&location=" + "9" * 5000, "longer than 2048"),
    # An Arabic-Indic digit one: a digit, but not one ESWS takes.
    ("i3sync://sync/one?profile=Acme&user=E042&location=%D9%A1", "whole number"),
    ("i3sync://sync/one?profile=Acme&user=E042&location=+5", "without spaces"),
    ("i3sync://sync/one?profile=Acme&user=E042&location=0x10", "whole number"),
    # Lengths.
    ("i3sync://sync/total?profile=" + "P" * 101, "profile name is longer"),
    ("i3sync://sync/one?profile=Acme&user=" + "U" * 65, "user id is longer"),
    ("i3sync://sync/total?profile=" + "%41" * 101, "profile name is longer"),
    ("i3sync://sync/total?profile=Acme&" + "x" * MAX_LINK_LENGTH, "longer than 2048"),
    # Injected characters, raw and percent-encoded.
    ("i3sync://sync/total?profile=Acme\nuser=E042", "control characters or line breaks"),
    ("i3sync://sync/total?profile=Acme\r\n", "control characters or line breaks"),
    ("i3sync://sync/total?profile=Acme\x00", "control characters or line breaks"),
    ("i3sync://sync/total?profile=Ac\tme", "control characters or line breaks"),
    ("i3sync://sync/total?profile=Acme\x7f", "control characters or line breaks"),
    ("i3sync://sync/one?profile=Acme&user=E042%0A--evil", "invisible"),
    ("i3sync://sync/one?profile=Acme&user=E042%0D%0A", "invisible"),
    ("i3sync://sync/total?profile=Acme%00", "invisible"),
    ("i3sync://sync/total?profile=Acme%7F", "invisible"),
    ("i3sync://sync/total?profile=Acme%C2%85", "invisible"),  # NEL, a C1 control
    ("i3sync://sync/total?profile=Acme%E2%80%A8", "invisible"),  # LINE SEPARATOR
    ("i3sync://sync/total?profile=Acme%E2%80%AEgnp.exe", "invisible"),  # RIGHT-TO-LEFT OVERRIDE
    ("i3sync://sync/total?profile=Acme%ZZ", "malformed"),
    ("i3sync://sync/total?profile=Acme%4", "malformed"),
    ("i3sync://sync/total?profile=%FF%FE", "UTF-8"),  # not UTF-8
    ("i3sync://sync/total?profile=%ED%A0%80", "UTF-8"),  # an encoded lone surrogate
]


@pytest.mark.parametrize(("link", "reason"), HOSTILE)
def test_hostile_links_are_refused(link: str, reason: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_link(link)
    assert caught.value.field == "link"
    assert reason in caught.value.problem


@pytest.mark.parametrize(
    ("link", "reason"),
    [
        # urlsplit raises ValueError on these hosts; they are refused like any other host.
        ("i3sync://[::1/one?profile=Acme&user=1", "must be i3sync://sync/one"),
        ("i3sync://sync\uff03evil/one?profile=Acme&user=1", "must be i3sync://sync/one"),
        ("i3sync://[::1]/total?profile=Acme", "user name, password or port"),
        # parse_qsl's max_num_fields: a flood of parameters is refused before any is read.
        ("i3sync://sync/total?" + "&".join(["profile=Acme"] * 9), "too many parameters"),
        ("i3sync://sync/total?" + "&" * 40, "too many parameters"),
    ],
)
def test_links_urlsplit_or_parse_qsl_refuse(link: str, reason: str) -> None:
    with pytest.raises(InputError) as caught:
        parse_link(link)
    assert caught.value.field == "link"
    assert reason in caught.value.problem


def test_refusals_never_repeat_a_value() -> None:
    for link, value in [
        ("i3sync://sync/total?profile=Acme&password=hunter2-secret", "hunter2-secret"),
        ("i3sync://sync/one?profile=Acme&user=E042&location=abcsecret", "abcsecret"),
        ("i3sync://sync/total?profile=Acme&company=Dm0%5E%3B%2B%23", "Dm0"),
        ("i3sync://sync/total?profile=Acme%00topsecret", "topsecret"),
    ]:
        with pytest.raises(InputError) as caught:
            parse_link(link)
        assert value not in str(caught.value)


def test_unknown_key_is_named_when_plain() -> None:
    with pytest.raises(InputError, match="'password'"):
        parse_link("i3sync://sync/total?profile=Acme&password=x")


def test_double_encoded_value_is_decoded_once() -> None:
    once = quote("Acme & Co", safe="")
    twice = quote(once, safe="")
    assert parse_link(f"i3sync://sync/total?profile={twice}").profile == once
    assert parse_link(f"i3sync://sync/total?profile={once}").profile == "Acme & Co"


def test_limits_are_what_the_window_is_told() -> None:
    assert (MAX_PROFILE_LENGTH, MAX_USER_LENGTH, MAX_LINK_LENGTH) == (100, 64, 2048)


# -- properties ------------------------------------------------------------------------------------


@settings(max_examples=400)
@given(st.text(max_size=300))
def test_arbitrary_text_only_ever_raises_input_error(text: str) -> None:
    with contextlib.suppress(InputError):
        parse_link(text)


@settings(max_examples=400)
@given(
    st.sampled_from(["i3sync://sync/one?", "i3sync://sync/total?", '"i3sync://SYNC/one/?']),
    st.lists(
        st.tuples(
            st.sampled_from(["profile", "user", "location", "password", ""]),
            st.text(max_size=80),
        ),
        max_size=4,
    ),
    st.sampled_from(["", "/", '"', "#", "&"]),
)
def test_near_valid_links_only_ever_raise_input_error(
    prefix: str, pairs: list[tuple[str, str]], suffix: str
) -> None:
    link = prefix + "&".join(f"{key}={value}" for key, value in pairs) + suffix
    try:
        result = parse_link(link)
    except InputError:
        return
    assert len(result.profile) <= MAX_PROFILE_LENGTH
    assert len(result.user_id) <= MAX_USER_LENGTH
    assert not any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in result.profile + result.user_id)


_NAME_CHARS = st.characters(
    blacklist_categories=("Cc", "Cs", "Zl", "Zp", "Cf"), blacklist_characters="\x85"
)


@settings(max_examples=300)
@given(
    profile=st.text(_NAME_CHARS, min_size=1, max_size=MAX_PROFILE_LENGTH).filter(str.strip),
    user=st.text(_NAME_CHARS, min_size=1, max_size=MAX_USER_LENGTH).filter(str.strip),
    location=st.none() | st.integers(min_value=1, max_value=2**31 - 1),
    plus=st.booleans(),
)
def test_any_encoded_values_round_trip(
    profile: str, user: str, location: int | None, plus: bool
) -> None:
    def encode(value: str) -> str:
        return quote_plus(value, safe="") if plus else quote(value, safe="")

    link = f"i3sync://sync/one?profile={encode(profile)}&user={encode(user)}"
    if location is not None:
        link += f"&location={location}"
    if len(link) > MAX_LINK_LENGTH:
        return
    assert parse_link(link) == SyncLink(ONE, profile, user, location)


# -- run_link and the command line -----------------------------------------------------------------


def test_run_link_refuses_with_exit_code_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_link("i3sync://sync/total?profile=Acme&password=hunter2") == 2
    captured = capsys.readouterr()
    assert captured.err.startswith("i3sync: invalid link: unknown parameter 'password'")
    assert "hunter2" not in captured.err
    assert captured.out == ""


def test_cli_main_hands_links_to_run_link(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["i3sync://sync/one?profile=Acme"]) == 2
    assert "i3sync: invalid link: names no user" in capsys.readouterr().err


def test_run_link_opens_the_sync_page_for_a_valid_link(monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[SyncLink] = []

    def open_sync_page(link: SyncLink) -> int:
        opened.append(link)
        return 5

    launch = types.ModuleType("desktop.gui.launch")
    launch.open_sync_page = open_sync_page  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "desktop.gui.launch", launch)
    assert run_link("i3sync://sync/one?profile=Acme%20Ltd&user=E042&location=3") == 5
    assert opened == [SyncLink(ONE, "Acme Ltd", "E042", 3)]
