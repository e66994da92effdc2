"""The few typed errors the core raises; the CLI and the GUI map them to messages in one place each.

No error message ever carries a secret: errors are built from field names, vendor codes,
endpoints and causes, never from the values the user typed.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping

from desktop.core.i18n import Localise, fill


class I3SyncError(Exception):
    """Base of every error the core raises on purpose."""


class InputError(I3SyncError):
    """A value the user gave cannot be sent; ``field`` names it in the user's words.

    ``problem`` is the English the command line prints. A problem the window shows is raised with
    its ``template``, marked ``QT_TRANSLATE_NOOP("Input", ...)``, and the ``values`` of its
    ``{placeholders}`` (never a secret): ``problem`` is then ``template.format(**values)``, and the
    window shows the translated template filled with the same values.
    """

    def __init__(
        self,
        field: str,
        problem: str | None = None,
        *,
        template: str | None = None,
        values: Mapping[str, str | int] | None = None,
    ) -> None:
        if problem is None:
            if template is None:
                raise TypeError("InputError needs a problem or a template")
            problem = template.format(**(values or {}))
        self.field = field
        self.problem = problem
        self.template = template
        self.values: dict[str, str | int] = dict(values or {})
        super().__init__(f"{field}: {problem}")

    def problem_text(self, localise: Localise) -> str:
        """The problem in the language of ``localise`` (context "Input"): the translated template
        filled with the values, or the problem itself looked up; the English when a translation
        does not fit the values."""
        if self.template is None:
            return localise("Input", self.problem)
        return fill(localise("Input", self.template), self.values, self.problem)


class VendorRefusal(I3SyncError):
    """The server answered with one of its documented refusal codes.

    ``code`` is the vendor's string exactly (``ERROR_UNKNOWN_SECURITY_HASH``,
    ``NO PASSWORD PROVIDED``, or a CRM.COM status code); ``advice`` tells the user what to fix.
    """

    def __init__(self, code: str, advice: str, *, field: str | None = None) -> None:
        self.code = code
        self.advice = advice
        self.field = field
        super().__init__(f"{code}: {advice}")


class TransportProblem(enum.Enum):
    """What went wrong between this computer and a server."""

    REFUSED = "connection refused"
    DNS = "host name could not be resolved"
    CONNECT_TIMEOUT = "no connection within the timeout"
    READ_TIMEOUT = "no answer within the timeout"
    TLS = "TLS certificate or handshake failed"
    HTTP_STATUS = "HTTP error"
    SOAP_FAULT = "SOAP fault"
    MALFORMED = "reply is not well-formed"
    TOO_LARGE = "reply is too large"
    UNEXPECTED_REPLY = "unexpected reply"
    NETWORK = "network error"
    CANCELLED = "cancelled"


class TransportError(I3SyncError):
    """Could not get a usable answer from ``endpoint``; ``problem`` says what kind of failure.

    ``waited``: the seconds a timed-out exchange was given, when known (the window says it).
    """

    def __init__(
        self,
        endpoint: str,
        problem: TransportProblem,
        detail: str = "",
        *,
        waited: float | None = None,
    ) -> None:
        self.endpoint = endpoint
        self.problem = problem
        self.detail = detail
        self.waited = waited
        text = f"{endpoint}: {problem.value}"
        if detail:
            text += f" ({detail})"
        super().__init__(text)


class UnexpectedReply(TransportError):
    """The server answered, but not with a token nor a documented refusal."""

    def __init__(self, endpoint: str, detail: str) -> None:
        super().__init__(endpoint, TransportProblem.UNEXPECTED_REPLY, detail)
