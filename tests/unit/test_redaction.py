"""No secret reaches a log line, even zeep's DEBUG envelopes."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.core.cli_support import read_secret
from desktop.core.errors import InputError
from desktop.core.logsetup import configure_logging
from desktop.core.redaction import MASK, forget_secrets, register_secret, scrub

CODE = "^4p;tU0Q+#dEIhTWkuj5FnLD^aKWqVu0"
TOKEN = "e4d8503e7d6df3b37dcaf5063576a11f795329f9a8d854d7372a730f6be1f22e" * 2


@pytest.fixture(autouse=True)
def _clean_registry() -> Iterator[None]:
    forget_secrets()
    yield
    forget_secrets()


def test_registered_values_are_masked_raw_and_xml_escaped() -> None:
    register_secret("p&ss<word>")
    text = scrub("raw p&ss<word> escaped p&amp;ss&lt;word&gt;")
    assert "p&ss" not in text
    assert text.count(MASK) == 2


def test_secret_shaped_text_is_masked_without_registration() -> None:
    envelope = (
        f'<p_companyID xsi:type="xsd:string">{CODE}</p_companyID>'
        '<p_adminPassword xsi:type="xsd:string">pw</p_adminPassword>'
        f'<return xsi:type="xsd:string">{TOKEN}</return>'
    )
    text = scrub(envelope)
    assert CODE not in text and ">pw<" not in text and TOKEN not in text
    assert scrub(f"GET /users/oneSyncUserLogin/{TOKEN[:20]}x") == (
        f"GET /users/oneSyncUserLogin/{MASK}"
    )
    assert '"password": "[redacted]"' in scrub('{"password": "hunter2", "organisation": "X"}')


def test_registered_values_are_masked_url_and_json_escaped() -> None:
    register_secret('p "w"/ä+1')
    text = scrub(
        'url p%20%22w%22%2F%C3%A4%2B1 form p+%22w%22%2F%C3%A4%2B1 json p \\"w\\"/\\u00e4+1'
    )
    assert "%22w%22" not in text and '\\"w\\"' not in text
    assert text.count(MASK) == 3


def test_very_short_values_are_not_registered() -> None:
    register_secret("a")
    assert scrub("a cat") == "a cat"


def test_log_file_never_holds_a_secret_even_at_debug(isolated_user_folders: Path) -> None:
    path = configure_logging(debug=True)
    assert path is not None
    register_secret(CODE, "hunter2-pw")
    zeep_log = logging.getLogger("zeep.transports")
    zeep_log.debug("HTTP Post to x:\n<p_companyID>%s</p_companyID>", CODE)
    logging.getLogger("desktop.test").info("password was %s", "hunter2-pw")
    try:
        raise ValueError(f"boom {CODE}")
    except ValueError:
        logging.getLogger("desktop.test").exception("failed")
    for handler in logging.getLogger().handlers:
        handler.flush()
    content = path.read_text(encoding="utf-8")
    assert "HTTP Post to" in content and "failed" in content
    assert CODE not in content
    assert "hunter2-pw" not in content
    assert content.count(MASK) >= 3


def test_a_secret_with_bytes_that_are_not_text_never_breaks_the_filter(
    isolated_user_folders: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # What os.environ makes of I3SYNC_PASSWORD=$'pass\xffword' on a UTF-8 system.
    secret = "pass\udcffword"
    register_secret(secret)
    assert scrub(f"sent {secret} and pass%FFword") == f"sent {MASK} and {MASK}"
    path = configure_logging(debug=True, console=True)
    assert path is not None
    logging.getLogger("desktop.test").info("user typed %s then %s", secret, "bad\udcfe")
    for handler in logging.getLogger().handlers:
        handler.flush()
    content = path.read_text(encoding="utf-8")
    assert "user typed [redacted] then bad\ufffd" in content
    err = capsys.readouterr().err
    assert "Logging error" not in err and "Traceback" not in err
    assert "user typed [redacted]" in err


def test_read_secret_refuses_bytes_that_are_not_text_naming_the_field() -> None:
    with pytest.raises(InputError) as caught:
        read_secret("I3SYNC_PASSWORD", "password", environ={"I3SYNC_PASSWORD": "pw\udcff"})
    assert caught.value.field == "password"
    assert "I3SYNC_PASSWORD" in caught.value.problem and "pw" not in caught.value.problem
    assert read_secret("X", "password", environ={"X": "ok pw ä"}) == "ok pw ä"


def test_case_variants_of_a_registered_secret_are_masked() -> None:
    register_secret("Hunter2-Secret")
    text = scrub("said HUNTER2-SECRET, then hunter2-secret and HuNtEr2-SeCrEt%21")
    assert "hunter2" not in text.lower()
    assert text.count(MASK) == 3


def test_the_echo_after_nusoaps_iso_8859_1_conversion_is_masked() -> None:
    secret = "Pässwört€ 2026 ✓"
    register_secret(secret)
    echoed = "Pässwört? 2026 ?"  # NuSOAP: above U+00FF becomes "?"
    mojibake = secret.encode("utf-8").decode("latin-1")  # UTF-8 bytes shown as Latin-1
    backwards = echoed.encode("latin-1").decode("utf-8", "replace")  # Latin-1 read as UTF-8
    text = scrub(f"a {echoed} b {mojibake} c {backwards} d {echoed.upper()} e {secret}")
    assert text == f"a {MASK} b {MASK} c {MASK} d {MASK} e {MASK}"
    # As zeep would have logged it inside an XML envelope, escaped.
    xml_secret = "a<b>&c€d"
    register_secret(xml_secret)
    assert scrub("<p_x>a&lt;b&gt;&amp;c?d</p_x>") == f"<p_x>{MASK}</p_x>"


def test_a_secret_that_nusoap_would_turn_into_question_marks_only_masks_no_common_text() -> None:
    register_secret("密码密码密码")
    assert scrub("what???? who?") == "what???? who?"
    assert scrub("echo 密码密码密码") == f"echo {MASK}"


def test_the_registry_stays_bounded_over_a_day_of_syncs() -> None:
    # Every sync registers a one-time token; the registry (and each log line's pattern) must not
    # grow with them. The values still in use are registered again at each sync.
    import secrets as random_secrets

    from desktop.core import redaction

    password = "Correct-Horse-Battery-1"
    first_token = random_secrets.token_hex(64)
    redaction.register_secret(first_token)
    for _ in range(1000):
        redaction.register_secret(password, random_secrets.token_hex(64))
    assert len(redaction._secrets) <= redaction.MAX_SECRETS
    assert password in redaction._secrets
    line = f"user typed {password} and got {first_token}"
    assert redaction.scrub(line) == "user typed [redacted] and got [redacted]"


def test_a_secret_registered_once_outlives_a_day_of_tokens() -> None:
    # Spent tokens (which their shape masks anyway) leave the registry first: a CRM.COM
    # password read once in the morning is still masked after a thousand ESWS syncs.
    import secrets as random_secrets

    from desktop.core import redaction

    password = "Crm-Pass-Only-Once-7"
    redaction.register_secret(password)
    for _ in range(1000):
        redaction.register_secret(random_secrets.token_hex(64))
    assert len(redaction._secrets) <= redaction.MAX_SECRETS
    assert redaction.scrub(f"login with {password}") == "login with [redacted]"
