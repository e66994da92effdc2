"""The check's core (:class:`desktop.esws.check.ConnectionCheck`) as the window will use it: a
trusted https ESWS, cancel in every phase (DNS, connect, ESWS), the per-step callback."""

from __future__ import annotations

import datetime
import ipaddress
import socket
import ssl
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from desktop.esws.check import CheckTarget, ConnectionCheck, StepResult
from desktop.esws.client import bundled_wsdl_path
from desktop.simulator.esws_logic import EswsLogic
from desktop.simulator.server import Simulator, nusoap_response
from tests.fault_servers import HOLD, full_backlog_server, scripted_server, timed

UTC = datetime.UTC


def _cert(
    subject: str, issuer: str, key: ec.EllipticCurvePrivateKey, signer: ec.EllipticCurvePrivateKey,
    *, ca: bool, days: int,
) -> x509.Certificate:  # fmt: skip
    now = datetime.datetime.now(UTC)
    builder = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject)]))
        .issuer_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, issuer)]))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=days, hours=1))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
    )
    if not ca:
        builder = builder.add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
    return builder.sign(signer, hashes.SHA256())


@contextmanager
def trusted_esws(folder: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """HTTPS on 127.0.0.1 with a certificate from a test CA that this process trusts (OpenSSL's
    SSL_CERT_FILE, which truststore uses on Linux); answers POST as ESWS does an empty call."""
    ca_key, leaf_key = (
        ec.generate_private_key(ec.SECP256R1()),
        ec.generate_private_key(ec.SECP256R1()),
    )
    ca = _cert("I3Sync Test CA", "I3Sync Test CA", ca_key, ca_key, ca=True, days=365)
    leaf = _cert("esws.test", "I3Sync Test CA", leaf_key, ca_key, ca=False, days=30)
    pem = serialization.Encoding.PEM
    (folder / "ca.pem").write_bytes(ca.public_bytes(pem))
    (folder / "leaf.pem").write_bytes(leaf.public_bytes(pem))
    (folder / "leaf.key").write_bytes(
        leaf_key.private_bytes(pem, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    monkeypatch.setenv("SSL_CERT_FILE", str(folder / "ca.pem"))
    monkeypatch.delenv("SSL_CERT_DIR", raising=False)

    class Handler(BaseHTTPRequestHandler):
        def _send(self, status: int, body: bytes, kind: str) -> None:
            self.send_response(status)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            answer = nusoap_response("getTotalSyncToken", "ERROR_NO_SECURITY_HASH")
            self._send(200, answer, "text/xml; charset=ISO-8859-1")

        def do_GET(self) -> None:
            self._send(200, b"<html></html>", "text/html")

        def log_message(self, *args: object) -> None:
            pass

    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(folder / "leaf.pem", folder / "leaf.key")
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
    )
    thread.start()
    try:
        yield f"https://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_a_trusted_https_esws_passes_every_step(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with trusted_esws(tmp_path, monkeypatch) as url:
        results = ConnectionCheck(CheckTarget.of(url + "/webservicesesws", url), 10).run()
    assert [r.step for r in results] == ["resolve", "connect", "tls", "wsdl", "esws", "i3"]
    assert all(r.ok for r in results), [r.line() for r in results]
    tls = results[2].detail
    assert "trusted by this computer" in tls
    assert "subject CN=esws.test; issuer CN=I3Sync Test CA; expires in 30 days" in tls
    assert tls.startswith("TLSv1.")
    assert "ERROR_NO_SECURITY_HASH" in results[4].detail


def cancel_on(event: threading.Event, check: ConnectionCheck) -> threading.Thread:
    def cancel() -> None:
        if event.wait(timeout=10):
            check.cancel()

    helper = threading.Thread(target=cancel, daemon=True)
    helper.start()
    return helper


def assert_cancelled_at(results: list[StepResult], step: str) -> None:
    by_step = {result.step: result for result in results}
    # The step in flight is skipped "cancelled" like the ones after it: no FAIL, no advice.
    assert by_step[step].detail == "skipped: cancelled" and not by_step[step].ok
    assert by_step[step].status == "skip" and by_step[step].ms is None
    later = [r for r in results if r.step != step and not r.ok]
    assert later and all(r.detail == "skipped: cancelled" for r in later)
    assert "FAIL" not in [r.status for r in results]


def test_cancel_during_the_dns_lookup(monkeypatch: pytest.MonkeyPatch) -> None:
    # No name server may be asked from tests: a resolver that hangs stands in for a slow one.
    looking_up, never = threading.Event(), threading.Event()
    real = socket.getaddrinfo

    def hanging(host: object, *args: object, **kwargs: object) -> object:
        if host == "esws.example.invalid":
            looking_up.set()
            never.wait(timeout=30)
            raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")
        return real(host, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "getaddrinfo", hanging)
    check = ConnectionCheck(
        CheckTarget.of("https://esws.example.invalid/x", "http://127.0.0.1:9"), 30
    )
    helper = cancel_on(looking_up, check)
    try:
        results, seconds = timed(check.run)
    finally:
        never.set()
    helper.join(timeout=5)
    assert seconds < 5  # not the 30 s the check was given
    assert_cancelled_at(results, "resolve")
    assert [r.status for r in results] == ["skip", "skip", "skip", "skip", "skip", "skip"]


def test_cancel_while_connecting() -> None:
    with full_backlog_server() as url:  # connections never complete
        check = ConnectionCheck(CheckTarget.of(url + "/x", url), 30)
        started = threading.Event()

        def on_step(result: StepResult) -> None:
            if result.step == "resolve":
                started.set()

        helper = cancel_on(started, check)
        results, seconds = timed(lambda: check.run(on_step))
        helper.join(timeout=5)
    assert seconds < 5
    assert_cancelled_at(results, "connect")


def test_the_connect_step_meets_the_deadline() -> None:
    with full_backlog_server() as url:
        results, seconds = timed(ConnectionCheck(CheckTarget.of(url + "/x", url), 1).run)
    assert seconds < 2.5
    connect = next(r for r in results if r.step == "connect")
    assert not connect.ok and "no connection within the timeout" in connect.detail
    assert "firewall" in connect.detail


def test_cancel_while_esws_holds_the_request() -> None:
    seen: list[StepResult] = []
    with scripted_server([], default=HOLD) as server:  # takes the request, never answers
        running = ConnectionCheck(CheckTarget.of(server.url + "/esws", server.url), timeout=30)
        helper = cancel_on(server.arrived, running)  # the esws request is in: cancel it
        results, seconds = timed(lambda: running.run(seen.append))
        helper.join(timeout=5)
    assert seconds < 5  # not the 30 s the check was given
    assert results == seen  # the callback saw every step, in order, as it finished
    assert [r.step for r in seen] == ["resolve", "connect", "wsdl", "esws", "i3"]
    assert [r.status for r in seen] == ["ok", "ok", "ok", "skip", "skip"]
    assert_cancelled_at(results, "esws")
    assert [r.path for r in server.requests] == ["/esws"]  # I3 was never asked
    assert running.cancelled


def test_cancel_while_i3_holds_the_request() -> None:
    sim = Simulator().start()
    try:
        with scripted_server([], default=HOLD) as i3:  # I3 takes the request, never answers
            running = ConnectionCheck(CheckTarget.of(sim.esws_endpoint, i3.url), timeout=30)
            helper = cancel_on(i3.arrived, running)
            results, seconds = timed(running.run)
            helper.join(timeout=5)
    finally:
        sim.stop()
    assert seconds < 5
    assert [r.status for r in results] == ["ok", "ok", "ok", "ok", "skip"]
    assert results[-1].detail == "skipped: cancelled" and results[-1].ms is None


class _Answers(EswsLogic):
    """An ESWS that answers every getTotalSyncToken with ``answer``."""

    def __init__(self, answer: str) -> None:
        super().__init__()
        self.answer = answer

    def get_total_sync_token(self, company_id: str, admin: str, password: str) -> str:
        return self.answer


@pytest.mark.parametrize(
    ("answer", "detail"),
    [
        ("NO USERNAME PROVIDED", "ESWS answered NO USERNAME PROVIDED, a documented refusal"),
        ("ERROR_SOMETHING_NEW", "ESWS answered ERROR_SOMETHING_NEW, a refusal this version"),
    ],
)
def test_any_refusal_proves_the_service_answers(answer: str, detail: str) -> None:
    sim = Simulator(_Answers(answer)).start()
    try:
        results = ConnectionCheck(CheckTarget.of(sim.esws_endpoint, sim.url), 10).run()
    finally:
        sim.stop()
    esws = next(r for r in results if r.step == "esws")
    assert esws.ok and esws.detail.startswith(detail)


def test_a_wsdl_without_get_total_sync_token_fails_wsdl(tmp_path: Path) -> None:
    wsdl = tmp_path / "one-op.wsdl"
    bundled = Path(bundled_wsdl_path()).read_text(encoding="utf-8")
    assert "getTotalSyncToken" in bundled
    wsdl.write_text(bundled.replace("getTotalSyncToken", "getOtherToken"), encoding="utf-8")
    missing = tmp_path / "missing.wsdl"
    sim = Simulator().start()
    try:
        one_op = ConnectionCheck(CheckTarget.of(sim.esws_endpoint, sim.url, str(wsdl)), 10).run()
        absent = ConnectionCheck(CheckTarget.of(sim.esws_endpoint, sim.url, str(missing)), 10).run()
    finally:
        sim.stop()
    for results in (one_op, absent):
        assert [r.status for r in results] == ["ok", "ok", "FAIL", "skip", "ok"]
    assert one_op[2].detail.startswith("the WSDL does not declare getTotalSyncToken; use the")
    assert "cannot read the file" in absent[2].detail
    assert sim.calls == []  # without a usable WSDL, ESWS is never called
