"""The CRM.COM panel: log in, see how long the session token stays valid, renew it, copy it.

The panel presents and delegates: ``desktop.crm.credentials`` checks the form, a ``CrmClient``
fetches the token through the window's runner (a daemon thread), a ``TokenKeeper`` keeps it,
``SecretStore`` holds the secrets (read and written through the runner too),
``desktop.crm.display`` words it all. The token lives only in memory: the panel shows a masked
preview, puts it on the clipboard when asked (and takes it off again after
``clipboard_clear_ms`` if it is still there) and never saves it. The window must call
:meth:`CrmPanel.shutdown` when it closes (``closeEvent`` does when the panel is its own window).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from html import escape

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QVBoxLayout, QWidget

from desktop.core.errors import I3SyncError, InputError, TransportError, TransportProblem
from desktop.core.redaction import register_secret
from desktop.core.vault import SecretVault
from desktop.crm import credentials as form
from desktop.crm.client import CrmClient
from desktop.crm.credentials import LoginMode
from desktop.crm.display import (
    SECRET_KINDS,
    CrmProblem,
    describe_error,
    describe_problems,
    elapsed_text,
    explain_error,
    token_owner,
    token_purpose,
    validity_text,
    vault_profile,
)
from desktop.crm.token import Clock, CrmToken, TokenKeeper
from desktop.gui.crm.clipboard import TokenClipboard
from desktop.gui.crm.form import CrmForm
from desktop.gui.crm.remembered import RememberedFields, session_fields
from desktop.gui.crm.secrets import CrmSecrets, SecretToSave
from desktop.gui.i18n import local_clock, translate
from desktop.gui.runner import Job, Outcome, Runner
from desktop.gui.widgets import Tone, set_line

log = logging.getLogger(__name__)

ClientFactory = Callable[[str], CrmClient]
TICK_MS = 1000
CLIPBOARD_CLEAR_MS = 60_000


@dataclass(frozen=True)
class _Fetch:
    """One ``TokenKeeper.renew()`` on the runner: a new login (its own client) or a renewal."""

    keeper: TokenKeeper
    client: CrmClient
    save: SecretToSave | None  # a new login's secret, kept in the vault once the login worked
    owner: str = ""  # whose token: "CRMDEMO / mpadministrator"
    started: float = field(default_factory=time.monotonic)
    job: Job | None = None


class CrmPanel(QWidget):
    """CRM.COM login form, Get token, validity countdown, auto-renew and Copy.

    ``client_factory(base_url)`` returns a :class:`CrmClient` (give it the same ``clock``) or
    raises ``InputError`` for a bad address; ``clock`` returns epoch seconds (``time.time`` by
    default). The non-secret fields are kept between runs in the user's settings, or come from
    the demo's preset (:func:`~desktop.gui.crm.remembered.session_fields`).
    ``tick_ms`` and ``clipboard_clear_ms`` are for tests.
    """

    tokenObtained = Signal()
    fetchFailed = Signal(str)
    busyChanged = Signal(bool)
    clipboardChecked = Signal(bool)  # the clear-after delay ran out; True if the token was removed
    vaultChecked = Signal()  # the vault answered where secrets go (the Remember box says it)
    secretsLoaded = Signal()  # saved secrets of the organisation were read from the vault
    vaultChanged = Signal()  # a secret was saved or removed (the notice says which)

    def __init__(
        self,
        client_factory: ClientFactory,
        secret_store: SecretVault,
        clock: Clock | None = None,
        parent: QWidget | None = None,
        *,
        tick_ms: int = TICK_MS,
        clipboard_clear_ms: int = CLIPBOARD_CLEAR_MS,
    ) -> None:
        super().__init__(parent)
        self._fields: RememberedFields = session_fields()
        self._client_factory = client_factory
        self._store = secret_store
        self._clock: Clock = clock or time.time
        self._keeper: TokenKeeper | None = None
        self._client: CrmClient | None = None
        self._runner = Runner("i3sync-crm", self)
        self._fetch: _Fetch | None = None
        self._closed = False
        self._closed_flag = threading.Event()  # _closed, for the runner's threads
        self._owner = ""  # whose token the kept keeper holds
        self._build()
        self._tick_timer = self._timer(tick_ms, self._tick)
        self._tick_timer.start()
        self._clipboard = TokenClipboard(clipboard_clear_ms, self)
        self._clipboard.checked.connect(self._clipboard_checked)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)
        self._restore_fields()
        self.form.show_mode_rows()
        self._update_validity()

    def _timer(self, interval_ms: int, slot: Callable[[], None]) -> QTimer:
        timer = QTimer(self)
        timer.setInterval(interval_ms)
        timer.timeout.connect(slot)
        return timer

    def _build(self) -> None:
        self.form = CrmForm(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.form)
        # The widgets, by the names the tests and the window use.
        self.edits = self.form.edits
        self._by_field = self.form.by_field
        self.mode_combo = self.form.mode_combo
        self.remember_check = self.form.remember_check
        self.get_button = self.form.get_button
        self.cancel_button = self.form.cancel_button
        self.copy_button = self.form.copy_button
        self.auto_renew_check = self.form.auto_renew_check
        self.owner_label = self.form.owner_label
        self.validity_label = self.form.validity_label
        self.notice_label = self.form.notice_label
        self.error_label = self.form.error_label
        for edit in self.edits.values():
            edit.returnPressed.connect(self.get_token)
        self.mode_combo.currentIndexChanged.connect(self.form.show_mode_rows)
        self.get_button.clicked.connect(self.get_token)
        self.cancel_button.clicked.connect(self.cancel)
        escape_key = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape_key.activated.connect(self.cancel)
        self.copy_button.clicked.connect(self.copy_token)
        self.secrets = CrmSecrets(
            self._store,
            self._runner,
            self.remember_check,
            self.notice_label,
            lambda: self.edits["organisation"].text().strip(),
            {mode: self.edits[mode.secret_key] for mode in LoginMode},
            self.is_busy,
        )
        self.secrets.checked.connect(self.vaultChecked)
        self.secrets.loaded.connect(self.secretsLoaded)
        self.secrets.changed.connect(self.vaultChanged)
        self.edits["organisation"].editingFinished.connect(self.secrets.load_saved)

    # -- remembered fields -------------------------------------------------------------------

    def _restore_fields(self) -> None:
        """The non-secret fields as they were last time (or the demo's), and its notice."""
        self.form.restore(self._fields.load())
        notice = self._fields.notice()
        if notice:
            self.form.noticeBanner.show_message(escape(notice), Tone.INFO, accessible_text=notice)

    def _keep_fields(self) -> None:
        self._fields.save(self.form.kept_values())  # logs it when the file cannot be written

    # -- the form ----------------------------------------------------------------------------

    def mode(self) -> LoginMode:
        return self.form.mode()

    # -- getting a token ---------------------------------------------------------------------

    def is_busy(self) -> bool:
        return self._fetch is not None

    def current_token(self) -> CrmToken | None:
        """The token held now, if it has not expired (for other parts of the window)."""
        return self._keeper.valid() if self._keeper is not None else None

    def get_token(self) -> None:
        """Check the form, then log in on the worker thread (Get token, or Enter in a field)."""
        if self.is_busy() or self._closed:
            return
        mode = self.mode()
        values = {key: edit.text() for key, edit in self.edits.items() if key != "url"}
        register_secret(values[mode.secret_key])
        problems = form.validation_errors(mode, values)
        client: CrmClient | None = None
        try:
            client = self._client_factory(self.edits["url"].text())
        except InputError as error:
            problems = {error.field: error, **problems}
        if problems or client is None:
            if client is not None:
                client.close()
            first = next(iter(problems))
            self.form.show_error(describe_problems(problems.values(), translate), first)
            self._by_field[first].setFocus()
            return
        credentials = form.build_credentials(mode, **values)
        save = None
        if self.remember_check.isChecked():
            profile = vault_profile(credentials.organisation)
            secret = values[mode.secret_key]
            save = SecretToSave(profile, SECRET_KINDS[mode], secret, mode.secret_field)
        keeper = TokenKeeper(lambda: client.fetch_token(credentials), clock=self._clock)
        self._start(keeper, client, save, token_owner(credentials))

    def _start(
        self, keeper: TokenKeeper, client: CrmClient, save: SecretToSave | None, owner: str
    ) -> None:
        fetch = _Fetch(keeper, client, save, owner)
        new_login = keeper is not self._keeper

        def dropped(_outcome: Outcome[CrmToken]) -> None:
            # Cancelled (the panel closed) or abandoned: a new login's client is nobody's, and
            # the kept one is closed here because shutdown() left it to the call still using it.
            if new_login or self._closed_flag.is_set():
                client.close()

        job = self._runner.run(
            keeper.renew, self._finished, cancel=client.cancel, on_dropped=dropped
        )
        self._fetch = replace(fetch, job=job)
        self.form.show_error("")
        self._lock_form(True)
        self.busyChanged.emit(True)
        self._update_validity()

    def _lock_form(self, busy: bool) -> None:
        self.form.lock(busy, remember=self.secrets.available and not busy)

    def cancel(self) -> None:
        """Cancel or Esc: stop the request in flight (its socket is closed, nobody waits)."""
        fetch, self._fetch = self._fetch, None
        if fetch is None or self._closed:
            return
        if fetch.job is not None:
            fetch.job.cancel()  # a new login's client is closed when its call ends
        self._lock_form(False)
        self._update_validity()
        self.busyChanged.emit(False)
        cancelled = TransportError(fetch.client.base_url, TransportProblem.CANCELLED)
        self.form.show_error(explain_error(cancelled, translate).text())

    def _finished(self, outcome: Outcome[CrmToken]) -> None:
        fetch, self._fetch = self._fetch, None
        if fetch is None or self._closed:
            return
        error = outcome.error
        if error is not None and not isinstance(error, I3SyncError):
            log.error("CRM.COM token request failed unexpectedly", exc_info=error)
        new_login = fetch.keeper is not self._keeper
        if error is None and new_login:
            # A new login replaces the previous one (and its client) only once it worked.
            if self._client is not None:
                self._client.close()
            self._keeper, self._client = fetch.keeper, fetch.client
            if fetch.save is not None:
                self.secrets.save(fetch.save)
            self._owner = fetch.owner
            self._keep_fields()  # the fields of a login that worked are the ones to keep
        elif error is not None and new_login:
            fetch.client.close()  # a login that failed: its client is not kept
            if self._keeper is not None and fetch.owner != self._owner:
                # Another organisation or user was asked for: the old token is not theirs, so
                # it must not stay on show (or on Copy) as if it were the current one.
                self._drop_kept_token()
        self._lock_form(False)
        self._update_validity()
        self.busyChanged.emit(False)
        if error is None:
            self.tokenObtained.emit()
        else:
            self._show_failure(error)

    def _drop_kept_token(self) -> None:
        if self._keeper is not None:
            self._keeper.forget()
        if self._client is not None:
            self._client.close()
        old, self._keeper, self._client, self._owner = self._owner, None, None, ""
        text = translate("CrmPanel", "The token for {owner} was put away: the new login failed.")
        set_line(self.notice_label, text.format(owner=old), hide_empty=True)

    def _show_failure(self, error: BaseException) -> None:
        log.info("CRM.COM login failed: %s", describe_error(error))
        problem: CrmProblem = explain_error(error, translate)
        message = problem.text()
        self.form.show_error(message, problem.field)
        if problem.field is not None and problem.field in self._by_field:
            self._by_field[problem.field].setFocus()
        self.fetchFailed.emit(message)

    # -- countdown, renewal, clipboard -------------------------------------------------------

    def _tick(self) -> None:
        keeper, client = self._keeper, self._client
        if self._closed:
            return
        if (
            keeper is not None
            and client is not None
            and not self.is_busy()
            and self.auto_renew_check.isChecked()
            and keeper.due(self._clock())
        ):
            log.info("Renewing the CRM.COM token ahead of its expiry")
            self._start(keeper, client, None, self._owner)
        self._update_validity()

    def _update_validity(self) -> None:
        token = self._keeper.current() if self._keeper is not None else None
        now = self._clock()
        text = validity_text(token, now, busy=self.is_busy(), localise=translate, clock=local_clock)
        if self._fetch is not None:
            waited = elapsed_text(time.monotonic() - self._fetch.started, translate)
            text = translate("CrmPanel", "{status} {waited}").format(status=text, waited=waited)
        self.validity_label.setText(text)
        self.validity_label.show()
        owner = ""
        if token is not None:
            whose = translate("CrmPanel", "Token for {owner}.").format(owner=self._owner)
            owner = f"{whose} {token_purpose(translate)}"
        if owner != self.owner_label.text():
            set_line(self.owner_label, owner, hide_empty=True)
        self.copy_button.setEnabled(token is not None and not token.is_expired(now))

    def copy_token(self) -> None:
        """Put the token on the clipboard; it is taken off again after ``clipboard_clear_ms``."""
        token = self.current_token()
        if token is None:
            return
        self._clipboard.copy(token.value)
        text = translate("CrmPanel", "Token copied. The clipboard is cleared again in {seconds} s.")
        set_line(
            self.notice_label,
            text.format(seconds=self._clipboard.clear_seconds),
            hide_empty=True,
        )

    def _clipboard_checked(self, removed: bool) -> None:
        if self._closed:
            return
        if removed:
            set_line(
                self.notice_label,
                translate("CrmPanel", "The token was removed from the clipboard."),
                hide_empty=True,
            )
        self.clipboardChecked.emit(removed)

    # -- closing -----------------------------------------------------------------------------

    def shutdown(self) -> None:
        """Stop the timers, abandon the call in flight, take the token off the clipboard.

        Never waits: a call stuck on a silent server is cancelled and left to end on its own
        daemon thread, which then closes its client.
        """
        if self._closed:
            return
        self._closed = True
        self._closed_flag.set()
        self._keep_fields()
        self._tick_timer.stop()
        self._clipboard.clear()
        fetch, self._fetch = self._fetch, None
        still_running = fetch is not None and fetch.job is not None and fetch.job.active
        self._runner.shutdown()
        if self._client is not None and not (
            still_running and fetch and fetch.client is self._client
        ):
            # A renewal still using the kept client closes it itself when it ends.
            self._client.close()
        if self._keeper is not None:
            self._keeper.forget()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown()
        super().closeEvent(event)
