"""What every command-line face shares: exit codes, secrets from the environment, argument types.

Scripts depend on the exit codes: 0 success, 2 invalid input, 3 refused by the server (stderr
starts with its code), 4 could not talk to the server; 1 only for a bug. Secrets are read from
the environment or a no-echo prompt, never from arguments (they would show in the process list
and shell history).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable, Mapping
from typing import TextIO

from desktop.core.errors import InputError
from desktop.core.text import PROBLEM_NOT_TEXT, has_surrogates

EXIT_OK = 0
EXIT_INTERNAL = 1  # a bug: one line on stderr, the (redacted) traceback in the log file
EXIT_INPUT = 2
EXIT_REFUSED = 3
EXIT_TRANSPORT = 4
EXIT_INTERRUPTED = 130

DEFAULT_TIMEOUT_SECONDS = 30.0
MAX_TIMEOUT_SECONDS = 600.0


def read_secret(
    env_name: str,
    field: str,
    *,
    environ: Mapping[str, str] | None = None,
    stdin: TextIO | None = None,
    prompt: Callable[[str], str] = getpass.getpass,
) -> str:
    """A secret from ``env_name``, or a no-echo prompt when stdin is a terminal.

    ``InputError`` naming ``field`` when neither is available, or when the value holds bytes that
    are not valid text (checked here, before anything is sent or logged).
    """
    environ = os.environ if environ is None else environ
    value = environ.get(env_name)
    if value is None:
        stream = stdin if stdin is not None else sys.stdin
        if stream is None or not stream.isatty():
            raise InputError(
                field, f"not given: set {env_name} (secrets are never taken as arguments)"
            )
        value = prompt(f"{field}: ")
    if has_surrogates(value):
        # A byte that is not valid in the system's encoding: os.environ keeps it as a lone
        # surrogate, which no request can encode. Say where it came from, never what it is.
        raise InputError(field, f"{PROBLEM_NOT_TEXT} (check {env_name})")
    return value


def positive_seconds(text: str) -> float:
    """argparse type of ``--timeout``: seconds, more than 0 and at most 600."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError("timeout must be a number of seconds") from None
    if not 0 < value <= MAX_TIMEOUT_SECONDS:
        raise argparse.ArgumentTypeError("timeout must be more than 0 and at most 600 seconds")
    return value


def add_timeout_option(parser: argparse.ArgumentParser) -> None:
    """``--timeout SECONDS``, the same on every command that talks to a server."""
    parser.add_argument(
        "--timeout",
        type=positive_seconds,
        default=DEFAULT_TIMEOUT_SECONDS,
        metavar="SECONDS",
        help="give up after this many seconds, the whole exchange included (default 30)",
    )
