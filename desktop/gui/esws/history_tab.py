"""The "History" tab: the window's and scripts' token requests, filtered, counted, exported.

Every read of the SQLite file runs on a runner (the file may wait seconds for another process's
lock); the tab shows the outcome when it arrives, and a file that cannot be read is a plain
sentence in the tab. The table and its cells are in :mod:`desktop.gui.esws.history_model`.
Everything shown is plain text: profile names, user ids and refusal codes
were typed by someone else or sent by a server.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from PySide6.QtCore import (
    QDate,
    QLocale,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.core.history import HistoryEntry, HistoryFilter
from desktop.core.history import Outcome as Result
from desktop.core.history_export import write_csv
from desktop.core.history_store import HistoryStore
from desktop.esws.history import message_for_entry
from desktop.gui.esws.history_model import COLUMNS, HistoryModel, outcome_names
from desktop.gui.i18n import locale, translate, translate_marked
from desktop.gui.palette import Role
from desktop.gui.runner import Job, Outcome, Runner
from desktop.gui.widgets import Tone, ToneIcon, set_line, set_text_role

log = logging.getLogger(__name__)

ROW_LIMIT = 1000  # rows shown; the count and the export cover every match


@dataclass(frozen=True)
class _Page:
    entries: list[HistoryEntry]
    count: int


def _plain_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class HistoryTab(QWidget):
    """Filters, a count, the table, the selected entry's message, Export CSV… and Sync again."""

    loaded = Signal()  # a read ended (shown, or its problem shown)
    exported = Signal(str)  # what the export said
    syncAgainRequested = Signal(object)  # the HistoryEntry whose sync the form is to take

    def __init__(
        self, store: HistoryStore, profile_names: list[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("historyTab")
        self.store = store
        self._runner = Runner("i3sync-history-read", self)
        self._read: Job | None = None

        self.profileFilter = QComboBox()
        self.profileFilter.setObjectName("historyProfileFilter")
        self.set_profile_names(profile_names)
        self.userFilter = QLineEdit()
        self.userFilter.setObjectName("historyUserFilter")
        self.userFilter.setPlaceholderText(translate("HistoryTab", "User id"))
        self.userFilter.setAccessibleName(translate("HistoryTab", "Filter by user id"))
        self.userFilter.setClearButtonEnabled(True)
        self.outcomeFilter = QComboBox()
        self.outcomeFilter.setObjectName("historyOutcomeFilter")
        self.outcomeFilter.addItem(translate("HistoryTab", "All"), None)
        for result, name in outcome_names().items():
            self.outcomeFilter.addItem(name, result)
        today = QDate.currentDate()
        self.fromCheck = QCheckBox(translate("HistoryTab", "Fro&m"))
        self.fromDate = QDateEdit(today.addDays(-30))
        self.fromDate.setAccessibleName(translate("HistoryTab", "First day shown"))
        self.toCheck = QCheckBox(translate("HistoryTab", "&to"))
        self.toDate = QDateEdit(today)
        self.toDate.setAccessibleName(translate("HistoryTab", "Last day shown"))
        # The locale's short date, with the whole year (a two-digit year edits ambiguously).
        date_format = locale().dateFormat(QLocale.FormatType.ShortFormat)
        if "yyyy" not in date_format:
            date_format = date_format.replace("yy", "yyyy")
        for check, edit in ((self.fromCheck, self.fromDate), (self.toCheck, self.toDate)):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(date_format)
            edit.setEnabled(False)
            check.toggled.connect(edit.setEnabled)
            check.toggled.connect(self.refresh)
            edit.dateChanged.connect(self.refresh)
        self.profileFilter.currentIndexChanged.connect(self.refresh)
        self.outcomeFilter.currentIndexChanged.connect(self.refresh)
        self.userFilter.editingFinished.connect(self.refresh)
        self.userFilter.textChanged.connect(self._user_text_changed)

        profile_label = QLabel(translate("HistoryTab", "&Profile"))
        profile_label.setBuddy(self.profileFilter)
        outcome_label = QLabel(translate("HistoryTab", "O&utcome"))
        outcome_label.setBuddy(self.outcomeFilter)
        filters = QHBoxLayout()
        for widget in (
            profile_label,
            self.profileFilter,
            self.userFilter,
            outcome_label,
            self.outcomeFilter,
            self.fromCheck,
            self.fromDate,
            self.toCheck,
            self.toDate,
        ):
            filters.addWidget(widget)
        filters.addStretch(1)

        self.model = HistoryModel(self)
        self.table = QTableView()
        self.table.setObjectName("historyTable")
        self.table.setAccessibleName(translate("HistoryTab", "Sync history"))
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The code takes what is left (elided; its tooltip and the detail line say it all).
        self.table.horizontalHeader().setSectionResizeMode(
            COLUMNS.index("Code"), QHeaderView.ResizeMode.Stretch
        )
        self.table.setWordWrap(False)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda *_: self.sync_again())

        self.countLabel = _plain_label("historyCount")
        self.countLabel.setAccessibleName(translate("HistoryTab", "Entries found"))
        self.problemLabel = _plain_label("historyProblem")
        self.problemLabel.setAccessibleName(translate("HistoryTab", "Problem"))
        set_text_role(self.problemLabel, Role.ERROR)
        # Not colour alone: the problem line has a warning icon, named for screen readers.
        self.problemIcon = ToneIcon(Tone.WARNING, 16, translate("HistoryTab", "Problem"))
        self.problemIcon.setObjectName("historyProblemIcon")
        self.problemIcon.setToolTip(translate("HistoryTab", "The sync history cannot be shown"))
        self.problemRow = QWidget()
        problem_row = QHBoxLayout(self.problemRow)
        problem_row.setContentsMargins(0, 0, 0, 0)
        problem_row.addWidget(self.problemIcon, 0, Qt.AlignmentFlag.AlignTop)
        problem_row.addWidget(self.problemLabel, 1)
        self.problemRow.hide()
        self.detailLabel = _plain_label("historyDetail")
        self.detailLabel.setAccessibleName(translate("HistoryTab", "What happened"))
        self.statusLabel = _plain_label("historyStatus")
        self.statusLabel.setAccessibleName(translate("HistoryTab", "Export"))
        self.exportButton = QPushButton(translate("HistoryTab", "&Export CSV…"))
        self.exportButton.setObjectName("historyExport")
        self.exportButton.clicked.connect(self.export_csv)
        self.syncAgainButton = QPushButton(translate("HistoryTab", "Sync &again"))
        self.syncAgainButton.setObjectName("historySyncAgain")
        self.syncAgainButton.setToolTip(
            translate("HistoryTab", "Fill the sync form with this entry; nothing is sent.")
        )
        self.syncAgainButton.setEnabled(False)
        self.syncAgainButton.clicked.connect(self.sync_again)
        buttons = QHBoxLayout()
        buttons.addWidget(self.countLabel, 1)
        buttons.addWidget(self.syncAgainButton)
        buttons.addWidget(self.exportButton)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.problemRow)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.detailLabel)
        layout.addLayout(buttons)
        layout.addWidget(self.statusLabel)
        self.refresh()

    # -- filters ---------------------------------------------------------------------------------

    def set_profile_names(self, names: list[str]) -> None:
        """The profiles offered in the filter (the current choice is kept if still there)."""
        current = self.profileFilter.currentData()
        self.profileFilter.blockSignals(True)
        self.profileFilter.clear()
        self.profileFilter.addItem(translate("HistoryTab", "All"), None)
        for name in names:
            self.profileFilter.addItem(name, name)
        index = self.profileFilter.findData(current) if current is not None else 0
        self.profileFilter.setCurrentIndex(max(0, index))
        self.profileFilter.blockSignals(False)

    def _offer_profiles(self, names: Iterable[str]) -> None:
        """Add names seen in the history (a deleted profile, a script's endpoint host)."""
        for name in sorted(set(names)):
            if name and self.profileFilter.findData(name) < 0:
                self.profileFilter.addItem(name, name)

    def _user_text_changed(self, text: str) -> None:
        if not text:  # cleared (the clear button): show everyone at once
            self.refresh()

    def current_filter(self) -> HistoryFilter:
        """The filter the controls describe; dates are whole days in local time."""
        user = self.userFilter.text().strip()
        return HistoryFilter(
            profile=self.profileFilter.currentData(),
            user_id=user or None,
            outcome=self.outcomeFilter.currentData(),
            since=_local_midnight(self.fromDate.date()) if self.fromCheck.isChecked() else None,
            until=(
                _local_midnight(self.toDate.date().addDays(1)) if self.toCheck.isChecked() else None
            ),
        )

    # -- reading ---------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the matching entries again (on the runner); ``loaded`` when shown."""
        if self._read is not None:
            self._read.cancel()
        store, where = self.store, self.current_filter()

        def read() -> _Page:
            return _Page(store.entries(where, ROW_LIMIT), store.count(where))

        self._read = self._runner.run(read, self._shown)

    def _shown(self, outcome: Outcome[_Page]) -> None:
        self._read = None
        page = outcome.value
        if page is None:
            error = outcome.error
            log.warning("The sync history could not be read: %s", type(error).__name__)
            self.model.set_entries([])
            self.countLabel.setText("")
            set_line(
                self.problemLabel,
                translate("HistoryTab", "The sync history cannot be shown: {problem}").format(
                    problem=error
                ),
            )
            self.problemRow.show()
        else:
            self.problemRow.hide()
            self.model.set_entries(page.entries)
            self._offer_profiles(entry.profile for entry in page.entries)
            count = _entries(page.count)
            if page.count > len(page.entries):
                count = translate("HistoryTab", "{entries} (newest {shown} shown)").format(
                    entries=count, shown=locale().toString(len(page.entries))
                )
            set_line(self.countLabel, count)
        self._selection_changed()
        self.loaded.emit()

    def selected_entry(self) -> HistoryEntry | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.model.entries):
            return None
        return self.model.entries[rows[0].row()]

    def _selection_changed(self, *_: object) -> None:
        entry = self.selected_entry()
        self.syncAgainButton.setEnabled(entry is not None)
        if entry is None or entry.outcome is Result.OK:
            set_line(self.detailLabel, "")
        else:
            set_line(self.detailLabel, message_for_entry(entry, translate_marked))

    # -- actions ---------------------------------------------------------------------------------

    def sync_again(self) -> None:
        """Ask for the selected entry's sync in the form (never sends anything by itself)."""
        entry = self.selected_entry()
        if entry is not None:
            self.syncAgainRequested.emit(entry)

    def export_csv(self) -> None:
        """Ask where, then write every matching entry as CSV (on the runner)."""
        path, _ = QFileDialog.getSaveFileName(
            self,
            translate("HistoryTab", "Export the sync history"),
            "i3sync-history.csv",
            translate("HistoryTab", "CSV files (*.csv)"),
        )
        if not path:
            return
        store, where, target = self.store, self.current_filter(), Path(path)

        def write() -> int:
            with target.open("w", encoding="utf-8", newline="") as stream:
                return write_csv(store.iter_entries(where), stream)

        def done(outcome: Outcome[int]) -> None:
            self.exportButton.setEnabled(True)
            if outcome.error is not None:
                log.warning("History export failed: %s", type(outcome.error).__name__)
                text = translate("HistoryTab", "The export failed: {problem}").format(
                    problem=outcome.error
                )
            else:
                rows = outcome.value or 0
                text = translate("HistoryTab", "Exported {entries} to {file}.").format(
                    entries=_entries(rows), file=target
                )
            set_line(self.statusLabel, text)
            self.exported.emit(text)

        self.exportButton.setEnabled(False)
        set_line(self.statusLabel, translate("HistoryTab", "Exporting…"))
        self._runner.run(write, done)

    def shutdown(self) -> None:
        """Drop the reads and exports in flight (never waits)."""
        self._runner.shutdown()


def _entries(count: int) -> str:
    """``1 entry``, ``5 entries``: the number as the locale writes it (``1,000`` / ``1.000``)."""
    number = locale().toString(count)
    if count == 1:
        return translate("HistoryTab", "{count} entry").format(count=number)
    return translate("HistoryTab", "{count} entries").format(count=number)


def _local_midnight(day: QDate) -> datetime:
    moment = datetime.combine(date(day.year(), day.month(), day.day()), time())
    return moment.astimezone()  # this computer's zone, aware
