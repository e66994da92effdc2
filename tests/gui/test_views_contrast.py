"""The sync view's waiting and failure pages, the connection check and the history tab stay
legible on a dark palette (Windows dark mode) as on a light one, and none of their problems is
told by colour alone: each says it in words, with a named warning icon."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLabel, QPlainTextEdit

from desktop.core.history_store import HistoryStore
from desktop.gui.palette import MIN_CONTRAST, contrast
from tests.fault_servers import silent_server
from tests.gui.conftest import PAGE_TIMEOUT_MS
from tests.gui.test_contrast import DARK, LIGHT, app_palette, make_palette, shown_contrast

__all__ = ["app_palette"]  # the fixture, used by name

PALETTES = pytest.mark.parametrize("colours", [LIGHT, DARK], ids=["light", "dark"])


def legible(labels: list[QLabel]) -> dict[str, float]:
    """The labels (shown, with text) whose text contrast is below the minimum, by name."""
    shown = [label for label in labels if label.isVisible() and label.text()]
    assert shown
    return {
        label.objectName() or label.text()[:30]: ratio
        for label in shown
        if (ratio := shown_contrast(label)) < MIN_CONTRAST
    }


def text_of(edit: QPlainTextEdit) -> float:
    palette = edit.palette()
    return contrast(palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base))


def make_view(qtbot: Any) -> Any:
    from desktop.gui.esws.sync_view import SyncView

    view = SyncView()
    qtbot.addWidget(view, before_close_func=lambda v: v.shutdown())
    view.resize(800, 600)
    view.show()
    qtbot.waitExposed(view)
    return view


def assert_named_icon(icon: QLabel) -> None:
    assert icon.isVisible()
    assert not icon.pixmap().isNull()
    assert icon.accessibleName() and icon.toolTip()


@PALETTES
def test_the_waiting_page_is_legible(
    qtbot: Any, app_palette: QApplication, colours: dict[str, str]
) -> None:
    QApplication.setPalette(make_palette(colours))
    with silent_server() as url:
        view = make_view(qtbot)
        view.loading.reminder_after_s = 0  # the reminder too
        view.open(url + "/users/oneSyncUserLogin/tok", url, cloud=False)
        qtbot.waitUntil(view.loading.reminderLabel.isVisible, timeout=5000)
        assert legible(view.loading.findChildren(QLabel)) == {}


@PALETTES
def test_the_failure_page_and_a_failed_check_are_legible_and_say_it_with_an_icon(
    qtbot: Any, app_palette: QApplication, colours: dict[str, str], closed_port: int
) -> None:
    from desktop.esws.check import CheckTarget

    QApplication.setPalette(make_palette(colours))
    view = make_view(qtbot)
    url = f"http://127.0.0.1:{closed_port}"
    target = CheckTarget.of(url + "/webservicesesws", url, cloud=True)
    with qtbot.waitSignal(view.pageLoaded, timeout=PAGE_TIMEOUT_MS):
        view.open(url + "/users/oneSyncUserLogin/x", url, cloud=True, check_target=target)
    failure = view.failure
    assert failure.titleLabel.text().startswith("The I3 page at 127.0.0.1:")
    assert_named_icon(failure.iconLabel)
    check = view.checkView
    with qtbot.waitSignal(check.finished, timeout=20_000):
        check.testButton.click()
    assert check.statusLabel.text().startswith("Failed at ")  # in words
    assert_named_icon(check.statusIcon)
    labels = [*failure.findChildren(QLabel), *check.findChildren(QLabel)]
    assert legible([label for label in labels if label.pixmap().isNull()]) == {}
    assert text_of(check.lines) >= MIN_CONTRAST


def test_a_check_that_is_fine_shows_no_warning_icon(qtbot: Any, simulator: Any) -> None:
    from desktop.esws.check import CheckTarget
    from desktop.gui.esws.check_view import CheckView

    target = CheckTarget.of(simulator.esws_endpoint, simulator.url, cloud=True)
    view = CheckView(lambda: target)
    qtbot.addWidget(view)
    view.show()
    with qtbot.waitSignal(view.finished, timeout=20_000):
        view.testButton.click()
    assert view.statusLabel.text() == "Every step is ok."
    assert not view.statusIcon.isVisible()


@PALETTES
def test_the_history_problem_line_is_legible_with_an_icon(
    qtbot: Any, app_palette: QApplication, colours: dict[str, str], tmp_path: Path
) -> None:
    from desktop.gui.esws.history_tab import HistoryTab

    QApplication.setPalette(make_palette(colours))
    broken = tmp_path / "history.sqlite3"
    broken.write_bytes(b"this is not a database" * 100)
    tab = HistoryTab(HistoryStore(broken), [])
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitUntil(lambda: tab.problemLabel.text() != "", timeout=5000)
    assert tab.problemLabel.text().startswith("The sync history cannot be shown: ")
    assert_named_icon(tab.problemIcon)
    assert legible([tab.problemLabel]) == {}
    # Drawn in the palette's error colour, made light enough on dark (dark enough on light).
    assert tab.problemLabel.palette().color(tab.problemLabel.foregroundRole()) != (
        QApplication.palette().color(QPalette.ColorRole.WindowText)
    )
