"""Bad input on the command line: exit 2 naming the field, before any network, no traceback.

Every address points at a closed loopback port: reaching the network would be exit 4.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import desktop.esws.cli
import desktop.esws.links
from desktop.simulator.esws_logic import DEMO_COMPANY_ID, DEMO_PASSWORD
from tests.cli_runner import run_in_process
from tests.fault_servers import closed_port_url

SECRETS = {"I3SYNC_COMPANY_ID": DEMO_COMPANY_ID, "I3SYNC_PASSWORD": DEMO_PASSWORD}


def esws(*extra: str, endpoint: str = "") -> list[str]:
    endpoint = endpoint or closed_port_url() + "/esws"
    return ["url", "one", "--endpoint", endpoint, "--admin", "a", "--user", "1", *extra]


@pytest.mark.parametrize(
    ("args", "env_change", "field"),
    [
        (esws(endpoint="http://[::1"), {}, "ESWS endpoint"),
        (esws("--i3-url", "https://["), {}, "I3 address"),
        (esws("--user", "4\x1b[2J2"), {}, "user id"),
        (esws("--admin", "hr\nERROR_FORGED: admin"), {}, "admin username"),
        (esws("--admin", "hr\u202eadmin"), {}, "admin username"),
        (esws("--user", "4\udcff2"), {}, "user id"),  # a non-UTF-8 byte in argv
        (esws("--location", "9" * 5000), {}, "location id"),
        (esws(), {"I3SYNC_PASSWORD": "zq\udcffpw"}, "password"),
        (["--debug", *esws()], {"I3SYNC_PASSWORD": "zq\udcffpw"}, "password"),
        (esws(), {"I3SYNC_COMPANY_ID": DEMO_COMPANY_ID[:31] + "\x1b"}, "security code"),
        (
            ["crm", "token", "--url", "http://[::1/v2", "--organisation", "o", "--username", "u"],
            {"I3SYNC_CRM_PASSWORD": "pw-crm"},
            "CRM.COM address",
        ),
        (
            [
                "crm",
                "token",
                "--url",
                closed_port_url(),
                "--organisation",
                "o\x1b",
                "--username",
                "u",
            ],
            {"I3SYNC_CRM_PASSWORD": "pw-crm"},
            "organisation",
        ),
        (
            ["crm", "token", "--url", closed_port_url(), "--organisation", "o", "--username", "u"],
            {"I3SYNC_CRM_PASSWORD": "zq\udcff-crm"},
            "password",
        ),
    ],
)
def test_bad_input_exits_2_naming_the_field_before_any_network(
    args: list[str], env_change: dict[str, str], field: str, subprocess_env: dict[str, str]
) -> None:
    result = run_in_process(args, {**subprocess_env, **SECRETS, **env_change})
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith(f"i3sync: invalid {field}: ")
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr and result.stdout == ""
    for secret in (DEMO_PASSWORD, DEMO_COMPANY_ID, "pw-crm", "zq", "ERROR_FORGED", "5000"):
        assert secret not in result.stderr


def test_a_bug_is_one_line_and_exit_1_with_the_traceback_in_the_log_only(
    monkeypatch: pytest.MonkeyPatch, subprocess_env: dict[str, str], isolated_user_folders: Path
) -> None:
    def broken(*args: object) -> int:
        raise ValueError("boom zq-typed-value")

    monkeypatch.setattr(desktop.esws.cli, "run_url", broken)
    monkeypatch.setattr(desktop.esws.links, "parse_link", broken)
    for args in (esws(), ["i3sync://sync/total?profile=Acme"]):
        result = run_in_process(args, {**subprocess_env, **SECRETS})
        assert result.returncode == 1
        assert result.stderr == (
            "i3sync: internal error (ValueError); the details are in the log file\n"
        )
    logs = "".join(p.read_text("utf-8") for p in isolated_user_folders.rglob("i3sync.log"))
    assert "Traceback" in logs and "i3sync failed unexpectedly" in logs
