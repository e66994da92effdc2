"""ESWS client: asks Identysoft's SOAP service for a one-time sync token, through zeep.

The wire format is PHP NuSOAP's rpc/encoded. ESWS wants every parameter, in order, with an empty
string for an absent optional one, so an egress plugin completes the envelope zeep renders: it
adds the SOAP-encoding attributes NuSOAP sends and an empty ``p_locationID`` when there is none.

Every byte zeep reads goes through :class:`~desktop.esws.wsdl_fence.PosterTransport`: replies and
remote documents through :class:`~desktop.core.http.HttpPoster` (deadline, size cap, cancel),
parsed strictly (no XML recovery). What a document may load is fenced there; once the WSDL is
parsed nothing may be loaded, so nothing a reply says can trigger a fetch.
"""

from __future__ import annotations

import functools
import logging
from typing import Any

from lxml import etree
from zeep import Client, Settings, xsd
from zeep import exceptions as zx
from zeep.wsdl import Document

from desktop.core.errors import (
    I3SyncError,
    TransportError,
    TransportProblem,
    UnexpectedReply,
    VendorRefusal,
)
from desktop.core.http import HttpPoster, Timeouts
from desktop.core.paths import resource_path
from desktop.core.redaction import scrub
from desktop.core.text import one_line
from desktop.esws.i3_urls import DEFAULT_ENDPOINT, normalise_endpoint
from desktop.esws.refusals import REFUSALS, looks_like_token, unknown_refusal
from desktop.esws.request import SyncKind, SyncRequest
from desktop.esws.wsdl_fence import ImportRefused, PosterTransport, is_remote

log = logging.getLogger(__name__)

BUNDLED_WSDL = "esws.wsdl"
__all__ = [
    "BUNDLED_WSDL",
    "DEFAULT_ENDPOINT",
    "OPERATIONS",
    "EswsClient",
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
            if is_remote(self.wsdl):
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

    def missing_operations(self) -> list[str]:
        """Loads the WSDL in use (once) and names the token operations it does not declare.

        An empty list: both ``getSyncToken`` and ``getTotalSyncToken`` are there. A WSDL that
        cannot be read raises ``TransportError``, as a call would.
        """
        try:
            client = self._zeep_client()
        except I3SyncError:
            raise
        except ImportRefused as refused:
            raise UnexpectedReply(self.endpoint, refused.detail) from None
        except Exception as error:
            raise self._map_zeep_error(error, ()) from None
        declared: set[str] = set()
        for binding in client.wsdl.bindings.values():
            declared.update(binding.all())
        return [name for name in OPERATIONS.values() if name not in declared]

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
            detail = one_line(scrub(str(error.message or "no fault string"), secrets), 200)
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
