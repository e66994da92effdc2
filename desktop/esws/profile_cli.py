"""``i3sync profile list|add|remove|export|import``: the saved profiles from the command line.

Every change goes through :class:`desktop.esws.profiles.ProfileStore`'s locked read-modify-write,
so scripts and an open window can change profiles at once without losing each other's changes.
An invalid field, a name that is taken (case-insensitively) or a managed profile's name is an
``InputError`` (exit 2) naming it. Nothing here reads or prints a secret: ``remove`` deletes the
profile's vault entries without reading them, and exports never hold one.

Export format: the profiles file's own (``{"version": 1, "profiles": [...]}``) without the
per-computer ids, so an export is also a valid machine-wide ``profiles.json`` for IT. Import
gives each new profile a fresh id; with ``--replace``, a profile replacing a same-named one keeps
that one's id, and so the secrets the user saved for it.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any, TextIO

from desktop.core.cli_support import EXIT_OK
from desktop.core.errors import InputError
from desktop.core.http import is_cleartext_remote
from desktop.core.text import one_line
from desktop.core.vault import SecretKind, SecretStore, SecretVault
from desktop.esws.i3_urls import DEFAULT_I3_BASE_URL
from desktop.esws.profile_model import (
    FIELD_NAME,
    MANAGED_PROFILE,
    Profile,
    new_profile_id,
    profile_from_json,
    profile_to_json,
)
from desktop.esws.profiles import FORMAT_VERSION, LoadResult, ProfileStore
from desktop.esws.profiles_io import MAX_FILE_BYTES, Corrupt, name_key, shown_name, top_level

FIELD_IMPORT_FILE = "import file"
FIELD_EXPORT_FILE = "export file"
# Keys an export leaves out: they belong to this computer's copy, not to the profile.
_LOCAL_KEYS = ("id", "legacy_vault_key")


def add_profile_command(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """``i3sync profile list|add|remove|export|import``."""
    profile = commands.add_parser(
        "profile",
        help="list, add, remove, export or import saved profiles",
        description="Saved connection profiles. Profiles your IT department manages are listed "
        "too and cannot be changed or removed here. Exit codes: 0 ok, 2 invalid input "
        "(a name taken, an invalid field, a managed profile).",
    )
    actions = profile.add_subparsers(dest="profile_action", metavar="ACTION", required=True)

    listing = actions.add_parser("list", help="list the profiles (managed ones first)")
    listing.add_argument("--json", action="store_true", help="print a JSON list of objects")
    listing.set_defaults(handler=run_profile_list)

    add = actions.add_parser("add", help="save a new profile")
    add.add_argument("name", metavar="NAME")
    add.add_argument("--endpoint", required=True, metavar="URL", help="ESWS endpoint URL")
    add.add_argument(
        "--i3-url",
        default=DEFAULT_I3_BASE_URL,
        metavar="BASE",
        help=f"base URL of I3 (default {DEFAULT_I3_BASE_URL})",
    )
    add.add_argument("--admin", default="", metavar="NAME", help="I3 admin username")
    add.add_argument("--cloud", action="store_true", help="EasyConnect cloud (not on-premise)")
    add.add_argument("--wsdl", metavar="PATH_OR_URL", help="WSDL instead of the bundled one")
    add.set_defaults(handler=run_profile_add)

    remove = actions.add_parser("remove", help="remove a profile and its saved secrets")
    remove.add_argument("name", metavar="NAME")
    remove.set_defaults(handler=run_profile_remove)

    export = actions.add_parser("export", help="write the profiles as JSON (never a secret)")
    export.add_argument("path", nargs="?", default="-", metavar="PATH|-", help="default: stdout")
    export.set_defaults(handler=run_profile_export)

    imported = actions.add_parser("import", help="add the profiles of an exported file")
    imported.add_argument("path", metavar="PATH|-")
    imported.add_argument(
        "--replace",
        action="store_true",
        help="replace a profile of the same name (it keeps its saved secrets)",
    )
    imported.set_defaults(handler=run_profile_import)


def _notices(loaded: LoadResult, err: TextIO) -> None:
    for notice in loaded.notices:
        print(f"i3sync: note: {one_line(notice, 1000)}", file=err)


def as_json(profile: Profile) -> dict[str, Any]:
    """What ``list --json`` shows of a profile."""
    return {
        "name": profile.name,
        "esws_endpoint": profile.esws_endpoint,
        "i3_base_url": profile.i3_base_url,
        "admin_username": profile.admin_username,
        "cloud": profile.cloud,
        "managed": profile.managed,
        "wsdl": profile.wsdl,
        "remember_password": profile.remember_password,
        "allowed_origins": list(profile.allowed_origins),
        "total_sync_path": profile.total_sync_path,
    }


def run_profile_list(
    args: argparse.Namespace,
    store: ProfileStore | None = None,
    out: TextIO | None = None,
    err: TextIO | None = None,
) -> int:
    """``profile list [--json]``: managed profiles first, then the user's; notes on stderr."""
    out, err = out or sys.stdout, err or sys.stderr
    loaded = (store or ProfileStore()).load()
    _notices(loaded, err)
    if args.json:
        out.write(json.dumps([as_json(p) for p in loaded.profiles], ensure_ascii=False, indent=1))
        out.write("\n")
        return EXIT_OK
    if not loaded.profiles:
        print("No profiles saved.", file=err)
        return EXIT_OK
    width = max(len(p.name) for p in loaded.profiles)
    for p in loaded.profiles:
        marks = ["cloud" if p.cloud else "on-premise"] + (["managed"] if p.managed else [])
        admin = p.admin_username or "-"
        out.write(f"{p.name:<{width}}  {p.esws_endpoint}  {p.i3_base_url}  {admin}  ")
        out.write(" ".join(marks) + "\n")
    return EXIT_OK


def _named(error: InputError, name: str) -> InputError:
    """The store's name errors say which name (a script adding several needs to know)."""
    if error.field == FIELD_NAME:
        return InputError(FIELD_NAME, f"“{name}” {error.problem}")
    return error


def run_profile_add(
    args: argparse.Namespace, store: ProfileStore | None = None, out: TextIO | None = None
) -> int:
    """``profile add NAME --endpoint URL ...``; exit 2 naming the field or the taken name."""
    out = out or sys.stdout
    profile = Profile(
        name=args.name,
        esws_endpoint=args.endpoint,
        i3_base_url=args.i3_url,
        admin_username=args.admin,
        cloud=args.cloud,
        wsdl=args.wsdl,
    )
    try:
        (store or ProfileStore()).add(profile)
    except InputError as error:
        raise _named(error, args.name) from None
    print(f"Added the profile “{profile.name}”.", file=out)
    for label, url in (
        ("ESWS endpoint", profile.esws_endpoint),
        ("I3 address", profile.i3_base_url),
    ):
        if is_cleartext_remote(url):
            print(
                f"i3sync: warning: the {label} is plain http:// to another computer: the admin "
                "password and the sync links would travel unencrypted.",
                file=sys.stderr,
            )
    return EXIT_OK


def run_profile_remove(
    args: argparse.Namespace,
    store: ProfileStore | None = None,
    vault: SecretVault | None = None,
    out: TextIO | None = None,
) -> int:
    """``profile remove NAME``: the profile and every secret kept for it (exit 2 if managed)."""
    out = out or sys.stdout
    store = store or ProfileStore()
    target = store.load().find(args.name)
    if target is None:
        raise InputError(FIELD_NAME, f"“{args.name}” names no saved profile")
    if target.managed:
        raise InputError(FIELD_NAME, f"“{target.name}” {MANAGED_PROFILE}")
    try:
        store.delete(profile_id=target.id)
    except InputError as error:
        raise _named(error, target.name) from None
    vault = vault or SecretStore()
    vault.delete(target.vault_key)
    if target.legacy_vault_key is not None:  # only ESWS secrets ever lived under names
        for kind in (SecretKind.COMPANY_ID, SecretKind.PASSWORD):
            vault.delete(target.legacy_vault_key, kind)
    print(f"Removed the profile “{target.name}” and its saved secrets.", file=out)
    return EXIT_OK


def export_document(loaded: LoadResult) -> dict[str, Any]:
    """The user's own profiles in the profiles file's format, without this computer's ids."""
    entries = []
    for profile in loaded.profiles:
        if profile.managed:  # IT deploys those; they are not the user's to hand on
            continue
        entry = profile_to_json(profile)
        for key in _LOCAL_KEYS:
            entry.pop(key, None)
        entries.append(entry)
    return {"version": FORMAT_VERSION, "profiles": entries}


def run_profile_export(
    args: argparse.Namespace, store: ProfileStore | None = None, out: TextIO | None = None
) -> int:
    """``profile export [PATH|-]``: JSON on stdout or in PATH; never a secret."""
    out = out or sys.stdout
    document = export_document((store or ProfileStore()).load())
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    if args.path == "-":
        out.write(text)
        return EXIT_OK
    try:
        Path(args.path).write_text(text, encoding="utf-8")
    except OSError as error:
        raise InputError(
            FIELD_EXPORT_FILE, f"could not be written ({type(error).__name__})"
        ) from None
    return EXIT_OK


def _read_import(path: str, stdin: TextIO | None) -> bytes:
    if path == "-":
        stream = stdin or sys.stdin
        return stream.read(MAX_FILE_BYTES + 1).encode("utf-8", "surrogatepass")
    try:
        with open(path, "rb") as source:
            return source.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise InputError(FIELD_IMPORT_FILE, f"could not be read ({type(error).__name__})") from None


def parse_import(raw: bytes) -> list[Profile]:
    """The profiles of an export, each with a fresh id; ``InputError`` naming the first that
    cannot be used (nothing is imported then) or a name the file lists twice."""
    try:
        _data, _version, entries = top_level(raw)
    except Corrupt as error:
        raise InputError(FIELD_IMPORT_FILE, error.reason) from None
    profiles: list[Profile] = []
    for index, entry in enumerate(entries):
        where = f"profile {shown_name(entry, index)}"
        if not isinstance(entry, dict):
            raise InputError(where, "is not an object")
        try:
            profile = profile_from_json(entry)
        except Corrupt as error:
            raise InputError(where, error.reason) from None
        except Exception:  # the file is untrusted text: any failure is a refusal, not a crash
            raise InputError(where, "could not be read") from None
        if any(name_key(p.name) == name_key(profile.name) for p in profiles):
            raise InputError(where, "is listed twice in the file")
        # Ids key this computer's vault: an imported profile is a new one here.
        profiles.append(replace(profile, id=new_profile_id(), legacy_vault_key=None))
    return profiles


def run_profile_import(
    args: argparse.Namespace,
    store: ProfileStore | None = None,
    out: TextIO | None = None,
    stdin: TextIO | None = None,
) -> int:
    """``profile import PATH [--replace]``: all the file's profiles, or none (exit 2)."""
    out = out or sys.stdout
    profiles = parse_import(_read_import(args.path, stdin))
    store = store or ProfileStore()
    before = {name_key(p.name) for p in store.load().profiles}
    store.add_many(profiles, replace_same_name=args.replace)
    replaced = sum(name_key(p.name) in before for p in profiles)
    print(f"Imported {len(profiles)} profile(s), {replaced} replaced.", file=out)
    return EXIT_OK
