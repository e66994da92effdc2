"""The CRM.COM panel's widgets and their layout (no behaviour: see :mod:`desktop.gui.crm.panel`).

Laid out as the I3 tab is (:mod:`desktop.gui.esws.sync_form_layout`): bold section headings,
one form per section, labels on the left in one column whose width never changes (it is set from
every label, shown or not, so choosing another login mode does not move the fields).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.crm import credentials as form
from desktop.crm.credentials import LoginMode
from desktop.gui.crm.remembered import KEPT_KEYS
from desktop.gui.i18n import translate, translate_marked
from desktop.gui.palette import Role
from desktop.gui.widgets import (
    Banner,
    add_sections,
    align_labels,
    chain_tab_order,
    form_section,
    set_line,
    set_text_role,
)

SECRET_KEYS = {mode.secret_key for mode in LoginMode}
# Rows shown only for one login mode, by field key.
MODE_OF_KEY = {"username": LoginMode.USERNAME, "identifier": LoginMode.IDENTIFIER}
MODE_OF_KEY.update({mode.secret_key: mode for mode in LoginMode})
MODE_KEYS = ("username", "password", "identifier", "pass_code", "authentication_code")
# The form's fields in order: (object name, build_credentials keyword or "url", field name).
FIELDS = (
    ("crmUrlEdit", "url", form.FIELD_URL),
    ("crmOrganisationEdit", "organisation", form.FIELD_ORGANISATION),
    ("crmUnitEdit", "unit", form.FIELD_UNIT),
    ("crmUsernameEdit", "username", form.FIELD_USERNAME),
    ("crmPasswordEdit", "password", form.FIELD_PASSWORD),
    ("crmIdentifierEdit", "identifier", form.FIELD_IDENTIFIER),
    ("crmPassCodeEdit", "pass_code", form.FIELD_PASS_CODE),
    ("crmAuthCodeEdit", "authentication_code", form.FIELD_AUTH_CODE),
)


def mode_label(mode: LoginMode) -> str:
    """The login mode in the user's words (:attr:`LoginMode.label`), in the window's language."""
    return translate_marked("CrmForm", mode.label)


def _labels() -> dict[str, str]:
    """Each field's label, with its access key (unique on the tab)."""
    return {
        "url": translate("CrmForm", "CRM.COM &address:"),
        "organisation": translate("CrmForm", "&Organisation:"),
        "unit": translate("CrmForm", "&Unit:"),
        "mode": translate("CrmForm", "&Log in with:"),
        "username": translate("CrmForm", "User&name:"),
        "password": translate("CrmForm", "&Password:"),
        "identifier": translate("CrmForm", "Access token &identifier:"),
        "pass_code": translate("CrmForm", "Pass &code:"),
        "authentication_code": translate("CrmForm", "Au&thentication code:"),
    }


def _placeholders() -> dict[str, str]:
    return {
        "url": form.EXAMPLE_URL,
        "organisation": translate("CrmForm", "e.g. CRMDEMO"),
        "unit": translate("CrmForm", "Optional: the user's default unit"),
    }


class CrmForm(QWidget):
    """Every widget of the CRM.COM panel, labelled, in three sections, in tab order."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edits: dict[str, QLineEdit] = {}  # by build_credentials keyword (and "url")
        self.by_field: dict[str, QLineEdit] = {}  # by InputError.field
        self.labels: dict[str, QLabel] = {}  # by the same keys, and "mode"
        self._described: QLineEdit | None = None  # the field the error line is about
        self._build()

    def _build(self) -> None:
        self.noticeBanner = Banner("crmPanelNotice", self)
        placeholders = _placeholders()
        for name, key, field_name in FIELDS:
            edit = QLineEdit(self)
            edit.setObjectName(name)
            edit.setPlaceholderText(placeholders.get(key, ""))
            if key in SECRET_KEYS:
                edit.setEchoMode(QLineEdit.EchoMode.Password)
            self.edits[key] = edit
            self.by_field[field_name] = edit
        self.mode_combo = QComboBox(self)
        self.mode_combo.setObjectName("crmModeCombo")
        for mode in LoginMode:
            self.mode_combo.addItem(mode_label(mode), mode.value)

        self.remember_check = QCheckBox(
            translate("CrmForm", "Re&member the secret (looking for the vault…)"), self
        )
        self.remember_check.setObjectName("crmRememberCheck")
        self.get_button = QPushButton(translate("CrmForm", "&Get token"), self)
        self.get_button.setObjectName("crmGetTokenButton")
        self.get_button.setToolTip(translate("CrmForm", "Log in to CRM.COM (Enter)"))
        self.cancel_button = QPushButton(translate("CrmForm", "Canc&el"), self)
        self.cancel_button.setObjectName("crmCancelButton")
        self.cancel_button.setToolTip(translate("CrmForm", "Stop asking CRM.COM (Esc)"))
        self.cancel_button.hide()
        self.copy_button = QPushButton(translate("CrmForm", "Cop&y"), self)
        self.copy_button.setObjectName("crmCopyButton")
        self.copy_button.setToolTip(
            translate("CrmForm", "Copy the token; the clipboard is cleared again shortly.")
        )
        self.auto_renew_check = QCheckBox(
            translate("CrmForm", "&Renew automatically before it expires"), self
        )
        self.auto_renew_check.setObjectName("crmAutoRenewCheck")
        self.auto_renew_check.setChecked(True)

        self.owner_label = self._line("crmOwnerLabel", translate("CrmForm", "Whose token"))
        self.validity_label = self._line("crmValidityLabel", translate("CrmForm", "Token"))
        self.notice_label = self._line("crmNoticeLabel", translate("CrmForm", "Notice"))
        self.error_label = self._line("crmErrorLabel", translate("CrmForm", "Error"))
        set_text_role(self.error_label, Role.ERROR)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._layout()

    def _line(self, name: str, accessible: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setAccessibleName(accessible)
        label.setWordWrap(True)
        # They quote CRM.COM's codes and messages: never rich text (no links, no markup).
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.hide()
        return label

    def _layout(self) -> None:
        texts = _labels()

        def row(layout: QFormLayout, key: str, widget: QWidget) -> None:
            label = QLabel(texts[key], self)
            label.setBuddy(widget)
            self.labels[key] = label
            layout.addRow(label, widget)

        connection = form_section()
        row(connection, "url", self.edits["url"])
        sign_in = form_section()
        self.sign_in = sign_in
        row(sign_in, "organisation", self.edits["organisation"])
        row(sign_in, "unit", self.edits["unit"])
        row(sign_in, "mode", self.mode_combo)
        for key in MODE_KEYS:
            row(sign_in, key, self.edits[key])
        sign_in.addRow("", self.remember_check)

        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        for widget in (self.get_button, self.cancel_button, self.copy_button):
            buttons.addWidget(widget)
        buttons.addSpacing(12)
        buttons.addWidget(self.auto_renew_check)
        buttons.addStretch(1)
        token = QVBoxLayout()
        token.setSpacing(6)
        token.addLayout(buttons)
        for line in (self.owner_label, self.validity_label, self.notice_label, self.error_label):
            token.addWidget(line)

        align_labels(self.labels.values())  # the same column in every section and login mode

        root = QVBoxLayout(self)
        root.setContentsMargins(24, 20, 24, 20)
        root.setSpacing(10)
        root.addWidget(self.noticeBanner)
        sections: list[tuple[str, QLayout]] = [
            (translate("CrmForm", "Connection"), connection),
            (translate("CrmForm", "Sign in to CRM.COM"), sign_in),
            (translate("CrmForm", "Token"), token),
        ]
        add_sections(root, sections, self)
        root.addStretch(1)

        chain_tab_order(
            self.edits["url"],
            self.edits["organisation"],
            self.edits["unit"],
            self.mode_combo,
            *(self.edits[key] for key in MODE_KEYS),
            self.remember_check,
            self.get_button,
            self.cancel_button,
            self.copy_button,
            self.auto_renew_check,
        )

    def mode(self) -> LoginMode:
        return LoginMode(self.mode_combo.currentData())

    def show_mode_rows(self) -> None:
        """Only the chosen login mode's fields are shown (the label column stays put)."""
        mode = self.mode()
        for key, row_mode in MODE_OF_KEY.items():
            self.sign_in.setRowVisible(self.edits[key], row_mode is mode)

    def lock(self, busy: bool, *, remember: bool) -> None:
        """While CRM.COM is asked: the form locked, Cancel (and Esc) offered instead of Get."""
        for edit in self.edits.values():
            edit.setEnabled(not busy)
        self.mode_combo.setEnabled(not busy)
        self.remember_check.setEnabled(remember)
        self.get_button.setEnabled(not busy)
        self.get_button.setVisible(not busy)
        self.cancel_button.setVisible(busy)
        if busy:
            self.cancel_button.setFocus(Qt.FocusReason.OtherFocusReason)
        elif self.cancel_button.hasFocus() or self.focusWidget() is None:
            self.get_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def restore(self, values: dict[str, str]) -> None:
        """Fill in kept non-secret fields (a secret is never among them) and the mode."""
        for key, value in values.items():
            if key in KEPT_KEYS and key in self.edits and key not in SECRET_KEYS:
                self.edits[key].setText(value)
                self.edits[key].setCursorPosition(0)  # the start of a long address
        index = self.mode_combo.findData(values.get("mode", ""))
        if index >= 0:
            self.mode_combo.setCurrentIndex(index)

    def kept_values(self) -> dict[str, str]:
        """What is kept between runs: the non-secret fields and the mode, never a secret."""
        values = {key: self.edits[key].text().strip() for key in KEPT_KEYS if key in self.edits}
        values["mode"] = self.mode().value
        return values

    def show_error(self, text: str, field_name: str | None = None) -> None:
        """The error line (empty: none), also the description of the field it is about, so a
        screen reader reads it there; it goes once that field is edited."""
        set_line(self.error_label, text, hide_empty=True)
        if self._described is not None:
            self._described.setAccessibleDescription("")
            self._described.textEdited.disconnect(self._field_edited)
            self._described = None
        edit = self.by_field.get(field_name) if field_name else None
        if edit is not None and text:
            edit.setAccessibleDescription(text)
            edit.textEdited.connect(self._field_edited)
            self._described = edit

    def _field_edited(self) -> None:
        self.show_error("")
