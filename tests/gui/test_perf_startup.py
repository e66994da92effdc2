"""Start-up, as a real ``i3sync`` process, for ``--demo`` and for a first start (issue 13): what
is painted first is the form (or the welcome), and what is slow to import comes after the paint.

No timings are asserted (``bench/gui_ratios.py`` measures them): only what is loaded when.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop.gui import demo
from tests.gui.conftest import loaded_at_paint

# Slow to import, and not needed to show the form.
LATER = [
    "http.server",  # the demo's simulator
    "desktop.simulator.server",
    "desktop.simulator.crm",
    "lxml",
    "sqlite3",  # the history
    "keyring",
    "zeep",
    "PySide6.QtWebEngineWidgets",
    "desktop.gui.esws.check_view",  # only when I3's page fails
]


def test_demo_paints_its_filled_form_before_the_simulator_is_imported(
    subprocess_env: dict[str, str], shared_first_paint: Any
) -> None:
    report = shared_first_paint("demo", subprocess_env)
    assert report["shown"] == "form"
    assert loaded_at_paint(report, LATER) == []
    assert "Demo mode" in report["notice"] and demo.CRM_PASSWORD_SHOWN in report["notice"]
    assert "127.0.0.1:" in report["summary"]  # the simulator's address, from the first paint
    assert report["wsdl_status"] == 200  # and the simulator serves it once started


def test_a_first_start_paints_the_welcome_before_the_vault_is_looked_for(
    subprocess_env: dict[str, str], shared_first_paint: Any
) -> None:
    # keyring left to look for a vault by itself
    report = shared_first_paint("first start", subprocess_env)
    assert report["shown"] == "welcome"
    assert loaded_at_paint(report, LATER) == []


def test_the_demos_shown_constants_are_the_simulators() -> None:
    from desktop.simulator.crm import DEMO_CRM_PASSWORD
    from desktop.simulator.server import ESWS_PATH

    assert demo.ESWS_PATH == ESWS_PATH
    assert demo.CRM_PASSWORD_SHOWN == DEMO_CRM_PASSWORD


def test_a_request_sent_before_the_demo_simulator_starts_is_answered_once_it_does() -> None:
    import threading
    import urllib.request

    answers: list[int] = []

    def ask(url: str) -> None:
        with urllib.request.urlopen(url, timeout=20) as reply:
            answers.append(reply.status)

    with demo.DemoSession() as session:
        assert session.simulator is None
        saved = session.store.load().find(demo.DEMO_PROFILE)
        assert saved is not None and saved.esws_endpoint == session.esws_endpoint
        asking = threading.Thread(target=ask, args=(session.esws_endpoint + "?wsdl",))
        asking.start()
        simulator = session.start_simulator()
        asking.join(20)
        assert answers == [200]
        assert simulator.url == session.url
        assert session.start_simulator() is simulator  # started once


def test_a_history_given_as_a_function_is_made_after_the_first_paint(
    qtbot: Any, tmp_path: Path
) -> None:
    from desktop.core.history_store import HistoryStore
    from desktop.esws.profiles import ProfileStore
    from desktop.gui.main_window import MainWindow

    made: list[HistoryStore] = []

    def history() -> HistoryStore:
        made.append(HistoryStore(tmp_path / "history.sqlite3"))
        return made[-1]

    window = MainWindow(
        ProfileStore(tmp_path / "profiles.json"), demo.MemoryVault(), history=history, warm_up=False
    )
    qtbot.addWidget(window)
    assert made == [] and window.history is None
    assert window.tabs.count() == 3  # the History tab is there from the first paint
    with qtbot.waitSignal(window.ready):
        window.show()
    assert len(made) == 1
    assert window.history is made[0] and window.sync_tab.fetcher.history is made[0]
