"""After a full flow (profile saved, secrets remembered, sync page shown, back, closed), no secret
is in any file under the temporary config, state, data or cache folders, nor in the log file."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import unquote
from xml.sax.saxutils import escape

from PySide6.QtCore import Qt

from desktop.core.vault import SERVICE_NAME
from desktop.simulator.esws_logic import DEMO_COMPANY_ID, DEMO_PASSWORD
from desktop.simulator.server import Simulator
from tests.gui.conftest import PROFILE, fill_form, sync_and_wait_for_page, vault_key
from tests.memory_keyring import MemoryKeyring


def test_no_secret_in_the_config_folder_or_the_log_after_a_full_flow(
    qtbot: Any,
    simulator: Simulator,
    saved_profile: Any,
    make_window: Any,
    log_file: Path,
    isolated_user_folders: Path,
    memory_keyring: MemoryKeyring,
) -> None:
    window = make_window()
    form = window.sync_tab.form
    qtbot.mouseClick(form.rememberCheck, Qt.MouseButton.LeftButton)  # remember the password
    fill_form(qtbot, window, user="42", location="3")
    page = sync_and_wait_for_page(qtbot, window)
    token = unquote(page.view.url().path().rsplit("/", 1)[-1])
    assert len(token) == 128
    # The history's last write (the page loaded) runs on a worker thread: let it end, connection
    # closed, so the database's write-ahead log is not checkpointed away while the folders are read.
    store = window.history
    assert store is not None
    qtbot.waitUntil(lambda: [e.page_loaded for e in store.entries()] == [True])
    qtbot.waitUntil(lambda: not window.sync_tab.fetcher.history_busy)
    page.backButton.click()
    window.close()

    # The secrets went to the vault, and only there.
    key = vault_key(PROFILE)
    assert memory_keyring.store[(SERVICE_NAME, f"{key}/company-id")] == DEMO_COMPANY_ID
    assert memory_keyring.store[(SERVICE_NAME, f"{key}/password")] == DEMO_PASSWORD
    files = [p for p in isolated_user_folders.rglob("*") if p.is_file()]
    assert log_file in files and log_file.stat().st_size > 0
    assert "ESWS issued a token" in log_file.read_text(encoding="utf-8")
    assert any(p.name == "profiles.json" for p in files)
    secrets = {
        "security code": DEMO_COMPANY_ID,
        "escaped security code": escape(DEMO_COMPANY_ID),
        "password": DEMO_PASSWORD,
        "token": token,
    }
    for path in files:
        content = path.read_bytes().decode("utf-8", "replace")
        for what, value in secrets.items():
            assert value not in content, f"{what} found in {path}"
