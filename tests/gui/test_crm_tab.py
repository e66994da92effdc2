"""The CRM.COM tab as an HR administrator meets it: its fields kept between runs (never a
secret), the I3 tab's layout with a label column that stays put, unique access keys, labelled
inputs, errors a screen reader announces, and every text through the translator."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from desktop.core.paths import config_dir
from desktop.core.vault import SecretStore
from desktop.crm.credentials import LoginMode
from desktop.gui.crm.panel import CrmPanel
from desktop.gui.crm.remembered import GROUP, KEPT_KEYS, SettingsFields, session_fields
from desktop.gui.window_state import FILE_NAME
from desktop.simulator.crm import (
    DEMO_CRM_AUTH_CODE,
    DEMO_CRM_ORGANISATION,
    DEMO_CRM_PASS_CODE,
    DEMO_CRM_PASSWORD,
    DEMO_CRM_USERNAME,
    CrmSimulator,
)
from tests.crm_support import FakeClock
from tests.gui.catalogues import OPEN, MarkingCatalogue, installed
from tests.gui.test_crm_panel import choose, edit, fill, get_token, label, make_panel

UNIT = "EE63A82C4FEBE02FF34E90DD1EBA5ABE"


def ini_text() -> str:
    path = config_dir() / FILE_NAME
    return path.read_text(encoding="utf-8") if path.exists() else ""


# -- 1. remembered fields --------------------------------------------------------------------


def test_the_fields_come_back_in_a_new_panel_and_no_secret_is_kept(
    qtbot: QtBot, clock: FakeClock, crm: CrmSimulator, secret_store: SecretStore
) -> None:
    assert isinstance(session_fields(), SettingsFields)  # the user's settings, not a preset
    first = make_panel(qtbot, clock, secret_store)
    fill(first, crm.base_url)
    edit(first, "crmUnitEdit").setText(UNIT)
    get_token(qtbot, first)  # a login that worked: its fields are kept
    choose(first, LoginMode.IDENTIFIER)
    first.close()  # and the mode chosen last, on closing

    store = QSettings(str(config_dir() / FILE_NAME), QSettings.Format.IniFormat)
    store.beginGroup(GROUP)
    assert set(store.childKeys()) == set(KEPT_KEYS)
    text = ini_text()
    for secret in (DEMO_CRM_PASSWORD, DEMO_CRM_PASS_CODE, DEMO_CRM_AUTH_CODE):
        assert secret not in text
    assert "password" not in text.lower() and "code" not in text.lower()

    second = make_panel(qtbot, clock, secret_store)
    assert edit(second, "crmUrlEdit").text() == crm.base_url
    assert edit(second, "crmOrganisationEdit").text() == DEMO_CRM_ORGANISATION
    assert edit(second, "crmUnitEdit").text() == UNIT
    assert edit(second, "crmUsernameEdit").text() == DEMO_CRM_USERNAME
    assert second.mode() is LoginMode.IDENTIFIER
    for name in ("crmPasswordEdit", "crmPassCodeEdit", "crmAuthCodeEdit", "crmIdentifierEdit"):
        assert edit(second, name).text() == "", name
    assert not second.remember_check.isChecked()  # the vault stays off by default


def test_a_damaged_settings_value_is_ignored(
    qtbot: QtBot, clock: FakeClock, secret_store: SecretStore
) -> None:
    store = QSettings(str(config_dir() / FILE_NAME), QSettings.Format.IniFormat)
    store.setValue(f"{GROUP}/mode", "no-such-mode")
    store.setValue(f"{GROUP}/organisation", "x" * 5000)
    store.setValue(f"{GROUP}/password", "should never be read")
    store.sync()
    panel = make_panel(qtbot, clock, secret_store)
    assert panel.mode() is LoginMode.USERNAME
    assert edit(panel, "crmOrganisationEdit").text() == ""
    assert edit(panel, "crmPasswordEdit").text() == ""


# -- 2. layout --------------------------------------------------------------------------------


def field_x(panel: CrmPanel, widget: QWidget) -> int:
    return widget.mapTo(panel, widget.rect().topLeft()).x()


def test_the_field_column_stays_put_in_every_login_mode(
    qtbot: QtBot, clock: FakeClock, secret_store: SecretStore
) -> None:
    panel = make_panel(qtbot, clock, secret_store)
    panel.resize(800, 700)
    xs: set[int] = set()
    for mode in [*LoginMode, LoginMode.USERNAME]:
        choose(panel, mode)
        qtbot.waitUntil(lambda: panel.form.sign_in.geometry().isValid())
        QCoreApplication.processEvents()
        shown = [e for e in panel.edits.values() if e.isVisible()]
        assert len(shown) >= 4
        xs |= {field_x(panel, e) for e in shown} | {field_x(panel, panel.mode_combo)}
    assert len(xs) == 1, xs


def test_the_sections_are_headed_as_on_the_i3_tab(
    qtbot: QtBot, clock: FakeClock, secret_store: SecretStore
) -> None:
    panel = make_panel(qtbot, clock, secret_store)
    headings = [
        w.text() for w in panel.findChildren(QLabel) if w.font().bold() and w.buddy() is None
    ]
    assert headings[:3] == ["Connection", "Sign in to CRM.COM", "Token"]
    heading = next(w for w in panel.findChildren(QLabel) if w.text() == "Connection")
    url = edit(panel, "crmUrlEdit")
    assert heading.mapTo(panel, heading.rect().topLeft()).y() < url.mapTo(panel, url.pos()).y()


# -- 6. accessibility -------------------------------------------------------------------------


def access_keys(panel: CrmPanel) -> list[tuple[str, str]]:
    found = []
    widgets: list[QWidget] = [*panel.findChildren(QAbstractButton), *panel.findChildren(QLabel)]
    for widget in widgets:
        if not widget.isVisibleTo(panel):
            continue
        if isinstance(widget, QLabel) and widget.buddy() is None:
            continue
        text = widget.text()  # type: ignore[attr-defined]
        key = QKeySequence.mnemonic(text).toString()
        if key:
            found.append((key, text))
    return found


@pytest.mark.parametrize("mode", list(LoginMode))
def test_every_access_key_on_the_tab_is_unique(
    qtbot: QtBot, clock: FakeClock, secret_store: SecretStore, mode: LoginMode
) -> None:
    panel = make_panel(qtbot, clock, secret_store)
    choose(panel, mode)
    found = access_keys(panel)
    keys = [key for key, _ in found]
    assert len(keys) == len(set(keys)), found
    assert len(found) >= 9  # the labels, Get token, Copy and both boxes all have one
    # Cancel replaces Get token while a request runs: its key is free too.
    cancel = QKeySequence.mnemonic(panel.cancel_button.text()).toString()
    assert cancel and cancel not in keys


def test_every_input_is_named_for_a_screen_reader(
    qtbot: QtBot, clock: FakeClock, secret_store: SecretStore
) -> None:
    panel = make_panel(qtbot, clock, secret_store)
    buddies = {
        id(w.buddy()): w.text().replace("&", "") for w in panel.findChildren(QLabel) if w.buddy()
    }
    inputs: list[QWidget] = [*panel.findChildren(QLineEdit), *panel.findChildren(QComboBox)]
    assert len(inputs) == 9
    for widget in inputs:
        assert buddies.get(id(widget)) or widget.accessibleName(), widget.objectName()
    for box in panel.findChildren(QCheckBox):
        assert box.text()
    for button in panel.findChildren(QAbstractButton):
        assert button.text() or button.accessibleName(), button.objectName()
    for name in ("crmValidityLabel", "crmErrorLabel", "crmNoticeLabel", "crmOwnerLabel"):
        line = panel.findChild(QLabel, name)
        assert line is not None and line.accessibleName(), name


def test_an_error_is_described_on_its_line_and_on_its_field(
    qtbot: QtBot, clock: FakeClock, crm: CrmSimulator, secret_store: SecretStore
) -> None:
    panel = make_panel(qtbot, clock, secret_store)
    fill(panel, crm.base_url, password="not-the-password")
    with qtbot.waitSignal(panel.fetchFailed, timeout=5000) as failed:
        panel.get_button.click()
    assert failed.args is not None
    message = failed.args[0]
    assert message.splitlines()[0] == "The username or password is not correct"
    assert message.splitlines()[-1] == "Error code: INVALID_LOGIN"
    assert "not-the-password" not in message
    assert panel.error_label.accessibleDescription() == message
    assert edit(panel, "crmPasswordEdit").accessibleDescription() == message
    assert panel.error_label.isVisible()

    edit(panel, "crmPasswordEdit").setText(DEMO_CRM_PASSWORD)
    get_token(qtbot, panel)
    assert panel.error_label.text() == "" and not panel.error_label.isVisible()
    assert edit(panel, "crmPasswordEdit").accessibleDescription() == ""
    assert panel.owner_label.accessibleDescription().startswith("Token for CRMDEMO")


# -- 5. translation ---------------------------------------------------------------------------

CONTEXTS = {"CrmForm", "CrmPanel", "CrmSecrets", "CrmDisplay", "Fields", "Input"}


@pytest.fixture
def crm_marking(qtbot: QtBot) -> Iterator[MarkingCatalogue]:
    """Every text of the CRM.COM contexts marked ⟦text⟧ (so an untranslated one shows)."""
    with installed(MarkingCatalogue(CONTEXTS)) as translator:
        yield translator


def test_every_text_on_the_tab_goes_through_the_translator(
    qtbot: QtBot,
    clock: FakeClock,
    crm: CrmSimulator,
    secret_store: SecretStore,
    crm_marking: MarkingCatalogue,
) -> None:
    panel = make_panel(qtbot, clock, secret_store)
    texts = [w.text() for w in panel.findChildren(QLabel) if w.text()]
    texts += [w.text() for w in panel.findChildren(QAbstractButton)]
    texts += [w.toolTip() for w in panel.findChildren(QAbstractButton) if w.toolTip()]
    texts += [panel.mode_combo.itemText(i) for i in range(panel.mode_combo.count())]
    texts += [
        e.placeholderText()
        for e in panel.findChildren(QLineEdit)
        if e.placeholderText() and "://" not in e.placeholderText()
    ]
    assert len(texts) > 20
    untranslated = [t for t in texts if OPEN not in t]
    assert untranslated == []

    panel.get_button.click()  # an empty form: the problems, field names included
    error = panel.error_label.text()
    assert "⟦Check the ⟦organisation⟧: ⟦is required⟧.⟧" in error

    fill(panel, crm.base_url, password="wrong")
    with qtbot.waitSignal(panel.fetchFailed, timeout=5000) as failed:
        panel.get_button.click()
    assert failed.args is not None
    lines = failed.args[0].splitlines()
    assert lines[0] == "⟦The username or password is not correct⟧"
    assert lines[-1] == "⟦Error code: {code}⟧".replace("{code}", "INVALID_LOGIN")
    assert label(panel, "crmValidityLabel") == "⟦No token yet.⟧"


def test_a_refusal_goes_once_its_field_is_edited(
    qtbot: QtBot, clock: FakeClock, crm: CrmSimulator, secret_store: SecretStore
) -> None:
    panel = make_panel(qtbot, clock, secret_store)
    fill(panel, crm.base_url, password="not-the-password")
    with qtbot.waitSignal(panel.fetchFailed, timeout=5000):
        panel.get_button.click()
    qtbot.keyClicks(edit(panel, "crmOrganisationEdit"), "X")  # another field: it stays
    assert panel.error_label.text().startswith("The username or password is not correct")
    qtbot.keyClicks(edit(panel, "crmPasswordEdit"), "x")
    assert panel.error_label.text() == "" and not panel.error_label.isVisible()
