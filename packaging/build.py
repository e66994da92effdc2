"""Build everything that can be built on this platform, check it, and print what it made.

    python packaging/build.py [--out dist] [--work build/pyinstaller] [--fast]

1. freezes the app with PyInstaller (packaging/i3sync.spec): one onedir folder, ``i3sync``
   (windowed) and ``i3sync-cli`` (console) sharing ``_internal``;
2. runs ``i3sync-cli --self-check`` in that folder (offscreen; fails the build when it fails);
3. builds the per-machine MSI with wixl (packaging/i3sync.wxs);
4. compiles installer.iss with ISCC (natively on Windows, under wine on Linux).

The version comes from pyproject.toml and goes to the executables, the MSI and the setup. On
Linux the installers are built from the Linux folder (executables renamed ``.exe``, symlinks
left out) and named ``*-linux-check``: they prove the scripts compile and what the packages
contain, and are not for users. A ``build-summary.json`` in ``--out`` records every artefact,
its size and build time, and the self-check's output (the tests read it).

Exit code 0 when everything built and the self-check passed; 1 otherwise; 2 when a tool is
missing (the message says how to install it).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

import installers  # noqa: E402
import winres  # noqa: E402

IS_WINDOWS = sys.platform == "win32"
EXE_SUFFIX = ".exe" if IS_WINDOWS else ""
APP_FOLDER = "i3sync"
GUI_EXE = "i3sync"
CLI_EXE = "i3sync-cli"
SPEC = HERE / "i3sync.spec"
SUMMARY_FILE = "build-summary.json"
SELF_CHECK_TIMEOUT = 300
FAST_COMPRESSION = "lzma2/fast"
RELEASE_COMPRESSION = "lzma2/ultra"
# Issue 13's ceilings for what users download and install (MB, 10^6 bytes): printed beside the
# sizes at the end of every build (packaging/figures.py puts them in the Windows job summary).
SIZE_TARGETS_MB: dict[str, float] = {"setup": 110.0, "msi": 150.0, "folder": 380.0}
# One PyInstaller build at a time on this machine (2 cores, shared with other test runs).
LOCK_FILE = Path(tempfile.gettempdir()) / "i3sync-pyinstaller.lock"


@dataclass
class Artefact:
    """One thing the build made."""

    kind: str  # "folder", "msi", "policy", "setup"
    path: str
    megabytes: float
    seconds: float
    files: int = 1
    note: str = ""


@dataclass
class Summary:
    """What ``build-summary.json`` holds."""

    version: str
    numeric_version: str
    platform: str
    compression: str
    payload: str = ""  # the folder the installers packaged
    artefacts: list[Artefact] = field(default_factory=list)
    self_check: dict[str, object] = field(default_factory=dict)
    seconds: float = 0.0
    ok: bool = False


class BuildError(RuntimeError):
    """A step failed; the message says which and why."""


def megabytes(path: Path) -> tuple[float, int]:
    """Size in MB (10^6 bytes) and file count of a file or folder; symlinks are not followed."""
    if path.is_file():
        return path.stat().st_size / 1e6, 1
    total, count = 0, 0
    for item in path.rglob("*"):
        if item.is_file() and not item.is_symlink():
            total += item.stat().st_size
            count += 1
    return total / 1e6, count


def step(title: str) -> float:
    print(f"\n== {title}", flush=True)
    return time.monotonic()


def _say_waiting(path: Path) -> None:
    print(f"   waiting for another PyInstaller build to finish ({path})", flush=True)


@contextlib.contextmanager
def build_lock(
    path: Path = LOCK_FILE, on_wait: Callable[[Path], None] = _say_waiting
) -> Iterator[None]:
    """Serialise PyInstaller builds on this machine (POSIX; Windows runners build one at a time).

    The lock file is removed when the build is done, while it is still held, so that nothing is
    left behind in the temporary folder. A build that was waiting on the removed file then holds
    a lock nobody else can see: it notices (the path no longer names its file) and locks the
    current file instead, so two builds never run at once.
    """
    if IS_WINDOWS:
        yield
        return
    import fcntl

    said = False
    while True:
        handle = path.open("a")  # "a": never truncates, creates when missing
        try:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if not said:
                    on_wait(path)
                    said = True
                fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                ours = os.path.samestat(os.fstat(handle.fileno()), os.stat(path))
            except FileNotFoundError:
                ours = False
        except BaseException:
            handle.close()
            raise
        if ours:
            break
        handle.close()  # the file was removed under us: start again on the current one
    try:
        yield
    finally:
        path.unlink(missing_ok=True)
        handle.close()  # releases the lock, after the removal


def check_installed_version(version: winres.Version) -> None:
    """The frozen app reads its version from the installed metadata: it must match pyproject."""
    from importlib import metadata

    try:
        installed = metadata.version("i3sync")
    except metadata.PackageNotFoundError:
        raise BuildError("i3sync is not installed in this Python: pip install -e .") from None
    if installed != version.text:
        raise BuildError(
            f"pyproject.toml says {version.text}, the installed metadata {installed}: "
            "pip install -e . again"
        )
    # The bundle carries that metadata, licence included: an install from before pyproject's
    # SPDX licence would ship the old "License: Proprietary" field instead.
    wanted = project_licence()
    found = (metadata.metadata("i3sync").get_all("License-Expression") or [""])[0]
    if found != wanted:
        raise BuildError(
            f"pyproject.toml's licence is {wanted}, the installed metadata's "
            f"{found or 'License-Expression is missing'}: pip install -e . again"
        )


def project_licence(pyproject: Path = REPO / "pyproject.toml") -> str:
    """The SPDX expression in pyproject.toml's ``[project] license``."""
    with pyproject.open("rb") as handle:
        return str(tomllib.load(handle)["project"]["license"])


def freeze(dist: Path, work: Path) -> Path:
    """Run PyInstaller on the spec; return the onedir folder."""
    folder = dist / APP_FOLDER
    with build_lock():
        command = [
            sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
            "--distpath", str(dist), "--workpath", str(work), str(SPEC),
        ]  # fmt: skip
        result = subprocess.run(command, cwd=REPO, check=False)
    if result.returncode != 0:
        raise BuildError(f"PyInstaller failed with exit code {result.returncode}")
    for name in (GUI_EXE, CLI_EXE):
        if not (folder / (name + EXE_SUFFIX)).is_file():
            raise BuildError(f"PyInstaller did not produce {folder / (name + EXE_SUFFIX)}")
    return folder


def self_check_env() -> dict[str, str]:
    """The environment the user's copy runs in: no test keyring backend, offscreen Qt."""
    env = dict(os.environ)
    env.pop("PYTHON_KEYRING_BACKEND", None)  # a test backend is not in the bundle
    env.pop("PYTHONPATH", None)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return env


def run_self_check(folder: Path) -> dict[str, object]:
    """``i3sync-cli --self-check`` in the frozen folder; its exit code, output and duration."""
    started = time.monotonic()
    result = subprocess.run(
        [str(folder / (CLI_EXE + EXE_SUFFIX)), "--self-check"],
        env=self_check_env(),
        capture_output=True,
        stdin=subprocess.DEVNULL,
        text=True,
        errors="replace",
        timeout=SELF_CHECK_TIMEOUT,
        check=False,
    )
    return {
        "returncode": result.returncode,
        "stdout": result.stdout,
        "stderr": result.stderr,
        "seconds": round(time.monotonic() - started, 2),
    }


def installer_payload(folder: Path, work: Path) -> Path:
    """The folder the installers package: on Windows the frozen folder itself; on Linux a
    hard-linked copy with Windows executable names and without PyInstaller's symlinks to Qt
    libraries (Inno and wixl would follow them and pack those libraries twice).
    """
    if IS_WINDOWS:
        return folder
    stage = work / "linux-payload" / APP_FOLDER
    if stage.exists():
        shutil.rmtree(stage)
    for item in sorted(folder.rglob("*")):
        rel = item.relative_to(folder)
        if rel.as_posix() in (GUI_EXE, CLI_EXE):
            rel = rel.with_name(rel.name + ".exe")
        target = stage / rel
        if item.is_symlink():
            continue
        if item.is_dir():
            target.mkdir(parents=True, exist_ok=True)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(item, target)
            except OSError:  # another file system
                shutil.copy2(item, target)
    return stage


def build(args: argparse.Namespace) -> Summary:
    """Every step; raises BuildError (or installers.ToolMissing) on the first failure."""
    started = time.monotonic()
    version = winres.project_version()
    compression = FAST_COMPRESSION if args.fast else args.compression
    summary = Summary(
        version=version.text,
        numeric_version=version.numeric,
        platform=sys.platform,
        compression=compression,
    )
    dist, work = args.out.resolve(), args.work.resolve()
    suffix = "" if IS_WINDOWS else "-linux-check"
    msi = dist / f"i3sync-{version.text}-x64{suffix}.msi"
    setup_name = f"i3sync-setup-{version.text}{suffix}"
    print(f"I3 Sync Desktop {version.text} on {sys.platform}: {dist}")
    check_installed_version(version)
    # Fail before the long freeze when an installer tool is missing.
    if not args.skip_msi:
        installers.find_tool("wixl")
        installers.find_tool("msiinfo")
        installers.find_tool("msibuild")  # edits the MSI after wixl (NOTES 18, 21)
    if not args.skip_setup:
        installers.find_iscc()

    t = step("PyInstaller: frozen app")
    folder = freeze(dist, work)
    size, files = megabytes(folder)
    summary.artefacts.append(Artefact("folder", str(folder), round(size, 1),
                                      round(time.monotonic() - t, 1), files))  # fmt: skip

    if not args.skip_self_check:
        step("self-check of the frozen app")
        summary.self_check = run_self_check(folder)
        print(str(summary.self_check["stdout"]).rstrip())
        if summary.self_check["returncode"] != 0:
            print(str(summary.self_check["stderr"]).rstrip()[-4000:], file=sys.stderr)
            raise BuildError(f"self-check failed (exit {summary.self_check['returncode']})")

    icon = work / "i3sync" / "i3sync.ico"  # written by the spec
    payload = None if args.skip_msi and args.skip_setup else installer_payload(folder, work)
    summary.payload = str(payload or "")
    if not args.skip_msi:
        assert payload is not None
        t = step(f"MSI (wixl): {msi.name}")
        if msi.exists():
            msi.unlink()
        installers.build_msi(version=version.numeric, source=payload, output=msi, icon=icon)
        size, _ = megabytes(msi)
        note = "" if IS_WINDOWS else "Linux payload: structure check only"
        summary.artefacts.append(Artefact("msi", str(msi), round(size, 1),
                                          round(time.monotonic() - t, 1), note=note))  # fmt: skip
        # IT deploys the MSI, and managed profiles with this Group Policy template beside it.
        policy = copy_policy_templates(dist)
        size, files = megabytes(policy)
        summary.artefacts.append(Artefact("policy", str(policy), round(size, 3), 0.0, files=files,
                                          note="Group Policy template (ADMX, ADML)"))  # fmt: skip

    if not args.skip_setup:
        assert payload is not None
        t = step(f"Inno Setup (ISCC): {setup_name}.exe, {compression}")
        setup = dist / f"{setup_name}.exe"
        if setup.exists():
            setup.unlink()
        defines: dict[str, str | Path] = {
            "AppVersion": version.text,
            "NumericVersion": version.numeric,
            "SourceDir": payload,
            "OutputDir": dist,
            "OutputBaseName": setup_name,
            "SetupIcon": icon,
            "Compression": compression,
        }
        run = installers.compile_inno(installers.ISS, defines)
        if run.returncode != 0 or not setup.is_file():
            print(run.output[-4000:], file=sys.stderr)
            raise BuildError(f"ISCC failed with exit code {run.returncode}")
        size, _ = megabytes(setup)
        note = "" if IS_WINDOWS else "Linux payload: structure check only"
        summary.artefacts.append(Artefact("setup", str(setup), round(size, 1),
                                          round(time.monotonic() - t, 1), note=note))  # fmt: skip

    summary.seconds = round(time.monotonic() - started, 1)
    summary.ok = True
    return summary


def copy_policy_templates(dist: Path) -> Path:
    """packaging/policy (i3sync.admx and its language folders) as ``dist/policy``."""
    target = dist / "policy"
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(HERE / "policy", target)
    return target


def print_summary(summary: Summary) -> None:
    print(f"\n== I3 Sync Desktop {summary.version} ({summary.platform}), built in "
          f"{summary.seconds:.0f} s")  # fmt: skip
    for item in summary.artefacts:
        files = f", {item.files} files" if item.kind == "folder" else ""
        note = f"  [{item.note}]" if item.note else ""
        print(f"   {item.kind:<7}{item.megabytes:8.1f} MB  {item.seconds:6.1f} s  "
              f"{item.path}{files}{note}")  # fmt: skip
    if summary.self_check:
        print(f"   self-check: exit {summary.self_check['returncode']} "
              f"in {summary.self_check['seconds']} s")  # fmt: skip
    print(size_line(summary))


def size_line(summary: Summary) -> str:
    """The three sizes users meet, each against its ceiling: ``sizes: setup 105.2 MB (<= 110)
    ok, msi ..., folder ...`` (an artefact the build skipped is left out)."""
    sizes = {item.kind: item.megabytes for item in summary.artefacts}
    parts = []
    for kind, target in SIZE_TARGETS_MB.items():
        if kind in sizes:
            verdict = "ok" if sizes[kind] <= target else "OVER"
            parts.append(f"{kind} {sizes[kind]:.1f} MB (<= {target:.0f}) {verdict}")
    setup = f" [setup {summary.compression}]" if "setup" in sizes else ""
    return "   sizes: " + ", ".join(parts) + setup


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=REPO / "dist", help="artefacts (default dist)")
    parser.add_argument(
        "--work", type=Path, default=REPO / "build" / "pyinstaller",
        help="PyInstaller's work folder (default build/pyinstaller)",
    )  # fmt: skip
    parser.add_argument(
        "--fast", action="store_true",
        help=f"setup compressed with {FAST_COMPRESSION} (CI; about 25%% larger, 4x faster)",
    )  # fmt: skip
    parser.add_argument(
        "--compression", default=RELEASE_COMPRESSION,
        help=f"Inno Setup compression (default {RELEASE_COMPRESSION})",
    )  # fmt: skip
    parser.add_argument("--skip-msi", action="store_true", help="do not build the MSI")
    parser.add_argument("--skip-setup", action="store_true", help="do not compile installer.iss")
    parser.add_argument(
        "--skip-self-check", action="store_true", help="do not run the frozen self-check"
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    summary_path = args.out / SUMMARY_FILE
    summary_path.unlink(missing_ok=True)
    try:
        summary = build(args)
    except installers.ToolMissing as error:
        print(f"\nbuild.py: {error}", file=sys.stderr)
        return 2
    except (BuildError, RuntimeError, FileNotFoundError, subprocess.TimeoutExpired) as error:
        print(f"\nbuild.py: FAILED: {error}", file=sys.stderr)
        return 1
    summary_path.write_text(json.dumps(asdict(summary), indent=2) + "\n", encoding="utf-8")
    print_summary(summary)
    return 0


if __name__ == "__main__":
    sys.exit(main())
