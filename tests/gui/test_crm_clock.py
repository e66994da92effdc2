"""The CRM.COM token's expiry time follows the window's locale, like the History tab's times."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import QLocale

from desktop.crm.display import validity_text
from desktop.crm.token import CrmToken
from desktop.gui.i18n import local_clock

NOON_LOCAL = datetime(2026, 12, 2, 14, 5).timestamp()


@pytest.mark.parametrize(("name", "shown"), [("en_US", "2:05\u202fPM"), ("de_DE", "14:05")])
def test_the_expiry_time_is_written_as_the_locale_writes_times(name: str, shown: str) -> None:
    QLocale.setDefault(QLocale(name))  # conftest's english_system puts the default back
    written = local_clock(NOON_LOCAL)
    assert written is not None
    assert written.replace(" ", "\u202f") == shown
    token = CrmToken("x" * 40, NOON_LOCAL - 60, NOON_LOCAL, from_jwt=True)
    line = validity_text(token, NOON_LOCAL - 30, clock=local_clock)
    assert line.endswith(f"(until {written}).")


@pytest.mark.parametrize("moment", [float("nan"), float("inf"), 1e308, -1e308])
def test_a_moment_qt_cannot_hold_is_none(moment: float) -> None:
    assert local_clock(moment) is None
