"""Where ESWS and I3's sync pages live. The path templates are kept here and nowhere else.

The default ESWS endpoint sits here too rather than in :mod:`desktop.esws.client`: the profiles
and the form need the address, and must not load the HTTP and XML stack to get it.
"""

from __future__ import annotations

from urllib.parse import quote

from desktop.core.urls import normalise_base_url, normalise_endpoint_url
from desktop.esws.request import SyncKind

# Where the vendor publishes ESWS (and, with ?wsdl, its WSDL).
DEFAULT_ENDPOINT = "https://ws.i3.identysoft.com/webservicesesws"
DEFAULT_I3_BASE_URL = "https://i3.identysoft.com"

# The vendor's pages spell the total-sync path both "totalSyncUsersLogin" and
# "totalSyncUserLogin"; the ESWS reference for getTotalSyncToken uses the plural, and so do we.
SYNC_PATHS: dict[SyncKind, str] = {
    SyncKind.ONE_USER: "/users/oneSyncUserLogin/",
    SyncKind.ALL_USERS: "/users/totalSyncUsersLogin/",
}

FIELD_I3_URL = "I3 address"
FIELD_ENDPOINT = "ESWS endpoint"


def normalise_i3_url(base_url: str, field_name: str = FIELD_I3_URL) -> str:
    """I3's base URL, checked (see :func:`desktop.core.urls.normalise_base_url`)."""
    return normalise_base_url(base_url, field_name, DEFAULT_I3_BASE_URL)


def normalise_endpoint(endpoint: str, field_name: str = FIELD_ENDPOINT) -> str:
    """An ESWS endpoint, checked by the same rule as every other address and kept as typed."""
    return normalise_endpoint_url(endpoint, field_name, DEFAULT_ENDPOINT)


# The two spellings of the total-sync page a profile may pin (see SYNC_PATHS).
TOTAL_SYNC_PATHS = ("totalSyncUsersLogin", "totalSyncUserLogin")


def sync_url(
    kind: SyncKind,
    token: str,
    base_url: str = DEFAULT_I3_BASE_URL,
    *,
    total_path: str | None = None,
) -> str:
    """The page that logs the admin in with ``token`` and shows the sync for ``kind``.

    ``total_path`` pins the other spelling of the total-sync page for a company whose I3 uses it
    (one of :data:`TOTAL_SYNC_PATHS`; anything else is refused, it never reaches a URL).
    """
    path = SYNC_PATHS[kind]
    if kind is SyncKind.ALL_USERS and total_path is not None:
        if total_path not in TOTAL_SYNC_PATHS:
            raise ValueError("unknown total-sync page spelling")
        path = f"/users/{total_path}/"
    return normalise_i3_url(base_url) + path + quote(token, safe="")
