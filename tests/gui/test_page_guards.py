"""The embedded I3 page's guard rails, in the real QWebEngineView against the simulator:
navigation kept on I3's origin, popups inside the app, downloads asked about, unreachable pages
and untrusted certificates explained in the app."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices

from desktop.simulator.server import Reply, Simulator
from tests.gui.conftest import (
    PAGE_TIMEOUT_MS,
    fill_form,
    run_js,
    save_profile,
    sync_and_wait_for_page,
)
from tests.gui.tls_server import UntrustedHttps


class UrlRecorder(QObject):
    """Stands in for the system browser (QDesktopServices URL handler)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url.toString())


@pytest.fixture
def system_browser() -> Any:
    recorder = UrlRecorder()
    QDesktopServices.setUrlHandler("http", recorder, "open")
    yield recorder
    QDesktopServices.unsetUrlHandler("http")


def test_navigation_to_a_foreign_origin_is_blocked_and_offered_to_the_browser(
    qtbot: Any, simulator: Simulator, saved_profile: Any, make_window: Any, system_browser: Any
) -> None:
    hits: list[str] = []
    with Simulator() as foreign:
        foreign.add_route(
            "GET", "/", lambda m, target, h, b: hits.append(target) or Reply(200, "text/html", b"")
        )
        window = make_window()
        fill_form(qtbot, window)
        page = sync_and_wait_for_page(qtbot, window)
        i3_url = page.view.url().toString()

        with qtbot.waitSignal(page.navigationBlocked, timeout=PAGE_TIMEOUT_MS) as blocked:
            run_js(
                qtbot,
                page.view,
                f"var a=document.createElement('a');a.href='{foreign.url}/elsewhere';"
                "document.body.appendChild(a);a.click();true",
            )
        assert blocked.args == [foreign.url + "/elsewhere"]
        assert page.view.url().toString() == i3_url
        assert hits == []
        assert page.notice.isVisible()
        assert "only I3" in page.notice.label.text()
        buttons = {b.text(): b for b in page.notice.action_buttons()}
        qtbot.mouseClick(buttons["Open in browser"], Qt.MouseButton.LeftButton)
        assert system_browser.urls == [foreign.url + "/elsewhere"]

        # A server redirect out of I3 is blocked too, and not offered to the browser.
        simulator.add_route(
            "GET",
            "/away",
            lambda *a: Reply(302, "text/html", b"", {"Location": foreign.url + "/redirected"}),
        )
        with qtbot.waitSignal(page.navigationBlocked, timeout=PAGE_TIMEOUT_MS) as blocked:
            run_js(qtbot, page.view, "location.href='/away';true")
        assert blocked.args == [foreign.url + "/redirected"]
        assert [b.text() for b in page.notice.action_buttons()] == ["Dismiss"]
        assert hits == []


def test_popups_open_inside_the_app_and_close_with_the_session(
    qtbot: Any, simulator: Simulator, saved_profile: Any, make_window: Any
) -> None:
    from desktop.gui.esws.web_page import PopupWindow

    window = make_window()
    fill_form(qtbot, window)
    page = sync_and_wait_for_page(qtbot, window)
    run_js(qtbot, page.view, f"window.open('{simulator.url}/help', 'help');true")
    qtbot.waitUntil(lambda: bool(page.findChildren(PopupWindow)), timeout=PAGE_TIMEOUT_MS)
    popup = page.findChildren(PopupWindow)[0]
    qtbot.waitUntil(lambda: popup.view.url().toString() == simulator.url + "/help")
    assert popup.isVisible()
    assert popup.page.profile() is page.profile  # same private session

    page.backButton.click()
    assert page.findChildren(PopupWindow) == [] or not popup.isVisible()


def test_downloads_are_asked_about_and_refusing_saves_nothing(
    qtbot: Any, simulator: Simulator, saved_profile: Any, make_window: Any, tmp_path: Path
) -> None:
    simulator.add_route(
        "GET",
        "/export.csv",
        lambda *a: Reply(
            200,
            "text/csv",
            b"id,name\n42,Anna\n",
            {"Content-Disposition": "attachment; filename=staff.csv"},
        ),
    )
    window = make_window()
    fill_form(qtbot, window)
    page = sync_and_wait_for_page(qtbot, window)
    asked: list[tuple[str, str]] = []
    answers = [None, tmp_path / "chosen.csv"]

    def ask(parent: Any, name: str, host: str) -> Path | None:
        asked.append((name, host))
        return answers.pop(0)

    page.ask_download = ask
    run_js(qtbot, page.view, "location.href='/export.csv';true")
    qtbot.waitUntil(lambda: len(asked) == 1, timeout=PAGE_TIMEOUT_MS)
    assert asked[0][0] == "staff.csv"
    assert asked[0][1] == simulator.url.removeprefix("http://")
    assert list(tmp_path.glob("*.csv")) == []

    run_js(qtbot, page.view, "location.href='/export.csv';true")
    qtbot.waitUntil(lambda: (tmp_path / "chosen.csv").exists(), timeout=PAGE_TIMEOUT_MS)
    qtbot.waitUntil(lambda: "Saved" in page.notice.label.text(), timeout=PAGE_TIMEOUT_MS)
    assert (tmp_path / "chosen.csv").read_bytes() == b"id,name\n42,Anna\n"


@pytest.mark.parametrize("cloud", [False, True])
def test_unreachable_i3_page_is_explained_in_the_app(
    qtbot: Any, simulator: Simulator, closed_port: int, make_window: Any, cloud: bool
) -> None:
    save_profile(simulator, i3_base_url=f"http://127.0.0.1:{closed_port}", cloud=cloud)
    window = make_window()
    fill_form(qtbot, window)
    page = sync_and_wait_for_page(qtbot, window, loaded=False)

    assert page.stack.currentWidget() is page.failure
    assert f"127.0.0.1:{closed_port}" in page.failureTitle.text()
    text = page.failureText.text()
    if cloud:
        assert "EasyConnect cloud" in text and "no local API Agent" in text
    else:
        assert "same network as the company's API Agent / API Server" in text


def test_certificate_errors_are_refused_and_shown(
    qtbot: Any, simulator: Simulator, make_window: Any, tmp_path: Path
) -> None:
    with UntrustedHttps(tmp_path) as untrusted:
        save_profile(simulator, i3_base_url=untrusted.url)
        window = make_window()
        fill_form(qtbot, window)
        page = sync_and_wait_for_page(qtbot, window, loaded=False)

        assert page.stack.currentWidget() is page.failure
        assert "certificate is not trusted" in page.failureTitle.text()
        assert untrusted.paths == []  # the token never went to the untrusted server


def test_a_redirect_to_an_i3_host_the_profile_allows_is_followed(
    qtbot: Any, simulator: Simulator, make_window: Any
) -> None:
    from tests.gui.conftest import save_profile

    with Simulator() as other_i3:
        other_i3.add_route(
            "GET", "/landing", lambda *a: Reply(200, "text/html", b"<title>Other I3</title>ok")
        )
        save_profile(simulator, allowed_origins=(other_i3.url,))
        window = make_window()
        fill_form(qtbot, window)
        page = sync_and_wait_for_page(qtbot, window)
        simulator.add_route(
            "GET",
            "/moved",
            lambda *a: Reply(302, "text/html", b"", {"Location": other_i3.url + "/landing"}),
        )
        blocked: list[str] = []
        page.navigationBlocked.connect(blocked.append)
        with qtbot.waitSignal(page.pageLoaded, timeout=PAGE_TIMEOUT_MS) as loaded:
            page.view.load(QUrl(simulator.url + "/moved"))
        assert loaded.args == [True]
        assert page.view.url().toString() == other_i3.url + "/landing"
        assert blocked == []
