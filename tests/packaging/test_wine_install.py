"""The built setup.exe and MSI installed for real, under wine, in a fresh 64-bit prefix: files,
URL scheme, shortcuts, in-place upgrade over an older version, downgrade refused (MSI), clean
uninstall that keeps the user's profiles (packaging/wine-smoke-test.sh does the work).

Linux only: the Windows workflow installs the same artefacts natively instead.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.packaging.conftest import BUILD_WAIT, PACKAGING, PackagingBuild, isolated_env

pytestmark = [
    pytest.mark.timeout(BUILD_WAIT + 600),
    pytest.mark.skipif(sys.platform == "win32", reason="wine test; Windows installs natively"),
]

OLD_VERSION = "0.0.1"
OLD_ONLY = "_internal/only-in-0.0.1.txt"


@pytest.fixture(scope="module")
def old_installers(
    packaging_build: PackagingBuild,
    installers_module: ModuleType,
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, Path]:
    """A tiny "0.0.1" setup and MSI with a file the new version no longer has."""
    version = tuple(int(p) for p in packaging_build.numeric_version.split("."))
    assert version > (0, 0, 1), "the upgrade test needs a project version above 0.0.1"
    root = tmp_path_factory.mktemp("old-installers")
    folder = root / "i3sync"
    (folder / "_internal").mkdir(parents=True)
    for name in ("i3sync.exe", "i3sync-cli.exe", OLD_ONLY):
        (folder / name).write_bytes(b"MZ old version stand-in")
    setup = installers_module.compile_inno(
        installers_module.ISS,
        {
            "AppVersion": OLD_VERSION,
            "SourceDir": folder,
            "OutputDir": root,
            "OutputBaseName": "old-setup",
            "Compression": "none",
        },
    )
    assert setup.returncode == 0, setup.output
    msi = root / "old.msi"
    installers_module.build_msi(version=OLD_VERSION, source=folder, output=msi)
    return root / "old-setup.exe", msi


def test_install_upgrade_uninstall_under_wine(
    packaging_build: PackagingBuild, old_installers: tuple[Path, Path], tmp_path: Path
) -> None:
    old_setup, old_msi = old_installers
    env = isolated_env(tmp_path / "home")
    prefix = tmp_path / "prefix"  # 1.3 GB once used: removed below, whatever happens
    env["SMOKE_WINEPREFIX"] = str(prefix)
    try:
        result = subprocess.run(
            [
                "bash", str(PACKAGING / "wine-smoke-test.sh"),
                "--setup", str(packaging_build.artefact("setup")),
                "--msi", str(packaging_build.artefact("msi")),
                "--old-setup", str(old_setup), "--old-msi", str(old_msi),
                "--old-only", OLD_ONLY, "--version", packaging_build.version,
            ],
            env=env,
            capture_output=True,
            text=True,
            stdin=subprocess.DEVNULL,
            timeout=600,
            check=False,
        )  # fmt: skip
    finally:
        subprocess.run(["wineserver", "-k"], env={**env, "WINEPREFIX": str(prefix)}, check=False)
        shutil.rmtree(prefix, ignore_errors=True)
    report = result.stdout
    print(report)
    assert result.returncode == 0, report + result.stderr[-3000:]
    assert "FAIL" not in report
    for expected in (
        "ok   inno: old version installed",
        "ok   inno: i3sync-cli.exe installed",
        r'ok   inno: i3sync:// -> "C:\Program Files\I3 Sync Desktop\i3sync.exe" "%1"',
        f"ok   inno: upgrade removed {OLD_ONLY} of the old version",
        "ok   inno: one I3 Sync Desktop installed after the upgrade",
        f"ok   inno: Add/Remove Programs shows {packaging_build.version}",
        "ok   inno: desktop icon (task desktopicon)",
        "ok   inno: i3sync:// removed",
        "ok   inno: user profile kept",
        "ok   msi: Start menu shortcut",
        f"ok   msi: upgrade removed {OLD_ONLY} of the old version",
        "ok   msi: downgrade refused",
        "ok   msi: i3sync:// removed",
        "ok   msi: no longer in Add/Remove Programs",
    ):
        assert expected in report
