"""The log file's rotation (``desktop.core.logsetup.RotatingLogFile``) does what the stdlib's
``RotatingFileHandler`` did before it (issue 13: that module cost start-up time)."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

import pytest

from desktop.core.logsetup import LOG_BACKUPS, LOG_MAX_BYTES, RotatingLogFile, configure_logging


def _write(handler: logging.Handler, count: int) -> None:
    handler.setFormatter(logging.Formatter("%(message)s"))
    for index in range(count):
        handler.handle(logging.makeLogRecord({"msg": f"record {index:03d} " + "é" * 30}))
    handler.close()


def _files(folder: Path) -> dict[str, str]:
    return {path.name: path.read_text(encoding="utf-8") for path in sorted(folder.iterdir())}


@pytest.mark.parametrize("backups", [0, 1, 3])
def test_the_files_are_those_the_stdlibs_rotating_handler_leaves(
    tmp_path: Path, backups: int
) -> None:
    ours, stdlib = tmp_path / "ours", tmp_path / "stdlib"
    for folder in (ours, stdlib):
        folder.mkdir()
        (folder / "app.log").write_text("from an earlier run\n", encoding="utf-8")
        (folder / "app.log.1").write_text("older\n", encoding="utf-8")
    _write(RotatingLogFile(ours / "app.log", 200, backups, encoding="utf-8"), 40)
    _write(
        logging.handlers.RotatingFileHandler(
            stdlib / "app.log", maxBytes=200, backupCount=backups, encoding="utf-8"
        ),
        40,
    )
    files = _files(ours)
    assert files == _files(stdlib)
    assert "record 039" in files["app.log"]
    if backups == 0:  # nothing is moved: the one file grows (as the stdlib's does)
        assert set(files) == {"app.log", "app.log.1"}
        assert (
            files["app.log"].startswith("from an earlier run") and files["app.log.1"] == "older\n"
        )
    else:
        assert set(files) == {"app.log"} | {f"app.log.{n}" for n in range(1, backups + 1)}
        assert all(len(text.encode()) < 200 + 80 for text in files.values())
        assert "older\n" not in files.values()


def test_the_app_keeps_its_log_and_three_older_ones_of_about_a_megabyte(
    isolated_user_folders: Path,
) -> None:
    path = configure_logging()
    assert path is not None
    try:
        (handler,) = [h for h in logging.getLogger().handlers if isinstance(h, RotatingLogFile)]
        assert (handler.maxBytes, handler.backupCount) == (LOG_MAX_BYTES, LOG_BACKUPS)
        assert (LOG_MAX_BYTES, LOG_BACKUPS) == (1_000_000, 3)
        assert Path(handler.baseFilename) == path and handler.encoding == "utf-8"
    finally:
        for each in list(logging.getLogger().handlers):
            if getattr(each, "_i3sync", False):
                logging.getLogger().removeHandler(each)
                each.close()


def test_a_log_path_that_is_not_a_regular_file_is_never_rotated(tmp_path: Path) -> None:
    folder = tmp_path / "fifo"
    folder.mkdir()
    handler = RotatingLogFile(tmp_path / "app.log", 10, 3, encoding="utf-8")
    handler.baseFilename = str(folder)
    assert not handler.shouldRollover(logging.makeLogRecord({"msg": "x" * 100}))
    handler.close()
