"""Which proxy a request goes through, per URL, the way the system decides: PAC and WPAD too.

``requests`` reads ``HTTP(S)_PROXY``/``NO_PROXY`` (and, on Windows, the registry's fixed proxy),
but not a PAC script nor WPAD, which many company networks use and QtWebEngine follows: I3's
page would load while the token request fails. So every request of
:class:`~desktop.core.http.HttpPoster` (ESWS and CRM.COM alike) asks :class:`ProxyResolver`:

- The system names a PAC file or auto-detection (:func:`system_pac_settings`): on Windows the
  user's Internet Settings (``AutoConfigURL``; ``AutoDetect`` or the auto-detect bit of
  ``Connections\\DefaultConnectionSettings``), everywhere the ``I3SYNC_PAC_URL`` environment
  variable (a URL; ``wpad`` to discover one; ``none`` to ignore the system's). Then the PAC
  script decides, for each URL (a named address wins over WPAD); a PAC file that
  cannot be fetched, or a script that fails or loops, means DIRECT, with a logged warning.
- Otherwise nothing changes: ``requests`` applies the environment's proxies as it always did.

The PAC file is fetched within the request's own deadline (half of what is left, at most
:data:`~desktop.core.pac.PAC_FETCH_SECONDS`), size-capped, and kept for :data:`PAC_TTL` seconds
per process (a failure for :data:`FAILURE_TTL`). pypac and QuickJS are imported only when a PAC
file is named (:mod:`desktop.core.pac`).
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from urllib.parse import urlsplit

import requests

from desktop.core.text import one_line

log = logging.getLogger(__name__)

PAC_ENV = "I3SYNC_PAC_URL"
WPAD = "wpad"  # how a route and the cache name auto-detection before it found a PAC file
PAC_TTL = 300.0
FAILURE_TTL = 60.0
INTERNET_SETTINGS = r"Software\Microsoft\Windows\CurrentVersion\Internet Settings"
CONNECTION_SETTINGS = r"Connections\DefaultConnectionSettings"
POLICY_SETTINGS = r"Software\Policies\Microsoft\Windows\CurrentVersion\Internet Settings"
# Flags in byte 8 of DefaultConnectionSettings (what the "LAN settings" dialog ticks).
_FLAG_AUTO_CONFIG_URL = 0x04
_FLAG_AUTO_DETECT = 0x08

RegistryReader = Callable[[str], object]
"""Reads one value under HKCU\\...\\Internet Settings by name (a sub-key's value as
``Sub\\Key\\Name``); ``None`` when it is not there."""


@dataclass(frozen=True)
class PacSettings:
    """What the system names: a PAC file's address, auto-detection (WPAD), both or neither."""

    pac_url: str | None = None
    auto_detect: bool = False
    origin: str = ""

    @property
    def named(self) -> bool:
        return bool(self.pac_url) or self.auto_detect


def pac_settings_from_registry(read: RegistryReader) -> PacSettings:
    """The PAC settings in a Windows user's Internet Settings, read through ``read``."""
    url = read("AutoConfigURL")
    pac_url = url.strip() if isinstance(url, str) and url.strip() else None
    flags_blob = read(CONNECTION_SETTINGS)
    if isinstance(flags_blob, bytes | bytearray) and len(flags_blob) > 8:
        # The dialog's own record: a script address left behind with its box unticked is off.
        flags = flags_blob[8]
        auto_detect = bool(flags & _FLAG_AUTO_DETECT)
        if not flags & _FLAG_AUTO_CONFIG_URL:
            pac_url = None
    else:
        auto_detect = read("AutoDetect") == 1
    return PacSettings(pac_url, auto_detect, "Windows Internet Settings")


def windows_internet_settings(name: str) -> object:
    """The registry reader of :func:`pac_settings_from_registry` on Windows: the user's
    settings (HKCU), or the machine's when policy sets ``ProxySettingsPerUser`` to 0."""
    if sys.platform != "win32":
        return None
    import winreg

    hive = winreg.HKEY_CURRENT_USER
    try:
        # Group Policy can make proxy settings machine-wide: then HKLM holds them.
        with winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE, POLICY_SETTINGS) as policy:
            if winreg.QueryValueEx(policy, "ProxySettingsPerUser")[0] == 0:
                hive = winreg.HKEY_LOCAL_MACHINE
    except OSError:
        pass
    key_path, _, value_name = (INTERNET_SETTINGS + "\\" + name).rpartition("\\")
    try:
        with winreg.OpenKey(hive, key_path) as key:
            value, _kind = winreg.QueryValueEx(key, value_name)
    except OSError:
        return None
    return value


def system_pac_settings(
    environ: Mapping[str, str] | None = None,
    registry: RegistryReader | None = None,
) -> PacSettings:
    """The PAC settings in force: ``I3SYNC_PAC_URL`` when set (``wpad``: auto-detect; ``none``:
    no PAC, whatever the system says), else the registry (Windows), else none."""
    env = os.environ if environ is None else environ
    value = env.get(PAC_ENV)
    if value is not None:
        value = value.strip()
        if value.lower() in ("", "none", "off"):
            return PacSettings(origin=PAC_ENV)
        if value.lower() in ("wpad", "auto"):
            return PacSettings(auto_detect=True, origin=PAC_ENV)
        return PacSettings(pac_url=value, origin=PAC_ENV)
    if registry is None and sys.platform == "win32":
        registry = windows_internet_settings
    if registry is not None:
        return pac_settings_from_registry(registry)
    return PacSettings()


def mask_proxy(proxy: str) -> str:
    """``http://jane:pw@proxy.corp:3128`` → ``http://***@proxy.corp:3128``: a proxy as shown."""
    try:
        parts = urlsplit(proxy if "://" in proxy else "http://" + proxy)
        host = parts.hostname or "?"
        port = parts.port
    except ValueError:
        return "an unreadable proxy address"
    shown = f"[{host}]" if ":" in host else host
    credentials = "***@" if parts.username or parts.password else ""
    return one_line(f"{parts.scheme}://{credentials}{shown}" + (f":{port}" if port else ""), 200)


@dataclass(frozen=True)
class Route:
    """How one request goes out: ``proxy`` (a URL for requests) or ``None`` for DIRECT.

    ``pac`` is the PAC file's address when a PAC script decided (then the route is passed to
    requests explicitly), ``None`` when requests applies the environment's proxies itself.
    ``warning`` says why a PAC file could not be used (the route is then DIRECT).
    """

    proxy: str | None
    pac: str | None = None
    warning: str | None = None

    def requests_proxies(self) -> dict[str, str | None] | None:
        """The ``proxies=`` argument for requests: ``None`` lets it read the environment; a
        dict of ``None`` values keeps it from adding the environment's (DIRECT)."""
        if self.pac is None:
            return None
        return {"http": self.proxy, "https": self.proxy, "all": self.proxy}

    @property
    def shown(self) -> str | None:
        """The proxy with any credentials masked, or ``None`` for DIRECT."""
        return mask_proxy(self.proxy) if self.proxy else None


def mask_url(url: str) -> str:
    """An address as shown: no credentials, no query (a PAC URL may carry either)."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        port = f":{parts.port}" if parts.port else ""
    except ValueError:
        return "an unreadable address"
    shown = f"[{host}]" if ":" in host else host
    return one_line(f"{parts.scheme}://{shown}{port}{parts.path}", 200)


def environment_route(url: str) -> Route:
    """The proxy requests itself will use for ``url`` (environment; registry on Windows)."""
    try:
        proxies = requests.utils.get_environ_proxies(url)
        scheme = urlsplit(url).scheme.lower()
    except ValueError:
        return Route(None)
    return Route(proxies.get(scheme) or proxies.get("all") or None)


@dataclass
class _Script:
    expires: float
    url: str
    script: str | None
    problem: str | None = None


class ProxyResolver:
    """Chooses each request's route; one per process (:func:`system_resolver`), thread-safe.

    ``settings`` says what the system names (injectable for tests); ``wpad`` lists the WPAD
    addresses to try. The PAC script is fetched once per :data:`PAC_TTL`.
    """

    def __init__(
        self,
        settings: Callable[[], PacSettings] = system_pac_settings,
        wpad: Callable[[], list[str]] | None = None,
    ) -> None:
        self._settings = settings
        self._wpad = wpad
        self._lock = threading.Lock()
        self._scripts: dict[str, _Script] = {}

    def pac_named(self) -> bool:
        """True when a PAC file or auto-detection is configured (nothing is fetched)."""
        return self._settings().named

    def forget(self) -> None:
        """Drop every cached PAC script and failure (the next request fetches again)."""
        with self._lock:
            self._scripts.clear()

    def choose(self, url: str, until: float) -> Route:
        """The route for ``url``; PAC work ends by ``until`` (a :func:`time.monotonic` time)
        and leaves the request at least half of what was left. Never raises: whatever goes
        wrong with a PAC file means DIRECT, with a logged warning."""
        settings = self._settings()
        if not settings.named:
            return environment_route(url)
        try:
            return self._choose(settings, url, until)
        except Exception as error:  # a missing engine in a frozen build, a bug: still DIRECT
            problem = f"unexpected {type(error).__name__}"
            _warn(_pac_label(settings), problem)
            return Route(None, pac=_pac_label(settings), warning=problem)

    def _choose(self, settings: PacSettings, url: str, until: float) -> Route:
        from desktop.core.pac import PAC_EVAL_SECONDS, PacUnusable, evaluate_pac

        try:
            entry = self._script(settings, until)
        except PacUnusable as failed:
            return Route(None, pac=_pac_label(settings), warning=failed.detail)
        if entry.script is None:
            return Route(None, pac=entry.url, warning=entry.problem)
        try:
            target, host = pac_arguments(url)
        except ValueError:
            return Route(None, pac=entry.url, warning="the address could not be read")
        try:
            allowed = min(PAC_EVAL_SECONDS, (until - time.monotonic()) / 2)
            answer = evaluate_pac(entry.script, target, host, allowed)
        except PacUnusable as failed:
            if failed.lasting:  # the script itself is broken: not run again until it expires
                broken = _Script(entry.expires, entry.url, None, failed.detail)
                self._remember(settings.pac_url or WPAD, broken)
            _warn(entry.url, failed.detail)
            return Route(None, pac=entry.url, warning=failed.detail)
        return self._route(entry.url, answer)

    def _route(self, pac_url: str, answer: str) -> Route:
        from desktop.core.pac import parse_pac_answer

        choices, skipped = parse_pac_answer(answer)
        if skipped:
            log.warning("PAC file %s: skipped %s", mask_url(pac_url), ", ".join(skipped))
        if not choices:
            problem = "its answer names no proxy this app can use"
            _warn(pac_url, problem)
            return Route(None, pac=pac_url, warning=problem)
        # The first choice, as a browser would; failing over to the next is not attempted.
        return Route(choices[0], pac=pac_url)

    def _script(self, settings: PacSettings, until: float) -> _Script:
        from desktop.core.pac import (
            PAC_FETCH_SECONDS,
            PacUnusable,
            discover_wpad,
            fetch_pac,
            wpad_candidates,
        )

        key = settings.pac_url or WPAD
        now = time.monotonic()
        with self._lock:
            cached = self._scripts.get(key)
        if cached is not None and cached.expires > now:
            return cached
        allowed = min(PAC_FETCH_SECONDS, (until - now) / 2)
        try:
            if settings.pac_url:
                entry = _Script(now + PAC_TTL, key, fetch_pac(settings.pac_url, allowed))
            else:
                found, script = discover_wpad(allowed, self._wpad or wpad_candidates)
                entry = _Script(now + PAC_TTL, found, script)
        except PacUnusable as failed:
            _warn(key, failed.detail)
            if not failed.lasting:
                raise
            entry = _Script(now + FAILURE_TTL, key, None, failed.detail)
        self._remember(key, entry)
        return entry

    def _remember(self, key: str, entry: _Script) -> None:
        with self._lock:
            self._scripts[key] = entry


def pac_arguments(url: str) -> tuple[str, str]:
    """(url, host) as handed to ``FindProxyForURL``: never credentials, a query or a fragment,
    and for https only the origin (as browsers do: a path is the user's business)."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    shown = f"[{host}]" if ":" in host else host
    netloc = shown + (f":{parts.port}" if parts.port else "")
    path = "/" if parts.scheme.lower() == "https" else (parts.path or "/")
    return f"{parts.scheme.lower()}://{netloc}{path}", host


def _pac_label(settings: PacSettings) -> str:
    return settings.pac_url or WPAD


def _warn(pac_url: str, problem: str) -> None:
    shown = "found by WPAD" if pac_url == WPAD else mask_url(pac_url)
    log.warning("PAC file %s not used (%s): connecting directly", shown, problem)


_system: ProxyResolver | None = None
_system_lock = threading.Lock()


def system_resolver() -> ProxyResolver:
    """The process's one resolver (its PAC cache is shared by every request)."""
    global _system
    with _system_lock:
        if _system is None:
            _system = ProxyResolver()
        return _system
