"""Windows high-contrast themes (white on black, "Aquatic"; black on white, "Desert"): every text
the real window shows, with a refusal on screen, keeps at least 4.5:1 against what it is drawn
on, because every colour comes from the palette."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QLabel

from desktop.gui.palette import MIN_CONTRAST
from tests.gui.conftest import PAGE_TIMEOUT_MS, fill_form
from tests.gui.test_contrast import app_palette, make_palette, shown_contrast

__all__ = ["app_palette"]  # the fixture, used by name

HIGH_CONTRAST = {
    "aquatic": {"window": "#202020", "text": "#ffffff", "base": "#202020", "button": "#202020"},
    "black": {"window": "#000000", "text": "#ffffff", "base": "#000000", "button": "#000000"},
    "desert": {"window": "#fffaef", "text": "#3d3d3d", "base": "#fffaef", "button": "#fffaef"},
}


@pytest.fixture(params=sorted(HIGH_CONTRAST))
def high_contrast(request: Any, app_palette: QApplication) -> dict[str, str]:
    colours = HIGH_CONTRAST[request.param]
    QApplication.setPalette(make_palette(colours))
    return colours


def test_every_visible_text_of_the_form_with_a_refusal_keeps_4_5_to_1(
    qtbot: Any, high_contrast: dict[str, str], simulator: Any, saved_profile: Any, make_window: Any
) -> None:
    window = make_window()
    fill_form(qtbot, window, password="not-the-password")
    with qtbot.waitSignal(window.sync_tab.fetcher.failed, timeout=PAGE_TIMEOUT_MS):
        window.sync_tab.form.syncButton.click()
    qtbot.waitUntil(window.sync_tab.form.errorBanner.isVisible)
    measured = {}
    for label in window.findChildren(QLabel):
        if not label.isVisible() or not label.text().strip():
            continue
        # What is measured is what is drawn: no style sheet overrides the palette's colours.
        assert "color" not in label.styleSheet(), label.objectName()
        measured[label.objectName() or label.text()[:30]] = shown_contrast(label)
    assert len(measured) >= 10
    low = {name: round(value, 2) for name, value in measured.items() if value < MIN_CONTRAST}
    assert low == {}
