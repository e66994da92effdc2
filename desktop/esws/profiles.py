"""Saved connection profiles: a small JSON file in the user's config folder, never any secret.

The file is rewritten atomically (temporary file in the same folder, fsync, ``os.replace``), so a
crash or a full disk leaves the previous version intact. A file that cannot be read is moved aside
to ``profiles.json.corrupt-<timestamp>`` and kept; nothing here ever deletes a user's file.
Passwords and security codes live in the OS vault (``desktop.core.vault``), not here.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import tempfile
import time
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from desktop.core.errors import InputError
from desktop.esws.i3_urls import (
    DEFAULT_ENDPOINT,
    DEFAULT_I3_BASE_URL,
    FIELD_I3_URL,
    normalise_endpoint,
    normalise_i3_url,
)
from desktop.esws.request import FIELD_ADMIN

log = logging.getLogger(__name__)

FILE_NAME = "profiles.json"
FORMAT_VERSION = 1
MAX_NAME_LENGTH = 100
MAX_FIELD_LENGTH = 2048
# Far larger than any real list of profiles; a bigger file is not ours (or is damaged).
MAX_FILE_BYTES = 1_000_000

# InputError.field values, in the user's words.
FIELD_NAME = "name"
FIELD_ESWS_ENDPOINT = "ESWS endpoint"
FIELD_I3_ADDRESS = FIELD_I3_URL  # "I3 address"
FIELD_WSDL = "WSDL"

_TEXT_KEYS = ("name", "esws_endpoint", "i3_base_url", "admin_username")
_BOOL_KEYS = ("cloud", "remember_password")
_PROFILE_KEYS = frozenset((*_TEXT_KEYS, *_BOOL_KEYS, "wsdl"))
_TOP_KEYS = frozenset(("version", "profiles", "last_used"))


def _has_control(text: str) -> bool:
    return any(unicodedata.category(ch) in ("Cc", "Cs", "Zl", "Zp") for ch in text)


def name_key(name: str) -> str:
    """The form under which two profile names count as the same (case-insensitive)."""
    return name.casefold()


@dataclass
class Profile:
    """Where and as whom to connect. Secrets are not part of a profile; the vault holds them."""

    name: str
    esws_endpoint: str = DEFAULT_ENDPOINT
    i3_base_url: str = DEFAULT_I3_BASE_URL
    admin_username: str = ""
    cloud: bool = False  # True: EasyConnect cloud; False: on-premise API Agent/Server
    remember_password: bool = False
    wsdl: str | None = None  # None: the bundled WSDL

    def validate(self) -> None:
        """Raise ``InputError`` naming the first field that cannot be saved."""
        if not self.name.strip():
            raise InputError(FIELD_NAME, "is required")
        if self.name != self.name.strip():
            raise InputError(FIELD_NAME, "must not start or end with a space")
        if len(self.name) > MAX_NAME_LENGTH:
            raise InputError(FIELD_NAME, f"must be at most {MAX_NAME_LENGTH} characters")
        if _has_control(self.name):
            raise InputError(FIELD_NAME, "must not contain control characters or line breaks")
        _check_endpoint(self.esws_endpoint)
        if len(self.i3_base_url) > MAX_FIELD_LENGTH or _has_control(self.i3_base_url):
            raise InputError(FIELD_I3_ADDRESS, "is not a valid address")
        normalise_i3_url(self.i3_base_url, FIELD_I3_ADDRESS)
        if len(self.admin_username) > MAX_FIELD_LENGTH or _has_control(self.admin_username):
            raise InputError(FIELD_ADMIN, "must not contain control characters or line breaks")
        if self.wsdl is not None and (
            not self.wsdl.strip() or len(self.wsdl) > MAX_FIELD_LENGTH or _has_control(self.wsdl)
        ):
            raise InputError(FIELD_WSDL, "must be a file path or an address, or left unset")


def _check_endpoint(endpoint: str) -> None:
    if len(endpoint) > MAX_FIELD_LENGTH or _has_control(endpoint):
        raise InputError(FIELD_ESWS_ENDPOINT, "is not a valid address")
    normalise_endpoint(endpoint, FIELD_ESWS_ENDPOINT)


@dataclass
class LoadResult:
    """The saved profiles, and what went wrong reading them (``problem`` is a sentence)."""

    profiles: list[Profile]
    last_used: str | None
    problem: str | None = None
    quarantined: Path | None = None

    def find(self, name: str) -> Profile | None:
        """The profile called ``name`` (case-insensitive), if any."""
        key = name_key(name)
        return next((p for p in self.profiles if name_key(p.name) == key), None)

    @property
    def names(self) -> list[str]:
        return [p.name for p in self.profiles]


class _Corrupt(Exception):
    """The file exists but is not a profiles document we can use; ``reason`` says why."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass
class _Document:
    profiles: list[Profile]
    last_used: str | None
    extra: dict[str, Any] = field(default_factory=dict)  # unknown top-level keys
    profile_extra: dict[str, dict[str, Any]] = field(default_factory=dict)  # by name_key


def _profile_from_json(entry: object) -> tuple[Profile, dict[str, Any]]:
    if not isinstance(entry, dict):
        raise _Corrupt("a profile entry is not an object")
    values: dict[str, Any] = {}
    for key in _TEXT_KEYS:
        if key in entry:
            if not isinstance(entry[key], str):
                raise _Corrupt(f"a profile's {key} is not text")
            values[key] = entry[key]
    for key in _BOOL_KEYS:
        if key in entry:
            if not isinstance(entry[key], bool):
                raise _Corrupt(f"a profile's {key} is not true or false")
            values[key] = entry[key]
    if "wsdl" in entry:
        if entry["wsdl"] is not None and not isinstance(entry["wsdl"], str):
            raise _Corrupt("a profile's wsdl is not text")
        values["wsdl"] = entry["wsdl"]
    if "name" not in values:
        raise _Corrupt("a profile has no name")
    profile = Profile(**values)
    try:
        profile.validate()
    except InputError as error:
        raise _Corrupt(f"a profile's {error.field} {error.problem}") from None
    extra = {k: v for k, v in entry.items() if k not in _PROFILE_KEYS}
    return profile, extra


def _profile_to_json(profile: Profile, extra: dict[str, Any]) -> dict[str, Any]:
    data: dict[str, Any] = dict(extra)
    data.update(
        name=profile.name,
        esws_endpoint=profile.esws_endpoint,
        i3_base_url=profile.i3_base_url,
        admin_username=profile.admin_username,
        cloud=profile.cloud,
        remember_password=profile.remember_password,
        wsdl=profile.wsdl,
    )
    return data


def _parse_document(raw: bytes) -> _Document:
    if len(raw) > MAX_FILE_BYTES:
        raise _Corrupt("it is too large")
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise _Corrupt("it is not UTF-8 text") from None
    except (ValueError, RecursionError):
        raise _Corrupt("it is not valid JSON") from None
    if not isinstance(data, dict):
        raise _Corrupt("it does not hold a profiles object")
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise _Corrupt("it has no valid version number")
    entries = data.get("profiles", [])
    if not isinstance(entries, list):
        raise _Corrupt("its profiles are not a list")
    document = _Document(profiles=[], last_used=None)
    for entry in entries:
        profile, extra = _profile_from_json(entry)
        key = name_key(profile.name)
        if key in document.profile_extra:
            raise _Corrupt("two profiles have the same name")
        document.profiles.append(profile)
        document.profile_extra[key] = extra
    last_used = data.get("last_used")
    if last_used is not None and not isinstance(last_used, str):
        raise _Corrupt("its last-used profile is not text")
    if last_used is not None and name_key(last_used) in document.profile_extra:
        document.last_used = next(
            p.name for p in document.profiles if name_key(p.name) == name_key(last_used)
        )
    document.extra = {k: v for k, v in data.items() if k not in _TOP_KEYS}
    if version > FORMAT_VERSION:
        log.info(
            "profiles file has version %d (newer than %d); unknown keys are kept",
            version,
            FORMAT_VERSION,
        )
    return document


def _fsync_folder(folder: Path) -> None:
    # Makes the rename itself durable on POSIX; Windows cannot open a folder this way.
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


class ProfileStore:
    """Reads and writes the profiles file. Every method re-reads the file, so it is never stale."""

    def __init__(self, path: Path | None = None) -> None:
        if path is None:
            from desktop.core.paths import config_dir

            path = config_dir() / FILE_NAME
        self.path = path

    def __repr__(self) -> str:
        return f"ProfileStore({str(self.path)!r})"

    # -- reading ---------------------------------------------------------------------------------

    def _read(self) -> _Document | None:
        """The document on disk, None when there is none; ``_Corrupt`` when it is unusable."""
        try:
            with self.path.open("rb") as stream:
                raw = stream.read(MAX_FILE_BYTES + 1)
        except FileNotFoundError:
            return None
        except IsADirectoryError:
            raise _Corrupt("it is a folder, not a file") from None
        except OSError as error:
            raise _Corrupt(f"it could not be opened ({type(error).__name__})") from None
        return _parse_document(raw)

    def _quarantine(self) -> Path:
        """Move the unusable file aside under a name no other file has; return the new path."""
        stamp = time.strftime("%Y%m%d-%H%M%S", time.gmtime())
        for attempt in range(1000):
            suffix = f".corrupt-{stamp}" if attempt == 0 else f".corrupt-{stamp}-{attempt}"
            target = self.path.with_name(self.path.name + suffix)
            if target.exists():
                continue
            try:
                # A hard link fails if the target exists, so a copy is never overwritten.
                os.link(self.path, target)
            except FileExistsError:
                continue
            except OSError:
                if target.exists():
                    continue
                os.rename(self.path, target)
                return target
            os.unlink(self.path)
            return target
        raise FileExistsError(f"no free name to move {self.path.name} aside")

    def load(self) -> LoadResult:
        """The saved profiles; a missing file is an empty list, an unusable one is moved aside."""
        try:
            document = self._read()
        except _Corrupt as corrupt:
            return self._set_aside(corrupt.reason)
        if document is None:
            return LoadResult(profiles=[], last_used=None)
        return LoadResult(profiles=document.profiles, last_used=document.last_used)

    def _set_aside(self, reason: str) -> LoadResult:
        try:
            moved = self._quarantine()
        except OSError as error:
            log.warning(
                "profiles file unusable (%s) and not moved aside: %s", reason, type(error).__name__
            )
            problem = (
                f"Your saved profiles could not be read ({reason}), and the file {self.path} "
                "could not be moved aside; it is left as it was. Profiles start empty."
            )
            return LoadResult(profiles=[], last_used=None, problem=problem)
        log.warning("profiles file unusable (%s); moved aside to %s", reason, moved)
        problem = (
            f"Your saved profiles could not be read ({reason}). The file was kept as {moved}; "
            "profiles start empty."
        )
        return LoadResult(profiles=[], last_used=None, problem=problem, quarantined=moved)

    # -- writing ---------------------------------------------------------------------------------

    def save(self, profiles: list[Profile], last_used: str | None) -> None:
        """Validate every profile, then replace the file atomically.

        Raises ``InputError`` (file untouched) for an invalid profile or a duplicate name, and
        ``OSError`` when the file cannot be written. An unusable file found on disk is moved
        aside first, never overwritten.
        """
        self._save(profiles, last_used, renamed={})

    def _save(
        self, profiles: list[Profile], last_used: str | None, renamed: dict[str, str]
    ) -> None:
        seen: set[str] = set()
        for profile in profiles:
            profile.validate()
            key = name_key(profile.name)
            if key in seen:
                raise InputError(FIELD_NAME, f"a profile named {profile.name!r} already exists")
            seen.add(key)
        try:
            existing = self._read()
        except _Corrupt as corrupt:
            existing = None
            if self.path.exists():
                moved = self._quarantine()  # OSError propagates: better unsaved than destroyed
                log.warning(
                    "profiles file unusable (%s); moved aside to %s before saving",
                    corrupt.reason,
                    moved,
                )
        data: dict[str, Any] = dict(existing.extra) if existing else {}
        profile_extra = existing.profile_extra if existing else {}
        # Unknown keys of a renamed profile follow it to its new name.
        for old_key, new_key in renamed.items():
            if old_key in profile_extra:
                profile_extra[new_key] = profile_extra.pop(old_key)
        if last_used is not None and name_key(last_used) not in seen:
            last_used = None
        if last_used is not None:
            last_used = next(p.name for p in profiles if name_key(p.name) == name_key(last_used))
        data.update(
            version=FORMAT_VERSION,
            profiles=[
                _profile_to_json(p, profile_extra.get(name_key(p.name), {})) for p in profiles
            ],
            last_used=last_used,
        )
        self._write_atomically(json.dumps(data, indent=2, ensure_ascii=False) + "\n")

    def _write_atomically(self, text: str) -> None:
        folder = self.path.parent
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        # mkstemp creates the file readable by its owner only (0600) where the OS has modes.
        fd, temp_name = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as stream:
                stream.write(text)
                stream.flush()
                os.fsync(stream.fileno())
            if os.name == "posix":
                os.chmod(temp_name, 0o600)
            os.replace(temp_name, self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temp_name)
            raise
        _fsync_folder(folder)

    def upsert(self, profile: Profile) -> LoadResult:
        """Add ``profile``, or replace the one with the same name (case-insensitive)."""
        profile.validate()
        state = self.load()
        key = name_key(profile.name)
        profiles = list(state.profiles)
        for index, existing in enumerate(profiles):
            if name_key(existing.name) == key:
                profiles[index] = profile
                break
        else:
            profiles.append(profile)
        last_used = state.last_used
        if last_used is not None and name_key(last_used) == key:
            last_used = profile.name
        self._save(profiles, last_used, renamed={})
        return self._after(state)

    def rename(self, old: str, new: str) -> LoadResult:
        """Rename profile ``old`` to ``new`` (secrets in the vault are the caller's to move)."""
        state = self.load()
        current = state.find(old)
        if current is None:
            raise InputError(FIELD_NAME, f"there is no profile named {old!r}")
        renamed = replace(current, name=new)
        renamed.validate()
        clash = state.find(new)
        if clash is not None and clash is not current:
            raise InputError(FIELD_NAME, f"a profile named {clash.name!r} already exists")
        profiles = [renamed if p is current else p for p in state.profiles]
        last_used = state.last_used
        if last_used is not None and name_key(last_used) == name_key(current.name):
            last_used = new
        self._save(profiles, last_used, renamed={name_key(current.name): name_key(new)})
        return self._after(state)

    def delete(self, name: str) -> LoadResult:
        """Remove profile ``name``; a name that is not there is not an error."""
        state = self.load()
        target = state.find(name)
        if target is None:
            return state
        profiles = [p for p in state.profiles if p is not target]
        last_used = state.last_used
        if last_used is not None and name_key(last_used) == name_key(target.name):
            last_used = None
        self._save(profiles, last_used, renamed={})
        return self._after(state)

    def set_last_used(self, name: str) -> None:
        """Remember ``name`` as the profile to select at start; an unknown name is ignored."""
        state = self.load()
        target = state.find(name)
        if target is None or target.name == state.last_used:
            return
        self._save(state.profiles, target.name, renamed={})

    def _after(self, before: LoadResult) -> LoadResult:
        # The problem of the load that preceded a change is still news to the caller.
        after = self.load()
        after.problem = after.problem or before.problem
        after.quarantined = after.quarantined or before.quarantined
        return after
