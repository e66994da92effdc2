"""A line nested thousands deep, within the size limit, is refused at once over the real socket:
parsing it must not raise RecursionError (an unhandled error in the window's event loop, and a
sender left waiting for an answer that never comes)."""

from __future__ import annotations

import os
from typing import Any

from PySide6.QtNetwork import QLocalSocket

from desktop.gui.single_instance import MAX_MESSAGE, InstanceServer

REFUSED = b'{"v": 1, "ok": false}\n'


def test_a_deeply_nested_line_is_refused_not_left_unanswered(qtbot: Any) -> None:
    server = InstanceServer(f"i3sync-test-nesting-{os.getpid()}")
    assert server.start()
    try:
        line = b"[" * 8000 + b"\n"
        assert len(line) <= MAX_MESSAGE
        answer = bytearray()
        sender = QLocalSocket()
        sender.readyRead.connect(lambda: answer.extend(bytes(sender.readAll().data())))
        sender.connected.connect(lambda: sender.write(line))
        with qtbot.waitSignal(server.rejected, timeout=5000) as rejected:
            sender.connectToServer(server.name)
        qtbot.waitUntil(lambda: b"\n" in answer, timeout=5000)
        sender.abort()
        assert bytes(answer) == REFUSED
        assert rejected.args[0] == "is not JSON"
    finally:
        server.close()
