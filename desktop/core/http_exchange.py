"""One network exchange in flight: its sockets, its thread, and how cancel and a deadline end it.

:class:`~desktop.core.http.HttpPoster` runs each request through :func:`call_in` (via an
:class:`ExchangeSet`, its sticky cancel), and so does anything else that must stay cancellable
(the connection check's DNS, TCP and TLS probes, a PAC file's fetch through
:func:`call_bounded`): the work runs on a short-lived daemon thread while the caller waits for
it, for an abort or for the deadline, whichever comes first. An abort shuts every socket the
exchange registered (so the thread ends soon), but the caller never waits for that: work stuck
where no socket can be reached (a DNS look-up) still returns at once. What such work returns after
the caller gave up (a socket) is discarded, and a resource it may still be inside (a session) is
closed only once it leaves (:class:`InUse`).

The connection and pool classes below register every socket a request uses with the exchange the
current thread serves, including a kept-alive connection taken from the pool, and never put an
aborted exchange's connection back, so the next request never queues behind it.
"""

from __future__ import annotations

import contextlib
import socket
import ssl
import threading
from collections.abc import Callable
from typing import Any, TypeVar

import truststore
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

T = TypeVar("T")

CANCELLED = "cancelled"
TIMED_OUT = "timed out"


class Exchange:
    """One piece of network work: the sockets it uses, and why it was aborted, if it was."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        self._children: list[Exchange] = []
        self.aborted: str | None = None
        self.connected = False
        # Set when the work is done, or at once on an abort: the caller waits on nothing else.
        self.settled = threading.Event()

    def add_socket(self, sock: socket.socket) -> None:
        """Track ``sock`` so that an abort shuts it (at once, if the abort came first)."""
        with self._lock:
            self._sockets.append(sock)
            aborted = self.aborted is not None
        if aborted:
            shutdown(sock)

    def add_child(self, child: Exchange) -> None:
        """Abort ``child`` with this exchange (at once, if this one is already aborted): work
        that one exchange starts on a thread of its own (fetching a PAC file) ends with it."""
        with self._lock:
            self._children.append(child)
            aborted = self.aborted
        if aborted is not None:
            child.abort(aborted)

    def abort(self, why: str) -> None:
        """Mark the exchange aborted (the first reason wins) and shut every socket it uses,
        and its children's."""
        with self._lock:
            if self.aborted is None:
                self.aborted = why
            sockets = list(self._sockets)
            children = list(self._children)
        self.settled.set()
        for sock in sockets:
            shutdown(sock)
        for child in children:
            child.abort(why)


def shutdown(sock: socket.socket) -> None:
    """Shut ``sock`` both ways, whatever state it is in: a blocked send or receive returns."""
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)


def run_bounded(exchange: Exchange, work: Callable[[], None], allowed: float, name: str) -> None:
    """Run ``work`` on a daemon thread serving ``exchange``; return when it ends, when the
    exchange is aborted, or after ``allowed`` seconds (then the exchange is aborted as
    :data:`TIMED_OUT`). ``work`` reports its result itself; it never runs if already aborted."""

    def serve() -> None:
        _current.exchange = exchange
        try:
            if exchange.aborted is None:
                work()
        finally:
            _current.exchange = None
            exchange.settled.set()

    threading.Thread(target=serve, name=name, daemon=True).start()
    if not exchange.settled.wait(max(0.0, allowed)):
        exchange.abort(TIMED_OUT)


# The exchange the current (worker) thread serves, for the connection and pool hooks below.
_current = threading.local()


def current_exchange() -> Exchange | None:
    """The exchange this thread serves (inside :func:`run_bounded`), or ``None``."""
    exchange: Exchange | None = getattr(_current, "exchange", None)
    return exchange


class _TrackedConnection:
    sock: socket.socket | None

    def _new_conn(self) -> socket.socket:
        # The plain socket, before any TLS handshake: a cancel must reach that too.
        sock: socket.socket = super()._new_conn()  # type: ignore[misc]
        exchange = current_exchange()
        if exchange is not None:
            exchange.add_socket(sock)
        return sock

    def connect(self) -> None:
        super().connect()  # type: ignore[misc]
        exchange = current_exchange()
        if exchange is not None and self.sock is not None:
            exchange.connected = True
            exchange.add_socket(self.sock)  # the TLS-wrapped socket, same descriptor


class _TrackedHTTPConnection(_TrackedConnection, HTTPConnection):
    pass


class _TrackedHTTPSConnection(_TrackedConnection, HTTPSConnection):
    pass


class _TrackedPool:
    """Registers a kept-alive connection each time it is reused, and never pools an aborted one."""

    def _get_conn(self, timeout: float | None = None) -> Any:
        conn = super()._get_conn(timeout)  # type: ignore[misc]
        exchange = current_exchange()
        sock = getattr(conn, "sock", None)
        if exchange is not None and isinstance(sock, socket.socket):
            exchange.connected = True
            exchange.add_socket(sock)
        return conn

    def _put_conn(self, conn: Any) -> None:
        exchange = current_exchange()
        if conn is not None and exchange is not None and exchange.aborted is not None:
            conn.close()
            conn = None  # keeps the pool's size; the next request opens a fresh connection
        super()._put_conn(conn)  # type: ignore[misc]


class _TrackedHTTPPool(_TrackedPool, HTTPConnectionPool):
    ConnectionCls = _TrackedHTTPConnection


class _TrackedHTTPSPool(_TrackedPool, HTTPSConnectionPool):
    ConnectionCls = _TrackedHTTPSConnection


_POOL_CLASSES: dict[str, type[HTTPConnectionPool]] = {
    "http": _TrackedHTTPPool,
    "https": _TrackedHTTPSPool,
}


def trust_store_context() -> ssl.SSLContext:
    """A client TLS context that verifies against the operating system's trust store, so
    corporate CAs work (the one TLS setting of every connection this app makes)."""
    context: ssl.SSLContext = truststore.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    return context


class TrackedAdapter(HTTPAdapter):
    """A requests adapter on the OS trust store whose connections are tracked as above."""

    def __init__(self) -> None:
        super().__init__(max_retries=0)

    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        kwargs["ssl_context"] = trust_store_context()
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = dict(_POOL_CLASSES)

    def proxy_manager_for(self, proxy: str, **proxy_kwargs: Any) -> Any:
        if proxy.lower().startswith("https://"):  # TLS to the proxy itself: the OS store too
            proxy_kwargs.setdefault("proxy_ssl_context", trust_store_context())
        manager = super().proxy_manager_for(proxy, **proxy_kwargs)
        if not proxy.lower().startswith("socks"):  # SOCKS pools are classes of their own
            manager.pool_classes_by_scheme = dict(_POOL_CLASSES)
            # requests hands a proxy's pools no TLS context: the server's certificate, seen
            # through a CONNECT tunnel, is verified against the OS trust store as without one.
            manager.connection_pool_kw.setdefault("ssl_context", trust_store_context())
        return manager


class WorkAborted(Exception):
    """Work run by :func:`call_bounded` did not finish: ``why`` is :data:`CANCELLED` or
    :data:`TIMED_OUT`."""

    def __init__(self, why: str, allowed: float) -> None:
        super().__init__(f"{why} after {allowed:.1f} s" if why == TIMED_OUT else why)
        self.why = why


def call_in(
    exchange: Exchange,
    work: Callable[[], T],
    allowed: float,
    name: str,
    discard: Callable[[T], object] | None = None,
) -> T:
    """``work()`` on a daemon thread serving ``exchange`` (see :func:`run_bounded`): its result,
    or its exception, or :class:`WorkAborted` when the exchange is aborted or ``allowed``
    seconds pass first. The caller never waits longer than that.

    A result the work returns for an aborted exchange (a socket whose connect completed just after
    the cancel, say) has no one to use it: ``discard`` gets it (``socket.close``), on whichever
    thread learns last that it is abandoned.
    """
    lock = threading.Lock()
    outcome: list[tuple[bool, Any]] = []
    abandoned = False

    def job() -> None:
        try:
            value = work()
        except BaseException as error:  # handed to the caller's thread
            with lock:
                outcome.append((False, error))
            return
        with lock:
            late = abandoned
            if not late:
                outcome.append((True, value))
        if late and discard is not None:
            _discard(discard, value)

    run_bounded(exchange, job, allowed, name)
    with lock:
        if exchange.aborted is not None or not outcome:
            abandoned = True
    if abandoned:
        # Finished in the same instant as the abort: the caller still reports the abort.
        if discard is not None:
            for ok, value in outcome:
                if ok:
                    _discard(discard, value)
        raise WorkAborted(exchange.aborted or CANCELLED, allowed)
    ok, value = outcome[0]
    if not ok:
        raise value
    result: T = value
    return result


def _discard(discard: Callable[[T], object], value: T) -> None:
    with contextlib.suppress(Exception):  # nothing is left to report it to
        discard(value)


class ExchangeSet:
    """The exchanges one owner (a poster, a probe) has in flight, and its sticky cancel:
    :meth:`cancel` aborts every one of them at once, and every later one until :meth:`reset`.
    Safe to call from any thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._in_flight: set[Exchange] = set()
        self._cancelled = threading.Event()

    @property
    def cancelled(self) -> bool:
        """Whether :meth:`cancel` was called (and not :meth:`reset` since)."""
        return self._cancelled.is_set()

    def cancel(self) -> None:
        """Abort every exchange in flight as :data:`CANCELLED`, and every later one."""
        self._cancelled.set()
        with self._lock:
            exchanges = list(self._in_flight)
        for exchange in exchanges:
            exchange.abort(CANCELLED)

    def reset(self) -> None:
        """Allow new exchanges after a cancel."""
        self._cancelled.clear()

    def call(
        self,
        exchange: Exchange,
        work: Callable[[], T],
        allowed: float,
        name: str,
        discard: Callable[[T], object] | None = None,
    ) -> T:
        """:func:`call_in` with ``exchange`` registered, so that :meth:`cancel` reaches it; an
        exchange that starts after a cancel is aborted before its work runs."""
        with self._lock:
            self._in_flight.add(exchange)
        try:
            if self.cancelled:  # a cancel between the caller's check and the registration
                exchange.abort(CANCELLED)
            return call_in(exchange, work, allowed, name, discard)
        finally:
            with self._lock:
                self._in_flight.discard(exchange)


class InUse:
    """Whether an exchange's thread is inside a resource it shares with its owner (a poster's
    ``requests.Session``, which is not thread-safe). Once the caller gave up on the exchange the
    thread may no longer enter it; if it had entered, the owner retires the resource (stops
    handing it out) and it is closed by whichever comes last: the retirement, or the thread
    leaving it. Never closed under a thread that is still inside it."""

    def __init__(self, close: Callable[[], object]) -> None:
        self._close = close
        self._lock = threading.Lock()
        self._entered = self._busy = self._abandoned = self._retired = False

    def enter(self) -> bool:
        """The thread is about to use the resource; False once the caller gave up."""
        with self._lock:
            if self._abandoned:
                return False
            self._entered = self._busy = True
            return True

    def leave(self) -> None:
        """The thread is done with the resource."""
        with self._lock:
            self._busy = False
            close = self._retired
        if close:
            self._close()

    def abandon(self) -> bool:
        """The caller gave up: True if the thread had entered (then the owner must retire it)."""
        with self._lock:
            self._abandoned = True
            return self._entered

    def retire(self) -> None:
        """The owner no longer hands the resource out: close it now, or when the thread leaves."""
        with self._lock:
            self._retired = True
            close = not self._busy
        if close:
            self._close()


def call_bounded(work: Callable[[], T], allowed: float, name: str) -> T:
    """``work()`` on a daemon thread, as a child of the exchange this thread serves (if any):
    its result, or its exception, or :class:`WorkAborted` when ``allowed`` seconds pass or the
    parent exchange is aborted first. The caller never waits longer than that."""
    exchange = Exchange()
    parent = current_exchange()
    if parent is not None:
        parent.add_child(exchange)
    return call_in(exchange, work, allowed, name)
