"""What the CRM.COM tab says about a failure, in an HR administrator's words: a plain headline,
what to do, CRM.COM's code verbatim on an "Error code:" line, technical detail on a "Details:"
line; never markup, never a typed value; every text through the window's translator."""

from __future__ import annotations

import pytest

from desktop.core.errors import InputError, TransportError, TransportProblem, VendorRefusal
from desktop.crm.codes import CrmRefusal
from desktop.crm.credentials import FIELD_PASSWORD, PROBLEM_TOO_LONG
from desktop.crm.display import (
    describe_problems,
    explain_error,
    validity_text,
)
from desktop.crm.token import CrmToken
from tests.crm_support import T0


@pytest.mark.parametrize(
    ("code", "headline"),
    [
        ("INVALID_LOGIN", "The username or password is not correct"),
        ("INVALID_ACCESS_TOKEN", "CRM.COM did not accept the access token"),
        ("ORGANISATION_NOT_FOUND", "CRM.COM does not know this organisation"),
        ("UNIT_NOT_FOUND", "This user cannot log in to that unit"),
        ("SOMETHING_NEW", "CRM.COM refused the login"),
    ],
)
def test_a_refusal_has_a_plain_headline_and_its_code_on_its_own_line(
    code: str, headline: str
) -> None:
    problem = explain_error(CrmRefusal(code, "Said by the server", field=FIELD_PASSWORD))
    lines = problem.text().splitlines()
    assert lines[0] == headline
    assert lines[-1] == f"Error code: {code}"
    assert "CRM.COM said: “Said by the server”." in lines[1]
    assert problem.code == code and problem.field == FIELD_PASSWORD
    assert not lines[0].startswith(code)


def test_a_refusal_without_any_reason_says_whom_to_ask() -> None:
    problem = explain_error(CrmRefusal("SOMETHING_NEW"))
    assert "CRM.COM administrator" in problem.advice
    assert problem.text().endswith("Error code: SOMETHING_NEW")


def test_server_text_stays_one_plain_line_of_characters() -> None:
    refusal = VendorRefusal('<a href="x">Click\nhere</a>', "advice\r\nforged line")
    text = explain_error(refusal).text()
    assert text.splitlines()[-1] == 'Error code: <a href="x">Click here</a>'
    assert "advice forged line" in text and len(text.splitlines()) == 3


@pytest.mark.parametrize(
    ("problem", "detail", "headline"),
    [
        (TransportProblem.REFUSED, "", "Nothing answered at crm.example:8443"),
        (TransportProblem.DNS, "", "The server crm.example:8443 could not be found"),
        (TransportProblem.TLS, "self-signed", "The secure connection to crm.example:8443 failed"),
        (
            TransportProblem.READ_TIMEOUT,
            "no answer within 30 s",
            "No answer within 30 s from crm.example:8443",
        ),
        (
            TransportProblem.MALFORMED,
            "",
            "The answer from crm.example:8443 was not what CRM.COM sends",
        ),
    ],
)
def test_a_transport_failure_names_the_server_and_keeps_the_detail_for_support(
    problem: TransportProblem, detail: str, headline: str
) -> None:
    # A timeout says how long it was given (as core.http raises it); the others do not know.
    waited = 30.0 if problem is TransportProblem.READ_TIMEOUT else None
    url = "https://crm.example:8443/api/authentication/token"
    error = TransportError(url, problem, detail, waited=waited)
    text = explain_error(error).text()
    lines = text.splitlines()
    assert lines[0] == headline
    assert lines[-1].startswith(f"Details: {problem.value}")
    assert "/authentication/token" not in lines[0]


def test_a_bug_never_echoes_its_text() -> None:
    text = explain_error(ValueError("typed-secret")).text()
    assert "typed-secret" not in text
    assert text.splitlines()[0] == "Something went wrong"
    assert text.endswith("Details: ValueError")


def test_cancel_is_said_plainly() -> None:
    error = TransportError("https://crm.example/x", TransportProblem.CANCELLED)
    assert explain_error(error).text() == "Cancelled.\nNo token was requested."


def marking(context: str, text: str) -> str:
    return f"[{context}]{text}"


def test_every_text_goes_through_the_given_localise() -> None:
    problem = explain_error(CrmRefusal("INVALID_LOGIN"), marking)
    assert problem.headline == "[CrmDisplay]The username or password is not correct"
    assert problem.extra == ("[CrmDisplay]Error code: INVALID_LOGIN",)
    long = InputError("unit", template=PROBLEM_TOO_LONG, values={"count": 1024})
    assert explain_error(long, marking).headline == (
        "[CrmDisplay]Check the [Fields]unit: [Input]is longer than 1024 characters."
    )
    assert describe_problems([InputError("organisation", "is required")], marking) == (
        "[CrmDisplay]Check the [Fields]organisation: [Input]is required."
    )
    token = CrmToken("A" * 32, T0, T0 + 3600)
    assert validity_text(token, T0 + 1, localise=marking).startswith(
        "[CrmDisplay]Token ••••AAAA valid for 59:59 (until "
    )
    assert validity_text(None, T0, localise=marking) == "[CrmDisplay]No token yet."
