"""Small presentational widgets shared by the form and the sync page: banners and field rows.

Coloured text takes its colour from the palette in use (:mod:`desktop.gui.palette`) and follows a
change of palette (Windows switching to dark mode), so it stays legible on light and dark.
"""

from __future__ import annotations

import enum
import html
import itertools
from collections.abc import Callable, Iterable, Sequence

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QPalette, QResizeEvent, QTextDocumentFragment
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.gui.i18n import translate_marked
from desktop.gui.palette import Role, banner_colours, text_colour


class Tone(enum.Enum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


_TONE_ROLES = {Tone.INFO: Role.INFO, Tone.WARNING: Role.WARNING, Tone.ERROR: Role.ERROR}
# Each tone has an icon too, so that no message is told apart by its colour alone (high contrast,
# colour blindness): the style's own, as Windows message boxes show them.
_TONE_ICONS = {
    Tone.INFO: QStyle.StandardPixmap.SP_MessageBoxInformation,
    Tone.WARNING: QStyle.StandardPixmap.SP_MessageBoxWarning,
    Tone.ERROR: QStyle.StandardPixmap.SP_MessageBoxCritical,
}
_TONE_NAMES = {
    Tone.INFO: QT_TRANSLATE_NOOP("Banner", "Information"),
    Tone.WARNING: QT_TRANSLATE_NOOP("Banner", "Warning"),
    Tone.ERROR: QT_TRANSLATE_NOOP("Banner", "Error"),
}
BANNER_ICON_SIZE = 20
_REDRAW_ICON = (
    QEvent.Type.StyleChange,
    QEvent.Type.PaletteChange,
    QEvent.Type.DevicePixelRatioChange,
)
# The light-palette colours, for code that still sets a fixed colour; prefer set_text_role().
ERROR_TEXT = "#b3261e"
_TEXT_ROLE = "textRole"


def _apply_text_role(label: QWidget) -> None:
    role = Role(label.property(_TEXT_ROLE))
    colour = text_colour(role, label.palette())
    if label.palette().color(QPalette.ColorRole.WindowText) != colour:
        palette = QPalette()  # only this role is set: the rest still follows the parent
        palette.setColor(QPalette.ColorRole.WindowText, colour)
        label.setPalette(palette)


class _PaletteFollower(QObject):
    """Re-derives a coloured label's text colour when its palette (or its parent's) changes."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.PaletteChange and isinstance(watched, QWidget):
            _apply_text_role(watched)
        return False


_follower: _PaletteFollower | None = None


def set_text_role(label: QWidget, role: Role) -> None:
    """Colour ``label``'s text for ``role`` (error, warning, muted…) with at least 4.5:1
    contrast against its background, now and after any change of palette."""
    global _follower
    if _follower is None:
        _follower = _PaletteFollower()
    label.setProperty(_TEXT_ROLE, role.value)
    _apply_text_role(label)
    label.removeEventFilter(_follower)
    label.installEventFilter(_follower)


class ToneIcon(QLabel):
    """A tone's icon (the style's own, as Windows message boxes show them), ``size`` pixels
    square, named for screen readers: drawn for the widget's pixel ratio, and again when the
    style, the palette or the screen changes (a switch to high contrast, a 200 % screen).

    ``tone`` None draws nothing until :meth:`set_tone`.
    """

    def __init__(
        self, tone: Tone | None, size: int, name: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._tone = tone
        self._size = size
        if name:
            self.setAccessibleName(name)
        if tone is not None:
            self.redraw()

    def set_tone(self, tone: Tone) -> None:
        self._tone = tone
        self.redraw()

    def redraw(self) -> None:
        """The tone's icon, drawn for this screen's pixel ratio and the current style."""
        if self._tone is None:
            return
        icon = self.style().standardIcon(_TONE_ICONS[self._tone], None, self)
        size = QSize(self._size, self._size)
        self.setPixmap(icon.pixmap(size, self.devicePixelRatioF()))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in _REDRAW_ICON:
            self.redraw()  # moved to a 200 % screen, or a high-contrast style
        super().changeEvent(event)


class Banner(QFrame):
    """A tinted message strip with optional action buttons; hidden while it has no message.

    The text label carries the objectName given (``errorLabel`` for the form's error banner), so
    automated tests and screen readers find the message itself.
    """

    closed = Signal()

    def __init__(self, label_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(label_name + "Banner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)  # the tint comes from the palette, light or dark
        self._tone = Tone.INFO
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.icon = ToneIcon(None, BANNER_ICON_SIZE, parent=self)  # drawn when first shown
        self.icon.setObjectName(label_name + "Icon")
        self.label = QLabel(self)
        self.label.setObjectName(label_name)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._buttons = QHBoxLayout()
        self._buttons.setSpacing(6)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 8, 8, 8)
        layout.setSpacing(12)
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.label, 1)
        layout.addLayout(self._buttons)
        self._actions: list[QPushButton] = []
        self.hide()

    def show_message(
        self,
        html: str,
        tone: Tone = Tone.INFO,
        actions: list[tuple[str, Callable[[], None]]] | None = None,
        accessible_text: str = "",
    ) -> None:
        """Show ``html`` in the tone's colours, with one button per ``(text, callback)``."""
        self._tone = tone
        self._apply_tone()
        self.icon.set_tone(tone)
        name = translate_marked("Banner", _TONE_NAMES[tone])
        self.icon.setAccessibleName(name)
        self.icon.setToolTip(name)
        self.label.setText(html)
        # Named by its tone ("Error"), described by what it says: a screen reader reads the
        # message once, not once as the name and again as the description.
        self.label.setAccessibleName(name)
        plain = accessible_text or QTextDocumentFragment.fromHtml(html).toPlainText()
        self.label.setAccessibleDescription(plain)
        self.setProperty("tone", tone.value)
        for button in self._actions:
            self._buttons.removeWidget(button)
            button.deleteLater()
        self._actions = []
        for caption, callback in actions or []:
            button = QPushButton(caption, self)
            button.setAutoDefault(False)
            if QKeySequence.mnemonic(caption).isEmpty():  # no access key: named instead
                button.setAccessibleName(caption.replace("&&", "&"))
            button.clicked.connect(callback)
            self._buttons.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)
            self._actions.append(button)
        self.show()

    def _apply_tone(self) -> None:
        """Tint for the tone, derived from the palette the banner sits on (its parent's)."""
        parent = self.parentWidget()
        base = parent.palette() if parent is not None else QApplication.palette()
        background, border, text = banner_colours(_TONE_ROLES[self._tone], base)
        now = self.palette()
        if (
            now.color(QPalette.ColorRole.Window) == background
            and now.color(QPalette.ColorRole.WindowText) == text
        ):
            return  # already so: also ends the PaletteChange this very call causes
        palette = QPalette()
        palette.setColor(QPalette.ColorRole.Window, background)
        palette.setColor(QPalette.ColorRole.WindowText, text)
        for role in (QPalette.ColorRole.Mid, QPalette.ColorRole.Dark, QPalette.ColorRole.Shadow):
            palette.setColor(role, border)
        self.setPalette(palette)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._apply_tone()  # e.g. Windows switched to dark mode
        if event.type() == QEvent.Type.StyleChange:
            self.icon.redraw()  # a style set on the banner alone does not reach its children
        super().changeEvent(event)

    def clear(self) -> None:
        """Hide the banner and forget its message."""
        if self.isHidden() and not self.label.text():
            return
        self.label.clear()
        self.hide()
        self.closed.emit()

    @property
    def tone(self) -> Tone | None:
        value = self.property("tone")
        return Tone(value) if not self.isHidden() and value else None

    def action_buttons(self) -> list[QPushButton]:
        return list(self._actions)


class InlineError(QLabel):
    """The message under a field; empty and hidden when the field is fine.

    ``describes`` is the control the message is about: the message is also its accessible
    description, so a screen reader announces the problem with the field.
    """

    def __init__(
        self, name: str, parent: QWidget | None = None, *, describes: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.describes = describes
        self.setObjectName(name)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)  # may quote what a server said
        set_text_role(self, Role.ERROR)
        font = self.font()
        font.setPointSizeF(max(font.pointSizeF() * 0.92, 8.0))
        self.setFont(font)
        self.hide()

    def set_problem(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))
        if self.describes is not None:
            self.describes.setAccessibleDescription(text)


def set_line(label: QLabel, text: str, *, hide_empty: bool = False) -> None:
    """Show ``text`` on a status line; a screen reader reads it as the line's description.
    With ``hide_empty`` the line is hidden while it says nothing (else it keeps its place)."""
    label.setText(text)
    label.setAccessibleDescription(text)
    if hide_empty:
        label.setVisible(bool(text))


def caption(text: str, parent: QWidget | None = None, *, name: str = "") -> QLabel:
    """A small muted explanatory line under a field or section."""
    label = QLabel(text, parent)
    # Captions show profile names and addresses: never interpreted as markup (AutoText would).
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    set_text_role(label, Role.MUTED)
    if name:
        label.setObjectName(name)
    font = label.font()
    font.setPointSizeF(max(font.pointSizeF() * 0.92, 8.0))
    label.setFont(font)
    return label


def section_heading(text: str, parent: QWidget | None = None) -> QLabel:
    """A bold heading that opens a group of fields."""
    label = QLabel(text, parent)
    font = QFont(label.font())
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.08)
    label.setFont(font)
    label.setAccessibleName(text)
    return label


def add_sections(
    column: QVBoxLayout, sections: Sequence[tuple[str, QLayout]], parent: QWidget
) -> None:
    """Each ``(heading, fields)`` under a bold heading, as both tabs lay out their forms."""
    for title, layout in sections:
        column.addSpacing(4)
        column.addWidget(section_heading(title, parent))
        column.addLayout(layout)


def form_section() -> QFormLayout:
    """One section's fields: labels on the left, fields growing, as every form of the window."""
    layout = QFormLayout()
    layout.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
    layout.setHorizontalSpacing(14)
    layout.setVerticalSpacing(8)
    return layout


def chain_tab_order(*widgets: QWidget) -> None:
    """Tab visits ``widgets`` in this order (the order they are seen in, not built in)."""
    for first, second in itertools.pairwise(widgets):
        QWidget.setTabOrder(first, second)


def align_labels(labels: Iterable[QLabel]) -> int:
    """One label column for every section (and every login mode): each label as wide as the
    widest, in whatever language, so the field column never moves; returns that width."""
    shown = list(labels)
    width = 8 + max(label.sizeHint().width() for label in shown)
    for label in shown:
        label.setMinimumWidth(width)
    return width


def field_column(editor: QWidget, error: InlineError | None, *extra: QWidget) -> QWidget:
    """An editor with its inline error (and captions) stacked under it, for a form row."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(3)
    layout.addWidget(editor)
    if error is not None:
        layout.addWidget(error)
    for widget in extra:
        layout.addWidget(widget)
    return box


ELLIPSIS = "…"


class ElidedLabel(QLabel):
    """One line of plain text cut with "…" to the width it is given; the whole text is then
    its tooltip and accessible name, so a long profile name or address can always be read."""

    def __init__(
        self,
        text: str = "",
        parent: QWidget | None = None,
        *,
        mode: Qt.TextElideMode = Qt.TextElideMode.ElideRight,
    ) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)  # names and addresses: never markup
        self.setWordWrap(False)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._mode = mode
        self._full = ""
        self.set_full_text(text)

    def full_text(self) -> str:
        return self._full

    def set_full_text(self, text: str) -> None:
        """Show ``text`` (elided to the label's width when it does not fit)."""
        self._full = text
        self.setAccessibleName(text)
        self._elide()

    def is_elided(self) -> bool:
        return self.text() != self._full

    def _elide(self) -> None:
        shown = self.fontMetrics().elidedText(self._full, self._mode, max(self.width(), 1))
        QLabel.setText(self, shown)
        self.setToolTip(plain_tooltip(self._full) if shown != self._full else "")

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(self.fontMetrics().horizontalAdvance(ELLIPSIS) * 3, hint.height())

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(self.fontMetrics().horizontalAdvance(self._full) + 4, hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.FontChange:
            self._elide()


def plain_tooltip(text: str) -> str:
    """``text`` (a profile name, an address: typed by a user or set by IT) as a tooltip shown
    literally: Qt guesses whether a tooltip is rich text, so ``<b>x</b>`` would be bold."""
    if not text:
        return ""
    return "<qt>" + html.escape(text).replace("\n", "<br>") + "</qt>"


def show_start(edit: QLineEdit) -> None:
    """Scroll a text field back to the start of its value (Qt leaves it at the end)."""
    edit.setCursorPosition(0)


def elide_combo(combo: QComboBox, characters: int = 24) -> None:
    """Let a combo box of names stay narrow: its items are elided in the middle, each with its
    whole name as tooltip, and the drop-down list is as wide as the longest name."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(characters)
    view = combo.view()
    view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
    for index in range(combo.count()):
        combo.setItemData(index, plain_tooltip(combo.itemText(index)), Qt.ItemDataRole.ToolTipRole)
    widest = max(
        (combo.fontMetrics().horizontalAdvance(combo.itemText(i)) for i in range(combo.count())),
        default=0,
    )
    view.setMinimumWidth(min(widest + 40, 900))
