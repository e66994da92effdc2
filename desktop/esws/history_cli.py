"""``i3sync history``: the sync history as a table, or every matching entry as CSV.

``[--profile NAME] [--user ID] [--since YYYY-MM-DD] [--limit N] [--csv PATH|-]``: newest first;
the table shows 50 entries unless ``--limit`` says otherwise, ``--csv`` writes every matching
entry unless ``--limit`` is given. Times in the table are local; ``--since`` is a local date
(from its midnight); the CSV's ``time_utc`` is ISO 8601 in UTC. Exit 0, or 2 for invalid
options, a CSV file that cannot be written, or a history file that cannot be read (the message
names the file; moving it aside starts a new history).
"""

from __future__ import annotations

import argparse
import io
import re
import sys
from collections.abc import Sequence
from datetime import date, datetime, time

from desktop.core.cli_support import EXIT_INPUT, EXIT_OK
from desktop.core.history import (
    HistoryEntry,
    HistoryError,
    HistoryFilter,
    local_time,
    page_loaded_text,
)
from desktop.core.history_export import write_csv
from desktop.core.history_store import HistoryStore
from desktop.core.reporting import exit_code_for, message_for
from desktop.core.text import one_line

DEFAULT_ROWS = 50
MAX_LIMIT = 10_000_000
MAX_CELL = 50  # the longest documented refusal code has 45 characters
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
COLUMNS = ("time (local)", "from", "profile", "kind", "user", "location", "outcome", "code")
RIGHT_ALIGNED = frozenset({"location", "ms"})


def since_date(text: str) -> datetime:
    """argparse type of ``--since``: a YYYY-MM-DD date, as the local midnight it starts at."""
    if not _DATE.fullmatch(text):
        raise argparse.ArgumentTypeError("since must be a date written YYYY-MM-DD")
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError("since is not a calendar date") from None
    return datetime.combine(day, time()).astimezone()


def row_limit(text: str) -> int:
    """argparse type of ``--limit``: a whole number of entries, 1 or more."""
    if not text.isascii() or not text.isdigit() or not 1 <= int(text) <= MAX_LIMIT:
        raise argparse.ArgumentTypeError(f"limit must be a whole number from 1 to {MAX_LIMIT}")
    return int(text)


def add_history_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``i3sync history``."""
    history = commands.add_parser(
        "history",
        help="show or export the sync history (token requests, never a secret)",
        description="Show the token requests made from this computer, newest first (the "
        "window's and the command line's). Nothing secret is recorded: no password, security "
        "code or token. Exit codes: 0 ok, 2 invalid option or unreadable history file.",
    )
    history.add_argument("--profile", metavar="NAME", help="only this profile (any letter case)")
    history.add_argument("--user", metavar="ID", help="only this user id")
    history.add_argument(
        "--since", type=since_date, metavar="YYYY-MM-DD", help="only from this local date on"
    )
    history.add_argument(
        "--limit",
        type=row_limit,
        metavar="N",
        help=f"at most N entries (default {DEFAULT_ROWS} in the table, all in --csv)",
    )
    history.add_argument(
        "--csv",
        metavar="PATH|-",
        help="write every matching entry as CSV for Excel to PATH (- for stdout)",
    )
    history.set_defaults(handler=run_history)


def run_history(args: argparse.Namespace) -> int:
    """``i3sync history``: the table on stdout, or the CSV; errors as one line on stderr."""
    store = HistoryStore()
    where = HistoryFilter(profile=args.profile, user_id=args.user, since=args.since)
    try:
        if args.csv is not None:
            return _export(store, where, args.csv, args.limit)
        limit = args.limit or DEFAULT_ROWS
        entries = store.entries(where, limit)
        total = store.count(where) if len(entries) == limit else len(entries)
    except HistoryError as error:
        print(message_for(error), file=sys.stderr)
        return exit_code_for(error)
    if not entries:
        sys.stdout.write("No entry in the sync history matches.\n")
        return EXIT_OK
    sys.stdout.write(table(entries))
    if total > len(entries):
        sys.stdout.write(
            f"{len(entries)} of {total} matching entries, newest first; "
            "--limit N or --csv PATH for more.\n"
        )
    return EXIT_OK


def _export(store: HistoryStore, where: HistoryFilter, target: str, limit: int | None) -> int:
    entries = store.iter_entries(where, limit)
    if target == "-":
        sys.stdout.flush()
        buffer = getattr(sys.stdout, "buffer", None)
        if buffer is None:  # a text stream without bytes below (tests, IDE consoles)
            write_csv(entries, sys.stdout)
            return EXIT_OK
        # Bytes, not the console's code page, and no newline translation of the CRLFs.
        stream = io.TextIOWrapper(buffer, encoding="utf-8", newline="", write_through=True)
        try:
            write_csv(entries, stream)
        finally:
            stream.flush()
            stream.detach()
        return EXIT_OK
    if not target:
        print("i3sync: invalid --csv: give a file path, or - for stdout", file=sys.stderr)
        return EXIT_INPUT
    try:
        # Written whole before the file is complete: a history error leaves no half file.
        rows = list(entries)
        with open(target, "w", encoding="utf-8", newline="") as stream:
            count = write_csv(rows, stream)
    except (OSError, ValueError) as error:  # ValueError: a NUL in the path
        reason = one_line(getattr(error, "strerror", None) or type(error).__name__)
        shown = one_line(target)  # typed text: shown on one line, control characters replaced
        print(f"i3sync: invalid --csv: cannot write {shown}: {reason}", file=sys.stderr)
        return EXIT_INPUT
    print(f"{count} entries written to {one_line(target)}", file=sys.stderr)
    return EXIT_OK


def _cells(entry: HistoryEntry) -> list[str]:
    values = [
        local_time(entry),
        "window" if entry.source.value == "window" else "command line",
        entry.profile,
        entry.kind.value,
        entry.user_id,
        "" if entry.location_id is None else str(entry.location_id),
        entry.outcome.value,
        entry.code,
        str(entry.duration_ms),
        page_loaded_text(entry),
    ]
    return [one_line(value, MAX_CELL) for value in values]


def table(entries: Sequence[HistoryEntry]) -> str:
    """An aligned plain-text table (two spaces between columns), header first."""
    header = [*COLUMNS, "ms", "page"]
    rows = [header, *(_cells(entry) for entry in entries)]
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = []
    for row in rows:
        cells = [
            cell.rjust(width) if name in RIGHT_ALIGNED else cell.ljust(width)
            for name, cell, width in zip(header, row, widths, strict=True)
        ]
        lines.append("  ".join(cells).rstrip())
    return "\n".join(lines) + "\n"
