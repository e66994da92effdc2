"""The document's login conditions are checked before anything is sent, naming the field."""

from __future__ import annotations

import pytest

from desktop.core.errors import InputError
from desktop.crm.credentials import (
    FIELD_AUTH_CODE,
    FIELD_IDENTIFIER,
    FIELD_ORGANISATION,
    FIELD_PASS_CODE,
    FIELD_PASSWORD,
    FIELD_UNIT,
    FIELD_USERNAME,
    MAX_FIELD_LENGTH,
    LoginMode,
    build_credentials,
    validation_errors,
)

PASSWORD = " pa55 word "  # spaces are part of it


def test_username_login_body_is_the_documents_example_shape() -> None:
    creds = build_credentials(
        LoginMode.USERNAME,
        organisation="CRMDEMO",
        unit="EE63A82C4FEBE02FF34E90DD1EBA5ABE",
        username="mpadministrator",
        password="1234",
    )
    assert creds.login_body() == {
        "username": "mpadministrator",
        "password": "1234",
        "organisation": "CRMDEMO",
        "unit": "EE63A82C4FEBE02FF34E90DD1EBA5ABE",
    }


def test_identifier_login_nests_identifier_and_pass_code() -> None:
    creds = build_credentials(
        LoginMode.IDENTIFIER, organisation="ORG", identifier="HR-1", pass_code="7391"
    )
    assert creds.login_body() == {
        "access_token_identifier": {"identifier": "HR-1", "pass_code": "7391"},
        "organisation": "ORG",
    }


def test_authentication_code_login_sends_only_the_code() -> None:
    creds = build_credentials(
        LoginMode.AUTH_CODE,
        organisation="ORG",
        username="ignored",
        password="ignored",
        authentication_code="AC-1",
    )
    assert creds.login_body() == {
        "access_token_identifier": {"authentication_code": "AC-1"},
        "organisation": "ORG",
    }
    assert creds.username == "" and creds.password == ""


def test_plain_fields_are_trimmed_and_secrets_are_not() -> None:
    creds = build_credentials(
        LoginMode.USERNAME,
        organisation="  ORG ",
        unit="   ",
        username=" admin ",
        password=PASSWORD,
    )
    assert (creds.organisation, creds.unit, creds.username) == ("ORG", None, "admin")
    assert creds.password == PASSWORD
    assert "unit" not in creds.login_body()


@pytest.mark.parametrize(
    ("mode", "kwargs", "field"),
    [
        (
            LoginMode.USERNAME,
            {"organisation": "", "username": "a", "password": "p"},
            FIELD_ORGANISATION,
        ),
        (
            LoginMode.USERNAME,
            {"organisation": "O", "username": " ", "password": "p"},
            FIELD_USERNAME,
        ),
        (
            LoginMode.USERNAME,
            {"organisation": "O", "username": "a", "password": ""},
            FIELD_PASSWORD,
        ),
        (LoginMode.IDENTIFIER, {"organisation": "O", "pass_code": "1"}, FIELD_IDENTIFIER),
        # "pass_code ... mandatory if the identifier is specified"
        (LoginMode.IDENTIFIER, {"organisation": "O", "identifier": "ID"}, FIELD_PASS_CODE),
        (LoginMode.AUTH_CODE, {"organisation": "O"}, FIELD_AUTH_CODE),
        (
            LoginMode.AUTH_CODE,
            {"organisation": "O", "unit": "U\n2", "authentication_code": "zq-code-zq"},
            FIELD_UNIT,
        ),
    ],
)
def test_each_missing_or_bad_field_is_named(
    mode: LoginMode, kwargs: dict[str, str], field: str
) -> None:
    with pytest.raises(InputError) as caught:
        build_credentials(mode, **kwargs)
    assert caught.value.field == field


def test_overlong_values_are_refused_without_echoing_them() -> None:
    secret = "s" * (MAX_FIELD_LENGTH + 1)
    with pytest.raises(InputError) as caught:
        build_credentials(LoginMode.AUTH_CODE, organisation="O", authentication_code=secret)
    assert caught.value.field == FIELD_AUTH_CODE
    assert secret not in str(caught.value)


def test_validation_errors_lists_every_problem_in_form_order() -> None:
    problems = validation_errors(LoginMode.USERNAME, {"organisation": " ", "username": ""})
    assert list(problems) == [FIELD_ORGANISATION, FIELD_USERNAME, FIELD_PASSWORD]
    assert (
        validation_errors(
            LoginMode.IDENTIFIER, {"organisation": "O", "identifier": "I", "pass_code": "1"}
        )
        == {}
    )


def test_secrets_stay_out_of_repr() -> None:
    creds = build_credentials(
        LoginMode.IDENTIFIER, organisation="O", identifier="ID", pass_code="pass-code-9"
    )
    assert "pass-code-9" not in repr(creds)
    assert creds.secrets() == ("pass-code-9",)


def test_modes_know_their_secret() -> None:
    assert [(m.secret_key, m.secret_field) for m in LoginMode] == [
        ("password", FIELD_PASSWORD),
        ("pass_code", FIELD_PASS_CODE),
        ("authentication_code", FIELD_AUTH_CODE),
    ]


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"organisation": "O\udcff", "authentication_code": "zq-code-zq"}, FIELD_ORGANISATION),
        ({"organisation": "O\u202e", "authentication_code": "zq-code-zq"}, FIELD_ORGANISATION),
        ({"organisation": "O", "authentication_code": "zq\udcffzq"}, FIELD_AUTH_CODE),
        ({"organisation": "O", "authentication_code": "zq\x1bzq"}, FIELD_AUTH_CODE),
    ],
)
def test_bytes_that_are_not_text_and_controls_are_refused(
    kwargs: dict[str, str], field: str
) -> None:
    with pytest.raises(InputError) as caught:
        build_credentials(LoginMode.AUTH_CODE, **kwargs)
    assert caught.value.field == field
    assert all(value not in str(caught.value) for value in kwargs.values())
