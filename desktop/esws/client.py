"""ESWS client: asks Identysoft's SOAP service for a one-time sync token, through zeep.

The wire format is PHP NuSOAP's rpc/encoded. ESWS wants every parameter, in order, with an empty
string for an absent optional one, so an egress plugin completes the envelope zeep renders: it
adds the SOAP-encoding attributes NuSOAP sends and an empty ``p_locationID`` when there is none.
"""

from __future__ import annotations

import functools
import logging
from pathlib import Path
from typing import Any

import requests
from lxml import etree

from desktop.core.errors import (
    I3SyncError,
    TransportError,
    TransportProblem,
    UnexpectedReply,
    VendorRefusal,
)
from desktop.core.http import (
    HttpPoster,
    HttpReply,
    Timeouts,
    describe_endpoint,
    http_status_detail,
)
from desktop.core.paths import resource_path
from desktop.core.redaction import scrub
from desktop.esws.i3_urls import DEFAULT_ENDPOINT, normalise_endpoint
from desktop.esws.refusals import REFUSALS, looks_like_token
from desktop.esws.request import SyncKind, SyncRequest

log = logging.getLogger(__name__)

BUNDLED_WSDL = "esws.wsdl"
__all__ = ["BUNDLED_WSDL", "DEFAULT_ENDPOINT", "OPERATIONS", "EswsClient", "bundled_wsdl_path"]

OPERATIONS: dict[SyncKind, str] = {
    SyncKind.ONE_USER: "Esws.getSyncToken",
    SyncKind.ALL_USERS: "Esws.getTotalSyncToken",
}

_SOAP_ENC = "http://schemas.xmlsoap.org/soap/encoding/"
_SOAP_ENV = "http://schemas.xmlsoap.org/soap/envelope/"
_XSI = "http://www.w3.org/2001/XMLSchema-instance"
_XSD = "http://www.w3.org/2001/XMLSchema"


def _settings() -> Any:
    from zeep import Settings

    # Hardened parsing: no DTD, no entities, no external references, no huge trees.
    return Settings(
        strict=False,
        forbid_dtd=True,
        forbid_entities=True,
        forbid_external=True,
        xml_huge_tree=False,
    )


class _PosterTransport:
    """A zeep transport whose requests go through :class:`HttpPoster` (limits, TLS, cancel)."""

    def __init__(self, poster: HttpPoster, endpoint: str) -> None:
        from zeep.transports import Transport

        class Bridge(Transport):  # type: ignore[misc]
            def load(inner, url: str) -> bytes:
                return self_.load(url)

            def post(inner, address: str, message: bytes, headers: dict[str, str]) -> Any:
                return self_.post(address, message, headers)

        self_ = self
        self.poster = poster
        self.endpoint = endpoint
        self.zeep_transport = Bridge(session=poster.session)

    def load(self, url: str) -> bytes:
        """WSDL or schema documents: a local file, or a GET bounded like every other request."""
        if "://" not in url or url.startswith("file://"):
            return Path(url.removeprefix("file://")).read_bytes()
        shown = describe_endpoint(url)
        reply = self.poster.get(url, endpoint=shown)
        if reply.status != 200:
            raise TransportError(shown, TransportProblem.HTTP_STATUS, http_status_detail(reply))
        return reply.body

    def post(self, address: str, message: bytes, headers: dict[str, str]) -> requests.Response:
        reply = self.poster.post(address, message, headers, endpoint=self.endpoint)
        _raise_for_http_error(self.endpoint, reply)
        response = requests.Response()
        response.status_code = reply.status
        response.reason = reply.reason
        response.headers.update(reply.headers)
        response._content = reply.body
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
        # xsi:type values use the xsd prefix, which must be declared on the envelope.
        etree.cleanup_namespaces(envelope, top_nsmap={"xsi": _XSI, "xsd": _XSD})
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
def _load_wsdl(source: str) -> Any:
    """Parse a local WSDL once per process (a URL WSDL is parsed per client: it may change)."""
    from zeep.wsdl import Document

    loader = _PosterTransport(HttpPoster(), source)
    return Document(source, loader.zeep_transport, settings=_settings())


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
        self._transport = _PosterTransport(self.poster, self.endpoint)
        self._client: Any = None

    def __repr__(self) -> str:
        return f"EswsClient(endpoint={self.endpoint!r}, wsdl={self.wsdl!r})"

    def _zeep_client(self) -> Any:
        if self._client is None:
            from zeep import Client

            if "://" in self.wsdl and not self.wsdl.startswith("file://"):
                from zeep.wsdl import Document

                document = Document(self.wsdl, self._transport.zeep_transport, settings=_settings())
            else:
                document = _load_wsdl(self.wsdl)
            client = Client(
                document,
                transport=self._transport.zeep_transport,
                settings=_settings(),
                plugins=[_CompleteEnvelope()],
            )
            self._client = client
        return self._client

    def _service(self) -> Any:
        client = self._zeep_client()
        for binding_name, binding in client.wsdl.bindings.items():
            if OPERATIONS[SyncKind.ONE_USER] in binding._operations:
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
            from zeep import xsd

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
        if text != reply or not looks_like_token(text):
            shape = "an HTML page" if text.startswith("<") else f"{len(text)} characters"
            raise UnexpectedReply(
                self.endpoint, f"ESWS returned neither a token nor a known error ({shape})"
            )
        log.info("ESWS issued a token")
        return text

    def _map_zeep_error(self, error: Exception, secrets: tuple[str, ...]) -> TransportError:
        from zeep import exceptions as zx

        if isinstance(error, zx.Fault):
            detail = scrub(str(error.message or "no fault string"), secrets)[:200]
            return TransportError(self.endpoint, TransportProblem.SOAP_FAULT, detail)
        if isinstance(error, zx.DTDForbidden | zx.EntitiesForbidden | zx.XMLSyntaxError):
            return TransportError(self.endpoint, TransportProblem.MALFORMED, type(error).__name__)
        if isinstance(error, zx.TransportError | etree.XMLSyntaxError | zx.XMLParseError):
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
