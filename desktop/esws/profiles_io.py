"""The profiles file on disk: parsing it leniently, writing it back whole, and locking it.

Split from :mod:`desktop.esws.profiles` (the profile model and the store's operations) so that each
stays readable. Nothing here knows what a profile holds: the store passes in how to read one entry.

What goes wrong is told in sentences built as a :class:`Notice`: the English the command line
prints (it *is* that string), and the template, marked ``QT_TRANSLATE_NOOP("ProfileFile", ...)``,
with its values (names, paths, error class names: verbatim), so the window can show it translated.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.core.errors import InputError
from desktop.core.i18n import QT_TRANSLATE_NOOP, Localise, fill

log = logging.getLogger(__name__)

# Far larger than any real list of profiles; a bigger file is not ours (or is damaged).
MAX_FILE_BYTES = 1_000_000
_TOP_KEYS = frozenset(("version", "profiles", "last_used"))
# Characters a name must not have to be shown in a notice (controls, bidi and other formats).
_UNSHOWN = frozenset(("Cc", "Cs", "Cf", "Zl", "Zp"))


NOTICE_CONTEXT = "ProfileFile"  # where the profile file's sentences are marked


class Notice(str):
    """A sentence (or part of one) about the profiles: the English itself, as a ``str``, that
    also knows its ``template`` (marked in ``context``) and the ``values`` of its placeholders.

    A value is verbatim data, or a notice of its own (translated with it). Without values the
    template is the whole text (a marked phrase such as a reason).
    """

    template: str
    values: dict[str, str | int]
    context: str

    def __new__(
        cls,
        template: str,
        values: Mapping[str, str | int] | None = None,
        context: str = NOTICE_CONTEXT,
    ) -> Notice:
        kept = dict(values or {})
        notice = super().__new__(cls, template.format(**kept) if kept else template)
        notice.template = template
        notice.values = kept
        notice.context = context
        return notice

    def text(self, localise: Localise) -> str:
        """The sentence in the language of ``localise``; the English when its translation does
        not fit the placeholders."""
        template = localise(self.context, self.template)
        if not self.values:
            return template
        filled = {name: localised(value, localise) for name, value in self.values.items()}
        return fill(template, filled, str(self))


def localised(text: str | int, localise: Localise) -> str | int:
    """``text`` in the language of ``localise`` when it is a :class:`Notice`, else as it is."""
    return text.text(localise) if isinstance(text, Notice) else text


SET_ASIDE_TEXT = QT_TRANSLATE_NOOP(
    "ProfileFile",
    "The saved profile {name} could not be used ({reason}) and was set aside; "
    "it stays in {path} as it was.",
)
NEWER_FILE = QT_TRANSLATE_NOOP(
    "ProfileFile",
    "Your profiles file was written by a newer version of I3 Sync (format {version}); settings "
    "this version does not know are kept as they are when it saves.",
)


class Corrupt(Exception):
    """The file, or one entry of it, is not usable; ``reason`` says why without quoting values
    (a :class:`Notice` when it is worded for translation)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def invalid_value(value: str, error: InputError) -> Corrupt:
    """``its <value> <problem>``: an entry whose ``value`` (a JSON key or registry value name,
    verbatim) the profile's own check refused with ``error``."""
    values = {"value": value, "problem": _problem(error)}
    return Corrupt(Notice(QT_TRANSLATE_NOOP("ProfileFile", "its {value} {problem}"), values))


def invalid_field(error: InputError) -> Corrupt:
    """``its <field> <problem>``: the same, named by the refused field, in the window's words."""
    values = {"field": Notice(error.field, context="Fields"), "problem": _problem(error)}
    return Corrupt(Notice(QT_TRANSLATE_NOOP("ProfileFile", "its {field} {problem}"), values))


def _problem(error: InputError) -> str:
    """What the check said, as a notice the window translates when it has a template."""
    if error.template is None:
        return error.problem
    return Notice(error.template, error.values, context="Input")


def name_key(name: str) -> str:
    """The form under which two profile names count as the same.

    Unicode canonical caseless matching: "Société" typed precomposed or decomposed, in any case,
    is one name.
    """
    import unicodedata  # not needed to paint a first start's window

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
        raise Corrupt(
            Notice(QT_TRANSLATE_NOOP("ProfileFile", "it is a folder, not a file"))
        ) from None
    except OSError as error:
        raise Corrupt(
            Notice(
                QT_TRANSLATE_NOOP("ProfileFile", "it could not be opened ({error})"),
                {"error": type(error).__name__},
            )
        ) from None


def shown_name(entry: object, index: int) -> Notice:
    """How to name an entry in a notice: its name when it is plain text, else its position."""
    name = entry.get("name") if isinstance(entry, dict) else None
    plain = isinstance(name, str) and bool(name.strip()) and len(name) <= 100
    import unicodedata

    if plain and not any(unicodedata.category(ch) in _UNSHOWN for ch in str(name)):
        return Notice(QT_TRANSLATE_NOOP("ProfileFile", "“{name}”"), {"name": str(name)})
    return Notice(QT_TRANSLATE_NOOP("ProfileFile", "number {number}"), {"number": index + 1})


def top_level(raw: bytes) -> tuple[dict[str, Any], int, list[Any]]:
    """The JSON object, its version and its profile entries; ``Corrupt`` when it is not ours."""
    import json  # only when there is a file: a first start paints its window without it

    if len(raw) > MAX_FILE_BYTES:
        raise Corrupt(Notice(QT_TRANSLATE_NOOP("ProfileFile", "it is too large")))
    try:
        data = json.loads(raw.decode("utf-8-sig"))  # Notepad saves UTF-8 with a BOM
    except UnicodeDecodeError:
        raise Corrupt(Notice(QT_TRANSLATE_NOOP("ProfileFile", "it is not UTF-8 text"))) from None
    except (ValueError, RecursionError):
        raise Corrupt(Notice(QT_TRANSLATE_NOOP("ProfileFile", "it is not valid JSON"))) from None
    if not isinstance(data, dict):
        raise Corrupt(
            Notice(QT_TRANSLATE_NOOP("ProfileFile", "it does not hold a profiles object"))
        )
    version = data.get("version")
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise Corrupt(Notice(QT_TRANSLATE_NOOP("ProfileFile", "it has no valid version number")))
    entries = data.get("profiles", [])
    if not isinstance(entries, list):
        raise Corrupt(Notice(QT_TRANSLATE_NOOP("ProfileFile", "its profiles are not a list")))
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
    aside and named in ``problems`` (``set_aside_text``, a template marked in "ProfileFile", with
    ``{name}``, ``{reason}`` and ``{path}``); the other profiles are used. ``last_used`` is kept
    when it names one of the file's profiles or one of ``other_names`` (the managed profiles).
    """
    data, version, entries = top_level(raw)
    document = Document(version=version, profiles=[])
    for index, entry in enumerate(entries):
        try:
            _add_entry(document, entry, read_entry, known_keys)
        except Exception as error:
            if isinstance(error, Corrupt):
                reason = error.reason
            else:
                reason = Notice(QT_TRANSLATE_NOOP("ProfileFile", "it could not be read"))
            document.set_aside.append(entry)
            values = {"name": shown_name(entry, index), "reason": reason, "path": str(path)}
            document.problems.append(Notice(set_aside_text, values))
    last_used = data.get("last_used")
    if isinstance(last_used, str):
        key = name_key(last_used)
        names = [p.name for p in document.profiles] + list(other_names)
        document.last_used = next((n for n in names if name_key(n) == key), None)
    document.extra = {k: v for k, v in data.items() if k not in _TOP_KEYS}
    document.notices = list(document.problems)
    if version > known_version:
        log.info("profiles file has format %d (newer than %d)", version, known_version)
        document.notices.append(Notice(NEWER_FILE, {"version": version}))
    return document


def _add_entry(
    document: Document,
    entry: object,
    read_entry: Callable[[dict[str, Any]], Any],
    known_keys: frozenset[str],
) -> None:
    if not isinstance(entry, dict):
        raise Corrupt(Notice(QT_TRANSLATE_NOOP("ProfileFile", "it is not an object")))
    profile = read_entry(entry)
    if any(name_key(p.name) == name_key(profile.name) for p in document.profiles):
        raise Corrupt(Notice(QT_TRANSLATE_NOOP("ProfileFile", "another profile has the same name")))
    if document.find_id(profile.id) is not None:
        raise Corrupt(Notice(QT_TRANSLATE_NOOP("ProfileFile", "another profile has the same id")))
    document.profiles.append(profile)
    document.profile_extra[profile.id] = {k: v for k, v in entry.items() if k not in known_keys}


def document_text(
    document: Document, our_version: int, write_entry: Callable[[Any], dict[str, Any]]
) -> bytes:
    """The file's new content: our profiles, then the set-aside entries, unknown keys kept.

    The version is never lowered: a newer file stays a newer file.
    """
    import json

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
