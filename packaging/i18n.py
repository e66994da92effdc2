"""The window's translations: ``python packaging/i18n.py`` updates and compiles them.

1. ``pyside6-lupdate`` collects every ``translate("Context", "text")`` (desktop.gui.i18n) and
   ``QT_TRANSLATE_NOOP("Context", "text")`` (desktop.core.i18n) under ``desktop/`` into
   ``resources/i18n/i3sync_nl.ts`` and ``i3sync_de.ts`` (new text arrives unfinished, text no
   longer used is dropped, no line numbers so moving code changes nothing).
2. A translator fills the new entries (Qt Linguist, or any editor; glossary in the README there).
3. ``pyside6-lrelease`` compiles each into the ``.qm`` the app loads (committed, so a fresh
   clone's ``pip install -e .`` and the frozen app find them without a build step).

``python packaging/i18n.py --check`` changes nothing and exits 1 listing what is missing,
unfinished, left over or stale (the test suite runs the same check).
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET  # our own, committed files
from dataclasses import dataclass
from pathlib import Path
from string import Formatter

REPO = Path(__file__).resolve().parent.parent
SOURCES = REPO / "desktop"
CATALOGUES = REPO / "resources" / "i18n"
LANGUAGES = ("nl", "de")
PLACEHOLDER = re.compile(r"\{[A-Za-z_][A-Za-z0-9_]*\}")


def tool(name: str) -> str:
    """``pyside6-lupdate``/``pyside6-lrelease`` beside this Python (the venv's), else on PATH."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found (pip install pyside6)")
    return found


def source_files() -> list[str]:
    return sorted(str(path.relative_to(REPO)) for path in SOURCES.rglob("*.py"))


def catalogue(language: str) -> Path:
    return CATALOGUES / f"i3sync_{language}.ts"


def compiled(language: str) -> Path:
    return CATALOGUES / f"i3sync_{language}.qm"


def lupdate(targets: list[Path]) -> None:
    subprocess.run(
        [
            tool("pyside6-lupdate"),
            "-locations",
            "none",
            "-no-obsolete",
            "-silent",
            *source_files(),
            "-ts",
            *map(str, targets),
        ],
        cwd=REPO,
        check=True,
    )


def lrelease(source: Path, target: Path) -> None:
    subprocess.run(
        [tool("pyside6-lrelease"), "-silent", str(source), "-qm", str(target)],
        cwd=REPO,
        check=True,
    )


def fields(text: str) -> set[str] | None:
    """The ``{name}`` fields ``str.format`` fills in ``text``; None when ``text`` would make
    ``format`` raise or take positional values (a stray brace, ``{}``, ``{0}``, ``{name!r}``)."""
    try:
        parsed = [(name, spec, conversion) for _, name, spec, conversion in Formatter().parse(text)]
    except ValueError:
        return None
    found: set[str] = set()
    for name, spec, conversion in parsed:
        if name is None:
            continue
        if not PLACEHOLDER.fullmatch("{" + name + "}") or spec or conversion:
            return None
        found.add(name)
    return found


@dataclass(frozen=True)
class Entry:
    context: str
    source: str
    translation: str
    finished: bool


def entries(path: Path) -> dict[tuple[str, str], Entry]:
    """The messages of a ``.ts`` file, keyed by (context, source)."""
    found: dict[tuple[str, str], Entry] = {}
    root = ET.parse(path).getroot()  # noqa: S314 - a file of this repository
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            node = message.find("translation")
            text = "" if node is None else (node.text or "")
            kind = "" if node is None else node.get("type", "")
            found[(name, source)] = Entry(name, source, text, finished=bool(text) and not kind)
    return found


def problems() -> list[str]:
    """What is wrong with the committed catalogues, one line each (empty when all is well)."""
    said: list[str] = []
    with tempfile.TemporaryDirectory() as scratch:
        fresh = Path(scratch) / "fresh.ts"
        lupdate([fresh])
        wanted = set(entries(fresh))
        for language in LANGUAGES:
            path = catalogue(language)
            if not path.exists():
                said.append(f"{path.name}: missing (run python packaging/i18n.py)")
                continue
            have = entries(path)
            for context, source in sorted(wanted - set(have)):
                said.append(f"{path.name}: not in the catalogue: [{context}] {source!r}")
            for context, source in sorted(set(have) - wanted):
                said.append(f"{path.name}: no longer in the sources: [{context}] {source!r}")
            for key in sorted(wanted & set(have)):
                entry = have[key]
                if not entry.finished:
                    said.append(f"{path.name}: unfinished: [{key[0]}] {key[1]!r}")
                elif fields(entry.source) != fields(entry.translation):
                    said.append(f"{path.name}: placeholders differ: [{key[0]}] {key[1]!r}")
            target = Path(scratch) / f"{language}.qm"
            lrelease(path, target)
            if not compiled(language).exists() or (
                compiled(language).read_bytes() != target.read_bytes()
            ):
                said.append(f"{compiled(language).name}: stale (run python packaging/i18n.py)")
    return said


def fill(language: str, translations: dict[tuple[str, str], str]) -> int:
    """Write ``translations`` ((context, source) -> text) into the catalogue as finished; returns
    how many entries changed. Entries not in the catalogue are ignored (run the update first)."""
    path = catalogue(language)
    tree = ET.parse(path)  # noqa: S314 - a file of this repository
    changed = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            text = translations.get((name, message.findtext("source") or ""))
            node = message.find("translation")
            if text is None or node is None:
                continue
            node.text = text
            node.attrib.pop("type", None)
            changed += 1
    tree.write(path, encoding="utf-8", xml_declaration=True)
    lupdate([path])  # back to lupdate's own layout
    lrelease(path, compiled(language))
    return changed


def untranslated(language: str) -> list[tuple[str, str]]:
    """(context, source) of every unfinished entry of a catalogue."""
    return [key for key, entry in entries(catalogue(language)).items() if not entry.finished]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; list problems")
    parser.add_argument(
        "--todo", metavar="LANG", help="print the unfinished entries of LANG as JSON to fill in"
    )
    parser.add_argument(
        "--fill",
        nargs=2,
        metavar=("LANG", "JSON"),
        help="write translations from a JSON list of [context, source, translation]",
    )
    args = parser.parse_args(argv)
    if args.todo:
        todo = [[context, source, ""] for context, source in untranslated(args.todo)]
        print(json.dumps(todo, ensure_ascii=False, indent=1))
        return 0
    if args.fill:
        language, source_file = args.fill
        rows = json.loads(Path(source_file).read_text(encoding="utf-8"))
        wanted = {(row[0], row[1]): row[2] for row in rows if row[2]}
        print(f"{fill(language, wanted)} entries written to {catalogue(language).name}")
        return 0
    if args.check:
        found = problems()
        for line in found:
            print(line)
        return 1 if found else 0
    CATALOGUES.mkdir(parents=True, exist_ok=True)
    targets = [catalogue(language) for language in LANGUAGES]
    for language, target in zip(LANGUAGES, targets, strict=True):
        if not target.exists():
            target.write_text(
                '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
                f'<TS version="2.1" language="{language}" sourcelanguage="en">\n</TS>\n',
                encoding="utf-8",
            )
    lupdate(targets)
    for language in LANGUAGES:
        lrelease(catalogue(language), compiled(language))
    left = [line for line in problems() if "unfinished" in line]
    print(f"updated {len(targets)} catalogues; {len(left)} entries to translate")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
