"""Test data for the NuSOAP ESWS stand-in (tests/nusoap/esws.php).

`tests/nusoap_server.py` writes `SEED` to a JSON file (UTF-8) that esws.php reads.

Encoding rules the stand-in mirrors (and the reason some values look odd):

* NuSOAP 0.9.5 runs with ``decode_utf8 = true`` (its default, what the vendor runs): a UTF-8
  request is ``utf8_decode``-d to ISO-8859-1 before the PHP method sees it, so every character
  above U+00FF arrives as ``?``. I3 itself only keeps characters up to U+00FF, so an admin
  called "Ștefan" was stored by I3 as ``?tefan``. `ADMIN_ROMANIAN` is seeded in that stored
  form; a client sending ``Ștefan`` / ``Parolă…`` (`ADMIN_ROMANIAN_AS_TYPED`) therefore
  matches, and so would any other character above U+00FF in the same place (``Țtefan``).
* The stand-in converts the seed strings the same way (U+0100 and above -> ``?``, then
  ISO-8859-1) before comparing, so Latin-1 characters (é, ü, ß, ...) must arrive intact and
  compare exactly.
* Comparisons are exact (case-sensitive, no trimming). Only the empty string counts as
  "not provided": ``"0"`` and ``" "`` are values (and are unknown).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Admin:
    username: str
    password: str


@dataclass(frozen=True)
class Company:
    name: str
    code: str
    admins: tuple[Admin, ...]
    user_ids: tuple[str, ...]


# -- company A: the vendor's sample security code ---------------------------------------------
SAMPLE_COMPANY_CODE = "^4p;tU0Q+#dEIhTWkuj5FnLD^aKWqVu0"
COMPANY_A_CODE = SAMPLE_COMPANY_CODE

# -- company B: XML-special characters, ; + # ^ and a Latin-1 diacritic (é) --------------------
COMPANY_B_CODE = "Zé&<>^;+#k9Qx7mLp2Rt#Vw4&Yb<8Nd>"

# A well-formed 32-character code no company has.
UNKNOWN_COMPANY_CODE = "0123456789abcdef0123456789ABCDEF"

# -- admins ------------------------------------------------------------------------------------
ADMIN_PLAIN = Admin("hradmin", "Welkom2024!")
# The credentials of the vendor's sample request (typo "passwrod" included), so the sample
# envelope copied verbatim from the docs gets a token, as in the docs' sample response.
ADMIN_SAMPLE = Admin("username", "passwrod")
# XML specials (& < > ' ") plus Dutch/German diacritics; all within Latin-1.
ADMIN_SPECIAL = Admin("Zoë&<Jürgen>'\"Ïöß", "Pässwörd&<é>'\"ëïß")
# Stored the way I3 keeps it (characters above U+00FF became '?') ...
ADMIN_ROMANIAN = Admin("?tefan", "Parol?Bun?!")
# ... and what a user would type in the client: "Ștefan" / "ParolăBună!". Matches ADMIN_ROMANIAN.
ADMIN_ROMANIAN_AS_TYPED = Admin("Ștefan", "ParolăBună!")
# Company B's own admin: same user name as company A's, different password.
ADMIN_B = Admin("hradmin", "B-Geheim&<>#1")

# -- users -------------------------------------------------------------------------------------
USER_42 = "42"
USER_1001 = "1001"
USER_SPECIAL = "u&<>7"
USER_B_ONLY = "2001"
UNKNOWN_USER_ID = "999999"

COMPANY_A = Company(
    name="Company A (vendor sample code)",
    code=COMPANY_A_CODE,
    admins=(ADMIN_PLAIN, ADMIN_SAMPLE, ADMIN_SPECIAL, ADMIN_ROMANIAN),
    user_ids=(USER_42, USER_1001, USER_SPECIAL),
)
COMPANY_B = Company(
    name="Company B (special characters)",
    code=COMPANY_B_CODE,
    admins=(ADMIN_B,),
    user_ids=(USER_42, USER_B_ONLY),
)
COMPANIES: tuple[Company, ...] = (COMPANY_A, COMPANY_B)

# -- the vendor's error strings, in the order ESWS checks them ---------------------------------
ERROR_NO_SECURITY_HASH = "ERROR_NO_SECURITY_HASH"
ERROR_UNKNOWN_SECURITY_HASH = "ERROR_UNKNOWN_SECURITY_HASH"
ERROR_NO_USERNAME = "NO USERNAME PROVIDED"
ERROR_NO_PASSWORD = "NO PASSWORD PROVIDED"
ERROR_NO_USERID = "NO USERID PROVIDED"  # getSyncToken only
ERROR_NO_ADMIN = "NO ADMIN FOUND BASED ON USERNAME AND PASSWORD"
ERROR_NO_USER = "NO USER FOUND BASED ON THE ID PROVIDED"  # getSyncToken only
ERRORS: tuple[str, ...] = (
    ERROR_NO_SECURITY_HASH,
    ERROR_UNKNOWN_SECURITY_HASH,
    ERROR_NO_USERNAME,
    ERROR_NO_PASSWORD,
    ERROR_NO_USERID,
    ERROR_NO_ADMIN,
    ERROR_NO_USER,
)

# A successful call returns bin2hex(random_bytes(64)).
TOKEN_PATTERN = r"[0-9a-f]{128}"

for _company in COMPANIES:
    assert len(_company.code) == 32, _company  # "string (32)" in the vendor docs


def seed_document(companies: tuple[Company, ...] = COMPANIES) -> dict[str, Any]:
    """The JSON document esws.php reads."""
    return {
        "companies": [
            {
                "name": c.name,
                "code": c.code,
                "admins": [{"username": a.username, "password": a.password} for a in c.admins],
                "users": list(c.user_ids),
            }
            for c in companies
        ]
    }


SEED: dict[str, Any] = seed_document()
