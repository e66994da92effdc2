"""The profiles file on disk: parsing it leniently, writing it back whole, and locking it.

Split from :mod:`desktop.esws.profiles` (the profile model and the store's operations) so that each
stays readable. Nothing here knows what a profile holds: the store passes in how to read one entry.
"""

from __future__ import annotations

import contextlib
import errno
import json
import logging
import os
import sys
import tempfile
import time
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

# Far larger than any real list of profiles; a bigger file is not ours (or is damaged).
MAX_FILE_BYTES = 1_000_000
_TOP_KEYS = frozenset(("version", "profiles", "last_used"))
# Characters a name must not have to be shown in a notice (controls, bidi and other formats).
_UNSHOWN = frozenset(("Cc", "Cs", "Cf", "Zl", "Zp"))


SET_ASIDE_TEXT = (
    "The saved profile {name} could not be used ({reason}) and was set aside; "
    "it stays in {path} as it was."
)


class Corrupt(Exception):
    """The file, or one entry of it, is not usable; ``reason`` says why without quoting values."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def name_key(name: str) -> str:
    """The form under which two profile names count as the same.

    Unicode canonical caseless matching: "Société" typed precomposed or decomposed, in any case,
    is one name.
    """
    return unicodedata.normalize("NFD", unicodedata.normalize("NFD", name).casefold())


@dataclass
class Document:
    """A profiles file as read: what we understood, and everything else, kept to be written back."""

    version: int
    profiles: list[Any]  # desktop.esws.profiles.Profile
    last_used: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)  # unknown top-level keys
    profile_extra: dict[str, dict[str, Any]] = field(default_factory=dict)  # by profile id
    set_aside: list[Any] = field(default_factory=list)  # entries we could not read, as they were
    problems: list[str] = field(default_factory=list)  # sentences the user should see
    notices: list[str] = field(default_factory=list)  # every remark, problems included

    @classmethod
    def empty(cls, version: int) -> Document:
        return cls(version=version, profiles=[])

    def find_id(self, profile_id: str) -> Any:
        return next((p for p in self.profiles if p.id == profile_id), None)


def read_bytes(path: Path) -> bytes | None:
    """The file's bytes (at most one more than the limit), None when there is no file."""
    try:
        with path.open("rb") as stream:
            return stream.read(MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        return None
    except IsADirectoryError:
        raise Corrupt("it is a folder, not a file") from None
    except OSError as error:
        raise Corrupt(f"it could not be opened ({type(error).__name__})") from None


def shown_name(entry: object, index: int) -> str:
    """How to name an entry in a notice: its name when it is plain text, else its position."""
    name = entry.get("name") if isinstance(entry, dict) else None
    plain = isinstance(name, str) and bool(name.strip()) and len(name) <= 100
    if plain and not any(unicodedata.category(ch) in _UNSHOWN for ch in str(name)):
        return f"“{name}”"
    return f"number {index + 1}"


def top_level(raw: bytes) -> tuple[dict[str, Any], int, list[Any]]:
    """The JSON object, its version and its profile entries; ``Corrupt`` when it is not ours."""
    if len(raw) > MAX_FILE_BYTES:
        raise Corrupt("it is too large")
    try:
        data = json.loads(raw.decode("utf-8-sig"))  # Notepad saves UTF-8 with a BOM
    except UnicodeDecodeError:
        raise Corrupt("it is not UTF-8 text") from None
    except (ValueError, RecursionError):
        raise Corrupt("it is not valid JSON") from None
    if not isinstance(data, dict):
        raise Corrupt("it does not hold a profiles object")
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise Corrupt("it has no valid version number")
    entries = data.get("profiles", [])
    if not isinstance(entries, list):
        raise Corrupt("its profiles are not a list")
    return data, version, entries


def parse_document(
    raw: bytes,
    path: Path,
    known_version: int,
    read_entry: Callable[[dict[str, Any]], Any],
    known_keys: frozenset[str],
    other_names: Iterable[str] = (),
    set_aside_text: str = SET_ASIDE_TEXT,
) -> Document:
    """The document in ``raw``; ``Corrupt`` only when it is not a profiles document at all.

    An entry ``read_entry`` refuses (``Corrupt``, or any error: the file is untrusted text) is set
    aside and named in ``problems`` (``set_aside_text`` with ``{name}``, ``{reason}`` and
    ``{path}``); the other profiles are used. ``last_used`` is kept when it
    names one of the file's profiles or one of ``other_names`` (the managed profiles).
    """
    data, version, entries = top_level(raw)
    document = Document(version=version, profiles=[])
    for index, entry in enumerate(entries):
        try:
            _add_entry(document, entry, read_entry, known_keys)
        except Exception as error:
            reason = error.reason if isinstance(error, Corrupt) else "it could not be read"
            document.set_aside.append(entry)
            document.problems.append(
                set_aside_text.format(name=shown_name(entry, index), reason=reason, path=path)
            )
    last_used = data.get("last_used")
    if isinstance(last_used, str):
        key = name_key(last_used)
        names = [p.name for p in document.profiles] + list(other_names)
        document.last_used = next((n for n in names if name_key(n) == key), None)
    document.extra = {k: v for k, v in data.items() if k not in _TOP_KEYS}
    document.notices = list(document.problems)
    if version > known_version:
        log.info("profiles file has format %d (newer than %d)", version, known_version)
        document.notices.append(
            f"Your profiles file was written by a newer version of I3 Sync (format {version}); "
            "settings this version does not know are kept as they are when it saves."
        )
    return document


def _add_entry(
    document: Document,
    entry: object,
    read_entry: Callable[[dict[str, Any]], Any],
    known_keys: frozenset[str],
) -> None:
    if not isinstance(entry, dict):
        raise Corrupt("it is not an object")
    profile = read_entry(entry)
    if any(name_key(p.name) == name_key(profile.name) for p in document.profiles):
        raise Corrupt("another profile has the same name")
    if document.find_id(profile.id) is not None:
        raise Corrupt("another profile has the same id")
    document.profiles.append(profile)
    document.profile_extra[profile.id] = {k: v for k, v in entry.items() if k not in known_keys}


def document_text(
    document: Document, our_version: int, write_entry: Callable[[Any], dict[str, Any]]
) -> bytes:
    """The file's new content: our profiles, then the set-aside entries, unknown keys kept.

    The version is never lowered: a newer file stays a newer file.
    """
    data: dict[str, Any] = dict(document.extra)
    data.update(
        version=max(document.version, our_version),
        profiles=[
            {**document.profile_extra.get(p.id, {}), **write_entry(p)} for p in document.profiles
        ]
        + document.set_aside,
        last_used=document.last_used,
    )
    try:
        return (json.dumps(data, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate in a kept key: escape it rather than fail
        return (json.dumps(data, indent=2) + "\n").encode("ascii")


def replace_file(source: str, target: Path) -> None:
    """``os.replace``, retried briefly on Windows while a reader has ``target`` open."""
    deadline = time.monotonic() + 2.0
    while True:
        try:
            os.replace(source, target)
        except PermissionError:
            # Windows refuses to replace a file another process is reading (no share-delete).
            if sys.platform != "win32" or time.monotonic() >= deadline:
                raise
            time.sleep(0.01)
        else:
            return


def write_atomically(path: Path, text: bytes) -> None:
    """Replace ``path`` with ``text``: temporary file in the same folder, fsync, ``os.replace``.

    A crash or a full disk leaves the previous file. The file is readable by its owner only.
    """
    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    # mkstemp creates the file readable by its owner only (0600) where the OS has modes.
    fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        if os.name == "posix":
            os.chmod(temp_name, 0o600)
        replace_file(temp_name, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise
    _fsync_folder(folder)


def _fsync_folder(folder: Path) -> None:
    # Makes the rename itself durable on POSIX; Windows cannot open a folder this way.
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def quarantine(path: Path) -> Path:
    """Move the unusable file aside under a name no other file has; return the new path."""
    stamp = time.strftime("%Y%m%d-%H%M%S", time.gmtime())
    for attempt in range(1000):
        suffix = f".corrupt-{stamp}" if attempt == 0 else f".corrupt-{stamp}-{attempt}"
        target = path.with_name(path.name + suffix)
        if target.exists():
            continue
        try:
            # A hard link fails if the target exists, so a copy is never overwritten.
            os.link(path, target)
        except FileExistsError:
            continue
        except OSError:
            if target.exists():
                continue
            os.rename(path, target)
            return target
        os.unlink(path)
        return target
    raise FileExistsError(errno.EEXIST, f"no free name to move {path.name} aside")


# -- the lock ------------------------------------------------------------------------------------

if sys.platform == "win32":
    import msvcrt

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, 0, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        with contextlib.suppress(OSError):
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)


def _is_current(fd: int, path: Path) -> bool:
    """Whether the locked file is still the one at ``path`` (its last holder removes it)."""
    if sys.platform == "win32":
        return True  # an open file cannot be removed there, so it is always current
    try:
        on_disk = os.stat(path)
    except FileNotFoundError:
        return False
    held = os.fstat(fd)
    return (held.st_dev, held.st_ino) == (on_disk.st_dev, on_disk.st_ino)


def _acquire(path: Path, deadline: float) -> int:
    delay = 0.002
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            while not _try_lock(fd):
                if time.monotonic() >= deadline:
                    raise TimeoutError(
                        errno.ETIMEDOUT,
                        "the profiles file is being changed by another I3 Sync window; try again",
                    )
                time.sleep(delay)  # a lock held by another process: no event to wait on
                delay = min(delay * 2, 0.05)
            if _is_current(fd, path):
                return fd
            _unlock(fd)
        except BaseException:
            os.close(fd)
            raise
        os.close(fd)


@contextlib.contextmanager
def locked(path: Path, timeout: float) -> Iterator[None]:
    """Hold the lock file ``path`` (created as needed) exclusively; ``TimeoutError`` after
    ``timeout`` seconds. The lock file is removed when released, so none is left lying around."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = _acquire(path, time.monotonic() + timeout)
    try:
        yield
    finally:
        if sys.platform == "win32":
            _unlock(fd)
            os.close(fd)
            with contextlib.suppress(OSError):  # another process has it open: it stays
                os.unlink(path)
        else:
            # Removed while still held: whoever waits on the old file sees it is stale.
            with contextlib.suppress(OSError):
                os.unlink(path)
            _unlock(fd)
            os.close(fd)
