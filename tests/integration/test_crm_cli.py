"""``i3sync crm token`` as scripts run it: stdout is the token, exit codes, no secret anywhere but
the token on stdout, nothing written to disk. In this process, but for one real subprocess."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest

from desktop.simulator.crm import (
    DEMO_CRM_AUTH_CODE,
    DEMO_CRM_IDENTIFIER,
    DEMO_CRM_ORGANISATION,
    DEMO_CRM_OTHER_UNIT,
    DEMO_CRM_PASS_CODE,
    DEMO_CRM_PASSWORD,
    DEMO_CRM_USERNAME,
    CrmFault,
    CrmSimulator,
)
from tests.cli_runner import CliResult, run_in_process, run_subprocess
from tests.fault_servers import canned_server, closed_port_url, silent_server

SECRET_ENVS = ("I3SYNC_CRM_PASSWORD", "I3SYNC_CRM_PASS_CODE", "I3SYNC_CRM_AUTH_CODE")
SECRETS = (DEMO_CRM_PASSWORD, DEMO_CRM_PASS_CODE, DEMO_CRM_AUTH_CODE, "wrong-pass-code-1")


@pytest.fixture
def crm(crm_server: CrmSimulator) -> CrmSimulator:
    crm_server.reset()
    return crm_server


@pytest.fixture
def env(subprocess_env: dict[str, str]) -> dict[str, str]:
    clean = dict(subprocess_env)
    for name in SECRET_ENVS:
        clean.pop(name, None)
    return clean


def run(args: list[str], env: dict[str, str], **secrets: str) -> CliResult:
    result = run_in_process(["crm", "token", *args], {**env, **secrets})
    assert "Traceback" not in result.stderr
    for secret in SECRETS:
        assert secret not in result.stdout and secret not in result.stderr
    return result


def base(crm: CrmSimulator, *extra: str) -> list[str]:
    return ["--url", crm.base_url, "--organisation", DEMO_CRM_ORGANISATION, *extra]


def assert_token_only(result: CliResult, crm: CrmSimulator) -> str:
    assert result.returncode == 0, result.stderr
    assert result.stdout.endswith("\n") and result.stdout.count("\n") == 1
    token = result.stdout[:-1]
    assert crm.session_for(token) is not None  # the very token the server issued
    assert token not in result.stderr
    return token


def test_username_and_password(crm: CrmSimulator, env: dict[str, str]) -> None:
    result = run(
        base(crm, "--username", DEMO_CRM_USERNAME), env, I3SYNC_CRM_PASSWORD=DEMO_CRM_PASSWORD
    )
    assert_token_only(result, crm)
    assert result.stderr == ""


def test_identifier_and_pass_code(crm: CrmSimulator, env: dict[str, str]) -> None:
    result = run(
        base(crm, "--identifier", DEMO_CRM_IDENTIFIER), env, I3SYNC_CRM_PASS_CODE=DEMO_CRM_PASS_CODE
    )
    assert_token_only(result, crm)


def test_authentication_code_and_unit(crm: CrmSimulator, env: dict[str, str]) -> None:
    result = run(
        base(crm, "--authentication-code", "--unit", DEMO_CRM_OTHER_UNIT),
        env,
        I3SYNC_CRM_AUTH_CODE=DEMO_CRM_AUTH_CODE,
    )
    session = crm.session_for(assert_token_only(result, crm))
    assert session is not None and session.unit == DEMO_CRM_OTHER_UNIT


def test_a_wrong_pass_code_exits_3_with_the_status_code_first(
    crm: CrmSimulator, env: dict[str, str]
) -> None:
    result = run(
        base(crm, "--identifier", DEMO_CRM_IDENTIFIER),
        env,
        I3SYNC_CRM_PASS_CODE="wrong-pass-code-1",
    )
    assert result.returncode == 3
    assert result.stdout == ""
    assert result.stderr.startswith("INVALID_ACCESS_TOKEN: ")
    assert result.stderr.count("\n") == 1


def test_an_unknown_organisation_exits_3(crm: CrmSimulator, env: dict[str, str]) -> None:
    args = ["--url", crm.base_url, "--organisation", "NOSUCHORG", "--authentication-code"]
    result = run(args, env, I3SYNC_CRM_AUTH_CODE=DEMO_CRM_AUTH_CODE)
    assert result.returncode == 3
    assert result.stderr.startswith("ORGANISATION_NOT_FOUND: ")


def test_a_missing_secret_exits_2_before_anything_is_sent(
    crm: CrmSimulator, env: dict[str, str]
) -> None:
    result = run(base(crm, "--username", DEMO_CRM_USERNAME), env)
    assert result.returncode == 2
    assert "I3SYNC_CRM_PASSWORD" in result.stderr
    assert crm.calls == []


@pytest.mark.parametrize(
    ("args", "in_stderr"),
    [
        (["--url", "crm.example.com", "--organisation", "O", "--authentication-code"], "address"),
        (
            ["--url", "http://127.0.0.1:9/crm", "--organisation", " ", "--authentication-code"],
            "organisation",
        ),
        (
            ["--url", "http://127.0.0.1:9/crm", "--organisation", "O", "--identifier", ""],
            "identifier",
        ),
        (["--url", "http://127.0.0.1:9/crm", "--organisation", "O"], "one of the arguments"),
        (
            [
                "--url",
                "http://x/crm",
                "--organisation",
                "O",
                "--username",
                "u",
                "--identifier",
                "i",
            ],
            "not allowed with",
        ),
        (
            ["--url", "http://x/crm", "--organisation", "O", "--username", "u", "--password", "p"],
            "unrecognized arguments",
        ),
    ],
)
def test_invalid_input_exits_2_before_any_secret_is_asked(
    args: list[str], in_stderr: str, env: dict[str, str]
) -> None:
    # No secret in the environment: had it been asked for, the message would name the variable.
    result = run(args, env)
    assert result.returncode == 2
    assert in_stderr in result.stderr
    assert "I3SYNC_CRM_" not in result.stderr
    assert result.stdout == ""


def test_transport_failures_exit_4(crm: CrmSimulator, env: dict[str, str]) -> None:
    args = ["--organisation", "O", "--authentication-code"]
    refused = run(["--url", closed_port_url() + "/crm", *args], env, I3SYNC_CRM_AUTH_CODE="c0de")
    assert refused.returncode == 4
    assert "connection refused" in refused.stderr
    with silent_server() as url:
        hung = run(
            ["--url", url + "/crm", "--timeout", "0.5", *args], env, I3SYNC_CRM_AUTH_CODE="c0de"
        )
    assert hung.returncode == 4
    assert "no answer within the timeout" in hung.stderr
    crm.fault = CrmFault.BAD_GATEWAY
    gateway = run(base(crm, "--authentication-code"), env, I3SYNC_CRM_AUTH_CODE=DEMO_CRM_AUTH_CODE)
    assert gateway.returncode == 4
    assert "HTTP 502" in gateway.stderr and "nginx" not in gateway.stderr
    assert refused.stdout == hung.stdout == gateway.stdout == ""


def test_no_token_or_secret_on_disk_after_a_debug_run(
    crm: CrmSimulator, env: dict[str, str], isolated_user_folders: Path
) -> None:
    result = run(
        base(crm, "--username", DEMO_CRM_USERNAME), env, I3SYNC_CRM_PASSWORD=DEMO_CRM_PASSWORD
    )
    token = assert_token_only(result, crm)
    # As scripts start it: a real process, with the debug log on stderr.
    debug = run_subprocess(
        ["--debug", "crm", "token", *base(crm, "--username", DEMO_CRM_USERNAME)],
        {**env, "I3SYNC_CRM_PASSWORD": DEMO_CRM_PASSWORD},
    )
    debug_token = assert_token_only(debug, crm)
    assert "authentication/token" in debug.stderr  # the debug log is on stderr, redacted
    assert DEMO_CRM_PASSWORD not in debug.stderr
    files = [p for p in isolated_user_folders.rglob("*") if p.is_file()]
    assert any(p.name.endswith(".log") for p in files)  # the log file exists ...
    for path in files:
        content = path.read_bytes()
        for secret in (token, debug_token, DEMO_CRM_PASSWORD):
            assert secret.encode() not in content, path  # ... and holds no secret


def test_a_deeply_nested_reply_exits_4(env: dict[str, str]) -> None:
    body = b"[" * 200_000 + b"]" * 200_000
    with canned_server(200, "application/json", body) as url:
        result = run(
            ["--url", url + "/v2", "--organisation", "o", "--username", "u"],
            env,
            I3SYNC_CRM_PASSWORD=DEMO_CRM_PASSWORD,
        )
    assert result.returncode == 4
    assert result.stderr.startswith("i3sync: could not talk to")
    assert "not JSON" in result.stderr


@pytest.mark.parametrize("exp", [b"9" * 400, b"1e308", b"-" + b"9" * 400])
def test_a_token_whose_exp_overflows_is_still_printed(exp: bytes, env: dict[str, str]) -> None:
    payload = base64.urlsafe_b64encode(b'{"exp": ' + exp + b"}").rstrip(b"=").decode()
    token = "eyJhbGciOiJIUzI1NiJ9." + payload + ".c2lnbmF0dXJl"
    body = json.dumps({"status": {"code": "OK"}, "data": {"token": token}}).encode()
    with canned_server(200, "application/json", body) as url:
        result = run(
            ["--url", url + "/v2", "--organisation", "o", "--username", "u"],
            env,
            I3SYNC_CRM_PASSWORD=DEMO_CRM_PASSWORD,
        )
    assert result.returncode == 0, result.stderr
    assert result.stdout == token + "\n"
