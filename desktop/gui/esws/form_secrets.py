"""The vault side of the sync form: the vault's status, a profile's saved secrets into the form,
"remember password", and what a successful sync keeps.

Every vault read and write goes through the tab's serial runner (one call at a time, in order):
an OS vault that asks to be unlocked never freezes the window, and a write never overtakes the
one before it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from desktop.core.errors import InputError
from desktop.core.vault import NOWHERE, VaultStatus
from desktop.gui.i18n import translate, translate_marked
from desktop.gui.messages import Problem
from desktop.gui.runner import Job, Outcome, Runner

if TYPE_CHECKING:
    from desktop.esws.profiles import Profile
    from desktop.esws.request import SyncRequest
    from desktop.gui.esws.profile_book import ProfileBook
    from desktop.gui.esws.sync_form import SyncForm

log = logging.getLogger(__name__)


class FormSecrets:
    """Saved secrets for the form, read and written on the vault runner."""

    def __init__(
        self,
        book: ProfileBook,
        form: SyncForm,
        runner: Runner,
        *,
        loaded: Callable[[], None],
    ) -> None:
        """``loaded`` runs on the GUI thread each time a profile's saved secrets are in."""
        self.book = book
        self.form = form
        self.runner = runner
        self.status: VaultStatus | None = None  # None until the vault has answered
        self._job: Job | None = None
        self._loaded = loaded

    @property
    def busy(self) -> bool:
        """True until the vault has answered, and while a vault read or write is running."""
        return self.status is None or self.runner.busy

    def ask_status(self, known: Callable[[VaultStatus], None]) -> None:
        """Ask the vault where secrets go; ``known`` gets the answer (no vault on failure)."""

        def answered(outcome: Outcome[VaultStatus]) -> None:
            self.status = outcome.value or VaultStatus(available=False, where=NOWHERE)
            known(self.status)

        self.runner.run(self.book.vault, answered)

    def fill(self, profile: Profile, then: Callable[[], None] | None = None) -> None:
        """The remember box for ``profile``, then its saved secrets into the empty fields; then
        ``then`` runs. Nothing happens before the vault has answered."""
        self.cancel()
        vault = self.status
        if vault is None:  # not started yet: the secrets come once the vault has answered
            return
        note = (
            translate(
                "FormSecrets",
                "The security code is kept in {where} after a successful sync; the password "
                "only when this box is ticked.",
            ).format(where=translate_marked("Vault", vault.where))
            if vault.available
            else translate("FormSecrets", "No password vault: nothing is remembered.")
        )
        self.form.set_remember(profile.remember_password, available=vault.available, note=note)
        book = self.book

        def loaded(outcome: Outcome[Any]) -> None:
            self._job = None
            saved = outcome.value
            if outcome.error is not None:
                log.warning("Could not read the saved secrets: %s", type(outcome.error).__name__)
            elif saved is not None:
                # Only into empty fields: what the user typed meanwhile stays.
                self.form.keep_typed_secrets(saved.company_id or "", saved.password or "")
            self._loaded()
            if then is not None:
                then()

        self._job = self.runner.run(lambda: book.saved_secrets(profile), loaded)

    def cancel(self) -> None:
        """Another profile is shown: secrets still on their way must not arrive in the form."""
        if self._job is not None:
            self._job.cancel()
            self._job = None

    def choose(self, name: str) -> None:
        """Remember ``name`` as the profile to select next time (the profile file, off the GUI
        thread: the vault runner changes that file too)."""
        book = self.book

        def done(outcome: Outcome[Any]) -> None:
            if outcome.error is not None:
                log.warning(
                    "Could not remember the last used profile: %s", type(outcome.error).__name__
                )

        self.runner.run(lambda: book.choose(name), done)

    def set_remember(self, profile: Profile, remember: bool) -> None:
        """Switch "remember password" for ``profile`` (profile file and vault, off the GUI)."""
        book = self.book
        form = self.form

        def done(outcome: Outcome[Any]) -> None:
            if isinstance(outcome.error, (OSError, InputError)):
                form.show_problem(
                    Problem(
                        translate("FormSecrets", "The profile could not be saved."),
                        str(outcome.error),
                    )
                )
            elif outcome.error is not None:
                log.error("Saving the profile failed: %s", type(outcome.error).__name__)

        # The profile file and the vault (forgetting the password): both may block.
        self.runner.run(lambda: book.set_remember_password(profile, remember), done)

    def keep_after_success(self, profile: Profile, request: SyncRequest) -> None:
        """ESWS accepted the credentials: keep what the profile asks for, off the GUI thread."""
        book = self.book

        def kept(outcome: Outcome[Any]) -> None:
            if outcome.error is not None:
                log.warning(
                    "Could not update the profile after a sync: %s", type(outcome.error).__name__
                )

        self.runner.run(lambda: book.after_success(profile, request), kept)
