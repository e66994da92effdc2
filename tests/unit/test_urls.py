"""Addresses checked before any network: every problem is an InputError naming the field."""

from __future__ import annotations

import pytest

from desktop.core.errors import InputError
from desktop.core.urls import host_of, normalise_base_url, normalise_endpoint_url, origin_of
from desktop.crm.client import crm_base_url
from desktop.crm.credentials import FIELD_URL

FIELD = "ESWS endpoint"
EXAMPLE = "https://esws.example/webservicesesws"


@pytest.mark.parametrize(
    "url",
    [
        "http://[::1",  # urlsplit: "Invalid IPv6 URL"
        "https://[",
        "http://[::1/v2",
        "http://]::1[/",
        "http://127.0.0.1:99999999999999999999/",
        "http://h:-1/",
        "http://host\x1b[31m/esws",
        "http://host/es\nws",
        "http://host/\u202eesws",
        "http://host/\udcffesws",  # a non-UTF-8 byte as os.environ or argv keep it
        "http://host/esws?wsdl",
        "http://host/esws#x",
        "http://u:p@host/esws",
        "http://host/" + "a" * 3000,
        "file:///etc/passwd",
    ],
)
def test_bad_addresses_name_the_field_and_never_raise_value_error(url: str) -> None:
    for check in (normalise_endpoint_url, normalise_base_url):
        with pytest.raises(InputError) as caught:
            check(url, FIELD, EXAMPLE)
        assert caught.value.field == FIELD
        assert url.strip() not in caught.value.problem


def test_an_endpoint_is_kept_as_typed_and_a_base_loses_one_trailing_slash() -> None:
    assert normalise_endpoint_url(" https://h/esws/ \n", FIELD, EXAMPLE) == "https://h/esws/"
    assert normalise_endpoint_url("https://h/esws", FIELD, EXAMPLE) == "https://h/esws"
    assert normalise_base_url("https://h/i3/", FIELD, EXAMPLE) == "https://h/i3"
    assert normalise_base_url("https://h/i3", FIELD, EXAMPLE) == "https://h/i3"
    assert normalise_base_url("https://h/", FIELD, EXAMPLE) == "https://h"
    assert normalise_base_url("https://h//", FIELD, EXAMPLE) == "https://h/"  # one, as documented


def test_ipv6_and_ports_that_are_fine() -> None:
    assert normalise_endpoint_url("http://[::1]:8080/e", FIELD, EXAMPLE) == "http://[::1]:8080/e"


@pytest.mark.parametrize("url", ["http://[::1/v2", "https://[", "crm.example/v2", "http://h/v2?x"])
def test_crm_address_problems_name_the_crm_field(url: str) -> None:
    with pytest.raises(InputError) as caught:
        crm_base_url(url)
    assert caught.value.field == FIELD_URL


def test_crm_base_url_still_drops_the_token_path() -> None:
    assert crm_base_url("https://crm.example/v2/authentication/token/") == "https://crm.example/v2"


def test_origin_of_a_url_that_cannot_be_parsed_matches_nothing() -> None:
    assert origin_of("http://[::1") == ("", "", 0)
    assert origin_of("http://h:99999/") == ("", "", 0)


def test_messages_name_a_server_by_its_host_and_port_only() -> None:
    assert host_of("https://jane:secret@esws.example:8443/ws?token=x") == "esws.example:8443"
    assert host_of("http://[::1]:80/x") == "[::1]:80"
    assert host_of("not an address") == ""
