"""Keeping secrets out of logs: a registry of values never to print and a logging filter.

Every secret the app handles (security code, passwords, tokens) is registered here as soon as it
is read; the filter, installed on every log handler, replaces them and anything shaped like them
(SOAP secret elements, 128-hex tokens, JSON password fields) before a record is written.
"""

from __future__ import annotations

import functools
import logging
import re
import threading
from collections.abc import Iterable
from urllib.parse import quote, quote_plus

from desktop.core.text import without_surrogates

MASK = "[redacted]"

_lock = threading.Lock()
# Insertion-ordered, most recently registered last. Bounded: every sync registers a one-time
# token, and an unbounded set made each log line's pattern grow without end (the soak saw 0.1 s
# and megabytes per compiled pattern after a thousand syncs). What goes first is the oldest value
# the shape patterns below mask anyway (spent tokens); a password or security code goes only
# when more than MAX_SECRETS of them are kept.
_secrets: dict[str, re.Pattern[str]] = {}  # each value with the pattern of its spellings
MAX_SECRETS = 64

_HEX_RUN = re.compile(r"\b[0-9a-fA-F]{32,}\b")
_JWT = re.compile(r"\beyJ[\w-]+\.[\w-]+\.[\w-]*")

_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    # SOAP elements that carry secrets, with or without attributes and namespace prefix.
    (
        re.compile(
            r"(<(?:\w+:)?(?:p_companyID|p_adminPassword|return)\b[^>]*>)(.*?)(</)",
            re.IGNORECASE | re.DOTALL,
        ),
        rf"\1{MASK}\3",
    ),
    # JSON fields holding secrets (CRM.COM).
    (
        re.compile(
            r'("(?:password|pass_code|authentication_code|token)"\s*:\s*")((?:[^"\\]|\\.)*)(")',
            re.IGNORECASE,
        ),
        rf"\1{MASK}\3",
    ),
    # I3 sync URLs end in the token.
    (re.compile(r"(SyncUsersLogin/|SyncUserLogin/)[^\s\"'<>]+"), rf"\1{MASK}"),
    # Long hex runs look like ESWS tokens or CRM.COM session ids.
    (_HEX_RUN, MASK),
    # JWTs.
    (_JWT, MASK),
]

MIN_SECRET_LENGTH = 3


def register_secret(*values: str) -> None:
    """Remember values that must never reach a log (very short ones would mask everything)."""
    with _lock:
        for value in values:
            if value and len(value) >= MIN_SECRET_LENGTH:
                _secrets[value] = _secrets.pop(value) if value in _secrets else _pattern_for(value)
        while len(_secrets) > MAX_SECRETS:
            shaped = (value for value in _secrets if _masked_by_shape(value))
            del _secrets[next(shaped, next(iter(_secrets)))]


def _masked_by_shape(value: str) -> bool:
    """True for a value the token-shape patterns mask whole (ESWS tokens, CRM.COM ids, JWTs)."""
    return bool(_HEX_RUN.fullmatch(value) or _JWT.fullmatch(value))


def forget_secrets() -> None:
    with _lock:
        _secrets.clear()


def scrub(text: str, extra: Iterable[str] = ()) -> str:
    """``text`` with registered secrets, ``extra`` values and secret-shaped strings masked.

    A secret is found in any letter case, raw or escaped (XML, URL, JSON), and as the servers
    may echo it: after NuSOAP's conversion to ISO-8859-1 (characters above U+00FF become ``?``)
    and as UTF-8 bytes read as Latin-1 (or the reverse).
    """
    with _lock:
        known = dict(_secrets)
    for value in extra:
        if value and value not in known:
            known[value] = _pattern_for(value)
    # Longest first, so that a secret containing another is masked whole.
    for value in sorted(known, key=len, reverse=True):
        text = known[value].sub(MASK, text)
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


@functools.lru_cache(maxsize=2 * MAX_SECRETS)
def _pattern_for(value: str) -> re.Pattern[str]:
    """Every spelling of ``value`` a log line may hold, in any letter case, longest first.

    Compiled once per secret: a single alternation over all secrets, compiled anew whenever one
    was added, filled re's pattern cache with ever larger patterns.
    """
    forms = {form for variant in _variants(value) for form in _spellings(variant)}
    forms.discard("")
    ordered = sorted(forms, key=len, reverse=True)
    return re.compile("|".join(re.escape(form) for form in ordered), re.IGNORECASE)


def _variants(value: str) -> set[str]:
    """``value`` and what a server may echo of it after a character-set conversion."""
    variants = {value}
    if not value.isascii():
        # Mojibake: UTF-8 bytes shown as Latin-1.
        variants.add(value.encode("utf-8", "surrogateescape").decode("latin-1"))
    if sum(ord(ch) <= 0xFF for ch in value) >= MIN_SECRET_LENGTH:
        # NuSOAP converts the request to ISO-8859-1: what it cannot represent becomes "?";
        # and Latin-1 bytes read back as UTF-8 turn the accented letters into U+FFFD. Only
        # when enough of the secret survives: "????" alone tells nothing and is common text.
        variants.add("".join(ch if ord(ch) <= 0xFF else "?" for ch in value))
        variants.add(value.encode("latin-1", "replace").decode("utf-8", "replace"))
    return variants


def _spellings(value: str) -> list[str]:
    import json  # only once a secret is registered: not on the way to the window's first paint

    xml = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    # surrogateescape: a value read from a non-UTF-8 environment must not crash the filter.
    url = quote(value, safe="", errors="surrogateescape")
    url_plus = quote_plus(value, errors="surrogateescape")
    forms = [value, xml, url, url_plus, json.dumps(value)[1:-1]]
    return sorted(set(forms), key=len, reverse=True)


class RedactingFilter(logging.Filter):
    """Rewrites each record's final message (and traceback text) with :func:`scrub`."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a broken format string must not hide the record
            message = str(record.msg)
        # Lone surrogates (bytes that were not valid text) become U+FFFD: a UTF-8 log file
        # could not write them, and logging would print its own traceback to stderr.
        record.msg = without_surrogates(scrub(message))
        record.args = None
        if record.exc_info:
            formatter = logging.Formatter()
            record.exc_text = without_surrogates(scrub(formatter.formatException(record.exc_info)))
            record.exc_info = None
        if record.stack_info:
            record.stack_info = without_surrogates(scrub(record.stack_info))
        return True
