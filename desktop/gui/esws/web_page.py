"""The I3 page's guard rails: navigation kept on I3's origin, popups inside the app, no silent
certificate exceptions, and the page's console kept out of the Qt log.

Importing this module initialises QtWebEngine: only :mod:`desktop.gui.esws.sync_view` imports it,
and only after the form has been painted.
"""

from __future__ import annotations

import logging

import shiboken6
from PySide6.QtCore import QTimer, QUrl, Signal
from PySide6.QtWebEngineCore import (
    QWebEngineCertificateError,
    QWebEnginePage,
    QWebEngineProfile,
)
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QDialog, QVBoxLayout, QWidget

from desktop.core.urls import origin_of
from desktop.gui.i18n import translate
from desktop.gui.messages import page_title

log = logging.getLogger(__name__)

Origin = tuple[str, str, int]


def is_allowed(url: QUrl, origins: Origin | tuple[Origin, ...] | None) -> bool:
    """True for pages of one of ``origins`` (and ``about:blank``, where popups start).

    ``origins``: I3's own origin, then any further ones the profile allows (I3 may redirect to
    another of its hosts); a single origin is accepted too.
    """
    scheme = url.scheme().lower()
    if scheme == "about":
        return url.toString() == "about:blank"
    if scheme == "blob":
        # blob:https://host/uuid belongs to the origin it names (file downloads use these).
        return is_allowed(QUrl(url.path()), origins)
    if scheme not in ("http", "https") or not origins:
        return False
    allowed = (origins,) if isinstance(origins[0], str) else origins
    return origin_of(url.toString()) in allowed


def shown_host(url: QUrl) -> str:
    """Host (and non-default port) of a URL, never its path: paths of I3 URLs carry tokens."""
    host = url.host() or url.scheme()
    port = url.port()
    return f"{host}:{port}" if port > 0 else host


class GuardedPage(QWebEnginePage):
    """A page that only navigates within ``origin`` and reports what it refused."""

    # The URL, and whether it was a link the page followed (offered to the system browser then;
    # Chromium reports script navigations as links too, so the user always decides).
    navigationBlocked = Signal(QUrl, bool)
    popupCreated = Signal(object)  # a new GuardedPage, for a window the page opened
    certificateRefused = Signal(str, str)  # host, what is wrong with its certificate

    def __init__(
        self,
        profile: QWebEngineProfile,
        origin: Origin | tuple[Origin, ...] | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(profile, parent)
        self.origin = origin  # I3's origin, or a tuple of the origins this page may show
        self.certificateError.connect(self._refuse_certificate)

    def acceptNavigationRequest(
        self, url: QUrl | str, type: QWebEnginePage.NavigationType, isMainFrame: bool
    ) -> bool:
        url = QUrl(url)
        if is_allowed(url, self.origin):
            return True
        clicked = type == QWebEnginePage.NavigationType.NavigationTypeLinkClicked
        log.info(
            "Blocked a %s navigation to %s (outside I3)",
            "main-frame" if isMainFrame else "frame",
            shown_host(url),
        )
        self.navigationBlocked.emit(url, clicked and isMainFrame)
        return False

    def createWindow(self, type: QWebEnginePage.WebWindowType) -> QWebEnginePage:
        page = GuardedPage(self.profile(), self.origin)
        log.info("The I3 page opened a window (%s); showing it inside the app", type.name)
        self.popupCreated.emit(page)
        return page

    def _refuse_certificate(self, error: QWebEngineCertificateError) -> None:
        # Refused by default, and never overridden from here: the user is told, nothing is sent.
        error.rejectCertificate()
        host = shown_host(error.url())
        log.warning("Refused the certificate of %s: %s", host, error.description())
        self.certificateRefused.emit(host, error.description())

    def javaScriptConsoleMessage(
        self,
        level: QWebEnginePage.JavaScriptConsoleMessageLevel,
        message: str,
        lineNumber: int,
        sourceID: str,
    ) -> None:
        # The page's own console output is I3's business: debug level, never a Qt warning.
        log.debug("I3 page console (%s): %s", level.name, message[:500])


class PopupWindow(QDialog):
    """A window an I3 page opened, shown inside the app with the same private profile."""

    def __init__(self, page: GuardedPage, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("i3Popup")
        self.setWindowTitle("I3")
        self.resize(820, 640)
        self.page: GuardedPage | None = page
        self.view: QWebEngineView | None = QWebEngineView(self)
        self.view.setObjectName("popupView")
        self.view.setAccessibleName(translate("PopupWindow", "Window opened by the I3 page"))
        self.view.setPage(page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        page.titleChanged.connect(lambda title: self.setWindowTitle(page_title(title) or "I3"))
        # Deferred: the page asks to close from inside its own callback.
        page.windowCloseRequested.connect(lambda: QTimer.singleShot(0, self.close))
        page.navigationBlocked.connect(self._blocked)
        self.finished.connect(self.release)

    def _blocked(self, url: QUrl, clicked: bool) -> None:
        if self.view is not None and self.view.url().isEmpty():
            QTimer.singleShot(0, self.close)  # a popup that only wanted to leave I3

    def release(self) -> None:
        """Delete the view, then the page (the profile must outlive both)."""
        view, page = self.view, self.page
        self.view = self.page = None
        if view is not None and shiboken6.isValid(view):
            shiboken6.delete(view)
        if page is not None and shiboken6.isValid(page):
            shiboken6.delete(page)
