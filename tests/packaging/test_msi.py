"""The MSI built by packaging/build.py, read back with msiinfo: tables, files, shortcut,
the i3sync:// URL scheme, the fixed UpgradeCode and the major-upgrade rows."""

from __future__ import annotations

import re
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
from tests.packaging.conftest import BUILD_WAIT, PACKAGING, PackagingBuild

pytestmark = pytest.mark.timeout(BUILD_WAIT)

UPGRADE_CODE = "{83B8D154-5276-486F-944E-486D7DDA6DF8}"


def rows(installers: ModuleType, msi: Path, table: str) -> list[dict[str, str]]:
    """``msiinfo export`` of one table as dicts (line 1: columns, 2: types, 3: table and keys)."""
    lines = installers.msiinfo("export", str(msi), table).splitlines()
    columns = lines[0].split("\t")
    assert lines[2].split("\t")[0] == table
    return [dict(zip(columns, line.split("\t"), strict=False)) for line in lines[3:]]


@pytest.fixture(scope="module")
def msi(packaging_build: PackagingBuild) -> Path:
    path = packaging_build.artefact("msi")
    assert path.is_file()
    return path


def test_tables_present(msi: Path, installers_module: ModuleType) -> None:
    tables = set(installers_module.msiinfo("tables", str(msi)).split())
    wanted = {"File", "Component", "Directory", "Feature", "Shortcut", "Registry", "Upgrade"}
    assert wanted | {"Media", "Property", "Icon", "LaunchCondition"} <= tables


def test_product_properties(
    msi: Path, installers_module: ModuleType, packaging_build: PackagingBuild
) -> None:
    props = {r["Property"]: r["Value"] for r in rows(installers_module, msi, "Property")}
    assert props["UpgradeCode"] == UPGRADE_CODE
    assert props["ProductVersion"] == packaging_build.numeric_version
    assert props["ProductName"] == "I3 Sync Desktop"
    assert props["ALLUSERS"] == "1"  # per-machine, for deployment tools
    assert props["ARPPRODUCTICON"] == "i3sync.ico"
    assert re.fullmatch(r"\{[0-9A-F-]{36}\}", props["ProductCode"])
    summary = installers_module.msiinfo("suminfo", str(msi))
    assert "Template: x64;1033" in summary


def test_major_upgrade_rows(
    msi: Path, installers_module: ModuleType, packaging_build: PackagingBuild
) -> None:
    upgrade = rows(installers_module, msi, "Upgrade")
    assert {r["UpgradeCode"] for r in upgrade} == {UPGRADE_CODE}
    by_action = {r["ActionProperty"]: r for r in upgrade}
    older = by_action["WIX_UPGRADE_DETECTED"]  # anything older is removed first
    assert older["VersionMax"] == packaging_build.numeric_version and older["VersionMin"] == ""
    newer = by_action["WIX_DOWNGRADE_DETECTED"]  # a newer one blocks the install
    assert newer["VersionMin"] == packaging_build.numeric_version
    conditions = rows(installers_module, msi, "LaunchCondition")
    assert any("WIX_DOWNGRADE_DETECTED" in r["Condition"] for r in conditions)


def test_url_scheme_registry(msi: Path, installers_module: ModuleType) -> None:
    registry = {(r["Key"], r["Name"]): r for r in rows(installers_module, msi, "Registry")}
    base = r"Software\Classes\i3sync"
    assert registry[(base, "")]["Value"] == "URL:I3 Sync Desktop"
    assert (base, "URL Protocol") in registry
    assert registry[(base + r"\shell\open\command", "")]["Value"] == '"[INSTALLDIR]i3sync.exe" "%1"'
    # Root 2 = HKLM (a per-machine install registers the scheme for every user).
    assert {r["Root"] for k, r in registry.items() if k[0].startswith(base)} == {"2"}


def test_start_menu_shortcut(msi: Path, installers_module: ModuleType) -> None:
    (shortcut,) = rows(installers_module, msi, "Shortcut")
    assert shortcut["Directory_"] == "ProgramMenuFolder"
    assert shortcut["Name"] == "I3 Sync Desktop"
    assert shortcut["Target"] == "[INSTALLDIR]i3sync.exe"
    assert shortcut["WkDir"] == "INSTALLDIR"


def test_every_file_of_the_folder_is_in_the_msi(
    msi: Path, installers_module: ModuleType, packaging_build: PackagingBuild
) -> None:
    files = rows(installers_module, msi, "File")
    payload = [p for p in packaging_build.payload.rglob("*") if p.is_file()]
    assert len(files) == len(payload)
    names = {r["FileName"] for r in files}
    assert {"i3sync.exe", "i3sync-cli.exe", "esws.wsdl"} <= names
    assert any(n.startswith("QtWebEngineProcess") for n in names)
    sizes = {r["FileName"]: int(r["FileSize"]) for r in files}
    assert sizes["i3sync.exe"] == (packaging_build.payload / "i3sync.exe").stat().st_size
    media = rows(installers_module, msi, "Media")
    assert media[0]["Cabinet"] == "#i3sync.cab"  # embedded: one file to deploy
    assert int(media[0]["LastSequence"]) == len(files)


def test_components_are_64_bit(msi: Path, installers_module: ModuleType) -> None:
    components = rows(installers_module, msi, "Component")
    # msidbComponentAttributes64bit = 256 (260 with a registry key path).
    assert all(int(r["Attributes"]) & 256 for r in components)
    assert all(re.fullmatch(r"\{[0-9A-F-]{36}\}", r["ComponentId"]) for r in components)


def test_component_ids_are_stable_across_builds(
    installers_module: ModuleType, tmp_path: Path
) -> None:
    """Guid="*": each file's component id derives from its install path, so a new version
    replaces the old files instead of orphaning them; the product code is new each build."""
    folder = tmp_path / "app"
    (folder / "_internal").mkdir(parents=True)
    for name in ("i3sync.exe", "i3sync-cli.exe", "_internal/a.dll"):
        (folder / name).write_bytes(name.encode())
    built = {}
    for version in ("1.0.0", "1.0.1"):
        msi = tmp_path / f"{version}.msi"
        installers_module.build_msi(version=version, source=folder, output=msi)
        components = {
            r["Component"]: r["ComponentId"] for r in rows(installers_module, msi, "Component")
        }
        props = {r["Property"]: r["Value"] for r in rows(installers_module, msi, "Property")}
        built[version] = (components, props["ProductCode"])
    assert built["1.0.0"][0] == built["1.0.1"][0]
    # Three files, the shortcut, the URL scheme and the managed profile's policy key.
    assert len(built["1.0.0"][0]) == 6
    assert built["1.0.0"][1] != built["1.0.1"][1]


def test_wxs_and_installers_module_agree_on_the_upgrade_code(
    installers_module: ModuleType,
) -> None:
    wxs = (PACKAGING / "i3sync.wxs").read_text(encoding="utf-8")
    assert f'UpgradeCode="{installers_module.MSI_UPGRADE_CODE}"' in wxs
    assert "{" + installers_module.MSI_UPGRADE_CODE + "}" == UPGRADE_CODE


# -- the managed profile (PROFILE_NAME, ESWS_ENDPOINT, I3_URL, I3_ADMIN, CLOUD) --------------------

PROFILE_PROPERTIES = {"PROFILE_NAME", "ESWS_ENDPOINT", "I3_URL", "I3_ADMIN", "CLOUD"}


@pytest.fixture(scope="module")
def small_msi(installers_module: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real i3sync.wxs around a stand-in folder: the same tables but the files, in seconds."""
    folder = tmp_path_factory.mktemp("small-msi") / "app"
    (folder / "_internal").mkdir(parents=True)
    for name in ("i3sync.exe", "i3sync-cli.exe", "_internal/a.dll"):
        (folder / name).write_bytes(b"MZ stand-in")
    output = folder.parent / "small.msi"
    installers_module.build_msi(version="1.0.0", source=folder, output=output)
    return output


def check_managed_profile_tables(installers: ModuleType, msi: Path) -> None:
    key = POLICY_KEY + r"\[PROFILE_NAME]"
    written = {
        (r["Key"], r["Name"]): r
        for r in rows(installers, msi, "Registry")
        if r["Component_"] == "ManagedProfile"
    }
    assert {k: r["Value"] for k, r in written.items()} == {
        (key, VALUE_ENDPOINT): "[ESWS_ENDPOINT]",
        (key, VALUE_I3_URL): "[I3_URL]",
        (key, VALUE_ADMIN): "[I3_ADMIN]",
        (key, VALUE_CLOUD): "#[CLOUD]",  # "#": a DWORD
        (r"Software\I3Sync\i3sync", "ManagedProfileName"): "[PROFILE_NAME]",
    }
    assert {r["Root"] for r in written.values()} == {"2"}  # HKLM
    components = {r["Component"]: r for r in rows(installers, msi, "Component")}
    # Installed only when PROFILE_NAME is given (set after wixl, which has no <Condition> there).
    assert components["ManagedProfile"]["Condition"] == "PROFILE_NAME"
    assert all(r["Condition"] == "" for n, r in components.items() if n != "ManagedProfile")
    props = {r["Property"]: r["Value"] for r in rows(installers, msi, "Property")}
    assert props["CLOUD"] == "0"
    assert set(props["SecureCustomProperties"].split(";")) >= PROFILE_PROPERTIES
    assert {"WIX_UPGRADE_DETECTED", "WIX_DOWNGRADE_DETECTED"} <= set(
        props["SecureCustomProperties"].split(";")
    )
    conditions = {r["Condition"] for r in rows(installers, msi, "LaunchCondition")}
    assert 'Installed OR NOT (PROFILE_NAME >< "\\")' in conditions
    assert "Installed OR NOT PROFILE_NAME OR ESWS_ENDPOINT" in conditions
    # The uninstall reads the name back (it is given no properties) to remove the right key.
    (action,) = rows(installers, msi, "CustomAction")
    assert (action["Action"], int(action["Type"]) & 63) == ("RestoreProfileName", 51)
    assert (action["Source"], action["Target"]) == ("PROFILE_NAME", "[INSTALLED_PROFILE_NAME]")
    search = rows(installers, msi, "RegLocator")
    assert [(r["Key"], r["Name"]) for r in search] == [
        (r"Software\I3Sync\i3sync", "ManagedProfileName")
    ]
    sequence = {r["Action"]: r for r in rows(installers, msi, "InstallExecuteSequence")}
    restore = sequence["RestoreProfileName"]
    assert int(sequence["AppSearch"]["Sequence"]) < int(restore["Sequence"])
    assert int(restore["Sequence"]) < int(sequence["CostFinalize"]["Sequence"])
    assert restore["Condition"] == "Installed AND NOT PROFILE_NAME AND INSTALLED_PROFILE_NAME"
    # MajorUpgrade removes the old version right after InstallValidate, not after InstallFinalize
    # where wixl puts it once the .wxs has a sequence of its own (NOTES 21).
    removal = int(sequence["RemoveExistingProducts"]["Sequence"])
    assert removal == int(sequence["InstallValidate"]["Sequence"]) + 1


def test_managed_profile_properties_and_policy_key(
    small_msi: Path, installers_module: ModuleType
) -> None:
    check_managed_profile_tables(installers_module, small_msi)


def test_managed_profile_in_the_built_msi(msi: Path, installers_module: ModuleType) -> None:
    check_managed_profile_tables(installers_module, msi)


def test_policy_templates_ship_beside_the_msi(packaging_build: PackagingBuild) -> None:
    policy = packaging_build.artefact("policy")
    files = sorted(p.relative_to(policy).as_posix() for p in policy.rglob("*") if p.is_file())
    assert files == ["de-DE/i3sync.adml", "en-US/i3sync.adml", "i3sync.admx", "nl-NL/i3sync.adml"]
    for name in files:
        assert (policy / name).read_bytes() == (PACKAGING / "policy" / name).read_bytes()
