"""Demo mode: the simulator on loopback and a ready "Demo" profile whose secrets stay in memory.

Nothing of the demo reaches the user's profile file or vault: the profile lives in a temporary
folder removed on exit, and its security code and password in a dict.
"""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path
from types import TracebackType

from desktop.core.history import FILE_NAME as HISTORY_FILE_NAME
from desktop.core.history_store import HistoryStore
from desktop.core.vault import SecretKind, VaultStatus
from desktop.esws.profiles import Profile, ProfileStore
from desktop.simulator.esws_logic import DEMO_ADMIN, DEMO_COMPANY_ID, DEMO_PASSWORD, demo_company
from desktop.simulator.server import Simulator

log = logging.getLogger(__name__)

DEMO_PROFILE = "Demo"
DEMO_USER = "42"


class MemoryVault:
    """A :class:`~desktop.core.vault.SecretVault` that keeps secrets in this process only."""

    def __init__(self) -> None:
        self._values: dict[tuple[str, SecretKind], str] = {}

    def __repr__(self) -> str:
        return f"MemoryVault({len(self._values)} secrets)"

    def status(self) -> VaultStatus:
        return VaultStatus(available=True, where="memory only (demo mode)")

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
    """The banner shown above the form in demo mode."""
    company = demo_company()
    users = ", ".join(sorted(company.users, key=int))
    locations = ", ".join(
        f"{number} ({name})" for number, name in sorted(company.locations.items())
    )
    return (
        "<b>Demo mode.</b> A simulator on this computer stands in for ESWS and I3; nothing "
        "leaves this computer. The Demo profile is filled in: press <b>Sync</b>. "
        f"Users: {users}. Locations: {locations}. Change the password to see ESWS refuse it."
    )


class DemoSession:
    """A started simulator, a temporary profile file with the Demo profile, an in-memory vault."""

    def __init__(self) -> None:
        self.simulator = Simulator()
        self._folder = tempfile.TemporaryDirectory(prefix="i3sync-demo-")
        self.store = ProfileStore(Path(self._folder.name) / "profiles.json")
        # The demo's syncs go to a history of its own, gone with its folder: never the user's.
        self.history = HistoryStore(Path(self._folder.name) / HISTORY_FILE_NAME)
        self.vault = MemoryVault()

    def __enter__(self) -> DemoSession:
        self.simulator.start()
        profile = Profile(
            name=DEMO_PROFILE,
            esws_endpoint=self.simulator.esws_endpoint,
            i3_base_url=self.simulator.url,
            admin_username=DEMO_ADMIN,
            remember_password=True,
        )
        self.store.save([profile], DEMO_PROFILE)
        saved = self.store.load().find(DEMO_PROFILE) or profile
        self.vault.save(saved.vault_key, SecretKind.COMPANY_ID, DEMO_COMPANY_ID)
        self.vault.save(saved.vault_key, SecretKind.PASSWORD, DEMO_PASSWORD)
        log.info("Demo mode: simulator at %s", self.simulator.url)
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.simulator.stop()
        self._folder.cleanup()
