"""The sync history's SQLite file, shared by the window and scripts (stdlib ``sqlite3``).

Several processes write at once: the database runs in WAL mode, each write is one short
``BEGIN IMMEDIATE`` transaction, and a writer waits up to :data:`BUSY_TIMEOUT_SECONDS` for
another's lock instead of failing. WAL needs a local disk: the default folder (platformdirs'
user data folder, ``%LOCALAPPDATA%`` on Windows, never the roaming profile) is one.

The schema is versioned with ``PRAGMA user_version``: :data:`MIGRATIONS` brings an older (or
empty) file up one step at a time. A file from a newer version is never downgraded: it is read
read-only, and writing to it raises :class:`~desktop.core.history.HistoryError`. Entries older
than the retention period (:data:`DEFAULT_RETENTION_DAYS`, a parameter) are pruned on each write.
"""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

from desktop.core.history import (
    HistoryEntry,
    HistoryError,
    HistoryFilter,
    Kind,
    Outcome,
    Source,
    check_location,
    clean_code,
    clean_name,
    default_path,
    format_time,
)

SCHEMA_VERSION = 1
DEFAULT_RETENTION_DAYS = 400
BUSY_TIMEOUT_SECONDS = 15.0


def _v1(connection: sqlite3.Connection) -> None:
    connection.execute(
        """CREATE TABLE entries (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            source TEXT NOT NULL CHECK (source IN ('window', 'cli')),
            profile TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('one', 'total')),
            user_id TEXT NOT NULL,
            location_id INTEGER,
            outcome TEXT NOT NULL CHECK (outcome IN ('ok', 'refused', 'failed', 'cancelled')),
            code TEXT NOT NULL,
            duration_ms INTEGER NOT NULL CHECK (duration_ms >= 0),
            page_loaded INTEGER CHECK (page_loaded IN (0, 1))
        )"""
    )
    connection.execute("CREATE INDEX entries_at ON entries (at)")


# MIGRATIONS[n] takes a file at version n to n + 1, inside the caller's transaction.
MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_v1]
assert len(MIGRATIONS) == SCHEMA_VERSION

_COLUMNS = (
    "id, at, source, profile, kind, user_id, location_id, outcome, code, duration_ms, page_loaded"
)


# Every SQL text is built from these constants and "?" placeholders only: values are parameters.
_INSERT = (
    f"INSERT INTO entries ({_COLUMNS.partition(', ')[2]}) "  # noqa: S608
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def _entry(row: tuple[object, ...]) -> HistoryEntry:
    (id_, at, source, profile, kind, user_id, location, outcome, code, ms, loaded) = row
    return HistoryEntry(
        id=int(str(id_)),
        at=datetime.fromisoformat(str(at)),
        source=Source(str(source)),
        profile=str(profile),
        kind=Kind(str(kind)),
        user_id=str(user_id),
        location_id=None if location is None else int(str(location)),
        outcome=Outcome(str(outcome)),
        code=str(code),
        duration_ms=int(str(ms)),
        page_loaded=None if loaded is None else bool(loaded),
    )


class HistoryStore:
    """The history file at ``path`` (default: :func:`default_path`).

    Each call opens its own short-lived connection, so a store may be used from any thread and
    by many processes at once. Reads never create the file.
    """

    def __init__(
        self,
        path: Path | None = None,
        *,
        retention_days: int = DEFAULT_RETENTION_DAYS,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> None:
        if retention_days < 1:
            raise ValueError("retention_days must be at least 1")
        self.path = path if path is not None else default_path()
        self.retention = timedelta(days=retention_days)
        self._clock = clock

    # -- connections ------------------------------------------------------------------------

    @contextlib.contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.OperationalError as error:
            if _is_busy(error):
                raise HistoryError(
                    self.path,
                    f"busy: another I3 Sync process held it for over {BUSY_TIMEOUT_SECONDS:g} s",
                ) from None
            raise HistoryError(self.path, f"cannot be used ({error})") from None
        except sqlite3.DatabaseError as error:
            raise HistoryError(
                self.path,
                f"is not a readable history database ({error}); move it aside and a new one "
                "is started",
            ) from None
        except OSError as error:
            raise HistoryError(self.path, f"cannot be written ({type(error).__name__})") from None

    def _connect(self, *, read_only: bool = False) -> sqlite3.Connection:
        # A URI for read-only, percent-encoded (file:///C:/... on Windows): a folder named
        # "Jürgen #2" must not end the path.
        target = f"{self.path.absolute().as_uri()}?mode=ro" if read_only else str(self.path)
        # isolation_level=None: transactions are ours (BEGIN IMMEDIATE), never implicit.
        connection = sqlite3.connect(
            target,
            timeout=BUSY_TIMEOUT_SECONDS,
            isolation_level=None,
            uri=read_only,
            check_same_thread=False,
        )
        # Profile names are unique in any case (casefold, not SQLite's ASCII-only NOCASE).
        connection.create_function("casefold", 1, _casefold, deterministic=True)
        try:
            connection.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
            if not read_only:
                connection.execute("PRAGMA synchronous = NORMAL")  # durable enough in WAL
        except BaseException:
            connection.close()
            raise
        return connection

    @staticmethod
    def _version(connection: sqlite3.Connection) -> int:
        return int(connection.execute("PRAGMA user_version").fetchone()[0])

    def _prepare(self, connection: sqlite3.Connection) -> None:
        """Check the version, switch to WAL, migrate; retried while another process holds a lock.

        Switching the journal mode ignores the busy timeout (SQLite answers "locked" at once
        while another connection uses the file), and so can the first writers of a new file:
        they back off and retry until the same deadline.
        """
        deadline = time.monotonic() + BUSY_TIMEOUT_SECONDS
        attempt = 0
        while True:
            try:
                version = self._version(connection)
                if version > SCHEMA_VERSION:
                    # Before anything is changed: not even the journal mode of a newer file.
                    raise HistoryError(
                        self.path,
                        f"was written by a newer I3 Sync (schema {version}, this version knows "
                        f"{SCHEMA_VERSION}); it is kept as it is and nothing is recorded",
                    )
                connection.execute("PRAGMA journal_mode = WAL")
                if version < SCHEMA_VERSION:
                    self._migrate(connection)
                return
            except sqlite3.OperationalError as error:
                if not _is_busy(error) or time.monotonic() >= deadline:
                    raise
                attempt += 1
                time.sleep(min(0.005 * attempt, 0.05))

    def _migrate(self, connection: sqlite3.Connection) -> None:
        connection.execute("BEGIN IMMEDIATE")
        try:
            version = self._version(connection)  # again: another process may have migrated
            for step in MIGRATIONS[version:]:
                step(connection)
            connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            connection.execute("COMMIT")
        except BaseException:
            connection.execute("ROLLBACK")
            raise

    @contextlib.contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        with self._errors():
            self.path.parent.mkdir(parents=True, exist_ok=True)
            connection = self._connect()
            try:
                self._prepare(connection)
                yield connection
            finally:
                connection.close()

    @contextlib.contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection | None]:
        if not self.path.exists():
            yield None
            return
        with self._errors():
            connection = self._connect(read_only=True)
            try:
                version = self._version(connection)
                if version < SCHEMA_VERSION:
                    connection.close()
                    with self._writing():  # bring an older (or empty) file up to date
                        pass
                    connection = self._connect(read_only=True)
                yield connection
            finally:
                connection.close()

    # -- writing ----------------------------------------------------------------------------

    def record(
        self,
        *,
        source: Source,
        profile: str,
        kind: Kind,
        user_id: str,
        location_id: int | None,
        outcome: Outcome,
        code: str,
        duration_ms: int,
        page_loaded: bool | None = None,
    ) -> int:
        """Add one entry (and prune old ones) in one transaction; returns the entry's id.

        ``code``: empty for ``ok``; the vendor's code for ``refused``; a
        :class:`~desktop.core.errors.TransportProblem` name (or ``INTERRUPTED``/``INTERNAL``)
        for ``failed`` and ``cancelled`` — see :func:`outcome_for`. ``ValueError`` for a value
        outside these; :class:`HistoryError` when the file cannot be written.
        """
        row = (
            format_time(self._clock()),
            Source(source).value,
            clean_name(profile),
            Kind(kind).value,
            clean_name(user_id),
            check_location(location_id),
            Outcome(outcome).value,
            clean_code(Outcome(outcome), code),
            max(0, int(duration_ms)),
            None if page_loaded is None else int(bool(page_loaded)),
        )
        with self._writing() as connection:
            connection.execute("BEGIN IMMEDIATE")
            try:
                self._prune(connection)
                cursor = connection.execute(_INSERT, row)
                connection.execute("COMMIT")
            except BaseException:
                connection.execute("ROLLBACK")
                raise
            return int(cursor.lastrowid or 0)

    def set_page_loaded(self, entry_id: int, loaded: bool) -> bool:
        """Set whether I3's page loaded after entry ``entry_id``; ``False`` if there is none."""
        with self._writing() as connection:
            cursor = connection.execute(
                "UPDATE entries SET page_loaded = ? WHERE id = ?", (int(loaded), entry_id)
            )
            return cursor.rowcount == 1

    def prune(self) -> int:
        """Remove entries older than the retention period now; returns how many went."""
        with self._writing() as connection:
            return self._prune(connection)

    def _prune(self, connection: sqlite3.Connection) -> int:
        cutoff = format_time(self._clock() - self.retention)
        return connection.execute("DELETE FROM entries WHERE at < ?", (cutoff,)).rowcount

    # -- reading ----------------------------------------------------------------------------

    def entries(
        self, where: HistoryFilter | None = None, limit: int | None = None
    ) -> list[HistoryEntry]:
        """Matching entries, newest first; at most ``limit`` (``None``: all)."""
        return list(self.iter_entries(where, limit))

    def iter_entries(
        self, where: HistoryFilter | None = None, limit: int | None = None
    ) -> Iterator[HistoryEntry]:
        """Like :meth:`entries`, one at a time (an export of every row need not hold them all)."""
        clause, params = _where(where or HistoryFilter())
        query = f"SELECT {_COLUMNS} FROM entries{clause} ORDER BY at DESC, id DESC"  # noqa: S608
        if limit is not None:
            query += " LIMIT ?"
            params.append(max(0, limit))
        with self._reading() as connection:
            if connection is None:
                return
            with self._errors():
                for row in connection.execute(query, params):
                    yield _entry(row)

    def count(self, where: HistoryFilter | None = None) -> int:
        """How many entries match."""
        clause, params = _where(where or HistoryFilter())
        with self._reading() as connection:
            if connection is None:
                return 0
            with self._errors():
                query = f"SELECT COUNT(*) FROM entries{clause}"  # noqa: S608
                return int(connection.execute(query, params).fetchone()[0])


def _is_busy(error: sqlite3.OperationalError) -> bool:
    return "locked" in str(error) or "busy" in str(error)


def _casefold(value: object) -> str:
    return str(value).casefold()


def _where(where: HistoryFilter) -> tuple[str, list[object]]:
    terms: list[str] = []
    params: list[object] = []
    if where.profile is not None:
        terms.append("casefold(profile) = ?")
        params.append(where.profile.casefold())
    if where.user_id is not None:
        terms.append("user_id = ?")
        params.append(where.user_id)
    if where.outcome is not None:
        terms.append("outcome = ?")
        params.append(Outcome(where.outcome).value)
    if where.since is not None:
        terms.append("at >= ?")
        params.append(format_time(where.since))
    if where.until is not None:
        terms.append("at < ?")
        params.append(format_time(where.until))
    return (" WHERE " + " AND ".join(terms) if terms else ""), params
