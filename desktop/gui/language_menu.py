"""View > Language: English, Nederlands or Deutsch, kept for the next start.

The window is built once in its language (see :mod:`desktop.gui.i18n`), so a choice made here is
saved and takes effect when I3 Sync Desktop starts again; a plain message says so. ``--lang``
still wins over the saved choice for one start.
"""

from __future__ import annotations

import logging

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QMessageBox, QWidget

from desktop import APP_NAME
from desktop.gui import i18n
from desktop.gui.i18n import translate

log = logging.getLogger(__name__)


class LanguageMenu(QMenu):
    """Checkable languages, the one in use (or the one chosen since) checked."""

    languageChosen = Signal(str)  # the code saved ("en", "nl", "de")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(translate("LanguageMenu", "&Language"), parent)
        self.setObjectName("languageMenu")
        self.notice: QMessageBox | None = None  # the last "at the next start" message
        self._group = QActionGroup(self)
        self._group.setExclusive(True)
        self.language_actions: dict[str, QAction] = {}
        current = i18n.current_language()
        # Each language is offered in its own words, whatever the window's language: the access
        # keys are the first letters, which differ.
        for code, name in i18n.LANGUAGES.items():
            action = QAction(f"&{name}", self)
            action.setObjectName(f"language_{code}")
            action.setCheckable(True)
            action.setChecked(code == current)
            action.triggered.connect(lambda _checked=False, c=code: self.choose(c))
            self._group.addAction(action)
            self.addAction(action)
            self.language_actions[code] = action

    def choose(self, code: str) -> None:
        """Save ``code`` for the next start and tell the user when it takes effect."""
        self.language_actions[code].setChecked(True)
        try:
            i18n.save_language(code)
        except OSError as error:  # the settings file could not be written
            log.warning("The language choice was not saved: %s", type(error).__name__)
            self._tell(translate("LanguageMenu", "The language choice could not be saved."))
            return
        log.info("Language chosen for the next start: %s", code)
        name = i18n.LANGUAGES[code]
        if code == i18n.current_language():
            text = translate("LanguageMenu", "{app} is shown in {language}.")
        else:
            text = translate(
                "LanguageMenu",
                "{app} will be shown in {language} from its next start. Close and start it "
                "again to change the language now.",
            )
        self._tell(text.format(app=APP_NAME, language=name))
        self.languageChosen.emit(code)

    def _tell(self, text: str) -> None:
        if self.notice is not None and shiboken6.isValid(self.notice):
            self.notice.close()
        box = QMessageBox(
            QMessageBox.Icon.Information,
            translate("LanguageMenu", "Language"),
            text,
            QMessageBox.StandardButton.Ok,
            self.parentWidget(),
        )
        box.setObjectName("languageNotice")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # one box alive at most
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.open()  # not modal to the app: the window keeps running
        self.notice = box
