"""The Help menu: the user guide (F1), the log folder, and About (version and licences).

Everything here opens something outside the window through ``QDesktopServices.openUrl`` (the
file manager, the user guide); nothing is sent anywhere. Licences are read from the installed
packages' metadata where it is there (a frozen build keeps only its own), else from a table.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop import APP_NAME, version
from desktop.core.paths import log_dir
from desktop.gui.i18n import translate

log = logging.getLogger(__name__)

# The README's section on the window is the user guide (one text, kept with the code).
USER_GUIDE_ANCHOR = "the-window"

# (shown name, distribution names to try, licence when no metadata is installed)
_LIBRARIES = (
    ("Qt / PySide6", ("PySide6-Essentials", "PySide6", "shiboken6"), "LGPL-3.0-only"),
    ("zeep", ("zeep",), "MIT"),
    ("requests", ("requests",), "Apache-2.0"),
    ("keyring", ("keyring",), "MIT"),
    ("lxml", ("lxml",), "BSD-3-Clause"),
    ("quickjs", ("quickjs",), "MIT"),
    ("publicsuffixlist", ("publicsuffixlist",), "MPL-2.0"),
)


def _licence_of(names: tuple[str, ...], fallback: str) -> tuple[str, str]:
    """(version, licence) of the first installed distribution of ``names``."""
    from importlib import metadata  # on demand: it is slow to import, and About is rare

    for name in names:
        try:
            meta = metadata.metadata(name)
        except metadata.PackageNotFoundError:
            continue
        fields = {key: meta[key] for key in ("License-Expression", "License") if key in meta}
        found = fields.get("License-Expression") or fields.get("License") or ""
        found = found.strip().splitlines()[0] if found.strip() else ""
        if not found or len(found) > 80:  # some packages put the whole licence text there
            found = fallback
        if "LGPL-3.0" in found:  # Qt is used under the LGPLv3 (of its LGPL/GPL choices)
            found = "LGPL-3.0-only"
        return metadata.version(name), found
    return "", fallback


def licences() -> list[str]:
    """One plain line per library: ``name version: licence``."""
    lines = []
    for shown, names, fallback in _LIBRARIES:
        installed, licence = _licence_of(names, fallback)
        if shown.startswith("Qt"):
            installed = installed or qVersion()
        lines.append(f"{shown} {installed}: {licence}".replace("  ", " "))
    return lines


def about_text() -> str:
    """Plain text for About: the app, its version, Python and Qt, then the libraries."""
    return "\n".join(
        [
            f"{APP_NAME} {version()}",
            f"Python {sys.version.split()[0]}, Qt {qVersion()}",
            "",
            translate("AboutDialog", "Built with these libraries, under these licences:"),
            *licences(),
            "",
            translate(
                "AboutDialog",
                "Qt is used under the GNU LGPL version 3; its source is at https://download.qt.io.",
            ),
        ]
    )


def readme_candidates() -> list[Path]:
    """Where the README may be: next to the frozen app, or at the top of a source tree."""
    frozen = getattr(sys, "_MEIPASS", None)
    candidates = [Path(frozen) / "README.md"] if frozen else []
    candidates.append(Path(__file__).resolve().parents[2] / "README.md")
    return candidates


def user_guide_url() -> QUrl | None:
    """The README's user guide section, or None when this copy has no README."""
    readme = next((path for path in readme_candidates() if path.exists()), None)
    if readme is None:
        return None
    url = QUrl.fromLocalFile(str(readme))
    url.setFragment(USER_GUIDE_ANCHOR)
    return url


class AboutDialog(QDialog):
    """Version and licences, as selectable plain text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(translate("AboutDialog", "About {app}").format(app=APP_NAME))
        heading = QLabel(f"{APP_NAME} {version()}", self)
        heading.setTextFormat(Qt.TextFormat.PlainText)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("aboutText")
        self.text.setReadOnly(True)
        self.text.setPlainText(about_text())
        self.text.setAccessibleName(translate("AboutDialog", "Version and licences"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(520, 360)


class HelpMenu(QMenu):
    """&Help: User guide (F1), Open log folder, About."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(translate("HelpMenu", "&Help"), window)
        self.setObjectName("helpMenu")
        self.about_dialog: AboutDialog | None = None
        self.guide_missing: QMessageBox | None = None
        self.guideAction = QAction(translate("HelpMenu", "&User guide"), self)
        self.guideAction.setShortcut(QKeySequence(QKeySequence.StandardKey.HelpContents))
        self.guideAction.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.guideAction.triggered.connect(self.open_user_guide)
        self.logAction = QAction(translate("HelpMenu", "Open &log folder"), self)
        self.logAction.triggered.connect(self.open_log_folder)
        self.aboutAction = QAction(translate("HelpMenu", "&About {app}").format(app=APP_NAME), self)
        self.aboutAction.triggered.connect(self.show_about)
        self.addAction(self.guideAction)
        self.addAction(self.logAction)
        self.addSeparator()
        self.addAction(self.aboutAction)
        # F1 works even while the menu bar is hidden or another widget has focus.
        window.addAction(self.guideAction)

    def open_user_guide(self) -> None:
        url = user_guide_url()
        if url is None or not QDesktopServices.openUrl(url):
            log.warning("The user guide could not be opened")
            self.guide_missing = QMessageBox(
                QMessageBox.Icon.Information,
                translate("HelpMenu", "User guide"),
                translate(
                    "HelpMenu",
                    "The user guide could not be opened on this computer. It is the README of "
                    "{app}, which your IT department or the project's site can provide.",
                ).format(app=APP_NAME),
                QMessageBox.StandardButton.Close,
                self.parentWidget(),
            )
            self.guide_missing.setTextFormat(Qt.TextFormat.PlainText)
            self.guide_missing.open()

    def open_log_folder(self) -> None:
        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True)  # a first run may not have logged yet
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            log.warning("The log folder could not be opened")

    def show_about(self) -> None:
        if self.about_dialog is None:
            self.about_dialog = AboutDialog(self.parentWidget())
        self.about_dialog.open()
