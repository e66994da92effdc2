"""Each way ESWS can fail becomes a typed error naming the endpoint, within the timeout."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import pytest

from desktop import version
from desktop.core.errors import TransportError, TransportProblem, UnexpectedReply, VendorRefusal
from desktop.core.http import Timeouts
from desktop.esws.client import EswsClient
from desktop.esws.request import SyncKind, build_request
from desktop.simulator.server import nusoap_fault, nusoap_response
from tests.fault_servers import (
    HOLD,
    Step,
    canned_server,
    closed_port_url,
    dripping_server,
    full_backlog_server,
    scripted_server,
    self_signed_tls_server,
    silent_server,
    timed,
)
from tests.soap_checks import XSD, parse_envelope, typed_elements, undeclared_type_prefixes

CODE = "^4p;tU0Q+#dEIhTWkuj5FnLD^aKWqVu0"
PASSWORD = "fault-test-password"
REQUEST = build_request(
    SyncKind.ALL_USERS, company_id=CODE, admin_username="hradmin", admin_password=PASSWORD
)
SHORT = Timeouts(connect=1.0, read=1.0)


def fetch(endpoint: str, timeouts: Timeouts = SHORT) -> TransportError:
    client = EswsClient(endpoint, timeouts=timeouts)
    try:
        with pytest.raises(TransportError) as caught:
            client.fetch_token(REQUEST)
    finally:
        client.close()
    error = caught.value
    assert error.endpoint == endpoint
    assert CODE not in str(error) and PASSWORD not in str(error)
    return error


def test_connection_refused() -> None:
    url = closed_port_url() + "/esws"
    error, elapsed = timed(lambda: fetch(url))
    assert error.problem is TransportProblem.REFUSED
    assert elapsed < 1.0


def test_dns_failure(monkeypatch: pytest.MonkeyPatch) -> None:
    # No name server may be asked from tests (loopback only), so the resolver's answer is
    # simulated: the one stand-in in this file.
    real = socket.getaddrinfo

    def no_such_host(host: object, *args: object, **kwargs: object) -> object:
        if host == "esws.example.invalid":
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return real(host, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "getaddrinfo", no_such_host)
    error = fetch("https://esws.example.invalid/webservicesesws")
    assert error.problem is TransportProblem.DNS


def test_connect_timeout_within_the_timeout() -> None:
    with full_backlog_server() as url:
        error, elapsed = timed(lambda: fetch(url + "/esws", Timeouts(connect=0.5, read=5)))
    assert error.problem is TransportProblem.CONNECT_TIMEOUT
    assert elapsed < 3.0


def test_hanging_server_read_timeout_within_the_timeout() -> None:
    with silent_server() as url:
        error, elapsed = timed(lambda: fetch(url + "/esws", Timeouts(connect=1, read=0.5)))
    assert error.problem is TransportProblem.READ_TIMEOUT
    assert elapsed < 3.0


def test_untrusted_certificate(tmp_path: Path) -> None:
    with self_signed_tls_server(tmp_path) as url:
        error = fetch(url + "/esws")
    assert error.problem is TransportProblem.TLS
    assert "certificate" in error.detail.lower()


def test_plain_http_on_an_https_url() -> None:
    with canned_server(200, "text/xml", b"<x/>") as url:
        error = fetch(url.replace("http://", "https://") + "/esws")
    assert error.problem is TransportProblem.TLS


def test_http_error_with_an_html_page() -> None:
    page = b"<html><body><h1>502 Bad Gateway</h1></body></html>"
    with canned_server(502, "text/html", page) as url:
        error = fetch(url + "/esws")
    assert error.problem is TransportProblem.HTTP_STATUS
    assert "502" in error.detail
    assert "Bad Gateway</h1>" not in str(error)


def test_soap_fault() -> None:
    fault = nusoap_fault("SOAP-ENV:Server", f"database unavailable for {CODE}")
    with canned_server(500, "text/xml; charset=ISO-8859-1", fault) as url:
        error = fetch(url + "/esws")
    assert error.problem is TransportProblem.SOAP_FAULT
    assert "database unavailable" in error.detail


def test_malformed_xml() -> None:
    with canned_server(200, "text/xml", b"<SOAP-ENV:Envelope><unclosed") as url:
        error = fetch(url + "/esws")
    assert error.problem is TransportProblem.MALFORMED


def test_entity_expansion_is_refused() -> None:
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        b'<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/">'
        b"<SOAP-ENV:Body><r>&b;</r></SOAP-ENV:Body></SOAP-ENV:Envelope>"
    )
    with canned_server(200, "text/xml", bomb) as url:
        error = fetch(url + "/esws")
    assert error.problem is TransportProblem.MALFORMED


def test_oversized_reply_is_cut_off() -> None:
    huge = nusoap_response("Esws.getTotalSyncToken", "a" * (2 * 1024 * 1024))
    with canned_server(200, "text/xml", huge) as url:
        error = fetch(url + "/esws")
    assert error.problem is TransportProblem.TOO_LARGE


@pytest.mark.parametrize(
    "value",
    ["", "   ", "<html><body>Maintenance</body></html>", "token with spaces", "short", "a/b" * 20],
)
def test_implausible_token_is_an_unexpected_reply(value: str) -> None:
    with canned_server(200, "text/xml", nusoap_response("Esws.getTotalSyncToken", value)) as url:
        error = fetch(url + "/esws")
    assert isinstance(error, UnexpectedReply)


def test_cancel_aborts_a_hanging_call_at_once() -> None:
    connected = threading.Event()
    with silent_server(connected) as url:
        client = EswsClient(url + "/esws", timeouts=Timeouts(connect=5, read=30))
        outcome: list[BaseException] = []

        def call() -> None:
            try:
                client.fetch_token(REQUEST)
            except BaseException as error:  # collected for the assertion below
                outcome.append(error)

        worker = threading.Thread(target=call)
        start = time.monotonic()
        worker.start()
        assert connected.wait(timeout=5), "the request never reached the server"
        client.cancel()
        worker.join(timeout=5)
        elapsed = time.monotonic() - start
    assert not worker.is_alive()
    assert isinstance(outcome[0], TransportError)
    assert outcome[0].problem is TransportProblem.CANCELLED
    assert elapsed < 5


def _xml(body: bytes) -> Step:
    return (200, "text/xml; charset=ISO-8859-1", body)


TOKEN = "0123456789abcdef" * 8
REFUSED = _xml(
    nusoap_response("Esws.getTotalSyncToken", "NO ADMIN FOUND BASED ON USERNAME AND PASSWORD")
)
ISSUED = _xml(nusoap_response("Esws.getTotalSyncToken", TOKEN))


def test_cancel_after_a_refusal_on_the_kept_alive_connection() -> None:
    with scripted_server([REFUSED, HOLD, ISSUED]) as server:
        client = EswsClient(server.url + "/esws", timeouts=Timeouts(connect=5, read=30))
        with pytest.raises(VendorRefusal):
            client.fetch_token(REQUEST)
        server.arrived.clear()
        outcome: list[BaseException] = []

        def call() -> None:
            try:
                client.fetch_token(REQUEST)
            except BaseException as error:  # collected for the assertion below
                outcome.append(error)

        worker = threading.Thread(target=call, daemon=True)
        worker.start()
        assert server.arrived.wait(timeout=10)
        assert server.requests[1].client_port == server.requests[0].client_port  # reused

        def cancel_and_wait() -> None:
            client.cancel()
            worker.join(timeout=5)

        _, elapsed = timed(cancel_and_wait)
        assert not worker.is_alive()
        assert isinstance(outcome[0], TransportError)
        assert outcome[0].problem is TransportProblem.CANCELLED
        client.reset_cancel()
        token, next_elapsed = timed(lambda: client.fetch_token(REQUEST))
        client.close()
    assert token == TOKEN
    assert elapsed < 2 and next_elapsed < 2  # not behind the 30 s read timeout


def test_a_dripping_reply_ends_at_the_deadline() -> None:
    reply = nusoap_response("Esws.getTotalSyncToken", TOKEN)
    with dripping_server(reply) as url:
        error, elapsed = timed(lambda: fetch(url + "/esws", Timeouts.total(2)))
    assert error.problem is TransportProblem.READ_TIMEOUT
    assert elapsed < 3


def test_a_reply_cut_inside_the_token_is_malformed_never_a_token() -> None:
    whole = nusoap_response("Esws.getTotalSyncToken", TOKEN)
    cut = whole[: whole.index(TOKEN.encode()) + 40]
    with canned_server(200, "text/xml; charset=ISO-8859-1", cut) as url:
        error = fetch(url + "/esws")
    assert error.problem is TransportProblem.MALFORMED
    assert TOKEN[:40] not in str(error)


@pytest.mark.parametrize(
    "text",
    ["ERROR_SOMETHING_NEW", "INTERNAL_SERVER_ERROR", "error_unknown_security_hash"],
)
def test_an_unknown_error_string_is_a_refusal_never_a_token(text: str) -> None:
    with canned_server(200, "text/xml", nusoap_response("Esws.getTotalSyncToken", text)) as url:
        client = EswsClient(url + "/esws", timeouts=SHORT)
        with pytest.raises(VendorRefusal) as caught:
            client.fetch_token(REQUEST)
        client.close()
    assert caught.value.code == text
    assert caught.value.field is None


def test_requests_go_out_as_this_application() -> None:
    with scripted_server([ISSUED]) as server:
        client = EswsClient(server.url + "/esws", timeouts=SHORT)
        assert client.fetch_token(REQUEST) == TOKEN
        client.close()
    agent = server.requests[0].headers["user-agent"]
    assert agent == f"I3SyncDesktop/{version()}"
    assert "zeep" not in agent.lower()


@pytest.mark.parametrize("location", [None, "17"])
def test_every_xsi_type_prefix_is_declared_on_the_envelope(location: str | None) -> None:
    request = build_request(
        SyncKind.ONE_USER,
        company_id=CODE,
        admin_username="hradmin",
        admin_password=PASSWORD,
        user_id="42",
        location=location,
    )
    reply = _xml(nusoap_response("Esws.getSyncToken", TOKEN))
    with scripted_server([reply]) as server:
        client = EswsClient(server.url + "/esws", timeouts=SHORT)
        assert client.fetch_token(request) == TOKEN
        client.close()
    envelope = server.requests[0].body
    # Declared on the Envelope, as the vendor's sample has it.
    assert parse_envelope(envelope).nsmap.get("xsd") == XSD
    assert undeclared_type_prefixes(envelope) == []
    assert typed_elements(envelope) == [  # every parameter, the empty location included
        "p_companyID",
        "p_adminUsername",
        "p_adminPassword",
        "p_userId",
        "p_locationID",
    ]
