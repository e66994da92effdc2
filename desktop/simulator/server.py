"""A local stand-in for ESWS and I3 on 127.0.0.1, for demo mode and tests.

ESWS replies are byte-for-byte in NuSOAP's format (the vendor's sample response); I3's sync pages
are served on the same origin. Other connectors (CRM.COM) add their routes with :meth:`add_route`.
"""

from __future__ import annotations

import logging
import socket
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import unquote, urlsplit
from xml.sax.saxutils import escape

from lxml import etree

from desktop.core.paths import resource_path
from desktop.simulator import pages
from desktop.simulator.esws_logic import (
    DEMO_ADMIN,
    DEMO_COMPANY_ID,
    DEMO_PASSWORD,
    EswsLogic,
    SyncKind,
    demo_company,
)

log = logging.getLogger(__name__)

SHUTDOWN_POLL_SECONDS = 0.02

ESWS_PATH = "/webservicesesws"
MAX_REQUEST_BYTES = 256 * 1024

_NUSOAP_ENVELOPE = (
    '<?xml version="1.0" encoding="ISO-8859-1"?>'
    '<SOAP-ENV:Envelope SOAP-ENV:encodingStyle="http://schemas.xmlsoap.org/soap/encoding/" '
    'xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/" '
    'xmlns:xsd="http://www.w3.org/2001/XMLSchema" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    'xmlns:SOAP-ENC="http://schemas.xmlsoap.org/soap/encoding/">'
    "<SOAP-ENV:Body>{body}</SOAP-ENV:Body></SOAP-ENV:Envelope>"
)


@dataclass
class Reply:
    status: int
    content_type: str
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)


Route = Callable[[str, str, dict[str, str], bytes], Reply]


def nusoap_response(operation: str, value: str) -> bytes:
    body = (
        f'<ns1:{operation}Response xmlns:ns1="uen:esws">'
        f'<return xsi:type="xsd:string">{escape(value)}</return>'
        f"</ns1:{operation}Response>"
    )
    return _NUSOAP_ENVELOPE.format(body=body).encode("iso-8859-1", "replace")


def nusoap_fault(code: str, text: str) -> bytes:
    body = (
        f'<SOAP-ENV:Fault><faultcode xsi:type="xsd:string">{escape(code)}</faultcode>'
        f'<faultactor xsi:type="xsd:string"></faultactor>'
        f'<faultstring xsi:type="xsd:string">{escape(text)}</faultstring>'
        f'<detail xsi:type="xsd:string"></detail></SOAP-ENV:Fault>'
    )
    return _NUSOAP_ENVELOPE.format(body=body).encode("iso-8859-1", "replace")


def _parse_call(body: bytes) -> tuple[str, dict[str, str]]:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    root = etree.fromstring(body, parser)
    soap_body = root.find("{http://schemas.xmlsoap.org/soap/envelope/}Body")
    if soap_body is None or not len(soap_body):
        raise ValueError("no SOAP body")
    call = soap_body[0]
    operation = etree.QName(call).localname
    params = {etree.QName(child).localname: child.text or "" for child in call}
    return operation, params


class _QuietServer(ThreadingHTTPServer):
    """Browsers drop connections they no longer need: not worth a traceback on stderr."""

    def handle_error(self, request: Any, client_address: Any) -> None:
        error = sys.exc_info()[1]
        if isinstance(error, ConnectionError):
            return
        log.error("Simulator request failed: %s", type(error).__name__)


class Simulator:
    """ESWS + I3 on loopback. ``url`` is the I3 base, ``esws_endpoint`` the SOAP endpoint."""

    def __init__(
        self,
        logic: EswsLogic | None = None,
        *,
        host: str = "127.0.0.1",
        sock: socket.socket | None = None,
    ) -> None:
        """``sock``: a socket already bound and listening (on loopback) to serve instead of
        binding one on ``host``; :meth:`stop` closes it. Demo mode takes its address before the
        window is painted and starts the simulator after (:mod:`desktop.gui.demo`)."""
        self.logic = logic or EswsLogic()
        self.delay_seconds = 0.0
        self.calls: list[tuple[str, dict[str, str]]] = []
        self._routes: list[tuple[str, str, Route]] = []
        self._stop = threading.Event()
        handler = _make_handler(self)
        if sock is None:
            self._server = _QuietServer((host, 0), handler)
        else:
            self._server = _QuietServer(sock.getsockname()[:2], handler, bind_and_activate=False)
            self._server.socket.close()  # the one made for binding, which is not needed
            self._server.socket = sock
            self._server.server_address = sock.getsockname()
            self._server.server_port = self._server.server_address[1]
        self._server.daemon_threads = True
        self._thread: threading.Thread | None = None

    @property
    def port(self) -> int:
        return int(self._server.server_address[1])

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def esws_endpoint(self) -> str:
        return self.url + ESWS_PATH

    def add_route(self, method: str, path_prefix: str, route: Route) -> None:
        """Serve ``method`` requests whose path starts with ``path_prefix`` by ``route``."""
        self._routes.append((method.upper(), path_prefix, route))

    def start(self) -> Simulator:
        # A short poll: shutdown() waits for the next poll, 0.5 s by default, at every stop.
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": SHUTDOWN_POLL_SECONDS},
            name="i3sync-simulator",
            daemon=True,
        )
        self._thread.start()
        log.info("Simulator listening on %s", self.url)
        return self

    def stop(self) -> None:
        self._stop.set()
        self._server.shutdown()
        self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)

    def __enter__(self) -> Simulator:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def wait_delay(self) -> None:
        """Hold a reply back by ``delay_seconds`` (tests of slow servers), unless stopping."""
        if self.delay_seconds > 0:
            self._stop.wait(self.delay_seconds)

    # -- request handling -------------------------------------------------------------------

    def handle(self, method: str, target: str, headers: dict[str, str], body: bytes) -> Reply:
        parts = urlsplit(target)
        path = parts.path
        for route_method, prefix, route in self._routes:
            if method == route_method and path.startswith(prefix):
                return route(method, target, headers, body)
        if path == ESWS_PATH and method == "GET" and parts.query.lower() == "wsdl":
            return Reply(200, "text/xml; charset=UTF-8", self._wsdl())
        if path == ESWS_PATH and method == "POST":
            return self._soap(body)
        if method == "GET":
            for kind, prefix in (
                (SyncKind.ONE_USER, "/users/oneSyncUserLogin/"),
                (SyncKind.ALL_USERS, "/users/totalSyncUsersLogin/"),
            ):
                if path.startswith(prefix):
                    return self._sync_page(kind, unquote(path[len(prefix) :]))
            if path in ("/", "/favicon.ico"):
                status, html = pages.not_found_page()
                return Reply(status, "text/html; charset=utf-8", html.encode())
        status, html = pages.not_found_page()
        return Reply(status, "text/html; charset=utf-8", html.encode())

    def _wsdl(self) -> bytes:
        text = resource_path("esws.wsdl").read_text(encoding="utf-8")
        return text.replace(
            "https://ws.i3.identysoft.com/webservicesesws", self.esws_endpoint
        ).encode("utf-8")

    def _soap(self, body: bytes) -> Reply:
        self.wait_delay()
        content_type = "text/xml; charset=ISO-8859-1"
        try:
            operation, params = _parse_call(body)
        except (etree.XMLSyntaxError, ValueError):
            return Reply(500, content_type, nusoap_fault("SOAP-ENV:Client", "error in msg parsing"))
        self.calls.append((operation, params))
        get = params.get
        if operation == "Esws.getSyncToken":
            value = self.logic.get_sync_token(
                get("p_companyID", ""),
                get("p_adminUsername", ""),
                get("p_adminPassword", ""),
                get("p_userId", ""),
                get("p_locationID", ""),
            )
        elif operation == "Esws.getTotalSyncToken":
            value = self.logic.get_total_sync_token(
                get("p_companyID", ""), get("p_adminUsername", ""), get("p_adminPassword", "")
            )
        else:
            fault = nusoap_fault("SOAP-ENV:Client", f"Operation '{operation}' is not defined")
            return Reply(500, content_type, fault)
        return Reply(200, content_type, nusoap_response(operation, value))

    def _sync_page(self, kind: SyncKind, token: str) -> Reply:
        grant = self.logic.redeem(token, kind)
        if grant is None:
            status, html = pages.expired_page()
        elif kind is SyncKind.ONE_USER:
            status, html = pages.one_user_page(grant)
        else:
            status, html = pages.total_page(grant)
        return Reply(status, "text/html; charset=utf-8", html.encode("utf-8"))


def _make_handler(simulator: Simulator) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "NuSOAP-simulator/0.9.5"
        protocol_version = "HTTP/1.1"
        # Headers and body go out in separate writes: without this, Nagle's algorithm and
        # delayed ACKs hold each reply on a kept-alive connection back by ~40 ms.
        disable_nagle_algorithm = True

        def _serve(self, method: str) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            if length > MAX_REQUEST_BYTES:
                self.send_error(413)
                return
            body = self.rfile.read(length) if length else b""
            headers = {k.lower(): v for k, v in self.headers.items()}
            try:
                reply = simulator.handle(method, self.path, headers, body)
            except Exception:  # a simulator bug must still answer, and loudly
                log.exception("Simulator failed on %s %s", method, self.path.split("?")[0])
                reply = Reply(500, "text/plain", b"simulator error")
            self.send_response(reply.status)
            self.send_header("Content-Type", reply.content_type)
            self.send_header("Content-Length", str(len(reply.body)))
            self.send_header("Cache-Control", "no-store")
            for name, value in reply.headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(reply.body)

        def do_GET(self) -> None:
            self._serve("GET")

        def do_POST(self) -> None:
            self._serve("POST")

        def log_message(self, format: str, *args: Any) -> None:
            # Paths carry tokens: log the method and status only.
            log.debug("simulator: %s", (args[1] if len(args) > 1 else ""))

    return Handler


def banner(sim: Simulator) -> str:
    """What ``python -m desktop.simulator.server`` prints: where it listens and how to log in."""
    return "\n".join(
        [
            f"ESWS endpoint:  {sim.esws_endpoint}",
            f"I3 base URL:    {sim.url}",
            f"Security code:  {DEMO_COMPANY_ID}",
            f"Admin username: {DEMO_ADMIN}",
            f"Password:       {DEMO_PASSWORD}",
            f"User ids:       {', '.join(demo_company().users)}; "
            f"location ids: {', '.join(str(i) for i in demo_company().locations)}",
            "Try (demo credentials, public by design):",
            f"  I3SYNC_COMPANY_ID='{DEMO_COMPANY_ID}' I3SYNC_PASSWORD='{DEMO_PASSWORD}' \\",
            f"  .venv/bin/i3sync url one --endpoint {sim.esws_endpoint} --admin {DEMO_ADMIN} "
            f"--user 42 --location 3 --i3-url {sim.url}",
        ]
    )


def run_forever(
    extend: Callable[[Simulator], str] | None = None,
) -> None:  # pragma: no cover - manual use: python -m desktop.simulator.server
    """Serve until Ctrl+C; ``extend`` adds routes (another connector) and says what it added."""
    with Simulator() as sim:
        print(banner(sim), flush=True)
        if extend is not None:
            print(extend(sim), flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":  # pragma: no cover
    run_forever()
