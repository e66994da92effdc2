"""The CRM.COM panel with pytest-qt against the simulator over real HTTP: validation, the three
login modes, refusals, the countdown and auto-renewal on a clock the test moves, Copy and its
clearing, the vault, and a clean stop while a request is in flight. No sleeps."""

from __future__ import annotations

import logging
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from desktop.core.http import Timeouts
from desktop.core.vault import SecretKind, SecretStore
from desktop.crm.client import CrmClient
from desktop.crm.credentials import LoginMode
from desktop.crm.display import TOKEN_PURPOSE
from desktop.gui.crm.panel import CrmPanel
from desktop.simulator.crm import (
    DEMO_CRM_AUTH_CODE,
    DEMO_CRM_IDENTIFIER,
    DEMO_CRM_ORGANISATION,
    DEMO_CRM_PASS_CODE,
    DEMO_CRM_PASSWORD,
    DEMO_CRM_USERNAME,
    CrmFault,
    CrmSimulator,
)
from tests.crm_support import T0, FakeClock
from tests.fault_servers import canned_server, closed_port_url, silent_server
from tests.gui.conftest import LIFETIME  # the lifetime of the crm fixture's tokens

PROFILE = "crm:" + DEMO_CRM_ORGANISATION
OBJECT_NAMES = {
    QLineEdit: (
        "crmUrlEdit",
        "crmOrganisationEdit",
        "crmUnitEdit",
        "crmUsernameEdit",
        "crmPasswordEdit",
        "crmIdentifierEdit",
        "crmPassCodeEdit",
        "crmAuthCodeEdit",
    ),
    QComboBox: ("crmModeCombo",),
    QPushButton: ("crmGetTokenButton", "crmCopyButton"),
    QCheckBox: ("crmAutoRenewCheck",),
    QLabel: ("crmValidityLabel", "crmErrorLabel"),
}


def make_panel(
    qtbot: QtBot, clock: FakeClock, store: SecretStore, read_timeout: float = 2
) -> CrmPanel:
    def factory(url: str) -> CrmClient:
        return CrmClient(url, clock=clock, timeouts=Timeouts(connect=2, read=read_timeout))

    panel = CrmPanel(factory, store, clock, tick_ms=20, clipboard_clear_ms=150)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.vaultChecked, timeout=5000):
        pass  # the vault is asked off the GUI thread
    panel.show()
    qtbot.waitExposed(panel)
    return panel


@pytest.fixture
def panel(qtbot: QtBot, clock: FakeClock, secret_store: SecretStore) -> CrmPanel:
    """A shown panel on the test's clock, ticking every 20 ms, clearing the clipboard in 150 ms;
    ``secret_store`` (tests/gui/conftest.py) is the real vault module on the in-memory keyring."""
    return make_panel(qtbot, clock, secret_store)


def edit(panel: CrmPanel, name: str) -> QLineEdit:
    widget = panel.findChild(QLineEdit, name)
    assert widget is not None
    return widget


def label(panel: CrmPanel, name: str) -> str:
    widget = panel.findChild(QLabel, name)
    assert widget is not None
    return widget.text()


def choose(panel: CrmPanel, mode: LoginMode) -> None:
    combo = panel.findChild(QComboBox, "crmModeCombo")
    assert combo is not None
    combo.setCurrentIndex(combo.findData(mode.value))


def fill(
    panel: CrmPanel, crm_url: str, mode: LoginMode = LoginMode.USERNAME, **secret: str
) -> None:
    edit(panel, "crmUrlEdit").setText(crm_url)
    edit(panel, "crmOrganisationEdit").setText(DEMO_CRM_ORGANISATION)
    choose(panel, mode)
    edit(panel, "crmUsernameEdit").setText(DEMO_CRM_USERNAME)
    edit(panel, "crmPasswordEdit").setText(secret.get("password", DEMO_CRM_PASSWORD))
    edit(panel, "crmIdentifierEdit").setText(DEMO_CRM_IDENTIFIER)
    edit(panel, "crmPassCodeEdit").setText(secret.get("pass_code", DEMO_CRM_PASS_CODE))
    edit(panel, "crmAuthCodeEdit").setText(secret.get("auth_code", DEMO_CRM_AUTH_CODE))


def click(qtbot: QtBot, panel: CrmPanel, name: str) -> None:
    button = panel.findChild(QPushButton, name)
    assert button is not None and button.isEnabled()
    button.click()


def get_token(qtbot: QtBot, panel: CrmPanel) -> str:
    with qtbot.waitSignal(panel.tokenObtained, timeout=5000):
        click(qtbot, panel, "crmGetTokenButton")
    qtbot.waitUntil(lambda: not panel.is_busy())
    token = panel.current_token()
    assert token is not None
    return token.value


def all_texts(panel: CrmPanel) -> str:
    labels = [w.text() for w in panel.findChildren(QLabel)]
    return "\n".join(labels + [w.toolTip() for w in panel.findChildren(QPushButton)])


def test_widgets_have_their_object_names(panel: CrmPanel) -> None:
    for kind, names in OBJECT_NAMES.items():
        for name in names:
            assert panel.findChild(kind, name) is not None, name


def test_only_the_chosen_login_modes_fields_are_shown(panel: CrmPanel) -> None:
    names = ("crmUsernameEdit", "crmPasswordEdit", "crmIdentifierEdit", "crmPassCodeEdit")
    names += ("crmAuthCodeEdit",)
    visible = {}
    for mode in LoginMode:
        choose(panel, mode)
        visible[mode] = {name for name in names if edit(panel, name).isVisible()}
    assert visible == {
        LoginMode.USERNAME: {"crmUsernameEdit", "crmPasswordEdit"},
        LoginMode.IDENTIFIER: {"crmIdentifierEdit", "crmPassCodeEdit"},
        LoginMode.AUTH_CODE: {"crmAuthCodeEdit"},
    }


def test_the_form_is_checked_before_anything_is_sent(
    qtbot: QtBot, panel: CrmPanel, crm: CrmSimulator
) -> None:
    choose(panel, LoginMode.IDENTIFIER)
    edit(panel, "crmUrlEdit").setText("crm.example.com")
    edit(panel, "crmIdentifierEdit").setText(DEMO_CRM_IDENTIFIER)
    click(qtbot, panel, "crmGetTokenButton")
    error = label(panel, "crmErrorLabel")
    assert "CRM.COM address" in error and "organisation" in error and "pass code" in error
    assert "identifier:" not in error
    assert QApplication.focusWidget() is edit(panel, "crmUrlEdit")
    assert not panel.is_busy() and crm.calls == []


@pytest.mark.parametrize("mode", list(LoginMode))
def test_each_mode_gets_a_token_shown_masked_with_its_validity(
    qtbot: QtBot, panel: CrmPanel, crm: CrmSimulator, mode: LoginMode
) -> None:
    fill(panel, crm.base_url, mode)
    token = get_token(qtbot, panel)
    session = crm.session_for(token)
    server_mode = {
        LoginMode.USERNAME: "username",
        LoginMode.IDENTIFIER: "identifier",
        LoginMode.AUTH_CODE: "authentication_code",
    }
    assert session is not None and session.mode == server_mode[mode]
    validity = label(panel, "crmValidityLabel")
    assert validity.startswith(f"Token ••••{token[-4:]} valid for 1:00 (until ")
    assert token not in all_texts(panel)
    assert label(panel, "crmErrorLabel") == ""


def test_the_secret_goes_to_the_vault_and_comes_back(
    qtbot: QtBot, clock: FakeClock, crm: CrmSimulator, secret_store: SecretStore
) -> None:
    store = secret_store
    panel = make_panel(qtbot, clock, store)
    fill(panel, crm.base_url, LoginMode.IDENTIFIER)
    panel.remember_check.setChecked(True)  # off by default: the user asks to remember
    with qtbot.waitSignal(panel.vaultChanged, timeout=5000):
        get_token(qtbot, panel)
    assert store.load(PROFILE, SecretKind.CRM_PASS_CODE) == DEMO_CRM_PASS_CODE
    assert store.load(PROFILE, SecretKind.CRM_PASSWORD) is None  # only the mode's secret
    assert "pass code is saved in" in label(panel, "crmNoticeLabel")

    # Another panel: typing the organisation (and leaving the field) fills the saved secret in.
    other = make_panel(qtbot, clock, store)
    remember = other.findChild(QCheckBox, "crmRememberCheck")
    assert remember is not None and remember.isEnabled() and not remember.isChecked()
    choose(other, LoginMode.IDENTIFIER)
    organisation = edit(other, "crmOrganisationEdit")
    with qtbot.waitSignal(other.secretsLoaded, timeout=5000):
        organisation.setText(DEMO_CRM_ORGANISATION)
        organisation.editingFinished.emit()
    assert remember.isChecked()  # a remembered secret: unticking the box forgets it
    assert edit(other, "crmPassCodeEdit").text() == DEMO_CRM_PASS_CODE
    assert edit(other, "crmPasswordEdit").text() == ""

    with qtbot.waitSignal(other.vaultChanged, timeout=5000):
        remember.setChecked(False)
    assert store.load(PROFILE, SecretKind.CRM_PASS_CODE) is None
    assert "removed" in label(other, "crmNoticeLabel")


def test_a_wrong_pass_code_shows_the_status_code_and_saves_nothing(
    qtbot: QtBot, panel: CrmPanel, crm: CrmSimulator, secret_store: SecretStore
) -> None:
    fill(panel, crm.base_url, LoginMode.IDENTIFIER, pass_code="0000-wrong")
    with qtbot.waitSignal(panel.fetchFailed, timeout=5000) as failed:
        click(qtbot, panel, "crmGetTokenButton")
    assert failed.args is not None
    # In plain words first; CRM.COM's code verbatim on its own "Error code:" line, for support.
    lines = failed.args[0].splitlines()
    assert lines[0] == "CRM.COM did not accept the access token"
    assert lines[-1] == "Error code: INVALID_ACCESS_TOKEN"
    assert label(panel, "crmErrorLabel") == failed.args[0]
    assert "0000-wrong" not in all_texts(panel)
    qtbot.waitUntil(lambda: not panel.is_busy())
    assert QApplication.focusWidget() is edit(panel, "crmPassCodeEdit")
    assert secret_store.load(PROFILE, SecretKind.CRM_PASS_CODE) is None
    assert label(panel, "crmValidityLabel") == "No token yet."


def test_a_server_that_is_not_there_is_named(qtbot: QtBot, panel: CrmPanel) -> None:
    url = closed_port_url() + "/crm"
    fill(panel, url, LoginMode.AUTH_CODE)
    with qtbot.waitSignal(panel.fetchFailed, timeout=5000):
        click(qtbot, panel, "crmGetTokenButton")
    host = url.split("//", 1)[1].split("/", 1)[0]
    assert label(panel, "crmErrorLabel").splitlines() == [
        f"Nothing answered at {host}",
        "Check the CRM.COM address, and that this computer can reach it.",
        "Details: connection refused",
    ]


def test_countdown_and_auto_renew_ahead_of_expiry(
    qtbot: QtBot, panel: CrmPanel, crm: CrmSimulator, clock: FakeClock
) -> None:
    fill(panel, crm.base_url)
    first = get_token(qtbot, panel)
    clock.now = T0 + 15
    qtbot.waitUntil(lambda: "valid for 0:45" in label(panel, "crmValidityLabel"))
    clock.now = T0 + 47  # renewal is due at 48 s of a 60 s life
    qtbot.waitUntil(lambda: "valid for 0:13" in label(panel, "crmValidityLabel"))
    assert crm.tokens_issued == 1
    with qtbot.waitSignal(panel.tokenObtained, timeout=5000):
        clock.now = T0 + 48
    current = panel.current_token()
    assert current is not None and current.value != first
    assert crm.tokens_issued == 2
    qtbot.waitUntil(lambda: "valid for 1:00" in label(panel, "crmValidityLabel"))
    assert first[-4:] not in label(panel, "crmValidityLabel")


def test_without_auto_renew_the_token_expires(
    qtbot: QtBot, panel: CrmPanel, crm: CrmSimulator, clock: FakeClock
) -> None:
    fill(panel, crm.base_url, LoginMode.AUTH_CODE)
    get_token(qtbot, panel)
    auto = panel.findChild(QCheckBox, "crmAutoRenewCheck")
    assert auto is not None
    auto.setChecked(False)
    clock.now = T0 + LIFETIME
    qtbot.waitUntil(lambda: "expired at" in label(panel, "crmValidityLabel"))
    copy = panel.findChild(QPushButton, "crmCopyButton")
    assert copy is not None and not copy.isEnabled()
    assert panel.current_token() is None and crm.tokens_issued == 1


def test_copy_puts_the_token_on_the_clipboard_and_takes_it_off_again(
    qtbot: QtBot, panel: CrmPanel, crm: CrmSimulator
) -> None:
    fill(panel, crm.base_url)
    token = get_token(qtbot, panel)
    clipboard = QGuiApplication.clipboard()
    with qtbot.waitSignal(panel.clipboardChecked, timeout=3000) as checked:
        click(qtbot, panel, "crmCopyButton")
        assert clipboard.text() == token
    assert checked.args == [True]
    assert clipboard.text() == ""


def test_copy_leaves_what_the_user_copied_since(
    qtbot: QtBot, panel: CrmPanel, crm: CrmSimulator
) -> None:
    fill(panel, crm.base_url)
    get_token(qtbot, panel)
    clipboard = QGuiApplication.clipboard()
    with qtbot.waitSignal(panel.clipboardChecked, timeout=3000) as checked:
        click(qtbot, panel, "crmCopyButton")
        clipboard.setText("the user's own text")
    assert checked.args == [False]
    assert clipboard.text() == "the user's own text"


def test_closing_during_a_request_stops_the_worker_at_once(
    qtbot: QtBot, clock: FakeClock, secret_store: SecretStore
) -> None:
    panel = make_panel(qtbot, clock, secret_store, read_timeout=30)
    connected = threading.Event()
    with silent_server(connected) as url:
        fill(panel, url + "/crm")
        with qtbot.waitSignal(panel.busyChanged, timeout=2000):
            click(qtbot, panel, "crmGetTokenButton")
        qtbot.waitUntil(connected.is_set, timeout=5000)
        worker = next(t for t in threading.enumerate() if t.name.startswith("i3sync-crm"))
        assert worker.daemon  # a stuck call can never hold the process at exit
        start = time.monotonic()
        panel.close()
        elapsed = time.monotonic() - start
        # The cancel closes the socket: the call ends by itself, nobody waited for it.
        qtbot.waitUntil(lambda: not worker.is_alive(), timeout=5000)
    assert elapsed < 3  # a bound, not a measurement: waiting for the call would take 30 s
    assert panel.current_token() is None
    assert not panel.is_busy()


def test_no_token_or_secret_reaches_the_log(
    qtbot: QtBot, panel: CrmPanel, crm: CrmSimulator, clock: FakeClock, log_file: Path
) -> None:
    fill(panel, crm.base_url)
    first = get_token(qtbot, panel)
    click(qtbot, panel, "crmCopyButton")
    with qtbot.waitSignal(panel.tokenObtained, timeout=5000):
        clock.now = T0 + 50  # auto-renewal
    second = get_token(qtbot, panel)  # and on demand
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = log_file.read_text(encoding="utf-8")
    assert "CRM.COM token obtained" in text
    for secret in (first, second, DEMO_CRM_PASSWORD):
        assert secret not in text


def test_a_failed_renewal_keeps_the_token_and_retries_later_not_in_a_loop(
    qtbot: QtBot, panel: CrmPanel, crm: CrmSimulator, clock: FakeClock
) -> None:
    fill(panel, crm.base_url, LoginMode.AUTH_CODE)
    first = get_token(qtbot, panel)
    crm.fault = CrmFault.BAD_GATEWAY
    with qtbot.waitSignal(panel.fetchFailed, timeout=5000) as failed:
        clock.now = T0 + 48
    assert failed.args is not None and "HTTP 502 Bad Gateway" in failed.args[0]
    assert failed.args[0].startswith("The server at 127.0.0.1:")
    current = panel.current_token()
    assert current is not None and current.value == first  # still valid for 12 s
    calls = len(crm.calls)
    clock.now = T0 + 60
    qtbot.waitUntil(lambda: "expired at" in label(panel, "crmValidityLabel"))
    assert len(crm.calls) == calls  # no retry before the retry delay
    crm.fault = CrmFault.NONE
    with qtbot.waitSignal(panel.tokenObtained, timeout=5000):
        clock.now = T0 + 48 + 30
    current = panel.current_token()
    assert current is not None and current.value != first
    assert label(panel, "crmErrorLabel") == ""


def test_a_code_holding_a_link_is_shown_as_plain_text_never_as_a_link(
    qtbot: QtBot, panel: CrmPanel
) -> None:
    hostile = (
        b'{"status": {"code": "<a href=\\"https://evil.example/\\">Log in again</a>",'
        b' "message": "<b>bold</b><img src=x>"}}'
    )
    with canned_server(200, "application/json", hostile) as url:
        fill(panel, url + "/crm", LoginMode.AUTH_CODE)
        with qtbot.waitSignal(panel.fetchFailed, timeout=5000):
            click(qtbot, panel, "crmGetTokenButton")
    error = panel.findChild(QLabel, "crmErrorLabel")
    assert error is not None
    assert "<a href=" in error.text()  # shown as the characters it is...
    assert error.textFormat() == Qt.TextFormat.PlainText  # ...never rendered as a link
    assert not error.openExternalLinks()
    for name in ("crmValidityLabel", "crmNoticeLabel", "crmErrorLabel"):
        shown = panel.findChild(QLabel, name)
        assert shown is not None and shown.textFormat() == Qt.TextFormat.PlainText, name


def test_an_expiry_past_year_9999_never_leaves_the_panel_stuck(
    qtbot: QtBot, panel: CrmPanel, crm_server: CrmSimulator, clock: FakeClock
) -> None:
    crm_server.reset(lifetime_seconds=400_000_000_000.0, jwt=True, clock=clock)  # year ~14700
    fill(panel, crm_server.base_url, LoginMode.AUTH_CODE)
    get_token(qtbot, panel)
    clock.now = T0 + 1
    # The countdown keeps ticking without an exception (pytest-qt fails on one in a slot).
    qtbot.waitUntil(lambda: "Getting a token" not in label(panel, "crmValidityLabel"))
    assert label(panel, "crmValidityLabel").startswith("Token ••••")
    assert not panel.is_busy() and panel.current_token() is not None


def test_remember_is_off_by_default_and_nothing_is_saved(
    qtbot: QtBot, panel: CrmPanel, crm: CrmSimulator, secret_store: SecretStore
) -> None:
    assert panel.remember_check.isEnabled() and not panel.remember_check.isChecked()
    fill(panel, crm.base_url, LoginMode.IDENTIFIER)
    get_token(qtbot, panel)
    assert secret_store.load(PROFILE, SecretKind.CRM_PASS_CODE) is None


@pytest.mark.parametrize("how", ["button", "escape"])
def test_cancel_or_esc_stops_a_request_with_the_form_locked_and_time_shown(
    qtbot: QtBot, panel: CrmPanel, how: str
) -> None:
    connected = threading.Event()
    with silent_server(connected) as url:
        fill(panel, url + "/crm")
        with qtbot.waitSignal(panel.busyChanged, timeout=2000):
            click(qtbot, panel, "crmGetTokenButton")
        qtbot.waitUntil(connected.is_set, timeout=5000)
        worker = next(t for t in threading.enumerate() if t.name.startswith("i3sync-crm-"))
        # Locked meanwhile: nothing to edit, no second Get, Cancel offered instead.
        assert not any(e.isEnabled() for e in panel.edits.values())
        assert not panel.mode_combo.isEnabled() and not panel.remember_check.isEnabled()
        assert not panel.get_button.isVisible()
        cancel = panel.findChild(QPushButton, "crmCancelButton")
        assert cancel is not None and cancel.isVisible() and cancel.isEnabled()
        # The time spent waiting is shown and counts up.
        qtbot.waitUntil(lambda: "Waited 1 s." in label(panel, "crmValidityLabel"), timeout=5000)
        with qtbot.waitSignal(panel.busyChanged, timeout=2000) as ended:
            if how == "button":
                cancel.click()
            else:
                qtbot.keyClick(cancel, Qt.Key.Key_Escape)
        assert ended.args == [False]
        # The cancel closed the socket: the call ends by itself.
        qtbot.waitUntil(lambda: not worker.is_alive(), timeout=5000)
    assert not panel.is_busy() and panel.current_token() is None
    assert label(panel, "crmErrorLabel").startswith("Cancelled")
    assert all(e.isEnabled() for e in panel.edits.values()) and panel.mode_combo.isEnabled()
    assert panel.get_button.isVisible() and panel.get_button.isEnabled()
    assert not cancel.isVisible()
    assert "(" not in label(panel, "crmValidityLabel")


def test_the_token_says_whose_it_is_and_what_it_is_for(
    qtbot: QtBot, panel: CrmPanel, crm: CrmSimulator
) -> None:
    assert not panel.owner_label.isVisible()
    fill(panel, crm.base_url)
    get_token(qtbot, panel)
    owner = label(panel, "crmOwnerLabel")
    assert owner.startswith(f"Token for {DEMO_CRM_ORGANISATION} / {DEMO_CRM_USERNAME}.")
    # Then one sentence on what it is for.
    assert owner.endswith(TOKEN_PURPOSE) and TOKEN_PURPOSE.count(". ") == 0
    assert panel.owner_label.isVisible()


def test_a_failed_login_for_another_organisation_does_not_show_the_old_token(
    qtbot: QtBot, panel: CrmPanel, crm: CrmSimulator
) -> None:
    fill(panel, crm.base_url)
    get_token(qtbot, panel)
    # The same login failing (a mistyped password) keeps the token it already has.
    edit(panel, "crmPasswordEdit").setText("wrong-password")
    with qtbot.waitSignal(panel.fetchFailed, timeout=5000):
        click(qtbot, panel, "crmGetTokenButton")
    assert panel.current_token() is not None
    assert label(panel, "crmOwnerLabel").startswith(f"Token for {DEMO_CRM_ORGANISATION} /")

    edit(panel, "crmOrganisationEdit").setText("OTHERORG")
    with qtbot.waitSignal(panel.fetchFailed, timeout=5000):
        click(qtbot, panel, "crmGetTokenButton")
    assert panel.current_token() is None
    assert label(panel, "crmValidityLabel") == "No token yet."
    assert not panel.owner_label.isVisible() and label(panel, "crmOwnerLabel") == ""
    assert not panel.copy_button.isEnabled()
    assert f"token for {DEMO_CRM_ORGANISATION}" in label(panel, "crmNoticeLabel")


def test_access_keys_are_unique(panel: CrmPanel) -> None:
    texts = [b.text() for b in panel.findChildren(QPushButton)]
    texts += [panel.remember_check.text(), panel.auto_renew_check.text()]
    texts += [label.text() for label in panel.form.labels.values()]
    keys = [t[t.index("&") + 1].lower() for t in texts if "&" in t]
    assert len(keys) == len(set(keys)), keys
    assert len(keys) == len(texts)  # every button, box and label has one
