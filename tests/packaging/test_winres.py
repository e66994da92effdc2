"""The version from pyproject.toml and the Windows resources made from it (no build needed)."""

from __future__ import annotations

import ast
import struct
import tomllib
from pathlib import Path
from types import ModuleType

import pytest

from tests.packaging.conftest import REPO


def test_version_comes_from_pyproject(winres_module: ModuleType) -> None:
    with (REPO / "pyproject.toml").open("rb") as handle:
        written = tomllib.load(handle)["project"]["version"]
    version = winres_module.project_version()
    assert version.text == written
    assert version.numeric == ".".join(written.split(".")[:3])


@pytest.mark.parametrize(
    ("text", "numeric"),
    [("0.1.0", "0.1.0"), ("0.2.0rc1", "0.2.0"), ("1.10.3.post2", "1.10.3"), ("01.2.3", "1.2.3")],
)
def test_numeric_version_for_windows(winres_module: ModuleType, text: str, numeric: str) -> None:
    version = winres_module.parse_version(text)
    assert (version.text, version.numeric) == (text, numeric)


@pytest.mark.parametrize("text", ["1.2", "v1.2.3", "1.2.70000", ""])
def test_versions_windows_cannot_hold_are_refused(winres_module: ModuleType, text: str) -> None:
    with pytest.raises(ValueError):
        winres_module.parse_version(text)


def test_ico_holds_every_png_size(winres_module: ModuleType, tmp_path: Path) -> None:
    ico = winres_module.write_ico(winres_module.app_icon_pngs(), tmp_path / "i3sync.ico")
    data = ico.read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind, count) == (0, 1, len(winres_module.ICON_SIZES))
    sizes = []
    for index in range(count):
        width, height, _colours, _r, planes, bits, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * index : 22 + 16 * index]
        )
        assert width == height and (planes, bits) == (1, 32)
        assert data[offset : offset + 8] == b"\x89PNG\r\n\x1a\n"
        assert offset + length <= len(data)
        sizes.append(width or 256)
    assert sizes == sorted(winres_module.ICON_SIZES)


def test_ico_refuses_what_is_not_a_square_png(winres_module: ModuleType, tmp_path: Path) -> None:
    not_png = tmp_path / "x.png"
    not_png.write_bytes(b"GIF89a")
    with pytest.raises(ValueError, match="not a PNG"):
        winres_module.write_ico([not_png], tmp_path / "x.ico")
    with pytest.raises(ValueError, match="no icon"):
        winres_module.write_ico([], tmp_path / "x.ico")


def test_version_resource_is_a_versioninfo_expression(winres_module: ModuleType) -> None:
    version = winres_module.parse_version("1.2.3rc1")
    text = winres_module.version_resource_text(
        version, exe_name="i3sync-cli.exe", description="I3 Sync Desktop (command line)"
    )
    tree = ast.parse(text, mode="eval")  # PyInstaller evaluates this file as an expression
    call = tree.body
    assert isinstance(call, ast.Call) and isinstance(call.func, ast.Name)
    assert call.func.id == "VSVersionInfo"
    strings = {
        node.args[0].value: node.args[1].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "StringStruct"
        and isinstance(node.args[0], ast.Constant)
        and isinstance(node.args[1], ast.Constant)
    }
    assert strings["ProductVersion"] == "1.2.3rc1"
    assert strings["OriginalFilename"] == "i3sync-cli.exe"
    assert strings["ProductName"] == "I3 Sync Desktop"
    fixed = {
        kw.arg: ast.literal_eval(kw.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
        if node.func.id == "FixedFileInfo"
        for kw in node.keywords
        if kw.arg in ("filevers", "prodvers")
    }
    assert fixed == {"filevers": (1, 2, 3, 0), "prodvers": (1, 2, 3, 0)}
