"""Token expiry (JWT exp or the documented hour) and renewal, with a clock the test moves."""

from __future__ import annotations

import base64
import json
import threading
from datetime import datetime

import pytest

from desktop.core.errors import TransportError, TransportProblem
from desktop.crm.token import (
    DEFAULT_LIFETIME_SECONDS,
    MAX_LIFETIME_SECONDS,
    RENEW_AHEAD_MAX_SECONDS,
    CrmToken,
    TokenKeeper,
    jwt_expiry,
    token_from_reply,
)
from tests.crm_support import T0, FakeClock

HEX = "4AD9C84FA60F9FE407140E20F707726A"


def jwt(claims: object) -> str:
    def part(value: object) -> str:
        return base64.urlsafe_b64encode(json.dumps(value).encode()).rstrip(b"=").decode()

    return f"{part({'alg': 'HS256', 'typ': 'JWT'})}.{part(claims)}.c2lnbmF0dXJl"


def test_jwt_exp_is_read_without_a_signature_check() -> None:
    assert jwt_expiry(jwt({"exp": T0 + 7200, "sub": "x"})) == T0 + 7200


@pytest.mark.parametrize(
    "token",
    [
        HEX,
        "a.b",
        "eyJ.!!!.x",
        jwt(["not", "an", "object"]),
        jwt({"sub": "no exp"}),
        jwt({"exp": True}),
        jwt({"exp": "soon"}),
        "header..signature",
    ],
)
def test_anything_else_has_no_jwt_expiry(token: str) -> None:
    assert jwt_expiry(token) is None


def test_a_jwt_expires_when_its_exp_says() -> None:
    token = token_from_reply(jwt({"exp": T0 + 7200}), T0)
    assert token.from_jwt
    assert token.expires_at == T0 + 7200
    assert token.lifetime == 7200


def test_an_opaque_token_expires_one_hour_after_issue() -> None:
    token = token_from_reply(HEX, T0)
    assert not token.from_jwt
    assert token.expires_at == T0 + DEFAULT_LIFETIME_SECONDS
    assert token_from_reply(HEX, T0, default_lifetime=30).expires_at == T0 + 30


def test_an_exp_in_the_past_falls_back_to_the_documented_lifetime() -> None:
    # A computer clock ahead of CRM.COM's must not make every token look expired on arrival.
    token = token_from_reply(jwt({"exp": T0 - 10}), T0)
    assert not token.from_jwt
    assert token.expires_at == T0 + DEFAULT_LIFETIME_SECONDS


def test_validity_renewal_time_and_preview() -> None:
    token = CrmToken(HEX, T0, T0 + 3600)
    assert token.seconds_left(T0 + 100) == 3500
    assert token.seconds_left(T0 + 4000) == 0
    assert not token.is_expired(T0 + 3599.9) and token.is_expired(T0 + 3600)
    assert token.renew_at() == T0 + 3600 - RENEW_AHEAD_MAX_SECONDS
    # A short-lived token is renewed a fifth of its life ahead, not five minutes ahead.
    assert CrmToken(HEX, T0, T0 + 10).renew_at() == T0 + 8
    assert token.preview() == "••••726A"
    assert HEX not in repr(token)
    assert CrmToken("shortone", T0, T0 + 1).preview() == "••••"


class Issuer:
    """Hands out numbered tokens valid for ``lifetime`` from the clock's now, or fails."""

    def __init__(self, clock: FakeClock, lifetime: float = 3600) -> None:
        self.clock = clock
        self.lifetime = lifetime
        self.count = 0
        self.fail_with: Exception | None = None

    def __call__(self) -> CrmToken:
        if self.fail_with is not None:
            raise self.fail_with
        self.count += 1
        now = self.clock()
        return CrmToken(f"token-{self.count:04d}-xxxxxxxxxx", now, now + self.lifetime)


def test_keeper_renews_ahead_of_expiry_and_on_demand() -> None:
    clock = FakeClock()
    issuer = Issuer(clock)
    keeper = TokenKeeper(issuer, clock=clock)
    assert keeper.current() is None and not keeper.due()
    first = keeper.token()
    assert issuer.count == 1
    clock.now = first.renew_at() - 1
    assert not keeper.due()
    assert keeper.token() is first  # still comfortably valid: no new login
    clock.now = first.renew_at()
    assert keeper.due()
    second = keeper.token()
    assert issuer.count == 2 and second.value != first.value
    assert keeper.renew().value == "token-0003-xxxxxxxxxx"  # on demand, whatever the time


def test_a_failed_renewal_is_retried_after_the_retry_delay_not_in_a_loop() -> None:
    clock = FakeClock()
    issuer = Issuer(clock)
    keeper = TokenKeeper(issuer, clock=clock, retry_delay=30)
    token = keeper.renew()
    clock.now = token.renew_at()
    issuer.fail_with = TransportError("https://crm.example", TransportProblem.REFUSED)
    with pytest.raises(TransportError):
        keeper.renew()
    assert keeper.current() is token  # the old token is kept while it lasts
    assert not keeper.due()
    clock.now += 29
    assert not keeper.due()
    clock.now += 1
    assert keeper.due()
    issuer.fail_with = None
    keeper.renew()
    assert keeper.due(clock.now) is False


def test_valid_is_none_once_expired() -> None:
    clock = FakeClock()
    keeper = TokenKeeper(Issuer(clock), clock=clock)
    token = keeper.renew()
    assert keeper.valid() is token
    clock.now = token.expires_at
    assert keeper.valid() is None
    keeper.forget()
    assert keeper.current() is None
    assert "token-" not in repr(keeper)


def test_current_can_be_read_while_another_thread_renews() -> None:
    clock = FakeClock()
    release = threading.Event()
    started = threading.Event()

    def slow_fetch() -> CrmToken:
        started.set()
        assert release.wait(5)
        return CrmToken("token-slow-xxxxxxxxxx", clock(), clock() + 60)

    keeper = TokenKeeper(slow_fetch, clock=clock)
    worker = threading.Thread(target=keeper.renew)
    worker.start()
    assert started.wait(5)
    assert keeper.current() is None  # not blocked by the renewal in flight
    release.set()
    worker.join(5)
    current = keeper.current()
    assert current is not None and current.value == "token-slow-xxxxxxxxxx"


@pytest.mark.parametrize("exp", [int("9" * 400), 1e308, float("inf")])
def test_an_exp_too_far_away_is_clamped_to_thirty_days(exp: float) -> None:
    # json.dumps writes inf as Infinity, which json.loads reads back: a server may send it too.
    token = token_from_reply(jwt({"exp": exp}), T0)
    assert token.from_jwt
    assert token.expires_at == T0 + MAX_LIFETIME_SECONDS
    assert token.renew_at() < token.expires_at
    datetime.fromtimestamp(token.expires_at)  # a moment a datetime can hold


@pytest.mark.parametrize("exp", [-int("9" * 400), -1e308, float("-inf")])
def test_an_exp_far_in_the_past_falls_back_to_the_documented_hour(exp: float) -> None:
    token = token_from_reply(jwt({"exp": exp}), T0)
    assert not token.from_jwt and token.lifetime == DEFAULT_LIFETIME_SECONDS


def test_a_nan_exp_is_no_expiry() -> None:
    assert jwt_expiry(jwt({"exp": float("nan")})) is None


def test_a_jwt_payload_nested_3000_deep_is_not_a_jwt_and_never_a_recursion_error() -> None:
    # json.dumps itself could not write this: build the payload by hand.
    payload = ("[" * 3000 + json.dumps({"exp": T0 + 60}) + "]" * 3000).encode()
    encoded = base64.urlsafe_b64encode(payload).rstrip(b"=").decode()
    deep = jwt({"exp": 0}).split(".")[0] + "." + encoded + ".c2lnbmF0dXJl"
    assert len(deep) < 8192  # fits the token shape the client accepts
    assert jwt_expiry(deep) is None
    token = token_from_reply(deep, T0)
    assert token.lifetime == DEFAULT_LIFETIME_SECONDS
