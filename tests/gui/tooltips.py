"""Reading a tooltip as the user sees it (data tooltips are escaped rich text: <qt>...</qt>)."""

from __future__ import annotations

from PySide6.QtGui import QTextDocumentFragment


def shown(tooltip: object) -> str:
    """The text a tooltip shows."""
    text = str(tooltip or "")
    if not text.startswith("<qt>"):
        return text
    return QTextDocumentFragment.fromHtml(text).toPlainText()
