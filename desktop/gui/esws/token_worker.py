"""The one worker thread that asks ESWS for tokens, so that the window never waits on the network.

zeep and requests block. :class:`TokenFetcher` lives on the GUI thread and hands each job to a
worker object living in its own ``QThread``; results come back as queued signals. Cancel aborts the
call in flight at once (``EswsClient.cancel`` is thread-safe) and the job's result is dropped.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol, cast

from PySide6.QtCore import QObject, QThread, Signal, Slot

from desktop.core.errors import I3SyncError, TransportError, TransportProblem, VendorRefusal
from desktop.core.redaction import register_secret

if TYPE_CHECKING:
    from desktop.esws.profiles import Profile
    from desktop.esws.request import SyncRequest

log = logging.getLogger(__name__)

SHUTDOWN_WAIT_MS = 10_000


class TokenSource(Protocol):
    """What the window needs of an ESWS client (``desktop.esws.client.EswsClient`` is one)."""

    endpoint: str

    def fetch_token(self, request: SyncRequest) -> str: ...

    def cancel(self) -> None: ...

    def close(self) -> None: ...


ClientFactory = Callable[["Profile"], TokenSource]


def default_client_factory(profile: Profile) -> TokenSource:
    """An ``EswsClient`` for the profile's endpoint (imported here: zeep is not a start-up cost)."""
    from desktop.esws.client import EswsClient

    return EswsClient(profile.esws_endpoint, wsdl=profile.wsdl)


def is_client(source: TokenSource | ClientFactory) -> bool:
    """True for a ready client (it has ``fetch_token``), False for a factory of clients."""
    return callable(getattr(source, "fetch_token", None))


class _Worker(QObject):
    """Runs on the worker thread; everything it shares with the GUI thread is under ``_lock``."""

    done = Signal(int, object, object)  # job id, token or None, error or None

    def __init__(self, source: TokenSource | ClientFactory) -> None:
        super().__init__()
        self._source = source
        self._lock = threading.Lock()
        self._cancelled: set[int] = set()
        self._job = 0
        self._client: TokenSource | None = None
        # Clients the factory made, kept per endpoint: zeep's parsed service and the HTTP
        # connection are reused by the next sync. Only touched on the worker thread (and after
        # it stopped, by close_clients).
        self._made: dict[tuple[str, str | None], TokenSource] = {}

    def _is_cancelled(self, job: int) -> bool:
        with self._lock:
            return job in self._cancelled

    def _client_for(self, profile: Profile) -> tuple[TokenSource, tuple[str, str | None] | None]:
        if is_client(self._source):
            return cast(TokenSource, self._source), None
        key = (profile.esws_endpoint, profile.wsdl)
        client = self._made.get(key)
        if client is None:
            client = cast(ClientFactory, self._source)(profile)
            self._made[key] = client
        return client, key

    def _forget(self, key: tuple[str, str | None] | None) -> None:
        client = self._made.pop(key, None) if key is not None else None
        if client is not None:
            client.close()

    def close_clients(self) -> None:
        """Close the clients kept for reuse (worker thread, or once it has stopped)."""
        for key in list(self._made):
            self._forget(key)

    @Slot(object)
    def warm_up(self, profile: Profile | None) -> None:
        """Load zeep and make the profile's client now, so the first sync does not wait for it.

        Nothing is sent: the client parses its WSDL (and would fetch a remote one) only when
        it is first used.
        """
        try:
            import zeep  # noqa: F401

            if profile is not None and not is_client(self._source):
                self._client_for(profile)
        except Exception as error:  # warming up is an optimisation: never a reason to fail
            log.debug("ESWS warm-up skipped: %s", type(error).__name__)

    @Slot(int, object, object)
    def run(self, job: int, profile: Profile, request: SyncRequest) -> None:
        client: TokenSource | None = None
        key: tuple[str, str | None] | None = None
        healthy = False
        try:
            client, key = self._client_for(profile)
            with self._lock:
                self._job, self._client = job, client
            if self._is_cancelled(job):
                raise TransportError(client.endpoint, TransportProblem.CANCELLED)
            token = client.fetch_token(request)
            register_secret(token)
            healthy = True
            if self._is_cancelled(job):
                raise TransportError(client.endpoint, TransportProblem.CANCELLED)
            self.done.emit(job, token, None)
        except VendorRefusal as error:
            healthy = True  # ESWS answered: the connection is fine
            self.done.emit(job, None, error)
        except I3SyncError as error:
            self.done.emit(job, None, error)
        except Exception as error:  # a bug must reach the user as a message, not kill the thread
            log.exception("Token request failed unexpectedly")
            self.done.emit(job, None, error)
        finally:
            with self._lock:
                self._client = None
                # cancel() marks the job under this lock before it aborts the client, so a
                # client that may have been aborted (cancels are sticky) is never reused.
                if job in self._cancelled:
                    healthy = False
                    if key is None and client is not None:
                        # A client passed in is kept whatever happens: make it usable again.
                        reset = getattr(client, "reset_cancel", None)
                        if reset is not None:
                            reset()
                self._cancelled.discard(job)
            if not healthy:
                # A cancelled or failed call may leave a dead connection behind: start afresh.
                self._forget(key)

    def cancel_all(self) -> None:
        """Abort whatever runs now (any thread)."""
        with self._lock:
            self._cancelled.add(self._job)
            client = self._client
        if client is not None:
            client.cancel()

    def cancel(self, job: int) -> None:
        """Called on the GUI thread: mark ``job`` cancelled and abort its call if it is running."""
        with self._lock:
            self._cancelled.add(job)
            client = self._client if self._job == job else None
        if client is not None:
            client.cancel()


# Workers that did not stop in time (a DNS lookup cannot be interrupted): Qt aborts the process
# when a running QThread is destroyed, so they are kept here until they finish by themselves.
_STRAGGLERS: list[tuple[QThread, _Worker]] = []


def _stop(thread: QThread, worker: _Worker, *_: object) -> bool:
    """Cancel, stop and wait; a thread still running afterwards is kept alive, not destroyed."""
    if (thread, worker) in _STRAGGLERS:
        return False  # already given up on (shutdown, then the fetcher's destruction)
    worker.cancel_all()
    thread.quit()
    if thread.wait(SHUTDOWN_WAIT_MS):
        worker.close_clients()
        return True
    log.warning("The ESWS worker did not stop within %d ms", SHUTDOWN_WAIT_MS)
    thread.setParent(None)
    entry = (thread, worker)
    _STRAGGLERS.append(entry)

    def gone() -> None:
        worker.close_clients()
        if entry in _STRAGGLERS:
            _STRAGGLERS.remove(entry)

    thread.finished.connect(gone)
    return False


class TokenFetcher(QObject):
    """Fetches tokens on one worker thread; emits ``succeeded``/``failed`` on the GUI thread."""

    succeeded = Signal(int, str)  # job id, token
    failed = Signal(int, object)  # job id, the error (an I3SyncError, or a bug's exception)
    _submit = Signal(int, object, object)
    _warm = Signal(object)

    def __init__(self, source: TokenSource | ClientFactory, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread = QThread(self)
        self._thread.setObjectName("i3sync-esws-worker")
        self._worker = _Worker(source)
        self._worker.moveToThread(self._thread)
        self._submit.connect(self._worker.run)
        self._warm.connect(self._worker.warm_up)
        self._worker.done.connect(self._finished)
        self._job = 0
        self._active: int | None = None
        # Destroyed without shutdown() (a window dropped without closing): stop the thread
        # first, or Qt aborts the process. destroyed() comes before the children are deleted.
        self.destroyed.connect(functools.partial(_stop, self._thread, self._worker))

    @property
    def busy(self) -> bool:
        """True while a job is in flight and not cancelled."""
        return self._active is not None

    @property
    def running(self) -> bool:
        """True while the worker thread exists (between the first fetch and shutdown)."""
        return bool(self._thread.isRunning())

    def warm_up(self, profile: Profile | None) -> None:
        """Start the worker and let it load the ESWS client in the background (no network)."""
        if not self._thread.isRunning():
            self._thread.start()
        self._warm.emit(dataclasses.replace(profile) if profile is not None else None)

    def fetch(self, profile: Profile, request: SyncRequest) -> int:
        """Start a job; returns its id. The previous job, if any, is cancelled first."""
        if self._active is not None:
            self.cancel()
        if not self._thread.isRunning():
            self._thread.start()
        self._job += 1
        self._active = self._job
        self._submit.emit(self._job, dataclasses.replace(profile), request)
        return self._job

    def cancel(self) -> None:
        """Abort the job in flight; its outcome is reported as ``failed`` with CANCELLED."""
        job, self._active = self._active, None
        if job is not None:
            self._worker.cancel(job)
            self.failed.emit(job, TransportError("ESWS", TransportProblem.CANCELLED))

    @Slot(int, object, object)
    def _finished(self, job: int, token: str | None, error: BaseException | None) -> None:
        if job != self._active:
            return  # cancelled or superseded: its outcome was already reported
        self._active = None
        if token is not None:
            self.succeeded.emit(job, token)
        else:
            self.failed.emit(job, error)

    def shutdown(self) -> bool:
        """Cancel, stop the thread and wait for it; False when it did not stop in time."""
        self._active = None
        if not self._thread.isRunning():
            return True
        return _stop(self._thread, self._worker)
