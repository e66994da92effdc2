"""The History tab's table: one row per entry, newest first, each cell in the window's language
and locale (times the short way the locale writes them; the CSV export stays ISO 8601).

Everything shown is plain text: profile names, user ids and refusal codes were typed by someone
else or sent by a server (a row's tooltip escapes them inside ``<qt>``).
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDateTime,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QWidget

from desktop.core.history import HistoryEntry, Kind, Source
from desktop.core.history import Outcome as Result
from desktop.esws.history import message_for_entry
from desktop.gui.i18n import locale, translate, translate_marked

# The columns' English names (tests and code find a column by these); shown translated.
COLUMNS = ("Time", "From", "Profile", "Kind", "User", "Location", "Outcome", "Code", "ms", "Page")


def column_titles() -> tuple[str, ...]:
    """The header of each of :data:`COLUMNS`, in the window's language."""
    return (
        translate("HistoryTab", "Time"),
        translate("HistoryTab", "From"),
        translate("HistoryTab", "Profile"),
        translate("HistoryTab", "Kind"),
        translate("HistoryTab", "User"),
        translate("HistoryTab", "Location"),
        translate("HistoryTab", "Outcome"),
        translate("HistoryTab", "Code"),
        translate("HistoryTab", "ms"),
        translate("HistoryTab", "Page"),
    )


def outcome_names() -> dict[Result, str]:
    """Each outcome as the table and the filter name it (the stored values stay English)."""
    return {
        Result.OK: translate("HistoryTab", "ok"),
        Result.REFUSED: translate("HistoryTab", "refused"),
        Result.FAILED: translate("HistoryTab", "failed"),
        Result.CANCELLED: translate("HistoryTab", "cancelled"),
    }


def shown_time(entry: HistoryEntry, where: QLocale | None = None) -> str:
    """The entry's time in this computer's zone, written the window's locale's short way
    (``12/2/26, 9:19 AM`` in English, ``02.12.26 09:19`` in German). Exports stay ISO 8601."""
    moment = QDateTime.fromSecsSinceEpoch(int(entry.at.timestamp())).toLocalTime()
    return (where or locale()).toString(moment, QLocale.FormatType.ShortFormat)


@dataclass(frozen=True)
class _Labels:
    """The table's fixed words in the window's language, translated once per model (the
    language is fixed for a run), not again for every row and every header paint."""

    titles: tuple[str, ...]
    sources: dict[Source, str]
    kinds: dict[Kind, str]
    outcomes: dict[Result, str]
    loaded: str
    not_loaded: str

    @classmethod
    def translated(cls) -> _Labels:
        return cls(
            titles=column_titles(),
            sources={
                Source.WINDOW: translate("HistoryTab", "window"),
                Source.COMMAND_LINE: translate("HistoryTab", "command line"),
            },
            kinds={
                Kind.ONE: translate("HistoryTab", "one user"),
                Kind.TOTAL: translate("HistoryTab", "all users"),
            },
            outcomes=outcome_names(),
            loaded=translate("HistoryTab", "loaded"),
            not_loaded=translate("HistoryTab", "not loaded"),
        )


def _cells(entry: HistoryEntry, where: QLocale, labels: _Labels) -> tuple[str, ...]:
    if entry.page_loaded is None:
        page = ""  # not known: the command line opens no page
    elif entry.page_loaded:
        page = labels.loaded
    else:
        page = labels.not_loaded
    return (
        shown_time(entry, where),
        labels.sources.get(entry.source, entry.source.value),
        entry.profile,
        labels.kinds[entry.kind],
        entry.user_id,
        "" if entry.location_id is None else str(entry.location_id),  # an id, not a quantity
        labels.outcomes[entry.outcome],
        entry.code,
        where.toString(entry.duration_ms),
        page,
    )


class HistoryModel(QAbstractTableModel):
    """Entries as rows, newest first; a failed or refused row's tooltip is its message."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries: list[HistoryEntry] = []
        self._rows: list[tuple[str, ...]] = []  # each entry's cells, formatted once
        self._labels = _Labels.translated()

    def set_entries(self, entries: list[HistoryEntry]) -> None:
        self.beginResetModel()
        self.entries = entries
        # The header sizes its columns to their contents: data() is asked for every cell.
        where = locale()
        self._rows = [_cells(entry, where, self._labels) for entry in entries]
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid() or index.row() >= len(self.entries):
            return None
        entry = self.entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and entry.outcome is not Result.OK:
            # Escaped inside <qt>: a code sent by a server is shown, never rendered.
            return f"<qt>{escape(message_for_entry(entry, translate_marked))}</qt>"
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._labels.titles[section]
        return None
