"""The connection check's words and shapes, without a network: step lines, JSON, advice, which
step needs which, certificates read from DER, proxies named without credentials."""

from __future__ import annotations

import datetime

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import Encoding
from cryptography.x509.name import _ASN1Type
from cryptography.x509.oid import NameOID
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.cert_info import describe_certificate
from desktop.core.errors import TransportError, TransportProblem
from desktop.core.http import HttpReply
from desktop.esws.check import CheckTarget, ConnectionCheck, notes_for
from desktop.esws.check_steps import StepResult, advice_phrase, i3_phrase, proxy_for

UTC = datetime.UTC


def make_cert(subject: x509.Name, issuer: x509.Name, not_after: datetime.datetime) -> bytes:
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(datetime.datetime(2020, 1, 1, tzinfo=UTC))
        .not_valid_after(not_after)
        .sign(key, hashes.SHA256())
    )
    return cert.public_bytes(Encoding.DER)


def name(cn: str, org: str | None = None, asn1_type: _ASN1Type | None = None) -> x509.Name:
    attributes = [x509.NameAttribute(NameOID.COMMON_NAME, cn, asn1_type)]
    if org is not None:
        attributes.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, org))
    return x509.Name(attributes)


def test_certificate_names_and_expiry_read_from_der() -> None:
    not_after = datetime.datetime(2049, 6, 30, 12, 0, 0, tzinfo=UTC)  # UTCTime
    der = make_cert(name("ws.example.com"), name("Example CA", "Example Ltd"), not_after)
    info = describe_certificate(der)
    assert info is not None
    assert info.subject == "CN=ws.example.com"
    assert info.issuer == "CN=Example CA, O=Example Ltd"
    assert info.not_after == not_after
    now = datetime.datetime(2049, 6, 20, 12, 0, 0, tzinfo=UTC)
    assert info.days_left(now) == 10


def test_generalized_time_long_names_and_bmp_strings() -> None:
    not_after = datetime.datetime(2051, 1, 2, 3, 4, 5, tzinfo=UTC)  # GeneralizedTime after 2049
    long_cn = "a" * 50 + ".example.com"
    units = [x509.NameAttribute(NameOID.ORGANIZATIONAL_UNIT_NAME, f"{n}" * 64) for n in range(3)]
    subject = x509.Name([*name(long_cn, "O" * 64), *units])  # long-form DER lengths
    issuer = name("Zürich Root Ω CA", asn1_type=_ASN1Type.BMPString)
    info = describe_certificate(make_cert(subject, issuer, not_after))
    assert info is not None
    assert info.not_after == not_after
    assert info.subject.startswith(f"CN={long_cn}, O=OOO")
    assert len(info.subject) == 160 and info.subject.endswith("…")
    assert info.issuer == "CN=Zürich Root Ω CA"


def test_hostile_certificate_names_are_one_line() -> None:
    der = make_cert(
        name("evil\x1b[2J\nFAIL tls\u202e"), name("x"), datetime.datetime(2040, 1, 1, tzinfo=UTC)
    )
    info = describe_certificate(der)
    assert info is not None
    assert info.subject == "CN=evil [2J FAIL tls"


@given(st.binary(max_size=400))
def test_any_bytes_never_raise(data: bytes) -> None:
    info = describe_certificate(data)
    assert info is None or isinstance(info.subject, str)


def test_a_truncated_certificate_is_unreadable() -> None:
    der = make_cert(name("a"), name("b"), datetime.datetime(2040, 1, 1, tzinfo=UTC))
    assert describe_certificate(der[: len(der) // 2]) is None
    assert describe_certificate(b"") is None


def test_step_lines_follow_the_contract() -> None:
    ok = StepResult("resolve", True, "host → 192.0.2.1", 12)
    failed = StepResult("connect", False, "refused; check the port", 3)
    skipped = StepResult.skip("esws", "connect failed")
    assert ok.line() == "ok   resolve  host → 192.0.2.1  (12 ms)"
    assert failed.line() == "FAIL connect  refused; check the port"
    assert skipped.line() == "skip esws  connect failed"
    assert skipped.as_json() == {
        "step": "esws",
        "ok": False,
        "detail": "skipped: connect failed",
        "ms": None,
    }
    assert ok.as_json() == {"step": "resolve", "ok": True, "detail": "host → 192.0.2.1", "ms": 12}
    assert [r.status for r in (ok, failed, skipped)] == ["ok", "FAIL", "skip"]


def test_advice_says_what_failed_and_what_to_try() -> None:
    refused = TransportError("h", TransportProblem.REFUSED, "127.0.0.1:9")
    assert advice_phrase("connect", refused).text() == (
        "h: connection refused (127.0.0.1:9); nothing accepts connections on that port: "
        "check the port, and that the service runs"
    )
    status = TransportError("https://h/x", TransportProblem.HTTP_STATUS, "HTTP 404 Not Found")
    assert "check the endpoint's path" in advice_phrase("esws", status).text()
    assert "check the I3 address" in advice_phrase("i3", status).text()
    evil = TransportError("h", TransportProblem.SOAP_FAULT, "oops\nFAIL esws  forged\x1b[2J")
    assert (
        "\n" not in advice_phrase("esws", evil).text()
        and "\x1b" not in advice_phrase("esws", evil).text()
    )


def test_i3_detail_names_a_redirect_by_its_site_only() -> None:
    reply = HttpReply(302, "Found", {"location": "https://sso.example:8443/login?t=secret"}, b"")
    assert (
        i3_phrase(reply).text()
        == "I3 answered HTTP 302 Found, redirecting to https://sso.example:8443"
    )
    relative = HttpReply(302, "Found", {"location": "/users/login"}, b"")
    assert i3_phrase(relative).text().endswith("redirecting to the same site")
    assert i3_phrase(HttpReply(200, "OK", {"content-type": "text/html"}, b"")).text() == (
        "I3 answered HTTP 200 OK (text/html)"
    )


def test_proxy_named_without_credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in ("NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy", "HTTP_PROXY"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("HTTPS_PROXY", "http://jane:hunter2@proxy.corp:3128")
    monkeypatch.setenv("https_proxy", "http://jane:hunter2@proxy.corp:3128")
    assert proxy_for("https://ws.example.com/esws") == "proxy.corp:3128"
    monkeypatch.setenv("NO_PROXY", "ws.example.com")
    monkeypatch.setenv("no_proxy", "ws.example.com")
    assert proxy_for("https://ws.example.com/esws") is None


def clear_proxies(monkeypatch: pytest.MonkeyPatch) -> None:
    for scheme in ("HTTP", "HTTPS", "ALL", "NO"):
        monkeypatch.delenv(f"{scheme}_PROXY", raising=False)
        monkeypatch.delenv(f"{scheme.lower()}_proxy", raising=False)


def test_which_step_needs_which(monkeypatch: pytest.MonkeyPatch) -> None:
    clear_proxies(monkeypatch)
    https = ConnectionCheck(CheckTarget.of("https://ws.example.com/esws", "https://i3.example"), 5)
    assert https.steps() == ["resolve", "connect", "tls", "wsdl", "esws", "i3"]
    assert https.needs("esws") == ["tls", "wsdl"]
    assert https.needs("wsdl") == [] and https.needs("i3") == []
    http = ConnectionCheck(CheckTarget.of("http://127.0.0.1:8080/esws", "http://127.0.0.1"), 5)
    assert "tls" not in http.steps() and http.needs("esws") == ["connect", "wsdl"]
    own = CheckTarget.of(
        "https://ws.example.com/esws", "https://i3.example", "https://ws.example.com:443/esws?wsdl"
    )
    assert ConnectionCheck(own, 5).needs("wsdl") == ["tls"]  # fetched from the endpoint's site
    other = CheckTarget.of(
        "https://ws.example.com/esws", "https://i3.example", "https://docs.example/e.wsdl"
    )
    assert ConnectionCheck(other, 5).needs("wsdl") == []


def test_through_a_proxy_esws_needs_only_the_wsdl(monkeypatch: pytest.MonkeyPatch) -> None:
    clear_proxies(monkeypatch)
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.corp:3128")
    monkeypatch.setenv("https_proxy", "http://proxy.corp:3128")
    check = ConnectionCheck(CheckTarget.of("https://ws.example.com/esws", "https://i3.example"), 5)
    assert check.needs("esws") == ["wsdl"]


def test_notes_warn_of_cleartext_and_remind_on_premise() -> None:
    remote = CheckTarget.of("http://ws.example.com/esws", "http://i3.example", cloud=False)
    notes = notes_for(remote)
    assert len(notes) == 3
    assert "ESWS endpoint is plain http://" in notes[0] and "I3 address" in notes[1]
    assert notes[2].startswith("note: ") and "API Agent" in notes[2]
    local = CheckTarget.of("http://127.0.0.1:8080/esws", "https://i3.example", cloud=True)
    assert notes_for(local) == []
    assert notes_for(CheckTarget.of("https://ws.example.com/e", "https://i3.example")) == []
