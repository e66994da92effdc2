"""Asking ESWS for tokens through the window's runner: the window never waits on the network.

zeep and requests block: each fetch runs on a daemon thread of :class:`desktop.gui.runner.Runner`
and its result comes back as a queued signal. Cancel aborts the call in flight at once
(``EswsClient.cancel`` is thread-safe) and its result is dropped. A client is kept per profile
between syncs (zeep's parsed service and the HTTP connection are reused), but never shared with
a call that is still running: a sync started while a cancelled one winds down gets a new client,
so it never queues behind it.

Each token request is recorded in the sync history (``AttemptRecorder``, source ``window``) on a
serial runner of its own: the SQLite file may wait seconds for another process's lock, and that
never delays the sync nor freezes the window; a history that cannot be written is a logged warning.
"""

from __future__ import annotations

import dataclasses
import logging
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol, cast

from PySide6.QtCore import QCoreApplication, QObject, Signal

from desktop.core.errors import I3SyncError, TransportError, TransportProblem, VendorRefusal
from desktop.core.redaction import register_secret
from desktop.gui.runner import Job, Outcome, Runner

if TYPE_CHECKING:
    from desktop.core.history_store import HistoryStore
    from desktop.esws.history import AttemptRecorder
    from desktop.esws.profiles import Profile
    from desktop.esws.request import SyncRequest

log = logging.getLogger(__name__)

# How long quitting waits for the sync history's last writes (a cancelled request at close).
HISTORY_DRAIN_SECONDS = 0.3


class TokenSource(Protocol):
    """What the window needs of an ESWS client (``desktop.esws.client.EswsClient`` is one)."""

    endpoint: str

    def fetch_token(self, request: SyncRequest) -> str: ...

    def cancel(self) -> None: ...

    def close(self) -> None: ...


ClientFactory = Callable[["Profile"], TokenSource]
ClientKey = tuple[str, str, str | None]


def default_client_factory(profile: Profile) -> TokenSource:
    """An ``EswsClient`` for the profile's endpoint (imported here: zeep is not a start-up cost)."""
    from desktop.esws.client import EswsClient

    return EswsClient(profile.esws_endpoint, wsdl=profile.wsdl)


def is_client(source: TokenSource | ClientFactory) -> bool:
    """True for a ready client (it has ``fetch_token``), False for a factory of clients."""
    return callable(getattr(source, "fetch_token", None))


def client_key(profile: Profile) -> ClientKey:
    """Which kept client a profile's sync may reuse: same profile, same endpoint, same WSDL."""
    identity = str(getattr(profile, "id", "") or profile.name)
    return identity, profile.esws_endpoint, profile.wsdl


def _reset(client: TokenSource) -> None:
    reset = getattr(client, "reset_cancel", None)
    if reset is not None:
        reset()  # cancels are sticky inside the client: make it usable again


class _Clients:
    """Idle clients kept for reuse, one per key; thread-safe (calls end on their own threads)."""

    def __init__(self, source: TokenSource | ClientFactory) -> None:
        self._source = source
        self._lock = threading.Lock()
        self._idle: dict[ClientKey, TokenSource] = {}
        self._closed = False
        # A client passed in is the only one there is: one call at a time on it.
        self.shared_lock = threading.Lock() if is_client(source) else None

    def take(self, profile: Profile) -> TokenSource:
        """An idle client for ``profile`` (removed from the pool while in use), or a new one."""
        if is_client(self._source):
            return cast(TokenSource, self._source)
        with self._lock:
            client = self._idle.pop(client_key(profile), None)
        return client or cast(ClientFactory, self._source)(profile)

    def give_back(self, profile: Profile, client: TokenSource, *, healthy: bool) -> None:
        """After a call: keep a usable client for the next sync, close any other."""
        if is_client(self._source):
            return
        key = client_key(profile)
        with self._lock:
            keep = healthy and not self._closed and key not in self._idle
            if keep:
                self._idle[key] = client
        if not keep:
            client.close()

    def close(self) -> None:
        """Close the idle clients; clients still in use are closed when their call ends."""
        with self._lock:
            self._closed = True
            idle, self._idle = list(self._idle.values()), {}
        for client in idle:
            client.close()


class _Call:
    """One fetch: runs on its thread, cancelled from the GUI thread."""

    def __init__(self, clients: _Clients, profile: Profile, request: SyncRequest) -> None:
        self._clients = clients
        self._profile = profile
        self._request = request
        self._lock = threading.Lock()
        self._cancelled = False
        self._client: TokenSource | None = None

    def cancel(self) -> None:
        with self._lock:
            self._cancelled = True
            client = self._client
        if client is not None:
            client.cancel()

    def __call__(self) -> str:
        shared = self._clients.shared_lock
        if shared is not None:
            shared.acquire()  # a cancelled call on the same client is ending: takes no time
        try:
            return self._fetch()
        finally:
            if shared is not None:
                shared.release()

    def _fetch(self) -> str:
        client = self._clients.take(self._profile)
        healthy = False
        with self._lock:
            self._client = client
            cancelled = self._cancelled
        try:
            if cancelled:
                raise TransportError(client.endpoint, TransportProblem.CANCELLED)
            token = client.fetch_token(self._request)
            register_secret(token)
            healthy = True
            return token
        except VendorRefusal:
            healthy = True  # ESWS answered: the connection is fine
            raise
        finally:
            with self._lock:
                # cancel() aborts the client only while it is set here, so once it is cleared
                # no cancel can reach the client any more: resetting it now is final.
                self._client = None
                cancelled = self._cancelled
            if cancelled:
                _reset(client)
                # The abort closed that exchange's connection (an aborted connection is never
                # pooled), so the client, its parsed WSDL and its session serve the next sync.
                healthy = True
            self._clients.give_back(self._profile, client, healthy=healthy)


class TokenFetcher(QObject):
    """Fetches tokens through a runner; emits ``succeeded``/``failed`` on the GUI thread."""

    succeeded = Signal(int, str)  # job id, token
    failed = Signal(int, object)  # job id, the error (an I3SyncError, or a bug's exception)
    historyWritten = Signal()  # a history write ended (written or not): the History tab refreshes

    def __init__(
        self,
        source: TokenSource | ClientFactory,
        parent: QObject | None = None,
        *,
        history: HistoryStore | None = None,
    ) -> None:
        """``history``: where token requests are recorded (``None``: nowhere, e.g. a demo)."""
        super().__init__(parent)
        self._clients = _Clients(source)
        self._runner = Runner("i3sync-esws", self)
        self._job: Job | None = None
        self.history = history
        # Serial: an entry's page_loaded is set only after the entry itself has been written.
        self._history_runner = Runner("i3sync-history", self, serial=True)
        self._attempt: tuple[AttemptRecorder, float] | None = None
        # The attempt of the last token delivered, for :meth:`page_loaded`.
        self.last_attempt: AttemptRecorder | None = None
        clients = self._clients
        self.destroyed.connect(lambda *_: clients.close())

    @property
    def busy(self) -> bool:
        """True while a job is in flight and not cancelled."""
        return self._job is not None

    @property
    def history_busy(self) -> bool:
        """True until every history write queued so far has ended (its connection closed)."""
        return self._history_runner.busy

    def warm_up(self, profile: Profile | None) -> None:
        """Load zeep and make the profile's client in the background (nothing is sent).

        The client parses its WSDL (and would fetch a remote one) only when first used.
        """
        clients = self._clients
        chosen = dataclasses.replace(profile) if profile is not None else None

        def load() -> None:
            import zeep  # noqa: F401

            if chosen is not None:
                clients.give_back(chosen, clients.take(chosen), healthy=True)

        def done(outcome: Outcome[None]) -> None:
            if outcome.error is not None:  # an optimisation: never a reason to fail
                log.debug("ESWS warm-up skipped: %s", type(outcome.error).__name__)

        self._runner.run(load, done)

    def fetch(self, profile: Profile, request: SyncRequest) -> int:
        """Start a job; returns its id. The previous job, if any, is cancelled first: it is
        recorded as cancelled but not reported (``failed`` would reach the new job's caller
        synchronously, before it knows the new id)."""
        if self._job is not None:
            self._abandon()
        call = _Call(self._clients, dataclasses.replace(profile), request)
        self._attempt = self._new_attempt(profile, request)
        job = self._runner.run(call, self._finished, cancel=call.cancel)
        self._job = job
        return job.number

    # -- the sync history ----------------------------------------------------------------------

    def _new_attempt(
        self, profile: Profile, request: SyncRequest
    ) -> tuple[AttemptRecorder, float] | None:
        if self.history is None:
            return None
        from desktop.core.history import Source
        from desktop.esws.history import AttemptRecorder

        recorder = AttemptRecorder(
            self.history, source=Source.WINDOW, request=request, label=profile.name
        )
        return recorder, time.monotonic()

    def _record(self, error: BaseException | None) -> AttemptRecorder | None:
        """Record the attempt in flight as ended with ``error`` (on the history runner)."""
        attempt, self._attempt = self._attempt, None
        if attempt is None:
            return None
        recorder, started = attempt
        duration_ms = round((time.monotonic() - started) * 1000)
        self._history_runner.run(lambda: recorder.record(error, duration_ms), self._written)
        return recorder

    def page_loaded(self, attempt: AttemptRecorder, loaded: bool) -> None:
        """Note whether I3's page loaded after ``attempt`` (on the history runner, in order)."""
        store = self.history
        if store is None:
            return

        def write() -> bool:
            # Runs after the attempt's own write (serial runner): entry_id is known by now.
            entry = attempt.entry_id
            return entry is not None and store.set_page_loaded(entry, loaded)

        self._history_runner.run(write, self._written)

    def _written(self, outcome: Outcome[Any]) -> None:
        if outcome.error is not None:  # never the sync's concern: it went on regardless
            log.warning("Sync history not written: %s", type(outcome.error).__name__)
        self.historyWritten.emit()

    def cancel(self) -> None:
        """Abort the job in flight; its outcome is reported as ``failed`` with CANCELLED."""
        job = self._abandon()
        if job is not None:
            self.failed.emit(job.number, TransportError("ESWS", TransportProblem.CANCELLED))

    def _abandon(self) -> Job | None:
        """Abort the job in flight and record it as cancelled, without reporting it."""
        job, self._job = self._job, None
        if job is not None:
            job.cancel()
            self._record(TransportError("ESWS", TransportProblem.CANCELLED))
        return job

    def _finished(self, outcome: Outcome[str]) -> None:
        job, self._job = self._job, None
        number = job.number if job is not None else 0
        error = outcome.error
        recorder = self._record(error)
        if error is None and outcome.value is not None:
            self.last_attempt = recorder
            self.succeeded.emit(number, outcome.value)
            return
        if error is not None and not isinstance(error, I3SyncError):
            log.error("Token request failed unexpectedly", exc_info=error)
        self.failed.emit(number, error)

    def shutdown(self) -> None:
        """Abandon whatever runs (never waits) and close the idle clients.

        A request still in flight is recorded as cancelled; history writes already queued
        still run (the serial runner runs a queued job even once shut down).
        """
        if self._job is not None:
            self._record(TransportError("ESWS", TransportProblem.CANCELLED))
        self._job = None
        self._runner.shutdown()
        drained = self._history_drained()
        self._history_runner.shutdown()
        self._clients.close()
        if drained is None:
            return
        # The writes run on a daemon thread, which the process's exit would cut off: when the
        # app quits, give them a short, bounded moment (never longer: the window is gone).
        app = QCoreApplication.instance()
        if app is None:
            drained.wait(HISTORY_DRAIN_SECONDS)
        else:
            app.aboutToQuit.connect(lambda: drained.wait(HISTORY_DRAIN_SECONDS))

    def _history_drained(self) -> threading.Event | None:
        """An event set once the history writes queued so far have run (None: none queued)."""
        if not self._history_runner.busy:
            return None
        done = threading.Event()
        # Serial: it runs after the writes before it, even once the runner is shut down.
        self._history_runner.run(done.set, lambda _outcome: None)
        return done
