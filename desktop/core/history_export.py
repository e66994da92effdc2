"""The sync history as CSV that opens cleanly in Excel, for the command line and the window.

UTF-8 with a byte-order mark (without it Excel reads UTF-8 as the ANSI code page: "Jürgen"
becomes "JÃ¼rgen"), a header row, RFC 4180 quoting with CRLF line ends (the ``csv`` module).
A cell that begins with ``=``, ``+``, ``-`` or ``@`` (or a tab or line break) is a formula to
Excel and LibreOffice: a profile name or a refusal code written by someone else could run one
(CSV injection). Such cells get a leading ``'``, which the spreadsheet shows as text.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import TextIO

from desktop.core.history import HistoryEntry, format_time

HEADER = (
    "id",
    "time_utc",
    "source",
    "profile",
    "kind",
    "user_id",
    "location_id",
    "outcome",
    "code",
    "duration_ms",
    "page_loaded",
)
BOM = "\ufeff"
# ASCII formula starters, and the full-width forms some East Asian Excel builds also evaluate.
_FORMULA_STARTS = tuple("=+-@\t\r\n") + tuple("\uff1d\uff0b\uff0d\uff20")


def inert(cell: str) -> str:
    """``cell`` made safe from formula evaluation: a leading ``'`` when it starts like one."""
    return "'" + cell if cell.startswith(_FORMULA_STARTS) else cell


def row_for(entry: HistoryEntry) -> list[str]:
    """The CSV cells of ``entry``, in :data:`HEADER` order, each made :func:`inert`."""
    loaded = "" if entry.page_loaded is None else ("yes" if entry.page_loaded else "no")
    cells = [
        str(entry.id),
        format_time(entry.at),
        entry.source.value,
        entry.profile,
        entry.kind.value,
        entry.user_id,
        "" if entry.location_id is None else str(entry.location_id),
        entry.outcome.value,
        entry.code,
        str(entry.duration_ms),
        loaded,
    ]
    return [inert(cell) for cell in cells]


def write_csv(entries: Iterable[HistoryEntry], stream: TextIO) -> int:
    """Write the BOM, the header and one row per entry to ``stream``; returns the row count.

    Open a file for it with ``newline=""`` and UTF-8 (the rows end in CRLF themselves).
    """
    stream.write(BOM)
    writer = csv.writer(stream, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(HEADER)
    count = 0
    for entry in entries:
        writer.writerow(row_for(entry))
        count += 1
    return count
