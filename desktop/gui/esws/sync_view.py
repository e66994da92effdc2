"""The sync view: I3's page in an embedded browser, with its title, progress, Reload and Back.

Every sync gets a fresh off-the-record ``QWebEngineProfile``: the token URL, cookies and cache live
in memory only and are destroyed with the page (page first, then profile, as Qt requires) when the
user goes back to the form, starts another sync, or closes the window. Until I3's page starts, a
loading panel covers the view (``loading.deadline_s``: when to give up). When the page cannot load,
the failure page offers "Test connection" for the sync's profile (when the owner gave its target).
Back and Reload answer the keys browsers use (Alt+Left; F5, Ctrl+R) as well as their access keys.
Files the page offers are handled by :mod:`desktop.gui.esws.page_downloads`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from html import escape
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWebEngineCore import (
    QWebEngineLoadingInfo,
    QWebEngineProfile,
)
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.urls import origin_of
from desktop.gui.esws.failure_panel import FailurePanel
from desktop.gui.esws.loading_panel import LoadingPanel, page_timeout
from desktop.gui.esws.page_downloads import DownloadAsker, PageDownloads, ask_where_to_save
from desktop.gui.esws.web_page import GuardedPage, PopupWindow, shown_host
from desktop.gui.i18n import translate
from desktop.gui.messages import Problem, host_of, page_failure, page_title
from desktop.gui.widgets import Banner, Tone

if TYPE_CHECKING:
    from desktop.esws.check import CheckTarget

log = logging.getLogger(__name__)

Status = QWebEngineLoadingInfo.LoadStatus
Domain = QWebEngineLoadingInfo.ErrorDomain
ERR_ABORTED = -3  # a load replaced or stopped on purpose: not a failure to report


def _destroy(*objects: QObject | None) -> None:
    """Delete now, in the order given (views before pages before profiles, or Qt warns)."""
    for obj in objects:
        if obj is not None and shiboken6.isValid(obj):
            shiboken6.delete(obj)


class SyncView(QWidget):
    """Shows one sync at a time; ``syncView`` is the embedded QWebEngineView of the current one."""

    backRequested = Signal()
    pageLoaded = Signal(bool)  # the first load of a sync (or a reload) ended; True when it showed
    navigationBlocked = Signal(str)  # the blocked URL
    # Reload or Try again after I3 has seen the one-time link: the owner fetches a new token and
    # calls open() again (the same link would only show "This sync link is not valid").
    freshTokenWanted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncPage")
        self.ask_download: DownloadAsker = ask_where_to_save
        self.cloud = False
        self.url = ""
        self._profile: QWebEngineProfile | None = None
        self._page: GuardedPage | None = None
        self.view: QWebEngineView | None = None
        self._popups: list[PopupWindow] = []
        self._cert_problem: Problem | None = None
        self._spare: tuple[QWebEngineProfile, GuardedPage, QWebEngineView] | None = None
        self._shut_down = False
        self._token_used = False  # I3 has answered the current link: it is spent
        self.check_target: CheckTarget | None = None  # what the failure page's check tests
        self._build()
        app = QCoreApplication.instance()
        if app is not None:
            # Closing the last window quits before any parent is deleted: end sessions in order.
            app.aboutToQuit.connect(self.shutdown)

    def _build(self) -> None:
        self.backButton = QPushButton(translate("SyncView", "← &Back to form"), self)
        self.backButton.setObjectName("backButton")
        self.backButton.setToolTip(translate("SyncView", "Back to the form (Alt+Left)"))
        self.backButton.clicked.connect(self.backRequested)
        self.titleLabel = QLabel(self)
        self.titleLabel.setObjectName("pageTitle")
        self.titleLabel.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.titleLabel.setTextFormat(Qt.TextFormat.PlainText)  # page titles are not ours
        self.titleLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.titleLabel.setAccessibleName(translate("SyncView", "Page title"))
        self.reloadButton = QPushButton(translate("SyncView", "&Reload"), self)
        self.reloadButton.setObjectName("reloadButton")
        self.reloadButton.setToolTip(translate("SyncView", "Load the I3 page again (F5, Ctrl+R)"))
        self.reloadButton.clicked.connect(self.reload)
        self._add_browser_keys()
        header = QHBoxLayout()
        header.setContentsMargins(10, 8, 10, 8)
        header.setSpacing(10)
        header.addWidget(self.backButton)
        header.addWidget(self.titleLabel, 1)
        header.addWidget(self.reloadButton)

        self.progress = QProgressBar(self)
        self.progress.setObjectName("pageProgress")
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(4)
        self.progress.setAccessibleName(translate("SyncView", "Page loading"))
        self.progress.hide()
        self.notice = Banner("pageNotice", self)
        self.downloads = PageDownloads(self, self.notice, lambda: self.ask_download)

        self._holder = QWidget(self)
        self._holder_layout = QVBoxLayout(self._holder)
        self._holder_layout.setContentsMargins(0, 0, 0, 0)
        self.failure = FailurePanel(lambda: self.check_target, self)
        self.failure.retryRequested.connect(self.reload)
        self.failure.backRequested.connect(self.backRequested)
        # Older names, used by tests and the owner.
        self.failureTitle, self.failureText = self.failure.titleLabel, self.failure.textLabel
        self.checkView = self.failure.checkView
        # Over the view until I3's page starts: a silent server would leave it blank and white.
        self.loading = LoadingPanel(self)
        self.loading.cancelled.connect(self.backRequested)
        self.loading.deadlineReached.connect(self._timed_out)
        self.stack = QStackedWidget(self)
        for page in (self._holder, self.failure, self.loading):
            self.stack.addWidget(page)

        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)
        root.addLayout(header)
        root.addWidget(self.progress)
        notice_box = QVBoxLayout()
        notice_box.setContentsMargins(10, 0, 10, 0)  # no gap while there is no notice
        notice_box.addWidget(self.notice)
        root.addLayout(notice_box)
        root.addWidget(self.stack, 1)

    def _add_browser_keys(self) -> None:
        """Back and Reload by the keys browsers use, wherever the focus is in this view."""
        self.shortcuts: list[QShortcut] = []
        keys: list[tuple[QKeySequence, Callable[[], None]]] = [
            (QKeySequence(QKeySequence.StandardKey.Back), self._back_by_key),
            (QKeySequence(Qt.Modifier.ALT | Qt.Key.Key_Left), self._back_by_key),
            (QKeySequence(QKeySequence.StandardKey.Refresh), self._reload_by_key),
            (QKeySequence(Qt.Key.Key_F5), self._reload_by_key),
            (QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_R), self._reload_by_key),
        ]
        seen: set[str] = set()
        for sequence, action in keys:
            text = sequence.toString()
            if not text or text in seen:
                continue  # a platform without that standard key, or one already bound
            seen.add(text)
            shortcut = QShortcut(sequence, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(action)
            self.shortcuts.append(shortcut)

    def _back_by_key(self) -> None:
        if self.backButton.isEnabled():
            self.backButton.click()

    def _reload_by_key(self) -> None:
        if self.reloadButton.isEnabled():
            self.reloadButton.click()

    # -- one sync ----------------------------------------------------------------------------

    def prepare(self) -> None:
        """Create the next sync's private profile, page and view ahead of time (nothing loads).

        Called while the user is on the form, so that a sync only has to load its URL; the
        prepared session is never used for anything else and goes when the window closes.
        """
        if self._spare is None and not self._shut_down:
            self._spare = self._new_session()

    def _new_session(self) -> tuple[QWebEngineProfile, GuardedPage, QWebEngineView]:
        # No storage name: off the record. Created without a parent and adopted after its page:
        # Qt deletes children in the order they were adopted, so should this view be deleted
        # without shutdown(), the page still goes before its profile (the other order warns
        # "Release of profile requested but WebEnginePage still not deleted" and may crash).
        profile = QWebEngineProfile()
        profile.downloadRequested.connect(self.downloads.requested)
        page = GuardedPage(profile, None, self)  # no origin yet: nothing may load
        profile.setParent(self)
        page.loadingChanged.connect(self._loading_changed)
        page.loadProgress.connect(self.progress.setValue)
        page.titleChanged.connect(self._title_changed)
        page.navigationBlocked.connect(self._blocked)
        page.popupCreated.connect(self._popup)
        page.certificateRefused.connect(self._certificate_refused)
        view = QWebEngineView(self._holder)
        view.setAccessibleName(translate("SyncView", "I3 sync page"))
        view.setPage(page)
        view.hide()
        return profile, page, view

    def open(
        self,
        url: str,
        i3_base_url: str,
        *,
        cloud: bool,
        allowed_origins: tuple[str, ...] = (),
        check_target: CheckTarget | None = None,
    ) -> None:
        """Show ``url`` in a new private browser session allowed to stay on ``i3_base_url``
        (and on ``allowed_origins``, further I3 hosts the profile names). ``check_target``: what
        "Test connection" checks should the page not load (none: the button is not offered)."""
        self.close_session()
        self.check_target = check_target
        self.cloud = cloud
        self.url = url
        self._token_used = False
        self._cert_problem = None
        session, self._spare = self._spare or self._new_session(), None
        self._profile, self._page, self.view = session
        self._page.origin = (
            origin_of(i3_base_url),
            *(origin_of(other) for other in allowed_origins),
        )
        self.view.setObjectName("syncView")
        self._holder_layout.addWidget(self.view)
        self.view.show()
        self._wait_for_page()
        self.titleLabel.setText(
            translate("SyncView", "Opening I3 at {host}…").format(host=host_of(url))
        )
        log.info("Opening the I3 sync page at %s", host_of(url))
        self.view.load(QUrl(url))

    def reload(self) -> None:
        """Reload, or Try again: the same link while I3 has not answered it, else a new one."""
        if self.view is None:
            return
        self.notice.clear()
        self.checkView.reset()  # Try again: a check of the failed load is no longer wanted
        self.stack.setCurrentWidget(self._holder)
        if self._token_used:
            log.info("Reload of a spent sync link: asking for a new token")
            self.titleLabel.setText(translate("SyncView", "Getting a new sync token…"))
            self.freshTokenWanted.emit()
            return
        self._wait_for_page()
        if self.view.url().isEmpty() or self.view.url().toString() == "about:blank":
            self.view.load(QUrl(self.url))
        else:
            self.view.reload()

    @property
    def profile(self) -> QWebEngineProfile | None:
        """The current sync's private profile (None between syncs)."""
        return self._profile

    def shutdown(self) -> None:
        """Destroy the current session and the prepared one (the window is closing)."""
        self._shut_down = True
        self.close_session()
        if self._spare is not None:
            profile, page, view = self._spare
            _destroy(view, page, profile)
            self._spare = None

    def close_session(self) -> None:
        """Destroy the current sync's windows, view, page and profile, in that order."""
        for popup in self._popups:
            popup.release()
            if shiboken6.isValid(popup):
                shiboken6.delete(popup)
        self._popups.clear()
        self.downloads.clear()
        _destroy(self.view, self._page, self._profile)
        self.view, self._page, self._profile = None, None, None
        self.url = ""
        self.check_target = None
        self.checkView.reset()  # a check still running is cancelled with its sync
        self.checkView.hide()
        self.notice.clear()
        self.loading.stop()
        self.progress.setValue(0)
        self.titleLabel.clear()

    def _wait_for_page(self) -> None:
        self.stack.setCurrentWidget(self.loading)
        self.loading.start(host_of(self.url), cloud=self.cloud)

    def _page_started(self) -> None:
        """I3's page is there (loaded, or its title arrived): the view replaces the panel."""
        if self.stack.currentWidget() is self.loading:
            self.loading.stop()
            self.stack.setCurrentWidget(self._holder)

    def _timed_out(self) -> None:
        if self.view is not None:
            self.view.stop()  # reported as an aborted load, which _failed() ignores
        self._show_failure(
            page_timeout(host_of(self.url), self.loading.deadline_s, cloud=self.cloud)
        )

    # -- page events -----------------------------------------------------------------------------

    def _loading_changed(self, info: QWebEngineLoadingInfo) -> None:
        status = info.status()
        if status == Status.LoadStartedStatus:
            self.progress.setValue(0)
            self.progress.show()
            return
        self.progress.hide()
        if status == Status.LoadSucceededStatus:
            self._page_started()
            self._token_used = True
            self.pageLoaded.emit(True)
        elif status == Status.LoadFailedStatus:
            self._failed(info)

    def _failed(self, info: QWebEngineLoadingInfo) -> None:
        domain, code = info.errorDomain(), info.errorCode()
        if domain == Domain.HttpStatusCodeDomain:
            # The server answered with its own page (e.g. "link not valid"): show it as it is.
            log.info("I3 answered HTTP %d", code)
            self._page_started()
            self._token_used = True
            self.pageLoaded.emit(False)
            return
        if code == ERR_ABORTED and domain != Domain.CertificateErrorDomain:
            return  # stopped on purpose (a blocked navigation, a reload)
        url = info.url().toString() or self.url
        if domain == Domain.CertificateErrorDomain and self._cert_problem is not None:
            problem = self._cert_problem
        else:
            problem = page_failure(url, info.errorString() or "load failed", cloud=self.cloud)
        log.warning("The I3 page at %s did not load: %s", host_of(url), info.errorString())
        self._show_failure(problem)

    def _show_failure(self, problem: Problem) -> None:
        self.loading.stop()
        self.failure.show_problem(problem)
        self.stack.setCurrentWidget(self.failure)
        self.titleLabel.setText(translate("SyncView", "The I3 page could not be opened"))
        self.pageLoaded.emit(False)

    def _title_changed(self, title: str) -> None:
        shown = page_title(title)
        if self.view is not None and shown:
            self._page_started()  # its <title> has arrived: the page is rendering
            self.titleLabel.setText(f"{shown}  ·  {shown_host(self.view.url())}")

    def _certificate_refused(self, host: str, description: str) -> None:
        self._cert_problem = Problem(
            translate(
                "SyncView",
                "The I3 page at {host} was not opened: its security certificate is not trusted.",
            ).format(host=host),
            translate(
                "SyncView",
                "{description} This can mean the connection is being intercepted. Nothing was "
                "sent. Ask your IT department to check the certificate of this address.",
            ).format(description=description),
        )

    def _blocked(self, url: QUrl, clicked: bool) -> None:
        self._page_started()  # a blocked redirect ends the wait: the notice below explains it
        host = escape(shown_host(url))
        self.navigationBlocked.emit(url.toString())
        actions: list[tuple[str, Callable[[], None]]] = []
        if clicked and url.scheme() in ("http", "https"):
            actions.append(
                (translate("SyncView", "Open in browser"), lambda: self._open_outside(url))
            )
        actions.append((translate("SyncView", "Dismiss"), self.notice.clear))
        self.notice.show_message(
            translate(
                "SyncView",
                "A link to <b>{host}</b> was not opened here: only I3's own pages open in this "
                "window. If it is one of I3's own addresses, add it to the profile's other I3 "
                "addresses (Manage profiles).",
            ).format(host=host),
            Tone.WARNING,
            actions,
            accessible_text=translate("SyncView", "Blocked a link to {host}").format(host=host),
        )

    def _open_outside(self, url: QUrl) -> None:
        log.info("Opening %s in the system browser at the user's request", shown_host(url))
        QDesktopServices.openUrl(url)
        self.notice.clear()

    def _popup(self, page: GuardedPage) -> None:
        popup = PopupWindow(page, self)
        page.navigationBlocked.connect(self._blocked)
        page.certificateRefused.connect(self._certificate_refused)
        popup.finished.connect(lambda _result, p=popup: self._forget_popup(p))
        self._popups.append(popup)
        popup.show()

    def _forget_popup(self, popup: PopupWindow) -> None:
        if popup in self._popups:
            self._popups.remove(popup)
            popup.deleteLater()
