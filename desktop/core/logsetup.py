"""Logging for support: a rotating file in the platform log folder, always redacted."""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

from desktop.core.paths import log_dir
from desktop.core.redaction import RedactingFilter

LOG_FILE_NAME = "i3sync.log"
LOG_MAX_BYTES = 1_000_000
LOG_BACKUPS = 3
_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"


class RotatingLogFile(logging.FileHandler):
    """``logging.handlers.RotatingFileHandler``'s size rotation, without its module.

    ``logging.handlers`` imports ``socket``, ``pickle`` and ``queue`` (~6 ms before the window's
    first paint) for handlers the app never uses. Same behaviour: a record that would take the
    file to ``max_bytes`` first moves ``i3sync.log`` to ``.1`` (``.1`` to ``.2`` ... the oldest
    dropped), and a path that is not a regular file is never rotated (bpo-45401). Its attribute
    and method names are the stdlib's.
    """

    def __init__(self, filename: Path, max_bytes: int, backups: int, encoding: str) -> None:
        super().__init__(filename, mode="a", encoding=encoding)
        self.maxBytes = max_bytes
        self.backupCount = backups

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self.shouldRollover(record):
                self.doRollover()
            logging.FileHandler.emit(self, record)
        except Exception:
            self.handleError(record)

    def shouldRollover(self, record: logging.LogRecord) -> bool:
        if os.path.exists(self.baseFilename) and not os.path.isfile(self.baseFilename):
            return False
        if self.stream is None:
            self.stream = self._open()
        if self.maxBytes > 0:
            message = f"{self.format(record)}\n"
            self.stream.seek(0, 2)  # Windows: the position is not at the end after an open
            if self.stream.tell() + len(message) >= self.maxBytes:
                return True
        return False

    def doRollover(self) -> None:
        if self.stream:
            self.stream.close()
            self.stream = None  # type: ignore[assignment]
        if self.backupCount > 0:
            for index in range(self.backupCount - 1, 0, -1):
                source = f"{self.baseFilename}.{index}"
                target = f"{self.baseFilename}.{index + 1}"
                if os.path.exists(source):
                    if os.path.exists(target):
                        os.remove(target)
                    os.rename(source, target)
            target = self.baseFilename + ".1"
            if os.path.exists(target):
                os.remove(target)
            if os.path.exists(self.baseFilename):
                os.rename(self.baseFilename, target)
        if not self.delay:
            self.stream = self._open()


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
        handlers.append(RotatingLogFile(path, LOG_MAX_BYTES, LOG_BACKUPS, encoding="utf-8"))
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
