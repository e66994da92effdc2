"""Checking the http(s) addresses a user types: ESWS endpoints, I3 and CRM.COM base URLs.

One validator for the CLI, the profile dialog and both connectors, so an address that saves is an
address that can be used.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from desktop.core.errors import InputError


def normalise_base_url(base_url: str, field_name: str, example: str) -> str:
    """An http(s) base URL without a trailing slash, query or fragment; ``InputError`` otherwise.

    ``field_name`` names the field in the message, ``example`` shows a valid address.
    """
    text = base_url.strip()
    parts = urlsplit(text)
    try:
        port = parts.port
    except ValueError:
        raise InputError(field_name, "has an invalid port number") from None
    if port == 0 or any(ch.isspace() for ch in text):
        raise InputError(field_name, "has an invalid port number or a space")
    if parts.scheme not in ("https", "http") or not parts.hostname:
        raise InputError(field_name, "must be an http:// or https:// address, e.g. " + example)
    if parts.query or parts.fragment or parts.username or parts.password:
        raise InputError(field_name, "must not contain a query, fragment or credentials")
    return text.rstrip("/")


def origin_of(url: str) -> tuple[str, str, int]:
    """Scheme, host and effective port of a URL, for same-origin checks."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    port = parts.port or (443 if scheme == "https" else 80)
    return scheme, (parts.hostname or "").lower(), port
