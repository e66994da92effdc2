"""Where I3's sync pages live. The path templates are kept here and nowhere else."""

from __future__ import annotations

from urllib.parse import quote, urlsplit

from desktop.errors import InputError
from desktop.sync_request import SyncKind

DEFAULT_I3_BASE_URL = "https://i3.identysoft.com"

# The vendor's pages spell the total-sync path both "totalSyncUsersLogin" and
# "totalSyncUserLogin"; the ESWS reference for getTotalSyncToken uses the plural, and so do we.
SYNC_PATHS: dict[SyncKind, str] = {
    SyncKind.ONE_USER: "/users/oneSyncUserLogin/",
    SyncKind.ALL_USERS: "/users/totalSyncUsersLogin/",
}

FIELD_I3_URL = "I3 address"


def normalise_base_url(base_url: str, field_name: str = FIELD_I3_URL) -> str:
    """An http(s) base URL without a trailing slash, query or fragment; ``InputError`` otherwise."""
    text = base_url.strip()
    parts = urlsplit(text)
    try:
        port = parts.port
    except ValueError:
        raise InputError(field_name, "has an invalid port number") from None
    if port == 0 or any(ch.isspace() for ch in text):
        raise InputError(field_name, "has an invalid port number or a space")
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise InputError(
            field_name, "must be an http:// or https:// address, e.g. " + DEFAULT_I3_BASE_URL
        )
    if parts.query or parts.fragment or parts.username or parts.password:
        raise InputError(field_name, "must not contain a query, fragment or credentials")
    return text.rstrip("/")


def sync_url(kind: SyncKind, token: str, base_url: str = DEFAULT_I3_BASE_URL) -> str:
    """The page that logs the admin in with ``token`` and shows the sync for ``kind``."""
    return normalise_base_url(base_url) + SYNC_PATHS[kind] + quote(token, safe="")


def origin_of(url: str) -> tuple[str, str, int]:
    """Scheme, host and effective port of a URL, for same-origin checks."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    port = parts.port or (443 if scheme == "https" else 80)
    return scheme, (parts.hostname or "").lower(), port
