"""The getSyncToken request as the vendor's sample writes it, built by hand for the baselines."""

from __future__ import annotations

from xml.sax.saxutils import escape

HEADERS = {"Content-Type": "text/xml; charset=utf-8", "SOAPAction": "uen:esws#getSyncToken"}


def sync_envelope(code: str, admin: str, password: str, user: str, location: int | None) -> bytes:
    """Every parameter in order; an absent location as an empty string, as ESWS wants it."""
    where = (
        f'<p_locationID xsi:type="xsd:int">{location}</p_locationID>'
        if location is not None
        else '<p_locationID xsi:type="xsd:string"></p_locationID>'
    )
    return (
        '<soapenv:Envelope xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xmlns:xsd="http://www.w3.org/2001/XMLSchema" '
        'xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:uen="uen:esws">'
        "<soapenv:Header/><soapenv:Body>"
        '<uen:Esws.getSyncToken soapenv:encodingStyle="http://schemas.xmlsoap.org/soap/encoding/">'
        f'<p_companyID xsi:type="xsd:string">{escape(code)}</p_companyID>'
        f'<p_adminUsername xsi:type="xsd:string">{escape(admin)}</p_adminUsername>'
        f'<p_adminPassword xsi:type="xsd:string">{escape(password)}</p_adminPassword>'
        f'<p_userId xsi:type="xsd:string">{escape(user)}</p_userId>'
        f"{where}</uen:Esws.getSyncToken></soapenv:Body></soapenv:Envelope>"
    ).encode()
