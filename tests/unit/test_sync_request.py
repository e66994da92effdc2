"""Validation before anything is sent: every field named, the security code kept byte-exact."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.errors import InputError
from desktop.esws.request import (
    FIELD_ADMIN,
    FIELD_COMPANY_ID,
    FIELD_LOCATION,
    FIELD_PASSWORD,
    FIELD_USER,
    SyncKind,
    build_request,
    parse_location,
    validation_problems,
)

CODE = "^4p;tU0Q+#dEIhTWkuj5FnLD^aKWqVu0"


def one(**overrides: object) -> dict[str, object]:
    values: dict[str, object] = {
        "company_id": CODE,
        "admin_username": "hradmin",
        "admin_password": "secret",
        "user_id": "42",
        "location": None,
    }
    values.update(overrides)
    return values


def test_valid_one_user_request_keeps_the_code_byte_exact() -> None:
    padded = " " + CODE[1:]  # a leading space is part of a 32-character code, not trimmed
    request = build_request(SyncKind.ONE_USER, **one(company_id=padded, location="7"))  # type: ignore[arg-type]
    assert request.company_id == padded
    assert request.location_id == 7
    assert request.user_id == "42"


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"company_id": ""}, FIELD_COMPANY_ID),
        ({"company_id": CODE[:-1]}, FIELD_COMPANY_ID),
        ({"company_id": CODE + "x"}, FIELD_COMPANY_ID),
        ({"admin_username": "  "}, FIELD_ADMIN),
        ({"admin_password": ""}, FIELD_PASSWORD),
        ({"user_id": ""}, FIELD_USER),
        ({"location": "0"}, FIELD_LOCATION),
        ({"location": "-3"}, FIELD_LOCATION),
        ({"location": "3.5"}, FIELD_LOCATION),
        ({"location": "abc"}, FIELD_LOCATION),
        ({"location": "٣"}, FIELD_LOCATION),  # a non-ASCII digit is not a location id
        ({"location": str(2**31)}, FIELD_LOCATION),
    ],
)
def test_each_invalid_field_is_named(overrides: dict[str, object], field: str) -> None:
    with pytest.raises(InputError) as caught:
        build_request(SyncKind.ONE_USER, **one(**overrides))  # type: ignore[arg-type]
    assert caught.value.field == field


def test_length_message_counts_characters_not_value() -> None:
    with pytest.raises(InputError) as caught:
        build_request(SyncKind.ONE_USER, **one(company_id="tooshort"))  # type: ignore[arg-type]
    assert "got 8" in str(caught.value)
    assert "tooshort" not in str(caught.value)


def test_total_sync_ignores_user_and_location() -> None:
    request = build_request(
        SyncKind.ALL_USERS, company_id=CODE, admin_username="a", admin_password="p", user_id="9"
    )
    assert request.user_id == ""
    assert request.location_id is None


def test_empty_location_means_none() -> None:
    assert parse_location("") is None
    assert parse_location("  ") is None
    assert parse_location(None) is None
    assert parse_location(" 12 ") == 12


def test_validation_problems_lists_every_problem_at_once() -> None:
    problems = validation_problems(
        SyncKind.ONE_USER,
        company_id="x",
        admin_username="",
        admin_password="",
        user_id="",
        location="no",
    )
    assert set(problems) == {
        FIELD_COMPANY_ID,
        FIELD_ADMIN,
        FIELD_PASSWORD,
        FIELD_USER,
        FIELD_LOCATION,
    }


def test_validation_problems_skips_user_fields_for_total_sync() -> None:
    problems = validation_problems(
        SyncKind.ALL_USERS, company_id=CODE, admin_username="a", admin_password="p"
    )
    assert problems == {}


def test_repr_hides_secrets() -> None:
    request = build_request(SyncKind.ONE_USER, **one(admin_password="hunter2-pw"))  # type: ignore[arg-type]
    text = repr(request)
    assert CODE not in text
    assert "hunter2-pw" not in text
    assert "hradmin" in text


def test_characters_above_latin1_are_reported_per_field() -> None:
    request = build_request(
        SyncKind.ONE_USER,
        **one(admin_username="Ștefan", user_id="Zoë"),  # type: ignore[arg-type]
    )
    assert request.non_latin1_fields() == [FIELD_ADMIN]


@given(st.text(max_size=40))
def test_any_text_location_is_valid_or_named(text: str) -> None:
    try:
        value = parse_location(text)
    except InputError as error:
        assert error.field == FIELD_LOCATION
    else:
        assert value is None or value > 0


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"admin_username": "hr\x1badmin"}, FIELD_ADMIN),
        ({"admin_username": "hr\nadmin"}, FIELD_ADMIN),
        ({"admin_username": "hr\u202eadmin"}, FIELD_ADMIN),
        ({"user_id": "4\x002"}, FIELD_USER),
        ({"user_id": "4\x852"}, FIELD_USER),
        ({"user_id": "\u2066" + "42"}, FIELD_USER),
        ({"user_id": "4\udcff2"}, FIELD_USER),
        ({"admin_password": "pass\udcffword"}, FIELD_PASSWORD),
        ({"admin_password": "pass\x7fword"}, FIELD_PASSWORD),
        ({"company_id": CODE[:31] + "\x1b"}, FIELD_COMPANY_ID),
        ({"company_id": CODE[:31] + "\udcff"}, FIELD_COMPANY_ID),
        ({"location": "9" * 5000}, FIELD_LOCATION),  # int() alone would raise ValueError
    ],
)
def test_values_that_cannot_be_sent_are_refused_naming_the_field(
    overrides: dict[str, object], field: str
) -> None:
    with pytest.raises(InputError) as caught:
        build_request(SyncKind.ONE_USER, **one(**overrides))  # type: ignore[arg-type]
    assert caught.value.field == field
    for value in overrides.values():
        assert str(value) not in str(caught.value)
    problems = validation_problems(SyncKind.ONE_USER, **one(**overrides))  # type: ignore[arg-type]
    assert field in problems


def test_a_secret_may_hold_any_printable_character() -> None:
    request = build_request(
        SyncKind.ALL_USERS,
        **one(admin_password="p\u202e ä €"),  # type: ignore[arg-type]
    )
    assert request.admin_password == "p\u202e ä €"
