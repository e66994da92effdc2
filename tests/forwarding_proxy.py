"""A real forwarding HTTP proxy on 127.0.0.1, as a company network has one.

Absolute-URI requests (``GET http://127.0.0.1:8080/x HTTP/1.1``, any method with a body) are
forwarded and their replies relayed; ``CONNECT host:port`` opens a tunnel and copies bytes both
ways (https through the proxy). :attr:`ForwardingProxy.forwarded` records each
``(method, "host:port")`` it served. It forwards only to 127.0.0.1 (403 otherwise), so no test
can reach beyond this computer through it.
"""

from __future__ import annotations

import contextlib
import http.client
import selectors
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

LOOPBACK = frozenset({"127.0.0.1", "localhost"})
_HOP_BY_HOP = frozenset(
    {
        "connection",
        "keep-alive",
        "proxy-authenticate",
        "proxy-authorization",
        "proxy-connection",
        "te",
        "trailers",
        "transfer-encoding",
        "upgrade",
    }
)


class ForwardingProxy:
    """``url`` is ``http://127.0.0.1:<port>``; ``address`` is ``127.0.0.1:<port>`` (for a PAC
    file's ``PROXY`` line). Use as a context manager."""

    def __init__(self) -> None:
        self.forwarded: list[tuple[str, str]] = []
        self._lock = threading.Lock()
        self._server = _Server(("127.0.0.1", 0), _handler(self))
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self._server.server_address[1]}"

    @property
    def url(self) -> str:
        return "http://" + self.address

    def hosts(self) -> list[str]:
        """The ``host:port`` of every request forwarded or tunnelled, in order."""
        with self._lock:
            return [target for _method, target in self.forwarded]

    def record(self, method: str, target: str) -> None:
        with self._lock:
            self.forwarded.append((method, target))

    def __enter__(self) -> ForwardingProxy:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client that goes away mid-tunnel is not the test's business


def _handler(proxy: ForwardingProxy) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        timeout = 30  # a stuck client never keeps a thread forever

        def _forward(self) -> None:
            parts = urlsplit(self.path)
            host, port = parts.hostname or "", parts.port or 80
            if parts.scheme != "http" or host not in LOOPBACK:
                self.send_error(403, "this test proxy forwards to 127.0.0.1 only")
                return
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else None
            headers = {k: v for k, v in self.headers.items() if k.lower() not in _HOP_BY_HOP}
            proxy.record(self.command, f"{host}:{port}")
            upstream = http.client.HTTPConnection(host, port, timeout=30)
            try:
                target = parts.path or "/"
                if parts.query:
                    target += "?" + parts.query
                upstream.request(self.command, target, body=body, headers=headers)
                reply = upstream.getresponse()
                data = reply.read()
            except OSError:
                self.send_error(502, "upstream failed")
                return
            finally:
                upstream.close()
            self.send_response(reply.status, reply.reason)
            for key, value in reply.getheaders():
                if key.lower() not in _HOP_BY_HOP and key.lower() != "content-length":
                    self.send_header(key, value)
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(data)

        do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = _forward

        def do_CONNECT(self) -> None:
            host, _, port_text = self.path.rpartition(":")
            if host not in LOOPBACK or not port_text.isdigit():
                self.send_error(403, "this test proxy tunnels to 127.0.0.1 only")
                return
            try:
                upstream = socket.create_connection((host, int(port_text)), timeout=10)
            except OSError:
                self.send_error(502, "upstream refused")
                return
            proxy.record("CONNECT", f"{host}:{port_text}")
            self.send_response(200, "Connection established")
            self.end_headers()
            self.wfile.flush()
            _relay(self.connection, upstream)
            self.close_connection = True

        def log_message(self, format: str, *args: Any) -> None:
            pass

    return Handler


def _relay(client: socket.socket, upstream: socket.socket) -> None:
    # Copy both ways until either side closes (or nothing moves for 30 s).
    with upstream, selectors.DefaultSelector() as selector:
        selector.register(client, selectors.EVENT_READ, upstream)
        selector.register(upstream, selectors.EVENT_READ, client)
        while True:
            ready = selector.select(timeout=30)
            if not ready:
                return
            for key, _events in ready:
                source: socket.socket = key.fileobj  # type: ignore[assignment]
                try:
                    data = source.recv(64 * 1024)
                except OSError:
                    return
                if not data:
                    return
                with contextlib.suppress(OSError):
                    key.data.sendall(data)
