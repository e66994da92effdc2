"""The translation catalogues match the sources: every text the window shows is in the Dutch and
German catalogues, finished, with the same placeholders, and the compiled ``.qm`` is current."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.packaging.conftest import load_packaging_module

REPO = Path(__file__).resolve().parents[2]
MARKERS = {"translate", "QT_TRANSLATE_NOOP"}
QT_APP = "QCoreApplication"


def test_the_catalogues_hold_every_source_text_finished_and_compiled() -> None:
    problems = load_packaging_module("i18n").problems()
    assert problems == [], "\n".join(problems[:40]) + f"\n({len(problems)} problems)"


def _marked_calls(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            func = node.func
            named = isinstance(func, ast.Name) and func.id in MARKERS
            # self.tr() takes its context from the run-time class: not allowed either.
            method = isinstance(func, ast.Attribute) and (
                func.attr == "tr"
                or (func.attr == "translate" and getattr(func.value, "id", "") == QT_APP)
            )
            if named or method:
                yield node


def test_every_marked_text_is_a_plain_literal_that_lupdate_can_read() -> None:
    """An f-string, a variable or a concatenation with a value would be collected wrongly (or
    not at all) and never translated."""
    wrong: list[str] = []
    for path in sorted((REPO / "desktop").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for call in _marked_calls(tree):
            if path.name == "i18n.py" and call.args and isinstance(call.args[0], ast.Name):
                continue  # the definitions pass their parameters on
            literal = len(call.args) >= 2 and all(
                isinstance(arg, ast.Constant) and isinstance(arg.value, str)
                for arg in call.args[:2]
            )
            if not literal:
                wrong.append(f"{path.relative_to(REPO)}:{call.lineno}")
    assert wrong == []


def test_the_checker_finds_a_text_missing_from_a_catalogue(tmp_path, monkeypatch) -> None:
    script = load_packaging_module("i18n")
    source = tmp_path / "desktop"
    source.mkdir()
    (source / "m.py").write_text('translate("Ctx", "Only here")\n', encoding="utf-8")
    monkeypatch.setattr(script, "REPO", tmp_path)
    monkeypatch.setattr(script, "SOURCES", source)
    monkeypatch.setattr(script, "CATALOGUES", tmp_path / "i18n")
    (tmp_path / "i18n").mkdir()
    for language in script.LANGUAGES:
        (tmp_path / "i18n" / f"i3sync_{language}.ts").write_text(
            '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1"></TS>\n',
            encoding="utf-8",
        )
    found = script.problems()
    assert any("not in the catalogue" in line and "Only here" in line for line in found)
    assert any(line.endswith("stale (run python packaging/i18n.py)") for line in found)


@pytest.mark.parametrize(
    ("source", "translation", "ok"),
    [
        ("Wait {seconds} s", "Wacht {seconds} s", True),
        ("Wait {seconds} s", "Wacht {sec} s", False),
        ("Wait {seconds} s", "Wacht {seconds} s {", False),
        ("Wait {seconds} s", "Wacht {seconds} s {}", False),
        ("Wait {seconds} s", "Wacht {seconds} s {0}", False),
        ("Wait {seconds} s", "Wacht {seconds!r} s", False),
        ("Wait {seconds} s", "Wacht {seconds:>5} s", False),
    ],
)
def test_the_checker_compares_placeholders(tmp_path, monkeypatch, source, translation, ok) -> None:
    script = load_packaging_module("i18n")
    (tmp_path / "desktop").mkdir()
    (tmp_path / "desktop" / "m.py").write_text(f'translate("Ctx", "{source}")\n', encoding="utf-8")
    monkeypatch.setattr(script, "REPO", tmp_path)
    monkeypatch.setattr(script, "SOURCES", tmp_path / "desktop")
    monkeypatch.setattr(script, "CATALOGUES", tmp_path / "i18n")
    monkeypatch.setattr(script, "LANGUAGES", ("nl",))
    (tmp_path / "i18n").mkdir()
    (tmp_path / "i18n" / "i3sync_nl.ts").write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n<TS version="2.1" language="nl">'
        f"<context><name>Ctx</name><message><source>{source}</source>"
        f"<translation>{translation}</translation></message></context></TS>\n",
        encoding="utf-8",
    )
    script.lrelease(tmp_path / "i18n" / "i3sync_nl.ts", tmp_path / "i18n" / "i3sync_nl.qm")
    assert (script.problems() == []) is ok
