"""What the CRM.COM panel says, in plain Python: error messages, the validity line, vault names.

Kept out of the widget so that the wording is tested without Qt and the widget only presents.
Nothing here ever includes a secret: the token appears only as its masked preview.
"""

from __future__ import annotations

from datetime import datetime

from desktop.core.errors import InputError, TransportError, TransportProblem, VendorRefusal
from desktop.core.vault import SecretKind
from desktop.crm.credentials import LoginMode
from desktop.crm.token import CrmToken

VAULT_PROFILE_PREFIX = "crm:"

SECRET_KINDS: dict[LoginMode, SecretKind] = {
    LoginMode.USERNAME: SecretKind.CRM_PASSWORD,
    LoginMode.IDENTIFIER: SecretKind.CRM_PASS_CODE,
    LoginMode.AUTH_CODE: SecretKind.CRM_AUTH_CODE,
}


def vault_profile(organisation: str) -> str:
    """The vault profile under which an organisation's CRM.COM secrets are kept."""
    return VAULT_PROFILE_PREFIX + organisation.strip()


def describe_error(error: BaseException) -> str:
    """One line for the panel's error label; a refusal starts with CRM.COM's status code."""
    if isinstance(error, VendorRefusal):
        return f"{error.code}: CRM.COM refused the login. {error.advice}"
    if isinstance(error, TransportError):
        if error.problem is TransportProblem.CANCELLED:
            return "Cancelled: no token was requested."
        detail = f" ({error.detail})" if error.detail else ""
        return f"Could not get a token from {error.endpoint}: {error.problem.value}{detail}."
    if isinstance(error, InputError):
        return f"Check the {error.field}: {error.problem}."
    # A bug: never echo its text (it may quote a value the user typed).
    return f"Something went wrong ({type(error).__name__}); the details are in the log file."


def describe_problems(problems: dict[str, str]) -> str:
    """Every form problem at once, field by field."""
    return " ".join(f"Check the {name}: {problem}." for name, problem in problems.items())


def countdown(seconds: float) -> str:
    """``59:07`` or ``1:59:07``: whole seconds left, rounded down."""
    whole = max(0, int(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def clock_time(epoch: float) -> str:
    """A moment as the local time of day, ``14:32:05``."""
    return datetime.fromtimestamp(epoch).strftime("%H:%M:%S")


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
