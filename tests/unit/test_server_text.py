"""Server text shown safely, and typed text checked before anything is sent (no network here)."""

from __future__ import annotations

import pytest

from desktop.core.errors import InputError, TransportError, TransportProblem, VendorRefusal
from desktop.core.reporting import message_for
from desktop.core.text import (
    PROBLEM_BIDI,
    PROBLEM_CONTROL,
    PROBLEM_NOT_TEXT,
    one_line,
    text_problem,
    without_surrogates,
)
from desktop.crm.codes import CrmRefusal
from desktop.crm.display import describe_error

# Everything a hostile server may put in a line of text meant for a person.
HOSTILE = [
    "\x1b[2J\x1b[31m",  # ESC: clear screen, red
    "\x1b]0;title\x07",  # OSC: set the terminal's title
    "\r",
    "\n",
    "\x7f",
    "\x85",  # NEL
    "\x9b",  # CSI (C1)
    "\u2028",
    "\u2029",
    *"\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c",
]


@pytest.mark.parametrize("bad", HOSTILE)
def test_one_line_leaves_no_control_break_or_bidi_character(bad: str) -> None:
    shown = one_line(f"before{bad}after")
    assert bad not in shown
    assert shown.startswith("before") and shown.endswith("after")
    assert all(ch >= " " and not 0x7F <= ord(ch) <= 0x9F for ch in shown)


def test_one_line_removes_lone_surrogates_and_caps_length() -> None:
    assert one_line("a\udcffb") == "ab"
    assert one_line("x" * 400) == "x" * 299 + "…"
    assert len(one_line("y" * 50, 10)) == 10
    assert one_line("  spaced \t out  ") == "spaced out"
    assert one_line("") == ""


def test_one_line_keeps_markup_as_characters() -> None:
    # Plain text: the label must not render it, and nothing here pretends it was escaped.
    assert one_line('<a href="https://evil.example">click</a>') == (
        '<a href="https://evil.example">click</a>'
    )


def test_without_surrogates_makes_text_writable() -> None:
    fixed = without_surrogates("pass\udcffword")
    assert fixed == "pass\ufffdword"
    fixed.encode("utf-8")  # would raise UnicodeEncodeError with the surrogate


@pytest.mark.parametrize(
    ("value", "secret", "problem"),
    [
        ("plain", False, None),
        ("Jürgen Müller-Ørsted", False, None),
        ("bad\udcffbyte", False, PROBLEM_NOT_TEXT),
        ("bad\udcffbyte", True, PROBLEM_NOT_TEXT),
        ("tab\there", False, PROBLEM_CONTROL),
        ("esc\x1b[1m", True, PROBLEM_CONTROL),
        ("nel\x85", False, PROBLEM_CONTROL),
        ("line\u2028sep", False, PROBLEM_CONTROL),
        ("rlo\u202eevil", False, PROBLEM_BIDI),
        ("rlo\u202eevil", True, None),  # a secret is never shown: any printable character goes
    ],
)
def test_text_problem(value: str, secret: bool, problem: str | None) -> None:
    assert text_problem(value, secret=secret) == problem
    if problem is not None:
        assert value not in problem


def test_a_reason_phrase_with_escape_sequences_reaches_stderr_as_plain_text() -> None:
    error = TransportError(
        "http://127.0.0.1:1/esws",
        TransportProblem.HTTP_STATUS,
        "HTTP 502 \x1b[2J\x1b]0;pwned\x07Bad\rGateway (text/html)",
    )
    message = message_for(error)
    assert "\x1b" not in message and "\x07" not in message and "\r" not in message
    assert message.startswith("i3sync: could not talk to http://127.0.0.1:1/esws: HTTP error (")
    assert "Bad Gateway" in message


def test_a_faultstring_cannot_forge_a_second_line() -> None:
    error = TransportError(
        "http://127.0.0.1:1/esws",
        TransportProblem.SOAP_FAULT,
        "oops\nERROR_UNKNOWN_SECURITY_HASH: forged",
    )
    message = message_for(error)
    assert "\n" not in message
    assert message.startswith("i3sync: could not talk to")


def test_a_refusal_code_and_advice_from_a_server_are_one_line() -> None:
    refusal = VendorRefusal("ERROR_\u202eNEW\x1b[0m\nSECOND", "advice\r\nERROR_FORGED: x" * 200)
    message = message_for(refusal)
    assert "\n" not in message and "\r" not in message and "\u202e" not in message
    assert message.startswith("ERROR_ NEW [0m SECOND: advice")
    assert len(message) <= 1500


def test_input_errors_read_the_same_as_before() -> None:
    message = message_for(InputError("user id", "is required"))
    assert message == "i3sync: invalid user id: is required"


def test_a_crm_code_holding_a_link_is_shown_as_plain_characters() -> None:
    refusal = CrmRefusal('<a href="https://evil.example/">Click\nhere</a>', "msg\x1b[5m")
    text = describe_error(refusal)
    assert text.startswith('<a href="https://evil.example/">Click here</a>: CRM.COM refused')
    assert "\x1b" not in text and "\n" not in text
    assert message_for(refusal).startswith('<a href="https://evil.example/">Click here</a>: ')


def test_crm_transport_detail_is_made_safe_in_the_panel() -> None:
    error = TransportError(
        "https://crm.example/x\x1b[8m", TransportProblem.HTTP_STATUS, "HTTP 500 \u202eoops\n"
    )
    text = describe_error(error)
    assert "\x1b" not in text and "\u202e" not in text and "\n" not in text
    assert text.startswith("Could not get a token from https://crm.example/x [8m: HTTP error")
