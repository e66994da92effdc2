"""Marking text the window shows, in modules that import no Qt.

``pyside6-lupdate`` collects every ``QT_TRANSLATE_NOOP("Context", "text")`` into the catalogues in
``resources/i18n/``; the call itself returns ``text`` unchanged, so the command line (which stays
English: scripts parse it) prints the English. The window passes the same context and text to
``desktop.gui.i18n.translate`` when it shows them. Both arguments must be plain string literals:
lupdate reads the source, not the values.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

# The window's languages (the command line stays English): each code and the language's name in
# its own words. English is the source; the others have a catalogue each.
WINDOW_LANGUAGES: Mapping[str, str] = {"en": "English", "nl": "Nederlands", "de": "Deutsch"}
SOURCE_LANGUAGE = "en"
TRANSLATED_LANGUAGES = tuple(code for code in WINDOW_LANGUAGES if code != SOURCE_LANGUAGE)

# (context, marked English) -> the text in some language: the window passes its
# ``translate_marked``; the command line and tests keep the English (:func:`english`).
Localise = Callable[[str, str], str]


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """``text``, marked for translation under ``context`` (nothing happens at run time)."""
    del context
    return text


def english(context: str, text: str) -> str:
    """The :data:`Localise` of the command line and of tests: ``text`` unchanged."""
    del context
    return text


def fill(template: str, values: Mapping[str, object], fallback: str) -> str:
    """``template`` (a translation) filled with ``values``; ``fallback`` (the English) when a
    damaged translation's placeholders do not fit, so that no slot ever raises on one."""
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        return fallback


def catalogue_path(language: str) -> Path:
    """Where the window's compiled catalogue for ``language`` is (package or bundle)."""
    from desktop.core.paths import resource_path

    return resource_path("i18n") / f"i3sync_{language}.qm"
