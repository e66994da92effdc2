"""Saved connection profiles: a small JSON file in the user's config folder, never any secret.

Every change is one locked read-modify-write: take ``profiles.json.lock`` (``fcntl.flock``, or
``msvcrt.locking`` on Windows, with a deadline), re-read the file, apply the change, write it
atomically (temporary file in the same folder, fsync, ``os.replace``), unlock. Two processes
saving at once never lose each other's changes; a crash or a full disk leaves the previous file.

Reading never raises: a file that is not a profiles document at all is moved aside to
``profiles.json.corrupt-<timestamp>`` and kept; one unreadable profile entry is set aside (left in
the file as it was, named in ``LoadResult.problem``) and the others are used. A file written by a
newer version is read as far as we understand it; saving keeps its version number and every key
we do not know, so it is never rewritten as an older format. Nothing here deletes a user's file.
The profile itself (fields, checks, id, vault key) is :mod:`desktop.esws.profile_model`.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from desktop.core.errors import InputError
from desktop.esws.profile_model import (
    DUPLICATE_NAME,
    FIELD_ALLOWED_ORIGINS,
    FIELD_ESWS_ENDPOINT,
    FIELD_I3_ADDRESS,
    FIELD_NAME,
    FIELD_TOTAL_SYNC_PATH,
    FIELD_WSDL,
    MAX_ALLOWED_ORIGINS,
    MAX_FIELD_LENGTH,
    MAX_NAME_LENGTH,
    PROFILE_KEYS,
    TOTAL_SYNC_PATHS,
    TOTAL_SYNC_USER_LOGIN,
    TOTAL_SYNC_USERS_LOGIN,
    VAULT_KEY_PREFIX,
    Profile,
    legacy_profile_id,
    new_profile_id,
    normalise_origin,
    parse_allowed_origins,
    profile_from_json,
    profile_to_json,
)
from desktop.esws.profiles_io import (
    Corrupt,
    Document,
    document_text,
    locked,
    name_key,
    parse_document,
    read_bytes,
    replace_file,
)

__all__ = [
    "DUPLICATE_NAME",
    "FIELD_ALLOWED_ORIGINS",
    "FIELD_ESWS_ENDPOINT",
    "FIELD_I3_ADDRESS",
    "FIELD_NAME",
    "FIELD_TOTAL_SYNC_PATH",
    "FIELD_WSDL",
    "FILE_NAME",
    "FORMAT_VERSION",
    "MAX_ALLOWED_ORIGINS",
    "MAX_FIELD_LENGTH",
    "MAX_NAME_LENGTH",
    "TOTAL_SYNC_PATHS",
    "TOTAL_SYNC_USERS_LOGIN",
    "TOTAL_SYNC_USER_LOGIN",
    "VAULT_KEY_PREFIX",
    "LoadResult",
    "Profile",
    "ProfileStore",
    "legacy_profile_id",
    "name_key",
    "new_profile_id",
    "normalise_origin",
    "parse_allowed_origins",
]

log = logging.getLogger(__name__)

FILE_NAME = "profiles.json"
FORMAT_VERSION = 1
# How long a change waits for another process's change to the same file.
LOCK_TIMEOUT = 10.0


@dataclass
class LoadResult:
    """The saved profiles, and what went wrong reading them.

    ``problem`` is what the user should be told (sentences): the file was moved aside, or some
    profiles were set aside. ``notices`` lists every remark, one sentence each, including those
    that need no action (a file from a newer version).
    """

    profiles: list[Profile]
    last_used: str | None
    problem: str | None = None
    quarantined: Path | None = None
    notices: list[str] = field(default_factory=list)

    def find(self, name: str) -> Profile | None:
        """The profile called ``name`` (case-insensitive), if any."""
        key = name_key(name)
        return next((p for p in self.profiles if name_key(p.name) == key), None)

    def find_id(self, profile_id: str) -> Profile | None:
        """The profile with id ``profile_id``, if any."""
        return next((p for p in self.profiles if p.id == profile_id), None)

    @property
    def names(self) -> list[str]:
        return [p.name for p in self.profiles]


def _result(document: Document, problems: list[str], quarantined: Path | None) -> LoadResult:
    notices = problems + document.notices
    serious = problems + document.problems
    return LoadResult(
        profiles=list(document.profiles),
        last_used=document.last_used,
        problem=" ".join(serious) or None,
        quarantined=quarantined,
        notices=notices,
    )


class ProfileStore:
    """Reads and writes the profiles file. Every method re-reads the file, so it is never stale."""

    def __init__(self, path: Path | None = None) -> None:
        if path is None:
            from desktop.core.paths import config_dir

            path = config_dir() / FILE_NAME
        self.path = path

    def __repr__(self) -> str:
        return f"ProfileStore({str(self.path)!r})"

    @property
    def lock_path(self) -> Path:
        return self.path.with_name(self.path.name + ".lock")

    # -- reading ---------------------------------------------------------------------------------

    def _read(self) -> Document | None:
        """The document on disk, None when there is none; ``Corrupt`` when it is unusable."""
        raw = read_bytes(self.path)
        if raw is None:
            return None
        return parse_document(raw, self.path, FORMAT_VERSION, profile_from_json, PROFILE_KEYS)

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
        raise FileExistsError(errno.EEXIST, f"no free name to move {self.path.name} aside")

    def load(self) -> LoadResult:
        """The saved profiles; never raises, whatever the file holds.

        A missing file is an empty list; an unusable one is moved aside (under the lock, after
        reading it again) and reported in ``problem``.
        """
        try:
            try:
                document = self._read()
            except Corrupt as corrupt:
                return self._load_set_aside(corrupt.reason)
        except Exception as error:  # a file we cannot handle must never stop the app starting
            log.warning("profiles file could not be read (%s)", type(error).__name__)
            problem = (
                f"Your saved profiles could not be read ({type(error).__name__}); the file "
                f"{self.path} is left as it was. Profiles start empty."
            )
            return LoadResult(profiles=[], last_used=None, problem=problem, notices=[problem])
        if document is None:
            return LoadResult(profiles=[], last_used=None)
        return _result(document, [], None)

    def _load_set_aside(self, reason: str) -> LoadResult:
        try:
            with self._locked():
                document, problems, moved = self._read_or_set_aside()
        except OSError as error:
            log.warning(
                "profiles file unusable (%s) and not moved aside: %s", reason, type(error).__name__
            )
            problem = (
                f"Your saved profiles could not be read ({reason}), and the file {self.path} "
                "could not be moved aside; it is left as it was. Profiles start empty."
            )
            return LoadResult(profiles=[], last_used=None, problem=problem, notices=[problem])
        return _result(document, problems, moved)

    def _read_or_set_aside(self) -> tuple[Document, list[str], Path | None]:
        """Under the lock: the document, or an empty one after moving an unusable file aside."""
        try:
            document = self._read()
        except Corrupt as corrupt:
            moved = self._quarantine()  # OSError propagates: better unsaved than destroyed
            log.warning("profiles file unusable (%s); moved aside to %s", corrupt.reason, moved)
            problem = (
                f"Your saved profiles could not be read ({corrupt.reason}). The file was kept as "
                f"{moved}; profiles start empty."
            )
            return Document.empty(FORMAT_VERSION), [problem], moved
        return document or Document.empty(FORMAT_VERSION), [], None

    # -- writing ---------------------------------------------------------------------------------

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        with locked(self.lock_path, LOCK_TIMEOUT):
            yield

    def _change(self, apply: Callable[[Document], bool]) -> LoadResult:
        """Lock, re-read, ``apply`` (False: nothing to write), write atomically, unlock."""
        with self._locked():
            document, problems, moved = self._read_or_set_aside()
            if apply(document):
                self._write(document)
        return _result(document, problems, moved)

    def _write(self, document: Document) -> None:
        text = document_text(document, FORMAT_VERSION, profile_to_json)
        folder = self.path.parent
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        # mkstemp creates the file readable by its owner only (0600) where the OS has modes.
        fd, temp_name = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(fd, "wb") as stream:
                stream.write(text)
                stream.flush()
                os.fsync(stream.fileno())
            if os.name == "posix":
                os.chmod(temp_name, 0o600)
            replace_file(temp_name, self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temp_name)
            raise
        _fsync_folder(folder)

    def save(self, profiles: list[Profile], last_used: str | None) -> None:
        """Replace every profile with ``profiles`` (set-aside entries stay in the file).

        Raises ``InputError`` (file untouched) for an invalid profile or a duplicate name, and
        ``OSError`` when the file cannot be written (``TimeoutError`` when another process holds
        it). An unusable file found on disk is moved aside first, never overwritten.
        """
        names: set[str] = set()
        ids: set[str] = set()
        for profile in profiles:
            profile.validate()
            if name_key(profile.name) in names:
                raise InputError(FIELD_NAME, DUPLICATE_NAME)
            if profile.id in ids:
                raise InputError(FIELD_NAME, "is listed twice (the same profile id)")
            names.add(name_key(profile.name))
            ids.add(profile.id)

        def apply(document: Document) -> bool:
            document.profiles = list(profiles)
            document.last_used = _canonical(profiles, last_used)
            return True

        self._change(apply)

    def add(self, profile: Profile) -> LoadResult:
        """Add a new profile; ``InputError`` on the name field when the name is taken."""
        profile.validate()

        def apply(document: Document) -> bool:
            if _clash(document.profiles, profile) or any(
                p.id == profile.id for p in document.profiles
            ):
                raise InputError(FIELD_NAME, DUPLICATE_NAME)
            document.profiles.append(profile)
            return True

        return self._change(apply)

    def update(self, profile: Profile) -> LoadResult:
        """Replace the saved profile with ``profile.id``; a new name must not be another's."""
        profile.validate()

        def apply(document: Document) -> bool:
            if document.find_id(profile.id) is None:
                raise InputError(FIELD_NAME, "belongs to a profile that was deleted meanwhile")
            _replace(document, profile)
            return True

        return self._change(apply)

    def upsert(self, profile: Profile) -> LoadResult:
        """Update the profile with ``profile.id``; else replace the one with the same name (it keeps
        its id, hence its secrets: the caller says it is that profile); else add ``profile``."""
        profile.validate()

        def apply(document: Document) -> bool:
            if document.find_id(profile.id) is not None:
                _replace(document, profile)
                return True
            same = _clash(document.profiles, profile)
            if same is None:
                document.profiles.append(profile)
                return True
            keep = replace(profile, id=same.id, legacy_vault_key=same.legacy_vault_key)
            document.profiles = [keep if p is same else p for p in document.profiles]
            if document.last_used is not None and name_key(document.last_used) == name_key(
                same.name
            ):
                document.last_used = keep.name
            return True

        return self._change(apply)

    def rename(self, old: str, new: str) -> LoadResult:
        """Rename profile ``old`` to ``new``; its id, and so its secrets, stay the same."""

        def apply(document: Document) -> bool:
            current = _find(document.profiles, old)
            if current is None:
                raise InputError(FIELD_NAME, "names no saved profile")
            renamed = replace(current, name=new)
            renamed.validate()
            _replace(document, renamed)
            return True

        return self._change(apply)

    def delete(self, name: str | None = None, *, profile_id: str | None = None) -> LoadResult:
        """Remove the profile called ``name`` (or with ``profile_id``); a missing one is fine."""

        def apply(document: Document) -> bool:
            if profile_id is not None:
                target = document.find_id(profile_id)
            else:
                target = None if name is None else _find(document.profiles, name)
            if target is None:
                return False
            document.profiles = [p for p in document.profiles if p is not target]
            if document.last_used is not None and name_key(document.last_used) == name_key(
                target.name
            ):
                document.last_used = None
            return True

        if not self.path.exists():
            return self.load()
        return self._change(apply)

    def set_last_used(self, name: str) -> None:
        """Remember ``name`` as the profile to select at start; an unknown name is ignored."""
        if not self.path.exists():
            return

        def apply(document: Document) -> bool:
            target = _find(document.profiles, name)
            if target is None or target.name == document.last_used:
                return False
            document.last_used = target.name
            return True

        self._change(apply)

    def forget_legacy_key(self, profile_id: str) -> LoadResult:
        """Record that the profile's secrets no longer live under its old name-based key."""

        def apply(document: Document) -> bool:
            target = document.find_id(profile_id)
            if target is None or target.legacy_vault_key is None:
                return False
            _replace(document, replace(target, legacy_vault_key=None))
            return True

        return self._change(apply)


def _find(profiles: list[Profile], name: str) -> Profile | None:
    key = name_key(name)
    return next((p for p in profiles if name_key(p.name) == key), None)


def _clash(profiles: list[Profile], profile: Profile) -> Profile | None:
    """Another saved profile (not ``profile.id``) whose name counts as ``profile``'s."""
    key = name_key(profile.name)
    return next((p for p in profiles if p.id != profile.id and name_key(p.name) == key), None)


def _replace(document: Document, profile: Profile) -> None:
    """Put ``profile`` in place of the saved one with its id; last_used follows a rename."""
    if _clash(document.profiles, profile) is not None:
        raise InputError(FIELD_NAME, DUPLICATE_NAME)
    old = document.find_id(profile.id)
    assert old is not None
    document.profiles = [profile if p is old else p for p in document.profiles]
    if document.last_used is not None and name_key(document.last_used) == name_key(old.name):
        document.last_used = profile.name


def _canonical(profiles: list[Profile], last_used: str | None) -> str | None:
    found = None if last_used is None else _find(profiles, last_used)
    return None if found is None else found.name


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
