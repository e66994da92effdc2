"""CRM.COM's refusals: the typed error, and advice for the status codes we know.

CRM.COM answers every call with ``{"status": {"code", "message", "description"}, "data": ...}``;
a ``code`` other than ``OK`` is a refusal. The vendor document shows only ``OK``. The other codes
below are the login refusals our simulator uses (see ``desktop/simulator/crm.py``); a code we do
not know still becomes a :class:`CrmRefusal` carrying CRM.COM's own message and description.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop.core.errors import VendorRefusal
from desktop.crm.credentials import (
    FIELD_AUTH_CODE,
    FIELD_IDENTIFIER,
    FIELD_ORGANISATION,
    FIELD_PASS_CODE,
    FIELD_PASSWORD,
    FIELD_UNIT,
    LoginMode,
)

STATUS_OK = "OK"

CODE_INVALID_REQUEST = "INVALID_REQUEST"
CODE_ORGANISATION_NOT_FOUND = "ORGANISATION_NOT_FOUND"
CODE_INVALID_LOGIN = "INVALID_LOGIN"
CODE_INVALID_ACCESS_TOKEN = "INVALID_ACCESS_TOKEN"
CODE_UNIT_NOT_FOUND = "UNIT_NOT_FOUND"


@dataclass(frozen=True)
class RefusalHint:
    advice: str
    field: str | None


HINTS: dict[str, RefusalHint] = {
    CODE_INVALID_REQUEST: RefusalHint(
        "CRM.COM could not read the request. Check the CRM.COM address (it should end in the "
        "Web API's base path).",
        None,
    ),
    CODE_ORGANISATION_NOT_FOUND: RefusalHint(
        "CRM.COM has no organisation with this name. Check the organisation.",
        FIELD_ORGANISATION,
    ),
    CODE_INVALID_LOGIN: RefusalHint(
        "The username and password do not match a CRM.COM user of this organisation. "
        "Check both (passwords are case-sensitive).",
        FIELD_PASSWORD,
    ),
    CODE_INVALID_ACCESS_TOKEN: RefusalHint(
        "CRM.COM did not accept the access token. Check the identifier and pass code, or the "
        "authentication code.",
        None,  # which field depends on the login mode: see field_for()
    ),
    CODE_UNIT_NOT_FOUND: RefusalHint(
        "This user cannot log in to that unit. Check the unit id, or leave it empty for the "
        "user's default unit.",
        FIELD_UNIT,
    ),
}


def field_for(code: str, mode: LoginMode | None) -> str | None:
    """The form field a refusal points at, given the login mode used."""
    if code == CODE_INVALID_ACCESS_TOKEN:
        if mode is LoginMode.IDENTIFIER:
            return FIELD_PASS_CODE
        if mode is LoginMode.AUTH_CODE:
            return FIELD_AUTH_CODE
        return FIELD_IDENTIFIER
    hint = HINTS.get(code)
    return hint.field if hint else None


class CrmRefusal(VendorRefusal):
    """CRM.COM answered with a status code other than ``OK``.

    ``code`` is CRM.COM's status code exactly; ``vendor_message`` and ``description`` are its
    texts (one line each, secrets removed); ``advice`` combines them with what to do.
    """

    def __init__(
        self,
        code: str,
        vendor_message: str = "",
        description: str = "",
        *,
        field: str | None = None,
    ) -> None:
        self.vendor_message = vendor_message
        self.description = description
        parts = [p for p in (vendor_message, description) if p]
        hint = HINTS.get(code)
        if hint is not None and hint.advice not in parts:
            parts.append(hint.advice)
        advice = " — ".join(parts) or "CRM.COM refused the request without saying why."
        super().__init__(code, advice, field=field)
