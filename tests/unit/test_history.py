"""The sync history store: what an entry holds, schema versions, retention, outcomes, CSV."""

from __future__ import annotations

import csv
import io
import re
import sqlite3
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from desktop.core import history_store
from desktop.core.errors import (
    I3SyncError,
    InputError,
    TransportError,
    TransportProblem,
    UnexpectedReply,
    VendorRefusal,
)
from desktop.core.history import (
    HistoryEntry,
    HistoryError,
    HistoryFilter,
    Kind,
    Outcome,
    Source,
    default_path,
    describe,
    outcome_for,
)
from desktop.core.history_export import BOM, HEADER, inert, write_csv
from desktop.core.history_store import SCHEMA_VERSION, HistoryStore
from desktop.core.redaction import forget_secrets, register_secret
from desktop.core.reporting import exit_code_for

T0 = datetime(2026, 12, 2, 6, 30, 0, 123456, tzinfo=UTC)


class Clock:
    def __init__(self, now: datetime = T0) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(tmp_path: Path, clock: Clock) -> HistoryStore:
    return HistoryStore(tmp_path / "data" / "history.sqlite3", clock=clock)


@pytest.fixture
def no_registered_secrets() -> Iterator[None]:
    forget_secrets()
    yield
    forget_secrets()


def add(store: HistoryStore, **fields: object) -> int:
    values: dict[str, object] = {
        "source": Source.COMMAND_LINE,
        "profile": "Head office",
        "kind": Kind.ONE,
        "user_id": "u-1",
        "location_id": 7,
        "outcome": Outcome.OK,
        "code": "",
        "duration_ms": 42,
    }
    values.update(fields)
    return store.record(**values)  # type: ignore[arg-type]


def raw(path: Path, query: str) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(query).fetchall()
    finally:
        connection.close()


# -- recording and reading ------------------------------------------------------------------


def test_an_entry_reads_back_with_every_field(store: HistoryStore) -> None:
    entry_id = add(store, source=Source.WINDOW, kind=Kind.ONE, location_id=12, duration_ms=318)
    [entry] = store.entries()
    assert entry == HistoryEntry(
        id=entry_id,
        at=T0.replace(microsecond=123000),
        source=Source.WINDOW,
        profile="Head office",
        kind=Kind.ONE,
        user_id="u-1",
        location_id=12,
        outcome=Outcome.OK,
        code="",
        duration_ms=318,
        page_loaded=None,
    )
    # Stored as ISO 8601 UTC text, so that it sorts and any tool can read it.
    [(at,)] = raw(store.path, "SELECT at FROM entries")
    assert at == "2026-12-02T06:30:00.123Z"


def test_entries_are_newest_first_and_limited(store: HistoryStore, clock: Clock) -> None:
    for minute in range(5):
        clock.now = T0 + timedelta(minutes=minute)
        add(store, user_id=f"u{minute}")
    assert [e.user_id for e in store.entries()] == ["u4", "u3", "u2", "u1", "u0"]
    assert [e.user_id for e in store.entries(limit=2)] == ["u4", "u3"]
    assert store.count() == 5


def test_filters_profile_in_any_case_user_outcome_and_dates(
    store: HistoryStore, clock: Clock
) -> None:
    add(store, profile="Zürich Büro", user_id="a")
    clock.now = T0 + timedelta(days=1)
    add(store, profile="Head office", user_id="a", outcome=Outcome.REFUSED, code="ERROR_X")
    clock.now = T0 + timedelta(days=2)
    add(store, profile="head OFFICE", user_id="b", kind=Kind.TOTAL, location_id=None)

    def users(**where: object) -> list[str]:
        return [e.user_id for e in store.entries(HistoryFilter(**where))]  # type: ignore[arg-type]

    assert users(profile="HEAD office") == ["b", "a"]
    assert users(profile="ZÜRICH BÜRO") == ["a"]  # casefold, not SQLite's ASCII-only NOCASE
    assert users(user_id="a") == ["a", "a"]
    assert users(outcome=Outcome.REFUSED) == ["a"]
    assert users(since=T0 + timedelta(days=1)) == ["b", "a"]
    assert users(until=T0 + timedelta(days=1)) == ["a"]
    assert store.count(HistoryFilter(profile="head office")) == 2


def test_page_loaded_is_set_later_by_entry_id(store: HistoryStore) -> None:
    first = add(store, source=Source.WINDOW)
    second = add(store, source=Source.WINDOW)
    assert store.set_page_loaded(first, False)
    assert store.set_page_loaded(second, True)
    assert not store.set_page_loaded(second + 100, True)
    assert [e.page_loaded for e in store.entries()] == [True, False]


def test_reads_never_create_the_file(store: HistoryStore) -> None:
    assert store.entries() == []
    assert store.count() == 0
    assert not store.path.exists()
    assert not store.path.parent.exists()


def test_the_file_is_in_wal_mode_at_the_current_version(store: HistoryStore) -> None:
    add(store)
    assert raw(store.path, "PRAGMA journal_mode") == [("wal",)]
    assert raw(store.path, "PRAGMA user_version") == [(SCHEMA_VERSION,)]


def test_the_default_file_is_in_the_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import platformdirs

    monkeypatch.delenv("I3SYNC_DATA_DIR", raising=False)
    expected = Path(platformdirs.user_data_dir("i3sync", "I3Sync")) / "history.sqlite3"
    assert default_path() == expected
    if sys.platform != "win32":  # elsewhere the conftest's XDG_DATA_HOME holds it
        assert tmp_path in default_path().parents
    monkeypatch.setenv("I3SYNC_DATA_DIR", str(tmp_path / "portable"))
    assert default_path() == tmp_path / "portable" / "history.sqlite3"
    add(HistoryStore())
    assert (tmp_path / "portable" / "history.sqlite3").is_file()


# -- what may be stored ---------------------------------------------------------------------


def test_codes_must_fit_their_outcome(store: HistoryStore) -> None:
    with pytest.raises(ValueError, match="no code"):
        add(store, outcome=Outcome.OK, code="ERROR_X")
    with pytest.raises(ValueError, match="unknown failure code"):
        add(store, outcome=Outcome.FAILED, code="connection refused by 10.0.0.1")
    with pytest.raises(ValueError, match="location"):
        add(store, location_id=2**31)
    assert store.count() == 0
    add(store, outcome=Outcome.FAILED, code="READ_TIMEOUT")
    add(store, outcome=Outcome.CANCELLED, code="CANCELLED")
    assert [e.code for e in store.entries()] == ["CANCELLED", "READ_TIMEOUT"]


@pytest.mark.usefixtures("no_registered_secrets")
def test_server_text_is_one_line_and_a_registered_secret_is_masked(store: HistoryStore) -> None:
    register_secret("Hunter2-secret")
    add(
        store,
        outcome=Outcome.REFUSED,
        code="ERROR bad HUNTER2-SECRET\n\x1b[31mERROR_UNKNOWN_SECURITY_HASH\u202e" + "X" * 300,
        user_id="u\x1b[2J-1",
        profile="Pasted Hunter2-secret here",
    )
    [entry] = store.entries()
    assert "hunter2" not in (entry.code + entry.user_id + entry.profile).casefold()
    assert entry.code.startswith("ERROR bad [redacted] [31mERROR_UNKNOWN_SECURITY_HASH")
    assert "\x1b" not in entry.code and "\n" not in entry.code and "\u202e" not in entry.code
    assert len(entry.code) <= 100
    assert entry.user_id == "u [2J-1"
    assert (
        b"unter2"
        not in store.path.read_bytes() + store.path.with_name(store.path.name + "-wal").read_bytes()
    )


def test_the_record_api_has_no_free_text_field() -> None:
    import inspect

    names = set(inspect.signature(HistoryStore.record).parameters) - {"self"}
    assert names == {
        "source",
        "profile",
        "kind",
        "user_id",
        "location_id",
        "outcome",
        "code",
        "duration_ms",
        "page_loaded",
    }


# -- outcomes -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("error", "expected"),
    [
        (
            VendorRefusal("ERROR_UNKNOWN_SECURITY_HASH", "advice"),
            ("refused", "ERROR_UNKNOWN_SECURITY_HASH"),
        ),
        (TransportError("https://x", TransportProblem.READ_TIMEOUT), ("failed", "READ_TIMEOUT")),
        (TransportError("https://x", TransportProblem.TLS, "detail"), ("failed", "TLS")),
        (UnexpectedReply("https://x", "HTML"), ("failed", "UNEXPECTED_REPLY")),
        (TransportError("https://x", TransportProblem.CANCELLED), ("cancelled", "CANCELLED")),
        (KeyboardInterrupt(), ("cancelled", "INTERRUPTED")),
        (RuntimeError("bug"), ("failed", "INTERNAL")),
        (I3SyncError("other"), ("failed", "INTERNAL")),
    ],
)
def test_outcome_for_maps_core_errors(error: BaseException, expected: tuple[str, str]) -> None:
    assert outcome_for(error) == expected


def test_input_errors_are_not_recorded() -> None:
    # Nothing was sent: input is checked before any network.
    assert outcome_for(InputError("user id", "is empty")) is None


def test_describe_names_the_problem_in_words(store: HistoryStore) -> None:
    add(store, outcome=Outcome.FAILED, code="CONNECT_TIMEOUT")
    add(store, outcome=Outcome.CANCELLED, code="INTERRUPTED")
    add(store, outcome=Outcome.REFUSED, code="NO USERID PROVIDED")
    texts = [describe(e) for e in store.entries()]
    assert texts == [
        "Refused by the server: NO USERID PROVIDED.",
        "Interrupted on the command line.",
        "No connection within the timeout.",
    ]


def test_each_transport_problem_is_said_as_the_command_line_always_said_it() -> None:
    """The marked sentences are the problem's own words, capitalised (what describe derived
    before they were marked), and the window's localise gets each one under "History"."""
    asked: list[tuple[str, str]] = []

    def marking(context: str, text: str) -> str:
        asked.append((context, text))
        return f"<{text}>"

    for problem in TransportProblem:
        outcome = Outcome.CANCELLED if problem is TransportProblem.CANCELLED else Outcome.FAILED
        one = HistoryEntry(
            1, T0, Source.COMMAND_LINE, "p", Kind.ONE, "1", None, outcome, problem.name, 1, None
        )
        english = f"{problem.value[:1].upper()}{problem.value[1:]}."
        assert describe(one) == english
        assert describe(one, marking) == f"<{english}>"
    assert {context for context, _ in asked} == {"History"}
    unknown = HistoryEntry(
        1, T0, Source.COMMAND_LINE, "p", Kind.ONE, "1", None, Outcome.FAILED, "NEW", 1, None
    )
    assert describe(unknown, marking) == "NEW."


# -- schema versions ------------------------------------------------------------------------


def test_an_empty_file_is_given_the_schema(store: HistoryStore) -> None:
    store.path.parent.mkdir(parents=True)
    store.path.write_bytes(b"")
    assert store.entries() == []  # a read brings it up to date too
    assert raw(store.path, "PRAGMA user_version") == [(SCHEMA_VERSION,)]
    add(store)
    assert store.count() == 1


def test_a_version_0_database_is_migrated_keeping_what_it_holds(store: HistoryStore) -> None:
    store.path.parent.mkdir(parents=True)
    connection = sqlite3.connect(store.path)
    connection.execute("CREATE TABLE notes (text TEXT)")
    connection.execute("INSERT INTO notes VALUES ('kept')")
    connection.commit()
    connection.close()
    add(store)
    assert raw(store.path, "PRAGMA user_version") == [(SCHEMA_VERSION,)]
    assert raw(store.path, "SELECT text FROM notes") == [("kept",)]
    assert store.count() == 1


def test_migrations_cover_every_version() -> None:
    assert len(history_store.MIGRATIONS) == SCHEMA_VERSION


def test_a_newer_file_is_read_read_only_and_never_downgraded(tmp_path: Path) -> None:
    # The read-only URI must survive a folder name with an accent, "#" and "%".
    store = HistoryStore(tmp_path / "Jürgen Müller #2 %41" / "history.sqlite3", clock=Clock())
    add(store, user_id="before")
    connection = sqlite3.connect(store.path)
    connection.execute("ALTER TABLE entries ADD COLUMN future TEXT")
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.commit()
    # Its own journal mode, which a write attempt must not switch to WAL either.
    assert connection.execute("PRAGMA journal_mode = DELETE").fetchone() == ("delete",)
    connection.close()
    before = store.path.read_bytes()

    assert [e.user_id for e in store.entries()] == ["before"]
    with pytest.raises(HistoryError) as caught:
        add(store, user_id="after")
    assert "newer I3 Sync" in str(caught.value)
    assert str(store.path) in str(caught.value)
    with pytest.raises(HistoryError):
        store.set_page_loaded(1, True)
    assert store.path.read_bytes() == before
    assert raw(store.path, "PRAGMA user_version") == [(SCHEMA_VERSION + 1,)]
    assert raw(store.path, "PRAGMA journal_mode") == [("delete",)]


@pytest.mark.parametrize(
    "content", [b"not a database at all" * 100, b"SQLite format 3\x00" + b"\xff" * 2000]
)
def test_a_corrupt_file_is_a_history_error_naming_it(store: HistoryStore, content: bytes) -> None:
    store.path.parent.mkdir(parents=True)
    store.path.write_bytes(content)
    for action in (store.entries, store.count, lambda: add(store)):
        with pytest.raises(HistoryError) as caught:
            action()
        assert str(store.path) in str(caught.value)
        assert "move it aside" in str(caught.value)
        assert exit_code_for(caught.value) == 2
    assert store.path.read_bytes() == content


# -- retention ------------------------------------------------------------------------------


def test_entries_past_the_retention_period_are_pruned_on_write(tmp_path: Path) -> None:
    clock = Clock(T0 - timedelta(days=401))
    store = HistoryStore(tmp_path / "h.sqlite3", clock=clock)
    add(store, user_id="401 days")
    clock.now = T0 - timedelta(days=399)
    add(store, user_id="399 days")
    clock.now = T0
    assert store.count() == 2  # reads do not prune
    add(store, user_id="today")
    assert [e.user_id for e in store.entries()] == ["today", "399 days"]

    short = HistoryStore(store.path, retention_days=30, clock=clock)
    assert short.prune() == 1
    assert [e.user_id for e in store.entries()] == ["today"]
    with pytest.raises(ValueError):
        HistoryStore(store.path, retention_days=0)


# -- CSV ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cell", "shown"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+1", "'+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("\uff1d1", "'\uff1d1"),
        ("Head office", "Head office"),
        ("a=b", "a=b"),
        ("", ""),
    ],
)
def test_cells_that_start_like_formulas_are_made_inert(cell: str, shown: str) -> None:
    assert inert(cell) == shown


def test_csv_has_bom_header_crlf_and_rfc4180_quoting(store: HistoryStore) -> None:
    add(store, profile='=cmd|"/c calc"!A1', user_id='jürgen, "j"')
    add(store, outcome=Outcome.REFUSED, code="-ERROR", location_id=None)
    out = io.StringIO(newline="")
    assert write_csv(store.entries(), out) == 2
    text = out.getvalue()
    assert text.startswith(BOM + "id,time_utc,")
    assert text.count("\r\n") == 3 and "\n" not in text.replace("\r\n", "")
    rows = list(csv.reader(io.StringIO(text[1:], newline="")))
    assert tuple(rows[0]) == HEADER
    assert rows[1][HEADER.index("code")] == "'-ERROR"
    assert rows[1][HEADER.index("location_id")] == ""
    assert rows[2][HEADER.index("profile")] == '\'=cmd|"/c calc"!A1'
    assert rows[2][HEADER.index("user_id")] == 'jürgen, "j"'
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z", rows[2][1])
    assert '"jürgen, ""j"""' in text  # quoted, the inner quotes doubled
