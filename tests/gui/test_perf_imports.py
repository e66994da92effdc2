"""What ``i3sync`` has NOT imported when its window is first painted (issue 13): standard modules
the paint does not need and that cost start-up time.

As tests/gui/test_perf_startup.py: a real ``i3sync`` process through its entry point, no
timings asserted (``bench/gui_ratios.py`` measures them), only what is loaded at the paint.
"""

from __future__ import annotations

import ast
import socket
import subprocess
import sys
import urllib.request
import uuid
from pathlib import Path

from desktop.esws.profile_model import new_profile_id
from desktop.esws.profiles import Profile, ProfileStore

# logging.handlers (~6 ms: socket, pickle, queue) for the log file's rotation; uuid (~4 ms: it
# loads platform) for a new profile's id.
NOT_AT_PAINT = ["logging.handlers", "pickle", "uuid", "platform"]
# The demo takes its simulator's address (a socket) before the paint, by design.
NOT_AT_PAINT_OUTSIDE_DEMO = ["socket", "selectors"]
# Only needed once there is a profile file to read.
NOT_AT_FIRST_START = ["unicodedata"]

# Nothing imported here but what the app imports itself: the report is a repr, not JSON.
PROBE = """
import sys
import desktop.cli
import desktop.gui.launch as launch

WATCHED = {watched!r}
report = {{}}

def on_window(window):
    def painted():
        report["loaded_at_paint"] = [m for m in WATCHED if m in sys.modules]
        tab = window.sync_tab
        report["shown"] = "welcome" if tab.currentWidget() is tab.welcome else "form"
        window.close()

    window.painted.connect(painted)

def run_gui(args, argv):
    return launch.start(args, argv, on_window=on_window)

launch.run_gui = run_gui
code = desktop.cli.main({argv!r})
print(repr(report))
sys.exit(code)
"""


def loaded_at_paint(env: dict[str, str], watched: list[str], argv: list[str]) -> dict[str, object]:
    result = subprocess.run(
        [sys.executable, "-c", PROBE.format(watched=watched, argv=argv)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    report: dict[str, object] = ast.literal_eval(result.stdout.strip().splitlines()[-1])
    return report


def test_a_start_with_a_profile_paints_without_the_modules_it_does_not_need(
    subprocess_env: dict[str, str], isolated_user_folders: Path
) -> None:
    ProfileStore().save([Profile(name="Acme", admin_username="hr")], "Acme")
    report = loaded_at_paint(subprocess_env, NOT_AT_PAINT + NOT_AT_PAINT_OUTSIDE_DEMO, [])
    assert report == {"loaded_at_paint": [], "shown": "form"}


def test_a_first_start_paints_without_the_modules_it_does_not_need(
    subprocess_env: dict[str, str], isolated_user_folders: Path
) -> None:
    watched = NOT_AT_PAINT + NOT_AT_PAINT_OUTSIDE_DEMO + NOT_AT_FIRST_START
    report = loaded_at_paint(subprocess_env, watched, [])
    assert report == {"loaded_at_paint": [], "shown": "welcome"}


def test_the_demo_paints_its_new_profile_without_uuid_or_logging_handlers(
    subprocess_env: dict[str, str], isolated_user_folders: Path
) -> None:
    report = loaded_at_paint(subprocess_env, [*NOT_AT_PAINT, "socket"], ["--demo"])
    assert report == {"loaded_at_paint": ["socket"], "shown": "form"}  # socket: the probe works


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
