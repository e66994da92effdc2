"""The Help menu: user guide (menu and F1), the log folder, About with version and licences."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices

from desktop import APP_NAME, version
from desktop.core.paths import log_dir


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[QUrl]:
    """What the window asked the desktop to open (nothing is really opened)."""
    urls: list[QUrl] = []

    def record(url: QUrl) -> bool:
        urls.append(QUrl(url))
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(record))
    return urls


def test_the_window_has_a_help_menu_with_guide_log_folder_and_about(
    qtbot: Any, saved_profile: Any, make_window: Any
) -> None:
    window = make_window()
    menus = [action.text() for action in window.menuBar().actions()]
    assert "&Help" in menus
    texts = [a.text().replace("&", "") for a in window.help_menu.actions() if a.text()]
    assert texts == ["User guide", "Open log folder", f"About {APP_NAME}"]


def test_f1_opens_the_user_guide_section_of_the_readme(
    qtbot: Any, saved_profile: Any, make_window: Any, opened: list[QUrl]
) -> None:
    window = make_window()
    window.sync_tab.form.userIdEdit.setFocus()
    qtbot.waitUntil(window.sync_tab.form.userIdEdit.hasFocus)
    qtbot.keyClick(window.sync_tab.form.userIdEdit, Qt.Key.Key_F1)
    assert len(opened) == 1
    url = opened[0]
    assert url.isLocalFile() and Path(url.toLocalFile()).name == "README.md"
    assert Path(url.toLocalFile()).exists()
    assert url.fragment() == "the-window"
    assert "## The window" in Path(url.toLocalFile()).read_text(encoding="utf-8")


def test_user_guide_from_the_menu(
    qtbot: Any, saved_profile: Any, make_window: Any, opened: list[QUrl]
) -> None:
    window = make_window()
    window.help_menu.guideAction.trigger()
    assert [u.fragment() for u in opened] == ["the-window"]


def test_open_log_folder_opens_the_apps_log_folder(
    qtbot: Any, make_window: Any, opened: list[QUrl]
) -> None:
    window = make_window()  # a first start: works before any profile exists
    window.help_menu.logAction.trigger()
    assert len(opened) == 1
    assert Path(opened[0].toLocalFile()) == log_dir()
    assert log_dir().is_dir()


def test_about_names_the_version_and_the_libraries_licences(qtbot: Any, make_window: Any) -> None:
    window = make_window()
    window.help_menu.aboutAction.trigger()
    dialog = window.help_menu.about_dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    text = dialog.text.toPlainText()
    assert f"{APP_NAME} {version()}" in text
    for line in (
        "Qt / PySide6",
        "LGPL-3.0",
        "zeep",
        "MIT",
        "requests",
        "Apache-2.0",
        "keyring",
        "lxml",
        "BSD",
        "quickjs",
        "publicsuffixlist",
    ):
        assert line in text, line
    assert "<" not in text  # plain text, no markup
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_without_installed_metadata_about_still_names_every_licence(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from importlib import metadata

    from desktop.gui.help import licences

    def missing(name: str) -> Any:
        raise metadata.PackageNotFoundError(name)

    monkeypatch.setattr(metadata, "metadata", missing)  # as in a frozen build
    lines = licences()
    assert len(lines) == 7
    assert lines[0].startswith("Qt / PySide6") and lines[0].endswith("LGPL-3.0-only")
    assert any(line.startswith("zeep") and line.endswith(": MIT") for line in lines)


def test_without_a_readme_the_user_guide_says_so_instead_of_nothing(
    qtbot: Any, make_window: Any, opened: list[QUrl], tmp_path: Path, monkeypatch: Any
) -> None:
    import desktop.gui.help as help_module

    monkeypatch.setattr(help_module, "readme_candidates", lambda: [tmp_path / "README.md"])
    window = make_window()
    qtbot.keyClick(window, Qt.Key.Key_F1)
    assert opened == []
    box = window.help_menu.guide_missing
    assert box is not None
    qtbot.waitUntil(box.isVisible)
    assert "user guide could not be opened" in box.text()
    box.close()
