"""The window in Dutch and German: every visible text of the form, the sync view, a refusal, the
CRM.COM tab, the History tab and the profiles dialog, and the check's words about proxies and
certificates, are translated (vendor codes, addresses and names verbatim), and access keys stay
unique on each page, as they are in English."""

from __future__ import annotations

import datetime
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QLineEdit, QWidget

from desktop.core.cert_info import CertificateInfo
from desktop.core.proxy import WPAD, Route
from desktop.esws.check_steps import certificate_phrase, route_phrase
from desktop.gui import i18n
from tests.gui.conftest import PAGE_TIMEOUT_MS, fill_form
from tests.gui.test_keyboard_access_keys import clashes, unnamed_buttons

CATALOGUES = Path(__file__).resolve().parents[2] / "resources" / "i18n"
PAC_PROBLEM = "WPAD found no PAC file (the PAC server answered HTTP 404)"  # as core.pac says it


def english_sources(language: str) -> set[str]:
    """Every English source text whose translation differs (a text left as it is, such as
    "CRM.COM" or "Token", may rightly show in both languages)."""
    root = ET.parse(CATALOGUES / f"i3sync_{language}.ts").getroot()  # noqa: S314 - ours
    found: set[str] = set()
    for message in root.iter("message"):
        source = message.findtext("source") or ""
        if (message.findtext("translation") or "") != source:
            found.add(source)
    return found


def visible_texts(root: QWidget) -> list[str]:
    texts: list[str] = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts.append(widget.text())
        elif isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        texts.append(widget.toolTip())
    return [text for text in texts if text.strip()]


def untranslated(root: QWidget, language: str) -> list[str]:
    english = english_sources(language)
    return [text for text in visible_texts(root) if text in english]


@pytest.fixture(params=["nl", "de"])
def language(request: Any, qapp: Any) -> str:
    assert i18n.install(request.param) == request.param
    return request.param  # English again afterwards: conftest's english_system


def test_the_form_and_its_menus_are_translated_with_unique_access_keys(
    qtbot: Any, language: str, saved_profile: Any, make_window: Any
) -> None:
    window = make_window()
    assert untranslated(window, language) == []
    menus = [action.text() for action in window.menuBar().actions()]
    assert menus != ["&File", "&View", "&Help"]
    assert clashes(window) == {}
    assert unnamed_buttons(window) == []


def test_a_refusal_is_translated_and_keeps_the_vendor_code(
    qtbot: Any, language: str, simulator: Any, saved_profile: Any, make_window: Any
) -> None:
    window = make_window()
    fill_form(qtbot, window, password="not-the-password")
    with qtbot.waitSignal(window.sync_tab.fetcher.failed, timeout=PAGE_TIMEOUT_MS):
        window.sync_tab.form.syncButton.click()
    banner = window.sync_tab.form.errorBanner
    qtbot.waitUntil(banner.isVisible)
    shown = banner.accessibleDescription() or banner.accessibleName()
    text = " ".join(visible_texts(window.sync_tab)) + " " + shown
    assert "NO ADMIN FOUND BASED ON USERNAME AND PASSWORD" in text
    assert "The username or password is not correct" not in text
    assert "Error code:" not in text
    assert untranslated(window, language) == []


def test_the_sync_view_crm_and_history_tabs_are_translated(
    qtbot: Any, language: str, simulator: Any, saved_profile: Any, make_window: Any
) -> None:
    window = make_window()
    tab = window.sync_tab
    page = tab.ensure_sync_page()
    tab.setCurrentWidget(page)
    qtbot.waitUntil(page.backButton.isVisible)
    assert untranslated(window, language) == []
    assert clashes(window) == {}
    tab.back_to_form()

    window.tabs.setCurrentIndex(1)  # CRM.COM, built on first show
    qtbot.waitUntil(lambda: window.crm_panel is not None and window.crm_panel.isVisible())
    assert untranslated(window, language) == []
    assert clashes(window) == {}

    window.tabs.setCurrentIndex(window.tabs.count() - 1)  # History
    qtbot.waitUntil(lambda: window.history_tab is not None and window.history_tab.isVisible())
    assert untranslated(window, language) == []
    assert clashes(window) == {}


def test_the_profiles_dialog_is_translated(
    qtbot: Any, language: str, saved_profile: Any, make_window: Any
) -> None:
    window = make_window()
    window.sync_tab.manage_profiles()
    dialog = window.sync_tab.profile_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert untranslated(dialog, language) == []
    dialog.reject()


def test_the_detector_finds_english_when_no_catalogue_is_installed(
    qtbot: Any, saved_profile: Any, make_window: Any
) -> None:
    i18n.install("en")
    window = make_window()
    found = untranslated(window, "nl")
    assert "&Sync" in found and "Pass&word:" in found


def test_the_checks_route_and_certificate_are_told_in_the_language_around_verbatim_names(
    language: str,
) -> None:
    """What the connection check says about a proxy, a PAC file and a certificate: the words
    are translated, the addresses and certificate names are not."""
    expires = datetime.datetime.now(datetime.UTC) + datetime.timedelta(days=40, hours=1)
    certificate = CertificateInfo("CN=esws.example", "CN=Corp CA, O=Corp", expires)
    routes = [
        Route("http://p.corp:8080", pac="http://pac.corp/proxy.pac"),
        Route(None, pac=WPAD, warning=PAC_PROBLEM),
        Route(None, pac="http://pac.corp/proxy.pac"),
        Route("http://p.corp:8080"),
    ]
    phrases = [certificate_phrase(certificate), *(route_phrase(route) for route in routes)]
    english = [phrase.text() for phrase in phrases]
    shown = [phrase.text(i18n.translate_marked) for phrase in phrases]
    words = {"nl": ("verloopt over 40 dagen", "via de proxy"), "de": ("40 Tagen", "über den Proxy")}
    assert words[language][0] in shown[0]
    assert words[language][1] in shown[1]
    for text, original in zip(shown, english, strict=True):
        assert text != original
        # Why the PAC file failed is core's English, shown verbatim (a known limit): not checked.
        words = text.replace(f"({PAC_PROBLEM})", "")
        for english_word in ("through", "expires", "chosen", "could not", "says", "issuer"):
            assert english_word not in words
    for name in ("CN=esws.example", "CN=Corp CA, O=Corp", "http://p.corp:8080"):
        assert name in shown[0] + shown[1]
    assert "http://pac.corp/proxy.pac" in shown[1] and f"({PAC_PROBLEM})" in shown[2]
