"""ESWS's documented refusal strings, what each means for the user, and how a token looks."""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.esws.request import FIELD_ADMIN, FIELD_COMPANY_ID, FIELD_PASSWORD, FIELD_USER


@dataclass(frozen=True)
class RefusalInfo:
    advice: str
    field: str | None


# In the order ESWS checks them (getSyncToken documentation).
REFUSALS: dict[str, RefusalInfo] = {
    "ERROR_NO_SECURITY_HASH": RefusalInfo(
        "ESWS received no security code. Enter the 32-character company security code.",
        FIELD_COMPANY_ID,
    ),
    "ERROR_UNKNOWN_SECURITY_HASH": RefusalInfo(
        "No company has this security code. Check the code Identysoft gave you, character "
        "for character, and that this endpoint is your company's ESWS.",
        FIELD_COMPANY_ID,
    ),
    "NO USERNAME PROVIDED": RefusalInfo(
        "ESWS received no admin username. Enter the username of an I3 administrator.",
        FIELD_ADMIN,
    ),
    "NO PASSWORD PROVIDED": RefusalInfo(
        "ESWS received no password. Enter the I3 administrator's password.",
        FIELD_PASSWORD,
    ),
    "NO USERID PROVIDED": RefusalInfo(
        "ESWS received no user id. Enter the I3 id of the person to synchronise.",
        FIELD_USER,
    ),
    "NO ADMIN FOUND BASED ON USERNAME AND PASSWORD": RefusalInfo(
        "The admin username and password do not match an I3 administrator of this company. "
        "Check both (passwords are case-sensitive).",
        FIELD_PASSWORD,
    ),
    "NO USER FOUND BASED ON THE ID PROVIDED": RefusalInfo(
        "I3 has no user with this id. Check the user id in I3.",
        FIELD_USER,
    ),
}

# Tokens seen so far are 128 hex characters; accept any reasonable URL-path-safe string so that a
# change of token format on the vendor's side does not break syncing, but never HTML or spaces.
_TOKEN = re.compile(r"[A-Za-z0-9._~-]{16,512}")


def looks_like_token(value: str) -> bool:
    """True when ``value`` can safely become the last segment of an I3 URL."""
    return bool(_TOKEN.fullmatch(value))
