"""The panel shown over the sync view while I3's page has not started rendering.

A page that accepts the connection and never answers would otherwise leave a blank white view:
the panel says which host is being opened and for how long, offers Cancel, brings in the network
reminder after a while, and reports when the deadline has passed (the sync view then gives up).
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.gui.i18n import locale, translate, translate_marked
from desktop.gui.messages import Problem, network_reminder, seconds_text
from desktop.gui.widgets import caption, section_heading, set_line

REMINDER_AFTER_S = 10.0  # about when an admin starts to wonder
PAGE_DEADLINE_S = 45.0  # then the load is stopped and the failure page shown

SLOW_CLOUD = QT_TRANSLATE_NOOP("LoadingPanel", "I3 is taking long to answer.")


def reminder_text(cloud: bool) -> str:
    """What the panel adds once the page is slow: the same-network prerequisite on-premise."""
    slow = translate_marked("LoadingPanel", SLOW_CLOUD)
    if cloud:
        return slow
    return f"{slow} {network_reminder(cloud=False)}"  # two whole sentences


def page_timeout(host: str, seconds: float, *, cloud: bool) -> Problem:
    """The failure page's message when I3's page did not start within ``seconds``."""
    return Problem(
        translate(
            "LoadingPanel", "The I3 page at {host} did not answer within {seconds} s."
        ).format(host=host, seconds=seconds_text(seconds)),
        network_reminder(cloud),
    )


class LoadingPanel(QWidget):
    """ "Opening I3 at <host>…", the seconds waited, Cancel, and the reminder once it is slow.

    ``reminder_after_s`` and ``deadline_s`` are read at each :meth:`start`.
    """

    cancelled = Signal()
    reminderShown = Signal()
    deadlineReached = Signal()

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        reminder_after_s: float = REMINDER_AFTER_S,
        deadline_s: float = PAGE_DEADLINE_S,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pageLoading")
        self.reminder_after_s = reminder_after_s
        self.deadline_s = deadline_s
        self.titleLabel = section_heading("", self)
        self.titleLabel.setObjectName("pageLoadingTitle")
        self.titleLabel.setTextFormat(Qt.TextFormat.PlainText)  # the host comes from the profile
        self.titleLabel.setWordWrap(True)
        self.elapsedLabel = caption("", self, name="pageLoadingElapsed")
        self.reminderLabel = QLabel(self)
        self.reminderLabel.setObjectName("pageLoadingReminder")
        self.reminderLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.reminderLabel.setWordWrap(True)
        self.reminderLabel.hide()
        self.elapsedLabel.setAccessibleName(translate("LoadingPanel", "Time waited"))
        self.reminderLabel.setAccessibleName(translate("LoadingPanel", "Why it may take long"))
        self.cancelButton = QPushButton(translate("LoadingPanel", "&Cancel"), self)
        self.cancelButton.setObjectName("pageLoadingCancel")
        self.cancelButton.setToolTip(
            translate("LoadingPanel", "Stop waiting and go back to the form (Esc)")
        )
        self.cancelButton.clicked.connect(self.cancelled)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancelButton)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 40, 40, 40)
        layout.setSpacing(12)
        layout.addWidget(self.titleLabel)
        layout.addWidget(self.elapsedLabel)
        layout.addWidget(self.reminderLabel)
        layout.addLayout(buttons)
        layout.addStretch(1)

        self._clock = QElapsedTimer()
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._show_elapsed)
        self._reminder = QTimer(self)
        self._reminder.setSingleShot(True)
        self._reminder.timeout.connect(self._remind)
        self._deadline = QTimer(self)
        self._deadline.setSingleShot(True)
        self._deadline.timeout.connect(self._give_up)
        self.cloud = False

    @property
    def waiting(self) -> bool:
        """True from :meth:`start` until :meth:`stop` (or the deadline)."""
        return self._tick.isActive()

    def start(self, host: str, *, cloud: bool) -> None:
        """Begin waiting for the page of ``host``: the clock starts at 0 s, no reminder yet."""
        self.cloud = cloud
        self.titleLabel.setText(
            translate("LoadingPanel", "Opening I3 at {host}…").format(host=host)
        )
        self.titleLabel.setAccessibleName(self.titleLabel.text())
        self.reminderLabel.clear()
        self.reminderLabel.hide()
        self._clock.start()
        self._show_elapsed()
        self._tick.start()
        self._reminder.start(int(self.reminder_after_s * 1000))
        self._deadline.start(int(self.deadline_s * 1000))

    def stop(self) -> None:
        """The page has started (or failed, or the sync went): no more ticks, no deadline."""
        self._tick.stop()
        self._reminder.stop()
        self._deadline.stop()

    def elapsed_s(self) -> int:
        """Whole seconds since :meth:`start`."""
        return int(self._clock.elapsed() // 1000) if self._clock.isValid() else 0

    def showEvent(self, event: QShowEvent) -> None:
        # Cancel is the one thing to do here: Enter or Space presses it, Esc too (keyPressEvent).
        super().showEvent(event)
        self.cancelButton.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.cancelled.emit()
        else:
            super().keyPressEvent(event)

    def _show_elapsed(self) -> None:
        seconds = self.elapsed_s()
        text = (
            translate("LoadingPanel", "Waiting for I3's page: {seconds} s").format(
                seconds=locale().toString(seconds)
            )
            if seconds
            else translate("LoadingPanel", "Waiting for I3's page…")
        )
        set_line(self.elapsedLabel, text)

    def _remind(self) -> None:
        set_line(self.reminderLabel, reminder_text(self.cloud))
        self.reminderLabel.show()
        self.reminderShown.emit()

    def _give_up(self) -> None:
        self.stop()
        self.deadlineReached.emit()
