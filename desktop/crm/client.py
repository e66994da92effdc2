"""CRM.COM Web API client: gets a session token from ``POST <base>/authentication/token``.

JSON in, JSON out, through the core's one HTTP setup (:class:`~desktop.core.http.HttpPoster`:
OS trust store, system proxy, timeouts, size cap, cancel). Every failure is one of the core's
typed errors: :class:`~desktop.crm.codes.CrmRefusal` for a status code other than ``OK``,
:class:`~desktop.core.errors.TransportError` when no usable answer came back, and
:class:`~desktop.core.errors.InputError` (raised before anything is sent) for a form that cannot be.
"""

from __future__ import annotations

import json
import logging
import re
import time
from typing import Any

from desktop.core import bounded_json
from desktop.core.errors import TransportError, TransportProblem, UnexpectedReply
from desktop.core.http import (
    HttpPoster,
    HttpReply,
    Timeouts,
    describe_endpoint,
    http_status_detail,
)
from desktop.core.redaction import register_secret, scrub
from desktop.core.text import one_line
from desktop.core.urls import normalise_base_url
from desktop.crm.codes import (
    STATUS_OK,
    CrmRefusal,
    field_for,
)
from desktop.crm.credentials import EXAMPLE_URL, FIELD_URL, CrmCredentials, LoginMode
from desktop.crm.token import DEFAULT_LIFETIME_SECONDS, Clock, CrmToken, token_from_reply

log = logging.getLogger(__name__)

TOKEN_PATH = "/authentication/token"
_JSON_HEADERS = {
    "Content-Type": "application/json; charset=utf-8",
    "Accept": "application/json",
}
# Hex session ids (up to R11) and JWTs (R12 on) both fit; whitespace, quotes or markup never do,
# so a token can always be printed on its own line or pasted into a header.
_TOKEN_SHAPE = re.compile(r"[A-Za-z0-9._~+/=-]{8,8192}")
MAX_CODE_LENGTH = 100


def crm_base_url(url: str) -> str:
    """The Web API base (``https://host/.../v2``) from what the user typed; ``InputError`` if bad.

    A URL pasted with the method's path (``.../authentication/token``) is accepted too.
    """
    base = normalise_base_url(url, FIELD_URL, EXAMPLE_URL)  # no query, fragment or credentials
    if base.lower().endswith(TOKEN_PATH):
        base = base[: -len(TOKEN_PATH)]
    return base


class CrmClient:
    """Talks to one CRM.COM Web API base URL.

    Thread use: one call at a time; :meth:`cancel` may be called from any thread and aborts the
    call in flight and any later one until :meth:`reset_cancel`.
    """

    def __init__(
        self,
        base_url: str,
        *,
        timeouts: Timeouts | None = None,
        clock: Clock = time.time,
        default_lifetime: float = DEFAULT_LIFETIME_SECONDS,
    ) -> None:
        self.base_url = crm_base_url(base_url)
        self.token_url = self.base_url + TOKEN_PATH
        self.poster = HttpPoster(timeouts)
        self.clock = clock
        self.default_lifetime = default_lifetime

    def __repr__(self) -> str:
        return f"CrmClient(base_url={self.base_url!r})"

    def cancel(self) -> None:
        """Abort the call in flight (from any thread); it raises ``TransportProblem.CANCELLED``."""
        self.poster.cancel()

    def reset_cancel(self) -> None:
        """Allow calls again after :meth:`cancel`."""
        self.poster.reset_cancel()

    def close(self) -> None:
        self.poster.close()

    def fetch_token(self, credentials: CrmCredentials) -> CrmToken:
        """Log in and return a new session token with its expiry.

        Raises ``CrmRefusal`` (status code other than ``OK``) or ``TransportError``.
        """
        secrets = credentials.secrets()
        register_secret(*secrets)
        body = json.dumps(credentials.login_body(), ensure_ascii=False).encode("utf-8")
        endpoint = self.token_url
        log.info(
            "Asking CRM.COM %s for a token (organisation %s, %s%s)",
            endpoint,
            credentials.organisation,
            credentials.mode.value,
            f", unit {credentials.unit}" if credentials.unit else "",
        )
        # Issue time is taken before sending: the token cannot be older than that.
        issued_at = self.clock()
        reply = self.poster.post(self.token_url, body, dict(_JSON_HEADERS), endpoint=endpoint)
        data = _read_envelope(endpoint, reply, secrets, credentials.mode)
        value = data.get("token") if isinstance(data, dict) else None
        if not isinstance(value, str) or not value:
            raise UnexpectedReply(endpoint, "status OK but no token in the reply")
        register_secret(value)
        if not _TOKEN_SHAPE.fullmatch(value):
            raise UnexpectedReply(endpoint, "the token has unexpected characters or length")
        token = token_from_reply(value, issued_at, self.default_lifetime)
        log.info("CRM.COM issued a token valid for %.0f s", token.lifetime)
        return token


def _read_envelope(
    endpoint: str, reply: HttpReply, secrets: tuple[str, ...], mode: LoginMode
) -> Any:
    """``data`` of an ``OK`` reply; a typed error for anything else. Never echoes the body."""
    shown = describe_endpoint(endpoint)
    try:
        envelope = bounded_json.loads(reply.body)
    except ValueError:  # bad syntax, bad UTF-8, or nested deeper than CRM.COM ever does
        envelope = None
    status = envelope.get("status") if isinstance(envelope, dict) else None
    code = status.get("code") if isinstance(status, dict) else None
    if reply.status != 200 and not (isinstance(code, str) and code and code != STATUS_OK):
        # A proxy's or web server's error page, or an HTTP error without CRM.COM's status.
        raise TransportError(shown, TransportProblem.HTTP_STATUS, http_status_detail(reply))
    if envelope is None:
        kind = reply.content_type or "no content type"
        raise TransportError(shown, TransportProblem.MALFORMED, f"not JSON ({kind})")
    if not isinstance(code, str) or not code:
        raise UnexpectedReply(shown, "no status code in the reply")
    if code.strip().upper() != STATUS_OK:
        raise _refusal(code, status if isinstance(status, dict) else {}, secrets, mode)
    return envelope.get("data")


def _refusal(
    code: str, status: dict[str, Any], secrets: tuple[str, ...], mode: LoginMode
) -> CrmRefusal:
    def text(key: str) -> str:
        value = status.get(key)
        return "" if value is None else one_line(scrub(str(value), secrets))

    clean_code = one_line(scrub(code, secrets), MAX_CODE_LENGTH)
    refusal = CrmRefusal(
        clean_code, text("message"), text("description"), field=field_for(clean_code, mode)
    )
    log.info("CRM.COM refused: %s", refusal)
    return refusal
