"""The CRM.COM panel's saved secrets: where they go, reading them back, saving and forgetting.

Every vault call goes through the panel's runner (the vault may take a moment, or ask to be
unlocked); this part only says what happened, on the panel's notice line and its Remember box.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit

from desktop.core.vault import NOWHERE, SecretKind, SecretVault, VaultStatus
from desktop.crm.credentials import LoginMode
from desktop.crm.display import SECRET_KINDS, field_name, vault_profile
from desktop.gui.i18n import translate, translate_marked
from desktop.gui.runner import Outcome, Runner
from desktop.gui.widgets import set_line


@dataclass(frozen=True)
class SecretToSave:
    profile: str
    kind: SecretKind
    value: str = field(repr=False)
    name: str


class CrmSecrets(QObject):
    """The Remember box and the vault, for one panel; ``organisation()`` reads the form."""

    checked = Signal()  # the vault answered where secrets go (the Remember box says it)
    loaded = Signal()  # saved secrets of the organisation were read from the vault
    changed = Signal()  # a secret was saved or removed (the notice says which)

    def __init__(
        self,
        store: SecretVault,
        runner: Runner,
        remember: QCheckBox,
        notice: QLabel,
        organisation: Callable[[], str],
        secret_edits: dict[LoginMode, QLineEdit],
        busy: Callable[[], bool],
    ) -> None:
        super().__init__(remember)
        self._store = store
        self._runner = runner
        self._remember = remember
        self._notice = notice
        self._organisation = organisation
        self._edits = secret_edits
        self._busy = busy
        self.available = False
        self.where = NOWHERE
        # Off by default, as on the I3 tab: a secret is kept only when the user asks.
        remember.setChecked(False)
        remember.setEnabled(False)
        runner.run(store.status, self._status)

    def _status(self, outcome: Outcome[VaultStatus]) -> None:
        status = outcome.value or VaultStatus(available=False, where=NOWHERE)
        text = translate("CrmSecrets", "Re&member the secret in {where}")
        self._remember.setChecked(False)
        self._remember.setEnabled(status.available and not self._busy())
        self.available = status.available
        if not status.available:
            # One whole sentence: the vault's "nowhere" wording is not glued into it.
            text = translate(
                "CrmSecrets", "Secrets are not saved: this computer has no password vault."
            )
        # An & in the vault's name is shown as itself, not taken for an access key.
        self._remember.setText(
            text.format(where=translate_marked("Vault", status.where).replace("&", "&&"))
        )
        self._remember.toggled.connect(self._toggled)
        self.where = translate_marked("Vault", status.where)
        self.checked.emit()

    def load_saved(self) -> None:
        """Fill in the saved secrets of the organisation typed (empty fields only)."""
        organisation = self._organisation()
        if not organisation:
            return
        store, profile = self._store, vault_profile(organisation)

        def load() -> dict[LoginMode, str | None]:
            return {mode: store.load(profile, kind) for mode, kind in SECRET_KINDS.items()}

        def loaded(outcome: Outcome[dict[LoginMode, str | None]]) -> None:
            if self._organisation() != organisation:
                return  # the user moved on to another organisation meanwhile
            found = False
            for mode, value in (outcome.value or {}).items():
                edit = self._edits[mode]
                found = found or bool(value)
                if value and not edit.text():
                    edit.setText(value)
            if found and self._remember.isEnabled():
                self._remember.setChecked(True)  # it is remembered: unticking forgets it
            self.loaded.emit()

        self._runner.run(load, loaded)

    def _toggled(self, on: bool) -> None:
        organisation = self._organisation()
        if on or not organisation:
            return
        store, profile = self._store, vault_profile(organisation)

        def delete() -> None:
            for kind in SECRET_KINDS.values():
                store.delete(profile, kind)

        def deleted(outcome: Outcome[None]) -> None:
            if outcome.ok:
                text = translate(
                    "CrmSecrets", "The saved CRM.COM secrets of this organisation are removed."
                )
            else:
                text = translate("CrmSecrets", "The saved CRM.COM secrets could not be removed.")
            set_line(self._notice, text, hide_empty=True)
            self.changed.emit()

        self._runner.run(delete, deleted)

    def save(self, save: SecretToSave) -> None:
        """Keep a secret that just logged in successfully."""
        store = self._store

        def saved(outcome: Outcome[bool]) -> None:
            secret = field_name(save.name, translate)
            if outcome.value:
                text = translate("CrmSecrets", "The {secret} is saved in {where}.")
            else:
                text = translate("CrmSecrets", "The {secret} was not saved: the vault refused it.")
            set_line(self._notice, text.format(secret=secret, where=self.where), hide_empty=True)
            self.changed.emit()

        self._runner.run(lambda: store.save(save.profile, save.kind, save.value), saved)
