"""The profiles dialog's confirmation quotes a profile name: it is shown as plain text, and its
buttons name their actions (never Yes/No), the safe one the default."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from desktop.gui.esws.profile_parts import confirm


def test_the_question_is_plain_text_and_the_safe_answer_is_the_default(qtbot: Any) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    seen: list[tuple[Any, ...]] = []

    def answer(choose: str) -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, lambda: answer(choose))
            return
        buttons = {button.text(): button for button in box.buttons()}
        seen.append((box.textFormat(), sorted(buttons), box.defaultButton() is buttons["Cancel"]))
        assert box.standardButtons() == QMessageBox.StandardButton.NoButton  # no Yes/No
        buttons[choose].click()

    QTimer.singleShot(0, lambda: answer("Cancel"))
    question = 'Delete "<b>Acme</b>"?'
    assert confirm(parent, "Delete profile", question, "Delete profile") is False
    QTimer.singleShot(0, lambda: answer("Delete profile"))
    assert confirm(parent, "Delete profile", question, "Delete profile") is True
    assert seen == [(Qt.TextFormat.PlainText, ["Cancel", "Delete profile"], True)] * 2
