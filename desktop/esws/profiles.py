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
import logging
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

from desktop.core.errors import InputError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.esws.i3_urls import TOTAL_SYNC_PATHS
from desktop.esws.managed import ManagedProfiles, machine_managed_source
from desktop.esws.profile_model import (
    DUPLICATE_NAME,
    FIELD_ALLOWED_ORIGINS,
    FIELD_ESWS_ENDPOINT,
    FIELD_I3_ADDRESS,
    FIELD_NAME,
    FIELD_TOTAL_SYNC_PATH,
    FIELD_WSDL,
    MANAGED_NAME,
    MANAGED_PROFILE,
    MAX_ALLOWED_ORIGINS,
    MAX_FIELD_LENGTH,
    MAX_NAME_LENGTH,
    NAMED_DUPLICATE_NAME,
    NAMED_MANAGED_NAME,
    PROFILE_KEYS,
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
from desktop.esws.profile_state import (
    MANAGED_UNREADABLE,
    UNREADABLE_LEFT,
    UNREADABLE_MOVED,
    UNREADABLE_NOT_MOVED,
    LoadResult,
    canonical_last_used,
    clash,
    find_named,
    follow_rename,
    load_result,
    managed_named,
    refuse_managed_name,
    replace_saved,
    set_preferences,
)
from desktop.esws.profiles_io import (
    Corrupt,
    Document,
    Notice,
    document_text,
    locked,
    name_key,
    parse_document,
    quarantine,
    read_bytes,
    write_atomically,
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
    "MANAGED_NAME",
    "MANAGED_PROFILE",
    "MAX_ALLOWED_ORIGINS",
    "MAX_FIELD_LENGTH",
    "MAX_NAME_LENGTH",
    "TOTAL_SYNC_PATHS",
    "TOTAL_SYNC_USERS_LOGIN",
    "TOTAL_SYNC_USER_LOGIN",
    "VAULT_KEY_PREFIX",
    "LoadResult",
    "ManagedProfiles",
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

# What is wrong with the name field in a change to the saved list (context "Input").
_LISTED_TWICE = QT_TRANSLATE_NOOP("Input", "is listed twice (the same profile id)")
_DELETED_MEANWHILE = QT_TRANSLATE_NOOP("Input", "belongs to a profile that was deleted meanwhile")
_NO_SUCH_PROFILE = QT_TRANSLATE_NOOP("Input", "names no saved profile")

# How long a change waits for another process's change to the same file.
LOCK_TIMEOUT = 10.0


def _no_managed() -> ManagedProfiles:
    return ManagedProfiles()


class ProfileStore:
    """Reads and writes the profiles file. Every method re-reads the file, so it is never stale.

    ``managed`` reads the profiles IT manages; by default this computer's (policy key and
    machine-wide file) for the user's own file, none for a store given a ``path`` (tests, demo).
    """

    def __init__(
        self, path: Path | None = None, *, managed: Callable[[], ManagedProfiles] | None = None
    ) -> None:
        if path is None:
            from desktop.core.paths import config_dir

            path = config_dir() / FILE_NAME
            if managed is None:
                managed = machine_managed_source(FORMAT_VERSION)
        self.path = path
        self._managed_source = managed or _no_managed

    def __repr__(self) -> str:
        return f"ProfileStore({str(self.path)!r})"

    @property
    def lock_path(self) -> Path:
        return self.path.with_name(self.path.name + ".lock")

    # -- reading ---------------------------------------------------------------------------------

    def managed(self) -> ManagedProfiles:
        """The profiles IT manages, as they are now; never raises."""
        try:
            return self._managed_source()
        except Exception as error:  # a broken policy must not stop the app starting
            log.warning("managed profiles could not be read (%s)", type(error).__name__)
            notice = Notice(MANAGED_UNREADABLE, {"error": type(error).__name__})
            return ManagedProfiles(notices=[notice])

    def _read(self, managed: ManagedProfiles) -> Document | None:
        """The document on disk, None when there is none; ``Corrupt`` when it is unusable."""
        raw = read_bytes(self.path)
        if raw is None:
            return None
        other_names = [p.name for p in managed.profiles]
        return parse_document(
            raw, self.path, FORMAT_VERSION, profile_from_json, PROFILE_KEYS, other_names
        )

    def load(self) -> LoadResult:
        """The managed profiles, then the saved ones; never raises, whatever the file holds.

        A missing file is an empty list; an unusable one is moved aside (under the lock, after
        reading it again) and reported in ``problem``.
        """
        managed = self.managed()
        try:
            try:
                document = self._read(managed)
            except Corrupt as corrupt:
                return self._load_set_aside(corrupt.reason, managed)
        except Exception as error:  # a file we cannot handle must never stop the app starting
            log.warning("profiles file could not be read (%s)", type(error).__name__)
            problem = Notice(
                UNREADABLE_LEFT, {"error": type(error).__name__, "path": str(self.path)}
            )
            return load_result(Document.empty(FORMAT_VERSION), [problem], None, managed)
        return load_result(document or Document.empty(FORMAT_VERSION), [], None, managed)

    def _load_set_aside(self, reason: str, managed: ManagedProfiles) -> LoadResult:
        try:
            with self._locked():
                document, problems, moved = self._read_or_set_aside(managed)
        except OSError as error:
            log.warning(
                "profiles file unusable (%s) and not moved aside: %s", reason, type(error).__name__
            )
            problem = Notice(UNREADABLE_NOT_MOVED, {"reason": reason, "path": str(self.path)})
            return load_result(Document.empty(FORMAT_VERSION), [problem], None, managed)
        return load_result(document, problems, moved, managed)

    def _read_or_set_aside(
        self, managed: ManagedProfiles
    ) -> tuple[Document, list[str], Path | None]:
        """Under the lock: the document, or an empty one after moving an unusable file aside."""
        try:
            document = self._read(managed)
        except Corrupt as corrupt:
            moved = quarantine(self.path)  # OSError propagates: better unsaved than destroyed
            log.warning("profiles file unusable (%s); moved aside to %s", corrupt.reason, moved)
            problem = Notice(UNREADABLE_MOVED, {"reason": corrupt.reason, "moved": str(moved)})
            return Document.empty(FORMAT_VERSION), [problem], moved
        return document or Document.empty(FORMAT_VERSION), [], None

    # -- writing ---------------------------------------------------------------------------------

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        with locked(self.lock_path, LOCK_TIMEOUT):
            yield

    def _change(self, apply: Callable[[Document, ManagedProfiles], bool]) -> LoadResult:
        """Lock, re-read, ``apply`` (False: nothing to write), write atomically, unlock."""
        managed = self.managed()
        with self._locked():
            document, problems, moved = self._read_or_set_aside(managed)
            if apply(document, managed):
                write_atomically(
                    self.path, document_text(document, FORMAT_VERSION, profile_to_json)
                )
        return load_result(document, problems, moved, managed)

    def save(self, profiles: list[Profile], last_used: str | None) -> None:
        """Replace every profile of the user with ``profiles`` (set-aside entries stay in the
        file; managed profiles in the list are not the user's and are not written).

        Raises ``InputError`` (file untouched) for an invalid profile or a duplicate name, and
        ``OSError`` when the file cannot be written (``TimeoutError`` when another process holds
        it). An unusable file found on disk is moved aside first, never overwritten.
        """
        own = [p for p in profiles if not p.managed]
        names: set[str] = set()
        ids: set[str] = set()
        for profile in own:
            profile.validate()
            if name_key(profile.name) in names:
                raise InputError(FIELD_NAME, template=DUPLICATE_NAME)
            if profile.id in ids:
                raise InputError(FIELD_NAME, template=_LISTED_TWICE)
            names.add(name_key(profile.name))
            ids.add(profile.id)

        def apply(document: Document, managed: ManagedProfiles) -> bool:
            for profile in own:
                refuse_managed_name(managed, profile)
            document.profiles = list(own)
            document.last_used = canonical_last_used(own + managed.profiles, last_used)
            return True

        self._change(apply)

    def add(self, profile: Profile) -> LoadResult:
        """Add a new profile; ``InputError`` on the name field when the name is taken."""
        profile.validate()

        def apply(document: Document, managed: ManagedProfiles) -> bool:
            refuse_managed_name(managed, profile)
            if clash(document.profiles, profile) or any(
                p.id == profile.id for p in document.profiles
            ):
                raise InputError(FIELD_NAME, template=DUPLICATE_NAME)
            document.profiles.append(profile)
            return True

        return self._change(apply)

    def add_many(self, profiles: list[Profile], *, replace_same_name: bool) -> LoadResult:
        """Add ``profiles`` at once, or none of them (``InputError`` naming the first that fails).

        With ``replace_same_name``, a profile whose name a saved one has replaces it, keeping the
        saved one's id and so its secrets; a managed profile's name is always refused.
        """
        for profile in profiles:
            profile.validate()

        def apply(document: Document, managed: ManagedProfiles) -> bool:
            for profile in profiles:
                named = {"name": profile.name}
                if managed_named(managed, profile.name) is not None:
                    raise InputError(FIELD_NAME, template=NAMED_MANAGED_NAME, values=named)
                same = clash(document.profiles, profile)
                if same is None:
                    document.profiles.append(profile)
                elif not replace_same_name:
                    raise InputError(FIELD_NAME, template=NAMED_DUPLICATE_NAME, values=named)
                else:
                    keep = replace(profile, id=same.id, legacy_vault_key=same.legacy_vault_key)
                    document.profiles = [keep if p is same else p for p in document.profiles]
                    follow_rename(document, same.name, keep.name)
            return bool(profiles)

        return self._change(apply)

    def update(self, profile: Profile) -> LoadResult:
        """Replace the saved profile with ``profile.id``; a new name must not be another's.

        For a managed profile only the user's own choices are kept ("remember password", and the
        admin name when IT set none); changing what IT set is an ``InputError`` naming the field.
        """
        profile.validate()

        def apply(document: Document, managed: ManagedProfiles) -> bool:
            if set_preferences(document, managed, profile):
                return True
            refuse_managed_name(managed, profile)
            if document.find_id(profile.id) is None:
                raise InputError(FIELD_NAME, template=_DELETED_MEANWHILE)
            replace_saved(document, profile)
            return True

        return self._change(apply)

    def upsert(self, profile: Profile) -> LoadResult:
        """Update the profile with ``profile.id``; else replace the one with the same name (it keeps
        its id, hence its secrets: the caller says it is that profile); else add ``profile``.
        A managed profile keeps only the user's own choices, as in :meth:`update`."""
        profile.validate()

        def apply(document: Document, managed: ManagedProfiles) -> bool:
            if set_preferences(document, managed, profile):
                return True
            refuse_managed_name(managed, profile)
            if document.find_id(profile.id) is not None:
                replace_saved(document, profile)
                return True
            same = clash(document.profiles, profile)
            if same is None:
                document.profiles.append(profile)
                return True
            keep = replace(profile, id=same.id, legacy_vault_key=same.legacy_vault_key)
            document.profiles = [keep if p is same else p for p in document.profiles]
            follow_rename(document, same.name, keep.name)
            return True

        return self._change(apply)

    def rename(self, old: str, new: str) -> LoadResult:
        """Rename profile ``old`` to ``new``; its id, and so its secrets, stay the same."""

        def apply(document: Document, managed: ManagedProfiles) -> bool:
            if managed_named(managed, old) is not None:
                raise InputError(FIELD_NAME, template=MANAGED_PROFILE)
            current = find_named(document.profiles, old)
            if current is None:
                raise InputError(FIELD_NAME, template=_NO_SUCH_PROFILE)
            renamed = replace(current, name=new)
            renamed.validate()
            refuse_managed_name(managed, renamed)
            replace_saved(document, renamed)
            return True

        return self._change(apply)

    def delete(self, name: str | None = None, *, profile_id: str | None = None) -> LoadResult:
        """Remove the profile called ``name`` (or with ``profile_id``); a missing one is fine.

        A managed profile cannot be removed here: ``InputError`` on the name field.
        """

        def apply(document: Document, managed: ManagedProfiles) -> bool:
            if profile_id is not None:
                target = document.find_id(profile_id)
                is_managed = any(p.id == profile_id for p in managed.profiles)
            else:
                target = None if name is None else find_named(document.profiles, name)
                is_managed = name is not None and managed_named(managed, name) is not None
            if is_managed:
                raise InputError(FIELD_NAME, template=MANAGED_PROFILE)
            if target is None:
                return False
            document.profiles = [p for p in document.profiles if p is not target]
            if document.last_used is not None and name_key(document.last_used) == name_key(
                target.name
            ):
                document.last_used = None
            return True

        if not self.path.exists():  # nothing to remove: take no lock, create no folder
            managed = self.managed()
            if any(p.id == profile_id for p in managed.profiles) or (
                profile_id is None and name is not None and managed_named(managed, name)
            ):
                raise InputError(FIELD_NAME, template=MANAGED_PROFILE)
            return self.load()
        return self._change(apply)

    def set_last_used(self, name: str) -> None:
        """Remember ``name`` as the profile to select at start; an unknown name is ignored."""

        def apply(document: Document, managed: ManagedProfiles) -> bool:
            target = managed_named(managed, name) or find_named(document.profiles, name)
            if target is None or target.name == document.last_used:
                return False
            document.last_used = target.name
            return True

        if not self.path.exists() and managed_named(self.managed(), name) is None:
            return
        self._change(apply)

    def forget_legacy_key(self, profile_id: str) -> LoadResult:
        """Record that the profile's secrets no longer live under its old name-based key."""

        def apply(document: Document, managed: ManagedProfiles) -> bool:
            target = document.find_id(profile_id)
            if target is None or target.legacy_vault_key is None:
                return False
            replace_saved(document, replace(target, legacy_vault_key=None))
            return True

        return self._change(apply)
