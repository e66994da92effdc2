"""The ESWS client against a real PHP NuSOAP server: both operations, every refusal, every field
with awkward characters, with the bundled WSDL and with the server's own ``?wsdl``."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from desktop.core.errors import VendorRefusal
from desktop.esws.client import EswsClient
from desktop.esws.i3_urls import sync_url
from desktop.esws.refusals import REFUSALS
from desktop.esws.request import FIELD_ADMIN, FIELD_PASSWORD, SyncKind, SyncRequest, build_request
from tests import esws_seed as seed
from tests.nusoap_server import NusoapEsws
from tests.soap_checks import XSD, parse_envelope, undeclared_type_prefixes

pytestmark = pytest.mark.nusoap

SYNC_PARAMS = ["p_companyID", "p_adminUsername", "p_adminPassword", "p_userId", "p_locationID"]


@pytest.fixture(params=["bundled", "server"])
def client(request: pytest.FixtureRequest, esws_calls_cleared: NusoapEsws) -> Iterator[EswsClient]:
    """A client with the shipped WSDL, and one with NuSOAP's own generated WSDL."""
    server = esws_calls_cleared
    wsdl = None if request.param == "bundled" else server.wsdl_url
    esws = EswsClient(server.endpoint, wsdl=wsdl)
    yield esws
    esws.close()


def one_user(
    admin: seed.Admin = seed.ADMIN_PLAIN,
    *,
    code: str = seed.COMPANY_A_CODE,
    user: str = seed.USER_42,
    location: str | None = None,
) -> SyncRequest:
    return build_request(
        SyncKind.ONE_USER,
        company_id=code,
        admin_username=admin.username,
        admin_password=admin.password,
        user_id=user,
        location=location,
    )


def last_call(server: NusoapEsws) -> dict[str, object]:
    call = server.last_call()
    assert call is not None
    return call


def test_one_user_with_location(client: EswsClient, nusoap_esws: NusoapEsws) -> None:
    token = client.fetch_token(one_user(location="17"))
    assert re.fullmatch(seed.TOKEN_PATTERN, token)
    call = last_call(nusoap_esws)
    assert call["operation"].endswith("getSyncToken")  # type: ignore[union-attr]
    assert call["args"]["p_locationID"] == 17  # type: ignore[index]
    assert call["received_names"] == SYNC_PARAMS
    assert call["result"] == token


def test_one_user_without_location_sends_an_empty_location(
    client: EswsClient, nusoap_esws: NusoapEsws
) -> None:
    token = client.fetch_token(one_user())
    assert len(token) == 128
    call = last_call(nusoap_esws)
    # Every parameter, in order (NuSOAP reads them by position), the absent one as "".
    assert call["received_names"] == SYNC_PARAMS
    assert call["args"]["p_locationID"] == ""  # type: ignore[index]
    assert call["params"]["p_locationID"]["present"] is True  # type: ignore[index]


def test_total_sync(client: EswsClient, nusoap_esws: NusoapEsws) -> None:
    request = build_request(
        SyncKind.ALL_USERS,
        company_id=seed.COMPANY_A_CODE,
        admin_username=seed.ADMIN_PLAIN.username,
        admin_password=seed.ADMIN_PLAIN.password,
    )
    token = client.fetch_token(request)
    assert len(token) == 128
    call = last_call(nusoap_esws)
    assert call["received_names"] == SYNC_PARAMS[:3]
    url = sync_url(SyncKind.ALL_USERS, token)
    assert url == f"https://i3.identysoft.com/users/totalSyncUsersLogin/{token}"


def test_envelope_has_the_vendor_sample_shape(client: EswsClient, nusoap_esws: NusoapEsws) -> None:
    client.fetch_token(one_user())
    raw = str(last_call(nusoap_esws)["request"])
    assert 'encodingStyle="http://schemas.xmlsoap.org/soap/encoding/"' in raw
    assert 'p_companyID xsi:type="xsd:string"' in raw
    assert "Esws.getSyncToken" in raw
    envelope = raw.encode()
    assert parse_envelope(envelope).nsmap.get("xsd") == XSD
    assert undeclared_type_prefixes(envelope) == []


def raw_request(kind: SyncKind, **values: str) -> SyncRequest:
    """A request that skips the client-side checks, to make the server refuse."""
    fields = {
        "company_id": seed.COMPANY_A_CODE,
        "admin_username": seed.ADMIN_PLAIN.username,
        "admin_password": seed.ADMIN_PLAIN.password,
        "user_id": seed.USER_42 if kind is SyncKind.ONE_USER else "",
    }
    fields.update(values)
    return SyncRequest(kind=kind, **fields)


REFUSAL_CASES = [
    (seed.ERROR_NO_SECURITY_HASH, SyncKind.ONE_USER, {"company_id": ""}),
    (
        seed.ERROR_UNKNOWN_SECURITY_HASH,
        SyncKind.ONE_USER,
        {"company_id": seed.UNKNOWN_COMPANY_CODE},
    ),
    (seed.ERROR_NO_USERNAME, SyncKind.ONE_USER, {"admin_username": ""}),
    (seed.ERROR_NO_PASSWORD, SyncKind.ONE_USER, {"admin_password": ""}),
    (seed.ERROR_NO_USERID, SyncKind.ONE_USER, {"user_id": ""}),
    (seed.ERROR_NO_ADMIN, SyncKind.ONE_USER, {"admin_password": "wrong"}),
    (seed.ERROR_NO_USER, SyncKind.ONE_USER, {"user_id": seed.UNKNOWN_USER_ID}),
    (seed.ERROR_NO_SECURITY_HASH, SyncKind.ALL_USERS, {"company_id": ""}),
    (
        seed.ERROR_UNKNOWN_SECURITY_HASH,
        SyncKind.ALL_USERS,
        {"company_id": seed.UNKNOWN_COMPANY_CODE},
    ),
    (seed.ERROR_NO_USERNAME, SyncKind.ALL_USERS, {"admin_username": ""}),
    (seed.ERROR_NO_PASSWORD, SyncKind.ALL_USERS, {"admin_password": ""}),
    (seed.ERROR_NO_ADMIN, SyncKind.ALL_USERS, {"admin_username": "nobody"}),
]


@pytest.mark.parametrize(("code", "kind", "values"), REFUSAL_CASES)
def test_every_refusal_is_typed_with_the_vendor_code(
    client: EswsClient, code: str, kind: SyncKind, values: dict[str, str]
) -> None:
    with pytest.raises(VendorRefusal) as caught:
        client.fetch_token(raw_request(kind, **values))
    assert caught.value.code == code
    assert caught.value.advice == REFUSALS[code].advice
    assert seed.ADMIN_PLAIN.password not in str(caught.value)


def test_every_documented_refusal_is_covered() -> None:
    assert {case[0] for case in REFUSAL_CASES} == set(REFUSALS) == set(seed.ERRORS)


@pytest.mark.parametrize(
    ("code", "admin", "user"),
    [
        (seed.COMPANY_B_CODE, seed.ADMIN_B, seed.USER_B_ONLY),
        (seed.COMPANY_A_CODE, seed.ADMIN_SPECIAL, seed.USER_SPECIAL),
        (seed.COMPANY_A_CODE, seed.ADMIN_SPECIAL, seed.USER_1001),
    ],
)
def test_awkward_characters_in_every_field_arrive_exactly(
    client: EswsClient, nusoap_esws: NusoapEsws, code: str, admin: seed.Admin, user: str
) -> None:
    token = client.fetch_token(one_user(admin, code=code, user=user, location="5"))
    assert len(token) == 128
    args = last_call(nusoap_esws)["args"]
    assert args == {  # type: ignore[comparison-overlap]
        "p_companyID": code,
        "p_adminUsername": admin.username,
        "p_adminPassword": admin.password,
        "p_userId": user,
        "p_locationID": 5,
    }


def test_characters_above_latin1_arrive_as_question_marks(
    client: EswsClient, nusoap_esws: NusoapEsws
) -> None:
    request = one_user(seed.ADMIN_ROMANIAN_AS_TYPED)
    assert request.non_latin1_fields() == [FIELD_ADMIN, FIELD_PASSWORD]
    token = client.fetch_token(request)  # I3 stored the admin as "?tefan": it matches
    assert len(token) == 128
    args = last_call(nusoap_esws)["args"]
    assert args["p_adminUsername"] == seed.ADMIN_ROMANIAN.username  # type: ignore[index]


def test_tokens_are_one_per_call(client: EswsClient) -> None:
    tokens = {client.fetch_token(one_user()) for _ in range(3)}
    assert len(tokens) == 3
