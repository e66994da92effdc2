"""``i3sync://`` links: what HR software or a web page may ask the app to open.

The installer registers the scheme, so anything on the computer can launch the app with any text.
The parser is strict: it accepts exactly

    i3sync://sync/one?profile=<name>&user=<id>[&location=<number>]
    i3sync://sync/total?profile=<name>

and refuses everything else with a message that never repeats a value from the link. A link
never carries a secret: keys such as ``password`` are unknown keys and refused. Values are
percent-decoded once (``+`` is a space, as browsers encode query strings; ``%2B`` is a plus).
Whether the profile exists is for the window to say; this module checks syntax only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import SplitResult, parse_qsl, unquote_to_bytes, urlsplit

from desktop.core.errors import InputError
from desktop.core.text import text_problem
from desktop.esws.request import SyncKind, parse_location

SCHEME = "i3sync"
HOST = "sync"
FIELD_LINK = "link"
MAX_LINK_LENGTH = 2048
MAX_PROFILE_LENGTH = 100
MAX_USER_LENGTH = 64
MAX_LOCATION_LENGTH = 10  # 2**31 - 1 has ten digits

_PATHS = {"/one": SyncKind.ONE_USER, "/total": SyncKind.ALL_USERS}
_KEYS = ("profile", "user", "location")
# Enough for every key twice (a repeated key gets its own message); far fewer than a long link has.
_MAX_FIELDS = 2 * len(_KEYS) + 2
_SHAPES = f"must be {SCHEME}://{HOST}/one or {SCHEME}://{HOST}/total"
_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
_PRINTABLE_KEY = re.compile(r"[A-Za-z0-9_.-]{1,32}")


# Bidirectional overrides and marks: they can make a name display as another one.
@dataclass(frozen=True)
class SyncLink:
    """A well-formed request to open a sync page for a saved profile."""

    kind: SyncKind
    profile: str
    user_id: str = ""
    location_id: int | None = None


def _refuse(problem: str) -> InputError:
    return InputError(FIELD_LINK, problem)


def _raw_control(text: str) -> bool:
    return any(ord(ch) < 0x20 or ord(ch) == 0x7F for ch in text)


def _unsafe_character(text: str) -> bool:
    """Control characters (C0, DEL, C1), line separators, lone surrogates and bidi controls."""
    return text_problem(text) is not None


def _unwrap(link: str) -> str:
    """The link as Windows may pass it: surrounding spaces and quotes removed."""
    text = link.strip(" ")
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        text = text[1:-1].strip(" ")
    return text


def _decode(key: str, raw: str) -> str:
    """A value decoded once: ``+`` is a space; a bad %-escape or bad UTF-8 is refused."""
    if _PERCENT.search(raw):
        raise _refuse(f"the {key} has a malformed %-escape")
    try:
        value = unquote_to_bytes(raw.replace("+", " ")).decode("utf-8")
    except UnicodeError:  # bad UTF-8 once decoded, or a lone surrogate (a non-UTF-8 argv byte)
        raise _refuse(f"the {key} is not valid UTF-8 once decoded") from None
    if _unsafe_character(value):
        raise _refuse(f"the {key} contains control or invisible formatting characters")
    return value


def _check_key(key: str, values: dict[str, str]) -> None:
    if key not in _KEYS:
        shown = f" {key!r}" if _PRINTABLE_KEY.fullmatch(key) else ""
        raise _refuse(
            f"unknown parameter{shown}; only profile, user and location are allowed "
            "(a link never carries a password or security code)"
        )
    if key in values:
        raise _refuse(f"the {key} is given more than once")


def _query(text: str) -> dict[str, str]:
    """The parameters of the query, each key as written (never %-decoded) and at most once."""
    try:
        # "%" escaped as "%25" so that parse_qsl only splits and checks key=value&...: keys are
        # then compared as written (pro%66ile is not profile) and values decoded by _decode.
        pairs = parse_qsl(
            text.replace("%", "%25"),
            keep_blank_values=True,
            strict_parsing=True,
            max_num_fields=_MAX_FIELDS,
        )
    except ValueError:
        if text.count("&") >= _MAX_FIELDS:
            raise _refuse("has too many parameters") from None
        raise _refuse("every parameter must be written key=value") from None
    values: dict[str, str] = {}
    for key, raw in pairs:
        _check_key(key, values)
        values[key] = _decode(key, raw)
    return values


def _text(link: str) -> str:
    """The link without the quotes and spaces Windows may add; length and raw controls checked."""
    if not isinstance(link, str):
        raise _refuse("is not text")
    text = _unwrap(link)
    if len(text) > MAX_LINK_LENGTH:
        raise _refuse(f"is longer than {MAX_LINK_LENGTH} characters")
    if _raw_control(text):
        # Before urlsplit, which silently drops tabs and line breaks.
        raise _refuse("contains control characters or line breaks")
    return text


def _split(text: str) -> SplitResult:
    """The link's parts once scheme, fragment, user, port and host are what ours must be."""
    try:
        parts = urlsplit(text)
    except ValueError:  # a malformed [IPv6] or NFKC-unsafe host
        raise _refuse(_SHAPES) from None
    if parts.scheme != SCHEME or not text[len(SCHEME) + 1 :].startswith("//"):
        raise _refuse(f"must start with {SCHEME}://")
    if "#" in text:
        raise _refuse("must not contain a fragment (#)")
    _check_host(parts.netloc)
    return parts


def _check_host(netloc: str) -> None:
    if "@" in netloc or ":" in netloc:
        raise _refuse("must not contain a user name, password or port")
    if netloc.lower() != HOST:
        raise _refuse(_SHAPES)


def _kind_and_query(parts: SplitResult) -> tuple[SyncKind, str]:
    # Windows may append a slash to the whole link; a value ending in "/" must be %2F.
    query = parts.query.removesuffix("/")
    path = parts.path if len(parts.path) <= 1 else parts.path.removesuffix("/")
    kind = _PATHS.get(path)
    if kind is None:
        raise _refuse(_SHAPES)
    return kind, query


def _required(values: dict[str, str], key: str, shown: str, limit: int) -> str:
    value = values.get(key, "")
    if not value.strip():
        raise _refuse(f"names no {key} ({key}=...)")
    if len(value) > limit:
        raise _refuse(f"the {shown} is longer than {limit} characters")
    return value


def _location(text: str) -> int | None:
    if len(text) > MAX_LOCATION_LENGTH:
        raise _refuse("the location is too large")
    if text != text.strip():
        raise _refuse("the location must be a whole number without spaces")
    try:
        return parse_location(text)
    except InputError as error:
        raise _refuse(f"the location {error.problem}") from None


def parse_link(link: str) -> SyncLink:
    """The request an ``i3sync://`` link makes; ``InputError(field="link")`` for anything else.

    ``urlsplit`` and ``parse_qsl`` take the link apart; what is checked here is only what makes a
    link ours: the scheme, host and path, the allowed keys once each, the characters and lengths of
    the values, and a whole-number location.
    """
    kind, query = _kind_and_query(_split(_text(link)))
    values = _query(query)
    profile = _required(values, "profile", "profile name", MAX_PROFILE_LENGTH)
    if kind is SyncKind.ALL_USERS:
        if values.keys() - {"profile"}:
            raise _refuse("a sync of all users takes no user or location")
        return SyncLink(kind=kind, profile=profile)
    user = _required(values, "user", "user id", MAX_USER_LENGTH)
    location = _location(values.get("location", ""))
    return SyncLink(kind=kind, profile=profile, user_id=user, location_id=location)
