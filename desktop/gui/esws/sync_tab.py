"""The "I3 sync" tab: the form, the worker that fetches tokens, and the sync page, wired together.

The sync page (and with it QtWebEngine) is created on first use or warmed up after the form is
painted; the vault is first read after the form is painted too, so that start-up is quick. Every
vault read and write goes through the runner (:mod:`desktop.gui.esws.form_secrets`): an OS vault
that asks to be unlocked never freezes the window.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import replace
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QStackedWidget, QTabBar, QWidget

from desktop.core.errors import (
    InputError,
)
from desktop.core.redaction import register_secret
from desktop.core.vault import VaultStatus
from desktop.esws.request import SyncKind, SyncRequest
from desktop.gui.esws import sync_outcome
from desktop.gui.esws.form_secrets import FormSecrets
from desktop.gui.esws.profile_book import ProfileBook
from desktop.gui.esws.sync_form import SyncForm
from desktop.gui.esws.token_worker import ClientFactory, TokenFetcher, TokenSource
from desktop.gui.esws.welcome import WelcomePage
from desktop.gui.i18n import translate
from desktop.gui.messages import Problem, describe, host_of
from desktop.gui.runner import Runner
from desktop.gui.widgets import Banner, Tone

if TYPE_CHECKING:
    from desktop.core.history_store import HistoryStore
    from desktop.esws.history import AttemptRecorder
    from desktop.esws.profile_state import LoadResult
    from desktop.esws.profiles import Profile
    from desktop.gui.esws.profile_dialog import ProfileDialog
    from desktop.gui.esws.sync_view import SyncView

log = logging.getLogger(__name__)


class SyncTab(QStackedWidget):
    """Form page and sync page of the "I3 sync" tab."""

    syncPageShown = Signal()
    formShown = Signal()
    secretsLoaded = Signal()  # the chosen profile's saved secrets are in the form (if any)
    openRequested = Signal()  # a sync was asked for from outside (open, a link, Sync again)

    def __init__(
        self,
        book: ProfileBook,
        esws: TokenSource | ClientFactory,
        parent: QWidget | None = None,
        *,
        vault_runner: Runner | None = None,
        history: HistoryStore | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("syncTab")
        self.book = book
        self.form = SyncForm()
        self.fetcher = TokenFetcher(esws, self, history=history)
        self._page_attempt: AttemptRecorder | None = None  # whose page load is still to note
        # One call at a time, in order: a vault write never overtakes the one before it.
        self.secrets = FormSecrets(
            book,
            self.form,
            vault_runner or Runner("i3sync-vault", self, serial=True),
            loaded=self.secretsLoaded.emit,
        )
        self.sync_page: SyncView | None = None
        self.started = False
        # The fetch whose token is awaited: (job id, profile, request). A token or failure of
        # any other job (superseded, cancelled by Back) is ignored.
        self._pending: tuple[int, Profile, SyncRequest] | None = None
        # The last sync asked for (in memory only), for Reload once its one-time link is spent.
        self._last: tuple[Profile, SyncRequest] | None = None
        self._queued_open: tuple[SyncKind, str, str, str | int | None, bool] | None = None
        self._notices: dict[str, Banner] = {}
        self.browser_problem: Problem | None = None
        self.profile_dialog: ProfileDialog | None = None  # while Manage profiles is open

        # The form scrolls its fields itself, under a pinned action bar (Sync, Cancel, outcome).
        self.formPage = self.form
        self.addWidget(self.form)
        self.welcome = WelcomePage(self)  # first start: no profile yet
        self.welcome.createRequested.connect(self.manage_profiles)
        self.addWidget(self.welcome)

        self.form.syncRequested.connect(self._sync_requested)
        self.form.cancelRequested.connect(self.fetcher.cancel)
        self.form.profileChosen.connect(self._profile_chosen)
        self.form.manageProfilesRequested.connect(self.manage_profiles)
        self.form.rememberPasswordToggled.connect(self._remember_toggled)
        self.fetcher.succeeded.connect(self._token_received)
        self.fetcher.failed.connect(self._token_failed)
        self._load_profiles(None)

    # -- start-up --------------------------------------------------------------------------------

    def start(self) -> None:
        """After the first paint: read the vault, fill in saved secrets, warm up the browser."""
        if self.started:
            return
        self.started = True
        if self.currentWidget() is self.welcome:  # the first thing to do, not the tab strip
            self.welcome.setFocus(Qt.FocusReason.OtherFocusReason)
        self.secrets.ask_status(self._vault_known)

    @property
    def vault_busy(self) -> bool:
        """True until the vault has answered, and while a vault read or write is running."""
        return self.secrets.busy

    def _vault_known(self, status: VaultStatus) -> None:
        if not status.available:
            log.warning("No password vault: secrets will not be kept")
            self.show_notice("vault", sync_outcome.no_vault().html(), Tone.WARNING)
        queued, self._queued_open = self._queued_open, None
        if queued is not None:
            self.open_request(*queued)
        else:
            self._fill_from_profile(self.current_profile(), then=self._focus_first_step)

    def _focus_first_step(self) -> None:
        """At start, once the saved secrets are in: the cursor on the first thing to do, unless
        the admin has put it somewhere meanwhile (another tab, a field of the form)."""
        if self.currentWidget() is not self.formPage or not self.isVisible():
            return
        focused = QApplication.focusWidget()
        # The tab strip (Qt's first tab stop) has it by default, not by the admin's choice.
        if focused is None or isinstance(focused, QTabBar) or not self.isAncestorOf(focused):
            self.form.focus_first_step()

    def warm_up(self) -> None:
        """Load the ESWS client (worker thread) and QtWebEngine, and prepare the first sync's
        private browser session: nothing is sent and no page is loaded."""
        self.fetcher.warm_up(self.current_profile())
        if self.browser_problem is None:
            self.ensure_sync_page().prepare()

    def block_browser(self, problem: Problem) -> None:
        """The embedded browser cannot start here (root): say so, and never spend a token."""
        self.browser_problem = problem
        self.show_notice("browser", problem.html(), Tone.ERROR)

    def ensure_sync_page(self) -> SyncView:
        if self.sync_page is None:
            from desktop.gui.esws.sync_view import SyncView

            self.sync_page = SyncView(self)
            self.sync_page.backRequested.connect(self.back_to_form)
            self.sync_page.freshTokenWanted.connect(self._fresh_token)
            self.sync_page.pageLoaded.connect(self._page_loaded)
            self.addWidget(self.sync_page)
        return self.sync_page

    # -- notices ---------------------------------------------------------------------------------

    def show_notice(self, key: str, html: str, tone: Tone = Tone.INFO) -> Banner:
        """A dismissible message above the form (one per ``key``)."""
        banner = self._notices.get(key)
        if banner is None:
            banner = Banner(f"{key}Notice", self.form)
            self.form.notices.addWidget(banner)
            self._notices[key] = banner
        banner.show_message(html, tone, [(translate("SyncTab", "Dismiss"), banner.clear)])
        return banner

    def notice(self, key: str) -> Banner | None:
        return self._notices.get(key)

    # -- profiles --------------------------------------------------------------------------------

    def current_profile(self) -> Profile | None:
        return self.book.find(self.form.profile_name())

    def _load_profiles(self, select: str | None) -> None:
        state = self.book.load()
        self._show_profile_state(state)
        chosen = self.book.find(select) or self.book.initial()
        self.form.set_profiles(self.book.names, chosen.name if chosen else None)
        self._fill_from_profile(chosen)
        self._welcome_if_no_profile(bool(state.problem))

    def _show_profile_state(self, state: LoadResult) -> None:
        """What reading the profiles found (nothing left over from a previous read)."""
        for key, text, tone in sync_outcome.profile_state_notices(state):
            if text:
                self.show_notice(key, escape(text), tone)
            elif (banner := self.notice(key)) is not None:
                banner.clear()

    def _welcome_if_no_profile(self, problem: bool) -> None:
        """No profile: the welcome, never a red "create a profile" before the user acts
        (but the form, with its notice, when the profile file could not be read)."""
        if not self.book.names and not problem:
            self.setCurrentWidget(self.welcome)
        elif self.currentWidget() is self.welcome:
            self.setCurrentWidget(self.formPage)
            # The first profile exists: next comes the security code (once the dialog closes).
            self.form.companyIdEdit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _profiles_edited(self, select: str) -> None:
        """The dialog saved or deleted a profile: reload, keeping what was typed if it is still
        the same profile (edited or renamed), so an unsaved password is not lost."""
        before = self.form.profile_name()
        typed = (self.form.companyIdEdit.text(), self.form.passwordEdit.text())
        state = self.book.load()
        self._show_profile_state(state)
        chosen = self.book.find(select or None) or self.book.initial()
        self.form.set_profiles(self.book.names, chosen.name if chosen else None)
        after = self.form.profile_name()
        same = (
            before is not None
            and after is not None
            and (after == before or not self.book.find(before))
        )
        self._fill_from_profile(chosen, typed=typed if same else None)
        self._welcome_if_no_profile(bool(state.problem))

    def _fill_from_profile(
        self,
        profile: Profile | None,
        *,
        typed: tuple[str, str] | None = None,
        then: Callable[[], None] | None = None,
    ) -> None:
        """Show ``profile`` in the form; its saved secrets follow from the vault (runner), then
        ``then`` runs. ``typed``: secrets typed before, kept where nothing saved replaces them."""
        self.secrets.cancel()  # another profile's secrets must not arrive here
        self.form.profileSummary.set_full_text(sync_outcome.profile_summary(profile))
        if profile is None:
            self.form.fill_credentials("", None, None)
            if then is not None:
                then()
            return
        self.form.fill_credentials(profile.admin_username, None, None)
        if typed is not None:
            self.form.keep_typed_secrets(*typed)
        self.secrets.fill(profile, then)

    def _profile_chosen(self, name: str) -> None:
        profile = self.book.find(name)
        if profile is None:
            return
        self.secrets.choose(profile.name)
        self.form.clear_problem()
        self._fill_from_profile(profile)

    def _remember_toggled(self, remember: bool) -> None:
        profile = self.current_profile()
        if profile is None:
            return
        self.secrets.set_remember(profile, remember)

    @property
    def busy(self) -> bool:
        """True while a sync is under way (its token asked for, or the form locked for it)."""
        return self.fetcher.busy or self.form.busy

    def manage_profiles(self) -> None:
        """The profiles dialog (Ctrl+P, the form's and the welcome page's buttons), unless a sync
        is under way: the form of a sync under way must not change (its buttons are locked too)."""
        if self.busy:
            return
        from desktop.gui.esws.profile_dialog import ProfileDialog

        dialog = ProfileDialog(
            self.book, self.form.profile_name(), self.window(), vault=self.secrets.status
        )
        dialog.profilesChanged.connect(self._profiles_edited)
        dialog.finished.connect(dialog.deleteLater)
        dialog.finished.connect(lambda *_: self._dialog_closed(dialog))
        dialog.open()
        self.profile_dialog = dialog

    def _dialog_closed(self, dialog: ProfileDialog) -> None:
        if self.profile_dialog is dialog:
            self.profile_dialog = None  # deleted later: never reached through this attribute

    # -- a sync ----------------------------------------------------------------------------------

    def open_request(
        self,
        kind: SyncKind,
        profile_name: str,
        user_id: str,
        location: str | int | None,
        auto: bool,
    ) -> None:
        """Fill the form for a sync asked for from outside; start it when ``auto`` and complete."""
        self.openRequested.emit()
        if self.secrets.status is None:  # not started, or the vault has not answered yet
            self._queued_open = (kind, profile_name, user_id, location, auto)
            return
        profile = self.book.find(profile_name)
        if profile is None:
            # Never leave another profile selected: one Enter would sync this user against
            # another company. Nothing is chosen, so Sync stays disabled until the user chooses.
            log.info("A sync was asked for a profile that does not exist")
            self.setCurrentWidget(self.formPage)  # asked for: show why nothing happens
            self.form.set_profiles(self.book.names, None)
            self._fill_from_profile(None)
            self.form.fill_request(kind, user_id, location)
            self.form.show_problem(sync_outcome.missing_profile(profile_name))
            return
        self.form.set_profiles(self.book.names, profile.name)
        self._fill_from_profile(
            profile, then=lambda: self._continue_open(profile, kind, user_id, location, auto)
        )

    def _continue_open(
        self,
        profile: Profile,
        kind: SyncKind,
        user_id: str,
        location: str | int | None,
        auto: bool,
    ) -> None:
        """The rest of :meth:`open_request`, once the profile's saved secrets are in the form."""
        self.form.fill_request(kind, user_id, location)
        if auto and not self.form.problems():
            self.form.submit()
            return
        complete = not self.form.problems()
        ready = sync_outcome.ready(profile.name, kind, user_id, location, complete)
        self.form.show_problem(ready, Tone.INFO)
        if self.form.problems():
            self.form.submit()  # marks what is missing and puts the cursor there
        else:
            self.form.syncButton.setFocus(Qt.FocusReason.OtherFocusReason)

    def _sync_requested(self, request: SyncRequest) -> None:
        profile = self.current_profile()
        if profile is None:
            return
        if self.browser_problem is not None:
            self.form.show_problem(self.browser_problem)  # a token would be wasted
            return
        if self.form.rememberCheck.isEnabled():
            # The box as the user sees it, even if saving its change is still under way.
            profile = replace(profile, remember_password=self.form.rememberCheck.isChecked())
        register_secret(request.company_id, request.admin_password)
        self._last = (profile, request)
        # First: the worker starts while the form updates. A fetch it supersedes is dropped
        # without a report, so nothing clears the state set here for the new one.
        job = self.fetcher.fetch(profile, request)
        self._pending = (job, profile, request)
        self.form.clear_problem()
        self.form.set_busy(True, host_of(profile.esws_endpoint))

    def _token_received(self, job: int, token: str) -> None:
        pending = self._pending
        if pending is None or pending[0] != job:
            return  # a superseded or abandoned fetch: its token is not wanted any more
        _, profile, request = pending
        self._pending = None
        from desktop.esws.i3_urls import sync_url

        try:
            url = sync_url(
                request.kind, token, profile.i3_base_url, total_path=profile.total_sync_path
            )
        except InputError as error:
            self.form.set_busy(False)
            self.form.show_problem(describe(error))
            return
        from desktop.gui.esws.check_view import check_target_for  # after the paint (~6 ms)

        page = self.ensure_sync_page()
        self._page_attempt = self.fetcher.last_attempt
        # First: I3 starts loading. Further I3 hosts the profile allows may be redirected to.
        page.open(
            url,
            profile.i3_base_url,
            cloud=profile.cloud,
            allowed_origins=profile.allowed_origins,
            check_target=check_target_for(profile),  # "Test connection" if I3's page fails
        )
        self.form.set_busy(False)
        self.setCurrentWidget(page)
        page.backButton.setFocus(Qt.FocusReason.OtherFocusReason)
        self.syncPageShown.emit()
        # After the page has started loading, off the GUI thread: the vault may take a moment.
        self.secrets.keep_after_success(profile, request)

    def _page_loaded(self, loaded: bool) -> None:
        """A load of a sync's page ended: the history notes whether it showed. Until it has,
        a Try again of the same link may still show it, and that is noted instead."""
        attempt = self._page_attempt
        if attempt is not None:
            self.fetcher.page_loaded(attempt, loaded)
            if loaded:
                self._page_attempt = None

    def _fresh_token(self) -> None:
        """Reload on a page whose link I3 has spent: the same sync again, with a new token."""
        if self._last is None or self.fetcher.busy:
            return
        profile, request = self._last
        self._pending = (self.fetcher.fetch(profile, request), profile, request)

    def _token_failed(self, job: int, error: BaseException) -> None:
        pending = self._pending
        if pending is None or pending[0] != job:
            return  # a superseded or abandoned fetch: the form belongs to another by now
        self._pending = None
        if self.currentWidget() is not self.formPage:
            self.back_to_form()  # a Reload's new token was refused: say why on the form
        self.form.set_busy(False)
        _, profile, request = pending
        self.form.show_problem(*sync_outcome.failure(error, profile, request))

    def back_to_form(self) -> None:
        """Close the sync's browser session (token, cookies, cache) and show the form."""
        self._last = None  # Back: the secrets of that sync are no longer needed
        self._page_attempt = None
        if self._pending is not None:
            # A Reload's token still on its way must not reopen the page over the form.
            self._pending = None
            self.fetcher.cancel()
            self.form.set_busy(False)
        if self.sync_page is not None:
            self.sync_page.close_session()
            QTimer.singleShot(0, self.sync_page.prepare)  # the next sync's, once back is drawn
        self.setCurrentWidget(self.formPage)
        self.form.syncButton.setFocus(Qt.FocusReason.OtherFocusReason)
        self.formShown.emit()

    def shutdown(self) -> None:
        """Abandon the call in flight (never waits) and destroy any browser session."""
        self.fetcher.shutdown()
        if self.sync_page is not None:
            self.sync_page.shutdown()
