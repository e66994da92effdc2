"""``i3sync --self-check``: prove that this copy of the app works, offscreen, in a few seconds.

Built for the frozen app (PyInstaller drops what it does not see: a hook, a data file, keyring's
entry points), and run by ``packaging/build.py`` on every build before anything is packaged. It

1. finds the bundled resources (the ESWS WSDL, the window icons);
2. asks keyring which vault it found (on Windows it must be the Credential Manager: a frozen
   build that lost keyring's entry points falls back to it, as the window does);
3. starts the simulator on 127.0.0.1 and fetches a one-time token from it through ``EswsClient``
   (zeep, lxml, the bundled WSDL, the one HTTP set-up);
4. opens the resulting sync page in the window's own sync view, a real QWebEngineView, and reads
   the page's content once its script has run (QtWebEngine's helper process and resources);
5. says whether Chromium's sandbox was on for that page, and why not when it was off (as root
   on Linux this check switches it off, as Chromium requires; the line says so).

It prints one line per check and exits 0 when all passed, 1 otherwise. Nothing leaves the
computer, nothing is written to the vault, and the token is never printed.

This module imports no Qt: the page is read by the ``read_page`` it is given
(:func:`desktop.gui.self_check_view.read_sync_page`, passed by :mod:`desktop.cli`).
"""

from __future__ import annotations

import os
import platform
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from desktop import version
from desktop.core.errors import I3SyncError
from desktop.core.http import Timeouts
from desktop.core.i18n import TRANSLATED_LANGUAGES, catalogue_path
from desktop.core.paths import resource_path
from desktop.core.redaction import register_secret
from desktop.core.reporting import message_for
from desktop.core.vault import SecretStore, windows_backend_fallback
from desktop.esws.client import BUNDLED_WSDL, EswsClient
from desktop.esws.i3_urls import sync_url
from desktop.esws.request import SyncKind, build_request
from desktop.simulator.esws_logic import DEMO_ADMIN, DEMO_COMPANY_ID, DEMO_PASSWORD
from desktop.simulator.server import Simulator

# url, I3 base URL, timeout in seconds -> what the page shows (see self_check_view.PAGE_FIELDS).
PageReader = Callable[[str, str, float], dict[str, str]]

EXIT_PASSED = 0
EXIT_FAILED = 1
PAGE_TIMEOUT_SECONDS = 90.0
TOKEN_TIMEOUT_SECONDS = 30.0
WINDOWS_VAULT = "Windows Credential Manager"
# What the simulator's one-user page shows for the demo user and location asked for below.
EXPECTED_USER = "Anna de Vries"
EXPECTED_STATUS = "Synchronisation complete"
DEMO_USER_ID = "42"
DEMO_LOCATION = 3


@dataclass(frozen=True)
class CheckResult:
    """One line of the report."""

    name: str
    ok: bool
    detail: str

    def line(self) -> str:
        return f"{'ok  ' if self.ok else 'FAIL'} {self.name}: {self.detail}"


@dataclass
class SelfCheckReport:
    """All checks, in order, and how long they took."""

    results: list[CheckResult] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def passed(self) -> bool:
        return bool(self.results) and all(result.ok for result in self.results)


SANDBOX_ENV = "QTWEBENGINE_DISABLE_SANDBOX"
CHROMIUM_FLAGS_ENV = "QTWEBENGINE_CHROMIUM_FLAGS"


def _running_as_root() -> bool:
    return sys.platform.startswith("linux") and hasattr(os, "geteuid") and os.geteuid() == 0


def prepare_environment(
    environ: dict[str, str] | None = None, *, as_root: bool | None = None
) -> CheckResult:
    """Offscreen Qt unless the caller chose a platform; Chromium's sandbox off only as root.

    Chromium refuses to start its sandbox as root (CI containers); a normal user keeps it.
    Returns the report line saying whether the sandbox is on, and why not when it is off: the
    check passes either way, but it must never look as if the browser ran sandboxed when it
    did not. ``as_root`` stands in for the effective user (tests).
    """
    env = os.environ if environ is None else environ
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    root = _running_as_root() if as_root is None else as_root
    # Qt WebEngine switches the sandbox off when the variable is set at all, whatever its value.
    if SANDBOX_ENV in env:
        detail = f"off: {SANDBOX_ENV} is set in the environment (not by i3sync)"
    elif "--no-sandbox" in env.get(CHROMIUM_FLAGS_ENV, "").split():
        detail = f"off: {CHROMIUM_FLAGS_ENV} holds --no-sandbox (not set by i3sync)"
    elif root:
        env[SANDBOX_ENV] = "1"
        detail = (
            "off: running as root, where Chromium cannot start its sandbox; switched off "
            "for this check only (its pages come from the local simulator)"
        )
    else:
        detail = "on (Chromium's default)"
    return CheckResult("browser sandbox", True, detail)


# The first bytes of every compiled Qt catalogue (.qm).
QM_MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")
CATALOGUE_LANGUAGES = TRANSLATED_LANGUAGES


def check_resources() -> CheckResult:
    """The WSDL, at least one window icon and the window's Dutch and German catalogues are where
    ``resource_path`` looks."""

    wsdl = resource_path(BUNDLED_WSDL)
    icons = sorted(p.name for p in wsdl.parent.glob("i3sync-*.png")) if wsdl.parent.is_dir() else []
    catalogues = [
        language for language in CATALOGUE_LANGUAGES if _is_catalogue(catalogue_path(language))
    ]
    ok = wsdl.is_file() and bool(icons) and len(catalogues) == len(CATALOGUE_LANGUAGES)
    where = "bundle" if getattr(sys, "frozen", False) else "package"
    found = "found" if wsdl.is_file() else "MISSING"
    languages = ", ".join(["en", *catalogues])
    missing = sorted(set(CATALOGUE_LANGUAGES) - set(catalogues))
    detail = f"{BUNDLED_WSDL} {found}, {len(icons)} icons, window languages {languages}"
    if missing:
        detail += f" (catalogue MISSING: {', '.join(missing)})"
    return CheckResult("resources", ok, f"{detail} ({where})")


def _is_catalogue(path: Path) -> bool:
    try:
        with path.open("rb") as file:
            return file.read(len(QM_MAGIC)) == QM_MAGIC
    except OSError:
        return False


def _keyring_entry_points() -> list[str]:
    from importlib import metadata

    return sorted({ep.name for ep in metadata.entry_points(group="keyring.backends")})


def _windows_backend_bundled() -> bool:
    import importlib.util

    try:
        return importlib.util.find_spec("keyring.backends.Windows") is not None
    except ImportError:
        return False


def check_vault() -> CheckResult:
    """The vault keyring found, as the window would use it; on Windows it must be the real one.

    Reads nothing from and writes nothing to the vault.
    """

    windows_backend_fallback()
    status = SecretStore().status()
    entry_points = _keyring_entry_points()
    bundled = _windows_backend_bundled()
    # Without keyring's metadata a frozen build silently ends on the fail backend: require it,
    # and the Windows backend module, on every platform (they are the same files everywhere).
    ok = "Windows" in entry_points and bundled
    if sys.platform == "win32":
        ok = ok and status.available and status.where == WINDOWS_VAULT
    detail = (
        f"backend {status.where!r} (available: {'yes' if status.available else 'no'}); "
        f"entry points: {', '.join(entry_points) or 'NONE'}; "
        f"Windows backend bundled: {'yes' if bundled else 'NO'}"
    )
    return CheckResult("vault", ok, detail)


def fetch_demo_token(esws_endpoint: str) -> str:
    """A one-time token for the demo user from the simulator's ESWS, through ``EswsClient``."""

    request = build_request(
        SyncKind.ONE_USER,
        company_id=DEMO_COMPANY_ID,
        admin_username=DEMO_ADMIN,
        admin_password=DEMO_PASSWORD,
        user_id=DEMO_USER_ID,
        location=DEMO_LOCATION,
    )
    client = EswsClient(esws_endpoint, timeouts=Timeouts.total(TOKEN_TIMEOUT_SECONDS))
    try:
        token = client.fetch_token(request)
    finally:
        client.close()
    register_secret(token)
    return token


def check_page(facts: dict[str, str], seconds: float) -> CheckResult:
    """The simulator's page for the demo user, after its script ran."""
    user, status = facts.get("user", ""), facts.get("status", "")
    ok = EXPECTED_USER in user and status == EXPECTED_STATUS and not facts.get("error")
    if facts.get("error"):
        detail = f"{facts['error']} ({seconds:.1f} s)"
    else:
        read = facts.get("languages", "").split(",")
        unreadable = [language for language in CATALOGUE_LANGUAGES if language not in read]
        languages = ", ".join(["en", *(lang for lang in CATALOGUE_LANGUAGES if lang in read)])
        if unreadable:
            languages += f" (catalogue UNREADABLE: {', '.join(unreadable)})"
        detail = (
            f"title {facts.get('title', '')!r}, {user!r}, status {status!r}, "
            f"window icon {'loaded' if facts.get('icon') == 'yes' else 'MISSING'}, "
            f"languages read by Qt {languages} ({seconds:.1f} s)"
        )
        ok = ok and facts.get("icon") == "yes" and not unreadable
    return CheckResult("I3 page in QtWebEngine", ok, detail)


def run_self_check(
    read_page: PageReader, out: TextIO | None = None, sandbox: CheckResult | None = None
) -> SelfCheckReport:
    """Run every check, printing each line to ``out`` as it completes; return the report.

    ``sandbox`` (from :func:`prepare_environment`) is reported after the page it applied to.
    """
    stream = out if out is not None else sys.stdout
    started = time.monotonic()
    report = SelfCheckReport()

    def record(result: CheckResult) -> None:
        report.results.append(result)
        print(result.line(), file=stream, flush=True)

    frozen = "frozen" if getattr(sys, "frozen", False) else "not frozen"
    print(
        f"i3sync self-check {version()} ({frozen}, {sys.platform}, "
        f"Python {platform.python_version()})",
        file=stream,
        flush=True,
    )
    record(check_resources())
    record(check_vault())

    with Simulator() as simulator:
        t0 = time.monotonic()
        try:
            token = fetch_demo_token(simulator.esws_endpoint)
        except I3SyncError as error:
            record(CheckResult("ESWS token", False, message_for(error)))
        else:
            record(
                CheckResult(
                    "ESWS token",
                    True,
                    f"getSyncToken from the simulator on 127.0.0.1 "
                    f"({len(token)} characters, {time.monotonic() - t0:.2f} s)",
                )
            )
            t1 = time.monotonic()
            url = sync_url(SyncKind.ONE_USER, token, simulator.url)
            facts = read_page(url, simulator.url, PAGE_TIMEOUT_SECONDS)
            record(check_page(facts, time.monotonic() - t1))
            if sandbox is not None:
                record(sandbox)
    report.seconds = time.monotonic() - started
    verdict = "passed" if report.passed else "FAILED"
    print(f"self-check {verdict} in {report.seconds:.1f} s", file=stream, flush=True)
    return report


def main(read_page: PageReader) -> int:
    """``i3sync --self-check``: 0 when every check passed, 1 otherwise.

    ``read_page`` opens the page in the window's browser (``desktop.cli`` passes the GUI's).
    """
    sandbox = prepare_environment()
    return EXIT_PASSED if run_self_check(read_page, sandbox=sandbox).passed else EXIT_FAILED
