"""The ``i3sync`` command: the argparse tree and the dispatch, nothing else.

The window by default; as sub-commands ``url``, ``check``, ``open`` (:mod:`desktop.esws.cli`),
``history`` (:mod:`desktop.esws.history_cli`), ``profile`` (:mod:`desktop.esws.profile_cli`) and
``crm`` (:mod:`desktop.crm.cli`); an ``i3sync://`` link as the only argument. This is the one
module below the GUI that may start the window, and it imports it only to do so. Errors become a
line on stderr and an exit code through :mod:`desktop.core.reporting`, never a traceback; a bug is
one line too ("internal error", exit 1) with its traceback in the log file.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import logging
import os
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn

from desktop import APP_NAME, version
from desktop.core.cli_support import EXIT_INPUT, EXIT_INTERNAL, EXIT_INTERRUPTED
from desktop.core.errors import I3SyncError, InputError
from desktop.core.i18n import WINDOW_LANGUAGES
from desktop.core.logsetup import configure_logging
from desktop.core.reporting import exit_code_for, message_for

log = logging.getLogger(__name__)

LINK_HELP = (
    'An i3sync:// link as the only argument ("i3sync://sync/one?profile=NAME&user=ID'
    '&location=ID" or "i3sync://sync/total?profile=NAME") opens the window filled in for it. '
    "While the window is open, a further i3sync, i3sync open or i3sync:// link goes to that "
    "window; the command exits 0 once the window has taken it."
)


class _VersionAction(argparse.Action):
    """``--version``, looking the version up only when asked (it costs start-up time)."""

    def __init__(self, option_strings: list[str], dest: str, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, help=str(kwargs.get("help", "")))

    def __call__(self, parser: argparse.ArgumentParser, *args: object) -> None:
        sys.stdout.write(f"i3sync {version()}\n")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    """Every sub-command's parser (imports the connectors' CLI modules)."""
    from desktop.crm.cli import add_crm_command
    from desktop.esws.cli import add_check_command, add_open_command, add_url_command
    from desktop.esws.history_cli import add_history_command
    from desktop.esws.profile_cli import add_profile_command

    parser = argparse.ArgumentParser(
        prog="i3sync",
        description=f"{APP_NAME}: synchronise staff to Identysoft I3. "
        "Without a command, opens the window.",
        epilog=LINK_HELP,
    )
    parser.add_argument("--version", action=_VersionAction, help="print the version and exit")
    parser.add_argument("--debug", action="store_true", help="log at DEBUG level (redacted)")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="open the window on a built-in simulator (no vendor account needed)",
    )
    parser.add_argument(
        "--lang",
        type=str.lower,
        choices=tuple(WINDOW_LANGUAGES),
        help="the window's language (default: the system's, or the one chosen in the window); "
        "the command line stays English",
    )
    parser.add_argument(
        "--self-check",
        action="store_true",
        help="check this installation offscreen (simulator, vault, embedded browser); exit 0 or 1",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    add_url_command(commands)
    add_check_command(commands)
    add_open_command(commands)
    add_crm_command(commands)
    add_history_command(commands)
    add_profile_command(commands)
    return parser


def has_console() -> bool:
    """False in the windowed app: stderr is missing (None) or, frozen, the null device."""
    stream = sys.stderr
    return stream is not None and getattr(stream, "name", None) != os.devnull


def refuse_window_request(message: str) -> int:
    """A link or ``open`` request that will not open the window: exit 2, said where it is seen.

    On stderr when there is one; in the windowed app (``i3sync.exe`` has no console, so stderr is
    None) in a message box, as HR software that launched it shows nothing itself.
    """
    if has_console():
        print(message, file=sys.stderr)
        return EXIT_INPUT
    from desktop.gui.launch import show_link_error

    return show_link_error(message)


def _parse(argv: Sequence[str]) -> argparse.Namespace:
    """The command line; in the windowed app a usage error is shown in a message box too."""
    parser = build_parser()
    if has_console():
        return parser.parse_args(argv)
    said = io.StringIO()
    try:
        with contextlib.redirect_stderr(said):
            return parser.parse_args(argv)
    except SystemExit as done:
        if done.code:
            lines = said.getvalue().strip().splitlines()
            raise SystemExit(
                refuse_window_request(lines[-1] if lines else "i3sync: bad command line")
            ) from None
        raise


def run_link(link: str) -> int:
    """Open the window for an ``i3sync:`` link; exit code 2 (and a line on stderr) if invalid."""
    from desktop.esws.links import parse_link

    try:
        request = parse_link(link)
    except InputError as error:
        return refuse_window_request(f"i3sync: invalid link: {error.problem}")
    from desktop.gui.launch import open_sync_page

    return open_sync_page(request)


def run_self_check() -> int:
    """``--self-check``, with the window's own page reader (the check itself imports no Qt)."""
    from desktop import self_check
    from desktop.gui.self_check_view import read_sync_page

    return self_check.main(read_sync_page)


def run_window(args: argparse.Namespace, argv: Sequence[str]) -> int:
    from desktop.gui.launch import run_gui

    return run_gui(args, argv)


_WINDOW_FLAGS = frozenset({"--demo", "--debug"})


def _window_only(argv: list[str]) -> argparse.Namespace | None:
    """The arguments when ``argv`` only opens the window (``--demo``, ``--debug``, ``--lang X``),
    read without building every sub-command's parser; None for anything else."""
    lang: str | None = None
    rest: list[str] = []
    tokens = iter(argv)
    for token in tokens:
        if token == "--lang":
            value = next(tokens, None)
        elif token.startswith("--lang="):
            value = token.removeprefix("--lang=")
        else:
            rest.append(token)
            continue
        if value is None or value.lower() not in WINDOW_LANGUAGES or lang is not None:
            return None  # the full parser says what is wrong
        lang = value.lower()
    if not set(rest) <= _WINDOW_FLAGS:
        return None
    return argparse.Namespace(
        command=None, demo="--demo" in rest, debug="--debug" in rest, self_check=False, lang=lang
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of ``i3sync``; returns the process exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        return _dispatch(argv)
    except I3SyncError as error:
        print(message_for(error), file=sys.stderr)
        return exit_code_for(error)
    except KeyboardInterrupt:
        print("i3sync: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as error:
        # A bug, whatever the input: never a traceback on stderr (it may quote a value), one
        # line there and the traceback, redacted by the log filter, in the log file.
        if logging.getLogger().handlers:  # else logging's last resort would print it here
            log.exception("i3sync failed unexpectedly")
        print(
            f"i3sync: internal error ({type(error).__name__}); the details are in the log file",
            file=sys.stderr,
        )
        return EXIT_INTERNAL


def _dispatch(argv: list[str]) -> int:
    if argv and argv[0].strip().strip("\"'").lower().startswith("i3sync:"):
        # A link from HR software or a web page (the installer registers the i3sync:// scheme);
        # parse_link takes off the quotes Windows may leave around it.
        configure_logging()
        return run_link(argv[0])
    # Opening the window is the common case: skip building every sub-command's parser (it
    # imports the connectors), which the form would wait for.
    args = _window_only(argv) or _parse(argv)
    configure_logging(debug=args.debug, console=args.command is not None and args.debug)
    handler: Callable[[argparse.Namespace], int] | None = getattr(args, "handler", None)
    if args.self_check:
        return run_self_check()
    if handler is not None:
        return handler(args)
    return run_window(args, argv)


def leave(code: int) -> NoReturn:
    """End the process with ``code`` now: output flushed, no interpreter teardown.

    A network call the user cancelled or the window abandoned may still sit in a daemon thread
    (a DNS lookup, a silent server); the interpreter's teardown around such threads and Qt's
    objects could crash the exit, or delay it. Everything worth keeping is written by then.
    """
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            if stream is not None:
                stream.flush()
    os._exit(code)


def run() -> NoReturn:
    """The ``i3sync`` entry point (scripts, ``python -m desktop``, the frozen executables)."""
    leave(main())
