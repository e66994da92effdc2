"""The row under the form: what is missing (or ready), the wait for ESWS, Cancel and Sync."""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from desktop.gui.i18n import translate
from desktop.gui.messages import field_name
from desktop.gui.widgets import caption


def field_list(fields: list[str]) -> str:
    """Field names (as the core names them) joined into one list, in the window's language."""
    return translate("FetchBar", ", ").join(field_name(field) for field in fields)


class FetchBar(QWidget):
    """Sync and Cancel, a hint while idle; a progress bar and the seconds waited while busy."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("fetchBar")
        self.where = ""
        self.progress = QProgressBar(self)
        self.progress.setObjectName("fetchProgress")
        self.progress.setRange(0, 0)  # indeterminate: ESWS says nothing until it answers
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(6)
        self.progress.setAccessibleName(translate("FetchBar", "Waiting for ESWS"))
        self.statusLabel = QLabel(self)
        self.statusLabel.setTextFormat(Qt.TextFormat.PlainText)  # names the server's host
        self.statusLabel.setObjectName("fetchStatus")
        self.statusLabel.setWordWrap(True)  # a long host never widens a small window
        self.statusLabel.setAccessibleName(translate("FetchBar", "Sync status"))
        self.hintLabel = caption("", self, name="syncHint")
        self.hintLabel.setAccessibleName(translate("FetchBar", "What the sync needs"))
        # No access key: Esc cancels, and Alt+N would be one more letter taken in the window.
        self.cancelButton = QPushButton(translate("FetchBar", "Cancel"), self)
        self.cancelButton.setObjectName("cancelButton")
        self.cancelButton.setAutoDefault(False)
        self.cancelButton.setAccessibleName(translate("FetchBar", "Cancel the request"))
        self.cancelButton.setToolTip(translate("FetchBar", "Cancel the request (Esc)"))
        self.syncButton = QPushButton(translate("FetchBar", "&Sync"), self)
        self.syncButton.setObjectName("syncButton")
        self.syncButton.setDefault(True)
        self.syncButton.setMinimumWidth(110)
        self._elapsed = QElapsedTimer()
        self._ticker = QTimer(self)
        self._ticker.setInterval(1000)
        self._ticker.timeout.connect(self._tick)

        texts = QVBoxLayout()
        texts.setSpacing(4)
        texts.addWidget(self.statusLabel)
        texts.addWidget(self.progress)
        texts.addWidget(self.hintLabel)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(10)
        row.addLayout(texts, 1)
        row.addWidget(self.cancelButton, 0, Qt.AlignmentFlag.AlignBottom)
        row.addWidget(self.syncButton, 0, Qt.AlignmentFlag.AlignBottom)
        self.set_busy(False)

    def set_busy(self, busy: bool, where: str = "") -> None:
        """Show (or hide) the wait: progress, "Asking ESWS at <where>… (n s)", Cancel."""
        self.where = where or self.where
        for widget in (self.progress, self.statusLabel, self.cancelButton):
            widget.setVisible(busy)
        if busy:
            self.hintLabel.clear()
            self._elapsed.start()
            self._ticker.start()
            self._tick()
            # Said once (not at every tick of the counter): what the wait is for.
            self.statusLabel.setAccessibleDescription(self.statusLabel.text())
            self.cancelButton.setAccessibleDescription(self.statusLabel.text())
        else:
            self._ticker.stop()
            self.statusLabel.clear()
            self.statusLabel.setAccessibleDescription("")

    def _tick(self) -> None:
        seconds = self._elapsed.elapsed() // 1000
        if seconds >= 1:
            text = translate(
                "FetchBar", "Asking ESWS at {where} for a sync token… ({seconds} s)"
            ).format(where=self.where, seconds=seconds)
        else:
            text = translate("FetchBar", "Asking ESWS at {where} for a sync token…").format(
                where=self.where
            )
        self.statusLabel.setText(text)

    def show_hint(self, problems: dict[str, str], *, busy: bool) -> None:
        """Sync is enabled only for a complete form; the hint says what is missing."""
        self.syncButton.setEnabled(not problems and not busy)
        if busy:
            self.hintLabel.clear()
        elif problems:
            self.hintLabel.setText(
                translate("FetchBar", "To sync, complete: {fields}.").format(
                    fields=field_list(list(problems))
                )
            )
        else:
            self.hintLabel.setText(translate("FetchBar", "Ready. Press Enter or Sync."))
        self.hintLabel.setAccessibleDescription(self.hintLabel.text())
        # Focus on a disabled-looking Sync: a screen reader says why (or that it is ready).
        self.syncButton.setAccessibleDescription(self.hintLabel.text())
