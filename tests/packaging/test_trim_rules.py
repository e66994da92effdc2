"""packaging/pyi_trim.py's rules, without building: what stays for the window's three languages,
and which leftover libraries the Linux build leaves out (the frozen app's own tests, in
test_frozen_languages.py and test_frozen_app.py, prove that it still starts without them)."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.packaging.conftest import load_packaging_module


@pytest.fixture(scope="module")
def trim() -> ModuleType:
    return load_packaging_module("pyi_trim")


@pytest.mark.parametrize("layout", ["PySide6/Qt/translations", "PySide6/translations"])
def test_qt_catalogues_of_the_three_languages_stay(trim: ModuleType, layout: str) -> None:
    # The window loads qtbase_<lang>.qm from Qt's translations folder (desktop/gui/i18n.py).
    for name in ("qtbase_nl.qm", "qtbase_de.qm", "qt_nl.qm", "qt_de.qm", "qtwebengine_de.qm"):
        assert trim.keep(f"{layout}/{name}"), name
    for name in ("qtbase_fr.qm", "qt_ja.qm", "qtwebengine_pl.qm", "linguist_nl.qm"):
        assert not trim.keep(f"{layout}/{name}"), name


@pytest.mark.parametrize(
    "layout",
    ["PySide6/Qt/translations/qtwebengine_locales", "PySide6/translations/qtwebengine_locales"],
)
def test_chromium_locales_are_the_windows_languages(trim: ModuleType, layout: str) -> None:
    kept = {
        name
        for name in ("en-US", "en-GB", "nl", "de", "fr", "de-CH", "pt-BR", "ja")
        if trim.keep(f"{layout}/{name}.pak")
    }
    assert kept == {"en-US", "en-GB", "nl", "de"}


def test_the_app_s_own_catalogues_are_never_trimmed(trim: ModuleType) -> None:
    assert trim.keep("desktop/resources/i18n/i3sync_nl.qm")
    assert trim.keep("desktop/resources/i18n/i3sync_de.qm")


def test_devtools_and_debug_twins_go_webengine_resources_stay(trim: ModuleType) -> None:
    for layout in ("PySide6/Qt/resources", "PySide6/resources"):
        assert not trim.keep(f"{layout}/qtwebengine_devtools_resources.pak")
        assert not trim.keep(f"{layout}/qtwebengine_resources.debug.pak")
        for name in ("qtwebengine_resources.pak", "icudtl.dat", "v8_context_snapshot.bin"):
            assert trim.keep(f"{layout}/{name}"), name


def test_orphaned_libraries_go_needed_and_dlopened_ones_stay(trim: ModuleType) -> None:
    toc = [
        ("PySide6/Qt/lib/libQt6Core.so.6", "/w/libQt6Core.so.6", "BINARY"),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/w/libqxcb.so", "BINARY"),
        ("_ssl.cpython-311-x86_64-linux-gnu.so", "/w/_ssl.so", "EXTENSION"),
        ("libglib-2.0.so.0", "/w/libglib-2.0.so.0", "BINARY"),  # needed by Qt Core
        ("libpcre2-8.so.0", "/w/libpcre2-8.so.0", "BINARY"),  # needed by glib: transitively
        ("libcrypto.so.3", "/w/libcrypto.so.3", "BINARY"),  # needed by _ssl
        ("libxcb-cursor.so.0", "/w/libxcb-cursor.so.0", "BINARY"),  # needed by a plugin
        ("libpython3.11.so.1.0", "/w/libpython3.11.so.1.0", "BINARY"),  # the bootloader's
        ("libsoftokn3.so", "/w/libsoftokn3.so", "BINARY"),  # NSS loads it with dlopen
        ("libcairo.so.2", "/w/libcairo.so.2", "BINARY"),  # only the dropped GTK theme's
        ("libpixman-1.so.0", "/w/libpixman-1.so.0", "BINARY"),  # only cairo's
        ("libQt6Widgets.so.6", "PySide6/Qt/lib/libQt6Widgets.so.6", "SYMLINK"),
    ]
    needs = {
        "/w/libQt6Core.so.6": ["libglib-2.0.so.0", "libstdc++.so.6"],
        "/w/libglib-2.0.so.0": ["libpcre2-8.so.0"],
        "/w/_ssl.so": ["libcrypto.so.3"],
        "/w/libqxcb.so": ["libxcb-cursor.so.0", "libQt6Core.so.6"],
        "/w/libcairo.so.2": ["libpixman-1.so.0"],
    }
    kept, dropped = trim.prune_orphans(toc, needed=lambda path: needs.get(path, []))
    assert dropped == ["libcairo.so.2", "libpixman-1.so.0"]
    assert [entry[0] for entry in kept] == [
        entry[0] for entry in toc if entry[0] not in {"libcairo.so.2", "libpixman-1.so.0"}
    ]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF files and readelf: Linux")
def test_needed_reads_an_elf_file_and_ignores_anything_else(
    trim: ModuleType, tmp_path: Path
) -> None:
    assert "libc.so.6" in trim._needed(os.path.realpath(sys.executable))
    text = tmp_path / "x.txt"
    text.write_text("not an ELF file")
    assert trim._needed(str(text)) == []
    assert trim._needed(str(tmp_path / "missing")) == []
