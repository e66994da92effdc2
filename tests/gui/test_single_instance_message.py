"""One window: the message a second launch sends, and the socket's name (issue 11, part 4)."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.errors import InputError
from desktop.esws.links import SyncLink
from desktop.esws.request import SyncKind
from desktop.gui.single_instance import (
    MAX_MESSAGE,
    OpenRequest,
    decode_request,
    encode_request,
    server_name,
)


def test_a_request_survives_the_wire_and_a_show_request_is_one_too() -> None:
    request = OpenRequest(SyncLink(SyncKind.ONE_USER, "Zürich office", "42", 7), auto=True)
    assert decode_request(encode_request(request).rstrip(b"\n")) == request
    total = OpenRequest(SyncLink(SyncKind.ALL_USERS, "P"))
    assert decode_request(encode_request(total).rstrip(b"\n")) == total
    assert decode_request(b'{"v": 1, "show": true}') == OpenRequest(None)


@pytest.mark.parametrize(
    "data",
    [
        b"not json",
        b"\xff\xfe",
        b"[1]",
        b'{"v": 2, "show": true}',
        b'{"v": 1, "show": false}',
        b'{"v": 1, "kind": "one", "profile": "P", "user": "4", "location": null}',
        b'{"v":1,"kind":"one","profile":"P","user":"4","location":null,"auto":false,"password":"x"}',
        b'{"v": 1, "kind": "all", "profile": "P", "user": "", "location": null, "auto": false}',
        b'{"v": 1, "kind": "one", "profile": 3, "user": "4", "location": null, "auto": false}',
        b'{"v": 1, "kind": "one", "profile": "P", "user": "4", "location": 5, "auto": false}',
        b'{"v": 1, "kind": "one", "profile": "P", "user": "4", "location": null, "auto": 1}',
        b'{"v": 1, "kind": "one", "profile": "P\\u202e", "user": "4", "location": null,'
        b' "auto": false}',
        b'{"v": 1, "kind": "one", "profile": "P", "user": "4\\n", "location": null, "auto": false}',
        b'{"v": 1, "kind": "one", "profile": "P", "user": " ", "location": null, "auto": false}',
        b'{"v": 1, "kind": "one", "profile": "P", "user": "4", "location": "x", "auto": false}',
        b'{"v": 1, "kind": "total", "profile": "P", "user": "4", "location": null, "auto": false}',
        b'{"v": 1, "kind": "one", "profile": "' + b"p" * 101 + b'", "user": "4", "location": null,'
        b' "auto": false}',
        b" " * (MAX_MESSAGE + 1),
        # Deep nesting within the size limit: json.loads would raise RecursionError, which is
        # neither of the errors it documents, and the listener would never answer.
        b"[" * 8000,
        b'{"a":' * 1600,
        b'{"v": 1, "show": ' + b"[" * 3000 + b"]" * 3000 + b"}",
    ],
)
def test_anything_but_exactly_our_message_is_refused(data: bytes) -> None:
    with pytest.raises(InputError):
        decode_request(data)


def test_the_name_is_per_config_folder_and_demo_has_its_own(
    isolated_user_folders: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    name = server_name(demo=False)
    assert name.startswith("i3sync-") and name != server_name(demo=True)
    monkeypatch.setenv("I3SYNC_CONFIG_DIR", str(isolated_user_folders / "elsewhere"))
    assert server_name(demo=False) != name
