"""The frozen app's start-up time and the installers' sizes, as a Markdown table.

    python packaging/figures.py [--dist dist] [--runs 5] [--lang en] [--summary FILE] [--json FILE]

Reads ``build-summary.json`` in ``--dist`` (written by packaging/build.py) for the sizes, then
starts the windowed executable ``--runs`` times, each in fresh, empty user folders (no profile,
no saved language, no window place), and times it from outside the process: from the start to
the moment the main window ("I3 Sync Desktop") is visible on the desktop. It closes the window
(kills the process) and starts the next. The first start comes after the build (cold disk
cache on a fresh runner) and is reported on its own; the median is over the other runs.

On Windows the window is found with EnumWindows (a visible top-level window of that process
with the app's title); elsewhere on the X display (``xvfb-run`` gives one) through libX11: a
viewable window with that title and the process's _NET_WM_PID. QT_QPA_PLATFORM is removed
from the app's environment: it must show a real window.

On Windows, ``--dll-check`` seconds after the last start's window, it also says whether the app
or its QtWebEngine helpers loaded ``opengl32sw.dll`` (Mesa's software OpenGL, 19.7 MB) and
``d3dcompiler_47.dll``: on the GPU-less runner that tells whether they earn their place.

The table goes to stdout and is appended to ``--summary`` (default: ``$GITHUB_STEP_SUMMARY``,
the job summary of a GitHub Actions step). Exit 0 when every start showed the window; 1 when one
did not within ``--timeout`` seconds, or the build summary is missing.
"""

from __future__ import annotations

import argparse
import contextlib
import ctypes
import ctypes.util
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path

IS_WINDOWS = sys.platform == "win32"
EXE_SUFFIX = ".exe" if IS_WINDOWS else ""
WINDOW_TITLE = "I3 Sync Desktop"
SUMMARY_FILE = "build-summary.json"
POLL_SECONDS = 0.02
sys.path.insert(0, str(Path(__file__).resolve().parent))
from build import SIZE_TARGETS_MB as TARGETS_MB  # noqa: E402

LABELS = {"setup": "setup.exe (Inno Setup)", "msi": "MSI (wixl)", "folder": "installed folder"}


@dataclass
class Figures:
    """What the table shows (``--json`` writes it)."""

    platform: str
    version: str
    compression: str
    sizes_mb: dict[str, float] = field(default_factory=dict)
    files: int = 0
    self_check_seconds: float | None = None
    starts: list[float] = field(default_factory=list)
    lang: str = "en"
    # DLL name -> loaded by the app or its helpers, dll_seconds after the last start's window.
    dlls: dict[str, bool] = field(default_factory=dict)
    dll_seconds: float = 0.0

    @property
    def first_start(self) -> float | None:
        return self.starts[0] if self.starts else None

    @property
    def median_start(self) -> float | None:
        rest = self.starts[1:] or self.starts
        return statistics.median(rest) if rest else None


def read_build(dist: Path) -> Figures:
    """Sizes, version and self-check time from build.py's summary."""
    data = json.loads((dist / SUMMARY_FILE).read_text(encoding="utf-8"))
    figures = Figures(
        platform=str(data["platform"]),
        version=str(data["version"]),
        compression=str(data.get("compression", "")),
    )
    for item in data["artefacts"]:
        if item["kind"] in TARGETS_MB:
            figures.sizes_mb[item["kind"]] = float(item["megabytes"])
            if item["kind"] == "folder":
                figures.files = int(item.get("files", 0))
    check = data.get("self_check") or {}
    if "seconds" in check:
        figures.self_check_seconds = float(check["seconds"])
    return figures


def app_folder(dist: Path) -> Path:
    """The frozen folder build.py made (its summary says where; ``dist/i3sync`` otherwise)."""
    data = json.loads((dist / SUMMARY_FILE).read_text(encoding="utf-8"))
    for item in data["artefacts"]:
        if item["kind"] == "folder" and Path(item["path"]).is_dir():
            return Path(item["path"])
    return dist / "i3sync"


# -- finding the window ------------------------------------------------------------------------


def _windows_window_shown(pid: int) -> bool:  # pragma: no cover - Windows only
    from ctypes import wintypes

    user32 = ctypes.windll.user32  # type: ignore[attr-defined]
    # Declared, so a 64-bit window handle is passed as one (not as a C int).
    user32.GetWindowThreadProcessId.argtypes = [wintypes.HWND, ctypes.POINTER(wintypes.DWORD)]
    user32.GetWindowThreadProcessId.restype = wintypes.DWORD
    user32.IsWindowVisible.argtypes = [wintypes.HWND]
    user32.IsWindowVisible.restype = wintypes.BOOL
    user32.GetWindowTextW.argtypes = [wintypes.HWND, wintypes.LPWSTR, ctypes.c_int]
    user32.GetWindowTextW.restype = ctypes.c_int
    found = False

    def visit(hwnd: int, _param: int) -> bool:
        nonlocal found
        owner = wintypes.DWORD()
        user32.GetWindowThreadProcessId(hwnd, ctypes.byref(owner))
        if owner.value != pid or not user32.IsWindowVisible(hwnd):
            return True
        buffer = ctypes.create_unicode_buffer(512)
        user32.GetWindowTextW(hwnd, buffer, 512)
        if WINDOW_TITLE in buffer.value:
            found = True
            return False
        return True

    callback = ctypes.WINFUNCTYPE(wintypes.BOOL, wintypes.HWND, wintypes.LPARAM)  # type: ignore[attr-defined]
    user32.EnumWindows(callback(visit), 0)
    return found


class _XWindowAttributes(ctypes.Structure):
    _fields_ = [
        ("x", ctypes.c_int), ("y", ctypes.c_int), ("width", ctypes.c_int),
        ("height", ctypes.c_int), ("border_width", ctypes.c_int), ("depth", ctypes.c_int),
        ("visual", ctypes.c_void_p), ("root", ctypes.c_ulong), ("class_", ctypes.c_int),
        ("bit_gravity", ctypes.c_int), ("win_gravity", ctypes.c_int),
        ("backing_store", ctypes.c_int), ("backing_planes", ctypes.c_ulong),
        ("backing_pixel", ctypes.c_ulong), ("save_under", ctypes.c_int),
        ("colormap", ctypes.c_ulong), ("map_installed", ctypes.c_int),
        ("map_state", ctypes.c_int), ("all_event_masks", ctypes.c_long),
        ("your_event_mask", ctypes.c_long), ("do_not_propagate_mask", ctypes.c_long),
        ("override_redirect", ctypes.c_int), ("screen", ctypes.c_void_p),
    ]  # fmt: skip


class X11Windows:
    """The X display's top-level windows, read with libX11 itself (no xwininfo, no python-xlib):
    is a window of process ``pid`` (its _NET_WM_PID) with the app's title viewable?"""

    IS_VIEWABLE = 2
    XA_CARDINAL = 6

    def __init__(self) -> None:
        self.lib = ctypes.CDLL(ctypes.util.find_library("X11") or "libX11.so.6")
        lib = self.lib
        lib.XOpenDisplay.restype = ctypes.c_void_p
        lib.XOpenDisplay.argtypes = [ctypes.c_char_p]
        lib.XDefaultRootWindow.restype = ctypes.c_ulong
        lib.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        lib.XQueryTree.argtypes = [
            ctypes.c_void_p, ctypes.c_ulong, ctypes.POINTER(ctypes.c_ulong),
            ctypes.POINTER(ctypes.c_ulong), ctypes.POINTER(ctypes.POINTER(ctypes.c_ulong)),
            ctypes.POINTER(ctypes.c_uint),
        ]  # fmt: skip
        lib.XFetchName.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.POINTER(ctypes.c_void_p)]
        lib.XFree.argtypes = [ctypes.c_void_p]
        lib.XInternAtom.restype = ctypes.c_ulong
        lib.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
        lib.XGetWindowProperty.argtypes = [
            ctypes.c_void_p, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_long, ctypes.c_long,
            ctypes.c_int, ctypes.c_ulong, ctypes.POINTER(ctypes.c_ulong),
            ctypes.POINTER(ctypes.c_int), ctypes.POINTER(ctypes.c_ulong),
            ctypes.POINTER(ctypes.c_ulong), ctypes.POINTER(ctypes.c_void_p),
        ]  # fmt: skip
        lib.XGetWindowAttributes.argtypes = [
            ctypes.c_void_p,
            ctypes.c_ulong,
            ctypes.POINTER(_XWindowAttributes),
        ]
        # A window may go away between two requests (BadWindow): Xlib's default handler would
        # end this process; this one ignores the error (the request then reports failure).
        handler_type = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_void_p)
        self._on_error = handler_type(lambda _display, _event: 0)
        lib.XSetErrorHandler.argtypes = [handler_type]
        lib.XSetErrorHandler(self._on_error)
        self.display = lib.XOpenDisplay(None)
        if not self.display:
            raise SystemExit(f"figures.py: cannot open the X display {os.environ.get('DISPLAY')}")
        self.root = lib.XDefaultRootWindow(self.display)
        self.pid_atom = lib.XInternAtom(self.display, b"_NET_WM_PID", 0)

    def children(self, window: int) -> list[int]:
        root, parent = ctypes.c_ulong(), ctypes.c_ulong()
        found, count = ctypes.POINTER(ctypes.c_ulong)(), ctypes.c_uint()
        ok = self.lib.XQueryTree(
            self.display, window, ctypes.byref(root), ctypes.byref(parent),
            ctypes.byref(found), ctypes.byref(count),
        )  # fmt: skip
        if not ok:
            return []
        result = [int(found[index]) for index in range(count.value)]
        if found:
            self.lib.XFree(found)
        return result

    def title(self, window: int) -> str:
        name = ctypes.c_void_p()
        if not self.lib.XFetchName(self.display, window, ctypes.byref(name)) or not name.value:
            return ""
        text = ctypes.string_at(name.value).decode("latin-1")
        self.lib.XFree(name)
        return text

    def pid(self, window: int) -> int | None:
        kind, size = ctypes.c_ulong(), ctypes.c_int()
        items, after, data = ctypes.c_ulong(), ctypes.c_ulong(), ctypes.c_void_p()
        status = self.lib.XGetWindowProperty(
            self.display, window, self.pid_atom, 0, 1, 0, self.XA_CARDINAL,
            ctypes.byref(kind), ctypes.byref(size), ctypes.byref(items), ctypes.byref(after),
            ctypes.byref(data),
        )  # fmt: skip
        if status != 0 or not data.value:
            return None
        value = int(ctypes.cast(data, ctypes.POINTER(ctypes.c_ulong))[0]) if items.value else None
        self.lib.XFree(data)
        return value

    def viewable(self, window: int) -> bool:
        attributes = _XWindowAttributes()
        if not self.lib.XGetWindowAttributes(self.display, window, ctypes.byref(attributes)):
            return False
        return int(attributes.map_state) == self.IS_VIEWABLE

    def shown(self, pid: int) -> bool:
        """True once a window of ``pid`` with the app's title is viewable (searched two levels
        down: a window manager, when there is one, puts a frame around it)."""
        for top in self.children(self.root):
            for window in (top, *self.children(top)):
                if (
                    WINDOW_TITLE in self.title(window)
                    and self.pid(window) == pid
                    and self.viewable(window)
                ):
                    return True
        return False


def window_probe() -> Callable[[int], bool]:
    """How to tell that a process shows its window, on this platform."""
    if IS_WINDOWS:
        return _windows_window_shown
    if not os.environ.get("DISPLAY"):
        raise SystemExit("figures.py: no X display to show the window on: run it under xvfb-run")
    return X11Windows().shown


# -- one start ---------------------------------------------------------------------------------


def fresh_env(home: Path) -> dict[str, str]:
    """The app's environment for one start: empty user folders, a real window."""
    env = dict(os.environ)
    for name in ("QT_QPA_PLATFORM", "PYTHONPATH", "PYTHON_KEYRING_BACKEND"):
        env.pop(name, None)
    for name, sub in (
        ("I3SYNC_CONFIG_DIR", "config"),
        ("I3SYNC_LOG_DIR", "log"),
        ("I3SYNC_DATA_DIR", "data"),
    ):
        (home / sub).mkdir(parents=True, exist_ok=True)
        env[name] = str(home / sub)
    if not IS_WINDOWS:
        for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
            folder = home / name.lower()
            folder.mkdir(parents=True, exist_ok=True)
            env[name] = str(folder)
    return env


def _stop(process: subprocess.Popen[bytes]) -> None:
    """End the app and everything it started (QtWebEngine's helpers, when they already run)."""
    if process.poll() is None:
        if IS_WINDOWS:  # pragma: no cover - Windows only
            subprocess.run(
                ["taskkill", "/F", "/T", "/PID", str(process.pid)],
                capture_output=True,
                check=False,
            )
        else:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.wait(timeout=30)


def time_start(
    executable: Path,
    lang: str,
    timeout: float,
    shown: Callable[[int], bool],
    home: Path | None = None,
    then: Callable[[int], None] | None = None,
) -> float:
    """Seconds from starting ``executable`` to its window being shown; raises TimeoutError.

    The user folders are made under ``home`` (kept, for a look at the log) or a temporary folder.
    ``then`` is called with the process id once the window is shown, before the app is ended.
    """
    with contextlib.ExitStack() as stack:
        if home is None:
            # A helper process killed with the app may hold a file a moment longer (Windows).
            scratch = tempfile.TemporaryDirectory(
                prefix="i3sync-start-", ignore_cleanup_errors=True
            )
            home = Path(stack.enter_context(scratch))
        env = fresh_env(home)
        started = time.perf_counter()
        process = subprocess.Popen(
            [str(executable), "--lang", lang],
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=not IS_WINDOWS,
        )
        try:
            while True:
                if shown(process.pid):
                    seconds = time.perf_counter() - started
                    if then is not None:
                        then(process.pid)
                    return seconds
                if process.poll() is not None:
                    raise TimeoutError(
                        f"the app exited with {process.returncode} before its window"
                    )
                if time.perf_counter() - started > timeout:
                    raise TimeoutError(f"no window within {timeout:.0f} s")
                time.sleep(POLL_SECONDS)
        finally:
            _stop(process)


# -- which optional DLLs the running app loaded (Windows) ----------------------------------------

# Bundled only in case they are needed: the GitHub runner has no GPU, which is exactly when Qt
# would fall back to Mesa's software OpenGL (packaging/NOTES.md, "Next steps").
OPTIONAL_DLLS = ("opengl32sw.dll", "d3dcompiler_47.dll")
APP_IMAGES = {"i3sync.exe", "qtwebengineprocess.exe"}


def images_in_tasklist(text: str) -> set[str]:
    """The image names (lower case) in ``tasklist /m NAME /fo csv /nh`` output."""
    import csv

    rows = csv.reader(line for line in text.splitlines() if line.startswith('"'))
    return {row[0].lower() for row in rows if row}


def loaded_dlls(names: tuple[str, ...] = OPTIONAL_DLLS) -> dict[str, bool]:  # pragma: no cover
    """Whether the app or its QtWebEngine helpers have each DLL loaded now (Windows)."""
    found: dict[str, bool] = {}
    for name in names:
        result = subprocess.run(
            ["tasklist", "/m", name, "/fo", "csv", "/nh"],
            capture_output=True, text=True, errors="replace", check=False,
        )  # fmt: skip
        found[name] = bool(images_in_tasklist(result.stdout) & APP_IMAGES)
    return found


# -- the table ---------------------------------------------------------------------------------


def markdown(figures: Figures) -> str:
    """The job summary's section."""
    lines = [
        f"### I3 Sync Desktop {figures.version}: {figures.platform}",
        "",
        "| what | measured | target |",
        "| --- | ---: | ---: |",
    ]
    for kind in ("setup", "msi", "folder"):
        if kind not in figures.sizes_mb:
            continue
        size, target = figures.sizes_mb[kind], TARGETS_MB[kind]
        mark = "✅" if size <= target else "❌"
        label = LABELS[kind]
        if kind == "setup" and figures.compression:
            label += f", {figures.compression}"
        if kind == "folder" and figures.files:
            label += f", {figures.files} files"
        lines.append(f"| {label} | {size:.1f} MB {mark} | ≤ {target:.0f} MB |")
    if figures.first_start is not None:
        lines.append(
            f"| first start to window shown (`--lang {figures.lang}`, empty user folders) "
            f"| {figures.first_start:.2f} s | |"
        )
    if figures.median_start is not None:
        runs = max(len(figures.starts) - 1, 1)
        lines.append(
            f"| start to window shown, median of {runs} | {figures.median_start:.2f} s | |"
        )
    if figures.self_check_seconds is not None:
        lines.append(f"| `--self-check` (offscreen) | {figures.self_check_seconds:.2f} s | |")
    for name, loaded in figures.dlls.items():
        lines.append(
            f"| `{name}` loaded {figures.dll_seconds:.0f} s after the window "
            f"| {'yes' if loaded else 'no'} | |"
        )
    if figures.starts:
        every = ", ".join(f"{s:.2f}" for s in figures.starts)
        lines += ["", f"Every start, in order (s): {every}."]
    return "\n".join(lines) + "\n"


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dist", type=Path, default=Path("dist"), help="build.py's --out")
    parser.add_argument("--runs", type=int, default=5, help="starts to time (default 5)")
    parser.add_argument("--lang", default="en", choices=("en", "nl", "de"))
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds per start")
    parser.add_argument(
        "--summary",
        type=Path,
        default=Path(os.environ["GITHUB_STEP_SUMMARY"])
        if os.environ.get("GITHUB_STEP_SUMMARY")
        else None,
        help="append the table to this file (default $GITHUB_STEP_SUMMARY)",
    )
    parser.add_argument("--json", type=Path, help="also write the figures as JSON")
    parser.add_argument(
        "--dll-check",
        type=float,
        default=8.0,
        metavar="SECONDS",
        help="Windows: this long after the last start's window, say whether the app loaded "
        f"{', '.join(OPTIONAL_DLLS)} (0: do not look; default 8)",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if not (args.dist / SUMMARY_FILE).is_file():
        print(f"figures.py: no {args.dist / SUMMARY_FILE}: run packaging/build.py", file=sys.stderr)
        return 1
    figures = read_build(args.dist)
    figures.lang = args.lang
    executable = app_folder(args.dist) / ("i3sync" + EXE_SUFFIX)
    problem = ""
    if args.runs > 0:
        shown = window_probe()

        def look_at_dlls(_pid: int) -> None:  # pragma: no cover - Windows only
            time.sleep(args.dll_check)
            figures.dlls = loaded_dlls()
            figures.dll_seconds = args.dll_check

        for run in range(args.runs):
            last = run == args.runs - 1 and IS_WINDOWS and args.dll_check > 0
            then = look_at_dlls if last else None
            try:
                seconds = time_start(executable, args.lang, args.timeout, shown, then=then)
                figures.starts.append(seconds)
            except TimeoutError as error:
                problem = f"start {run + 1}: {error}"
                break
            print(f"start {run + 1}: {figures.starts[-1]:.2f} s", flush=True)
    text = markdown(figures)
    if problem:
        text += f"\n**The window did not appear**: {problem}.\n"
    print(text)
    if args.summary is not None:
        with args.summary.open("a", encoding="utf-8") as handle:
            handle.write(text)
    if args.json is not None:
        data = asdict(figures) | {
            "first_start": figures.first_start,
            "median_start": figures.median_start,
        }
        args.json.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    if problem:
        print(f"figures.py: {problem}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
