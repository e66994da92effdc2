"""``i3sync url`` records each token request in the sync history, unless --no-history."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.core.history import Outcome, Source
from desktop.core.history_store import HistoryStore
from desktop.simulator.esws_logic import DEMO_ADMIN, DEMO_COMPANY_ID, DEMO_PASSWORD
from desktop.simulator.server import Simulator
from tests.cli_runner import run_in_process


@pytest.fixture(scope="module")
def simulator() -> Iterator[Simulator]:
    with Simulator() as sim:
        yield sim


def url(simulator: Simulator, env: dict[str, str], *extra: str, password: str = DEMO_PASSWORD):
    env = {**env, "I3SYNC_COMPANY_ID": DEMO_COMPANY_ID, "I3SYNC_PASSWORD": password}
    args = ["url", "one", "--endpoint", simulator.esws_endpoint, "--admin", DEMO_ADMIN]
    return run_in_process([*args, "--user", "1001", "--location", "4", *extra], env)


def test_url_records_ok_and_refused_without_a_secret(
    simulator: Simulator, subprocess_env: dict[str, str], tmp_path: Path
) -> None:
    env = {**subprocess_env, "I3SYNC_DATA_DIR": str(tmp_path / "data")}
    ok = url(simulator, env)
    refused = url(simulator, env, password="Wrong-Pa55")
    assert (ok.returncode, refused.returncode) == (0, 3)
    entries = HistoryStore(tmp_path / "data" / "history.sqlite3").entries()
    assert [(e.outcome, e.source, e.user_id, e.location_id) for e in entries] == [
        (Outcome.REFUSED, Source.COMMAND_LINE, "1001", 4),
        (Outcome.OK, Source.COMMAND_LINE, "1001", 4),
    ]
    assert entries[0].code == "NO ADMIN FOUND BASED ON USERNAME AND PASSWORD"
    assert entries[1].profile == f"127.0.0.1:{simulator.port}"
    token = ok.stdout.strip().rsplit("/", 1)[1]
    blob = b"".join(p.read_bytes() for p in (tmp_path / "data").iterdir())
    for secret in (DEMO_COMPANY_ID, DEMO_PASSWORD, "Wrong-Pa55", token):
        assert secret.encode() not in blob
    listed = run_in_process(["history", "--user", "1001"], env)
    assert listed.returncode == 0 and len(listed.stdout.splitlines()) == 3


def test_no_history_records_nothing(
    simulator: Simulator, subprocess_env: dict[str, str], tmp_path: Path
) -> None:
    env = {**subprocess_env, "I3SYNC_DATA_DIR": str(tmp_path / "data")}
    assert url(simulator, env, "--no-history").returncode == 0
    assert not (tmp_path / "data").exists()


def test_an_unwritable_history_is_a_warning_not_a_failure(
    simulator: Simulator, subprocess_env: dict[str, str], tmp_path: Path
) -> None:
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "history.sqlite3").write_bytes(b"garbage" * 1000)
    env = {**subprocess_env, "I3SYNC_DATA_DIR": str(tmp_path / "data")}
    result = url(simulator, env)
    assert result.returncode == 0 and result.stdout.startswith("http")
    assert "warning: the sync history was not recorded: history file " in result.stderr
    assert "Traceback" not in result.stderr
