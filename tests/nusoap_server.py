"""Run the real-NuSOAP ESWS stand-in (tests/nusoap/esws.php) under ``php -S``.

Plain Python (no pytest): ``tests/conftest.py`` wraps it in the ``nusoap_esws`` fixture.

    server = NusoapEsws().start()
    server.endpoint      # http://127.0.0.1:<port>/esws.php
    server.wsdl_url      # endpoint + "?wsdl" (NuSOAP's generated WSDL)
    server.calls()       # one dict per SOAP call, oldest first (see esws.php for the keys)
    server.stop()

What it does:

* copies Debian's libnusoap-php (``/usr/share/php/nusoap``, or ``$NUSOAP_DIR``) into a temp dir
  and renames every PHP-4 style constructor (a method named like its class) to ``__construct``,
  plus the ``parent::<class>()`` calls to it. PHP 8 no longer runs such methods as
  constructors; unpatched, NuSOAP's parser silently parses no parameter at all;
* copies esws.php into ``<tmp>/www`` and writes the seed (tests/esws_seed.py) as JSON;
* starts ``php -S 127.0.0.1:<free port> -t <tmp>/www`` with ``display_errors=0`` so no PHP
  warning/deprecation ever lands inside a SOAP reply; PHP's errors go to `error_log`
  (``error_log_text()``), the server's own output to `server_log`;
* waits (bounded polling of ``?wsdl``) until the WSDL is served.

Needs only ``php-cli``, ``php-xml`` and ``libnusoap-php`` (Debian 12); works as root.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from tests.esws_seed import SEED

HERE = Path(__file__).resolve().parent
ESWS_PHP_DIR = HERE / "nusoap"

NUSOAP_CANDIDATES = (
    Path("/usr/share/php/nusoap"),
    Path("/usr/share/php/libnusoap"),
    Path("/usr/share/nusoap"),
)

# Constructors that must exist after patching (classes of nusoap.php defining one).
_REQUIRED_CONSTRUCTORS = frozenset(
    {
        "nusoap_base",
        "nusoap_fault",
        "nusoap_xmlschema",
        "soapval",
        "soap_transport_http",
        "nusoap_server",
        "wsdl",
        "nusoap_parser",
        "nusoap_client",
    }
)

_CLASS_RE = re.compile(r"^[ \t]*class[ \t]+(\w+)(?:[ \t]+extends[ \t]+(\w+))?", re.M | re.I)


_E_ALL = 32767
_E_NO_DEPRECATED = _E_ALL & ~8192 & ~16384  # E_ALL & ~E_DEPRECATED & ~E_USER_DEPRECATED


class NusoapError(RuntimeError):
    """The stand-in could not be prepared or started."""


def find_nusoap_dir() -> Path:
    """Directory holding nusoap.php: ``$NUSOAP_DIR`` or Debian's libnusoap-php location."""
    env = os.environ.get("NUSOAP_DIR")
    candidates = (Path(env),) if env else NUSOAP_CANDIDATES
    for candidate in candidates:
        if (candidate / "nusoap.php").is_file():
            return candidate
    raise NusoapError(
        f"NuSOAP not found (looked in {', '.join(map(str, candidates))}); "
        "install libnusoap-php or set NUSOAP_DIR"
    )


def patch_php4_constructors(source: str) -> tuple[str, set[str]]:
    """Rename PHP-4 style constructors to ``__construct`` in one PHP source file.

    For every ``class X`` the method ``function X(`` inside that class's body becomes
    ``function __construct(``; ``parent::Y(`` / ``$this->Y(`` calls naming any class of the
    file become ``...::__construct(``. Returns the patched text and the classes patched.
    """
    classes = [(m.start(), m.group(1)) for m in _CLASS_RE.finditer(source)]
    names = {name.lower() for _, name in classes}
    patched: set[str] = set()
    pieces: list[str] = []
    bounds = [*(start for start, _ in classes), len(source)]
    pieces.append(source[: bounds[0]])
    for (start, name), end in zip(classes, bounds[1:], strict=True):
        body = source[start:end]
        ctor = re.compile(r"(\bfunction[ \t]+)" + re.escape(name) + r"([ \t]*\()", re.I)
        if re.search(r"\bfunction[ \t]+__construct[ \t]*\(", body, re.I) is None:
            body, count = ctor.subn(r"\1__construct\2", body, count=1)
            if count:
                patched.add(name)
        pieces.append(body)
    text = "".join(pieces)
    if names:
        alternatives = "|".join(sorted((re.escape(n) for n in names), key=len, reverse=True))
        text = re.sub(
            r"\b(parent::|\$this->)(?:" + alternatives + r")([ \t]*\()",
            r"\1__construct\2",
            text,
            flags=re.I,
        )
    return text, patched


def php4_constructors_left(source: str) -> list[str]:
    """Methods named like their class, or ``parent::<class>(`` calls, still in ``source``."""
    classes = [(m.start(), m.group(1)) for m in _CLASS_RE.finditer(source)]
    bounds = [*(start for start, _ in classes), len(source)]
    left = []
    for (start, name), end in zip(classes, bounds[1:], strict=True):
        if re.search(r"\bfunction[ \t]+" + re.escape(name) + r"[ \t]*\(", source[start:end], re.I):
            left.append(f"{name}::{name}()")
    for name in {n.lower() for _, n in classes}:
        if re.search(r"(parent::|\$this->)" + re.escape(name) + r"[ \t]*\(", source, re.I):
            left.append(f"call to {name}()")
    return left


def prepare_nusoap(dest: Path, source_dir: Path | None = None) -> Path:
    """Copy NuSOAP to ``dest`` with PHP-8-runnable constructors; returns the nusoap.php path."""
    source_dir = source_dir or find_nusoap_dir()
    dest.mkdir(parents=True, exist_ok=True)
    patched_all: set[str] = set()
    for php in sorted(source_dir.glob("*.php")):
        text, patched = patch_php4_constructors(php.read_text(encoding="latin-1"))
        patched_all |= patched
        (dest / php.name).write_text(text, encoding="latin-1")
    missing = _REQUIRED_CONSTRUCTORS - {name.lower() for name in patched_all}
    if missing:
        raise NusoapError(f"NuSOAP constructors not found to patch: {sorted(missing)}")
    for php in dest.glob("*.php"):
        left = php4_constructors_left(php.read_text(encoding="latin-1"))
        if left:
            raise NusoapError(f"{php.name}: PHP-4 constructors left after patching: {left}")
    return dest / "nusoap.php"


def _free_port(host: str) -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


class NusoapEsws:
    """The NuSOAP ESWS stand-in, one ``php -S`` process on a free loopback port."""

    def __init__(
        self,
        *,
        seed: Mapping[str, Any] | None = None,
        php: str | None = None,
        host: str = "127.0.0.1",
        nusoap_dir: Path | None = None,
        workers: int = 1,
        startup_timeout: float = 20.0,
        keep_dir: bool = False,
        log_deprecations: bool = False,
    ) -> None:
        self.seed: Mapping[str, Any] = seed if seed is not None else SEED
        self.php = php or os.environ.get("PHP_BINARY") or shutil.which("php") or "php"
        self.host = host
        self.nusoap_dir = nusoap_dir
        # 1 = one php process answering requests one after the other (enough for the tests:
        # php -S closes every connection after its reply). More uses PHP_CLI_SERVER_WORKERS;
        # php's master does not reap its workers on shutdown, so each stop() then leaves
        # `workers` zombies for PID 1 to collect.
        self.workers = workers
        self.startup_timeout = startup_timeout
        self.keep_dir = keep_dir or bool(os.environ.get("ESWS_KEEP_DIR"))
        # NuSOAP 0.9.5 on PHP 8.2 logs ~30 deprecations per request (strftime, utf8_decode,
        # dynamic properties): left out of the log unless asked for.
        self.log_deprecations = log_deprecations
        self.port: int | None = None
        self.workdir: Path | None = None
        self._lib: Path | None = None
        self._proc: subprocess.Popen[bytes] | None = None
        self._server_log_fh: Any = None

    # -- paths and URLs ------------------------------------------------------------------
    def _dir(self) -> Path:
        if self.workdir is None:
            raise NusoapError("NusoapEsws not started")
        return self.workdir

    @property
    def docroot(self) -> Path:
        return self._dir() / "www"

    @property
    def seed_file(self) -> Path:
        return self._dir() / "esws-seed.json"

    @property
    def calls_file(self) -> Path:
        return self._dir() / "esws-calls.jsonl"

    @property
    def error_log(self) -> Path:
        """PHP's error log (warnings, deprecations, fatals): never part of a reply."""
        return self._dir() / "php-errors.log"

    @property
    def server_log(self) -> Path:
        """stdout/stderr of ``php -S`` (access log, startup errors)."""
        return self._dir() / "php-server.log"

    @property
    def base_url(self) -> str:
        if self.port is None:
            raise NusoapError("NusoapEsws not started")
        return f"http://{self.host}:{self.port}"

    @property
    def endpoint(self) -> str:
        return f"{self.base_url}/esws.php"

    @property
    def wsdl_url(self) -> str:
        return f"{self.endpoint}?wsdl"

    # -- lifecycle -----------------------------------------------------------------------
    def start(self) -> NusoapEsws:
        if self._proc is not None:
            return self
        if shutil.which(self.php) is None and not Path(self.php).is_file():
            raise NusoapError(f"php binary not found: {self.php}")
        self.workdir = Path(tempfile.mkdtemp(prefix="nusoap-esws-"))
        try:
            self._prepare()
            last_error = ""
            for _attempt in range(3):  # a free port can be taken between probe and bind
                try:
                    self._launch()
                    return self
                except NusoapError as exc:
                    last_error = str(exc)
                    self._terminate()
            raise NusoapError(last_error)
        except BaseException:
            self.stop()
            raise

    def _prepare(self) -> None:
        work = self._dir()
        self._lib = prepare_nusoap(work / "nusoap", self.nusoap_dir)
        self.docroot.mkdir()
        shutil.copy2(ESWS_PHP_DIR / "esws.php", self.docroot / "esws.php")
        router = ESWS_PHP_DIR / "router.php"
        if router.is_file():
            shutil.copy2(router, work / "router.php")
        self.seed_file.write_text(json.dumps(self.seed, ensure_ascii=False), encoding="utf-8")
        self.calls_file.write_bytes(b"")
        self.error_log.write_bytes(b"")

    def _launch(self) -> None:
        work = self._dir()
        self.port = _free_port(self.host)
        cmd = [
            self.php,
            "-d", "display_errors=0",
            "-d", "display_startup_errors=0",
            "-d", "html_errors=0",
            "-d", "log_errors=1",
            "-d", f"error_log={self.error_log}",
            "-d", f"error_reporting={_E_ALL if self.log_deprecations else _E_NO_DEPRECATED}",
            "-d", "output_buffering=0",
            "-S", f"{self.host}:{self.port}",
            "-t", str(self.docroot),
        ]  # fmt: skip
        router = work / "router.php"
        if router.is_file():
            cmd.append(str(router))
        env = dict(os.environ)
        env.update(
            {
                "ESWS_NUSOAP_LIB": str(self._lib),
                "ESWS_SEED_FILE": str(self.seed_file),
                "ESWS_CALLS_FILE": str(self.calls_file),
                "PHP_CLI_SERVER_WORKERS": str(self.workers),
            }
        )
        if self.workers <= 1:
            env.pop("PHP_CLI_SERVER_WORKERS")
        self._server_log_fh = self.server_log.open("ab")
        self._proc = subprocess.Popen(
            cmd,
            cwd=work,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=self._server_log_fh,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: stop() ends php and its workers
        )
        self._wait_ready()

    def _wait_ready(self) -> None:
        assert self._proc is not None
        deadline = time.monotonic() + self.startup_timeout
        last = "no attempt"
        while time.monotonic() < deadline:
            if self._proc.poll() is not None:
                raise NusoapError(
                    f"php -S exited with {self._proc.returncode}: {self._tail(self.server_log)}"
                )
            try:
                with urllib.request.urlopen(self.wsdl_url, timeout=2) as resp:
                    body = resp.read()
                if resp.status == 200 and b"definitions" in body:
                    return
                last = f"HTTP {resp.status}: {body[:200]!r}"
            except (urllib.error.URLError, OSError) as exc:
                last = repr(exc)
            # bounded back-off between polls that also notices the process exiting
            with contextlib.suppress(subprocess.TimeoutExpired):
                self._proc.wait(timeout=0.05)
        raise NusoapError(
            f"ESWS stand-in not ready after {self.startup_timeout}s ({last}); "
            f"server log: {self._tail(self.server_log)}; php errors: {self._tail(self.error_log)}"
        )

    def _terminate(self) -> None:
        proc, self._proc = self._proc, None
        if proc is not None and proc.poll() is None:
            # The whole process group (php and any PHP_CLI_SERVER_WORKERS children), while
            # php itself is not yet reaped, so the group id is still ours.
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(timeout=10)
        if self._server_log_fh is not None:
            self._server_log_fh.close()
            self._server_log_fh = None

    def stop(self) -> None:
        self._terminate()
        if self.workdir is not None and not self.keep_dir:
            shutil.rmtree(self.workdir, ignore_errors=True)
            self.workdir = None
        self.port = None

    @property
    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def __enter__(self) -> NusoapEsws:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    # -- call log ------------------------------------------------------------------------
    def calls(self) -> list[dict[str, Any]]:
        """Every SOAP call the methods saw, oldest first.

        Keys: ``operation`` ("getSyncToken"/"getTotalSyncToken"), ``args`` (name -> value the
        method got, UTF-8; positional, see esws.php), ``arg_types`` (PHP types),
        ``params`` (name -> {"present", "raw", "type"} by element name in the request),
        ``received_names``, ``result`` (token or error string), ``company``, ``soap_action``,
        ``content_type``, ``xml_encoding``, ``request`` (the raw envelope), ``time``.
        Calls that NuSOAP rejected before the method ran (faults) are not logged.
        """
        text = self.calls_file.read_text(encoding="utf-8")
        return [json.loads(line) for line in text.splitlines() if line.strip()]

    def last_call(self) -> dict[str, Any] | None:
        calls = self.calls()
        return calls[-1] if calls else None

    def clear_calls(self) -> None:
        self.calls_file.write_bytes(b"")

    def error_log_text(self) -> str:
        """PHP's error log so far (for debugging a failing test)."""
        return self.error_log.read_text(encoding="utf-8", errors="replace")

    @staticmethod
    def _tail(path: Path, limit: int = 2000) -> str:
        try:
            return path.read_text(encoding="utf-8", errors="replace")[-limit:]
        except OSError:
            return "<unreadable>"


__all__ = [
    "NusoapError",
    "NusoapEsws",
    "find_nusoap_dir",
    "patch_php4_constructors",
    "php4_constructors_left",
    "prepare_nusoap",
]
