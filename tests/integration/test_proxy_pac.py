"""Proxies chosen by a PAC file, on loopback: a PAC file served by a local HTTP server, a real
forwarding proxy (tests/forwarding_proxy.py), the simulator's ESWS and CRM.COM, ``i3sync check``.

The PAC files tell the ESWS (or CRM.COM) server from the others by its port: every server here
is 127.0.0.1, and nothing may reach beyond it.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.core.errors import TransportError, TransportProblem
from desktop.core.http import HttpPoster, Timeouts
from desktop.core.pac import PAC_EVAL_SECONDS
from desktop.core.proxy import PAC_ENV, PacSettings, ProxyResolver, system_resolver
from desktop.crm.client import CrmClient
from desktop.crm.credentials import LoginMode, build_credentials
from desktop.esws.client import EswsClient
from desktop.esws.request import SyncKind, build_request
from desktop.simulator.crm import (
    DEMO_CRM_ORGANISATION,
    DEMO_CRM_PASSWORD,
    DEMO_CRM_USERNAME,
    install_crm,
)
from desktop.simulator.esws_logic import DEMO_ADMIN, DEMO_COMPANY_ID, DEMO_PASSWORD
from desktop.simulator.server import Simulator
from tests.fault_servers import canned_server, closed_port_url, silent_server, timed
from tests.forwarding_proxy import ForwardingProxy
from tests.gui.tls_server import UntrustedHttps

PAC_TYPE = "application/x-ns-proxy-autoconfig"
REQUEST = build_request(
    SyncKind.ALL_USERS,
    company_id=DEMO_COMPANY_ID,
    admin_username=DEMO_ADMIN,
    admin_password=DEMO_PASSWORD,
)
WARNING = "connecting directly"


def pac_for(port: int, answer: str) -> bytes:
    """A PAC file that answers ``answer`` for URLs on ``port`` and DIRECT for the rest."""
    return (
        "function FindProxyForURL(url, host) {\n"
        f'  if (shExpMatch(url, "*:{port}/*")) return "{answer}";\n'
        '  return "DIRECT";\n'
        "}\n"
    ).encode()


@pytest.fixture(autouse=True)
def no_other_proxy(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """No proxy from the environment, and no PAC file remembered from another test."""
    for name in ("HTTP", "HTTPS", "ALL", "NO"):
        monkeypatch.delenv(f"{name}_PROXY", raising=False)
        monkeypatch.delenv(f"{name.lower()}_proxy", raising=False)
    monkeypatch.delenv(PAC_ENV, raising=False)
    system_resolver().forget()
    yield
    system_resolver().forget()


@pytest.fixture
def simulator() -> Iterator[Simulator]:
    with Simulator() as sim:
        yield sim


@pytest.fixture
def proxy() -> Iterator[ForwardingProxy]:
    with ForwardingProxy() as running:
        yield running


def fetch_token(endpoint: str, timeouts: Timeouts | None = None) -> str:
    client = EswsClient(endpoint, timeouts=timeouts or Timeouts.total(10))
    try:
        return client.fetch_token(REQUEST)
    finally:
        client.close()


def test_esws_token_request_goes_through_the_proxy_the_pac_names(
    simulator: Simulator, proxy: ForwardingProxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer = f"PROXY {proxy.address}"
    with canned_server(200, PAC_TYPE, pac_for(simulator.port, answer)) as pac_base:
        monkeypatch.setenv(PAC_ENV, pac_base + "/proxy.pac")
        token = fetch_token(simulator.esws_endpoint)
    assert token
    assert proxy.hosts() == [f"127.0.0.1:{simulator.port}"]
    assert ("POST", f"127.0.0.1:{simulator.port}") in proxy.forwarded


def test_a_direct_rule_bypasses_the_proxy(
    simulator: Simulator, proxy: ForwardingProxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The PAC file sends another port through the proxy; the simulator's gets DIRECT.
    other = simulator.port + 1 if simulator.port < 65535 else simulator.port - 1
    with canned_server(200, PAC_TYPE, pac_for(other, f"PROXY {proxy.address}")) as pac_base:
        monkeypatch.setenv(PAC_ENV, pac_base + "/proxy.pac")
        poster = HttpPoster(Timeouts.total(10))
        reply = poster.get(simulator.url + "/")
        route = poster.last_route
    assert fetch_token(simulator.esws_endpoint)
    assert reply.status < 500
    assert route is not None and route.proxy is None and route.pac is not None
    assert route.warning is None
    assert proxy.forwarded == []


def test_crm_token_request_goes_through_the_proxy_the_pac_names(
    simulator: Simulator, proxy: ForwardingProxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    crm = install_crm(simulator)
    answer = f"PROXY {proxy.address}"
    with canned_server(200, PAC_TYPE, pac_for(simulator.port, answer)) as pac_base:
        monkeypatch.setenv(PAC_ENV, pac_base + "/proxy.pac")
        client = CrmClient(crm.base_url, timeouts=Timeouts.total(10))
        credentials = build_credentials(
            LoginMode.USERNAME,
            username=DEMO_CRM_USERNAME,
            password=DEMO_CRM_PASSWORD,
            organisation=DEMO_CRM_ORGANISATION,
        )
        token = client.fetch_token(credentials)
        client.close()
    assert crm.session_for(token.value) is not None
    assert ("POST", f"127.0.0.1:{simulator.port}") in proxy.forwarded


def test_https_goes_through_a_connect_tunnel(
    tmp_path: Path, proxy: ForwardingProxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    server = UntrustedHttps(tmp_path)
    port = int(server.url.rsplit(":", 1)[1])
    with server, canned_server(200, PAC_TYPE, pac_for(port, f"PROXY {proxy.address}")) as pac:
        monkeypatch.setenv(PAC_ENV, pac + "/proxy.pac")
        poster = HttpPoster(Timeouts.total(10))
        with pytest.raises(TransportError) as caught:
            poster.get(server.url + "/")  # untrusted: TLS fails, through the tunnel
    assert caught.value.problem is TransportProblem.TLS
    assert proxy.forwarded == [("CONNECT", f"127.0.0.1:{port}")]
    assert server.paths == []  # nothing got past TLS


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (b"<html><body>Proxy settings moved</body></html>", "not a PAC script"),
        (b"function FindProxyForURL(url, host) { return ((; }", "the PAC script failed"),
        (b"function FindProxyForURL(url, host) { return 42; }", "returned no text"),
        (b'function FindProxyForURL(url, host) { return "SOCKS 127.0.0.1:1"; }', "names no"),
        (b'function FindProxyForURL(u, h) { throw new Error("x"); }', "the PAC script failed"),
    ],
)
def test_a_garbage_pac_file_falls_back_to_direct_with_a_warning(
    body: bytes,
    expected: str,
    simulator: Simulator,
    proxy: ForwardingProxy,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.WARNING, logger="desktop.core.proxy")
    with canned_server(200, PAC_TYPE, body) as pac_base:
        monkeypatch.setenv(PAC_ENV, pac_base + "/proxy.pac")
        assert fetch_token(simulator.esws_endpoint)
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert any(expected in text and WARNING in text for text in warnings), warnings
    assert proxy.forwarded == []


def test_an_unreachable_pac_url_falls_back_to_direct_with_a_warning(
    simulator: Simulator, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="desktop.core.proxy")
    monkeypatch.setenv(PAC_ENV, closed_port_url() + "/proxy.pac")
    assert fetch_token(simulator.esws_endpoint)
    assert any(WARNING in r.getMessage() for r in caplog.records)
    # Remembered for a while: the next request neither fetches nor warns again.
    caplog.clear()
    assert fetch_token(simulator.esws_endpoint)
    assert not any(WARNING in r.getMessage() for r in caplog.records)


def test_a_pac_answering_http_404_falls_back_to_direct(
    simulator: Simulator, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="desktop.core.proxy")
    with canned_server(404, "text/html", b"not here") as pac_base:
        monkeypatch.setenv(PAC_ENV, pac_base + "/proxy.pac")
        assert fetch_token(simulator.esws_endpoint)
    assert any("HTTP 404" in r.getMessage() for r in caplog.records)


def test_a_pac_script_that_loops_forever_does_not_exceed_the_deadline(
    simulator: Simulator, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="desktop.core.proxy")
    looping = b"function FindProxyForURL(url, host) { while (true) {} }"
    with canned_server(200, PAC_TYPE, looping) as pac_base:
        monkeypatch.setenv(PAC_ENV, pac_base + "/proxy.pac")
        token, elapsed = timed(lambda: fetch_token(simulator.esws_endpoint, Timeouts.total(3)))
        assert token and elapsed < 3 + 1
        assert any("PAC" in r.getMessage() and WARNING in r.getMessage() for r in caplog.records)
        # The script is remembered as broken: the next request does not run it again.
        caplog.clear()
        assert fetch_token(simulator.esws_endpoint, Timeouts.total(3))
        assert not any(WARNING in r.getMessage() for r in caplog.records)
        # A deadline shorter than the PAC's own time limit still holds.
        system_resolver().forget()
        short = PAC_EVAL_SECONDS / 2
        poster = HttpPoster(Timeouts.total(short))

        def get() -> object:
            try:
                return poster.get(simulator.url + "/")
            except TransportError as error:
                return error

        _, elapsed = timed(get)
    assert elapsed < short + 1


def test_a_looping_pac_script_never_freezes_other_threads(simulator: Simulator) -> None:
    # While the script spins, another thread keeps running: an engine that held the GIL (as
    # dukpy does) would freeze the whole process, the window included.
    looping = b"function FindProxyForURL(url, host) { for (;;) {} }"
    ticks: list[int] = []
    stop = threading.Event()

    def ticker() -> None:
        while not stop.wait(0.01):
            ticks.append(1)

    with canned_server(200, PAC_TYPE, looping) as pac_base:
        resolver = ProxyResolver(lambda: PacSettings(pac_url=pac_base + "/proxy.pac"))
        poster = HttpPoster(Timeouts.total(5), proxies=resolver)
        thread = threading.Thread(target=ticker, daemon=True)
        thread.start()
        reply = poster.get(simulator.url + "/")
        stop.set()
    assert reply.status < 500
    assert poster.last_route is not None and poster.last_route.warning is not None
    # Generous: about 100 ticks fit in the second the script is allowed.
    assert len(ticks) >= 5


def test_cancel_reaches_a_pac_fetch_in_flight(simulator: Simulator) -> None:
    connected = threading.Event()
    with silent_server(connected) as silent:
        resolver = ProxyResolver(lambda: PacSettings(pac_url=silent + "/proxy.pac"))
        poster = HttpPoster(Timeouts.total(20), proxies=resolver)
        threading.Thread(target=lambda: connected.wait(10) and poster.cancel(), daemon=True).start()
        with pytest.raises(TransportError) as caught:
            poster.get(simulator.url + "/")
    assert caught.value.problem is TransportProblem.CANCELLED
    assert connected.is_set()


def test_wpad_discovery_uses_the_first_candidate_that_serves_a_pac_file(
    simulator: Simulator, proxy: ForwardingProxy
) -> None:
    answer = f"PROXY {proxy.address}"
    with canned_server(200, PAC_TYPE, pac_for(simulator.port, answer)) as pac_base:
        candidates = [closed_port_url() + "/wpad.dat", pac_base + "/wpad.dat"]
        resolver = ProxyResolver(lambda: PacSettings(auto_detect=True), wpad=lambda: candidates)
        poster = HttpPoster(Timeouts.total(10), proxies=resolver)
        reply = poster.get(simulator.url + "/")
    assert reply.status < 500
    assert poster.last_route is not None and poster.last_route.pac == pac_base + "/wpad.dat"
    assert proxy.hosts() == [f"127.0.0.1:{simulator.port}"]


def test_a_pac_file_on_disk_is_read(
    tmp_path: Path, simulator: Simulator, proxy: ForwardingProxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    pac = tmp_path / "proxy.pac"
    pac.write_bytes(pac_for(simulator.port, f"PROXY {proxy.address}"))
    monkeypatch.setenv(PAC_ENV, pac.as_uri())
    assert fetch_token(simulator.esws_endpoint)
    assert proxy.hosts() == [f"127.0.0.1:{simulator.port}"]
