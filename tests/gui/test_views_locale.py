"""Dates, times and numbers in the history tab, the loading panel and the connection check follow
the window's language (German: ``02.12.26 09:19``, ``1.234``), while the CSV export stays ISO 8601;
the texts the check and the history show are the marked ones, whatever language is installed."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale

from desktop.core.errors import TransportProblem
from desktop.core.history import (
    CODE_INTERNAL,
    CODE_INTERRUPTED,
    HistoryEntry,
    Kind,
    Outcome,
    Source,
    describe,
)
from desktop.core.history_export import write_csv
from desktop.core.history_store import HistoryStore
from desktop.gui import i18n

MOMENT = datetime(2026, 12, 2, 9, 19, 30, tzinfo=UTC)
GERMAN_SHORT = re.compile(r"^\d{2}\.\d{2}\.\d{2},? \d{2}:\d{2}$")


def history_with_one_entry(tmp_path: Path) -> HistoryStore:
    store = HistoryStore(tmp_path / "history.sqlite3", clock=lambda: MOMENT)
    store.record(
        source=Source.WINDOW,
        profile="Head office",
        kind=Kind.ONE,
        user_id="42",
        location_id=1234,
        outcome=Outcome.OK,
        code="",
        duration_ms=1234,
    )
    return store


def shown_row(qtbot: Any, store: HistoryStore) -> dict[str, str]:
    from desktop.gui.esws.history_model import COLUMNS
    from desktop.gui.esws.history_tab import HistoryTab

    tab = HistoryTab(store, [])
    qtbot.addWidget(tab)
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=5000)
    return {name: str(tab.model.index(0, i).data()) for i, name in enumerate(COLUMNS)}


def test_the_history_tab_writes_times_and_numbers_the_german_way_in_german(
    qtbot: Any, tmp_path: Path
) -> None:
    store = history_with_one_entry(tmp_path)
    assert i18n.install("de") == "de"
    row = shown_row(qtbot, store)
    local = MOMENT.astimezone()
    assert GERMAN_SHORT.match(row["Time"]), row["Time"]
    assert row["Time"].startswith(local.strftime("%d.%m.%y"))
    assert row["Time"].endswith(local.strftime("%H:%M"))
    assert row["ms"] == "1.234"
    assert row["Location"] == "1234"  # an id, not a quantity: no grouping
    # The date filters are written the German way too, with the whole year.
    from desktop.gui.esws.history_tab import HistoryTab

    tab = HistoryTab(store, [])
    qtbot.addWidget(tab)
    assert tab.fromDate.displayFormat() == "dd.MM.yyyy"
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=5000)


def test_the_history_tab_writes_times_and_numbers_the_english_way_in_english(
    qtbot: Any, tmp_path: Path
) -> None:
    store = history_with_one_entry(tmp_path)
    assert i18n.install("en") == "en"
    row = shown_row(qtbot, store)
    local = MOMENT.astimezone()
    # English as this computer writes it (the tests' system locale has C formats, so no
    # "12/2/26" to expect): at least not the German way.
    assert not GERMAN_SHORT.match(row["Time"]) and "02.12." not in row["Time"]
    assert f"{local.minute:02d}" in row["Time"] and str(local.year % 100) in row["Time"]
    assert row["ms"] in ("1,234", "1234")
    # With American English conventions, the American short form.
    from desktop.gui.esws.history_model import shown_time

    american = shown_time(entry(Outcome.OK, ""), QLocale("en_US"))
    day = f"{local.month}/{local.day}/{local.strftime('%y')}"
    assert re.match(day + rf",? \d{{1,2}}:{local.minute:02d}\s?[AP]M$", american), american


def test_the_export_stays_iso_whatever_the_language(tmp_path: Path) -> None:
    import io

    store = history_with_one_entry(tmp_path)
    i18n.install("de")
    out = io.StringIO()
    assert write_csv(store.iter_entries(), out) == 1
    assert "2026-12-02T09:19:30" in out.getvalue()
    assert "02.12.26" not in out.getvalue()


def test_the_waiting_seconds_and_the_check_milliseconds_follow_the_language(qapp: Any) -> None:
    from desktop.esws.check_steps import StepResult
    from desktop.gui.esws.check_view import shown_line
    from desktop.gui.esws.loading_panel import page_timeout

    i18n.install("de")
    assert "2,5 s" in page_timeout("i3.example", 2.5, cloud=True).headline
    assert shown_line(StepResult("resolve", True, "i3.example → 192.0.2.1", 1234)).endswith(
        "(1.234 ms)"
    )
    i18n.install("en")
    assert "2.5 s" in page_timeout("i3.example", 2.5, cloud=True).headline
    result = StepResult("resolve", True, "i3.example → 192.0.2.1", 12)
    assert shown_line(result) == result.line()  # English: what the command line prints


def entry(outcome: Outcome, code: str) -> HistoryEntry:
    return HistoryEntry(1, MOMENT, Source.WINDOW, "p", Kind.ONE, "42", None, outcome, code, 5, None)


def test_the_marked_history_messages_are_the_english_describe_writes(qapp: Any) -> None:
    """The window's table of messages keeps the command line's English (a changed sentence in
    the core would otherwise stay untranslated)."""
    from desktop.esws.history import message_for_entry
    from desktop.gui.i18n import translate_marked

    codes = [p.name for p in TransportProblem] + [CODE_INTERRUPTED, CODE_INTERNAL]
    for code in codes:
        outcome = Outcome.CANCELLED if code == "CANCELLED" else Outcome.FAILED
        assert message_for_entry(entry(outcome, code), translate_marked) == describe(
            entry(outcome, code)
        )
