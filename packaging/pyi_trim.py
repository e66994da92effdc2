"""Size trimming for PyInstaller builds of a PySide6 QtWidgets + QtWebEngine app.

Used from a .spec file (see packaging/i3sync.spec):

    import sys; sys.path.insert(0, SPECPATH_TO_PACKAGING)
    import pyi_trim
    a = Analysis(..., excludes=pyi_trim.EXCLUDES)
    a.binaries = pyi_trim.trim(a.binaries)
    a.datas = pyi_trim.trim(a.datas)

Works on the Linux wheel layout (PySide6/Qt/lib, PySide6/Qt/plugins, ...) and on the Windows one
(PySide6/*.dll, PySide6/plugins, PySide6/translations, PySide6/resources): rules match on path
components and base names, never on a fixed prefix. Measured in packaging/NOTES.md.
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Callable, Iterable

# Python modules the app never imports. Excluding the PySide6 *bindings* does not remove the Qt
# libraries that QtWebEngine links against (Qt6Quick, Qt6Qml, Qt6Positioning, Qt6OpenGL stay, as
# they must); what it stops is PyInstaller's QtQml hook, which otherwise collects every QML plugin
# and with them Qt3D, QtQuick3D, Charts, Multimedia, ... (about 130 MB and 3,000 files).
EXCLUDES: list[str] = [
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuickWidgets",
    "PySide6.QtQuickControls2",
    "PySide6.QtQuick3D",
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtPositioning",
    "PySide6.QtDBus",
    "PySide6.QtPdf",
    "PySide6.QtPdfWidgets",
    "PySide6.QtMultimedia",
    "PySide6.QtMultimediaWidgets",
    "PySide6.QtCharts",
    "PySide6.QtDataVisualization",
    "PySide6.QtGraphs",
    "PySide6.Qt3DCore",
    "PySide6.Qt3DRender",
    "PySide6.QtSql",
    "PySide6.QtTest",
    "PySide6.QtSvgWidgets",
    "PySide6.QtBluetooth",
    "PySide6.QtNfc",
    "PySide6.QtSerialPort",
    "PySide6.QtSensors",
    "PySide6.QtTextToSpeech",
    "PySide6.QtWebSockets",
    "PySide6.QtRemoteObjects",
    "PySide6.QtScxml",
    "PySide6.QtStateMachine",
    "PySide6.QtDesigner",
    "PySide6.QtHelp",
    "PySide6.QtUiTools",
    "PySide6.QtXml",
    "tkinter",
    "_tkinter",
    # PyInstaller's lxml hook collects every lxml submodule; zeep and the app use lxml.etree and
    # lxml.builder only (4.5 MB on Linux: objectify, the HTML diff, SAX, Schematron's XSLT).
    "lxml.objectify",
    "lxml.html",
    "lxml.isoschematron",
    "lxml.sax",
]

# The window speaks English, Dutch and German (desktop/gui/i18n.py LANGUAGES).
# Chromium UI locales kept: the page's context menu and error pages in the window's languages
# (QtWebEngine falls back to en-US.pak when the user's is missing). 0.6-0.7 MB each; the other
# 49 packs of the wheel are 42.7 MB (measured: 53 packs, 45.0 MB).
WEBENGINE_LOCALES: set[str] = set(
    os.environ.get("I3SYNC_WEBENGINE_LOCALES", "en-US,en-GB,nl,de").split(",")
)
# Qt .qm catalogues kept (qt_XX, qtbase_XX, qtwebengine_XX): the window loads qtbase_nl.qm /
# qtbase_de.qm from Qt's translations folder for the standard buttons and menus. Empty = none
# (English is built in).
QT_QM_LANGS: set[str] = set(filter(None, os.environ.get("I3SYNC_QT_LANGS", "nl,de").split(",")))
# Devtools resources (11 MB) are only read when a devtools view is opened.
KEEP_DEVTOOLS = os.environ.get("I3SYNC_KEEP_DEVTOOLS", "0") == "1"
# opengl32sw.dll (Windows, 19.7 MB): Mesa software OpenGL, used only when desktop OpenGL is
# missing AND something renders with OpenGL (Qt Quick / QOpenGLWidget; QtWebEngine uses
# ANGLE/D3D11). Kept by default until checked on a GPU-less Windows VM.
DROP_OPENGL_SW = os.environ.get("I3SYNC_DROP_OPENGL_SW", "0") == "1"

# Plugin folders the app never loads (Linux-only ones are harmless to list on Windows).
_DROP_PLUGIN_DIRS = {
    "generic",  # evdev / tuio input
    "egldeviceintegrations",
    "wayland-decoration-client",
    "wayland-graphics-integration-client",
    "wayland-shell-integration",
    "platforminputcontexts",  # ibus, compose, Qt virtual keyboard
    "networkinformation",
    "qmltooling",
    "position",
    "sqldrivers",
    "multimedia",
    "sceneparsers",
    "renderers",
    "geometryloaders",
    "designer",
    "vectorimageformats",  # Qt Quick vector images
    # Printer backends, loaded only by QPrinter: the app never prints (on Linux the CUPS plugin
    # also pulls in libcups, GnuTLS, nettle, gmp, p11-kit, avahi: 7.8 MB, left out as orphans).
    "printsupport",
}
# Single plugins dropped: PDF image format (drags in Qt6Pdf), rare image formats, Linux-only
# platforms nobody runs this app on, and the Linux GTK 3 theme (needs GTK, which the bundle
# does not carry: PyInstaller warned about it on every build).
_DROP_PLUGIN_RE = re.compile(
    r"^(lib)?(qpdf|qicns|qtga|qtiff|qwbmp|qeglfs|qlinuxfb|qvnc|qvkkhrdisplay|qminimalegl|qgtk3)"
    r"\.(so|dll)$",
    re.IGNORECASE,
)
# Qt libraries that only the dropped plugins need.
_DROP_LIB_RE = re.compile(
    r"^(lib)?Qt6(Pdf|VirtualKeyboard\w*|EglFSDeviceIntegration|EglFsKmsSupport|WlShellIntegration)"
    r"\.(so\.6|dll)$",
    re.IGNORECASE,
)
_QM_RE = re.compile(r"^qt(base|webengine)?_(?P<lang>[a-z]{2}(_[A-Z]{2})?)\.qm$")


def keep(dest: str) -> bool:
    """True if the file at ``dest`` (path inside the bundle) should stay."""
    parts = dest.replace("\\", "/").split("/")
    name = parts[-1]
    # Checked before the PySide6 test: PyInstaller also puts symlinks to Qt libraries at the top.
    if _DROP_LIB_RE.match(name) or name.startswith("libQt6WaylandClient"):
        return False
    if "PySide6" not in parts:
        return True
    if "qtwebengine_locales" in parts:
        return name.removesuffix(".pak") in WEBENGINE_LOCALES
    if "translations" in parts and name.endswith(".qm"):
        m = _QM_RE.match(name)
        if m is None:
            return False
        return m["lang"] in QT_QM_LANGS or m["lang"].split("_")[0] in QT_QM_LANGS
    if name == "qtwebengine_devtools_resources.pak":
        return KEEP_DEVTOOLS
    # The Windows wheel's resources/ holds debug-build twins (*.debug.pak, v8_context_snapshot
    # .debug.bin: 79 MB, 72 of them devtools); PyInstaller collects the whole folder.
    if ".debug." in name and name.endswith((".pak", ".bin")):
        return False
    if name.lower() == "opengl32sw.dll":
        return not DROP_OPENGL_SW
    if "plugins" in parts:
        sub = parts[parts.index("plugins") + 1] if parts.index("plugins") + 1 < len(parts) else ""
        if sub in _DROP_PLUGIN_DIRS or _DROP_PLUGIN_RE.match(name):
            return False
    # The Linux wayland platform plugins need Qt6WaylandClient, dropped above.
    return not name.startswith("libqwayland")


def trim(toc: Iterable[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """A PyInstaller TOC (a.binaries / a.datas) without the files ``keep`` rejects."""
    return [entry for entry in toc if keep(entry[0])]


# Linux libraries loaded with dlopen(), which no NEEDED entry names: Python itself (by the
# bootloader) and NSS's crypto modules (Chromium's certificate store).
_DLOPENED = re.compile(r"^lib(python3[.\d]*|softokn3|freebl3|freeblpriv3|nssckbi|nssdbm3)\.so")


def _needed(path: str) -> list[str]:
    """The NEEDED entries of an ELF file (empty for anything else)."""
    try:
        with open(path, "rb") as handle:
            if handle.read(4) != b"\x7fELF":
                return []
    except OSError:
        return []
    out = subprocess.run(
        ["readelf", "-d", path], capture_output=True, text=True, check=False
    ).stdout
    return re.findall(r"\(NEEDED\).*\[(.+)\]", out)


def prune_orphans(
    toc: Iterable[tuple[str, str, str]], needed: Callable[[str], list[str]] = _needed
) -> tuple[list[tuple[str, str, str]], list[str]]:
    """Linux: drop the top-level system libraries that no kept binary needs any more.

    PyInstaller collects a plugin's dependencies before ``trim`` drops the plugin: the GTK 3
    theme leaves cairo, pango, harfbuzz, gdk-pixbuf, atk, gio and theirs behind (7.6 MB, 25
    files) that nothing else loads. Everything inside a package folder (Qt, its plugins,
    extension modules) stays; a library survives when a kept binary needs it, directly or
    through another library, or when it is loaded with dlopen (``_DLOPENED``). Returns the TOC
    and the names dropped.
    """
    entries = list(toc)
    top = {e[0]: e for e in entries if "/" not in e[0] and e[2] == "BINARY"}
    roots = [e for e in entries if e[0] not in top or _DLOPENED.match(e[0])]
    reached: set[str] = set()
    stack = [e[1] for e in roots]
    while stack:
        for name in needed(stack.pop()):
            if name in top and name not in reached:
                reached.add(name)
                stack.append(top[name][1])
    dropped = sorted(n for n in top if n not in reached and not _DLOPENED.match(n))
    keep_names = set(dropped)
    return [e for e in entries if e[0] not in keep_names], dropped
