"""Messages stay legible on a light and on a dark palette (as Windows dark mode gives): the text
contrast of banners, field errors, help captions and the CRM.COM error is at least 4.5:1, computed
from the colours the widgets actually have, and follows a change of palette while shown."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from desktop.core.vault import SecretStore
from desktop.crm.client import CrmClient
from desktop.gui.crm.panel import CrmPanel
from desktop.gui.palette import MIN_CONTRAST, Role, contrast, luminance, readable
from desktop.gui.widgets import Banner, InlineError, Tone, caption, set_text_role

# The colours a light system theme and a dark one (Windows dark mode) give the window.
LIGHT = {"window": "#f0f0f0", "text": "#000000", "base": "#ffffff"}
DARK = {"window": "#202020", "text": "#ffffff", "base": "#2b2b2b"}


def make_palette(colours: dict[str, str]) -> QPalette:
    """A palette of these colours: window, base and text, and buttons when given a "button"
    colour (their text then is "text" too)."""
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, QColor(colours["window"]))
    palette.setColor(QPalette.ColorRole.WindowText, QColor(colours["text"]))
    palette.setColor(QPalette.ColorRole.Base, QColor(colours["base"]))
    palette.setColor(QPalette.ColorRole.Text, QColor(colours["text"]))
    if "button" in colours:
        palette.setColor(QPalette.ColorRole.Button, QColor(colours["button"]))
        palette.setColor(QPalette.ColorRole.ButtonText, QColor(colours["text"]))
    return palette


@pytest.fixture
def app_palette(qapp: QApplication) -> Iterator[QApplication]:
    before = QApplication.palette()
    yield qapp
    QApplication.setPalette(before)


def shown_contrast(label: QLabel) -> float:
    """The label's text colour against the background it is drawn on (its palette's window)."""
    palette = label.palette()
    return contrast(palette.color(label.foregroundRole()), palette.color(label.backgroundRole()))


def build(qtbot: QtBot) -> tuple[QWidget, list[QLabel], list[Banner]]:
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    error = InlineError("fieldError", window)
    error.set_problem("The security code must be exactly 32 characters, got 33.")
    help_text = caption("The 32-character code Identysoft gave your company.", window)
    labels: list[QLabel] = [error, help_text]
    banners = []
    for tone in Tone:
        banner = Banner(f"{tone.value}Label", window)
        banner.show_message(f"<b>A {tone.value} message</b><br>What to do.", tone)
        banners.append(banner)
        layout.addWidget(banner)
    for label in labels:
        layout.addWidget(label)
    window.show()
    qtbot.waitExposed(window)
    return window, labels, banners


@pytest.mark.parametrize("colours", [LIGHT, DARK], ids=["light", "dark"])
def test_messages_keep_4_5_to_1_on_light_and_dark(
    qtbot: QtBot, app_palette: QApplication, colours: dict[str, str]
) -> None:
    QApplication.setPalette(make_palette(colours))
    _window, labels, banners = build(qtbot)
    window_colour = QColor(colours["window"])
    for label in labels:
        assert label.palette().color(label.backgroundRole()) == window_colour
        assert shown_contrast(label) >= MIN_CONTRAST, label.objectName()
    for banner in banners:
        assert shown_contrast(banner.label) >= MIN_CONTRAST, banner.objectName()
        # The banner paints its tint itself: the label is drawn on exactly that colour.
        tint = banner.palette().color(banner.backgroundRole())
        assert banner.autoFillBackground()
        assert banner.label.palette().color(banner.label.backgroundRole()) == tint
        drawn = banner.grab().toImage().pixelColor(banner.width() // 2, 4)
        assert contrast(drawn, tint) < 1.1  # what is painted is the tint measured
        # Still a tint of the window: dark on dark, light on light.
        assert (luminance(tint) < 0.2) == (colours is DARK)


def test_a_change_of_palette_while_shown_is_followed(
    qtbot: QtBot, app_palette: QApplication
) -> None:
    QApplication.setPalette(make_palette(LIGHT))
    _window, labels, banners = build(qtbot)
    light_error = labels[0].palette().color(labels[0].foregroundRole())
    QApplication.setPalette(make_palette(DARK))  # Windows switched to dark mode
    dark = QColor(DARK["window"])
    qtbot.waitUntil(lambda: labels[0].palette().color(QPalette.ColorRole.Window) == dark)
    for label in [*labels, *(banner.label for banner in banners)]:
        assert shown_contrast(label) >= MIN_CONTRAST, label.objectName()
    assert labels[0].palette().color(labels[0].foregroundRole()) != light_error


@pytest.mark.parametrize("colours", [LIGHT, DARK], ids=["light", "dark"])
def test_the_crm_error_line_is_legible(
    qtbot: QtBot, app_palette: QApplication, secret_store: SecretStore, colours: dict[str, str]
) -> None:
    QApplication.setPalette(make_palette(colours))
    panel = CrmPanel(lambda url: CrmClient(url), secret_store)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.vaultChecked, timeout=5000):
        pass
    panel.show()
    qtbot.waitExposed(panel)
    panel.get_token()  # an empty form: the error line says what to fill in
    assert panel.error_label.text()
    assert shown_contrast(panel.error_label) >= MIN_CONTRAST
    panel.shutdown()


def test_the_fixed_colours_of_before_fail_on_dark_and_readable_fixes_them() -> None:
    dark = QColor(DARK["window"])
    before = {"field error": "#b3261e", "help": "#5f6b7a", "crm error": "#b00020"}
    measured = {name: contrast(QColor(colour), dark) for name, colour in before.items()}
    assert all(ratio < MIN_CONTRAST for ratio in measured.values()), measured
    for colour in before.values():
        assert contrast(readable(QColor(colour), dark), dark) >= MIN_CONTRAST


def test_set_text_role_works_for_any_label(qtbot: QtBot, app_palette: QApplication) -> None:
    QApplication.setPalette(make_palette(DARK))
    label = QLabel("Saved.")
    qtbot.addWidget(label)
    set_text_role(label, Role.WARNING)
    assert shown_contrast(label) >= MIN_CONTRAST
