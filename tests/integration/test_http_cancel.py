"""Cancel reaches a request in every phase (DNS, connect, TLS, sending, waiting for headers, reading
the body) on fresh and kept-alive connections; the deadline bounds the whole exchange."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable

import pytest

from desktop.core.errors import TransportError, TransportProblem
from desktop.core.http import HttpPoster, Timeouts
from tests.fault_servers import (
    HOLD,
    Step,
    dripping_server,
    full_backlog_server,
    headers_then_silence,
    scripted_server,
    silent_server,
    timed,
)

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


OK: Step = (200, "text/plain", b"fine")


def in_thread(call: Callable[[], object]) -> tuple[threading.Thread, list[object]]:
    """Runs ``call`` on a thread; the list receives what it returned or raised."""
    outcome: list[object] = []

    def run() -> None:
        try:
            outcome.append(call())
        except BaseException as error:  # collected for the assertions
            outcome.append(error)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread, outcome


def test_cancel_on_a_kept_alive_connection_and_the_next_request_is_prompt() -> None:
    with scripted_server([OK, HOLD, OK]) as server:
        poster = HttpPoster(SLOW)
        assert poster.post(server.url + "/a", b"1", {}).body == b"fine"
        server.arrived.clear()
        worker, outcome = in_thread(lambda: poster.post(server.url + "/b", b"2", {}))
        assert server.arrived.wait(timeout=10)
        # The slow request went out on the first request's kept-alive connection.
        assert server.requests[1].client_port == server.requests[0].client_port

        def cancel_and_wait() -> None:
            poster.cancel()
            worker.join(timeout=5)

        _, elapsed = timed(cancel_and_wait)
        assert not worker.is_alive()
        assert isinstance(outcome[0], TransportError)
        assert outcome[0].problem is TransportProblem.CANCELLED
        poster.reset_cancel()
        reply, next_elapsed = timed(lambda: poster.post(server.url + "/c", b"3", {}))
        assert reply.body == b"fine"
        # The cancelled connection was not pooled: the next request opened a fresh one.
        assert server.requests[2].client_port != server.requests[1].client_port
        poster.close()
    assert elapsed < 2  # not the 20 s read timeout
    assert next_elapsed < 2


def test_cancel_while_the_request_body_is_being_sent() -> None:
    connected = threading.Event()
    with silent_server(connected) as url:  # it never reads: sending blocks on full buffers
        poster = HttpPoster(SLOW)
        helper = cancel_when(poster, connected)
        elapsed = expect_cancelled(lambda: poster.post(url + "/x", b"x" * (32 << 20), {}))
        helper.join(timeout=5)
    assert elapsed < 5


def test_cancel_while_connecting() -> None:
    with full_backlog_server() as url:
        poster = HttpPoster(SLOW)
        started = threading.Event()
        helper = cancel_when(poster, started)
        started.set()
        elapsed = expect_cancelled(lambda: poster.post(url + "/x", b"", {}))
        helper.join(timeout=5)
    assert elapsed < 5  # not the 20 s connect timeout


def test_cancel_during_a_dns_lookup(monkeypatch: pytest.MonkeyPatch) -> None:
    # No name server may be asked from tests: a resolver that hangs stands in for a slow one.
    looking_up, never = threading.Event(), threading.Event()
    real = socket.getaddrinfo

    def hanging(host: object, *args: object, **kwargs: object) -> object:
        if host == "esws.example.invalid":
            looking_up.set()
            never.wait(timeout=30)
            raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")
        return real(host, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "getaddrinfo", hanging)
    poster = HttpPoster(SLOW)
    helper = cancel_when(poster, looking_up)
    try:
        elapsed = expect_cancelled(lambda: poster.get("http://esws.example.invalid/x"))
    finally:
        never.set()
    helper.join(timeout=5)
    assert elapsed < 5


@pytest.mark.parametrize("headers_too", [False, True], ids=["body", "headers"])
def test_a_dripping_server_meets_the_deadline(headers_too: bool) -> None:
    with dripping_server(b"x" * 200, headers_too=headers_too) as url:
        poster = HttpPoster(Timeouts.total(1.5))

        def run() -> TransportError:
            with pytest.raises(TransportError) as caught:
                poster.get(url + "/x")
            return caught.value

        error, elapsed = timed(run)
    assert error.problem is TransportProblem.READ_TIMEOUT
    assert "1.5 s" in error.detail
    assert elapsed < 2.5  # the deadline plus a second, not 200 bytes x 0.3 s


def test_the_connect_cap_stays_separate_from_the_deadline() -> None:
    with full_backlog_server() as url:
        poster = HttpPoster(Timeouts(connect=0.5, read=20))

        def run() -> TransportError:
            with pytest.raises(TransportError) as caught:
                poster.get(url + "/x")
            return caught.value

        error, elapsed = timed(run)
    assert error.problem is TransportProblem.CONNECT_TIMEOUT
    assert elapsed < 3


def test_finish_by_bounds_every_request_to_one_moment() -> None:
    with dripping_server(b"x" * 200, headers_too=True) as url:
        poster = HttpPoster(Timeouts(connect=20, read=20))
        poster.finish_by(time.monotonic() + 1.0)

        def run() -> TransportError:
            with pytest.raises(TransportError) as caught:
                poster.get(url + "/x")
            return caught.value

        error, elapsed = timed(run)
        assert error.problem is TransportProblem.READ_TIMEOUT
        assert elapsed < 2.0  # the shared moment, not the poster's 40 s
        # The moment has passed: the next request fails at once, without sending anything.
        late, late_elapsed = timed(run)
    assert late.problem is TransportProblem.READ_TIMEOUT
    assert late_elapsed < 0.5
