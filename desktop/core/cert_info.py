"""What a server's TLS certificate says about itself: subject, issuer, end of validity.

Read from the certificate's DER bytes (``getpeercert(binary_form=True)``), because the decoded
form is empty whenever OpenSSL did not verify the peer itself: on Windows and macOS truststore
verifies with the OS after an unverified handshake, and a certificate that failed verification is
the one the user most needs described. Only the few fields shown are read, with a small DER
reader rather than a dependency; whatever the bytes hold, :func:`describe_certificate` never
raises and every text it returns is made one line (a certificate is server text).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from desktop.core.text import one_line

MAX_NAME_LENGTH = 160

# Attribute types shown, in the order shown (X.520).
_NAME_ATTRIBUTES = {"2.5.4.3": "CN", "2.5.4.10": "O", "2.5.4.11": "OU"}

_UTF8, _PRINTABLE, _T61, _IA5, _UNIVERSAL, _BMP = 0x0C, 0x13, 0x14, 0x16, 0x1C, 0x1E
_UTC_TIME, _GENERALIZED_TIME = 0x17, 0x18
_SEQUENCE, _SET, _OID, _VERSION = 0x30, 0x31, 0x06, 0xA0


@dataclass(frozen=True)
class CertificateInfo:
    """The parts of a certificate a user can act on; names are ``CN=…, O=…`` one-line text."""

    subject: str
    issuer: str
    not_after: datetime.datetime | None

    def days_left(self, now: datetime.datetime | None = None) -> int | None:
        """Whole days until the certificate expires (negative once it has), if known."""
        if self.not_after is None:
            return None
        now = now or datetime.datetime.now(datetime.UTC)
        return (self.not_after - now).days


class _Malformed(Exception):
    pass


def _element(data: bytes, pos: int) -> tuple[int, int, int]:
    """(tag, content start, content end) of the DER element at ``pos``."""
    if pos + 2 > len(data):
        raise _Malformed
    tag, length = data[pos], data[pos + 1]
    pos += 2
    if length & 0x80:
        count = length & 0x7F
        if count == 0 or count > 4 or pos + count > len(data):
            raise _Malformed
        length = int.from_bytes(data[pos : pos + count], "big")
        pos += count
    if pos + length > len(data):
        raise _Malformed
    return tag, pos, pos + length


def _children(data: bytes, start: int, end: int) -> list[tuple[int, int, int]]:
    found = []
    pos = start
    while pos < end:
        tag, content, after = _element(data, pos)
        found.append((tag, content, after))
        pos = after
    return found


def _oid(raw: bytes) -> str:
    if not raw:
        raise _Malformed
    arcs = [raw[0] // 40, raw[0] % 40]
    value = 0
    for byte in raw[1:]:
        value = (value << 7) | (byte & 0x7F)
        if not byte & 0x80:
            arcs.append(value)
            value = 0
    return ".".join(str(arc) for arc in arcs)


def _string(tag: int, raw: bytes) -> str:
    if tag == _BMP:
        return raw.decode("utf-16-be", "replace")
    if tag == _UNIVERSAL:
        return raw.decode("utf-32-be", "replace")
    if tag == _T61:
        return raw.decode("latin-1")
    return raw.decode("utf-8", "replace")


def _name(data: bytes, start: int, end: int) -> str:
    values: dict[str, list[str]] = {}
    for set_tag, set_start, set_end in _children(data, start, end):
        if set_tag != _SET:
            raise _Malformed
        for _, attr_start, attr_end in _children(data, set_start, set_end):
            parts = _children(data, attr_start, attr_end)
            if len(parts) != 2 or parts[0][0] != _OID:
                raise _Malformed
            key = _NAME_ATTRIBUTES.get(_oid(data[parts[0][1] : parts[0][2]]))
            if key is not None:
                tag, value_start, value_end = parts[1]
                values.setdefault(key, []).append(_string(tag, data[value_start:value_end]))
    shown = [f"{key}={value}" for key in _NAME_ATTRIBUTES.values() for value in values.get(key, [])]
    return one_line(", ".join(shown), MAX_NAME_LENGTH) or "(no name)"


def _time(tag: int, raw: bytes) -> datetime.datetime:
    text = raw.decode("ascii")
    if tag == _UTC_TIME:
        year = int(text[:2])
        text = f"{1900 + year if year >= 50 else 2000 + year}{text[2:]}"  # RFC 5280 4.1.2.5.1
    elif tag != _GENERALIZED_TIME:
        raise _Malformed
    moment = datetime.datetime.strptime(text[:14], "%Y%m%d%H%M%S")
    return moment.replace(tzinfo=datetime.UTC)


def describe_certificate(der: bytes | None) -> CertificateInfo | None:
    """Subject, issuer and end of validity of a DER certificate; ``None`` if it cannot be read."""
    if not der:
        return None
    try:
        _, cert_start, cert_end = _element(der, 0)
        tbs_tag, tbs_start, tbs_end = _children(der, cert_start, cert_end)[0]
        fields = _children(der, tbs_start, tbs_end)
        if tbs_tag != _SEQUENCE:
            raise _Malformed
        if fields and fields[0][0] == _VERSION:
            fields = fields[1:]
        # serialNumber, signature, issuer, validity, subject
        _, issuer, validity, subject = fields[1], fields[2], fields[3], fields[4]
        times = _children(der, validity[1], validity[2])
        not_after = _time(times[1][0], der[times[1][1] : times[1][2]])
        return CertificateInfo(
            subject=_name(der, subject[1], subject[2]),
            issuer=_name(der, issuer[1], issuer[2]),
            not_after=not_after,
        )
    except (_Malformed, IndexError, ValueError, UnicodeDecodeError):
        return None
