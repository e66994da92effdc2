"""The network under a request, one layer at a time: DNS, TCP, TLS, each timed separately.

A request through :class:`~desktop.core.http.HttpPoster` fails as a whole; the connection check
needs to say which layer failed. Each probe runs through
:func:`~desktop.core.http_exchange.run_bounded`, like every request: bounded by a deadline (an
absolute :func:`time.monotonic` time, so several probes share one budget) and ended at once by
:meth:`NetProbe.cancel`, whatever it is doing (a DNS look-up included: the caller stops waiting).
Failures are :class:`~desktop.core.errors.TransportError` naming the host, like any request's.
"""

from __future__ import annotations

import contextlib
import errno
import socket
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from desktop.core.cert_info import CertificateInfo, describe_certificate
from desktop.core.errors import TransportError, TransportProblem
from desktop.core.http_exchange import (
    CANCELLED,
    Exchange,
    ExchangeSet,
    WorkAborted,
    current_exchange,
    trust_store_context,
)
from desktop.core.text import one_line

T = TypeVar("T")
Address = tuple[Any, ...]


@dataclass(frozen=True)
class TlsResult:
    """A verified TLS session: its protocol version and the certificate presented."""

    version: str
    certificate: CertificateInfo | None


class NetProbe:
    """Probes for one check; :meth:`cancel` may be called from any thread, and is sticky."""

    def __init__(self) -> None:
        self._exchanges = ExchangeSet()

    def cancel(self) -> None:
        """Abort the probe in flight (it raises ``TransportProblem.CANCELLED``) and any later."""
        self._exchanges.cancel()

    def _run(self, name: str, timeout: TransportProblem, until: float, work: Callable[[], T]) -> T:
        if self._exchanges.cancelled:
            raise TransportError(name, TransportProblem.CANCELLED)
        allowed = until - time.monotonic()
        if allowed <= 0:
            raise TransportError(name, timeout, "no time left")
        exchange = Exchange()
        try:
            # A socket connected after the abort is closed: no caller is left to close it.
            return self._exchanges.call(exchange, work, allowed, "i3sync-probe", _close_socket)
        except WorkAborted:
            if exchange.aborted is None:  # raised by the work itself (a nested bounded call)
                raise
            if exchange.aborted == CANCELLED:
                raise TransportError(name, TransportProblem.CANCELLED) from None
            raise TransportError(name, timeout, f"nothing within {allowed:.1f} s") from None

    def call(self, name: str, until: float, work: Callable[[], T]) -> T:
        """Any other work of the check (choosing a proxy) run like a probe: by ``until``, and
        ended by :meth:`cancel`; ``name`` is how errors name what was being done."""
        return self._run(name, TransportProblem.READ_TIMEOUT, until, work)

    def resolve(self, host: str, port: int, until: float) -> list[Address]:
        """The addresses ``host`` resolves to (system resolver), as ``getaddrinfo`` gives them."""

        def look_up() -> list[Address]:
            try:
                found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
            except socket.gaierror as error:
                raise TransportError(host, TransportProblem.DNS, _gai_reason(error)) from None
            except UnicodeError:
                raise TransportError(host, TransportProblem.DNS, "not a valid host name") from None
            return [tuple(entry) for entry in found]

        return self._run(host, TransportProblem.DNS, until, look_up)

    def connect(self, host: str, addresses: list[Address], until: float) -> socket.socket:
        """A TCP connection to the first address that accepts one; the caller closes it."""
        shown = host

        def attempt() -> socket.socket:
            last: OSError | None = None
            last_address = ""
            for family, kind, proto, _name, sockaddr in addresses:
                last_address = _show(sockaddr)
                sock = socket.socket(family, kind, proto)
                exchange = current_exchange()
                if exchange is not None:
                    exchange.add_socket(sock)
                sock.settimeout(max(0.05, until - time.monotonic()))
                try:
                    sock.connect(sockaddr)
                except OSError as error:
                    sock.close()
                    last = error
                    continue
                sock.settimeout(None)
                return sock
            raise _connect_error(shown, last, last_address)

        return self._run(shown, TransportProblem.CONNECT_TIMEOUT, until, attempt)

    def tls(self, sock: socket.socket, host: str, until: float) -> TlsResult:
        """A TLS handshake on ``sock``, verified against the OS trust store for ``host``.

        ``sock`` is consumed (closed when done). An untrusted certificate raises
        ``TransportProblem.TLS`` with the verifier's reason.
        """

        def handshake() -> TlsResult:
            context = trust_store_context()
            sock.settimeout(max(0.05, until - time.monotonic()))
            tls_sock = context.wrap_socket(
                sock, server_hostname=host, do_handshake_on_connect=False
            )
            exchange = current_exchange()
            if exchange is not None:
                exchange.add_socket(tls_sock)
            with tls_sock:
                try:
                    tls_sock.do_handshake()
                except OSError as error:
                    raise _tls_error(host, error) from None
                der = tls_sock.getpeercert(binary_form=True)
                return TlsResult(tls_sock.version() or "TLS", describe_certificate(der))

        try:
            return self._run(host, TransportProblem.READ_TIMEOUT, until, handshake)
        finally:
            sock.close()

    def peek_certificate(self, host: str, address: Address, until: float) -> CertificateInfo | None:
        """The certificate ``address`` presents, read WITHOUT verifying it, only to describe it
        after verification failed (which certificate, issued by whom). Nothing is sent."""

        def peek() -> CertificateInfo | None:
            family, kind, proto, _name, sockaddr = address
            context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
            context.check_hostname = False
            context.verify_mode = ssl.CERT_NONE
            with socket.socket(family, kind, proto) as sock:
                exchange = current_exchange()
                if exchange is not None:
                    exchange.add_socket(sock)
                sock.settimeout(max(0.05, until - time.monotonic()))
                sock.connect(sockaddr)
                with context.wrap_socket(sock, server_hostname=host) as tls_sock:
                    return describe_certificate(tls_sock.getpeercert(binary_form=True))

        with contextlib.suppress(OSError, TransportError):
            return self._run(host, TransportProblem.READ_TIMEOUT, until, peek)
        return None


def _close_socket(value: object) -> None:
    """Close what an abandoned probe returned, if it is a socket (a late connect's)."""
    if isinstance(value, socket.socket):
        value.close()


def _show(sockaddr: Address) -> str:
    host, port = str(sockaddr[0]), sockaddr[1]
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


def _gai_reason(error: socket.gaierror) -> str:
    # The system's own words, without the errno number (they differ between platforms).
    return one_line(str(error.strerror or "name not found"), 120)


def _tls_error(host: str, error: OSError) -> TransportError:
    if isinstance(error, ssl.SSLCertVerificationError):
        reason = error.verify_message or error.reason or "certificate not trusted"
        return TransportError(host, TransportProblem.TLS, one_line(str(reason), 160))
    if isinstance(error, ssl.SSLError):
        return TransportError(
            host, TransportProblem.TLS, one_line(str(error.reason or "handshake failed"), 160)
        )
    if isinstance(error, TimeoutError):
        return TransportError(host, TransportProblem.READ_TIMEOUT, "the handshake did not finish")
    return _connect_error(host, error, "")


def _connect_error(host: str, error: OSError | None, address: str) -> TransportError:
    # The problem names what happened; the detail only where (the address tried last).
    if isinstance(error, ConnectionRefusedError):
        return TransportError(host, TransportProblem.REFUSED, address)
    if isinstance(error, TimeoutError):
        return TransportError(host, TransportProblem.CONNECT_TIMEOUT, address)
    name = errno.errorcode.get(error.errno or 0, type(error).__name__) if error else "no address"
    return TransportError(host, TransportProblem.NETWORK, f"{address}: {name}" if address else name)
