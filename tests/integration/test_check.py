"""``i3sync check`` against real servers on loopback: the simulator, NuSOAP, a closed port, an
unresolvable name, an untrusted certificate, a hung server, hostile server text."""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

import desktop.esws.cli as esws_cli
from desktop.cli import build_parser
from desktop.esws.profile_model import Profile
from desktop.esws.profiles import ProfileStore
from desktop.simulator.esws_logic import DEMO_COMPANY_ID, DEMO_PASSWORD, EswsLogic
from desktop.simulator.server import Simulator
from tests.cli_runner import CliResult, run_in_process
from tests.fault_servers import closed_port_url, silent_server, timed
from tests.gui.tls_server import UntrustedHttps
from tests.nusoap_server import NusoapEsws

OK_LINE = re.compile(r"^ok   (\w+)  (.+)  \((\d+) ms\)$")
UNRESOLVABLE = "https://esws.i3sync-check.invalid/webservicesesws"
# Secrets a user might have in the environment: check never reads, sends nor prints them.
SECRET_ENV = {"I3SYNC_COMPANY_ID": DEMO_COMPANY_ID, "I3SYNC_PASSWORD": DEMO_PASSWORD}


def _check_registered() -> bool:
    with contextlib.redirect_stderr(io.StringIO()):
        try:
            build_parser().parse_args(["check", "--endpoint", "http://127.0.0.1/x"])
        except SystemExit:
            return False
    return True


@pytest.fixture(autouse=True)
def check_command(monkeypatch: pytest.MonkeyPatch) -> None:
    """Until desktop/cli.py registers ``check``, register it next to ``open`` (build_parser
    imports add_open_command from desktop.esws.cli when called)."""
    if _check_registered():
        return
    original = esws_cli.add_open_command

    def add_open_and_check(commands):  # type: ignore[no-untyped-def]
        original(commands)
        esws_cli.add_check_command(commands)

    monkeypatch.setattr(esws_cli, "add_open_command", add_open_and_check)
    assert _check_registered()


@pytest.fixture
def simulator() -> Iterator[Simulator]:
    sim = Simulator().start()
    yield sim
    sim.stop()


def check(*args: str, env: dict[str, str] | None = None) -> CliResult:
    return run_in_process(["check", *args], {**os.environ, **SECRET_ENV, **(env or {})})


def statuses(result: CliResult) -> dict[str, str]:
    return {line.split()[1]: line.split()[0] for line in result.stdout.splitlines()}


def assert_no_secret(result: CliResult) -> None:
    for secret in SECRET_ENV.values():
        assert secret not in result.stdout and secret not in result.stderr
    assert "Traceback" not in result.stderr


def test_every_step_ok_against_the_simulator(simulator: Simulator) -> None:
    result, seconds = timed(
        lambda: check("--endpoint", simulator.esws_endpoint, "--i3-url", simulator.url)
    )
    assert result.returncode == 0, result
    lines = result.stdout.splitlines()
    matched = [OK_LINE.match(line) for line in lines]
    assert all(matched), lines
    assert [m.group(1) for m in matched if m] == ["resolve", "connect", "wsdl", "esws", "i3"]
    assert "ERROR_NO_SECURITY_HASH" in lines[3]
    assert "getSyncToken and getTotalSyncToken" in lines[2]
    # What reached ESWS: getTotalSyncToken with every parameter empty, nothing secret.
    assert simulator.calls == [
        (
            "Esws.getTotalSyncToken",
            {"p_companyID": "", "p_adminUsername": "", "p_adminPassword": ""},
        )
    ]
    assert result.stderr == ""  # loopback http: no warning; no profile: no reminder
    assert_no_secret(result)
    assert seconds < 10


@pytest.mark.nusoap
def test_nusoap_answers_no_security_hash(nusoap_esws: NusoapEsws) -> None:
    result = check("--endpoint", nusoap_esws.endpoint, "--i3-url", nusoap_esws.base_url)
    assert result.returncode == 0, result
    esws = next(line for line in result.stdout.splitlines() if line.split()[1] == "esws")
    assert "ERROR_NO_SECURITY_HASH" in esws and esws.startswith("ok ")
    assert_no_secret(result)


@pytest.mark.nusoap
def test_nusoap_own_wsdl_declares_both_operations(nusoap_esws: NusoapEsws) -> None:
    result = check(
        "--endpoint", nusoap_esws.endpoint, "--i3-url", nusoap_esws.base_url,
        "--wsdl", nusoap_esws.wsdl_url, "--json",
    )  # fmt: skip
    assert result.returncode == 0, result
    steps = {entry["step"]: entry for entry in json.loads(result.stdout)}
    assert steps["wsdl"]["ok"] and "the WSDL declares" in steps["wsdl"]["detail"]
    assert "ERROR_NO_SECURITY_HASH" in steps["esws"]["detail"]


def test_closed_port_fails_connect_and_skips_esws(simulator: Simulator) -> None:
    endpoint = closed_port_url() + "/webservicesesws"
    result = check("--endpoint", endpoint, "--i3-url", simulator.url)
    assert result.returncode == 4
    assert statuses(result) == {
        "resolve": "ok",
        "connect": "FAIL",
        "wsdl": "ok",  # the bundled WSDL needs no network
        "esws": "skip",
        "i3": "ok",  # I3 is checked whatever happens to ESWS
    }
    connect = result.stdout.splitlines()[1]
    assert "connection refused" in connect and "check the port" in connect
    assert "skip esws  connect failed" in result.stdout


def test_unresolvable_host_fails_resolve(simulator: Simulator) -> None:
    result = check("--endpoint", UNRESOLVABLE, "--i3-url", simulator.url)
    assert result.returncode == 4
    assert statuses(result) == {
        "resolve": "FAIL",
        "connect": "skip",
        "tls": "skip",
        "wsdl": "ok",
        "esws": "skip",
        "i3": "ok",
    }
    assert "host name could not be resolved" in result.stdout
    assert "skip tls  resolve failed" in result.stdout


def test_untrusted_certificate_fails_tls_and_sends_nothing(tmp_path: Path) -> None:
    with UntrustedHttps(tmp_path) as server:
        result = check("--endpoint", server.url + "/webservicesesws", "--i3-url", server.url)
    assert result.returncode == 4
    assert statuses(result)["tls"] == "FAIL"
    assert statuses(result)["esws"] == "skip"
    tls = next(line for line in result.stdout.splitlines() if line.split()[1] == "tls")
    assert "TLS certificate or handshake failed" in tls
    # Which certificate was presented, so an intercepting proxy can be recognised.
    assert "presented: subject CN=127.0.0.1; issuer CN=127.0.0.1" in tls
    assert "trust store" in tls
    i3 = next(line for line in result.stdout.splitlines() if line.split()[1] == "i3")
    assert i3.startswith("FAIL") and "certificate" in i3
    assert server.paths == []  # no request got through TLS: nothing was sent


def test_json_is_a_list_of_step_objects(simulator: Simulator) -> None:
    endpoint = closed_port_url() + "/webservicesesws"
    result = check("--endpoint", endpoint, "--i3-url", simulator.url, "--json")
    assert result.returncode == 4
    entries = json.loads(result.stdout)
    assert [entry["step"] for entry in entries] == ["resolve", "connect", "wsdl", "esws", "i3"]
    for entry in entries:
        assert set(entry) == {"step", "ok", "detail", "ms"}
        assert isinstance(entry["ok"], bool) and isinstance(entry["detail"], str)
        assert "\n" not in entry["detail"]
    by_step = {entry["step"]: entry for entry in entries}
    assert by_step["resolve"]["ok"] is True and isinstance(by_step["resolve"]["ms"], int)
    assert by_step["connect"]["ok"] is False and isinstance(by_step["connect"]["ms"], int)
    assert by_step["esws"] == {
        "step": "esws",
        "ok": False,
        "detail": "skipped: connect failed",
        "ms": None,
    }


def test_on_premise_profile_by_name_reminds_of_the_api_agent(simulator: Simulator) -> None:
    ProfileStore().add(
        Profile(
            name="Head office",
            esws_endpoint=simulator.esws_endpoint,
            i3_base_url=simulator.url,
            cloud=False,
        )
    )
    result = check("--profile", "head OFFICE")  # names are case-insensitive
    assert result.returncode == 0, result
    assert "API Agent" in result.stderr and "no check from here can prove" in result.stderr
    assert simulator.calls and simulator.calls[0][0] == "Esws.getTotalSyncToken"


def test_cloud_profile_has_no_reminder(simulator: Simulator) -> None:
    ProfileStore().add(
        Profile(name="Cloud", esws_endpoint=simulator.esws_endpoint, i3_base_url=simulator.url,
                cloud=True)
    )  # fmt: skip
    result = check("--profile", "Cloud", "--json")
    assert result.returncode == 0, result
    assert result.stderr == ""
    assert all(entry["ok"] for entry in json.loads(result.stdout))


@pytest.mark.parametrize(
    "args",
    [
        ["--profile", "Nobody"],
        ["--endpoint", "http://[::1"],
        ["--endpoint", "ftp://example.com/esws"],
        ["--endpoint", "http://127.0.0.1/x", "--i3-url", "https://["],
        ["--profile", "Nobody", "--endpoint", "http://127.0.0.1/x"],
        ["--profile", "Head office", "--wsdl", "x.wsdl"],
        ["--endpoint", "http://127.0.0.1/x", "--timeout", "0"],
        [],
    ],
)
def test_invalid_input_is_exit_2_before_any_network(args: list[str]) -> None:
    ProfileStore().add(Profile(name="Head office", esws_endpoint="http://127.0.0.1:9/x"))
    result = check(*args)
    assert result.returncode == 2, result
    assert result.stdout == ""
    assert "Traceback" not in result.stderr


def test_unknown_profile_is_named_in_the_message() -> None:
    result = check("--profile", "Nobody")
    assert result.returncode == 2
    assert result.stderr.startswith("i3sync: invalid profile: no saved profile has this name")


def test_cleartext_remote_endpoint_warns() -> None:
    result = check(
        "--endpoint", "http://esws.i3sync-check.invalid/webservicesesws",
        "--i3-url", "http://i3.i3sync-check.invalid", "--timeout", "5",
    )  # fmt: skip
    assert result.returncode == 4
    assert "ESWS endpoint is plain http:// on another computer" in result.stderr
    assert "I3 address is plain http:// on another computer" in result.stderr
    assert "tls" not in statuses(result)  # http: there is no TLS step


class _TokenForAnyone(EswsLogic):
    """A broken ESWS that issues a token whatever it is sent."""

    def get_total_sync_token(self, company_id: str, admin: str, password: str) -> str:
        return "tok3nTOK3Ntok3nTOK3Ntok3n"


def test_a_token_is_a_failure_and_never_printed() -> None:
    sim = Simulator(_TokenForAnyone()).start()
    try:
        result = check("--endpoint", sim.esws_endpoint, "--i3-url", sim.url)
        as_json = check("--endpoint", sim.esws_endpoint, "--i3-url", sim.url, "--json")
    finally:
        sim.stop()
    assert result.returncode == 4 and as_json.returncode == 4
    for output in (result, as_json):
        assert "tok3nTOK3N" not in output.stdout + output.stderr
        assert_no_secret(output)
    assert "issued a token although no security code was sent (not shown)" in result.stdout


def test_the_whole_check_is_bounded_by_the_timeout() -> None:
    with silent_server() as url:
        result, seconds = timed(
            lambda: check("--endpoint", url + "/esws", "--i3-url", url, "--timeout", "1")
        )
    assert result.returncode == 4
    assert statuses(result)["esws"] == "FAIL"
    # One deadline for every step: esws used it up, i3 had no time left.
    assert statuses(result)["i3"] == "skip"
    assert seconds < 2.5


# Raw bytes of a reason phrase: ESC sequences, BEL, NEL (C1) and a bidi override in UTF-8 (read
# back as Latin-1 by http.client, its middle byte is a C1 control).
EVIL = "\x1b[2J\x1b]0;pwned\x07Moved\x85FAIL esws  forged\u202e".encode()


@contextmanager
def hostile_i3(location: bytes) -> Iterator[str]:
    """Answers 302 with a reason phrase full of control characters, and ``location``."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.wfile.write(b"HTTP/1.0 302 " + EVIL + b"\r\n")
            self.wfile.write(b"Location: " + location + b"\r\n")
            self.wfile.write(b"Content-Length: 0\r\n\r\n")

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02})
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize(
    ("location", "shown"),
    [
        (b"https://evil.example/x\x1b[31m\x07y", ", redirecting to https://evil.example"),
        # requests parses a Location even when not following it: "[" made it a ValueError.
        (b"https://evil.example\x1b[31m\x07/x[", ""),
    ],
)
def test_server_text_is_one_plain_line(simulator: Simulator, location: bytes, shown: str) -> None:
    with hostile_i3(location) as url:
        result = check("--endpoint", simulator.esws_endpoint, "--i3-url", url)
    assert result.returncode == 0, result
    lines = result.stdout.splitlines()
    assert len(lines) == 5
    i3 = lines[-1]
    assert i3.startswith("ok   i3  I3 answered HTTP 302")
    assert ("redirecting to" in i3) == bool(shown) and shown in i3
    assert not any(
        (ord(ch) < 0x20 and ch != "\n") or 0x7F <= ord(ch) <= 0x9F for ch in result.stdout
    )
    assert "\u202e" not in result.stdout
