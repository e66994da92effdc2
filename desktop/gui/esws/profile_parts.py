"""Small parts of the profiles dialog: the list of profiles (managed ones marked), the question
box, the plain-http warning's words, and where the dialog's size and place are remembered."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QByteArray, QEvent, QObject, QSettings, QSize, Qt
from PySide6.QtWidgets import (
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QScrollArea,
    QStyle,
    QWidget,
)

from desktop.esws.profiles import Profile

MANAGED_TIP = "Managed by your IT department"
MANAGED_SUFFIX = " (managed)"

# (parent, title, question, action, keep): always called with all five, positionally, so that a
# test may put ``lambda *args: True`` in its place.
Confirm = Callable[[QWidget, str, str, str, str], bool]


def confirm(
    parent: QWidget, title: str, question: str, action_text: str, keep_text: str = "Cancel"
) -> bool:
    """Ask before something that loses work; True when the user chose ``action_text``.

    The buttons name what they do ("Delete profile" / "Cancel"), never Yes/No; the safe one is
    the default (Enter) and Esc. Plain text: the question quotes a profile name, which may look
    like markup.
    """
    box = QMessageBox(QMessageBox.Icon.Question, title, question, parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    action = box.addButton(action_text, QMessageBox.ButtonRole.AcceptRole)
    keep = box.addButton(keep_text, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is action


def cleartext_warning(endpoint: str, i3_url: str) -> str:
    """What plain http:// to another computer exposes, as typed; empty when nothing is."""
    from desktop.core.http import is_cleartext_remote

    exposed = []
    if is_cleartext_remote(endpoint):
        exposed.append("the admin password (ESWS endpoint)")
    if is_cleartext_remote(i3_url):
        exposed.append("the one-time sync link (I3 address)")
    if not exposed:
        return ""
    return (
        f"Not encrypted: with http:// to another computer, {' and '.join(exposed)} can be "
        "read on the network. Use https:// unless the server is on this computer."
    )


class ProfileList(QListWidget):
    """The saved profiles, in the book's order; a managed one is marked in its text ("(managed)"),
    its tooltip and its accessible description. Rows match ``ProfileBook.names``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("profileList")
        self.setAccessibleName("Saved profiles")
        self.setMinimumWidth(180)

    def show_profiles(self, profiles: list[Profile], current: str | None) -> None:
        """List ``profiles`` and select the one named ``current`` (no signal is emitted)."""
        self.blockSignals(True)
        self.clear()
        for profile in profiles:
            item = QListWidgetItem(profile.name + (MANAGED_SUFFIX if profile.managed else ""))
            item.setData(Qt.ItemDataRole.UserRole, profile.name)
            if profile.managed:
                item.setToolTip(MANAGED_TIP)
                item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, MANAGED_TIP)
            self.addItem(item)
        names = [p.name for p in profiles]
        if current in names:
            self.setCurrentRow(names.index(current))
        self.blockSignals(False)

    def select_quietly(self, row: int) -> None:
        """Select ``row`` without telling anyone (the user's change was undone)."""
        self.blockSignals(True)
        self.setCurrentRow(row)
        self.blockSignals(False)


# The window's own state (sizes and places, never a secret) beside the profiles, shared with the
# main window: one group per window.
WINDOW_STATE_FILE = "window.ini"


def _window_settings() -> QSettings:
    from desktop.core.paths import config_dir

    return QSettings(str(config_dir() / WINDOW_STATE_FILE), QSettings.Format.IniFormat)


def restore_geometry(window: QWidget, group: str) -> bool:
    """Give ``window`` the size and place it had when last closed; False when none is known."""
    saved = _window_settings().value(f"{group}/geometry")
    if not isinstance(saved, QByteArray | bytes) or not saved:
        return False
    # Qt moves a window saved on a screen that has since gone back onto the available one.
    return window.restoreGeometry(QByteArray(saved))


def save_geometry(window: QWidget, group: str) -> None:
    """Keep ``window``'s size and place for the next time it opens."""
    settings = _window_settings()
    settings.setValue(f"{group}/geometry", window.saveGeometry())
    settings.sync()


def fit_screen(window: QWidget, wanted: QSize) -> QSize:
    """``wanted``, made no larger than the available part of ``window``'s screen."""
    screen = window.screen()
    if screen is None:
        return wanted
    return wanted.boundedTo(screen.availableGeometry().size())


class EditorScroller(QScrollArea):
    """The editor, scrolled up and down (never sideways) rather than squeezing its rows: the
    dialog fits a small screen, as wide as the editor's narrowest layout and a few rows high."""

    def __init__(self, editor: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("profileEditor")
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWidget(editor)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Advanced unfolded, a check's result shown: the editor's narrowest width changed, and
        # the dialog's layout must hear of it (a scroll area does not pass it on by itself).
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()
        return super().eventFilter(watched, event)

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        editor = self.widget()
        if editor is None:
            return hint
        # Never narrower than the editor: without a sideways scroll bar it would be cut off.
        bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
        return QSize(max(hint.width(), editor.minimumSizeHint().width() + bar), hint.height())
