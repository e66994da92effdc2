"""One saved connection profile: its fields, their checks, its id, and its JSON entry.

The store that keeps profiles in a file is :mod:`desktop.esws.profiles`. Each profile has a stable
``id``; the vault keys its secrets by :attr:`Profile.vault_key` (built from the id), never by the
display name, so a rename moves nothing and a new profile that reuses a deleted one's name never
sees its secrets. A profile read from a file written before ids existed gets an id derived from
its name and remembers, in ``legacy_vault_key``, the name its secrets were kept under, until
:class:`desktop.gui.esws.profile_book.ProfileBook` has moved them to the id's key.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from desktop.core.errors import InputError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.text import (
    LINE_SEPARATORS,
    PROBLEM_CONTROL,
    is_control,
    is_surrogate,
    text_problem,
)
from desktop.core.urls import normalise_base_url, origin_of
from desktop.esws.i3_urls import (
    DEFAULT_ENDPOINT,
    DEFAULT_I3_BASE_URL,
    FIELD_ENDPOINT,
    FIELD_I3_URL,
    TOTAL_SYNC_PATHS,
    normalise_endpoint,
    normalise_i3_url,
)
from desktop.esws.profiles_io import Corrupt, Notice, invalid_field, name_key
from desktop.esws.request import FIELD_ADMIN, PROBLEM_REQUIRED

MAX_NAME_LENGTH = 100
MAX_FIELD_LENGTH = 2048
MAX_ALLOWED_ORIGINS = 20

# The two spellings of I3's total-sync page (kept with the sync paths); the plural is ESWS's.
TOTAL_SYNC_USERS_LOGIN, TOTAL_SYNC_USER_LOGIN = TOTAL_SYNC_PATHS

# The vault entry of a profile is "<VAULT_KEY_PREFIX><id>/<kind>".
VAULT_KEY_PREFIX = "esws-profile:"

# InputError.field values, in the user's words (the window translates them: context "Fields").
FIELD_NAME = QT_TRANSLATE_NOOP("Fields", "name")
FIELD_ESWS_ENDPOINT = FIELD_ENDPOINT  # "ESWS endpoint"
FIELD_I3_ADDRESS = FIELD_I3_URL  # "I3 address"
FIELD_WSDL = QT_TRANSLATE_NOOP("Fields", "WSDL")
FIELD_ALLOWED_ORIGINS = QT_TRANSLATE_NOOP("Fields", "other I3 addresses")
FIELD_TOTAL_SYNC_PATH = QT_TRANSLATE_NOOP("Fields", "total sync page")

# What is wrong with a field, said after its name (InputError.template; context "Input").
# Said as "The name is already taken: ..." by the dialog.
DUPLICATE_NAME = QT_TRANSLATE_NOOP(
    "Input", "is already taken: a profile with this name already exists"
)
# A user profile may not take a managed profile's name; a managed one cannot be changed here.
MANAGED_NAME = QT_TRANSLATE_NOOP(
    "Input", "is the name of a profile your IT department manages: choose another"
)
MANAGED_PROFILE = QT_TRANSLATE_NOOP(
    "Input", "is managed by your IT department: it cannot be changed or removed here"
)
# The same two, for one of several profiles added at once, named by its {name}.
NAMED_DUPLICATE_NAME = QT_TRANSLATE_NOOP(
    "Input", "“{name}” is already taken: a profile with this name already exists"
)
NAMED_MANAGED_NAME = QT_TRANSLATE_NOOP(
    "Input", "“{name}” is the name of a profile your IT department manages: choose another"
)
PROBLEM_ORIGIN_EXAMPLE = QT_TRANSLATE_NOOP(
    "Input", "must be addresses such as https://i3.example.com"
)
PROBLEM_ORIGIN_INVALID = QT_TRANSLATE_NOOP("Input", "holds an address that is not valid")
PROBLEM_ORIGIN_PATH = QT_TRANSLATE_NOOP("Input", "must be addresses without a path")
PROBLEM_ORIGINS_TOO_MANY = QT_TRANSLATE_NOOP("Input", "may list at most {count}")
PROBLEM_ORIGINS_FORM = QT_TRANSLATE_NOOP("Input", "must be written as https://host[:port]")
PROBLEM_WSDL = QT_TRANSLATE_NOOP("Input", "must be a file path or an address, or left unset")
PROBLEM_ONE_OF = QT_TRANSLATE_NOOP("Input", "must be one of {first} or {second}")
PROBLEM_PROFILE_ID = QT_TRANSLATE_NOOP("Input", "has an invalid profile id")
PROBLEM_SPACE_AT_ENDS = QT_TRANSLATE_NOOP("Input", "must not start or end with a space")
PROBLEM_NAME_TOO_LONG = QT_TRANSLATE_NOOP("Input", "must be at most {count} characters")
PROBLEM_NAME_CONTROL = QT_TRANSLATE_NOOP(
    "Input", "must not contain control characters, line breaks or direction marks"
)
PROBLEM_ADDRESS = QT_TRANSLATE_NOOP("Input", "is not a valid address")
_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")


# Bidirectional overrides and marks: they can make a name display as another one.
def _has_control(text: str) -> bool:
    return any(is_control(ch) or is_surrogate(ch) or ch in LINE_SEPARATORS for ch in text)


def new_profile_id() -> str:
    """A fresh, never reused profile id: a random (version 4) UUID's 32 hex digits.

    Made as :func:`uuid.uuid4` makes it, without importing ``uuid`` (~4 ms, it loads
    ``platform``): demo mode mints its profile's id before the window's first paint.
    """
    raw = bytearray(os.urandom(16))
    raw[6] = (raw[6] & 0x0F) | 0x40  # version 4
    raw[8] = (raw[8] & 0x3F) | 0x80  # the RFC 4122 variant
    return raw.hex()


def legacy_profile_id(name: str) -> str:
    """The id of a profile read from a file written before ids existed (stable across reads)."""
    digest = hashlib.sha256(name_key(name).encode("utf-8", "surrogatepass")).hexdigest()
    return "legacy-" + digest[:32]


def normalise_origin(text: str) -> str:
    """``scheme://host[:port]`` of an http(s) origin, port shown only when not the default."""
    if len(text) > MAX_FIELD_LENGTH or _has_control(text):
        raise InputError(FIELD_ALLOWED_ORIGINS, template=PROBLEM_ORIGIN_EXAMPLE)
    try:
        base = normalise_base_url(text, FIELD_ALLOWED_ORIGINS, "https://i3.example.com")
        scheme, host, port = origin_of(base)
        has_path = bool(urlsplit(base).path)
    except ValueError:
        raise InputError(FIELD_ALLOWED_ORIGINS, template=PROBLEM_ORIGIN_INVALID) from None
    if has_path:
        raise InputError(FIELD_ALLOWED_ORIGINS, template=PROBLEM_ORIGIN_PATH)
    shown = f"[{host}]" if ":" in host else host
    default = 443 if scheme == "https" else 80
    return f"{scheme}://{shown}" + ("" if port == default else f":{port}")


def parse_allowed_origins(text: str) -> tuple[str, ...]:
    """The origins typed in a box (separated by spaces, commas or lines), checked, in order."""
    found: list[str] = []
    for piece in re.split(r"[\s,]+", text.strip()):
        if piece and (origin := normalise_origin(piece)) not in found:
            found.append(origin)
    if len(found) > MAX_ALLOWED_ORIGINS:
        raise InputError(
            FIELD_ALLOWED_ORIGINS,
            template=PROBLEM_ORIGINS_TOO_MANY,
            values={"count": MAX_ALLOWED_ORIGINS},
        )
    return tuple(found)


@dataclass
class Profile:
    """Where and as whom to connect. Secrets are not part of a profile; the vault holds them.

    Two profiles compare equal when their settings are equal; ``id``, ``legacy_vault_key`` and
    ``managed`` say which saved profile this is and are left out of the comparison.
    """

    name: str
    esws_endpoint: str = DEFAULT_ENDPOINT
    i3_base_url: str = DEFAULT_I3_BASE_URL
    admin_username: str = ""
    cloud: bool = False  # True: EasyConnect cloud; False: on-premise API Agent/Server
    remember_password: bool = False
    wsdl: str | None = None  # None: the bundled WSDL
    # Further http(s) origins I3's sync page may redirect to (i3_base_url's is always allowed).
    allowed_origins: tuple[str, ...] = ()
    # The path segment of I3's total-sync page: /users/<total_sync_path>/<token>.
    total_sync_path: str = TOTAL_SYNC_USERS_LOGIN
    id: str = field(default_factory=new_profile_id, compare=False)
    # The name under which a version without ids kept this profile's secrets, until moved.
    legacy_vault_key: str | None = field(default=None, compare=False)
    # Set by the IT department (policy registry key or machine-wide file): read-only here.
    managed: bool = field(default=False, compare=False)

    @property
    def vault_key(self) -> str:
        """The key of this profile's secrets in the vault (stable across renames)."""
        return VAULT_KEY_PREFIX + self.id

    def validate(self) -> None:
        """Raise ``InputError`` naming the first field that cannot be saved."""
        _check_name(self.name)
        _check_address(self.esws_endpoint, FIELD_ESWS_ENDPOINT, normalise_endpoint)
        _check_address(self.i3_base_url, FIELD_I3_ADDRESS, normalise_i3_url)
        if len(self.admin_username) > MAX_FIELD_LENGTH or _has_control(self.admin_username):
            raise InputError(FIELD_ADMIN, template=PROBLEM_CONTROL)
        if self.wsdl is not None and (
            not self.wsdl.strip() or len(self.wsdl) > MAX_FIELD_LENGTH or _has_control(self.wsdl)
        ):
            raise InputError(FIELD_WSDL, template=PROBLEM_WSDL)
        if parse_allowed_origins(" ".join(self.allowed_origins)) != tuple(self.allowed_origins):
            raise InputError(FIELD_ALLOWED_ORIGINS, template=PROBLEM_ORIGINS_FORM)
        if self.total_sync_path not in TOTAL_SYNC_PATHS:
            raise InputError(
                FIELD_TOTAL_SYNC_PATH,
                template=PROBLEM_ONE_OF,
                values={"first": TOTAL_SYNC_USERS_LOGIN, "second": TOTAL_SYNC_USER_LOGIN},
            )
        if not _ID.fullmatch(self.id):
            raise InputError(FIELD_NAME, template=PROBLEM_PROFILE_ID)


def _check_name(name: str) -> None:
    if not name.strip():
        raise InputError(FIELD_NAME, template=PROBLEM_REQUIRED)
    if name != name.strip():
        raise InputError(FIELD_NAME, template=PROBLEM_SPACE_AT_ENDS)
    if len(name) > MAX_NAME_LENGTH:
        raise InputError(
            FIELD_NAME, template=PROBLEM_NAME_TOO_LONG, values={"count": MAX_NAME_LENGTH}
        )
    if text_problem(name) is not None:
        raise InputError(FIELD_NAME, template=PROBLEM_NAME_CONTROL)


def _check_address(text: str, field_name: str, normalise: Callable[[str, str], str]) -> None:
    if len(text) > MAX_FIELD_LENGTH or _has_control(text):
        raise InputError(field_name, template=PROBLEM_ADDRESS)
    try:
        normalise(text, field_name)
    except ValueError:  # urlsplit on "http://[::1" and the like
        raise InputError(field_name, template=PROBLEM_ADDRESS) from None


# -- one profile entry <-> JSON --------------------------------------------------------------

TEXT_KEYS = ("name", "esws_endpoint", "i3_base_url", "admin_username", "total_sync_path")
BOOL_KEYS = ("cloud", "remember_password")
_NULLABLE_TEXT_KEYS = ("wsdl", "legacy_vault_key")
PROFILE_KEYS = frozenset((*TEXT_KEYS, *BOOL_KEYS, *_NULLABLE_TEXT_KEYS, "id", "allowed_origins"))
# key -> (the JSON type it must have, what the entry's reason says when it has another)
NOT_TEXT = QT_TRANSLATE_NOOP("ProfileFile", "its {value} is not text")
_NOT_BOOL = QT_TRANSLATE_NOOP("ProfileFile", "its {value} is not true or false")
_TYPES: dict[str, tuple[type, str]] = {
    **{key: (str, NOT_TEXT) for key in TEXT_KEYS},
    **{key: (bool, _NOT_BOOL) for key in BOOL_KEYS},
    **{key: (str, NOT_TEXT) for key in _NULLABLE_TEXT_KEYS},
}


def _typed_values(entry: dict[str, Any]) -> dict[str, Any]:
    """The entry's known plain fields, each of the right JSON type (null: unset)."""
    values: dict[str, Any] = {}
    for key, (kind, reason) in _TYPES.items():
        value = entry.get(key)
        if value is None:
            continue
        if not isinstance(value, kind):
            raise Corrupt(Notice(reason, {"value": key}))
        values[key] = value
    if "name" not in values:
        raise Corrupt(Notice(QT_TRANSLATE_NOOP("ProfileFile", "it has no name")))
    return values


def _identity(entry: dict[str, Any], name: str) -> dict[str, Any]:
    if "id" not in entry:  # written before ids existed: its secrets are in the vault under its name
        return {"id": legacy_profile_id(name), "legacy_vault_key": name}
    if not isinstance(entry["id"], str) or not _ID.fullmatch(entry["id"]):
        raise Corrupt(Notice(QT_TRANSLATE_NOOP("ProfileFile", "its id is not valid")))
    return {"id": entry["id"]}


def profile_from_json(entry: dict[str, Any]) -> Profile:
    """A profile from its JSON entry; ``Corrupt`` (a reason, no value) when it is not usable."""
    values = _typed_values(entry)
    values.update(_identity(entry, values["name"]))
    origins = entry.get("allowed_origins", [])
    if not isinstance(origins, list) or not all(isinstance(o, str) for o in origins):
        raise Corrupt(
            Notice(
                QT_TRANSLATE_NOOP("ProfileFile", "its {value} is not a list of addresses"),
                {"value": "allowed_origins"},
            )
        )
    try:
        values["allowed_origins"] = parse_allowed_origins(" ".join(origins))
        profile = Profile(**values)
        profile.validate()
    except InputError as error:
        raise invalid_field(error) from None
    return profile


def profile_to_json(profile: Profile) -> dict[str, Any]:
    data: dict[str, Any] = {
        "name": profile.name,
        "esws_endpoint": profile.esws_endpoint,
        "i3_base_url": profile.i3_base_url,
        "admin_username": profile.admin_username,
        "cloud": profile.cloud,
        "remember_password": profile.remember_password,
        "wsdl": profile.wsdl,
        "id": profile.id,
        "allowed_origins": list(profile.allowed_origins),
        "total_sync_path": profile.total_sync_path,
    }
    if profile.legacy_vault_key is not None:
        data["legacy_vault_key"] = profile.legacy_vault_key
    return data
