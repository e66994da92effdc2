"""Regenerate the README's screenshots: ``python docs/img/make_screenshots.py [--set NAME]``.

Runs ``i3sync --demo``'s window offscreen (no display needed), drives it like a user and grabs
it. Each set runs in a process of its own (a language, a palette and a scale factor are chosen
once per process):

- ``en``: the form, a refusal, the profiles dialog, a connection check, the sync page, the
  History tab and the Help menu;
- ``first``: the first start (no profile yet), outside demo mode;
- ``dark``: the form in a dark palette;
- ``nl``, ``de``: the form in Dutch and German;
- ``200``: the form at 200 % scaling (``QT_SCALE_FACTOR=2``) in a small window.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if hasattr(os, "geteuid") and os.geteuid() == 0:
    os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
# Never the user's own profiles, log or vault.
_home = Path(tempfile.mkdtemp(prefix="i3sync-shots-"))
for _name in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME"):
    os.environ[_name] = str(_home / _name)

SIZE = (880, 780)


def wait(signal: Any, timeout_ms: int = 20_000) -> list[Any]:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    got: list[list[Any]] = []
    signal.connect(lambda *args: (got.append(list(args)), loop.quit()))
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    if not got:
        raise TimeoutError("no signal")
    return got[0]


def settle(ms: int = 400) -> None:
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def shoot(window: Any) -> None:
    from desktop.esws.request import SyncKind

    if not window.started:
        wait(window.ready)
    if window.sync_tab.vault_busy:  # the demo's secrets are read off the GUI thread
        wait(window.sync_tab.secretsLoaded)
    window.resize(*SIZE)
    settle()
    window.grab().save(str(HERE / "form.png"))

    form = window.sync_tab.form
    password = form.passwordEdit.text()
    form.passwordEdit.setText("not the password")
    form.syncButton.click()
    wait(window.sync_tab.fetcher.failed)
    settle()
    window.grab().save(str(HERE / "refusal.png"))
    form.passwordEdit.setText(password)
    form.clear_problem()

    window.sync_tab.manage_profiles()
    dialog = window.sync_tab.profile_dialog
    settle()
    dialog.grab().save(str(HERE / "profiles.png"))
    dialog.checkView.testButton.click()  # Test connection, against the demo's simulator
    wait(dialog.checkView.finished)
    settle()
    dialog.grab().save(str(HERE / "check.png"))
    dialog.close()

    form.fill_request(SyncKind.ONE_USER, "1001", 2)
    page = window.sync_tab.ensure_sync_page()
    form.syncButton.click()
    wait(page.pageLoaded)
    settle(900)  # the simulated sync finishes 300 ms after the page loads
    window.grab().save(str(HERE / "sync-page.png"))

    window.sync_tab.back_to_form()
    window.tabs.setCurrentIndex(window.tabs.count() - 1)  # History, built on first show
    settle(900)
    window.grab().save(str(HERE / "history.png"))
    window.close()


def help_menu(window: Any) -> None:
    """The window with its Help menu open (a menu is a popup of its own: drawn onto the grab)."""
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QPainter

    bar = window.menuBar()
    menu = next(a.menu() for a in bar.actions() if a.menu() and "Help" in a.text())
    place = bar.actionGeometry(menu.menuAction()).bottomLeft()
    menu.popup(bar.mapToGlobal(place))
    settle()
    image = window.grab()
    painter = QPainter(image)
    painter.drawPixmap(bar.mapTo(window, place) + QPoint(0, 0), menu.grab())
    painter.end()
    menu.close()
    image.save(str(HERE / "help-menu.png"))


def form_only(name: str, size: tuple[int, int] = SIZE) -> Any:
    def shoot_form(window: Any) -> None:
        if not window.started:
            wait(window.ready)
        if window.sync_tab.vault_busy:
            wait(window.sync_tab.secretsLoaded)
        window.resize(*size)
        settle()
        window.grab().save(str(HERE / name))
        window.close()

    return shoot_form


def first_run(window: Any) -> None:
    if not window.started:
        wait(window.ready)
    window.resize(*SIZE)
    settle(600)
    window.grab().save(str(HERE / "first-run.png"))
    window.close()


def dark_palette() -> None:
    """A dark palette of the kind Windows dark mode gives Qt (Fusion draws it everywhere)."""
    from PySide6.QtGui import QColor, QPalette
    from PySide6.QtWidgets import QApplication

    from desktop.gui.qt_setup import create_application

    app = create_application([])
    app.setStyle("Fusion")
    palette = QPalette()
    for role, colour in (
        (QPalette.ColorRole.Window, "#202020"),
        (QPalette.ColorRole.WindowText, "#f0f0f0"),
        (QPalette.ColorRole.Base, "#2b2b2b"),
        (QPalette.ColorRole.AlternateBase, "#323232"),
        (QPalette.ColorRole.Text, "#f0f0f0"),
        (QPalette.ColorRole.Button, "#2d2d2d"),
        (QPalette.ColorRole.ButtonText, "#f0f0f0"),
        (QPalette.ColorRole.Highlight, "#4cc2ff"),
        (QPalette.ColorRole.HighlightedText, "#000000"),
        (QPalette.ColorRole.ToolTipBase, "#2b2b2b"),
        (QPalette.ColorRole.ToolTipText, "#f0f0f0"),
        (QPalette.ColorRole.PlaceholderText, "#a0a0a0"),
        (QPalette.ColorRole.Link, "#4cc2ff"),
    ):
        palette.setColor(role, QColor(colour))
    QApplication.setPalette(palette)


SETS = ("en", "first", "dark", "nl", "de", "200")


def run_set(name: str) -> None:
    from PySide6.QtCore import QTimer

    from desktop.gui import launch

    shots = {
        "en": lambda window: (shoot(window), None),
        "first": first_run,
        "dark": form_only("form-dark.png"),
        "nl": form_only("form-nl.png"),
        "de": form_only("form-de.png"),
        "200": form_only("form-200.png", (560, 520)),
    }
    if name == "dark":
        dark_palette()
    lang = name if name in ("nl", "de") else "en"
    args = argparse.Namespace(demo=name != "first", command=None, lang=lang, debug=False)

    def on_window(window: Any) -> None:
        if name == "en":
            QTimer.singleShot(0, lambda: shoot_with_menu(window))
        else:
            QTimer.singleShot(0, lambda: shots[name](window))

    launch.start(args, [], on_window=on_window)


def shoot_with_menu(window: Any) -> None:
    if not window.started:
        wait(window.ready)
    window.resize(*SIZE)
    help_menu(window)
    shoot(window)


def main() -> None:
    import subprocess

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=SETS, help="one set, in this process")
    args = parser.parse_args()
    if args.set:
        run_set(args.set)
        return
    for name in SETS:
        env = dict(os.environ)
        if name == "200":
            env["QT_SCALE_FACTOR"] = "2"
        subprocess.run([sys.executable, __file__, "--set", name], env=env, check=True)
    print("screenshots written to", HERE)


if __name__ == "__main__":
    main()
