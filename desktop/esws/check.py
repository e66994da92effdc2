"""The connection check: "is it me, the network, or the server?", one timed step at a time.

Steps, in order: ``resolve`` (DNS of the endpoint's host), ``connect`` (TCP), ``tls`` (https
only: the certificate, verified against the OS trust store), ``wsdl`` (the WSDL in use declares
both token operations), ``esws`` (a ``getTotalSyncToken`` with an empty security code, admin and
password: ESWS answers ``ERROR_NO_SECURITY_HASH``, which proves the service answers without
sending any secret or spending a token) and ``i3`` (any HTTP answer from I3's address).

A failed step marks the steps that need it skipped: resolve → connect → tls → esws; the WSDL
when it is fetched from the endpoint's own site; esws needs the WSDL too. A local WSDL and I3
are checked whatever happens to the endpoint. When a proxy serves the endpoint, ESWS is asked
through it, so esws no longer needs the direct-route steps (which then say so).

Which proxy: the one every request would take (:mod:`desktop.core.proxy`), chosen in the
``resolve`` step when the system names a PAC file or WPAD (fetching it is network work, bounded
and cancellable like a step). ``resolve`` names it, and the steps that send a request (``wsdl``
from a URL, ``esws``, ``i3``) say which proxy they went through.

The whole check shares one deadline, and :meth:`ConnectionCheck.cancel` (any thread) ends the
step in flight at once. Every detail is one line of plain text (server text included).
"""

from __future__ import annotations

import socket
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from desktop.core.errors import I3SyncError, TransportError, TransportProblem, VendorRefusal
from desktop.core.http import HttpPoster, Timeouts, is_cleartext_remote
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.netprobe import Address, NetProbe
from desktop.core.proxy import Route
from desktop.core.redaction import register_secret
from desktop.core.text import one_line
from desktop.core.urls import origin_of
from desktop.esws.check_steps import (
    CANCELLED,
    CheckFailed,
    Phrase,
    StepResult,
    addresses_phrase,
    advice_phrase,
    i3_phrase,
    joined,
    proxy_for,
    route_phrase,
    tls_phrase,
    verbatim,
)
from desktop.esws.client import OPERATIONS, EswsClient, bundled_wsdl_path
from desktop.esws.i3_urls import normalise_endpoint, normalise_i3_url
from desktop.esws.refusals import REFUSALS
from desktop.esws.request import SyncKind, SyncRequest
from desktop.esws.wsdl_fence import is_remote

if TYPE_CHECKING:
    from desktop.esws.profiles import Profile

__all__ = ["STEPS", "CheckTarget", "ConnectionCheck", "Phrase", "StepResult", "notes_for"]

# The steps' names are also the JSON's "step" values: the window shows them translated.
STEPS = (
    QT_TRANSLATE_NOOP("ConnectionCheck", "resolve"),
    QT_TRANSLATE_NOOP("ConnectionCheck", "connect"),
    QT_TRANSLATE_NOOP("ConnectionCheck", "tls"),
    QT_TRANSLATE_NOOP("ConnectionCheck", "wsdl"),
    QT_TRANSLATE_NOOP("ConnectionCheck", "esws"),
    QT_TRANSLATE_NOOP("ConnectionCheck", "i3"),
)
NO_HASH = "ERROR_NO_SECURITY_HASH"

ON_PREMISE_REMINDER = QT_TRANSLATE_NOOP(
    "ConnectionCheck",
    "I3 runs on-premise for this profile: its sync page also needs this computer on the same "
    "network as the API Agent (API Server), which no check from here can prove.",
)
# The notes shown with a result (the command line prints them as they are).
CLEARTEXT_ENDPOINT = QT_TRANSLATE_NOOP(
    "ConnectionCheck",
    "warning: the ESWS endpoint is plain http:// on another computer: the admin password and "
    "the token would travel unencrypted; use https://",
)
CLEARTEXT_I3 = QT_TRANSLATE_NOOP(
    "ConnectionCheck",
    "warning: the I3 address is plain http:// on another computer: the sync link (a login "
    "token) would travel unencrypted; use https://",
)
NOTE_PREFIX = QT_TRANSLATE_NOOP("ConnectionCheck", "note: ")


@dataclass(frozen=True)
class CheckTarget:
    """What to check: addresses already validated. ``cloud`` is ``None`` when not known."""

    endpoint: str
    i3_url: str
    wsdl: str | None = None
    profile: str | None = None
    cloud: bool | None = None

    @classmethod
    def of(
        cls,
        endpoint: str,
        i3_url: str,
        wsdl: str | None = None,
        *,
        profile: str | None = None,
        cloud: bool | None = None,
    ) -> CheckTarget:
        """Validate the addresses (``InputError`` naming the field) before anything is sent."""
        return cls(normalise_endpoint(endpoint), normalise_i3_url(i3_url), wsdl, profile, cloud)

    @classmethod
    def for_profile(cls, profile: Profile) -> CheckTarget:
        """A saved profile's addresses, WSDL and cloud setting (``InputError`` when invalid)."""
        return cls.of(
            profile.esws_endpoint,
            profile.i3_base_url,
            profile.wsdl,
            profile=profile.name,
            cloud=profile.cloud,
        )


def notes_for(target: CheckTarget) -> list[str]:
    """Sentences to show with the result: plain-http warnings and the on-premise reminder."""
    notes = []
    if is_cleartext_remote(target.endpoint):
        notes.append(CLEARTEXT_ENDPOINT)
    if is_cleartext_remote(target.i3_url):
        notes.append(CLEARTEXT_I3)
    if target.cloud is False:
        notes.append(NOTE_PREFIX + ON_PREMISE_REMINDER)
    return notes


class ConnectionCheck:
    """One run of the check against ``target``, all of it within ``timeout`` seconds; make a
    new one to check again.

    :meth:`run` blocks (call it off the GUI thread); :meth:`cancel` may be called from any
    thread and ends the step in flight at once; that step (unless it finished ok) and the steps
    left are reported skipped, "cancelled": none is a failure.
    """

    def __init__(self, target: CheckTarget, timeout: float) -> None:
        self.target = target
        self.timeout = timeout
        parts = urlsplit(target.endpoint)
        self._host = parts.hostname or ""
        self._https = parts.scheme.lower() == "https"
        self._port = parts.port or (443 if self._https else 80)
        self._probe = NetProbe()
        self._client = EswsClient(target.endpoint, wsdl=target.wsdl, timeouts=_each(timeout))
        self._i3_poster = HttpPoster(_each(timeout))
        # With a PAC file the proxy is known once the resolve step has asked it (network work).
        self._pac = self._client.poster.proxies.pac_named()
        self._proxy = None if self._pac else proxy_for(target.endpoint)
        self._route: Route | None = None
        self._cancelled = False
        self._until = 0.0
        self._addresses: list[Address] = []
        self._connected: Address | None = None
        self._sock: socket.socket | None = None

    def steps(self) -> list[str]:
        """The steps this check runs, in order (``tls`` only for an https endpoint)."""
        return [step for step in STEPS if step != "tls" or self._https]

    def needs(self, step: str) -> list[str]:
        """The steps ``step`` cannot run without."""
        network = "tls" if self._https else "connect"
        wsdl_from_endpoint = (
            self._client.wsdl != bundled_wsdl_path()
            and is_remote(self._client.wsdl)
            and origin_of(self._client.wsdl) == origin_of(self.target.endpoint)
        )
        return {
            "resolve": [],
            "connect": ["resolve"],
            "tls": ["connect"],
            "wsdl": [network] if wsdl_from_endpoint and self._proxy is None else [],
            "esws": (["wsdl"] if self._proxy is not None else [network, "wsdl"]),
            "i3": [],
        }[step]

    def cancel(self) -> None:
        """End the step in flight now; it and every step after it are reported skipped."""
        self._cancelled = True
        self._probe.cancel()
        self._client.cancel()
        self._i3_poster.cancel()

    @property
    def cancelled(self) -> bool:
        return self._cancelled

    def run(self, on_step: Callable[[StepResult], None] | None = None) -> list[StepResult]:
        """Run every step; ``on_step`` gets each result as it is known (on this thread)."""
        self._until = time.monotonic() + self.timeout
        self._client.poster.finish_by(self._until)
        self._i3_poster.finish_by(self._until)
        results: dict[str, StepResult] = {}
        try:
            for step in self.steps():
                reason = self._skip_reason(step, results)
                result = StepResult.skip(step, reason) if reason else self._timed(step)
                results[step] = result
                if on_step is not None:
                    on_step(result)
        finally:
            if self._sock is not None:  # connected, but tls never ran (cancelled)
                self._sock.close()
            self._client.close()
            self._i3_poster.close()
        return list(results.values())

    def _skip_reason(self, step: str, results: dict[str, StepResult]) -> Phrase | None:
        if self._cancelled:
            return Phrase(CANCELLED)
        for needed in self.needs(step):
            done = results.get(needed)
            if done is not None and not done.ok:
                if done.cause:
                    return done.phrase or verbatim(done.cause)
                return Phrase(
                    QT_TRANSLATE_NOOP("ConnectionCheck", "{step} failed"), {"step": Phrase(needed)}
                )
        if time.monotonic() >= self._until:
            return Phrase(
                QT_TRANSLATE_NOOP(
                    "ConnectionCheck", "no time left ({seconds} s for the whole check)"
                ),
                {"seconds": f"{self.timeout:g}"},
            )
        return None

    def _timed(self, step: str) -> StepResult:
        start = time.monotonic()
        try:
            run_step: dict[str, Callable[[], Phrase]] = {
                "resolve": self._resolve,
                "connect": self._connect,
                "tls": self._tls,
                "wsdl": self._wsdl,
                "esws": self._esws,
                "i3": self._i3,
            }
            detail = run_step[step]()
            ok = True
        except TransportError as error:
            ok, detail = False, advice_phrase(step, error)
        except CheckFailed as failed:
            ok, detail = False, failed.phrase
        except I3SyncError as error:
            ok, detail = False, verbatim(one_line(str(error)))
        if not ok and self._cancelled:
            # Ended by Cancel, not by what it checked: reported like the steps after it, as not
            # run to the end (no advice for a failure that did not happen).
            return StepResult.skip(step, CANCELLED)
        ms = round((time.monotonic() - start) * 1000)
        return StepResult.of(step, ok, detail, ms)

    def _resolve(self) -> Phrase:
        route: Phrase | None = None
        if self._pac:
            chosen = self._choose_route()
            self._proxy = chosen.shown
            way = route_phrase(chosen)
            if chosen.proxy:
                template = QT_TRANSLATE_NOOP("ConnectionCheck", "direct route: ESWS is asked {way}")
            else:
                template = QT_TRANSLATE_NOOP("ConnectionCheck", "ESWS is asked {way}")
            route = Phrase(template, {"way": way})
        elif self._proxy is not None:
            route = Phrase(
                QT_TRANSLATE_NOOP(
                    "ConnectionCheck", "direct route: ESWS is asked through the proxy {proxy}"
                ),
                {"proxy": self._proxy},
            )
        try:
            self._addresses = self._probe.resolve(self._host, self._port, self._until)
        except TransportError as error:
            if route is None or error.problem is TransportProblem.CANCELLED:
                raise
            raise CheckFailed(_and_route(advice_phrase("resolve", error), route)) from None
        detail = addresses_phrase(self._host, self._addresses)
        return detail if route is None else _and_route(detail, route)

    def _choose_route(self) -> Route:
        resolver = self._client.poster.proxies
        endpoint, until = self.target.endpoint, self._until
        self._route = self._probe.call(
            "the proxy settings", until, lambda: resolver.choose(endpoint, until)
        )
        return self._route

    def _connect(self) -> Phrase:
        sock = self._probe.connect(self._host, self._addresses, self._until)
        peer = sock.getpeername()
        self._connected = next((a for a in self._addresses if a[4][:2] == peer[:2]), None)
        if self._https:
            self._sock = sock
        else:
            sock.close()
        shown = f"[{peer[0]}]" if ":" in str(peer[0]) else str(peer[0])
        return Phrase(
            QT_TRANSLATE_NOOP("ConnectionCheck", "TCP connection to {address}:{port}"),
            {"address": shown, "port": str(peer[1])},
        )

    def _tls(self) -> Phrase:
        sock, self._sock = self._sock, None
        assert sock is not None  # connect succeeded, or tls would be skipped
        try:
            result = self._probe.tls(sock, self._host, self._until)
        except TransportError as error:
            if error.problem is not TransportProblem.TLS or self._connected is None:
                raise
            # Say which certificate was presented: an intercepting proxy shows up by its issuer.
            seen = self._probe.peek_certificate(self._host, self._connected, self._until)
            raise CheckFailed(advice_phrase("tls", error, seen)) from None
        return tls_phrase(result)

    def _wsdl(self) -> Phrase:
        self._client.poster.last_route = None
        missing = self._client.missing_operations()
        bundled = self._client.wsdl == bundled_wsdl_path()
        if missing:
            if bundled:
                template = QT_TRANSLATE_NOOP(
                    "ConnectionCheck",
                    "the bundled WSDL does not declare {operations}; use the bundled WSDL (leave "
                    "the WSDL unset) or the server's own (<endpoint>?wsdl)",
                )
            else:
                template = QT_TRANSLATE_NOOP(
                    "ConnectionCheck",
                    "the WSDL does not declare {operations}; use the bundled WSDL (leave the WSDL "
                    "unset) or the server's own (<endpoint>?wsdl)",
                )
            names = [name.rsplit(".", 1)[-1] for name in missing]
            raise CheckFailed(Phrase(template, {"operations": joined(names)}))
        if bundled:
            template = QT_TRANSLATE_NOOP(
                "ConnectionCheck", "the bundled WSDL declares {operations}"
            )
        else:
            template = QT_TRANSLATE_NOOP("ConnectionCheck", "the WSDL declares {operations}")
        both = joined([name.rsplit(".", 1)[-1] for name in OPERATIONS.values()])
        return _with_route(Phrase(template, {"operations": both}), self._client.poster.last_route)

    def _esws(self) -> Phrase:
        # Nothing secret is sent: ESWS checks the security code first, so an empty one is
        # refused before any account is looked at and no token is made.
        empty = SyncRequest(SyncKind.ALL_USERS, company_id="", admin_username="", admin_password="")
        self._client.poster.last_route = None
        try:
            token = self._client.fetch_token(empty)
        except VendorRefusal as refusal:
            return _with_route(_refusal_detail(refusal), self._client.poster.last_route)
        except TransportError as error:
            raise CheckFailed(
                _with_route(advice_phrase("esws", error), self._client.poster.last_route)
            ) from None
        register_secret(token)  # never shown, never logged
        raise CheckFailed(
            Phrase(
                QT_TRANSLATE_NOOP(
                    "ConnectionCheck",
                    "ESWS issued a token although no security code was sent (not shown): this is "
                    "not how ESWS behaves; check that the endpoint is your company's ESWS",
                )
            )
        )

    def _i3(self) -> Phrase:
        self._i3_poster.last_route = None
        try:
            detail = i3_phrase(self._i3_poster.get(self.target.i3_url))
        except TransportError as error:
            if error.problem is TransportProblem.CANCELLED:
                raise
            raise CheckFailed(
                _with_route(advice_phrase("i3", error), self._i3_poster.last_route)
            ) from None
        return _with_route(detail, self._i3_poster.last_route)


def _refusal_detail(refusal: VendorRefusal) -> Phrase:
    code = one_line(refusal.code, 80)
    if refusal.code == NO_HASH:
        template = QT_TRANSLATE_NOOP(
            "ConnectionCheck",
            "ESWS answered {code}, as expected for an empty security code (nothing secret sent, "
            "no token spent)",
        )
        return Phrase(template, {"code": NO_HASH})
    if refusal.code in REFUSALS:
        template = QT_TRANSLATE_NOOP(
            "ConnectionCheck", "ESWS answered {code}, a documented refusal: the service answers"
        )
    else:
        template = QT_TRANSLATE_NOOP(
            "ConnectionCheck",
            "ESWS answered {code}, a refusal this version does not know: it answers",
        )
    return Phrase(template, {"code": code})


def _and_route(detail: Phrase, route: Phrase) -> Phrase:
    """``<detail>; <route>``: how the request went, after what it found."""
    return Phrase(
        QT_TRANSLATE_NOOP("ConnectionCheck", "{detail}; {route}"),
        {"detail": detail, "route": route},
    )


def _with_route(detail: Phrase, route: Route | None) -> Phrase:
    # Named only when a proxy or a PAC file had a say: a plain direct request says nothing.
    if route is None or (route.proxy is None and route.pac is None):
        return detail
    return _and_route(detail, route_phrase(route))


def _each(timeout: float) -> Timeouts:
    return Timeouts.total(timeout)
