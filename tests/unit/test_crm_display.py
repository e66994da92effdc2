"""CRM.COM refusals and what the panel says about tokens and errors (no Qt needed)."""

from __future__ import annotations

import pytest

from desktop.core.errors import InputError, TransportError, TransportProblem, VendorRefusal
from desktop.core.text import one_line
from desktop.crm.codes import (
    CODE_INVALID_ACCESS_TOKEN,
    CODE_INVALID_LOGIN,
    HINTS,
    CrmRefusal,
    field_for,
)
from desktop.crm.credentials import (
    FIELD_AUTH_CODE,
    FIELD_IDENTIFIER,
    FIELD_ORGANISATION,
    FIELD_PASS_CODE,
    FIELD_PASSWORD,
    LoginMode,
)
from desktop.crm.display import (
    clock_time,
    countdown,
    describe_error,
    describe_problems,
    validity_text,
    vault_profile,
)
from desktop.crm.token import CrmToken
from tests.crm_support import T0

HEX = "4AD9C84FA60F9FE407140E20F707726A"


def test_a_refusal_carries_code_message_description_and_advice() -> None:
    refusal = CrmRefusal(CODE_INVALID_LOGIN, "Invalid username or password", "Locked after 5")
    assert isinstance(refusal, VendorRefusal)
    assert refusal.code == CODE_INVALID_LOGIN
    assert (refusal.vendor_message, refusal.description) == (
        "Invalid username or password",
        "Locked after 5",
    )
    assert refusal.advice.startswith("Invalid username or password — Locked after 5 — ")
    assert HINTS[CODE_INVALID_LOGIN].advice in refusal.advice
    assert str(refusal).startswith("INVALID_LOGIN: ")


def test_an_unknown_code_without_texts_still_says_something() -> None:
    refusal = CrmRefusal("SOMETHING_NEW")
    assert refusal.advice == "CRM.COM refused the request without saying why."
    assert refusal.field is None


@pytest.mark.parametrize(
    ("code", "mode", "field"),
    [
        (CODE_INVALID_ACCESS_TOKEN, LoginMode.IDENTIFIER, FIELD_PASS_CODE),
        (CODE_INVALID_ACCESS_TOKEN, LoginMode.AUTH_CODE, FIELD_AUTH_CODE),
        (CODE_INVALID_ACCESS_TOKEN, None, FIELD_IDENTIFIER),
        (CODE_INVALID_LOGIN, LoginMode.USERNAME, FIELD_PASSWORD),
        ("ORGANISATION_NOT_FOUND", LoginMode.USERNAME, FIELD_ORGANISATION),
        ("SOMETHING_NEW", LoginMode.USERNAME, None),
    ],
)
def test_refusals_point_at_the_field_to_fix(
    code: str, mode: LoginMode | None, field: str | None
) -> None:
    assert field_for(code, mode) == field


def test_one_line_removes_line_breaks_and_caps_length() -> None:
    assert one_line("a\r\nb\tc\x00d") == "a b c d"
    assert one_line("x" * 50, 10) == "x" * 9 + "…"


def test_countdown() -> None:
    assert countdown(3599.9) == "59:59"
    assert countdown(7200) == "2:00:00"
    assert countdown(61) == "1:01"
    assert countdown(-5) == "0:00"


def test_validity_text_never_shows_the_token() -> None:
    token = CrmToken(HEX, T0, T0 + 3600)
    live = validity_text(token, T0 + 1)
    assert live.startswith("Token ••••726A valid for 59:59 (until ")
    assert HEX not in live
    assert "expired at" in validity_text(token, T0 + 3600)
    assert validity_text(token, T0, busy=True).endswith("Getting a new one…")
    assert validity_text(None, T0) == "No token yet."
    assert validity_text(None, T0, busy=True) == "Getting a token from CRM.COM…"


def test_describe_error() -> None:
    refusal = CrmRefusal("INVALID_ACCESS_TOKEN", "Invalid authentication code")
    assert describe_error(refusal).startswith("INVALID_ACCESS_TOKEN: CRM.COM refused the login.")
    transport = TransportError("https://crm.example/x", TransportProblem.TLS, "self-signed")
    assert describe_error(transport) == (
        "Could not get a token from https://crm.example/x: "
        "TLS certificate or handshake failed (self-signed)."
    )
    assert describe_error(InputError("organisation", "is required")) == (
        "Check the organisation: is required."
    )
    assert "secret-value" not in describe_error(ValueError("secret-value"))
    assert describe_problems(
        [InputError("unit", "bad"), InputError("pass code", "is required")]
    ) == ("Check the unit: bad. Check the pass code: is required.")


def test_vault_profile() -> None:
    assert vault_profile(" CRMDEMO ") == "crm:CRMDEMO"


@pytest.mark.parametrize("moment", [1e308, float("inf"), -1e308, float("nan"), 253402300800.0])
def test_clock_time_is_total(moment: float) -> None:
    assert clock_time(moment) is None


@pytest.mark.parametrize("seconds", [1e308, float("inf")])
def test_countdown_is_total(seconds: float) -> None:
    assert countdown(seconds) == "more than 99 days"


def test_countdown_of_nan_and_negative_is_zero() -> None:
    assert countdown(float("nan")) == "0:00"
    assert countdown(-5) == "0:00"


def test_validity_text_of_a_token_beyond_year_9999_never_raises() -> None:
    token = CrmToken("x" * 40, T0, 1e308, from_jwt=True)
    # A time that cannot be shown is left out of a whole sentence, never worded into one.
    assert validity_text(token, T0) == "Token ••••xxxx valid for more than 99 days."
    assert validity_text(token, float("inf")) == "Token ••••xxxx has expired."
