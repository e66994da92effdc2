"""call_in: a result that arrives after the exchange was aborted goes to ``discard``."""

from __future__ import annotations

import threading

import pytest

from desktop.core.http_exchange import (
    CANCELLED,
    Exchange,
    ExchangeSet,
    InUse,
    WorkAborted,
    call_in,
)


class Resource:
    def __init__(self) -> None:
        self.closed = threading.Event()

    def close(self) -> None:
        self.closed.set()


def test_a_result_after_the_abort_is_discarded_not_returned() -> None:
    exchange = Exchange()
    started, release = threading.Event(), threading.Event()
    resource = Resource()

    def work() -> Resource:
        started.set()
        release.wait(timeout=10)
        return resource

    def abort_when_started() -> None:
        started.wait(timeout=10)
        exchange.abort(CANCELLED)

    aborter = threading.Thread(target=abort_when_started)
    aborter.start()
    with pytest.raises(WorkAborted) as caught:
        call_in(exchange, work, 30, "test-call-in", Resource.close)
    aborter.join(timeout=10)
    assert caught.value.why == CANCELLED
    assert not resource.closed.is_set()  # the work has not returned yet
    release.set()
    assert resource.closed.wait(timeout=10)


def test_a_result_in_time_is_returned_and_kept() -> None:
    resource = Resource()
    assert call_in(Exchange(), lambda: resource, 30, "test-call-in", Resource.close) is resource
    assert not resource.closed.is_set()


def test_an_exception_of_the_work_reaches_the_caller() -> None:
    def work() -> None:
        raise KeyError("boom")

    with pytest.raises(KeyError):
        call_in(Exchange(), work, 30, "test-call-in")


def test_a_cancelled_set_aborts_later_exchanges_before_their_work_runs() -> None:
    exchanges = ExchangeSet()
    ran: list[int] = []
    exchanges.cancel()
    with pytest.raises(WorkAborted):
        exchanges.call(Exchange(), lambda: ran.append(1), 30, "test-call-in")
    assert ran == []
    exchanges.reset()
    assert exchanges.call(Exchange(), lambda: 7, 30, "test-call-in") == 7


def test_a_retired_resource_is_closed_only_once_its_thread_left_it() -> None:
    closed: list[str] = []
    in_use = InUse(lambda: closed.append("closed"))
    assert in_use.enter()
    assert in_use.abandon()  # the thread had entered: the owner retires the resource
    in_use.retire()
    assert closed == []  # the thread is still inside
    in_use.leave()
    assert closed == ["closed"]


def test_a_thread_that_had_not_begun_never_enters_an_abandoned_resource() -> None:
    closed: list[str] = []
    in_use = InUse(lambda: closed.append("closed"))
    assert not in_use.abandon()  # nothing to retire: the owner keeps using it
    assert not in_use.enter()
    assert closed == []


def test_a_resource_retired_after_its_thread_left_is_closed_at_once() -> None:
    closed: list[str] = []
    in_use = InUse(lambda: closed.append("closed"))
    assert in_use.enter()
    in_use.leave()
    assert in_use.abandon()
    in_use.retire()
    assert closed == ["closed"]
