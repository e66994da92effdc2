"""The sync form's widgets and their layout (no behaviour: see :mod:`desktop.gui.esws.sync_form`).

Object names are the automation contract of issue 3: ``companyIdEdit``, ``adminUserEdit``,
``passwordEdit``, ``userIdEdit``, ``locationEdit``, ``modeOneRadio``, ``modeTotalRadio``,
``profileCombo``, ``syncButton``, ``cancelButton``, ``errorLabel``.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop.gui.esws.action_bar import ActionBar, centred
from desktop.gui.i18n import translate
from desktop.gui.palette import Role
from desktop.gui.widgets import (
    ElidedLabel,
    InlineError,
    add_sections,
    align_labels,
    caption,
    chain_tab_order,
    elide_combo,
    field_column,
    form_section,
    set_text_role,
)

# The profile list's narrowest width, in characters: the form fits a small window (480 px) without
# scrolling sideways; longer names are cut in the middle, whole in their tooltip.
PROFILE_COMBO_CHARACTERS = 12


class SyncFormLayout(QWidget):
    """Every widget of the form, labelled, laid out in three sections, in tab order.

    The sections scroll (``formScroll``); the action bar (outcome banner, Sync, Cancel) stays
    pinned under them, so a small window or 200 % scaling never hides Sync or the message.
    """

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
        self.profileCombo.setAccessibleName(translate("SyncForm", "Profile"))
        self.profileCombo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.profileCombo.setPlaceholderText(translate("SyncForm", "No profile yet"))
        elide_combo(self.profileCombo, PROFILE_COMBO_CHARACTERS)  # a long name never widens it
        self.manageButton = QPushButton(translate("SyncForm", "&Manage profiles…"), self)
        self.manageButton.setObjectName("manageProfilesButton")
        self.manageButton.setAutoDefault(False)
        self.manageButton.setToolTip(
            translate("SyncForm", "Create, edit or delete connection profiles (Ctrl+P)")
        )
        # Where ESWS and I3 are: cut with "…" (whole in its tooltip) rather than wrapped.
        self.profileSummary = ElidedLabel("", self, mode=Qt.TextElideMode.ElideMiddle)
        self.profileSummary.setObjectName("profileSummary")
        set_text_role(self.profileSummary, Role.MUTED)
        self.profileError = InlineError("profileError", self, describes=self.profileCombo)

        self.companyIdEdit = self._line(
            "companyIdEdit",
            translate("SyncForm", "Security code"),
            translate("SyncForm", "32 characters"),
        )
        self.companyIdEdit.setEchoMode(QLineEdit.EchoMode.Password)
        self.companyIdEdit.setMaxLength(256)
        # No access key: every letter of "Show" is taken in the window (Sync, Help, One user,
        # Password); Tab from the security code reaches it, and its accessible name says it.
        self.showCodeButton = QPushButton(translate("SyncForm", "Show"), self)
        self.showCodeButton.setObjectName("showCompanyIdButton")
        self.showCodeButton.setCheckable(True)
        self.showCodeButton.setAutoDefault(False)
        self.showCodeButton.setAccessibleName(translate("SyncForm", "Show the security code"))
        self.showCodeButton.setToolTip(translate("SyncForm", "Show the security code"))
        self.companyIdError = InlineError("companyIdError", self, describes=self.companyIdEdit)
        self.adminUserEdit = self._line(
            "adminUserEdit",
            translate("SyncForm", "Admin username"),
            translate("SyncForm", "I3 administrator"),
        )
        self.adminUserError = InlineError("adminUserError", self, describes=self.adminUserEdit)
        self.passwordEdit = self._line("passwordEdit", translate("SyncForm", "Password"))
        self.passwordEdit.setEchoMode(QLineEdit.EchoMode.Password)
        self.passwordError = InlineError("passwordError", self, describes=self.passwordEdit)
        self.rememberCheck = QCheckBox(
            translate("SyncForm", "&Remember the password on this computer"), self
        )
        self.rememberCheck.setObjectName("rememberPasswordCheck")
        self.vaultCaption = caption("", self, name="vaultCaption")

        self.modeOneRadio = QRadioButton(translate("SyncForm", "&One user"), self)
        self.modeOneRadio.setObjectName("modeOneRadio")
        self.modeTotalRadio = QRadioButton(translate("SyncForm", "A&ll users"), self)
        self.modeTotalRadio.setObjectName("modeTotalRadio")
        self.modeOneRadio.setChecked(True)
        self._modes = QButtonGroup(self)
        self._modes.addButton(self.modeOneRadio)
        self._modes.addButton(self.modeTotalRadio)
        self.userIdEdit = self._line(
            "userIdEdit",
            translate("SyncForm", "User id"),
            translate("SyncForm", "I3 id of the person, e.g. 42"),
        )
        self.userIdError = InlineError("userIdError", self, describes=self.userIdEdit)
        self.locationEdit = self._line(
            "locationEdit", translate("SyncForm", "Location id"), translate("SyncForm", "Optional")
        )
        self.locationError = InlineError("locationError", self, describes=self.locationEdit)
        self.locationCaption = caption(
            translate(
                "SyncForm",
                "With a location, the sync starts by itself when the page opens; without one, "
                "you choose the location on the page.",
            ),
            self,
        )

        # Pinned under the scrolling fields: Sync, Cancel and the outcome stay on screen.
        self.actionBar = ActionBar(self)
        self.errorBanner = self.actionBar.errorBanner
        self.errorLabel = self.errorBanner.label
        self.fetchBar = self.actionBar.fetchBar
        self.syncButton = self.fetchBar.syncButton
        self.cancelButton = self.fetchBar.cancelButton
        self.statusLabel = self.fetchBar.statusLabel
        self.hintLabel = self.fetchBar.hintLabel

        self._layout()

    def _layout(self) -> None:
        labels: list[QLabel] = []

        def row_label(text: str, buddy: QWidget) -> QLabel:
            label = QLabel(text, self)
            label.setBuddy(buddy)
            labels.append(label)
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

        connection = form_section()
        connection.addRow(
            row_label(translate("SyncForm", "&Profile:"), self.profileCombo),
            field_column(profile_box, self.profileError, self.profileSummary),
        )
        sign_in = form_section()
        sign_in.addRow(
            row_label(translate("SyncForm", "Security &code:"), self.companyIdEdit),
            field_column(code_box, self.companyIdError),
        )
        sign_in.addRow(
            row_label(translate("SyncForm", "&Admin username:"), self.adminUserEdit),
            field_column(self.adminUserEdit, self.adminUserError),
        )
        sign_in.addRow(
            row_label(translate("SyncForm", "Pass&word:"), self.passwordEdit),
            field_column(self.passwordEdit, self.passwordError),
        )
        sign_in.addRow("", field_column(self.rememberCheck, None, self.vaultCaption))
        what = form_section()
        what.addRow(row_label(translate("SyncForm", "Synchronise:"), self.modeOneRadio), modes_box)
        what.addRow(
            row_label(translate("SyncForm", "&User id:"), self.userIdEdit),
            field_column(self.userIdEdit, self.userIdError),
        )
        what.addRow(
            row_label(translate("SyncForm", "Loca&tion id:"), self.locationEdit),
            field_column(self.locationEdit, self.locationError, self.locationCaption),
        )
        align_labels(labels)  # the three sections' field columns line up, in any language

        body = QWidget(self)
        body.setObjectName("formBody")
        column = QVBoxLayout(body)
        column.setContentsMargins(24, 20, 24, 12)
        column.setSpacing(10)
        column.addLayout(self.notices)
        sections: list[tuple[str, QLayout]] = [
            (translate("SyncForm", "Connection"), connection),
            (translate("SyncForm", "Sign in to ESWS"), sign_in),
            (translate("SyncForm", "What to synchronise"), what),
        ]
        add_sections(column, sections, self)
        column.addStretch(1)

        self.formScroll = QScrollArea(self)
        self.formScroll.setObjectName("formScroll")
        self.formScroll.setWidgetResizable(True)
        self.formScroll.setFrameShape(QFrame.Shape.NoFrame)
        # Not a tab stop of its own (it would show no focus): tabbing to a field scrolls to it.
        self.formScroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.formScroll.setWidget(centred(body))
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)
        root.addWidget(self.formScroll, 1)
        root.addWidget(self.actionBar)

        chain_tab_order(
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
        )

    def bring_into_view(self, widget: QWidget, *also: QWidget) -> None:
        """Scroll the form so that ``widget`` (and ``also``, e.g. its message) can be seen."""
        content = self.formScroll.widget()
        for shown in (*also, widget):
            if content is not None and shown.isVisibleTo(self) and content.isAncestorOf(shown):
                self.formScroll.ensureWidgetVisible(shown, 8, 8)
