"""Shared by the CRM.COM tests: a clock the test moves by hand (no sleeping)."""

from __future__ import annotations

T0 = 1_800_000_000.0


class FakeClock:
    """Returns ``now``; tests advance it by assigning."""

    def __init__(self, now: float = T0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now
