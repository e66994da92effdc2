"""``i3sync crm token``: print a CRM.COM session token, for scripts.

Secrets come from the environment (or a no-echo prompt on a terminal), never from arguments.
stdout carries exactly the token and a newline; errors go to stderr through the one mapping in
:mod:`desktop.core.reporting` (exit 2 input, 3 refused with the status code first, 4 transport).
"""

from __future__ import annotations

import argparse
import sys

from desktop.core.cli_support import EXIT_OK, add_timeout_option, read_secret
from desktop.crm.credentials import (
    EXAMPLE_URL,
    LoginMode,
    build_credentials,
    validation_errors,
)

ENV_CRM_PASSWORD = "I3SYNC_CRM_PASSWORD"
ENV_CRM_PASS_CODE = "I3SYNC_CRM_PASS_CODE"
ENV_CRM_AUTH_CODE = "I3SYNC_CRM_AUTH_CODE"

_SECRETS_HELP = (
    f"The password is read from {ENV_CRM_PASSWORD}, the pass code from {ENV_CRM_PASS_CODE} and "
    f"the authentication code from {ENV_CRM_AUTH_CODE}; when unset and stdin is a terminal, "
    "they are prompted for without echo (never give them as arguments). "
    "Prints the token and a newline. The token expires (one hour, or as its JWT exp claim says) "
    "and is never stored. Exit codes: 0 ok, 2 invalid input, 3 refused by CRM.COM (stderr "
    "starts with its status code), 4 could not talk to CRM.COM."
)


def add_crm_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``crm token`` to the ``i3sync`` sub-commands."""
    crm = commands.add_parser(
        "crm",
        help="CRM.COM Web API: get a session token",
        description="Commands for the CRM.COM connector.",
    )
    actions = crm.add_subparsers(dest="crm_action", metavar="ACTION", required=True)
    token = actions.add_parser(
        "token",
        help="log in to CRM.COM and print a session token",
        description="Log in to CRM.COM (POST authentication/token) and print the session token. "
        + _SECRETS_HELP,
    )
    token.add_argument(
        "--url",
        required=True,
        metavar="BASE",
        help="base URL of the CRM.COM Web API, e.g. " + EXAMPLE_URL,
    )
    token.add_argument("--organisation", required=True, metavar="ORG", help="organisation")
    token.add_argument("--unit", metavar="UNIT", help="unit id (default: the user's default unit)")
    login = token.add_mutually_exclusive_group(required=True)
    login.add_argument(
        "--username", metavar="NAME", help=f"log in as this user (password: {ENV_CRM_PASSWORD})"
    )
    login.add_argument(
        "--identifier",
        metavar="ID",
        help=f"log in with this access token identifier (pass code: {ENV_CRM_PASS_CODE})",
    )
    login.add_argument(
        "--authentication-code",
        action="store_true",
        help=f"log in with an access token authentication code ({ENV_CRM_AUTH_CODE})",
    )
    add_timeout_option(token)
    token.set_defaults(handler=run_token)


# Per login mode: the CLI option naming the user or access token, and the secret's variable.
_MODES: dict[LoginMode, tuple[str | None, str]] = {
    LoginMode.USERNAME: ("username", ENV_CRM_PASSWORD),
    LoginMode.IDENTIFIER: ("identifier", ENV_CRM_PASS_CODE),
    LoginMode.AUTH_CODE: (None, ENV_CRM_AUTH_CODE),
}


def run_token(args: argparse.Namespace) -> int:
    """Validate, read the secret, log in, print the token; core errors reach ``cli.main``."""
    from desktop.core.http import Timeouts
    from desktop.core.redaction import register_secret
    from desktop.crm.client import CrmClient

    if args.username is not None:
        mode = LoginMode.USERNAME
    elif args.identifier is not None:
        mode = LoginMode.IDENTIFIER
    else:
        mode = LoginMode.AUTH_CODE
    identity, secret_env = _MODES[mode]
    values = {"organisation": args.organisation, "unit": args.unit or ""}
    if identity is not None:
        values[identity] = getattr(args, identity)
    # Everything checkable is checked before a secret is asked for or anything is sent.
    client = CrmClient(args.url, timeouts=Timeouts.total(args.timeout))
    try:
        problems = validation_errors(mode, values)
        problems.pop(mode.secret_field, None)
        if problems:
            raise next(iter(problems.values()))
        values[mode.secret_key] = read_secret(secret_env, mode.secret_field)
        register_secret(values[mode.secret_key])
        token = client.fetch_token(build_credentials(mode, **values))
    finally:
        client.close()
    sys.stdout.write(token.value + "\n")
    sys.stdout.flush()
    return EXIT_OK
