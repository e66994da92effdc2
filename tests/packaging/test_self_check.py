"""``i3sync --self-check`` from the source tree (the frozen run is in test_frozen_app.py): it
passes on a working install, and each check can fail."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import self_check
from desktop.core import paths
from desktop.core.errors import VendorRefusal


def test_self_check_from_source(subprocess_env: dict[str, str]) -> None:
    env = dict(subprocess_env)  # the in-memory test vault, temporary user folders
    if sys.platform == "win32":
        # There the check requires the Credential Manager; it asks keyring which backend it
        # found and reads or writes no entry.
        env.pop("PYTHON_KEYRING_BACKEND")
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "--self-check"],
        env=env,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert "(not frozen," in lines[0]
    vault = "Windows Credential Manager" if sys.platform == "win32" else "MemoryKeyring"
    assert lines[2].startswith(f"ok   vault: backend '{vault}' (available: yes)")
    assert "status 'Synchronisation complete'" in lines[4]
    # The test environment sets QTWEBENGINE_DISABLE_SANDBOX (tests/conftest.py): said as such.
    assert lines[5] == (
        "ok   browser sandbox: off: QTWEBENGINE_DISABLE_SANDBOX is set in the environment "
        "(not by i3sync)"
    )
    assert lines[-1].startswith("self-check passed")


@pytest.fixture
def vault_ok(monkeypatch: pytest.MonkeyPatch) -> None:
    """The vault check passes (it has its own tests below), on any platform."""
    monkeypatch.setattr(
        self_check, "check_vault", lambda: self_check.CheckResult("vault", True, "stand-in")
    )


def good_page(url: str, base: str, timeout: float) -> dict[str, str]:
    assert url.startswith(base + "/users/oneSyncUserLogin/")
    return {
        "title": "Sync complete",
        "user": "User: Anna de Vries (id 42)",
        "status": "Synchronisation complete",
        "icon": "yes",
        "languages": "nl,de",
    }


@pytest.mark.usefixtures("vault_ok")
def test_passes_with_the_page_the_simulator_serves() -> None:
    out = io.StringIO()
    report = self_check.run_self_check(good_page, out)
    assert report.passed, out.getvalue()
    assert [r.name for r in report.results] == [
        "resources",
        "vault",
        "ESWS token",
        "I3 page in QtWebEngine",
    ]  # no sandbox line: run_self_check was not told the sandbox state


@pytest.mark.parametrize(
    "facts",
    [
        {"error": "the page did not load (refused)"},
        {"title": "I3 one user sync", "user": "User: Anna de Vries (id 42)", "icon": "yes",
         "status": "Choose a location and press Synchronize.",
         "languages": "nl,de"},  # script did not run
        {"title": "Sync complete", "user": "User: someone else", "icon": "yes",
         "status": "Synchronisation complete", "languages": "nl,de"},
        {"title": "Sync complete", "user": "User: Anna de Vries (id 42)", "icon": "no",
         "status": "Synchronisation complete", "languages": "nl,de"},  # window icon missing
        {"title": "Sync complete", "user": "User: Anna de Vries (id 42)", "icon": "yes",
         "status": "Synchronisation complete", "languages": "nl"},  # de unreadable by Qt
    ],
)  # fmt: skip
@pytest.mark.usefixtures("vault_ok")
def test_fails_when_the_page_is_not_right(
    facts: dict[str, str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert self_check.main(lambda *args: facts) == self_check.EXIT_FAILED
    out = capsys.readouterr().out
    assert "FAIL I3 page in QtWebEngine" in out
    assert "self-check FAILED" in out


@pytest.mark.usefixtures("vault_ok")
def test_fails_when_esws_refuses(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(endpoint: str) -> str:
        raise VendorRefusal("ERROR_UNKNOWN_SECURITY_HASH", "unknown security code")

    monkeypatch.setattr(self_check, "fetch_demo_token", refuse)
    out = io.StringIO()
    report = self_check.run_self_check(good_page, out)
    assert not report.passed
    assert "FAIL ESWS token: ERROR_UNKNOWN_SECURITY_HASH" in out.getvalue()
    assert "I3 page" not in out.getvalue()  # no token, no page


def test_vault_must_be_the_credential_manager_on_windows(monkeypatch: pytest.MonkeyPatch) -> None:
    if sys.platform != "win32":
        assert self_check.check_vault().ok  # the in-memory vault is fine off Windows
    monkeypatch.setattr(self_check, "windows_backend_fallback", lambda: None)
    monkeypatch.setattr(sys, "platform", "win32")
    result = self_check.check_vault()
    assert not result.ok
    assert "backend 'MemoryKeyring'" in result.detail


def test_vault_check_needs_keyring_entry_points(monkeypatch: pytest.MonkeyPatch) -> None:
    # What a frozen build without keyring's metadata looks like.
    monkeypatch.setattr(self_check, "_keyring_entry_points", lambda: [])
    result = self_check.check_vault()
    assert not result.ok
    assert "entry points: NONE" in result.detail


def test_offscreen_unless_told_otherwise() -> None:
    env: dict[str, str] = {}
    self_check.prepare_environment(env)
    assert env["QT_QPA_PLATFORM"] == "offscreen"
    env = {"QT_QPA_PLATFORM": "xcb"}
    self_check.prepare_environment(env)
    assert env["QT_QPA_PLATFORM"] == "xcb"


def test_sandbox_stays_on_for_a_normal_user() -> None:
    env: dict[str, str] = {}
    result = self_check.prepare_environment(env, as_root=False)
    assert self_check.SANDBOX_ENV not in env
    assert (result.name, result.ok, result.detail) == (
        "browser sandbox",
        True,
        "on (Chromium's default)",
    )


def test_sandbox_off_as_root_is_said_not_hidden() -> None:
    env: dict[str, str] = {}
    result = self_check.prepare_environment(env, as_root=True)
    assert env[self_check.SANDBOX_ENV] == "1"  # Chromium will not start as root otherwise
    assert result.ok
    assert result.detail.startswith("off: running as root, where Chromium cannot start its sandbox")
    assert "for this check only" in result.detail


@pytest.mark.parametrize("as_root", [False, True])
@pytest.mark.parametrize("value", ["1", "0", ""])  # Qt only asks whether it is set
def test_sandbox_switched_off_by_the_user_is_named(as_root: bool, value: str) -> None:
    env = {self_check.SANDBOX_ENV: value}
    result = self_check.prepare_environment(env, as_root=as_root)
    assert env[self_check.SANDBOX_ENV] == value  # left as the user set it
    assert result.detail == (
        "off: QTWEBENGINE_DISABLE_SANDBOX is set in the environment (not by i3sync)"
    )


def test_sandbox_switched_off_by_a_chromium_flag_is_named() -> None:
    env = {self_check.CHROMIUM_FLAGS_ENV: "--lang=de --no-sandbox"}
    result = self_check.prepare_environment(env, as_root=False)
    assert self_check.SANDBOX_ENV not in env
    assert result.detail == "off: QTWEBENGINE_CHROMIUM_FLAGS holds --no-sandbox (not set by i3sync)"
    # A flag that merely contains the word is not the switch.
    env = {self_check.CHROMIUM_FLAGS_ENV: "--no-sandbox-and-more"}
    assert self_check.prepare_environment(env, as_root=False).detail == "on (Chromium's default)"


@pytest.mark.usefixtures("vault_ok")
def test_main_reports_the_sandbox_after_the_page(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # What `i3sync --self-check` prints as root in a container, where nothing set the variable.
    monkeypatch.setenv(self_check.SANDBOX_ENV, "x")  # restored (unset) after the test
    monkeypatch.delenv(self_check.SANDBOX_ENV)
    monkeypatch.delenv(self_check.CHROMIUM_FLAGS_ENV, raising=False)
    monkeypatch.setattr(self_check, "_running_as_root", lambda: True)
    assert self_check.main(good_page) == self_check.EXIT_PASSED
    lines = capsys.readouterr().out.splitlines()
    assert lines[4].startswith("ok   I3 page in QtWebEngine: ")
    assert lines[5].startswith("ok   browser sandbox: off: running as root, ")
    assert lines[-1].startswith("self-check passed")


def test_resources_fail_when_a_window_catalogue_is_missing_or_not_a_catalogue(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    good = self_check.check_resources()
    assert good.ok and "window languages en, nl, de" in good.detail
    real = self_check.resource_path
    folder = tmp_path / "i18n"
    folder.mkdir()
    (folder / "i3sync_nl.qm").write_bytes(b"not a catalogue")

    def fake(name: str) -> Path:
        return folder if name == "i18n" else real(name)

    monkeypatch.setattr(self_check, "resource_path", fake)
    monkeypatch.setattr(paths, "resource_path", fake)  # where the catalogues are looked up
    bad = self_check.check_resources()
    assert not bad.ok
    assert "catalogue MISSING: de, nl" in bad.detail
