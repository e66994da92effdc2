"""The one place the window turns core errors into words for HR administrators.

Every message says what failed in plain words (a headline), what to do (advice), and, for a
vendor refusal, the vendor's code exactly on a secondary "Error code:" line so that support can
search for it. Nothing here ever includes a typed value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape
from urllib.parse import urlsplit

from desktop.core.errors import (
    I3SyncError,
    InputError,
    TransportError,
    TransportProblem,
    VendorRefusal,
)
from desktop.core.text import one_line
from desktop.esws.request import FIELD_COMPANY_ID, SECURITY_CODE_LENGTH


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
        return f"Error code: {self.code}" if self.code else ""

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


def host_of(url: str) -> str:
    """The host (and port, when not the default) of ``url``, for messages."""
    parts = urlsplit(url)
    return parts.netloc.rsplit("@", 1)[-1]


def page_title(title: str) -> str:
    """A page title fit to show: Qt uses the URL (token and all) when a page has none."""
    if not title.strip() or ("/" in title and not any(ch.isspace() for ch in title)):
        return ""
    from desktop.core.redaction import scrub

    return scrub(title)


def network_reminder(cloud: bool) -> str:
    """The vendor's network prerequisite, worded for on-premise or EasyConnect cloud companies."""
    if cloud:
        return (
            "This profile uses the EasyConnect cloud, so no local API Agent is needed: "
            "check this computer's internet connection, proxy and firewall."
        )
    return (
        "This computer must be on the same network as the company's API Agent / API Server "
        "(for example on site or over the VPN), unless the company uses the EasyConnect cloud."
    )


_TRANSPORT_ADVICE: dict[TransportProblem, str] = {
    TransportProblem.REFUSED: "Nothing answered at that address. Check the ESWS address in the "
    "profile (Manage profiles).",
    TransportProblem.DNS: "The server's name could not be found. Check the ESWS address in "
    "the profile and this computer's network connection.",
    TransportProblem.CONNECT_TIMEOUT: "No connection could be made in time. Check the network, "
    "VPN or proxy, then try again.",
    TransportProblem.READ_TIMEOUT: "The server accepted the request but did not answer. "
    "Try again in a moment.",
    TransportProblem.TLS: "The server's certificate is not trusted by this computer. Ask your "
    "IT department to check it.",
    TransportProblem.HTTP_STATUS: "Check that the ESWS address in the profile is the one "
    "Identysoft gave you.",
    TransportProblem.SOAP_FAULT: "The server reported an internal fault. Try again; if it "
    "persists, contact Identysoft with the time of the attempt.",
    TransportProblem.MALFORMED: "Check that the ESWS address in the profile is the one "
    "Identysoft gave you.",
    TransportProblem.TOO_LARGE: "Check that the ESWS address in the profile is the one "
    "Identysoft gave you.",
    TransportProblem.UNEXPECTED_REPLY: "Check that the ESWS address in the profile is the one "
    "Identysoft gave you.",
    TransportProblem.NETWORK: "Check this computer's network connection, then try again.",
}

# Headlines of a failure to talk to ESWS ("ESWS" is the I3 sync service named in the profile).
_TRANSPORT_HEADLINE: dict[TransportProblem, str] = {
    TransportProblem.REFUSED: "Could not reach ESWS at {where}",
    TransportProblem.DNS: "Could not find the server {where}",
    TransportProblem.CONNECT_TIMEOUT: "Could not reach ESWS at {where} in time",
    TransportProblem.TLS: "The secure connection to {where} failed",
    TransportProblem.HTTP_STATUS: "The server at {where} answered with an error",
    TransportProblem.SOAP_FAULT: "ESWS at {where} reported an error",
    TransportProblem.MALFORMED: "The answer from {where} could not be read",
    TransportProblem.TOO_LARGE: "The answer from {where} was far too large",
    TransportProblem.UNEXPECTED_REPLY: "The answer from {where} was not what I3 sends",
    TransportProblem.NETWORK: "Could not reach ESWS at {where}",
}

# What each documented ESWS refusal means, in the user's words; the code goes on the code line.
REFUSAL_HEADLINES: dict[str, str] = {
    "ERROR_NO_SECURITY_HASH": "The security code is missing",
    "ERROR_UNKNOWN_SECURITY_HASH": "No company has this security code",
    "NO USERNAME PROVIDED": "The admin username is missing",
    "NO PASSWORD PROVIDED": "The password is missing",
    "NO USERID PROVIDED": "The user id is missing",
    "NO ADMIN FOUND BASED ON USERNAME AND PASSWORD": "The username or password is not correct",
    "NO USER FOUND BASED ON THE ID PROVIDED": "I3 has no user with this id",
}
UNKNOWN_REFUSAL_HEADLINE = "I3 refused the request"

_REACHABILITY = (
    TransportProblem.REFUSED,
    TransportProblem.DNS,
    TransportProblem.CONNECT_TIMEOUT,
    TransportProblem.NETWORK,
)
_WITHIN = re.compile(r"within (\d+(?:\.\d+)?) s\b")


def waited_seconds(error: TransportError, timeout: float | None = None) -> str:
    """How long a timed-out exchange waited, ``30 s``: from the error's detail, else ``timeout``."""
    found = _WITHIN.search(error.detail)
    if found:
        return f"{float(found.group(1)):g} s"
    # Here, not at the top: core.http loads requests, which must not slow the first paint.
    from desktop.core.http import DEFAULT_READ_TIMEOUT

    return f"{(timeout if timeout is not None else DEFAULT_READ_TIMEOUT):g} s"


def describe(error: BaseException, *, cloud: bool = False, timeout: float | None = None) -> Problem:
    """The banner message for any error a sync can end with.

    ``timeout`` is the read timeout used, for a timeout whose error does not say how long it
    waited (by default the core's :data:`~desktop.core.http.DEFAULT_READ_TIMEOUT`).
    """
    if isinstance(error, VendorRefusal):
        headline = REFUSAL_HEADLINES.get(error.code, UNKNOWN_REFUSAL_HEADLINE)
        return Problem(headline, error.advice, code=error.code, field=error.field)
    if isinstance(error, TransportError):
        if error.problem is TransportProblem.CANCELLED:
            return Problem("Cancelled.", "No token was used and no sync was started.")
        where = host_of(error.endpoint) or error.endpoint
        advice = _TRANSPORT_ADVICE.get(error.problem, "")
        if error.problem is TransportProblem.READ_TIMEOUT:
            headline = f"No answer within {waited_seconds(error, timeout)} from ESWS at {where}"
        else:
            headline = _TRANSPORT_HEADLINE.get(error.problem, "Could not reach {where}")
            headline = headline.format(where=where)
            if error.detail:
                # Technical, for support: what the connection said (never a typed value).
                advice += f" (Details: {error.problem.value}: {error.detail}.)"
            else:
                advice += f" (Details: {error.problem.value}.)"
        if error.problem in _REACHABILITY and not cloud:
            advice += " Is the API Agent / API Server running and reachable from this computer?"
        return Problem(headline, advice.strip())
    if isinstance(error, InputError):
        return Problem(f"Check the {error.field}: {error.problem}.", "", field=error.field)
    if isinstance(error, I3SyncError):
        return Problem("The sync could not start.", str(error))
    # A bug: say so plainly, point to the log, and never echo the exception text (it may quote
    # a value the user typed).
    return Problem(
        "Something went wrong inside I3 Sync Desktop.",
        f"({type(error).__name__}) The details are in the log file; please send it to support.",
    )


SPACE_HINT = "Was a space pasted at the start or end?"


def field_message(field: str, problem: str, value: str = "") -> str:
    """The line under a field for a problem the core found; ``value`` (never quoted) lets a
    security code with a pasted space say so."""
    text = f"The {field} {problem}."
    if field == FIELD_COMPANY_ID and security_code_hint(value):
        text += " " + SPACE_HINT
    return text


def security_code_hint(value: str) -> str:
    """A hint for a security code of the wrong length that only white space at its ends explains.

    The value itself is never quoted: the hint only asks about pasted spaces.
    """
    if value != value.strip() and len(value.strip()) == SECURITY_CODE_LENGTH:
        return SPACE_HINT
    return ""


def page_failure(url: str, reason: str, *, cloud: bool) -> Problem:
    """The in-app explanation when I3's page cannot be loaded at all."""
    host = host_of(url)
    return Problem(
        f"The I3 page at {host} could not be opened ({reason}).", network_reminder(cloud)
    )
