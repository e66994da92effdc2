"""The one place the window turns core errors into words for HR administrators.

Every message says what failed in plain words (a headline), what to do (advice), and, for a
vendor refusal, the vendor's code exactly on a secondary "Error code:" line so that support can
search for it. Nothing here ever includes a typed value.

Every text is in the window's language (:func:`desktop.gui.i18n.translate`): the module-level
tables hold the English, marked with ``QT_TRANSLATE_NOOP``, and are translated where shown (the
language is installed after this module is imported). The core marks what it says the same way:
a refusal's advice under the context "Refusals", field names under "Fields", and what is wrong
with a field (``InputError.template``, filled with ``InputError.values``) under "Input". Vendor
codes, hosts and the technical "Details" stay as they are.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from desktop.core.errors import (
    I3SyncError,
    InputError,
    TransportError,
    TransportProblem,
    VendorRefusal,
)
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.text import one_line
from desktop.core.urls import host_of as host_of  # re-exported: the views name it here
from desktop.esws.profile_model import FIELD_ALLOWED_ORIGINS
from desktop.esws.request import FIELD_COMPANY_ID, SECURITY_CODE_LENGTH
from desktop.gui.i18n import locale, translate, translate_marked

# The contexts under which the core marks what the window shows.
FIELDS_CONTEXT = "Fields"
INPUT_CONTEXT = "Input"
REFUSALS_CONTEXT = "Refusals"


# Field names InputError.field carries that are defined in modules without markers (the same
# English, marked here so that the catalogues hold them).
_OTHER_FIELD_NAMES = (
    QT_TRANSLATE_NOOP("Fields", "ESWS endpoint"),
    QT_TRANSLATE_NOOP("Fields", "I3 address"),
    QT_TRANSLATE_NOOP("Fields", "profile"),
)
# How the line under a field names it, when not by its plain name.
_SUBJECTS = {FIELD_ALLOWED_ORIGINS: QT_TRANSLATE_NOOP("Fields", "list of other I3 addresses")}


@dataclass(frozen=True)
class Problem:
    """A message for the error banner: ``code`` is the vendor's, ``field`` the one to fix.

    Every part may quote a server (a refusal code, a fault string, a host), so each is made one
    plain line on creation: no control, bidi or line-separator character reaches the window.
    """

    headline: str
    advice: str
    code: str | None = None
    field: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "headline", one_line(self.headline, 1000))
        object.__setattr__(self, "advice", one_line(self.advice, 1000))
        if self.code is not None:
            object.__setattr__(self, "code", one_line(self.code, 100))

    @property
    def code_line(self) -> str:
        """``Error code: X`` (the vendor's code verbatim, for support), or empty."""
        if not self.code:
            return ""
        return translate("Messages", "Error code: {code}").format(code=self.code)

    def html(self) -> str:
        """Rich text for a QLabel (every part escaped): headline, advice, then the code line."""
        parts = [f"<b>{escape(self.headline)}</b>"]
        if self.advice:
            parts.append(escape(self.advice))
        if self.code:
            parts.append(f"<small>{escape(self.code_line)}</small>")
        return "<br>".join(parts)

    def plain(self) -> str:
        """The same message as one line of text (logs, accessibility, tests)."""
        text = f"{_sentence(self.headline)} {self.advice}".strip()
        return f"{text} {self.code_line}".strip()


def _sentence(text: str) -> str:
    return text if not text or text[-1] in ".!?…" else text + "."


def page_title(title: str) -> str:
    """A page title fit to show: Qt uses the URL (token and all) when a page has none."""
    if not title.strip() or ("/" in title and not any(ch.isspace() for ch in title)):
        return ""
    from desktop.core.redaction import scrub

    return scrub(title)


def network_reminder(cloud: bool) -> str:
    """The vendor's network prerequisite, worded for on-premise or EasyConnect cloud companies."""
    if cloud:
        return translate(
            "Messages",
            "This profile uses the EasyConnect cloud, so no local API Agent is needed: "
            "check this computer's internet connection, proxy and firewall.",
        )
    return translate(
        "Messages",
        "This computer must be on the same network as the company's API Agent / API Server "
        "(for example on site or over the VPN), unless the company uses the EasyConnect cloud.",
    )


_TRANSPORT_ADVICE: dict[TransportProblem, str] = {
    TransportProblem.REFUSED: QT_TRANSLATE_NOOP(
        "Messages",
        "Nothing answered at that address. Check the ESWS address in the profile "
        "(Manage profiles).",
    ),
    TransportProblem.DNS: QT_TRANSLATE_NOOP(
        "Messages",
        "The server's name could not be found. Check the ESWS address in the profile and this "
        "computer's network connection.",
    ),
    TransportProblem.CONNECT_TIMEOUT: QT_TRANSLATE_NOOP(
        "Messages",
        "No connection could be made in time. Check the network, VPN or proxy, then try again.",
    ),
    TransportProblem.READ_TIMEOUT: QT_TRANSLATE_NOOP(
        "Messages", "The server accepted the request but did not answer. Try again in a moment."
    ),
    TransportProblem.TLS: QT_TRANSLATE_NOOP(
        "Messages",
        "The server's certificate is not trusted by this computer. Ask your IT department to "
        "check it.",
    ),
    TransportProblem.HTTP_STATUS: QT_TRANSLATE_NOOP(
        "Messages", "Check that the ESWS address in the profile is the one Identysoft gave you."
    ),
    TransportProblem.SOAP_FAULT: QT_TRANSLATE_NOOP(
        "Messages",
        "The server reported an internal fault. Try again; if it persists, contact Identysoft "
        "with the time of the attempt.",
    ),
    TransportProblem.MALFORMED: QT_TRANSLATE_NOOP(
        "Messages", "Check that the ESWS address in the profile is the one Identysoft gave you."
    ),
    TransportProblem.TOO_LARGE: QT_TRANSLATE_NOOP(
        "Messages", "Check that the ESWS address in the profile is the one Identysoft gave you."
    ),
    TransportProblem.UNEXPECTED_REPLY: QT_TRANSLATE_NOOP(
        "Messages", "Check that the ESWS address in the profile is the one Identysoft gave you."
    ),
    TransportProblem.NETWORK: QT_TRANSLATE_NOOP(
        "Messages", "Check this computer's network connection, then try again."
    ),
}

# Headlines of a failure to talk to ESWS ("ESWS" is the I3 sync service named in the profile).
_TRANSPORT_HEADLINE: dict[TransportProblem, str] = {
    TransportProblem.REFUSED: QT_TRANSLATE_NOOP("Messages", "Could not reach ESWS at {where}"),
    TransportProblem.DNS: QT_TRANSLATE_NOOP("Messages", "Could not find the server {where}"),
    TransportProblem.CONNECT_TIMEOUT: QT_TRANSLATE_NOOP(
        "Messages", "Could not reach ESWS at {where} in time"
    ),
    TransportProblem.TLS: QT_TRANSLATE_NOOP("Messages", "The secure connection to {where} failed"),
    TransportProblem.HTTP_STATUS: QT_TRANSLATE_NOOP(
        "Messages", "The server at {where} answered with an error"
    ),
    TransportProblem.SOAP_FAULT: QT_TRANSLATE_NOOP("Messages", "ESWS at {where} reported an error"),
    TransportProblem.MALFORMED: QT_TRANSLATE_NOOP(
        "Messages", "The answer from {where} could not be read"
    ),
    TransportProblem.TOO_LARGE: QT_TRANSLATE_NOOP(
        "Messages", "The answer from {where} was far too large"
    ),
    TransportProblem.UNEXPECTED_REPLY: QT_TRANSLATE_NOOP(
        "Messages", "The answer from {where} was not what I3 sends"
    ),
    TransportProblem.NETWORK: QT_TRANSLATE_NOOP("Messages", "Could not reach ESWS at {where}"),
}

# What each documented ESWS refusal means, in the user's words; the code goes on the code line.
REFUSAL_HEADLINES: dict[str, str] = {
    "ERROR_NO_SECURITY_HASH": QT_TRANSLATE_NOOP("Messages", "The security code is missing"),
    "ERROR_UNKNOWN_SECURITY_HASH": QT_TRANSLATE_NOOP(
        "Messages", "No company has this security code"
    ),
    "NO USERNAME PROVIDED": QT_TRANSLATE_NOOP("Messages", "The admin username is missing"),
    "NO PASSWORD PROVIDED": QT_TRANSLATE_NOOP("Messages", "The password is missing"),
    "NO USERID PROVIDED": QT_TRANSLATE_NOOP("Messages", "The user id is missing"),
    "NO ADMIN FOUND BASED ON USERNAME AND PASSWORD": QT_TRANSLATE_NOOP(
        "Messages", "The username or password is not correct"
    ),
    "NO USER FOUND BASED ON THE ID PROVIDED": QT_TRANSLATE_NOOP(
        "Messages", "I3 has no user with this id"
    ),
}
_UNREACHABLE = QT_TRANSLATE_NOOP("Messages", "Could not reach {where}")
UNKNOWN_REFUSAL_HEADLINE = QT_TRANSLATE_NOOP("Messages", "I3 refused the request")

_REACHABILITY = (
    TransportProblem.REFUSED,
    TransportProblem.DNS,
    TransportProblem.CONNECT_TIMEOUT,
    TransportProblem.NETWORK,
)


def seconds_text(value: float) -> str:
    """``value`` as the window's locale writes it (``2.5`` in English, ``2,5`` in German)."""
    return locale().toString(float(value), "g", 6)


def _seconds(value: float) -> str:
    return f"{seconds_text(value)} s"  # with the SI unit


def waited_seconds(error: TransportError, timeout: float | None = None) -> str:
    """How long a timed-out exchange waited, ``30 s``: as the error says, else ``timeout``."""
    if error.waited is not None:
        return _seconds(error.waited)
    # Here, not at the top: core.http loads requests, which must not slow the first paint.
    from desktop.core.http import DEFAULT_READ_TIMEOUT

    return _seconds(timeout if timeout is not None else DEFAULT_READ_TIMEOUT)


def field_name(field: str) -> str:
    """A field's name (``InputError.field``, a refusal's field) in the window's language."""
    return translate_marked(FIELDS_CONTEXT, field)


def input_problem(error: InputError) -> str:
    """What is wrong with the field, in the window's language (after the field's name).

    The translated template is filled with the error's values; a problem raised without a
    template is translated as it is (it is found when marked), else shown in English.
    """
    return error.problem_text(translate_marked)


def _problem_text(problem: str | InputError) -> str:
    if isinstance(problem, InputError):
        return input_problem(problem)
    return translate_marked(INPUT_CONTEXT, problem)


def _transport(error: TransportError, *, cloud: bool, timeout: float | None) -> Problem:
    if error.problem is TransportProblem.CANCELLED:
        return Problem(
            translate("Messages", "Cancelled."),
            translate("Messages", "No token was used and no sync was started."),
        )
    where = host_of(error.endpoint) or error.endpoint
    advice = [translate_marked("Messages", _TRANSPORT_ADVICE.get(error.problem, ""))]
    if error.problem is TransportProblem.READ_TIMEOUT:
        headline = translate("Messages", "No answer within {seconds} from ESWS at {where}").format(
            seconds=waited_seconds(error, timeout), where=where
        )
    else:
        headline = translate_marked(
            "Messages", _TRANSPORT_HEADLINE.get(error.problem, _UNREACHABLE)
        ).format(where=where)
        # Technical, for support: what the connection said (never a typed value), in English.
        if error.detail:
            details = translate("Messages", "(Details: {problem}: {detail}.)").format(
                problem=error.problem.value, detail=error.detail
            )
        else:
            details = translate("Messages", "(Details: {problem}.)").format(
                problem=error.problem.value
            )
        advice.append(details)
    if error.problem in _REACHABILITY and not cloud:
        advice.append(
            translate(
                "Messages",
                "Is the API Agent / API Server running and reachable from this computer?",
            )
        )
    return Problem(headline, " ".join(part for part in advice if part))


def describe(error: BaseException, *, cloud: bool = False, timeout: float | None = None) -> Problem:
    """The banner message for any error a sync can end with, in the window's language.

    ``timeout`` is the read timeout used, for a timeout whose error does not say how long it
    waited (by default the core's :data:`~desktop.core.http.DEFAULT_READ_TIMEOUT`).
    """
    if isinstance(error, VendorRefusal):
        headline = translate_marked(
            "Messages", REFUSAL_HEADLINES.get(error.code, UNKNOWN_REFUSAL_HEADLINE)
        )
        advice = translate_marked(REFUSALS_CONTEXT, error.advice)
        return Problem(headline, advice, code=error.code, field=error.field)
    if isinstance(error, TransportError):
        return _transport(error, cloud=cloud, timeout=timeout)
    if isinstance(error, InputError):
        headline = translate("Messages", "Check the {field}: {problem}.").format(
            field=field_name(error.field), problem=input_problem(error)
        )
        return Problem(headline, "", field=error.field)
    if isinstance(error, I3SyncError):
        return Problem(translate("Messages", "The sync could not start."), str(error))
    # A bug: say so plainly, point to the log, and never echo the exception text (it may quote
    # a value the user typed).
    return Problem(
        translate("Messages", "Something went wrong inside I3 Sync Desktop."),
        translate(
            "Messages",
            "({name}) The details are in the log file; please send it to support.",
        ).format(name=type(error).__name__),
    )


SPACE_HINT = QT_TRANSLATE_NOOP("Messages", "Was a space pasted at the start or end?")


def field_message(field: str, problem: str | InputError, value: str = "") -> str:
    """The line under a field for a problem the core found, in the window's language.

    ``problem`` is the :class:`InputError` (its template is translated), or its English
    ``problem`` text (translated when it is a marked text without values). ``value`` (never
    quoted) lets a security code with a pasted space say so.
    """
    subject = translate_marked(FIELDS_CONTEXT, _SUBJECTS.get(field, field))
    text = translate("Messages", "The {field} {problem}.").format(
        field=subject, problem=_problem_text(problem)
    )
    hint = security_code_hint(value) if field == FIELD_COMPANY_ID else ""
    return f"{text} {hint}" if hint else text


def security_code_hint(value: str) -> str:
    """A hint for a security code of the wrong length that only white space at its ends explains.

    The value itself is never quoted: the hint only asks about pasted spaces.
    """
    if value != value.strip() and len(value.strip()) == SECURITY_CODE_LENGTH:
        return translate_marked("Messages", SPACE_HINT)
    return ""


def page_failure(url: str, reason: str, *, cloud: bool) -> Problem:
    """The in-app explanation when I3's page cannot be loaded at all."""
    headline = translate("Messages", "The I3 page at {host} could not be opened ({reason}).")
    return Problem(headline.format(host=host_of(url), reason=reason), network_reminder(cloud))
