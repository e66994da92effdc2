"""The sync form: what to sync and as whom. It validates, shows problems, and asks; nothing more.

The form reads its fields, asks the core (``desktop.sync_request``) what is wrong, shows each
problem under its field, and emits ``syncRequested`` with a validated ``SyncRequest``. Profiles,
secrets and the network belong to its owner (:mod:`desktop.gui.sync_tab`).
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import QElapsedTimer, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.gui.messages import Problem
from desktop.gui.widgets import Banner, InlineError, Tone, caption, field_column, section_heading
from desktop.sync_request import (
    FIELD_ADMIN,
    FIELD_COMPANY_ID,
    FIELD_LOCATION,
    FIELD_PASSWORD,
    FIELD_USER,
    SyncKind,
    build_request,
    validation_errors,
)

FIELD_PROFILE = "profile"
_FIELD_ORDER = (FIELD_PROFILE, FIELD_COMPANY_ID, FIELD_ADMIN, FIELD_PASSWORD, FIELD_USER)
_ORDER = (*_FIELD_ORDER, FIELD_LOCATION)


class SyncForm(QWidget):
    """The form of the "I3 sync" tab (object names are the automation contract)."""

    syncRequested = Signal(object)  # a validated SyncRequest
    cancelRequested = Signal()
    profileChosen = Signal(str)
    manageProfilesRequested = Signal()
    rememberPasswordToggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncForm")
        self._touched: set[str] = set()
        self._server_problem: tuple[str, str] | None = None
        self._busy = False
        self._where = ""
        self._vault_available = True
        self._build()
        self._connect()
        self.revalidate()

    # -- construction ------------------------------------------------------------------------

    def _line(self, name: str, accessible: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setPlaceholderText(placeholder)
        edit.setClearButtonEnabled(False)
        return edit

    def _build(self) -> None:
        self.notices = QVBoxLayout()
        self.notices.setSpacing(8)

        self.profileCombo = QComboBox(self)
        self.profileCombo.setObjectName("profileCombo")
        self.profileCombo.setAccessibleName("Profile")
        self.profileCombo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.profileCombo.setPlaceholderText("No profile yet")
        self.manageButton = QPushButton("&Manage profiles…", self)
        self.manageButton.setObjectName("manageProfilesButton")
        self.manageButton.setAutoDefault(False)
        self.profileSummary = caption("", self, name="profileSummary")
        self.profileError = InlineError("profileError", self)

        self.companyIdEdit = self._line("companyIdEdit", "Security code", "32 characters")
        self.companyIdEdit.setEchoMode(QLineEdit.EchoMode.Password)
        self.companyIdEdit.setMaxLength(256)
        self.showCodeButton = QPushButton("S&how", self)
        self.showCodeButton.setObjectName("showCompanyIdButton")
        self.showCodeButton.setCheckable(True)
        self.showCodeButton.setAutoDefault(False)
        self.showCodeButton.setAccessibleName("Show the security code")
        self.companyIdError = InlineError("companyIdError", self)
        self.adminUserEdit = self._line("adminUserEdit", "Admin username", "I3 administrator")
        self.adminUserError = InlineError("adminUserError", self)
        self.passwordEdit = self._line("passwordEdit", "Password")
        self.passwordEdit.setEchoMode(QLineEdit.EchoMode.Password)
        self.passwordError = InlineError("passwordError", self)
        self.rememberCheck = QCheckBox("&Remember the password on this computer", self)
        self.rememberCheck.setObjectName("rememberPasswordCheck")
        self.vaultCaption = caption("", self, name="vaultCaption")

        self.modeOneRadio = QRadioButton("&One user", self)
        self.modeOneRadio.setObjectName("modeOneRadio")
        self.modeTotalRadio = QRadioButton("A&ll users", self)
        self.modeTotalRadio.setObjectName("modeTotalRadio")
        self.modeOneRadio.setChecked(True)
        self._modes = QButtonGroup(self)
        self._modes.addButton(self.modeOneRadio)
        self._modes.addButton(self.modeTotalRadio)
        self.userIdEdit = self._line("userIdEdit", "User id", "I3 id of the person, e.g. 42")
        self.userIdError = InlineError("userIdError", self)
        self.locationEdit = self._line("locationEdit", "Location id", "Optional")
        self.locationError = InlineError("locationError", self)
        self.locationCaption = caption(
            "With a location, the sync starts by itself when the page opens; without one, "
            "you choose the location on the page.",
            self,
        )

        self.errorBanner = Banner("errorLabel", self)
        self.errorLabel = self.errorBanner.label

        self.progress = QProgressBar(self)
        self.progress.setObjectName("fetchProgress")
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(6)
        self.progress.setAccessibleName("Waiting for ESWS")
        self.statusLabel = QLabel(self)
        self.statusLabel.setObjectName("fetchStatus")
        self.hintLabel = caption("", self, name="syncHint")
        self.cancelButton = QPushButton("Cancel", self)
        self.cancelButton.setObjectName("cancelButton")
        self.cancelButton.setAutoDefault(False)
        self.syncButton = QPushButton("&Sync", self)
        self.syncButton.setObjectName("syncButton")
        self.syncButton.setDefault(True)
        self.syncButton.setMinimumWidth(110)
        self._elapsed = QElapsedTimer()
        self._ticker = QTimer(self)
        self._ticker.setInterval(1000)

        self._layout()
        for widget in (self.progress, self.statusLabel, self.cancelButton):
            widget.hide()

    def _layout(self) -> None:
        def row_label(text: str, buddy: QWidget) -> QLabel:
            label = QLabel(text, self)
            label.setBuddy(buddy)
            return label

        code_row = QHBoxLayout()
        code_row.setSpacing(6)
        code_row.addWidget(self.companyIdEdit, 1)
        code_row.addWidget(self.showCodeButton)
        code_box = QWidget(self)
        code_box.setLayout(code_row)
        code_row.setContentsMargins(0, 0, 0, 0)
        profile_row = QHBoxLayout()
        profile_row.setContentsMargins(0, 0, 0, 0)
        profile_row.addWidget(self.profileCombo, 1)
        profile_row.addWidget(self.manageButton)
        profile_box = QWidget(self)
        profile_box.setLayout(profile_row)
        modes = QHBoxLayout()
        modes.setContentsMargins(0, 0, 0, 0)
        modes.setSpacing(18)
        modes.addWidget(self.modeOneRadio)
        modes.addWidget(self.modeTotalRadio)
        modes.addStretch(1)
        modes_box = QWidget(self)
        modes_box.setLayout(modes)

        def form() -> QFormLayout:
            layout = QFormLayout()
            layout.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            layout.setHorizontalSpacing(14)
            layout.setVerticalSpacing(8)
            return layout

        connection = form()
        connection.addRow(
            row_label("&Profile:", self.profileCombo),
            field_column(profile_box, self.profileError, self.profileSummary),
        )
        sign_in = form()
        sign_in.addRow(
            row_label("Security &code:", self.companyIdEdit),
            field_column(code_box, self.companyIdError),
        )
        sign_in.addRow(
            row_label("&Admin username:", self.adminUserEdit),
            field_column(self.adminUserEdit, self.adminUserError),
        )
        sign_in.addRow(
            row_label("Pass&word:", self.passwordEdit),
            field_column(self.passwordEdit, self.passwordError),
        )
        sign_in.addRow("", field_column(self.rememberCheck, None, self.vaultCaption))
        what = form()
        what.addRow(row_label("Synchronise:", self.modeOneRadio), modes_box)
        what.addRow(
            row_label("&User id:", self.userIdEdit),
            field_column(self.userIdEdit, self.userIdError),
        )
        what.addRow(
            row_label("Loca&tion id:", self.locationEdit),
            field_column(self.locationEdit, self.locationError, self.locationCaption),
        )
        # Align the three forms' field columns: same label width everywhere.
        metrics = self.fontMetrics()
        width = 8 + max(
            metrics.horizontalAdvance(text)
            for text in ("Admin username:", "Security code:", "Location id:", "Synchronise:")
        )
        for layout in (connection, sign_in, what):
            for index in range(layout.rowCount()):
                item = layout.itemAt(index, QFormLayout.ItemRole.LabelRole)
                label = item.widget() if item is not None else None
                if label is not None:
                    label.setMinimumWidth(width)

        actions = QHBoxLayout()
        actions.setSpacing(10)
        busy = QVBoxLayout()
        busy.setSpacing(4)
        busy.addWidget(self.statusLabel)
        busy.addWidget(self.progress)
        busy.addWidget(self.hintLabel)
        actions.addLayout(busy, 1)
        actions.addWidget(self.cancelButton, 0, Qt.AlignmentFlag.AlignBottom)
        actions.addWidget(self.syncButton, 0, Qt.AlignmentFlag.AlignBottom)

        root = QVBoxLayout(self)
        root.setContentsMargins(24, 20, 24, 20)
        root.setSpacing(10)
        root.addLayout(self.notices)
        for title, layout in (
            ("Connection", connection),
            ("Sign in to ESWS", sign_in),
            ("What to synchronise", what),
        ):
            root.addSpacing(4)
            root.addWidget(section_heading(title, self))
            root.addLayout(layout)
        root.addSpacing(6)
        root.addWidget(self.errorBanner)
        root.addLayout(actions)
        root.addStretch(1)

        order = [
            self.profileCombo,
            self.manageButton,
            self.companyIdEdit,
            self.showCodeButton,
            self.adminUserEdit,
            self.passwordEdit,
            self.rememberCheck,
            self.modeOneRadio,
            self.modeTotalRadio,
            self.userIdEdit,
            self.locationEdit,
            self.cancelButton,
            self.syncButton,
        ]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

    def _connect(self) -> None:
        self.showCodeButton.toggled.connect(self._show_code)
        self.profileCombo.activated.connect(
            lambda index: self.profileChosen.emit(self.profileCombo.itemText(index))
        )
        self.manageButton.clicked.connect(self.manageProfilesRequested)
        self.rememberCheck.clicked.connect(self.rememberPasswordToggled)
        self._modes.buttonToggled.connect(lambda *_: self._mode_changed())
        for field, edit in self._edits().items():
            edit.textEdited.connect(lambda _text, f=field: self._edited(f))
            edit.editingFinished.connect(lambda f=field: self._touch(f))
            edit.returnPressed.connect(self.submit)
        self.syncButton.clicked.connect(self.submit)
        self.cancelButton.clicked.connect(self.cancelRequested)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self._escape)
        self._ticker.timeout.connect(self._tick)

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
        self.profileCombo.blockSignals(False)
        self.revalidate()

    def profile_name(self) -> str | None:
        index = self.profileCombo.currentIndex()
        return self.profileCombo.itemText(index) if index >= 0 else None

    def fill_credentials(self, admin: str, company_id: str | None, password: str | None) -> None:
        """Put a profile's saved values in the form; earlier problems no longer apply."""
        self.adminUserEdit.setText(admin)
        self.companyIdEdit.setText(company_id or "")
        self.passwordEdit.setText(password or "")
        self._touched.clear()
        self._server_problem = None
        self.revalidate()

    def fill_request(
        self, kind: SyncKind, user_id: str = "", location: str | int | None = None
    ) -> None:
        """Select the mode and fill user and location (from a command line or a link)."""
        (self.modeOneRadio if kind is SyncKind.ONE_USER else self.modeTotalRadio).setChecked(True)
        self.userIdEdit.setText(user_id)
        self.locationEdit.setText("" if location is None else str(location))
        self._touched.update({FIELD_USER, FIELD_LOCATION} if user_id else set())
        self.revalidate()

    def set_remember(self, checked: bool, *, available: bool, note: str) -> None:
        self._vault_available = available
        self.rememberCheck.setChecked(checked and available)
        self.rememberCheck.setEnabled(available)
        self.vaultCaption.setText(note)

    # -- reading and validating ------------------------------------------------------------------

    def kind(self) -> SyncKind:
        return SyncKind.ONE_USER if self.modeOneRadio.isChecked() else SyncKind.ALL_USERS

    def problems(self) -> dict[str, str]:
        """Every problem of the form now, keyed by field, in form order."""
        found = validation_errors(
            self.kind(),
            company_id=self.companyIdEdit.text(),
            admin_username=self.adminUserEdit.text(),
            admin_password=self.passwordEdit.text(),
            user_id=self.userIdEdit.text(),
            location=self.locationEdit.text(),
        )
        if self.profile_name() is None:
            found[FIELD_PROFILE] = "create a profile first (Manage profiles…)"
        return {field: found[field] for field in _ORDER if field in found}

    def revalidate(self) -> dict[str, str]:
        """Update inline errors (of fields already left once), the Sync button and its hint."""
        problems = self.problems()
        for field, label in self._errors().items():
            text = ""
            if field in problems and (field in self._touched or field == FIELD_PROFILE):
                text = f"The {field} {problems[field]}."
            if self._server_problem and self._server_problem[0] == field and not text:
                text = self._server_problem[1]
            label.set_problem(text)
            editor = self._edits().get(field)
            if editor is not None:
                editor.setAccessibleDescription(text)
        self.syncButton.setEnabled(not problems and not self._busy)
        if self._busy:
            self.hintLabel.setText("")
        elif problems:
            missing = ", ".join(problems)
            self.hintLabel.setText(f"To sync, complete: {missing}.")
        else:
            self.hintLabel.setText("Ready. Press Enter or Sync.")
        return problems

    def submit(self) -> None:
        """Enter or Sync: send when valid, otherwise show every problem and go to the first."""
        if self._busy:
            return
        problems = self.problems()
        if problems:
            self._touched.update(problems)
            self.revalidate()
            first = next(iter(problems))
            target = self._edits().get(first, self.profileCombo)
            target.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        request = build_request(
            self.kind(),
            company_id=self.companyIdEdit.text(),
            admin_username=self.adminUserEdit.text(),
            admin_password=self.passwordEdit.text(),
            user_id=self.userIdEdit.text(),
            location=self.locationEdit.text(),
        )
        self.syncRequested.emit(request)

    def _touch(self, field: str) -> None:
        self._touched.add(field)
        self.revalidate()

    def _edited(self, field: str) -> None:
        if self._server_problem and self._server_problem[0] == field:
            self._server_problem = None
        self.revalidate()

    def _mode_changed(self) -> None:
        one = self.modeOneRadio.isChecked()
        for widget in (self.userIdEdit, self.locationEdit, self.locationCaption):
            widget.setEnabled(one)
        self.revalidate()

    def _show_code(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.companyIdEdit.setEchoMode(mode)
        self.showCodeButton.setText("Hi&de" if shown else "S&how")
        self.showCodeButton.setAccessibleName(
            "Hide the security code" if shown else "Show the security code"
        )

    # -- busy state and outcomes -----------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self._busy

    def set_busy(self, busy: bool, where: str = "") -> None:
        """While ESWS is asked: inputs locked, progress and Cancel shown, time counted."""
        self._busy = busy
        self._where = where
        for widget in self.findChildren(QWidget):
            if isinstance(widget, QLineEdit | QComboBox | QRadioButton | QCheckBox):
                widget.setEnabled(not busy)
        self.manageButton.setEnabled(not busy)
        self.showCodeButton.setEnabled(not busy)
        if not busy:
            self.rememberCheck.setEnabled(self._vault_available)
            self._mode_changed()
        for widget in (self.progress, self.statusLabel, self.cancelButton):
            widget.setVisible(busy)
        if busy:
            self.errorBanner.clear()
            self._elapsed.start()
            self._ticker.start()
            self._tick()
            self.cancelButton.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self._ticker.stop()
            self.statusLabel.clear()
        self.revalidate()

    def _tick(self) -> None:
        seconds = self._elapsed.elapsed() // 1000
        waited = f" ({seconds} s)" if seconds >= 1 else ""
        self.statusLabel.setText(f"Asking ESWS at {self._where} for a sync token…{waited}")

    def show_problem(self, problem: Problem, tone: Tone = Tone.ERROR) -> None:
        """Show an outcome next to the form; a problem with a field also marks that field."""
        self.errorBanner.show_message(problem.html(), tone, accessible_text=problem.plain())
        if problem.field in self._errors():
            # Under the field: a pointer to the banner, which has the code and the advice.
            short = f"Refused by ESWS ({problem.code}): see below." if problem.code else ""
            self._server_problem = (problem.field, short or problem.headline)
            self.revalidate()
            editor = self._edits().get(problem.field)
            if editor is not None:
                editor.setFocus(Qt.FocusReason.OtherFocusReason)
                editor.selectAll()

    def clear_problem(self) -> None:
        self.errorBanner.clear()
        self._server_problem = None
        self.revalidate()
