""" "Test connection" in the window: the connection check's steps ticking in as they finish.

Used by the profile dialog (the profile as typed) and by the sync page's failure page (the
profile of that sync). The check (:class:`desktop.esws.check.ConnectionCheck`) runs on the window's
runner; each step's result is posted back to the GUI thread through a queued signal as soon as it
is known. Cancel ends the run at once for the user: the steps left are shown skipped, and the
check's sockets are closed on its own thread. Every line is plain text (it may quote a server).
Nothing secret is ever sent: the check asks ESWS with an empty security code, admin and password.

:mod:`desktop.esws.check` imports zeep: it is imported when a check starts, never at start-up.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import InputError
from desktop.gui.i18n import locale, translate, translate_marked
from desktop.gui.messages import describe
from desktop.gui.runner import Job, Outcome, Runner, post_to_gui
from desktop.gui.widgets import Tone, ToneIcon, caption, set_line

if TYPE_CHECKING:
    from desktop.esws.check import CheckTarget, ConnectionCheck, StepResult
    from desktop.esws.profiles import Profile

log = logging.getLogger(__name__)

# The whole check, all steps together (as `i3sync check`'s default --timeout).
CHECK_TIMEOUT_SECONDS = 30.0


def check_target_for(profile: Profile) -> CheckTarget | None:
    """What "Test connection" checks for a saved profile (None when its addresses are invalid)."""
    from desktop.esws.check import CheckTarget

    try:
        return CheckTarget.for_profile(profile)
    except (InputError, ValueError):
        return None


# desktop.esws.check_steps.CONTEXT, where the check marks the texts it shows (not imported from
# there: that module loads the HTTP stack, which must not come with this view's import).
CHECK_CONTEXT = "ConnectionCheck"


def shown_text(text: str) -> str:
    """``text``, one of the check's marked texts (a step's name, a status, a note, the reason a
    step was skipped), in the window's language; any other text comes back as it is. A step's
    detail is shown with :meth:`StepResult.shown_detail_in`: its template translated, filled with
    the data (addresses, status lines, certificate names, problem codes) verbatim."""
    return translate_marked(CHECK_CONTEXT, text)


def shown_note(note: str) -> str:
    """A note of ``notes_for`` in the window's language."""
    from desktop.esws.check import NOTE_PREFIX

    if note.startswith(NOTE_PREFIX):
        return shown_text(NOTE_PREFIX) + shown_text(note.removeprefix(NOTE_PREFIX))
    return shown_text(note)


def shown_line(result: StepResult) -> str:
    """A step's line as :meth:`StepResult.line` writes it, in the window's language (the data
    verbatim, the milliseconds as the locale writes numbers)."""
    return result.line(translate_marked, locale().toString)


class _Run:
    """One run's link back to its view; ``active`` goes False when the view stops listening."""

    def __init__(self, number: int, deliver: Callable[[StepResult], None]) -> None:
        self.number = number
        self.deliver = deliver
        self.active = True


def _send(run: _Run, result: StepResult) -> None:
    """A check thread: queue the step's result for the GUI thread (dropped once the run ended)."""

    def deliver() -> None:
        if run.active:
            run.deliver(result)

    if run.active:
        post_to_gui(deliver)


class CheckView(QWidget):
    """A "Test connection" button, Cancel while it runs, the step lines, then notes.

    ``target_for()`` says what to check when the button is pressed: a ``CheckTarget``, or None
    when the input is invalid (the host then shows the problem under its field; nothing runs).
    """

    started = Signal()
    stepFinished = Signal(object)  # a StepResult, on the GUI thread, in order
    finished = Signal(list)  # every step's StepResult: the run ended (or was cancelled)

    _numbers = itertools.count(1)

    def __init__(
        self,
        target_for: Callable[[], CheckTarget | None],
        parent: QWidget | None = None,
        *,
        runner: Runner | None = None,
        timeout: float = CHECK_TIMEOUT_SECONDS,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("connectionCheck")
        self.target_for = target_for
        self.timeout = timeout
        self._runner = runner or Runner("i3sync-check", self)
        self._job: Job | None = None
        self._run: _Run | None = None
        self._check: ConnectionCheck | None = None
        self._steps: list[str] = []
        self.results: list[StepResult] = []
        self._build()
        # Deleted while a check runs (its dialog closed): stop listening to that run.
        runs: list[_Run | None] = [None]
        self._runs = runs
        self.destroyed.connect(lambda *_: _forget(runs))

    def _build(self) -> None:
        self.testButton = QPushButton(translate("CheckView", "Test &connection"), self)
        self.testButton.setObjectName("testConnectionButton")
        self.testButton.setAutoDefault(False)
        self.testButton.setToolTip(
            translate(
                "CheckView",
                "Check, step by step, the way to ESWS and I3. No password or security code is "
                "sent.",
            )
        )
        self.testButton.clicked.connect(self.start)
        # No access key (the dialogs it sits in use theirs): named for a screen reader instead.
        self.cancelButton = QPushButton(translate("CheckView", "Cancel"), self)
        self.cancelButton.setObjectName("cancelCheckButton")
        self.cancelButton.setAccessibleName(translate("CheckView", "Cancel the connection check"))
        self.cancelButton.setToolTip(translate("CheckView", "Cancel the connection check"))
        self.cancelButton.setAutoDefault(False)
        self.cancelButton.clicked.connect(self.cancel)
        self.cancelButton.hide()
        # Not colour alone: a failed check says so in words and shows a warning icon.
        self.statusIcon = ToneIcon(
            Tone.WARNING, 16, translate("CheckView", "Problem found"), parent=self
        )
        self.statusIcon.setObjectName("checkStatusIcon")
        self.statusIcon.setToolTip(translate("CheckView", "Problem found"))
        self.statusIcon.hide()
        self.statusLabel = QLabel(self)
        self.statusLabel.setObjectName("checkStatus")
        self.statusLabel.setAccessibleName(translate("CheckView", "Connection check status"))
        self.statusLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.statusLabel.setWordWrap(True)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.testButton)
        row.addWidget(self.cancelButton)
        row.addWidget(self.statusIcon)
        row.addWidget(self.statusLabel, 1)

        self.lines = QPlainTextEdit(self)  # plain text by nature: server text stays text
        self.lines.setObjectName("checkLines")
        self.lines.setAccessibleName(translate("CheckView", "Connection check results"))
        self.lines.setReadOnly(True)
        self.lines.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.lines.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.lines.setMaximumHeight(150)
        self.lines.hide()
        self.notesLabel = caption("", self, name="checkNotes")
        self.notesLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.notesLabel.setAccessibleName(translate("CheckView", "Notes on the connection"))
        self.notesLabel.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(row)
        layout.addWidget(self.lines)
        layout.addWidget(self.notesLabel)

    @property
    def running(self) -> bool:
        return self._run is not None

    def text_lines(self) -> list[str]:
        """The result lines shown, one per finished step."""
        text = self.lines.toPlainText()
        return text.splitlines() if text else []

    def start(self) -> bool:
        """Check the host's target; False when there is nothing valid to check."""
        if self.running:
            return False
        target = self.target_for()
        if target is None:
            return False
        from desktop.esws.check import ConnectionCheck, notes_for

        try:
            check = ConnectionCheck(target, self.timeout)
        except (InputError, ValueError) as error:
            # An input error in the window's words ("Check the WSDL: ..."), else what was wrong.
            if isinstance(error, InputError):
                problem = describe(error).headline
            else:  # a library's English (and perhaps a value): the log has it, not the window
                log.warning("The connection check could not start: %s", type(error).__name__)
                problem = translate("CheckView", "the address could not be read.")
            self._set_status(
                translate("CheckView", "The connection cannot be tested: {problem}").format(
                    problem=problem
                ),
                problem=True,
            )
            return False
        self._check = check
        self._steps = check.steps()
        self.results = []
        self.lines.clear()
        self.lines.show()
        notes = [shown_note(note) for note in notes_for(target)]
        self.notesLabel.setText("\n".join(notes))
        self.notesLabel.setVisible(bool(notes))
        run = _Run(next(self._numbers), self._step_done)
        self._run = self._runs[0] = run
        self._job = self._runner.run(
            lambda: check.run(lambda result: _send(run, result)),
            self._ended,
            cancel=check.cancel,
        )
        self.testButton.setEnabled(False)
        self.cancelButton.show()
        self.cancelButton.setEnabled(True)
        self._show_progress()
        log.info("Connection check started")
        self.started.emit()
        return True

    def _show_progress(self) -> None:
        self._set_status(
            translate("CheckView", "Testing… {done} of {total} steps done.").format(
                done=len(self.results), total=len(self._steps)
            )
        )

    def _set_status(self, text: str, *, problem: bool = False) -> None:
        set_line(self.statusLabel, text)
        self.statusIcon.setVisible(problem)

    def _step_done(self, result: StepResult) -> None:
        self.results.append(result)
        self.lines.appendPlainText(shown_line(result))
        self._show_progress()
        self.stepFinished.emit(result)

    def _ended(self, outcome: Outcome[Any]) -> None:
        if outcome.error is not None:
            log.error("The connection check failed: %s", type(outcome.error).__name__)
        # Steps whose posts are still queued behind this outcome come first (same queue, but
        # a post may have been dropped): fill them from the full list the check returned.
        for result in outcome.value or []:
            if all(result.step != done.step for done in self.results):
                self._step_done(result)
        self._finish()

    def cancel(self) -> None:
        """End the run now: the steps left show as skipped, the check's sockets close."""
        if self._run is None:
            return
        from desktop.esws.check_steps import CANCELLED, StepResult

        run, job = self._run, self._job
        run.active = False  # what the check thread still reports is not shown
        if job is not None:
            job.cancel()  # aborts the step in flight (check.cancel) and drops the outcome
        for step in self._steps:
            if all(step != done.step for done in self.results):
                self._step_done(StepResult.skip(step, CANCELLED))
        log.info("Connection check cancelled")
        self._finish(cancelled=True)

    def _finish(self, *, cancelled: bool = False) -> None:
        if self._run is not None:
            self._run.active = False
        self._run = self._runs[0] = None
        self._job = None
        self._check = None
        self.testButton.setEnabled(True)
        self.cancelButton.hide()
        failed = [r.step for r in self.results if not r.ok and not r.skipped]
        if cancelled:
            summary = translate("CheckView", "Cancelled.")
        elif failed:
            names = ", ".join(shown_text(step) for step in failed)
            summary = translate("CheckView", "Failed at {steps}: see the advice on its line.")
            summary = summary.format(steps=names)
        elif self.results and all(r.ok for r in self.results):
            summary = translate("CheckView", "Every step is ok.")
        else:
            summary = translate("CheckView", "Some steps did not run.")
        self._set_status(summary, problem=bool(failed) and not cancelled)
        self.finished.emit(list(self.results))

    def reset(self) -> None:
        """Cancel any run and clear what was shown (a new sync, a new profile)."""
        if self.running:
            self.cancel()
        self.results = []
        self.lines.clear()
        self.lines.hide()
        self.notesLabel.clear()
        self.notesLabel.hide()
        self._set_status("")


def _forget(runs: list[_Run | None]) -> None:
    run = runs[0]
    if run is not None:
        run.active = False
