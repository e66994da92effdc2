"""What the CRM.COM panel says, in plain Python: error messages, the validity line, vault names.

Kept out of the widget so that the wording is tested without Qt and the widget only presents.
Nothing here ever includes a secret: the token appears only as its masked preview.
"""

from __future__ import annotations

import math
from datetime import datetime

from desktop.core.errors import InputError, TransportError, TransportProblem, VendorRefusal
from desktop.core.text import one_line
from desktop.core.vault import SecretKind
from desktop.crm.credentials import CrmCredentials, LoginMode
from desktop.crm.token import CrmToken

VAULT_PROFILE_PREFIX = "crm:"
MAX_CODE_LENGTH = 100
MAX_ADVICE_LENGTH = 1000
MAX_COUNTDOWN_SECONDS = 99 * 86400

SECRET_KINDS: dict[LoginMode, SecretKind] = {
    LoginMode.USERNAME: SecretKind.CRM_PASSWORD,
    LoginMode.IDENTIFIER: SecretKind.CRM_PASS_CODE,
    LoginMode.AUTH_CODE: SecretKind.CRM_AUTH_CODE,
}


def vault_profile(organisation: str) -> str:
    """The vault profile under which an organisation's CRM.COM secrets are kept."""
    return VAULT_PROFILE_PREFIX + organisation.strip()


def describe_error(error: BaseException) -> str:
    """One line of plain text for the panel's error label; a refusal starts with CRM.COM's code.

    CRM.COM's code, message and description and an HTTP reason phrase are server text: they are
    made one line without controls (:func:`~desktop.core.text.one_line`) and kept as characters,
    so the label must show plain text (markup in a code is shown, never rendered).
    """
    if isinstance(error, VendorRefusal):
        code = one_line(error.code, MAX_CODE_LENGTH) or "Refused"
        return f"{code}: CRM.COM refused the login. {one_line(error.advice, MAX_ADVICE_LENGTH)}"
    if isinstance(error, TransportError):
        if error.problem is TransportProblem.CANCELLED:
            return "Cancelled: no token was requested."
        detail = one_line(error.detail)
        shown = f" ({detail})" if detail else ""
        endpoint = one_line(error.endpoint)
        return f"Could not get a token from {endpoint}: {error.problem.value}{shown}."
    if isinstance(error, InputError):
        return one_line(f"Check the {error.field}: {error.problem}.", MAX_ADVICE_LENGTH)
    # A bug: never echo its text (it may quote a value the user typed).
    return f"Something went wrong ({type(error).__name__}); the details are in the log file."


TOKEN_PURPOSE = (
    "It lets another program (an API client or an integration) call CRM.COM as this login "
    "until it expires."
)


def token_owner(credentials: CrmCredentials) -> str:
    """Whose token a login gets, ``CRMDEMO / mpadministrator``; never a secret."""
    who = {
        LoginMode.USERNAME: credentials.username,
        LoginMode.IDENTIFIER: credentials.identifier,
    }.get(credentials.mode, "")
    organisation = one_line(credentials.organisation, MAX_CODE_LENGTH)
    return f"{organisation} / {one_line(who, MAX_CODE_LENGTH)}" if who else organisation


def elapsed_text(seconds: float) -> str:
    """`` (12 s)``: how long a request has been running, in whole seconds."""
    return f" ({max(0, int(seconds))} s)"


def describe_problems(problems: dict[str, str]) -> str:
    """Every form problem at once, field by field."""
    return " ".join(f"Check the {name}: {problem}." for name, problem in problems.items())


def countdown(seconds: float) -> str:
    """``59:07`` or ``1:59:07``: whole seconds left, rounded down; total for any float.

    Past :data:`MAX_COUNTDOWN_SECONDS` (or infinite) it reads "more than 99 days"; NaN reads 0:00.
    """
    if math.isnan(seconds):
        seconds = 0.0
    if seconds > MAX_COUNTDOWN_SECONDS:
        return "more than 99 days"
    whole = max(0, int(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def clock_time(epoch: float) -> str:
    """A moment as the local time of day, ``14:32:05``; total for any float.

    A moment a datetime cannot hold (past year 9999, infinite, NaN) is described in words
    instead of raising, so a panel ticking every second can never stick on an exception.
    """
    try:
        return datetime.fromtimestamp(epoch).strftime("%H:%M:%S")
    except (OverflowError, OSError, ValueError):
        return "a time too far away to show" if not math.isnan(epoch) else "an unknown time"


def validity_text(token: CrmToken | None, now: float, *, busy: bool = False) -> str:
    """The validity line: which token (masked), how long it stays valid, and until when."""
    if token is None:
        return "Getting a token from CRM.COM…" if busy else "No token yet."
    if token.is_expired(now):
        text = f"Token {token.preview()} expired at {clock_time(token.expires_at)}."
    else:
        text = (
            f"Token {token.preview()} valid for {countdown(token.seconds_left(now))} "
            f"(until {clock_time(token.expires_at)})."
        )
    return text + " Getting a new one…" if busy else text
