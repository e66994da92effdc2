"""PAC files: fetched within a deadline and a size cap, run by a JavaScript engine within a time
limit, and their answer parsed.

Only :mod:`desktop.core.proxy` uses this module, and only when the system names a PAC file or
auto-detection (WPAD): QuickJS and the public suffix list are imported inside the functions
here, so that nobody else pays for them.

Why QuickJS (the ``quickjs`` package) and not pypac, whose engine is dukpy: dukpy holds the GIL
while a script runs and can only be interrupted by a signal on the main thread, so a PAC file
that loops forever would freeze the whole process, deadline, Cancel and window included.
``quickjs`` releases the GIL while JavaScript runs and stops a script at a time limit. Each run
gets a fresh context on its own bounded thread (:func:`~desktop.core.http_exchange.call_bounded`),
since a QuickJS context must stay on the thread that made it. With a time limit QuickJS allows
no call into Python, so the PAC functions are JavaScript (:mod:`desktop.core.pac_js`) and DNS
look-ups are made between runs (a script that needs a name is run again once it is known).
"""

from __future__ import annotations

import logging
import os
import socket
import stat
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

import requests

from desktop.core.http_exchange import TrackedAdapter, WorkAborted, call_bounded
from desktop.core.pac_js import MY_IP, MY_IPS, ONE, helpers_with
from desktop.core.text import one_line

log = logging.getLogger(__name__)

PAC_MAX_BYTES = 1024 * 1024
PAC_FETCH_SECONDS = 5.0
PAC_EVAL_SECONDS = 1.0
PAC_MEMORY_BYTES = 32 * 1024 * 1024
# Names one evaluation may look up (each look-up means running the script again).
MAX_LOOKUPS = 8
ENTRY_POINTS = ("FindProxyForURL", "FindProxyForURLEx")
# What a PAC answer may name: requests speaks to HTTP and HTTPS proxies (SOCKS would need
# PySocks, which the app does not ship).
_SCHEMES = {"PROXY": "http", "HTTP": "http", "HTTPS": "https"}
_SOCKS = frozenset({"SOCKS", "SOCKS4", "SOCKS5"})


class PacUnusable(Exception):
    """The PAC file could not be fetched, or its script failed; ``detail`` says why, on one
    line. ``lasting`` is False when only this request's lack of time (or a cancel) caused it,
    so the failure is not remembered for the next request."""

    def __init__(self, detail: str, *, lasting: bool = True) -> None:
        super().__init__(one_line(detail, 200))
        self.detail = one_line(detail, 200)
        self.lasting = lasting


def _bounded(work: Callable[[], Any], allowed: float, full: float, what: str) -> Any:
    try:
        return call_bounded(work, allowed, "i3sync-pac")
    except WorkAborted as aborted:
        # A budget cut short by this request's deadline says nothing about the PAC file.
        lasting = aborted.why != "cancelled" and allowed >= full
        raise PacUnusable(f"{what}: {aborted}", lasting=lasting) from None
    except PacUnusable:
        raise
    except Exception as error:  # OSError from a look-up, a missing data file: never a crash
        raise PacUnusable(f"{what} ({type(error).__name__})") from None


# -- fetching -----------------------------------------------------------------------------------


def fetch_pac(url: str, allowed: float) -> str:
    """The PAC script at ``url`` (http, https or a local ``file:`` URL), fetched directly (never
    through a proxy), within ``allowed`` seconds and :data:`PAC_MAX_BYTES`."""
    allowed = max(0.0, allowed)
    return str(_bounded(lambda: _fetch(url, allowed), allowed, PAC_FETCH_SECONDS, "no PAC file"))


def _fetch(url: str, allowed: float) -> str:
    try:
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        raise PacUnusable("the PAC address is not a valid URL") from None
    if scheme == "file":
        data = _read_file(url)
    elif scheme in ("http", "https"):
        data = _download(url, allowed)
    else:
        raise PacUnusable("the PAC address must be http://, https:// or file://")
    return _as_script(data)


def _download(url: str, allowed: float) -> bytes:
    session = requests.Session()
    session.trust_env = False  # a PAC file is always fetched directly, as browsers do
    session.max_redirects = 3
    adapter = TrackedAdapter()  # the OS trust store; sockets shut when the budget runs out
    session.mount("https://", adapter)
    session.mount("http://", adapter)
    try:
        with session.get(url, timeout=(allowed, allowed), stream=True) as response:
            if response.status_code != 200:
                raise PacUnusable(f"the PAC server answered HTTP {response.status_code}")
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_content(64 * 1024):
                size += len(chunk)
                if size > PAC_MAX_BYTES:
                    raise PacUnusable(f"the PAC file is over {PAC_MAX_BYTES} bytes")
                chunks.append(chunk)
            return b"".join(chunks)
    except requests.RequestException as error:
        raise PacUnusable(f"the PAC file could not be fetched ({type(error).__name__})") from None
    finally:
        session.close()


def _read_file(url: str) -> bytes:
    from urllib.request import url2pathname  # heavy to import: only for a file: PAC address

    parts = urlsplit(url)
    if parts.netloc not in ("", "localhost"):
        raise PacUnusable("a file: PAC address must name a file on this computer")
    path = url2pathname(parts.path)
    try:
        # Only a regular file: a FIFO or a device would block or never end.
        if not stat.S_ISREG(os.stat(path).st_mode):
            raise PacUnusable("the PAC path is not a regular file")
        with open(path, "rb") as file:
            data = file.read(PAC_MAX_BYTES + 1)
    except OSError as error:
        raise PacUnusable(f"the PAC file could not be read ({type(error).__name__})") from None
    if len(data) > PAC_MAX_BYTES:
        raise PacUnusable(f"the PAC file is over {PAC_MAX_BYTES} bytes")
    return data


def _as_script(data: bytes) -> str:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    if not any(name in text for name in ENTRY_POINTS):
        raise PacUnusable("the file is not a PAC script (no FindProxyForURL)")
    return text


def wpad_candidates(fqdn: str | None = None) -> list[str]:
    """The WPAD addresses to try for this computer's DNS name: ``http://wpad.<domain>/wpad.dat``
    from the longest domain down, never above the organisation's own domain (the public suffix
    list stops ``wpad.co.uk``, where anyone could serve a PAC file)."""
    name = (fqdn or socket.getfqdn()).strip().strip(".").lower()
    labels = name.split(".")
    if len(labels) < 2 or not all(labels):
        return []
    from publicsuffixlist import PublicSuffixList

    own = PublicSuffixList(accept_unknown=False).privatesuffix(name) or ".".join(labels[-2:])
    floor = own.count(".") + 1
    domains = [".".join(labels[i:]) for i in range(1, len(labels) - floor + 1)]
    return [f"http://wpad.{domain}/wpad.dat" for domain in domains]


def discover_wpad(
    allowed: float, candidates: Callable[[], list[str]] = wpad_candidates
) -> tuple[str, str]:
    """(address, script) of the first WPAD candidate that serves a PAC file, all of it within
    ``allowed`` seconds; :class:`PacUnusable` when none does."""
    until = time.monotonic() + max(0.0, allowed)
    urls: list[str] = _bounded(candidates, allowed, PAC_FETCH_SECONDS, "no WPAD address")
    last = "this computer has no DNS domain to search"
    for url in urls:
        left = until - time.monotonic()
        if left <= 0:
            raise PacUnusable(f"WPAD: no PAC file within {allowed:.1f} s", lasting=False)
        try:
            return url, fetch_pac(url, left)
        except PacUnusable as failed:
            last = failed.detail
    raise PacUnusable(f"WPAD found no PAC file ({last})")


# -- running --------------------------------------------------------------------------------------


def evaluate_pac(script: str, url: str, host: str, allowed: float) -> str:
    """What the script's ``FindProxyForURL(url, host)`` returns, run within ``allowed`` seconds
    (DNS look-ups included) and :data:`PAC_MEMORY_BYTES`; :class:`PacUnusable` when it fails,
    loops or returns no text."""
    allowed = max(0.0, allowed)
    until = time.monotonic() + allowed
    return str(
        _bounded(lambda: _evaluate(script, url, host, until), allowed, PAC_EVAL_SECONDS, "PAC")
    )


def _evaluate(script: str, url: str, host: str, until: float) -> str:
    answers: dict[str, str | None] = {}
    while True:
        value, missing = _run_once(script, url, host, answers, until)
        if not missing:
            return value
        if len(answers) + len(missing) > MAX_LOOKUPS:
            raise PacUnusable(f"the PAC script looks up more than {MAX_LOOKUPS} names")
        for key in missing:
            answers[key] = _look_up(key, until)


def _run_once(
    script: str, url: str, host: str, answers: dict[str, str | None], until: float
) -> tuple[str, list[str]]:
    import json

    import quickjs  # type: ignore[import-untyped]

    left = until - time.monotonic()
    if left <= 0:
        raise PacUnusable("the PAC script did not finish in time")
    context = quickjs.Context()
    context.set_memory_limit(PAC_MEMORY_BYTES)
    context.set_time_limit(left)
    try:
        context.eval(helpers_with(answers))
        context.eval(script)
        entry = next(
            (n for n in ENTRY_POINTS if context.eval(f"typeof {n}") == "function"),
            None,
        )
        if entry is None:
            raise PacUnusable("the PAC script defines no FindProxyForURL function")
        value = context.get(entry)(url, host)
        missing = json.loads(context.eval("JSON.stringify(__missing)"))
    except quickjs.JSException as error:
        raise PacUnusable(f"the PAC script failed ({_first_line(error)})") from None
    if missing:
        return "", [str(key) for key in missing]
    if not isinstance(value, str):
        raise PacUnusable("the PAC script's FindProxyForURL returned no text")
    return value, []


def _look_up(key: str, until: float) -> str | None:
    """One DNS answer for the script, by ``until``; ``None`` (unresolvable) when none came."""
    try:
        return str(call_bounded(lambda: _resolve(key), until - time.monotonic(), "i3sync-pac-dns"))
    except (WorkAborted, OSError, UnicodeError, ValueError):
        return None


def _resolve(key: str) -> str:
    if key in (MY_IP, MY_IPS):
        return _my_addresses(every=key == MY_IPS)
    name = key.split(":", 1)[1]
    family = socket.AF_INET if key.startswith(ONE) else socket.AF_UNSPEC
    found = socket.getaddrinfo(name, None, family, socket.SOCK_STREAM)
    addresses = list(dict.fromkeys(str(entry[4][0]) for entry in found))
    if not addresses:
        raise OSError("no address")
    return addresses[0] if key.startswith(ONE) else ";".join(addresses)


def _my_addresses(*, every: bool) -> str:
    # The address this computer would use to reach another network: a UDP "connect" picks the
    # route without sending anything.
    addresses: list[str] = []
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))
            addresses.append(str(probe.getsockname()[0]))
        except OSError:
            pass
    if not addresses:
        addresses.append(socket.gethostbyname(socket.gethostname()))
    return ";".join(addresses) if every else addresses[0]


def _first_line(error: BaseException) -> str:
    lines = str(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__


# -- the answer -----------------------------------------------------------------------------------


def parse_pac_answer(value: str) -> tuple[list[str | None], list[str]]:
    """``"PROXY p:8080; DIRECT"`` → ``(["http://p:8080", None], [])``: each usable choice in
    order (``None`` is DIRECT), and what was skipped (SOCKS, unreadable entries), quoted."""
    choices: list[str | None] = []
    skipped: list[str] = []
    for element in value.split(";"):
        words = element.split()
        if not words:
            continue
        keyword = words[0].upper()
        if keyword == "DIRECT" and len(words) == 1:
            choices.append(None)
        elif keyword in _SCHEMES and len(words) == 2 and _is_host_port(words[1]):
            choices.append(f"{_SCHEMES[keyword]}://{words[1]}")
        else:
            reason = "SOCKS is not supported" if keyword in _SOCKS else "not understood"
            skipped.append(f"{one_line(element.strip(), 80)!r} ({reason})")
    return choices, skipped


def _is_host_port(text: str) -> bool:
    if any(c in text for c in "/@?#\\") or any(ord(c) < 33 for c in text):
        return False
    try:
        parts = urlsplit("http://" + text)
        _ = parts.port
    except ValueError:
        return False
    return bool(parts.hostname)
