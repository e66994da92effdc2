"""The sync view's private browser profile is deleted after its pages, even when nobody calls
``shutdown()`` (Qt warns, and may crash, when a profile goes before its pages)."""

from __future__ import annotations

from typing import Any

import shiboken6

from desktop.simulator.server import Simulator
from tests.gui.conftest import PAGE_TIMEOUT_MS

RELEASE_WARNING = "Release of profile requested but WebEnginePage still not deleted"


def test_deleting_the_view_without_shutdown_deletes_pages_before_profiles(
    qtbot: Any, qtlog: Any, simulator: Simulator
) -> None:
    from desktop.gui.esws.sync_view import SyncView

    view = SyncView()
    view.prepare()  # a spare session as well as the current one
    with qtbot.waitSignal(view.pageLoaded, timeout=PAGE_TIMEOUT_MS):
        view.open(simulator.url + "/", simulator.url, cloud=False)
    profile = view.profile
    assert profile is not None
    view.prepare()
    with qtbot.waitSignal(profile.destroyed, timeout=5000):
        shiboken6.delete(view)  # no shutdown(), no close_session()
    assert not [r for r in qtlog.records if RELEASE_WARNING in r.message]


def test_quitting_the_application_shuts_the_view_down(qtbot: Any, simulator: Simulator) -> None:
    from PySide6.QtCore import QCoreApplication

    from desktop.gui.esws.sync_view import SyncView

    view = SyncView()
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.pageLoaded, timeout=PAGE_TIMEOUT_MS):
        view.open(simulator.url + "/", simulator.url, cloud=False)
    profile = view.profile
    assert profile is not None
    app = QCoreApplication.instance()
    assert app is not None
    with qtbot.waitSignal(profile.destroyed, timeout=5000):
        app.aboutToQuit.emit()  # what QApplication.exec() emits when the last window closed
    assert view.profile is None and view.view is None
