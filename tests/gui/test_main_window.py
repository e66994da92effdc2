"""The window around the form: tabs, icon, title, closing."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSize, Qt


def test_tabs_put_i3_sync_first_and_build_crm_com_on_first_use(
    qtbot: Any, saved_profile: Any, make_window: Any
) -> None:
    window = make_window(history=None)  # no history: no History tab (see test_history_tab)
    tabs = window.tabs
    assert [tabs.tabText(i) for i in range(tabs.count())] == ["I3 sync", "CRM.COM"]
    assert tabs.currentWidget() is window.sync_tab
    assert window.crm_panel is None  # not loaded for a user who only syncs to I3

    qtbot.mouseClick(
        tabs.tabBar(), Qt.MouseButton.LeftButton, pos=tabs.tabBar().tabRect(1).center()
    )
    assert window.crm_panel is not None
    assert tabs.currentWidget() is window.crm_panel
    assert tabs.tabText(1) == "CRM.COM"


def test_window_has_a_title_and_a_sharp_icon_at_every_size(
    qtbot: Any, saved_profile: Any, make_window: Any
) -> None:
    window = make_window()
    assert window.windowTitle() == "I3 Sync Desktop"
    sizes = window.windowIcon().availableSizes()
    for size in (16, 32, 48, 256):
        assert QSize(size, size) in sizes


def test_closing_stops_the_crm_panel_too(qtbot: Any, saved_profile: Any, make_window: Any) -> None:
    window = make_window()
    window.add_crm_tab()
    assert window.tabs.currentWidget() is window.sync_tab  # building it did not switch tabs
    stopped: list[bool] = []
    window.crm_panel.shutdown = lambda: stopped.append(True)
    window.close()
    assert stopped == [True]


def test_labels_that_quote_a_server_or_the_profile_file_are_plain_text(
    qtbot: Any, saved_profile: Any, make_window: Any
) -> None:
    from desktop.gui.widgets import InlineError

    window = make_window()
    tab = window.sync_tab
    view = tab.ensure_sync_page()
    labels = [*window.findChildren(InlineError), tab.form.profileSummary, tab.form.statusLabel]
    labels += [view.failureTitle, view.failureText, view.titleLabel]
    for label in labels:
        label.setText('<a href="https://evil.example/">Log in again</a>')
        assert label.textFormat() == Qt.TextFormat.PlainText, label.objectName()


def test_the_history_tab_comes_last_and_is_built_on_first_use(
    qtbot: Any, saved_profile: Any, make_window: Any
) -> None:
    window = make_window()  # the default history: the user's (here the test's data folder)
    tabs = window.tabs
    assert [tabs.tabText(i) for i in range(tabs.count())] == ["I3 sync", "CRM.COM", "History"]
    assert window.history_tab is None  # nothing read until the admin looks
    window.add_history_tab()
    assert window.history_tab is not None and tabs.indexOf(window.history_tab) == 2
    assert tabs.currentWidget() is window.sync_tab  # building it did not switch tabs
    assert tabs.tabText(2) == "History"


def test_the_users_history_is_opened_after_the_first_paint(
    qtbot: Any, saved_profile: Any, profile_store: Any, secret_store: Any
) -> None:
    from desktop.core.history import default_path
    from desktop.gui.main_window import MainWindow

    window = MainWindow(profile_store, secret_store, warm_up=False)
    qtbot.addWidget(window, before_close_func=lambda w: w.close())
    assert window.history is None and window.sync_tab.fetcher.history is None
    with qtbot.waitSignal(window.ready, timeout=10_000):
        window.show()
    assert window.history is not None and window.history.path == default_path()
    assert window.sync_tab.fetcher.history is window.history
    assert not default_path().exists()  # made only when a request is recorded
