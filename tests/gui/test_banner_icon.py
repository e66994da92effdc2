"""A banner's tone is shown by an icon with a name as well as by its colour."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QWidget

from desktop.gui.widgets import Banner, Tone


@pytest.mark.parametrize(
    ("tone", "name"), [(Tone.ERROR, "Error"), (Tone.WARNING, "Warning"), (Tone.INFO, "Information")]
)
def test_each_tone_shows_its_own_named_icon(qtbot: Any, tone: Tone, name: str) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    banner = Banner("testLabel", parent)
    parent.show()
    banner.show_message("<b>Something</b>", tone)
    assert banner.icon.isVisible()
    assert not banner.icon.pixmap().isNull()
    assert banner.icon.accessibleName() == name == banner.icon.toolTip()
    other = Tone.INFO if tone is not Tone.INFO else Tone.ERROR
    before = banner.icon.pixmap().toImage()
    banner.show_message("<b>Something</b>", other)
    assert banner.icon.pixmap().toImage() != before


def test_the_icon_is_drawn_again_when_the_style_changes(qtbot: Any) -> None:
    from PySide6.QtWidgets import QStyleFactory

    parent = QWidget()
    qtbot.addWidget(parent)
    banner = Banner("testLabel", parent)
    parent.show()
    banner.show_message("<b>Something</b>", Tone.ERROR)
    before = banner.icon.pixmap().cacheKey()
    banner.setStyle(QStyleFactory.create("Fusion"))  # as a switch to high contrast does
    qtbot.waitUntil(lambda: banner.icon.pixmap().cacheKey() != before)
    assert not banner.icon.pixmap().isNull()


def test_a_tone_icon_is_drawn_again_when_its_style_or_palette_changes(qtbot: Any) -> None:
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QStyleFactory

    from desktop.gui.widgets import ToneIcon

    icon = ToneIcon(Tone.WARNING, 16, "Problem")
    qtbot.addWidget(icon)
    assert icon.accessibleName() == "Problem"
    assert not icon.pixmap().isNull()
    before = icon.pixmap().cacheKey()
    icon.setStyle(QStyleFactory.create("Fusion"))  # as a switch to high contrast does
    after_style = icon.pixmap().cacheKey()
    assert after_style != before
    palette = QPalette(icon.palette())
    palette.setColor(QPalette.ColorRole.Window, palette.color(QPalette.ColorRole.WindowText))
    icon.setPalette(palette)  # as Windows switching to dark mode does
    assert icon.pixmap().cacheKey() != after_style
    assert not icon.pixmap().isNull()


def test_a_tone_icon_without_a_tone_draws_nothing_until_given_one(qtbot: Any) -> None:
    from desktop.gui.widgets import ToneIcon

    icon = ToneIcon(None, 20)
    qtbot.addWidget(icon)
    assert icon.pixmap().isNull()
    icon.set_tone(Tone.ERROR)
    assert not icon.pixmap().isNull()
