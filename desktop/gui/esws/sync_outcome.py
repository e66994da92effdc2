"""What the "I3 sync" tab says about a sync it could not start: wording only, no widgets.

Kept apart from :mod:`desktop.gui.esws.sync_tab` so that the tab holds the wiring and this
module the sentences (and the one rule about which tone an outcome gets).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.core.errors import TransportError, TransportProblem, VendorRefusal
from desktop.esws.request import SyncKind, SyncRequest
from desktop.gui.esws.sync_form import FIELD_PROFILE
from desktop.gui.messages import Problem, describe
from desktop.gui.widgets import Tone

if TYPE_CHECKING:
    from desktop.esws.profiles import Profile


def failure(error: BaseException, profile: Profile, request: SyncRequest) -> tuple[Problem, Tone]:
    """The message for a failed token request, and its tone (a Cancel is no error)."""
    problem = describe(error, cloud=profile.cloud)
    if isinstance(error, VendorRefusal) and request.non_latin1_fields():
        fields = ", ".join(request.non_latin1_fields())
        problem = Problem(
            problem.headline,
            f"{problem.advice} Note: the {fields} contains characters above U+00FF, "
            "which ESWS receives as “?”.",
            code=problem.code,
            field=problem.field,
        )
    cancelled = isinstance(error, TransportError) and error.problem is TransportProblem.CANCELLED
    return problem, Tone.INFO if cancelled else Tone.ERROR


def ready(
    profile_name: str, kind: SyncKind, user_id: str, location: str | int | None, complete: bool
) -> Problem:
    """A sync asked for from outside is in the form: what it is, and what is left to do."""
    what = f"user {user_id}" if kind is SyncKind.ONE_USER else "all users"
    if location is not None:
        what += f" at location {location}"
    advice = (
        "Check the form and press Sync to continue."
        if complete
        else "Complete the form and press Sync to continue."
    )
    return Problem(f"Ready to synchronise {what} with profile “{profile_name}”.", advice)


def missing_profile(name: str) -> Problem:
    """A sync was asked for with a profile that does not exist."""
    return Problem(
        f"There is no profile named “{name}”.",
        "Nothing was selected. Choose the profile to use, or create one named "
        f"“{name}” with Manage profiles.",
        field=FIELD_PROFILE,
    )
