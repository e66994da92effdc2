"""The ``i3sync`` command: the window by default, and scriptable sub-commands.

Exit codes (scripts depend on them): 0 success, 2 invalid input, 3 refused by the server
(stderr starts with the vendor's code), 4 could not talk to the server. Errors never print a
traceback, and secrets are read from the environment or a no-echo prompt, never from arguments.
"""

from __future__ import annotations

import argparse
import getpass
import logging
import os
import sys
from collections.abc import Callable, Sequence
from typing import TextIO

from desktop import APP_NAME, version
from desktop.errors import I3SyncError, InputError, TransportError, VendorRefusal

EXIT_OK = 0
EXIT_INPUT = 2
EXIT_REFUSED = 3
EXIT_TRANSPORT = 4
EXIT_INTERRUPTED = 130

ENV_COMPANY_ID = "I3SYNC_COMPANY_ID"
ENV_PASSWORD = "I3SYNC_PASSWORD"

log = logging.getLogger(__name__)


def exit_code_for(error: I3SyncError) -> int:
    """The one mapping of core errors to exit codes."""
    if isinstance(error, VendorRefusal):
        return EXIT_REFUSED
    if isinstance(error, TransportError):
        return EXIT_TRANSPORT
    return EXIT_INPUT


def message_for(error: I3SyncError) -> str:
    """The one mapping of core errors to a line on stderr (a refusal starts with its code)."""
    if isinstance(error, VendorRefusal):
        return f"{error.code}: {error.advice}"
    if isinstance(error, TransportError):
        detail = f" ({error.detail})" if error.detail else ""
        return f"i3sync: could not talk to {error.endpoint}: {error.problem.value}{detail}"
    if isinstance(error, InputError):
        return f"i3sync: invalid {error.field}: {error.problem}"
    return f"i3sync: {error}"


def read_secret(
    env_name: str,
    field: str,
    *,
    environ: dict[str, str] | None = None,
    stdin: TextIO | None = None,
    prompt: Callable[[str], str] = getpass.getpass,
) -> str:
    """A secret from ``env_name``, or a no-echo prompt when stdin is a terminal."""
    environ = dict(os.environ) if environ is None else environ
    value = environ.get(env_name)
    if value is not None:
        return value
    stream = stdin if stdin is not None else sys.stdin
    if stream is not None and stream.isatty():
        return prompt(f"{field}: ")
    raise InputError(field, f"not given: set {env_name} (secrets are never taken as arguments)")


class _VersionAction(argparse.Action):
    """``--version``, looking the version up only when asked (it costs start-up time)."""

    def __init__(self, option_strings: list[str], dest: str, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, help=str(kwargs.get("help", "")))

    def __call__(self, parser: argparse.ArgumentParser, *args: object) -> None:
        sys.stdout.write(f"i3sync {version()}\n")
        parser.exit()


def positive_seconds(text: str) -> float:
    """argparse type of ``--timeout``: seconds, more than 0 and at most 600."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError("timeout must be a number of seconds") from None
    if not 0 < value <= 600:
        raise argparse.ArgumentTypeError("timeout must be more than 0 and at most 600 seconds")
    return value


def _add_esws_options(parser: argparse.ArgumentParser) -> None:
    from desktop.i3_urls import DEFAULT_I3_BASE_URL

    parser.add_argument("--endpoint", required=True, metavar="URL", help="ESWS endpoint URL")
    parser.add_argument("--admin", required=True, metavar="NAME", help="I3 admin username")
    parser.add_argument(
        "--i3-url",
        default=DEFAULT_I3_BASE_URL,
        metavar="BASE",
        help=f"base URL of I3 (default {DEFAULT_I3_BASE_URL})",
    )
    parser.add_argument(
        "--wsdl",
        metavar="PATH_OR_URL",
        help="WSDL to use instead of the bundled one (e.g. the server's ?wsdl)",
    )
    parser.add_argument(
        "--timeout",
        type=positive_seconds,
        default=30.0,
        metavar="SECONDS",
        help="give up after this many seconds (default 30)",
    )


def build_parser() -> argparse.ArgumentParser:
    secrets_help = (
        f"The security code is read from {ENV_COMPANY_ID} and the password from {ENV_PASSWORD}; "
        "when unset and stdin is a terminal, they are prompted for without echo. "
        "Exit codes: 0 ok, 2 invalid input, 3 refused by ESWS, 4 could not talk to ESWS."
    )
    parser = argparse.ArgumentParser(
        prog="i3sync",
        description=f"{APP_NAME}: synchronise staff to Identysoft I3. "
        "Without a command, opens the window.",
    )
    parser.add_argument("--version", action=_VersionAction, help="print the version and exit")
    parser.add_argument("--debug", action="store_true", help="log at DEBUG level (redacted)")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open the window on a built-in simulator (no vendor account needed)",
    )
    parser.add_argument(
        "--self-check",
        action="store_true",
        help="check this installation offscreen (simulator, vault, embedded browser); exit 0 or 1",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    url = commands.add_parser(
        "url",
        help="fetch a sync token and print the I3 sync URL",
        description="Fetch a one-time token from ESWS and print the I3 sync URL. " + secrets_help,
    )
    url_kinds = url.add_subparsers(dest="kind", metavar="KIND", required=True)
    one = url_kinds.add_parser("one", help="sync one user (getSyncToken)", description=secrets_help)
    _add_esws_options(one)
    one.add_argument("--user", required=True, metavar="ID", help="I3 id of the user to sync")
    one.add_argument("--location", metavar="ID", help="location id: the sync then starts by itself")
    total = url_kinds.add_parser(
        "total", help="sync all users (getTotalSyncToken)", description=secrets_help
    )
    _add_esws_options(total)

    _add_open_command(commands)
    _add_crm_command(commands)
    return parser


def _add_open_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    opener = commands.add_parser(
        "open",
        help="open the window straight on a sync page, using a saved profile",
        description="Open the window on the sync page of a saved profile "
        "(for launching from HR software).",
    )
    kinds = opener.add_subparsers(dest="kind", metavar="KIND", required=True)
    one = kinds.add_parser("one", help="sync one user")
    one.add_argument("--profile", required=True, metavar="NAME")
    one.add_argument("--user", required=True, metavar="ID")
    one.add_argument("--location", metavar="ID")
    total = kinds.add_parser("total", help="sync all users")
    total.add_argument("--profile", required=True, metavar="NAME")


def _add_crm_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    try:
        from desktop.crm.cli import add_crm_command
    except ImportError:  # the CRM.COM connector is optional in a trimmed build
        return
    add_crm_command(commands)


def run_url(args: argparse.Namespace) -> int:
    """``i3sync url one|total``: print exactly the sync URL and a newline."""
    from desktop.http_session import Timeouts
    from desktop.i3_urls import normalise_base_url, sync_url
    from desktop.redaction import register_secret
    from desktop.sync_request import (
        FIELD_COMPANY_ID,
        FIELD_PASSWORD,
        SyncKind,
        build_request,
    )

    kind = SyncKind.ONE_USER if args.kind == "one" else SyncKind.ALL_USERS
    i3_base = normalise_base_url(args.i3_url)
    company_id = read_secret(ENV_COMPANY_ID, FIELD_COMPANY_ID)
    password = read_secret(ENV_PASSWORD, FIELD_PASSWORD)
    register_secret(company_id, password)
    request = build_request(
        kind,
        company_id=company_id,
        admin_username=args.admin,
        admin_password=password,
        user_id=getattr(args, "user", "") or "",
        location=getattr(args, "location", None),
    )
    from desktop.esws_client import EswsClient

    client = EswsClient(args.endpoint, wsdl=args.wsdl, timeouts=Timeouts.total(args.timeout))
    warnings = [
        f"warning: {field} has characters I3 cannot store (above U+00FF); ESWS received them as '?'"
        for field in request.non_latin1_fields()
    ]
    try:
        token = client.fetch_token(request)
    except I3SyncError as error:
        # The outcome first, so that a refusal's stderr starts with the vendor's code.
        print(message_for(error), *warnings, sep="\n", file=sys.stderr)
        return exit_code_for(error)
    finally:
        client.close()
    for line in warnings:
        print(line, file=sys.stderr)
    register_secret(token)
    sys.stdout.write(sync_url(kind, token, i3_base) + "\n")
    sys.stdout.flush()
    return EXIT_OK


def run_gui_command(args: argparse.Namespace, argv: Sequence[str]) -> int:
    from desktop.gui.launch import run_gui

    return run_gui(args, argv)


_WINDOW_FLAGS = frozenset({"--demo", "--debug"})


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``i3sync``; returns the process exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0].strip().strip("\"'").lower().startswith("i3sync:"):
        # A link from HR software or a web page (the installer registers the i3sync:// scheme);
        # parse_link takes off the quotes Windows may leave around it.
        from desktop.logsetup import configure_logging
        from desktop.url_scheme import run_link

        configure_logging()
        return run_link(argv[0])
    if set(argv) <= _WINDOW_FLAGS:
        # Opening the window is the common case: skip building every sub-command's parser
        # (the CRM.COM one imports its module), which the form would wait for.
        args = argparse.Namespace(
            command=None, demo="--demo" in argv, debug="--debug" in argv, self_check=False
        )
    else:
        args = build_parser().parse_args(argv)
    from desktop.logsetup import configure_logging

    configure_logging(debug=args.debug, console=args.command is not None and args.debug)
    handler: Callable[[argparse.Namespace], int] | None = getattr(args, "handler", None)
    try:
        if args.self_check:
            from desktop.self_check import main as self_check

            return self_check()
        if args.command == "url":
            return run_url(args)
        if handler is not None:
            return handler(args)
        return run_gui_command(args, argv)
    except I3SyncError as error:
        print(message_for(error), file=sys.stderr)
        return exit_code_for(error)
    except KeyboardInterrupt:
        print("i3sync: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED


def console_main() -> None:  # pragma: no cover - thin wrapper for entry points
    sys.exit(main())
