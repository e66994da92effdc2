"""Recording ESWS token requests in the sync history, the same way from the window and the CLI.

:class:`AttemptRecorder` times one ``fetch_token`` call and records its outcome through
:func:`desktop.core.history.outcome_for`; a history that cannot be written never changes the
sync's own outcome (the caller shows :meth:`AttemptRecorder.warnings` and carries on).
"""

from __future__ import annotations

import logging
import time
from types import TracebackType
from urllib.parse import urlsplit

from desktop.core.history import (
    HistoryEntry,
    HistoryError,
    Kind,
    Outcome,
    Source,
    describe,
    outcome_for,
)
from desktop.core.history_store import HistoryStore
from desktop.core.i18n import Localise, english
from desktop.core.redaction import scrub
from desktop.esws.refusals import REFUSALS, UNKNOWN_REFUSAL_ADVICE
from desktop.esws.request import SyncKind, SyncRequest

log = logging.getLogger(__name__)

KINDS = {SyncKind.ONE_USER: Kind.ONE, SyncKind.ALL_USERS: Kind.TOTAL}


def history_label(profile_name: str | None, endpoint: str) -> str:
    """What the history names a request by: the profile, or the endpoint's host[:port]."""
    if profile_name:
        return profile_name
    try:
        parts = urlsplit(endpoint)
        host = parts.hostname or ""
        port = parts.port
    except ValueError:
        return ""
    if ":" in host:
        host = f"[{host}]"
    return f"{host}:{port}" if port else host


def message_for_entry(entry: HistoryEntry, shown: Localise = english) -> str:
    """What the window shows for an entry that did not end ok: a refusal's code and advice, or
    what failed. ``shown(context, text)`` puts a marked text in the window's language (the
    default leaves it English)."""
    if entry.outcome is Outcome.REFUSED:
        info = REFUSALS.get(entry.code)
        advice = info.advice if info else UNKNOWN_REFUSAL_ADVICE
        return f"{entry.code}: {shown('Refusals', advice)}"  # the vendor's code verbatim
    return describe(entry, shown)


class AttemptRecorder:
    """``with AttemptRecorder(store, ...):`` around one ``fetch_token`` records its outcome.

    ``store`` ``None`` records nothing (``--no-history``). Exceptions pass through unchanged;
    an ``InputError`` is not recorded (nothing was sent). Afterwards ``entry_id`` is the new
    entry's id (for :meth:`HistoryStore.set_page_loaded`), or ``problem`` says why there is none.
    """

    def __init__(
        self, store: HistoryStore | None, *, source: Source, request: SyncRequest, label: str
    ) -> None:
        self.store = store
        self.source = source
        self.request = request
        self.label = label
        self.entry_id: int | None = None
        self.problem: HistoryError | None = None
        self._started = 0.0

    def __enter__(self) -> AttemptRecorder:
        self._started = time.monotonic()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if error is None or isinstance(error, Exception | KeyboardInterrupt):
            self.record(error, round((time.monotonic() - self._started) * 1000))

    def record(self, error: BaseException | None, duration_ms: int) -> int | None:
        """Record the attempt now (for callers that time it themselves, like the window)."""
        outcome = (Outcome.OK, "") if error is None else outcome_for(error)
        if self.store is None or outcome is None:
            return None
        # Masked again with this request's own secrets, in case they were never registered.
        secrets = (self.request.company_id, self.request.admin_password)
        try:
            self.entry_id = self.store.record(
                source=self.source,
                profile=scrub(self.label, secrets),
                kind=KINDS[self.request.kind],
                user_id=scrub(self.request.user_id, secrets),
                location_id=self.request.location_id,
                outcome=outcome[0],
                code=scrub(outcome[1], secrets),
                duration_ms=duration_ms,
            )
        except HistoryError as problem:
            log.warning("Sync history not recorded: %s", problem)
            self.problem = problem
        return self.entry_id

    def warnings(self) -> list[str]:
        """Lines for stderr: one when the attempt could not be recorded, else none."""
        if self.problem is None:
            return []
        return [f"warning: the sync history was not recorded: {self.problem}"]
