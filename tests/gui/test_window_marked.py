"""Every text the main window shows is looked up in the catalogues: with a catalogue that marks
each text it is asked for, every label, button, tab title, menu item, item of a list, placeholder,
tooltip and accessible name or description on the form, the sync page, a refusal, the CRM.COM
tab and the History tab comes out marked; only values (the profile's name and addresses, what
was typed, numbers) and the product name stand unmarked."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QLineEdit,
    QMenu,
    QTabWidget,
    QWidget,
)

from tests.gui.catalogues import OPEN
from tests.gui.conftest import PAGE_TIMEOUT_MS, PROFILE, fill_form

# Values, not texts: the product, the profile, addresses, what was typed, numbers, masks.
VALUE = re.compile(
    rf"^(CRM\.COM|I3 Sync Desktop|{re.escape(PROFILE)}|.*://.*|[\d\s.:/•●…]*|demo\.admin|.*@.*)$"
)


def texts_of(widget: QWidget) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    if isinstance(widget, (QLabel, QAbstractButton)):
        found.append(("text", widget.text()))
    if isinstance(widget, QLineEdit):
        found.append(("placeholder", widget.placeholderText()))
    if isinstance(widget, QComboBox):
        found += [("item", widget.itemText(i)) for i in range(widget.count())]
    if isinstance(widget, QTabWidget):
        found += [("tab", widget.tabText(i)) for i in range(widget.count())]
    found += [
        ("tooltip", widget.toolTip()),
        ("name", widget.accessibleName()),
        ("description", widget.accessibleDescription()),
    ]
    return found


def unmarked(root: QWidget) -> list[str]:
    """Visible texts under ``root`` that were never looked up (values aside)."""
    missing = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        for kind, text in texts_of(widget):
            plain = re.sub(r"<[^>]+>", "", text).strip()
            if plain and OPEN not in plain and not VALUE.match(plain):
                missing.append(f"{type(widget).__name__} {widget.objectName()} {kind}: {plain!r}")
    return missing


def test_the_whole_window_asks_the_catalogues_for_every_text(
    qtbot: Any, marking: None, simulator: Any, saved_profile: Any, make_window: Any
) -> None:
    window = make_window()
    found = unmarked(window)
    for menu in window.menuBar().findChildren(QMenu):
        found += [
            f"menu item: {a.text()!r}" for a in menu.actions() if a.text() and OPEN not in a.text()
        ]

    fill_form(qtbot, window, password="not-the-password")
    with qtbot.waitSignal(window.sync_tab.fetcher.failed, timeout=PAGE_TIMEOUT_MS):
        window.sync_tab.form.syncButton.click()
    qtbot.waitUntil(window.sync_tab.form.errorBanner.isVisible)
    found += unmarked(window)

    tab = window.sync_tab
    page = tab.ensure_sync_page()
    tab.setCurrentWidget(page)
    qtbot.waitUntil(page.backButton.isVisible)
    found += unmarked(window)
    tab.back_to_form()

    for index in range(1, window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        qtbot.waitUntil(lambda: window.tabs.currentWidget().isVisible())
        qtbot.waitUntil(lambda: type(window.tabs.currentWidget()).__name__ != "QWidget")
        found += unmarked(window)
    assert sorted(set(found)) == []


def test_the_check_finds_a_text_that_bypasses_the_catalogues(
    qtbot: Any, marking: None, saved_profile: Any, make_window: Any
) -> None:
    window = make_window()
    window.sync_tab.form.hintLabel.setText("Not looked up")
    assert any("Not looked up" in line for line in unmarked(window))
