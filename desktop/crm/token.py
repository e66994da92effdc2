"""A CRM.COM session token, when it expires, and keeping one valid (in memory only).

CRM.COM's token expires one hour after it is issued. From R12 on it lasts two hours and is a JWT
whose ``exp`` claim says when; the claim is read here without checking the signature (the
signature is CRM.COM's business; we only need to know when to ask again). The token is never
written anywhere: it lives in a :class:`CrmToken` in memory and is kept out of every ``repr``.

Times are seconds since the epoch from an injected ``clock`` (``time.time`` by default), because a
JWT's ``exp`` is wall-clock time and because tests move the clock instead of sleeping.
"""

from __future__ import annotations

import base64
import binascii
import logging
import math
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from desktop.core import bounded_json

log = logging.getLogger(__name__)

Clock = Callable[[], float]

DEFAULT_LIFETIME_SECONDS = 3600.0  # "Token expires every one (1) hour"
MAX_LIFETIME_SECONDS = 30 * 86400.0  # longer exp claims are clamped (CRM.COM's are 1-2 hours)
RENEW_AHEAD_MAX_SECONDS = 300.0  # renew five minutes before expiry ...
RENEW_AHEAD_FRACTION = 0.2  # ... or a fifth of the lifetime, for short-lived tokens
RETRY_DELAY_SECONDS = 30.0  # after a failed renewal, wait this long before trying again
PREVIEW_LENGTH = 4


def jwt_expiry(token: str) -> float | None:
    """The ``exp`` claim of a JWT, in epoch seconds; ``None`` if ``token`` is not such a JWT.

    The signature is not verified: the value only schedules renewal. An ``exp`` too large for a
    float is ``inf`` (and ``Infinity`` stays ``inf``): :func:`token_from_reply` clamps it.
    """
    parts = token.split(".")
    if len(parts) != 3 or not parts[1]:
        return None
    payload = parts[1] + "=" * (-len(parts[1]) % 4)
    try:
        claims = bounded_json.loads(base64.urlsafe_b64decode(payload.encode("ascii")))
    except (ValueError, UnicodeError, binascii.Error):  # incl. a payload nested too deep
        return None
    if not isinstance(claims, dict):
        return None
    exp = claims.get("exp")
    # bool is an int in Python, and never a time.
    if isinstance(exp, bool) or not isinstance(exp, int | float):
        return None
    try:
        value = float(exp)
    except OverflowError:  # an int too large for a float (400 nines): as far as it gets
        value = math.inf if exp > 0 else -math.inf
    return None if math.isnan(value) else value


@dataclass(frozen=True)
class CrmToken:
    """A token and its validity. ``value`` is the secret: never shown, logged or stored."""

    value: str = field(repr=False)
    issued_at: float
    expires_at: float
    from_jwt: bool = False

    @property
    def lifetime(self) -> float:
        """Seconds from issue to expiry."""
        return self.expires_at - self.issued_at

    def seconds_left(self, now: float) -> float:
        """Seconds of validity left at ``now`` (0 once expired)."""
        return max(0.0, self.expires_at - now)

    def is_expired(self, now: float) -> bool:
        return now >= self.expires_at

    def renew_at(self) -> float:
        """When to ask for the next token: a little ahead of expiry."""
        ahead = min(RENEW_AHEAD_MAX_SECONDS, self.lifetime * RENEW_AHEAD_FRACTION)
        return self.expires_at - ahead

    def preview(self) -> str:
        """A masked hint that tells two tokens apart without revealing one: ``••••726A``."""
        if len(self.value) <= 4 * PREVIEW_LENGTH:
            return "••••"
        return "••••" + self.value[-PREVIEW_LENGTH:]


def token_from_reply(
    value: str,
    issued_at: float,
    default_lifetime: float = DEFAULT_LIFETIME_SECONDS,
) -> CrmToken:
    """A :class:`CrmToken` for ``value``: expiry from its JWT ``exp``, else issue time + lifetime.

    An ``exp`` that is not after the issue time means the clocks disagree (or the claim is
    nonsense); the documented lifetime is used then, rather than renewing in a tight loop. An
    ``exp`` more than :data:`MAX_LIFETIME_SECONDS` (30 days) after the issue time is clamped to
    that: the expiry is always a finite moment a datetime can show (never past year 9999), and
    a token is renewed at least once a month.
    """
    exp = jwt_expiry(value)
    if exp is not None and exp > issued_at + MAX_LIFETIME_SECONDS:
        log.warning(
            "CRM.COM token's exp claim is more than %.0f days away; assuming it expires then",
            MAX_LIFETIME_SECONDS / 86400,
        )
        exp = issued_at + MAX_LIFETIME_SECONDS
    if exp is not None and exp > issued_at:
        return CrmToken(value, issued_at, exp, from_jwt=True)
    if exp is not None:
        log.warning(
            "CRM.COM token's exp claim is %.0f s before this computer's clock; "
            "assuming a lifetime of %.0f s",
            issued_at - exp,
            default_lifetime,
        )
    return CrmToken(value, issued_at, issued_at + default_lifetime)


class TokenKeeper:
    """Keeps one CRM.COM token valid: renews ahead of expiry, on demand, and after a rejection.

    ``fetch`` asks CRM.COM for a new token (blocking; run it off the GUI thread). The keeper is
    thread-safe: one thread may renew while another reads :meth:`current`.
    """

    def __init__(
        self,
        fetch: Callable[[], CrmToken],
        *,
        clock: Clock = time.time,
        retry_delay: float = RETRY_DELAY_SECONDS,
    ) -> None:
        self._fetch = fetch
        self._clock = clock
        self.retry_delay = retry_delay
        self._lock = threading.Lock()
        self._renewing = threading.Lock()
        self._token: CrmToken | None = None
        self._failed_at: float | None = None

    def __repr__(self) -> str:
        token = self.current()
        state = "no token" if token is None else f"expires_at={token.expires_at:.0f}"
        return f"TokenKeeper({state})"

    def now(self) -> float:
        return self._clock()

    def current(self) -> CrmToken | None:
        """The last token obtained, expired or not."""
        with self._lock:
            return self._token

    def valid(self) -> CrmToken | None:
        """The current token if it has not expired yet."""
        token = self.current()
        if token is None or token.is_expired(self.now()):
            return None
        return token

    def renew(self) -> CrmToken:
        """Ask for a new token now (on demand); errors propagate and are remembered for retry."""
        with self._renewing:
            try:
                token = self._fetch()
            except Exception:
                with self._lock:
                    self._failed_at = self.now()
                raise
            with self._lock:
                self._token = token
                self._failed_at = None
            log.info(
                "CRM.COM token obtained, valid for %.0f s (%s)",
                token.lifetime,
                "from its exp claim" if token.from_jwt else "documented lifetime",
            )
            return token

    def due(self, now: float | None = None) -> bool:
        """True when a token is held, its renewal time has come, and no retry is pending."""
        now = self.now() if now is None else now
        with self._lock:
            token, failed_at = self._token, self._failed_at
        if token is None or now < token.renew_at():
            return False
        return failed_at is None or now >= failed_at + self.retry_delay

    def token(self) -> CrmToken:
        """A token with time to spare: the current one, or a new one if none or due."""
        token = self.current()
        if token is None or self.now() >= token.renew_at():
            return self.renew()
        return token

    def forget(self) -> None:
        """Drop the token (it is only ever in memory)."""
        with self._lock:
            self._token = None
            self._failed_at = None
