"""The profile dialog's main fields: name, ESWS endpoint, I3 address, admin username, the
connection (on-premise or cloud) and "Remember the password".

Each field has a label with an access key (its buddy) and an accessible name; the line under a
field holds its problem; the plain-http warning is said under the I3 address in the palette's
error colour. Texts are translated under the dialog's context ("ProfileDialog").
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QFormLayout, QLabel, QLineEdit, QWidget

from desktop.esws.profiles import FIELD_ESWS_ENDPOINT, FIELD_I3_ADDRESS, FIELD_NAME, Profile
from desktop.esws.request import FIELD_ADMIN
from desktop.gui.esws.profile_parts import cleartext_warning, hosting_choice
from desktop.gui.i18n import translate
from desktop.gui.messages import network_reminder
from desktop.gui.palette import Role
from desktop.gui.widgets import InlineError, caption, field_column, set_text_role, show_start


class ProfileFields(QWidget):
    """The form of the fields above "Advanced"; ``changed`` fires on every edit by the user."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("profileFields")
        self.nameEdit = self._line(
            "profileNameEdit",
            translate("ProfileDialog", "Profile name"),
            translate("ProfileDialog", "e.g. Head office"),
        )
        # The two addresses' placeholders are examples of an address: no words to translate.
        self.endpointEdit = self._line(
            "endpointEdit", translate("ProfileDialog", "ESWS endpoint"), "https://…/webservicesesws"
        )
        self.i3Edit = self._line(
            "i3UrlEdit", translate("ProfileDialog", "I3 address"), "https://i3.identysoft.com"
        )
        self.adminEdit = self._line(
            "profileAdminEdit",
            translate("ProfileDialog", "Admin username"),
            translate("ProfileDialog", "Optional"),
        )
        hosting_box, self.onPremRadio, self.cloudRadio, self.hostingCaption = hosting_choice(self)
        for radio in (self.onPremRadio, self.cloudRadio):
            radio.toggled.connect(self._hosting_changed)
        self.rememberCheck = QCheckBox(
            translate("ProfileDialog", "&Remember the password on this computer"), self
        )
        self.rememberCheck.setObjectName("profileRememberCheck")
        self.rememberCheck.setAccessibleName(
            translate("ProfileDialog", "Remember the password on this computer")
        )
        self.rememberCheck.toggled.connect(self.changed)
        # Said where the address is typed: plain http:// to another computer is readable. In the
        # palette's error colour, legible on light and dark (it follows a change of palette).
        self.cleartextWarning = caption("", self, name="cleartextWarning")
        set_text_role(self.cleartextWarning, Role.ERROR)
        self.cleartextWarning.hide()
        self.endpointEdit.textChanged.connect(self._check_cleartext)
        self.i3Edit.textChanged.connect(self._check_cleartext)
        self.errors = {
            field: InlineError(f"{name}Error", self, describes=editor)
            for field, name, editor in (
                (FIELD_NAME, "profileName", self.nameEdit),
                (FIELD_ESWS_ENDPOINT, "endpoint", self.endpointEdit),
                (FIELD_I3_ADDRESS, "i3Url", self.i3Edit),
                (FIELD_ADMIN, "profileAdmin", self.adminEdit),
            )
        }

        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(8)
        for text, edit, field in (
            (translate("ProfileDialog", "Na&me:"), self.nameEdit, FIELD_NAME),
            (translate("ProfileDialog", "ESWS end&point:"), self.endpointEdit, FIELD_ESWS_ENDPOINT),
            (translate("ProfileDialog", "&I3 address:"), self.i3Edit, FIELD_I3_ADDRESS),
            (translate("ProfileDialog", "Admin &username:"), self.adminEdit, FIELD_ADMIN),
        ):
            label = QLabel(text, self)
            label.setBuddy(edit)
            extra = (self.cleartextWarning,) if edit is self.i3Edit else ()
            form.addRow(label, field_column(edit, self.errors[field], *extra))
        # No access key of its own: each radio button has one.
        form.addRow(translate("ProfileDialog", "Connection:"), hosting_box)
        form.addRow("", self.rememberCheck)

    def _line(self, name: str, accessible: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setPlaceholderText(placeholder)
        edit.textEdited.connect(self.changed)
        return edit

    def show_profile(self, profile: Profile) -> None:
        """Fill the fields from ``profile`` (a long value shows its start)."""
        self.nameEdit.setText(profile.name)
        self.endpointEdit.setText(profile.esws_endpoint)
        self.i3Edit.setText(profile.i3_base_url)
        self.adminEdit.setText(profile.admin_username)
        for edit in (self.nameEdit, self.endpointEdit, self.i3Edit, self.adminEdit):
            show_start(edit)  # a long address shows its start (the scheme, the host)
        (self.cloudRadio if profile.cloud else self.onPremRadio).setChecked(True)
        self.rememberCheck.setChecked(profile.remember_password)

    def set_read_only(self, read_only: bool, why: str = "") -> None:
        """IT's settings of a managed profile are shown, never editable (nor its name)."""
        for edit in (self.nameEdit, self.endpointEdit, self.i3Edit):
            edit.setReadOnly(read_only)
            edit.setToolTip(why)
        for radio in (self.onPremRadio, self.cloudRadio):
            radio.setEnabled(not read_only)
            radio.setToolTip(why)

    def _check_cleartext(self, *_: object) -> None:
        warning = cleartext_warning(self.endpointEdit.text(), self.i3Edit.text())
        self.cleartextWarning.setText(warning)
        self.cleartextWarning.setAccessibleName(warning)  # read out where it is shown
        self.cleartextWarning.setVisible(bool(warning))

    def _hosting_changed(self, *_: object) -> None:
        self.hostingCaption.setText(network_reminder(self.cloudRadio.isChecked()))
        self.changed.emit()
