"""The one place the window turns core errors into words for HR administrators.

Every message says what failed, where, and what to do; a vendor refusal starts with the vendor's
code exactly, so that support can search for it. Nothing here ever includes a typed value.
"""

from __future__ import annotations

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

    def html(self) -> str:
        """Rich text for a QLabel (every part escaped)."""
        head = escape(self.headline)
        head = f"<b>{escape(self.code)}</b> &mdash; {head}" if self.code else f"<b>{head}</b>"
        return f"{head}<br>{escape(self.advice)}" if self.advice else head

    def plain(self) -> str:
        """The same message as one line of text (logs, accessibility, tests)."""
        head = f"{self.code}: {self.headline}" if self.code else self.headline
        return f"{head} {self.advice}".strip()


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
    TransportProblem.REFUSED: "Nothing answered there. Check the ESWS endpoint in the profile.",
    TransportProblem.DNS: "The server's name could not be found. Check the ESWS endpoint in "
    "the profile and this computer's network connection.",
    TransportProblem.CONNECT_TIMEOUT: "No connection could be made in time. Check the network, "
    "VPN or proxy, then try again.",
    TransportProblem.READ_TIMEOUT: "The server accepted the request but did not answer in time. "
    "Try again in a moment.",
    TransportProblem.TLS: "The secure connection failed: the server's certificate is not trusted "
    "by this computer. Ask your IT department to check it.",
    TransportProblem.HTTP_STATUS: "The server answered with an HTTP error. Check that the "
    "profile's ESWS endpoint is the ESWS address.",
    TransportProblem.SOAP_FAULT: "ESWS reported an internal fault. Try again; if it persists, "
    "contact Identysoft with the time of the attempt.",
    TransportProblem.MALFORMED: "The answer was not a readable ESWS answer. Check that the "
    "profile's ESWS endpoint is the ESWS address.",
    TransportProblem.TOO_LARGE: "The answer was far larger than any ESWS answer. Check that the "
    "profile's ESWS endpoint is the ESWS address.",
    TransportProblem.UNEXPECTED_REPLY: "The answer was neither a token nor a known ESWS refusal. "
    "Check that the profile's ESWS endpoint is the ESWS address.",
    TransportProblem.NETWORK: "Check this computer's network connection, then try again.",
}

_REACHABILITY = (
    TransportProblem.REFUSED,
    TransportProblem.DNS,
    TransportProblem.CONNECT_TIMEOUT,
    TransportProblem.NETWORK,
)


def describe(error: BaseException, *, cloud: bool = False) -> Problem:
    """The banner message for any error a sync can end with."""
    if isinstance(error, VendorRefusal):
        return Problem(
            "ESWS refused the request.", error.advice, code=error.code, field=error.field
        )
    if isinstance(error, TransportError):
        if error.problem is TransportProblem.CANCELLED:
            return Problem("Cancelled.", "No token was used and no sync was started.")
        where = host_of(error.endpoint) or error.endpoint
        what = error.problem.value
        if error.detail:
            what += f" ({error.detail})"
        advice = _TRANSPORT_ADVICE.get(error.problem, "")
        if error.problem in _REACHABILITY and not cloud:
            advice += " Is the API Agent / API Server running and reachable from this computer?"
        return Problem(f"Could not get a token from ESWS at {where}: {what}.", advice.strip())
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


def page_failure(url: str, reason: str, *, cloud: bool) -> Problem:
    """The in-app explanation when I3's page cannot be loaded at all."""
    host = host_of(url)
    return Problem(
        f"The I3 page at {host} could not be opened ({reason}).", network_reminder(cloud)
    )
