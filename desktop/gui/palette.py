"""Colours for messages that stay legible on the palette in use (light, dark, Windows dark mode).

Every colour is derived from the widget's palette at the moment it is shown, and moved in
lightness until its text contrast against the actual background is at least
:data:`MIN_CONTRAST` (WCAG 2 AA for normal text, relative luminance as WCAG defines it).
"""

from __future__ import annotations

import enum

from PySide6.QtGui import QColor, QPalette

MIN_CONTRAST = 4.5


class Role(enum.Enum):
    """What a coloured text is for; each has a hue, made light or dark enough to read."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"
    MUTED = "muted"


_HUES = {
    Role.ERROR: QColor("#c5221f"),
    Role.WARNING: QColor("#b06000"),
    Role.INFO: QColor("#1a5fb4"),
}


def _channel(value: float) -> float:
    return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4


def luminance(colour: QColor) -> float:
    """WCAG relative luminance of ``colour`` (0 black, 1 white), from its 8-bit sRGB values."""
    red, green, blue = (_channel(c / 255) for c in (colour.red(), colour.green(), colour.blue()))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(one: QColor, other: QColor) -> float:
    """WCAG contrast ratio of two colours, from 1 (same) to 21 (black on white)."""
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def is_dark(background: QColor) -> bool:
    """True when text on ``background`` must be light (black has less contrast than white)."""
    return contrast(background, QColor("black")) < contrast(background, QColor("white"))


def mix(one: QColor, other: QColor, amount: float) -> QColor:
    """``one`` moved ``amount`` (0 to 1) of the way towards ``other``."""
    return QColor.fromRgbF(
        one.redF() + (other.redF() - one.redF()) * amount,
        one.greenF() + (other.greenF() - one.greenF()) * amount,
        one.blueF() + (other.blueF() - one.blueF()) * amount,
    )


def readable(wanted: QColor, background: QColor, minimum: float = MIN_CONTRAST) -> QColor:
    """``wanted``, or the nearest colour of its hue (darker on light, lighter on dark) that has
    at least ``minimum`` contrast against ``background``; black or white as a last resort."""
    towards = QColor("white") if is_dark(background) else QColor("black")
    for step in range(21):
        candidate = mix(wanted, towards, step / 20)
        # Checked on the 8-bit colour that will be drawn, so rounding cannot spoil the ratio.
        candidate = QColor(candidate.rgb())
        if contrast(candidate, background) >= minimum:
            return candidate
    return towards


def text_colour(role: Role, palette: QPalette) -> QColor:
    """The colour for ``role``'s text on the palette's window background."""
    background = palette.color(QPalette.ColorRole.Window)
    if role is Role.MUTED:
        wanted = mix(palette.color(QPalette.ColorRole.WindowText), background, 0.35)
    else:
        wanted = _HUES[role]
        if is_dark(background):
            wanted = mix(wanted, QColor("white"), 0.35)  # a lighter red on dark reads better
    return readable(wanted, background)


def banner_colours(role: Role, palette: QPalette) -> tuple[QColor, QColor, QColor]:
    """Background, border and text of a message banner tinted for ``role`` on ``palette``."""
    window = palette.color(QPalette.ColorRole.Window)
    hue = _HUES.get(role, _HUES[Role.INFO])
    dark = is_dark(window)
    background = QColor(mix(window, hue, 0.22 if dark else 0.1).rgb())
    border = QColor(mix(window, hue, 0.6 if dark else 0.4).rgb())
    wanted = (
        palette.color(QPalette.ColorRole.WindowText) if dark else mix(hue, QColor("black"), 0.4)
    )
    return background, border, readable(wanted, background)
