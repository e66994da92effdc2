"""Messages in the user's words: plain headlines, the vendor code on its own line, how long a
timeout waited, and a hint for a security code with a pasted space."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from typing import Any

import pytest

from desktop.core.errors import TransportError, TransportProblem, VendorRefusal
from desktop.core.http import HttpPoster, Timeouts
from desktop.esws.refusals import REFUSALS, unknown_refusal
from desktop.esws.request import (
    FIELD_COMPANY_ID,
    SECURITY_CODE_LENGTH,
    SyncKind,
    validation_problems,
)
from desktop.gui.messages import (
    REFUSAL_HEADLINES,
    SPACE_HINT,
    describe,
    field_message,
    security_code_hint,
)

JARGON = ("ESWS", "token", "endpoint", "WSDL", "U+00FF", "net::ERR_", "SOAP")


def test_every_documented_refusal_has_a_plain_headline_and_the_code_on_its_own_line() -> None:
    assert set(REFUSAL_HEADLINES) == set(REFUSALS)
    for code, info in REFUSALS.items():
        problem = describe(VendorRefusal(code, info.advice, field=info.field))
        assert problem.headline == REFUSAL_HEADLINES[code]
        assert code not in problem.headline
        assert not any(term in problem.headline for term in JARGON), code
        # The advice names ESWS only as the address in the profile, where the admin fixes it.
        advice = problem.advice.replace("ESWS address", "address")
        assert not any(term in advice for term in JARGON), code
        # Support still gets the code verbatim, on a secondary line after the advice.
        assert problem.html().endswith(f"<br><small>Error code: {code}</small>")
        assert problem.plain().endswith(f"Error code: {code}")
        assert problem.html().startswith(f"<b>{problem.headline}</b>")


@pytest.mark.parametrize(
    ("code", "headline"),
    [
        (
            "NO ADMIN FOUND BASED ON USERNAME AND PASSWORD",
            "The username or password is not correct",
        ),
        ("ERROR_UNKNOWN_SECURITY_HASH", "No company has this security code"),
        ("NO USER FOUND BASED ON THE ID PROVIDED", "I3 has no user with this id"),
    ],
)
def test_the_headlines_the_issue_names(code: str, headline: str) -> None:
    assert describe(VendorRefusal(code, REFUSALS[code].advice)).headline == headline


def test_an_unknown_refusal_keeps_its_code_for_support() -> None:
    refusal = unknown_refusal("ERROR_SOMETHING_NEW")
    assert refusal is not None
    problem = describe(refusal)
    assert problem.headline == "I3 refused the request"
    assert "Error code: ERROR_SOMETHING_NEW" in problem.plain()


def test_a_refused_connection_names_the_host_in_the_headline() -> None:
    error = TransportError("http://esws.example:8080/ws", TransportProblem.REFUSED)
    problem = describe(error)
    assert problem.headline == "Could not reach ESWS at esws.example:8080"
    assert "connection refused" in problem.advice  # the technical cause stays, for support
    assert "API Agent" in problem.advice
    assert "API Agent" not in describe(error, cloud=True).advice


@pytest.fixture
def silent_port() -> Iterator[int]:
    """A real server on loopback that accepts connections and never answers."""
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(4)
        yield server.getsockname()[1]


def test_a_timeout_says_how_long_it_waited(silent_port: int) -> None:
    poster = HttpPoster(Timeouts.total(1.5))
    url = f"http://127.0.0.1:{silent_port}/webservicesesws"
    with pytest.raises(TransportError) as caught:
        poster.post(url, b"<x/>", {"Content-Type": "text/xml"})
    poster.close()
    assert caught.value.problem is TransportProblem.READ_TIMEOUT
    problem = describe(caught.value)
    assert problem.headline.startswith("No answer within 1.5 s")
    assert f"127.0.0.1:{silent_port}" in problem.headline


def test_a_timeout_without_detail_uses_the_timeout_given() -> None:
    error = TransportError("https://esws.example/ws", TransportProblem.READ_TIMEOUT)
    assert describe(error).headline.startswith("No answer within 30 s")
    assert describe(error, timeout=12).headline.startswith("No answer within 12 s")


def test_a_security_code_with_a_pasted_space_asks_about_it() -> None:
    code = "a" * SECURITY_CODE_LENGTH
    for pasted in (" " + code, code + " ", code + "\t"):
        assert len(pasted) == SECURITY_CODE_LENGTH + 1
        problems = validation_problems(
            SyncKind.ALL_USERS,
            company_id=pasted,
            admin_username="admin",
            admin_password="pw",
            user_id="",
            location="",
        )
        assert FIELD_COMPANY_ID in problems
        assert security_code_hint(pasted) == SPACE_HINT
    assert security_code_hint(code) == ""
    assert security_code_hint("a" * 33) == ""  # a real extra character: no space to ask about


def test_the_line_under_the_security_code_asks_about_a_pasted_space() -> None:
    pasted = "b" * SECURITY_CODE_LENGTH + " "
    problems = validation_problems(
        SyncKind.ALL_USERS, company_id=pasted, admin_username="admin", admin_password="pw"
    )
    text = field_message(FIELD_COMPANY_ID, problems[FIELD_COMPANY_ID], pasted)
    assert text == (f"The security code must be exactly 32 characters, got 33. {SPACE_HINT}")
    assert pasted.strip() not in text  # the code itself is never shown
    assert field_message("user id", "is required") == "The user id is required."


def test_the_form_asks_about_a_space_pasted_with_the_security_code(
    qtbot: Any, saved_profile: Any, make_window: Any
) -> None:
    from tests.gui.conftest import type_into

    window = make_window()
    form = window.sync_tab.form
    type_into(qtbot, form.companyIdEdit, " " + "b" * SECURITY_CODE_LENGTH)
    form.passwordEdit.setFocus()  # leaving the field shows its problem
    qtbot.waitUntil(lambda: SPACE_HINT in form.companyIdError.text())
    assert "b" * SECURITY_CODE_LENGTH not in form.companyIdError.text()
