"""Long profile names and values are elided with "…" and can still be read whole (tooltip,
accessible name); text fields show the start of a long value."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from desktop.gui.widgets import ELLIPSIS, ElidedLabel, elide_combo, show_start
from tests.gui.tooltips import shown

LONG_NAME = "Identysoft Demo Company — Headquarters and every regional office " * 3


def test_a_long_name_is_elided_with_a_tooltip_and_shown_whole_when_it_fits(
    qtbot: QtBot,
) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    label = ElidedLabel(LONG_NAME, window)
    QVBoxLayout(window).addWidget(label)
    window.resize(300, 60)
    window.show()
    qtbot.waitExposed(window)

    assert label.text().endswith(ELLIPSIS)
    assert label.text() != LONG_NAME and label.is_elided()
    assert label.fontMetrics().horizontalAdvance(label.text()) <= label.width()
    assert shown(label.toolTip()) == LONG_NAME and label.accessibleName() == LONG_NAME
    assert label.full_text() == LONG_NAME

    # Wide enough: the whole name, and no tooltip repeating it.
    window.resize(label.sizeHint().width() + 60, 60)
    qtbot.waitUntil(lambda: label.width() >= label.sizeHint().width())
    assert label.text() == LONG_NAME and label.toolTip() == "" and not label.is_elided()

    label.set_full_text("Short")
    assert label.text() == "Short"


def test_the_label_never_forces_the_window_wide(qtbot: QtBot) -> None:
    label = ElidedLabel(LONG_NAME)
    qtbot.addWidget(label)
    assert label.minimumSizeHint().width() < 100
    label.set_full_text("<b>not bold</b>")
    assert label.textFormat() is Qt.TextFormat.PlainText


def test_a_long_value_shows_its_start(qtbot: QtBot) -> None:
    edit = QLineEdit()
    qtbot.addWidget(edit)
    edit.resize(120, 30)
    edit.setText("https://very-long-host-name.example.invalid/webservicesesws/index.php")
    assert edit.cursorPosition() == len(edit.text())  # Qt leaves it at the end
    show_start(edit)
    assert edit.cursorPosition() == 0


def test_a_combo_of_long_names_stays_narrow_with_whole_names_as_tooltips(
    qtbot: QtBot,
) -> None:
    combo = QComboBox()
    qtbot.addWidget(combo)
    combo.addItems(["Short", LONG_NAME])
    before = combo.sizeHint().width()
    elide_combo(combo)
    assert combo.sizeHint().width() < before
    assert shown(combo.itemData(1, Qt.ItemDataRole.ToolTipRole)) == LONG_NAME
    assert combo.view().textElideMode() is Qt.TextElideMode.ElideMiddle
    assert combo.view().minimumWidth() > combo.sizeHint().width()


def test_a_name_that_looks_like_markup_is_shown_literally_in_its_tooltip(qtbot) -> None:
    from desktop.gui.widgets import plain_tooltip

    name = "<b>Payroll</b> & <i>HR</i> " + "x" * 80
    tip = plain_tooltip(name)
    assert tip.startswith("<qt>") and "<b>" not in tip
    assert shown(tip) == name
