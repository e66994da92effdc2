"""The two installers' tools, the same on Linux CI and on a Windows runner.

* MSI: msitools' ``wixl`` (Debian package ``wixl``; on Windows MSYS2's
  ``mingw-w64-x86_64-msitools``) compiles packaging/i3sync.wxs plus a fragment listing the
  app's files, generated here (one component per file, ``Guid="*"``: derived from the install
  path, so stable across builds).
* Inno Setup: ``ISCC.exe``, natively on Windows, under wine on Linux (installed by
  .ci/install-packaging-tools.sh into /opt/innosetup with its own 32-bit wine prefix).

Plain standard library; used by packaging/build.py and tests/packaging.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import quoteattr

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
WXS = HERE / "i3sync.wxs"
ISS = REPO / "installer.iss"
IS_WINDOWS = sys.platform == "win32"

# Fixed forever (also written in installer.iss and i3sync.wxs; a test checks they agree).
INNO_APP_ID = "{4B9F1ADC-1F59-4739-8E4D-032CC8228158}"
MSI_UPGRADE_CODE = "83B8D154-5276-486F-944E-486D7DDA6DF8"

INNOSETUP_DIR = Path(os.environ.get("INNOSETUP_DIR", "/opt/innosetup"))
ISCC_WINEPREFIX = Path(os.environ.get("ISCC_WINEPREFIX", str(INNOSETUP_DIR / "wineprefix")))
INSTALL_HINT = "run: sudo bash .ci/install-packaging-tools.sh <venv>"
WINDOWS_INSTALL_HINT = (
    "install Inno Setup 6 (choco install innosetup) and MSYS2's mingw-w64-x86_64-msitools "
    "(see .github/workflows/windows.yml)"
)


class ToolMissing(RuntimeError):
    """A packaging tool is not installed; the message says how to get it."""


@dataclass(frozen=True)
class ToolRun:
    """What a tool printed and how it ended (the tests look at failures too)."""

    command: list[str]
    returncode: int
    output: str


def _hint() -> str:
    return WINDOWS_INSTALL_HINT if IS_WINDOWS else INSTALL_HINT


def _run(
    command: Sequence[str],
    *,
    env: Mapping[str, str] | None = None,
    cwd: Path | None = None,
    timeout: float = 900,
) -> ToolRun:
    completed = subprocess.run(
        list(command),
        env=None if env is None else dict(env),
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        text=True,
        errors="replace",
        timeout=timeout,
    )
    return ToolRun(list(command), completed.returncode, completed.stdout)


# -- MSI ------------------------------------------------------------------------------------------


def find_tool(name: str) -> str:
    """``name`` on PATH, or (Windows) in MSYS2's mingw64 folder; ToolMissing otherwise."""
    found = shutil.which(name)
    if found is None and IS_WINDOWS:
        for root in (os.environ.get("MSYS2_ROOT", ""), r"C:\msys64"):
            candidate = Path(root, "mingw64", "bin", name + ".exe") if root else None
            if candidate is not None and candidate.is_file():
                found = str(candidate)
                break
    if found is None:
        raise ToolMissing(f"{name} not found: {_hint()}")
    return found


def _wix_id(prefix: str, relative: str) -> str:
    # Identifiers: at most 72 characters, letters/digits/underscore/dot, stable for a path.
    return prefix + hashlib.sha1(relative.encode("utf-8"), usedforsecurity=False).hexdigest()[:32]


def files_fragment(source: Path, *, group: str = "AppFiles", directory: str = "INSTALLDIR") -> str:
    """A WiX fragment installing every file under ``source`` (sub-folders kept) into
    ``directory``, as the component group ``group``; sources written as ``$(var.SourceDir)/...``.
    """
    files = sorted(p for p in source.rglob("*") if p.is_file() and not p.is_symlink())
    if not files:
        raise ValueError(f"{source} holds no files")
    tree: dict[str, list[str]] = {}
    for path in files:
        rel = path.relative_to(source).as_posix()
        folder = rel.rpartition("/")[0]
        tree.setdefault(folder, []).append(rel)
        # Every ancestor folder appears, even one holding only folders.
        while folder:
            folder = folder.rpartition("/")[0]
            tree.setdefault(folder, [])
    components: list[str] = []
    lines: list[str] = []

    def emit(folder: str, depth: int) -> None:
        pad = "  " * depth
        for rel in tree[folder]:
            comp = _wix_id("c", rel)
            components.append(comp)
            lines.append(f'{pad}<Component Id="{comp}" Guid="*" Win64="yes">')
            source_attr = quoteattr(f"$(var.SourceDir)/{rel}")
            lines.append(
                f'{pad}  <File Id="{_wix_id("f", rel)}" KeyPath="yes" Source={source_attr}/>'
            )
            lines.append(f"{pad}</Component>")
        children = sorted(k for k in tree if k and k.rpartition("/")[0] == folder)
        for child in children:
            name = quoteattr(child.rpartition("/")[2])
            lines.append(f'{pad}<Directory Id="{_wix_id("d", child)}" Name={name}>')
            emit(child, depth + 1)
            lines.append(f"{pad}</Directory>")

    emit("", 3)
    refs = "\n".join(f'      <ComponentRef Id="{comp}"/>' for comp in components)
    body = "\n".join(lines)
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        "<!-- Generated by packaging/installers.py: the app's files. -->\n"
        '<Wix xmlns="http://schemas.microsoft.com/wix/2006/wi">\n'
        "  <Fragment>\n"
        f'    <DirectoryRef Id="{directory}">\n{body}\n    </DirectoryRef>\n'
        "  </Fragment>\n"
        "  <Fragment>\n"
        f'    <ComponentGroup Id="{group}">\n{refs}\n    </ComponentGroup>\n'
        "  </Fragment>\n"
        "</Wix>\n"
    )


def build_msi(
    *,
    version: str,
    source: Path,
    output: Path,
    icon: Path | None = None,
    exe_name: str = "i3sync.exe",
    cli_exe_name: str = "i3sync-cli.exe",
) -> ToolRun:
    """Compile the MSI of the folder ``source`` with wixl; raises when wixl fails.

    ``version`` must be x.y.z digits (MSI ProductVersion).
    """
    for name in (exe_name, cli_exe_name):
        if not (source / name).is_file():
            raise FileNotFoundError(f"{source / name} missing: build the frozen app first")
    wixl = find_tool("wixl")
    output = output.resolve()
    output.parent.mkdir(parents=True, exist_ok=True)
    # wixl resolves Source paths against its working folder and refuses absolute ones (GLib's
    # g_file_get_child), so it runs in a scratch folder next to the output, with relative paths.
    with tempfile.TemporaryDirectory(prefix=".wixl-", dir=output.parent) as scratch:
        work = Path(scratch)
        (work / "files.wxs").write_text(files_fragment(source), encoding="utf-8")
        defines = {
            "Version": version,
            "SourceDir": Path(os.path.relpath(source.resolve(), work)).as_posix(),
            "ExeName": exe_name,
        }
        if icon is not None:
            shutil.copyfile(icon, work / "app.ico")
            defines["IconFile"] = "app.ico"
        command = [wixl, "-a", "x64", "-o", str(output)]
        for key, value in defines.items():
            command += ["-D", f"{key}={value}"]
        result = _run([*command, str(WXS), "files.wxs"], cwd=work)
    if result.returncode != 0 or not output.is_file():
        raise RuntimeError(f"wixl failed ({result.returncode}):\n{result.output}")
    set_component_conditions(output, COMPONENT_CONDITIONS)
    add_secure_properties(output, PROFILE_PROPERTIES)
    remove_old_versions_first(output)
    return result


def remove_old_versions_first(msi: Path) -> None:
    """Schedule RemoveExistingProducts right after InstallValidate, as MajorUpgrade's default
    asks: wixl moves it after InstallFinalize once the .wxs has an InstallExecuteSequence."""
    rows = msiinfo("export", str(msi), "InstallExecuteSequence").splitlines()[3:]
    sequence = {
        parts[0]: int(parts[2]) for parts in (r.split("\t") for r in rows) if len(parts) == 3
    }
    wanted = sequence["InstallValidate"] + 1
    if sequence.get("RemoveExistingProducts") == wanted:
        return
    if wanted in sequence.values():
        raise RuntimeError(
            f"{msi.name}: sequence {wanted} is taken; cannot move RemoveExistingProducts"
        )
    _msibuild(
        msi,
        f"UPDATE `InstallExecuteSequence` SET `Sequence` = {wanted} "  # noqa: S608
        "WHERE `Action` = 'RemoveExistingProducts'",
    )


# The managed profile's public properties (i3sync.wxs). Listed in SecureCustomProperties so that
# they reach the elevated part of the install also when a deployment tool installs as a user.
PROFILE_PROPERTIES = ("PROFILE_NAME", "ESWS_ENDPOINT", "I3_URL", "I3_ADMIN", "CLOUD")


def add_secure_properties(msi: Path, names: Sequence[str]) -> None:
    """Append ``names`` to the MSI's SecureCustomProperties (wixl writes its own there)."""
    rows = msiinfo("export", str(msi), "Property").splitlines()[3:]
    current = dict(line.split("\t", 1) for line in rows if "\t" in line)
    listed = [p for p in current.get("SecureCustomProperties", "").split(";") if p]
    wanted = ";".join(listed + [n for n in names if n not in listed])
    if not all(n.replace("_", "").isalnum() for n in names):
        raise ValueError(f"unexpected property names: {names!r}")
    if "SecureCustomProperties" not in current:  # wixl writes it for MajorUpgrade's properties
        raise RuntimeError(f"{msi.name} has no SecureCustomProperties to extend")
    # Our own constants, checked above: nothing from outside reaches the query.
    query = (
        f"UPDATE `Property` SET `Value` = '{wanted}' "  # noqa: S608
        "WHERE `Property` = 'SecureCustomProperties'"
    )
    _msibuild(msi, query)


# Component -> its Condition: wixl (0.101) refuses <Condition> inside a <Component>, so these are
# written into the built MSI's Component table (msibuild, from the same msitools).
COMPONENT_CONDITIONS = {"ManagedProfile": "PROFILE_NAME"}


def set_component_conditions(msi: Path, conditions: Mapping[str, str]) -> None:
    """Write each component's Condition column in ``msi``; raises when msibuild fails."""
    for component, condition in conditions.items():
        if not (component.replace("_", "").isalnum() and "'" not in condition):
            raise ValueError(f"unexpected component or condition: {component!r}")
        query = (
            f"UPDATE `Component` SET `Condition` = '{condition}' "  # noqa: S608
            f"WHERE `Component` = '{component}'"
        )
        _msibuild(msi, query)


def _msibuild(msi: Path, query: str) -> None:
    result = _run([find_tool("msibuild"), str(msi), "-q", query], timeout=120)
    if result.returncode != 0:
        raise RuntimeError(f"msibuild failed ({result.returncode}):\n{result.output}")


def msiinfo(*args: str) -> str:
    """``msiinfo ARGS`` (tables, export, suminfo); raises when it fails."""
    result = _run([find_tool("msiinfo"), *args], timeout=120)
    if result.returncode != 0:
        raise RuntimeError(f"msiinfo {' '.join(args)} failed:\n{result.output}")
    return result.output


# -- Inno Setup -----------------------------------------------------------------------------------


def find_iscc() -> Path:
    """ISCC.exe: $ISCC, then (Windows) PATH and Inno Setup 6's usual folders, or (Linux) the npm
    package under $INNOSETUP_DIR (which also needs wine).
    """
    explicit = os.environ.get("ISCC")
    candidates: list[Path] = [Path(explicit)] if explicit else []
    if IS_WINDOWS:
        on_path = shutil.which("ISCC")
        if on_path:
            candidates.append(Path(on_path))
        for base in ("ProgramFiles(x86)", "ProgramFiles", "LOCALAPPDATA"):
            root = os.environ.get(base)
            if root:
                candidates.append(Path(root, "Inno Setup 6", "ISCC.exe"))
                candidates.append(Path(root, "Programs", "Inno Setup 6", "ISCC.exe"))
    else:
        candidates.append(INNOSETUP_DIR / "node_modules" / "innosetup" / "bin" / "ISCC.exe")
    for candidate in candidates:
        if candidate.is_file():
            if not IS_WINDOWS and shutil.which("wine") is None:
                raise ToolMissing(f"wine not found (ISCC.exe needs it on Linux): {_hint()}")
            return candidate
    raise ToolMissing(f"ISCC.exe not found: {_hint()}")


def wine_path(path: Path) -> str:
    """A Linux path as wine's Z: drive sees it (ISCC reads ``/work/x.iss`` as a switch)."""
    return "Z:" + str(path.resolve()).replace("/", "\\")


def compile_inno(
    iss: Path, defines: Mapping[str, str | Path], *, quiet: bool = True, timeout: float = 900
) -> ToolRun:
    """Run ISCC on ``iss`` with ``/D`` defines (Path values become absolute Windows paths).

    Returns ISCC's exit code rather than raising: 0 compiled, 1 bad command line, 2 script error.
    """
    iscc = find_iscc()

    def win(path: Path) -> str:
        return str(path.resolve()) if IS_WINDOWS else wine_path(path)

    args = ["/Q"] if quiet else []
    for key, value in defines.items():
        args.append(f"/D{key}={win(value) if isinstance(value, Path) else value}")
    args.append(win(iss))
    if IS_WINDOWS:
        return _run([str(iscc), *args], timeout=timeout)
    env = dict(os.environ)
    env.update(
        WINEPREFIX=str(ISCC_WINEPREFIX),
        WINEARCH="win32",
        WINEDEBUG=env.get("WINEDEBUG", "-all"),
        WINEDLLOVERRIDES="mscoree,mshtml=",
    )
    env.pop("DISPLAY", None)  # ISCC needs no display; a display would only slow wine down
    return _run(["wine", str(iscc), *args], env=env, timeout=timeout)
