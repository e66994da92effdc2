"""``i3sync profile list|add|remove|export|import``: exit codes, JSON, managed profiles, the vault,
and several processes adding at once.

The commands run in-process through a parser built with ``add_profile_command`` and the same
error mapping as ``desktop.cli.main`` (the top-level parser registers the command); a few run as
real processes, as scripts start them.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from desktop.core.errors import I3SyncError
from desktop.core.paths import ENV_MACHINE_CONFIG_DIR
from desktop.core.reporting import exit_code_for, message_for
from desktop.core.vault import SecretKind, SecretStore
from desktop.esws.managed import MACHINE_FILE_NAME
from desktop.esws.profile_cli import add_profile_command
from desktop.esws.profiles import ProfileStore
from tests.conftest import REPO_ROOT
from tests.memory_keyring import MemoryKeyring

# What `i3sync profile ...` runs, as a process of its own (the top-level parser's mapping).
SCRIPT = """
import argparse, sys
from desktop.core.errors import I3SyncError
from desktop.core.reporting import exit_code_for, message_for
from desktop.esws.profile_cli import add_profile_command
parser = argparse.ArgumentParser(prog="i3sync")
add_profile_command(parser.add_subparsers(dest="command"))
args = parser.parse_args(sys.argv[1:])
try:
    sys.exit(args.handler(args))
except I3SyncError as error:
    print(message_for(error), file=sys.stderr)
    sys.exit(exit_code_for(error))
"""


@dataclass
class Run:
    code: int
    out: str
    err: str


def profile(*argv: str, stdin: str = "") -> Run:
    parser = argparse.ArgumentParser(prog="i3sync")
    add_profile_command(parser.add_subparsers(dest="command"))
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdin
    sys.stdin = io.StringIO(stdin)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                args = parser.parse_args(["profile", *argv])
                code = args.handler(args)
            except I3SyncError as error:
                print(message_for(error), file=sys.stderr)
                code = exit_code_for(error)
            except SystemExit as done:
                code = done.code if isinstance(done.code, int) else 1
    finally:
        sys.stdin = saved
    return Run(code, out.getvalue(), err.getvalue())


@pytest.fixture(autouse=True)
def machine_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "machine"
    monkeypatch.setenv(ENV_MACHINE_CONFIG_DIR, str(folder))
    return folder


def managed_by_it(folder: Path, *names: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    entries = [{"name": n, "esws_endpoint": "https://it.example.test/esws"} for n in names]
    (folder / MACHINE_FILE_NAME).write_text(
        json.dumps({"version": 1, "profiles": entries}), encoding="utf-8"
    )


ADD_ACME = ["add", "Acme", "--endpoint", "https://esws.example.test/x", "--admin", "hr"]


def test_add_then_list_json() -> None:
    assert profile(*ADD_ACME, "--cloud", "--i3-url", "https://i3.example.test").code == 0
    result = profile("list", "--json")
    assert result.code == 0
    (entry,) = json.loads(result.out)
    assert {k: entry[k] for k in ("name", "esws_endpoint", "i3_base_url", "admin_username")} == {
        "name": "Acme",
        "esws_endpoint": "https://esws.example.test/x",
        "i3_base_url": "https://i3.example.test",
        "admin_username": "hr",
    }
    assert entry["cloud"] is True and entry["managed"] is False
    text = profile("list")
    assert text.code == 0 and text.out.startswith("Acme  https://esws.example.test/x")


@pytest.mark.parametrize("name", ["Acme", "ACME", "acme"])
def test_a_duplicate_name_is_exit_2_naming_it(name: str) -> None:
    assert profile(*ADD_ACME).code == 0
    result = profile("add", name, "--endpoint", "https://other.test/x")
    assert result.code == 2
    assert f"“{name}” is already taken" in result.err
    assert len(json.loads(profile("list", "--json").out)) == 1


@pytest.mark.parametrize(
    ("argv", "field"),
    [
        (["add", "X", "--endpoint", "http://[::1"], "invalid ESWS endpoint"),
        (
            ["add", "X", "--endpoint", "https://e.test", "--i3-url", "https://["],
            "invalid I3 address",
        ),
        (["add", " X", "--endpoint", "https://e.test"], "invalid name"),
        (["add", "X", "--endpoint", "https://e.test", "--admin", "a\tb"], "invalid admin username"),
        (["add", "X\u202e", "--endpoint", "https://e.test"], "invalid name"),
    ],
)
def test_an_invalid_field_is_exit_2_naming_it(argv: list[str], field: str) -> None:
    result = profile(*argv)
    assert result.code == 2
    assert result.err.startswith(f"i3sync: {field}:")
    assert "\u202e" not in result.err and "\t" not in result.err
    assert not ProfileStore().path.exists()


def test_remove_deletes_the_profile_and_its_secrets(memory_keyring: MemoryKeyring) -> None:
    profile(*ADD_ACME)
    profile("add", "Other", "--endpoint", "https://e.test/x")
    loaded = ProfileStore().load()
    acme, other = loaded.find("Acme"), loaded.find("Other")
    assert acme is not None and other is not None
    vault = SecretStore()
    for each in (acme, other):
        vault.save(each.vault_key, SecretKind.COMPANY_ID, "code-" + each.name)
        vault.save(each.vault_key, SecretKind.PASSWORD, "pw-" + each.name)
    result = profile("remove", "ACME")
    assert result.code == 0
    assert [e["name"] for e in json.loads(profile("list", "--json").out)] == ["Other"]
    assert vault.load(acme.vault_key, SecretKind.COMPANY_ID) is None
    assert vault.load(acme.vault_key, SecretKind.PASSWORD) is None
    assert vault.load(other.vault_key, SecretKind.PASSWORD) == "pw-Other"
    assert "code-Acme" not in result.out + result.err
    missing = profile("remove", "Acme")
    assert missing.code == 2 and "“Acme” names no saved profile" in missing.err


def test_managed_profiles_are_listed_and_read_only(machine_folder: Path) -> None:
    managed_by_it(machine_folder, "Head office")
    profile(*ADD_ACME)
    listed = json.loads(profile("list", "--json").out)
    assert [(e["name"], e["managed"]) for e in listed] == [("Head office", True), ("Acme", False)]
    removed = profile("remove", "head office")
    assert removed.code == 2 and "managed by your IT department" in removed.err
    taken = profile("add", "HEAD OFFICE", "--endpoint", "https://e.test/x")
    assert taken.code == 2 and "your IT department manages" in taken.err
    assert len(json.loads(profile("list", "--json").out)) == 2
    assert "managed" in profile("list").out.splitlines()[0]


def test_export_holds_no_secret_and_no_id_and_imports_elsewhere(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, machine_folder: Path
) -> None:
    managed_by_it(machine_folder, "Head office")
    profile(*ADD_ACME)
    acme = ProfileStore().load().find("Acme")
    assert acme is not None
    SecretStore().save(acme.vault_key, SecretKind.PASSWORD, "s3cret-Pw")
    exported = profile("export")
    assert exported.code == 0
    document = json.loads(exported.out)
    assert [e["name"] for e in document["profiles"]] == ["Acme"]  # the managed one stays out
    assert "id" not in document["profiles"][0]
    assert "s3cret-Pw" not in exported.out
    target = tmp_path / "export.json"
    assert profile("export", str(target)).code == 0
    assert json.loads(target.read_text(encoding="utf-8")) == document

    # Another user: the same file imports, with a fresh id.
    monkeypatch.setenv("I3SYNC_CONFIG_DIR", str(tmp_path / "colleague"))
    result = profile("import", str(target))
    assert result.code == 0, result.err
    imported = ProfileStore().load().find("Acme")
    assert imported is not None and imported.id != acme.id and imported == acme


def test_import_refuses_a_duplicate_unless_replace_which_keeps_id_and_secrets(
    tmp_path: Path,
) -> None:
    profile(*ADD_ACME)
    before = ProfileStore().load().find("Acme")
    assert before is not None
    SecretStore().save(before.vault_key, SecretKind.COMPANY_ID, "code-1")
    source = tmp_path / "in.json"
    entries = [
        {"name": "ACME", "esws_endpoint": "https://new.example.test/x"},
        {"name": "Branch", "esws_endpoint": "https://branch.test/x"},
    ]
    source.write_text(json.dumps({"version": 1, "profiles": entries}), encoding="utf-8")
    refused = profile("import", str(source))
    assert refused.code == 2 and "“ACME” is already taken" in refused.err
    assert ProfileStore().load().names == ["Acme"]  # all or nothing: Branch not added either

    replaced = profile("import", str(source), "--replace")
    assert replaced.code == 0 and "2 profile(s), 1 replaced" in replaced.out
    after = ProfileStore().load()
    acme = after.find("acme")
    assert after.names == ["ACME", "Branch"]
    assert acme is not None and acme.id == before.id
    assert acme.esws_endpoint == "https://new.example.test/x"
    assert SecretStore().load(acme.vault_key, SecretKind.COMPANY_ID) == "code-1"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"not json", "invalid import file: it is not valid JSON"),
        (b'{"version": 1, "profiles": [1]}', "invalid profile number 1: is not an object"),
        (
            b'{"version": 1, "profiles": [{"name": "A", "esws_endpoint": "http://[::1"}]}',
            "invalid profile “A”: its ESWS endpoint is not a valid address",
        ),
        (
            b'{"version": 1, "profiles": [{"name": "A"}, {"name": "a"}]}',
            "“a”: is listed twice in the file",
        ),
    ],
)
def test_import_of_a_bad_file_is_exit_2_naming_the_entry(
    tmp_path: Path, content: bytes, expected: str
) -> None:
    source = tmp_path / "bad.json"
    source.write_bytes(content)
    result = profile("import", str(source))
    assert result.code == 2
    assert expected in result.err
    assert ProfileStore().load().names == []


def test_import_cannot_take_a_managed_name_even_with_replace(
    tmp_path: Path, machine_folder: Path
) -> None:
    managed_by_it(machine_folder, "Head office")
    source = tmp_path / "in.json"
    source.write_text(
        json.dumps({"version": 1, "profiles": [{"name": "head office"}]}), encoding="utf-8"
    )
    result = profile("import", str(source), "--replace")
    assert result.code == 2 and "your IT department manages" in result.err


def test_import_from_stdin() -> None:
    result = profile("import", "-", stdin='{"version": 1, "profiles": [{"name": "Piped"}]}')
    assert result.code == 0
    assert ProfileStore().load().names == ["Piped"]


def test_a_real_process_lists_json_and_refuses_a_duplicate(subprocess_env: dict[str, str]) -> None:
    def run(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-c", SCRIPT, "profile", *argv],
            env=subprocess_env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
            cwd=REPO_ROOT,
        )

    assert run(*ADD_ACME).returncode == 0
    duplicate = run("add", "acme", "--endpoint", "https://e.test/x")
    assert duplicate.returncode == 2 and "Traceback" not in duplicate.stderr
    listed = run("list", "--json")
    assert [e["name"] for e in json.loads(listed.stdout)] == ["Acme"]


def test_processes_adding_at_once_lose_no_profile(subprocess_env: dict[str, str]) -> None:
    per_process, processes = 6, 4
    script = SCRIPT.replace(
        "args = parser.parse_args(sys.argv[1:])",
        "tag = sys.argv.pop(1)\n"
        "print('ready', flush=True)\n"
        "sys.stdin.readline()\n"
        "for n in range(int(sys.argv.pop(1))):\n"
        "    a = parser.parse_args(['profile', 'add', f'{tag}-{n}', '--endpoint', 'https://e.test/x'])\n"
        "    a.handler(a)\n"
        "args = parser.parse_args(['profile', 'list'])",
    )
    running = [
        subprocess.Popen(
            [sys.executable, "-c", script, f"p{i}", str(per_process)],
            env=subprocess_env,
            cwd=REPO_ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in range(processes)
    ]
    # Every process is started and waiting before any adds: the adds overlap.
    for process in running:
        assert process.stdout is not None and process.stdout.readline() == "ready\n"
    for process in running:
        _, err = process.communicate("go\n", timeout=120)
        assert process.returncode == 0, err
    names = ProfileStore().load().names
    assert sorted(names) == sorted(
        f"p{i}-{n}" for i in range(processes) for n in range(per_process)
    )
