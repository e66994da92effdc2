"""Running ``i3sync`` as a script would, in this process (fast) or as a real subprocess.

In-process runs call :func:`desktop.cli.main` with the given environment, stdin that is not a
terminal, and stdout/stderr captured; argparse's ``SystemExit`` becomes the exit code. A few smoke
tests keep the subprocess path, which is what scripts really start.
"""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from desktop.cli import main


@dataclass
class CliResult:
    returncode: int
    stdout: str
    stderr: str


@contextlib.contextmanager
def _environment(env: Mapping[str, str]) -> Iterator[None]:
    saved = dict(os.environ)
    os.environ.clear()
    os.environ.update(env)
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


def run_in_process(args: list[str], env: Mapping[str, str]) -> CliResult:
    out, err = io.StringIO(), io.StringIO()
    saved_stdin = sys.stdin
    sys.stdin = io.StringIO("")
    try:
        with _environment(env), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = main(args)
            except SystemExit as done:  # argparse: --help, --version, usage errors
                code = done.code if isinstance(done.code, int) else int(done.code is not None)
    finally:
        sys.stdin = saved_stdin
    return CliResult(code, out.getvalue(), err.getvalue())


def run_subprocess(args: list[str], env: Mapping[str, str], timeout: float = 60) -> CliResult:
    result = subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        env=dict(env),
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=timeout,
    )
    return CliResult(result.returncode, result.stdout, result.stderr)
