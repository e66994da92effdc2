"""A probe's connect that completes just after Cancel or the deadline: its socket is closed.

Cancel and the deadline shut the exchange's sockets, which ends a connect still waiting for the
server; but a connect that completed an instant after the caller gave up returns a socket that
no caller receives. The probe closes it instead of leaking its descriptor.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import pytest

from desktop.core.errors import TransportError, TransportProblem
from desktop.core.netprobe import NetProbe


@pytest.fixture
def listener() -> Iterator[socket.socket]:
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(5)
    try:
        yield server
    finally:
        server.close()


def probe_threads() -> set[threading.Thread]:
    return {t for t in threading.enumerate() if t.name == "i3sync-probe"}


@pytest.mark.parametrize("how", ["cancel", "deadline"])
def test_a_socket_connected_after_the_abort_is_closed(
    listener: socket.socket, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    connected, release = threading.Event(), threading.Event()
    created: list[socket.socket] = []
    real = socket.socket

    class LateSocket(real):  # type: ignore[misc, valid-type]
        """Connects, then stays in connect() until released: the abort lands in between."""

        def connect(self, address: object) -> None:
            super().connect(address)
            created.append(self)
            connected.set()
            release.wait(timeout=10)

    monkeypatch.setattr(socket, "socket", LateSocket)
    probe = NetProbe()
    before = probe_threads()
    address = (socket.AF_INET, socket.SOCK_STREAM, 0, "", listener.getsockname())
    errors: list[TransportError] = []

    def caller() -> None:
        until = time.monotonic() + (30 if how == "cancel" else 0.5)
        try:
            probe.connect("127.0.0.1", [address], until).close()
        except TransportError as error:
            errors.append(error)

    calling = threading.Thread(target=caller)
    calling.start()
    assert connected.wait(timeout=10)
    if how == "cancel":
        probe.cancel()
    calling.join(timeout=10)
    assert not calling.is_alive()
    assert [e.problem for e in errors] == [
        TransportProblem.CANCELLED if how == "cancel" else TransportProblem.CONNECT_TIMEOUT
    ]
    release.set()  # the connect "completes" now, after the caller gave up
    for worker in probe_threads() - before:
        worker.join(timeout=10)
        assert not worker.is_alive()
    assert len(created) == 1
    assert created[0].fileno() == -1  # closed, not left for the garbage collector
    monkeypatch.undo()
