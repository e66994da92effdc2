"""The connection check's texts as template and values: the English (what `i3sync check` prints
and its JSON holds) is word for word what it was, and a translation changes only the words,
never the addresses, codes, status lines or certificate names."""

from __future__ import annotations

import datetime
import socket

from desktop.core.cert_info import CertificateInfo
from desktop.core.errors import TransportError, TransportProblem, VendorRefusal
from desktop.core.http import HttpReply
from desktop.core.netprobe import Address, TlsResult
from desktop.core.proxy import WPAD, Route
from desktop.esws.check import _refusal_detail, _with_route
from desktop.esws.check_steps import (
    CANCELLED,
    CONTEXT,
    CheckFailed,
    Phrase,
    StepResult,
    addresses_phrase,
    advice_phrase,
    certificate_phrase,
    i3_phrase,
    joined,
    route_phrase,
    tls_phrase,
    verbatim,
)

# A "translation": every marked template and text in capitals, placeholders kept.
SHOUTED = {
    "{endpoint}: {problem} ({detail}); {advice}": "ENDPOINT {endpoint} PROBLEM {problem} "
    "DETAIL {detail} ADVICE {advice}",
    "{endpoint}: {problem}; presented: {certificate}; {advice}": "{endpoint} {problem} "
    "GEZIEN {certificate} {advice}",
    "check the host name, and this computer's DNS, network or VPN": "CHECK DNS",
    "{host} → {addresses} and {more} more": "{host} NAAR {addresses} PLUS {more}",
    "{version}, trusted by this computer; {certificate} (soon: tell the server's "
    "administrator)": "{version} VERTROUWD {certificate} BINNENKORT",
    "I3 answered {status}, redirecting to {target}": "I3 {status} NAAR {target}",
    "the same site": "DEZELFDE SITE",
    "{first} and {second}": "{first} EN {second}",
    "{step} failed": "{step} MISLUKT",
    "connect": "VERBINDEN",
    "cancelled": "GEANNULEERD",
    "ESWS answered {code}, a documented refusal: the service answers": "ESWS {code} BEKEND",
    "through the proxy {proxy} (chosen by {pac})": "VIA {proxy} GEKOZEN DOOR {pac}",
    "the PAC file {address}": "PAC {address}",
    "direct: {pac} could not be used ({problem})": "DIRECT {pac} ONBRUIKBAAR {problem}",
    "subject {subject}; issuer {issuer}; {expiry}": "{subject} {issuer} {expiry}",
    "expires in 1 day": "OVER 1 DAG",
}


def shouted(context: str, text: str) -> str:
    assert context == CONTEXT
    return SHOUTED.get(text, text)


def _addresses(*hosts: str) -> list[Address]:
    return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (host, 443)) for host in hosts]


def _certificate(days: float) -> CertificateInfo:
    expires = datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=days, hours=1)
    return CertificateInfo("CN=esws.example", "CN=Example CA, O=Example", expires)


def test_advice_keeps_its_english_and_translates_only_the_words() -> None:
    error = TransportError("esws.example", TransportProblem.DNS, "getaddrinfo failed")
    english = (
        "esws.example: host name could not be resolved (getaddrinfo failed); check the host "
        "name, and this computer's DNS, network or VPN"
    )
    phrase = advice_phrase("resolve", error)
    assert phrase.text() == english
    assert phrase.text(shouted) == (
        "ENDPOINT esws.example PROBLEM host name could not be resolved DETAIL getaddrinfo "
        "failed ADVICE CHECK DNS"
    )


def test_a_presented_certificate_stays_verbatim_in_the_advice() -> None:
    error = TransportError("esws.example", TransportProblem.TLS)
    seen = _certificate(100)
    english = advice_phrase("tls", error, seen).text()
    names = certificate_phrase(seen).text()
    assert names == (
        "subject CN=esws.example; issuer CN=Example CA, O=Example; expires in 100 days"
    )
    assert english == (
        f"esws.example: TLS certificate or handshake failed; presented: {names}; if "
        "your network inspects TLS, ask IT to add its certificate authority to this computer's "
        "trust store; otherwise the server's certificate is wrong: tell its administrator, and "
        "do not send secrets to it"
    )
    shown = advice_phrase("tls", error, seen).text(shouted)
    names_shouted = certificate_phrase(seen).text(shouted)
    assert names_shouted == "CN=esws.example CN=Example CA, O=Example expires in 100 days"
    assert shown.startswith(
        f"esws.example TLS certificate or handshake failed GEZIEN {names_shouted} "
    )


def test_addresses_tls_and_i3_details_are_unchanged_in_english() -> None:
    many = _addresses("192.0.2.1", "192.0.2.2", "192.0.2.1", "192.0.2.3", "192.0.2.4", "192.0.2.5")
    assert addresses_phrase("h", many).text() == "h → 192.0.2.1, 192.0.2.2, 192.0.2.3 and 2 more"
    assert (
        addresses_phrase("h", many).text(shouted) == "h NAAR 192.0.2.1, 192.0.2.2, 192.0.2.3 PLUS 2"
    )
    soon = TlsResult("TLSv1.3", _certificate(3))
    summary = certificate_phrase(soon.certificate).text() if soon.certificate else ""
    assert tls_phrase(soon).text() == (
        f"TLSv1.3, trusted by this computer; {summary} (soon: tell the server's administrator)"
    )
    assert tls_phrase(soon).text(shouted) == (
        "TLSv1.3 VERTROUWD CN=esws.example CN=Example CA, O=Example expires in 3 days BINNENKORT"
    )
    assert tls_phrase(TlsResult("TLSv1.2", None)).text() == (
        "TLSv1.2, trusted by this computer; the certificate's names could not be read"
    )
    relative = HttpReply(302, "Found", {"location": "/users/login"}, b"")
    assert i3_phrase(relative).text() == "I3 answered HTTP 302 Found, redirecting to the same site"
    assert i3_phrase(relative).text(shouted) == "I3 HTTP 302 Found NAAR DEZELFDE SITE"


def test_refusals_operations_and_routes_read_as_before() -> None:
    known = VendorRefusal("ERROR_UNKNOWN_SECURITY_HASH", "advice")
    assert _refusal_detail(known).text() == (
        "ESWS answered ERROR_UNKNOWN_SECURITY_HASH, a documented refusal: the service answers"
    )
    assert _refusal_detail(known).text(shouted) == "ESWS ERROR_UNKNOWN_SECURITY_HASH BEKEND"
    expected = VendorRefusal("ERROR_NO_SECURITY_HASH", "advice")
    assert _refusal_detail(expected).text() == (
        "ESWS answered ERROR_NO_SECURITY_HASH, as expected for an empty security code "
        "(nothing secret sent, no token spent)"
    )
    assert joined(["a"]).text() == "a"
    assert joined(["a", "b", "c"]).text() == "a and b and c"
    assert joined(["a", "b"]).text(shouted) == "a EN b"
    assert _with_route(verbatim("x"), None).text() == "x"


def test_a_skipped_step_words_its_cause_and_passes_it_on() -> None:
    failed = Phrase("{step} failed", {"step": Phrase("connect")})
    skipped = StepResult.skip("tls", failed)
    assert skipped.detail == "skipped: connect failed" and skipped.cause == "connect failed"
    assert skipped.line() == "skip tls  connect failed"
    assert skipped.as_json() == {
        "step": "tls",
        "ok": False,
        "detail": "skipped: connect failed",
        "ms": None,
    }
    assert skipped.shown_detail_in(shouted) == "VERBINDEN MISLUKT"
    # The next step skipped for the same cause says it in the same words.
    assert skipped.phrase is not None
    assert StepResult.skip("esws", skipped.phrase).shown_detail_in(shouted) == "VERBINDEN MISLUKT"
    assert StepResult.skip("i3", CANCELLED).shown_detail_in(shouted) == "GEANNULEERD"


def test_a_result_made_from_plain_text_and_a_damaged_translation_fall_back() -> None:
    plain = StepResult("connect", False, "refused; check the port", None)
    assert plain.phrase is None
    assert plain.shown_detail_in(shouted) == "refused; check the port"
    damaged = Phrase("{step} failed", {"step": "connect"})
    assert damaged.text(lambda _c, _t: "{stap} mislukt") == "connect failed"


def test_a_step_result_cuts_its_english_to_one_line_and_keeps_its_words() -> None:
    long = "x" * 700
    result = StepResult.of("i3", False, Phrase("{text}; {more}", {"text": long, "more": "y"}), 5)
    assert len(result.detail) == 600 and result.detail.endswith("…")
    assert len(result.shown_detail_in(shouted)) == 600
    failed = CheckFailed(Phrase("{step} failed", {"step": Phrase("connect")}))
    assert failed.detail == "connect failed" and str(failed) == "connect failed"
    assert CheckFailed("plain words").phrase.text(shouted) == "plain words"


def test_a_route_is_shown_without_credentials_and_translated_around_its_addresses() -> None:
    pac_url = "http://pac.corp/proxy.pac?user=jane"
    through = route_phrase(Route("http://jane:hunter2@p.corp:8080", pac=pac_url))
    assert through.text() == (
        "through the proxy http://***@p.corp:8080 (chosen by the PAC file http://pac.corp/proxy.pac)"
    )
    assert "hunter2" not in through.text() and "jane" not in through.text()
    assert through.text(shouted) == (
        "VIA http://***@p.corp:8080 GEKOZEN DOOR PAC http://pac.corp/proxy.pac"
    )
    assert route_phrase(Route(None, pac=pac_url)).text() == (
        "direct (as the PAC file http://pac.corp/proxy.pac says)"
    )
    failed = route_phrase(Route(None, pac=pac_url, warning="HTTP 404"))
    assert failed.text() == (
        "direct: the PAC file http://pac.corp/proxy.pac could not be used (HTTP 404)"
    )
    assert failed.text(shouted) == "DIRECT PAC http://pac.corp/proxy.pac ONBRUIKBAAR HTTP 404"
    assert route_phrase(Route("http://p:1")).text() == "through the proxy http://p:1"
    nothing_found = route_phrase(Route(None, pac=WPAD, warning="WPAD found no PAC file")).text()
    assert nothing_found.startswith("direct: auto-detection (WPAD) could not be used")
    assert route_phrase(Route(None)).text() == "direct"
    assert route_phrase(Route(None, warning="x\ny")).text() == (
        "direct: the PAC file could not be used (x y)"
    )


def test_a_certificate_says_when_it_expires_in_words_that_fit_the_number() -> None:
    now = datetime.datetime(2026, 12, 2, 12, 0, tzinfo=datetime.UTC)

    def expiry(**delta: float) -> str:
        info = CertificateInfo("CN=a", "CN=b", now + datetime.timedelta(**delta))
        return certificate_phrase(info, now).text().rsplit("; ", 1)[1]

    assert expiry(days=100) == "expires in 100 days"
    assert expiry(days=2) == "expires in 2 days"
    assert expiry(days=1.5) == "expires in 1 day"
    assert expiry(hours=12) == "expires within a day"
    assert expiry(hours=-12) == "expired within the last day"
    assert expiry(days=-1) == "expired 1 day ago"  # exactly a day: one whole day has passed
    assert expiry(days=-1.5) == "expired 1 day ago"
    assert expiry(days=-2) == "expired 2 days ago"
    assert expiry(days=-3.5) == "expired 3 days ago"
    unknown = CertificateInfo("CN=a", "CN=b", None)
    assert certificate_phrase(unknown).text() == "subject CN=a; issuer CN=b; expiry unknown"
    assert certificate_phrase(_certificate(1.5)).text(shouted).endswith("OVER 1 DAG")
