"""ESWS client: asks Identysoft's SOAP service for a one-time sync token, through zeep.

The wire format is PHP NuSOAP's rpc/encoded. ESWS wants every parameter, in order, with an empty
string for an absent optional one, so an egress plugin completes the envelope zeep renders: it
adds the SOAP-encoding attributes NuSOAP sends and an empty ``p_locationID`` when there is none.

Every byte zeep reads goes through :class:`PosterTransport`: replies and remote documents through
:class:`~desktop.core.http.HttpPoster` (deadline, size cap, cancel), parsed strictly (no XML
recovery). What a document may load is fenced (see :class:`PosterTransport`); once the WSDL is
parsed nothing may be loaded, so nothing a reply says can trigger a fetch.
"""

from __future__ import annotations

import functools
import io
import logging
import os
import stat
import time
from typing import Any
from urllib.parse import urlsplit

import requests
from lxml import etree
from zeep import Client, Settings, xsd
from zeep import exceptions as zx
from zeep.transports import Transport
from zeep.wsdl import Document

from desktop.core.errors import (
    I3SyncError,
    TransportError,
    TransportProblem,
    UnexpectedReply,
    VendorRefusal,
)
from desktop.core.http import (
    MAX_REPLY_BYTES,
    USER_AGENT,
    HttpPoster,
    HttpReply,
    Timeouts,
    describe_endpoint,
    http_status_detail,
)
from desktop.core.paths import resource_path
from desktop.core.redaction import scrub
from desktop.core.text import one_line
from desktop.esws.i3_urls import DEFAULT_ENDPOINT, normalise_endpoint
from desktop.esws.refusals import REFUSALS, looks_like_token, unknown_refusal
from desktop.esws.request import SyncKind, SyncRequest

log = logging.getLogger(__name__)

BUNDLED_WSDL = "esws.wsdl"
__all__ = [
    "BUNDLED_WSDL",
    "DEFAULT_ENDPOINT",
    "OPERATIONS",
    "EswsClient",
    "ImportRefused",
    "PosterTransport",
    "bundled_wsdl_path",
]

OPERATIONS: dict[SyncKind, str] = {
    SyncKind.ONE_USER: "Esws.getSyncToken",
    SyncKind.ALL_USERS: "Esws.getTotalSyncToken",
}

_SOAP_ENC = "http://schemas.xmlsoap.org/soap/encoding/"
_SOAP_ENV = "http://schemas.xmlsoap.org/soap/envelope/"
_XSI = "http://www.w3.org/2001/XMLSchema-instance"
_XSD = "http://www.w3.org/2001/XMLSchema"

MAX_DOCUMENT_BYTES = MAX_REPLY_BYTES  # each WSDL or schema document, local or remote


def _settings() -> Settings:
    # Strict parsing: a reply that is not well-formed is an error, never "recovered" (lxml's
    # recovery once turned a reply cut inside the token into a shorter token). No DTD, no
    # entities, no huge trees. Imports are fenced by PosterTransport.load, not by zeep's
    # forbid_external, which would also refuse a WSDL's schema from its own origin.
    return Settings(
        strict=True,
        forbid_dtd=True,
        forbid_entities=True,
        forbid_external=False,
        force_https=False,  # never rewrite where an import points (file:// became https://)
        xml_huge_tree=False,
    )


def _origin(url: str) -> tuple[str, str, int | None]:
    parts = urlsplit(url)
    return parts.scheme.lower(), (parts.hostname or "").lower(), parts.port


def _is_remote(location: str) -> bool:
    return urlsplit(location).scheme.lower() in ("http", "https")


def _is_unc(location: str) -> bool:
    # A doubled backslash is a share on Windows and never a sensible file name elsewhere.
    return (
        location.startswith("//")
        or "\\\\" in location
        or location.lower().startswith(("file:////", "file://\\"))
    )


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
    - ``file://`` from a remote WSDL, UNC paths (``\\\\host\\share``, ``//host/share``) and other
      origins are refused (:class:`ImportRefused`, which the client reports as an unexpected
      reply that says an import was refused);
    - after :meth:`seal` (the WSDL is parsed), every load is refused.
    """

    def __init__(self, poster: HttpPoster, endpoint: str, wsdl: str) -> None:
        super().__init__(session=poster.session)
        # zeep stamps its own User-Agent on the session and mounts a file:// adapter on it:
        # requests go out as this application, and the session never reads files.
        poster.session.headers["User-Agent"] = USER_AGENT
        poster.session.adapters.pop("file://", None)
        self.poster = poster
        self.endpoint = endpoint
        self.wsdl = wsdl
        self._remote_origin = _origin(wsdl) if _is_remote(wsdl) else None
        self._sealed = False
        self._load_deadline: float | None = None

    def seal(self) -> None:
        """The WSDL is parsed: from now on nothing may be loaded."""
        self._sealed = True

    def load(self, url: str) -> bytes:
        """A WSDL or schema document, if the fence above allows it."""
        if self._sealed:
            raise self._refused(url, "after the WSDL was read")
        if _is_unc(url):
            raise self._refused(url, "a network share")
        if self._remote_origin is None:
            if _is_remote(url):
                raise self._refused(url, "a remote document from a local WSDL")
            return self._read_local(url)
        if not _is_remote(url):
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

    def _read_local(self, location: str) -> bytes:
        path = location.removeprefix("file://")
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


class _CompleteEnvelope:
    """zeep egress plugin: make the envelope look like the vendor's NuSOAP sample."""

    def egress(
        self, envelope: Any, http_headers: dict[str, str], operation: Any, binding_options: Any
    ) -> tuple[Any, dict[str, str]]:
        body = envelope.find(f"{{{_SOAP_ENV}}}Body")
        call = body[0] if body is not None and len(body) else None
        if call is None:
            return envelope, http_headers
        call.set(f"{{{_SOAP_ENV}}}encodingStyle", _SOAP_ENC)
        present = {child.tag: child for child in call}
        ordered = []
        for name, part_type in _operation_parts(operation):
            element = present.pop(name, None)
            if element is None:
                # ESWS wants an absent optional parameter as an empty string, not left out.
                element = etree.Element(name)
                element.text = ""
                part_type = "string"
            element.set(f"{{{_XSI}}}type", f"xsd:{part_type}")
            ordered.append(element)
        for child in list(call):
            call.remove(child)
        for element in [*ordered, *present.values()]:
            call.append(element)
        # xsi:type values name the xsd prefix: declare it on the Envelope, as the vendor's sample
        # does. lxml sees no use of a prefix inside an attribute value, so it must be kept
        # explicitly or cleanup_namespaces drops it.
        etree.cleanup_namespaces(
            envelope, top_nsmap={"xsi": _XSI, "xsd": _XSD}, keep_ns_prefixes=["xsi", "xsd"]
        )
        return envelope, http_headers

    def ingress(self, envelope: Any, http_headers: Any, operation: Any) -> tuple[Any, Any]:
        return envelope, http_headers


def _operation_parts(operation: Any) -> list[tuple[str, str]]:
    """(name, xsd type name) of each input part, in the WSDL's order."""
    parts = []
    for name, element in operation.input.body.type.elements:
        qname = getattr(element.type, "qname", None)
        type_name = qname.localname if qname is not None and qname.namespace == _XSD else "string"
        parts.append((name, type_name))
    return parts


@functools.lru_cache(maxsize=8)
def _load_local_wsdl(source: str) -> Document:
    """Parse a local WSDL once per process (a URL WSDL is parsed per client: it may change)."""
    loader = PosterTransport(HttpPoster(), source, source)
    document = Document(source, loader, settings=_settings())
    loader.seal()  # the schemas keep this transport: a reply must not make them load anything
    return document


def bundled_wsdl_path() -> str:
    return str(resource_path(BUNDLED_WSDL))


class EswsClient:
    """Fetches sync tokens from one ESWS endpoint.

    ``wsdl`` is the bundled WSDL by default; pass a path, or the server's ``?wsdl`` URL, to use
    another. Thread use: one call at a time; :meth:`cancel` may be called from any thread.
    """

    def __init__(
        self,
        endpoint: str = DEFAULT_ENDPOINT,
        *,
        wsdl: str | None = None,
        timeouts: Timeouts | None = None,
    ) -> None:
        self.endpoint = normalise_endpoint(endpoint)
        self.wsdl = wsdl or bundled_wsdl_path()
        self.poster = HttpPoster(timeouts)
        self._transport = PosterTransport(self.poster, self.endpoint, self.wsdl)
        self._client: Client | None = None

    def __repr__(self) -> str:
        return f"EswsClient(endpoint={self.endpoint!r}, wsdl={self.wsdl!r})"

    def _zeep_client(self) -> Client:
        if self._client is None:
            if _is_remote(self.wsdl):
                document = Document(self.wsdl, self._transport, settings=_settings())
            else:
                document = _load_local_wsdl(self.wsdl)
            self._transport.seal()
            self._client = Client(
                document,
                transport=self._transport,
                settings=_settings(),
                plugins=[_CompleteEnvelope()],
            )
        return self._client

    def _service(self) -> Any:
        client = self._zeep_client()
        for binding_name, binding in client.wsdl.bindings.items():
            try:
                binding.get(OPERATIONS[SyncKind.ONE_USER])
            except (LookupError, ValueError):
                continue
            return client.create_service(binding_name, self.endpoint)
        raise UnexpectedReply(self.endpoint, "the WSDL has no Esws.getSyncToken operation")

    def fetch_token(self, request: SyncRequest) -> str:
        """Ask ESWS for a token; raise ``VendorRefusal`` or ``TransportError`` otherwise."""
        secrets = (request.company_id, request.admin_password)
        args: dict[str, Any] = {
            "p_companyID": request.company_id,
            "p_adminUsername": request.admin_username,
            "p_adminPassword": request.admin_password,
        }
        if request.kind is SyncKind.ONE_USER:
            args["p_userId"] = request.user_id
            args["p_locationID"] = (
                xsd.SkipValue if request.location_id is None else request.location_id
            )
        operation = OPERATIONS[request.kind]
        log.info("Asking %s for a %s token", self.endpoint, request.kind.value)
        try:
            service = self._service()
            reply = service[operation](**args)
        except I3SyncError:
            raise
        except ImportRefused as refused:
            raise UnexpectedReply(self.endpoint, refused.detail) from None
        except Exception as error:
            raise self._map_zeep_error(error, secrets) from None
        return self._interpret(reply)

    def _interpret(self, reply: Any) -> str:
        if reply is None:
            raise UnexpectedReply(self.endpoint, "ESWS returned nothing")
        if not isinstance(reply, str):
            raise UnexpectedReply(self.endpoint, f"ESWS returned a {type(reply).__name__}")
        text = reply.strip()
        if text in REFUSALS:
            info = REFUSALS[text]
            log.info("ESWS refused: %s", text)
            raise VendorRefusal(text, info.advice, field=info.field)
        if not text:
            raise UnexpectedReply(self.endpoint, "ESWS returned an empty string")
        refusal = unknown_refusal(text)
        if refusal is not None:
            log.info("ESWS refused with an unknown code: %s", refusal.code)
            raise refusal
        if text != reply or not looks_like_token(text):
            shape = "an HTML page" if text.startswith("<") else f"{len(text)} characters"
            raise UnexpectedReply(
                self.endpoint, f"ESWS returned neither a token nor a known error ({shape})"
            )
        log.info("ESWS issued a token")
        return text

    def _map_zeep_error(self, error: Exception, secrets: tuple[str, ...]) -> TransportError:
        if isinstance(error, zx.Fault):
            detail = scrub(str(error.message or "no fault string"), secrets)[:200]
            return TransportError(self.endpoint, TransportProblem.SOAP_FAULT, detail)
        if isinstance(
            error, zx.DTDForbidden | zx.EntitiesForbidden | zx.XMLSyntaxError | etree.XMLSyntaxError
        ):
            return TransportError(self.endpoint, TransportProblem.MALFORMED, type(error).__name__)
        if isinstance(error, zx.TransportError | zx.XMLParseError):
            return TransportError(self.endpoint, TransportProblem.MALFORMED)
        if isinstance(error, zx.ValidationError | zx.LookupError):
            return UnexpectedReply(
                self.endpoint, f"the reply does not match the WSDL ({type(error).__name__})"
            )
        log.debug("Unmapped ESWS failure: %s", type(error).__name__)
        return UnexpectedReply(self.endpoint, type(error).__name__)

    def cancel(self) -> None:
        """Abort the call in flight (from any thread); it raises ``TransportProblem.CANCELLED``.

        Sticky: later calls fail the same way until :meth:`reset_cancel`, so a cancel that lands
        just before a call starts is never lost.
        """
        self.poster.cancel()

    def reset_cancel(self) -> None:
        """Accept calls again after :meth:`cancel`."""
        self.poster.reset_cancel()

    def close(self) -> None:
        self.poster.close()
