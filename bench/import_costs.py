"""Where the window's start-up time and memory go: the floors behind issue 13's ratios.

Run by hand: ``.venv/bin/python bench/import_costs.py [--runs N]`` (offscreen when there is no
display; default 5 runs, medians). Every figure comes from new processes started from bytecode
(compiled first), as an installed app starts. Prints:

0. What ``i3sync`` has imported at its first paint that a bare PySide6 window has not (with a
   saved profile, on a first start, in demo mode): each module's own import time (``-X
   importtime``, one run), the app's own modules summed, the others one by one.
1. Start-up, step by step (ms since the process was spawned, and each step's own share): the
   bare PySide6 window's steps, then ``i3sync``'s (with a saved profile): interpreter, PySide6,
   Qt's ``Qt`` namespace (its ~100 enums, created on first use), the app's own modules, the
   QApplication, the language, building the window, the first paint.
2. Memory (RSS, MiB) each package adds to a process that has PySide6 and a QApplication:
   alone (imported first), and in the app's order (what it adds on top of what came before).
   keyring is counted with its backend discovery (``keyring.get_keyring()``), QtWebEngine with a
   first view (its profile and the Chromium process handles).
3. Between a click on Sync and the first request: the steps the window's worker takes (each one's
   median, in a warm process, against the simulator on loopback), and what a raw POST takes.
"""

from __future__ import annotations

import argparse
import ast
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

# -- 0. modules at the first paint ---------------------------------------------------------------

MODULES_BARE = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget
app = QApplication([sys.argv[0]])
window = QWidget(); QVBoxLayout(window).addWidget(QLabel("A bare PySide6 window"))
window.resize(900, 780)
seen = []
class Paint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not seen:
            seen.append(sorted(sys.modules)); QTimer.singleShot(0, app.quit)
        return False
paint = Paint(); window.installEventFilter(paint); window.show(); app.exec()
print(repr(seen[0]))
"""

MODULES_APP = """
import sys
import desktop.cli, desktop.gui.launch as launch
seen = []
def on_window(window):
    def painted():
        seen.append(sorted(sys.modules))
        from PySide6.QtCore import QTimer
        QTimer.singleShot(0, window.close)
    window.painted.connect(painted)
launch.run_gui = lambda args, argv: launch.start(args, argv, on_window=on_window)
desktop.cli.main({argv!r})
print(repr(seen[0]))
"""


def loaded_at_paint(code: str, env: dict[str, str]) -> tuple[set[str], dict[str, int]]:
    """The modules a child has at its first paint, and each one's own import time (µs)."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-c", code],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if result.returncode != 0:
        raise RuntimeError(result.stderr[-3000:])
    own: dict[str, int] = {}
    for line in result.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            self_us, _, name = line.removeprefix("import time:").split("|")
            if self_us.strip().isdigit():
                own[name.strip()] = int(self_us)
    return set(ast.literal_eval(result.stdout.strip().splitlines()[-1])), own


def modules_at_paint(env: dict[str, str]) -> None:
    from desktop.esws.profiles import Profile, ProfileStore

    print("0. Imported at the first paint beyond the bare window's modules (own time, ms, 1 run)")
    bare, _ = loaded_at_paint(MODULES_BARE, env)
    first_start = environment()
    saved = dict(env)
    folders = ("XDG_CONFIG_HOME", "XDG_STATE_HOME")
    os.environ.update({k: saved[k] for k in folders})
    ProfileStore().save([Profile(name="Acme", admin_username="hr")], "Acme")
    for label, start_env, argv in (
        ("i3sync (a saved profile)", saved, []),
        ("i3sync, first start", first_start, []),
        ("i3sync --demo", first_start, ["--demo"]),
    ):
        loaded, own = loaded_at_paint(MODULES_APP.format(argv=argv), start_env)
        extra = loaded - bare
        ours = sorted(m for m in extra if m == "desktop" or m.startswith("desktop."))
        others = sorted(extra - set(ours), key=lambda m: -own.get(m, 0))
        print(
            f"   {label}: {len(ours)} modules of the app "
            f"({sum(own.get(m, 0) for m in ours) / 1000:.1f} ms), {len(others)} others "
            f"({sum(own.get(m, 0) for m in others) / 1000:.1f} ms):"
        )
        heavy = sorted((m for m in ours if own.get(m, 0) >= 1000), key=lambda m: -own[m])
        print("     the app's over 1 ms: " + ", ".join(f"{m} {own[m] / 1000:.1f}" for m in heavy))
        shown = [f"{m} {own[m] / 1000:.1f}" for m in others if own.get(m, 0) >= 100]
        print("     " + ", ".join(shown))
        rest = [m for m in others if own.get(m, 0) < 100]
        if rest:
            print(f"     (under 0.1 ms each: {', '.join(sorted(rest))})")
    print()


# -- 1. start-up steps -------------------------------------------------------------------------

STEPS_BARE = """
import os, sys, time
T0 = int(os.environ["BENCH_T0"])
marks = [("interpreter up", time.monotonic_ns())]
import PySide6.QtWidgets
marks.append(("PySide6 imported", time.monotonic_ns()))
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget
app = QApplication([sys.argv[0]])
marks.append(("QApplication", time.monotonic_ns()))
window = QWidget(); QVBoxLayout(window).addWidget(QLabel("A bare PySide6 window"))
window.resize(900, 780)
marks.append(("window built", time.monotonic_ns()))
class Paint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and len(marks) == 4:
            marks.append(("first paint", time.monotonic_ns()))
            QTimer.singleShot(0, app.quit)
        return False
paint = Paint(); window.installEventFilter(paint); window.show(); app.exec()
import json; print(json.dumps([(what, (t - T0) / 1e6) for what, t in marks]))
"""

STEPS_APP = """
import os, sys, time
T0 = int(os.environ["BENCH_T0"])
marks = [("interpreter up", time.monotonic_ns())]
def mark(what): marks.append((what, time.monotonic_ns()))
import PySide6.QtWidgets
mark("PySide6 imported")
from PySide6.QtCore import Qt
mark("Qt namespace (enums)")
import desktop.cli, desktop.gui.launch as launch, desktop.gui.sandbox, desktop.gui.single_instance
import desktop.gui.qt_setup as qt_setup
mark("app modules: cli, launch, single instance")
import desktop.gui.main_window
mark("app modules: the window's")
real_create = qt_setup.create_application
def create(argv):
    mark("command line, logging, single-instance check")
    app = real_create(argv); mark("QApplication"); return app
qt_setup.create_application = create
real_language = launch.use_language
def language(requested):
    code = real_language(requested); mark("language (settings, catalogue)"); return code
launch.use_language = language
def on_window(window):
    mark("window built and shown")
    def painted():
        mark("first paint")
        from PySide6.QtCore import QTimer
        QTimer.singleShot(0, window.close)
    window.painted.connect(painted)
launch.run_gui = lambda args, argv: launch.start(args, argv, on_window=on_window)
desktop.cli.main([])
import json; print(json.dumps([(what, (t - T0) / 1e6) for what, t in marks]))
"""


def environment() -> dict[str, str]:
    """gui_ratios' environment for the children, in folders of its own."""
    from bench.gui_ratios import bench_env, offscreen_without_display

    return offscreen_without_display(bench_env("i3sync-costs-"))


def run_python(code: str, env: dict[str, str]) -> str:
    import time

    env = dict(env, BENCH_T0=str(time.monotonic_ns()))
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=300
    )
    if result.returncode != 0:
        raise RuntimeError(result.stderr[-3000:])
    return result.stdout.strip().splitlines()[-1]


def startup_steps(env: dict[str, str], runs: int) -> None:
    from desktop.esws.profiles import Profile, ProfileStore

    os.environ.update({k: env[k] for k in ("XDG_CONFIG_HOME", "XDG_STATE_HOME")})
    ProfileStore().save([Profile(name="Acme", admin_username="hr")], "Acme")
    print("1. Start-up, step by step (ms after the spawn; each step's own share)")
    for label, code in (("bare PySide6 window", STEPS_BARE), ("i3sync", STEPS_APP)):
        samples: list[list[tuple[str, float]]] = []
        for _ in range(runs):
            samples.append([tuple(pair) for pair in json.loads(run_python(code, env))])
        print(f"   {label}:")
        previous = 0.0
        for index, (what, _) in enumerate(samples[0]):
            at = statistics.median(run[index][1] for run in samples)
            print(f"     {at:7.1f}  (+{at - previous:5.1f})  {what}")
            previous = at
    print()


# -- 2. memory per package -----------------------------------------------------------------------

MEMORY = """
import gc, json, re, sys
from pathlib import Path
def rss():
    text = Path("/proc/self/status").read_text()
    return int(re.search(r"^VmRSS:\\s+(\\d+) kB", text, re.MULTILINE).group(1)) / 1024
from PySide6.QtCore import QCoreApplication, Qt
QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)
from PySide6.QtWidgets import QApplication
app = QApplication([sys.argv[0]])
def load(name):
    if name == "keyring":
        import keyring
        keyring.get_keyring()
    elif name == "QtWebEngine (+ first view)":
        from PySide6.QtWebEngineWidgets import QWebEngineView
        view = QWebEngineView(); view.setHtml("<p>x</p>"); app.processEvents()
        globals()["view"] = view
    elif name == "the window's modules (desktop.gui.main_window)":
        import desktop.gui.main_window
    elif name == "the ESWS client (desktop.esws.client)":
        import desktop.esws.client
    else:
        __import__(name)
names = {names!r}
out = []
for name in names:
    gc.collect(); before = rss()
    load(name)
    gc.collect(); out.append((name, rss() - before))
print(json.dumps(out))
"""

PACKAGES = [
    "the window's modules (desktop.gui.main_window)",
    "keyring",
    "requests",
    "lxml.etree",
    "zeep",
    "the ESWS client (desktop.esws.client)",
    "sqlite3",
    "QtWebEngine (+ first view)",
]


def memory_costs(env: dict[str, str], runs: int) -> None:
    if not Path("/proc/self/status").exists():
        print("2. Memory per package: needs Linux's /proc (skipped)\n")
        return
    print("2. Memory each package adds (RSS MiB, median): alone | in the app's order")
    alone: dict[str, list[float]] = {name: [] for name in PACKAGES}
    ordered: dict[str, list[float]] = {name: [] for name in PACKAGES}
    for _ in range(runs):
        for name in PACKAGES:
            ((_, cost),) = json.loads(run_python(MEMORY.format(names=[name]), env))
            alone[name].append(cost)
        for name, cost in json.loads(run_python(MEMORY.format(names=PACKAGES), env)):
            ordered[name].append(cost)
    for name in PACKAGES:
        print(
            f"   {name:48} {statistics.median(alone[name]):6.1f} | "
            f"{statistics.median(ordered[name]):6.1f}"
        )
    print()


# -- 3. click -> first request -----------------------------------------------------------------

CLICK = """
import json, statistics, sys, time, http.client
from urllib.parse import urlsplit
sys.path.insert(0, {repo!r})
from bench.envelope import HEADERS, sync_envelope
from desktop.esws.profiles import Profile
from desktop.esws.request import SyncKind, SyncRequest
from desktop.simulator.esws_logic import DEMO_ADMIN, DEMO_COMPANY_ID, DEMO_PASSWORD
from desktop.simulator.server import Simulator

steps = {{}}
def note(what, seconds): steps.setdefault(what, []).append(seconds * 1000)
with Simulator() as sim:
    t = time.perf_counter()
    import desktop.esws.client as client
    note("import the ESWS client (zeep, lxml, requests: warmed up after the paint)",
         time.perf_counter() - t)
    profile = Profile("Bench", sim.esws_endpoint, sim.url, admin_username=DEMO_ADMIN)
    request = SyncRequest(SyncKind.ONE_USER, DEMO_COMPANY_ID, DEMO_ADMIN, DEMO_PASSWORD, "42")
    for run in range({runs} + 1):
        t = time.perf_counter()
        esws = client.EswsClient(profile.esws_endpoint)
        made = time.perf_counter() - t
        t = time.perf_counter(); esws.fetch_token(request); first = time.perf_counter() - t
        t = time.perf_counter(); esws.fetch_token(request); again = time.perf_counter() - t
        parts = urlsplit(sim.esws_endpoint)
        body = sync_envelope(DEMO_COMPANY_ID, DEMO_ADMIN, DEMO_PASSWORD, "42", None)
        t = time.perf_counter()
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
        connection.request("POST", parts.path, body, HEADERS); connection.getresponse().read()
        connection.close(); raw = time.perf_counter() - t
        if run:  # the first round warms up the imports' caches
            note("a new client (WSDL from the bundled file, parsed by zeep)", made)
            note("its first call (zeep builds the envelope, POST, parse the reply)", first)
            note("a further call on the same client", again)
            note("raw POST of the same envelope (http.client, the baseline)", raw)
print(json.dumps({{k: statistics.median(v) for k, v in steps.items()}}))
"""


def click_to_request(env: dict[str, str], runs: int) -> None:
    print("3. Between a click on Sync and the token (ms, median, loopback simulator)")
    try:
        steps = json.loads(run_python(CLICK.format(repo=str(REPO), runs=runs), env))
    except RuntimeError as error:
        print(f"   (not measured: {str(error).strip().splitlines()[-1]})\n")
        return
    for what, ms in steps.items():
        print(f"   {ms:7.1f}  {what}")
    print()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--only", choices=("modules", "startup", "memory", "click"))
    args = parser.parse_args()
    from bench.gui_ratios import compile_sources

    compile_sources()
    env = environment()
    if args.only in (None, "modules"):
        modules_at_paint(env)
    if args.only in (None, "startup"):
        startup_steps(env, args.runs)
    if args.only in (None, "memory"):
        memory_costs(env, args.runs)
    if args.only in (None, "click"):
        click_to_request(env, args.runs)


if __name__ == "__main__":
    main()
