"""``i3sync check`` and ``i3sync url`` behind a PAC file on loopback: the check names the proxy
each step used, says when the PAC file could not be used, and choosing the proxy stays inside
the check's deadline and its Cancel."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.core.proxy import PAC_ENV, system_resolver
from desktop.esws.check import CheckTarget, ConnectionCheck
from desktop.simulator.esws_logic import DEMO_ADMIN, DEMO_COMPANY_ID, DEMO_PASSWORD
from desktop.simulator.server import Simulator
from tests.cli_runner import CliResult, run_in_process, run_subprocess
from tests.fault_servers import canned_server, closed_port_url, silent_server, timed
from tests.forwarding_proxy import ForwardingProxy
from tests.integration.test_check_core import trusted_esws
from tests.integration.test_proxy_pac import PAC_TYPE, pac_for


@pytest.fixture(autouse=True)
def no_other_proxy(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
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


def check(*args: str) -> CliResult:
    return run_in_process(["check", *args], dict(os.environ))


def lines_by_step(result: CliResult) -> dict[str, str]:
    return {line.split()[1]: line for line in result.stdout.splitlines() if line.strip()}


def test_check_names_the_proxy_the_pac_chose(
    simulator: Simulator, proxy: ForwardingProxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer = f"PROXY {proxy.address}"
    with canned_server(200, PAC_TYPE, pac_for(simulator.port, answer)) as pac_base:
        pac_url = pac_base + "/proxy.pac"
        monkeypatch.setenv(PAC_ENV, pac_url)
        # I3 on another port: the PAC file sends it DIRECT.
        with Simulator() as i3:
            result = check("--endpoint", simulator.esws_endpoint, "--i3-url", i3.url)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = lines_by_step(result)
    through = f"through the proxy {proxy.url} (chosen by the PAC file {pac_url})"
    assert lines["resolve"].startswith("ok ") and through in lines["resolve"]
    assert "direct route: ESWS is asked " + through in lines["resolve"]
    assert lines["esws"].startswith("ok ") and "ERROR_NO_SECURITY_HASH" in lines["esws"]
    assert through in lines["esws"]
    assert (
        lines["i3"].startswith("ok ") and f"direct (as the PAC file {pac_url} says)" in lines["i3"]
    )
    assert ("POST", f"127.0.0.1:{simulator.port}") in proxy.forwarded


def test_a_trusted_https_esws_through_the_pac_proxy_passes_every_step(
    tmp_path: Path, proxy: ForwardingProxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    with trusted_esws(tmp_path, monkeypatch) as url:
        port = int(url.rsplit(":", 1)[1])
        answer = f"PROXY {proxy.address}"
        with canned_server(200, PAC_TYPE, pac_for(port, answer)) as pac_base:
            monkeypatch.setenv(PAC_ENV, pac_base + "/proxy.pac")
            results = ConnectionCheck(CheckTarget.of(url + "/webservicesesws", url), 10).run()
    assert all(r.ok for r in results), [r.line() for r in results]
    by_step = {r.step: r.detail for r in results}
    assert f"through the proxy {proxy.url}" in by_step["esws"]
    assert f"through the proxy {proxy.url}" in by_step["i3"]
    # https through a proxy is a CONNECT tunnel; the server's certificate is checked inside it.
    assert ("CONNECT", f"127.0.0.1:{port}") in proxy.forwarded
    assert not any(method != "CONNECT" for method, _ in proxy.forwarded)


def test_check_names_a_proxy_from_the_environment_without_credentials(
    simulator: Simulator, proxy: ForwardingProxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    with_credentials = f"http://jane:hunter2@{proxy.address}"
    for name in ("HTTP_PROXY", "http_proxy"):
        monkeypatch.setenv(name, with_credentials)
    result = check("--endpoint", simulator.esws_endpoint, "--i3-url", simulator.url)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = lines_by_step(result)
    assert f"through the proxy http://***@{proxy.address}" in lines["esws"]
    assert "hunter2" not in result.stdout + result.stderr
    assert ("POST", f"127.0.0.1:{simulator.port}") in proxy.forwarded


def test_check_says_when_the_pac_file_could_not_be_used(
    simulator: Simulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    pac_url = closed_port_url() + "/proxy.pac"
    monkeypatch.setenv(PAC_ENV, pac_url)
    result = check("--endpoint", simulator.esws_endpoint, "--i3-url", simulator.url)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = lines_by_step(result)
    unused = f"direct: the PAC file {pac_url} could not be used"
    assert unused in lines["resolve"] and unused in lines["esws"]


def test_a_silent_pac_server_leaves_the_check_its_time(
    simulator: Simulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    with silent_server() as silent:
        monkeypatch.setenv(PAC_ENV, silent + "/proxy.pac")
        target = CheckTarget.of(simulator.esws_endpoint, simulator.url)
        results, elapsed = timed(lambda: ConnectionCheck(target, 4).run())
    assert elapsed < 4 + 1
    by_step = {r.step: r for r in results}
    assert by_step["resolve"].ok and "could not be used" in by_step["resolve"].detail
    assert by_step["esws"].ok and by_step["i3"].ok


def test_cancel_during_the_pac_fetch_ends_the_check(
    simulator: Simulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    connected = threading.Event()
    with silent_server(connected) as silent:
        monkeypatch.setenv(PAC_ENV, silent + "/proxy.pac")
        run = ConnectionCheck(CheckTarget.of(simulator.esws_endpoint, simulator.url), 30)
        threading.Thread(target=lambda: connected.wait(10) and run.cancel(), daemon=True).start()
        results, elapsed = timed(run.run)
    assert connected.is_set()
    assert elapsed < 10  # the PAC fetch alone may take 5 s: cancel ended it first
    assert results[0].step == "resolve" and results[0].detail == "skipped: cancelled"
    assert "FAIL" not in [r.status for r in results]
    assert all(r.skipped for r in results[1:])


def test_url_command_gets_its_token_through_the_pac_proxy(
    simulator: Simulator, proxy: ForwardingProxy, subprocess_env: dict[str, str]
) -> None:
    answer = f"PROXY {proxy.address}"
    with canned_server(200, PAC_TYPE, pac_for(simulator.port, answer)) as pac_base:
        env = {
            **subprocess_env,
            PAC_ENV: pac_base + "/proxy.pac",
            "I3SYNC_COMPANY_ID": DEMO_COMPANY_ID,
            "I3SYNC_PASSWORD": DEMO_PASSWORD,
        }
        for name in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy"):
            env.pop(name, None)
        args = ["url", "total", "--endpoint", simulator.esws_endpoint, "--admin", DEMO_ADMIN]
        result = run_subprocess(args, env)
    assert result.returncode == 0, result.stderr
    assert "/users/totalSyncUsersLogin/" in result.stdout
    assert ("POST", f"127.0.0.1:{simulator.port}") in proxy.forwarded
