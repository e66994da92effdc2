"""Files an I3 page offers for download: asked about first (refused unless the user picks where
to save), then "Saving…" and "Saved … in …" (with Open folder) in the sync view's notice.

A download is answered inside Qt's signal (one not accepted there is cancelled), and the file
stays with the sync's private profile: nothing is saved anywhere the user did not choose. Only
:mod:`desktop.gui.esws.sync_view` imports this module (it loads QtWebEngine).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from html import escape
from pathlib import Path

from PySide6.QtCore import QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWebEngineCore import QWebEngineDownloadRequest
from PySide6.QtWidgets import QFileDialog, QWidget

from desktop.gui.esws.web_page import shown_host
from desktop.gui.i18n import translate
from desktop.gui.widgets import Banner, Tone

log = logging.getLogger(__name__)

# Asked before any download: returns where to save it, or None to refuse it.
DownloadAsker = Callable[[QWidget, str, str], Path | None]


def ask_where_to_save(parent: QWidget, file_name: str, host: str) -> Path | None:
    """The default download question: a Save dialog; cancelling it refuses the download."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DownloadLocation)
    chosen, _filter = QFileDialog.getSaveFileName(
        parent,
        translate("SyncView", "Save a file from {host}?").format(host=host),
        str(Path(folder) / file_name),
    )
    return Path(chosen) if chosen else None


class PageDownloads:
    """The current sync's downloads; ``ask()`` returns the asker to use (the view's, which a
    test may replace)."""

    def __init__(self, view: QWidget, notice: Banner, ask: Callable[[], DownloadAsker]) -> None:
        self._view = view
        self._notice = notice
        self._ask = ask
        self._downloads: list[QWebEngineDownloadRequest] = []

    def clear(self) -> None:
        """The sync's session ends: its downloads are no longer followed."""
        self._downloads.clear()

    def requested(self, download: QWebEngineDownloadRequest) -> None:
        # Must be answered inside this call: a download not accepted here is cancelled by Qt.
        name = download.downloadFileName() or "download"
        host = shown_host(download.url())
        target = self._ask()(self._view, name, host)
        if target is None:
            log.info("Download from %s refused by the user", host)
            download.cancel()
            return
        download.setDownloadDirectory(str(target.parent))
        download.setDownloadFileName(target.name)
        download.isFinishedChanged.connect(lambda d=download: self._done(d))
        self._downloads.append(download)
        download.accept()
        self._notice.show_message(
            translate("SyncView", "Saving <b>{file}</b>…").format(file=escape(target.name)),
            Tone.INFO,
        )

    def _done(self, download: QWebEngineDownloadRequest) -> None:
        path = Path(download.downloadDirectory()) / download.downloadFileName()
        if download.state() == QWebEngineDownloadRequest.DownloadState.DownloadCompleted:
            folder = QUrl.fromLocalFile(str(path.parent))
            self._notice.show_message(
                translate("SyncView", "Saved <b>{file}</b> in {folder}.").format(
                    file=escape(path.name), folder=escape(str(path.parent))
                ),
                Tone.INFO,
                [(translate("SyncView", "Open folder"), lambda: self._open_folder(folder))],
            )
        else:
            self._notice.show_message(
                translate("SyncView", "<b>{file}</b> was not saved.").format(
                    file=escape(path.name)
                ),
                Tone.WARNING,
            )

    def _open_folder(self, folder: QUrl) -> None:
        QDesktopServices.openUrl(folder)
