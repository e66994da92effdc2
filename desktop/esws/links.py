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
import unicodedata
from dataclasses import dataclass
from urllib.parse import unquote_to_bytes

from desktop.core.errors import InputError
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
_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
_PRINTABLE_KEY = re.compile(r"[A-Za-z0-9_.-]{1,32}")
# Bidirectional overrides and marks: they can make a name display as another one.
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


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
    return any(unicodedata.category(ch) in ("Cc", "Cs", "Zl", "Zp") or ch in _BIDI for ch in text)


def _unwrap(link: str) -> str:
    """The link as Windows may pass it: surrounding spaces and quotes removed."""
    text = link.strip(" ")
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        text = text[1:-1].strip(" ")
    return text


def _decode(key: str, raw: str) -> str:
    if _PERCENT.search(raw):
        raise _refuse(f"the {key} has a malformed %-escape")
    try:
        value = unquote_to_bytes(raw.replace("+", " ")).decode("utf-8")
    except UnicodeDecodeError:
        raise _refuse(f"the {key} is not valid UTF-8 once decoded") from None
    if _unsafe_character(value):
        raise _refuse(f"the {key} contains control or invisible formatting characters")
    return value


def _query(text: str) -> dict[str, str]:
    values: dict[str, str] = {}
    if not text:
        return values
    for piece in text.split("&"):
        key, sep, raw = piece.partition("=")
        if not sep:
            raise _refuse("every parameter must be written key=value")
        if key not in _KEYS:
            shown = f" {key!r}" if _PRINTABLE_KEY.fullmatch(key) else ""
            raise _refuse(
                f"unknown parameter{shown}; only profile, user and location are allowed "
                "(a link never carries a password or security code)"
            )
        if key in values:
            raise _refuse(f"the {key} is given more than once")
        values[key] = _decode(key, raw)
    return values


def parse_link(link: str) -> SyncLink:
    """The request an ``i3sync://`` link makes; ``InputError(field="link")`` for anything else."""
    if not isinstance(link, str):
        raise _refuse("is not text")
    if len(link) > MAX_LINK_LENGTH + 8:  # quotes and spaces Windows may add
        raise _refuse(f"is longer than {MAX_LINK_LENGTH} characters")
    text = _unwrap(link)
    if len(text) > MAX_LINK_LENGTH:
        raise _refuse(f"is longer than {MAX_LINK_LENGTH} characters")
    if _raw_control(text):
        raise _refuse("contains control characters or line breaks")
    scheme, colon, rest = text.partition(":")
    if not colon or scheme.lower() != SCHEME:
        raise _refuse(f"must start with {SCHEME}://")
    if not rest.startswith("//"):
        raise _refuse(f"must start with {SCHEME}://")
    if "#" in rest:
        raise _refuse("must not contain a fragment (#)")
    rest = rest[2:]
    authority_end = min((i for i in (rest.find("/"), rest.find("?")) if i >= 0), default=len(rest))
    authority, after = rest[:authority_end], rest[authority_end:]
    if "@" in authority or ":" in authority:
        raise _refuse("must not contain a user name, password or port")
    if authority.lower() != HOST:
        raise _refuse(f"must be {SCHEME}://{HOST}/one or {SCHEME}://{HOST}/total")
    path, question, query = after.partition("?")
    if question and query.endswith("/"):
        # Windows may append a slash to the whole link; a value ending in "/" must be %2F.
        query = query[:-1]
    if path.endswith("/") and len(path) > 1:
        path = path[:-1]
    kind = _PATHS.get(path)
    if kind is None:
        raise _refuse(f"must be {SCHEME}://{HOST}/one or {SCHEME}://{HOST}/total")
    values = _query(query)
    profile = values.get("profile", "")
    if not profile.strip():
        raise _refuse("names no profile (profile=...)")
    if len(profile) > MAX_PROFILE_LENGTH:
        raise _refuse(f"the profile name is longer than {MAX_PROFILE_LENGTH} characters")
    if kind is SyncKind.ALL_USERS:
        if "user" in values or "location" in values:
            raise _refuse("a sync of all users takes no user or location")
        return SyncLink(kind=kind, profile=profile)
    user = values.get("user", "")
    if not user.strip():
        raise _refuse("names no user (user=...)")
    if len(user) > MAX_USER_LENGTH:
        raise _refuse(f"the user id is longer than {MAX_USER_LENGTH} characters")
    location_text = values.get("location", "")
    if len(location_text) > MAX_LOCATION_LENGTH:
        raise _refuse("the location is too large")
    if location_text != location_text.strip():
        raise _refuse("the location must be a whole number without spaces")
    try:
        location = parse_location(location_text)
    except InputError as error:
        raise _refuse(f"the location {error.problem}") from None
    return SyncLink(kind=kind, profile=profile, user_id=user, location_id=location)
