"""The installers' managed-profile parameters, installed for real under wine: the MSI's
``PROFILE_NAME``/``ESWS_ENDPOINT``/``I3_URL``/``I3_ADMIN``/``CLOUD`` properties and the setup's
``/PROFILE_NAME=...`` parameters write the policy key the app reads (read back here with the app's
own parser), nothing without them, a refusal when the profile is incomplete, and uninstalling
removes the key.

Small stand-in installers of a three-file folder (built in seconds) are enough: the key does not
depend on the payload. Linux only: the Windows workflow installs natively.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from desktop.esws.managed import POLICY_KEY, profiles_from_policy
from desktop.esws.profile_model import Profile

pytestmark = [
    pytest.mark.timeout(900),
    pytest.mark.skipif(sys.platform == "win32", reason="wine test; Windows installs natively"),
]

POLICY = "HKLM\\" + POLICY_KEY
APP = Path("drive_c", "Program Files", "I3 Sync Desktop")


class Wine:
    """A fresh 64-bit wine prefix, and the few commands the tests run in it."""

    def __init__(self, prefix: Path) -> None:
        self.prefix = prefix
        self.env = dict(os.environ)
        self.env.update(
            WINEPREFIX=str(prefix), WINEDEBUG="-all", WINEDLLOVERRIDES="mscoree,mshtml="
        )
        self.env.pop("WINEARCH", None)
        self.env.pop("DISPLAY", None)

    def run(self, *args: str, gui: bool = False) -> subprocess.CompletedProcess[str]:
        # Inno's setup creates windows even when silent: it runs under Xvfb. Every call waits
        # for the wineserver, so the next one never joins a session that is shutting down.
        command = ["wine", *args]
        if gui:
            command = ["xvfb-run", "-a", "sh", "-c", 'wine "$@"; rc=$?; wineserver -w; exit $rc']
            command += ["wine-run", *args]
        result = subprocess.run(
            command, env=self.env, capture_output=True, text=True, timeout=300, check=False
        )
        subprocess.run(["wineserver", "-w"], env=self.env, check=False, timeout=120)
        return result

    def policy_profiles(self) -> dict[str, dict[str, object]]:
        """``reg query`` of the policy key (64-bit view) as the app's reader returns it."""
        result = self.run("reg", "query", POLICY, "/s", "/reg:64")
        found: dict[str, dict[str, object]] = {}
        current: dict[str, object] | None = None
        for line in result.stdout.replace("\r", "").splitlines():
            if line.upper().startswith("HKEY_LOCAL_MACHINE\\"):
                name = line.split("\\")[-1]
                current = None if line.endswith("\\Profiles") else found.setdefault(name, {})
                continue
            match = re.fullmatch(r"    (\S+)    (REG_SZ|REG_DWORD)    ?(.*)", line)
            if match and current is not None:
                kind, value = match[2], match[3]
                current[match[1]] = int(value, 16) if kind == "REG_DWORD" else value
        return found


@pytest.fixture(scope="module")
def stand_ins(
    installers_module: ModuleType, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, Path]:
    """A small MSI and Inno setup of a stand-in folder, from the real i3sync.wxs and .iss."""
    root = tmp_path_factory.mktemp("managed-installers")
    folder = root / "i3sync"
    (folder / "_internal").mkdir(parents=True)
    for name in ("i3sync.exe", "i3sync-cli.exe", "_internal/base_library.zip"):
        (folder / name).write_bytes(b"MZ stand-in")
    msi = root / "stand-in.msi"
    installers_module.build_msi(version="1.0.0", source=folder, output=msi)
    setup = installers_module.compile_inno(
        installers_module.ISS,
        {
            "AppVersion": "1.0.0",
            "SourceDir": folder,
            "OutputDir": root,
            "OutputBaseName": "stand-in-setup",
            "Compression": "none",
        },
    )
    assert setup.returncode == 0, setup.output
    return msi, root / "stand-in-setup.exe"


@pytest.fixture(scope="module")
def wine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Wine]:
    prefix = tmp_path_factory.mktemp("wine") / "prefix"
    session = Wine(prefix)
    try:
        session.run("wineboot", "-i")
        session.run("winecfg", "-v", "win10")  # Inno's MinVersion; wine 8 defaults to win7
        yield session
    finally:
        subprocess.run(["wineserver", "-k"], env=session.env, check=False)
        shutil.rmtree(prefix, ignore_errors=True)


def winpath(path: Path) -> str:
    return "Z:" + str(path).replace("/", "\\")


def test_msi_properties_write_the_policy_key_and_uninstall_removes_it(
    wine: Wine, stand_ins: tuple[Path, Path]
) -> None:
    msi = winpath(stand_ins[0])
    installed = wine.run(
        "msiexec", "/i", msi, "/qn",
        "PROFILE_NAME=Head office",
        "ESWS_ENDPOINT=https://esws.example.test/webservicesesws",
        "I3_URL=https://i3.example.test",
        "I3_ADMIN=hr.admin",
        "CLOUD=1",
    )  # fmt: skip
    assert installed.returncode == 0, installed.stderr[-2000:]
    keys = wine.policy_profiles()
    assert keys == {
        "Head office": {
            "Endpoint": "https://esws.example.test/webservicesesws",
            "I3Url": "https://i3.example.test",
            "Admin": "hr.admin",
            "Cloud": 1,
        }
    }
    # What the app makes of it, with the parser it runs on Windows.
    (profile,) = profiles_from_policy(keys).profiles
    assert profile == Profile(
        name="Head office",
        esws_endpoint="https://esws.example.test/webservicesesws",
        i3_base_url="https://i3.example.test",
        admin_username="hr.admin",
        cloud=True,
    )
    assert profile.managed
    # The uninstall is given no properties: it finds the profile's name where the install kept it.
    removed = wine.run("msiexec", "/x", msi, "/qn")
    assert removed.returncode == 0
    assert wine.policy_profiles() == {}


def test_msi_without_profile_name_writes_no_policy(
    wine: Wine, stand_ins: tuple[Path, Path]
) -> None:
    msi = winpath(stand_ins[0])
    assert wine.run("msiexec", "/i", msi, "/qn").returncode == 0
    try:
        assert (wine.prefix / APP / "i3sync.exe").is_file()
        assert wine.policy_profiles() == {}
    finally:
        assert wine.run("msiexec", "/x", msi, "/qn").returncode == 0


@pytest.mark.parametrize(
    "properties",
    [["PROFILE_NAME=No endpoint"], ["PROFILE_NAME=a\\b", "ESWS_ENDPOINT=https://e.test/x"]],
)
def test_msi_refuses_an_incomplete_profile_before_installing(
    wine: Wine, stand_ins: tuple[Path, Path], properties: list[str]
) -> None:
    result = wine.run("msiexec", "/i", winpath(stand_ins[0]), "/qn", *properties)
    assert result.returncode != 0  # a launch condition: ERROR_INSTALL_FAILURE or similar
    assert not (wine.prefix / APP / "i3sync.exe").exists()
    assert wine.policy_profiles() == {}


def test_setup_parameters_write_the_policy_key_and_uninstall_removes_it(
    wine: Wine, stand_ins: tuple[Path, Path], tmp_path: Path
) -> None:
    log = tmp_path / "setup.log"
    installed = wine.run(
        winpath(stand_ins[1]), "/VERYSILENT", "/SUPPRESSMSGBOXES", "/ALLUSERS",
        "/PROFILE_NAME=Branch office", "/ESWS_ENDPOINT=https://branch.example.test/x",
        "/CLOUD=0", f"/LOG={winpath(log)}",
        gui=True,
    )  # fmt: skip
    assert installed.returncode == 0, log.read_text(errors="replace")[-2000:]
    keys = wine.policy_profiles()
    assert keys == {
        "Branch office": {
            "Endpoint": "https://branch.example.test/x",
            "I3Url": "",
            "Admin": "",
            "Cloud": 0,
        }
    }
    (profile,) = profiles_from_policy(keys).profiles
    assert (profile.name, profile.cloud, profile.admin_username) == ("Branch office", False, "")
    uninstaller = wine.prefix / APP / "unins000.exe"
    removed = wine.run(winpath(uninstaller), "/VERYSILENT", "/SUPPRESSMSGBOXES", gui=True)
    assert removed.returncode == 0
    assert wine.policy_profiles() == {}
    result = wine.run("reg", "query", "HKLM\\Software\\Policies\\I3Sync", "/reg:64")
    assert result.returncode != 0  # the empty parents went too


def test_setup_refuses_a_profile_without_endpoint_before_installing(
    wine: Wine, stand_ins: tuple[Path, Path], tmp_path: Path
) -> None:
    log = tmp_path / "setup.log"
    result = wine.run(
        winpath(stand_ins[1]), "/VERYSILENT", "/SUPPRESSMSGBOXES", "/ALLUSERS",
        "/PROFILE_NAME=Branch", f"/LOG={winpath(log)}",
        gui=True,
    )  # fmt: skip
    assert result.returncode != 0
    assert "Managed profile refused: PROFILE_NAME needs ESWS_ENDPOINT" in log.read_text(
        errors="replace"
    )
    assert not (wine.prefix / APP / "i3sync.exe").exists()
    assert wine.policy_profiles() == {}


@pytest.mark.parametrize(
    ("language", "mode", "shown"),
    [
        ("english", "/ALLUSERS",
         "PROFILE_NAME needs ESWS_ENDPOINT (the address of the ESWS web service)."),
        ("dutch", "/ALLUSERS",
         "PROFILE_NAME vereist ESWS_ENDPOINT (het adres van de ESWS-webservice)."),
        ("german", "/CURRENTUSER",
         "PROFILE_NAME erfordert eine Installation für alle Benutzer (/ALLUSERS): "
         "Das verwaltete Profil gilt für den ganzen Computer."),
    ],
)  # fmt: skip
def test_the_setup_holds_english_dutch_and_german(
    wine: Wine, stand_ins: tuple[Path, Path], tmp_path: Path, language: str, mode: str, shown: str
) -> None:
    """The compiled setup has the three languages and our messages in each (issue 12): asked
    for one with /LANG=, its refusal is in that language (Inno logs a suppressed message box's
    text), while the log's own line stays English for support."""
    log = tmp_path / "setup.log"
    result = wine.run(
        winpath(stand_ins[1]), "/VERYSILENT", "/SUPPRESSMSGBOXES", mode, f"/LANG={language}",
        "/PROFILE_NAME=Branch", f"/LOG={winpath(log)}",
        gui=True,
    )  # fmt: skip
    assert result.returncode != 0
    text = log.read_text(encoding="utf-8-sig", errors="replace")
    assert "Managed profile refused: PROFILE_NAME needs " in text
    assert "suppressed message box" in text
    assert shown in text
    assert not (wine.prefix / APP / "i3sync.exe").exists()
