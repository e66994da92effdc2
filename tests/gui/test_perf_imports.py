"""What ``i3sync`` has NOT imported when its window is first painted (issue 13): standard modules
the paint does not need and that cost start-up time.

As tests/gui/test_perf_startup.py: a real ``i3sync`` process through its entry point, no
timings asserted (``bench/gui_ratios.py`` measures them), only what is loaded at the paint.
"""

from __future__ import annotations

import socket
import urllib.request
import uuid
from pathlib import Path
from typing import Any

from desktop.esws.profile_model import new_profile_id
from desktop.esws.profiles import Profile, ProfileStore
from tests.gui.conftest import first_paint, loaded_at_paint

# logging.handlers (~6 ms: socket, pickle, queue) for the log file's rotation; uuid (~4 ms: it
# loads platform) for a new profile's id.
NOT_AT_PAINT = ["logging.handlers", "pickle", "uuid", "platform"]
# The demo takes its simulator's address (a socket) before the paint, by design.
NOT_AT_PAINT_OUTSIDE_DEMO = ["socket", "selectors"]
# Only needed once there is a profile file to read.
NOT_AT_FIRST_START = ["unicodedata"]


def test_a_start_with_a_profile_paints_without_the_modules_it_does_not_need(
    subprocess_env: dict[str, str], isolated_user_folders: Path
) -> None:
    ProfileStore().save([Profile(name="Acme", admin_username="hr")], "Acme")
    report = first_paint(subprocess_env, [])
    loaded = loaded_at_paint(report, NOT_AT_PAINT + NOT_AT_PAINT_OUTSIDE_DEMO)
    assert {"loaded_at_paint": loaded, "shown": report["shown"]} == {
        "loaded_at_paint": [],
        "shown": "form",
    }


def test_a_first_start_paints_without_the_modules_it_does_not_need(
    subprocess_env: dict[str, str], shared_first_paint: Any
) -> None:
    watched = NOT_AT_PAINT + NOT_AT_PAINT_OUTSIDE_DEMO + NOT_AT_FIRST_START
    report = shared_first_paint("first start", subprocess_env)
    loaded = loaded_at_paint(report, watched)
    assert {"loaded_at_paint": loaded, "shown": report["shown"]} == {
        "loaded_at_paint": [],
        "shown": "welcome",
    }


def test_the_demo_paints_its_new_profile_without_uuid_or_logging_handlers(
    subprocess_env: dict[str, str], shared_first_paint: Any
) -> None:
    report = shared_first_paint("demo", subprocess_env)
    loaded = loaded_at_paint(report, [*NOT_AT_PAINT, "socket"])
    assert {"loaded_at_paint": loaded, "shown": report["shown"]} == {
        "loaded_at_paint": ["socket"],  # socket: the probe works
        "shown": "form",
    }


def test_a_new_profile_id_is_what_uuid4_makes() -> None:
    ids = {new_profile_id() for _ in range(200)}
    assert len(ids) == 200
    for profile_id in ids:
        made = uuid.UUID(hex=profile_id)
        assert made.hex == profile_id
        assert made.version == 4 and made.variant == uuid.RFC_4122


def test_the_simulator_serves_a_socket_it_is_given_and_closes_it_when_stopped() -> None:
    from desktop.simulator.server import ESWS_PATH, Simulator

    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    simulator = Simulator(sock=listener)
    assert simulator.port == port and simulator.esws_endpoint.endswith(f":{port}{ESWS_PATH}")
    with simulator, urllib.request.urlopen(simulator.esws_endpoint + "?wsdl", timeout=20) as reply:
        assert reply.status == 200
    assert listener.fileno() == -1  # closed by stop()
