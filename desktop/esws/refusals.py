"""ESWS's documented refusal strings, what each means for the user, and how a token looks."""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.core.errors import VendorRefusal
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.text import one_line
from desktop.esws.request import FIELD_ADMIN, FIELD_COMPANY_ID, FIELD_PASSWORD, FIELD_USER


@dataclass(frozen=True)
class RefusalInfo:
    advice: str
    field: str | None


# In the order ESWS checks them (getSyncToken documentation).
REFUSALS: dict[str, RefusalInfo] = {
    "ERROR_NO_SECURITY_HASH": RefusalInfo(
        QT_TRANSLATE_NOOP(
            "Refusals",
            "I3 received no security code. Enter the 32-character company security code.",
        ),
        FIELD_COMPANY_ID,
    ),
    "ERROR_UNKNOWN_SECURITY_HASH": RefusalInfo(
        QT_TRANSLATE_NOOP(
            "Refusals",
            "Check the security code Identysoft gave you, character for character, and that the "
            "profile's ESWS address is your company's.",
        ),
        FIELD_COMPANY_ID,
    ),
    "NO USERNAME PROVIDED": RefusalInfo(
        QT_TRANSLATE_NOOP(
            "Refusals",
            "I3 received no admin username. Enter the username of an I3 administrator.",
        ),
        FIELD_ADMIN,
    ),
    "NO PASSWORD PROVIDED": RefusalInfo(
        QT_TRANSLATE_NOOP(
            "Refusals", "I3 received no password. Enter the I3 administrator's password."
        ),
        FIELD_PASSWORD,
    ),
    "NO USERID PROVIDED": RefusalInfo(
        QT_TRANSLATE_NOOP(
            "Refusals",
            "I3 received no user id. Enter the I3 id of the person to synchronise.",
        ),
        FIELD_USER,
    ),
    "NO ADMIN FOUND BASED ON USERNAME AND PASSWORD": RefusalInfo(
        QT_TRANSLATE_NOOP(
            "Refusals",
            "The admin username and password do not match an I3 administrator of this company. "
            "Check both (passwords are case-sensitive).",
        ),
        FIELD_PASSWORD,
    ),
    "NO USER FOUND BASED ON THE ID PROVIDED": RefusalInfo(
        QT_TRANSLATE_NOOP("Refusals", "Check the person's user id in I3."),
        FIELD_USER,
    ),
}

# The advice of an undocumented refusal. The window shows every refusal's advice translated
# (context "Refusals"); the command line prints the English.
UNKNOWN_REFUSAL_ADVICE = QT_TRANSLATE_NOOP(
    "Refusals",
    "I3 refused with a message this version does not know. Check the security code, the admin "
    "username and password, and the user id; if they are right, ask Identysoft what it means.",
)
MAX_CODE_LENGTH = 80

# What ESWS returns is either a token or an error string, in the same <return> element, so the
# client must tell them apart without a list of every error the vendor may add. The rule, in one
# place (checked in this order):
#
# 1. A documented refusal (REFUSALS), exactly: its own advice.
# 2. An error word: an unknown refusal (exit 3, the sanitised text as its code). A return is an
#    error word when it
#    - starts with "ERROR" in any case (ERROR_SOMETHING_NEW, error_unknown_security_hash);
#    - is a documented code in another case, or with "_" and " " swapped;
#    - is two or more words of letters only joined by underscores, in any case
#      (INTERNAL_SERVER_ERROR, internal_server_error);
#    - is made of capital letters, spaces and underscores only (NO SUCH COMPANY, MAINTENANCE).
#    Words in lower or mixed case separated by spaces ("Service Unavailable") are not the
#    vendor's style: they fall to rule 4.
# 3. A token: 16 to 512 URL-path-safe characters (letters, digits, "._~-") with at least one
#    digit or lower-case letter. Tokens seen so far are 128 lower-case hex characters; a change
#    of token format on the vendor's side must not break syncing, so any such string passes, but
#    never HTML, spaces or an error word.
# 4. Anything else: an unexpected reply (exit 4), never a URL.
_TOKEN = re.compile(r"[A-Za-z0-9._~-]{16,512}")
_HAS_DIGIT_OR_LOWER = re.compile(r"[0-9a-z]")
_WORDS = re.compile(r"[A-Za-z]+(?:_+[A-Za-z]+)+")
_CAPITALS = re.compile(r"[A-Z][A-Z _]*")


def _folded(code: str) -> str:
    return code.replace("_", " ").casefold()


_DOCUMENTED_FOLDED = frozenset(_folded(code) for code in REFUSALS)


def looks_like_error_word(value: str) -> bool:
    """True when ``value`` reads like one of the vendor's error strings (rule 2 above)."""
    return (
        value[:5].upper() == "ERROR"
        or _folded(value) in _DOCUMENTED_FOLDED
        or bool(_WORDS.fullmatch(value))
        or bool(_CAPITALS.fullmatch(value))
    )


def looks_like_token(value: str) -> bool:
    """True when ``value`` is a plausible token that can safely end an I3 URL (rule 3 above)."""
    return (
        bool(_TOKEN.fullmatch(value))
        and bool(_HAS_DIGIT_OR_LOWER.search(value))
        and not looks_like_error_word(value)
    )


def unknown_refusal(value: str) -> VendorRefusal | None:
    """The refusal an undocumented error word stands for, or ``None`` when it is not one.

    The code shown is the server's text made safe: one line, no control or bidi characters,
    at most :data:`MAX_CODE_LENGTH` characters.
    """
    if value in REFUSALS or not looks_like_error_word(value):
        return None
    return VendorRefusal(one_line(value, MAX_CODE_LENGTH), UNKNOWN_REFUSAL_ADVICE)
