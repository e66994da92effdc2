"""Small presentational widgets shared by the form and the sync page: banners and field rows."""

from __future__ import annotations

import enum
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)


class Tone(enum.Enum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


# Colours chosen for contrast (WCAG AA) on both the light background and the tinted banner.
_TONES = {
    Tone.INFO: ("#e8f1fb", "#9cc0e8", "#123a63"),
    Tone.WARNING: ("#fff4e0", "#f0c36d", "#5c3d00"),
    Tone.ERROR: ("#fdecea", "#f1a9a0", "#7a1710"),
}
ERROR_TEXT = "#b3261e"
MUTED_TEXT = "#5f6b7a"


class Banner(QFrame):
    """A tinted message strip with optional action buttons; hidden while it has no message.

    The text label carries the objectName given (``errorLabel`` for the form's error banner), so
    automated tests and screen readers find the message itself.
    """

    closed = Signal()

    def __init__(self, label_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(label_name + "Banner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.label = QLabel(self)
        self.label.setObjectName(label_name)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._buttons = QHBoxLayout()
        self._buttons.setSpacing(6)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 8, 8)
        layout.setSpacing(12)
        layout.addWidget(self.label, 1)
        layout.addLayout(self._buttons)
        self._actions: list[QPushButton] = []
        self.hide()

    def show_message(
        self,
        html: str,
        tone: Tone = Tone.INFO,
        actions: list[tuple[str, Callable[[], None]]] | None = None,
        accessible_text: str = "",
    ) -> None:
        """Show ``html`` in the tone's colours, with one button per ``(text, callback)``."""
        background, border, text = _TONES[tone]
        self.setStyleSheet(
            f"#{self.objectName()} {{ background: {background}; border: 1px solid {border};"
            f" border-radius: 6px; }} #{self.objectName()} QLabel {{ color: {text}; }}"
        )
        self.label.setText(html)
        self.label.setAccessibleName(accessible_text or "Message")
        self.setProperty("tone", tone.value)
        for button in self._actions:
            self._buttons.removeWidget(button)
            button.deleteLater()
        self._actions = []
        for caption, callback in actions or []:
            button = QPushButton(caption, self)
            button.setAutoDefault(False)
            button.clicked.connect(callback)
            self._buttons.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)
            self._actions.append(button)
        self.show()

    def clear(self) -> None:
        """Hide the banner and forget its message."""
        if self.isHidden() and not self.label.text():
            return
        self.label.clear()
        self.hide()
        self.closed.emit()

    @property
    def tone(self) -> Tone | None:
        value = self.property("tone")
        return Tone(value) if not self.isHidden() and value else None

    def action_buttons(self) -> list[QPushButton]:
        return list(self._actions)


class InlineError(QLabel):
    """The message under a field; empty and hidden when the field is fine."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)  # may quote what a server said
        self.setStyleSheet(f"color: {ERROR_TEXT};")
        font = self.font()
        font.setPointSizeF(max(font.pointSizeF() * 0.92, 8.0))
        self.setFont(font)
        self.hide()

    def set_problem(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))


def caption(text: str, parent: QWidget | None = None, *, name: str = "") -> QLabel:
    """A small muted explanatory line under a field or section."""
    label = QLabel(text, parent)
    # Captions show profile names and addresses: never interpreted as markup (AutoText would).
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {MUTED_TEXT};")
    if name:
        label.setObjectName(name)
    font = label.font()
    font.setPointSizeF(max(font.pointSizeF() * 0.92, 8.0))
    label.setFont(font)
    return label


def section_heading(text: str, parent: QWidget | None = None) -> QLabel:
    """A bold heading that opens a group of fields."""
    label = QLabel(text, parent)
    font = QFont(label.font())
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.08)
    label.setFont(font)
    label.setAccessibleName(text)
    return label


def field_column(editor: QWidget, error: InlineError | None, *extra: QWidget) -> QWidget:
    """An editor with its inline error (and captions) stacked under it, for a form row."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(3)
    layout.addWidget(editor)
    if error is not None:
        layout.addWidget(error)
    for widget in extra:
        layout.addWidget(widget)
    return box
