"""Reading untrusted JSON with a bound on nesting: never a RecursionError.

Python's ``json`` recurses once per level, so 400 KB of ``[[[[...`` (a CRM.COM reply, a JWT
payload nested 3,000 deep, or a line another process wrote to the single-instance socket) raises
``RecursionError`` instead of a ``ValueError``. :func:`loads` measures the nesting first, with one
pass over the brackets outside strings, and refuses anything deeper than any real message with a
``ValueError``, which callers already treat as "not JSON".
"""

from __future__ import annotations

import re
from typing import Any

# Real messages (CRM.COM replies, JWT claims, single-instance requests) nest a few levels; a
# hundred is far beyond any of them.
MAX_JSON_DEPTH = 100

# A JSON string (its brackets are not structure); escapes consume the character they escape.
_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")
_OPENERS = frozenset(b"[{")


def nesting_depth(data: bytes, limit: int = MAX_JSON_DEPTH) -> int:
    """How deep brackets nest outside strings in ``data``; stops counting past ``limit``."""
    skeleton = _STRING.sub(b"", data).translate(None, _NOT_BRACKETS)
    depth = deepest = 0
    for byte in skeleton:
        if byte in _OPENERS:
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > limit:
                    break
        else:
            depth -= 1
    return deepest


def loads(data: bytes | str, max_depth: int = MAX_JSON_DEPTH) -> Any:
    """``json.loads`` that raises ``ValueError`` (never ``RecursionError``) for deep nesting.

    Also ``ValueError`` for anything ``json.loads`` refuses (bad syntax, bad UTF-8, an integer
    of more digits than Python converts).
    """
    import json  # when a message comes, not at start-up (the single-instance socket imports this)

    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    if nesting_depth(raw, max_depth) > max_depth:
        raise ValueError(f"JSON nested deeper than {max_depth} levels")
    try:
        return json.loads(raw)
    except RecursionError:  # a smaller stack than expected (a thread): still "not JSON"
        raise ValueError("JSON nested too deep") from None
