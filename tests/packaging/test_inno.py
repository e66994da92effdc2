"""installer.iss: compiled by ISCC (natively on Windows, under wine here), a broken copy refused,
and the script's promises (fixed AppId, per-user default, URL scheme, profiles kept)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from desktop.esws.managed import (
    POLICY_KEY,
    VALUE_ADMIN,
    VALUE_CLOUD,
    VALUE_ENDPOINT,
    VALUE_I3_URL,
)
from tests.packaging.conftest import BUILD_WAIT, REPO, PackagingBuild

pytestmark = pytest.mark.timeout(BUILD_WAIT)

ISS = REPO / "installer.iss"
APP_ID = "{{4B9F1ADC-1F59-4739-8E4D-032CC8228158}"  # "{{" is Inno's escape for "{"


def sections(text: str) -> dict[str, list[str]]:
    """installer.iss by section: non-empty, non-comment lines (preprocessor lines left out)."""
    result: dict[str, list[str]] = {}
    current = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith((";", "#", "//")):
            continue
        match = re.fullmatch(r"\[(\w+)\]", line)
        if match:
            current = match[1]
            result.setdefault(current, [])
        elif current:
            result[current].append(line)
    return result


def setup_directives(text: str) -> dict[str, str]:
    return dict(line.split("=", 1) for line in sections(text)["Setup"] if "=" in line)


def test_setup_compiled(packaging_build: PackagingBuild) -> None:
    setup = packaging_build.artefact("setup")
    data = setup.read_bytes()
    assert data[:2] == b"MZ"
    assert b"Inno Setup Setup Data (6." in data  # Inno's own header, not just any executable
    # Compressed app inside: the setup is smaller than the folder, and not a stub.
    folder_bytes = sum(p.stat().st_size for p in packaging_build.payload.rglob("*") if p.is_file())
    assert 0.2 * folder_bytes < len(data) < folder_bytes
    assert setup.name == f"i3sync-setup-{packaging_build.version}" + (
        ".exe" if packaging_build.summary["platform"] == "win32" else "-linux-check.exe"
    )


@pytest.fixture
def compile_copy(
    installers_module: ModuleType, tmp_path: Path
) -> Callable[..., tuple[int, str, Path]]:
    """Compile a (possibly altered) copy of installer.iss against a small stand-in folder (the
    real folder's compile is test_setup_compiled's; these look at the script, in seconds)."""
    folder = tmp_path / "app"
    (folder / "_internal").mkdir(parents=True)
    for name in ("i3sync.exe", "i3sync-cli.exe", "_internal/base_library.zip"):
        (folder / name).write_bytes(b"MZ stand-in")

    def run(
        change: Callable[[str], str] = lambda text: text, *, source: Path | None = None
    ) -> tuple[int, str, Path]:
        copy = tmp_path / "installer.iss"
        copy.write_text(change(ISS.read_text(encoding="utf-8")), encoding="utf-8")
        out = tmp_path / "out"
        result = installers_module.compile_inno(
            copy,
            {
                "AppVersion": "9.9.9",
                "SourceDir": source or folder,
                "OutputDir": out,
                "Compression": "none",
            },
        )
        return result.returncode, result.output, out

    return run


def test_broken_directive_fails_with_exit_2(
    compile_copy: Callable[..., tuple[int, str, Path]],
) -> None:
    code, output, out = compile_copy(
        lambda text: text.replace("WizardStyle=modern", "WizardStyle=modern\nCompresion=lzma")
    )
    assert code == 2, output
    assert "Compresion" in output
    assert not list(out.glob("*.exe"))


def test_broken_code_section_fails_with_exit_2(
    compile_copy: Callable[..., tuple[int, str, Path]],
) -> None:
    code, output, _out = compile_copy(
        lambda text: text.replace("  Purge: Boolean;\n", "  Purge: Boolean\n")
    )
    assert code == 2, output


def test_folder_without_the_console_exe_is_refused(
    compile_copy: Callable[..., tuple[int, str, Path]], tmp_path: Path
) -> None:
    partial = tmp_path / "partial"
    partial.mkdir()
    (partial / "i3sync.exe").write_bytes(b"MZ stand-in")
    code, output, _out = compile_copy(source=partial)
    assert code == 2, output
    assert "CliExeName" in output


def test_unchanged_copy_compiles(compile_copy: Callable[..., tuple[int, str, Path]]) -> None:
    """The control for the two tests above: the same copy, unbroken, compiles (exit 0)."""
    code, output, out = compile_copy()
    assert code == 0, output
    assert (out / "i3sync-setup-9.9.9.exe").is_file()


def test_fixed_app_id_and_per_user_default(installers_module: ModuleType) -> None:
    setup = setup_directives(ISS.read_text(encoding="utf-8"))
    assert setup["AppId"] == APP_ID
    assert APP_ID[1:] == installers_module.INNO_APP_ID
    assert setup["PrivilegesRequired"] == "lowest"  # no admin rights needed
    assert set(setup["PrivilegesRequiredOverridesAllowed"].split()) == {"dialog", "commandline"}
    assert setup["DefaultDirName"] == r"{autopf}\{#AppName}"
    assert setup["UsePreviousAppDir"] == "yes"  # an upgrade lands where the old version is
    assert setup["ArchitecturesInstallIn64BitMode"] == "x64compatible"


def test_url_scheme_registered_and_removed() -> None:
    registry = sections(ISS.read_text(encoding="utf-8"))["Registry"]
    scheme = [line for line in registry if r'Subkey: "Software\Classes\{#UrlScheme}' in line]
    assert len(scheme) == 4
    assert any('ValueName: "URL Protocol"' in line for line in scheme)
    command = [line for line in scheme if r"\shell\open\command" in line]
    assert command == [
        r'Root: HKA; Subkey: "Software\Classes\{#UrlScheme}\shell\open\command"; '
        r'ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExeName}"" ""%1"""'
    ]
    # Removed on uninstall: the key itself carries uninsdeletekey.
    assert any(
        line.startswith(r'Root: HKA; Subkey: "Software\Classes\{#UrlScheme}";')
        and "Flags: uninsdeletekey" in line
        for line in scheme
    )
    assert '#define UrlScheme "i3sync"' in ISS.read_text(encoding="utf-8")


def test_start_menu_desktop_icon_and_profiles_kept() -> None:
    text = ISS.read_text(encoding="utf-8")
    parts = sections(text)
    assert any(line.startswith(r'Name: "{autoprograms}\{#AppName}"') for line in parts["Icons"])
    desktop = [line for line in parts["Icons"] if "{autodesktop}" in line]
    assert len(desktop) == 1 and "Tasks: desktopicon" in desktop[0]
    assert any("desktopicon" in line and "Flags: unchecked" in line for line in parts["Tasks"])
    # Profiles are deleted only when the user says so (or a silent uninstall is told to).
    assert "MB_DEFBUTTON2" in text and "/PURGEPROFILES" in text
    assert "DelTree(RoamingDir" in text
    assert not any("{userappdata}" in line for line in parts.get("UninstallDelete", []))


def test_managed_profile_parameters_write_the_policy_key() -> None:
    """/PROFILE_NAME=... /ESWS_ENDPOINT=... write what desktop/esws/managed.py reads, in an
    install for all users only (the wine test installs it; tests/packaging/test_managed_...)."""
    text = ISS.read_text(encoding="utf-8")
    registry = sections(text)["Registry"]
    key = POLICY_KEY + r"\{param:PROFILE_NAME}"
    lines = [line for line in registry if f'Subkey: "{key}"' in line]
    entries = [dict(part.strip().split(": ", 1) for part in line.split("; ")) for line in lines]
    assert {e["ValueName"]: (e["ValueType"], e["ValueData"]) for e in entries} == {
        f'"{VALUE_ENDPOINT}"': ("string", '"{param:ESWS_ENDPOINT}"'),
        f'"{VALUE_I3_URL}"': ("string", '"{param:I3_URL}"'),
        f'"{VALUE_ADMIN}"': ("string", '"{param:I3_ADMIN}"'),
        f'"{VALUE_CLOUD}"': ("dword", '"{code:CloudValue}"'),
    }
    assert {e["Root"] for e in entries} == {"HKLM64"}
    assert {e["Check"] for e in entries} == {"ManagedProfileGiven"}
    assert any(e.get("Flags") == "uninsdeletekey" for e in entries)  # removed on uninstall
    given = re.search(r"function ManagedProfileGiven: Boolean;.*?end;", text, re.S)
    assert given is not None and "IsAdminInstallMode" in given[0]
    setup = re.search(r"function InitializeSetup: Boolean;.*?\nend;", text, re.S)
    assert setup is not None
    for needed in ("ESWS_ENDPOINT", "/ALLUSERS", "backslash", "Result := False"):
        assert needed in setup[0]


LANGUAGES = {
    "english": "compiler:Default.isl",
    "dutch": "compiler:Languages\\Dutch.isl",
    "german": "compiler:Languages\\German.isl",
}


def custom_messages(text: str) -> dict[str, dict[str, str]]:
    """[CustomMessages] as {message name: {language: text}}."""
    found: dict[str, dict[str, str]] = {}
    for line in sections(text)["CustomMessages"]:
        key, value = line.split("=", 1)
        language, name = key.split(".", 1)
        found.setdefault(name, {})[language] = value
    return found


def test_the_setup_speaks_english_dutch_and_german(installers_module: ModuleType) -> None:
    text = ISS.read_text(encoding="utf-8-sig")
    languages = {}
    for line in sections(text)["Languages"]:
        fields = dict(part.strip().split(": ", 1) for part in line.split("; "))
        languages[fields["Name"].strip('"')] = fields["MessagesFile"].strip('"')
    assert languages == LANGUAGES
    # Inno's own translations of its wizard come with the compiler (Windows and the npm one).
    iscc = installers_module.find_iscc()
    for messages in LANGUAGES.values():
        assert (iscc.parent / messages.removeprefix("compiler:").replace("\\", "/")).is_file()
    setup = setup_directives(text)
    assert setup["ShowLanguageDialog"] == "auto"  # Windows' UI language, asked only when none fits
    assert setup["LanguageDetectionMethod"] == "uilanguage"


def test_every_string_of_ours_is_in_the_three_languages() -> None:
    text = ISS.read_text(encoding="utf-8-sig")
    messages = custom_messages(text)
    assert set(messages) >= {"DeleteProfilesPrompt", "ManagedNeedsEndpoint"}
    for name, by_language in messages.items():
        assert set(by_language) == set(LANGUAGES), name
        texts = list(by_language.values())
        assert len(set(texts)) == 3, f"{name}: a language repeats another's text"
        # The same placeholders (%1, %2) and line breaks (%n) in each.
        shapes = {tuple(re.findall(r"%\d|%n", value)) for value in texts}
        assert len(shapes) == 1, name
    # Every message the script uses is ours (defined above) or Inno's own (Default.isl).
    used = set(re.findall(r"CustomMessage\('(\w+)'\)", text)) | set(re.findall(r"\{cm:(\w+)", text))
    inno_own = {"CreateDesktopIcon", "AdditionalIcons", "LaunchProgram"}
    assert used - inno_own <= set(messages)
    assert used >= {"DeleteProfilesPrompt", "ManagedNeedsAllUsers", "ManagedNeedsEndpoint"}
    # Glossary terms (resources/i18n/README.md): profile - profiel - Profil.
    prompt = messages["DeleteProfilesPrompt"]
    assert "profielen" in prompt["dutch"] and "Profile" in prompt["german"]


def test_non_ascii_text_has_its_byte_order_mark() -> None:
    """ISCC reads a file without BOM in the ANSI code page: German umlauts would be garbled."""
    data = ISS.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert "löschen" in data.decode("utf-8-sig")
