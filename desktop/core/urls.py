"""Checking the http(s) addresses a user types: ESWS endpoints, I3 and CRM.COM base URLs.

One validator for the CLI, the profile dialog and both connectors, so an address that saves is an
address that can be used. Every problem is an :class:`~desktop.core.errors.InputError` naming the
field (never a ``ValueError`` from ``urlsplit``, never the value itself).

The trailing-slash rule, the only change made to what was typed besides surrounding white space:

- an **endpoint** (:func:`normalise_endpoint_url`, e.g. the ESWS endpoint) is the address a
  request is sent to: its path is kept exactly as typed, trailing slash included;
- a **base URL** (:func:`normalise_base_url`, e.g. I3's address or CRM.COM's Web API base) is an
  address that paths are joined to (``<base>/users/...``): it loses one trailing slash, so that
  ``https://i3.example/`` and ``https://i3.example`` give the same ``https://i3.example/users/...``.
"""

from __future__ import annotations

from typing import NamedTuple
from urllib.parse import SplitResult, urlsplit

from desktop.core.errors import InputError
from desktop.core.i18n import QT_TRANSLATE_NOOP
from desktop.core.text import PROBLEM_TOO_LONG, text_problem

MAX_URL_LENGTH = 2048


# What is wrong with an address, said after the field's name (InputError.template).
PROBLEM_NOT_AN_ADDRESS = QT_TRANSLATE_NOOP(
    "Input", "is not a valid address (check the host name, brackets and port)"
)
PROBLEM_PORT_OR_SPACE = QT_TRANSLATE_NOOP("Input", "has an invalid port number or a space")
PROBLEM_SCHEME = QT_TRANSLATE_NOOP(
    "Input", "must be an http:// or https:// address, e.g. {example}"
)
PROBLEM_EXTRAS = QT_TRANSLATE_NOOP("Input", "must not contain a query, fragment or credentials")


class _Parsed(NamedTuple):
    text: str
    parts: SplitResult


def _parse(url: str, field_name: str, example: str) -> _Parsed:
    """Checks shared by endpoints and base URLs; the text with surrounding white space removed."""
    text = url.strip()
    problem = text_problem(text)
    if problem is not None:
        raise InputError(field_name, template=problem)
    if len(text) > MAX_URL_LENGTH:
        raise InputError(field_name, template=PROBLEM_TOO_LONG, values={"count": MAX_URL_LENGTH})
    try:
        # urlsplit raises on an unclosed IPv6 bracket ("http://[::1"), .port on a bad port.
        parts = urlsplit(text)
        port = parts.port
        host = parts.hostname
    except ValueError:
        raise InputError(field_name, template=PROBLEM_NOT_AN_ADDRESS) from None
    if port == 0 or any(ch.isspace() for ch in text):
        raise InputError(field_name, template=PROBLEM_PORT_OR_SPACE)
    if parts.scheme not in ("https", "http") or not host:
        raise InputError(field_name, template=PROBLEM_SCHEME, values={"example": example})
    if parts.query or parts.fragment or parts.username or parts.password or "?" in text:
        raise InputError(field_name, template=PROBLEM_EXTRAS)
    return _Parsed(text, parts)


def normalise_endpoint_url(url: str, field_name: str, example: str) -> str:
    """An http(s) endpoint exactly as typed (less surrounding white space); ``InputError`` if bad.

    Its path is sent as given; a query, fragment or credentials are refused (a query would be
    lost or doubled when the client adds its own).
    """
    return _parse(url, field_name, example).text


def normalise_base_url(base_url: str, field_name: str, example: str) -> str:
    """An http(s) base URL without one trailing slash, query or fragment; ``InputError`` otherwise.

    ``field_name`` names the field in the message, ``example`` shows a valid address. One
    trailing slash is dropped because paths are joined to a base with their own leading slash.
    """
    text = _parse(base_url, field_name, example).text
    return text[:-1] if text.endswith("/") else text


def origin_of(url: str) -> tuple[str, str, int]:
    """Scheme, host and effective port of a URL, for same-origin checks.

    A URL that cannot be parsed gives ``("", "", 0)``, which matches no allowed origin.
    """
    try:
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        port = parts.port or (443 if scheme == "https" else 80)
    except ValueError:
        return "", "", 0
    return scheme, (parts.hostname or "").lower(), port


def host_of(url: str) -> str:
    """The host (and port, when the address has one) of ``url``, for messages: never the
    credentials, path or query. Empty when ``url`` has none."""
    return urlsplit(url).netloc.rsplit("@", 1)[-1]
