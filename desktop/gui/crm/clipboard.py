"""The token on the clipboard: put there with privacy hints, taken off again after a delay.

Kept apart from the panel so that the panel only presents; the token is held here only until
the delay runs out (to compare it with what the clipboard then holds), never saved.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QObject, QTimer, Signal
from PySide6.QtGui import QGuiApplication

# Asks Windows to keep the token out of clipboard history and cloud clipboard, and KDE's Klipper
# out of its history (other platforms ignore these formats).
PRIVACY_FORMATS = {
    'application/x-qt-windows-mime;value="ExcludeClipboardContentFromMonitorProcessing"': b"1",
    'application/x-qt-windows-mime;value="CanIncludeInClipboardHistory"': b"\x00\x00\x00\x00",
    "x-kde-passwordManagerHint": b"secret",
}


class TokenClipboard(QObject):
    """Copies a token and clears the clipboard after ``clear_ms`` if it still holds it."""

    checked = Signal(bool)  # the delay ran out; True if the token was removed

    def __init__(self, clear_ms: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._copied: str | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(clear_ms)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._delay_over)

    @property
    def clear_seconds(self) -> int:
        return round(self._timer.interval() / 1000)

    def copy(self, value: str) -> None:
        """Put ``value`` on the clipboard with the privacy hints; start the clearing delay."""
        data = QMimeData()
        data.setText(value)
        for mime_type, hint in PRIVACY_FORMATS.items():
            data.setData(mime_type, hint)
        QGuiApplication.clipboard().setMimeData(data)
        self._copied = value
        self._timer.start()

    def clear(self) -> bool | None:
        """Take the token off now if the clipboard still holds it; ``None`` if none was copied,
        else whether it was removed (whatever the user copied since is theirs)."""
        self._timer.stop()
        copied, self._copied = self._copied, None
        if copied is None:
            return None
        clipboard = QGuiApplication.clipboard()
        removed = clipboard.text() == copied
        if removed:
            clipboard.clear()
        return removed

    def _delay_over(self) -> None:
        removed = self.clear()
        if removed is not None:
            self.checked.emit(removed)
