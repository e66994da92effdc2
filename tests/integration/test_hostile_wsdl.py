"""A WSDL is untrusted when a server sends it, and a reply never makes the client fetch anything.

A remote WSDL may import only from its own origin over http(s), each document size-capped and
all within the deadline; ``file://``, network shares and other origins are refused. A local WSDL
(the bundled one or a path the user gave) may read local regular files. Once the WSDL is read,
nothing may be loaded: a reply typed ``SOAP-ENC:Array`` does not fetch the SOAP-encoding schema.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from desktop.core.errors import TransportError, TransportProblem
from desktop.core.http import Timeouts
from desktop.esws.client import EswsClient, bundled_wsdl_path
from desktop.esws.request import SyncKind, build_request
from desktop.simulator.server import nusoap_response
from tests.fault_servers import HOLD, Step, routed_server, timed

TOKEN = "0123456789abcdef" * 8
REQUEST = build_request(
    SyncKind.ALL_USERS, company_id="c" * 32, admin_username="hradmin", admin_password="pw-hostile"
)
SHORT = Timeouts.total(3)
ISSUED: Step = (200, "text/xml", nusoap_response("Esws.getTotalSyncToken", TOKEN))
BUNDLED = Path(bundled_wsdl_path()).read_text(encoding="utf-8")
EXTRA_SCHEMA = (
    b'<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:extra2">'
    b'<xsd:simpleType name="Code"><xsd:restriction base="xsd:string"/></xsd:simpleType>'
    b"</xsd:schema>"
)


def wsdl_importing(location: str) -> str:
    """The bundled WSDL with a schema that imports ``location``."""
    types = (
        '<types><xsd:schema targetNamespace="urn:extra">'
        f'<xsd:import namespace="urn:extra2" schemaLocation="{location}"/>'
        "</xsd:schema></types>"
    )
    head, tail = BUNDLED.split('targetNamespace="uen:esws">', 1)
    return head + 'targetNamespace="uen:esws">' + types + tail


def xml(text: str | bytes) -> Step:
    return (200, "text/xml", text.encode() if isinstance(text, str) else text)


def fetch_with_served_wsdl(
    routes: dict[str, Step], timeouts: Timeouts = SHORT
) -> tuple[object, list[str]]:
    """What fetch_token returned or raised with the server's ``?wsdl``, and the requests seen."""
    with routed_server({"POST /esws": ISSUED, **routes}) as server:
        client = EswsClient(server.url + "/esws", wsdl=server.url + "/esws?wsdl", timeouts=timeouts)
        try:
            outcome: object = client.fetch_token(REQUEST)
        except TransportError as error:
            outcome = error
        finally:
            client.close()
    return outcome, [f"{r.method} {r.path}" for r in server.requests]


def assert_refused(outcome: object, why: str) -> TransportError:
    assert isinstance(outcome, TransportError), outcome
    assert outcome.problem is TransportProblem.UNEXPECTED_REPLY
    assert "an import was refused" in outcome.detail
    assert why in outcome.detail
    return outcome


def test_a_served_wsdl_importing_dev_zero_is_refused_at_once() -> None:
    (outcome, seen), elapsed = timed(
        lambda: fetch_with_served_wsdl({"GET /esws": xml(wsdl_importing("file:///dev/zero"))})
    )
    assert_refused(outcome, "a local file from a remote WSDL")
    assert seen == ["GET /esws?wsdl"]  # nothing was posted
    assert elapsed < 2


def test_a_served_wsdl_importing_a_local_path_is_refused() -> None:
    outcome, _ = fetch_with_served_wsdl({"GET /esws": xml(wsdl_importing("/etc/hostname"))})
    # A path without a scheme is relative to the WSDL's URL: it stays on the origin and is a 404.
    assert isinstance(outcome, TransportError)
    assert outcome.problem is TransportProblem.HTTP_STATUS


def test_a_served_wsdl_importing_from_a_network_share_is_refused() -> None:
    outcome, seen = fetch_with_served_wsdl(
        {"GET /esws": xml(wsdl_importing("//fileserver/share/evil.xsd"))}
    )
    assert_refused(outcome, "another site than the WSDL's")
    assert seen == ["GET /esws?wsdl"]


def test_a_served_wsdl_importing_another_origin_is_refused() -> None:
    with routed_server({"GET /evil.xsd": xml(EXTRA_SCHEMA)}) as other:
        outcome, seen = fetch_with_served_wsdl(
            {"GET /esws": xml(wsdl_importing(other.url + "/evil.xsd"))}
        )
    assert_refused(outcome, "another site than the WSDL's")
    assert other.requests == []  # never contacted
    assert seen == ["GET /esws?wsdl"]


def test_a_served_wsdl_may_import_from_its_own_origin() -> None:
    outcome, seen = fetch_with_served_wsdl(
        {"GET /esws": xml(wsdl_importing("extra.xsd")), "GET /extra.xsd": xml(EXTRA_SCHEMA)}
    )
    assert outcome == TOKEN
    assert seen == ["GET /esws?wsdl", "GET /extra.xsd", "POST /esws"]


def test_an_oversized_import_is_cut_off() -> None:
    huge = EXTRA_SCHEMA.replace(b"</xsd:schema>", b"<!--" + b"x" * (2 << 20) + b"--></xsd:schema>")
    outcome, _ = fetch_with_served_wsdl(
        {"GET /esws": xml(wsdl_importing("big.xsd")), "GET /big.xsd": xml(huge)}
    )
    assert isinstance(outcome, TransportError)
    assert outcome.problem is TransportProblem.TOO_LARGE


def test_a_hanging_import_ends_within_the_deadline() -> None:
    (outcome, _), elapsed = timed(
        lambda: fetch_with_served_wsdl(
            {"GET /esws": xml(wsdl_importing("slow.xsd")), "GET /slow.xsd": HOLD},
            Timeouts.total(1),
        )
    )
    assert isinstance(outcome, TransportError)
    assert outcome.problem is TransportProblem.READ_TIMEOUT
    assert elapsed < 1 + 1  # the WSDL and its imports share one deadline


def local_client(tmp_path: Path, location: str, endpoint: str) -> EswsClient:
    wsdl = tmp_path / "esws.wsdl"
    wsdl.write_text(wsdl_importing(location), encoding="utf-8")
    return EswsClient(endpoint, wsdl=str(wsdl), timeouts=SHORT)


def fetch_local(tmp_path: Path, location: str) -> tuple[object, list[str]]:
    with routed_server({"POST /esws": ISSUED}) as server:
        client = local_client(tmp_path, location, server.url + "/esws")
        try:
            outcome: object = client.fetch_token(REQUEST)
        except TransportError as error:
            outcome = error
        finally:
            client.close()
    return outcome, [f"{r.method} {r.path}" for r in server.requests]


def test_a_local_wsdl_may_read_a_local_schema(tmp_path: Path) -> None:
    (tmp_path / "extra.xsd").write_bytes(EXTRA_SCHEMA)
    outcome, seen = fetch_local(tmp_path, "extra.xsd")
    assert outcome == TOKEN
    assert seen == ["POST /esws"]


@pytest.mark.parametrize("location", ["/dev/zero", "file:///dev/zero"])
def test_a_local_wsdl_never_reads_a_device(tmp_path: Path, location: str) -> None:
    (outcome, _), elapsed = timed(lambda: fetch_local(tmp_path, location))
    assert_refused(outcome, "not a regular file")
    assert elapsed < 2


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are a POSIX thing")
def test_a_local_wsdl_importing_a_fifo_does_not_hang(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.xsd"
    os.mkfifo(fifo)
    (outcome, _), elapsed = timed(lambda: fetch_local(tmp_path, str(fifo)))
    assert_refused(outcome, "not a regular file")
    assert elapsed < 2


@pytest.mark.parametrize(
    "location",
    [
        "//fileserver/share/x.xsd",
        "\\\\fileserver\\share\\x.xsd",
        # Mixed separators: Windows reads both as a share (and sends NTLM credentials to it).
        "\\/fileserver\\share\\x.xsd",
        "/\\fileserver\\share\\x.xsd",
        # A host in a file URL is a share, not the relative path "fileserver/share/x.xsd".
        "file://fileserver/share/x.xsd",
        "FILE://fileserver/share/x.xsd",
        # Percent-encoded separators are decoded before the test, as Windows would read them.
        "file:///%5C%5Cfileserver%5Cshare%5Cx.xsd",
        "file:///%2F%2Ffileserver/share/x.xsd",
        "file:////fileserver/share/x.xsd",
    ],
)
def test_a_local_wsdl_never_reads_a_network_share(tmp_path: Path, location: str) -> None:
    outcome, seen = fetch_local(tmp_path, location)
    assert_refused(outcome, "network share")
    assert seen == []


def test_a_local_wsdl_reads_a_percent_encoded_file_url(tmp_path: Path) -> None:
    schema = tmp_path / "my schema #1.xsd"
    schema.write_bytes(EXTRA_SCHEMA)
    outcome, seen = fetch_local(tmp_path, schema.as_uri())  # file:///...my%20schema%20%231.xsd
    assert "%20" in schema.as_uri()
    assert outcome == TOKEN
    assert seen == ["POST /esws"]


def test_a_local_wsdl_reads_a_file_url_on_localhost(tmp_path: Path) -> None:
    (tmp_path / "extra.xsd").write_bytes(EXTRA_SCHEMA)
    outcome, _ = fetch_local(tmp_path, "file://localhost" + (tmp_path / "extra.xsd").as_posix())
    assert outcome == TOKEN


def test_a_local_wsdl_never_fetches_over_the_network(tmp_path: Path) -> None:
    with routed_server({"GET /x.xsd": xml(EXTRA_SCHEMA)}) as other:
        outcome, _ = fetch_local(tmp_path, other.url + "/x.xsd")
    assert_refused(outcome, "a remote document from a local WSDL")
    assert other.requests == []


SOAP_ENC_ARRAY_REPLY = (
    b'<?xml version="1.0" encoding="ISO-8859-1"?>'
    b'<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/" '
    b'xmlns:xsd="http://www.w3.org/2001/XMLSchema" '
    b'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
    b'xmlns:SOAP-ENC="http://schemas.xmlsoap.org/soap/encoding/">'
    b'<SOAP-ENV:Body><ns1:Esws.getTotalSyncTokenResponse xmlns:ns1="uen:esws">'
    b'<return xsi:type="SOAP-ENC:Array" SOAP-ENC:arrayType="xsd:string[1]">'
    b'<item xsi:type="xsd:string">' + TOKEN.encode() + b"</item></return>"
    b"</ns1:Esws.getTotalSyncTokenResponse></SOAP-ENV:Body></SOAP-ENV:Envelope>"
)


@pytest.mark.parametrize("wsdl", ["bundled", "served"])
def test_a_soap_enc_array_reply_fetches_nothing(wsdl: str) -> None:
    reply: Step = (200, "text/xml; charset=ISO-8859-1", SOAP_ENC_ARRAY_REPLY)
    with routed_server({"POST /esws": reply, "GET /esws": xml(BUNDLED)}) as server:
        source = None if wsdl == "bundled" else server.url + "/esws?wsdl"
        client = EswsClient(server.url + "/esws", wsdl=source, timeouts=SHORT)
        try:
            outcome: object = client.fetch_token(REQUEST)
        except TransportError as error:
            outcome = error
        finally:
            client.close()
    posts_and_gets = [f"{r.method} {r.path}" for r in server.requests]
    assert posts_and_gets == (
        ["POST /esws"] if wsdl == "bundled" else ["GET /esws?wsdl", "POST /esws"]
    )
    # zeep asked to load the SOAP-encoding schema; the sealed transport refused (nothing went
    # out): a typed error naming the endpoint, never a hang, never a token made of an array.
    refused = assert_refused(outcome, "after the WSDL was read")
    assert refused.endpoint == server.url + "/esws"


def test_the_shared_session_never_reads_files(tmp_path: Path) -> None:
    # zeep's Transport mounts a file:// adapter on the session it is given; the client removes it.
    secret_file = tmp_path / "secret.txt"
    secret_file.write_text("do-not-read", encoding="utf-8")
    client = EswsClient("http://127.0.0.1:9/esws", timeouts=SHORT)
    try:
        with pytest.raises(TransportError) as caught:
            client.poster.get(secret_file.as_uri())
    finally:
        client.close()
    assert "do-not-read" not in str(caught.value)
    assert "file://" not in client.poster.session.adapters
