"""The Windows workflow cannot run here: read it against the build script both platforms share.

(No YAML library is a dependency: these are text checks of the lines that matter.)
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.packaging.conftest import PACKAGING, REPO, load_packaging_module

WORKFLOW = REPO / ".github" / "workflows" / "windows.yml"


@pytest.fixture(scope="module")
def workflow() -> str:
    return WORKFLOW.read_text(encoding="utf-8")


def run_lines(text: str) -> list[str]:
    """Every command of every ``run:`` (one-line or block)."""
    commands: list[str] = []
    lines = text.splitlines()
    for index, line in enumerate(lines):
        match = re.match(r"^(\s*)(?:- )?run:\s*(.*)$", line)
        if not match:
            continue
        rest = match[2].strip()
        if rest and rest != "|":
            commands.append(rest)
            continue
        indent = len(match[1])
        for following in lines[index + 1 :]:
            if following.strip() and len(following) - len(following.lstrip()) <= indent:
                break
            if following.strip():
                commands.append(following.strip())
    return commands


def test_is_plain_yaml_on_a_windows_runner(workflow: str) -> None:
    assert "\t" not in workflow  # YAML forbids tabs for indentation
    assert re.search(r"^on:\n", workflow, re.M)
    assert re.search(r"^\s+runs-on: windows-\d{4}$", workflow, re.M)
    assert re.search(r"^\s+shell: pwsh$", workflow, re.M)


def test_installs_the_project_with_tests_and_the_pinned_build_tools(workflow: str) -> None:
    commands = run_lines(workflow)
    assert 'python -m pip install ".[test]"' in commands
    assert "python -m pip install -r packaging/requirements.txt" in commands
    pins = (PACKAGING / "requirements.txt").read_text(encoding="utf-8")
    assert re.search(r"^pyinstaller==\d+\.\d+\.\d+$", pins, re.M)
    # The Linux CI installs the same file.
    tools = (REPO / ".ci" / "install-packaging-tools.sh").read_text(encoding="utf-8")
    assert 'REQUIREMENTS="$REPO/packaging/requirements.txt"' in tools


def test_builds_with_the_same_script_and_tests_its_artefacts(workflow: str) -> None:
    commands = run_lines(workflow)
    builds = [c for c in commands if "packaging/build.py" in c]
    assert builds == ["python packaging/build.py --out dist --work build/pyinstaller"]
    # The options it passes exist in build.py.
    build = load_packaging_module("build")
    args = build.parse_args(["--out", "dist", "--work", "build/pyinstaller"])
    assert (args.out, args.work) == (Path("dist"), Path("build/pyinstaller"))
    # Tests run after the build, on its output folder.
    order = [c for c in commands if "packaging/build.py" in c or "pytest" in c]
    assert order == [builds[0], 'python -m pytest -m "not nusoap"']
    assert re.search(r"I3SYNC_PACKAGING_REUSE: dist$", workflow, re.M)
    # The marker it deselects is the project's, and only the NuSOAP tests carry it.
    pyproject = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert '"nusoap: needs the real PHP NuSOAP ESWS server"' in pyproject


def test_every_local_file_it_names_exists(workflow: str) -> None:
    pattern = r"(?<![\w/])((?:tests/)?packaging/[\w./-]+\.(?:py|ps1|txt)|pyproject\.toml)"
    named = set(re.findall(pattern, workflow))
    assert "packaging/windows-install-test.ps1" in named
    for path in named:
        assert (REPO / path).is_file(), path


def test_installs_checks_and_uploads_the_installers(workflow: str) -> None:
    commands = run_lines(workflow)
    assert "pwsh packaging/windows-install-test.ps1 -Dist dist" in commands
    assert "mingw-w64-x86_64-msitools" in workflow  # wixl and msiinfo, as installers.py expects
    assert '"MSYS2_ROOT=' in workflow and "MSYS2_ROOT" in (PACKAGING / "installers.py").read_text()
    upload = workflow[workflow.index("actions/upload-artifact") :]
    for pattern in ("dist/*.msi", "dist/*.exe", "dist/build-summary.json", "dist/policy/"):
        assert pattern in upload  # policy/: the Group Policy template IT deploys beside the MSI


def test_install_test_reads_what_build_py_writes() -> None:
    script = (PACKAGING / "windows-install-test.ps1").read_text(encoding="utf-8")
    build = load_packaging_module("build")
    assert f'"{build.SUMMARY_FILE}"' in script
    for kind in ("setup", "msi"):
        assert f'kind -eq "{kind}"' in script
    assert "--self-check" in script and '"/CURRENTUSER"' in script


@pytest.mark.skipif(sys.platform == "win32", reason="Linux CI scripts; bash there may be WSL's")
@pytest.mark.parametrize(
    "script", [REPO / ".ci" / "install-packaging-tools.sh", PACKAGING / "wine-smoke-test.sh"]
)
def test_shell_scripts_parse(script: Path) -> None:
    result = subprocess.run(
        ["bash", "-n", str(script)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def powershell_concat(script: str, variable: str) -> str:
    """The value of ``$variable = "a" + [char]0x00FC + ...`` in the install test."""
    match = re.search(rf"^\${variable} = (.+)$", script, re.M)
    assert match, variable
    parts = [part.strip() for part in match[1].split(" + ")]
    return "".join(chr(int(p[8:], 16)) if p.startswith("[char]0x") else p.strip('"') for p in parts)


def test_install_test_installs_per_user_into_a_folder_named_with_accents() -> None:
    script = (PACKAGING / "windows-install-test.ps1").read_text(encoding="utf-8")
    assert script.isascii()  # Windows PowerShell reads a file without BOM as ANSI
    jurgen, gulsen = powershell_concat(script, "jurgen"), powershell_concat(script, "gulsen")
    assert (jurgen, gulsen) == ("J\u00fcrgen M\u00fcller-\u00d8rsted", "G\u00fcl\u015fen")
    with pytest.raises(UnicodeEncodeError):
        gulsen.encode("cp1252")  # outside the ANSI code page: the ANSI path has "?" there
    assert (
        '$accentDir = Join-Path $env:LOCALAPPDATA "Programs\\$jurgen\\$gulsen\\I3 Sync"' in script
    )
    # Per user, into that folder; the installed copy checked (self-check included) and removed.
    install = re.search(r"^\$code = Run \$setup @\((.+?)\)$", script[script.index("$accentDir") :],
                        re.M | re.S)  # fmt: skip
    assert install and '"/CURRENTUSER"' in install[1] and '"/DIR=`"$accentDir`""' in install[1]
    assert 'CheckInstalled "inno-accent" $accentDir "HKCU" $userMenu $accentTemp' in script
    assert 'CheckRemoved "inno-accent" $accentDir "HKCU"' in script
    check = script[script.index("function CheckInstalled") : script.index("function CheckRemoved")]
    assert "--self-check" in check and "$env:TEMP = $Temp; $env:TMP = $Temp" in check


def test_install_test_installs_the_msi_with_a_managed_profile() -> None:
    """msiexec with PROFILE_NAME ...: the policy key is written, the app lists the profile as
    managed, and the uninstall removes the key (natively on Windows; under wine on Linux)."""
    script = (PACKAGING / "windows-install-test.ps1").read_text(encoding="utf-8")
    section = script[script.index("# -- MSI with a managed profile") :]
    assert '"PROFILE_NAME=`"Head office`""' in section and '"CLOUD=1"' in section
    assert '$policy = "HKLM:\\Software\\Policies\\I3Sync\\Profiles\\Head office"' in section
    assert "profile list --json" in section and "'\"managed\": true'" in section
    assert "Check (-not (Test-Path $policy))" in section


def test_records_start_up_time_and_sizes_in_the_job_summary(
    workflow: str, figures_module: ModuleType, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """issue 13: the first Windows run gives the Windows figures (packaging/figures.py; its run
    on a Linux build is tests/packaging/test_frozen_languages.py)."""
    commands = run_lines(workflow)
    (figures_run,) = [c for c in commands if "packaging/figures.py" in c]
    assert (
        figures_run == "python packaging/figures.py --dist dist --runs 6 --json dist/figures.json"
    )
    # After the build it measures, and before the tests (which may fail for other reasons).
    build_at = commands.index("python packaging/build.py --out dist --work build/pyinstaller")
    assert (
        build_at < commands.index(figures_run) < commands.index('python -m pytest -m "not nusoap"')
    )
    # Its options exist, and without --summary it writes where GitHub reads the job summary.
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path / "summary.md"))
    args = figures_module.parse_args(figures_run.split()[2:])
    assert (args.dist, args.runs, args.json) == (Path("dist"), 6, Path("dist/figures.json"))
    assert args.summary == tmp_path / "summary.md"
    upload = workflow[workflow.index("actions/upload-artifact") :]
    assert "dist/figures.json" in upload


def test_job_summary_table_marks_each_size_against_its_ceiling() -> None:
    figures = load_packaging_module("figures")
    data = figures.Figures(platform="win32", version="1.0.0", compression="lzma2/max")
    data.sizes_mb = {"setup": 109.5, "msi": 150.1, "folder": 371.0}
    data.files = 300
    data.starts = [2.5, 1.0, 1.25, 1.5]
    data.self_check_seconds = 3.0
    table = figures.markdown(data)
    assert table.splitlines()[:4] == [
        "### I3 Sync Desktop 1.0.0: win32",
        "",
        "| what | measured | target |",
        "| --- | ---: | ---: |",
    ]
    assert "| setup.exe (Inno Setup), lzma2/max | 109.5 MB ✅ | ≤ 110 MB |" in table
    assert "| MSI (wixl) | 150.1 MB ❌ | ≤ 150 MB |" in table
    assert "| installed folder, 300 files | 371.0 MB ✅ | ≤ 380 MB |" in table
    assert "| first start to window shown (`--lang en`, empty user folders) | 2.50 s | |" in table
    assert "| start to window shown, median of 3 | 1.25 s | |" in table
    assert "| `--self-check` (offscreen) | 3.00 s | |" in table
    assert "Every start, in order (s): 2.50, 1.00, 1.25, 1.50." in table
