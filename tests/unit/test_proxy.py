"""The proxy choice without a network: what the system names (environment, Windows registry
through a fake reader), how a route is shown, the PAC answer, the PAC functions in QuickJS, WPAD
candidates, and that nothing of PAC is imported until a PAC file is named."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

import desktop.core.pac as pac
from desktop.core.pac import (
    MAX_LOOKUPS,
    PacUnusable,
    evaluate_pac,
    parse_pac_answer,
    wpad_candidates,
)
from desktop.core.proxy import (
    CONNECTION_SETTINGS,
    PAC_ENV,
    PacSettings,
    ProxyResolver,
    Route,
    mask_proxy,
    pac_arguments,
    pac_settings_from_registry,
    system_pac_settings,
)
from tests.conftest import REPO_ROOT


def connection_flags(flags: int) -> bytes:
    # DefaultConnectionSettings: version, counter, then the flags at byte 8.
    return bytes([0x46, 0, 0, 0, 0x05, 0, 0, 0, flags, 0, 0, 0])


def reader(values: dict[str, object]):  # type: ignore[no-untyped-def]
    return lambda name: values.get(name)


def test_registry_names_the_pac_file_and_auto_detection() -> None:
    url = "http://pac.corp.example/proxy.pac"
    ticked = {"AutoConfigURL": url, CONNECTION_SETTINGS: connection_flags(0x05)}
    assert pac_settings_from_registry(reader(ticked)) == PacSettings(
        url, False, "Windows Internet Settings"
    )
    # An address left behind with its box unticked is not used.
    unticked = {"AutoConfigURL": url, CONNECTION_SETTINGS: connection_flags(0x01)}
    assert not pac_settings_from_registry(reader(unticked)).named
    detect = pac_settings_from_registry(reader({CONNECTION_SETTINGS: connection_flags(0x09)}))
    assert detect.auto_detect and detect.pac_url is None
    # Without the binary record, the AutoDetect value and the address say it.
    legacy = pac_settings_from_registry(reader({"AutoDetect": 1, "AutoConfigURL": url}))
    assert legacy.auto_detect and legacy.pac_url == url
    assert not pac_settings_from_registry(reader({})).named
    assert not pac_settings_from_registry(reader({"AutoConfigURL": 7, "AutoDetect": "1"})).named


def test_the_environment_variable_wins_over_the_registry() -> None:
    registry = reader({"AutoConfigURL": "http://pac.corp.example/p.pac"})
    assert system_pac_settings({}, registry).pac_url == "http://pac.corp.example/p.pac"
    assert not system_pac_settings({PAC_ENV: "none"}, registry).named
    assert system_pac_settings({PAC_ENV: "wpad"}, registry).auto_detect
    own = system_pac_settings({PAC_ENV: " http://127.0.0.1:9/x.pac "}, registry)
    assert (own.pac_url, own.origin) == ("http://127.0.0.1:9/x.pac", PAC_ENV)
    if sys.platform != "win32":
        assert not system_pac_settings({}).named  # elsewhere, only the variable names one


def test_a_route_is_shown_without_credentials() -> None:
    assert mask_proxy("http://jane:hunter2@proxy.corp:3128") == "http://***@proxy.corp:3128"
    assert mask_proxy("proxy.corp:3128") == "http://proxy.corp:3128"


def test_requests_gets_the_pac_route_explicitly_and_the_environment_otherwise() -> None:
    assert Route("http://p:1").requests_proxies() is None  # requests reads the environment
    assert Route("http://p:1", pac="x").requests_proxies() == {
        "http": "http://p:1",
        "https": "http://p:1",
        "all": "http://p:1",
    }
    direct = Route(None, pac="x").requests_proxies()
    assert direct == {"http": None, "https": None, "all": None}


def test_pac_answers_are_parsed_in_order() -> None:
    choices, skipped = parse_pac_answer(
        "PROXY a.corp:8080; HTTPS b.corp:443;SOCKS5 c:1080; DIRECT; PROXY bad/host:1; junk"
    )
    assert choices == ["http://a.corp:8080", "https://b.corp:443", None]
    assert len(skipped) == 3 and "SOCKS is not supported" in skipped[0]
    assert parse_pac_answer("") == ([], [])
    assert parse_pac_answer("PROXY user@evil:1; PROXY p:99999")[0] == []


def test_the_script_never_sees_credentials_a_query_or_an_https_path() -> None:
    assert pac_arguments("https://u:p@ws.example.com:8443/esws?token=s#f") == (
        "https://ws.example.com:8443/",
        "ws.example.com",
    )
    assert pac_arguments("http://ws.example.com/webservicesesws?wsdl") == (
        "http://ws.example.com/webservicesesws",
        "ws.example.com",
    )


def test_wpad_candidates_stop_at_the_organisation() -> None:
    assert wpad_candidates("pc1.emea.corp.example.co.uk") == [
        "http://wpad.emea.corp.example.co.uk/wpad.dat",
        "http://wpad.corp.example.co.uk/wpad.dat",
        "http://wpad.example.co.uk/wpad.dat",
    ]
    assert wpad_candidates("pc.hq.corp.local") == [
        "http://wpad.hq.corp.local/wpad.dat",
        "http://wpad.corp.local/wpad.dat",
    ]
    assert wpad_candidates("laptop") == [] and wpad_candidates("example.com") == []


def run(body: str, url: str = "http://ws.example.com/esws", host: str = "ws.example.com") -> str:
    script = f"function FindProxyForURL(url, host) {{ {body} }}"
    return evaluate_pac(script, url, host, 5.0)


@pytest.mark.parametrize(
    ("expression", "expected"),
    [
        ('shExpMatch(url, "http://*.example.com/*")', True),
        ('shExpMatch("a.b", "a?b")', True),
        ('shExpMatch("a+b(c)", "a+b(c)")', True),
        ('shExpMatch(host, "*.other.com")', False),
        ('dnsDomainIs(host, ".EXAMPLE.com")', True),
        ('dnsDomainIs(host, ".corp")', False),
        ('isPlainHostName("intranet")', True),
        ("isPlainHostName(host)", False),
        ('localHostOrDomainIs("www", "www.example.com")', True),
        ('localHostOrDomainIs("www.other.com", "www.example.com")', False),
        ("dnsDomainLevels(host)", 2),
        ('isInNet("10.1.2.3", "10.0.0.0", "255.0.0.0")', True),
        ('isInNet("11.1.2.3", "10.0.0.0", "255.0.0.0")', False),
        ('isInNet("192.168.1.7", "192.168.1.0", "255.255.255.0")', True),
        ('isInNet("10.1.2.3", "bad", "255.0.0.0")', False),
        ('isInNetEx("172.16.5.4", "172.16.0.0/12")', True),
        ('isInNetEx("172.32.5.4", "172.16.0.0/12")', False),
        ('convert_addr("1.2.3.4")', 16909060),
        ('sortIpAddressList("10.0.0.2;10.0.0.1")', "10.0.0.1;10.0.0.2"),
        ('weekdayRange("SUN", "SAT")', True),
        ('dateRange("JAN", "DEC")', True),
        ("dateRange(1, 31)", True),
        ("timeRange(0, 24)", True),
        ('timeRange(0, 0, 0, 23, 59, 59, "GMT")', True),
        ("dateRange(1900)", False),
    ],
)
def test_pac_functions(expression: str, expected: object) -> None:
    assert json.loads(run(f"return JSON.stringify({expression});")) == expected


def test_dns_is_looked_up_between_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[str] = []

    def fake(key: str) -> str:
        asked.append(key)
        return "10.9.8.7"

    monkeypatch.setattr(pac, "_resolve", fake)
    body = (
        'if (isInNet(host, "10.0.0.0", "255.0.0.0") && isResolvable("intranet.corp"))'
        ' return "PROXY p.corp:3128"; return "DIRECT";'
    )
    assert run(body) == "PROXY p.corp:3128"
    assert asked == ["dnsResolve:ws.example.com", "dnsResolve:intranet.corp"]
    many = "".join(f'dnsResolve("h{i}.corp");' for i in range(MAX_LOOKUPS + 1))
    with pytest.raises(PacUnusable, match="looks up more than"):
        run(many + 'return "DIRECT";')


def test_a_name_that_does_not_resolve_is_null(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(key: str) -> str:
        raise OSError("no such name")

    monkeypatch.setattr(pac, "_resolve", fail)
    assert run('return String(dnsResolve(host)) + " " + isResolvable(host);') == "null false"


def test_localhost_resolves_for_real() -> None:
    assert run('return dnsResolve("localhost");') == "127.0.0.1"


def test_a_script_cannot_reach_python_or_the_disk() -> None:
    probe = 'return [typeof require, typeof process, typeof call_python, typeof std].join(",");'
    assert run(probe) == "undefined,undefined,undefined,undefined"


def test_pac_is_imported_only_when_a_pac_file_is_named() -> None:
    code = (
        "import sys, desktop.core.http, desktop.esws.client, desktop.crm.client\n"
        "from desktop.core.http import HttpPoster\n"
        "HttpPoster().proxies.choose('http://127.0.0.1:9/x', 0)\n"
        "print(sorted(m for m in ('quickjs', '_quickjs', 'publicsuffixlist', "
        "'desktop.core.pac') if m in sys.modules))\n"
    )
    env = {k: v for k, v in os.environ.items() if k != PAC_ENV}
    env["PYTHONPATH"] = str(REPO_ROOT)
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "[]"


def test_whatever_goes_wrong_with_a_pac_file_means_direct(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def no_list() -> list[str]:
        raise FileNotFoundError("public_suffix_list.dat")  # a data file left out of a build

    caplog.set_level(logging.WARNING, logger="desktop.core.proxy")
    wpad = ProxyResolver(lambda: PacSettings(auto_detect=True), wpad=no_list)
    route = wpad.choose("http://ws.example.com/esws", time.monotonic() + 5)
    assert route.proxy is None and route.warning and "FileNotFoundError" in route.warning
    script = tmp_path / "proxy.pac"
    script.write_text('function FindProxyForURL(u, h) { return "PROXY p.corp:1"; }')

    def broken(*args: object) -> str:
        raise RuntimeError("engine missing")

    monkeypatch.setattr(pac, "evaluate_pac", broken)
    resolver = ProxyResolver(lambda: PacSettings(pac_url=script.as_uri()))
    route = resolver.choose("http://ws.example.com/esws", time.monotonic() + 5)
    assert (route.proxy, route.warning) == (None, "unexpected RuntimeError")
    assert sum("connecting directly" in r.getMessage() for r in caplog.records) == 2
