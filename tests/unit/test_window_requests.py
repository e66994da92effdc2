"""In the windowed app (no console: stderr is None) a refused link or ``open`` is shown in a
message box, not lost; with a console it stays one line on stderr, and no box ever opens."""

from __future__ import annotations

import sys
import types
from collections.abc import Iterator

import pytest

from desktop.cli import main


@pytest.fixture
def boxes(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    shown: list[str] = []

    def show_link_error(message: str) -> int:
        shown.append(message)
        return 2

    launch = types.ModuleType("desktop.gui.launch")
    launch.show_link_error = show_link_error  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "desktop.gui.launch", launch)
    yield shown


def test_a_refused_link_in_the_windowed_app_is_shown_in_a_box(
    boxes: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stderr", None)
    assert main(["i3sync://sync/one?profile=Acme&user=42&password=hunter2"]) == 2
    assert len(boxes) == 1
    assert "unknown parameter 'password'" in boxes[0]
    assert "hunter2" not in boxes[0]


def test_a_bad_open_command_in_the_windowed_app_is_shown_in_a_box(
    boxes: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stderr", None)
    with pytest.raises(SystemExit) as done:
        main(["open", "one", "--profile", "Acme"])
    assert done.value.code == 2
    assert len(boxes) == 1
    assert "--user" in boxes[0]


def test_with_a_console_the_refusal_is_one_line_on_stderr_and_no_box(
    boxes: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["i3sync://sync/one?profile=Acme"]) == 2
    assert capsys.readouterr().err == "i3sync: invalid link: names no user (user=...)\n"
    with pytest.raises(SystemExit):
        main(["open", "one", "--profile", "Acme"])
    assert "--user" in capsys.readouterr().err
    assert boxes == []


def test_the_frozen_windowed_app_counts_as_having_no_console(
    boxes: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # packaging/i3sync_entry.py gives the windowed executable the null device for stderr.
    import os

    with open(os.devnull, "w", encoding="utf-8") as null:
        monkeypatch.setattr(sys, "stderr", null)
        assert main(["i3sync://sync/total?profile=Acme&user=42"]) == 2
    assert boxes and "takes no user" in boxes[0]
