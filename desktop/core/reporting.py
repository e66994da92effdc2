"""The one mapping of core errors to a message and an exit code, for the CLI and the GUI alike."""

from __future__ import annotations

from desktop.core.cli_support import EXIT_INPUT, EXIT_REFUSED, EXIT_TRANSPORT
from desktop.core.errors import I3SyncError, InputError, TransportError, VendorRefusal


def exit_code_for(error: I3SyncError) -> int:
    """2 invalid input, 3 refused by the server, 4 could not talk to it."""
    if isinstance(error, VendorRefusal):
        return EXIT_REFUSED
    if isinstance(error, TransportError):
        return EXIT_TRANSPORT
    return EXIT_INPUT


def message_for(error: I3SyncError) -> str:
    """One line for stderr or a log; a refusal starts with the server's code."""
    if isinstance(error, VendorRefusal):
        return f"{error.code}: {error.advice}"
    if isinstance(error, TransportError):
        detail = f" ({error.detail})" if error.detail else ""
        return f"i3sync: could not talk to {error.endpoint}: {error.problem.value}{detail}"
    if isinstance(error, InputError):
        return f"i3sync: invalid {error.field}: {error.problem}"
    return f"i3sync: {error}"
