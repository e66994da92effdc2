"""The main window: a tab per connector ("I3 sync" first), built from the core objects it is given.

``MainWindow(profiles, secrets, esws)`` takes a profile store, a secret store (the OS vault, or any
object with its methods) and either an ESWS client or a factory ``Profile -> client``; tests point
it at a simulator that way. Nothing slow happens before the form is painted: the vault is read,
QtWebEngine loaded and the CRM.COM tab built right after the first paint.

``history``: where the window records its token requests (default: the user's history file;
a function: the store it returns, asked for after the first paint; ``None``: nowhere, and no
History tab). The History tab is built when first opened.
"""

from __future__ import annotations

import importlib.util
import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QTabWidget, QVBoxLayout, QWidget

from desktop import APP_NAME
from desktop.core.vault import SecretVault
from desktop.esws.profiles import ProfileStore
from desktop.gui import window_state
from desktop.gui.esws.profile_book import ProfileBook
from desktop.gui.esws.sync_tab import SyncTab
from desktop.gui.esws.token_worker import ClientFactory, TokenSource, default_client_factory
from desktop.gui.help import HelpMenu
from desktop.gui.i18n import translate
from desktop.gui.language_menu import LanguageMenu
from desktop.gui.qt_setup import app_icon
from desktop.gui.runner import QueuedVaultWrites, Runner

if TYPE_CHECKING:
    from desktop.core.history import HistoryEntry
    from desktop.core.history_store import HistoryStore
    from desktop.crm.client import CrmClient
    from desktop.gui.crm.panel import CrmPanel
    from desktop.gui.esws.history_tab import HistoryTab

log = logging.getLogger(__name__)

CRM_TAB_TITLE = "CRM.COM"  # a product name: never translated
USER_HISTORY: Final = "user history"  # MainWindow's default: the user's own history file
WARM_UP_DELAY_MS = 150
STATE_KEY = "MainWindow"  # its group in window.ini


class MainWindow(QMainWindow):
    """I3 Sync Desktop's window.

    ``painted`` is emitted once the form has been painted for the first time (before anything
    slow is loaded), ``ready`` once the deferred start-up that follows has run.
    """

    painted = Signal()
    ready = Signal()
    closed = Signal()  # closeEvent ran: the window's workers are shut down

    def __init__(
        self,
        profiles: ProfileStore,
        secrets: SecretVault,
        esws: TokenSource | ClientFactory = default_client_factory,
        *,
        crm_client_factory: Callable[[str], CrmClient] | None = None,
        warm_up: bool = True,
        history: HistoryStore | Callable[[], HistoryStore] | str | None = USER_HISTORY,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setWindowTitle(APP_NAME)
        self.setWindowIcon(app_icon())
        self.secrets = secrets
        self._crm_client_factory = crm_client_factory
        self._warm_up = warm_up
        self._painted = False
        self.crm_panel: CrmPanel | None = None
        self.history_tab: HistoryTab | None = None
        # The user's history (or the one a function gives) is made in start(), after the first
        # paint (sqlite3 takes ~5-10 ms to import); a sync cannot start before that (the form
        # waits for the vault).
        self._history_later: Callable[[], HistoryStore] | None = None
        self.history: HistoryStore | None = None
        if isinstance(history, str):
            self._history_later = _user_history_store
        elif callable(history):
            self._history_later = history
        else:
            self.history = history

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("mainTabs")
        self.tabs.setDocumentMode(True)
        vault_runner = Runner("i3sync-vault", self, serial=True)
        book = ProfileBook(profiles, QueuedVaultWrites(secrets, vault_runner))
        self.sync_tab = SyncTab(
            book, esws, self.tabs, vault_runner=vault_runner, history=self.history
        )
        self.tabs.addTab(self.sync_tab, translate("MainWindow", "I3 sync"))
        # A sync asked for from outside, or started, while another tab is shown: back to it.
        self.sync_tab.openRequested.connect(self.show_sync_tab)
        self.sync_tab.form.syncRequested.connect(self.show_sync_tab)
        self.sync_tab.fetcher.historyWritten.connect(self._history_written)
        self._crm_placeholder: QWidget | None = None
        if importlib.util.find_spec("desktop.gui.crm.panel") is not None:
            # The tab is there from the first paint; its panel is built when first opened.
            self._crm_placeholder = _placeholder()
            self.tabs.addTab(self._crm_placeholder, CRM_TAB_TITLE)
        self._history_placeholder: QWidget | None = None
        if self.history is not None or self._history_later is not None:
            self._history_placeholder = _placeholder()
            self.tabs.addTab(self._history_placeholder, history_tab_title())
        self.tabs.currentChanged.connect(self._tab_changed)
        self.setCentralWidget(self.tabs)
        self._build_menus()
        # Whichever the tab shows first (the form, or the welcome on a first start) is painted.
        self.sync_tab.form.installEventFilter(self)
        self.sync_tab.welcome.installEventFilter(self)
        self._fit_to_screen()
        window_state.restore(self, STATE_KEY)  # where the user left it, if still on a screen

    def _build_menus(self) -> None:
        """File (profiles, close), View (language) and Help, each reachable by Alt and a key."""
        self.file_menu = QMenu(translate("MainWindow", "&File"), self)
        self.file_menu.setObjectName("fileMenu")
        self.profilesAction = QAction(translate("MainWindow", "&Manage profiles…"), self)
        self.profilesAction.setObjectName("manageProfilesAction")
        self.profilesAction.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_P))
        self.profilesAction.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.profilesAction.triggered.connect(self.manage_profiles)
        # No shortcut of its own (Alt+F4 closes): Ctrl+W, a browser's "close tab" on the sync
        # page, must never end the whole app.
        self.closeAction = QAction(translate("MainWindow", "E&xit"), self)
        self.closeAction.setObjectName("closeWindowAction")
        self.closeAction.triggered.connect(self.close)
        self.file_menu.addAction(self.profilesAction)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.closeAction)
        self.addAction(self.profilesAction)  # Ctrl+P while the menu bar is not in use
        self.view_menu = QMenu(translate("MainWindow", "&View"), self)
        self.view_menu.setObjectName("viewMenu")
        self.language_menu = LanguageMenu(self)
        self.view_menu.addMenu(self.language_menu)
        self.help_menu = HelpMenu(self)
        for menu in (self.file_menu, self.view_menu, self.help_menu):
            self.menuBar().addMenu(menu)

    def manage_profiles(self) -> None:
        """File > Manage profiles (Ctrl+P): the profiles dialog, unless a sync is under way
        (then nothing changes, not even the tab shown)."""
        if self.sync_tab.busy:
            return
        self.show_sync_tab()
        self.sync_tab.manage_profiles()

    def _fit_to_screen(self) -> None:
        self.resize(900, 780)
        screen = QGuiApplication.primaryScreen()
        if screen is not None:
            area = screen.availableGeometry()
            self.resize(min(900, area.width() - 40), min(780, area.height() - 40))

    # -- deferred start-up -----------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._painted and event.type() == QEvent.Type.Paint:
            self._painted = True
            # Queued: run once this paint is complete and on screen.
            QTimer.singleShot(0, self._first_paint_done)
        return super().eventFilter(watched, event)

    def _first_paint_done(self) -> None:
        self.painted.emit()
        self.start()

    @property
    def started(self) -> bool:
        return self.sync_tab.started

    def start(self) -> None:
        """Deferred start-up (after the first paint, or called directly): idempotent."""
        if self.sync_tab.started:
            return
        from desktop import version

        # After the paint: importlib.metadata takes tens of milliseconds to answer.
        QCoreApplication.setApplicationVersion(version())
        self._open_user_history()
        self.sync_tab.start()
        if self._warm_up:
            QTimer.singleShot(WARM_UP_DELAY_MS, self.sync_tab.warm_up)
        self.ready.emit()

    def _tab_changed(self, index: int) -> None:
        if self._crm_placeholder is not None and index == self.tabs.indexOf(self._crm_placeholder):
            self.add_crm_tab()
        elif self._history_placeholder is not None and index == self.tabs.indexOf(
            self._history_placeholder
        ):
            self.add_history_tab()
        elif self.history_tab is not None and index == self.tabs.indexOf(self.history_tab):
            self.history_tab.set_profile_names(self.sync_tab.book.names)
            self.history_tab.refresh()

    def show_sync_tab(self, *_: object) -> None:
        """Bring the "I3 sync" tab to the front (a sync started or asked for elsewhere)."""
        self.tabs.setCurrentWidget(self.sync_tab)

    def _replace_placeholder(self, placeholder: QWidget, widget: QWidget, title: str) -> None:
        index = self.tabs.indexOf(placeholder)
        was_current = self.tabs.currentIndex() == index
        self.tabs.blockSignals(True)
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, widget, title)
        if was_current:
            self.tabs.setCurrentIndex(index)
        self.tabs.blockSignals(False)
        placeholder.deleteLater()

    def _open_user_history(self) -> None:
        if self._history_later is not None and self.history is None:
            self.history = self._history_later()  # the file is opened only when written or read
            self.sync_tab.fetcher.history = self.history

    def add_history_tab(self) -> None:
        """THE place the History tab is built: on first use, its first read on the runner."""
        self._open_user_history()
        if self._history_placeholder is None or self.history is None:
            return
        from desktop.gui.esws.history_tab import HistoryTab

        self.history_tab = HistoryTab(self.history, self.sync_tab.book.names)
        self.history_tab.syncAgainRequested.connect(self._sync_again)
        placeholder, self._history_placeholder = self._history_placeholder, None
        self._replace_placeholder(placeholder, self.history_tab, history_tab_title())

    def _history_written(self) -> None:
        if self.history_tab is not None:
            self.history_tab.refresh()

    def _sync_again(self, entry: HistoryEntry) -> None:
        """Fill the form with a history entry's sync; the user presses Sync (never automatic)."""
        from desktop.core.history import Kind
        from desktop.esws.request import SyncKind

        if self.sync_tab.fetcher.busy and self.history_tab is not None:
            # Never replace the form of a sync under way (its Cancel would be lost).
            self.history_tab.statusLabel.setText(
                translate("MainWindow", "A sync is under way: try again once it has ended.")
            )
            return
        kind = SyncKind.ONE_USER if entry.kind is Kind.ONE else SyncKind.ALL_USERS
        self.show_sync_tab()
        self.sync_tab.open_request(
            kind, entry.profile, entry.user_id, entry.location_id, auto=False
        )

    def add_crm_tab(self) -> None:
        """THE place the CRM.COM tab's panel is built.

        Built on first use: a user who only syncs to I3 never loads the CRM.COM connector.
        """
        if self._crm_placeholder is None:
            return
        from desktop.gui.crm.panel import CrmPanel

        factory = self._crm_client_factory
        if factory is None:
            from desktop.crm.client import CrmClient

            factory = CrmClient
        self.crm_panel = CrmPanel(factory, self.secrets)
        self.crm_panel.setObjectName("crmPanel")
        placeholder, self._crm_placeholder = self._crm_placeholder, None
        self._replace_placeholder(placeholder, self.crm_panel, CRM_TAB_TITLE)

    # -- closing ---------------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        """Abandon the calls in flight (never waits for one), destroy browser sessions, close."""
        window_state.save(self, STATE_KEY)
        self.sync_tab.shutdown()
        if self.crm_panel is not None:
            self.crm_panel.shutdown()
        if self.history_tab is not None:
            self.history_tab.shutdown()
        log.info("Window closed")
        super().closeEvent(event)
        self.closed.emit()


def _user_history_store() -> HistoryStore:
    from desktop.core.history_store import HistoryStore

    return HistoryStore()


def _placeholder() -> QWidget:
    """What a tab shows until its content is built on first use."""
    widget = QWidget()
    layout = QVBoxLayout(widget)
    layout.addWidget(QLabel(translate("MainWindow", "Loading…")))
    return widget


def history_tab_title() -> str:
    return translate("MainWindow", "History")
