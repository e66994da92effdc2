"""The frozen app in the window's three languages, and packaging/figures.py's start-up timing.

Everything the trimming keeps for the languages (issue 12, 13): the window's own catalogues
(``desktop/resources/i18n/i3sync_<lang>.qm``, from pyproject's package-data), Qt's own
(``qtbase_<lang>.qm`` in Qt's translations folder, which the window loads for its standard
buttons) and Chromium's locale packs. Then the frozen windowed executable is started for real,
``--lang en|nl|de``, on a display (an Xvfb of the test's own on Linux, the desktop on Windows):
its window appears, and its log says the language was installed with both catalogues.
The same run is what the Windows workflow's job summary times (packaging/figures.py).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from tests.packaging.conftest import (
    BUILD_WAIT,
    EXE,
    IS_WINDOWS,
    REPO,
    PackagingBuild,
    load_packaging_module,
)

pytestmark = pytest.mark.timeout(BUILD_WAIT)

LANGUAGES = ("nl", "de")
WINDOW_TIMEOUT = 90.0


def qt_translations(folder: Path) -> Path:
    """Qt's translations folder inside the bundle (Linux and Windows wheel layouts)."""
    (found,) = {p.parent for p in (folder / "_internal").rglob("qtbase_*.qm")}
    return found


def test_the_window_s_catalogues_are_bundled(packaging_build: PackagingBuild) -> None:
    bundled = packaging_build.folder / "_internal" / "desktop" / "resources" / "i18n"
    for lang in LANGUAGES:
        ours = bundled / f"i3sync_{lang}.qm"
        assert ours.is_file(), ours
        assert ours.read_bytes() == (REPO / "resources" / "i18n" / ours.name).read_bytes()
        assert (qt_translations(packaging_build.folder) / f"qtbase_{lang}.qm").is_file()
    # Chromium's own texts (context menu, error pages) in the three languages, and no others.
    locales = next(packaging_build.folder.rglob("qtwebengine_locales"))
    assert sorted(p.stem for p in locales.glob("*.pak")) == ["de", "en-GB", "en-US", "nl"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_bundled_catalogues_translate(
    packaging_build: PackagingBuild, qapp: object, lang: str
) -> None:
    from PySide6.QtCore import QTranslator

    # Every finished entry of the sources comes out of the bundled catalogue as the repository's
    # compiled catalogue has it (whether the .qm is up to date with the .ts is the catalogue
    # tests' business: tests/unit/test_i18n_catalogues.py).
    bundled = packaging_build.folder / "_internal" / "desktop" / "resources" / "i18n"
    ours, compiled = QTranslator(), QTranslator()
    assert ours.load(str(bundled / f"i3sync_{lang}.qm"))
    assert compiled.load(str(REPO / "resources" / "i18n" / f"i3sync_{lang}.qm"))
    sources = REPO / "resources" / "i18n" / f"i3sync_{lang}.ts"
    translated = 0
    for entry in load_packaging_module("i18n").entries(sources).values():
        if not entry.finished:
            continue
        name, text = entry.context, entry.source
        assert ours.translate(name, text) == compiled.translate(name, text)
        translated += bool(compiled.translate(name, text))
    assert translated > 0
    # Qt's own, for the standard buttons.
    qt_own = QTranslator()
    assert qt_own.load(f"qtbase_{lang}", str(qt_translations(packaging_build.folder)))
    assert (
        qt_own.translate("QPlatformTheme", "Cancel") == {"nl": "Annuleren", "de": "Abbrechen"}[lang]
    )


@pytest.fixture(scope="module")
def display() -> Iterator[None]:
    """A display for real windows: Windows' desktop, or an Xvfb of this module's own."""
    if IS_WINDOWS:
        yield
        return
    if not sys.platform.startswith("linux"):
        pytest.skip("Linux and Windows")
    assert shutil.which("Xvfb"), "Xvfb is missing: bash .ci/install-packaging-tools.sh installs it"
    read, write = os.pipe()
    server = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
        pass_fds=(write,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write)
    with os.fdopen(read) as answer:
        number = answer.readline().strip()
    assert number.isdigit(), "Xvfb gave no display number"
    previous = os.environ.get("DISPLAY")
    os.environ["DISPLAY"] = f":{number}"
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop("DISPLAY", None)
        else:
            os.environ["DISPLAY"] = previous
        server.terminate()
        server.wait(timeout=30)


@pytest.mark.parametrize("lang", ["en", *LANGUAGES])
def test_the_frozen_window_opens_in_each_language(
    packaging_build: PackagingBuild,
    display: None,
    figures_module: ModuleType,
    tmp_path: Path,
    lang: str,
) -> None:
    executable = packaging_build.folder / f"i3sync{EXE}"
    probe = figures_module.window_probe()
    seconds = figures_module.time_start(executable, lang, WINDOW_TIMEOUT, probe, home=tmp_path)
    assert 0 < seconds < WINDOW_TIMEOUT
    log = (tmp_path / "log" / "i3sync.log").read_text(encoding="utf-8")
    assert f"Window language: {lang}\n" in log, log
    assert "No catalogue for" not in log, log  # ours
    assert "catalogue is missing" not in log, log  # Qt's own
    assert "Traceback" not in log, log


def test_figures_times_the_window_and_writes_the_job_summary(
    packaging_build: PackagingBuild, display: None, tmp_path: Path
) -> None:
    summary, data = tmp_path / "summary.md", tmp_path / "figures.json"
    summary.write_text("earlier step\n", encoding="utf-8")
    result = subprocess.run(
        [
            sys.executable, str(REPO / "packaging" / "figures.py"),
            "--dist", str(packaging_build.out), "--runs", "2", "--lang", "nl",
            "--summary", str(summary), "--json", str(data),
            "--dll-check", "0",  # the workflow's own step looks at the DLLs; nothing here does
        ],
        capture_output=True, text=True, timeout=600, check=False, env=dict(os.environ),
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    figures = json.loads(data.read_text(encoding="utf-8"))
    assert len(figures["starts"]) == 2 and all(0 < s < WINDOW_TIMEOUT for s in figures["starts"])
    sizes = {a["kind"]: a["megabytes"] for a in packaging_build.summary["artefacts"]}
    assert figures["sizes_mb"] == {k: sizes[k] for k in ("folder", "msi", "setup")}
    table = summary.read_text(encoding="utf-8")
    assert table.startswith("earlier step\n### I3 Sync Desktop ")  # appended, not replaced
    compression = packaging_build.summary["compression"]
    for row in (
        f"| setup.exe (Inno Setup), {compression} |",
        "| MSI (wixl) |",
        "| installed folder, ",
    ):
        assert row in table, table
    assert "| first start to window shown (`--lang nl`, empty user folders) |" in table
    assert "| start to window shown, median of 1 |" in table
    assert table.removeprefix("earlier step\n") in result.stdout
