"""One packaging build per test session, shared by every test in tests/packaging.

The ``packaging_build`` fixture runs ``python packaging/build.py --fast`` once (frozen onedir,
self-check, MSI, setup.exe) into a temporary folder and removes it at the end of the session.
It never skips: when a tool is missing (``bash .ci/install-packaging-tools.sh .venv`` installs
them) or any step fails, every test that needs the build fails with build.py's own message.

``I3SYNC_PACKAGING_REUSE=<the --out folder of an earlier build.py run>`` inspects that build
instead of building again (the Windows workflow uses it to test the artefacts it uploads).
``I3SYNC_PACKAGING_KEEP=1`` keeps the temporary build for a look afterwards.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[2]
PACKAGING = REPO / "packaging"
BUILD_TIMEOUT = 1500  # seconds; a normal CI build takes about 1.5 minutes on 2 cores
IS_WINDOWS = sys.platform == "win32"
EXE = ".exe" if IS_WINDOWS else ""

# Seconds for a test that may have to wait for the session's build (pytest-timeout counts
# fixture set-up): the build's own bound plus the test's.
BUILD_WAIT = BUILD_TIMEOUT + 300


def load_packaging_module(name: str) -> ModuleType:
    """packaging/<name>.py as a module (packaging/ is a folder of scripts, not a package)."""
    if str(PACKAGING) not in sys.path:
        sys.path.insert(0, str(PACKAGING))
    qualified = f"i3sync_packaging_{name}"
    if qualified in sys.modules:
        return sys.modules[qualified]
    spec = importlib.util.spec_from_file_location(qualified, PACKAGING / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[qualified] = module
    spec.loader.exec_module(module)
    return module


@dataclass(frozen=True)
class PackagingBuild:
    """Where build.py put things, and what its summary says."""

    out: Path
    summary: dict[str, Any]
    log: str
    seconds: float

    def artefact(self, kind: str) -> Path:
        for item in self.summary["artefacts"]:
            if item["kind"] == kind:
                return Path(item["path"])
        raise AssertionError(f"build.py made no {kind}: {self.summary['artefacts']}")

    @property
    def folder(self) -> Path:
        """The frozen onedir folder."""
        return self.artefact("folder")

    @property
    def payload(self) -> Path:
        """The folder the installers packaged (on Linux the staged copy with .exe names)."""
        return Path(self.summary["payload"])

    @property
    def version(self) -> str:
        return str(self.summary["version"])

    @property
    def numeric_version(self) -> str:
        return str(self.summary["numeric_version"])


def isolated_env(home: Path) -> dict[str, str]:
    """The environment for frozen or installed app runs: temporary user folders, no test
    keyring backend, offscreen Qt."""
    env = dict(os.environ)
    for name in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        folder = home / name.lower()
        folder.mkdir(parents=True, exist_ok=True)
        env[name] = str(folder)
    for name in ("PYTHON_KEYRING_BACKEND", "I3SYNC_COMPANY_ID", "I3SYNC_PASSWORD"):
        env.pop(name, None)
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


@pytest.fixture(scope="session")
def packaging_build(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PackagingBuild]:
    """The session's build (see the module docstring)."""
    reuse = os.environ.get("I3SYNC_PACKAGING_REUSE")
    if reuse:
        out = Path(reuse).resolve()
        summary_file = out / "build-summary.json"
        if not summary_file.is_file():
            pytest.fail(f"I3SYNC_PACKAGING_REUSE={reuse}: no {summary_file}")
        summary = json.loads(summary_file.read_text(encoding="utf-8"))
        yield PackagingBuild(out, summary, "(reused)", float(summary["seconds"]))
        return
    out = tmp_path_factory.mktemp("packaging")
    log_path = out / "build.log"
    command = [
        sys.executable, str(PACKAGING / "build.py"), "--fast",
        "--out", str(out / "dist"), "--work", str(out / "work"),
    ]  # fmt: skip
    started = time.monotonic()
    with log_path.open("w", encoding="utf-8") as log:
        result = subprocess.run(
            command,
            cwd=REPO,
            env=isolated_env(out / "home"),
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            timeout=BUILD_TIMEOUT,
            check=False,
        )
    seconds = time.monotonic() - started
    text = log_path.read_text(encoding="utf-8", errors="replace")
    if result.returncode != 0:
        pytest.fail(
            f"packaging/build.py failed (exit {result.returncode}; 2 = a tool is missing: "
            f"bash .ci/install-packaging-tools.sh .venv):\n{text[-6000:]}",
            pytrace=False,
        )
    summary = json.loads((out / "dist" / "build-summary.json").read_text(encoding="utf-8"))
    print(f"\npackaging build: {seconds:.0f} s\n{text[text.rfind('== I3 Sync Desktop') :]}")
    try:
        yield PackagingBuild(out / "dist", summary, text, seconds)
    finally:
        if os.environ.get("I3SYNC_PACKAGING_KEEP") != "1":
            shutil.rmtree(out, ignore_errors=True)


@pytest.fixture(scope="session")
def installers_module() -> ModuleType:
    return load_packaging_module("installers")


@pytest.fixture(scope="session")
def winres_module() -> ModuleType:
    return load_packaging_module("winres")


@pytest.fixture(scope="session")
def figures_module() -> ModuleType:
    return load_packaging_module("figures")
