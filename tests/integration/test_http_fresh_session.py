"""After Cancel or the deadline, the poster's next request runs on a fresh ``requests.Session``:
the abandoned exchange's thread may still be inside the old one (a session is not thread-safe),
and the old one is closed once that thread leaves it."""

from __future__ import annotations

import socket
import threading

import pytest
import requests

from desktop.core.errors import TransportError, TransportProblem
from desktop.core.http import HttpPoster, Timeouts
from desktop.esws.client import EswsClient
from desktop.esws.request import SyncKind, build_request
from desktop.simulator.server import nusoap_response
from tests.fault_servers import HOLD, Step, scripted_server

OK: Step = (200, "text/plain", b"fine")
SLOW = Timeouts(connect=20, read=20)


def http_threads() -> set[threading.Thread]:
    return {t for t in threading.enumerate() if t.name == "i3sync-http" and t.is_alive()}


def spy_close(session: requests.Session) -> threading.Event:
    closed = threading.Event()
    real = session.close

    def close() -> None:
        closed.set()
        real()

    session.close = close  # type: ignore[method-assign]
    return closed


@pytest.mark.parametrize("how", ["cancel", "deadline"])
def test_the_next_request_uses_a_fresh_session_while_the_old_thread_is_stuck(
    monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    # A look-up that hangs keeps the abandoned thread inside the old session: no socket to shut.
    looking_up, never = threading.Event(), threading.Event()
    real = socket.getaddrinfo

    def hanging(host: object, *args: object, **kwargs: object) -> object:
        if host == "esws.example.invalid":
            looking_up.set()
            never.wait(timeout=30)
            raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")
        return real(host, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(socket, "getaddrinfo", hanging)
    poster = HttpPoster(SLOW if how == "cancel" else Timeouts.total(0.5))
    old_session = poster.session
    old_closed = spy_close(old_session)
    before = http_threads()
    if how == "cancel":
        canceller = threading.Thread(target=lambda: looking_up.wait(10) and poster.cancel())
        canceller.start()
    try:
        with pytest.raises(TransportError) as caught:
            poster.get("http://esws.example.invalid/x")
        expected = (
            TransportProblem.CANCELLED if how == "cancel" else TransportProblem.CONNECT_TIMEOUT
        )
        assert caught.value.problem is expected
        stuck = http_threads() - before
        assert len(stuck) == 1  # the abandoned exchange, still in getaddrinfo
        poster.reset_cancel()
        with scripted_server([OK]) as server:
            assert poster.get(server.url + "/next").body == b"fine"
        assert poster.session is not old_session
        assert all(t.is_alive() for t in stuck)  # the next request did not wait for it
        assert not old_closed.is_set()  # not closed under the stuck thread's feet
    finally:
        never.set()
    for thread in stuck:
        thread.join(timeout=10)
    assert old_closed.wait(timeout=10)  # closed once the thread left it
    assert poster.session.headers["User-Agent"] == old_session.headers["User-Agent"]
    assert set(poster.session.adapters) == {"https://", "http://"}
    poster.close()


def test_zeep_follows_the_posters_fresh_session_after_a_cancel() -> None:
    request = build_request(
        SyncKind.ALL_USERS, company_id="c" * 32, admin_username="hr", admin_password="pw-fresh"
    )
    token = "0123456789abcdef" * 8
    issued: Step = (200, "text/xml", nusoap_response("Esws.getTotalSyncToken", token))
    with scripted_server([HOLD, issued]) as server:
        client = EswsClient(server.url + "/esws", timeouts=SLOW)
        transport = client._transport
        first = client.poster.session
        canceller = threading.Thread(
            target=lambda: server.arrived.wait(10) and client.cancel(), daemon=True
        )
        canceller.start()
        try:
            with pytest.raises(TransportError) as caught:
                client.fetch_token(request)
            assert caught.value.problem is TransportProblem.CANCELLED
            client.reset_cancel()
            assert client.fetch_token(request) == token
            # zeep's transport reads the session at each use: the fresh one, never the old.
            assert transport.session is client.poster.session
            assert transport.session is not first
            assert "file://" not in transport.session.adapters
        finally:
            canceller.join(timeout=10)
            client.close()
