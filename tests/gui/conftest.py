"""Fixtures for driving the real window: a simulator on loopback, stores in temporary folders,
the in-memory keyring, and helpers that type and click like a user.

How to drive the window in a test::

    def test_something(qtbot, simulator, saved_profile, make_window):
        window = make_window()                 # shown, deferred start-up done
        form = window.sync_tab.form
        type_into(qtbot, form.passwordEdit, DEMO_PASSWORD)
        page = sync_and_wait_for_page(qtbot, window)   # clicks Sync, waits for the page
"""

from __future__ import annotations

import gc
import logging
import socket
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QLineEdit, QWidget

from desktop.core.paths import ENV_MACHINE_CONFIG_DIR
from desktop.core.vault import SecretKind, SecretStore
from desktop.esws.profiles import Profile, ProfileStore
from desktop.gui.qt_setup import prepare_qt
from desktop.simulator.crm import CrmSimulator
from desktop.simulator.esws_logic import DEMO_ADMIN, DEMO_COMPANY_ID, DEMO_PASSWORD
from desktop.simulator.server import Simulator
from tests.crm_support import FakeClock
from tests.gui.catalogues import MarkingCatalogue, installed
from tests.unit.test_managed_profiles import write_machine_file

# Before pytest-qt creates the QApplication: QtWebEngine is imported lazily, later.
prepare_qt()

PROFILE = "Test company"


@pytest.fixture(autouse=True)
def garbage_collected_on_the_gui_thread(qapp: Any) -> Iterator[None]:
    """As in the app: the cyclic collector only ever runs on the GUI thread (a Qt object with a
    browser inside, finalised on a runner thread, makes Chromium abort the process). What a test
    leaves in cycles goes at its end, here, on the GUI thread."""
    from desktop.gui.qt_setup import collect_garbage_on_gui_thread

    collect_garbage_on_gui_thread(qapp)
    yield
    gc.collect()


@pytest.fixture(autouse=True)
def english_system(monkeypatch: pytest.MonkeyPatch, qapp: Any) -> Iterator[None]:
    """The system speaks English in every window test, on Windows and macOS too (where the
    LANGUAGE variable the top conftest sets means nothing); tests of other languages ask.
    Afterwards the window is English again and Qt's default locale is the one before the test,
    whatever language or locale the test installed (autouse: torn down after its fixtures)."""
    from PySide6.QtCore import QLocale

    from desktop.gui import i18n

    monkeypatch.setattr(i18n, "system_ui_languages", lambda: ["en-US"])
    before = QLocale()
    yield
    if i18n.current_language() != "en":
        assert i18n.install("en") == "en"
        assert QLocale().language() == QLocale.Language.English
    QLocale.setDefault(before)


PAGE_TIMEOUT_MS = 20_000
LIFETIME = 60  # seconds: the CRM.COM tokens of the ``crm`` fixture


@pytest.fixture
def marking(qapp: Any) -> Iterator[None]:
    """Every text looked up comes out between ⟦ and ⟧ (tests.gui.catalogues.MarkingCatalogue)."""
    from PySide6.QtCore import QCoreApplication

    with installed(MarkingCatalogue()):
        assert QCoreApplication.translate("Any", "text") == "⟦text⟧"
        yield


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def crm(crm_server: CrmSimulator, clock: FakeClock) -> CrmSimulator:
    """One-minute JWTs on the test's clock: the exp claim tells the panel the lifetime."""
    crm_server.reset(lifetime_seconds=LIFETIME, jwt=True, clock=clock)
    return crm_server


@pytest.fixture
def simulator() -> Iterator[Simulator]:
    """ESWS and I3 on 127.0.0.1, with the demo company."""
    with Simulator() as sim:
        yield sim


@pytest.fixture
def profile_store(isolated_user_folders: Path) -> ProfileStore:
    """The real profile file, in the test's temporary config folder."""
    return ProfileStore()


@pytest.fixture
def secret_store() -> SecretStore:
    """The real vault module, on the in-memory keyring of tests/conftest.py."""
    return SecretStore()


@pytest.fixture
def saved_profile(simulator: Simulator, profile_store: ProfileStore) -> Profile:
    """A saved profile pointing at the simulator, admin username filled, no secrets saved."""
    profile = Profile(
        name=PROFILE,
        esws_endpoint=simulator.esws_endpoint,
        i3_base_url=simulator.url,
        admin_username=DEMO_ADMIN,
    )
    profile_store.save([profile], PROFILE)
    return profile


@pytest.fixture
def saved_secrets(saved_profile: Profile, secret_store: SecretStore) -> Profile:
    """``saved_profile`` with the security code (and the remembered password) in the vault."""
    profile = Profile(**{**saved_profile.__dict__, "remember_password": True})
    ProfileStore().upsert(profile)
    secret_store.save(vault_key(profile.name), SecretKind.COMPANY_ID, DEMO_COMPANY_ID)
    secret_store.save(vault_key(profile.name), SecretKind.PASSWORD, DEMO_PASSWORD)
    return profile


def vault_key(name: str) -> str:
    """The vault key of the saved profile called ``name`` (secrets are keyed by profile id)."""
    profile = ProfileStore().load().find(name)
    assert profile is not None, name
    return profile.vault_key


@pytest.fixture
def make_window(
    qtbot: Any, profile_store: ProfileStore, secret_store: SecretStore
) -> Callable[..., Any]:
    """Build, show and start a ``MainWindow`` (closed, and its workers stopped, at teardown)."""
    from desktop.gui.main_window import MainWindow

    windows: list[MainWindow] = []  # pytest-qt holds widgets weakly: keep them until teardown

    def make(**kwargs: Any) -> MainWindow:
        kwargs.setdefault("warm_up", False)
        profiles = kwargs.pop("profiles", profile_store)
        secrets = kwargs.pop("secrets", secret_store)
        window = MainWindow(profiles, secrets, **kwargs)
        qtbot.addWidget(window, before_close_func=lambda w: w.close())
        windows.append(window)
        window.show()
        # Started, and the saved secrets read from the vault (off the GUI thread) are in.
        qtbot.waitUntil(lambda: window.started and not window.sync_tab.vault_busy)
        return window

    return make


@pytest.fixture
def log_file(isolated_user_folders: Path) -> Iterator[Path]:
    """The app's logging set up as ``i3sync --debug`` does, into the temporary log folder."""
    from desktop.core.logsetup import configure_logging

    path = configure_logging(debug=True)
    assert path is not None
    yield path
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_i3sync", False):
            root.removeHandler(handler)
            handler.close()
    root.setLevel(logging.WARNING)


@pytest.fixture
def closed_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def type_into(qtbot: Any, edit: QLineEdit, text: str) -> None:
    """Replace the field's text the way a user does: select all, type."""
    edit.setFocus()
    edit.selectAll()
    if text:
        qtbot.keyClicks(edit, text)
    else:
        edit.del_()
        edit.textEdited.emit("")


def fill_form(
    qtbot: Any,
    window: Any,
    *,
    company_id: str = DEMO_COMPANY_ID,
    password: str = DEMO_PASSWORD,
    user: str | None = "42",
    location: str = "",
) -> None:
    """Type the credentials (and user, location) into the form of ``window``."""
    form = window.sync_tab.form
    type_into(qtbot, form.companyIdEdit, company_id)
    type_into(qtbot, form.passwordEdit, password)
    if user is not None:
        form.modeOneRadio.setChecked(True)
        type_into(qtbot, form.userIdEdit, user)
        type_into(qtbot, form.locationEdit, location)


def sync_and_wait_for_page(qtbot: Any, window: Any, *, loaded: bool = True) -> Any:
    """Click Sync and wait until the sync page's load ends (``loaded``: it showed the page)."""
    page = window.sync_tab.ensure_sync_page()
    with qtbot.waitSignal(page.pageLoaded, timeout=PAGE_TIMEOUT_MS) as blocker:
        qtbot.mouseClick(window.sync_tab.form.syncButton, _left())
    assert blocker.args == [loaded]
    assert window.sync_tab.currentWidget() is page
    # What a successful sync keeps (vault, profile file) is written off the GUI thread.
    qtbot.waitUntil(lambda: not window.sync_tab.vault_busy)
    return page


def _left() -> Any:
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def run_js(qtbot: Any, view: Any, script: str) -> Any:
    """The result of ``script`` in the page of ``view``."""
    with qtbot.waitCallback(timeout=PAGE_TIMEOUT_MS) as callback:
        view.page().runJavaScript(script, callback)
    return callback.args[0]


def save_profile(simulator: Simulator, **overrides: Any) -> Profile:
    """Save (as last used) a profile for ``simulator`` with ``overrides``; returns it."""
    values: dict[str, Any] = {
        "name": PROFILE,
        "esws_endpoint": simulator.esws_endpoint,
        "i3_base_url": simulator.url,
        "admin_username": DEMO_ADMIN,
    }
    values.update(overrides)
    profile = Profile(**values)
    ProfileStore().save([profile], profile.name)
    return profile


def machine_profiles_file(
    monkeypatch: pytest.MonkeyPatch, folder: Path, *entries: dict[str, object]
) -> Path:
    """``entries`` as the machine-wide profiles.json in ``folder`` (as IT deploys it), which the
    app reads for the test; the file's path."""
    path = write_machine_file(folder, list(entries))
    monkeypatch.setenv(ENV_MACHINE_CONFIG_DIR, str(folder))
    return path


def open_profile_dialog(
    qtbot: Any,
    name: str,
    parent: QWidget | None = None,
    *,
    confirm: Callable[..., bool] | None = None,
) -> Any:
    """The profiles dialog on the real files, ``name`` chosen, shown and exposed: window-modal
    over ``parent`` as the window opens it, or without one as a window of its own (closed by
    pytest-qt at teardown). ``confirm`` answers its questions instead of a message box."""
    from desktop.gui.esws.profile_book import ProfileBook
    from desktop.gui.esws.profile_dialog import ProfileDialog

    book = ProfileBook(ProfileStore(), SecretStore())
    book.load()
    dialog = ProfileDialog(book, name, parent)
    if confirm is not None:
        dialog.confirm = confirm
    if parent is None:
        qtbot.addWidget(dialog)
        dialog.show()
    else:
        dialog.open()
    qtbot.waitExposed(dialog)
    return dialog


# -- what a real i3sync process has imported at its first paint (test_perf_*) -------------------

# Through the entry point, as ``i3sync`` starts. Nothing imported before the paint but what the
# app imports itself (urllib only at ``ready``, after it): the report is a repr, not JSON.
FIRST_PAINT_PROBE = """
import sys
import desktop.cli
import desktop.gui.launch as launch

ARGV = {argv!r}
report = {{}}

def on_window(window):
    tab = window.sync_tab

    def painted():
        report["modules"] = sorted(sys.modules)
        report["shown"] = "welcome" if tab.currentWidget() is tab.welcome else "form"
        report["summary"] = tab.form.profileSummary.accessibleName()
        notice = tab.notice("demo")
        report["notice"] = notice.label.text() if notice is not None else ""

    def ready():
        profile = tab.current_profile()
        if "--demo" in ARGV and profile is not None:  # the demo's simulator answers there
            import urllib.request

            with urllib.request.urlopen(profile.esws_endpoint + "?wsdl", timeout=20) as reply:
                report["wsdl_status"] = reply.status
        window.close()

    window.painted.connect(painted)
    window.ready.connect(ready)

def run_gui(args, argv):
    return launch.start(args, argv, on_window=on_window)

launch.run_gui = run_gui
code = desktop.cli.main(ARGV)
print(repr(report))
sys.exit(code)
"""


def first_paint(env: dict[str, str], argv: list[str]) -> dict[str, Any]:
    """``i3sync <argv>`` as a process, closed once ready: at its first paint, every module it had
    imported ("modules"), the page shown ("form" or "welcome"), the profile summary's accessible
    name and the demo notice's text; for ``--demo`` the simulator's answer to ?wsdl at ready."""
    import ast
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-c", FIRST_PAINT_PROBE.format(argv=argv)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    report: dict[str, Any] = ast.literal_eval(result.stdout.strip().splitlines()[-1])
    return report


def loaded_at_paint(report: dict[str, Any], watched: list[str]) -> list[str]:
    """Those of ``watched`` (in its order) that were imported at the first paint."""
    return [name for name in watched if name in report["modules"]]


@pytest.fixture(scope="session")
def shared_first_paint() -> Callable[[str, dict[str, str]], dict[str, Any]]:
    """``first_paint`` of a scenario every test that looks at it shares, run once a session:
    ``"demo"`` (``i3sync --demo``) and ``"first start"`` (no profile, and keyring left to look
    for a vault by itself). Started with the first asking test's ``subprocess_env``."""
    reports: dict[str, dict[str, Any]] = {}

    def report(scenario: str, env: dict[str, str]) -> dict[str, Any]:
        if scenario not in reports:
            argv = {"demo": ["--demo"], "first start": []}[scenario]
            env = dict(env)
            if scenario == "first start":
                env.pop("PYTHON_KEYRING_BACKEND", None)
            reports[scenario] = first_paint(env, argv)
        return reports[scenario]

    return report
