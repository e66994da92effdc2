"""Several processes (a window and scripts) recording at once lose no entry."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from desktop.core.history import HistoryFilter, Source
from desktop.core.history_store import HistoryStore
from tests.conftest import REPO_ROOT

WRITERS = 4
ENTRIES = 100  # per writer

# Waits for "go" on stdin so that every writer starts together (the file does not exist yet:
# creating it, switching it to WAL and migrating race too), then records ENTRIES entries, and
# between them reads (as the window's History tab would) and marks a page loaded.
WRITER = """
import sys
from pathlib import Path
from desktop.core.history import Kind, Outcome, Source
from desktop.core.history_store import HistoryStore

store = HistoryStore(Path(sys.argv[1]))
tag, count = sys.argv[2], int(sys.argv[3])
source = Source.WINDOW if tag == "w0" else Source.COMMAND_LINE
print("ready", flush=True)
sys.stdin.readline()
for number in range(count):
    entry_id = store.record(
        source=source, profile=f"profile-{tag}", kind=Kind.ONE, user_id=f"{tag}-{number}",
        location_id=number, outcome=Outcome.OK, code="", duration_ms=number,
    )
    if number % 10 == 0:
        store.set_page_loaded(entry_id, True)
        store.count()
print("done", flush=True)
"""


def test_writers_in_separate_processes_lose_no_entry(tmp_path: Path) -> None:
    path = tmp_path / "data" / "history.sqlite3"
    tags = [f"w{n}" for n in range(WRITERS)]
    writers = [
        subprocess.Popen(
            [sys.executable, "-c", WRITER, str(path), tag, str(ENTRIES)],
            cwd=REPO_ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for tag in tags
    ]
    try:
        for writer in writers:
            assert writer.stdout is not None and writer.stdout.readline() == "ready\n"
        started = time.perf_counter()
        for writer in writers:
            assert writer.stdin is not None
            writer.stdin.write("go\n")
            writer.stdin.flush()
        for writer in writers:
            _, err = writer.communicate(timeout=120)
            assert writer.returncode == 0, err
        elapsed = time.perf_counter() - started
    finally:
        for writer in writers:
            if writer.poll() is None:
                writer.kill()
                writer.wait()
    store = HistoryStore(path)
    entries = store.entries()
    assert len(entries) == WRITERS * ENTRIES
    assert {e.user_id for e in entries} == {f"{t}-{n}" for t in tags for n in range(ENTRIES)}
    assert len({e.id for e in entries}) == len(entries)
    assert sum(1 for e in entries if e.page_loaded) == WRITERS * (ENTRIES // 10)
    assert store.count(HistoryFilter(profile="PROFILE-W0")) == ENTRIES
    assert {e.source for e in entries if e.profile == "profile-w0"} == {Source.WINDOW}
    print(f"\n{WRITERS} writers x {ENTRIES} entries: {WRITERS * ENTRIES / elapsed:.0f} entries/s")
