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

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import I3SyncError, InputError, TransportError, TransportProblem
from desktop.core.redaction import register_secret
from desktop.core.vault import SecretVault
from desktop.crm import credentials as form
from desktop.crm.client import CrmClient
from desktop.crm.credentials import LoginMode
from desktop.crm.display import (
    SECRET_KINDS,
    TOKEN_PURPOSE,
    describe_error,
    describe_problems,
    elapsed_text,
    token_owner,
    validity_text,
    vault_profile,
)
from desktop.crm.token import Clock, CrmToken, TokenKeeper
from desktop.gui.crm.clipboard import TokenClipboard
from desktop.gui.crm.secrets import CrmSecrets, SecretToSave
from desktop.gui.palette import Role
from desktop.gui.runner import Job, Outcome, Runner
from desktop.gui.widgets import set_text_role

log = logging.getLogger(__name__)

ClientFactory = Callable[[str], CrmClient]
TICK_MS = 1000
CLIPBOARD_CLEAR_MS = 60_000

# The form, in order: (object name, label, field name, build_credentials keyword or "url").
_ROWS = (
    ("crmUrlEdit", "CRM.COM &address:", form.FIELD_URL, "url"),
    ("crmOrganisationEdit", "&Organisation:", form.FIELD_ORGANISATION, "organisation"),
    ("crmUnitEdit", "&Unit:", form.FIELD_UNIT, "unit"),
    ("crmUsernameEdit", "User&name:", form.FIELD_USERNAME, "username"),
    ("crmPasswordEdit", "&Password:", form.FIELD_PASSWORD, "password"),
    ("crmIdentifierEdit", "Access token &identifier:", form.FIELD_IDENTIFIER, "identifier"),
    ("crmPassCodeEdit", "Pass &code:", form.FIELD_PASS_CODE, "pass_code"),
    ("crmAuthCodeEdit", "Au&thentication code:", form.FIELD_AUTH_CODE, "authentication_code"),
)
_SECRET_KEYS = {mode.secret_key for mode in LoginMode}
# Rows shown only for one login mode.
_MODE_OF_KEY = {"username": LoginMode.USERNAME, "identifier": LoginMode.IDENTIFIER}
_MODE_OF_KEY.update({mode.secret_key: mode for mode in LoginMode})
_PLACEHOLDERS = {
    "url": form.EXAMPLE_URL,
    "organisation": "e.g. CRMDEMO",
    "unit": "optional: the user's default unit",
}


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
    default). ``tick_ms`` and ``clipboard_clear_ms`` are for tests.
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
        self._mode_changed()
        self._update_validity()

    def _timer(self, interval_ms: int, slot: Callable[[], None]) -> QTimer:
        timer = QTimer(self)
        timer.setInterval(interval_ms)
        timer.timeout.connect(slot)
        return timer

    def _build(self) -> None:
        self._form = QFormLayout()
        self.edits: dict[str, QLineEdit] = {}  # by build_credentials keyword (and "url")
        self._by_field: dict[str, QLineEdit] = {}
        for name, label, field_name, key in _ROWS:
            edit = QLineEdit(self)
            edit.setObjectName(name)
            edit.setPlaceholderText(_PLACEHOLDERS.get(key, ""))
            if key in _SECRET_KEYS:
                edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.returnPressed.connect(self.get_token)
            self.edits[key] = edit
            self._by_field[field_name] = edit
            self._form.addRow(label, edit)
            if key == "unit":
                self.mode_combo = QComboBox(self)
                self.mode_combo.setObjectName("crmModeCombo")
                for mode in LoginMode:
                    self.mode_combo.addItem(mode.label, mode.value)
                self.mode_combo.currentIndexChanged.connect(self._mode_changed)
                self._form.addRow("&Log in with:", self.mode_combo)

        self.remember_check = QCheckBox("Remember the secret (looking for the vault…)", self)
        self.remember_check.setObjectName("crmRememberCheck")
        self.get_button = QPushButton("&Get token", self)
        self.get_button.setObjectName("crmGetTokenButton")
        self.get_button.clicked.connect(self.get_token)
        self.cancel_button = QPushButton("Canc&el", self)
        self.cancel_button.setObjectName("crmCancelButton")
        self.cancel_button.setToolTip("Stop asking CRM.COM (Esc)")
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.cancel)
        # "Pass &code" has Alt+C: Copy takes Alt+Y.
        self.copy_button = QPushButton("Cop&y", self)
        self.copy_button.setObjectName("crmCopyButton")
        self.copy_button.setToolTip("Copy the token; the clipboard is cleared again shortly.")
        self.copy_button.clicked.connect(self.copy_token)
        self.auto_renew_check = QCheckBox("&Renew automatically before it expires", self)
        self.auto_renew_check.setObjectName("crmAutoRenewCheck")
        self.auto_renew_check.setChecked(True)
        buttons = QHBoxLayout()
        for widget in (
            self.get_button,
            self.cancel_button,
            self.copy_button,
            self.auto_renew_check,
        ):
            buttons.addWidget(widget)
        buttons.addStretch(1)

        self.owner_label = QLabel(self)
        self.owner_label.setObjectName("crmOwnerLabel")
        self.validity_label = QLabel(self)
        self.validity_label.setObjectName("crmValidityLabel")
        self.notice_label = QLabel(self)
        self.notice_label.setObjectName("crmNoticeLabel")
        self.error_label = QLabel(self)
        self.error_label.setObjectName("crmErrorLabel")
        set_text_role(self.error_label, Role.ERROR)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addLayout(self._form)
        layout.addWidget(self.remember_check)
        layout.addLayout(buttons)
        for line in (self.owner_label, self.validity_label, self.notice_label, self.error_label):
            line.setWordWrap(True)
            # They quote CRM.COM's codes and messages: never rich text (no links, no markup).
            line.setTextFormat(Qt.TextFormat.PlainText)
            layout.addWidget(line)
        layout.addStretch(1)
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

    # -- the form ----------------------------------------------------------------------------

    def mode(self) -> LoginMode:
        return LoginMode(self.mode_combo.currentData())

    def _mode_changed(self) -> None:
        mode = self.mode()
        for key, row_mode in _MODE_OF_KEY.items():
            self._form.setRowVisible(self.edits[key], row_mode is mode)

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
            problems = {error.field: error.problem, **problems}
        if problems or client is None:
            if client is not None:
                client.close()
            self.error_label.setText(describe_problems(problems))
            self._by_field[next(iter(problems))].setFocus()
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
        self.error_label.clear()
        self._lock_form(True)
        self.busyChanged.emit(True)
        self._update_validity()

    def _lock_form(self, busy: bool) -> None:
        """While CRM.COM is asked: the form locked, Cancel (and Esc) offered instead of Get."""
        for edit in self.edits.values():
            edit.setEnabled(not busy)
        self.mode_combo.setEnabled(not busy)
        self.remember_check.setEnabled(self.secrets.available and not busy)
        self.get_button.setEnabled(not busy)
        self.get_button.setVisible(not busy)
        self.cancel_button.setVisible(busy)
        if busy:
            self.cancel_button.setFocus(Qt.FocusReason.OtherFocusReason)
        elif self.cancel_button.hasFocus() or self.focusWidget() is None:
            self.get_button.setFocus(Qt.FocusReason.OtherFocusReason)

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
        self.error_label.setText(
            describe_error(TransportError(fetch.client.base_url, TransportProblem.CANCELLED))
        )

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
        self.notice_label.setText(f"The token for {old} was put away: the new login failed.")

    def _show_failure(self, error: BaseException) -> None:
        message = describe_error(error)
        self.error_label.setText(message)
        field_name = getattr(error, "field", None)
        if isinstance(field_name, str) and field_name in self._by_field:
            self._by_field[field_name].setFocus()
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
        text = validity_text(token, now, busy=self.is_busy())
        if self._fetch is not None:
            text += elapsed_text(time.monotonic() - self._fetch.started)
        self.validity_label.setText(text)
        self.owner_label.setText(f"Token for {self._owner}. {TOKEN_PURPOSE}" if token else "")
        self.owner_label.setVisible(token is not None)
        self.copy_button.setEnabled(token is not None and not token.is_expired(now))

    def copy_token(self) -> None:
        """Put the token on the clipboard; it is taken off again after ``clipboard_clear_ms``."""
        token = self.current_token()
        if token is None:
            return
        self._clipboard.copy(token.value)
        seconds = self._clipboard.clear_seconds
        self.notice_label.setText(f"Token copied. The clipboard is cleared again in {seconds} s.")

    def _clipboard_checked(self, removed: bool) -> None:
        if self._closed:
            return
        if removed:
            self.notice_label.setText("The token was removed from the clipboard.")
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
