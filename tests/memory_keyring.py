"""An in-memory keyring backend: tests never touch the real OS vault.

Selected in-process by the autouse fixture in conftest.py, and in subprocesses through
``PYTHON_KEYRING_BACKEND=tests.memory_keyring.MemoryKeyring`` (with the repo on PYTHONPATH).
"""

from __future__ import annotations

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError


class MemoryKeyring(KeyringBackend):
    """Secrets in a dict, gone with the process."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        try:
            del self.store[(service, username)]
        except KeyError:
            raise PasswordDeleteError(f"no secret for {username!r} in {service!r}") from None
