"""Profiles the IT department manages: read-only, shown before the user's own.

Two sources, both read on every load (cheap, and a Group Policy refresh shows without a restart):

* on Windows, the policy key ``HKLM\\Software\\Policies\\I3Sync\\Profiles\\<name>`` (string values
  ``Endpoint``, ``I3Url``, ``Admin``; DWORD ``Cloud``), which the installers (``PROFILE_NAME=...``)
  write, or Group Policy (packaging/policy/i3sync.admx: its slots ``Profile1``... carry the
  profile's name in an optional string value ``Name``, which wins over the key's name);
* everywhere, a machine-wide ``profiles.json`` in the site config folder (platformdirs;
  ``I3SYNC_MACHINE_CONFIG_DIR`` overrides), in the same format as the user's.

A value that cannot be used leaves that one profile out, with a notice naming it; the registry wins
over the file for the same name. A managed profile's id is derived from its source and name, so
the secrets the user keeps for it in the vault (their own, as for any profile) stay filed under the
same key across restarts and reinstalls.
"""

from __future__ import annotations

import hashlib
import logging
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from desktop.core.errors import InputError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.paths import site_config_dir
from desktop.esws.i3_urls import DEFAULT_I3_BASE_URL
from desktop.esws.profile_model import (
    FIELD_ALLOWED_ORIGINS,
    FIELD_ESWS_ENDPOINT,
    FIELD_I3_ADDRESS,
    FIELD_NAME,
    FIELD_TOTAL_SYNC_PATH,
    FIELD_WSDL,
    MANAGED_PROFILE,
    NOT_TEXT,
    PROFILE_KEYS,
    Profile,
    profile_from_json,
)
from desktop.esws.profiles_io import (
    Corrupt,
    Notice,
    invalid_field,
    invalid_value,
    name_key,
    parse_document,
    read_bytes,
    shown_name,
)
from desktop.esws.request import FIELD_ADMIN

log = logging.getLogger(__name__)

# The policy key and its values: packaging/policy/i3sync.admx, i3sync.wxs and installer.iss write
# exactly these (a test checks that they agree).
POLICY_KEY = r"Software\Policies\I3Sync\Profiles"
VALUE_ENDPOINT = "Endpoint"
VALUE_I3_URL = "I3Url"
VALUE_ADMIN = "Admin"
VALUE_CLOUD = "Cloud"
VALUE_NAME = "Name"  # optional: the profile's name when it is not the key's (ADMX slots)

MACHINE_FILE_NAME = "profiles.json"
SOURCE_POLICY = "policy"
SOURCE_MACHINE_FILE = "machine-file"
# Far more than any deployment needs; a policy key with more is not ours to trust whole.
MAX_POLICY_PROFILES = 200

# A policy key: its sub-key names -> {value name: value (str for REG_SZ, int for REG_DWORD)}.
PolicyKeys = Mapping[str, Mapping[str, object]]


@dataclass
class ManagedProfiles:
    """The managed profiles (marked ``managed``) and sentences about the ones left out (each a
    :class:`desktop.esws.profiles_io.Notice` when worded here)."""

    profiles: list[Profile] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)


def managed_profile_id(source: str, name: str) -> str:
    """The stable id of a managed profile: its vault key never changes while its name does not."""
    text = source + "\0" + name_key(name)
    return "managed-" + hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def read_policy_registry(
    hive: int | None = None, key: str = POLICY_KEY
) -> dict[str, dict[str, object]]:
    """The policy key's profiles as found in the registry; empty off Windows or without the key.

    ``hive`` (default ``HKEY_LOCAL_MACHINE``) and ``key`` are for tests, which cannot write HKLM.
    """
    if sys.platform != "win32":
        return {}
    import winreg

    found: dict[str, dict[str, object]] = {}
    try:
        root = winreg.OpenKey(
            winreg.HKEY_LOCAL_MACHINE if hive is None else hive, key, 0, winreg.KEY_READ
        )
    except OSError:  # no policy set: the usual case
        return found
    with root:
        for index in range(MAX_POLICY_PROFILES):
            try:
                name = winreg.EnumKey(root, index)
            except OSError:  # no more sub-keys
                break
            values: dict[str, object] = {}
            try:
                with winreg.OpenKey(root, name) as key:
                    for position in range(64):
                        try:
                            value_name, data, _kind = winreg.EnumValue(key, position)
                        except OSError:
                            break
                        values[value_name] = data
            except OSError as error:
                log.warning("policy profile not readable (%s)", type(error).__name__)
                values = {"": None}  # reported below as unusable, never silently dropped
            found[name] = values
    return found


def _text(values: Mapping[str, object], name: str) -> str | None:
    value = values.get(name.casefold())
    if value is None:
        return None
    if not isinstance(value, str):
        raise Corrupt(Notice(NOT_TEXT, {"value": name}))
    return value.strip() or None


def _cloud(values: Mapping[str, object]) -> bool:
    value = values.get(VALUE_CLOUD.casefold())
    if value is None:
        return False
    # A DWORD from Group Policy; "0"/"1" as text from a hand-made .reg file is fine too.
    if isinstance(value, int) and not isinstance(value, bool) and value in (0, 1):
        return bool(value)
    if isinstance(value, str) and value.strip() in ("0", "1"):
        return value.strip() == "1"
    raise Corrupt(
        Notice(
            QT_TRANSLATE_NOOP("ProfileFile", "its {value} is not 0 or 1"), {"value": VALUE_CLOUD}
        )
    )


def _policy_values(raw_values: Mapping[str, object]) -> dict[str, object]:
    # Registry value names are case-insensitive.
    return {str(key).casefold(): value for key, value in raw_values.items()}


def _policy_name(key_name: str, raw_values: Mapping[str, object]) -> str:
    """The profile's name: the ``Name`` value when it is set, else the key's name."""
    try:
        return _text(_policy_values(raw_values), VALUE_NAME) or key_name
    except Corrupt:
        return key_name  # reported by _policy_profile


def _policy_profile(name: str, raw_values: Mapping[str, object]) -> Profile:
    values = _policy_values(raw_values)
    _text(values, VALUE_NAME)  # a Name that is not text makes the profile unusable
    endpoint = _text(values, VALUE_ENDPOINT)
    if endpoint is None:
        raise Corrupt(
            Notice(QT_TRANSLATE_NOOP("ProfileFile", "it has no {value}"), {"value": VALUE_ENDPOINT})
        )
    profile = Profile(
        name=name,
        esws_endpoint=endpoint,
        i3_base_url=_text(values, VALUE_I3_URL) or DEFAULT_I3_BASE_URL,
        admin_username=_text(values, VALUE_ADMIN) or "",
        cloud=_cloud(values),
        id=managed_profile_id(SOURCE_POLICY, name),
        managed=True,
    )
    try:
        profile.validate()
    except InputError as error:
        # The registry's value name verbatim; a field's name and the problem in the window's words.
        if error.field == FIELD_ESWS_ENDPOINT:
            raise invalid_value(VALUE_ENDPOINT, error) from None
        raise invalid_field(error) from None
    return profile


def profiles_from_policy(keys: PolicyKeys) -> ManagedProfiles:
    """The profiles under the policy key; an unusable one is left out with a notice."""
    result = ManagedProfiles()
    named = sorted(
        ((_policy_name(k, v), v) for k, v in keys.items()), key=lambda kv: name_key(kv[0])
    )
    for index, (name, values) in enumerate(named):
        try:
            profile = _policy_profile(name, values)
            if any(name_key(p.name) == name_key(name) for p in result.profiles):
                raise Corrupt(
                    Notice(
                        QT_TRANSLATE_NOOP(
                            "ProfileFile", "another managed profile has the same name"
                        )
                    )
                )
        except Corrupt as error:
            result.notices.append(
                Notice(
                    QT_TRANSLATE_NOOP(
                        "ProfileFile",
                        "The profile {name} set by your IT department (registry policy) could not "
                        "be used ({reason}); it is left out.",
                    ),
                    {"name": shown_name({"name": name}, index), "reason": error.reason},
                )
            )
            continue
        result.profiles.append(profile)
    return result


_LEFT_OUT = QT_TRANSLATE_NOOP(
    "ProfileFile",
    "The profile {name} your IT department provides in {path} could not be used ({reason}); "
    "it is left out.",
)


def profiles_from_machine_file(path: Path, version: int) -> ManagedProfiles:
    """The profiles of the machine-wide file at ``path`` (none when there is no such file)."""
    try:
        raw = read_bytes(path)
        if raw is None:
            return ManagedProfiles()
        document = parse_document(
            raw, path, version, profile_from_json, PROFILE_KEYS, set_aside_text=_LEFT_OUT
        )
    except Corrupt as error:
        return ManagedProfiles(
            notices=[
                Notice(
                    QT_TRANSLATE_NOOP(
                        "ProfileFile",
                        "The profiles your IT department provides in {path} could not be read "
                        "({reason}); they are left out.",
                    ),
                    {"path": str(path), "reason": error.reason},
                )
            ]
        )
    profiles = [
        # Ids and preferences in that file are not the user's: the id follows from the name.
        replace(
            p,
            id=managed_profile_id(SOURCE_MACHINE_FILE, p.name),
            legacy_vault_key=None,
            remember_password=False,
            managed=True,
        )
        for p in document.profiles
    ]
    return ManagedProfiles(profiles, list(document.problems))


def load_managed(policy: PolicyKeys, machine_file: Path | None, version: int) -> ManagedProfiles:
    """Policy profiles, then the machine file's; the policy wins a name both have."""
    result = profiles_from_policy(policy)
    if machine_file is None:
        return result
    from_file = profiles_from_machine_file(machine_file, version)
    result.notices += from_file.notices
    for profile in from_file.profiles:
        if any(name_key(p.name) == name_key(profile.name) for p in result.profiles):
            result.notices.append(
                Notice(
                    QT_TRANSLATE_NOOP(
                        "ProfileFile",
                        "The profile “{name}” in {path} is left out: the registry policy sets a "
                        "profile with the same name.",
                    ),
                    {"name": profile.name, "path": str(machine_file)},
                )
            )
            continue
        result.profiles.append(profile)
    return result


def machine_managed_source(
    version: int, read_registry: Callable[[], PolicyKeys] = read_policy_registry
) -> Callable[[], ManagedProfiles]:
    """What :class:`desktop.esws.profiles.ProfileStore` reads by default: this computer's policy
    key and machine-wide file."""

    def read() -> ManagedProfiles:
        return load_managed(read_registry(), site_config_dir() / MACHINE_FILE_NAME, version)

    return read


# -- what the user may still choose for a managed profile ----------------------------------------

# The user file's top-level key holding, by managed profile id, the user's own choices.
PREFERENCES_KEY = "managed_preferences"


def preferences_of(extra: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """The user's choices for managed profiles, from the user file's extra top-level keys."""
    raw = extra.get(PREFERENCES_KEY)
    if not isinstance(raw, dict):
        return {}
    return {k: dict(v) for k, v in raw.items() if isinstance(k, str) and isinstance(v, dict)}


def with_preferences(profile: Profile, preferences: Mapping[str, Any]) -> Profile:
    """``profile`` with the user's "remember password", and their admin name when IT set none."""
    mine = preferences.get(profile.id, {})
    changes: dict[str, Any] = {}
    if isinstance(mine.get("remember_password"), bool):
        changes["remember_password"] = mine["remember_password"]
    admin = mine.get("admin_username")
    if not profile.admin_username and isinstance(admin, str) and admin.isprintable():
        changes["admin_username"] = admin[:2048]
    return replace(profile, **changes) if changes else profile


# Fields IT sets, in the words InputError uses (the window translates them: context "Fields").
_IT_FIELDS = {
    "name": FIELD_NAME,
    "esws_endpoint": FIELD_ESWS_ENDPOINT,
    "i3_base_url": FIELD_I3_ADDRESS,
    "cloud": QT_TRANSLATE_NOOP("Fields", "cloud"),
    "wsdl": FIELD_WSDL,
    "allowed_origins": FIELD_ALLOWED_ORIGINS,
    "total_sync_path": FIELD_TOTAL_SYNC_PATH,
}


def preference_change(original: Profile, wanted: Profile) -> dict[str, Any]:
    """The user's choices in ``wanted``, a changed copy of the managed ``original``.

    ``InputError`` naming the first field that IT sets and ``wanted`` changes.
    """
    for attribute, words in _IT_FIELDS.items():
        if getattr(original, attribute) != getattr(wanted, attribute):
            raise InputError(words, template=MANAGED_PROFILE)
    choices: dict[str, Any] = {"remember_password": wanted.remember_password}
    if original.admin_username:
        if wanted.admin_username != original.admin_username:
            raise InputError(FIELD_ADMIN, template=MANAGED_PROFILE)
    elif wanted.admin_username:
        choices["admin_username"] = wanted.admin_username
    return choices
