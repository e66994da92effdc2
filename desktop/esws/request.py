"""What the user asks ESWS for, and the checks made before anything is sent."""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass, field

from desktop.core.errors import InputError
from desktop.core.i18n import QT_TRANSLATE_NOOP

# Shared with the other connector's forms (re-exported: this module's callers know them here).
from desktop.core.text import FIELD_PASSWORD as FIELD_PASSWORD
from desktop.core.text import PROBLEM_REQUIRED as PROBLEM_REQUIRED
from desktop.core.text import text_problem

SECURITY_CODE_LENGTH = 32
MAX_LOCATION_DIGITS = 10  # 2**31 - 1 has ten

# Field names as the user sees them; InputError.field carries one of these (the window shows
# them translated, under the context "Fields").
FIELD_COMPANY_ID = QT_TRANSLATE_NOOP("Fields", "security code")
FIELD_ADMIN = QT_TRANSLATE_NOOP("Fields", "admin username")
FIELD_USER = QT_TRANSLATE_NOOP("Fields", "user id")
FIELD_LOCATION = QT_TRANSLATE_NOOP("Fields", "location id")

# What is wrong with a field, said after its name; InputError.template carries one of these.
PROBLEM_COMPANY_ID_EMPTY = QT_TRANSLATE_NOOP(
    "Input", "is empty; paste the 32-character code from Identysoft"
)
PROBLEM_COMPANY_ID_LENGTH = QT_TRANSLATE_NOOP(
    "Input", "must be exactly {length} characters, got {count}"
)
PROBLEM_NOT_WHOLE = QT_TRANSLATE_NOOP("Input", "must be a whole number, or empty for none")
PROBLEM_TOO_LARGE = QT_TRANSLATE_NOOP("Input", "is too large")
PROBLEM_NOT_POSITIVE = QT_TRANSLATE_NOOP("Input", "must be a positive number, or empty for none")


class SyncKind(enum.Enum):
    """One user (getSyncToken) or all users (getTotalSyncToken)."""

    ONE_USER = "one"
    ALL_USERS = "total"


@dataclass(frozen=True)
class SyncRequest:
    """A validated request for a sync token. Secrets are kept out of ``repr``."""

    kind: SyncKind
    company_id: str = field(repr=False)
    admin_username: str
    admin_password: str = field(repr=False)
    user_id: str = ""
    location_id: int | None = None

    def non_latin1_fields(self) -> list[str]:
        """Fields holding characters above U+00FF, which I3 stores as ``?``."""
        values = {
            FIELD_COMPANY_ID: self.company_id,
            FIELD_ADMIN: self.admin_username,
            FIELD_PASSWORD: self.admin_password,
            FIELD_USER: self.user_id,
        }
        return [name for name, value in values.items() if not is_latin1(value)]


def is_latin1(value: str) -> bool:
    """True when every character survives NuSOAP's conversion to ISO-8859-1."""
    return all(ord(ch) <= 0xFF for ch in value)


def check_text(field_name: str, value: str, *, secret: bool = False) -> str:
    """``value`` if it can be sent: no bytes that are not text, no control characters.

    Shown fields (admin username, user id) also refuse bidirectional-text controls; secrets
    (security code, password) are never shown, so only what cannot be sent is refused. The
    message names the field and never the value.
    """
    problem = text_problem(value, secret=secret)
    if problem is not None:
        raise InputError(field_name, template=problem)
    return value


def check_company_id(value: str) -> str:
    """The security code exactly as given (never stripped: it may hold any printable character)."""
    if not value:
        raise InputError(FIELD_COMPANY_ID, template=PROBLEM_COMPANY_ID_EMPTY)
    check_text(FIELD_COMPANY_ID, value, secret=True)
    if len(value) != SECURITY_CODE_LENGTH:
        raise InputError(
            FIELD_COMPANY_ID,
            template=PROBLEM_COMPANY_ID_LENGTH,
            values={"length": SECURITY_CODE_LENGTH, "count": len(value)},
        )
    return value


def check_required(field_name: str, value: str, *, secret: bool = False) -> str:
    """A required text field: not empty, not only white space, and sendable (:func:`check_text`)."""
    if not value.strip():
        raise InputError(field_name, template=PROBLEM_REQUIRED)
    return check_text(field_name, value, secret=secret)


def parse_location(text: str | int | None) -> int | None:
    """An optional location id: empty means none, otherwise a positive whole number."""
    if text is None:
        return None
    if isinstance(text, int):
        number = text
    else:
        stripped = text.strip()
        if not stripped:
            return None
        if not stripped.isascii() or not stripped.isdigit():
            raise InputError(FIELD_LOCATION, template=PROBLEM_NOT_WHOLE)
        if len(stripped.lstrip("0")) > MAX_LOCATION_DIGITS:
            # Before int(): Python refuses to convert more than 4,300 digits (ValueError).
            raise InputError(FIELD_LOCATION, template=PROBLEM_TOO_LARGE)
        number = int(stripped)
    if number <= 0:
        raise InputError(FIELD_LOCATION, template=PROBLEM_NOT_POSITIVE)
    if number > 2**31 - 1:
        raise InputError(FIELD_LOCATION, template=PROBLEM_TOO_LARGE)
    return number


def build_request(
    kind: SyncKind,
    *,
    company_id: str,
    admin_username: str,
    admin_password: str,
    user_id: str = "",
    location: str | int | None = None,
) -> SyncRequest:
    """Validate the inputs in form order and return a request, or raise ``InputError``."""
    check_company_id(company_id)
    check_required(FIELD_ADMIN, admin_username)
    check_required(FIELD_PASSWORD, admin_password, secret=True)
    location_id: int | None = None
    if kind is SyncKind.ONE_USER:
        check_required(FIELD_USER, user_id)
        location_id = parse_location(location)
    else:
        user_id = ""
    return SyncRequest(
        kind=kind,
        company_id=company_id,
        admin_username=admin_username,
        admin_password=admin_password,
        user_id=user_id.strip(),
        location_id=location_id,
    )


def validation_problems(
    kind: SyncKind,
    *,
    company_id: str,
    admin_username: str,
    admin_password: str,
    user_id: str = "",
    location: str = "",
) -> dict[str, InputError]:
    """Every problem of a form at once, keyed by field name (for inline messages)."""
    checks: list[tuple[str, Callable[[], object]]] = [
        (FIELD_COMPANY_ID, lambda: check_company_id(company_id)),
        (FIELD_ADMIN, lambda: check_required(FIELD_ADMIN, admin_username)),
        (FIELD_PASSWORD, lambda: check_required(FIELD_PASSWORD, admin_password, secret=True)),
    ]
    if kind is SyncKind.ONE_USER:
        checks.append((FIELD_USER, lambda: check_required(FIELD_USER, user_id)))
        checks.append((FIELD_LOCATION, lambda: parse_location(location)))
    problems: dict[str, InputError] = {}
    for name, check in checks:
        try:
            check()
        except InputError as error:
            problems[name] = error
    return problems
