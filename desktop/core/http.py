"""The one HTTP setup of every connector: OS trust store, system proxy, timeouts, size cap, cancel.

ESWS (through zeep) and CRM.COM both post through :class:`HttpPoster`, so TLS, proxies, limits
and the mapping of low-level failures to
:class:`~desktop.core.errors.TransportError` live here once.
"""

from __future__ import annotations

import contextlib
import logging
import socket
import ssl
import threading
import time
from dataclasses import dataclass
from typing import Any

import requests
import truststore
import urllib3
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

from desktop import version
from desktop.core.errors import TransportError, TransportProblem

log = logging.getLogger(__name__)

DEFAULT_CONNECT_TIMEOUT = 10.0
DEFAULT_READ_TIMEOUT = 30.0
MAX_REPLY_BYTES = 1024 * 1024
USER_AGENT = f"I3SyncDesktop/{version()}"


@dataclass(frozen=True)
class Timeouts:
    """Seconds to wait for a connection, and for the whole reply once connected."""

    connect: float = DEFAULT_CONNECT_TIMEOUT
    read: float = DEFAULT_READ_TIMEOUT

    @classmethod
    def total(cls, seconds: float) -> Timeouts:
        """One figure, as the CLI's ``--timeout``: the connect share is capped at 10 s."""
        if seconds <= 0:
            raise ValueError("timeout must be positive")
        return cls(connect=min(seconds, DEFAULT_CONNECT_TIMEOUT), read=seconds)


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


class _SocketRegistry:
    """Sockets of connections in flight, so that :meth:`HttpPoster.cancel` can shut them."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._sockets: set[socket.socket] = set()
        self.cancelled = threading.Event()

    def add(self, sock: socket.socket) -> None:
        with self._lock:
            self._sockets.add(sock)
        if self.cancelled.is_set():
            self.shutdown_all()

    def clear(self) -> None:
        """Forget every socket (the request they served has ended)."""
        with self._lock:
            self._sockets.clear()

    def shutdown_all(self) -> None:
        with self._lock:
            sockets = list(self._sockets)
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)


def _pool_classes(registry: _SocketRegistry) -> dict[str, type[HTTPConnectionPool]]:
    """Connection pools whose connections report their sockets to ``registry``."""

    class Tracked:
        sock: socket.socket | None

        def _new_conn(self) -> socket.socket:
            # The plain socket, before any TLS handshake: a cancel must reach that too.
            sock: socket.socket = super()._new_conn()  # type: ignore[misc]
            registry.add(sock)
            return sock

        def connect(self) -> None:
            super().connect()  # type: ignore[misc]
            if self.sock is not None:
                registry.add(self.sock)  # the TLS-wrapped socket, same descriptor

    class TrackedHTTPConnection(Tracked, HTTPConnection):
        pass

    class TrackedHTTPSConnection(Tracked, HTTPSConnection):
        pass

    class TrackedHTTPPool(HTTPConnectionPool):
        ConnectionCls = TrackedHTTPConnection

    class TrackedHTTPSPool(HTTPSConnectionPool):
        ConnectionCls = TrackedHTTPSConnection

    return {"http": TrackedHTTPPool, "https": TrackedHTTPSPool}


class _TrustStoreAdapter(HTTPAdapter):
    """Verifies TLS against the operating system's trust store, so corporate CAs work."""

    def __init__(self, registry: _SocketRegistry) -> None:
        self._registry = registry
        super().__init__(max_retries=0)

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        kwargs["ssl_context"] = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = _pool_classes(self._registry)


class HttpPoster:
    """Posts a body to one endpoint and returns the whole reply, or raises ``TransportError``.

    Proxies come from the system (environment, and the registry on Windows). ``cancel()`` may be
    called from another thread: it aborts a request in flight at once.
    """

    def __init__(self, timeouts: Timeouts | None = None, max_bytes: int = MAX_REPLY_BYTES) -> None:
        self.timeouts = timeouts or Timeouts()
        self.max_bytes = max_bytes
        self._registry = _SocketRegistry()
        self.session = requests.Session()
        self.session.headers["User-Agent"] = USER_AGENT
        adapter = _TrustStoreAdapter(self._registry)
        self.session.mount("https://", adapter)
        self.session.mount("http://", adapter)

    def cancel(self) -> None:
        """Abort whatever request is in flight; the caller gets ``TransportProblem.CANCELLED``."""
        self._registry.cancelled.set()
        self._registry.shutdown_all()

    def reset_cancel(self) -> None:
        """Allow new requests after a cancel."""
        self._registry.cancelled.clear()

    @property
    def cancelled(self) -> bool:
        return self._registry.cancelled.is_set()

    def close(self) -> None:
        self.session.close()

    def post(self, url: str, body: bytes, headers: dict[str, str], endpoint: str = "") -> HttpReply:
        """POST ``body``; the whole exchange is bounded by the timeouts and the size cap."""
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
    ) -> HttpReply:
        """One exchange, read in full; ``endpoint`` is how errors name the server."""
        endpoint = endpoint or describe_endpoint(url)
        if self.cancelled:
            raise TransportError(endpoint, TransportProblem.CANCELLED)
        deadline = time.monotonic() + self.timeouts.connect + self.timeouts.read
        try:
            response = self.session.request(
                method,
                url,
                data=body,
                headers=headers,
                timeout=(self.timeouts.connect, self.timeouts.read),
                stream=True,
                allow_redirects=False,
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
                    if time.monotonic() > deadline:
                        raise TransportError(endpoint, TransportProblem.READ_TIMEOUT)
                    chunks.append(chunk)
            if self.cancelled:  # a body cut short by cancel() must not pass for a reply
                raise TransportError(endpoint, TransportProblem.CANCELLED)
            return HttpReply(
                status=response.status_code,
                reason=response.reason or "",
                headers={k.lower(): v for k, v in response.headers.items()},
                body=b"".join(chunks),
            )
        except TransportError:
            raise
        except Exception as error:
            if self.cancelled:
                raise TransportError(endpoint, TransportProblem.CANCELLED) from None
            raise classify(endpoint, error) from None
        finally:
            # Sockets stay registered for the whole exchange: http.client may "close" the
            # connection as soon as the headers of a Connection: close reply are in.
            self._registry.clear()


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


def timeouts_for(seconds: float | None) -> Timeouts:
    return Timeouts() if seconds is None else Timeouts.total(seconds)


__all__ = [
    "HttpPoster",
    "HttpReply",
    "Timeouts",
    "classify",
    "describe_endpoint",
    "http_status_detail",
    "timeouts_for",
]
