"""The CRM.COM client against the simulator over real HTTP: every login mode and refusal, units,
token expiry and renewal with a clock shared by client and server (no sleeping)."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator

import pytest

from desktop.core.errors import InputError
from desktop.core.logsetup import configure_logging
from desktop.crm.client import CrmClient, crm_base_url
from desktop.crm.codes import CrmRefusal
from desktop.crm.credentials import (
    FIELD_AUTH_CODE,
    FIELD_ORGANISATION,
    FIELD_PASS_CODE,
    FIELD_PASSWORD,
    FIELD_UNIT,
    FIELD_URL,
    CrmCredentials,
    LoginMode,
    build_credentials,
)
from desktop.crm.token import TokenKeeper, jwt_expiry
from desktop.simulator.crm import (
    DEMO_CRM_AUTH_CODE,
    DEMO_CRM_DEFAULT_UNIT,
    DEMO_CRM_IDENTIFIER,
    DEMO_CRM_ORGANISATION,
    DEMO_CRM_OTHER_UNIT,
    DEMO_CRM_PASS_CODE,
    DEMO_CRM_PASSWORD,
    DEMO_CRM_USERNAME,
    CrmSimulator,
)
from tests.crm_support import T0, FakeClock


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def crm(crm_server: CrmSimulator, clock: FakeClock) -> CrmSimulator:
    """The module's server, fresh: one-minute tokens on the test's clock."""
    crm_server.reset(lifetime_seconds=60, clock=clock)
    return crm_server


@pytest.fixture
def client(crm: CrmSimulator, clock: FakeClock) -> Iterator[CrmClient]:
    client = CrmClient(crm.base_url, clock=clock, default_lifetime=60)
    yield client
    client.close()


def by_username(password: str = DEMO_CRM_PASSWORD, **kw: str) -> CrmCredentials:
    kw.setdefault("organisation", DEMO_CRM_ORGANISATION)
    return build_credentials(
        LoginMode.USERNAME, username=DEMO_CRM_USERNAME, password=password, **kw
    )


def by_identifier(pass_code: str = DEMO_CRM_PASS_CODE, **kw: str) -> CrmCredentials:
    kw.setdefault("organisation", DEMO_CRM_ORGANISATION)
    return build_credentials(
        LoginMode.IDENTIFIER,
        identifier=kw.pop("identifier", DEMO_CRM_IDENTIFIER),
        pass_code=pass_code,
        **kw,
    )


def by_auth_code(code: str = DEMO_CRM_AUTH_CODE, **kw: str) -> CrmCredentials:
    kw.setdefault("organisation", DEMO_CRM_ORGANISATION)
    return build_credentials(LoginMode.AUTH_CODE, authentication_code=code, **kw)


@pytest.mark.parametrize(
    ("credentials", "mode"),
    [
        (by_username(), "username"),
        (by_identifier(), "identifier"),
        (by_auth_code(), "authentication_code"),
    ],
)
def test_every_login_mode_gets_a_token(
    crm: CrmSimulator, client: CrmClient, clock: FakeClock, credentials: CrmCredentials, mode: str
) -> None:
    token = client.fetch_token(credentials)
    session = crm.session_for(token.value)
    assert session is not None
    assert (session.organisation, session.username, session.mode) == (
        DEMO_CRM_ORGANISATION,
        DEMO_CRM_USERNAME,
        mode,
    )
    assert len(token.value) == 32 and token.value.isalnum()
    assert (token.issued_at, token.expires_at) == (T0, T0 + 60)
    # What went over the wire: only the fields of the mode, never a secret in the call log.
    call = crm.calls[-1]
    expected_keys = {
        "username": ("username", "password", "organisation"),
        "identifier": ("access_token_identifier", "organisation"),
        "authentication_code": ("access_token_identifier", "organisation"),
    }[mode]
    assert call.keys == expected_keys


def test_without_a_unit_the_users_default_unit_is_used(
    crm: CrmSimulator, client: CrmClient
) -> None:
    token = client.fetch_token(by_username())
    session = crm.session_for(token.value)
    assert session is not None and session.unit == DEMO_CRM_DEFAULT_UNIT
    assert crm.calls[-1].unit is None and "unit" not in crm.calls[-1].keys


def test_a_chosen_unit_is_sent_and_used(crm: CrmSimulator, client: CrmClient) -> None:
    token = client.fetch_token(by_identifier(unit=DEMO_CRM_OTHER_UNIT))
    session = crm.session_for(token.value)
    assert session is not None and session.unit == DEMO_CRM_OTHER_UNIT
    assert crm.calls[-1].unit == DEMO_CRM_OTHER_UNIT


@pytest.mark.parametrize(
    ("credentials", "code", "field", "secret"),
    [
        (by_username("wrong-password"), "INVALID_LOGIN", FIELD_PASSWORD, "wrong-password"),
        (by_identifier("0000"), "INVALID_ACCESS_TOKEN", FIELD_PASS_CODE, "0000"),
        (
            by_identifier(DEMO_CRM_PASS_CODE, identifier="NO-SUCH-ID"),
            "INVALID_ACCESS_TOKEN",
            FIELD_PASS_CODE,
            DEMO_CRM_PASS_CODE,
        ),
        (by_auth_code("AC-WRONG-CODE"), "INVALID_ACCESS_TOKEN", FIELD_AUTH_CODE, "AC-WRONG-CODE"),
        (
            by_username(organisation="NOSUCHORG"),
            "ORGANISATION_NOT_FOUND",
            FIELD_ORGANISATION,
            DEMO_CRM_PASSWORD,
        ),
        (by_auth_code(unit="NOT-A-UNIT"), "UNIT_NOT_FOUND", FIELD_UNIT, DEMO_CRM_AUTH_CODE),
    ],
)
def test_each_refusal_is_typed_with_code_message_and_field(
    client: CrmClient, credentials: CrmCredentials, code: str, field: str, secret: str
) -> None:
    with pytest.raises(CrmRefusal) as caught:
        client.fetch_token(credentials)
    refusal = caught.value
    assert refusal.code == code
    assert refusal.field == field
    assert refusal.vendor_message  # CRM.COM's own message is kept
    assert secret not in str(refusal) and secret not in repr(refusal)


def test_a_refusal_with_an_http_error_status_is_still_a_refusal(
    crm: CrmSimulator, client: CrmClient
) -> None:
    crm.refusal_http_status = 401
    with pytest.raises(CrmRefusal) as caught:
        client.fetch_token(by_username("wrong-password"))
    assert caught.value.code == "INVALID_LOGIN"


def test_a_jwt_token_expires_as_its_exp_claim_says(crm: CrmSimulator, clock: FakeClock) -> None:
    crm.jwt = True
    crm.lifetime_seconds = 7200
    # The client assumes one hour; the claim says two, and the claim wins.
    client = CrmClient(crm.base_url, clock=clock)
    try:
        token = client.fetch_token(by_auth_code())
    finally:
        client.close()
    assert token.from_jwt
    assert token.expires_at == jwt_expiry(token.value) == T0 + 7200
    assert token.value.count(".") == 2


def test_keeper_renews_ahead_of_expiry_and_on_demand(
    crm: CrmSimulator, client: CrmClient, clock: FakeClock
) -> None:
    keeper = TokenKeeper(lambda: client.fetch_token(by_identifier()), clock=clock)
    first = keeper.token()
    assert crm.tokens_issued == 1
    clock.now = first.renew_at()  # 48 s into a 60 s life
    assert keeper.due()
    second = keeper.token()
    assert second.value != first.value and crm.tokens_issued == 2
    # The server forgets or shortens sessions (a restart, an admin): on demand renewal.
    crm.lifetime_seconds = 5
    third = keeper.renew()
    assert crm.tokens_issued == 3
    clock.now += 6
    assert keeper.valid() is third  # the client still believes it, the server does not


def test_a_token_method_url_is_accepted_as_the_base(crm: CrmSimulator) -> None:
    assert crm_base_url(crm.base_url + "/authentication/token/") == crm.base_url
    for bad in ("", "crm.example.com", "ftp://crm.example.com", "https://crm.example?x=1"):
        with pytest.raises(InputError) as caught:
            CrmClient(bad)
        assert caught.value.field == FIELD_URL


def test_nothing_secret_reaches_the_log_even_at_debug(
    crm: CrmSimulator, client: CrmClient, isolated_user_folders: object
) -> None:
    root = logging.getLogger()
    level, before = root.level, list(root.handlers)
    path = configure_logging(debug=True)
    assert path is not None
    try:
        token = client.fetch_token(by_username())
        with pytest.raises(CrmRefusal):
            client.fetch_token(by_identifier("pc-wrong-77"))
    finally:
        for handler in [h for h in root.handlers if h not in before]:
            root.removeHandler(handler)
            handler.close()
        root.setLevel(level)
    text = path.read_text(encoding="utf-8")
    assert "authentication/token" in text and "INVALID_ACCESS_TOKEN" in text
    for secret in (token.value, DEMO_CRM_PASSWORD, "pc-wrong-77"):
        assert secret not in text
    assert json.dumps(DEMO_CRM_PASSWORD) not in text
