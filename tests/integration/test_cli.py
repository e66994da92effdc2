"""``i3sync`` as scripts run it: stdout, exit codes, no secrets, no tracebacks.

Most cases run :func:`desktop.cli.main` in this process; the ones marked ``in_process=False`` start
a real ``python -m desktop``, as a script does.
"""

from __future__ import annotations

import re
import socket
import time
from collections.abc import Iterator

import pytest

from desktop.esws.refusals import REFUSALS
from desktop.simulator.esws_logic import DEMO_ADMIN, DEMO_COMPANY_ID, DEMO_PASSWORD
from desktop.simulator.server import Simulator, nusoap_response
from tests.cli_runner import CliResult, run_in_process, run_subprocess
from tests.fault_servers import canned_server, closed_port_url, dripping_server, silent_server

TOKEN_URL = re.compile(r"^(?P<base>.+)/users/(?P<path>\w+)/(?P<token>[0-9a-f]{128})\n$")


@pytest.fixture(scope="module")
def simulator() -> Iterator[Simulator]:
    with Simulator() as sim:
        yield sim


def one_user(simulator: Simulator) -> list[str]:
    return ["url", "one", "--endpoint", simulator.esws_endpoint, "--admin", DEMO_ADMIN]


def all_users(simulator: Simulator) -> list[str]:
    return ["url", "total", "--endpoint", simulator.esws_endpoint, "--admin", DEMO_ADMIN]


def run(
    args: list[str],
    env: dict[str, str],
    *,
    secrets: bool = True,
    in_process: bool = True,
) -> CliResult:
    env = dict(env)
    if secrets:
        env.setdefault("I3SYNC_COMPANY_ID", DEMO_COMPANY_ID)
        env.setdefault("I3SYNC_PASSWORD", DEMO_PASSWORD)
    result = run_in_process(args, env) if in_process else run_subprocess(args, env)
    output = result.stdout + result.stderr
    assert "Traceback" not in output
    assert DEMO_COMPANY_ID not in output
    assert DEMO_PASSWORD not in output
    return result


def test_one_user_prints_exactly_the_sync_url(
    simulator: Simulator, subprocess_env: dict[str, str]
) -> None:
    result = run(
        [*one_user(simulator), "--user", "42", "--location", "3", "--i3-url", simulator.url],
        subprocess_env,
        in_process=False,
    )
    assert result.returncode == 0, result.stderr
    match = TOKEN_URL.match(result.stdout)
    assert match, result.stdout
    assert match["base"] == simulator.url
    assert match["path"] == "oneSyncUserLogin"
    assert result.stderr == ""
    assert simulator.calls[-1][1]["p_locationID"] == "3"


def test_total_prints_the_total_sync_url_on_the_vendor_host_by_default(
    simulator: Simulator, subprocess_env: dict[str, str]
) -> None:
    result = run(
        ["url", "total", "--endpoint", simulator.esws_endpoint, "--admin", DEMO_ADMIN],
        subprocess_env,
    )
    assert result.returncode == 0, result.stderr
    match = TOKEN_URL.match(result.stdout)
    assert match and match["base"] == "https://i3.identysoft.com"
    assert match["path"] == "totalSyncUsersLogin"


def test_server_wsdl_can_be_used(simulator: Simulator, subprocess_env: dict[str, str]) -> None:
    result = run(
        [*all_users(simulator), "--wsdl", simulator.esws_endpoint + "?wsdl"],
        subprocess_env,
    )
    assert result.returncode == 0, result.stderr


def test_wrong_password_exits_3_with_the_vendor_code(
    simulator: Simulator, subprocess_env: dict[str, str]
) -> None:
    env = dict(subprocess_env, I3SYNC_PASSWORD="wrong-password")
    result = run(
        [
            "url",
            "one",
            "--endpoint",
            simulator.esws_endpoint,
            "--admin",
            DEMO_ADMIN,
            "--user",
            "42",
        ],
        env,
    )
    assert result.returncode == 3
    assert result.stdout == ""
    assert result.stderr.startswith("NO ADMIN FOUND BASED ON USERNAME AND PASSWORD: ")
    assert "wrong-password" not in result.stderr


@pytest.mark.parametrize("code", list(REFUSALS))
def test_every_vendor_refusal_exits_3_with_its_code(
    code: str, subprocess_env: dict[str, str]
) -> None:
    with canned_server(200, "text/xml", nusoap_response("Esws.getSyncToken", code)) as url:
        result = run(
            ["url", "one", "--endpoint", url + "/esws", "--admin", "a", "--user", "1"],
            subprocess_env,
        )
    assert result.returncode == 3
    assert result.stderr.startswith(code + ": ")
    assert result.stdout == ""


@pytest.mark.parametrize(
    "text", ["ERROR_SOMETHING_NEW", "INTERNAL_SERVER_ERROR", "error_unknown_security_hash"]
)
def test_an_unknown_error_string_exits_3_never_a_url(
    text: str, subprocess_env: dict[str, str]
) -> None:
    with canned_server(200, "text/xml", nusoap_response("Esws.getSyncToken", text)) as url:
        result = run(
            ["url", "one", "--endpoint", url + "/esws", "--admin", "a", "--user", "1"],
            subprocess_env,
        )
    assert result.returncode == 3
    assert result.stdout == ""
    assert result.stderr.startswith(text + ": ")
    assert "http" not in result.stderr.splitlines()[0].split(": ", 1)[0]


def test_a_reply_cut_inside_the_token_exits_4_not_well_formed(
    subprocess_env: dict[str, str],
) -> None:
    token = "0123456789abcdef" * 8
    whole = nusoap_response("Esws.getSyncToken", token)
    cut = whole[: whole.index(token.encode()) + 40]
    with canned_server(200, "text/xml", cut) as url:
        result = run(
            ["url", "one", "--endpoint", url + "/esws", "--admin", "a", "--user", "1"],
            subprocess_env,
        )
    assert result.returncode == 4
    assert result.stdout == ""
    assert "reply is not well-formed" in result.stderr


def test_unknown_user_through_the_simulator(
    simulator: Simulator, subprocess_env: dict[str, str]
) -> None:
    result = run(
        [*one_user(simulator), "--user", "99999"],
        subprocess_env,
    )
    assert result.returncode == 3
    assert result.stderr.startswith("NO USER FOUND BASED ON THE ID PROVIDED: ")


@pytest.mark.parametrize(
    ("args", "env_change", "field"),
    [
        (["--location", "0"], {}, "location id"),
        (["--location", "north"], {}, "location id"),
        ([], {"I3SYNC_COMPANY_ID": "too-short"}, "security code"),
        ([], {"I3SYNC_PASSWORD": ""}, "password"),
        (["--i3-url", "ftp://x"], {}, "I3 address"),
    ],
)
def test_invalid_input_exits_2_naming_the_field(
    args: list[str], env_change: dict[str, str], field: str, subprocess_env: dict[str, str]
) -> None:
    env = dict(subprocess_env, **env_change)
    result = run(
        ["url", "one", "--endpoint", closed_port_url(), "--admin", "a", "--user", "1", *args], env
    )
    assert result.returncode == 2
    assert field in result.stderr
    assert result.stdout == ""


def test_missing_secrets_without_a_terminal_exit_2(subprocess_env: dict[str, str]) -> None:
    result = run(
        ["url", "total", "--endpoint", closed_port_url(), "--admin", "a"],
        subprocess_env,
        secrets=False,
    )
    assert result.returncode == 2
    assert "I3SYNC_COMPANY_ID" in result.stderr


def test_secrets_are_not_accepted_as_arguments(subprocess_env: dict[str, str]) -> None:
    result = run(
        ["url", "total", "--endpoint", "http://x", "--admin", "a", "--password", "pw"],
        subprocess_env,
    )
    assert result.returncode == 2
    assert "unrecognized arguments: --password" in result.stderr


def test_stopped_server_exits_4_naming_the_endpoint(subprocess_env: dict[str, str]) -> None:
    endpoint = closed_port_url() + "/webservicesesws"
    result = run(
        ["url", "total", "--endpoint", endpoint, "--admin", "a"], subprocess_env, in_process=False
    )
    assert result.returncode == 4
    assert endpoint in result.stderr
    assert "connection refused" in result.stderr


def test_hanging_server_exits_4_within_the_timeout(subprocess_env: dict[str, str]) -> None:
    with silent_server() as url:
        start = time.monotonic()
        result = run(
            ["url", "total", "--endpoint", url + "/esws", "--admin", "a", "--timeout", "1"],
            subprocess_env,
            in_process=False,
        )
        elapsed = time.monotonic() - start
    assert result.returncode == 4
    assert "no answer within the timeout" in result.stderr
    assert elapsed < 1 + 5  # the timeout, plus interpreter start-up


def test_a_dripping_server_exits_4_within_the_timeout(subprocess_env: dict[str, str]) -> None:
    # One byte every 0.3 s: never silent long enough for a per-read timeout, so only a deadline
    # over the whole exchange ends it.
    reply = nusoap_response("Esws.getTotalSyncToken", "0123456789abcdef" * 8)
    with dripping_server(reply) as url:
        start = time.monotonic()
        result = run(
            ["url", "total", "--endpoint", url + "/esws", "--admin", "a", "--timeout", "2"],
            subprocess_env,
        )
        elapsed = time.monotonic() - start
    assert result.returncode == 4
    assert "no answer within the timeout" in result.stderr
    assert result.stdout == ""
    assert elapsed < 2 + 1


def test_plain_http_to_another_computer_warns_after_the_outcome(
    subprocess_env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # No name server may be asked from tests: the resolver's "no such host" is simulated, so the
    # remote endpoint fails at once and nothing leaves this computer.
    real = socket.getaddrinfo

    def no_such_host(host: object, *args: object, **kwargs: object) -> object:
        if host == "esws.example.invalid":
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return real(host, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "getaddrinfo", no_such_host)
    endpoint = "http://esws.example.invalid/webservicesesws"
    result = run(["url", "total", "--endpoint", endpoint, "--admin", "a"], subprocess_env)
    assert result.returncode == 4
    lines = result.stderr.splitlines()
    assert lines[0].startswith(f"i3sync: could not talk to {endpoint}")
    assert lines[1].startswith("warning: the ESWS endpoint is plain http://")
    assert "unencrypted" in lines[1]


def test_plain_http_i3_address_warns_and_still_prints_the_url(
    simulator: Simulator, subprocess_env: dict[str, str]
) -> None:
    result = run([*all_users(simulator), "--i3-url", "http://i3.example.com"], subprocess_env)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("http://i3.example.com/users/")
    assert result.stderr.startswith("warning: the I3 address is plain http://")
    assert "ESWS endpoint" not in result.stderr  # the simulator is on this computer


def test_non_latin1_values_warn_but_are_sent(
    simulator: Simulator, subprocess_env: dict[str, str]
) -> None:
    result = run(
        ["url", "total", "--endpoint", simulator.esws_endpoint, "--admin", "Ștefan"],
        subprocess_env,
    )
    assert result.returncode == 3  # no such admin in the demo company
    first, *rest = result.stderr.splitlines()
    assert first.startswith("NO ADMIN FOUND")
    assert any("admin username" in line and "U+00FF" in line for line in rest)


@pytest.mark.parametrize(
    "args",
    [[], ["url"], ["url", "one"], ["url", "total"], ["open"], ["open", "one"], ["open", "total"]],
)
def test_help_on_every_level(args: list[str], subprocess_env: dict[str, str]) -> None:
    result = run([*args, "--help"], subprocess_env)
    assert result.returncode == 0
    assert result.stdout.startswith("usage: i3sync")


def test_version(subprocess_env: dict[str, str]) -> None:
    from desktop import __version__

    result = run(["--version"], subprocess_env, in_process=False)
    assert result.returncode == 0
    assert result.stdout == f"i3sync {__version__}\n"
