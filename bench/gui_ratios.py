"""The window's three costs, each against its bare baseline measured in the same run (issues 3, 13).

Run by hand: ``.venv/bin/python bench/gui_ratios.py [--runs N] [--no-outside]`` (offscreen when
there is no display). Prints medians over N runs (default 11) and their ratios:

  (a) process start -> form painted: ``i3sync`` (through ``desktop.cli.main``) vs a bare PySide6
      window, each a new process; the child reports CLOCK_MONOTONIC at its first paint. Three
      starts of the app, each against the same bare window (one bare start per round):
      ``i3sync`` with a saved profile, ``i3sync --demo``, and a first start (no profile file,
      no settings, and no password vault: keyring finds no backend, as on a desktop without
      one). All from bytecode (compiled first), as an installed app starts.
  (a, outside) the same four starts under ``Xvfb`` (when installed; ``--no-outside`` skips them),
      measured from outside the process through the window itself (``bench/x11_watch.py``):
      from spawn until the X server holds the window mapped and its pixels painted.
  (b) click on Sync -> sync page loaded: the window (worker thread, zeep, private profile, new
      view) vs a raw HTTP POST of the same envelope plus a bare QWebEngineView loading the same
      URL, alternated in one warm process.
  (c) main-process memory (RSS) after the flow: ``i3sync`` with one sync done vs the bare view
      after its POST and load, each a new process.

Where the time and memory above the baselines go (the floors): ``bench/import_costs.py``.

ESWS and I3 are the simulator, in a process of its own (so it does not share the GIL). Everything
runs against temporary config folders and an in-memory keyring; nothing leaves 127.0.0.1.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

TARGETS = {"a": 1.15, "b": 1.25, "c": 1.10}
PROFILE = "Bench"
USER = "42"


# -- helpers shared by the child roles ----------------------------------------------------------


def rss_bytes() -> int:
    """Resident memory of this process now (Linux /proc; psutil elsewhere)."""
    status = Path("/proc/self/status")
    if status.exists():
        match = re.search(r"^VmRSS:\s+(\d+) kB", status.read_text(), re.MULTILINE)
        if match:
            return int(match.group(1)) * 1024
    import psutil  # type: ignore[import-untyped,import-not-found,unused-ignore]

    return int(psutil.Process().memory_info().rss)


def raw_post_token(endpoint: str) -> str:
    """The baseline's POST: the envelope by hand over http.client, the token by regex."""
    from bench.envelope import HEADERS, sync_envelope
    from desktop.simulator.esws_logic import DEMO_ADMIN, DEMO_COMPANY_ID, DEMO_PASSWORD

    body = sync_envelope(DEMO_COMPANY_ID, DEMO_ADMIN, DEMO_PASSWORD, USER, None)
    parts = urlsplit(endpoint)
    connection = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=10)
    connection.request(
        "POST",
        parts.path,
        body,
        HEADERS,
    )
    reply = connection.getresponse().read().decode("iso-8859-1")
    connection.close()
    match = re.search(r"<return[^>]*>([0-9a-f]{128})</return>", reply)
    assert match, "no token in the reply"
    return match.group(1)


def wait_for(signal: Any, timeout_ms: int = 30_000) -> list[Any]:
    """Run the event loop until ``signal`` fires; its arguments."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    got: list[list[Any]] = []

    def fired(*args: Any) -> None:
        got.append(list(args))
        loop.quit()

    signal.connect(fired)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    signal.disconnect(fired)
    if not got:
        raise TimeoutError(f"no signal within {timeout_ms} ms")
    return got[0]


def seed_profile(esws: str, i3: str) -> None:
    """The Bench profile and its secrets, in this process's (temporary) config and keyring."""
    from desktop.core.vault import SecretKind, SecretStore
    from desktop.esws.profiles import Profile, ProfileStore
    from desktop.simulator.esws_logic import DEMO_ADMIN, DEMO_COMPANY_ID, DEMO_PASSWORD

    profile = Profile(PROFILE, esws, i3, admin_username=DEMO_ADMIN, remember_password=True)
    ProfileStore().save([profile], PROFILE)
    saved = ProfileStore().load().find(PROFILE)
    assert saved is not None
    store = SecretStore()  # secrets are filed under the profile's id, never its name
    store.save(saved.vault_key, SecretKind.COMPANY_ID, DEMO_COMPANY_ID)
    store.save(saved.vault_key, SecretKind.PASSWORD, DEMO_PASSWORD)


def role_flow(esws: str, i3: str, runs: int) -> None:
    import shiboken6
    from PySide6.QtCore import QUrl
    from PySide6.QtWebEngineWidgets import QWebEngineView
    from PySide6.QtWidgets import QApplication

    from desktop.esws.i3_urls import sync_url
    from desktop.esws.profiles import ProfileStore
    from desktop.esws.request import SyncKind
    from desktop.gui.main_window import MainWindow
    from desktop.gui.qt_setup import create_application

    create_application([])
    seed_profile(esws, i3)
    from desktop.core.vault import SecretStore

    window = MainWindow(ProfileStore(), SecretStore())
    window.show()
    if not window.started:
        wait_for(window.ready)
    tab = window.sync_tab
    if tab.vault_busy:  # the saved secrets are read off the GUI thread
        wait_for(tab.secretsLoaded)
    tab.form.fill_request(SyncKind.ONE_USER, USER)
    page = tab.ensure_sync_page()

    def app_once() -> float:
        start = time.perf_counter()
        tab.form.syncButton.click()
        (ok,) = wait_for(page.pageLoaded)
        elapsed = time.perf_counter() - start
        assert ok
        tab.back_to_form()
        return elapsed

    def bare_once() -> float:
        start = time.perf_counter()
        token = raw_post_token(esws)
        view = QWebEngineView()
        view.resize(800, 600)
        view.show()
        view.load(QUrl(sync_url(SyncKind.ONE_USER, token, i3)))
        (ok,) = wait_for(view.loadFinished)
        elapsed = time.perf_counter() - start
        assert ok
        view.close()
        shiboken6.delete(view)  # now, not later: the default profile must outlive no page
        return elapsed

    for _ in range(2):  # warm-up: first zeep call, first Chromium process
        app_once()
        bare_once()
    app_times, bare_times = [], []
    for _ in range(runs):
        app_times.append(app_once())
        bare_times.append(bare_once())
    window.close()
    shiboken6.delete(window)
    QApplication.processEvents()
    print(json.dumps({"app": statistics.median(app_times), "bare": statistics.median(bare_times)}))


def role_memory_app(esws: str, i3: str) -> None:
    from PySide6.QtCore import QTimer

    from bench.startup_child import run_app
    from desktop.esws.request import SyncKind

    seed_profile(esws, i3)  # the in-memory keyring is per process

    def on_window(window: Any) -> None:
        if not window.started:
            wait_for(window.ready)
        tab = window.sync_tab
        if tab.vault_busy:  # Sync waits for the saved secrets (read off the GUI thread)
            wait_for(tab.secretsLoaded)
        tab.form.fill_request(SyncKind.ONE_USER, USER)
        page = tab.ensure_sync_page()
        tab.form.syncButton.click()
        (ok,) = wait_for(page.pageLoaded)
        assert ok
        print(rss_bytes(), flush=True)
        QTimer.singleShot(0, window.close)  # inside the event loop, which then ends

    sys.exit(run_app(on_window))


def role_memory_bare(esws: str, i3: str) -> None:
    from PySide6.QtCore import QCoreApplication, Qt, QUrl
    from PySide6.QtWidgets import QApplication

    from desktop.esws.i3_urls import sync_url
    from desktop.esws.request import SyncKind

    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
    app = QApplication([sys.argv[0]])
    from PySide6.QtWebEngineWidgets import QWebEngineView

    token = raw_post_token(esws)
    view = QWebEngineView()
    view.resize(900, 780)
    view.show()
    view.load(QUrl(sync_url(SyncKind.ONE_USER, token, i3)))
    (ok,) = wait_for(view.loadFinished)
    assert ok
    print(rss_bytes(), flush=True)
    view.close()
    app.processEvents()


# -- the conductor ---------------------------------------------------------------------------


STARTUP_CHILD = Path(__file__).resolve().with_name("startup_child.py")


def child(env: dict[str, str], *args: str) -> tuple[int, str]:
    """Run this script in ``role`` (or, for ``startup-*``, ``bench/startup_child.py``) as a new
    process; (start time, its last stdout line)."""
    started = time.monotonic_ns()
    result = subprocess.run(
        child_command(*args),
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if result.returncode != 0:
        raise RuntimeError(f"{args[1]} failed:\n{result.stderr[-3000:]}")
    return started, result.stdout.strip().splitlines()[-1]


def child_command(*args: str) -> list[str]:
    if args[:1] == ("--role",) and args[1].startswith("startup-"):
        return [sys.executable, str(STARTUP_CHILD), args[1].removeprefix("startup-"), *args[2:]]
    return [sys.executable, str(Path(__file__).resolve()), *args]


def fresh_home(env: dict[str, str], prefix: str) -> dict[str, str]:
    """``env`` with empty config, state, data and cache folders of its own."""
    home = Path(tempfile.mkdtemp(prefix=prefix))
    env = dict(env)
    for name in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
        (home / name).mkdir()
        env[name] = str(home / name)
    return env


def bench_env(prefix: str) -> dict[str, str]:
    """The children's environment: empty folders of their own (``fresh_home``), bytecode kept,
    the in-memory keyring, the repository importable, Chromium's sandbox off as root. No Qt
    platform chosen: see ``offscreen_without_display``."""
    env = fresh_home(dict(os.environ), prefix)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHON_KEYRING_BACKEND"] = "tests.memory_keyring.MemoryKeyring"
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        env.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    return env


def offscreen_without_display(env: dict[str, str]) -> dict[str, str]:
    """``env``, on Qt's offscreen platform when there is no display to show windows on."""
    env = dict(env)
    if not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY") and sys.platform != "win32":
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return env


def compile_sources() -> None:
    """An installed app starts from bytecode (pip and PyInstaller compile it); a source tree run
    with PYTHONDONTWRITEBYTECODE=1 would recompile every module at every start (~40 ms here)."""
    import compileall

    for folder in ("desktop", "bench", "tests"):
        compileall.compile_dir(str(REPO / folder), quiet=1)


def first_start_env(env: dict[str, str]) -> dict[str, str]:
    """A first start: no profile, no settings, and keyring left to find a vault by itself."""
    env = fresh_home(env, "i3sync-bench-first-")
    env.pop("PYTHON_KEYRING_BACKEND", None)
    return env


# The start-ups measured, each against the bare window: (label, role arguments, first start).
STARTS = (
    ("i3sync", ("startup-app",), False),
    ("i3sync --demo", ("startup-app", "--demo"), False),
    ("first start, no vault", ("startup-app",), True),
)


def measure_starts(env: dict[str, str], runs: int) -> dict[str, list[float]]:
    """Seconds from spawn to the child's own first paint, per start (and the bare window)."""
    samples: dict[str, list[float]] = {"bare": [], **{label: [] for label, _, _ in STARTS}}
    for _ in range(runs):
        started, line = child(env, "--role", "startup-bare")
        samples["bare"].append((int(line) - started) / 1e9)
        for label, role, first in STARTS:
            started, line = child(first_start_env(env) if first else env, "--role", *role)
            samples[label].append((int(line) - started) / 1e9)
    return samples


def outside_once(watcher: Any, env: dict[str, str], role: tuple[str, ...]) -> tuple[float, float]:
    """(mapped, painted) seconds after the spawn, as the X server shows the window."""
    env = dict(env, BENCH_LINGER_MS="1500")
    started = time.monotonic()
    process = subprocess.Popen(
        child_command("--role", *role),
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        window, mapped = watcher.wait_mapped(started + 60)
        painted = watcher.wait_painted(window, started + 60)
    finally:
        _, errors = process.communicate(timeout=120)
    if process.returncode != 0:
        raise RuntimeError(f"{role} failed:\n{errors[-3000:]}")
    return mapped - started, painted - started


def measure_outside(env: dict[str, str], runs: int) -> dict[str, list[float]] | None:
    """The starts of :func:`measure_starts` under Xvfb, watched from outside: painted seconds
    (``None`` when Xvfb is not installed)."""
    import shutil

    xvfb = shutil.which("Xvfb")
    if xvfb is None or sys.platform == "win32":
        return None
    from bench.x11_watch import Watcher

    display = f":{90 + os.getpid() % 9}"
    server = subprocess.Popen(
        [xvfb, display, "-br", "-nolisten", "tcp", "-screen", "0", "1280x1024x24"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 10
        while True:
            try:
                watcher = Watcher(display)
                break
            except RuntimeError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise
                time.sleep(0.05)
        env = dict(env, DISPLAY=display, QT_QPA_PLATFORM="xcb")
        env.pop("WAYLAND_DISPLAY", None)
        samples: dict[str, list[float]] = {"bare": [], **{label: [] for label, _, _ in STARTS}}
        mapped: dict[str, list[float]] = {key: [] for key in samples}
        for _ in range(runs):
            shown, painted = outside_once(watcher, env, ("startup-bare",))
            samples["bare"].append(painted)
            mapped["bare"].append(shown)
            for label, role, first in STARTS:
                shown, painted = outside_once(watcher, first_start_env(env) if first else env, role)
                samples[label].append(painted)
                mapped[label].append(shown)
        watcher.close()
    finally:
        server.terminate()
        server.wait(10)
    for key, values in mapped.items():
        samples[f"{key} (mapped)"] = values
    return samples


def keyring_on_first_start(env: dict[str, str]) -> str:
    """What keyring finds on the first start's machine (the vault the window will report)."""
    code = "import keyring; print(type(keyring.get_keyring()).__module__)"
    result = subprocess.run(
        [sys.executable, "-c", code], env=first_start_env(env), capture_output=True, text=True
    )
    return result.stdout.strip() or result.stderr.strip().splitlines()[-1]


def print_ratio(key: str, what: str, app: float, bare: float, baseline: str, unit: str) -> None:
    scale = 1 / 2**20 if unit == "MiB" else 1000
    ratio = app / bare
    verdict = "ok" if ratio <= TARGETS[key] else "OVER TARGET"
    print(
        f"({key}) {what:40} app {app * scale:7.1f} {unit:3} vs {baseline} "
        f"{bare * scale:7.1f} {unit:3} -> {ratio:.2f}x "
        f"(target <= {TARGETS[key]:.2f}x) {verdict}"
    )


def conduct(runs: int, outside: bool) -> None:
    compile_sources()
    base_env = bench_env("i3sync-bench-")  # Xvfb's runs choose their display themselves
    env = offscreen_without_display(base_env)  # the same folders

    simulator = subprocess.Popen(
        [sys.executable, "-m", "desktop.simulator.server"],
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert simulator.stdout is not None
        esws = simulator.stdout.readline().split()[-1]
        i3 = simulator.stdout.readline().split()[-1]
        print(
            f"simulator: ESWS {esws}, I3 {i3}; {runs} runs each; Qt platform "
            f"{env.get('QT_QPA_PLATFORM', 'default')}; first start's keyring: "
            f"{keyring_on_first_start(env)}\n",
            flush=True,
        )
        seed = [sys.executable, str(Path(__file__).resolve()), "--role", "seed", esws, i3]
        subprocess.run(seed, env=env, check=True)  # base_env has the same folders: Xvfb's too

        starts = measure_starts(env, runs)
        seen = measure_outside(base_env, runs) if outside else None
        flow = json.loads(child(env, "--role", "flow", esws, i3, "--runs", str(runs))[1])
        bare_c, app_c = [], []
        for _ in range(max(3, runs // 2)):
            bare_c.append(int(child(env, "--role", "memory-bare", esws, i3)[1]))
            app_c.append(int(child(env, "--role", "memory-app", esws, i3)[1]))
    finally:
        simulator.terminate()
        simulator.wait(10)

    bare_a = statistics.median(starts["bare"])
    for label, _, _ in STARTS:
        what = f"start -> painted: {label}"
        print_ratio("a", what, statistics.median(starts[label]), bare_a, "bare window", "ms")
    if seen is not None:
        bare_seen = statistics.median(seen["bare"])
        for label, _, _ in STARTS:
            what = f"outside (Xvfb): {label}"
            print_ratio("a", what, statistics.median(seen[label]), bare_seen, "bare window", "ms")
        mapped = ", ".join(
            f"{key.removesuffix(' (mapped)')} {statistics.median(values) * 1000:.0f} ms"
            for key, values in seen.items()
            if key.endswith("(mapped)")
        )
        print(f"    (outside: mapped at {mapped}; painted is when its pixels are drawn)")
    print_ratio(
        "b",
        "click Sync -> sync page loaded",
        flow["app"],
        flow["bare"],
        "raw POST + bare view",
        "ms",
    )
    print_ratio(
        "c",
        "main-process RSS after the flow",
        statistics.median(app_c),
        statistics.median(bare_c),
        "bare QWebEngineView",
        "MiB",
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument(
        "--no-outside", action="store_true", help="skip the Xvfb measurement from outside"
    )
    parser.add_argument("--role")
    parser.add_argument("urls", nargs="*")
    args = parser.parse_args()
    roles: dict[str, Callable[[], None]] = {
        "flow": lambda: role_flow(args.urls[0], args.urls[1], args.runs),
        "memory-app": lambda: role_memory_app(*args.urls),
        "memory-bare": lambda: role_memory_bare(*args.urls),
        "seed": lambda: seed_profile(*args.urls),
    }
    if args.role:
        roles[args.role]()
    else:
        conduct(args.runs, outside=not args.no_outside)


if __name__ == "__main__":
    main()
