"""The sync view, its loading panel, its failure page and the history tab by keyboard alone: keys
go to the widget that has the focus, as a person's would; every button has an access key unique
among the buttons shown with it, or a name for screen readers; icons and status lines are named."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from desktop.core.history import Kind, Outcome, Source
from desktop.core.history_store import HistoryStore
from desktop.simulator.server import Simulator
from tests.fault_servers import silent_server
from tests.gui.conftest import PAGE_TIMEOUT_MS

ALT = Qt.KeyboardModifier.AltModifier
CTRL = Qt.KeyboardModifier.ControlModifier
MNEMONIC = re.compile(r"&([^&])")


def make_view(qtbot: Any) -> Any:
    from desktop.gui.esws.sync_view import SyncView

    view = SyncView()
    qtbot.addWidget(view, before_close_func=lambda v: v.shutdown())
    view.resize(800, 600)
    view.show()
    qtbot.waitExposed(view)
    view.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view)
    return view


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def focus_on(qtbot: Any, widget: QWidget) -> QWidget:
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(widget.hasFocus)
    return focused()


@contextmanager
def waiting_page(qtbot: Any) -> Iterator[Any]:
    """A sync view waiting for a server that accepts and never answers (the loading panel)."""
    with silent_server() as url:
        view = make_view(qtbot)
        view.open(url + "/users/oneSyncUserLogin/tok", url, cloud=False)
        assert view.stack.currentWidget() is view.loading
        yield view


def test_esc_on_the_loading_panel_cancels_and_goes_back(qtbot: Any) -> None:
    with waiting_page(qtbot) as view:
        # Cancel has the focus as soon as the panel shows: Esc (or Enter) needs no mouse.
        qtbot.waitUntil(view.loading.cancelButton.hasFocus)
        with qtbot.waitSignal(view.backRequested, timeout=2000):
            qtbot.keyClick(focused(), Qt.Key.Key_Escape)
        assert "Esc" in view.loading.cancelButton.toolTip()


@pytest.mark.parametrize(
    ("key", "modifier"),
    [(Qt.Key.Key_Left, ALT), (Qt.Key.Key_B, ALT)],
    ids=["Alt+Left", "Alt+B"],
)
def test_back_by_key_from_the_waiting_page(qtbot: Any, key: Qt.Key, modifier: Any) -> None:
    with waiting_page(qtbot) as view:
        qtbot.waitUntil(view.loading.cancelButton.hasFocus)
        with qtbot.waitSignal(view.backRequested, timeout=2000):
            qtbot.keyClick(focused(), key, modifier)


@pytest.mark.parametrize(
    ("key", "modifier"),
    [
        (Qt.Key.Key_F5, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_R, CTRL),
        (Qt.Key.Key_R, ALT),
    ],
    ids=["F5", "Ctrl+R", "Alt+R"],
)
def test_reload_by_key_from_the_page_itself(
    qtbot: Any, simulator: Simulator, key: Qt.Key, modifier: Any
) -> None:
    view = make_view(qtbot)
    i3 = simulator.url
    with qtbot.waitSignal(view.pageLoaded, timeout=PAGE_TIMEOUT_MS):
        view.open(i3 + "/users/totalSyncLogin/tok", i3, cloud=False)
    assert view.view is not None and view.stack.currentWidget() is not view.loading
    # The focus inside I3's page, where it is after a click on it or Tab into it.
    view.view.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: view.isAncestorOf(focused()) and focused() is not view.backButton)
    with qtbot.waitSignal(view.reloadButton.clicked, timeout=2000):
        qtbot.keyClick(focused(), key, modifier)


def test_the_failure_page_is_driven_by_keys(qtbot: Any, closed_port: int) -> None:
    view = make_view(qtbot)
    url = f"http://127.0.0.1:{closed_port}"
    with qtbot.waitSignal(view.pageLoaded, timeout=PAGE_TIMEOUT_MS) as loaded:
        view.open(url + "/users/oneSyncUserLogin/x", url, cloud=False)
    assert loaded.args == [False] and view.stack.currentWidget() is view.failure
    panel = view.failure
    with qtbot.waitSignal(panel.retryRequested, timeout=2000):
        qtbot.keyClick(focus_on(qtbot, panel.backButton), Qt.Key.Key_T, ALT)
    # Try again went back to waiting; wait for the failure again, then Alt+O: the form.
    qtbot.waitUntil(lambda: view.stack.currentWidget() is view.failure, timeout=PAGE_TIMEOUT_MS)
    with qtbot.waitSignal(view.backRequested, timeout=2000):
        qtbot.keyClick(focus_on(qtbot, panel.retryButton), Qt.Key.Key_O, ALT)
    with qtbot.waitSignal(panel.backRequested, timeout=2000):
        qtbot.keyClick(focus_on(qtbot, panel.backButton), Qt.Key.Key_Space)


def _at(moment: datetime) -> datetime:
    return moment


def shown_buttons(root: QWidget) -> list[QAbstractButton]:
    return [b for b in root.findChildren(QAbstractButton) if b.isVisible()]


def assert_reachable_and_named(buttons: list[QAbstractButton]) -> None:
    """Each button: an access key no other shown button has, or an accessible name."""
    keys: dict[str, str] = {}
    for button in buttons:
        found = MNEMONIC.search(button.text())
        if found is None:
            assert button.accessibleName(), f"{button.objectName()} has no key and no name"
            continue
        key = found.group(1).lower()
        assert key not in keys, f"{button.text()!r} and {keys[key]!r} share Alt+{key}"
        keys[key] = button.text()
    assert buttons


def test_every_button_of_the_waiting_and_failure_pages_has_a_key_or_a_name(
    qtbot: Any, closed_port: int
) -> None:
    from desktop.esws.check import CheckTarget

    with waiting_page(qtbot) as view:
        assert_reachable_and_named(shown_buttons(view))
        assert view.loading.elapsedLabel.accessibleName()
        assert view.loading.elapsedLabel.accessibleDescription().startswith("Waiting for I3")

    view = make_view(qtbot)
    url = f"http://127.0.0.1:{closed_port}"
    target = CheckTarget.of(url + "/webservicesesws", url, cloud=True)
    with qtbot.waitSignal(view.pageLoaded, timeout=PAGE_TIMEOUT_MS):
        view.open(url + "/users/oneSyncUserLogin/x", url, cloud=True, check_target=target)
    check = view.checkView
    assert check.isVisible()
    with qtbot.waitSignal(check.started, timeout=2000):
        qtbot.keyClick(focus_on(qtbot, check.testButton), Qt.Key.Key_Space)
    # While it runs: the check's Cancel has no key of its own, a name instead.
    assert check.cancelButton.isVisible()
    assert_reachable_and_named(shown_buttons(view))
    assert check.cancelButton.accessibleName() == "Cancel the connection check"
    with qtbot.waitSignal(check.finished, timeout=20_000):
        qtbot.keyClick(focus_on(qtbot, check.cancelButton), Qt.Key.Key_Space)
    # The failure's icon is named and explained; the headline and the advice are announced.
    icon = view.failure.iconLabel
    assert icon.isVisible() and icon.accessibleName() == "Error" and icon.toolTip()
    assert view.failure.textLabel.accessibleDescription() == view.failure.textLabel.text()
    assert view.failure.titleLabel.accessibleName() == view.failure.titleLabel.text()
    assert check.statusLabel.accessibleDescription() == "Cancelled."


def test_the_history_tab_filters_and_buttons_have_keys_and_names(
    qtbot: Any, tmp_path: Path
) -> None:
    from desktop.gui.esws.history_tab import HistoryTab

    path = tmp_path / "history.sqlite3"
    # Newest first: the ok entry on top, the failed one of a day earlier below it.
    for days_ago, outcome, code in ((1, Outcome.FAILED, "READ_TIMEOUT"), (0, Outcome.OK, "")):
        moment = datetime.now(UTC) - timedelta(days=days_ago)
        HistoryStore(path, clock=partial(_at, moment)).record(
            source=Source.WINDOW,
            profile="Head office",
            kind=Kind.ONE,
            user_id="42",
            location_id=None,
            outcome=outcome,
            code=code,
            duration_ms=120,
        )
    store = HistoryStore(path)
    tab = HistoryTab(store, ["Head office"])
    qtbot.addWidget(tab)
    with qtbot.waitSignal(tab.loaded, timeout=5000):
        tab.show()
        tab.refresh()
    qtbot.waitExposed(tab)
    tab.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is tab)
    assert_reachable_and_named(shown_buttons(tab))
    # Each filter is named: a buddy label's key, or an accessible name.
    buddies = {label.buddy() for label in tab.findChildren(QLabel) if label.buddy() is not None}
    assert {tab.profileFilter, tab.outcomeFilter} <= buddies
    assert tab.userFilter.accessibleName() and tab.fromDate.accessibleName()
    assert tab.countLabel.accessibleDescription() == "2 entries"
    # Alt+M ticks From, from wherever the focus is; the table is reached by Tab.
    with qtbot.waitSignal(tab.loaded, timeout=5000):
        qtbot.keyClick(focus_on(qtbot, tab.userFilter), Qt.Key.Key_M, ALT)
    assert tab.fromCheck.isChecked() and tab.fromDate.isEnabled()
    table = focus_on(qtbot, tab.table)
    qtbot.keyClick(table, Qt.Key.Key_Down)
    entry = tab.selected_entry()
    assert entry is not None and entry.outcome is Outcome.FAILED
    assert tab.detailLabel.accessibleDescription() == "No answer within the timeout."
    with qtbot.waitSignal(tab.syncAgainRequested, timeout=2000):
        qtbot.keyClick(focused(), Qt.Key.Key_A, ALT)
