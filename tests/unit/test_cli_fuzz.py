"""Property: whatever the arguments and environment, ``i3sync`` ends with 0, 2, 3 or 4 and never a
traceback; its output never holds a secret, and its own messages are lines without controls.

In-process through :func:`desktop.cli.main` (tests/cli_runner.py). Nothing leaves the machine:
every address that could be reached points at a closed loopback port, and the window is replaced
by a stub module (as tests/unit/test_links.py does), so ``open``, links and no command at all
return what the stub returns once their arguments have been parsed.

``I3SYNC_FUZZ_EXAMPLES`` raises the number of examples per property (100 by default, ~6 s in
all; 1,500 took 2.5 min and found nothing more).
"""

from __future__ import annotations

import os
import sys
import types
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from unittest import mock

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

import desktop.cli
from tests.cli_runner import CliResult, run_in_process
from tests.fault_servers import closed_port_url

ALLOWED_EXIT_CODES = {0, 2, 3, 4}
CLOSED = closed_port_url()
SECRET_MARK = "zqSECRETzq"

# Pieces a hostile or clumsy caller may type: controls, brackets, huge numbers, bidi controls,
# lone surrogates (what Python makes of a byte that is not valid in the system's encoding).
SPECIALS = [
    *("\x1b[31m", "\n", "\r", "\t", "\x7f", "\x85", "\x9b", "\u2028", "\u202e", "\u2066"),
    *("\udcff", "\udc80", "[", "]", "[::1", "%", "%zz", "?", "#", "@", ":", "//", "\\", "'", '"'),
    *("9" * 400, "1e308", "-1", "0", "nan", "inf", "-0", "é", "€", "密", " ", "", "--", "-h"),
]
fuzz = st.lists(st.one_of(st.text(max_size=6), st.sampled_from(SPECIALS)), max_size=5).map("".join)
# Environment values cannot hold NUL (the OS refuses them); anything else goes.
env_value = fuzz.map(lambda text: text.replace("\x00", ""))


def mostly(plain: str) -> st.SearchStrategy[str]:
    """``plain`` two times in three, else fuzz: deep enough to reach validation and the network."""
    return st.one_of(st.just(plain), st.just(plain), fuzz)


# Addresses that are either refused before the network or point at the closed port.
address = st.one_of(
    st.just(CLOSED + "/esws"),
    st.just(CLOSED + "/esws"),
    st.sampled_from(["http://[::1", "https://[", "http://[::1/v2", "ftp://x", "", " ", "http://"]),
    fuzz.map(lambda text: CLOSED + "/" + text),
    fuzz.map(lambda text: "http://[" + text),
    fuzz.map(lambda text: "http://127.0.0.1:99999" + text),
)
timeout = st.one_of(st.sampled_from(["1", "0", "-1", "601", "1e308", "nan", "inf", "2"]), fuzz)
extra = st.one_of(
    st.just([]),
    st.just([]),
    st.lists(
        st.one_of(fuzz, st.sampled_from(["--help", "--timeout", "--debug", "-x"])), max_size=2
    ),
)


@contextmanager
def no_window() -> Iterator[list[str]]:
    """The window and the self-check replaced by stubs that record what they were asked."""
    opened: list[str] = []
    launch = types.ModuleType("desktop.gui.launch")
    launch.run_gui = lambda args, argv: opened.append("window") or 0  # type: ignore[attr-defined]
    launch.open_sync_page = lambda link: opened.append("link") or 0  # type: ignore[attr-defined]
    # Only this one entry: patch.dict(sys.modules) would also drop every module imported inside
    # (zeep...), re-importing them for each example.
    saved = sys.modules.get("desktop.gui.launch")
    sys.modules["desktop.gui.launch"] = launch
    try:
        with mock.patch.object(desktop.cli, "run_self_check", lambda: 0):
            yield opened
    finally:
        if saved is None:
            del sys.modules["desktop.gui.launch"]
        else:
            sys.modules["desktop.gui.launch"] = saved


def run(args: list[str], env: dict[str, str]) -> CliResult:
    with no_window():
        result = run_in_process(args, env)
    assert result.returncode in ALLOWED_EXIT_CODES, (args, result)
    with suppress(InvalidArgument):  # outside @given (the plain tests below) there is no event
        event(f"exit {result.returncode}")  # --hypothesis-show-statistics: how far runs got
    assert "Traceback" not in result.stderr and "Traceback" not in result.stdout
    assert SECRET_MARK not in result.stderr and SECRET_MARK not in result.stdout
    if result.returncode in (3, 4) or result.stderr.startswith("i3sync: invalid"):
        # Our own messages (not argparse's usage text, which echoes what was typed): each line
        # is one of ours and holds no control character.
        for line in result.stderr.splitlines():
            assert line.startswith(("i3sync: ", "ERROR", "warning: ")), result.stderr
            assert not any(ch < " " or 0x7F <= ord(ch) <= 0x9F for ch in line), line
    return result


def secrets_env(base: dict[str, str], names: list[str], data: st.DataObject) -> dict[str, str]:
    env = dict(base)
    for name in names:
        choice = data.draw(st.sampled_from(["absent", "fuzz", "marked", "marked", "marked"]))
        if choice == "fuzz":
            env[name] = data.draw(env_value)
        elif choice == "marked":  # a plausible secret holding the mark, maybe with a bad byte
            suffix = data.draw(st.sampled_from(["", "", "\udcff", "\x1b", "é€"]))
            # The security code must be 32 characters to get past validation.
            length = 32 - len(suffix) if name == "I3SYNC_COMPANY_ID" else len(SECRET_MARK)
            env[name] = (SECRET_MARK * 4)[:length] + suffix
    return env


FUZZ_SETTINGS = settings(
    max_examples=int(os.environ.get("I3SYNC_FUZZ_EXAMPLES", "100")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@FUZZ_SETTINGS
@given(
    kind=st.sampled_from(["one", "total"]),
    endpoint=address,
    admin=mostly("hradmin"),
    user=mostly("E042"),
    location=st.one_of(st.none(), st.just("7"), fuzz),
    i3_url=st.one_of(st.none(), st.none(), fuzz, address),
    wsdl=st.one_of(
        st.none(), st.none(), st.sampled_from([CLOSED + "/esws?wsdl", "/nonexistent/esws.wsdl"])
    ),
    seconds=st.one_of(st.none(), st.just("2"), timeout),
    more=extra,
    data=st.data(),
)
def test_url_never_crashes(
    subprocess_env: dict[str, str],
    kind: str,
    endpoint: str,
    admin: str,
    user: str,
    location: str | None,
    i3_url: str | None,
    wsdl: str | None,
    seconds: str | None,
    more: list[str],
    data: st.DataObject,
) -> None:
    args = ["url", kind, "--endpoint", endpoint, "--admin", admin]
    if kind == "one":
        args += ["--user", user]
        if location is not None:
            args += ["--location", location]
    for option, value in (("--i3-url", i3_url), ("--wsdl", wsdl), ("--timeout", seconds)):
        if value is not None:
            args += [option, value]
    env = secrets_env(subprocess_env, ["I3SYNC_COMPANY_ID", "I3SYNC_PASSWORD"], data)
    result = run(args + more, env)
    assert result.stdout == "" or result.returncode == 0


@FUZZ_SETTINGS
@given(
    url=address,
    organisation=mostly("Acme"),
    unit=st.one_of(st.none(), st.none(), fuzz),
    mode=st.sampled_from(["--username", "--identifier", "--authentication-code"]),
    identity=mostly("hradmin"),
    seconds=st.one_of(st.none(), st.none(), timeout),
    more=extra,
    data=st.data(),
)
def test_crm_token_never_crashes(
    subprocess_env: dict[str, str],
    url: str,
    organisation: str,
    unit: str | None,
    mode: str,
    identity: str,
    seconds: str | None,
    more: list[str],
    data: st.DataObject,
) -> None:
    args = ["crm", "token", "--url", url, "--organisation", organisation, mode]
    if mode != "--authentication-code":
        args.append(identity)
    if unit is not None:
        args += ["--unit", unit]
    if seconds is not None:
        args += ["--timeout", seconds]
    names = ["I3SYNC_CRM_PASSWORD", "I3SYNC_CRM_PASS_CODE", "I3SYNC_CRM_AUTH_CODE"]
    env = secrets_env(subprocess_env, names, data)
    run(args + more, env)


@FUZZ_SETTINGS
@given(
    kind=st.one_of(st.sampled_from(["one", "total", "both"]), fuzz),
    profile=mostly("Acme"),
    user=st.one_of(st.none(), fuzz),
    location=st.one_of(st.none(), fuzz),
    more=extra,
)
def test_open_never_crashes(
    subprocess_env: dict[str, str],
    kind: str,
    profile: str,
    user: str | None,
    location: str | None,
    more: list[str],
) -> None:
    args = ["open", kind, "--profile", profile]
    for option, value in (("--user", user), ("--location", location)):
        if value is not None:
            args += [option, value]
    run(args + more, subprocess_env)


# Links are fuzzed with lone surrogates too (a non-UTF-8 byte in argv arrives as one).
link_text = fuzz


def test_a_link_with_a_byte_that_is_not_utf8_exits_2(subprocess_env: dict[str, str]) -> None:
    result = run(["i3sync://sync/total?profile=Ac\udcffme"], subprocess_env)
    assert result.returncode == 2
    assert result.stderr.startswith("i3sync: invalid link: ")


@FUZZ_SETTINGS
@given(
    prefix=st.sampled_from(["i3sync://", "I3SYNC://", '"i3sync://', " i3sync:", "i3sync:"]),
    path=st.one_of(
        st.sampled_from(["sync/one", "sync/total", "sync/total", "sync", ""]), link_text
    ),
    query=st.one_of(
        st.just([("profile", "Acme")]),
        st.tuples(
            st.just(("profile", "Acme")),
            st.tuples(st.just("user"), st.one_of(st.just("E042"), link_text)),
        ).map(list),
        st.lists(
            st.tuples(
                st.one_of(
                    st.sampled_from(["profile", "profile", "user", "location", "x"]), link_text
                ),
                st.one_of(st.just("Acme"), st.just("Acme"), link_text),
            ),
            max_size=3,
        ),
    ),
    tail=st.one_of(st.just(""), st.just(""), link_text),
)
def test_links_never_crash(
    subprocess_env: dict[str, str],
    prefix: str,
    path: str,
    query: list[tuple[str, str]],
    tail: str,
) -> None:
    link = prefix + path + "?" + "&".join(f"{key}={value}" for key, value in query) + tail
    result = run([link], subprocess_env)
    assert result.returncode in (0, 2)


@FUZZ_SETTINGS
@given(
    args=st.lists(
        st.one_of(
            st.sampled_from(
                ["--version", "--help", "-h", "--debug", "--demo", "--self-check", "url", "crm"]
            ),
            st.sampled_from(["open", "token", "one", "total", "--endpoint", CLOSED]),
            fuzz,
        ),
        max_size=4,
    )
)
def test_top_level_arguments_never_crash(subprocess_env: dict[str, str], args: list[str]) -> None:
    run(args, subprocess_env)


def test_the_stubs_are_what_runs_the_window(subprocess_env: dict[str, str]) -> None:
    # The properties above would pass vacuously if the stub were never reached.
    with no_window() as opened:
        assert (
            run_in_process(["open", "total", "--profile", "Acme"], subprocess_env).returncode == 0
        )
        assert run_in_process(["i3sync://sync/total?profile=Acme"], subprocess_env).returncode == 0
    assert opened == ["window", "link"]


# One field at a time, the others valid: most runs get past validation to the (closed) network.
URL_FIELDS = {
    "--endpoint": CLOSED + "/esws",
    "--admin": "hradmin",
    "--user": "E042",
    "--location": "7",
    "--i3-url": "https://i3.example/i3/",
    "--timeout": "2",
}
URL_ENV = {"I3SYNC_COMPANY_ID": "^4p;tU0Q+#dEIhTWkuj5FnLD^" + "zqSECRE", "I3SYNC_PASSWORD": "zqpw"}


@FUZZ_SETTINGS
@given(field=st.sampled_from([*URL_FIELDS, *URL_ENV]), value=st.one_of(fuzz, address))
def test_url_with_one_bad_field_never_crashes(
    subprocess_env: dict[str, str], field: str, value: str
) -> None:
    options = dict(URL_FIELDS)
    env = {**subprocess_env, **URL_ENV}
    if field in options:
        options[field] = value
    else:
        env[field] = value.replace("\x00", "")
    args = ["url", "one", *(part for pair in options.items() for part in pair)]
    result = run(args, env)
    assert result.returncode in (2, 4)
    assert URL_ENV["I3SYNC_COMPANY_ID"] not in result.stderr and "zqpw" not in result.stderr


CRM_FIELDS = {
    "--url": CLOSED + "/v2",
    "--organisation": "Acme",
    "--unit": "U1",
    "--username": "hradmin",
    "--timeout": "2",
}


@FUZZ_SETTINGS
@given(field=st.sampled_from([*CRM_FIELDS, "I3SYNC_CRM_PASSWORD"]), value=st.one_of(fuzz, address))
def test_crm_token_with_one_bad_field_never_crashes(
    subprocess_env: dict[str, str], field: str, value: str
) -> None:
    options = dict(CRM_FIELDS)
    env = {**subprocess_env, "I3SYNC_CRM_PASSWORD": "zqcrmpw"}
    if field in options:
        options[field] = value
    else:
        env[field] = value.replace("\x00", "")
    args = ["crm", "token", *(part for pair in options.items() for part in pair)]
    result = run(args, env)
    assert result.returncode in (2, 4)
    assert "zqcrmpw" not in result.stderr
