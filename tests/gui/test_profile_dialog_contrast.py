"""The profiles dialog stays legible on a light and on a dark palette (Windows dark mode): the
plain-http warning, a field's problem and the captions have at least 4.5:1 text contrast, measured
from the colours the widgets actually have, and follow a change of palette while shown."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from desktop.esws.profiles import FIELD_ESWS_ENDPOINT, Profile, ProfileStore
from desktop.gui.esws.profile_dialog import ProfileDialog
from desktop.gui.palette import MIN_CONTRAST, contrast
from tests.gui.conftest import open_profile_dialog, type_into
from tests.gui.test_contrast import DARK, LIGHT, app_palette, make_palette, shown_contrast

__all__ = ["app_palette"]  # the fixture, used by name

NAME = "Head office"
# The fixed colour the warning had before: 2.5:1 on the dark window.
OLD_WARNING_COLOUR = "#b3261e"


def open_dialog(qtbot: QtBot) -> ProfileDialog:
    ProfileStore().save(
        [Profile(name=NAME, esws_endpoint="https://esws.example.com/webservicesesws")], NAME
    )
    # Closed with edits at the end: nothing to ask.
    return open_profile_dialog(qtbot, NAME, confirm=lambda *args: True)


def messages_shown(qtbot: QtBot, dialog: ProfileDialog) -> list[QLabel]:
    """Type a plain-http address to another computer and a bad endpoint: warning and problem."""
    type_into(qtbot, dialog.i3Edit, "http://i3.example.com")
    warning = dialog.cleartextWarning
    assert warning.isVisible() and "sync link" in warning.text()
    type_into(qtbot, dialog.endpointEdit, "esws.example.com")  # no scheme: refused on Apply
    assert dialog.save() is False
    problem = dialog.errors[FIELD_ESWS_ENDPOINT]
    assert problem.isVisible()
    dialog.advanced.unfold()
    return [warning, problem, dialog.advanced.notice, dialog.fields.hostingCaption]


@pytest.mark.parametrize("colours", [LIGHT, DARK], ids=["light", "dark"])
def test_the_cleartext_warning_and_the_problems_keep_4_5_to_1(
    qtbot: QtBot, app_palette: QApplication, colours: dict[str, str]
) -> None:
    QApplication.setPalette(make_palette(colours))
    dialog = open_dialog(qtbot)
    window = QColor(colours["window"])
    for label in messages_shown(qtbot, dialog):
        assert label.isVisible(), label.objectName()
        assert label.palette().color(label.backgroundRole()) == window
        assert shown_contrast(label) >= MIN_CONTRAST, (label.objectName(), label.text())
    warning = dialog.cleartextWarning
    assert warning.styleSheet() == ""  # its colour is the palette's, not a fixed one
    # Still an error colour, not the plain text colour: reddish.
    colour = warning.palette().color(warning.foregroundRole())
    assert colour.red() > colour.green() and colour.red() > colour.blue()


def test_the_warning_follows_a_change_to_dark_while_shown(
    qtbot: QtBot, app_palette: QApplication
) -> None:
    QApplication.setPalette(make_palette(LIGHT))
    dialog = open_dialog(qtbot)
    shown = messages_shown(qtbot, dialog)
    warning = dialog.cleartextWarning
    light = warning.palette().color(warning.foregroundRole())
    QApplication.setPalette(make_palette(DARK))  # Windows switched to dark mode
    dark = QColor(DARK["window"])
    qtbot.waitUntil(lambda: warning.palette().color(QPalette.ColorRole.Window) == dark)
    for label in shown:
        assert shown_contrast(label) >= MIN_CONTRAST, label.objectName()
    assert warning.palette().color(warning.foregroundRole()) != light
    # What it replaced would not have been legible there.
    assert contrast(QColor(OLD_WARNING_COLOUR), dark) < MIN_CONTRAST
