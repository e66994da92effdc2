"""``i3sync history`` and the recording of real token requests (no secret ever on disk).

Until ``desktop/cli.py`` registers ``history``, the command runs through a parser holding only
it (the same ``add_history_command``); once registered, through ``desktop.cli.main`` itself.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.errors import I3SyncError, InputError
from desktop.core.history import HistoryFilter, Kind, Outcome, Source
from desktop.core.history_export import HEADER
from desktop.core.history_store import HistoryStore
from desktop.core.http import Timeouts
from desktop.core.redaction import forget_secrets
from desktop.esws.client import EswsClient
from desktop.esws.history import AttemptRecorder, history_label, message_for_entry
from desktop.esws.history_cli import add_history_command
from desktop.esws.request import SyncKind, build_request
from desktop.simulator.esws_logic import DEMO_ADMIN, DEMO_COMPANY_ID, DEMO_PASSWORD
from desktop.simulator.server import Simulator, nusoap_response
from tests.cli_runner import CliResult, run_in_process
from tests.conftest import REPO_ROOT
from tests.fault_servers import canned_server, closed_port_url


def _registered() -> bool:
    from desktop.cli import build_parser

    for action in build_parser()._actions:
        if isinstance(action, argparse._SubParsersAction):
            return "history" in action.choices
    return False


def history(args: list[str]) -> CliResult:
    """``i3sync history ARGS`` in this process, as scripts run it."""
    import os

    if _registered():
        result = run_in_process(["history", *args], dict(os.environ))
    else:
        parser = argparse.ArgumentParser(prog="i3sync")
        add_history_command(parser.add_subparsers(dest="command"))
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                namespace = parser.parse_args(["history", *args])
                code = namespace.handler(namespace)
            except SystemExit as done:
                code = done.code if isinstance(done.code, int) else 1
            except I3SyncError as error:  # as desktop.cli.main does
                from desktop.core.reporting import exit_code_for, message_for

                print(message_for(error), file=sys.stderr)
                code = exit_code_for(error)
        result = CliResult(code, out.getvalue(), err.getvalue())
    assert "Traceback" not in result.stderr
    return result


NAMES = ("time (local)", "from", "profile", "kind", "user", "location")


def column(output: str, name: str) -> list[str]:
    """The cells of left-aligned column ``name`` (sliced at the header's offsets)."""
    header, *rows = output.splitlines()
    starts = [header.index(n) for n in NAMES] + [header.index("outcome")]
    at = NAMES.index(name)
    return [row[starts[at] : starts[at + 1]].strip() for row in rows if not row[0].isalpha()]


def fill(count: int, *, start: datetime | None = None, **fields: object) -> HistoryStore:
    """``count`` entries a minute apart, oldest first, in the default (isolated) history file."""
    moment = [start or datetime.now(UTC) - timedelta(minutes=count)]
    store = HistoryStore(clock=lambda: moment[0])
    for number in range(count):
        values: dict[str, object] = {
            "source": Source.COMMAND_LINE,
            "profile": "Head office",
            "kind": Kind.ONE,
            "user_id": f"u{number}",
            "location_id": None,
            "outcome": Outcome.OK,
            "code": "",
            "duration_ms": 100 + number,
        }
        values.update(fields)
        store.record(**values)  # type: ignore[arg-type]
        moment[0] += timedelta(minutes=1)
    return store


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data-dir"
    monkeypatch.setenv("I3SYNC_DATA_DIR", str(folder))
    return folder


# -- the table ------------------------------------------------------------------------------


def test_an_empty_history_says_so() -> None:
    result = history([])
    assert (result.returncode, result.stdout) == (0, "No entry in the sync history matches.\n")


def test_the_table_shows_50_newest_first_aligned_with_a_count() -> None:
    fill(60)
    result = history([])
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == [
        "time", "(local)", "from", "profile", "kind", "user", "location", "outcome", "code",
        "ms", "page",
    ]  # fmt: skip
    rows = lines[1:-1]
    assert len(rows) == 50
    assert column(result.stdout, "user")[:3] == ["u59", "u58", "u57"]
    assert column(result.stdout, "from")[:1] == ["command line"]
    assert rows[0].endswith("  159")  # right-aligned, and the empty page column trimmed
    assert len({row.index("one") for row in rows}) == 1  # columns line up
    assert lines[-1] == "50 of 60 matching entries, newest first; --limit N or --csv PATH for more."


def test_limit_profile_user_and_since_filter() -> None:
    old = datetime.combine(date.today() - timedelta(days=3), datetime.min.time()).astimezone()
    fill(3, start=old, profile="Zürich")
    fill(4, profile="Head office")
    assert len(history(["--limit", "2"]).stdout.splitlines()) == 1 + 2 + 1
    result = history(["--profile", "zÜRICH"])
    assert column(result.stdout, "profile") == ["Zürich"] * 3
    assert "u2" in history(["--user", "u2"]).stdout
    assert len(history(["--user", "u2"]).stdout.splitlines()) == 1 + 2  # one per profile
    since = (date.today() - timedelta(days=1)).isoformat()
    result = history(["--since", since])
    assert len(result.stdout.splitlines()) == 1 + 4 and "Zürich" not in result.stdout


@pytest.mark.parametrize(
    ("args", "field"),
    [
        (["--since", "2026-13-01"], "--since"),
        (["--since", "yesterday"], "--since"),
        (["--since", "20261201"], "--since"),
        (["--since", "2026-02-30"], "--since"),
        (["--limit", "0"], "--limit"),
        (["--limit", "-5"], "--limit"),
        (["--limit", "ten"], "--limit"),
        (["--limit", "٣"], "--limit"),
        (["--csv", ""], "--csv"),
    ],
)
def test_invalid_options_are_exit_2_naming_the_field(args: list[str], field: str) -> None:
    fill(1)
    result = history(args)
    assert result.returncode == 2
    assert field in result.stderr
    assert result.stdout == ""


def test_a_corrupt_history_file_is_exit_2_naming_it(data_dir: Path) -> None:
    data_dir.mkdir()
    path = data_dir / "history.sqlite3"
    path.write_bytes(b"\x00garbage" * 512)
    for args in ([], ["--csv", "-"]):
        result = history(args)
        assert result.returncode == 2
        assert str(path) in result.stderr and "move it aside" in result.stderr
        assert len(result.stderr.splitlines()) == 1


# -- CSV ------------------------------------------------------------------------------------


def test_csv_to_a_file_holds_every_matching_entry(tmp_path: Path) -> None:
    fill(70, profile='=HYPERLINK("http://evil")')
    target = tmp_path / "out" / "history.csv"
    target.parent.mkdir()
    result = history(["--csv", str(target)])
    assert result.returncode == 0
    assert result.stderr == f"70 entries written to {target}\n"
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfid,time_utc,")
    assert data.count(b"\r\n") == 71 and b"\r\r\n" not in data
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert tuple(rows[0]) == HEADER
    assert [r[HEADER.index("user_id")] for r in rows[1:3]] == ["u69", "u68"]
    assert {r[HEADER.index("profile")] for r in rows[1:]} == {'\'=HYPERLINK("http://evil")'}
    assert len(list(csv.reader(io.StringIO(history(["--csv", "-", "--limit", "5"]).stdout)))) == 6


@pytest.mark.parametrize("name", ["missing/h.csv", "bad\x00name.csv", "."])
def test_csv_that_cannot_be_written_is_exit_2(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    monkeypatch.chdir(tmp_path)
    fill(1)
    result = history(["--csv", name])
    assert result.returncode == 2
    assert result.stderr.startswith("i3sync: invalid --csv: cannot write ")
    assert "\x00" not in result.stderr and len(result.stderr.splitlines()) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data-dir", "home"]


# Builds the same parser as the in-process helper and runs it with real stdout bytes.
STDOUT_SCRIPT = """
import argparse, sys
from desktop.esws.history_cli import add_history_command
parser = argparse.ArgumentParser(prog="i3sync")
add_history_command(parser.add_subparsers(dest="command"))
args = parser.parse_args(["history", *sys.argv[1:]])
sys.exit(args.handler(args))
"""


def test_csv_to_stdout_is_utf8_with_bom_and_crlf_whatever_the_console(
    subprocess_env: dict[str, str], data_dir: Path
) -> None:
    fill(3, user_id="Jürgen")
    env = {**subprocess_env, "I3SYNC_DATA_DIR": str(data_dir), "PYTHONIOENCODING": "cp1252"}
    done = subprocess.run(
        [sys.executable, "-c", STDOUT_SCRIPT, "--csv", "-"],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(b"\xef\xbb\xbfid,")
    assert done.stdout.count(b"\r\n") == 4 and b"\r\r\n" not in done.stdout
    assert done.stdout.count("Jürgen".encode()) == 3


# -- recording real requests ----------------------------------------------------------------


@pytest.fixture
def simulator() -> Iterator[Simulator]:
    with Simulator() as sim:
        yield sim


def _request(password: str = DEMO_PASSWORD, user: str = "1001") -> object:
    return build_request(
        SyncKind.ONE_USER,
        company_id=DEMO_COMPANY_ID,
        admin_username=DEMO_ADMIN,
        admin_password=password,
        user_id=user,
        location="4",
    )


def _fetch(endpoint: str, store: HistoryStore, password: str = DEMO_PASSWORD) -> str | None:
    request = _request(password)
    client = EswsClient(endpoint, timeouts=Timeouts.total(5))
    recorder = AttemptRecorder(
        store,
        source=Source.COMMAND_LINE,
        request=request,  # type: ignore[arg-type]
        label=history_label(None, endpoint),
    )
    try:
        with recorder:
            return client.fetch_token(request)  # type: ignore[arg-type]
    except I3SyncError:
        return None
    finally:
        client.close()
        assert recorder.problem is None


def test_a_full_flow_leaves_no_secret_in_the_history_files(
    simulator: Simulator, data_dir: Path, tmp_path: Path
) -> None:
    forget_secrets()  # nothing registered: the recorder masks the request's own secrets
    store = HistoryStore()
    token = _fetch(simulator.esws_endpoint, store)
    assert token is not None and len(token) >= 32
    assert _fetch(simulator.esws_endpoint, store, password="Wrong-Pa55") is None
    echo = nusoap_response(
        "getSyncToken", f"ERROR wrong password {DEMO_PASSWORD} for {DEMO_COMPANY_ID}"
    )
    with canned_server(200, "text/xml; charset=ISO-8859-1", echo) as url:
        assert _fetch(url, store) is None
    assert _fetch(closed_port_url(), store) is None

    entries = store.entries()
    assert [(e.outcome, e.code) for e in entries] == [
        (Outcome.FAILED, "REFUSED"),
        (Outcome.REFUSED, "ERROR wrong password [redacted] for [redacted]"),
        (Outcome.REFUSED, "NO ADMIN FOUND BASED ON USERNAME AND PASSWORD"),
        (Outcome.OK, ""),
    ]
    assert entries[-1].profile == f"127.0.0.1:{simulator.port}"
    assert (entries[-1].user_id, entries[-1].location_id) == ("1001", 4)
    assert "does not know" in message_for_entry(entries[1])
    assert "do not match" in message_for_entry(entries[2])
    assert message_for_entry(entries[0]) == "Connection refused."
    assert store.set_page_loaded(entries[-1].id, True)
    target = tmp_path / "export.csv"
    assert history(["--csv", str(target)]).returncode == 0

    files = sorted(data_dir.iterdir())
    assert [f.name for f in files][:1] == ["history.sqlite3"]
    blob = b"".join(f.read_bytes() for f in [*files, target]) + history([]).stdout.encode()
    for secret in (DEMO_PASSWORD, DEMO_COMPANY_ID, token, "Wrong-Pa55"):
        for encoding in ("utf-8", "utf-16-le"):
            assert secret.encode(encoding) not in blob
        assert secret.casefold().encode() not in blob.lower()


def test_an_input_error_is_not_recorded_and_passes_through() -> None:
    store = HistoryStore()
    with (
        pytest.raises(InputError),
        AttemptRecorder(
            store,
            source=Source.WINDOW,
            request=_request(),
            label="Head office",  # type: ignore[arg-type]
        ),
    ):
        raise InputError("user id", "is empty")
    assert store.count() == 0


def test_an_unwritable_history_never_changes_the_sync_outcome(data_dir: Path) -> None:
    data_dir.mkdir()
    (data_dir / "history.sqlite3").write_bytes(b"garbage" * 1000)
    recorder = AttemptRecorder(
        HistoryStore(),
        source=Source.WINDOW,
        request=_request(),
        label="Head office",  # type: ignore[arg-type]
    )
    with recorder:
        pass
    assert recorder.entry_id is None
    [warning] = recorder.warnings()
    assert warning.startswith("warning: the sync history was not recorded: history file ")
    assert str(data_dir / "history.sqlite3") in warning
    assert (
        AttemptRecorder(None, source=Source.WINDOW, request=_request(), label="x").record(  # type: ignore[arg-type]
            None, 5
        )
        is None
    )


def test_the_window_records_and_marks_the_page() -> None:
    store = HistoryStore()
    recorder = AttemptRecorder(
        store,
        source=Source.WINDOW,
        request=_request(),
        label="Head office",  # type: ignore[arg-type]
    )
    entry_id = recorder.record(None, 250)
    assert entry_id is not None and store.set_page_loaded(entry_id, False)
    [entry] = store.entries(HistoryFilter(profile="head office"))
    assert (entry.source, entry.duration_ms, entry.page_loaded) == (Source.WINDOW, 250, False)


@pytest.mark.parametrize(
    ("profile", "endpoint", "label"),
    [
        ("Head office", "https://esws.example/", "Head office"),
        (None, "https://esws.example/esws/", "esws.example"),
        (None, "http://127.0.0.1:8080/esws", "127.0.0.1:8080"),
        (None, "https://[::1]:8443/esws", "[::1]:8443"),
        (None, "http://[::1", ""),
    ],
)
def test_history_label(profile: str | None, endpoint: str, label: str) -> None:
    assert history_label(profile, endpoint) == label


# -- fuzz -----------------------------------------------------------------------------------

_fuzz_text = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=12)
_option = st.one_of(
    st.tuples(st.just("--since"), st.one_of(_fuzz_text, st.just("2026-01-31"))),
    st.tuples(st.just("--limit"), st.one_of(_fuzz_text, st.just("3"))),
    st.tuples(st.sampled_from(["--profile", "--user"]), _fuzz_text),
    st.tuples(st.just("--csv"), st.one_of(_fuzz_text, st.just("-"))),
)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(options=st.lists(_option, max_size=4))
def test_history_options_never_crash(
    options: list[tuple[str, str]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # a fuzzed --csv PATH lands here, never in the repository
    if not HistoryStore().path.exists():
        fill(3, user_id="=1+1")
    result = history([part for option in options for part in option])
    assert result.returncode in (0, 2)  # history() itself asserts there is no traceback
    if result.returncode == 2:
        assert result.stdout == ""
