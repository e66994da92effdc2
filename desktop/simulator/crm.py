"""A simulated CRM.COM Web API in the loopback simulator: session tokens that expire.

``install_crm(simulator)`` adds, under ``CRM_BASE_PATH``:

* ``POST authentication/token`` as the vendor document describes it (organisation, optional unit,
  and username + password, or ``access_token_identifier`` with ``identifier`` + ``pass_code`` or
  with ``authentication_code``);
* ``GET contacts/list?token=...``, a protected method that refuses an expired or unknown token, so
  that renewal can be exercised.

Seeded: organisation ``CRMDEMO`` with one user, two units and two access tokens (the constants
below; public demo credentials, by design). Tokens are 32 hex characters (as in the document's
example) or, with ``jwt=True``, an HS256 JWT with ``iat`` and ``exp`` claims (CRM.COM R12 on).
The lifetime and the clock are configurable, so tests expire tokens without waiting.

Only ``OK`` and the envelope ``{"status": {"code", "message", "description"}, "data"}`` come from
the vendor document. OUR INVENTION, because the document does not list them: the refusal codes
``INVALID_REQUEST``, ``ORGANISATION_NOT_FOUND``, ``INVALID_LOGIN``, ``INVALID_ACCESS_TOKEN``,
``UNIT_NOT_FOUND``, ``TOKEN_EXPIRED`` and ``INVALID_TOKEN``; the order of the checks; answering
refusals with HTTP 200 (``refusal_http_status`` changes that); the ``contacts/list`` method's
data; and the claims inside the JWT.
"""

from __future__ import annotations

import base64
import enum
import hashlib
import hmac
import json
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlsplit

from desktop.simulator.server import Reply, Simulator

CRM_BASE_PATH = "/crm/api/v1"

DEMO_CRM_ORGANISATION = "CRMDEMO"
DEMO_CRM_USERNAME = "mpadministrator"
DEMO_CRM_PASSWORD = "Crm-Demo-1234"  # a public demo credential, by design
DEMO_CRM_DEFAULT_UNIT = "EE63A82C4FEBE02FF34E90DD1EBA5ABE"
DEMO_CRM_OTHER_UNIT = "3F1A9C0D7B2E4F6A8C5D1E0B9A7F6C2D"
DEMO_CRM_IDENTIFIER = "HR-SYNC-01"
DEMO_CRM_PASS_CODE = "7391"
DEMO_CRM_AUTH_CODE = "AC-5D2E-91F0-77B3"

JSON_TYPE = "application/json; charset=UTF-8"

Clock = Callable[[], float]


class CrmFault(enum.Enum):
    """Ways the token method can misbehave, for transport tests against a real server."""

    NONE = "none"
    BAD_GATEWAY = "502 with an HTML page"
    NOT_JSON = "200 with a body that is not JSON"
    NO_TOKEN = "status OK without a token"


@dataclass
class CrmUser:
    username: str
    password: str
    units: tuple[str, ...]

    @property
    def default_unit(self) -> str:
        return self.units[0]


@dataclass
class CrmAccessToken:
    """An access token set up in CRM.COM for an integration, acting as ``user``."""

    identifier: str
    pass_code: str
    authentication_code: str
    user: str


@dataclass
class CrmOrganisation:
    name: str
    users: dict[str, CrmUser]
    access_tokens: list[CrmAccessToken]


@dataclass(frozen=True)
class CrmSession:
    """What a session token was issued for."""

    organisation: str
    username: str
    unit: str
    issued_at: float
    expires_at: float
    mode: str


@dataclass(frozen=True)
class CrmCall:
    """One request, without its secrets: which JSON keys came, and the non-secret values."""

    method: str
    path: str
    keys: tuple[str, ...] = ()
    organisation: str | None = None
    unit: str | None = None


def demo_organisation() -> CrmOrganisation:
    user = CrmUser(
        DEMO_CRM_USERNAME, DEMO_CRM_PASSWORD, (DEMO_CRM_DEFAULT_UNIT, DEMO_CRM_OTHER_UNIT)
    )
    return CrmOrganisation(
        DEMO_CRM_ORGANISATION,
        {user.username: user},
        [
            CrmAccessToken(
                DEMO_CRM_IDENTIFIER, DEMO_CRM_PASS_CODE, DEMO_CRM_AUTH_CODE, DEMO_CRM_USERNAME
            )
        ],
    )


class _Refused(Exception):
    def __init__(self, code: str, message: str, description: str = "") -> None:
        super().__init__(code)
        self.code = code
        self.message = message
        self.description = description


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


class CrmSimulator:
    """The CRM.COM routes and their state. Attributes may be changed while serving."""

    def __init__(
        self,
        *,
        lifetime_seconds: float = 3600.0,
        jwt: bool = False,
        clock: Clock = time.time,
        organisations: list[CrmOrganisation] | None = None,
    ) -> None:
        self._lock = threading.Lock()
        self._key = secrets.token_bytes(32)
        self._simulator: Simulator | None = None
        self.organisations = {o.name: o for o in (organisations or [demo_organisation()])}
        self.calls: list[CrmCall] = []
        self._sessions: dict[str, CrmSession] = {}
        self.reset(lifetime_seconds=lifetime_seconds, jwt=jwt, clock=clock)

    def reset(
        self, *, lifetime_seconds: float = 3600.0, jwt: bool = False, clock: Clock = time.time
    ) -> None:
        """Back to a fresh server: no sessions, no calls, no fault (tests share one server)."""
        with self._lock:
            self.lifetime_seconds = lifetime_seconds
            self.jwt = jwt
            self.clock = clock
            self.fault = CrmFault.NONE
            self.refusal_http_status = 200
            self.calls.clear()
            self._sessions.clear()

    def install(self, simulator: Simulator) -> CrmSimulator:
        simulator.add_route("POST", CRM_BASE_PATH + "/", self.route)
        simulator.add_route("GET", CRM_BASE_PATH + "/", self.route)
        self._simulator = simulator
        return self

    @property
    def base_url(self) -> str:
        """The Web API base to give the client (``http://127.0.0.1:<port>/crm/api/v1``)."""
        if self._simulator is None:
            raise RuntimeError("install() the CRM.COM simulator first")
        return self._simulator.url + CRM_BASE_PATH

    def session_for(self, token: str) -> CrmSession | None:
        with self._lock:
            return self._sessions.get(token)

    @property
    def tokens_issued(self) -> int:
        with self._lock:
            return len(self._sessions)

    # -- HTTP ----------------------------------------------------------------------------------

    def route(self, method: str, target: str, headers: dict[str, str], body: bytes) -> Reply:
        """The simulator's entry point for every request under ``CRM_BASE_PATH``."""
        parts = urlsplit(target)
        path = parts.path[len(CRM_BASE_PATH) :].rstrip("/")
        if method == "POST" and path == "/authentication/token":
            return self._token(body)
        if method == "GET" and path == "/contacts/list":
            self._record(CrmCall(method, path))
            return self._contacts(parse_qs(parts.query).get("token", [""])[0])
        self._record(CrmCall(method, path))
        return self._envelope(
            _Refused("INVALID_REQUEST", "Unknown method", f"No Web API method {method} {path}"),
            status=404,
        )

    def _record(self, call: CrmCall) -> None:
        with self._lock:
            self.calls.append(call)

    def _envelope(
        self, refused: _Refused | None = None, data: Any = None, status: int | None = None
    ) -> Reply:
        if refused is None:
            payload = {"status": {"code": "OK", "message": None, "description": None}, "data": data}
            status = status or 200
        else:
            payload = {
                "status": {
                    "code": refused.code,
                    "message": refused.message,
                    "description": refused.description or None,
                },
                "data": None,
            }
            status = status or self.refusal_http_status
        return Reply(status, JSON_TYPE, json.dumps(payload).encode("utf-8"))

    def _token(self, body: bytes) -> Reply:
        try:
            request = json.loads(body)
        except ValueError:
            request = None
        if not isinstance(request, dict):
            self._record(CrmCall("POST", "/authentication/token"))
            return self._envelope(_Refused("INVALID_REQUEST", "The request is not a JSON object"))
        organisation = request.get("organisation")
        unit = request.get("unit")
        self._record(
            CrmCall(
                "POST",
                "/authentication/token",
                tuple(request),
                organisation if isinstance(organisation, str) else None,
                unit if isinstance(unit, str) else None,
            )
        )
        if self.fault is CrmFault.BAD_GATEWAY:
            html = b"<html><body><h1>502 Bad Gateway</h1>nginx</body></html>"
            return Reply(502, "text/html", html)
        if self.fault is CrmFault.NOT_JSON:
            return Reply(200, "text/plain", b"Service temporarily unavailable")
        try:
            session = self.login(request)
        except _Refused as refused:
            return self._envelope(refused)
        if self.fault is CrmFault.NO_TOKEN:
            return self._envelope(data={})
        return self._envelope(data={"token": self._issue(session)})

    def _contacts(self, token: str) -> Reply:
        if not token:
            return self._envelope(_Refused("INVALID_TOKEN", "No token", "token is mandatory"))
        session = self.session_for(token)
        if session is None:
            return self._envelope(
                _Refused("INVALID_TOKEN", "Invalid token", "Log in again to get a token")
            )
        if self.clock() >= session.expires_at:
            return self._envelope(
                _Refused("TOKEN_EXPIRED", "Token expired", "Log in again to get a new token")
            )
        contacts = [
            {"id": "C-0001", "name": "Anna de Vries", "unit": session.unit},
            {"id": "C-0002", "name": "Jürgen Müller", "unit": session.unit},
        ]
        return self._envelope(data=contacts)

    # -- logic ---------------------------------------------------------------------------------

    def login(self, request: dict[str, Any]) -> CrmSession:
        """Check a login request in our (invented) order; a session, or ``_Refused``."""
        org_name = request.get("organisation")
        if not isinstance(org_name, str) or not org_name:
            raise _Refused("INVALID_REQUEST", "Missing parameter", "organisation is mandatory")
        access = request.get("access_token_identifier")
        username, password = request.get("username"), request.get("password")
        if access is None and not (username and password):
            raise _Refused(
                "INVALID_REQUEST",
                "Missing parameter",
                "username and password are mandatory unless an access token identifier is given",
            )
        organisation = self.organisations.get(org_name)
        if organisation is None:
            raise _Refused("ORGANISATION_NOT_FOUND", "Organisation not found")
        if access is not None:
            user_name, mode = self._access_token_user(organisation, access)
        else:
            user = organisation.users.get(str(username))
            if user is None or not hmac.compare_digest(user.password, str(password)):
                raise _Refused("INVALID_LOGIN", "Invalid username or password")
            user_name, mode = user.username, "username"
        user = organisation.users[user_name]
        unit = request.get("unit")
        if unit is None or unit == "":
            unit = user.default_unit
        elif unit not in user.units:
            raise _Refused("UNIT_NOT_FOUND", "Unit not found", "The user cannot log in to it")
        now = self.clock()
        return CrmSession(org_name, user_name, str(unit), now, now + self.lifetime_seconds, mode)

    @staticmethod
    def _access_token_user(organisation: CrmOrganisation, access: Any) -> tuple[str, str]:
        if not isinstance(access, dict):
            raise _Refused("INVALID_REQUEST", "access_token_identifier must be an object")
        identifier, pass_code = access.get("identifier"), access.get("pass_code")
        auth_code = access.get("authentication_code")
        if identifier:
            if not pass_code:
                raise _Refused(
                    "INVALID_REQUEST",
                    "Missing parameter",
                    "pass_code is mandatory if the identifier is specified",
                )
            for token in organisation.access_tokens:
                if token.identifier == identifier and hmac.compare_digest(
                    token.pass_code, str(pass_code)
                ):
                    return token.user, "identifier"
            raise _Refused("INVALID_ACCESS_TOKEN", "Invalid access token identifier or pass code")
        if auth_code:
            for token in organisation.access_tokens:
                if hmac.compare_digest(token.authentication_code, str(auth_code)):
                    return token.user, "authentication_code"
            raise _Refused("INVALID_ACCESS_TOKEN", "Invalid authentication code")
        raise _Refused(
            "INVALID_REQUEST",
            "Missing parameter",
            "authentication_code or identifier is mandatory in access_token_identifier",
        )

    def _issue(self, session: CrmSession) -> str:
        if self.jwt:
            header = _b64(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
            claims = {
                "sub": session.username,
                "org": session.organisation,
                "unit": session.unit,
                "iat": int(session.issued_at),
                "exp": int(session.expires_at),
                "jti": secrets.token_hex(8),
            }
            payload = _b64(json.dumps(claims).encode())
            signature = hmac.new(self._key, f"{header}.{payload}".encode(), hashlib.sha256)
            token = f"{header}.{payload}.{_b64(signature.digest())}"
        else:
            token = secrets.token_hex(16).upper()
        with self._lock:
            self._sessions[token] = session
        return token


def install_crm(
    simulator: Simulator,
    lifetime_seconds: float = 3600.0,
    *,
    jwt: bool = False,
    clock: Clock = time.time,
) -> CrmSimulator:
    """Add the CRM.COM routes to ``simulator``; returns their state (``.base_url`` etc.)."""
    return CrmSimulator(lifetime_seconds=lifetime_seconds, jwt=jwt, clock=clock).install(simulator)


def _describe_demo(simulator: Simulator) -> str:  # pragma: no cover - manual use
    crm = install_crm(simulator)
    return (
        f"CRM.COM base URL: {crm.base_url}\n"
        f"organisation {DEMO_CRM_ORGANISATION}, username {DEMO_CRM_USERNAME} "
        f"(password {DEMO_CRM_PASSWORD}), identifier {DEMO_CRM_IDENTIFIER} "
        f"(pass code {DEMO_CRM_PASS_CODE}), authentication code {DEMO_CRM_AUTH_CODE}"
    )


if __name__ == "__main__":  # pragma: no cover - manual use: python -m desktop.simulator.crm
    from desktop.simulator.server import run_forever

    run_forever(_describe_demo)
