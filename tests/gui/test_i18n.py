"""The window's language: chosen from --lang, the saved setting, the system, English; installed
from the committed catalogues; English again when asked."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLocale

from desktop import self_check
from desktop.core import paths
from desktop.gui import i18n
from desktop.gui.launch import use_language


@pytest.mark.parametrize(
    ("requested", "saved", "system", "expected"),
    [
        ("de", "nl", ["nl-NL"], "de"),
        (None, "nl", ["de-DE"], "nl"),
        (None, None, ["fr-FR", "de-AT", "nl-NL"], "de"),
        (None, None, ["nl_BE"], "nl"),
        (None, None, ["fr-FR", "ja-JP"], "en"),
        (None, "xx", [], "en"),
        ("EN-gb", None, ["de-DE"], "en"),
    ],
)
def test_the_language_is_chosen_in_order(requested, saved, system, expected) -> None:
    assert i18n.choose_language(requested, saved, system) == expected


def test_dutch_and_german_catalogues_are_found_and_english_comes_back(qapp) -> None:
    assert i18n.install("nl") == "nl"
    assert i18n.translate("Launch", "This sync request was not opened.").startswith("Dit ")
    assert QLocale().language() == QLocale.Language.Dutch
    assert i18n.install("de") == "de"
    assert "nicht geöffnet" in i18n.translate("Launch", "This sync request was not opened.")
    assert QLocale().language() == QLocale.Language.German
    assert i18n.install("en") == "en"
    assert i18n.translate("Launch", "This sync request was not opened.").startswith("This ")
    assert QLocale().language() == QLocale.Language.English


def test_qt_own_standard_buttons_follow_the_language(qapp) -> None:
    i18n.install("de")
    from PySide6.QtCore import QCoreApplication

    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Abbrechen"


def test_the_saved_choice_persists_and_lang_overrides_it(qapp) -> None:
    i18n.save_language("nl")
    assert i18n.saved_language() == "nl"
    assert use_language(None) == "nl"
    assert use_language("de") == "de"
    with pytest.raises(ValueError, match="unknown language"):
        i18n.save_language("fr")


def test_a_settings_file_that_cannot_be_written_is_an_error_not_a_silent_save(
    qapp, tmp_path
) -> None:
    from PySide6.QtCore import QSettings

    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the settings folder should be", encoding="utf-8")
    store = QSettings(str(blocker / "window.ini"), QSettings.Format.IniFormat)
    with pytest.raises(OSError, match="could not be written"):
        i18n.save_language("de", store)


def test_german_also_loads_qt_webengine_own_catalogue_for_the_page_menu(qapp) -> None:
    i18n.install("de")
    assert len(i18n._installed) == 3  # ours, qtbase, qtwebengine
    i18n.install("nl")
    assert len(i18n._installed) >= 2  # Qt ships no qtwebengine_nl: ours and qtbase


def test_the_self_check_counts_only_catalogues_qt_can_read(
    qapp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert i18n.readable_catalogues() == ["nl", "de"]
    folder = tmp_path / "i18n"
    folder.mkdir()
    real = paths.resource_path("i18n")
    # Dutch cut short after its first kilobyte (its magic bytes intact), German whole.
    (folder / "i3sync_nl.qm").write_bytes((real / "i3sync_nl.qm").read_bytes()[:1024])
    shutil.copyfile(real / "i3sync_de.qm", folder / "i3sync_de.qm")
    monkeypatch.setattr(paths, "resource_path", lambda name: folder if name == "i18n" else None)
    assert i18n.readable_catalogues() == ["de"]
    (folder / "i3sync_de.qm").unlink()
    assert i18n.readable_catalogues() == []


def test_the_self_check_expects_every_language_the_window_offers() -> None:
    offered = tuple(code for code in i18n.LANGUAGES if code != i18n.DEFAULT_LANGUAGE)
    assert offered == self_check.CATALOGUE_LANGUAGES
