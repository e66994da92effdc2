"""The sync form's widgets and their layout (no behaviour: see :mod:`desktop.gui.esws.sync_form`).

Object names are the automation contract of issue 3: ``companyIdEdit``, ``adminUserEdit``,
``passwordEdit``, ``userIdEdit``, ``locationEdit``, ``modeOneRadio``, ``modeTotalRadio``,
``profileCombo``, ``syncButton``, ``cancelButton``, ``errorLabel``.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.gui.esws.fetch_bar import FetchBar
from desktop.gui.widgets import Banner, InlineError, caption, field_column, section_heading


class SyncFormLayout(QWidget):
    """Every widget of the form, labelled, laid out in three sections, in tab order."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._build()

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
        self.profileSummary.setTextFormat(Qt.TextFormat.PlainText)  # hosts from the profile file
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

        self.fetchBar = FetchBar(self)
        self.syncButton = self.fetchBar.syncButton
        self.cancelButton = self.fetchBar.cancelButton
        self.statusLabel = self.fetchBar.statusLabel
        self.hintLabel = self.fetchBar.hintLabel

        self._layout()

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
        root.addWidget(self.fetchBar)
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
