"""The simulated ESWS: seed data, the documented order of checks, one-time tokens.

Plain Python with no I/O, used by the simulator's HTTP server (demo mode, tests). Production code
paths never import it.
"""

from __future__ import annotations

import enum
import secrets
import threading
from dataclasses import dataclass, field


class SyncKind(enum.Enum):
    """The two token operations. The simulator keeps its own copy: a fake server that shared the
    client's code could not catch the client's mistakes."""

    ONE_USER = "one"
    ALL_USERS = "total"


# A demo company whose security code has the awkward characters real codes have (^ ; + # & < >).
DEMO_COMPANY_ID = "Dm0^;+#&<>Q7xZ!k2@pW9$eR4%tY6*uV"
DEMO_ADMIN = "demo.admin"
DEMO_PASSWORD = "Demo-Pa55word!"  # a public demo credential, by design


@dataclass(frozen=True)
class Person:
    user_id: str
    name: str


@dataclass
class Company:
    name: str
    admins: dict[str, str]
    users: dict[str, Person]
    locations: dict[int, str]


@dataclass(frozen=True)
class Grant:
    """What a token was issued for."""

    company: Company
    admin: str
    kind: SyncKind
    user: Person | None = None
    location_id: int | None = None
    location_name: str | None = None


def demo_company() -> Company:
    people = [
        Person("42", "Anna de Vries"),
        Person("1001", "Jürgen Müller"),
        Person("7", "Ioana Stefanescu"),
        Person("2048", "Zoë van den Berg"),
    ]
    return Company(
        name="Demo Company B.V.",
        admins={DEMO_ADMIN: DEMO_PASSWORD},
        users={p.user_id: p for p in people},
        locations={1: "Main entrance", 2: "Warehouse", 3: "Head office"},
    )


def as_nusoap_receives(value: str) -> str:
    """NuSOAP converts incoming UTF-8 to ISO-8859-1: characters above U+00FF become ``?``."""
    return value.encode("latin-1", "replace").decode("latin-1")


@dataclass
class EswsLogic:
    """Answers getSyncToken / getTotalSyncToken the way ESWS documents it."""

    companies: dict[str, Company] = field(default_factory=lambda: {DEMO_COMPANY_ID: demo_company()})
    _grants: dict[str, Grant] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def get_sync_token(
        self, company_id: str, admin: str, password: str, user_id: str, location: str
    ) -> str:
        return self._answer(SyncKind.ONE_USER, company_id, admin, password, user_id, location)

    def get_total_sync_token(self, company_id: str, admin: str, password: str) -> str:
        return self._answer(SyncKind.ALL_USERS, company_id, admin, password, "", "")

    def _answer(
        self,
        kind: SyncKind,
        company_id: str,
        admin: str,
        password: str,
        user_id: str,
        location: str,
    ) -> str:
        company_id, admin, password, user_id = (
            as_nusoap_receives(v) for v in (company_id, admin, password, user_id)
        )
        if not company_id:
            return "ERROR_NO_SECURITY_HASH"
        company = self.companies.get(company_id)
        if company is None:
            return "ERROR_UNKNOWN_SECURITY_HASH"
        if not admin:
            return "NO USERNAME PROVIDED"
        if not password:
            return "NO PASSWORD PROVIDED"
        if kind is SyncKind.ONE_USER and not user_id:
            return "NO USERID PROVIDED"
        stored = {as_nusoap_receives(k): as_nusoap_receives(v) for k, v in company.admins.items()}
        if stored.get(admin) != password:
            return "NO ADMIN FOUND BASED ON USERNAME AND PASSWORD"
        person = None
        location_id = None
        if kind is SyncKind.ONE_USER:
            person = company.users.get(user_id)
            if person is None:
                return "NO USER FOUND BASED ON THE ID PROVIDED"
            location_id = int(location) if location.strip().isdigit() else None
        token = secrets.token_hex(64)
        grant = Grant(
            company=company,
            admin=admin,
            kind=kind,
            user=person,
            location_id=location_id,
            location_name=company.locations.get(location_id) if location_id else None,
        )
        with self._lock:
            self._grants[token] = grant
        return token

    def redeem(self, token: str, kind: SyncKind) -> Grant | None:
        """The grant of an unused token of ``kind``; each token works once."""
        with self._lock:
            grant = self._grants.get(token)
            if grant is None or grant.kind is not kind:
                return None
            del self._grants[token]
            return grant
