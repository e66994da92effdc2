"""The strip pinned to the bottom of the "I3 sync" tab: the outcome message, Sync and Cancel.

On a small window or at 200 % scaling the form scrolls, but this strip does not: Sync and Cancel
stay on screen, and the message about the last attempt shows right above them, where the
administrator's eyes are (never "see below" pointing off screen).
"""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from desktop.gui.esws.fetch_bar import FetchBar
from desktop.gui.widgets import Banner

# The form's column and this strip share one width, so the buttons line up with the fields.
FORM_MAX_WIDTH = 700


def centred(content: QWidget, parent: QWidget | None = None) -> QWidget:
    """``content`` at most :data:`FORM_MAX_WIDTH` wide, centred in a row that fills its parent."""
    row_widget = QWidget(parent)
    row = QHBoxLayout(row_widget)
    row.setContentsMargins(0, 0, 0, 0)
    row.addStretch(1)
    content.setMaximumWidth(FORM_MAX_WIDTH)
    row.addWidget(content, 100)
    row.addStretch(1)
    return row_widget


class ActionBar(QWidget):
    """The outcome banner (``errorLabel``) above the fetch row (Sync, Cancel, hint, progress)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("actionBar")
        self.errorBanner = Banner("errorLabel", self)
        self.fetchBar = FetchBar(self)

        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        content = QWidget(self)
        inner = QVBoxLayout(content)
        inner.setContentsMargins(24, 8, 24, 12)
        inner.setSpacing(8)
        inner.addWidget(self.errorBanner)
        inner.addWidget(self.fetchBar)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(line)
        outer.addWidget(centred(content, self))
