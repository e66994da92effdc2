"""The connection check's step lines in the window's language: a real (small) Qt catalogue turns
the words of each step's detail, its advice and the reason a step was skipped into Dutch, while
the data (addresses, ports, the problem's code words, the HTTP status line) stay verbatim and the
results keep the English the command line prints."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from desktop.esws.check import CheckTarget
from desktop.simulator.server import Simulator
from tests.gui.catalogues import catalogue_from, compiled_catalogue

CHECK_TIMEOUT_MS = 20_000
REFUSED_ADVICE = (
    "nothing accepts connections on that port: check the port, and that the service runs"
)

# {English source: Dutch} in the "ConnectionCheck" context, as a translator would fill it.
DUTCH: dict[str, str] = {
    "ok": "ok",
    "FAIL": "FOUT",
    "skip": "over",
    "resolve": "opzoeken",
    "connect": "verbinden",
    "wsdl": "wsdl",
    "esws": "esws",
    "i3": "i3",
    "{host} → {addresses}": "{host} wordt {addresses}",
    "{endpoint}: {problem} ({detail}); {advice}": (
        "{endpoint}: {problem} ({detail}); advies: {advice}"
    ),
    REFUSED_ADVICE: "niets neemt verbindingen aan op die poort: controleer de poort en de dienst",
    "the bundled WSDL declares {operations}": "de meegeleverde WSDL bevat {operations}",
    "{first} and {second}": "{first} en {second}",
    "{step} failed": "{step} is mislukt",
    "I3 answered {status}": "I3 antwoordde {status}",
}


@pytest.fixture
def dutch(qapp: Any, tmp_path: Path) -> Iterator[None]:
    with catalogue_from(compiled_catalogue(tmp_path, {"ConnectionCheck": DUTCH}, "check_nl")):
        yield


def test_the_step_lines_are_dutch_with_the_data_verbatim(
    qtbot: Any, dutch: None, simulator: Simulator, closed_port: int
) -> None:
    from desktop.gui.esws.check_view import CheckView

    endpoint = f"http://127.0.0.1:{closed_port}/webservicesesws"
    target = CheckTarget.of(endpoint, simulator.url)
    view = CheckView(lambda: target)
    qtbot.addWidget(view)
    view.show()
    with qtbot.waitSignal(view.finished, timeout=CHECK_TIMEOUT_MS) as finished:
        qtbot.mouseClick(view.testButton, Qt.MouseButton.LeftButton)
    results = {r.step: r for r in finished.args[0]}
    lines = {line.split()[1]: line for line in view.text_lines()}

    assert lines["opzoeken"].startswith("ok   opzoeken  127.0.0.1 wordt 127.0.0.1  (")
    where = f"127.0.0.1: connection refused (127.0.0.1:{closed_port})"
    assert lines["verbinden"] == (
        f"FOUT verbinden  {where}; advies: niets neemt verbindingen aan op die poort: "
        "controleer de poort en de dienst"
    )
    assert lines["wsdl"].startswith(
        "ok   wsdl  de meegeleverde WSDL bevat getSyncToken en getTotalSyncToken  ("
    )
    assert lines["esws"] == "over esws  verbinden is mislukt"
    status = results["i3"].detail.removeprefix("I3 answered ")
    assert status.startswith("HTTP ")
    assert lines["i3"].startswith(f"ok   i3  I3 antwoordde {status}  (")

    # The results themselves keep the command line's English, word for word.
    assert results["resolve"].detail == "127.0.0.1 → 127.0.0.1"
    assert results["connect"].detail == f"{where}; {REFUSED_ADVICE}"
    assert results["wsdl"].detail == (
        "the bundled WSDL declares getSyncToken and getTotalSyncToken"
    )
    assert results["esws"].detail == "skipped: connect failed"
    qtbot.waitUntil(
        lambda: not [t for t in threading.enumerate() if t.name.startswith("i3sync-check")],
        timeout=5000,
    )
