"""The one mapping of core errors to a message and an exit code, for the CLI and the GUI alike.

Every part of a message that a server may have written (a transport error's detail, a refusal's
code and advice, CRM.COM's status texts) goes through :func:`desktop.core.text.one_line`, and so
does the whole line: whatever a server sends, the message is one line of plain text, without
escape sequences or bidirectional-text overrides, and cannot forge a second line on stderr.
"""

from __future__ import annotations

from desktop.core.cli_support import EXIT_INPUT, EXIT_REFUSED, EXIT_TRANSPORT
from desktop.core.errors import I3SyncError, InputError, TransportError, VendorRefusal
from desktop.core.text import one_line

MAX_CODE_LENGTH = 100
MAX_DETAIL_LENGTH = 300
MAX_ADVICE_LENGTH = 1000
MAX_MESSAGE_LENGTH = 1500


def exit_code_for(error: I3SyncError) -> int:
    """2 invalid input, 3 refused by the server, 4 could not talk to it."""
    if isinstance(error, VendorRefusal):
        return EXIT_REFUSED
    if isinstance(error, TransportError):
        return EXIT_TRANSPORT
    return EXIT_INPUT


def message_for(error: I3SyncError) -> str:
    """One line for stderr or a log; a refusal starts with the server's code (made safe)."""
    if isinstance(error, VendorRefusal):
        code = one_line(error.code, MAX_CODE_LENGTH) or "refused"
        text = f"{code}: {one_line(error.advice, MAX_ADVICE_LENGTH)}"
    elif isinstance(error, TransportError):
        detail = one_line(error.detail, MAX_DETAIL_LENGTH)
        shown = f" ({detail})" if detail else ""
        endpoint = one_line(error.endpoint, MAX_DETAIL_LENGTH)
        text = f"i3sync: could not talk to {endpoint}: {error.problem.value}{shown}"
    elif isinstance(error, InputError):
        text = f"i3sync: invalid {error.field}: {error.problem}"
    else:
        text = f"i3sync: {error}"
    return one_line(text, MAX_MESSAGE_LENGTH)
