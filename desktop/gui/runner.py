"""THE runner for blocking calls (ESWS, CRM.COM, the vault): the window never waits on them.

Each call runs on its own daemon thread (``threading``, not ``QThread``): a call stuck in DNS or on
a silent server can neither freeze the window nor abort the process when it exits, and nothing
ever waits for it. The outcome comes back to the GUI thread through a queued signal of one
``QObject`` that lives there for the whole process.

For every job exactly one of two things happens:

- ``on_done(outcome)`` runs on the GUI thread, when the job ended and was neither cancelled nor
  abandoned (its runner shut down or deleted);
- ``on_dropped(outcome)`` runs on whichever thread noticed the drop (the job's own thread when
  it was cancelled while running, the GUI thread when it had already ended): it releases what
  the job held (closes a client) without touching widgets.
"""

from __future__ import annotations

import enum
import itertools
import logging
import queue
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Signal

from desktop.core.vault import SecretKind, SecretVault, VaultStatus

log = logging.getLogger(__name__)

T = TypeVar("T")


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """What a job gave: its ``value``, or the ``error`` it raised (``value`` is then None)."""

    value: T | None
    error: BaseException | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


class _State(enum.Enum):
    RUNNING = "running"
    ENDED = "ended"  # the thread is done; the outcome is on its way to the GUI thread
    CANCELLED = "cancelled"
    FINISHED = "finished"  # delivered or dropped


class Job:
    """One call in flight. ``cancel()`` from the GUI thread; everything shared is under a lock."""

    def __init__(
        self,
        number: int,
        on_done: Callable[[Outcome[Any]], None],
        cancel: Callable[[], None] | None,
        on_dropped: Callable[[Outcome[Any]], None] | None,
    ) -> None:
        self.number = number
        self._on_done = on_done
        self._cancel = cancel
        self._on_dropped = on_dropped
        self._lock = threading.Lock()
        self._state = _State.RUNNING
        self._outcome: Outcome[Any] | None = None

    @property
    def active(self) -> bool:
        """True until the job has been delivered, dropped or cancelled."""
        with self._lock:
            return self._state in (_State.RUNNING, _State.ENDED)

    def cancel(self) -> None:
        """Drop the job's outcome; abort its call when it is still running (never waits)."""
        with self._lock:
            state = self._state
            if state not in (_State.RUNNING, _State.ENDED):
                return
            self._state = _State.CANCELLED if state is _State.RUNNING else _State.FINISHED
            outcome = self._outcome
        if state is _State.RUNNING:
            if self._cancel is not None:
                try:
                    self._cancel()
                except Exception as error:  # aborting is best effort: the outcome is dropped
                    log.warning("Cancelling a call failed (%s)", type(error).__name__)
        elif outcome is not None:
            self._dropped(outcome)

    def _dropped(self, outcome: Outcome[Any]) -> None:
        if self._on_dropped is None:
            return
        try:
            self._on_dropped(outcome)
        except Exception:
            log.exception("Releasing a dropped call failed")

    def _ended(self, outcome: Outcome[Any]) -> bool:
        """The job's thread: record the outcome; False when it is to be dropped instead."""
        with self._lock:
            if self._state is _State.CANCELLED:
                self._state = _State.FINISHED
                cancelled = True
            else:
                self._state = _State.ENDED
                self._outcome = outcome
                cancelled = False
        if cancelled:
            self._dropped(outcome)
        return not cancelled

    def _deliver(self) -> None:
        """GUI thread: hand the outcome over unless the job was cancelled meanwhile."""
        with self._lock:
            if self._state is not _State.ENDED:
                return
            self._state = _State.FINISHED
            outcome = self._outcome
        if outcome is not None:
            self._on_done(outcome)


class _Mailbox(QObject):
    """Lives on the GUI thread for the whole process: worker threads post calls to it."""

    arrived = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.arrived.connect(self._arrived)

    def _arrived(self, call: Callable[[], None]) -> None:
        call()


_mailbox: _Mailbox | None = None
_mailbox_lock = threading.Lock()


def _the_mailbox() -> _Mailbox:
    global _mailbox
    with _mailbox_lock:
        if _mailbox is None:
            # First use is on the GUI thread (a runner is made there). Never deleted: a thread
            # that ends after the event loop has stopped posts to it, and nobody reads the post.
            _mailbox = _Mailbox()
        return _mailbox


def post_to_gui(call: Callable[[], None]) -> None:
    """Run ``call`` on the GUI thread, in the order posted (from any thread).

    Dropped once the mailbox is gone (the process is ending). The mailbox exists as soon as a
    :class:`Runner` was made, which is on the GUI thread.
    """
    with _mailbox_lock:
        mailbox = _mailbox
        if mailbox is None or not shiboken6.isValid(mailbox):
            return
        # Queued: the mailbox lives on the GUI thread and this is another thread.
        mailbox.arrived.emit(call)


class _Jobs:
    """A runner's jobs in flight. A job cancelled while running leaves from its own thread
    (``Job._ended`` → dropped) while the GUI thread may be reading ``busy``: under a lock, and
    read as a snapshot."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._jobs: dict[int, Job] = {}

    def add(self, job: Job) -> None:
        with self._lock:
            self._jobs[job.number] = job

    def remove(self, job: Job) -> None:
        with self._lock:
            self._jobs.pop(job.number, None)

    def snapshot(self) -> list[Job]:
        with self._lock:
            return list(self._jobs.values())


class Runner(QObject):
    """Starts blocking calls on daemon threads and reports back on the GUI thread.

    Deleted or shut down, it cancels whatever it started; those outcomes are dropped.
    """

    _numbers = itertools.count(1)

    def __init__(self, name: str, parent: QObject | None = None, *, serial: bool = False) -> None:
        """``serial``: one call at a time, in the order given (the vault: a write must not
        overtake the one before it); otherwise each call gets its own thread at once."""
        super().__init__(parent)
        self._name = name
        self._queue: queue.SimpleQueue[list[Any]] | None = queue.SimpleQueue() if serial else None
        self._worker: threading.Thread | None = None
        self._jobs = _Jobs()
        self._closed = False
        _the_mailbox()
        # Deleted without shutdown(): abandon its jobs (the slot holds no reference to self).
        jobs = self._jobs
        self.destroyed.connect(lambda *_: _cancel_all(jobs))

    @property
    def busy(self) -> bool:
        """True while a job of this runner is in flight (not cancelled)."""
        return any(job.active for job in self._jobs.snapshot())

    def run(
        self,
        call: Callable[[], T],
        on_done: Callable[[Outcome[T]], None],
        *,
        cancel: Callable[[], None] | None = None,
        on_dropped: Callable[[Outcome[T]], None] | None = None,
    ) -> Job:
        """Run ``call()`` on a new daemon thread; ``on_done`` gets its outcome on this thread.

        ``cancel`` aborts the call (e.g. ``client.cancel``; called from the GUI thread).
        """
        jobs = self._jobs

        def done(outcome: Outcome[Any]) -> None:
            jobs.remove(job)
            on_done(outcome)

        def dropped(outcome: Outcome[Any]) -> None:
            jobs.remove(job)
            if on_dropped is not None:
                on_dropped(outcome)

        job = Job(next(self._numbers), done, cancel, dropped)
        if self._closed:
            job.cancel()
            return job
        self._jobs.add(job)
        if self._queue is not None:
            # A queued job runs even when cancelled meanwhile (a vault write is not undone by
            # closing the window); only its outcome is dropped.
            self._queue.put([job, call])
            if self._worker is None:
                self._worker = threading.Thread(
                    target=_work_through, args=(self._queue,), name=self._name, daemon=True
                )
                self._worker.start()
            return job
        thread = threading.Thread(
            target=_work, args=([job, call],), name=f"{self._name}-{job.number}", daemon=True
        )
        thread.start()
        return job

    def cancel_all(self) -> None:
        """Cancel every job of this runner (their outcomes are dropped)."""
        _cancel_all(self._jobs)

    def shutdown(self) -> None:
        """Cancel everything and accept no more work. Never waits for a thread."""
        self._closed = True
        self.cancel_all()


def _cancel_all(jobs: _Jobs) -> None:
    for job in jobs.snapshot():
        job.cancel()


def _work_through(jobs: queue.SimpleQueue[list[Any]]) -> None:
    while True:
        _work(jobs.get())


def _work(box: list[Any]) -> None:
    """Run the ``[job, call]`` in ``box`` on this thread; report the outcome to the GUI thread.

    Every reference this thread took (the job, the call, the outcome) goes back to the GUI thread
    in ``box``, to be dropped there: a call's closure or a job's callback may hold the last
    reference to a Qt object (a view with a browser inside), and its destructor must run on the
    GUI thread (Chromium aborts the process when it does not).
    """
    job, call = box
    try:
        outcome: Outcome[Any] = Outcome(call())
    except Exception as error:  # reported to the GUI thread, which words it for the user
        outcome = Outcome(None, error)
    deliver = job._ended(outcome)
    box.append(outcome)
    del job, call, outcome
    if deliver:
        post_to_gui(box[0]._deliver)
    post_to_gui(box.clear)  # the job, the call and the outcome are dropped on the GUI thread


class QueuedVaultWrites:
    """A vault whose removals asked on the GUI thread go through the vault's serial runner.

    The profile book removes secrets as part of saving or deleting a profile; those calls come
    from the GUI thread (the profiles dialog) and would freeze the window while an OS vault asks
    to be unlocked. Here they are queued behind the vault calls already under way, in order;
    calls from the runner's own thread, and every read, go straight to the vault.
    """

    def __init__(self, vault: SecretVault, runner: Runner) -> None:
        self._vault = vault
        self._runner = runner

    def __repr__(self) -> str:
        return f"QueuedVaultWrites({self._vault!r})"

    def _later(self, call: Callable[[], None]) -> bool:
        if threading.current_thread() is not threading.main_thread():
            return False
        self._runner.run(call, _log_failure)
        return True

    def status(self) -> VaultStatus:
        return self._vault.status()

    def load(self, profile: str, kind: SecretKind) -> str | None:
        return self._vault.load(profile, kind)

    def save(self, profile: str, kind: SecretKind, value: str) -> bool:
        return self._vault.save(profile, kind, value)

    def delete(self, profile: str, kind: SecretKind | None = None) -> None:
        vault = self._vault
        if not self._later(lambda: vault.delete(profile, kind)):
            vault.delete(profile, kind)

    def rename(self, old: str, new: str) -> None:
        vault = self._vault
        if not self._later(lambda: vault.rename(old, new)):
            vault.rename(old, new)


def _log_failure(outcome: Outcome[Any]) -> None:
    if outcome.error is not None:
        log.warning("A vault change failed: %s", type(outcome.error).__name__)
