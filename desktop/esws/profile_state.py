"""What a load of the profiles shows, and the rules every change to the saved list follows.

Split from :mod:`desktop.esws.profiles` (the store: file, lock, operations) so that each stays
readable. :func:`load_result` puts the managed profiles (:mod:`desktop.esws.managed`) first, with
the user's own choices for them, then the user's profiles; the other functions work on a
:class:`desktop.esws.profiles_io.Document` under the store's lock.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from desktop.core.errors import InputError
from desktop.core.i18n import QT_TRANSLATE_NOOP, Localise
from desktop.esws.managed import (
    PREFERENCES_KEY,
    ManagedProfiles,
    preference_change,
    preferences_of,
    with_preferences,
)
from desktop.esws.profile_model import DUPLICATE_NAME, FIELD_NAME, MANAGED_NAME, Profile
from desktop.esws.profiles_io import Document, Notice, localised, name_key

HIDDEN_BY_MANAGED = QT_TRANSLATE_NOOP(
    "ProfileFile",
    "Your profile “{name}” has the name of a profile your IT department manages; the managed one "
    "is shown, yours is kept in the file as it is.",
)

# What desktop.esws.profiles says when the whole file cannot be used (Notice(TEMPLATE, values)).
UNREADABLE_LEFT = QT_TRANSLATE_NOOP(
    "ProfileFile",
    "Your saved profiles could not be read ({error}); the file {path} is left as it was. "
    "Profiles start empty.",
)
UNREADABLE_NOT_MOVED = QT_TRANSLATE_NOOP(
    "ProfileFile",
    "Your saved profiles could not be read ({reason}), and the file {path} could not be moved "
    "aside; it is left as it was. Profiles start empty.",
)
UNREADABLE_MOVED = QT_TRANSLATE_NOOP(
    "ProfileFile",
    "Your saved profiles could not be read ({reason}). The file was kept as {moved}; profiles "
    "start empty.",
)
MANAGED_UNREADABLE = QT_TRANSLATE_NOOP(
    "ProfileFile", "The profiles your IT department manages could not be read ({error})."
)


@dataclass
class LoadResult:
    """The saved profiles, and what went wrong reading them.

    ``problem`` is what the user should be told (sentences, in English: the command line's): the
    file was moved aside, or some profiles were set aside; ``problems`` are those sentences one
    by one. ``notices`` lists every remark, one sentence each, including those that need no
    action (a file from a newer version). A sentence worded here is a
    :class:`desktop.esws.profiles_io.Notice`: :meth:`problem_text` and :meth:`notices_text` give
    them in the window's language.
    """

    profiles: list[Profile]
    last_used: str | None
    quarantined: Path | None = None
    notices: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def problem(self) -> str | None:
        """The ``problems`` as one text; None when there are none."""
        return " ".join(self.problems) or None

    def problem_text(self, localise: Localise) -> str | None:
        """``problem`` in the language of ``localise`` (the window's ``translate_marked``); the
        names, paths and codes in it verbatim, a sentence worded elsewhere as it is."""
        return " ".join(str(localised(sentence, localise)) for sentence in self.problems) or None

    def notices_text(self, localise: Localise) -> list[str]:
        """``notices``, one sentence each, in the language of ``localise``."""
        return [str(localised(sentence, localise)) for sentence in self.notices]

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


def load_result(
    document: Document, problems: list[str], quarantined: Path | None, managed: ManagedProfiles
) -> LoadResult:
    """What a load shows: managed profiles first (with the user's choices), then the user's own.

    A user profile with a managed profile's name (IT deployed it later) is hidden, not deleted.
    """
    preferences = preferences_of(document.extra)
    shown = [with_preferences(p, preferences) for p in managed.profiles]
    managed_keys = {name_key(p.name) for p in shown}
    hidden: list[str] = [
        Notice(HIDDEN_BY_MANAGED, {"name": p.name})
        for p in document.profiles
        if name_key(p.name) in managed_keys
    ]
    own = [p for p in document.profiles if name_key(p.name) not in managed_keys]
    notices = problems + managed.notices + hidden + document.notices
    serious = problems + document.problems
    return LoadResult(
        profiles=shown + own,
        last_used=document.last_used,
        quarantined=quarantined,
        notices=notices,
        problems=serious,
    )


def managed_named(managed: ManagedProfiles, name: str) -> Profile | None:
    return find_named(managed.profiles, name)


def refuse_managed_name(managed: ManagedProfiles, profile: Profile) -> None:
    if managed_named(managed, profile.name) is not None:
        raise InputError(FIELD_NAME, template=MANAGED_NAME)


def set_preferences(document: Document, managed: ManagedProfiles, profile: Profile) -> bool:
    """Keep the user's choices for a managed ``profile``; False when it is not a managed one."""
    original = next((p for p in managed.profiles if p.id == profile.id), None)
    if original is None:
        return False
    choices = preference_change(original, profile)
    preferences = preferences_of(document.extra)
    preferences[profile.id] = choices
    document.extra[PREFERENCES_KEY] = preferences
    return True


def follow_rename(document: Document, old: str, new: str) -> None:
    if document.last_used is not None and name_key(document.last_used) == name_key(old):
        document.last_used = new


def find_named(profiles: list[Profile], name: str) -> Profile | None:
    key = name_key(name)
    return next((p for p in profiles if name_key(p.name) == key), None)


def clash(profiles: list[Profile], profile: Profile) -> Profile | None:
    """Another saved profile (not ``profile.id``) whose name counts as ``profile``'s."""
    key = name_key(profile.name)
    return next((p for p in profiles if p.id != profile.id and name_key(p.name) == key), None)


def replace_saved(document: Document, profile: Profile) -> None:
    """Put ``profile`` in place of the saved one with its id; last_used follows a rename."""
    if clash(document.profiles, profile) is not None:
        raise InputError(FIELD_NAME, template=DUPLICATE_NAME)
    old = document.find_id(profile.id)
    assert old is not None
    document.profiles = [profile if p is old else p for p in document.profiles]
    follow_rename(document, old.name, profile.name)


def canonical_last_used(profiles: list[Profile], last_used: str | None) -> str | None:
    found = None if last_used is None else find_named(profiles, last_used)
    return None if found is None else found.name
