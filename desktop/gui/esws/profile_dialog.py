"""The "Connection profiles" dialog: add, edit, rename and delete saved profiles.

The dialog edits one profile at a time and saves through :class:`ProfileBook`; the core validates
(``Profile.validate``) and the dialog shows the problem under the field it names.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import InputError
from desktop.esws.profiles import (
    FIELD_ESWS_ENDPOINT,
    FIELD_I3_ADDRESS,
    FIELD_NAME,
    FIELD_WSDL,
    Profile,
)
from desktop.esws.request import FIELD_ADMIN
from desktop.gui.esws.profile_book import ProfileBook
from desktop.gui.messages import network_reminder
from desktop.gui.widgets import ERROR_TEXT, Banner, InlineError, Tone, caption, field_column

log = logging.getLogger(__name__)

Confirm = Callable[[QWidget, str, str], bool]


def ask_yes_no(parent: QWidget, title: str, question: str) -> bool:
    """The default confirmation: a question box whose safe answer (No) is the default."""
    answer = QMessageBox.question(
        parent,
        title,
        question,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


class ProfileDialog(QDialog):
    """Manage connection profiles; ``profilesChanged`` carries the name to select afterwards."""

    profilesChanged = Signal(str)

    def __init__(self, book: ProfileBook, select: str | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("profileDialog")
        self.setWindowTitle("Connection profiles")
        self.book = book
        self.confirm: Confirm = ask_yes_no
        self._editing: str | None = None  # name of the saved profile in the editor, None = new
        self._dirty = False
        self._build()
        self._reload_list(select)
        if not self.book.names:
            self.new_profile()

    def _build(self) -> None:
        self.profileList = QListWidget(self)
        self.profileList.setObjectName("profileList")
        self.profileList.setAccessibleName("Saved profiles")
        self.profileList.setMinimumWidth(180)
        self.newButton = QPushButton("&New", self)
        self.newButton.setObjectName("newProfileButton")
        self.deleteButton = QPushButton("&Delete", self)
        self.deleteButton.setObjectName("deleteProfileButton")
        list_buttons = QHBoxLayout()
        list_buttons.addWidget(self.newButton)
        list_buttons.addWidget(self.deleteButton)
        left = QVBoxLayout()
        left.addWidget(QLabel("Saved profiles:", self))
        left.addWidget(self.profileList, 1)
        left.addLayout(list_buttons)

        def line(name: str, accessible: str, placeholder: str = "") -> QLineEdit:
            edit = QLineEdit(self)
            edit.setObjectName(name)
            edit.setAccessibleName(accessible)
            edit.setPlaceholderText(placeholder)
            edit.textEdited.connect(self._changed)
            return edit

        self.nameEdit = line("profileNameEdit", "Profile name", "e.g. Head office")
        self.endpointEdit = line("endpointEdit", "ESWS endpoint", "https://…/webservicesesws")
        self.i3Edit = line("i3UrlEdit", "I3 address", "https://i3.identysoft.com")
        self.adminEdit = line("profileAdminEdit", "Admin username", "Optional")
        self.wsdlEdit = line("wsdlEdit", "WSDL", "Bundled (leave empty)")
        self.onPremRadio = QRadioButton("&On-premise (API Agent / API Server)", self)
        self.onPremRadio.setObjectName("onPremiseRadio")
        self.cloudRadio = QRadioButton("&EasyConnect cloud", self)
        self.cloudRadio.setObjectName("cloudRadio")
        group = QButtonGroup(self)
        group.addButton(self.onPremRadio)
        group.addButton(self.cloudRadio)
        group.buttonToggled.connect(self._hosting_changed)
        self.rememberCheck = QCheckBox("&Remember the password on this computer", self)
        self.rememberCheck.setObjectName("profileRememberCheck")
        self.rememberCheck.toggled.connect(self._changed)
        self.hostingCaption = caption("", self)
        # Said where the address is typed: plain http:// to another computer is readable.
        self.cleartextWarning = caption("", self, name="cleartextWarning")
        self.cleartextWarning.setTextFormat(Qt.TextFormat.PlainText)
        self.cleartextWarning.setStyleSheet(f"color: {ERROR_TEXT};")
        self.cleartextWarning.hide()
        self.endpointEdit.textChanged.connect(self._check_cleartext)
        self.i3Edit.textChanged.connect(self._check_cleartext)
        self.errors = {
            field: InlineError(f"{name}Error", self)
            for field, name in (
                (FIELD_NAME, "profileName"),
                (FIELD_ESWS_ENDPOINT, "endpoint"),
                (FIELD_I3_ADDRESS, "i3Url"),
                (FIELD_ADMIN, "profileAdmin"),
                (FIELD_WSDL, "wsdl"),
            )
        }
        hosting = QVBoxLayout()
        hosting.setSpacing(4)
        hosting.addWidget(self.onPremRadio)
        hosting.addWidget(self.cloudRadio)
        hosting.addWidget(self.hostingCaption)
        hosting_box = QWidget(self)
        hosting_box.setLayout(hosting)
        hosting.setContentsMargins(0, 0, 0, 0)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setHorizontalSpacing(12)
        form.setVerticalSpacing(8)
        for text, edit, field in (
            ("&Name:", self.nameEdit, FIELD_NAME),
            ("ESWS end&point:", self.endpointEdit, FIELD_ESWS_ENDPOINT),
            ("&I3 address:", self.i3Edit, FIELD_I3_ADDRESS),
            ("&Admin username:", self.adminEdit, FIELD_ADMIN),
        ):
            label = QLabel(text, self)
            label.setBuddy(edit)
            extra = (self.cleartextWarning,) if edit is self.i3Edit else ()
            form.addRow(label, field_column(edit, self.errors[field], *extra))
        form.addRow("Connection:", hosting_box)
        form.addRow("", self.rememberCheck)
        wsdl_label = QLabel("WS&DL:", self)
        wsdl_label.setBuddy(self.wsdlEdit)
        form.addRow(
            wsdl_label,
            field_column(
                self.wsdlEdit,
                self.errors[FIELD_WSDL],
                caption("Only if Identysoft asks you to use another WSDL.", self),
            ),
        )
        self.problemBanner = Banner("profileProblem", self)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addWidget(self.problemBanner)
        right.addStretch(1)

        body = QHBoxLayout()
        body.setSpacing(18)
        body.addLayout(left)
        body.addLayout(right, 1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.saveButton = self.buttons.addButton(
            "&Save profile", QDialogButtonBox.ButtonRole.ApplyRole
        )
        self.saveButton.setObjectName("saveProfileButton")
        self.buttons.rejected.connect(self.reject)
        self.saveButton.clicked.connect(self.save)
        root = QVBoxLayout(self)
        root.setContentsMargins(18, 18, 18, 14)
        root.addLayout(body, 1)
        root.addWidget(self.buttons)

        self.profileList.currentTextChanged.connect(self._selected)
        self.newButton.clicked.connect(self.new_profile)
        self.deleteButton.clicked.connect(self.delete_profile)
        self.resize(760, 460)

    # -- list and editor -------------------------------------------------------------------------

    def _reload_list(self, select: str | None) -> None:
        chosen = self.book.find(select) or self.book.initial()
        self.profileList.blockSignals(True)
        self.profileList.clear()
        self.profileList.addItems(self.book.names)
        if chosen is not None:
            self.profileList.setCurrentRow(self.book.names.index(chosen.name))
        self.profileList.blockSignals(False)
        if chosen is not None:
            self._show(chosen)
        self.deleteButton.setEnabled(bool(self.book.names))

    def _show(self, profile: Profile, *, new: bool = False) -> None:
        self._editing = None if new else profile.name
        self.nameEdit.setText(profile.name)
        self.endpointEdit.setText(profile.esws_endpoint)
        self.i3Edit.setText(profile.i3_base_url)
        self.adminEdit.setText(profile.admin_username)
        self.wsdlEdit.setText(profile.wsdl or "")
        (self.cloudRadio if profile.cloud else self.onPremRadio).setChecked(True)
        self.rememberCheck.setChecked(profile.remember_password)
        vault = self.book.vault()
        self.rememberCheck.setEnabled(vault.available)
        self.rememberCheck.setToolTip("" if vault.available else f"Secrets are kept {vault.where}.")
        for error in self.errors.values():
            error.set_problem("")
        self.problemBanner.clear()
        self._dirty = False  # only the user's edits make it dirty
        self.saveButton.setEnabled(new)

    def _changed(self, *_: object) -> None:
        self._dirty = True
        self.saveButton.setEnabled(True)

    def _check_cleartext(self, *_: object) -> None:
        from desktop.core.http import is_cleartext_remote

        exposed = []
        if is_cleartext_remote(self.endpointEdit.text()):
            exposed.append("the admin password (ESWS endpoint)")
        if is_cleartext_remote(self.i3Edit.text()):
            exposed.append("the one-time sync link (I3 address)")
        self.cleartextWarning.setText(
            f"Not encrypted: with http:// to another computer, {' and '.join(exposed)} can be "
            "read on the network. Use https:// unless the server is on this computer."
            if exposed
            else ""
        )
        self.cleartextWarning.setVisible(bool(exposed))

    def _hosting_changed(self, *_: object) -> None:
        self.hostingCaption.setText(network_reminder(self.cloudRadio.isChecked()))
        self._changed()

    def _selected(self, name: str) -> None:
        if not name or name == self._editing:
            return
        if self._dirty and not self._discard_ok():
            self.profileList.blockSignals(True)
            if self._editing in self.book.names:
                self.profileList.setCurrentRow(self.book.names.index(self._editing))
            self.profileList.blockSignals(False)
            return
        profile = self.book.find(name)
        if profile is not None:
            self._show(profile)

    def _discard_ok(self) -> bool:
        return self.confirm(self, "Unsaved changes", "Discard the changes to this profile?")

    def edited_profile(self) -> Profile:
        """The profile as the editor shows it now."""
        base = self.book.find(self._editing) or Profile(name="")
        return replace(
            base,
            name=self.nameEdit.text(),
            esws_endpoint=self.endpointEdit.text().strip(),
            i3_base_url=self.i3Edit.text().strip(),
            admin_username=self.adminEdit.text(),
            cloud=self.cloudRadio.isChecked(),
            remember_password=self.rememberCheck.isChecked() and self.book.vault().available,
            wsdl=self.wsdlEdit.text().strip() or None,
        )

    # -- actions ---------------------------------------------------------------------------------

    def new_profile(self) -> None:
        if self._dirty and not self._discard_ok():
            return
        existing = {name.casefold() for name in self.book.names}
        name, number = "New profile", 2
        while name.casefold() in existing:
            name, number = f"New profile {number}", number + 1
        self.profileList.clearSelection()
        self._show(Profile(name=name), new=True)
        self.nameEdit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.nameEdit.selectAll()

    def save(self) -> bool:
        """Validate and save the edited profile; show the problem under its field otherwise."""
        profile = self.edited_profile()
        for error in self.errors.values():
            error.set_problem("")
        self.problemBanner.clear()
        try:
            self.book.save(profile, old_name=self._editing)
        except InputError as error:
            label = self.errors.get(error.field)
            message = f"The {error.field} {error.problem}."
            if label is not None:
                label.set_problem(message)
            else:
                self.problemBanner.show_message(message, Tone.ERROR)
            return False
        except OSError as error:
            log.warning("Could not save profiles: %s", type(error).__name__)
            self.problemBanner.show_message(
                f"The profile could not be saved to {self.book.store.path} "
                f"({error.strerror or type(error).__name__}).",
                Tone.ERROR,
            )
            return False
        log.info("Profile saved")
        self._reload_list(profile.name)
        self.profilesChanged.emit(profile.name)
        return True

    def delete_profile(self) -> None:
        name = self._editing
        if name is None:
            self._reload_list(None)
            return
        question = (
            f"Delete the profile “{name}”? Its saved security code and password are removed "
            "from this computer too."
        )
        if not self.confirm(self, "Delete profile", question):
            return
        try:
            self.book.delete(name)
        except OSError as error:
            self.problemBanner.show_message(
                f"The profile could not be deleted ({error.strerror or type(error).__name__}).",
                Tone.ERROR,
            )
            return
        self._dirty = False
        self._reload_list(None)
        if not self.book.names:
            self.new_profile()
        self.profilesChanged.emit(self.book.names[0] if self.book.names else "")

    def reject(self) -> None:
        if self._dirty and not self._discard_ok():
            return
        super().reject()
