"""One window per user: a second ``i3sync``, ``i3sync open ...`` or ``i3sync://`` link hands its
request to the window already open, over a per-user local socket (``QLocalServer``), and exits.

The wire format is one line of JSON, at most :data:`MAX_MESSAGE` bytes::

    {"v": 1, "kind": "one", "profile": "...", "user": "...", "location": "12" | null, "auto": false}
    {"v": 1, "kind": "total", "profile": "...", "user": "", "location": null, "auto": true}
    {"v": 1, "show": true}                      (a bare ``i3sync``: come to the front)

answered by ``{"v": 1, "ok": true|false}``. The sender is a process of the same user, but what it
sends is still untrusted: the receiver parses strictly and checks the request with the very rules
of an ``i3sync://`` link (:func:`desktop.esws.links.parse_link`). Every wait is bounded: a sender
that finds no window answering starts a window itself; a receiver drops a connection that does not
finish its line in time.
"""

from __future__ import annotations

import contextlib
import getpass
import hashlib
import json
import logging
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlencode

from PySide6.QtCore import QDir, QObject, QTimer, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from desktop.core import bounded_json
from desktop.core.errors import InputError
from desktop.core.paths import config_dir
from desktop.esws.links import HOST, SCHEME, SyncLink, parse_link
from desktop.esws.request import SyncKind

log = logging.getLogger(__name__)

VERSION = 1
MAX_MESSAGE = 8 * 1024
CONNECT_TIMEOUT_MS = 1000  # a live window answers in a few ms; a hung one must not hold us
ACK_TIMEOUT_MS = 3000
RECEIVE_TIMEOUT_MS = 2000
_KIND_NAMES = {SyncKind.ONE_USER: "one", SyncKind.ALL_USERS: "total"}
_REQUEST_KEYS = frozenset({"v", "kind", "profile", "user", "location", "auto"})
_ACK_OK = b'{"v": 1, "ok": true}\n'
_ACK_REFUSED = b'{"v": 1, "ok": false}\n'


@dataclass(frozen=True)
class OpenRequest:
    """A request handed over by another process: ``link`` to fill in, or ``None`` to only show."""

    link: SyncLink | None
    auto: bool = False


def _user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name (a container without one): the home folder is
        return os.path.expanduser("~")


def server_name(*, demo: bool) -> str:
    """The local socket's name for this user, profile folder and mode.

    On Windows a named pipe is visible to the whole machine, hence the user in it; the config
    folder keeps a test's isolated ``I3SYNC_CONFIG_DIR`` (or a portable copy) away from the real
    window; demo mode has its own name, so a demo window and a real one never exchange requests.
    """
    seed = "\0".join((_user(), str(config_dir()), "demo" if demo else "normal"))
    return "i3sync-" + hashlib.sha256(seed.encode("utf-8", "surrogatepass")).hexdigest()[:16]


# -- the message -----------------------------------------------------------------------------------


def _as_link(kind: str, profile: str, user: str, location: str | None) -> SyncLink:
    """The request as an ``i3sync://`` link, parsed by the link parser: one set of rules."""
    if kind not in ("one", "total"):
        raise InputError("link", "the kind must be one or total")
    values = {"profile": profile}
    if kind == "one":
        values["user"] = user
        if location is not None:
            values["location"] = location
    return parse_link(f"{SCHEME}://{HOST}/{kind}?{urlencode(values, quote_via=quote)}")


def encode_request(request: OpenRequest) -> bytes:
    """The line a second process sends for ``request``."""
    link = request.link
    if link is None:
        return json.dumps({"v": VERSION, "show": True}).encode() + b"\n"
    message = {
        "v": VERSION,
        "kind": _KIND_NAMES[link.kind],
        "profile": link.profile,
        "user": link.user_id,
        "location": None if link.location_id is None else str(link.location_id),
        "auto": request.auto,
    }
    return json.dumps(message, ensure_ascii=True).encode("ascii") + b"\n"


def request_for(
    kind: str, profile: str, user: str, location: str | int | None, *, auto: bool
) -> OpenRequest:
    """An ``open`` or a link's request, checked as a link is; ``InputError`` when it is not one."""
    where = None if location is None else str(location)
    return OpenRequest(_as_link(kind, profile, user, where), auto)


def decode_request(data: bytes) -> OpenRequest:
    """The request in one received line; ``InputError`` for anything but exactly our format."""
    if len(data) > MAX_MESSAGE:
        raise InputError("message", "is too long")
    try:
        # Nesting is bounded before parsing: 8 KiB of "[" would otherwise be a RecursionError,
        # not a ValueError, and the sender would wait for an answer that never comes.
        message = bounded_json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise InputError("message", "is not JSON") from None
    if not isinstance(message, dict) or message.get("v") != VERSION:
        raise InputError("message", "is not a version 1 object")
    if message.keys() == {"v", "show"}:
        if message["show"] is not True:
            raise InputError("message", "show must be true")
        return OpenRequest(None)
    if message.keys() != _REQUEST_KEYS:
        raise InputError("message", "has missing or unknown keys")
    kind, profile, user = message["kind"], message["profile"], message["user"]
    location, auto = message["location"], message["auto"]
    if not all(isinstance(value, str) for value in (kind, profile, user)):
        raise InputError("message", "kind, profile and user must be text")
    if location is not None and not isinstance(location, str):
        raise InputError("message", "location must be text or null")
    if not isinstance(auto, bool):
        raise InputError("message", "auto must be true or false")
    if kind == "total" and (user or location is not None):
        raise InputError("message", "a sync of all users takes no user or location")
    return OpenRequest(_as_link(kind, profile, user, location), auto)


# -- the sender ------------------------------------------------------------------------------------


def forward(name: str, request: OpenRequest) -> bool | None:
    """Hand ``request`` to the window listening on ``name``.

    ``True`` once it acknowledged, ``False`` if it refused the request, ``None`` if no window
    answered in time (then the caller opens its own). Blocking, with bounded waits: it runs before
    any event loop exists.
    """
    if not _listener_is_this_user(name):
        return None
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(CONNECT_TIMEOUT_MS):
        return None
    _let_the_window_come_forward()
    try:
        socket.write(encode_request(request))
        if not socket.waitForBytesWritten(CONNECT_TIMEOUT_MS):
            log.warning("The open window did not take the request: opening another")
            return None
        answer = b""
        while b"\n" not in answer and len(answer) < 64:
            if not socket.waitForReadyRead(ACK_TIMEOUT_MS):
                break
            answer += bytes(socket.readAll().data())
    finally:
        socket.abort()
    if answer.startswith(_ACK_OK):
        return True
    if answer.startswith(_ACK_REFUSED):
        return False
    log.warning("The open window did not acknowledge the request: opening another")
    return None


def _listener_is_this_user(name: str) -> bool:
    """On Unix the socket is a file in the shared temporary folder, under a name anyone can work
    out: one another user put there would receive our request. Ours only if we own it (the
    folder's sticky bit keeps others from replacing a file of ours)."""
    if sys.platform == "win32":  # pragma: no cover - a named pipe, not a file
        return True
    path = Path(QDir.tempPath(), name)
    try:
        owner = path.stat().st_uid
    except OSError:
        return True  # nothing there: connecting finds no window either
    if owner != os.getuid():
        log.warning("The request socket belongs to another user: not handing over to it")
        return False
    return True


def _let_the_window_come_forward() -> None:
    """Windows lets only the foreground process give the foreground away: this launch (which the
    user or HR software just started) is it, so it lets the open window take it."""
    if sys.platform == "win32":  # pragma: no cover - Windows only
        import ctypes

        asfw_any = -1
        with contextlib.suppress(Exception):
            ctypes.windll.user32.AllowSetForegroundWindow(asfw_any)


def instance_answers(name: str, timeout_ms: int = CONNECT_TIMEOUT_MS) -> bool:
    """Whether a window listens on ``name`` (a stale socket left by a crash does not)."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    alive = socket.waitForConnected(timeout_ms)
    socket.abort()
    return alive


# -- the receiver ----------------------------------------------------------------------------------


class InstanceServer(QObject):
    """Listens on the user's socket; emits :attr:`received` for each valid request."""

    received = Signal(object)  # OpenRequest
    rejected = Signal(str)  # why a message was ignored (never its content)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._server = QLocalServer(self)
        # Only this user may connect (Unix: the socket's mode; Windows: the pipe's ACL).
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._accept)

    def start(self) -> bool:
        """Listen; a name left by a window that crashed is taken over, a live window's is not.

        Asked first, as on Unix Qt binds a fresh socket and renames it over an existing one: a
        live window would silently lose its name.
        """
        if instance_answers(self.name, 200):
            log.warning("Another window of this user already listens: requests go to it")
            return False
        if self._server.listen(self.name):
            return True
        QLocalServer.removeServer(self.name)  # what a window that crashed left behind
        if self._server.listen(self.name):
            log.info("Took over the request socket left by a window that ended abnormally")
            return True
        why = self._server.errorString()
        log.warning("Cannot listen for requests from other launches: %s", why)
        return False

    def close(self) -> None:
        self._server.close()

    @property
    def listening(self) -> bool:
        return self._server.isListening()

    def _accept(self) -> None:
        while self._server.hasPendingConnections():
            socket = self._server.nextPendingConnection()
            if socket is not None:
                _Connection(socket, self)


class _Connection(QObject):
    """One sender: its line read (capped, with a deadline), answered, and closed."""

    def __init__(self, socket: QLocalSocket, server: InstanceServer) -> None:
        super().__init__(server)
        self._socket = socket
        self._server = server
        self._data = b""
        self._done = False
        socket.setParent(self)
        socket.readyRead.connect(self._read)
        socket.disconnected.connect(self._finish)
        self._deadline = QTimer(self)
        self._deadline.setSingleShot(True)
        self._deadline.timeout.connect(lambda: self._refuse("did not arrive in time"))
        self._deadline.start(RECEIVE_TIMEOUT_MS)
        self._read()

    def _read(self) -> None:
        if self._done:
            return
        self._data += bytes(self._socket.read(MAX_MESSAGE + 1 - len(self._data)).data())
        line, newline, _rest = self._data.partition(b"\n")
        if not newline:
            if len(self._data) > MAX_MESSAGE:
                self._refuse(f"is longer than {MAX_MESSAGE} bytes")
            return
        try:
            request = decode_request(line)
        except InputError as error:
            self._refuse(error.problem)
            return
        self._answer(_ACK_OK)
        self._server.received.emit(request)

    def _refuse(self, why: str) -> None:
        if self._done:
            return
        log.warning("Ignored a request from another launch: the message %s", why)
        self._answer(_ACK_REFUSED)
        self._server.rejected.emit(why)

    def _answer(self, ack: bytes) -> None:
        self._done = True
        self._deadline.stop()
        if self._socket.state() == QLocalSocket.LocalSocketState.ConnectedState:
            self._socket.write(ack)
            self._socket.flush()
            self._socket.disconnectFromServer()
        self._finish()

    def _finish(self) -> None:
        if self._socket.state() == QLocalSocket.LocalSocketState.UnconnectedState:
            self._deadline.stop()
            self.deleteLater()
