"""Logging for support: a rotating file in the platform log folder, always redacted."""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path

from desktop.core.paths import log_dir
from desktop.core.redaction import RedactingFilter

LOG_FILE_NAME = "i3sync.log"
_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"


def configure_logging(*, debug: bool = False, console: bool = False) -> Path | None:
    """Send logs to the rotating file (and stderr when ``console``); return the file's path.

    Every handler gets the redaction filter, so even zeep's DEBUG envelopes lose their secrets.
    A log folder that cannot be written is not fatal: the app runs without a log file.
    """
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_i3sync", False):
            root.removeHandler(handler)
            handler.close()
    root.setLevel(logging.DEBUG if debug else logging.INFO)
    handlers: list[logging.Handler] = []
    path: Path | None = log_dir() / LOG_FILE_NAME
    try:
        assert path is not None
        path.parent.mkdir(parents=True, exist_ok=True)
        handlers.append(
            logging.handlers.RotatingFileHandler(
                path, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
            )
        )
    except OSError:
        path = None
    if console:
        handlers.append(logging.StreamHandler(sys.stderr))
    for handler in handlers:
        handler._i3sync = True  # type: ignore[attr-defined]
        handler.setFormatter(logging.Formatter(_FORMAT))
        handler.addFilter(RedactingFilter())
        root.addHandler(handler)
    # zeep's own DEBUG output is whole envelopes: useful to support only after redaction.
    logging.getLogger("zeep").setLevel(logging.DEBUG if debug else logging.WARNING)
    logging.getLogger("urllib3").setLevel(logging.DEBUG if debug else logging.WARNING)
    return path
