"""A field's inline error is also that field's accessible description, set and cleared with it."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLineEdit, QWidget

from desktop.gui.widgets import InlineError


def test_the_problem_describes_the_field_it_is_about(qtbot: Any) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    edit = QLineEdit(parent)
    error = InlineError("fieldError", parent, describes=edit)
    parent.show()
    error.set_problem("The address is not valid.")
    assert error.isVisible() and error.text() == "The address is not valid."
    assert edit.accessibleDescription() == "The address is not valid."
    error.set_problem("")
    assert not error.isVisible()
    assert edit.accessibleDescription() == ""


def test_without_a_field_only_the_message_is_shown(qtbot: Any) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    error = InlineError("fieldError", parent)
    parent.show()
    error.set_problem("Something is wrong.")
    assert error.describes is None and error.isVisible()
