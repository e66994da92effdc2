"""Marking text the window shows, in modules that import no Qt.

``pyside6-lupdate`` collects every ``QT_TRANSLATE_NOOP("Context", "text")`` into the catalogues in
``resources/i18n/``; the call itself returns ``text`` unchanged, so the command line (which stays
English: scripts parse it) prints the English. The window passes the same context and text to
``desktop.gui.i18n.translate`` when it shows them. Both arguments must be plain string literals:
lupdate reads the source, not the values.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

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
