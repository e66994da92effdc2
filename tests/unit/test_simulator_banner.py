"""``python -m desktop.simulator.server`` tells a new user everything needed to try it."""

from __future__ import annotations

from desktop.simulator.esws_logic import DEMO_ADMIN, DEMO_COMPANY_ID, DEMO_PASSWORD
from desktop.simulator.server import Simulator, banner


def test_banner_names_the_addresses_and_the_demo_credentials() -> None:
    with Simulator() as sim:
        text = banner(sim)
    assert sim.esws_endpoint in text
    assert sim.url in text
    for value in (DEMO_COMPANY_ID, DEMO_ADMIN, DEMO_PASSWORD, "42", "location ids: 1, 2, 3"):
        assert value in text
    assert ".venv/bin/i3sync url one" in text
