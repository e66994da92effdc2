"""Each way a CRM.COM exchange can fail becomes a typed error naming the endpoint, in time,
without echoing the reply's body or any secret."""

from __future__ import annotations

import base64
import json
import socket
import threading
import time
from pathlib import Path

import pytest

from desktop.core.errors import TransportError, TransportProblem, UnexpectedReply
from desktop.core.http import Timeouts
from desktop.crm.client import CrmClient
from desktop.crm.credentials import LoginMode, build_credentials
from desktop.simulator.crm import (
    DEMO_CRM_ORGANISATION,
    DEMO_CRM_PASSWORD,
    DEMO_CRM_USERNAME,
    CrmFault,
    CrmSimulator,
)
from tests.fault_servers import (
    canned_server,
    closed_port_url,
    self_signed_tls_server,
    silent_server,
    timed,
)

CREDENTIALS = build_credentials(
    LoginMode.USERNAME,
    organisation=DEMO_CRM_ORGANISATION,
    username=DEMO_CRM_USERNAME,
    password=DEMO_CRM_PASSWORD,
)
SHORT = Timeouts(connect=1.0, read=0.5)
JSON = "application/json"


@pytest.fixture
def crm(crm_server: CrmSimulator) -> CrmSimulator:
    crm_server.reset()
    return crm_server


def fetch(base: str, timeouts: Timeouts = SHORT) -> TransportError:
    client = CrmClient(base, timeouts=timeouts)
    try:
        with pytest.raises(TransportError) as caught:
            client.fetch_token(CREDENTIALS)
    finally:
        client.close()
    error = caught.value
    assert error.endpoint == client.token_url
    assert DEMO_CRM_PASSWORD not in str(error)
    return error


def test_connection_refused() -> None:
    error, elapsed = timed(lambda: fetch(closed_port_url() + "/crm"))
    assert error.problem is TransportProblem.REFUSED
    assert elapsed < 1.0


def test_dns_failure_of_an_invalid_host(monkeypatch: pytest.MonkeyPatch) -> None:
    # ".invalid" never resolves (RFC 6761); the resolver's answer is given here so that no name
    # server is asked from a test.
    real = socket.getaddrinfo

    def resolver(host: object, *args: object, **kwargs: object) -> object:
        if isinstance(host, str) and host.endswith(".invalid"):
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return real(host, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "getaddrinfo", resolver)
    error = fetch("https://crm.example.invalid/crmapi/rest/v2")
    assert error.problem is TransportProblem.DNS


def test_a_server_that_never_answers_times_out_in_time() -> None:
    with silent_server() as url:
        error, elapsed = timed(lambda: fetch(url + "/crm"))
    assert error.problem is TransportProblem.READ_TIMEOUT
    assert elapsed < 3.0


def test_plain_http_on_an_https_url_is_a_tls_failure() -> None:
    with canned_server(200, JSON, b"{}") as url:
        error = fetch(url.replace("http://", "https://") + "/crm")
    assert error.problem is TransportProblem.TLS


def test_an_untrusted_certificate_is_a_tls_failure(tmp_path: Path) -> None:
    with self_signed_tls_server(tmp_path) as url:
        error = fetch(url + "/crm")
    assert error.problem is TransportProblem.TLS
    assert "certificate" in error.detail or "self" in error.detail


def test_http_502_with_an_html_page(crm: CrmSimulator) -> None:
    crm.fault = CrmFault.BAD_GATEWAY
    error = fetch(crm.base_url)
    assert error.problem is TransportProblem.HTTP_STATUS
    assert error.detail == "HTTP 502 Bad Gateway (text/html)"
    assert "nginx" not in str(error)  # the page itself is not echoed


def test_a_reply_that_is_not_json(crm: CrmSimulator) -> None:
    crm.fault = CrmFault.NOT_JSON
    error = fetch(crm.base_url)
    assert error.problem is TransportProblem.MALFORMED
    assert error.detail == "not JSON (text/plain)"


def test_status_ok_without_a_token(crm: CrmSimulator) -> None:
    crm.fault = CrmFault.NO_TOKEN
    error = fetch(crm.base_url)
    assert isinstance(error, UnexpectedReply)
    assert "no token" in error.detail


@pytest.mark.parametrize(
    ("body", "detail"),
    [
        ({"data": {"token": "4AD9C84FA60F9FE407140E20F707726A"}}, "no status code"),
        ({"status": {"code": "OK"}, "data": {"token": "<b>not a token</b>"}}, "unexpected"),
        ({"status": {"code": "OK"}, "data": {"token": 12345678}}, "no token"),
        ([1, 2, 3], "no status code"),
    ],
)
def test_json_that_is_not_a_usable_answer(body: object, detail: str) -> None:
    with canned_server(200, JSON, json.dumps(body).encode()) as url:
        error = fetch(url + "/crm")
    assert isinstance(error, UnexpectedReply)
    assert detail in error.detail
    assert "not a token" not in str(error)


def test_an_http_error_with_json_but_no_refusal_is_an_http_error() -> None:
    body = json.dumps({"status": {"code": "OK"}, "data": {"token": "x" * 32}}).encode()
    with canned_server(500, JSON, body) as url:
        error = fetch(url + "/crm")
    assert error.problem is TransportProblem.HTTP_STATUS
    assert error.detail == "HTTP 500 Internal Server Error (application/json)"


def test_a_huge_reply_is_cut_off() -> None:
    with canned_server(200, JSON, b" " * (1024 * 1024 + 10)) as url:
        error = fetch(url + "/crm")
    assert error.problem is TransportProblem.TOO_LARGE


def test_cancel_from_another_thread_aborts_the_call_in_flight() -> None:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    connected = threading.Event()
    held: list[socket.socket] = []

    def accept() -> None:
        conn, _ = listener.accept()
        held.append(conn)
        connected.set()

    threading.Thread(target=accept, daemon=True).start()
    client = CrmClient(
        f"http://127.0.0.1:{listener.getsockname()[1]}/crm", timeouts=Timeouts(connect=5, read=30)
    )
    outcome: list[BaseException] = []

    def work() -> None:
        try:
            client.fetch_token(CREDENTIALS)
        except BaseException as error:
            outcome.append(error)

    worker = threading.Thread(target=work)
    try:
        worker.start()
        assert connected.wait(5)  # the request is on the wire, waiting for an answer
        start = time.monotonic()
        client.cancel()
        worker.join(5)
        elapsed = time.monotonic() - start
    finally:
        client.close()
        for conn in held:
            conn.close()
        listener.close()
    assert not worker.is_alive()
    assert isinstance(outcome[0], TransportError)
    assert outcome[0].problem is TransportProblem.CANCELLED
    assert elapsed < 1.0
    # Cancelled stays cancelled (a closing window must not start a new call) until reset.
    with pytest.raises(TransportError) as again:
        client.fetch_token(CREDENTIALS)
    assert again.value.problem is TransportProblem.CANCELLED
    client.reset_cancel()
    assert not client.poster.cancelled


def test_400_kb_of_nested_json_is_not_json_never_a_recursion_error() -> None:
    body = b'{"status":' + b"[" * 200_000 + b"]" * 200_000 + b"}"
    with canned_server(200, JSON, body) as url:
        error = fetch(url + "/crm")
    assert error.problem is TransportProblem.MALFORMED
    assert error.detail == "not JSON (application/json)"


def _jwt_reply(payload: bytes) -> bytes:
    encoded = base64.urlsafe_b64encode(payload).rstrip(b"=").decode()
    token = "eyJhbGciOiJIUzI1NiJ9." + encoded + ".c2lnbmF0dXJl"
    return json.dumps({"status": {"code": "OK"}, "data": {"token": token}}).encode()


@pytest.mark.parametrize(
    ("payload", "lifetime"),
    [
        (b"[" * 3000 + b'{"exp": 1}' + b"]" * 3000, 3600.0),  # unreadable: the documented hour
        (b'{"exp": ' + b"9" * 400 + b"}", 30 * 86400.0),  # clamped
        (b'{"exp": 1e308}', 30 * 86400.0),
        (b'{"exp": Infinity}', 30 * 86400.0),
    ],
)
def test_a_jwt_with_a_hostile_payload_gets_a_usable_expiry(payload: bytes, lifetime: float) -> None:
    with canned_server(200, JSON, _jwt_reply(payload)) as url:
        client = CrmClient(url + "/crm", timeouts=SHORT)
        try:
            token = client.fetch_token(CREDENTIALS)
        finally:
            client.close()
    assert token.lifetime == lifetime
