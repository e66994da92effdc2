"""The profiles dialog's sentences, translated under its context ("ProfileDialog").

Whole sentences with ``{name}`` placeholders, never fragments glued together: word order differs
in Dutch and German. The line under a field the core found a problem with is
:func:`desktop.gui.messages.field_message`'s, as on the sync form.
"""

from __future__ import annotations

from desktop.core.text import one_line
from desktop.gui.i18n import translate

# How much of a profile name a question quotes (a longer one ends in "…").
QUOTED_NAME_LENGTH = 60


def new_profile_name(taken: list[str]) -> str:
    """The first of "New profile", "New profile 2", 3… not in ``taken`` (case-insensitively)."""
    existing = {name.casefold() for name in taken}
    name, number = translate("ProfileDialog", "New profile"), 2
    while name.casefold() in existing:
        name = translate("ProfileDialog", "New profile {number}").format(number=number)
        number += 1
    return name


def delete_question(name: str) -> str:
    """The question before deleting the profile ``name`` (quoted on one line, cut if long)."""
    return translate(
        "ProfileDialog",
        "Delete the profile “{name}”? Its saved security code and password are removed from "
        "this computer too.",
    ).format(name=one_line(name, QUOTED_NAME_LENGTH))


def managed_note() -> str:
    """Above the fields of a profile IT manages."""
    return translate(
        "ProfileDialog",
        "Managed by your IT department: only the admin username and “Remember the password” can "
        "be changed here.",
    )


def vault_missing_tip() -> str:
    """Why "Remember the password" is off (one whole sentence, no vault wording glued in)."""
    return translate(
        "ProfileDialog",
        "No password vault is available on this computer, so secrets are not kept.",
    )


def save_failed(path: str, reason: str) -> str:
    return translate(
        "ProfileDialog", "The profile could not be saved to {path} ({reason})."
    ).format(path=path, reason=reason)


def delete_failed(reason: str) -> str:
    return translate("ProfileDialog", "The profile could not be deleted ({reason}).").format(
        reason=reason
    )
