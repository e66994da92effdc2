"""What the "I3 sync" tab shows on a first start: a short welcome and one thing to do.

Before any profile exists the form cannot sync, and listing what is missing in red before the
administrator has done anything reads as an error. The welcome says what a profile is and offers
the one button that makes one; once a profile exists the tab shows the form instead.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from desktop import APP_NAME
from desktop.gui.i18n import translate
from desktop.gui.widgets import caption, section_heading


class WelcomePage(QWidget):
    """The first-start page; ``createRequested`` when its button is pressed."""

    createRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePage")
        heading = section_heading(
            translate("WelcomePage", "Welcome to {app}").format(app=APP_NAME), self
        )
        text = QLabel(
            translate(
                "WelcomePage",
                "To synchronise people with I3, first say where your ESWS server and your I3 "
                "site are: that is a connection profile. You create it once; the security code "
                "and password are asked for when you sync.",
            ),
            self,
        )
        text.setTextFormat(Qt.TextFormat.PlainText)
        text.setWordWrap(True)
        self.createButton = QPushButton(
            translate("WelcomePage", "&Create connection profile…"), self
        )
        self.createButton.setObjectName("createProfileButton")
        self.createButton.setDefault(True)
        self.createButton.clicked.connect(self.createRequested)
        note = caption(
            translate("WelcomePage", "You can add more profiles later with Manage profiles."),
            self,
        )

        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.setSpacing(12)
        layout.addWidget(heading)
        layout.addWidget(text)
        layout.addWidget(self.createButton, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(note)
        layout.addStretch(1)
        self.setFocusProxy(self.createButton)
