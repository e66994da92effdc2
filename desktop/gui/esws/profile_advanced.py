"""The profile dialog's "Advanced" section: settings only Identysoft or IT should ask for.

Other I3 addresses (further origins I3's sync page may redirect to), the spelling of I3's
total-sync page, and the WSDL. Folded away by default; unfolded when the profile shown uses one of
them or one of them holds a problem, so nothing set there is hidden from the user. Its texts are
translated under the dialog's context ("ProfileDialog").
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.esws.profiles import (
    FIELD_ALLOWED_ORIGINS,
    FIELD_TOTAL_SYNC_PATH,
    FIELD_WSDL,
    TOTAL_SYNC_PATHS,
    TOTAL_SYNC_USERS_LOGIN,
    Profile,
    parse_allowed_origins,
)
from desktop.gui.i18n import translate
from desktop.gui.widgets import InlineError, caption, field_column


def path_label(path: str) -> str:
    """How a spelling of the total-sync page is shown in the combo (the spelling itself stays
    verbatim: it is part of I3's address)."""
    if path == TOTAL_SYNC_USERS_LOGIN:
        return translate("ProfileDialog", "{path} (as in the ESWS reference)").format(path=path)
    return path


class AdvancedFields(QWidget):
    """The folded "Advanced" section; ``changed`` fires on every edit by the user."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("advancedSection")
        self.toggle = QToolButton(self)
        self.toggle.setObjectName("advancedToggle")
        self.toggle.setText(translate("ProfileDialog", "Ad&vanced"))
        self.toggle.setCheckable(True)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.toggle.setAutoRaise(True)
        self.toggle.setAccessibleName(translate("ProfileDialog", "Advanced settings"))
        self.toggle.setToolTip(
            translate("ProfileDialog", "Show or hide the settings only IT should change")
        )
        self.toggle.toggled.connect(self._unfold)

        self.originsEdit = QLineEdit(self)
        self.originsEdit.setObjectName("allowedOriginsEdit")
        self.originsEdit.setAccessibleName(translate("ProfileDialog", "Other I3 addresses"))
        self.originsEdit.setPlaceholderText(
            translate("ProfileDialog", "e.g. {address}").format(address="https://i3-2.example.com")
        )
        self.originsEdit.textEdited.connect(self.changed)
        self.totalPathCombo = QComboBox(self)
        self.totalPathCombo.setObjectName("totalSyncPathCombo")
        self.totalPathCombo.setAccessibleName(translate("ProfileDialog", "Total-sync page"))
        for path in TOTAL_SYNC_PATHS:
            self.totalPathCombo.addItem(path_label(path), path)
        self.totalPathCombo.activated.connect(lambda *_: self.changed.emit())
        self.wsdlEdit = QLineEdit(self)
        self.wsdlEdit.setObjectName("wsdlEdit")
        self.wsdlEdit.setAccessibleName(translate("ProfileDialog", "WSDL"))
        self.wsdlEdit.setPlaceholderText(translate("ProfileDialog", "Bundled (leave empty)"))
        self.wsdlEdit.textEdited.connect(self.changed)
        # Each under the field it is about (the dialog puts the cursor in that field).
        self.errors = {
            FIELD_ALLOWED_ORIGINS: InlineError(
                "allowedOriginsError", self, describes=self.originsEdit
            ),
            FIELD_TOTAL_SYNC_PATH: InlineError(
                "totalSyncPathError", self, describes=self.totalPathCombo
            ),
            FIELD_WSDL: InlineError("wsdlError", self, describes=self.wsdlEdit),
        }

        self.body = QWidget(self)
        self.body.setObjectName("advancedBody")
        form = QFormLayout(self.body)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(8)
        self.notice = caption(
            translate(
                "ProfileDialog",
                "Only change these when Identysoft or your IT department asks you to.",
            ),
            self.body,
        )
        form.addRow(self.notice)
        for text, editor, field, help_text in (
            (
                translate("ProfileDialog", "Ot&her I3 addresses:"),
                self.originsEdit,
                FIELD_ALLOWED_ORIGINS,
                translate(
                    "ProfileDialog",
                    "Further I3 addresses its sync page may move to (separate with spaces or "
                    "commas). The I3 address above is always allowed.",
                ),
            ),
            (
                translate("ProfileDialog", "&Total-sync page:"),
                self.totalPathCombo,
                FIELD_TOTAL_SYNC_PATH,
                translate("ProfileDialog", "How I3 spells the page that synchronises all users."),
            ),
            (
                translate("ProfileDialog", "&WSDL:"),
                self.wsdlEdit,
                FIELD_WSDL,
                translate("ProfileDialog", "Only if Identysoft asks you to use another WSDL."),
            ),
        ):
            label = QLabel(text, self.body)
            label.setBuddy(editor)
            form.addRow(label, field_column(editor, self.errors[field], caption(help_text, self)))
        self.body.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.toggle, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.body)

    def _unfold(self, unfolded: bool) -> None:
        self.toggle.setArrowType(Qt.ArrowType.DownArrow if unfolded else Qt.ArrowType.RightArrow)
        self.body.setVisible(unfolded)

    def unfold(self) -> None:
        """Show the section's fields (a problem there, or a profile that uses them)."""
        self.toggle.setChecked(True)

    def show_profile(self, profile: Profile) -> None:
        """Fill the fields from ``profile``; unfold when it uses any of them."""
        self.originsEdit.setText(" ".join(profile.allowed_origins))
        index = self.totalPathCombo.findData(profile.total_sync_path)
        self.totalPathCombo.setCurrentIndex(max(index, 0))
        self.wsdlEdit.setText(profile.wsdl or "")
        for edit in (self.originsEdit, self.wsdlEdit):
            edit.setCursorPosition(0)  # the start of a long value, not its end
        if (
            profile.allowed_origins
            or profile.wsdl
            or profile.total_sync_path != TOTAL_SYNC_USERS_LOGIN
        ):
            self.unfold()

    def allowed_origins(self) -> tuple[str, ...]:
        """The other I3 addresses as typed, checked (``InputError`` on that field)."""
        return parse_allowed_origins(self.originsEdit.text())

    def total_sync_path(self) -> str:
        return str(self.totalPathCombo.currentData() or TOTAL_SYNC_USERS_LOGIN)

    def wsdl(self) -> str | None:
        return self.wsdlEdit.text().strip() or None

    def set_read_only(self, read_only: bool, why: str = "") -> None:
        """Managed profiles: the fields show IT's values and cannot be changed."""
        for edit in (self.originsEdit, self.wsdlEdit):
            edit.setReadOnly(read_only)
            edit.setToolTip(why)
        self.totalPathCombo.setEnabled(not read_only)
        self.totalPathCombo.setToolTip(why)
