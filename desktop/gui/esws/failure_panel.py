"""The page shown instead of I3's when it could not be opened: what happened, what to check,
Try again, Back to the form, and "Test connection" for the sync's profile."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.gui.esws.check_view import CheckView
from desktop.gui.i18n import translate
from desktop.gui.messages import Problem
from desktop.gui.widgets import Tone, ToneIcon, caption, section_heading

if TYPE_CHECKING:
    from desktop.esws.check import CheckTarget


class FailurePanel(QWidget):
    """The failure page; ``checkView`` tests what ``target()`` returns (hidden when None)."""

    retryRequested = Signal()
    backRequested = Signal()

    def __init__(
        self, target: Callable[[], CheckTarget | None], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pageFailure")
        self._target = target
        self.titleLabel = section_heading("", self)
        self.titleLabel.setObjectName("pageFailureTitle")
        self.titleLabel.setWordWrap(True)
        self.titleLabel.setTextFormat(Qt.TextFormat.PlainText)  # quotes Chromium and the URL
        # Not colour alone: the failure has an icon beside its headline, and says it in words.
        self.iconLabel = ToneIcon(Tone.WARNING, 32, translate("FailurePanel", "Error"), self)
        self.iconLabel.setObjectName("pageFailureIcon")
        self.iconLabel.setToolTip(translate("FailurePanel", "The I3 page could not be opened"))
        heading = QHBoxLayout()
        heading.addWidget(self.iconLabel, 0, Qt.AlignmentFlag.AlignTop)
        heading.addWidget(self.titleLabel, 1)
        self.textLabel = QLabel(self)
        self.textLabel.setObjectName("pageFailureText")
        self.textLabel.setWordWrap(True)
        self.textLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.retryButton = retry = QPushButton(translate("FailurePanel", "&Try again"), self)
        retry.setObjectName("pageFailureRetry")
        retry.clicked.connect(self.retryRequested)
        self.backButton = back = QPushButton(translate("FailurePanel", "Back to the f&orm"), self)
        back.setObjectName("pageFailureBack")
        back.clicked.connect(self.backRequested)
        buttons = QHBoxLayout()
        buttons.addWidget(retry)
        buttons.addWidget(back)
        buttons.addStretch(1)
        self.checkView = CheckView(target, self)
        self.checkView.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 40, 40, 40)
        layout.setSpacing(12)
        layout.addLayout(heading)
        layout.addWidget(self.textLabel)
        layout.addWidget(
            caption(
                translate(
                    "FailurePanel",
                    "Nothing was synchronised. The sync token is kept until you go back.",
                ),
                self,
            )
        )
        layout.addLayout(buttons)
        layout.addWidget(self.checkView)
        layout.addStretch(1)

    def show_problem(self, problem: Problem) -> None:
        """Fill in ``problem``; a check of an earlier failure is dropped."""
        self.titleLabel.setText(problem.headline)
        self.titleLabel.setAccessibleName(problem.headline)
        self.textLabel.setText(problem.advice)
        self.textLabel.setAccessibleDescription(problem.advice)
        self.checkView.reset()
        self.checkView.setVisible(self._target() is not None)
