"""One window: a second launch hands its request to the window already open (issue 11, part 4).

The sender side (``single_instance.forward``) blocks with bounded waits, as it does before any event
loop exists in a second process; in-process it runs on a thread so that the window's event loop,
which receives, keeps turning.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QDir, Qt, QTimer
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from desktop.esws.links import SyncLink
from desktop.esws.profiles import Profile
from desktop.esws.request import SyncKind
from desktop.gui import launch, single_instance
from desktop.gui.single_instance import (
    MAX_MESSAGE,
    InstanceServer,
    OpenRequest,
    encode_request,
    forward,
    server_name,
)
from desktop.simulator.server import Simulator
from tests.gui.conftest import PAGE_TIMEOUT_MS, PROFILE, sync_and_wait_for_page, type_into

REPO = Path(__file__).resolve().parents[2]
HANDOVER_DEADLINE_S = 30  # generous: a cold Python start on a shared 2-core machine


class Sender:
    """A second launch's message, sent without blocking (the window's event loop must turn to
    answer it; a thread would not help: the blocking calls hold the interpreter lock)."""

    def __init__(self, name: str, data: bytes) -> None:
        self.socket = QLocalSocket()
        self.answer = b""
        self.socket.readyRead.connect(self._read)
        self.socket.connected.connect(lambda: self.socket.write(data))
        self.socket.connectToServer(name)

    def _read(self) -> None:
        self.answer += bytes(self.socket.readAll().data())

    def wait(self, qtbot: Any, timeout: int = 5000) -> bytes:
        """The window's answer line."""
        qtbot.waitUntil(lambda: b"\n" in self.answer, timeout=timeout)
        self.socket.abort()
        return self.answer


def send(qtbot: Any, name: str, request: OpenRequest | bytes) -> bytes:
    data = request if isinstance(request, bytes) else encode_request(request)
    return Sender(name, data).wait(qtbot)


ACK = b'{"v": 1, "ok": true}\n'
REFUSED = b'{"v": 1, "ok": false}\n'


def one_user(user: str, profile: str = PROFILE, auto: bool = False) -> OpenRequest:
    return OpenRequest(SyncLink(SyncKind.ONE_USER, profile, user), auto)


@pytest.fixture
def listening(make_window: Callable[..., Any]) -> Callable[..., tuple[Any, InstanceServer]]:
    """A shown window with the request server ``launch.start`` gives it."""

    def make() -> tuple[Any, InstanceServer]:
        window = make_window()
        server = InstanceServer(server_name(demo=False), window)
        server.received.connect(lambda request: launch.deliver(window, request))
        assert server.start()
        return window, server

    return make


# -- the window receiving --------------------------------------------------------------------------


def test_a_request_fills_the_form_and_brings_the_window_to_the_front(
    qtbot: Any, saved_profile: Profile, listening: Callable[..., Any]
) -> None:
    window, server = listening()
    window.showMinimized()
    qtbot.waitUntil(window.isMinimized)
    with qtbot.waitSignal(server.received):
        assert send(qtbot, server.name, one_user("42")) == ACK
    form = window.sync_tab.form
    qtbot.waitUntil(lambda: form.userIdEdit.text() == "42")
    assert form.profileCombo.currentText() == PROFILE
    assert not window.isMinimized() and window.isVisible()
    assert window.sync_tab.currentWidget() is window.sync_tab.formPage


def test_a_request_brings_the_sync_tab_back_from_another_tab(
    qtbot: Any, saved_profile: Profile, listening: Callable[..., Any]
) -> None:
    window, server = listening()
    window.tabs.setCurrentIndex(window.tabs.count() - 1)
    assert window.tabs.currentWidget() is not window.sync_tab
    assert send(qtbot, server.name, one_user("5")) == ACK
    qtbot.waitUntil(lambda: window.tabs.currentWidget() is window.sync_tab)
    qtbot.waitUntil(lambda: window.sync_tab.form.userIdEdit.text() == "5")


def test_a_request_that_arrives_while_the_window_is_built_waits_for_it(
    qtbot: Any, saved_profile: Profile, make_window: Callable[..., Any]
) -> None:
    server = InstanceServer(server_name(demo=False))
    handover = launch._Handover(server)  # listening before the window exists, as in start()
    try:
        with qtbot.waitSignal(server.received):
            assert send(qtbot, server.name, one_user("11")) == ACK
        window = make_window()
        handover.window_ready(window)
        qtbot.waitUntil(lambda: window.sync_tab.form.userIdEdit.text() == "11")
    finally:
        server.close()


def test_a_bare_launch_only_brings_the_window_forward(
    qtbot: Any, saved_profile: Profile, listening: Callable[..., Any]
) -> None:
    window, server = listening()
    type_into(qtbot, window.sync_tab.form.userIdEdit, "typed")
    window.showMinimized()
    qtbot.waitUntil(window.isMinimized)
    assert send(qtbot, server.name, OpenRequest(None)) == ACK
    qtbot.waitUntil(lambda: not window.isMinimized())
    assert window.sync_tab.form.userIdEdit.text() == "typed"


@pytest.mark.parametrize(
    "data",
    [
        b'{"v": 1, "kind": "one", "profile": "P", "user": "4", "oops": 1}\n',
        b"x" * (MAX_MESSAGE + 10),
    ],
    ids=["malformed", "oversized"],
)
def test_a_malformed_or_oversized_message_is_ignored(
    qtbot: Any, saved_profile: Profile, listening: Callable[..., Any], data: bytes
) -> None:
    window, server = listening()
    received: list[Any] = []
    server.received.connect(received.append)
    with qtbot.waitSignal(server.rejected) as rejected:
        answer = send(qtbot, server.name, data)
    assert answer == REFUSED
    assert "oops" not in rejected.args[0]  # the reason, never the content
    assert received == [] and window.sync_tab.form.userIdEdit.text() == ""
    # It still listens: a good request after a bad one is handled.
    assert send(qtbot, server.name, one_user("7")) == ACK
    qtbot.waitUntil(lambda: window.sync_tab.form.userIdEdit.text() == "7")


def test_a_sender_that_never_finishes_its_line_is_dropped(
    qtbot: Any, saved_profile: Profile, listening: Callable[..., Any]
) -> None:
    _window, server = listening()
    with qtbot.waitSignal(server.rejected, timeout=10_000) as rejected:
        answer = send(qtbot, server.name, b'{"v": 1')
    assert "in time" in rejected.args[0] and answer == REFUSED


def test_two_quick_requests_are_both_handled_the_last_one_shown(
    qtbot: Any, saved_profile: Profile, listening: Callable[..., Any]
) -> None:
    window, server = listening()
    received: list[Any] = []
    server.received.connect(received.append)

    first = Sender(server.name, encode_request(one_user("1")))
    second = Sender(server.name, encode_request(one_user("2")))
    assert first.wait(qtbot) == ACK and second.wait(qtbot) == ACK
    qtbot.waitUntil(lambda: len(received) == 2)
    assert [r.link.user_id for r in received] == ["1", "2"]
    qtbot.waitUntil(lambda: window.sync_tab.form.userIdEdit.text() == "2")


def test_mid_sync_the_form_is_kept_and_a_notice_says_so(
    qtbot: Any,
    simulator: Simulator,
    saved_secrets: Profile,
    listening: Callable[..., Any],
) -> None:
    window, server = listening()
    tab, form = window.sync_tab, window.sync_tab.form
    type_into(qtbot, form.userIdEdit, "100")
    simulator.delay_seconds = 10  # the token request stays in flight
    qtbot.mouseClick(form.syncButton, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.fetcher.busy)
    with qtbot.waitSignal(server.received):
        assert send(qtbot, server.name, one_user("999", "Other <b>")) == ACK
    notice = tab.notice("handover")
    assert notice is not None
    qtbot.waitUntil(notice.isVisible)
    assert "A sync is in progress; the request for Other &lt;b&gt; was not opened" in (
        notice.label.text()
    )
    assert form.userIdEdit.text() == "100" and tab.fetcher.busy
    form.cancelRequested.emit()
    qtbot.waitUntil(lambda: not tab.fetcher.busy, timeout=10_000)


def test_on_i3s_page_the_page_stays_and_says_the_request_was_not_opened(
    qtbot: Any,
    simulator: Simulator,
    saved_secrets: Profile,
    listening: Callable[..., Any],
) -> None:
    window, server = listening()
    tab = window.sync_tab
    type_into(qtbot, tab.form.userIdEdit, "7")
    page = sync_and_wait_for_page(qtbot, window)
    url = page.url
    assert send(qtbot, server.name, one_user("999", "Other")) == ACK
    qtbot.waitUntil(page.notice.isVisible)
    assert "the request for Other was not opened" in page.notice.label.text()
    assert tab.currentWidget() is page and page.url == url
    assert tab.form.userIdEdit.text() == "7"


# -- other processes -------------------------------------------------------------------------------


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    return env


def second_launch(qtbot: Any, *argv: str) -> tuple[int, bytes, float]:
    """``python -m desktop ARGV`` as another process: its exit code, output and run time."""
    began = time.monotonic()
    second = subprocess.Popen(
        [sys.executable, "-m", "desktop", *argv],
        cwd=REPO,
        env=_env(),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        qtbot.waitUntil(lambda: second.poll() is not None, timeout=HANDOVER_DEADLINE_S * 1000)
    finally:
        if second.poll() is None:
            second.kill()  # it opened a window of its own: the test fails below
        out, err = second.communicate()
    return second.returncode, out + err, time.monotonic() - began


def with_first_window(drive: Callable[[Any], None]) -> None:
    """``launch.start`` as ``i3sync`` runs it, ``drive(window)`` once it is ready, then closed."""
    import argparse

    def on_window(window: Any) -> None:
        try:
            drive(window)
        finally:
            QTimer.singleShot(0, window.close)

    args = argparse.Namespace(demo=False, debug=False, command=None)
    assert launch.start(args, [], on_window=on_window) == 0


def test_a_second_process_hands_its_link_over_and_exits(
    qtbot: Any, saved_profile: Profile, isolated_user_folders: Path
) -> None:
    """The real path: ``launch.start`` runs the window; ``python -m desktop LINK`` hands over."""
    seen: dict[str, Any] = {}

    def drive(window: Any) -> None:
        qtbot.waitUntil(lambda: window.started and not window.sync_tab.vault_busy)
        link = "i3sync://sync/one?profile=Test+company&user=42"
        seen["code"], seen["output"], seen["seconds"] = second_launch(qtbot, link)
        form = window.sync_tab.form
        qtbot.waitUntil(lambda: form.userIdEdit.text() == "42")
        seen["profile"] = form.profileCombo.currentText()
        seen["form"] = window.sync_tab.currentWidget() is window.sync_tab.formPage  # no sync

    with_first_window(drive)
    assert seen["code"] == 0, seen["output"]
    assert seen["output"] == b""
    assert seen["profile"] == PROFILE and seen["form"]
    assert seen["seconds"] < HANDOVER_DEADLINE_S
    print(f"hand-over of a link took {seen['seconds']:.2f} s")


def test_a_second_open_with_saved_secrets_syncs_in_the_first_window(
    qtbot: Any, simulator: Simulator, saved_secrets: Profile
) -> None:
    seen: dict[str, Any] = {}

    def drive(window: Any) -> None:
        qtbot.waitUntil(lambda: window.started and not window.sync_tab.vault_busy)
        page = window.sync_tab.ensure_sync_page()
        with qtbot.waitSignal(page.pageLoaded, timeout=PAGE_TIMEOUT_MS) as loaded:
            seen["code"], seen["output"], seen["seconds"] = second_launch(
                qtbot, "open", "one", "--profile", PROFILE, "--user", "7", "--location", "3"
            )
        seen["loaded"] = loaded.args

    with_first_window(drive)
    assert seen["code"] == 0, seen["output"]
    assert seen["loaded"] == [True]  # auto: the saved secrets were enough to sync
    assert simulator.calls[-1][1]["p_locationID"] == "3"
    print(f"hand-over of an open took {seen['seconds']:.2f} s")


def test_a_second_open_with_a_bad_value_is_refused_and_opens_nothing(
    qtbot: Any, saved_profile: Profile
) -> None:
    seen: dict[str, Any] = {}

    def drive(window: Any) -> None:
        qtbot.waitUntil(lambda: window.started and not window.sync_tab.vault_busy)
        type_into(qtbot, window.sync_tab.form.userIdEdit, "typed")
        seen["code"], seen["output"], _ = second_launch(
            qtbot, "open", "one", "--profile", PROFILE, "--user", "9" * 65
        )
        seen["user"] = window.sync_tab.form.userIdEdit.text()

    with_first_window(drive)
    assert seen["code"] == 2
    assert b"invalid open request: the user id is longer than 64" in seen["output"]
    assert b"9" * 65 not in seen["output"]
    assert seen["user"] == "typed"


def test_a_stale_socket_left_by_a_crash_does_not_stop_a_new_window(
    qtbot: Any, saved_profile: Profile, make_window: Callable[..., Any]
) -> None:
    name = server_name(demo=False)
    crash = (
        "import os, sys\n"
        "from PySide6.QtNetwork import QLocalServer\n"
        "server = QLocalServer()\n"
        "assert server.listen(sys.argv[1])\n"
        "os.kill(os.getpid(), 9)\n"
    )
    crashed = subprocess.run(
        [sys.executable, "-c", crash, name], env=_env(), timeout=60, capture_output=True
    )
    assert crashed.returncode != 0  # killed while listening: its socket is left behind
    if sys.platform != "win32":
        assert Path(QDir.tempPath(), name).exists()
    began = time.monotonic()
    assert forward(name, OpenRequest(None)) is None  # nobody answers: open a window
    assert time.monotonic() - began < 5
    window = make_window()
    server = InstanceServer(name, window)
    assert server.start() and server.listening
    received: list[Any] = []
    server.received.connect(received.append)
    assert send(qtbot, name, OpenRequest(None)) == ACK
    qtbot.waitUntil(lambda: len(received) == 1)


def test_a_live_window_keeps_its_name(
    qtbot: Any, saved_profile: Profile, listening: Callable[..., Any]
) -> None:
    _window, server = listening()
    second = InstanceServer(server.name)
    assert not second.start()
    assert server.listening and single_instance.instance_answers(server.name)


def test_a_window_that_does_not_answer_holds_a_second_launch_only_briefly(
    isolated_user_folders: Path,
) -> None:
    """Listening, but its event loop never turns (hung): the sender gives up within its bounds."""
    hung = QLocalServer()
    assert hung.listen(server_name(demo=False))
    began = time.monotonic()
    assert forward(hung.serverName(), one_user("1")) is None
    elapsed = time.monotonic() - began
    hung.close()
    assert elapsed < 10  # connect 1 s + ack 3 s, with room for a loaded machine


@pytest.mark.skipif(
    sys.platform == "win32" or os.geteuid() != 0, reason="a file of another user needs root"
)
def test_a_socket_another_user_put_in_the_temporary_folder_gets_nothing(
    isolated_user_folders: Path,
) -> None:
    import socket

    name = server_name(demo=False)
    path = Path(QDir.tempPath(), name)
    squatter = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        squatter.bind(str(path))
        squatter.listen(1)
        os.chown(path, 4242, -1)
        squatter.setblocking(False)
        assert forward(name, one_user("1")) is None  # this launch opens its own window
        with pytest.raises(BlockingIOError):
            squatter.accept()  # and never connected to it
    finally:
        squatter.close()
        path.unlink()
