"""The profiles dialog's confirmation quotes a profile name: it is shown as plain text."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop.gui.esws.profile_parts import ask_yes_no


def test_the_question_is_plain_text_and_no_is_the_safe_default(qtbot: Any) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[tuple[Any, Any]] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, answer)
            return
        seen.append((box.textFormat(), box.defaultButton() is box.button(box.StandardButton.No)))
        box.button(QMessageBox.StandardButton.No).click()

    QTimer.singleShot(0, answer)
    assert ask_yes_no(parent, "Delete profile", 'Delete "<b>Acme</b>"?') is False
    assert seen == [(Qt.TextFormat.PlainText, True)]
