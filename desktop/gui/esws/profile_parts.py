"""Small parts of the profiles dialog: the list of profiles (managed ones marked), the question
box, and the plain-http warning's words."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QMessageBox, QWidget

from desktop.esws.profiles import Profile

MANAGED_TIP = "Managed by your IT department"
MANAGED_SUFFIX = " (managed)"

Confirm = Callable[[QWidget, str, str], bool]


def ask_yes_no(parent: QWidget, title: str, question: str) -> bool:
    """The default confirmation: a question box whose safe answer (No) is the default.

    Plain text: the question quotes a profile name, which may look like markup.
    """
    box = QMessageBox(QMessageBox.Icon.Question, title, question, parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


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
