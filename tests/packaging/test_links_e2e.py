"""``i3sync "i3sync://..."`` end to end, as Windows runs it once the installer registered the
scheme (``"<app>\\i3sync.exe" "%1"``): a hostile link exits 2 with a message, before any window,
and the message never repeats what the link carried. Run from the source tree and, to prove the
frozen entry point does the same, with both frozen executables.

(The parser's cases are in tests/unit/test_links.py; a valid link opens the window, which
the GUI tests cover.)
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.packaging.conftest import BUILD_WAIT, EXE, IS_WINDOWS, PackagingBuild, isolated_env

# (link, what stderr must say, text from the link that must not be echoed)
HOSTILE = [
    (
        "i3sync://sync/one?profile=Acme&user=42&password=hunter2",
        "unknown parameter 'password'",
        "hunter2",
    ),
    ("i3sync://sync/one?profile=Acme%0Ainjected&user=42", "control or invisible", "injected"),
    ("i3sync://evil.example/one?profile=Acme&user=42", "must be i3sync://sync/one", "evil"),
    ("i3sync://admin:pw123@sync/one?profile=Acme&user=42", "user name, password", "pw123"),
    ("i3sync://sync/one?profile=Acme", "names no user", None),
    ("i3sync://sync/one?profile=Acme&user=42&location=3%26calc", "location", "calc"),
    ("i3sync://sync/total?profile=Acme&user=42", "takes no user", None),
    ('"i3sync://sync/one?user=42"', "names no profile", None),
    ("i3sync://sync/one?profile=Acme&user=42#frag", "fragment", "#frag"),
]
IDS = [
    "secret-key",
    "newline",
    "other-host",
    "credentials",
    "missing-user",
    "location-injection",
    "total-with-user",
    "missing-profile",
    "fragment",
]


def check_refused(
    result: subprocess.CompletedProcess[str], says: str | None, hidden: str | None
) -> None:
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stdout == ""
    assert result.stderr.startswith("i3sync: invalid link: "), result.stderr
    assert "Traceback" not in result.stderr
    if says is not None:
        assert says in result.stderr
    if hidden is not None:
        assert hidden not in result.stderr


@pytest.mark.parametrize(("link", "says", "hidden"), HOSTILE, ids=IDS)
def test_hostile_link_refused_from_source(
    link: str, says: str | None, hidden: str | None, subprocess_env: dict[str, str]
) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "desktop", link],
        env=subprocess_env,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=60,  # a window opened by mistake would hang here, offscreen, and fail the test
        check=False,
    )
    check_refused(result, says, hidden)


def test_other_scheme_is_not_taken_for_a_link(subprocess_env: dict[str, str]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "https://evil.example/?i3sync://sync/one"],
        env=subprocess_env,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert "invalid choice" in result.stderr  # argparse: not a command, no window


@pytest.mark.timeout(BUILD_WAIT)
@pytest.mark.parametrize("exe", ["i3sync-cli", "i3sync"])
@pytest.mark.parametrize(("link", "says", "hidden"), HOSTILE[:5], ids=IDS[:5])
def test_hostile_link_refused_by_frozen_app(
    packaging_build: PackagingBuild,
    tmp_path: Path,
    exe: str,
    link: str,
    says: str | None,
    hidden: str | None,
) -> None:
    result = subprocess.run(
        [str(packaging_build.folder / f"{exe}{EXE}"), link],
        env=isolated_env(tmp_path / "home"),
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=60,
        check=False,
    )
    if exe == "i3sync" and IS_WINDOWS:
        # The windowed executable has no console: only its exit code reaches the caller.
        assert result.returncode == 2
        return
    check_refused(result, says, hidden)
