"""packaging/build.py's own behaviour, without building: a missing tool stops it before the
long freeze with exit 2 and the way to install it; a failed self-check fails the build."""

from __future__ import annotations

import json
import sys
import threading
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.packaging.conftest import load_packaging_module


@pytest.fixture
def build() -> ModuleType:
    return load_packaging_module("build")


def no_freeze(*args: Any) -> Path:
    raise AssertionError("PyInstaller must not start when a tool is missing")


@pytest.mark.parametrize("tool", ["wixl", "msiinfo", "msibuild"])
def test_missing_msi_tool_exits_2_before_freezing(
    build: ModuleType,
    tool: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    real = build.installers.find_tool

    def find_tool(name: str) -> str:
        if name == tool:
            raise build.installers.ToolMissing(f"{name} not found: {build.installers._hint()}")
        return str(real(name))

    monkeypatch.setattr(build.installers, "find_tool", find_tool)
    monkeypatch.setattr(build, "freeze", no_freeze)
    assert build.main(["--out", str(tmp_path / "dist"), "--work", str(tmp_path / "w")]) == 2
    err = capsys.readouterr().err
    assert f"{tool} not found" in err
    assert "install-packaging-tools.sh" in err or "msitools" in err
    assert not (tmp_path / "dist" / build.SUMMARY_FILE).exists()


def test_missing_iscc_exits_2_before_freezing(
    build: ModuleType,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("ISCC", str(tmp_path / "nowhere" / "ISCC.exe"))
    monkeypatch.setattr(build.installers, "INNOSETUP_DIR", tmp_path / "nowhere")
    if build.IS_WINDOWS:  # pragma: no cover - Windows looks in Program Files too
        monkeypatch.setattr(build.installers, "find_iscc", lambda: (_ for _ in ()).throw(
            build.installers.ToolMissing("ISCC.exe not found: install Inno Setup 6")))  # fmt: skip
    monkeypatch.setattr(build, "freeze", no_freeze)
    assert build.main(["--out", str(tmp_path / "dist"), "--skip-msi"]) == 2
    assert "ISCC.exe not found" in capsys.readouterr().err


def test_failed_self_check_fails_the_build(
    build: ModuleType,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = tmp_path / "dist" / "i3sync"
    folder.mkdir(parents=True)
    monkeypatch.setattr(build, "freeze", lambda dist, work: folder)
    monkeypatch.setattr(
        build,
        "run_self_check",
        lambda f: {"returncode": 1, "stdout": "FAIL vault: ...", "stderr": "", "seconds": 1.0},
    )
    code = build.main(["--out", str(tmp_path / "dist"), "--skip-msi", "--skip-setup"])
    assert code == 1
    assert "self-check failed (exit 1)" in capsys.readouterr().err
    assert not (tmp_path / "dist" / build.SUMMARY_FILE).exists()


def test_summary_of_a_build_without_installers(
    build: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "dist" / "i3sync"
    (folder / "_internal").mkdir(parents=True)
    (folder / "_internal" / "x.bin").write_bytes(b"x" * 2_000_000)
    monkeypatch.setattr(build, "freeze", lambda dist, work: folder)
    monkeypatch.setattr(
        build,
        "run_self_check",
        lambda f: {"returncode": 0, "stdout": "self-check passed", "stderr": "", "seconds": 1.0},
    )
    assert build.main(["--out", str(tmp_path / "dist"), "--skip-msi", "--skip-setup"]) == 0
    summary = json.loads((tmp_path / "dist" / build.SUMMARY_FILE).read_text(encoding="utf-8"))
    assert summary["ok"] is True
    assert summary["version"] == build.winres.project_version().text
    (artefact,) = summary["artefacts"]
    assert (artefact["kind"], artefact["megabytes"], artefact["files"]) == ("folder", 2.0, 1)


def test_the_build_ends_with_the_three_sizes_against_their_ceilings(
    build: ModuleType, capsys: pytest.CaptureFixture[str]
) -> None:
    summary = build.Summary(version="1.2.3", numeric_version="1.2.3", platform="win32",
                            compression="lzma2/ultra64")  # fmt: skip
    for kind, size in (("folder", 379.9), ("msi", 151.0), ("policy", 0.1), ("setup", 104.2)):
        summary.artefacts.append(build.Artefact(kind, f"/x/{kind}", size, 1.0))
    build.print_summary(summary)
    last = capsys.readouterr().out.rstrip().splitlines()[-1]
    assert last == (
        "   sizes: setup 104.2 MB (<= 110) ok, msi 151.0 MB (<= 150) OVER, "
        "folder 379.9 MB (<= 380) ok [setup lzma2/ultra64]"
    )
    assert build.SIZE_TARGETS_MB == {"setup": 110.0, "msi": 150.0, "folder": 380.0}


def test_sizes_line_leaves_out_what_was_not_built(build: ModuleType) -> None:
    summary = build.Summary(version="1", numeric_version="1", platform="linux", compression="x")
    summary.artefacts.append(build.Artefact("folder", "/x", 400.04, 1.0))
    assert build.size_line(summary) == "   sizes: folder 400.0 MB (<= 380) OVER"


@pytest.mark.skipif(sys.platform == "win32", reason="builds are serialised with flock on POSIX")
def test_build_lock_leaves_no_file_behind(build: ModuleType, tmp_path: Path) -> None:
    lock = tmp_path / "i3sync-pyinstaller.lock"
    with build.build_lock(lock):
        assert lock.is_file()
    assert not lock.exists()
    with build.build_lock(lock):  # and it can be taken again
        assert lock.is_file()
    assert not lock.exists()
    # The lock's own default lives in the temporary folder and is named for the project.
    assert build.LOCK_FILE.name == "i3sync-pyinstaller.lock"


@pytest.mark.skipif(sys.platform == "win32", reason="builds are serialised with flock on POSIX")
def test_a_waiting_build_locks_the_current_file_after_the_removal(
    build: ModuleType, tmp_path: Path
) -> None:
    """The first build removes the file it locked; the one that waited on that file must end
    up holding the file that the path names now, or a third build would run beside it."""
    import fcntl

    lock = tmp_path / "i3sync-pyinstaller.lock"
    first_in, release_first = threading.Event(), threading.Event()
    second_waits, second_in, release_second = (threading.Event() for _ in range(3))
    waited_on: list[Path] = []
    errors: list[BaseException] = []

    def first() -> None:
        try:
            with build.build_lock(lock):
                first_in.set()
                assert release_first.wait(30)
        except BaseException as error:  # reported by the main thread
            errors.append(error)

    def second() -> None:
        def on_wait(path: Path) -> None:
            waited_on.append(path)
            second_waits.set()

        try:
            with build.build_lock(lock, on_wait=on_wait):
                second_in.set()
                assert release_second.wait(30)
        except BaseException as error:
            errors.append(error)

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    threads[0].start()
    assert first_in.wait(30)
    threads[1].start()
    assert second_waits.wait(30)
    assert not second_in.is_set()  # held off while the first build runs
    release_first.set()
    assert second_in.wait(30), errors
    try:
        # What a third build would find: the file exists again, and it is locked.
        assert lock.is_file()
        with lock.open("a") as third, pytest.raises(BlockingIOError):
            fcntl.flock(third, fcntl.LOCK_EX | fcntl.LOCK_NB)
    finally:
        release_second.set()
        for thread in threads:
            thread.join(30)
    assert not errors, errors
    assert waited_on == [lock]
    assert not lock.exists()


def test_stale_installed_licence_stops_the_build_before_freezing(
    build: ModuleType,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """The metadata from an install made before pyproject's SPDX licence says "License:
    Proprietary" and no License-Expression; the bundle must not ship that."""
    from email.message import Message
    from importlib import metadata

    stale = Message()
    stale["Name"], stale["Version"] = "i3sync", build.winres.project_version().text
    stale["License"] = "Proprietary"
    monkeypatch.setattr(metadata, "metadata", lambda name: stale)
    monkeypatch.setattr(build, "freeze", no_freeze)
    monkeypatch.setattr(metadata, "version", lambda name: stale["Version"])
    code = build.main(["--out", str(tmp_path / "dist"), "--skip-msi", "--skip-setup"])
    assert code == 1
    err = capsys.readouterr().err
    assert "licence is LicenseRef-Proprietary" in err
    assert "License-Expression is missing: pip install -e . again" in err


def test_pyproject_licence_is_an_spdx_expression(build: ModuleType) -> None:
    assert build.project_licence() == "LicenseRef-Proprietary"
