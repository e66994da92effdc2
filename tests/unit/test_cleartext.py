"""is_cleartext_remote: plain http:// to another computer is flagged, loopback and https are not."""

from __future__ import annotations

import pytest

from desktop.core.http import is_cleartext_remote


@pytest.mark.parametrize(
    "url",
    [
        "http://ws.i3.identysoft.com/webservicesesws",
        "HTTP://esws.example.com:8080/x",
        "http://192.168.1.20/esws",
        "http://[2001:db8::1]/esws",
        "http://127.0.0.1.example.com/esws",
    ],
)
def test_plain_http_to_another_computer_is_cleartext(url: str) -> None:
    assert is_cleartext_remote(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://ws.i3.identysoft.com/webservicesesws",
        "http://127.0.0.1:8080/esws",
        "http://127.8.9.10/esws",
        "http://localhost/esws",
        "http://LOCALHOST./esws",
        "http://i3.localhost/x",
        "http://[::1]:9000/esws",
        "http://[::1",  # unparsable: the validators say what is wrong
        "",
    ],
)
def test_loopback_https_and_unparsable_are_not(url: str) -> None:
    assert not is_cleartext_remote(url)
