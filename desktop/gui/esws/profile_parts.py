"""Small parts of the profiles dialog: the list of profiles (managed ones marked, long names cut
with "…"), the question box, the plain-http warning's words, the dialog's buttons, its tab order
and its fit on a small screen. Every text is translated under the "ProfileDialog" context, one
context for the whole dialog so that a translator sees its access keys together."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from desktop.esws.profiles import Profile
from desktop.gui.i18n import translate
from desktop.gui.widgets import plain_tooltip


def managed_tip() -> str:
    """Why a managed profile's settings cannot be changed (tooltips, the note, the list)."""
    return translate("ProfileDialog", "Managed by your IT department")


# (parent, title, question, action, keep): always called with all five, positionally, so that a
# test may put ``lambda *args: True`` in its place.
Confirm = Callable[[QWidget, str, str, str, str], bool]


def confirm(
    parent: QWidget, title: str, question: str, action_text: str, keep_text: str = ""
) -> bool:
    """Ask before something that loses work; True when the user chose ``action_text``.

    The buttons name what they do ("Delete profile" / "Cancel"), never Yes/No; the safe one is
    the default (Enter) and Esc. Plain text: the question quotes a profile name, which may look
    like markup. ``keep_text`` defaults to "Cancel".
    """
    keep_text = keep_text or translate("ProfileDialog", "Cancel")
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

    password, link = is_cleartext_remote(endpoint), is_cleartext_remote(i3_url)
    # Whole sentences: word order differs in Dutch and German.
    if password and link:
        return translate(
            "ProfileDialog",
            "Not encrypted: with http:// to another computer, the admin password (ESWS endpoint) "
            "and the one-time sync link (I3 address) can be read on the network. Use https:// "
            "unless the server is on this computer.",
        )
    if password:
        return translate(
            "ProfileDialog",
            "Not encrypted: with http:// to another computer, the admin password (ESWS endpoint) "
            "can be read on the network. Use https:// unless the server is on this computer.",
        )
    if link:
        return translate(
            "ProfileDialog",
            "Not encrypted: with http:// to another computer, the one-time sync link (I3 address) "
            "can be read on the network. Use https:// unless the server is on this computer.",
        )
    return ""


class ElidingDelegate(QStyledItemDelegate):
    """Draws each row on the view's width, cut with "…" at the end when it does not fit (never
    widening the rows so that a sideways scroll bar would be needed); the tooltip of a cut row
    holds its whole text (and the row's own tooltip, if any)."""

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(1, hint.height())  # rows take the view's width, not the text's

    def full_tooltip(self, view: QAbstractItemView, index: QModelIndex) -> str:
        """What the row's tooltip shows: its whole text first when the row shows it cut."""
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        own = str(index.data(Qt.ItemDataRole.ToolTipRole) or "")
        option = QStyleOptionViewItem()
        option.initFrom(view)
        option.rect = view.visualRect(index)
        self.initStyleOption(option, index)
        style = view.style()
        room = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, view).width()
        room -= 2 * (style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1)
        if option.fontMetrics.horizontalAdvance(text) <= room:
            return own
        return "\n".join(part for part in (text, own) if part)

    def helpEvent(
        self,
        event: QHelpEvent,
        view: QAbstractItemView,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        if event is None or view is None or event.type() != QEvent.Type.ToolTip:
            return super().helpEvent(event, view, option, index)
        if isinstance(index, QPersistentModelIndex):
            index = view.model().index(index.row(), index.column(), index.parent())
        tip = self.full_tooltip(view, index)
        if tip:
            QToolTip.showText(event.globalPos(), plain_tooltip(tip), view, view.visualRect(index))
        else:
            QToolTip.hideText()
        return True


class ProfileList(QListWidget):
    """The saved profiles, in the book's order; a managed one is marked in its text ("(managed)"),
    its tooltip and its accessible description. Rows match ``ProfileBook.names``. A name longer
    than the list is wide ends in "…" and its tooltip shows it whole."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("profileList")
        self.setAccessibleName(translate("ProfileDialog", "Saved profiles"))
        self.setMinimumWidth(180)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.delegate = ElidingDelegate(self)
        self.setItemDelegate(self.delegate)

    def show_profiles(self, profiles: list[Profile], current: str | None) -> None:
        """List ``profiles`` and select the one named ``current`` (no signal is emitted)."""
        self.blockSignals(True)
        self.clear()
        for profile in profiles:
            shown = profile.name
            if profile.managed:
                shown = translate("ProfileDialog", "{name} (managed)").format(name=profile.name)
            item = QListWidgetItem(shown)
            item.setData(Qt.ItemDataRole.UserRole, profile.name)
            if profile.managed:
                item.setToolTip(managed_tip())
                item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, managed_tip())
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


def list_column(
    parent: QWidget,
) -> tuple[QVBoxLayout, ProfileList, QPushButton, QPushButton]:
    """The dialog's left column: its label, the list, New and Delete."""
    profiles = ProfileList(parent)
    new = QPushButton(translate("ProfileDialog", "&New"), parent)
    new.setObjectName("newProfileButton")
    delete = QPushButton(translate("ProfileDialog", "&Delete"), parent)
    delete.setObjectName("deleteProfileButton")
    buttons = QHBoxLayout()
    buttons.addWidget(new)
    buttons.addWidget(delete)
    column = QVBoxLayout()
    # Access keys are unique in the dialog (Alt+N is New, Alt+A is Apply, Alt+M the name).
    label = QLabel(translate("ProfileDialog", "Saved pro&files:"), parent)
    label.setBuddy(profiles)
    column.addWidget(label)
    column.addWidget(profiles, 1)
    column.addLayout(buttons)
    return column, profiles, new, delete


def hosting_choice(parent: QWidget) -> tuple[QWidget, QRadioButton, QRadioButton, QLabel]:
    """The "Connection:" row: on-premise or cloud (exclusive), and a caption under them."""
    from desktop.gui.widgets import caption

    on_premise = QRadioButton(
        translate("ProfileDialog", "&On-premise (API Agent / API Server)"), parent
    )
    on_premise.setObjectName("onPremiseRadio")
    cloud = QRadioButton(translate("ProfileDialog", "&EasyConnect cloud"), parent)
    cloud.setObjectName("cloudRadio")
    group = QButtonGroup(parent)
    group.addButton(on_premise)
    group.addButton(cloud)
    note = caption("", parent)
    box = QWidget(parent)
    box.setAccessibleName(translate("ProfileDialog", "Connection"))
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(4)
    for widget in (on_premise, cloud, note):
        column.addWidget(widget)
    return box, on_premise, cloud, note


def dialog_buttons(
    parent: QWidget,
) -> tuple[QDialogButtonBox, QPushButton, QPushButton, QPushButton]:
    """OK (the default button: Enter in any field saves), Cancel and Apply (saves, stays open).

    OK and Cancel keep Qt's own words (its catalogue translates them); Apply gets an access key.
    """
    standard = QDialogButtonBox.StandardButton
    box = QDialogButtonBox(standard.Ok | standard.Cancel | standard.Apply, parent)
    ok, cancel, apply = (box.button(b) for b in (standard.Ok, standard.Cancel, standard.Apply))
    ok.setObjectName("okButton")
    # Not the first button of the dialog (New), which Qt would make the default otherwise.
    ok.setDefault(True)
    cancel.setObjectName("cancelButton")
    apply.setObjectName("saveProfileButton")
    apply.setText(translate("ProfileDialog", "&Apply"))
    return box, ok, cancel, apply


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
        # Tab goes from field to field (each scrolled into view), never to the scroll area.
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
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
