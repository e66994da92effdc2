"""What the CRM.COM panel says, in plain Python: error messages, the validity line, vault names.

Kept out of the widget so that the wording is tested without Qt and the widget only presents.
Nothing here ever includes a secret: the token appears only as its masked preview. Each function
that words something takes a ``localise`` (the window's ``translate``); without one it is English.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from desktop.core.errors import InputError, TransportError, TransportProblem, VendorRefusal
from desktop.core.i18n import QT_TRANSLATE_NOOP, Localise, english
from desktop.core.text import one_line
from desktop.core.urls import host_of
from desktop.core.vault import SecretKind
from desktop.crm.codes import (
    CODE_INVALID_ACCESS_TOKEN,
    CODE_INVALID_LOGIN,
    CODE_INVALID_REQUEST,
    CODE_ORGANISATION_NOT_FOUND,
    CODE_UNIT_NOT_FOUND,
    CrmRefusal,
)
from desktop.crm.credentials import CrmCredentials, LoginMode
from desktop.crm.token import CrmToken

# Every text below is marked QT_TRANSLATE_NOOP("CrmDisplay", ...) for lupdate; the window passes
# its translation as ``localise``, plain Python keeps the English.
CONTEXT = "CrmDisplay"


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
    """One line of English, CRM.COM's code first: the panel's log line (support reads it).

    The window shows :func:`explain_error` instead. CRM.COM's code, message and description and an
    HTTP reason phrase are server text: they are made one line without controls
    (:func:`~desktop.core.text.one_line`) and kept as characters (markup is never rendered).
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


@dataclass(frozen=True)
class CrmProblem:
    """What the panel shows about a failure: a plain headline, what to do, then the secondary
    lines support asks for ("Error code: INVALID_LOGIN", "Details: ..."); ``field`` is the form
    field to fix. Every part is one plain line (server text included: never markup)."""

    headline: str
    advice: str = ""
    code: str | None = None
    field: str | None = None
    extra: tuple[str, ...] = ()  # the "Error code:" and "Details:" lines, already worded

    def text(self) -> str:
        """Headline, advice and the secondary lines, one per line (a plain-text label)."""
        return "\n".join(line for line in (self.headline, self.advice, *self.extra) if line)


def _say(localise: Localise, text: str) -> str:
    return localise(CONTEXT, text)


# What each CRM.COM refusal we know means, in the administrator's words (the code goes on the
# "Error code:" line, verbatim).
_REFUSALS: dict[str, tuple[str, str]] = {
    CODE_INVALID_LOGIN: (
        QT_TRANSLATE_NOOP("CrmDisplay", "The username or password is not correct"),
        QT_TRANSLATE_NOOP(
            "CrmDisplay",
            "Check both; passwords are case-sensitive. After several wrong attempts CRM.COM may "
            "lock the user.",
        ),
    ),
    CODE_INVALID_ACCESS_TOKEN: (
        QT_TRANSLATE_NOOP("CrmDisplay", "CRM.COM did not accept the access token"),
        QT_TRANSLATE_NOOP(
            "CrmDisplay",
            "Check the access token identifier and pass code, or the authentication code, "
            "with whoever set up the access token in CRM.COM.",
        ),
    ),
    CODE_ORGANISATION_NOT_FOUND: (
        QT_TRANSLATE_NOOP("CrmDisplay", "CRM.COM does not know this organisation"),
        QT_TRANSLATE_NOOP(
            "CrmDisplay", "Check the organisation's name as your CRM.COM provider spells it."
        ),
    ),
    CODE_UNIT_NOT_FOUND: (
        QT_TRANSLATE_NOOP("CrmDisplay", "This user cannot log in to that unit"),
        QT_TRANSLATE_NOOP(
            "CrmDisplay", "Check the unit, or leave it empty to use the user's default unit."
        ),
    ),
    CODE_INVALID_REQUEST: (
        QT_TRANSLATE_NOOP("CrmDisplay", "CRM.COM could not read the login"),
        QT_TRANSLATE_NOOP(
            "CrmDisplay",
            "Check the CRM.COM address: it must be the Web API address your CRM.COM provider "
            "gave you.",
        ),
    ),
}

# Could not talk to CRM.COM: (headline with {where}, advice).
_TRANSPORT: dict[TransportProblem, tuple[str, str]] = {
    TransportProblem.REFUSED: (
        QT_TRANSLATE_NOOP("CrmDisplay", "Nothing answered at {where}"),
        QT_TRANSLATE_NOOP(
            "CrmDisplay", "Check the CRM.COM address, and that this computer can reach it."
        ),
    ),
    TransportProblem.DNS: (
        QT_TRANSLATE_NOOP("CrmDisplay", "The server {where} could not be found"),
        QT_TRANSLATE_NOOP(
            "CrmDisplay", "Check the CRM.COM address and this computer's network connection."
        ),
    ),
    TransportProblem.CONNECT_TIMEOUT: (
        QT_TRANSLATE_NOOP("CrmDisplay", "Could not reach CRM.COM at {where} in time"),
        QT_TRANSLATE_NOOP("CrmDisplay", "Check the network, VPN or proxy, then try again."),
    ),
    TransportProblem.READ_TIMEOUT: (
        QT_TRANSLATE_NOOP("CrmDisplay", "No answer in time from CRM.COM at {where}"),
        QT_TRANSLATE_NOOP(
            "CrmDisplay", "CRM.COM accepted the request but did not answer. Try again shortly."
        ),
    ),
    TransportProblem.TLS: (
        QT_TRANSLATE_NOOP("CrmDisplay", "The secure connection to {where} failed"),
        QT_TRANSLATE_NOOP(
            "CrmDisplay",
            "This computer does not trust the server's certificate. Ask your IT department to "
            "check it.",
        ),
    ),
    TransportProblem.HTTP_STATUS: (
        QT_TRANSLATE_NOOP("CrmDisplay", "The server at {where} answered with an error"),
        QT_TRANSLATE_NOOP(
            "CrmDisplay",
            "Try again shortly. If it persists, check that the CRM.COM address is the Web API "
            "address your CRM.COM provider gave you.",
        ),
    ),
}
_NOT_CRM = (
    QT_TRANSLATE_NOOP("CrmDisplay", "The answer from {where} was not what CRM.COM sends"),
    QT_TRANSLATE_NOOP(
        "CrmDisplay",
        "Check that the CRM.COM address is the Web API address your CRM.COM provider gave you.",
    ),
)
_UNREACHABLE = (
    QT_TRANSLATE_NOOP("CrmDisplay", "Could not reach CRM.COM at {where}"),
    QT_TRANSLATE_NOOP("CrmDisplay", "Check this computer's network connection, then try again."),
)


def _host(url: str) -> str:
    """The host (and port) of ``url`` for a headline; the whole text when it has none."""
    return one_line(host_of(url) or url, MAX_CODE_LENGTH)


def _refusal(error: VendorRefusal, localise: Localise) -> CrmProblem:
    code = one_line(error.code, MAX_CODE_LENGTH)
    known = _REFUSALS.get(error.code)
    if known is not None:
        headline, advice = _say(localise, known[0]), _say(localise, known[1])
    else:
        headline = _say(localise, QT_TRANSLATE_NOOP("CrmDisplay", "CRM.COM refused the login"))
        advice = ""
    if isinstance(error, CrmRefusal):
        said = " — ".join(p for p in (error.vendor_message, error.description) if p)
    else:
        said = error.advice
    said = one_line(said, MAX_ADVICE_LENGTH)
    if said:
        quoted = _say(localise, QT_TRANSLATE_NOOP("CrmDisplay", "CRM.COM said: “{message}”."))
        advice = f"{advice} {quoted.format(message=said)}".strip()
    elif not advice:
        advice = _say(
            localise,
            QT_TRANSLATE_NOOP(
                "CrmDisplay",
                "CRM.COM gave no reason. Give the error code below to your CRM.COM administrator.",
            ),
        )
    extra: tuple[str, ...] = ()
    if code:
        line = _say(localise, QT_TRANSLATE_NOOP("CrmDisplay", "Error code: {code}"))
        extra = (line.format(code=code),)
    return CrmProblem(headline, advice, code or None, error.field, extra)


def _transport(error: TransportError, localise: Localise) -> CrmProblem:
    if error.problem is TransportProblem.CANCELLED:
        return CrmProblem(
            _say(localise, QT_TRANSLATE_NOOP("CrmDisplay", "Cancelled.")),
            _say(localise, QT_TRANSLATE_NOOP("CrmDisplay", "No token was requested.")),
        )
    headline, advice = _TRANSPORT.get(error.problem, _UNREACHABLE)
    if error.problem in (
        TransportProblem.MALFORMED,
        TransportProblem.TOO_LARGE,
        TransportProblem.UNEXPECTED_REPLY,
    ):
        headline, advice = _NOT_CRM
    where = _host(error.endpoint)
    if error.problem is TransportProblem.READ_TIMEOUT and error.waited is not None:
        seconds = f"{error.waited:g}"
        text = _say(
            localise, QT_TRANSLATE_NOOP("CrmDisplay", "No answer within {seconds} s from {where}")
        ).format(seconds=seconds, where=where)
    else:
        text = _say(localise, headline).format(where=where)
    # For support: what the connection said, in the core's words (never a typed value).
    detail = one_line(error.detail)
    details = f"{error.problem.value}: {detail}" if detail else error.problem.value
    line = _say(localise, QT_TRANSLATE_NOOP("CrmDisplay", "Details: {details}"))
    return CrmProblem(text, _say(localise, advice), extra=(line.format(details=details),))


def field_name(field: str, localise: Localise = english) -> str:
    """A form field's name (``InputError.field``) in the window's language."""
    return localise("Fields", field)


def _check(error: InputError, localise: Localise) -> str:
    """``Check the <field>: <problem>.``"""
    text = _say(localise, QT_TRANSLATE_NOOP("CrmDisplay", "Check the {field}: {problem}."))
    return text.format(
        field=field_name(error.field, localise), problem=error.problem_text(localise)
    )


def explain_error(error: BaseException, localise: Localise = english) -> CrmProblem:
    """What the panel shows for any error a login can end with, in plain words.

    ``localise(context, text)`` translates (the window passes its ``translate``); by default the
    English is kept.
    """
    if isinstance(error, VendorRefusal):
        return _refusal(error, localise)
    if isinstance(error, TransportError):
        return _transport(error, localise)
    if isinstance(error, InputError):
        return CrmProblem(one_line(_check(error, localise), MAX_ADVICE_LENGTH), field=error.field)
    # A bug: never echo its text (it may quote a value the user typed).
    return CrmProblem(
        _say(localise, QT_TRANSLATE_NOOP("CrmDisplay", "Something went wrong")),
        _say(localise, QT_TRANSLATE_NOOP("CrmDisplay", "The details are in the log file.")),
        extra=(
            _say(localise, QT_TRANSLATE_NOOP("CrmDisplay", "Details: {details}")).format(
                details=type(error).__name__
            ),
        ),
    )


TOKEN_PURPOSE = QT_TRANSLATE_NOOP(
    "CrmDisplay",
    "It lets another program (an API client or an integration) call CRM.COM as this login "
    "until it expires.",
)


def token_purpose(localise: Localise = english) -> str:
    """One sentence on what a session token is for (:data:`TOKEN_PURPOSE`, translated)."""
    return _say(localise, TOKEN_PURPOSE)


def token_owner(credentials: CrmCredentials) -> str:
    """Whose token a login gets, ``CRMDEMO / mpadministrator``; never a secret."""
    who = {
        LoginMode.USERNAME: credentials.username,
        LoginMode.IDENTIFIER: credentials.identifier,
    }.get(credentials.mode, "")
    organisation = one_line(credentials.organisation, MAX_CODE_LENGTH)
    return f"{organisation} / {one_line(who, MAX_CODE_LENGTH)}" if who else organisation


def elapsed_text(seconds: float, localise: Localise = english) -> str:
    """``Waited 12 s``: how long a request has been running, in whole seconds."""
    text = _say(localise, QT_TRANSLATE_NOOP("CrmDisplay", "Waited {seconds} s."))
    return text.format(seconds=max(0, int(seconds)))


def describe_problems(problems: Iterable[InputError], localise: Localise = english) -> str:
    """Every form problem at once, field by field."""
    return " ".join(_check(error, localise) for error in problems)


def countdown(seconds: float, localise: Localise = english) -> str:
    """``59:07`` or ``1:59:07``: whole seconds left, rounded down; total for any float.

    Past :data:`MAX_COUNTDOWN_SECONDS` (or infinite) it reads "more than 99 days"; NaN reads 0:00.
    """
    if math.isnan(seconds):
        seconds = 0.0
    if seconds > MAX_COUNTDOWN_SECONDS:
        return _say(localise, QT_TRANSLATE_NOOP("CrmDisplay", "more than 99 days"))
    whole = max(0, int(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def clock_time(epoch: float) -> str | None:
    """A moment as the local time of day, ``14:32:05``; None for a moment a datetime cannot hold
    (past year 9999, infinite, NaN), so a panel ticking every second never sticks on an
    exception (the window passes its own, locale-aware clock to :func:`validity_text`)."""
    try:
        return datetime.fromtimestamp(epoch).strftime("%H:%M:%S")
    except (OverflowError, OSError, ValueError):
        return None


def validity_text(
    token: CrmToken | None,
    now: float,
    *,
    busy: bool = False,
    localise: Localise = english,
    clock: Callable[[float], str | None] = clock_time,
) -> str:
    """The validity line: which token (masked), how long it stays valid, and until when; each
    case one whole sentence (a time that cannot be shown is left out, not worded into one)."""
    if token is None:
        if busy:
            return _say(localise, QT_TRANSLATE_NOOP("CrmDisplay", "Getting a token from CRM.COM…"))
        return _say(localise, QT_TRANSLATE_NOOP("CrmDisplay", "No token yet."))
    until = clock(token.expires_at)
    left = countdown(token.seconds_left(now), localise)
    expired = token.is_expired(now)
    if expired and until is not None:
        template = QT_TRANSLATE_NOOP("CrmDisplay", "Token {token} expired at {time}.")
    elif expired:
        template = QT_TRANSLATE_NOOP("CrmDisplay", "Token {token} has expired.")
    elif until is not None:
        template = QT_TRANSLATE_NOOP("CrmDisplay", "Token {token} valid for {left} (until {time}).")
    else:
        template = QT_TRANSLATE_NOOP("CrmDisplay", "Token {token} valid for {left}.")
    text = _say(localise, template).format(token=token.preview(), left=left, time=until or "")
    if busy:
        more = _say(localise, QT_TRANSLATE_NOOP("CrmDisplay", "{status} Getting a new one…"))
        text = more.format(status=text)
    return text
