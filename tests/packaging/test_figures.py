"""packaging/figures.py without a build: reading build.py's summary, timing a start with a
stand-in executable, and what it says when the window never comes. (Its run on the real frozen
app is in test_frozen_languages.py; the workflow step in test_workflow.py.)"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from types import ModuleType

import pytest

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="a shell-script stand-in")


def stand_in(tmp_path: Path, body: str) -> Path:
    script = tmp_path / "i3sync"
    script.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    script.chmod(0o755)
    return script


def test_reads_the_sizes_and_the_self_check_from_the_build_summary(
    figures_module: ModuleType, tmp_path: Path
) -> None:
    summary = {
        "version": "1.2.3",
        "platform": "win32",
        "compression": "lzma2/ultra",
        "artefacts": [
            {"kind": "folder", "path": str(tmp_path / "i3sync"), "megabytes": 371.2, "files": 250},
            {"kind": "msi", "path": "x.msi", "megabytes": 149.9},
            {"kind": "policy", "path": "policy", "megabytes": 0.1},
            {"kind": "setup", "path": "x.exe", "megabytes": 104.4},
        ],
        "self_check": {"returncode": 0, "seconds": 2.5},
    }
    (tmp_path / "build-summary.json").write_text(json.dumps(summary), encoding="utf-8")
    data = figures_module.read_build(tmp_path)
    assert data.sizes_mb == {"folder": 371.2, "msi": 149.9, "setup": 104.4}
    assert (data.files, data.self_check_seconds, data.version) == (250, 2.5, "1.2.3")
    assert data.median_start is None and data.first_start is None
    # The folder named in the summary when it exists, else dist/i3sync.
    assert figures_module.app_folder(tmp_path) == tmp_path / "i3sync"


def test_without_a_build_summary_it_exits_1(
    figures_module: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert figures_module.main(["--dist", str(tmp_path), "--runs", "0"]) == 1
    assert "build-summary.json: run packaging/build.py" in capsys.readouterr().err


@posix_only
def test_a_start_is_timed_until_the_window_shows_then_the_app_is_ended(
    figures_module: ModuleType, tmp_path: Path
) -> None:
    marker = tmp_path / "args"
    app = stand_in(tmp_path, f'echo "$@ $QT_QPA_PLATFORM" > {marker}; exec sleep 60')
    seen: list[int] = []

    def shown(pid: int) -> bool:
        seen.append(pid)
        return len(seen) >= 3 and marker.exists()

    seconds = figures_module.time_start(app, "de", 30.0, shown, home=tmp_path / "home")
    assert 0 < seconds < 30
    assert marker.read_text().strip() == "--lang de"  # no offscreen platform: a real window
    (pid,) = set(seen)
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)  # ended, with what it started
    assert (tmp_path / "home" / "config").is_dir() and (tmp_path / "home" / "log").is_dir()


@posix_only
def test_an_app_that_exits_without_a_window_is_reported(
    figures_module: ModuleType, tmp_path: Path
) -> None:
    app = stand_in(tmp_path, "exit 3")
    with pytest.raises(TimeoutError, match="exited with 3 before its window"):
        figures_module.time_start(app, "en", 30.0, lambda pid: False)


@posix_only
def test_a_window_that_never_comes_times_out(figures_module: ModuleType, tmp_path: Path) -> None:
    app = stand_in(tmp_path, "exec sleep 60")
    with pytest.raises(TimeoutError, match="no window within 0 s"):
        figures_module.time_start(app, "en", 0.2, lambda pid: False)


@posix_only
def test_then_sees_the_running_app_before_it_is_ended(
    figures_module: ModuleType, tmp_path: Path
) -> None:
    app = stand_in(tmp_path, "exec sleep 60")
    alive: list[bool] = []

    def then(pid: int) -> None:
        os.kill(pid, 0)  # raises if the app were gone already
        alive.append(True)

    figures_module.time_start(app, "en", 30.0, lambda pid: True, then=then)
    assert alive == [True]


def test_tasklist_output_names_the_images_that_loaded_a_dll(figures_module: ModuleType) -> None:
    loaded = (
        '"i3sync.exe","4242","Console","1","88,120 K"\r\n'
        '"QtWebEngineProcess.exe","4300","Console","1","40,000 K"\r\n'
    )
    assert figures_module.images_in_tasklist(loaded) == {"i3sync.exe", "qtwebengineprocess.exe"}
    assert figures_module.images_in_tasklist(loaded) & figures_module.APP_IMAGES
    none = "INFO: No tasks are running which match the specified criteria.\r\n"
    assert figures_module.images_in_tasklist(none) == set()
    assert figures_module.OPTIONAL_DLLS == ("opengl32sw.dll", "d3dcompiler_47.dll")


def test_the_table_says_which_optional_dlls_were_loaded(figures_module: ModuleType) -> None:
    data = figures_module.Figures(platform="win32", version="1", compression="lzma2/ultra")
    data.dlls, data.dll_seconds = {"opengl32sw.dll": False, "d3dcompiler_47.dll": True}, 8.0
    table = figures_module.markdown(data)
    assert "| `opengl32sw.dll` loaded 8 s after the window | no | |" in table
    assert "| `d3dcompiler_47.dll` loaded 8 s after the window | yes | |" in table
    assert figures_module.parse_args([]).dll_check == 8.0
