"""JSON from a server: nesting bounded before parsing, so never a RecursionError."""

from __future__ import annotations

import json

import pytest

from desktop.core.bounded_json import MAX_JSON_DEPTH, loads, nesting_depth


def test_ordinary_replies_parse_as_json_does() -> None:
    body = json.dumps({"status": {"code": "OK"}, "data": {"token": "x", "list": [[1], {"a": []}]}})
    assert loads(body.encode()) == json.loads(body)
    assert loads(body) == json.loads(body)
    assert nesting_depth(body.encode()) == 5  # {data{list[[ and {a[


def test_brackets_inside_strings_are_not_nesting() -> None:
    body = json.dumps({"message": "[[[[{{{{" * 1000, "quote": 'a "[" \\ b'})
    assert nesting_depth(body.encode()) == 1
    assert loads(body)["message"].startswith("[[[[")


@pytest.mark.parametrize("opener", ["[", '{"a":'])
def test_400_kb_of_nesting_is_a_value_error(opener: str) -> None:
    closer = "]" if opener == "[" else "}"
    body = (opener * (400_000 // len(opener)) + "1" + closer * (400_000 // len(opener))).encode()
    with pytest.raises(ValueError, match="nested deeper"):
        loads(body)


def test_the_limit_itself_is_allowed() -> None:
    assert loads("[" * MAX_JSON_DEPTH + "]" * MAX_JSON_DEPTH) is not None
    with pytest.raises(ValueError):
        loads("[" * (MAX_JSON_DEPTH + 1) + "]" * (MAX_JSON_DEPTH + 1))


def test_other_bad_input_is_a_value_error_too() -> None:
    for body in (b"\xff\xfe{", b"{", b"[" + b"9" * 5000 + b"]"):
        with pytest.raises(ValueError):
            loads(body)
