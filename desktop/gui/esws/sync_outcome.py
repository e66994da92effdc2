"""What the "I3 sync" tab says about a sync it could not start: wording only, no widgets.

Kept apart from :mod:`desktop.gui.esws.sync_tab` so that the tab holds the wiring and this
module the sentences (and the one rule about which tone an outcome gets).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from desktop.core.errors import TransportError, TransportProblem, VendorRefusal
from desktop.esws.request import SyncKind, SyncRequest
from desktop.gui.esws.fetch_bar import field_list
from desktop.gui.esws.sync_form import FIELD_PROFILE
from desktop.gui.i18n import translate, translate_marked
from desktop.gui.messages import Problem, describe, host_of
from desktop.gui.widgets import Tone

if TYPE_CHECKING:
    from desktop.esws.profile_state import LoadResult
    from desktop.esws.profiles import Profile


def failure(error: BaseException, profile: Profile, request: SyncRequest) -> tuple[Problem, Tone]:
    """The message for a failed token request, and its tone (a Cancel is no error)."""
    problem = describe(error, cloud=profile.cloud)
    if isinstance(error, VendorRefusal) and request.non_latin1_fields():
        fields = field_list(request.non_latin1_fields())
        note = translate(
            "SyncOutcome",
            "Note: the {fields} contains characters that I3 cannot store (above U+00FF), "
            "which ESWS receives as “?”.",
        ).format(fields=fields)
        problem = Problem(
            problem.headline,
            f"{problem.advice} {note}".strip(),
            code=problem.code,
            field=problem.field,
        )
    cancelled = isinstance(error, TransportError) and error.problem is TransportProblem.CANCELLED
    return problem, Tone.INFO if cancelled else Tone.ERROR


def ready(
    profile_name: str, kind: SyncKind, user_id: str, location: str | int | None, complete: bool
) -> Problem:
    """A sync asked for from outside is in the form: what it is, and what is left to do."""
    if kind is not SyncKind.ONE_USER:
        headline = translate(
            "SyncOutcome", "Ready to synchronise all users with profile “{profile}”."
        ).format(profile=profile_name)
    elif location is not None:
        headline = translate(
            "SyncOutcome",
            "Ready to synchronise user {user} at location {location} with profile “{profile}”.",
        ).format(user=user_id, location=location, profile=profile_name)
    else:
        headline = translate(
            "SyncOutcome", "Ready to synchronise user {user} with profile “{profile}”."
        ).format(user=user_id, profile=profile_name)
    advice = (
        translate("SyncOutcome", "Check the form and press Sync to continue.")
        if complete
        else translate("SyncOutcome", "Complete the form and press Sync to continue.")
    )
    return Problem(headline, advice)


def profile_summary(profile: Profile | None) -> str:
    """The line under the profile list: where ESWS and I3 are, and how I3 is hosted."""
    if profile is None:
        return translate("SyncTab", "Create a profile to say where ESWS and I3 are.")
    summary = (
        translate("SyncTab", "ESWS at {esws} · I3 at {i3} · EasyConnect cloud")
        if profile.cloud
        else translate("SyncTab", "ESWS at {esws} · I3 at {i3} · on-premise API Agent / API Server")
    )
    return summary.format(esws=host_of(profile.esws_endpoint), i3=host_of(profile.i3_base_url))


def no_vault() -> Problem:
    """The notice when this computer has no password vault."""
    return Problem(
        translate("SyncTab", "No password vault is available on this computer."),
        translate(
            "SyncTab",
            "The security code and password cannot be remembered: you will type them for "
            "each sync.",
        ),
    )


def missing_profile(name: str) -> Problem:
    """A sync was asked for with a profile that does not exist."""
    return Problem(
        translate("SyncOutcome", "There is no profile named “{name}”.").format(name=name),
        translate(
            "SyncOutcome",
            "Nothing was selected. Choose the profile to use, or create one named “{name}” "
            "with Manage profiles.",
        ).format(name=name),
        field=FIELD_PROFILE,
    )


def profile_state_notices(state: LoadResult) -> list[tuple[str, str, Tone]]:
    """(notice key, text, tone) for what reading the profiles found, in the window's language:
    a warning for what was lost or set aside, a note for the rest (IT's profiles unreadable, a
    profile hidden by a managed one's name); an empty text clears that notice."""
    problem = state.problem_text(translate_marked) or ""
    serious = set(state.problems)
    others = [
        text
        for english, text in zip(state.notices, state.notices_text(translate_marked), strict=True)
        if english not in serious
    ]
    return [("profiles", problem, Tone.WARNING), ("profileNotes", " ".join(others), Tone.INFO)]
