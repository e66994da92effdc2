"""The real-NuSOAP ESWS stand-in itself: vendor reply format, error strings, encodings, WSDL.

These tests pin what the stand-in (tests/nusoap/esws.php under NuSOAP 0.9.5) does, so tests of
the client that use the ``nusoap_esws`` fixture can rely on it. Raw HTTP on purpose: no client
code of the application is involved.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
import requests
from lxml import etree

from tests import esws_seed as seed
from tests.nusoap_server import (
    NusoapEsws,
    find_nusoap_dir,
    php4_constructors_left,
    prepare_nusoap,
)

pytestmark = pytest.mark.nusoap

TIMEOUT = 10

# Verbatim from the vendor's documentation of getTotalSyncToken ("Sample").
VENDOR_SAMPLE_REQUEST = """\
<soapenv:Envelope xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:uen="uen:esws">
<soapenv:Header/>
<soapenv:Body>
<uen:Esws.getTotalSyncToken soapenv:encodingStyle="http://schemas.xmlsoap.org/soap/encoding/">
<p_companyID xsi:type="xsd:string">^4p;tU0Q+#dEIhTWkuj5FnLD^aKWqVu0</p_companyID>
<p_adminUsername xsi:type="xsd:string">username</p_adminUsername>
<p_adminPassword xsi:type="xsd:string">passwrod</p_adminPassword>
</uen:Esws.getTotalSyncToken>
</soapenv:Body>
</soapenv:Envelope>"""  # noqa: E501

# Verbatim from the same page ("Response"); pretty-printed there, NuSOAP sends it on one line.
VENDOR_SAMPLE_RESPONSE = """\
<SOAP-ENV:Envelope SOAP-ENV:encodingStyle="http://schemas.xmlsoap.org/soap/encoding/" xmlns:SOAP-ENV="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:SOAP-ENC="http://schemas.xmlsoap.org/soap/encoding/">
<SOAP-ENV:Body>
<ns1:Esws.getTotalSyncTokenResponse xmlns:ns1="uen:esws">
<return xsi:type="xsd:string">e4d8503e7d6df3b37dcaf5063576a11f795329f9a8d854d7372a730f6be1f22ee550baa52910777882b77352071f72c633339f527d7784a802a4a39f54f60c29</return>
</ns1:Esws.getTotalSyncTokenResponse>
</SOAP-ENV:Body>
</SOAP-ENV:Envelope>"""  # noqa: E501

SOAP_ENV = "http://schemas.xmlsoap.org/soap/envelope/"
WSDL_NS = "http://schemas.xmlsoap.org/wsdl/"
WSDL_SOAP_NS = "http://schemas.xmlsoap.org/wsdl/soap/"
TOKEN_RE = re.compile(rf"\A{seed.TOKEN_PATTERN}\Z")

SYNC = "getSyncToken"
TOTAL = "getTotalSyncToken"
SYNC_PARAMS = ("p_companyID", "p_adminUsername", "p_adminPassword", "p_userId", "p_locationID")
TOTAL_PARAMS = SYNC_PARAMS[:3]


# -- helpers ---------------------------------------------------------------------------------


def _xml_text(value: str) -> str:
    return escape(value, {'"': "&quot;", "'": "&apos;"})


def envelope(operation: str, body: str, *, declaration: str = "") -> str:
    """An rpc/encoded request shaped like the vendor's sample, around a raw parameter list."""
    return (
        f"{declaration}"
        '<soapenv:Envelope xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
        'xmlns:xsd="http://www.w3.org/2001/XMLSchema" '
        'xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:uen="uen:esws">'
        "<soapenv:Header/><soapenv:Body>"
        f'<uen:Esws.{operation} soapenv:encodingStyle="http://schemas.xmlsoap.org/soap/encoding/">'
        f"{body}</uen:Esws.{operation}></soapenv:Body></soapenv:Envelope>"
    )


def string_params(params: Sequence[tuple[str, str]]) -> str:
    return "".join(f'<{n} xsi:type="xsd:string">{_xml_text(v)}</{n}>' for n, v in params)


def post(
    server: NusoapEsws,
    xml: str,
    *,
    content_type: str = "text/xml; charset=utf-8",
    encoding: str = "utf-8",
    soap_action: str | None = None,
) -> requests.Response:
    headers = {"Content-Type": content_type}
    if soap_action is not None:
        headers["SOAPAction"] = f'"{soap_action}"'
    return requests.post(
        server.endpoint, data=xml.encode(encoding), headers=headers, timeout=TIMEOUT
    )


def return_value(response: requests.Response) -> str:
    """The ``<return>`` text of a successful rpc reply (asserting the vendor's shape)."""
    assert response.status_code == 200, response.text
    root = etree.fromstring(response.content)
    (ret,) = root.iterfind(f"{{{SOAP_ENV}}}Body/*/return")
    return ret.text or ""


def call(
    server: NusoapEsws,
    operation: str,
    company: str,
    username: str,
    password: str,
    user_id: str | None = None,
    location: str | None = None,
) -> str:
    params = [
        ("p_companyID", company),
        ("p_adminUsername", username),
        ("p_adminPassword", password),
    ]
    if operation == SYNC:
        params.append(("p_userId", user_id or ""))
    body = string_params(params)
    if location is not None:
        body += f'<p_locationID xsi:type="xsd:int">{location}</p_locationID>'
    return return_value(
        post(server, envelope(operation, body), soap_action=f"uen:esws#{operation}")
    )


A = seed.COMPANY_A_CODE
B = seed.COMPANY_B_CODE
PLAIN = seed.ADMIN_PLAIN


# -- the library patch -----------------------------------------------------------------------


def test_patch_turns_every_php4_constructor_into_construct(
    nusoap_esws: NusoapEsws, tmp_path: Path
) -> None:
    # (nusoap_esws: skipped like the rest of this module where php/NuSOAP are missing)
    original = (find_nusoap_dir() / "nusoap.php").read_text(encoding="latin-1")
    assert "nusoap_parser::nusoap_parser()" in php4_constructors_left(original)
    lib = prepare_nusoap(tmp_path / "nusoap")
    for php in lib.parent.glob("*.php"):
        assert php4_constructors_left(php.read_text(encoding="latin-1")) == [], php.name
    assert "function __construct($xml,$encoding='UTF-8',$method='',$decode_utf8=true)" in (
        lib.read_text(encoding="latin-1")
    )


# -- the vendor's sample ---------------------------------------------------------------------


def test_vendor_sample_request_gets_reply_in_vendor_sample_format(
    esws_calls_cleared: NusoapEsws,
) -> None:
    server = esws_calls_cleared
    response = post(server, VENDOR_SAMPLE_REQUEST, soap_action="uen:esws#getTotalSyncToken")

    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/xml; charset=ISO-8859-1"
    one_line = re.sub(r">\s+<", "><", VENDOR_SAMPLE_RESPONSE)
    sample_token = re.search(r"[0-9a-f]{128}", one_line)
    assert sample_token is not None
    before, after = one_line[: sample_token.start()], one_line[sample_token.end() :]
    expected = re.compile(
        re.escape('<?xml version="1.0" encoding="ISO-8859-1"?>' + before)
        + seed.TOKEN_PATTERN
        + re.escape(after)
        + r"\Z"
    )
    assert expected.match(response.text), response.text
    assert TOKEN_RE.match(return_value(response))

    last = server.last_call()
    assert last is not None
    assert last["operation"] == TOTAL
    assert last["method"] == "Esws.getTotalSyncToken"
    assert last["args"] == {
        "p_companyID": seed.SAMPLE_COMPANY_CODE,
        "p_adminUsername": "username",
        "p_adminPassword": "passwrod",
    }
    assert last["soap_action"] == "uen:esws#getTotalSyncToken"
    assert last["company"] == seed.COMPANY_A.name
    assert last["request"] == VENDOR_SAMPLE_REQUEST


def test_reply_carries_no_php_diagnostics(nusoap_esws: NusoapEsws) -> None:
    # NuSOAP 0.9.5 on PHP 8 raises warnings on every call; they must only reach the log.
    response = post(nusoap_esws, VENDOR_SAMPLE_REQUEST)
    assert response.content.startswith(b'<?xml version="1.0" encoding="ISO-8859-1"?><SOAP-ENV:')
    for marker in (b"Warning", b"Deprecated", b"Notice", b"Fatal", b"<br"):
        assert marker not in response.content
    assert "PHP Warning" in nusoap_esws.error_log_text()


# -- success ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("company", "admin", "user_id"),
    [
        (A, PLAIN, seed.USER_42),
        (A, PLAIN, seed.USER_1001),
        (A, seed.ADMIN_SPECIAL, seed.USER_SPECIAL),
        (A, seed.ADMIN_ROMANIAN_AS_TYPED, seed.USER_42),
        (A, seed.ADMIN_ROMANIAN, seed.USER_42),
        (B, seed.ADMIN_B, seed.USER_B_ONLY),
        (B, seed.ADMIN_B, seed.USER_42),
    ],
    ids=["plain-42", "plain-1001", "special", "romanian-typed", "romanian-stored", "B", "B-42"],
)
def test_tokens_for_valid_credentials(
    nusoap_esws: NusoapEsws, company: str, admin: seed.Admin, user_id: str
) -> None:
    sync = call(nusoap_esws, SYNC, company, admin.username, admin.password, user_id)
    total = call(nusoap_esws, TOTAL, company, admin.username, admin.password)
    assert TOKEN_RE.match(sync), sync
    assert TOKEN_RE.match(total), total


def test_every_token_is_fresh(nusoap_esws: NusoapEsws) -> None:
    tokens = {call(nusoap_esws, TOTAL, A, PLAIN.username, PLAIN.password) for _ in range(3)}
    tokens |= {call(nusoap_esws, SYNC, A, PLAIN.username, PLAIN.password, "42") for _ in range(3)}
    assert len(tokens) == 6
    assert all(TOKEN_RE.match(t) for t in tokens)


def test_location_id_does_not_change_the_outcome(nusoap_esws: NusoapEsws) -> None:
    token = call(nusoap_esws, SYNC, A, PLAIN.username, PLAIN.password, "42", location="7")
    assert TOKEN_RE.match(token)


# -- every error string, in the vendor's order ------------------------------------------------

WRONG = "wrong-password"

SYNC_ERRORS = [
    # (company, username, password, user id) -> error
    (("", "", "", ""), seed.ERROR_NO_SECURITY_HASH),
    (("", PLAIN.username, PLAIN.password, "42"), seed.ERROR_NO_SECURITY_HASH),
    ((seed.UNKNOWN_COMPANY_CODE, "", "", ""), seed.ERROR_UNKNOWN_SECURITY_HASH),
    ((A.lower(), PLAIN.username, PLAIN.password, "42"), seed.ERROR_UNKNOWN_SECURITY_HASH),
    ((A + " ", PLAIN.username, PLAIN.password, "42"), seed.ERROR_UNKNOWN_SECURITY_HASH),
    ((A, "", "", ""), seed.ERROR_NO_USERNAME),
    ((A, "", PLAIN.password, "42"), seed.ERROR_NO_USERNAME),
    ((A, PLAIN.username, "", ""), seed.ERROR_NO_PASSWORD),
    ((A, "nobody", "", "42"), seed.ERROR_NO_PASSWORD),
    ((A, PLAIN.username, WRONG, ""), seed.ERROR_NO_USERID),
    ((A, "nobody", WRONG, ""), seed.ERROR_NO_USERID),
    ((A, PLAIN.username, WRONG, "42"), seed.ERROR_NO_ADMIN),
    ((A, PLAIN.username, WRONG, seed.UNKNOWN_USER_ID), seed.ERROR_NO_ADMIN),
    ((A, PLAIN.username.upper(), PLAIN.password, "42"), seed.ERROR_NO_ADMIN),
    ((A, seed.ADMIN_B.username, seed.ADMIN_B.password, "42"), seed.ERROR_NO_ADMIN),
    ((B, PLAIN.username, PLAIN.password, "42"), seed.ERROR_NO_ADMIN),
    ((A, PLAIN.username, PLAIN.password, seed.UNKNOWN_USER_ID), seed.ERROR_NO_USER),
    ((A, PLAIN.username, PLAIN.password, seed.USER_B_ONLY), seed.ERROR_NO_USER),
    ((A, PLAIN.username, PLAIN.password, "0"), seed.ERROR_NO_USER),
    ((A, PLAIN.username, PLAIN.password, " 42"), seed.ERROR_NO_USER),
]


@pytest.mark.parametrize(("args", "error"), SYNC_ERRORS)
def test_get_sync_token_errors(
    nusoap_esws: NusoapEsws, args: tuple[str, str, str, str], error: str
) -> None:
    assert call(nusoap_esws, SYNC, *args) == error


TOTAL_ERRORS = [
    (("", "", ""), seed.ERROR_NO_SECURITY_HASH),
    (("", PLAIN.username, PLAIN.password), seed.ERROR_NO_SECURITY_HASH),
    ((seed.UNKNOWN_COMPANY_CODE, PLAIN.username, PLAIN.password), seed.ERROR_UNKNOWN_SECURITY_HASH),
    ((seed.UNKNOWN_COMPANY_CODE, "", ""), seed.ERROR_UNKNOWN_SECURITY_HASH),
    ((A, "", ""), seed.ERROR_NO_USERNAME),
    ((A, "", PLAIN.password), seed.ERROR_NO_USERNAME),
    ((A, PLAIN.username, ""), seed.ERROR_NO_PASSWORD),
    ((A, PLAIN.username, WRONG), seed.ERROR_NO_ADMIN),
    ((A, seed.ADMIN_SPECIAL.username, PLAIN.password), seed.ERROR_NO_ADMIN),
    ((B, PLAIN.username, PLAIN.password), seed.ERROR_NO_ADMIN),
]


@pytest.mark.parametrize(("args", "error"), TOTAL_ERRORS)
def test_get_total_sync_token_errors(
    nusoap_esws: NusoapEsws, args: tuple[str, str, str], error: str
) -> None:
    assert call(nusoap_esws, TOTAL, *args) == error


def test_all_seven_error_strings_are_reachable() -> None:
    assert {e for _, e in SYNC_ERRORS} == set(seed.ERRORS)
    assert {e for _, e in TOTAL_ERRORS} == set(seed.ERRORS) - {
        seed.ERROR_NO_USERID,
        seed.ERROR_NO_USER,
    }


def test_missing_elements_count_as_not_provided(nusoap_esws: NusoapEsws) -> None:
    assert return_value(post(nusoap_esws, envelope(TOTAL, ""))) == seed.ERROR_NO_SECURITY_HASH
    body = string_params([("p_companyID", A)])
    assert return_value(post(nusoap_esws, envelope(SYNC, body))) == seed.ERROR_NO_USERNAME


# -- encodings -------------------------------------------------------------------------------


def test_romanian_letters_arrive_as_question_marks(esws_calls_cleared: NusoapEsws) -> None:
    typed = seed.ADMIN_ROMANIAN_AS_TYPED
    assert TOKEN_RE.match(call(esws_calls_cleared, TOTAL, A, typed.username, typed.password))
    last = esws_calls_cleared.last_call()
    assert last is not None
    assert last["args"]["p_adminUsername"] == seed.ADMIN_ROMANIAN.username == "?tefan"
    assert last["args"]["p_adminPassword"] == seed.ADMIN_ROMANIAN.password
    assert last["xml_encoding"] == "UTF-8"


def test_latin1_request_with_latin1_declaration(nusoap_esws: NusoapEsws) -> None:
    body = string_params(
        [("p_companyID", B), ("p_adminUsername", "hradmin"), ("p_adminPassword", "B-Geheim&<>#1")]
    )
    xml = envelope(TOTAL, body, declaration='<?xml version="1.0" encoding="ISO-8859-1"?>')
    response = post(
        nusoap_esws, xml, content_type="text/xml; charset=ISO-8859-1", encoding="latin-1"
    )
    assert TOKEN_RE.match(return_value(response))


def test_utf8_without_charset_in_content_type_still_works(nusoap_esws: NusoapEsws) -> None:
    # NuSOAP then assumes ISO-8859-1 and lets expat convert to it: same result as utf8_decode.
    body = string_params(
        [("p_companyID", B), ("p_adminUsername", "hradmin"), ("p_adminPassword", "B-Geheim&<>#1")]
    )
    xml = envelope(TOTAL, body, declaration='<?xml version="1.0" encoding="UTF-8"?>')
    assert TOKEN_RE.match(return_value(post(nusoap_esws, xml, content_type="text/xml")))


def test_charset_followed_by_another_parameter_breaks_nusoap(nusoap_esws: NusoapEsws) -> None:
    # NuSOAP takes everything after the first "=" as the charset: "utf-8; action=..." is not
    # recognised, so it picks US-ASCII. With a UTF-8 declaration that is a fault; without one
    # every non-ASCII character becomes "?" (company B's code then is unknown).
    body = string_params(
        [("p_companyID", B), ("p_adminUsername", "hradmin"), ("p_adminPassword", "B-Geheim&<>#1")]
    )
    content_type = 'text/xml; charset=utf-8; action="uen:esws#getTotalSyncToken"'
    with_decl = envelope(TOTAL, body, declaration='<?xml version="1.0" encoding="UTF-8"?>')
    response = post(nusoap_esws, with_decl, content_type=content_type)
    assert response.status_code == 500
    assert "does not match encoding from XML declaration" in response.text
    response = post(nusoap_esws, envelope(TOTAL, body), content_type=content_type)
    assert return_value(response) == seed.ERROR_UNKNOWN_SECURITY_HASH


# -- what the PHP method receives (findings documented in esws.php) ---------------------------

LOCATION_VARIANTS = [
    ('<p_locationID xsi:type="xsd:string"></p_locationID>', True, "", "string"),
    ("<p_locationID/>", True, "", "string"),
    ("<p_locationID></p_locationID>", True, "", "string"),
    ('<p_locationID xsi:type="xsd:int">17</p_locationID>', True, 17, "integer"),
    ('<p_locationID xsi:type="xsd:int"></p_locationID>', True, 0, "integer"),
    ('<p_locationID xsi:type="xsd:int"/>', True, 0, "integer"),
    ('<p_locationID xsi:type="xsd:int">abc</p_locationID>', True, 0, "integer"),
    ('<p_locationID xsi:type="xsd:string">17</p_locationID>', True, "17", "string"),
    ("<p_locationID>17</p_locationID>", True, "17", "string"),
    ('<p_locationID xsi:nil="true"/>', True, None, "NULL"),
    ("", False, "", "string"),
]


@pytest.mark.parametrize(("element", "present", "value", "php_type"), LOCATION_VARIANTS)
def test_how_nusoap_hands_over_p_location_id(
    esws_calls_cleared: NusoapEsws,
    element: str,
    present: bool,
    value: object,
    php_type: str,
) -> None:
    params = [
        ("p_companyID", A),
        ("p_adminUsername", PLAIN.username),
        ("p_adminPassword", PLAIN.password),
        ("p_userId", "42"),
    ]
    response = post(esws_calls_cleared, envelope(SYNC, string_params(params) + element))
    assert TOKEN_RE.match(return_value(response))
    (recorded,) = esws_calls_cleared.calls()
    assert recorded["args"]["p_locationID"] == value
    assert recorded["arg_types"]["p_locationID"] == php_type
    assert recorded["params"]["p_locationID"]["present"] is present
    if present:
        assert recorded["params"]["p_locationID"]["raw"] == value


def test_parameters_are_positional_not_by_name(esws_calls_cleared: NusoapEsws) -> None:
    # NuSOAP passes the values in document order; names are ignored (as on the real ESWS).
    body = string_params(
        [("p_adminUsername", PLAIN.username), ("p_companyID", A), ("p_adminPassword", "x")]
    )
    assert return_value(post(esws_calls_cleared, envelope(TOTAL, body))) == (
        seed.ERROR_UNKNOWN_SECURITY_HASH
    )
    last = esws_calls_cleared.last_call()
    assert last is not None
    assert last["args"]["p_companyID"] == PLAIN.username
    assert last["params"]["p_companyID"]["raw"] == A
    assert last["received_names"] == ["p_adminUsername", "p_companyID", "p_adminPassword"]


def test_calls_are_recorded_in_utf8(esws_calls_cleared: NusoapEsws) -> None:
    admin = seed.ADMIN_SPECIAL
    call(esws_calls_cleared, SYNC, A, admin.username, admin.password, seed.USER_SPECIAL, "3")
    call(esws_calls_cleared, TOTAL, B, "nobody", "x")
    first, second = esws_calls_cleared.calls()
    assert first["operation"] == SYNC
    assert first["args"] == {
        "p_companyID": A,
        "p_adminUsername": admin.username,
        "p_adminPassword": admin.password,
        "p_userId": seed.USER_SPECIAL,
        "p_locationID": 3,
    }
    assert all(p["present"] for p in first["params"].values())
    assert TOKEN_RE.match(first["result"])
    assert first["soap_action"] == "uen:esws#getSyncToken"
    assert second["operation"] == TOTAL
    assert second["args"]["p_companyID"] == B
    assert second["result"] == seed.ERROR_NO_ADMIN
    assert second["company"] == seed.COMPANY_B.name


def test_unknown_operation_is_a_nusoap_fault_and_not_recorded(
    esws_calls_cleared: NusoapEsws,
) -> None:
    response = post(esws_calls_cleared, envelope("getNothing", ""))
    assert response.status_code == 500
    root = etree.fromstring(response.content)
    (faultstring,) = root.iterfind(f"{{{SOAP_ENV}}}Body/{{{SOAP_ENV}}}Fault/faultstring")
    assert faultstring.text == (
        "Operation 'Esws.getNothing' is not defined in the WSDL for this service"
    )
    assert esws_calls_cleared.calls() == []


def test_parallel_calls(esws_calls_cleared: NusoapEsws) -> None:
    def one(i: int) -> str:
        return call(esws_calls_cleared, SYNC, A, PLAIN.username, PLAIN.password, "42", str(i))

    with ThreadPoolExecutor(max_workers=8) as pool:
        tokens = list(pool.map(one, range(8)))
    assert len(set(tokens)) == 8
    assert sorted(c["args"]["p_locationID"] for c in esws_calls_cleared.calls()) == list(range(8))


# -- WSDL ------------------------------------------------------------------------------------


def test_wsdl_is_nusoaps_and_points_at_the_server(nusoap_esws: NusoapEsws) -> None:
    response = requests.get(nusoap_esws.wsdl_url, timeout=TIMEOUT)
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/xml")
    root = etree.fromstring(response.content)
    assert root.tag == f"{{{WSDL_NS}}}definitions"
    assert root.get("targetNamespace") == "uen:esws"
    w, soap = f"{{{WSDL_NS}}}", f"{{{WSDL_SOAP_NS}}}"
    (port,) = root.iterfind(f"{w}service[@name='esws']/{w}port")
    (address,) = port.iterfind(f"{soap}address")
    assert address.get("location") == nusoap_esws.endpoint
    actions = {
        op.get("name"): op.find(f"{soap}operation").get("soapAction")  # type: ignore[union-attr]
        for op in root.iterfind(f"{w}binding/{w}operation")
    }
    assert actions == {
        "Esws.getSyncToken": "uen:esws#getSyncToken",
        "Esws.getTotalSyncToken": "uen:esws#getTotalSyncToken",
    }
    bodies = list(root.iterfind(f"{w}binding/{w}operation/*/{soap}body"))
    assert len(bodies) == 4
    for body in bodies:
        assert body.get("use") == "encoded"
        assert body.get("namespace") == "uen:esws"
    parts = {
        m.get("name"): [(p.get("name"), p.get("type")) for p in m.iterfind(f"{{{WSDL_NS}}}part")]
        for m in root.iterfind(f"{{{WSDL_NS}}}message")
    }
    assert parts["Esws.getSyncTokenRequest"] == [
        (name, "xsd:int" if name == "p_locationID" else "xsd:string") for name in SYNC_PARAMS
    ]
    assert parts["Esws.getTotalSyncTokenRequest"] == [(n, "xsd:string") for n in TOTAL_PARAMS]
    assert parts["Esws.getSyncTokenResponse"] == [("return", "xsd:string")]
    assert parts["Esws.getTotalSyncTokenResponse"] == [("return", "xsd:string")]


def test_zeep_can_load_the_wsdl(nusoap_esws: NusoapEsws) -> None:
    zeep = pytest.importorskip("zeep")
    client = zeep.Client(nusoap_esws.wsdl_url)
    service = client.bind("esws", "eswsPort")
    token = service["Esws.getTotalSyncToken"](A, PLAIN.username, PLAIN.password)
    assert TOKEN_RE.match(token)
