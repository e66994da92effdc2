"""Cancel reaches a request in every phase: TLS handshake, waiting for a body, reading it."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest

from desktop.core.errors import TransportError, TransportProblem
from desktop.core.http import HttpPoster, Timeouts
from tests.fault_servers import headers_then_silence, silent_server, timed

SLOW = Timeouts(connect=20, read=20)


def cancel_when(poster: HttpPoster, ready: threading.Event) -> threading.Thread:
    def cancel() -> None:
        if ready.wait(timeout=10):
            poster.cancel()

    thread = threading.Thread(target=cancel, daemon=True)
    thread.start()
    return thread


def expect_cancelled(call: Callable[[], object]) -> float:
    def run() -> TransportError:
        with pytest.raises(TransportError) as caught:
            call()
        return caught.value

    error, elapsed = timed(run)
    assert error.problem is TransportProblem.CANCELLED
    return elapsed


def test_cancel_during_the_tls_handshake() -> None:
    connected = threading.Event()
    with silent_server(connected) as url:
        poster = HttpPoster(SLOW)
        helper = cancel_when(poster, connected)
        elapsed = expect_cancelled(
            lambda: poster.post(url.replace("http:", "https:") + "/x", b"<x/>", {})
        )
        helper.join(timeout=5)
    assert elapsed < 5  # not the 20 s connect timeout


def test_cancel_while_a_connection_close_reply_holds_its_body_back() -> None:
    headers_sent = threading.Event()
    with headers_then_silence(headers_sent) as url:
        poster = HttpPoster(SLOW)
        helper = cancel_when(poster, headers_sent)
        elapsed = expect_cancelled(lambda: poster.post(url + "/x", b"<x/>", {}))
        helper.join(timeout=5)
    assert elapsed < 5  # not the 20 s read timeout


def test_a_cancelled_poster_stays_cancelled_until_reset() -> None:
    poster = HttpPoster(SLOW)
    poster.cancel()
    expect_cancelled(lambda: poster.post("http://127.0.0.1:9/x", b"", {}))
    poster.reset_cancel()
    with pytest.raises(TransportError) as caught:
        poster.post("http://127.0.0.1:9/x", b"", {})
    assert caught.value.problem is TransportProblem.REFUSED
