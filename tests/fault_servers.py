"""Misbehaving servers on loopback, one per transport failure a user can meet."""

from __future__ import annotations

import contextlib
import socket
import ssl
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def _start(handler: type[BaseHTTPRequestHandler]) -> ThreadingHTTPServer:
    class QuietServer(ThreadingHTTPServer):
        daemon_threads = True

        def handle_error(self, request: object, client_address: object) -> None:
            pass  # failed handshakes are the point of some tests

    server = QuietServer(("127.0.0.1", 0), handler)
    return server


def _canned_handler(status: int, content_type: str, body: bytes) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def _reply(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            if length:
                self.rfile.read(length)
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_POST = do_GET = _reply

        def log_message(self, *args: object) -> None:
            pass

    return Handler


@contextmanager
def _serving(server: ThreadingHTTPServer, scheme: str = "http") -> Iterator[str]:
    # A short poll: shutdown() waits for the next poll, 0.5 s by default.
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
    )
    thread.start()
    try:
        yield f"{scheme}://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def canned_server(status: int, content_type: str, body: bytes) -> Iterator[str]:
    """Answers every POST/GET with the same reply; yields its base URL."""
    with _serving(_start(_canned_handler(status, content_type, body))) as url:
        yield url


@contextmanager
def _holding_server(on_accept: Callable[[socket.socket], None]) -> Iterator[str]:
    """Accepts connections, hands each to ``on_accept``, and keeps them open until the end."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    stop = threading.Event()
    held: list[socket.socket] = []

    def accept() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except (TimeoutError, OSError):
                continue
            held.append(conn)
            on_accept(conn)

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        stop.set()
        thread.join(timeout=2)
        for conn in held:
            conn.close()
        listener.close()


@contextmanager
def silent_server(connected: threading.Event | None = None) -> Iterator[str]:
    """Accepts connections but never answers (a hung ESWS); sets ``connected`` on the first."""

    def hold(conn: socket.socket) -> None:
        if connected is not None:
            connected.set()

    with _holding_server(hold) as url:
        yield url


@contextmanager
def full_backlog_server() -> Iterator[str]:
    """A listener that never accepts and whose queue is full: new connections never complete."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(0)
    port = listener.getsockname()[1]
    fillers = []
    for _ in range(3):
        filler = socket.socket()
        filler.setblocking(False)
        filler.connect_ex(("127.0.0.1", port))
        fillers.append(filler)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        for filler in fillers:
            filler.close()
        listener.close()


def closed_port_url() -> str:
    """A loopback URL on which nothing listens (connection refused)."""
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    return f"http://127.0.0.1:{port}"


@contextmanager
def self_signed_tls_server(tmp_path: Path) -> Iterator[str]:
    """HTTPS with a certificate no trust store knows; yields an https:// URL."""
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        [
            *("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"),
            *("-subj", "/CN=127.0.0.1", "-keyout", str(key), "-out", str(cert)),
        ],
        check=True,
        capture_output=True,
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server = _start(_canned_handler(200, "text/xml", b"<x/>"))
    server.socket = context.wrap_socket(server.socket, server_side=True)
    with _serving(server, "https") as url:
        yield url


def timed(action: Callable[[], T]) -> tuple[T, float]:
    """What ``action`` returned, and how many seconds it took."""
    start = time.monotonic()
    result = action()
    return result, time.monotonic() - start


@contextmanager
def headers_then_silence(connected: threading.Event) -> Iterator[str]:
    """Sends the headers of a ``Connection: close`` reply, then holds the body back."""

    def answer_headers(conn: socket.socket) -> None:
        conn.recv(65536)
        conn.sendall(
            b"HTTP/1.0 200 OK\r\nContent-Type: text/xml\r\nContent-Length: 1000\r\n"
            b"Connection: close\r\n\r\n<x>"
        )
        connected.set()

    with _holding_server(answer_headers) as url:
        yield url


@dataclass
class Recorded:
    """One request a scripted server received."""

    method: str
    path: str
    headers: dict[str, str]
    body: bytes
    client_port: int


@dataclass
class ScriptedServer:
    """A keep-alive HTTP/1.1 server answering from a script; see :func:`scripted_server`."""

    url: str
    requests: list[Recorded] = field(default_factory=list)
    # Set each time a request is in and its reply (or hold) is about to start.
    arrived: threading.Event = field(default_factory=threading.Event)


# A step of a script: (status, content type, body), or HOLD (never answer).
Step = tuple[int, str, bytes] | None
HOLD: Step = None


@contextmanager
def _recording_server(choose: Callable[[Recorded, int], Step]) -> Iterator[ScriptedServer]:
    """A keep-alive HTTP/1.1 server that records each request and answers ``choose(request, n)``
    for the n-th one (0-based); HOLD keeps the request unanswered until the server stops."""
    release = threading.Event()
    lock = threading.Lock()
    state = ScriptedServer(url="")

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def _reply(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            recorded = Recorded(
                self.command,
                self.path,
                {k.lower(): v for k, v in self.headers.items()},
                body,
                self.client_address[1],
            )
            with lock:
                step = choose(recorded, len(state.requests))
                state.requests.append(recorded)
            state.arrived.set()
            if step is None:
                release.wait(timeout=60)
                self.close_connection = True
                return
            status, content_type, payload = step
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        do_POST = do_GET = _reply

        def log_message(self, *args: object) -> None:
            pass

    server = _start(Handler)
    try:
        with _serving(server) as url:
            state.url = url
            yield state
            release.set()
    finally:
        release.set()


@contextmanager
def scripted_server(script: list[Step], default: Step = HOLD) -> Iterator[ScriptedServer]:
    """Answers the n-th request with ``script[n]`` (``default`` after the end) on kept-alive
    connections; records every request, headers in lower case."""

    def choose(_: Recorded, n: int) -> Step:
        return script[n] if n < len(script) else default

    with _recording_server(choose) as state:
        yield state


NOT_FOUND: Step = (404, "text/plain", b"not found")


@contextmanager
def routed_server(routes: dict[str, Step]) -> Iterator[ScriptedServer]:
    """Answers by ``"METHOD /path"`` (query string ignored), 404 for anything else; records
    every request, so a test can assert what was (not) fetched."""

    def choose(request: Recorded, _: int) -> Step:
        path = request.path.split("?", 1)[0]
        return routes.get(f"{request.method} {path}", NOT_FOUND)

    with _recording_server(choose) as state:
        yield state


@contextmanager
def dripping_server(body: bytes, *, headers_too: bool = False, every: float = 0.3) -> Iterator[str]:
    """Answers ``body`` one byte every ``every`` seconds (with ``headers_too``, the status line
    and headers as well): a server that is never silent long enough for a read timeout."""
    stop = threading.Event()
    head = (
        b"HTTP/1.1 200 OK\r\nContent-Type: text/xml; charset=ISO-8859-1\r\n"
        b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n"
    )

    def drip(conn: socket.socket) -> None:
        with contextlib.suppress(OSError):
            conn.recv(65536)
            if not headers_too:
                conn.sendall(head)
            for byte in head + body if headers_too else body:
                if stop.wait(every):
                    return
                conn.sendall(bytes([byte]))

    def on_accept(conn: socket.socket) -> None:
        threading.Thread(target=drip, args=(conn,), daemon=True).start()

    try:
        with _holding_server(on_accept) as url:
            yield url
    finally:
        stop.set()
