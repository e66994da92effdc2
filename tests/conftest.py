"""Test isolation shared by every test: no real vault, no real user folders, Qt offscreen."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import keyring
import pytest

from tests.memory_keyring import MemoryKeyring

if TYPE_CHECKING:
    from desktop.simulator.crm import CrmSimulator
from tests.nusoap_server import NusoapError, NusoapEsws, find_nusoap_dir

# Before any Qt import: render offscreen, and let Chromium run as root (CI runs as root).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
# The window follows the system's language: tests read English whatever the machine speaks
# (tests of Dutch and German ask for them).
os.environ["LANGUAGE"] = "en"
os.environ["LC_ALL"] = "C.UTF-8"

REPO_ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def isolated_user_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Config, log, data and cache folders inside the test's tmp_path (platformdirs honours XDG)."""
    home = tmp_path / "home"
    for name, sub in (
        ("XDG_CONFIG_HOME", "config"),
        ("XDG_STATE_HOME", "state"),
        ("XDG_DATA_HOME", "data"),
        ("XDG_CACHE_HOME", "cache"),
    ):
        folder = home / sub
        folder.mkdir(parents=True)
        monkeypatch.setenv(name, str(folder))
    # Windows ignores the XDG variables: the app's own overrides work everywhere.
    monkeypatch.setenv("I3SYNC_CONFIG_DIR", str(home / "config" / "i3sync"))
    monkeypatch.setenv("I3SYNC_LOG_DIR", str(home / "state" / "i3sync" / "log"))
    monkeypatch.setenv("I3SYNC_DATA_DIR", str(home / "data" / "i3sync"))
    monkeypatch.setenv("I3SYNC_MACHINE_CONFIG_DIR", str(home / "machine" / "i3sync"))
    for secret_env in (
        "I3SYNC_COMPANY_ID",
        "I3SYNC_PASSWORD",
        "I3SYNC_CRM_PASSWORD",
        "I3SYNC_CRM_PASS_CODE",
        "I3SYNC_CRM_AUTH_CODE",
    ):
        monkeypatch.delenv(secret_env, raising=False)
    return home


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    """Every test gets a fresh in-memory vault; the previous backend comes back afterwards."""
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture
def subprocess_env(isolated_user_folders: Path) -> dict[str, str]:
    """Environment for running ``i3sync`` as a subprocess: same isolation, in-memory vault."""
    env = dict(os.environ)
    env["PYTHON_KEYRING_BACKEND"] = "tests.memory_keyring.MemoryKeyring"
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO_ROOT), env.get("PYTHONPATH")]))
    return env


# -- the real-NuSOAP ESWS stand-in (tests/nusoap/esws.php, tests/nusoap_server.py) ----------------


@pytest.fixture(scope="session")
def nusoap_esws() -> Iterator[NusoapEsws]:
    """A started NuSOAP ESWS stand-in (``php -S`` on a free loopback port), one per session.

    Never skipped: without php-cli, php-xml and libnusoap-php the tests that need it fail, saying
    what is missing (``bash .ci/install-system-packages.sh`` installs them).
    """
    find_nusoap_dir()
    if shutil.which(os.environ.get("PHP_BINARY") or "php") is None:
        raise NusoapError("php binary not found: install php-cli, php-xml and libnusoap-php")
    server = NusoapEsws().start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def esws_calls_cleared(nusoap_esws: NusoapEsws) -> NusoapEsws:
    """The session's stand-in with an empty call log, for tests that inspect ``calls()``."""
    nusoap_esws.clear_calls()
    return nusoap_esws


@pytest.fixture(autouse=True)
def restore_logging() -> Iterator[None]:
    """Remove the handlers a test's configure_logging() added, so logs never cross tests."""
    import logging

    root = logging.getLogger()
    before = list(root.handlers)
    level = root.level
    yield
    for handler in list(root.handlers):
        if handler not in before:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


@pytest.fixture(scope="module")
def crm_server() -> Iterator[CrmSimulator]:
    """The simulator with its CRM.COM Web API, one per test module (tests reset() it)."""
    from desktop.simulator.crm import install_crm
    from desktop.simulator.server import Simulator

    with Simulator() as simulator:
        yield install_crm(simulator)
