"""The window's language: English, Dutch or German, chosen once before any widget exists.

Every string a person sees in the window goes through :func:`translate` with a context (usually
the class or module that shows it) and a plain string literal, so that ``pyside6-lupdate`` finds
it (``python packaging/i18n.py`` updates the catalogues; ``resources/i18n/README.md`` has the
glossary). Text with values uses ``{name}`` placeholders filled after translation. The command
line stays English.

The language comes from ``--lang``, else the setting saved from the window's Language menu, else
the operating system's UI languages, else English. Changing it takes effect at the next start
(widgets are built once, in their language).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QDateTime,
    QLibraryInfo,
    QLocale,
    QSettings,
    QTranslator,
)

from desktop.core.i18n import (
    SOURCE_LANGUAGE,
    TRANSLATED_LANGUAGES,
    WINDOW_LANGUAGES,
    catalogue_path,
)

if TYPE_CHECKING:
    pass

log = logging.getLogger(__name__)

LANGUAGES = WINDOW_LANGUAGES
DEFAULT_LANGUAGE = SOURCE_LANGUAGE
SETTING_KEY = "Preferences/language"
QT_CATALOGUES = ("qtbase", "qtwebengine")
# A text every catalogue translates: a catalogue that gives it is one Qt can read (--self-check).
PROBE = ("MainWindow", "History")
MAX_EPOCH = 253402300799  # 9999-12-31 23:59:59 UTC

# The translators stay referenced here: Qt does not own them, and a collected one translates
# nothing.
_installed: list[QTranslator] = []
_current = DEFAULT_LANGUAGE


def translate(context: str, text: str) -> str:
    """``text`` in the window's language (``text`` itself when it has no translation)."""
    return QCoreApplication.translate(context, text)


def normalised(code: str | None) -> str | None:
    """``nl``/``de``/``en`` for a language tag such as ``nl-BE``, ``de_AT`` or ``EN``; else None."""
    if not code:
        return None
    base = code.strip().replace("_", "-").split("-", 1)[0].lower()
    return base if base in LANGUAGES else None


def system_language(ui_languages: Iterable[str]) -> str:
    """The first of the system's UI languages (in the user's order) the app speaks, else English."""
    for tag in ui_languages:
        found = normalised(tag)
        if found is not None:
            return found
    return DEFAULT_LANGUAGE


def system_ui_languages() -> list[str]:
    """The operating system's UI languages, the user's preferred first."""
    return list(QLocale.system().uiLanguages())


def choose_language(requested: str | None, saved: str | None, ui_languages: Iterable[str]) -> str:
    """``--lang`` wins, then the saved setting, then the system's languages, then English."""
    return normalised(requested) or normalised(saved) or system_language(ui_languages)


def saved_language(store: QSettings | None = None) -> str | None:
    """The language chosen in the window's Language menu, if any (a damaged value is ignored)."""
    store = store if store is not None else _settings()
    value = store.value(SETTING_KEY)
    return normalised(value) if isinstance(value, str) else None


def save_language(code: str, store: QSettings | None = None) -> None:
    """Keep ``code`` for the next start (the Language menu)."""
    found = normalised(code)
    if found is None:
        raise ValueError(f"unknown language: {code!r}")
    from desktop.gui.window_state import write

    store = store if store is not None else _settings()
    if not write(store, {SETTING_KEY: found}):
        raise OSError(f"the settings file could not be written ({store.status().name})")


def _settings() -> QSettings:
    from desktop.gui.window_state import settings

    return settings()


def current_language() -> str:
    """The language installed by :func:`install` (English before it runs)."""
    return _current


def locale() -> QLocale:
    """Dates, times and numbers for the window: the system's own conventions when it speaks the
    chosen language (``nl-BE`` stays Belgian), else that language's defaults."""
    system = QLocale.system()
    if normalised(system.name()) == _current:
        return system
    return QLocale(_current)


def readable_catalogues() -> list[str]:
    """The languages besides English whose catalogue Qt loads and translates from (a file
    that is there but damaged, or another file under its name, does not count)."""
    found: list[str] = []
    for language in TRANSLATED_LANGUAGES:
        translator = QTranslator()
        if translator.load(str(catalogue_path(language))) and translator.translate(*PROBE) not in (
            "",
            PROBE[1],
        ):
            found.append(language)
    return found


def install(code: str) -> str:
    """Load the catalogues for ``code`` (ours and Qt's own, for the standard buttons and menus);
    returns the language installed: English when a catalogue is missing (logged, never fatal)."""
    global _current
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("install() needs the QApplication")
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    language = normalised(code) or DEFAULT_LANGUAGE
    _current = DEFAULT_LANGUAGE
    if language != DEFAULT_LANGUAGE:
        ours = QTranslator()
        path = catalogue_path(language)
        if not ours.load(str(path)):
            log.warning("No catalogue for %s at %s; the window stays English", language, path)
            QLocale.setDefault(QLocale(DEFAULT_LANGUAGE))
            return DEFAULT_LANGUAGE
        app.installTranslator(ours)
        _installed.append(ours)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        # Qt's own: the standard buttons and menus (qtbase), the sync page's context menu
        # (qtwebengine).
        for module in QT_CATALOGUES:
            qt_own = QTranslator()
            if qt_own.load(f"{module}_{language}", qt_dir):
                app.installTranslator(qt_own)
                _installed.append(qt_own)
            else:
                log.info(
                    "Qt's %s catalogue for %s is missing: its texts stay English", module, language
                )
        _current = language
    QLocale.setDefault(locale())
    log.info("Window language: %s", _current)
    return _current


def translate_marked(context: str, marked: str) -> str:
    """A text marked elsewhere with ``QT_TRANSLATE_NOOP(context, ...)`` (a table's value, a core
    module's message), in the window's language. The marking call is what lupdate collects."""
    return QCoreApplication.translate(context, marked)


def local_clock(epoch: float) -> str | None:
    """A moment as a time of day in the window's locale (``14:32``, ``2:32 PM``); None
    for a moment Qt cannot hold (NaN, infinite, beyond year 9999)."""
    if epoch != epoch or not -MAX_EPOCH < epoch < MAX_EPOCH:
        return None
    moment = QDateTime.fromSecsSinceEpoch(int(epoch))
    if not moment.isValid():
        return None
    return QLocale().toString(moment.time(), QLocale.FormatType.ShortFormat)  # install() set it
