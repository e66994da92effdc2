"""``i3sync url one|total`` (print a sync URL), ``i3sync check`` (the connection check) and the
parser of ``i3sync open one|total``.

``open`` starts the window, which this package cannot import: its parser only marks the arguments
(``opens_window``), and :mod:`desktop.cli` hands them to the window.
"""

from __future__ import annotations

import argparse
import json
import sys

from desktop.core.cli_support import (
    EXIT_OK,
    EXIT_TRANSPORT,
    add_timeout_option,
    read_secret,
)
from desktop.core.errors import I3SyncError, InputError
from desktop.core.history import Source
from desktop.core.history_store import HistoryStore
from desktop.core.http import Timeouts, is_cleartext_remote
from desktop.core.redaction import register_secret
from desktop.core.reporting import exit_code_for, message_for
from desktop.esws.check import CheckTarget, ConnectionCheck, StepResult, notes_for
from desktop.esws.client import EswsClient
from desktop.esws.history import AttemptRecorder, history_label
from desktop.esws.i3_urls import DEFAULT_I3_BASE_URL, normalise_i3_url, sync_url
from desktop.esws.profiles import ProfileStore
from desktop.esws.request import FIELD_COMPANY_ID, FIELD_PASSWORD, SyncKind, build_request

ENV_COMPANY_ID = "I3SYNC_COMPANY_ID"
ENV_PASSWORD = "I3SYNC_PASSWORD"

SECRETS_HELP = (
    f"The security code is read from {ENV_COMPANY_ID} and the password from {ENV_PASSWORD}; "
    "when unset and stdin is a terminal, they are prompted for without echo. "
    "Exit codes: 0 ok, 2 invalid input, 3 refused by ESWS, 4 could not talk to ESWS."
)


def _add_esws_options(parser: argparse.ArgumentParser) -> None:
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
    add_timeout_option(parser)


def add_url_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``i3sync url one|total``."""
    url = commands.add_parser(
        "url",
        help="fetch a sync token and print the I3 sync URL",
        description="Fetch a one-time token from ESWS and print the I3 sync URL. " + SECRETS_HELP,
    )
    kinds = url.add_subparsers(dest="kind", metavar="KIND", required=True)
    one = kinds.add_parser("one", help="sync one user (getSyncToken)", description=SECRETS_HELP)
    _add_esws_options(one)
    one.add_argument("--user", required=True, metavar="ID", help="I3 id of the user to sync")
    one.add_argument("--location", metavar="ID", help="location id: the sync then starts by itself")
    total = kinds.add_parser(
        "total", help="sync all users (getTotalSyncToken)", description=SECRETS_HELP
    )
    _add_esws_options(total)
    for parser in (one, total):
        parser.add_argument(
            "--no-history",
            action="store_true",
            help="do not record this request in the sync history (see i3sync history)",
        )
    url.set_defaults(handler=run_url)


def add_open_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``i3sync open one|total``: the window, straight on a saved profile's sync page."""
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
    opener.set_defaults(opens_window=True)


CHECK_HELP = (
    "Check, step by step, the way to ESWS and I3: resolve (DNS), connect (TCP), tls (https "
    "only: the certificate, against this computer's trust store), wsdl (the WSDL in use "
    "declares getSyncToken and getTotalSyncToken), esws (getTotalSyncToken with an empty "
    "security code, admin and password: ESWS answers ERROR_NO_SECURITY_HASH; no secret is "
    "sent, no token spent) and i3 (any HTTP answer from the I3 address). A failed step marks "
    "the steps that need it 'skip'. --timeout bounds the whole check. Exit codes: 0 every "
    "step ok, 2 invalid input, 4 a step failed or was skipped."
)


def add_check_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``i3sync check (--profile NAME | --endpoint URL ...) [--timeout S] [--json]``."""
    check = commands.add_parser(
        "check",
        help="check the connection to ESWS and I3, step by step (no secret sent)",
        description=CHECK_HELP,
    )
    which = check.add_mutually_exclusive_group(required=True)
    which.add_argument("--profile", metavar="NAME", help="check a saved profile")
    which.add_argument("--endpoint", metavar="URL", help="ESWS endpoint URL")
    check.add_argument(
        "--i3-url",
        metavar="BASE",
        help=f"base URL of I3, with --endpoint (default {DEFAULT_I3_BASE_URL})",
    )
    check.add_argument(
        "--wsdl", metavar="PATH_OR_URL", help="WSDL to use instead of the bundled one"
    )
    add_timeout_option(check)
    check.add_argument(
        "--json",
        action="store_true",
        help='print a JSON list of {"step", "ok", "detail", "ms"} objects instead of lines',
    )
    check.set_defaults(handler=run_check)


def check_target(args: argparse.Namespace) -> CheckTarget:
    """What ``check`` was asked to check: a saved profile, or the addresses given."""
    if args.profile is None:
        return CheckTarget.of(args.endpoint, args.i3_url or DEFAULT_I3_BASE_URL, args.wsdl)
    if args.i3_url is not None or args.wsdl is not None:
        raise InputError("profile", "--i3-url and --wsdl go with --endpoint, not with --profile")
    loaded = ProfileStore().load()
    profile = loaded.find(args.profile)
    if profile is None:
        known = ", ".join(loaded.names) or "none saved"
        raise InputError("profile", f"no saved profile has this name (profiles: {known})")
    return CheckTarget.for_profile(profile)


def run_check(args: argparse.Namespace) -> int:
    """``i3sync check``: one line per step (or JSON); exit 0 when every step is ok, else 4."""
    target = check_target(args)
    check = ConnectionCheck(target, args.timeout)

    def show(result: StepResult) -> None:
        if not args.json:
            print(result.line(), flush=True)

    try:
        results = check.run(show)
    except KeyboardInterrupt:
        check.cancel()
        raise
    if args.json:
        print(json.dumps([result.as_json() for result in results], ensure_ascii=False, indent=1))
    # Warnings and reminders on stderr: stdout stays the steps (or pure JSON).
    for note in notes_for(target):
        print(note, file=sys.stderr)
    return EXIT_OK if all(result.ok for result in results) else EXIT_TRANSPORT


def run_url(args: argparse.Namespace) -> int:
    """``i3sync url one|total``: print exactly the sync URL and a newline."""
    kind = SyncKind.ONE_USER if args.kind == "one" else SyncKind.ALL_USERS
    i3_base = normalise_i3_url(args.i3_url)
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
    client = EswsClient(args.endpoint, wsdl=args.wsdl, timeouts=Timeouts.total(args.timeout))
    warnings = [
        f"warning: {field} has characters I3 cannot store (above U+00FF); ESWS received them as '?'"
        for field in request.non_latin1_fields()
    ]
    if is_cleartext_remote(client.endpoint):
        warnings.append(
            "warning: the ESWS endpoint is plain http:// on another computer: the admin "
            "password and the token travel unencrypted; use https://"
        )
    if is_cleartext_remote(i3_base):
        warnings.append(
            "warning: the I3 address is plain http:// on another computer: the sync link "
            "(a login token) travels unencrypted; use https://"
        )
    recorder = AttemptRecorder(
        None if args.no_history else HistoryStore(),
        source=Source.COMMAND_LINE,
        request=request,
        label=history_label(None, client.endpoint),
    )
    try:
        with recorder:
            token = client.fetch_token(request)
    except I3SyncError as error:
        # The outcome first, so that a refusal's stderr starts with the vendor's code.
        print(message_for(error), *warnings, *recorder.warnings(), sep="\n", file=sys.stderr)
        return exit_code_for(error)
    finally:
        client.close()
    warnings += recorder.warnings()
    for line in warnings:
        print(line, file=sys.stderr)
    register_secret(token)
    sys.stdout.write(sync_url(kind, token, i3_base) + "\n")
    sys.stdout.flush()
    return EXIT_OK
