"""The connection check and the sync view's texts as the window shows them: in English exactly
what the command line prints (the marked texts are the CLI's own), a check that cannot start says
why in words with its icon, and the texts the views show are in the window's language."""

from __future__ import annotations

from typing import Any

import pytest

from desktop.core.errors import InputError
from desktop.esws.check import CheckTarget, notes_for
from desktop.esws.check_steps import StepResult
from desktop.gui import i18n


def test_in_english_the_lines_and_notes_are_the_command_lines(qapp: Any) -> None:
    from desktop.gui.esws.check_view import shown_line, shown_note

    i18n.install("en")
    results = [
        StepResult("resolve", True, "i3.example → 192.0.2.1", 3),
        StepResult("connect", False, "i3.example: connection refused; check the port", None),
        StepResult.skip("tls", "connect failed"),
        StepResult.skip("esws", "cancelled"),
    ]
    for result in results:
        assert shown_line(result) == result.line()
    target = CheckTarget("http://esws.example/ws", "http://i3.example", cloud=False)
    notes = notes_for(target)
    assert len(notes) == 3  # both plain-http warnings and the on-premise note
    assert [shown_note(note) for note in notes] == notes


def test_a_check_that_cannot_start_says_why_with_its_icon(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.esws import check
    from desktop.gui.esws.check_view import CheckView

    def refuse(*_args: object) -> None:
        raise InputError("WSDL", "must be a file or an https:// address")

    monkeypatch.setattr(check, "ConnectionCheck", refuse)
    target = CheckTarget("https://esws.example/ws", "https://i3.example")
    view = CheckView(lambda: target)
    qtbot.addWidget(view)
    view.show()
    assert view.start() is False
    text = view.statusLabel.text()
    assert text.startswith("The connection cannot be tested: Check the ")
    assert "must be a file or an https:// address" in text
    assert view.statusLabel.accessibleDescription() == text
    assert view.statusIcon.isVisible() and view.statusIcon.accessibleName()
    assert view.testButton.isEnabled() and not view.running


def test_the_views_ask_for_their_texts_in_the_window_language(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every text the views show goes through translate(): a stand-in catalogue that marks
    each one shows up in the widgets built after it is installed."""
    from desktop.gui.esws import check_view, failure_panel, loading_panel, sync_view

    asked: list[tuple[str, str]] = []

    def marked(context: str, text: str) -> str:
        asked.append((context, text))
        return f"[{text}]"

    for module in (check_view, failure_panel, loading_panel, sync_view):
        monkeypatch.setattr(module, "translate", marked)
    view = sync_view.SyncView()
    qtbot.addWidget(view, before_close_func=lambda v: v.shutdown())
    assert view.backButton.text() == "[← &Back to form]"
    assert view.reloadButton.text() == "[&Reload]"
    assert view.loading.cancelButton.text() == "[&Cancel]"
    assert view.failure.retryButton.text() == "[&Try again]"
    assert view.failure.backButton.text() == "[Back to the f&orm]"
    assert view.checkView.testButton.text() == "[Test &connection]"
    view.loading.start("i3.example", cloud=True)
    assert view.loading.titleLabel.text() == "[Opening I3 at i3.example…]"
    view.loading.stop()
    contexts = {context for context, _text in asked}
    assert {"SyncView", "LoadingPanel", "FailurePanel", "CheckView"} <= contexts
