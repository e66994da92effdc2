"""The token-plausibility rule (desktop/esws/refusals.py): error words are refusals, not tokens."""

from __future__ import annotations

import pytest

from desktop.esws.refusals import (
    MAX_CODE_LENGTH,
    REFUSALS,
    UNKNOWN_REFUSAL_ADVICE,
    looks_like_error_word,
    looks_like_token,
    unknown_refusal,
)

HEX_TOKEN = "0123456789abcdef" * 8


@pytest.mark.parametrize(
    "value",
    [
        "ERROR_SOMETHING_NEW",
        "INTERNAL_SERVER_ERROR",
        "error_unknown_security_hash",
        "Error: database down",
        "ErrorUnknownSecurityHashXX",
        "no admin found based on username and password",
        "No_Password_Provided",
        "internal_server_error",
        "SERVICE UNAVAILABLE",
        "MAINTENANCEMODEACTIVE",
    ],
)
def test_error_words_are_unknown_refusals_not_tokens(value: str) -> None:
    assert looks_like_error_word(value)
    assert not looks_like_token(value)
    refusal = unknown_refusal(value)
    assert refusal is not None
    assert refusal.code == value
    assert refusal.advice == UNKNOWN_REFUSAL_ADVICE
    assert refusal.field is None


@pytest.mark.parametrize(
    "value",
    [
        HEX_TOKEN,
        HEX_TOKEN.upper(),
        "Zx9_kQ2-bT7.mN4~pL8wR1sV",  # a base64url-like token of another format
        "a" * 16,
        "0" * 512,
    ],
)
def test_tokens_are_accepted(value: str) -> None:
    assert looks_like_token(value)
    assert unknown_refusal(value) is None


@pytest.mark.parametrize(
    "value",
    ["token with spaces", "Service Unavailable", "short", "a/b" * 20, "<html>x</html>", "a" * 513],
)
def test_other_returns_are_neither(value: str) -> None:
    assert not looks_like_token(value)
    assert unknown_refusal(value) is None


def test_documented_codes_keep_their_own_advice() -> None:
    for code in REFUSALS:
        assert unknown_refusal(code) is None
        assert not looks_like_token(code)


def test_an_unknown_code_is_shown_on_one_safe_line() -> None:
    hostile = "ERROR_X\n\x1b[31mERROR_UNKNOWN_SECURITY_HASH: forged\u202e" + "Y" * 500
    refusal = unknown_refusal(hostile)
    assert refusal is not None
    assert "\n" not in refusal.code and "\x1b" not in refusal.code and "\u202e" not in refusal.code
    assert len(refusal.code) <= MAX_CODE_LENGTH
    assert refusal.code.startswith("ERROR_X ")
