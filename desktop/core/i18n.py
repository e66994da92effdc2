"""Marking text the window shows, in modules that import no Qt.

``pyside6-lupdate`` collects every ``QT_TRANSLATE_NOOP("Context", "text")`` into the catalogues in
``resources/i18n/``; the call itself returns ``text`` unchanged, so the command line (which stays
English: scripts parse it) prints the English. The window passes the same context and text to
``desktop.gui.i18n.translate`` when it shows them. Both arguments must be plain string literals:
lupdate reads the source, not the values.
"""

from __future__ import annotations


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """``text``, marked for translation under ``context`` (nothing happens at run time)."""
    del context
    return text
