"""What reading the profiles found reaches the window, in its language: a profile hidden by a
managed one's name is a note; a damaged file is a warning; a later clean read clears both."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from desktop.esws.profiles import Profile, ProfileStore
from desktop.gui import i18n
from tests.gui.conftest import machine_profiles_file

NAME = "Head office"


@pytest.fixture
def managed_twin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The user's own "Head office", then IT deploys a managed profile of the same name."""
    ProfileStore().save([Profile(name=NAME, esws_endpoint="https://esws.example.com/ws")], NAME)
    entry = {"name": NAME, "esws_endpoint": "https://esws.example.com/webservicesesws"}
    machine_profiles_file(monkeypatch, tmp_path / "machine-config", entry)


def test_a_profile_hidden_by_a_managed_one_is_a_note_not_a_warning(
    qtbot: Any, managed_twin: None, make_window: Any
) -> None:
    window = make_window()
    note = window.sync_tab.notice("profileNotes")
    assert note is not None and note.isVisible()
    assert f"Your profile “{NAME}” has the name of a profile your IT department manages" in (
        note.label.text()
    )
    assert window.sync_tab.notice("profiles") is None  # nothing was lost


def test_the_notes_and_warnings_follow_the_language(
    qtbot: Any, managed_twin: None, make_window: Any, qapp: Any
) -> None:
    i18n.install("de")
    window = make_window()
    note = window.sync_tab.notice("profileNotes")
    assert note is not None
    text = note.label.text()
    assert NAME in text and "Your profile" not in text


def test_a_clean_read_clears_an_earlier_warning(
    qtbot: Any, isolated_user_folders: Path, make_window: Any
) -> None:
    path = ProfileStore().path
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{ not json", encoding="utf-8")
    window = make_window()
    warning = window.sync_tab.notice("profiles")
    assert warning is not None and warning.isVisible()
    ProfileStore().save([Profile(name=NAME, esws_endpoint="https://esws.example.com/ws")], NAME)
    window.sync_tab._profiles_edited(NAME)
    assert not warning.isVisible()
