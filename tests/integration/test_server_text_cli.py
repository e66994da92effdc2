"""Hostile server text on loopback never forges the terminal: one plain line on stderr."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from desktop.simulator.esws_logic import DEMO_COMPANY_ID, DEMO_PASSWORD
from tests.cli_runner import CliResult, run_in_process
from tests.fault_servers import canned_server

ESWS_SECRETS = {"I3SYNC_COMPANY_ID": DEMO_COMPANY_ID, "I3SYNC_PASSWORD": DEMO_PASSWORD}
EVIL_REASON = "\x1b[2J\x1b]0;pwned\x07Bad\x1b[31m Gateway"

SOAP_FAULT = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<SOAP-ENV:Envelope xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/">'
    b"<SOAP-ENV:Body><SOAP-ENV:Fault><faultcode>SOAP-ENV:Server</faultcode>"
    b"<faultstring>oops&#10;ERROR_UNKNOWN_SECURITY_HASH: forged&#13;&#x202E;&#x85;</faultstring>"
    b"</SOAP-ENV:Fault></SOAP-ENV:Body></SOAP-ENV:Envelope>"
)


@contextmanager
def reason_server(reason: str) -> Iterator[str]:
    """Answers every request 502 with ``reason`` as the HTTP reason phrase."""

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            self.send_response(502, reason)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
    )
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def assert_one_plain_line(result: CliResult) -> None:
    assert "Traceback" not in result.stderr
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, lines
    assert result.stderr.endswith("\n") and result.stderr.count("\n") == 1
    assert not any(ch < " " or 0x7F <= ord(ch) <= 0x9F for ch in lines[0])
    assert DEMO_COMPANY_ID not in result.stderr and DEMO_PASSWORD not in result.stderr


def test_an_esws_reason_phrase_with_escape_sequences(subprocess_env: dict[str, str]) -> None:
    with reason_server(EVIL_REASON) as url:
        result = run_in_process(
            ["url", "total", "--endpoint", url + "/esws", "--admin", "a", "--timeout", "5"],
            dict(subprocess_env, **ESWS_SECRETS),
        )
    assert result.returncode == 4
    assert_one_plain_line(result)
    assert "HTTP 502" in result.stderr and "Bad [31m Gateway" in result.stderr


def test_a_faultstring_with_a_newline_forges_no_second_line(subprocess_env: dict[str, str]) -> None:
    with canned_server(500, "text/xml; charset=utf-8", SOAP_FAULT) as url:
        result = run_in_process(
            ["url", "total", "--endpoint", url + "/esws", "--admin", "a", "--timeout", "5"],
            dict(subprocess_env, **ESWS_SECRETS),
        )
    assert result.returncode == 4
    assert_one_plain_line(result)
    assert result.stderr.startswith("i3sync: could not talk to")
    assert not any(line.startswith("ERROR_") for line in result.stderr.splitlines())
    assert "oops ERROR_UNKNOWN_SECURITY_HASH: forged" in result.stderr


def test_a_crm_code_holding_markup_is_one_plain_line(subprocess_env: dict[str, str]) -> None:
    code = '<a href="https://evil.example/">Renew\nhere</a>'
    body = json.dumps(
        {"status": {"code": code, "message": "m\x1b[8m", "description": "d\u202e"}}
    ).encode()
    with canned_server(200, "application/json", body) as url:
        result = run_in_process(
            ["crm", "token", "--url", url + "/v2", "--organisation", "o", "--username", "u"],
            dict(subprocess_env, I3SYNC_CRM_PASSWORD="crm-secret"),
        )
    assert result.returncode == 3
    assert_one_plain_line(result)
    assert result.stderr.startswith('<a href="https://evil.example/">Renew here</a>: m [8m')
    assert "\u202e" not in result.stderr and "crm-secret" not in result.stderr
