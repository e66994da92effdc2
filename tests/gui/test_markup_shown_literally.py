"""Text that comes from input (names, addresses, errors) is shown as typed, never as markup;
the profiles dialog, once closed, is not reachable from the sync tab any more."""

from __future__ import annotations

from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import Qt

from desktop.core.errors import InputError
from desktop.esws.profiles import Profile
from desktop.gui.widgets import caption
from tests.gui.test_profiles_gui import open_dialog

MARKUP = "<b>x</b>"
SHOWN = "&lt;b&gt;x&lt;/b&gt;"  # what a rich-text label must hold to show MARKUP literally


def test_a_caption_never_reads_its_text_as_markup(qtbot: Any) -> None:
    label = caption(f"Profile {MARKUP}")
    qtbot.addWidget(label)
    assert label.textFormat() is Qt.TextFormat.PlainText
    assert label.text() == f"Profile {MARKUP}"


def test_an_input_problem_in_the_dialogs_banner_quotes_the_input_literally(
    qtbot: Any, saved_profile: Profile, make_window: Any
) -> None:
    dialog = open_dialog(qtbot, make_window())
    dialog._show_problem(InputError("no field of its own", f"cannot be {MARKUP}"))
    assert SHOWN in dialog.problemBanner.label.text()
    assert MARKUP not in dialog.problemBanner.label.text()


def test_a_save_error_in_the_dialogs_banner_is_shown_literally(
    qtbot: Any, saved_profile: Profile, make_window: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = open_dialog(qtbot, make_window())

    def refuse(*_args: Any, **_kwargs: Any) -> None:
        raise PermissionError(13, MARKUP)

    monkeypatch.setattr(dialog.book, "save", refuse)
    assert dialog.save() is False
    assert SHOWN in dialog.problemBanner.label.text()
    assert MARKUP not in dialog.problemBanner.label.text()


def test_a_closed_profiles_dialog_is_forgotten_by_the_sync_tab(
    qtbot: Any, saved_profile: Profile, make_window: Any
) -> None:
    window = make_window()
    dialog = open_dialog(qtbot, window)
    assert window.sync_tab.profile_dialog is dialog
    dialog.reject()
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog))  # deleteLater has run
    assert window.sync_tab.profile_dialog is None
