"""The fence around what zeep may read: every byte goes through :class:`PosterTransport`.

Replies and remote documents go through :class:`~desktop.core.http.HttpPoster` (deadline, size
cap, cancel); local documents through a bounded read of regular files only. What a WSDL may load
is decided by where it came from (see :class:`PosterTransport`), and once the WSDL is parsed
nothing may be loaded, so nothing a reply says can trigger a fetch.
"""

from __future__ import annotations

import io
import os
import stat
import time
from urllib.parse import urlsplit
from urllib.request import url2pathname

import requests
from zeep.transports import Transport

from desktop.core.errors import TransportError, TransportProblem
from desktop.core.http import (
    MAX_REPLY_BYTES,
    USER_AGENT,
    HttpPoster,
    HttpReply,
    describe_endpoint,
    http_status_detail,
)
from desktop.core.text import one_line

__all__ = ["MAX_DOCUMENT_BYTES", "ImportRefused", "PosterTransport", "is_remote"]

MAX_DOCUMENT_BYTES = MAX_REPLY_BYTES  # each WSDL or schema document, local or remote


def _origin(url: str) -> tuple[str, str, int | None]:
    parts = urlsplit(url)
    return parts.scheme.lower(), (parts.hostname or "").lower(), parts.port


def is_remote(location: str) -> bool:
    """True for an http(s) URL: a document fetched over the network, not a local file."""
    return urlsplit(location).scheme.lower() in ("http", "https")


def _is_unc(location: str) -> bool:
    # Windows reads "/" as "\\": "//host/share", "\\/host\\share" and "/\\host\\share" are all
    # network shares there, and opening one sends the user's NTLM credentials to that host. The
    # test is about what Windows would do, on every platform. A backslash next to another
    # separator anywhere (zeep joins a relative import to the WSDL's folder) is a share on Windows
    # and never a sensible file name elsewhere.
    flat = location.replace("/", "\\")
    return flat.startswith("\\\\") or any(pair in location for pair in ("\\\\", "\\/", "/\\"))


def _is_file_url(location: str) -> bool:
    return location[:5].lower() == "file:"


def _file_path(url: str) -> str | None:
    """The local path a ``file:`` URL names, percent-decoded as ``url2pathname`` does; ``None``
    when it names another host (``file://host/share`` is a network share, not a relative path)."""
    parts = urlsplit(url)
    if parts.netloc.lower() not in ("", "localhost"):
        return None
    return url2pathname(parts.path)


class ImportRefused(Exception):
    """A document asked for a load the fence refuses; the client reports it as an unexpected
    reply from its endpoint (a parsed local WSDL is shared by every client, so the transport
    that refuses does not know which endpoint asked)."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


class PosterTransport(Transport):  # type: ignore[misc]
    """A zeep transport whose every read goes through :class:`HttpPoster` or a fenced file read.

    What may be loaded, decided by where the WSDL came from (``wsdl``):

    - a WSDL fetched over http(s) may load documents from its own origin (same scheme, host and
      port) only, each at most 1 MiB, all within one deadline;
    - a local WSDL (the bundled one, or a path given by the user) may read local regular files,
      each at most 1 MiB;
    - ``file://`` from a remote WSDL, network shares (``\\\\host\\share``, ``//host/share``, the
      mixed ``\\/host\\share`` and ``/\\host\\share``, ``file://host/share``) and other origins are
      refused (:class:`ImportRefused`, which the client reports as an unexpected
      reply that says an import was refused);
    - after :meth:`seal` (the WSDL is parsed), every load is refused.
    """

    def __init__(self, poster: HttpPoster, endpoint: str, wsdl: str) -> None:
        self.poster = poster  # before zeep's __init__, which reads self.session
        super().__init__(session=poster.session)
        # zeep stamps its own User-Agent on the session and mounts a file:// adapter on it:
        # requests go out as this application, and the session never reads files. (A fresh
        # session the poster makes after an aborted request has neither.)
        poster.session.headers["User-Agent"] = USER_AGENT
        poster.session.adapters.pop("file://", None)
        self.endpoint = endpoint
        self.wsdl = wsdl
        self._remote_origin = _origin(wsdl) if is_remote(wsdl) else None
        self._sealed = False
        self._load_deadline: float | None = None

    @property
    def session(self) -> requests.Session:
        """The poster's current session, read at each use: after an aborted request the poster
        gives the next one a fresh session, and zeep must not keep using the abandoned one."""
        return self.poster.session

    @session.setter
    def session(self, value: requests.Session) -> None:
        # zeep's __init__ assigns the session it was given, which is the poster's already.
        if value is not self.poster.session:
            raise ValueError("the transport's session is its poster's")

    def seal(self) -> None:
        """The WSDL is parsed: from now on nothing may be loaded."""
        self._sealed = True

    def load(self, url: str) -> bytes:
        """A WSDL or schema document, if the fence above allows it."""
        if self._sealed:
            raise self._refused(url, "after the WSDL was read")
        if _is_file_url(url):
            path = _file_path(url)
            if path is None or _is_unc(path):
                raise self._refused(url, "a network share")
            if self._remote_origin is not None:
                raise self._refused(url, "a local file from a remote WSDL")
            return self._read_local(path, url)
        if _is_unc(url):
            raise self._refused(url, "a network share")
        if self._remote_origin is None:
            if is_remote(url):
                raise self._refused(url, "a remote document from a local WSDL")
            return self._read_local(url, url)
        if not is_remote(url):
            raise self._refused(url, "a local file from a remote WSDL")
        if _origin(url) != self._remote_origin:
            raise self._refused(url, "another site than the WSDL's")
        return self._get(url)

    def _refused(self, url: str, why: str) -> ImportRefused:
        return ImportRefused(
            f"an import was refused: {why} ({one_line(describe_endpoint(url), 120)})"
        )

    def _get(self, url: str) -> bytes:
        # The WSDL and everything it imports share one budget: the poster's deadline.
        now = time.monotonic()
        if self._load_deadline is None:
            self._load_deadline = now + self.poster.timeouts.deadline
        shown = describe_endpoint(url)
        reply = self.poster.request("GET", url, endpoint=shown, deadline=self._load_deadline - now)
        if reply.status != 200:
            raise TransportError(shown, TransportProblem.HTTP_STATUS, http_status_detail(reply))
        return reply.body

    def _read_local(self, path: str, location: str) -> bytes:
        shown = one_line(path, 120)
        try:
            # O_NONBLOCK: opening a FIFO must not wait for a writer; only regular files are read.
            fd = os.open(
                path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
            )
        except OSError as error:
            raise TransportError(
                shown, TransportProblem.NETWORK, f"cannot read the file ({type(error).__name__})"
            ) from None
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(fd).st_mode):
                raise self._refused(location, "not a regular file")
            data = handle.read(MAX_DOCUMENT_BYTES + 1)
        if len(data) > MAX_DOCUMENT_BYTES:
            raise TransportError(
                shown, TransportProblem.TOO_LARGE, f"over {MAX_DOCUMENT_BYTES} bytes"
            )
        return data

    def post(self, address: str, message: bytes, headers: dict[str, str]) -> requests.Response:
        reply = self.poster.post(address, message, headers, endpoint=self.endpoint)
        _raise_for_http_error(self.endpoint, reply)
        return _as_response(address, reply)


def _as_response(address: str, reply: HttpReply) -> requests.Response:
    """The reply, already read in full, as the ``requests.Response`` zeep expects."""
    response = requests.Response()
    response.url = address
    response.status_code = reply.status
    response.reason = reply.reason
    response.headers.update(reply.headers)
    response.raw = io.BytesIO(reply.body)  # .content reads it the public way
    response.encoding = None
    return response


def _raise_for_http_error(endpoint: str, reply: HttpReply) -> None:
    """HTTP errors that are not SOAP faults (a proxy's or web server's HTML page, say)."""
    if reply.status == 200:
        return
    is_xml = reply.content_type.endswith("xml") or reply.body.lstrip()[:1] == b"<?"
    if reply.status == 500 and is_xml:
        return  # a SOAP Fault: zeep reads it
    raise TransportError(endpoint, TransportProblem.HTTP_STATUS, http_status_detail(reply))
