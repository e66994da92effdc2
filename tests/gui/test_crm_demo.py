"""``i3sync --demo`` includes CRM.COM: the simulated CRM.COM is added when the tab is first
built, the tab is filled in for it, the demo password is in both notices, a login works, and
nothing of the demo is kept in the user's settings."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLabel

from desktop.core.paths import config_dir
from desktop.gui.crm.remembered import GROUP, PresetFields, SettingsFields, session_fields
from desktop.gui.demo import DemoSession, crm_demo_notice, demo_notice
from desktop.gui.window_state import FILE_NAME
from desktop.simulator.crm import DEMO_CRM_ORGANISATION, DEMO_CRM_PASSWORD, DEMO_CRM_USERNAME


def test_the_demo_fills_in_the_crm_tab_and_keeps_nothing(qtbot: Any) -> None:
    from desktop.gui.main_window import MainWindow

    with DemoSession() as demo:
        assert isinstance(session_fields(), PresetFields)
        window = MainWindow(demo.store, demo.vault, history=demo.history, warm_up=False)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: window.started)
        assert demo.crm is None  # nothing of CRM.COM before its tab is opened
        assert DEMO_CRM_PASSWORD in demo_notice() and "Demo mode" in demo_notice()

        window.add_crm_tab()
        panel = window.crm_panel
        assert panel is not None and demo.crm is not None
        assert panel.edits["url"].text() == demo.crm.base_url
        assert panel.edits["organisation"].text() == DEMO_CRM_ORGANISATION
        assert panel.edits["username"].text() == DEMO_CRM_USERNAME
        assert panel.edits["password"].text() == ""  # typed by the user, as the notice says
        notice = panel.findChild(QLabel, "crmPanelNotice")
        assert notice is not None and DEMO_CRM_PASSWORD in notice.text()
        assert notice.text() == crm_demo_notice()
        window.tabs.setCurrentWidget(panel)
        qtbot.waitUntil(notice.isVisible)

        panel.edits["password"].setText(DEMO_CRM_PASSWORD)
        with qtbot.waitSignal(panel.tokenObtained, timeout=5000):
            panel.get_button.click()
        assert panel.current_token() is not None
        window.close()
    assert isinstance(session_fields(), SettingsFields)
    path = config_dir() / FILE_NAME
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    assert GROUP not in text and DEMO_CRM_ORGANISATION not in text
