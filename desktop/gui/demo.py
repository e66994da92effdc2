"""Demo mode: the simulator on loopback and a ready "Demo" profile whose secrets stay in memory.

Nothing of the demo reaches the user's profile file, vault or settings: the profile lives in a
temporary folder removed on exit, its security code and password in a dict, and the CRM.COM tab
starts from preset fields that are never kept. The simulated CRM.COM is added to the simulator
only when the CRM.COM tab is first built (after the window is painted).

The simulator's address is taken (a listening socket) before the window is built, so the form
shows it from the first paint; the simulator itself (http.server, lxml: ~40 ms to import) starts
after the paint (:meth:`DemoSession.start_simulator`) and serves that socket. A request sent
before that waits in the socket's queue; it is never refused.
"""

from __future__ import annotations

import logging
import socket
import tempfile
from html import escape
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from desktop.core.vault import SecretKind, VaultStatus
from desktop.esws.profiles import Profile, ProfileStore
from desktop.gui.crm.remembered import PresetFields, use_for_session
from desktop.gui.i18n import translate
from desktop.simulator.esws_logic import DEMO_ADMIN, DEMO_COMPANY_ID, DEMO_PASSWORD, demo_company

if TYPE_CHECKING:
    from desktop.core.history_store import HistoryStore
    from desktop.simulator.crm import CrmSimulator
    from desktop.simulator.server import Simulator

log = logging.getLogger(__name__)

DEMO_PROFILE = "Demo"
DEMO_USER = "42"
# desktop.simulator.server's ESWS_PATH and desktop.simulator.crm's DEMO_CRM_PASSWORD, which the
# form shows before the simulator is imported (tests/gui/test_perf_startup.py keeps them equal).
ESWS_PATH = "/webservicesesws"
CRM_PASSWORD_SHOWN = "Crm-Demo-1234"  # a public demo credential, by design


class MemoryVault:
    """A :class:`~desktop.core.vault.SecretVault` that keeps secrets in this process only."""

    def __init__(self) -> None:
        self._values: dict[tuple[str, SecretKind], str] = {}

    def __repr__(self) -> str:
        return f"MemoryVault({len(self._values)} secrets)"

    def status(self) -> VaultStatus:
        return VaultStatus(available=True, where=translate("Demo", "memory only (demo mode)"))

    def save(self, profile: str, kind: SecretKind, value: str) -> bool:
        if value:
            self._values[(profile, kind)] = value
        else:
            self._values.pop((profile, kind), None)
        return True

    def load(self, profile: str, kind: SecretKind) -> str | None:
        return self._values.get((profile, kind))

    def delete(self, profile: str, kind: SecretKind | None = None) -> None:
        for key in list(self._values):
            if key[0] == profile and (kind is None or key[1] is kind):
                del self._values[key]

    def rename(self, old: str, new: str) -> None:
        for (profile, kind), value in list(self._values.items()):
            if profile == old:
                del self._values[(profile, kind)]
                self._values[(new, kind)] = value


def demo_notice() -> str:
    """The banner shown above the I3 form in demo mode (rich text: every value escaped)."""
    company = demo_company()
    users = ", ".join(sorted(company.users, key=int))
    locations = ", ".join(
        f"{number} ({name})" for number, name in sorted(company.locations.items())
    )
    sync = "<b>" + escape(translate("Demo", "Sync")) + "</b>"
    sentences = [
        "<b>" + escape(translate("Demo", "Demo mode.")) + "</b>",
        escape(
            translate(
                "Demo",
                "A simulator on this computer stands in for ESWS, I3 and CRM.COM; nothing "
                "leaves this computer.",
            )
        ),
        escape(translate("Demo", "The Demo profile is filled in: press {sync}.")).format(sync=sync),
        escape(
            translate("Demo", "Users: {users}. Locations: {locations}.").format(
                users=users, locations=locations
            )
        ),
        escape(translate("Demo", "Change the password to see ESWS refuse it.")),
        escape(
            translate("Demo", "The CRM.COM tab's demo password is {password}.").format(
                password=CRM_PASSWORD_SHOWN
            )
        ),
    ]
    return " ".join(sentences)


def crm_demo_notice() -> str:
    """The line above the CRM.COM form in demo mode (plain text): what to type there."""
    from desktop.simulator.crm import (
        DEMO_CRM_AUTH_CODE,
        DEMO_CRM_IDENTIFIER,
        DEMO_CRM_PASS_CODE,
        DEMO_CRM_PASSWORD,
    )

    text = translate(
        "Demo",
        "Demo mode: a simulator on this computer stands in for CRM.COM. The address, "
        "organisation and username are filled in: type the password {password} and press Get "
        "token. The access token identifier {identifier} with pass code {pass_code}, or the "
        "authentication code {code}, work too.",
    )
    return text.format(
        password=DEMO_CRM_PASSWORD,
        identifier=DEMO_CRM_IDENTIFIER,
        pass_code=DEMO_CRM_PASS_CODE,
        code=DEMO_CRM_AUTH_CODE,
    )


class DemoSession:
    """The Demo profile in a temporary profile file, an in-memory vault, and the simulator's
    address; the simulator starts with :meth:`start_simulator` (after the first paint)."""

    def __init__(self) -> None:
        self._folder = tempfile.TemporaryDirectory(prefix="i3sync-demo-")
        self.store = ProfileStore(Path(self._folder.name) / "profiles.json")
        self._history: HistoryStore | None = None
        self.vault = MemoryVault()
        self.simulator: Simulator | None = None  # started after the first paint
        self.crm: CrmSimulator | None = None  # added when the CRM.COM tab is first built
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self._listener.getsockname()[1]}"
        self.esws_endpoint = self.url + ESWS_PATH

    @property
    def history(self) -> HistoryStore:
        """The demo's syncs go to a history of its own, gone with its folder: never the user's
        (made on first use: sqlite3 takes ~5 ms to import)."""
        if self._history is None:
            from desktop.core.history import FILE_NAME as HISTORY_FILE_NAME
            from desktop.core.history_store import HistoryStore

            self._history = HistoryStore(Path(self._folder.name) / HISTORY_FILE_NAME)
        return self._history

    def start_simulator(self) -> Simulator:
        """ESWS, I3 (and later CRM.COM) on the address the profile names; idempotent."""
        if self.simulator is None:
            from desktop.simulator.server import Simulator

            simulator = Simulator(sock=self._listener)
            if simulator.esws_endpoint != self.esws_endpoint:
                raise RuntimeError("the simulator's ESWS path changed: update demo.ESWS_PATH")
            self.simulator = simulator.start()
            log.info("Demo mode: simulator at %s", simulator.url)
        return self.simulator

    def crm_fields(self) -> dict[str, str]:
        """The CRM.COM tab's start values; adds the simulated CRM.COM on first use (cheap: a few
        routes on the running simulator)."""
        from desktop.simulator.crm import DEMO_CRM_ORGANISATION, DEMO_CRM_USERNAME, install_crm

        if self.crm is None:
            self.crm = install_crm(self.start_simulator())
            log.info("Demo mode: CRM.COM simulated at %s", self.crm.base_url)
        return {
            "url": self.crm.base_url,
            "organisation": DEMO_CRM_ORGANISATION,
            "username": DEMO_CRM_USERNAME,
            "mode": "username",
        }

    def __enter__(self) -> DemoSession:
        profile = Profile(
            name=DEMO_PROFILE,
            esws_endpoint=self.esws_endpoint,
            i3_base_url=self.url,
            admin_username=DEMO_ADMIN,
            remember_password=True,
        )
        self.store.save([profile], DEMO_PROFILE)
        saved = self.store.load().find(DEMO_PROFILE) or profile
        self.vault.save(saved.vault_key, SecretKind.COMPANY_ID, DEMO_COMPANY_ID)
        self.vault.save(saved.vault_key, SecretKind.PASSWORD, DEMO_PASSWORD)
        # The CRM.COM tab starts from the demo's fields, and keeps nothing in the user's settings.
        use_for_session(PresetFields(self.crm_fields, crm_demo_notice))
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        use_for_session(None)
        if self.simulator is not None:
            self.simulator.stop()  # closes the listening socket too
        else:
            self._listener.close()
        self._folder.cleanup()
