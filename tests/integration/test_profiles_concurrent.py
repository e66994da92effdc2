"""Two processes changing the profiles file at once lose nothing; a held lock times out cleanly."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from desktop.esws import profiles
from desktop.esws.profiles import Profile, ProfileStore
from desktop.esws.profiles_io import locked
from tests.conftest import REPO_ROOT

OPERATIONS = 100  # per process: 50 adds, each followed by an update of the profile it added

# Waits for "go" on stdin so that both writers start together, then adds and updates.
WRITER = """
import sys
from dataclasses import replace
from pathlib import Path
from desktop.esws.profiles import Profile, ProfileStore

store = ProfileStore(Path(sys.argv[1]))
tag = sys.argv[2]
print("ready", flush=True)
sys.stdin.readline()
for number in range(int(sys.argv[3]) // 2):
    profile = Profile(name=f"{tag}-{number}")
    store.add(profile)
    store.update(replace(profile, admin_username=f"admin-{tag}-{number}"))
print("done", flush=True)
"""


def test_two_processes_saving_at_once_lose_no_update(tmp_path: Path) -> None:
    path = tmp_path / "cfg" / "profiles.json"
    ProfileStore(path).save([Profile(name="Existing")], "Existing")
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), tag, str(OPERATIONS)],
            cwd=REPO_ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for tag in ("a", "b")
    ]
    try:
        for writer in writers:
            assert writer.stdout is not None and writer.stdout.readline() == "ready\n"
        for writer in writers:
            assert writer.stdin is not None
            writer.stdin.write("go\n")
            writer.stdin.flush()
        for writer in writers:
            assert writer.wait(timeout=120) == 0
    finally:
        for writer in writers:
            if writer.poll() is None:
                writer.kill()
                writer.wait()
    result = ProfileStore(path).load()
    assert result.problem is None
    names = {p.name for p in result.profiles}
    expected = {f"{tag}-{n}" for tag in "ab" for n in range(OPERATIONS // 2)}
    assert names == expected | {"Existing"}
    updated = {p.name for p in result.profiles if p.admin_username == f"admin-{p.name}"}
    assert updated == expected  # every update landed, not only every add
    assert result.last_used == "Existing"
    assert sorted(p.name for p in path.parent.iterdir()) == ["profiles.json"]


def test_a_change_waits_for_the_lock_and_gives_up_at_its_deadline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = ProfileStore(tmp_path / "cfg" / "profiles.json")
    store.add(Profile(name="Before"))
    before = store.path.read_bytes()
    monkeypatch.setattr(profiles, "LOCK_TIMEOUT", 0.3)
    with locked(store.lock_path, 5):
        started = time.monotonic()
        with pytest.raises(TimeoutError) as caught:
            store.add(Profile(name="Blocked"))
        waited = time.monotonic() - started
    assert 0.3 <= waited < 5  # it waited for the lock, and its deadline held
    assert "another I3 Sync window" in str(caught.value)
    assert store.path.read_bytes() == before


def test_a_change_proceeds_once_the_holder_releases(tmp_path: Path) -> None:
    store = ProfileStore(tmp_path / "cfg" / "profiles.json")
    store.add(Profile(name="First"))
    holding = threading.Event()
    release = threading.Event()

    def hold() -> None:
        with locked(store.lock_path, 5):
            holding.set()
            release.wait(5)

    holder = threading.Thread(target=hold)
    holder.start()
    assert holding.wait(5)
    outcome: list[object] = []
    adder = threading.Thread(target=lambda: outcome.append(store.add(Profile(name="Second"))))
    adder.start()
    assert not outcome  # the lock is held, so the add cannot have finished
    release.set()
    holder.join(5)
    adder.join(10)
    assert store.load().names == ["First", "Second"]
    assert not store.lock_path.exists()
