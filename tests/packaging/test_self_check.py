"""``i3sync --self-check`` from the source tree (the frozen run is in test_frozen_app.py): it
passes on a working install, and each check can fail."""

from __future__ import annotations

import io
import subprocess
import sys

import pytest

from desktop import self_check
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
    ]


@pytest.mark.parametrize(
    "facts",
    [
        {"error": "the page did not load (refused)"},
        {"title": "I3 one user sync", "user": "User: Anna de Vries (id 42)", "icon": "yes",
         "status": "Choose a location and press Synchronize."},  # script did not run
        {"title": "Sync complete", "user": "User: someone else", "icon": "yes",
         "status": "Synchronisation complete"},
        {"title": "Sync complete", "user": "User: Anna de Vries (id 42)", "icon": "no",
         "status": "Synchronisation complete"},  # window icon missing from the bundle
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
