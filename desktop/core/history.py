"""The sync history's vocabulary: what one entry holds, and how an outcome is named.

An entry is one token request: when (UTC), where from (the window or the command line), the
profile (or the endpoint's host), one/total, user id, location id, the outcome (``ok``,
``refused``, ``failed``, ``cancelled``) with its code, the duration, and for the window whether
I3's page then loaded. There is no field for free text: a password, security code or token has
nowhere to land. :func:`outcome_for` maps a core error to an outcome, for the window and the
command line alike. The SQLite file is :mod:`desktop.core.history_store`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path

from desktop.core.errors import (
    I3SyncError,
    InputError,
    TransportError,
    TransportProblem,
    VendorRefusal,
)
from desktop.core.i18n import QT_TRANSLATE_NOOP, Localise, english
from desktop.core.paths import data_dir
from desktop.core.redaction import scrub
from desktop.core.text import one_line

FILE_NAME = "history.sqlite3"

MAX_NAME_LENGTH = 200  # profile names and user ids, as shown
MAX_CODE_LENGTH = 100
MAX_LOCATION_ID = 2**31 - 1
# Codes of failed and cancelled rows besides the transport problems' names.
CODE_INTERRUPTED = "INTERRUPTED"  # Ctrl+C on the command line
CODE_INTERNAL = "INTERNAL"  # an error of this app, not of the network or the server
_FAILURE_CODES = frozenset({p.name for p in TransportProblem} | {CODE_INTERRUPTED, CODE_INTERNAL})
_TIME_FORMAT = "%Y-%m-%dT%H:%M:%S.{ms:03d}Z"


class Source(StrEnum):
    """Where a token request came from."""

    WINDOW = "window"
    COMMAND_LINE = "cli"


class Kind(StrEnum):
    """One user (getSyncToken) or all users (getTotalSyncToken)."""

    ONE = "one"
    TOTAL = "total"


class Outcome(StrEnum):
    """How a token request ended; the entry's code says more (see :func:`outcome_for`)."""

    OK = "ok"
    REFUSED = "refused"
    FAILED = "failed"
    CANCELLED = "cancelled"


@dataclass(frozen=True)
class HistoryEntry:
    """One recorded token request, as read back."""

    id: int
    at: datetime  # UTC, aware
    source: Source
    profile: str
    kind: Kind
    user_id: str
    location_id: int | None
    outcome: Outcome
    code: str
    duration_ms: int
    page_loaded: bool | None


@dataclass(frozen=True)
class HistoryFilter:
    """Which entries to read; ``None`` matches everything. Profile names match in any case."""

    profile: str | None = None
    user_id: str | None = None
    outcome: Outcome | None = None
    since: datetime | None = None  # aware; inclusive
    until: datetime | None = None  # aware; exclusive


class HistoryError(I3SyncError):
    """The history file cannot be read or written; the message names the file, never a value.

    The command line maps it to exit 2 (:func:`desktop.core.reporting.exit_code_for`): a local
    file the user must act on, not a server that may answer on a retry.
    """

    def __init__(self, path: Path, problem: str) -> None:
        self.path = path
        self.problem = problem
        super().__init__(f"history file {path}: {problem}")


def default_path() -> Path:
    """Where the history lives unless a caller says otherwise."""
    return data_dir() / FILE_NAME


def outcome_for(error: BaseException) -> tuple[Outcome, str] | None:
    """The outcome and code to record for ``error``, the same for the window and the CLI.

    ``VendorRefusal`` → refused with the vendor's code; ``TransportError`` → failed with the
    problem's name (``READ_TIMEOUT``...), or cancelled for ``CANCELLED``; ``KeyboardInterrupt``
    → cancelled ``INTERRUPTED``. ``InputError`` → ``None``: nothing is recorded, because nothing
    was sent (input is checked before any network, and the window does not enable Sync until
    the form is valid). Any other error → failed ``INTERNAL``.
    """
    if isinstance(error, InputError):
        return None
    if isinstance(error, VendorRefusal):
        return Outcome.REFUSED, error.code
    if isinstance(error, TransportError):
        if error.problem is TransportProblem.CANCELLED:
            return Outcome.CANCELLED, error.problem.name
        return Outcome.FAILED, error.problem.name
    if isinstance(error, KeyboardInterrupt):
        return Outcome.CANCELLED, CODE_INTERRUPTED
    return Outcome.FAILED, CODE_INTERNAL


# What failed, one sentence each (context "History": the window shows them translated).
_FAILED: dict[str, str] = {
    CODE_INTERRUPTED: QT_TRANSLATE_NOOP("History", "Interrupted on the command line."),
    CODE_INTERNAL: QT_TRANSLATE_NOOP("History", "Failed inside I3 Sync; the log has the details."),
    TransportProblem.REFUSED.name: QT_TRANSLATE_NOOP("History", "Connection refused."),
    TransportProblem.DNS.name: QT_TRANSLATE_NOOP("History", "Host name could not be resolved."),
    TransportProblem.CONNECT_TIMEOUT.name: QT_TRANSLATE_NOOP(
        "History", "No connection within the timeout."
    ),
    TransportProblem.READ_TIMEOUT.name: QT_TRANSLATE_NOOP(
        "History", "No answer within the timeout."
    ),
    TransportProblem.TLS.name: QT_TRANSLATE_NOOP("History", "TLS certificate or handshake failed."),
    TransportProblem.HTTP_STATUS.name: QT_TRANSLATE_NOOP("History", "HTTP error."),
    TransportProblem.SOAP_FAULT.name: QT_TRANSLATE_NOOP("History", "SOAP fault."),
    TransportProblem.MALFORMED.name: QT_TRANSLATE_NOOP("History", "Reply is not well-formed."),
    TransportProblem.TOO_LARGE.name: QT_TRANSLATE_NOOP("History", "Reply is too large."),
    TransportProblem.UNEXPECTED_REPLY.name: QT_TRANSLATE_NOOP("History", "Unexpected reply."),
    TransportProblem.NETWORK.name: QT_TRANSLATE_NOOP("History", "Network error."),
    TransportProblem.CANCELLED.name: QT_TRANSLATE_NOOP("History", "Cancelled."),
}


def describe(entry: HistoryEntry, localise: Localise = english) -> str:
    """A short sentence for an entry's outcome (connectors add a refusal's advice); what failed
    in the language of ``localise`` (the command line's English by default)."""
    if entry.outcome is Outcome.OK:
        return "The sync link was issued."
    if entry.outcome is Outcome.REFUSED:
        return f"Refused by the server: {entry.code}."
    said = _FAILED.get(entry.code)
    if said is not None:
        return localise("History", said)
    problem = TransportProblem.__members__.get(entry.code)
    what = problem.value if problem is not None else entry.code  # a code not known here
    return f"{what[:1].upper()}{what[1:]}."


def local_time(entry: HistoryEntry) -> str:
    """The entry's time in this computer's time zone, to the second (table and window)."""
    return entry.at.astimezone().strftime("%Y-%m-%d %H:%M:%S")


def page_loaded_text(entry: HistoryEntry) -> str:
    """Whether I3's page then loaded, in words (empty when not known: the command line)."""
    return "" if entry.page_loaded is None else ("loaded" if entry.page_loaded else "not loaded")


def format_time(moment: datetime) -> str:
    """ISO 8601 in UTC with milliseconds and ``Z``: sorts as text, parses back exactly."""
    moment = moment.astimezone(UTC)
    return moment.strftime(_TIME_FORMAT.format(ms=moment.microsecond // 1000))


def clean_code(outcome: Outcome, code: str) -> str:
    """The code to store for ``outcome``; ``ValueError`` when it does not fit the outcome."""
    if outcome is Outcome.OK:
        if code:
            raise ValueError("an ok entry has no code")
        return ""
    if outcome is Outcome.REFUSED:
        # Server text: one line, capped, and any secret it echoes masked.
        return one_line(scrub(code), MAX_CODE_LENGTH) or "refused"
    if code not in _FAILURE_CODES:
        raise ValueError(
            "unknown failure code: expected a TransportProblem name, or INTERRUPTED or INTERNAL"
        )
    return code


def clean_name(value: str) -> str:
    """A profile name or user id as stored: one line, capped, any registered secret masked."""
    return one_line(scrub(value), MAX_NAME_LENGTH)


def check_location(location_id: int | None) -> int | None:
    """``location_id`` if it fits ESWS's 32-bit location ids; ``ValueError`` otherwise."""
    if location_id is not None and not 0 <= location_id <= MAX_LOCATION_ID:
        raise ValueError("location id out of range")
    return location_id
