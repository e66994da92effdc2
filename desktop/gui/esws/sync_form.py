"""The sync form: what to sync and as whom. It validates, shows problems, and asks; nothing more.

The form reads its fields, asks the core (``desktop.esws.request``) what is wrong, shows each
problem under its field, and emits ``syncRequested`` with a validated ``SyncRequest``. Profiles,
secrets and the network belong to its owner (:mod:`desktop.gui.esws.sync_tab`).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLineEdit,
    QRadioButton,
    QWidget,
)

from desktop.core.errors import InputError
from desktop.esws.request import (
    FIELD_ADMIN,
    FIELD_COMPANY_ID,
    FIELD_LOCATION,
    FIELD_PASSWORD,
    FIELD_USER,
    SyncKind,
    build_request,
    validation_problems,
)
from desktop.gui.esws.sync_form_layout import PROFILE_COMBO_CHARACTERS, SyncFormLayout
from desktop.gui.i18n import translate
from desktop.gui.messages import Problem, field_message
from desktop.gui.widgets import InlineError, Tone, elide_combo, plain_tooltip, show_start

FIELD_PROFILE = "profile"
_FIELD_ORDER = (FIELD_PROFILE, FIELD_COMPANY_ID, FIELD_ADMIN, FIELD_PASSWORD, FIELD_USER)
_ORDER = (*_FIELD_ORDER, FIELD_LOCATION)


class SyncForm(SyncFormLayout):
    """The form of the "I3 sync" tab: validation, busy state and outcomes over its widgets."""

    syncRequested = Signal(object)  # a validated SyncRequest
    cancelRequested = Signal()
    profileChosen = Signal(str)
    manageProfilesRequested = Signal()
    rememberPasswordToggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        self._touched: set[str] = set()
        self._server_problem: tuple[str, str] | None = None
        self._busy = False
        self._vault_available = True
        super().__init__(parent)
        self.setObjectName("syncForm")
        self._connect()
        self.revalidate()

    def _connect(self) -> None:
        self.showCodeButton.toggled.connect(self._show_code)
        self.profileCombo.activated.connect(
            lambda index: self.profileChosen.emit(self.profileCombo.itemText(index))
        )
        self.profileCombo.currentIndexChanged.connect(lambda *_: self._combo_tooltip())
        self.manageButton.clicked.connect(self.manageProfilesRequested)
        self.rememberCheck.clicked.connect(self.rememberPasswordToggled)
        self._modes.buttonToggled.connect(lambda *_: self._mode_changed())
        for field, edit in self._edits().items():
            edit.textEdited.connect(lambda _text, f=field: self._edited(f))
            edit.editingFinished.connect(lambda f=field: self._touch(f))
        self.syncButton.clicked.connect(self.submit)
        self.cancelButton.clicked.connect(self.cancelRequested)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self._escape)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter syncs from anywhere in the form, as its hint says.

        Line edits, radios, check boxes, a closed combo and buttons without a default all leave
        Enter unhandled, so it comes up here; an open combo list is a popup window of its own,
        which keeps Enter to pick its item.
        """
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
            event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        ):
            event.accept()
            self.submit()
            return
        super().keyPressEvent(event)

    def _escape(self) -> None:
        if self._busy:
            self.cancelRequested.emit()

    def _edits(self) -> dict[str, QLineEdit]:
        return {
            FIELD_COMPANY_ID: self.companyIdEdit,
            FIELD_ADMIN: self.adminUserEdit,
            FIELD_PASSWORD: self.passwordEdit,
            FIELD_USER: self.userIdEdit,
            FIELD_LOCATION: self.locationEdit,
        }

    def _errors(self) -> dict[str, InlineError]:
        return {
            FIELD_PROFILE: self.profileError,
            FIELD_COMPANY_ID: self.companyIdError,
            FIELD_ADMIN: self.adminUserError,
            FIELD_PASSWORD: self.passwordError,
            FIELD_USER: self.userIdError,
            FIELD_LOCATION: self.locationError,
        }

    # -- filling in from outside ---------------------------------------------------------------

    def set_profiles(self, names: list[str], current: str | None) -> None:
        """Replace the profile list and select ``current`` (nothing when None)."""
        self.profileCombo.blockSignals(True)
        self.profileCombo.clear()
        self.profileCombo.addItems(names)
        self.profileCombo.setCurrentIndex(names.index(current) if current in names else -1)
        elide_combo(self.profileCombo, PROFILE_COMBO_CHARACTERS)  # each name whole in its tooltip
        self.profileCombo.blockSignals(False)
        self._combo_tooltip()
        self.revalidate()

    def _combo_tooltip(self) -> None:
        """The chosen profile's whole name as the closed combo's tooltip (it may be cut)."""
        self.profileCombo.setToolTip(plain_tooltip(self.profile_name() or ""))

    def profile_name(self) -> str | None:
        index = self.profileCombo.currentIndex()
        return self.profileCombo.itemText(index) if index >= 0 else None

    def fill_credentials(self, admin: str, company_id: str | None, password: str | None) -> None:
        """Put a profile's saved values in the form; earlier problems no longer apply."""
        self.adminUserEdit.setText(admin)
        show_start(self.adminUserEdit)  # a long name shows its start, not its end
        self.companyIdEdit.setText(company_id or "")
        self.passwordEdit.setText(password or "")
        self._touched.clear()
        self._server_problem = None
        self.revalidate()

    def keep_typed_secrets(self, company_id: str, password: str) -> None:
        """Put back secrets typed before a reload, where nothing saved took their place."""
        for edit, typed in ((self.companyIdEdit, company_id), (self.passwordEdit, password)):
            if typed and not edit.text():
                edit.setText(typed)
        self.revalidate()

    def fill_request(
        self, kind: SyncKind, user_id: str = "", location: str | int | None = None
    ) -> None:
        """Select the mode and fill user and location (from a command line or a link)."""
        (self.modeOneRadio if kind is SyncKind.ONE_USER else self.modeTotalRadio).setChecked(True)
        self.userIdEdit.setText(user_id)
        self.locationEdit.setText("" if location is None else str(location))
        show_start(self.userIdEdit)
        show_start(self.locationEdit)
        self._touched.update({FIELD_USER, FIELD_LOCATION} if user_id else set())
        self.revalidate()

    def set_remember(self, checked: bool, *, available: bool, note: str) -> None:
        self._vault_available = available
        self.rememberCheck.setChecked(checked and available)
        self.rememberCheck.setEnabled(available)
        self.vaultCaption.setText(note)
        self.rememberCheck.setAccessibleDescription(note)

    # -- reading and validating ------------------------------------------------------------------

    def kind(self) -> SyncKind:
        return SyncKind.ONE_USER if self.modeOneRadio.isChecked() else SyncKind.ALL_USERS

    def values(self) -> dict[str, str]:
        """The form's text fields, named as the core's checks name them."""
        return {
            "company_id": self.companyIdEdit.text(),
            "admin_username": self.adminUserEdit.text(),
            "admin_password": self.passwordEdit.text(),
            "user_id": self.userIdEdit.text(),
            "location": self.locationEdit.text(),
        }

    def problems(self) -> dict[str, str]:
        """Every problem of the form now, keyed by field, in form order."""
        return self._problems(self._input_errors())

    def _problems(self, errors: dict[str, InputError]) -> dict[str, str]:
        found = {field: error.problem for field, error in errors.items()}
        if self.profile_name() is None:
            found[FIELD_PROFILE] = translate(
                "SyncForm",
                "The profile is not chosen: choose one, or create a profile with Manage profiles.",
            )
        return {field: found[field] for field in _ORDER if field in found}

    def _input_errors(self) -> dict[str, InputError]:
        return validation_problems(self.kind(), **self.values())

    def revalidate(self) -> dict[str, str]:
        """Update inline errors (of fields already left once), the Sync button and its hint."""
        errors = self._input_errors()  # translated under the fields from their templates
        problems = self._problems(errors)  # checked once per keystroke
        for field, label in self._errors().items():
            text = ""
            if field == FIELD_PROFILE and field in problems:
                text = problems[field]  # a whole sentence already
            elif field in problems and field in self._touched:
                value = self.companyIdEdit.text() if field == FIELD_COMPANY_ID else ""
                text = field_message(field, errors.get(field, problems[field]), value)
            if self._server_problem and self._server_problem[0] == field and not text:
                text = self._server_problem[1]
            label.set_problem(text)  # also the description of the field it is about
        self.fetchBar.show_hint(problems, busy=self._busy)
        return problems

    def submit(self) -> None:
        """Enter or Sync: send when valid, otherwise show every problem and go to the first."""
        if self._busy:
            return
        problems = self.problems()
        if problems:
            self._touched.update(problems)
            self.revalidate()
            self._go_to(next(iter(problems)))
            return
        request = build_request(self.kind(), **self.values())
        self.syncRequested.emit(request)

    def _focus_target(self, field: str) -> QWidget:
        """The control a problem with ``field`` is fixed in (the profile list for the profile)."""
        return self._edits().get(field, self.profileCombo)

    def _go_to(self, field: str) -> None:
        """Put the cursor in ``field`` and scroll it, with its message, into view."""
        target = self._focus_target(field)
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        if isinstance(target, QLineEdit):
            target.selectAll()
        message = self._errors().get(field)
        self.bring_into_view(target, *([message] if message is not None else []))

    def focus_first_step(self) -> None:
        """The cursor where the admin's next step is: the first field still to fill in, else
        Sync (no message is shown for what is missing: nothing was tried yet)."""
        problems = self.problems()
        target = self._focus_target(next(iter(problems))) if problems else self.syncButton
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        self.bring_into_view(target)

    def _touch(self, field: str) -> None:
        self._touched.add(field)
        self.revalidate()

    def _edited(self, field: str) -> None:
        if self._server_problem and self._server_problem[0] == field:
            # The refusal was about what the admin is now changing: it no longer applies, and
            # its banner must not stand beside the field's own check of the new value.
            self._server_problem = None
            self.errorBanner.clear()
        self.revalidate()

    def _mode_changed(self) -> None:
        one = self.modeOneRadio.isChecked()
        for widget in (self.userIdEdit, self.locationEdit, self.locationCaption):
            widget.setEnabled(one)
        self.revalidate()

    def _show_code(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.companyIdEdit.setEchoMode(mode)
        self.showCodeButton.setText(
            translate("SyncForm", "Hide") if shown else translate("SyncForm", "Show")
        )
        described = (
            translate("SyncForm", "Hide the security code")
            if shown
            else translate("SyncForm", "Show the security code")
        )
        self.showCodeButton.setAccessibleName(described)
        self.showCodeButton.setToolTip(described)

    # -- busy state and outcomes -----------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._busy

    def set_busy(self, busy: bool, where: str = "") -> None:
        """While ESWS is asked: inputs locked, progress and Cancel shown, time counted."""
        self._busy = busy
        was_waiting = self.cancelButton.hasFocus()  # the keyboard user waited on Cancel
        for widget in self.findChildren(QWidget):
            if isinstance(widget, QLineEdit | QComboBox | QRadioButton | QCheckBox):
                widget.setEnabled(not busy)
        self.manageButton.setEnabled(not busy)
        self.showCodeButton.setEnabled(not busy)
        if not busy:
            self.rememberCheck.setEnabled(self._vault_available)
            self._mode_changed()
        self.fetchBar.set_busy(busy, where)
        if busy:
            self.errorBanner.clear()
            self.cancelButton.setFocus(Qt.FocusReason.OtherFocusReason)
        self.revalidate()
        if not busy and was_waiting and self.syncButton.isEnabled():
            # Cancel is gone: the cursor goes to Sync (Enter tries again), not wherever Qt
            # would move it; a refusal about a field then moves it there.
            self.syncButton.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_problem(self, problem: Problem, tone: Tone = Tone.ERROR) -> None:
        """Show an outcome next to the form; a problem with a field also marks that field."""
        self.errorBanner.show_message(problem.html(), tone, accessible_text=problem.plain())
        if problem.field in self._errors():
            # Under the field: a pointer to the banner, which has the code and the advice.
            self._server_problem = (problem.field, problem.headline)
            self.revalidate()
            self._go_to(problem.field)

    def clear_problem(self) -> None:
        self.errorBanner.clear()
        self._server_problem = None
        self.revalidate()
