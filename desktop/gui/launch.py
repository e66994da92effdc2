"""Opening the window: ``i3sync``, ``i3sync --demo``, ``i3sync open ...`` and ``i3sync://`` links.

``desktop.cli`` calls :func:`run_gui`; ``desktop.esws.links`` calls :func:`open_sync_page`. Both
return the process exit code once the window is closed.
"""

from __future__ import annotations

import argparse
import contextlib
import logging
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from types import TracebackType
from typing import TYPE_CHECKING

from desktop.esws.request import SyncKind

if TYPE_CHECKING:
    from desktop.esws.links import SyncLink
    from desktop.gui.main_window import MainWindow
    from desktop.gui.single_instance import InstanceServer, OpenRequest

log = logging.getLogger(__name__)

APP_USER_MODEL_ID = "I3Sync.I3SyncDesktop"


def show_link_error(message: str) -> int:
    """A rejected ``i3sync://`` link or a bad ``i3sync open``, in the windowed app (where stderr
    goes nowhere): show ``message`` in a message box, log it, and return exit code 2."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel, QMessageBox

    from desktop import APP_NAME
    from desktop.gui.i18n import translate
    from desktop.gui.qt_setup import create_application

    log.error("Link or open request refused: %s", message)
    create_application([])
    use_language(None)
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        APP_NAME,
        translate("Launch", "This sync request was not opened."),
    )
    box.setObjectName("linkErrorBox")
    box.setTextFormat(Qt.TextFormat.PlainText)  # a link's text is not ours
    box.setInformativeText(message)
    for label in box.findChildren(QLabel):
        label.setTextFormat(Qt.TextFormat.PlainText)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.exec()
    return 2


def use_language(requested: str | None) -> str:
    """Install the window's language (``--lang``, the saved choice, the system's, English)."""

    from desktop.gui import i18n

    wanted = i18n.choose_language(requested, i18n.saved_language(), i18n.system_ui_languages())
    return i18n.install(wanted)


def run_gui(args: argparse.Namespace, argv: Sequence[str]) -> int:
    """``i3sync`` [``--demo``] [``open one|total ...``]: show the window until it is closed."""
    return start(args, argv)


def open_sync_page(link: SyncLink) -> int:
    """An ``i3sync://`` link: the window, filled in for the link, waiting for the user's Sync.

    A link may come from any web page, so it never starts a sync by itself.
    """
    args = argparse.Namespace(demo=False, debug=False, command=None, lang=None)
    return start(args, [], link=link)


@contextlib.contextmanager
def _unhandled_exceptions_logged() -> Iterator[None]:
    """Exceptions escaping a slot go to the (redacted) log, then to the previous hook."""
    previous = sys.excepthook

    def hook(kind: type[BaseException], error: BaseException, trace: TracebackType | None) -> None:
        log.critical("Unhandled %s", kind.__name__, exc_info=(kind, error, trace))
        if previous is sys.__excepthook__:
            # The default hook would print the traceback, secrets and all, to stderr.
            import traceback

            from desktop.core.redaction import scrub

            text = "".join(traceback.format_exception(kind, error, trace))
            if sys.stderr is not None:  # None in the windowed build: the log has it already
                sys.stderr.write(scrub(text))
        else:
            previous(kind, error, trace)

    sys.excepthook = hook
    try:
        yield
    finally:
        sys.excepthook = previous


def _windows_taskbar_identity() -> None:
    if sys.platform == "win32":  # pragma: no cover - Windows only
        import ctypes

        # Groups the window under the app's own taskbar icon, not python.exe's.
        with contextlib.suppress(Exception):
            ctypes.windll.shell32.SetCurrentProcessExplicitAppUserModelID(APP_USER_MODEL_ID)


def _request_of(args: argparse.Namespace, link: SyncLink | None) -> OpenRequest:
    """What this launch asks of the window: a link, an ``open``, or only to be shown.

    ``InputError`` when an ``open``'s values would not make a valid link (the window that
    opens for it says what is wrong, as before).
    """
    from desktop.gui.single_instance import OpenRequest, request_for

    if link is not None:
        return OpenRequest(link, auto=False)  # a link may come from any web page: never auto
    if getattr(args, "command", None) == "open":
        return request_for(
            args.kind,
            args.profile,
            getattr(args, "user", "") or "",
            getattr(args, "location", None),
            auto=True,
        )
    return OpenRequest(None)


def _hand_over(args: argparse.Namespace, link: SyncLink | None, name: str) -> int | None:
    """Give this launch's request to the window already open; its exit code, or ``None`` when no
    window answered and this process opens one."""
    from desktop.core.errors import InputError
    from desktop.gui import single_instance

    try:
        request = _request_of(args, link)
    except InputError as error:
        if not single_instance.instance_answers(name):
            return None  # the new window shows what is wrong with it next to the field
        message = f"i3sync: invalid open request: {error.problem}"
        if sys.stderr is not None:
            print(message, file=sys.stderr)
            return 2
        return show_link_error(message)
    answer = single_instance.forward(name, request)
    if answer is None:
        return None
    log.info("Handed the request to the window already open (%s)", "taken" if answer else "refused")
    return 0 if answer else 2


def sync_in_progress(window: MainWindow) -> bool:
    """A token request or I3's page is under way: a request from outside must not replace it.

    The sync page being shown counts too: filling the hidden form would not be seen, and going
    back to it would end the user's I3 session.
    """
    tab = window.sync_tab
    page = tab.sync_page
    return bool(tab.fetcher.busy or (page is not None and tab.currentWidget() is page))


def bring_to_front(window: MainWindow) -> None:
    """Show ``window`` un-minimised, raised and (where the desktop allows it) active."""
    from PySide6.QtCore import Qt

    if window.isMinimized():
        window.setWindowState(window.windowState() & ~Qt.WindowState.WindowMinimized)
    window.show()
    from PySide6.QtGui import QGuiApplication

    if QGuiApplication.platformName() != "offscreen":  # no window stack there (it warns)
        window.raise_()
        window.activateWindow()


def deliver(window: MainWindow, request: OpenRequest) -> None:
    """A request handed over by another launch: to the front, then fill the form unless a sync is
    under way (then say so, and keep what is on screen)."""
    from html import escape

    from desktop.gui.i18n import translate
    from desktop.gui.widgets import Tone

    bring_to_front(window)
    link = request.link
    if link is None:
        return
    tab = window.sync_tab
    if sync_in_progress(window):
        log.info("A request from another launch was not opened: a sync is in progress")
        text = translate(
            "Launch", "A sync is in progress; the request for {profile} was not opened."
        ).format(profile=link.profile)
        window.show_sync_tab()  # where the notice is (open_request does it otherwise)
        tab.show_notice("handover", escape(text), Tone.WARNING)
        if tab.sync_page is not None and tab.currentWidget() is tab.sync_page:
            tab.sync_page.notice.show_message(escape(text), Tone.WARNING)
        return
    notice = tab.notice("handover")
    if notice is not None:
        notice.clear()
    log.info("Opening a request from another launch (%s)", link.kind.value)
    tab.open_request(link.kind, link.profile, link.user_id, link.location_id, auto=request.auto)


class _Handover:
    """The request socket of this window; what arrives before the window exists waits for it."""

    def __init__(self, server: InstanceServer) -> None:
        self.server = server
        self._window: MainWindow | None = None
        self._early: list[OpenRequest] = []
        server.received.connect(self._received)
        server.start()

    def _received(self, request: OpenRequest) -> None:
        if self._window is None:
            self._early.append(request)
        else:
            deliver(self._window, request)

    def window_ready(self, window: MainWindow) -> None:
        self._window = window
        # Closed, the window is shutting down: a later launch must open a window of its own,
        # never re-show this one (its workers and browser sessions are gone).
        window.closed.connect(self.server.close)
        early, self._early = self._early, []
        for request in early:
            deliver(window, request)


def start(
    args: argparse.Namespace,
    argv: Sequence[str],
    *,
    link: SyncLink | None = None,
    on_window: Callable[[MainWindow], None] | None = None,
) -> int:
    """Build the window for ``args`` (and ``link``), run the event loop, return the exit code.

    ``on_window`` is called with the window once it is shown (the benchmark uses it).
    """
    from desktop.gui import sandbox
    from desktop.gui.qt_setup import create_application, route_qt_messages_to_log

    _windows_taskbar_identity()
    demo_mode = bool(getattr(args, "demo", False))
    from desktop.gui import single_instance

    instance_name = single_instance.server_name(demo=demo_mode)
    handed = _hand_over(args, link, instance_name)  # a demo window has its own name
    if handed is not None:
        return handed  # no second window, no second browser engine
    root = sandbox.running_as_root()
    if demo_mode:  # before QtWebEngine is loaded (it is, lazily, after the first paint)
        sandbox.allow_demo_as_root(os.environ, root=root)
    app = create_application(list(argv))
    use_language(getattr(args, "lang", None))
    from desktop.core.vault import SecretStore
    from desktop.esws.profiles import ProfileStore
    from desktop.gui.main_window import MainWindow

    with contextlib.ExitStack() as stack:
        stack.callback(route_qt_messages_to_log())
        stack.enter_context(_unhandled_exceptions_logged())
        # Listening before the window is built: a second launch meanwhile waits for its answer
        # (the event loop) instead of finding no window and opening another.
        handover = _Handover(single_instance.InstanceServer(instance_name))
        stack.callback(handover.server.close)
        if demo_mode:
            from desktop.gui.demo import DEMO_USER, DemoSession, demo_notice

            demo = stack.enter_context(DemoSession())
            window = MainWindow(demo.store, demo.vault, history=lambda: demo.history)
            window.sync_tab.show_notice("demo", demo_notice())
            window.sync_tab.form.fill_request(SyncKind.ONE_USER, DEMO_USER)
            # After the paint: the form shows the simulator's address already, and a Sync
            # pressed meanwhile waits for it.
            window.ready.connect(demo.start_simulator)
        else:
            # Loads keyring on first use, off the GUI thread, after the form is painted.
            window = MainWindow(ProfileStore(), SecretStore())
        problem = sandbox.root_problem(os.environ, root=root)
        if problem is not None:
            log.error("Running as root with the embedded browser's sandbox on: it cannot start")
            window.sync_tab.block_browser(problem)
        if getattr(args, "command", None) == "open":
            kind = SyncKind.ONE_USER if args.kind == "one" else SyncKind.ALL_USERS
            location = getattr(args, "location", None)
            log.info("Opening the sync page for profile from the command line (%s)", kind.value)
            window.sync_tab.open_request(
                kind, args.profile, getattr(args, "user", "") or "", location, auto=True
            )
        if link is not None:
            log.info("Opening an i3sync:// link (%s)", link.kind.value)
            window.sync_tab.open_request(
                link.kind, link.profile, link.user_id, link.location_id, auto=False
            )
        window.show()
        handover.window_ready(window)
        if on_window is not None:
            on_window(window)
        code = app.exec()
    return int(code)
