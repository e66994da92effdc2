"""Text that crosses a trust boundary: server text shown to the user, and text the user typed.

Whatever a server sends is untrusted: an HTTP reason phrase, a SOAP faultstring or a CRM.COM
status message may carry terminal escape sequences, line breaks that forge a second line on
stderr, bidirectional-text overrides that reverse what a reader sees, or markup. :func:`one_line`
makes such text safe to print or put in a (plain-text) label.

What the user types is checked by :func:`text_problem` before anything is sent: a control
character cannot be sent in XML and is never meant, and a lone surrogate is what Python makes of
a byte that is not valid in the system's encoding (``os.environ``, ``sys.argv``): it cannot be
encoded for the wire, so it is refused with a message naming the field, never echoing the value.
"""

from __future__ import annotations

from desktop.core.i18n import QT_TRANSLATE_NOOP

MAX_SHOWN_LENGTH = 300
ELLIPSIS = "…"

# Bidirectional-text controls: embeddings and overrides, isolates, marks, the Arabic letter mark.
BIDI_CONTROLS = frozenset(
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
)
# Line and paragraph separators end a line in many terminals and widgets.
LINE_SEPARATORS = frozenset("\u2028\u2029")

# Said after a field's name ("The admin username must not..."); the window translates them.
PROBLEM_NOT_TEXT = QT_TRANSLATE_NOOP(
    "Input", "holds bytes that are not valid text in this system's encoding"
)
PROBLEM_REQUIRED = QT_TRANSLATE_NOOP("Input", "is required")
PROBLEM_TOO_LONG = QT_TRANSLATE_NOOP("Input", "is longer than {count} characters")
FIELD_PASSWORD = QT_TRANSLATE_NOOP("Fields", "password")
PROBLEM_CONTROL = QT_TRANSLATE_NOOP("Input", "must not contain control characters or line breaks")
PROBLEM_BIDI = QT_TRANSLATE_NOOP("Input", "must not contain bidirectional-text control characters")


def is_control(ch: str) -> bool:
    """C0 and C1 control characters and DEL (ESC, CR, LF, TAB, NEL U+0085 included)."""
    code = ord(ch)
    return code < 0x20 or 0x7F <= code <= 0x9F


def is_surrogate(ch: str) -> bool:
    """A lone UTF-16 surrogate: in a Python ``str``, a byte that was not valid text."""
    return 0xD800 <= ord(ch) <= 0xDFFF


def has_surrogates(text: str) -> bool:
    """True when ``text`` cannot be encoded as UTF-8 (it holds lone surrogates)."""
    return any(is_surrogate(ch) for ch in text)


def without_surrogates(text: str) -> str:
    """``text`` with every lone surrogate replaced by U+FFFD, so that it can always be written."""
    if not has_surrogates(text):
        return text
    return "".join("\ufffd" if is_surrogate(ch) else ch for ch in text)


def one_line(text: str, limit: int = MAX_SHOWN_LENGTH) -> str:
    """Untrusted ``text`` made safe to show: one line, at most ``limit`` characters.

    C0/C1 controls (ESC, CR, LF, DEL, NEL...), bidirectional-text controls and line or paragraph
    separators become spaces; lone surrogates are removed; runs of white space become one space;
    text longer than ``limit`` is cut and ends in "…". The result is plain text: markup is kept
    as characters, so it must be shown as plain text (never in a label that renders rich text).
    """
    kept: list[str] = []
    for ch in text:
        if is_surrogate(ch):
            continue
        if is_control(ch) or ch in BIDI_CONTROLS or ch in LINE_SEPARATORS:
            kept.append(" ")
        else:
            kept.append(ch)
    cleaned = " ".join("".join(kept).split())
    limit = max(1, limit)
    if len(cleaned) <= limit:
        return cleaned
    return cleaned[: limit - 1].rstrip() + ELLIPSIS


def text_problem(value: str, *, secret: bool = False) -> str | None:
    """Why a typed value cannot be sent, or ``None``; the problem never quotes the value.

    Every field refuses lone surrogates (bytes that are not text) and control characters.
    Fields that are shown or logged (names, ids, addresses) also refuse bidirectional-text
    controls and line separators; a secret is never shown, so those may be part of it.
    """
    if has_surrogates(value):
        return PROBLEM_NOT_TEXT
    if any(is_control(ch) for ch in value):
        return PROBLEM_CONTROL
    if not secret:
        if any(ch in LINE_SEPARATORS for ch in value):
            return PROBLEM_CONTROL
        if any(ch in BIDI_CONTROLS for ch in value):
            return PROBLEM_BIDI
    return None
