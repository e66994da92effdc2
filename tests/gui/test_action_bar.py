"""A small window (or 200 % scaling): Sync, Cancel and the outcome stay on screen in the action bar
pinned under the form, which scrolls; after a refusal the field concerned is scrolled into view."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication, QWidget

from desktop.simulator.server import Simulator
from tests.gui.conftest import fill_form

SMALL = (480, 360)


def shown_in_window(widget: QWidget) -> bool:
    """True when all of ``widget`` lies inside its window and nothing clips it away."""
    window = widget.window()
    rect = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    return (
        widget.isVisible()
        and window.rect().contains(rect)
        and not widget.visibleRegion().isEmpty()
        and widget.visibleRegion().boundingRect().size() == widget.size()
    )


def shown_in_viewport(widget: QWidget, window: Any) -> bool:
    """True when ``widget`` is inside the visible part of the form's scroll area."""
    viewport = window.sync_tab.form.formScroll.viewport()
    rect = QRect(widget.mapTo(viewport, QPoint(0, 0)), widget.size())
    return viewport.rect().contains(rect) and not widget.visibleRegion().isEmpty()


def small_window(qtbot: Any, make_window: Any) -> Any:
    window = make_window()
    window.resize(*SMALL)
    qtbot.waitUntil(lambda: window.width() <= SMALL[0] + 1 and window.height() <= SMALL[1] + 1)
    return window


def test_sync_stays_visible_in_a_small_window_and_the_form_scrolls(
    qtbot: Any, simulator: Simulator, saved_profile: Any, make_window: Any
) -> None:
    window = small_window(qtbot, make_window)
    form = window.sync_tab.form
    assert window.width() <= SMALL[0] + 1 and window.height() <= SMALL[1] + 1
    assert shown_in_window(form.syncButton)
    assert form.formScroll.verticalScrollBar().maximum() > 0  # the fields scroll, not the bar
    assert form.formScroll.horizontalScrollBar().maximum() == 0  # never sideways
    # Scrolled to the end of the fields, or back to the top: Sync does not move away.
    form.formScroll.verticalScrollBar().setValue(form.formScroll.verticalScrollBar().maximum())
    assert shown_in_window(form.syncButton)
    form.formScroll.verticalScrollBar().setValue(0)
    assert shown_in_window(form.syncButton)
    assert form.actionBar.isAncestorOf(form.syncButton)
    assert not form.formScroll.isAncestorOf(form.syncButton)


def test_cancel_is_visible_in_a_small_window_while_esws_is_asked(
    qtbot: Any, simulator: Simulator, saved_profile: Any, make_window: Any
) -> None:
    window = small_window(qtbot, make_window)
    form = window.sync_tab.form
    fill_form(qtbot, window)
    simulator.delay_seconds = 60.0
    qtbot.mouseClick(form.syncButton, Qt.MouseButton.LeftButton)
    assert form.busy
    qtbot.waitUntil(lambda: shown_in_window(form.cancelButton))
    assert shown_in_window(form.statusLabel)
    assert window.width() <= SMALL[0] + 1  # the wait's long line wraps: the window keeps its size
    with qtbot.waitSignal(window.sync_tab.fetcher.failed, timeout=2000):
        qtbot.mouseClick(form.cancelButton, Qt.MouseButton.LeftButton)


def test_a_refusal_shows_beside_sync_and_the_field_it_is_about(
    qtbot: Any, simulator: Simulator, saved_profile: Any, make_window: Any
) -> None:
    window = small_window(qtbot, make_window)
    form = window.sync_tab.form
    fill_form(qtbot, window, password="not the password")
    form.formScroll.verticalScrollBar().setValue(form.formScroll.verticalScrollBar().maximum())
    qtbot.mouseClick(form.syncButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: form.errorBanner.isVisible() and not form.busy, timeout=10_000)

    # The message is where the administrator looks: in the pinned bar, whole, with Sync; the
    # window kept its size.
    assert window.width() <= SMALL[0] + 1 and window.height() <= SMALL[1] + 1
    assert shown_in_window(form.errorBanner)
    assert shown_in_window(form.syncButton)
    assert "password" in form.errorLabel.text().lower()
    # The field concerned has the focus and is scrolled back into view with its own line.
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.passwordEdit)
    qtbot.waitUntil(lambda: shown_in_viewport(form.passwordEdit, window))
    assert form.passwordError.text()
    assert shown_in_viewport(form.passwordError, window)
