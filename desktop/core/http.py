"""The one HTTP setup of every connector: OS trust store, system proxy, deadline, size cap, cancel.

The proxy is chosen per URL by :class:`~desktop.core.proxy.ProxyResolver` (a PAC file or WPAD
when the system names one, else the environment's proxies, as requests reads them); choosing it
is part of the exchange, so the deadline and Cancel bound it too.

ESWS (through zeep) and CRM.COM both post through :class:`HttpPoster`, so TLS, proxies, limits
and the mapping of low-level failures to
:class:`~desktop.core.errors.TransportError` live here once.

Each exchange runs on its own short-lived daemon thread while the caller waits for it, for the
cancel signal or for the deadline, whichever comes first (:mod:`desktop.core.http_exchange`).
Cancel and the deadline both shut the exchange's sockets down (so the thread ends soon), but the
caller never waits for that: a call stuck where no socket can be reached (a DNS look-up) still
returns at once. A connection an aborted exchange used never goes back to the pool, so the next
request never queues behind it.
"""

from __future__ import annotations

import ipaddress
import logging
import socket
import ssl
import threading
import time
from dataclasses import dataclass
from typing import cast
from urllib.parse import urlsplit

import requests
import urllib3

from desktop import version
from desktop.core.errors import TransportError, TransportProblem
from desktop.core.http_exchange import (
    CANCELLED,
    Exchange,
    ExchangeSet,
    InUse,
    TrackedAdapter,
    WorkAborted,
)
from desktop.core.proxy import ProxyResolver, Route, system_resolver

log = logging.getLogger(__name__)

DEFAULT_CONNECT_TIMEOUT = 10.0
DEFAULT_READ_TIMEOUT = 30.0
MAX_REPLY_BYTES = 1024 * 1024
USER_AGENT = f"I3SyncDesktop/{version()}"


@dataclass(frozen=True)
class Timeouts:
    """Seconds allowed for a connection, and for the whole exchange.

    ``connect`` caps opening the connection (TCP and TLS). The whole exchange (connect, send,
    headers, body) must end within ``overall`` seconds, or ``connect + read`` when ``overall``
    is not given; a watchdog enforces it, however slowly a server drips its reply. ``read`` is
    also the longest silence tolerated between two packets.
    """

    connect: float = DEFAULT_CONNECT_TIMEOUT
    read: float = DEFAULT_READ_TIMEOUT
    overall: float | None = None

    @classmethod
    def total(cls, seconds: float) -> Timeouts:
        """One figure, as the CLI's ``--timeout``: the whole exchange, connect capped at 10 s."""
        if seconds <= 0:
            raise ValueError("timeout must be positive")
        return cls(connect=min(seconds, DEFAULT_CONNECT_TIMEOUT), read=seconds, overall=seconds)

    @property
    def deadline(self) -> float:
        """Seconds the whole exchange may take."""
        return self.overall if self.overall is not None else self.connect + self.read


@dataclass
class HttpReply:
    """A reply read in full (within the size cap)."""

    status: int
    reason: str
    headers: dict[str, str]
    body: bytes

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";")[0].strip().lower()


class HttpPoster:
    """Posts a body to one endpoint and returns the whole reply, or raises ``TransportError``.

    Proxies come from the system, per URL (:mod:`desktop.core.proxy`: a PAC file or WPAD, the
    environment, the registry on Windows); :attr:`last_route` is the route the latest request
    took. ``cancel()`` may be called from another thread: it aborts every request in flight at
    once, in any phase.
    """

    def __init__(
        self,
        timeouts: Timeouts | None = None,
        max_bytes: int = MAX_REPLY_BYTES,
        proxies: ProxyResolver | None = None,
    ) -> None:
        self.timeouts = timeouts or Timeouts()
        self.max_bytes = max_bytes
        self.proxies = proxies or system_resolver()
        self.last_route: Route | None = None
        self._exchanges = ExchangeSet()
        self._finish_by: float | None = None
        self._session_lock = threading.Lock()
        self._session = _new_session()

    @property
    def session(self) -> requests.Session:
        """The session the next request uses. After an aborted request it is a fresh one: the
        abandoned thread may still be inside the old one, and a session is not thread-safe."""
        with self._session_lock:
            return self._session

    def _retire(self, session: requests.Session, in_use: InUse) -> None:
        # A fresh session for the next request (unless another abort already gave one); the old
        # one is closed once the abandoned thread is out of it, never under its feet.
        with self._session_lock:
            if self._session is session:
                self._session = _new_session()
        in_use.retire()

    def cancel(self) -> None:
        """Abort whatever request is in flight; the caller gets ``TransportProblem.CANCELLED``.

        Sticky: later requests fail the same way until :meth:`reset_cancel`.
        """
        self._exchanges.cancel()

    def reset_cancel(self) -> None:
        """Allow new requests after a cancel."""
        self._exchanges.reset()

    def finish_by(self, moment: float | None) -> None:
        """Every request from now on must end by ``moment`` (a :func:`time.monotonic` time),
        whatever :attr:`timeouts` allow: one budget over several requests. ``None`` lifts it."""
        self._finish_by = moment

    @property
    def cancelled(self) -> bool:
        return self._exchanges.cancelled

    def close(self) -> None:
        self.session.close()

    def post(self, url: str, body: bytes, headers: dict[str, str], endpoint: str = "") -> HttpReply:
        """POST ``body``; the whole exchange is bounded by the deadline and the size cap."""
        return self.request("POST", url, body=body, headers=headers, endpoint=endpoint)

    def get(self, url: str, endpoint: str = "") -> HttpReply:
        """GET ``url``, bounded like :meth:`post`."""
        return self.request("GET", url, endpoint=endpoint)

    def request(
        self,
        method: str,
        url: str,
        *,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
        endpoint: str = "",
        deadline: float | None = None,
    ) -> HttpReply:
        """One exchange, read in full; ``endpoint`` is how errors name the server.

        ``deadline`` (seconds) may shorten the time :attr:`timeouts` allow, for a caller that
        spends one budget over several requests.
        """
        endpoint = endpoint or describe_endpoint(url)
        if self.cancelled:
            raise TransportError(endpoint, TransportProblem.CANCELLED)
        allowed = (
            self.timeouts.deadline if deadline is None else min(deadline, self.timeouts.deadline)
        )
        if self._finish_by is not None:
            allowed = min(allowed, self._finish_by - time.monotonic())
        if allowed <= 0:
            raise _timed_out(endpoint, TransportProblem.READ_TIMEOUT, self.timeouts.deadline)
        exchange = Exchange()
        until = time.monotonic() + allowed
        session = self.session
        in_use = InUse(session.close)

        def work() -> HttpReply:
            route: Route | None = None
            if not in_use.enter():  # the caller gave up before this thread began
                raise TransportError(endpoint, TransportProblem.CANCELLED)
            try:
                route = self.proxies.choose(url, until)
                self.last_route = route
                return self._send_and_read(session, method, url, body, headers, endpoint, route)
            except TransportError:
                raise
            except Exception as error:
                raise _through_proxy(classify(endpoint, error), error, route) from None
            finally:
                in_use.leave()

        try:
            return self._exchanges.call(exchange, work, allowed, "i3sync-http")
        except WorkAborted:
            if exchange.aborted is None:  # not this exchange's abort (cannot happen: classified)
                raise
            if in_use.abandon():
                self._retire(session, in_use)
            if exchange.aborted == CANCELLED:
                raise TransportError(endpoint, TransportProblem.CANCELLED) from None
            problem = (
                TransportProblem.READ_TIMEOUT
                if exchange.connected
                else TransportProblem.CONNECT_TIMEOUT
            )
            raise _timed_out(endpoint, problem, allowed) from None

    def _send_and_read(
        self,
        session: requests.Session,
        method: str,
        url: str,
        body: bytes | None,
        headers: dict[str, str] | None,
        endpoint: str,
        route: Route,
    ) -> HttpReply:
        response = session.request(
            method,
            url,
            data=body,
            headers=headers,
            # A None value keeps requests from adding the environment's proxy for that key.
            proxies=cast("dict[str, str] | None", route.requests_proxies()),
            timeout=(self.timeouts.connect, self.timeouts.read),
            stream=True,
            allow_redirects=False,
            hooks={"response": _drop_unusable_location},
        )
        with response:
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_content(64 * 1024):
                size += len(chunk)
                if size > self.max_bytes:
                    raise TransportError(
                        endpoint, TransportProblem.TOO_LARGE, f"over {self.max_bytes} bytes"
                    )
                chunks.append(chunk)
        return HttpReply(
            status=response.status_code,
            reason=response.reason or "",
            headers={k.lower(): v for k, v in response.headers.items()},
            body=b"".join(chunks),
        )


def _new_session() -> requests.Session:
    """A session on the tracked adapter (OS trust store), as this application."""
    session = requests.Session()
    session.headers["User-Agent"] = USER_AGENT
    adapter = TrackedAdapter()
    session.mount("https://", adapter)
    session.mount("http://", adapter)
    return session


def _drop_unusable_location(response: requests.Response, **_: object) -> requests.Response:
    # Redirects are never followed here, yet requests parses a redirect's Location anyway and a
    # hostile one ("https://[") would turn an answer into a ValueError: such a header is dropped.
    location = response.headers.get("location")
    if location is not None:
        try:
            urlsplit(location)
        except ValueError:
            del response.headers["location"]
    return response


def _through_proxy(
    error: TransportError, cause: BaseException, route: Route | None
) -> TransportError:
    # A proxy that cannot be reached reads as the server refusing: say which proxy it was.
    if route is None or route.proxy is None:
        return error
    if not any(isinstance(e, requests.exceptions.ProxyError) for e in _chain(cause)):
        return error
    detail = f"the proxy {route.shown}" + (f": {error.detail}" if error.detail else "")
    return TransportError(error.endpoint, error.problem, detail, waited=error.waited)


def _timed_out(endpoint: str, problem: TransportProblem, seconds: float) -> TransportError:
    detail = f"no complete reply within {seconds:g} s"
    return TransportError(endpoint, problem, detail, waited=seconds)


def _chain(error: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and current not in seen:
        seen.append(current)
        nxt = current.__cause__ or current.__context__
        if nxt is None and current.args and isinstance(current.args[0], BaseException):
            nxt = current.args[0]
        if nxt is None:
            reason = getattr(current, "reason", None)
            nxt = reason if isinstance(reason, BaseException) else None
        current = nxt
    return seen


def classify(endpoint: str, error: BaseException) -> TransportError:
    """Map a requests/urllib3/socket failure to a ``TransportError`` without echoing payloads."""
    chain = _chain(error)
    if any(isinstance(e, requests.exceptions.SSLError | ssl.SSLError) for e in chain):
        return TransportError(endpoint, TransportProblem.TLS, _ssl_detail(chain))
    if any(isinstance(e, requests.exceptions.ConnectTimeout) for e in chain):
        return TransportError(endpoint, TransportProblem.CONNECT_TIMEOUT)
    if any(
        isinstance(e, requests.exceptions.ReadTimeout | urllib3.exceptions.ReadTimeoutError)
        for e in chain
    ):
        return TransportError(endpoint, TransportProblem.READ_TIMEOUT)
    if any(isinstance(e, urllib3.exceptions.NameResolutionError | socket.gaierror) for e in chain):
        return TransportError(endpoint, TransportProblem.DNS)
    if any(isinstance(e, ConnectionRefusedError) for e in chain):
        return TransportError(endpoint, TransportProblem.REFUSED)
    if any(isinstance(e, requests.exceptions.ProxyError) for e in chain):
        return TransportError(endpoint, TransportProblem.NETWORK, "the proxy refused the request")
    if any(isinstance(e, TimeoutError | socket.timeout) for e in chain):
        return TransportError(endpoint, TransportProblem.READ_TIMEOUT)
    if any(isinstance(e, ConnectionResetError | BrokenPipeError) for e in chain):
        return TransportError(endpoint, TransportProblem.NETWORK, "connection closed by the server")
    return TransportError(endpoint, TransportProblem.NETWORK, type(error).__name__)


def _ssl_detail(chain: list[BaseException]) -> str:
    for e in chain:
        if isinstance(e, ssl.SSLCertVerificationError):
            return e.verify_message or "certificate not trusted"
    for e in chain:
        if isinstance(e, ssl.SSLError) and e.reason:
            return str(e.reason)
    return "handshake failed"


def http_status_detail(reply: HttpReply) -> str:
    """``HTTP 502 Bad Gateway (text/html)`` — never the body, which may echo the request."""
    kind = f" ({reply.content_type})" if reply.content_type else ""
    return f"HTTP {reply.status} {reply.reason}".rstrip() + kind


def describe_endpoint(url: str) -> str:
    """The endpoint as shown to users: the URL without any query string."""
    return url.split("?", 1)[0]


_LOOPBACK_NAMES = frozenset({"localhost", "localhost.localdomain", "ip6-localhost"})


def is_loopback_host(host: str) -> bool:
    """True for a host name or address that always means this computer."""
    host = host.strip("[]").lower().rstrip(".")
    if host in _LOOPBACK_NAMES or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def is_cleartext_remote(url: str) -> bool:
    """True when ``url`` is plain ``http://`` to another computer: what it carries is readable
    on the way (a password, a token). Loopback is fine; an unparsable URL answers False (the
    validators say what is wrong with it)."""
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname
    except ValueError:
        return False
    return parts.scheme.lower() == "http" and bool(host) and not is_loopback_host(host or "")


__all__ = [
    "HttpPoster",
    "HttpReply",
    "Timeouts",
    "classify",
    "describe_endpoint",
    "http_status_detail",
    "is_cleartext_remote",
    "is_loopback_host",
]
