"""The connection check's results and its words: one step's outcome, and what to try when it fails.

Kept apart from :mod:`desktop.esws.check` (which runs the steps) so that the window and the
command line share one wording. Every text here is one line of plain text; parts a server wrote
(certificate names, an HTTP reason phrase, a redirect's host) go through
:func:`desktop.core.text.one_line`.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from desktop.core.cert_info import CertificateInfo
from desktop.core.errors import TransportError, TransportProblem
from desktop.core.http import HttpReply, http_status_detail
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.netprobe import Address, TlsResult
from desktop.core.proxy import environment_route
from desktop.core.text import one_line

MAX_ADDRESSES_SHOWN = 3
EXPIRY_WARNING_DAYS = 14

SKIPPED = "skipped: "
# Why a step did not run when the check was cancelled (the window shows it translated).
CANCELLED = QT_TRANSLATE_NOOP("ConnectionCheck", "cancelled")
# The first word of a step's line (the command line prints these; the window translates them).
STATUS_OK = QT_TRANSLATE_NOOP("ConnectionCheck", "ok")
STATUS_FAIL = QT_TRANSLATE_NOOP("ConnectionCheck", "FAIL")
STATUS_SKIP = QT_TRANSLATE_NOOP("ConnectionCheck", "skip")


@dataclass(frozen=True)
class StepResult:
    """One step's outcome. A skipped step is not ok, has no time, and says why it was skipped.

    ``ms`` is the step's duration in milliseconds (``None`` when skipped: it did not run).
    ``cause`` is, for a skipped step, the reason passed on to the steps that need it.
    """

    step: str
    ok: bool
    detail: str
    ms: int | None
    skipped: bool = False
    cause: str | None = None

    @classmethod
    def skip(cls, step: str, reason: str) -> StepResult:
        """A step that did not run because of ``reason`` (``resolve failed``, ``cancelled``)."""
        return cls(step, False, SKIPPED + reason, None, skipped=True, cause=reason)

    @property
    def status(self) -> str:
        """``ok``, ``FAIL`` or ``skip``: the first word of the step's line."""
        return STATUS_OK if self.ok else (STATUS_SKIP if self.skipped else STATUS_FAIL)

    @property
    def shown_detail(self) -> str:
        """The detail of the step's line: the JSON's, without a skipped step's prefix."""
        return self.detail.removeprefix(SKIPPED) if self.skipped else self.detail

    def line(self) -> str:
        """``ok   <step>  <detail>  (<ms> ms)``, ``FAIL <step>  <detail>`` or
        ``skip <step>  <why>`` (the JSON's detail without its ``skipped:`` prefix)."""
        text = f"{self.status:<4} {self.step}  {self.shown_detail}"
        return f"{text}  ({self.ms} ms)" if self.ok else text

    def as_json(self) -> dict[str, object]:
        """``{"step", "ok", "detail", "ms"}``; a skipped step: ok false, ms null, "skipped: …"."""
        return {"step": self.step, "ok": self.ok, "detail": self.detail, "ms": self.ms}


class CheckFailed(Exception):
    """A step's check found something wrong that is not a transport error; ``detail`` says what
    and what to try."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


_TRY_NETWORK = "check this computer's network connection (and VPN, if the server needs one)"

_ADVICE: dict[TransportProblem, str] = {
    TransportProblem.DNS: "check the host name, and this computer's DNS, network or VPN",
    TransportProblem.REFUSED: (
        "nothing accepts connections on that port: check the port, and that the service runs"
    ),
    TransportProblem.CONNECT_TIMEOUT: (
        "a firewall may drop the connection: check the address and port, and whether this "
        "network needs a proxy"
    ),
    TransportProblem.READ_TIMEOUT: "the server is slow or stuck: try again, or allow more time",
    TransportProblem.TLS: (
        "if your network inspects TLS, ask IT to add its certificate authority to this "
        "computer's trust store; otherwise the server's certificate is wrong: tell its "
        "administrator, and do not send secrets to it"
    ),
    TransportProblem.NETWORK: _TRY_NETWORK,
    TransportProblem.TOO_LARGE: "this is not the expected server: check the address",
    TransportProblem.CANCELLED: "run the check again",
}

_STEP_ADVICE: dict[str, str] = {
    "wsdl": "check the WSDL's path or address, or leave it unset to use the bundled WSDL",
    "esws": (
        "the server answers, but not as ESWS: check the endpoint's path "
        "(e.g. https://ws.i3.identysoft.com/webservicesesws)"
    ),
    "i3": "check the I3 address (e.g. https://i3.identysoft.com)",
}

# Problems that say the server answered something else than expected: the step's advice fits.
_WRONG_ANSWER = frozenset(
    {
        TransportProblem.HTTP_STATUS,
        TransportProblem.SOAP_FAULT,
        TransportProblem.MALFORMED,
        TransportProblem.UNEXPECTED_REPLY,
    }
)


def advice_for(step: str, error: TransportError, seen: CertificateInfo | None = None) -> str:
    """``<what failed>; <what to try>`` for a step that failed with ``error``, one line.

    ``seen`` describes the certificate that was presented when TLS verification failed.
    """
    detail = one_line(error.detail, 200)
    what = error.problem.value + (f" ({detail})" if detail else "")
    if seen is not None:
        what += f"; presented: {seen.summary()}"
    if error.problem in _WRONG_ANSWER or error.problem not in _ADVICE:
        advice = _STEP_ADVICE.get(step, _TRY_NETWORK)
    else:
        advice = _ADVICE[error.problem]
    return one_line(f"{error.endpoint}: {what}; {advice}", 600)


def describe_addresses(host: str, addresses: list[Address]) -> str:
    """``host → 192.0.2.1, 2001:db8::1``: the distinct addresses, at most three shown."""
    found: list[str] = []
    for entry in addresses:
        address = str(entry[4][0])
        if address not in found:
            found.append(address)
    shown = ", ".join(found[:MAX_ADDRESSES_SHOWN])
    more = len(found) - MAX_ADDRESSES_SHOWN
    if more > 0:
        shown += f" and {more} more"
    return f"{one_line(host, 200)} → {shown}"


def tls_detail(result: TlsResult) -> str:
    """``TLSv1.3, trusted by this computer; subject …; issuer …; expires in N days``."""
    text = f"{result.version}, trusted by this computer"
    if result.certificate is None:
        return text + "; the certificate's names could not be read"
    text += "; " + result.certificate.summary()
    days = result.certificate.days_left()
    if days is not None and days < EXPIRY_WARNING_DAYS:
        text += " (soon: tell the server's administrator)"
    return text


def i3_detail(reply: HttpReply) -> str:
    """``I3 answered HTTP 200 OK (text/html)``, and where a redirect points (its site only)."""
    text = "I3 answered " + one_line(http_status_detail(reply), 200)
    location = reply.headers.get("location", "")
    if 300 <= reply.status < 400 and location:
        try:
            parts = urlsplit(location)
            target = f"{parts.scheme}://{parts.netloc}" if parts.netloc else "the same site"
        except ValueError:
            target = "an invalid address"
        text += f", redirecting to {one_line(target, 200)}"
    return text


def proxy_for(url: str) -> str | None:
    """``host:port`` of the proxy the system names for ``url`` (environment, or the registry on
    Windows; never its credentials), or ``None`` for a direct connection."""
    proxy = environment_route(url).proxy
    if not proxy:
        return None
    try:
        parts = urlsplit(proxy if "://" in proxy else "http://" + proxy)
        host = parts.hostname or "?"
        return one_line(f"{host}:{parts.port}" if parts.port else host, 200)
    except ValueError:
        return None
