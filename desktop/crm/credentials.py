"""What CRM.COM's ``POST authentication/token`` needs, and the document's conditions, checked here.

The three ways to log in (CRM.COM's "authentication/token" page): a username and password, an
access token's identifier with its pass code, or an access token's authentication code. The
organisation is always mandatory; the unit is optional (the user's default unit otherwise).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any

from desktop.core.errors import InputError
from desktop.core.i18n import QT_TRANSLATE_NOOP

# Shared with the other connector's forms (re-exported: this module's callers know them here).
from desktop.core.text import FIELD_PASSWORD as FIELD_PASSWORD
from desktop.core.text import PROBLEM_REQUIRED as PROBLEM_REQUIRED
from desktop.core.text import PROBLEM_TOO_LONG as PROBLEM_TOO_LONG
from desktop.core.text import text_problem

# Field names as the user sees them; InputError.field carries one of these (the window
# translates them, context "Fields").
FIELD_URL = QT_TRANSLATE_NOOP("Fields", "CRM.COM address")
FIELD_ORGANISATION = QT_TRANSLATE_NOOP("Fields", "organisation")
FIELD_UNIT = QT_TRANSLATE_NOOP("Fields", "unit")
FIELD_USERNAME = QT_TRANSLATE_NOOP("Fields", "username")
FIELD_IDENTIFIER = QT_TRANSLATE_NOOP("Fields", "access token identifier")
FIELD_PASS_CODE = QT_TRANSLATE_NOOP("Fields", "pass code")
FIELD_AUTH_CODE = QT_TRANSLATE_NOOP("Fields", "authentication code")

EXAMPLE_URL = "https://crm.example.com/crmapi/rest/v2"

# Nothing legitimate is this long; a pasted document is a mistake worth naming.
MAX_FIELD_LENGTH = 1024


class LoginMode(enum.Enum):
    """How the administrator proves who they are; the value is the CLI's spelling."""

    USERNAME = "username"
    IDENTIFIER = "identifier"
    AUTH_CODE = "authentication-code"

    @property
    def label(self) -> str:
        """The mode in the user's words (English; marked in the context "CrmForm")."""
        return _MODE_LABELS[self]

    @property
    def secret_key(self) -> str:
        """The keyword of :func:`build_credentials` that holds this mode's secret."""
        return _MODE_FIELDS[self][-1][1]

    @property
    def secret_field(self) -> str:
        """The user's name for this mode's secret (``password``, ``pass code``, ...)."""
        return _MODE_FIELDS[self][-1][0]


# The CRM.COM tab shows them translated (context "CrmForm").
_MODE_LABELS = {
    LoginMode.USERNAME: QT_TRANSLATE_NOOP("CrmForm", "Username and password"),
    LoginMode.IDENTIFIER: QT_TRANSLATE_NOOP("CrmForm", "Access token identifier and pass code"),
    LoginMode.AUTH_CODE: QT_TRANSLATE_NOOP("CrmForm", "Access token authentication code"),
}


@dataclass(frozen=True)
class CrmCredentials:
    """A validated login for ``POST authentication/token``. Secrets are kept out of ``repr``."""

    mode: LoginMode
    organisation: str
    unit: str | None = None
    username: str = ""
    password: str = field(default="", repr=False)
    identifier: str = ""
    pass_code: str = field(default="", repr=False)
    authentication_code: str = field(default="", repr=False)

    def secrets(self) -> tuple[str, ...]:
        """The values that must never be printed or logged."""
        return tuple(v for v in (self.password, self.pass_code, self.authentication_code) if v)

    def login_body(self) -> dict[str, Any]:
        """The JSON object CRM.COM expects, with only the fields of this login mode."""
        body: dict[str, Any] = {}
        if self.mode is LoginMode.USERNAME:
            body["username"] = self.username
            body["password"] = self.password
        elif self.mode is LoginMode.IDENTIFIER:
            body["access_token_identifier"] = {
                "identifier": self.identifier,
                "pass_code": self.pass_code,
            }
        else:
            body["access_token_identifier"] = {"authentication_code": self.authentication_code}
        body["organisation"] = self.organisation
        if self.unit:
            body["unit"] = self.unit
        return body


def _plain(field_name: str, value: str, *, required: bool) -> str:
    """A non-secret text field, trimmed; ``InputError`` when required and empty."""
    text = value.strip()
    if required and not text:
        raise InputError(field_name, PROBLEM_REQUIRED)
    _check_length(field_name, text)
    _check_text(field_name, text, secret=False)
    return text


def _secret(field_name: str, value: str) -> str:
    """A secret exactly as given (never trimmed: spaces may be part of it)."""
    if not value:
        raise InputError(field_name, PROBLEM_REQUIRED)
    _check_length(field_name, value)
    _check_text(field_name, value, secret=True)
    return value


def _check_text(field_name: str, value: str, *, secret: bool) -> None:
    # Bytes that are not text cannot be sent; controls are never meant; bidi controls would
    # make a shown value read differently (a secret is never shown). The value is never quoted.
    problem = text_problem(value, secret=secret)
    if problem is not None:
        raise InputError(field_name, problem)


def _check_length(field_name: str, value: str) -> None:
    if len(value) > MAX_FIELD_LENGTH:
        raise InputError(field_name, template=PROBLEM_TOO_LONG, values={"count": MAX_FIELD_LENGTH})


# The fields of each mode, in form order: (field name, keyword, is secret); all required.
_MODE_FIELDS: dict[LoginMode, tuple[tuple[str, str, bool], ...]] = {
    LoginMode.USERNAME: ((FIELD_USERNAME, "username", False), (FIELD_PASSWORD, "password", True)),
    # "pass_code: applicable and mandatory if the identifier is specified"
    LoginMode.IDENTIFIER: (
        (FIELD_IDENTIFIER, "identifier", False),
        (FIELD_PASS_CODE, "pass_code", True),
    ),
    LoginMode.AUTH_CODE: ((FIELD_AUTH_CODE, "authentication_code", True),),
}


def _checked(
    mode: LoginMode, values: dict[str, str]
) -> tuple[dict[str, str], dict[str, InputError]]:
    """(clean values by keyword, problems by field name), checking every field in form order."""
    clean: dict[str, str] = {}
    problems: dict[str, InputError] = {}
    checks: list[tuple[str, str, bool, bool]] = [
        (FIELD_ORGANISATION, "organisation", False, True),
        (FIELD_UNIT, "unit", False, False),
    ]
    checks += [(name, key, secret, True) for name, key, secret in _MODE_FIELDS[mode]]
    for name, key, secret, required in checks:
        value = values.get(key) or ""
        try:
            clean[key] = _secret(name, value) if secret else _plain(name, value, required=required)
        except InputError as error:
            problems[error.field] = error
    return clean, problems


def build_credentials(
    mode: LoginMode,
    *,
    organisation: str,
    unit: str | None = None,
    username: str = "",
    password: str = "",
    identifier: str = "",
    pass_code: str = "",
    authentication_code: str = "",
) -> CrmCredentials:
    """Check the document's conditions; return credentials or raise ``InputError`` (first field).

    Only the fields of ``mode`` are checked and kept; the others are ignored, so a form may pass
    everything it holds.
    """
    clean, problems = _checked(
        mode,
        {
            "organisation": organisation,
            "unit": unit or "",
            "username": username,
            "password": password,
            "identifier": identifier,
            "pass_code": pass_code,
            "authentication_code": authentication_code,
        },
    )
    if problems:
        raise next(iter(problems.values()))
    return CrmCredentials(
        mode,
        clean["organisation"],
        clean["unit"] or None,
        username=clean.get("username", ""),
        password=clean.get("password", ""),
        identifier=clean.get("identifier", ""),
        pass_code=clean.get("pass_code", ""),
        authentication_code=clean.get("authentication_code", ""),
    )


def validation_errors(mode: LoginMode, values: dict[str, str]) -> dict[str, InputError]:
    """Every problem of a form at once, ``{field name: error}`` in form order.

    ``values`` is keyed like :func:`build_credentials`'s keywords; missing keys count as empty.
    """
    return _checked(mode, values)[1]
