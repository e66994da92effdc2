"""Catalogues for tests of the window's translations: a small real one, compiled by
pyside6-lrelease as the project's are, and one that marks every text it is asked for."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QTranslator

OPEN, CLOSE = "⟦", "⟧"


def compiled_catalogue(folder: Path, texts: Mapping[str, Mapping[str, str]], name: str) -> Path:
    """``texts`` (context -> source -> translation) as a Qt Linguist source in ``folder``,
    compiled to ``name``.qm; the path of the .qm."""
    root = ET.Element("TS", version="2.1", language="nl_NL")
    for context, messages in texts.items():
        element = ET.SubElement(root, "context")
        ET.SubElement(element, "name").text = context
        for source, translation in messages.items():
            message = ET.SubElement(element, "message")
            ET.SubElement(message, "source").text = source
            ET.SubElement(message, "translation").text = translation
    source_file = folder / f"{name}.ts"
    ET.ElementTree(root).write(source_file, encoding="utf-8", xml_declaration=True)
    compiled = folder / f"{name}.qm"
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run(
        [str(lrelease), "-silent", str(source_file), "-qm", str(compiled)],
        check=True,
        capture_output=True,
    )
    return compiled


@contextmanager
def installed(translator: QTranslator) -> Iterator[QTranslator]:
    """``translator`` installed in the application for the duration."""
    assert QCoreApplication.installTranslator(translator)
    try:
        yield translator
    finally:
        QCoreApplication.removeTranslator(translator)


@contextmanager
def catalogue_from(path: Path) -> Iterator[QTranslator]:
    """The compiled catalogue at ``path``, installed for the duration."""
    translator = QTranslator()
    assert translator.load(str(path))
    with installed(translator):
        yield translator


class MarkingCatalogue(QTranslator):
    """A catalogue that "translates" every text by putting it between ⟦ and ⟧ (placeholders and
    access keys kept), so a text that was never looked up stands out. With ``contexts``, only
    the texts of those contexts: it has no translation for the others."""

    def __init__(self, contexts: Iterable[str] | None = None) -> None:
        super().__init__()
        self.contexts = None if contexts is None else frozenset(contexts)

    def translate(
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str:
        if self.contexts is not None and context not in self.contexts:
            return ""
        return OPEN + source + CLOSE

    def isEmpty(self) -> bool:
        return False
