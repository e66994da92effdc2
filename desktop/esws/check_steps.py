"""The connection check's results and its words: one step's outcome, and what to try when it fails.

Kept apart from :mod:`desktop.esws.check` (which runs the steps) so that the window and the
command line share one wording. Every text here is one line of plain text; parts a server wrote
(certificate names, an HTTP reason phrase, a redirect's host) go through
:func:`desktop.core.text.one_line`.

Each text is built as a :class:`Phrase`: a template marked ``QT_TRANSLATE_NOOP("ConnectionCheck",
...)`` and the values of its ``{placeholders}`` (data such as addresses, HTTP status lines, TLS
names and problem codes, verbatim; or phrases of their own). The command line prints the English
(``Phrase.text()``); the window fills the translated templates with the same values.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from desktop.core.cert_info import CertificateInfo
from desktop.core.errors import TransportError, TransportProblem
from desktop.core.http import HttpReply, http_status_detail
from desktop.core.i18n import QT_TRANSLATE_NOOP, Localise, fill
from desktop.core.netprobe import Address, TlsResult
from desktop.core.proxy import WPAD, Route, environment_route, mask_url
from desktop.core.text import one_line

MAX_ADDRESSES_SHOWN = 3
EXPIRY_WARNING_DAYS = 14

CONTEXT = "ConnectionCheck"  # where the check's texts are marked
MAX_DETAIL_LENGTH = 600
SKIPPED = "skipped: "
# Why a step did not run when the check was cancelled (the window shows it translated).
CANCELLED = QT_TRANSLATE_NOOP("ConnectionCheck", "cancelled")
# The first word of a step's line (the command line prints these; the window translates them).
STATUS_OK = QT_TRANSLATE_NOOP("ConnectionCheck", "ok")
STATUS_FAIL = QT_TRANSLATE_NOOP("ConnectionCheck", "FAIL")
STATUS_SKIP = QT_TRANSLATE_NOOP("ConnectionCheck", "skip")


@dataclass(frozen=True)
class Phrase:
    """A text of the check: ``template`` (marked in :data:`CONTEXT`) and its ``values``, each
    verbatim data (never translated) or a phrase of its own."""

    template: str
    values: Mapping[str, str | int | Phrase] = field(default_factory=dict)

    def text(self, localise: Localise | None = None) -> str:
        """The English (``localise`` None), or the text with every template passed through
        ``localise``; a translation whose placeholders do not fit gives the English."""
        english = self._fill(self.template, None)
        if localise is None:
            return english
        return self._fill(localise(CONTEXT, self.template), localise, english)

    def _fill(self, template: str, localise: Localise | None, fallback: str | None = None) -> str:
        if not self.values:
            return template
        filled = {
            name: value.text(localise) if isinstance(value, Phrase) else value
            for name, value in self.values.items()
        }
        return template.format(**filled) if fallback is None else fill(template, filled, fallback)

    def __str__(self) -> str:
        return self.text()


def verbatim(text: str) -> Phrase:
    """``text`` as it is, in every language (a server's or another module's words)."""
    return Phrase("{text}", {"text": text})


def joined(names: list[str]) -> Phrase:
    """``a``, ``a and b``, ``a and b and c``: names (verbatim) joined by "and"."""
    phrase = verbatim(names[0])
    for name in names[1:]:
        phrase = Phrase(
            QT_TRANSLATE_NOOP("ConnectionCheck", "{first} and {second}"),
            {"first": phrase, "second": name},
        )
    return phrase


@dataclass(frozen=True)
class StepResult:
    """One step's outcome. A skipped step is not ok, has no time, and says why it was skipped.

    ``ms`` is the step's duration in milliseconds (``None`` when skipped: it did not run).
    ``cause`` is, for a skipped step, the reason passed on to the steps that need it.

    ``phrase`` (``None`` for a result made from plain text) words :attr:`shown_detail` so that
    the window can show it translated: ``phrase.text()`` is the English ``shown_detail``.
    """

    step: str
    ok: bool
    detail: str
    ms: int | None
    skipped: bool = False
    cause: str | None = None
    phrase: Phrase | None = field(default=None, compare=False)

    @classmethod
    def of(cls, step: str, ok: bool, detail: Phrase, ms: int | None) -> StepResult:
        """A step that ran: ``detail`` worded as a phrase (the English cut to one line)."""
        english = one_line(detail.text(), MAX_DETAIL_LENGTH)
        return cls(step, ok, english, ms, phrase=detail)

    @classmethod
    def skip(cls, step: str, reason: str | Phrase) -> StepResult:
        """A step that did not run because of ``reason`` (``resolve failed``, ``cancelled``; a
        plain text is one marked in :data:`CONTEXT`)."""
        phrase = reason if isinstance(reason, Phrase) else Phrase(reason)
        why = phrase.text()
        return cls(
            step,
            False,
            SKIPPED + why,
            None,
            skipped=True,
            cause=why,
            phrase=phrase,
        )

    def shown_detail_in(self, localise: Localise) -> str:
        """:attr:`shown_detail` in the language of ``localise`` (data verbatim); a result made
        from plain text gives its detail through ``localise`` (a marked text, or itself)."""
        phrase = self.phrase
        if phrase is None:
            return localise(CONTEXT, self.shown_detail)
        return one_line(phrase.text(localise), MAX_DETAIL_LENGTH)

    @property
    def status(self) -> str:
        """``ok``, ``FAIL`` or ``skip``: the first word of the step's line."""
        return STATUS_OK if self.ok else (STATUS_SKIP if self.skipped else STATUS_FAIL)

    @property
    def shown_detail(self) -> str:
        """The detail of the step's line: the JSON's, without a skipped step's prefix."""
        return self.detail.removeprefix(SKIPPED) if self.skipped else self.detail

    def line(self, localise: Localise | None = None, number: Callable[[int], str] = str) -> str:
        """``ok   <step>  <detail>  (<ms> ms)``, ``FAIL <step>  <detail>`` or
        ``skip <step>  <why>`` (the JSON's detail without its ``skipped:`` prefix): in English,
        or with the words in the language of ``localise`` and ``number`` writing the ms."""
        if localise is None:
            status, step, detail = self.status, self.step, self.shown_detail
        else:
            status, step = localise(CONTEXT, self.status), localise(CONTEXT, self.step)
            detail = self.shown_detail_in(localise)
        text = f"{status.ljust(4)} {step}  {detail}"
        if not self.ok:
            return text
        timed = QT_TRANSLATE_NOOP("ConnectionCheck", "{line}  ({ms} ms)")
        template = timed if localise is None else localise(CONTEXT, timed)
        return fill(template, {"line": text, "ms": number(self.ms or 0)}, f"{text}  ({self.ms} ms)")

    def as_json(self) -> dict[str, object]:
        """``{"step", "ok", "detail", "ms"}``; a skipped step: ok false, ms null, "skipped: …"."""
        return {"step": self.step, "ok": self.ok, "detail": self.detail, "ms": self.ms}


class CheckFailed(Exception):
    """A step's check found something wrong that is not a transport error; ``detail`` says what
    and what to try (``phrase`` words it)."""

    def __init__(self, detail: str | Phrase) -> None:
        self.phrase = detail if isinstance(detail, Phrase) else verbatim(detail)
        self.detail = self.phrase.text()
        super().__init__(self.detail)


_TRY_NETWORK = QT_TRANSLATE_NOOP(
    "ConnectionCheck", "check this computer's network connection (and VPN, if the server needs one)"
)

_ADVICE: dict[TransportProblem, str] = {
    TransportProblem.DNS: QT_TRANSLATE_NOOP(
        "ConnectionCheck", "check the host name, and this computer's DNS, network or VPN"
    ),
    TransportProblem.REFUSED: QT_TRANSLATE_NOOP(
        "ConnectionCheck",
        "nothing accepts connections on that port: check the port, and that the service runs",
    ),
    TransportProblem.CONNECT_TIMEOUT: QT_TRANSLATE_NOOP(
        "ConnectionCheck",
        "a firewall may drop the connection: check the address and port, and whether this "
        "network needs a proxy",
    ),
    TransportProblem.READ_TIMEOUT: QT_TRANSLATE_NOOP(
        "ConnectionCheck", "the server is slow or stuck: try again, or allow more time"
    ),
    TransportProblem.TLS: QT_TRANSLATE_NOOP(
        "ConnectionCheck",
        "if your network inspects TLS, ask IT to add its certificate authority to this "
        "computer's trust store; otherwise the server's certificate is wrong: tell its "
        "administrator, and do not send secrets to it",
    ),
    TransportProblem.NETWORK: _TRY_NETWORK,
    TransportProblem.TOO_LARGE: QT_TRANSLATE_NOOP(
        "ConnectionCheck", "this is not the expected server: check the address"
    ),
    TransportProblem.CANCELLED: QT_TRANSLATE_NOOP("ConnectionCheck", "run the check again"),
}

_STEP_ADVICE: dict[str, str] = {
    "wsdl": QT_TRANSLATE_NOOP(
        "ConnectionCheck",
        "check the WSDL's path or address, or leave it unset to use the bundled WSDL",
    ),
    "esws": QT_TRANSLATE_NOOP(
        "ConnectionCheck",
        "the server answers, but not as ESWS: check the endpoint's path "
        "(e.g. https://ws.i3.identysoft.com/webservicesesws)",
    ),
    "i3": QT_TRANSLATE_NOOP(
        "ConnectionCheck", "check the I3 address (e.g. https://i3.identysoft.com)"
    ),
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


def advice_phrase(step: str, error: TransportError, seen: CertificateInfo | None = None) -> Phrase:
    """``<what failed>; <what to try>`` for a step that failed with ``error``.

    ``seen`` describes the certificate that was presented when TLS verification failed. The
    endpoint, the problem's code words and the server's detail stay verbatim.
    """
    detail = one_line(error.detail, 200)
    values: dict[str, str | int | Phrase] = {
        "endpoint": error.endpoint,
        "problem": error.problem.value,
    }
    if detail:
        values["detail"] = detail
    if seen is not None:
        values["certificate"] = certificate_phrase(seen)
    if error.problem in _WRONG_ANSWER or error.problem not in _ADVICE:
        values["advice"] = Phrase(_STEP_ADVICE.get(step, _TRY_NETWORK))
    else:
        values["advice"] = Phrase(_ADVICE[error.problem])
    if detail and seen is not None:
        template = QT_TRANSLATE_NOOP(
            "ConnectionCheck",
            "{endpoint}: {problem} ({detail}); presented: {certificate}; {advice}",
        )
    elif detail:
        template = QT_TRANSLATE_NOOP(
            "ConnectionCheck", "{endpoint}: {problem} ({detail}); {advice}"
        )
    elif seen is not None:
        template = QT_TRANSLATE_NOOP(
            "ConnectionCheck", "{endpoint}: {problem}; presented: {certificate}; {advice}"
        )
    else:
        template = QT_TRANSLATE_NOOP("ConnectionCheck", "{endpoint}: {problem}; {advice}")
    return Phrase(template, values)


def addresses_phrase(host: str, addresses: list[Address]) -> Phrase:
    """``host → 192.0.2.1, 2001:db8::1``: the distinct addresses, at most three shown."""
    found: list[str] = []
    for entry in addresses:
        address = str(entry[4][0])
        if address not in found:
            found.append(address)
    values: dict[str, str | int | Phrase] = {
        "host": one_line(host, 200),
        "addresses": ", ".join(found[:MAX_ADDRESSES_SHOWN]),
    }
    more = len(found) - MAX_ADDRESSES_SHOWN
    if more > 0:
        values["more"] = more
        return Phrase(
            QT_TRANSLATE_NOOP("ConnectionCheck", "{host} → {addresses} and {more} more"), values
        )
    return Phrase(QT_TRANSLATE_NOOP("ConnectionCheck", "{host} → {addresses}"), values)


def certificate_phrase(info: CertificateInfo, now: datetime.datetime | None = None) -> Phrase:
    """``subject CN=…; issuer CN=…, O=…; expires in 41 days``: the names verbatim. ``now``
    (aware; default: the clock) is when the days are counted from."""
    now = now or datetime.datetime.now(datetime.UTC)
    days = info.days_left(now)
    if days is None or info.not_after is None:
        expiry = Phrase(QT_TRANSLATE_NOOP("ConnectionCheck", "expiry unknown"))
    elif days < 0:
        expiry = _days(
            (now - info.not_after).days,  # whole days since it expired
            QT_TRANSLATE_NOOP("ConnectionCheck", "expired within the last day"),
            QT_TRANSLATE_NOOP("ConnectionCheck", "expired 1 day ago"),
            QT_TRANSLATE_NOOP("ConnectionCheck", "expired {days} days ago"),
        )
    else:
        expiry = _days(
            days,
            QT_TRANSLATE_NOOP("ConnectionCheck", "expires within a day"),
            QT_TRANSLATE_NOOP("ConnectionCheck", "expires in 1 day"),
            QT_TRANSLATE_NOOP("ConnectionCheck", "expires in {days} days"),
        )
    return Phrase(
        QT_TRANSLATE_NOOP("ConnectionCheck", "subject {subject}; issuer {issuer}; {expiry}"),
        {"subject": info.subject, "issuer": info.issuer, "expiry": expiry},
    )


def _days(count: int, none: str, one: str, many: str) -> Phrase:
    """``none`` for 0 whole days, ``one`` for 1, else ``many`` with ``{days}``."""
    if count == 0:
        return Phrase(none)
    if count == 1:
        return Phrase(one)
    return Phrase(many, {"days": count})


def route_phrase(route: Route) -> Phrase:
    """How a request goes: ``through the proxy http://p:3128 (chosen by the PAC file …)``,
    ``direct``, …; the proxy and the PAC file's address without credentials, verbatim. So is
    the reason a PAC file could not be used, which :mod:`desktop.core.pac` words in English."""
    pac: Phrase | None = None
    if route.pac == WPAD:
        pac = Phrase(QT_TRANSLATE_NOOP("ConnectionCheck", "auto-detection (WPAD)"))
    elif route.pac:
        pac = Phrase(
            QT_TRANSLATE_NOOP("ConnectionCheck", "the PAC file {address}"),
            {"address": mask_url(route.pac)},
        )
    if route.warning:
        return Phrase(
            QT_TRANSLATE_NOOP("ConnectionCheck", "direct: {pac} could not be used ({problem})"),
            {
                "pac": pac or Phrase(QT_TRANSLATE_NOOP("ConnectionCheck", "the PAC file")),
                "problem": one_line(route.warning, 200),
            },
        )
    if route.proxy and pac:
        return Phrase(
            QT_TRANSLATE_NOOP("ConnectionCheck", "through the proxy {proxy} (chosen by {pac})"),
            {"proxy": route.shown or "", "pac": pac},
        )
    if route.proxy:
        return Phrase(
            QT_TRANSLATE_NOOP("ConnectionCheck", "through the proxy {proxy}"),
            {"proxy": route.shown or ""},
        )
    if pac:
        return Phrase(QT_TRANSLATE_NOOP("ConnectionCheck", "direct (as {pac} says)"), {"pac": pac})
    return Phrase(QT_TRANSLATE_NOOP("ConnectionCheck", "direct"))


def tls_phrase(result: TlsResult) -> Phrase:
    """``TLSv1.3, trusted by this computer; subject …; issuer …; expires in N days``."""
    if result.certificate is None:
        return Phrase(
            QT_TRANSLATE_NOOP(
                "ConnectionCheck",
                "{version}, trusted by this computer; the certificate's names could not be read",
            ),
            {"version": result.version},
        )
    now = datetime.datetime.now(datetime.UTC)  # one moment for the words and the warning
    values: dict[str, str | int | Phrase] = {
        "version": result.version,
        "certificate": certificate_phrase(result.certificate, now),
    }
    days = result.certificate.days_left(now)
    if days is not None and days < EXPIRY_WARNING_DAYS:
        return Phrase(
            QT_TRANSLATE_NOOP(
                "ConnectionCheck",
                "{version}, trusted by this computer; {certificate} (soon: tell the server's "
                "administrator)",
            ),
            values,
        )
    return Phrase(
        QT_TRANSLATE_NOOP("ConnectionCheck", "{version}, trusted by this computer; {certificate}"),
        values,
    )


def i3_phrase(reply: HttpReply) -> Phrase:
    """``I3 answered HTTP 200 OK (text/html)``, and where a redirect points (its site only)."""
    status = one_line(http_status_detail(reply), 200)
    location = reply.headers.get("location", "")
    if not (300 <= reply.status < 400 and location):
        return Phrase(
            QT_TRANSLATE_NOOP("ConnectionCheck", "I3 answered {status}"), {"status": status}
        )
    target: str | Phrase
    try:
        parts = urlsplit(location)
        if parts.netloc:
            target = one_line(f"{parts.scheme}://{parts.netloc}", 200)
        else:
            target = Phrase(QT_TRANSLATE_NOOP("ConnectionCheck", "the same site"))
    except ValueError:
        target = Phrase(QT_TRANSLATE_NOOP("ConnectionCheck", "an invalid address"))
    return Phrase(
        QT_TRANSLATE_NOOP("ConnectionCheck", "I3 answered {status}, redirecting to {target}"),
        {"status": status, "target": target},
    )


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
