"""The profiles dialog as a Windows user drives it: OK is the default button (Enter saves from any
field), Cancel and Esc ask only when there are unsaved edits, confirmations name their actions,
every access key is unique, it fits a small screen, and it opens at its last size and place."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QSettings, QSize, Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QMessageBox, QWidget

from desktop.core.vault import SecretStore
from desktop.esws.profiles import Profile, ProfileStore
from desktop.gui.esws.profile_book import ProfileBook
from desktop.gui.esws.profile_dialog import ProfileDialog
from tests.gui.conftest import open_profile_dialog, type_into

NAME = "Head office"
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def saved() -> Profile:
    profile = Profile(
        name=NAME,
        esws_endpoint="https://esws.example.com/webservicesesws",
        i3_base_url="https://i3.example.com",
        admin_username="hr.admin",
    )
    ProfileStore().save([profile], NAME)
    return profile


@pytest.fixture
def open_dialog(qtbot: Any) -> Callable[[], ProfileDialog]:
    """Open the dialog as the window does (window-modal, over a parent), on the real files."""
    parent = QWidget()
    parent.resize(900, 700)
    qtbot.addWidget(parent)
    parent.show()
    dialogs: list[ProfileDialog] = []

    def make() -> ProfileDialog:
        dialog = open_profile_dialog(qtbot, NAME, parent)
        dialogs.append(dialog)  # pytest-qt holds widgets weakly
        return dialog

    return make


def no_question(*args: Any) -> bool:
    raise AssertionError(f"asked {args[1:3]!r}")


@pytest.mark.parametrize(
    "focus", ["endpointEdit", "adminEdit", "rememberCheck", "cloudRadio", "totalPathCombo"]
)
def test_enter_in_any_field_saves_the_edits_and_closes(
    qtbot: Any, saved: Profile, open_dialog: Any, focus: str
) -> None:
    dialog = open_dialog()
    dialog.confirm = no_question  # nothing is asked
    assert dialog.okButton.isDefault() and not dialog.newButton.isDefault()
    type_into(qtbot, dialog.adminEdit, "payroll.admin")
    widget = getattr(dialog, focus, None) or getattr(dialog.advanced, focus)
    dialog.advanced.unfold()
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(widget, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    again = ProfileStore().load().find(NAME)
    assert again is not None and again.admin_username == "payroll.admin"


def test_ok_with_a_problem_keeps_the_dialog_open_and_apply_keeps_the_list(
    qtbot: Any, saved: Profile, open_dialog: Any
) -> None:
    dialog = open_dialog()
    dialog.confirm = no_question
    type_into(qtbot, dialog.endpointEdit, "esws.example.com")
    qtbot.keyClick(dialog.endpointEdit, Qt.Key.Key_Enter)
    assert dialog.isVisible() and dialog.errors["ESWS endpoint"].isVisible()
    type_into(qtbot, dialog.endpointEdit, "https://esws2.example.com/webservicesesws")
    with qtbot.waitSignal(dialog.profilesChanged):
        qtbot.mouseClick(dialog.saveButton, LEFT)
    assert dialog.isVisible() and not dialog.saveButton.isEnabled()
    assert ProfileStore().load().profiles[0].esws_endpoint.startswith("https://esws2.")


def test_cancel_and_esc_ask_only_when_there_are_edits(
    qtbot: Any, saved: Profile, open_dialog: Any
) -> None:
    dialog = open_dialog()
    dialog.confirm = no_question
    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(dialog.nameEdit, Qt.Key.Key_Escape)  # nothing typed: closes at once

    dialog = open_dialog()
    asked: list[tuple[Any, ...]] = []
    dialog.confirm = lambda *args: asked.append(args[1:]) or False  # "Keep editing"
    type_into(qtbot, dialog.nameEdit, "Branch")
    qtbot.mouseClick(dialog.cancelButton, LEFT)
    assert dialog.isVisible() and dialog.nameEdit.text() == "Branch"
    assert asked == [
        (
            "Unsaved changes",
            "Discard the changes to this profile?",
            "Discard changes",
            "Keep editing",
        )
    ]
    dialog.confirm = lambda *args: True  # "Discard changes"
    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(dialog.nameEdit, Qt.Key.Key_Escape)
    assert ProfileStore().load().names == [NAME]  # nothing saved


def answer_box(choose: str, seen: list[dict[str, Any]]) -> None:
    """Once the question box is up: note what it shows, then click the button named ``choose``."""
    box = QApplication.activeModalWidget()
    if not isinstance(box, QMessageBox):
        QTimer.singleShot(10, lambda: answer_box(choose, seen))
        return
    buttons = {b.text(): b for b in box.buttons()}
    seen.append(
        {
            "buttons": sorted(buttons),
            "default": box.defaultButton().text(),
            "escape": box.escapeButton().text(),
            "format": box.textFormat(),
        }
    )
    buttons[choose].click()


def test_the_dialog_asks_with_buttons_that_name_their_actions(
    qtbot: Any, saved: Profile, open_dialog: Any
) -> None:
    dialog = open_dialog()
    type_into(qtbot, dialog.nameEdit, "Branch")
    seen: list[dict[str, Any]] = []
    QTimer.singleShot(0, lambda: answer_box("Keep editing", seen))
    qtbot.mouseClick(dialog.newButton, LEFT)  # the real question box
    assert seen == [
        {
            "buttons": ["Discard changes", "Keep editing"],
            "default": "Keep editing",  # the safe answer
            "escape": "Keep editing",
            "format": Qt.TextFormat.PlainText,
        }
    ]
    assert dialog.nameEdit.text() == "Branch"  # kept

    QTimer.singleShot(0, lambda: answer_box("Discard changes", seen))
    qtbot.mouseClick(dialog.newButton, LEFT)
    assert dialog.nameEdit.text() == "New profile"

    dialog.profileList.setCurrentRow(0)
    QTimer.singleShot(0, lambda: answer_box("Cancel", seen))
    qtbot.mouseClick(dialog.deleteButton, LEFT)
    assert seen[-1]["buttons"] == ["Cancel", "Delete profile"]
    assert seen[-1]["default"] == "Cancel"
    assert ProfileStore().load().names == [NAME]
    QTimer.singleShot(0, lambda: answer_box("Delete profile", seen))
    qtbot.mouseClick(dialog.deleteButton, LEFT)
    assert ProfileStore().load().names == []


def access_keys(dialog: QWidget) -> list[tuple[str, str]]:
    """(key, text) of every access key a user can reach: the visible buttons, check boxes, radio
    buttons and the labels that carry one for their field."""
    found = []
    widgets: list[QWidget] = [*dialog.findChildren(QAbstractButton), *dialog.findChildren(QLabel)]
    for widget in widgets:
        if not widget.isVisibleTo(dialog):
            continue
        if isinstance(widget, QLabel) and widget.buddy() is None:
            continue  # no buddy: the label has no access key
        text = widget.text()  # type: ignore[attr-defined]
        key = QKeySequence.mnemonic(text).toString()
        if key:
            found.append((key, text))
    return found


def test_every_access_key_in_the_dialog_is_unique(
    qtbot: Any, saved: Profile, open_dialog: Any
) -> None:
    dialog = open_dialog()
    dialog.advanced.unfold()  # its fields are reachable too
    keys = access_keys(dialog)
    by_key: dict[str, list[str]] = {}
    for key, text in keys:
        by_key.setdefault(key, []).append(text)
    assert {key: texts for key, texts in by_key.items() if len(texts) > 1} == {}
    # Every field's label has one (not "Connection:": its radio buttons do), and the dialog's
    # own buttons are among them.
    for label in dialog.findChildren(QLabel):
        buddy = label.buddy()
        if buddy is not None and buddy.focusPolicy() != Qt.FocusPolicy.NoFocus:
            assert QKeySequence.mnemonic(label.text()).toString(), label.text()
    texts = {text for _key, text in keys}
    assert {"&New", "&Delete", "&Apply", "Na&me:", "Saved pro&files:"} <= texts
    assert len(keys) >= 15

    # Each key reaches its field: Alt+M puts the cursor in the name, Alt+U in the username.
    # Through the window, as the platform delivers keys (shortcuts are matched there).
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWindow() is dialog.windowHandle())
    alt = Qt.KeyboardModifier.AltModifier
    qtbot.keyClick(dialog.windowHandle(), Qt.Key.Key_M, alt)
    qtbot.waitUntil(dialog.nameEdit.hasFocus)
    qtbot.keyClick(dialog.windowHandle(), Qt.Key.Key_U, alt)
    qtbot.waitUntil(dialog.adminEdit.hasFocus)


# A 1280 x 720 screen at 150 %, in logical pixels.
SMALL_SCREEN = QSize(853, 480)


def test_the_dialog_fits_a_small_screen_with_everything_shown_and_the_editor_scrolls(
    qtbot: Any, saved: Profile, open_dialog: Any, closed_port: int
) -> None:
    dialog = open_dialog()
    assert SMALL_SCREEN.expandedTo(dialog.size()) == SMALL_SCREEN  # opened no larger
    available = dialog.screen().availableGeometry().size()
    assert available.expandedTo(dialog.size()) == available
    qtbot.mouseClick(dialog.advanced.toggle, LEFT)
    # A check's results (loopback, nothing listens: it ends at once, fails at connect).
    type_into(qtbot, dialog.endpointEdit, f"http://127.0.0.1:{closed_port}/webservicesesws")
    type_into(qtbot, dialog.i3Edit, f"http://127.0.0.1:{closed_port}")
    view = dialog.checkView
    with qtbot.waitSignal(view.finished, timeout=20_000):
        qtbot.mouseClick(view.testButton, LEFT)
    assert view.lines.isVisible() and len(view.text_lines()) == 5
    assert dialog.advanced.body.isVisible()

    for hint in (dialog.minimumSizeHint(), dialog.sizeHint(), dialog.minimumSize()):
        assert SMALL_SCREEN.expandedTo(hint) == SMALL_SCREEN, hint
    dialog.resize(dialog.minimumSizeHint())
    scroller = dialog.editorScroller
    qtbot.waitUntil(lambda: scroller.verticalScrollBar().isVisible())  # it scrolls...
    editor = scroller.widget()
    assert editor.width() <= scroller.viewport().width()  # ...up and down, never cut off sideways
    for button in (dialog.okButton, dialog.cancelButton, dialog.saveButton):
        assert button.isVisible()
        corner = button.mapTo(dialog, button.rect().bottomRight())
        assert dialog.rect().contains(corner)  # OK / Cancel / Apply stay on the dialog


def test_the_dialog_opens_again_at_the_size_and_place_it_was_closed_at(
    qtbot: Any, saved: Profile, open_dialog: Any, isolated_user_folders: Any
) -> None:
    from desktop.core.paths import config_dir

    first = open_dialog()
    default = first.size()
    wanted = QSize(default.width() - 60, default.height() - 40)
    first.resize(wanted)
    first.move(first.pos() + QPoint(25, 15))
    qtbot.waitUntil(lambda: first.size() == wanted)
    place = first.pos()
    with qtbot.waitSignal(first.finished):
        qtbot.mouseClick(first.cancelButton, LEFT)  # nothing edited: closes at once

    again = open_dialog()
    assert again.size() == wanted and again.pos() == place
    # Beside the profiles, one group per window, nothing but the geometry (never a secret).
    settings = QSettings(str(config_dir() / "window.ini"), QSettings.Format.IniFormat)
    assert set(settings.allKeys()) <= {"ProfilesDialog/geometry", "ProfilesDialog/maximized"}
    assert "ProfilesDialog/geometry" in settings.allKeys()

    # Closed with OK after a save, it is remembered too.
    other = QSize(wanted.width() - 30, wanted.height() + 20)
    again.resize(other)
    qtbot.waitUntil(lambda: again.size() == other)
    with qtbot.waitSignal(again.accepted):
        qtbot.mouseClick(again.okButton, LEFT)
    assert open_dialog().size() == other


def test_long_values_are_shown_from_their_start(qtbot: Any, open_dialog: Any) -> None:
    long_path = "/" + "very-long-folder/" * 12 + "webservicesesws"
    profile = Profile(
        name=NAME + " — " + " ".join(["regional payroll and HR"] * 3),
        esws_endpoint="https://esws.example.com" + long_path,
        i3_base_url="https://i3.example.com",
        wsdl="https://esws.example.com" + long_path + "?wsdl",
    )
    ProfileStore().save([profile], profile.name)
    book = ProfileBook(ProfileStore(), SecretStore())
    book.load()
    dialog = ProfileDialog(book, profile.name)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.advanced.body.isVisible()  # a WSDL is set: unfolded
    for edit in (dialog.nameEdit, dialog.endpointEdit, dialog.wsdlEdit):
        metrics = edit.fontMetrics()
        assert metrics.horizontalAdvance(edit.text()) > edit.width()  # longer than the field
        assert edit.cursorPosition() == 0, edit.objectName()  # so its start is what shows
