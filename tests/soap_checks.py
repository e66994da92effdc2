"""Checks on the SOAP envelopes the client sends, shared by the canned-server and NuSOAP tests."""

from __future__ import annotations

from lxml import etree

XSI = "http://www.w3.org/2001/XMLSchema-instance"
XSD = "http://www.w3.org/2001/XMLSchema"


def parse_envelope(envelope: bytes) -> etree._Element:
    """The request, parsed strictly (it must be well-formed)."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    return etree.fromstring(envelope, parser)


def undeclared_type_prefixes(envelope: bytes) -> list[str]:
    """Every ``xsi:type`` value whose prefix is not declared where it is used."""
    missing = []
    for element in parse_envelope(envelope).iter():
        value = element.get(f"{{{XSI}}}type")
        if value is not None:
            prefix = value.split(":", 1)[0] if ":" in value else None
            if element.nsmap.get(prefix) is None:
                missing.append(value)
    return missing


def typed_elements(envelope: bytes) -> list[str]:
    """Local names of the elements that carry an ``xsi:type``."""
    return [
        etree.QName(e).localname for e in parse_envelope(envelope).iter() if e.get(f"{{{XSI}}}type")
    ]
