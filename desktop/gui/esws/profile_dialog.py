"""The "Connection profiles" dialog: add, edit, rename and delete saved profiles.

The dialog edits one profile at a time and saves through :class:`ProfileBook`; the core validates
(``Profile.validate``) and the dialog shows the problem under the field it names. "Test connection"
checks the profile as typed (validated first). A profile the IT department manages is shown
read-only: only the user's own choices (admin username, remember the password) can be changed.

OK (the default button: Enter in any field) saves and closes, Apply saves and keeps the dialog
open, Cancel and Esc close, asking first only when there are unsaved edits. Tab follows the
dialog from the list to the buttons; every field has a label with a unique access key. Texts are
translated under the context "ProfileDialog" (its sentences are in ``profile_texts``).
"""

from __future__ import annotations

import logging
from dataclasses import replace
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QDialog, QHBoxLayout, QVBoxLayout, QWidget

from desktop.core.errors import InputError
from desktop.core.text import one_line
from desktop.esws.profiles import Profile
from desktop.gui import window_state
from desktop.gui.esws import profile_texts
from desktop.gui.esws.check_view import CheckView
from desktop.gui.esws.profile_advanced import AdvancedFields
from desktop.gui.esws.profile_book import ProfileBook
from desktop.gui.esws.profile_fields import ProfileFields
from desktop.gui.esws.profile_parts import (
    Confirm,
    EditorScroller,
    confirm,
    dialog_buttons,
    fit_screen,
    list_column,
    managed_tip,
)
from desktop.gui.i18n import translate
from desktop.gui.messages import field_message
from desktop.gui.widgets import Banner, Tone, caption, chain_tab_order

if TYPE_CHECKING:
    from desktop.core.vault import VaultStatus
    from desktop.esws.check import CheckTarget

log = logging.getLogger(__name__)

# The group of window.ini holding this dialog's size and place.
GEOMETRY_GROUP = "ProfilesDialog"
# Fits a 1280 x 720 screen at 150 % (853 x 480 logical pixels) with the taskbar; the editor scrolls.
DEFAULT_SIZE = (820, 440)


class ProfileDialog(QDialog):
    """Manage connection profiles; ``profilesChanged`` carries the name to select afterwards."""

    profilesChanged = Signal(str)

    def __init__(
        self,
        book: ProfileBook,
        select: str | None,
        parent: QWidget | None = None,
        *,
        vault: VaultStatus | None = None,
    ):
        """``vault``: the vault's status as the window knows it; None while it has not answered
        (never asked here: an OS vault waiting to be unlocked would freeze the window)."""
        super().__init__(parent)
        self.setObjectName("profileDialog")
        self.setWindowTitle(translate("ProfileDialog", "Connection profiles"))
        self.book = book
        self._vault_status = vault or book.known_vault
        self.confirm: Confirm = confirm
        self._editing: str | None = None  # name of the saved profile in the editor, None = new
        self._dirty = False
        self._build()
        self._reload_list(select)
        if not self.book.names:
            self.new_profile()

    def _build(self) -> None:
        left, self.profileList, self.newButton, self.deleteButton = list_column(self)

        self.fields = fields = ProfileFields(self)
        fields.changed.connect(self._changed)
        # The fields, as the dialog's own (tests and screen readers find them by these names).
        self.nameEdit, self.endpointEdit = fields.nameEdit, fields.endpointEdit
        self.i3Edit, self.adminEdit = fields.i3Edit, fields.adminEdit
        self.onPremRadio, self.cloudRadio = fields.onPremRadio, fields.cloudRadio
        self.rememberCheck, self.cleartextWarning = fields.rememberCheck, fields.cleartextWarning
        self.advanced = AdvancedFields(self)
        self.advanced.changed.connect(self._changed)
        self.wsdlEdit = self.advanced.wsdlEdit
        self.errors = {**fields.errors, **self.advanced.errors}
        self.managedNote = caption(profile_texts.managed_note(), self, name="managedNote")
        self.managedNote.hide()
        self.problemBanner = Banner("profileProblem", self)
        # The profile as typed, validated first; nothing secret is sent.
        self.checkView = CheckView(self._check_target, self)
        right = QVBoxLayout()
        right.addWidget(self.managedNote)
        right.addWidget(fields)
        right.addWidget(self.advanced)
        right.addWidget(self.problemBanner)
        right.addWidget(self.checkView)
        right.addStretch(1)
        # Scrolls rather than squeezing its rows when Advanced and a check's result are shown.
        editor = QWidget(self)
        editor.setLayout(right)
        right.setContentsMargins(0, 0, 6, 0)
        self.editorScroller = scroller = EditorScroller(editor, self)

        body = QHBoxLayout()
        body.setSpacing(18)
        body.addLayout(left)
        body.addWidget(scroller, 1)
        self.buttons, self.okButton, self.cancelButton, self.saveButton = dialog_buttons(self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.saveButton.clicked.connect(self.save)
        root = QVBoxLayout(self)
        root.setContentsMargins(18, 18, 18, 14)
        root.addLayout(body, 1)
        root.addWidget(self.buttons)

        self.profileList.currentRowChanged.connect(self._selected_row)
        self.newButton.clicked.connect(self.new_profile)
        self.deleteButton.clicked.connect(self.delete_profile)
        # Tab in the order the dialog reads: the list, then the fields top to bottom, then the
        # connection check and the dialog's buttons.
        chain_tab_order(
            self.profileList,
            self.newButton,
            self.deleteButton,
            self.nameEdit,
            self.endpointEdit,
            self.i3Edit,
            self.adminEdit,
            self.onPremRadio,
            self.cloudRadio,
            self.rememberCheck,
            self.advanced.toggle,
            self.advanced.originsEdit,
            self.advanced.totalPathCombo,
            self.wsdlEdit,
            self.checkView.testButton,
            self.checkView.cancelButton,
            *self.buttons.buttons(),
        )
        if not window_state.restore(self, GEOMETRY_GROUP):
            self.resize(fit_screen(self, QSize(*DEFAULT_SIZE)))

    # -- list and editor -------------------------------------------------------------------------

    def _reload_list(self, select: str | None) -> None:
        chosen = self.book.find(select) or self.book.initial()
        self.profileList.show_profiles(self.book.state.profiles, chosen.name if chosen else None)
        if chosen is not None:
            self._show(chosen)
        self._update_delete()

    def _update_delete(self) -> None:
        profile = self.book.find(self._editing)
        managed = profile is not None and profile.managed
        self.deleteButton.setEnabled(bool(self.book.names) and not managed)
        self.deleteButton.setToolTip(managed_tip() if managed else "")

    def _show(self, profile: Profile, *, new: bool = False) -> None:
        self._editing = None if new else profile.name
        self.fields.show_profile(profile)
        self.advanced.show_profile(profile)
        vault = self._vault_status
        # Not known yet: the box is the user's choice; a vault that turns out missing keeps
        # nothing anyway.
        self.rememberCheck.setEnabled(vault is None or vault.available)
        # Tooltips guess rich text from their content: the vault's own wording is escaped.
        self.rememberCheck.setToolTip(
            "" if vault is None or vault.available else escape(profile_texts.vault_missing_tip())
        )
        self._clear_problems()
        self._set_managed(profile.managed)
        self.checkView.reset()
        self._dirty = False  # only the user's edits make it dirty
        self.saveButton.setEnabled(new)
        self._update_delete()

    def _set_managed(self, managed: bool) -> None:
        """IT's settings of a managed profile are shown, never editable (nor its name)."""
        tip = managed_tip() if managed else ""
        self.fields.set_read_only(managed, tip)
        self.advanced.set_read_only(managed, tip)
        self.managedNote.setVisible(managed)

    def _changed(self, *_: object) -> None:
        self._dirty = True
        self.saveButton.setEnabled(True)

    def _selected_row(self, row: int) -> None:
        names = self.book.names
        self._selected(names[row] if 0 <= row < len(names) else "")

    def _selected(self, name: str) -> None:
        if not name or name == self._editing:
            return
        if self._dirty and not self._discard_ok():
            if self._editing in self.book.names:
                self.profileList.select_quietly(self.book.names.index(self._editing))
            return
        profile = self.book.find(name)
        if profile is not None:
            self._show(profile)

    def _discard_ok(self) -> bool:
        return self.confirm(
            self,
            translate("ProfileDialog", "Unsaved changes"),
            translate("ProfileDialog", "Discard the changes to this profile?"),
            translate("ProfileDialog", "Discard changes"),
            translate("ProfileDialog", "Keep editing"),
        )

    def edited_profile(self) -> Profile:
        """The profile as the editor shows it now (``InputError`` when a field cannot be read:
        the other I3 addresses)."""
        base = self.book.find(self._editing) or Profile(name="")
        return replace(
            base,
            name=self.nameEdit.text(),
            esws_endpoint=self.endpointEdit.text().strip(),
            i3_base_url=self.i3Edit.text().strip(),
            admin_username=self.adminEdit.text(),
            cloud=self.cloudRadio.isChecked(),
            remember_password=self.rememberCheck.isChecked()
            and (self._vault_status is None or self._vault_status.available),
            wsdl=self.advanced.wsdl(),
            allowed_origins=self.advanced.allowed_origins(),
            total_sync_path=self.advanced.total_sync_path(),
        )

    def _show_problem(self, error: InputError) -> None:
        """The problem under its field (read out with the field), and the cursor in it."""
        label = self.errors.get(error.field)
        message = field_message(error.field, error)
        if label is None:
            self.problemBanner.show_message(escape(message), Tone.ERROR)  # quotes the input
            return
        label.set_problem(message)
        if label in self.advanced.errors.values():
            self.advanced.unfold()
        if label.describes is not None:  # the problem is read out with it (set_problem)
            label.describes.setFocus(Qt.FocusReason.OtherFocusReason)

    def _clear_problems(self) -> None:
        for error in self.errors.values():
            error.set_problem("")  # and the field's description
        self.problemBanner.clear()

    def _check_target(self) -> CheckTarget | None:
        """What "Test connection" checks: the profile as typed, or None (problem shown)."""
        from desktop.esws.check import CheckTarget

        self._clear_problems()
        try:
            profile = self.edited_profile()
            profile.validate()
            return CheckTarget.of(
                profile.esws_endpoint,
                profile.i3_base_url,
                profile.wsdl,
                profile=one_line(profile.name, 100),
                cloud=profile.cloud,
            )
        except InputError as error:
            self._show_problem(error)
            return None

    # -- actions ---------------------------------------------------------------------------------

    def new_profile(self) -> None:
        if self._dirty and not self._discard_ok():
            return
        name = profile_texts.new_profile_name(self.book.names)
        # No current row either: choosing the profile shown before switches back to it.
        self.profileList.select_quietly(-1)
        self._show(Profile(name=name), new=True)
        self.nameEdit.setFocus(Qt.FocusReason.OtherFocusReason)
        self.nameEdit.selectAll()

    def save(self) -> bool:
        """Validate and save the edited profile; show the problem under its field otherwise."""
        self._clear_problems()
        try:
            profile = self.edited_profile()
            self.book.save(profile, old_name=self._editing)
        except InputError as error:
            self._show_problem(error)
            return False
        except OSError as error:
            log.warning("Could not save profiles: %s", type(error).__name__)
            reason = error.strerror or type(error).__name__
            self.problemBanner.show_message(
                escape(profile_texts.save_failed(str(self.book.store.path), reason)), Tone.ERROR
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
        editing = self.book.find(name)
        if editing is not None and editing.managed:
            return  # the button is disabled; IT removes managed profiles
        title = translate("ProfileDialog", "Delete profile")
        question = profile_texts.delete_question(name)
        cancel = translate("ProfileDialog", "Cancel")
        if not self.confirm(self, title, question, title, cancel):
            return
        try:
            self.book.delete(name)
        except OSError as error:
            reason = error.strerror or type(error).__name__
            self.problemBanner.show_message(escape(profile_texts.delete_failed(reason)), Tone.ERROR)
            return
        self._dirty = False
        self._reload_list(None)
        if not self.book.names:
            self.new_profile()
        self.profilesChanged.emit(self.book.names[0] if self.book.names else "")

    def accept(self) -> None:
        """OK: save the edits (if any) and close; a problem keeps the dialog open under it."""
        if self._dirty and not self.save():
            return
        super().accept()

    def reject(self) -> None:
        if self._dirty and not self._discard_ok():
            return
        super().reject()

    def done(self, result: int) -> None:
        self.checkView.reset()  # a check still running is cancelled with the dialog
        window_state.save(self, GEOMETRY_GROUP)
        super().done(result)
