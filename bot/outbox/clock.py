"""Clocks for the outbox sender: the real one, and a simulated one for tests and benchmarks.

The sender never reads the time or sleeps on its own; it asks its clock. With the simulated
clock a storm of thousands of messages at Telegram's rate limits drains in milliseconds of
wall time while every timestamp stays exactly what it would have been.
"""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """The aware UTC wall time (stored in the database)."""

    def monotonic(self) -> float:
        """Seconds on a clock that never goes back (used for rate windows)."""

    async def sleep(self, seconds: float) -> None: ...


class SystemClock:
    """The real time."""

    def now(self) -> datetime:
        return datetime.now(UTC)

    def monotonic(self) -> float:
        return time.monotonic()

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(max(0.0, seconds))


class ShiftedClock(SystemClock):
    """The real time moved forward by `offset` (the console demo's fast-forward)."""

    def __init__(self) -> None:
        self.offset = timedelta(0)

    def now(self) -> datetime:
        return datetime.now(UTC) + self.offset

    def __call__(self) -> datetime:
        return self.now()


class SimulatedClock:
    """Time that moves only when someone sleeps.

    A sleep moves the clock to at least `start + seconds` and returns at once. Several
    concurrent sleepers therefore share the jump (time advances to the latest target, not
    the sum): a sleeper may wake late but never early, which is the safe direction for a
    rate limiter that re-checks after every sleep.
    """

    def __init__(self, start: datetime | None = None) -> None:
        self.start = start or datetime(2026, 1, 1, tzinfo=UTC)
        self._elapsed = 0.0
        self.sleeps = 0

    def now(self) -> datetime:
        return self.start + timedelta(seconds=self._elapsed)

    def monotonic(self) -> float:
        return self._elapsed

    def advance(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("time does not go back")
        self._elapsed += seconds

    async def sleep(self, seconds: float) -> None:
        self.sleeps += 1
        target = self._elapsed + max(0.0, seconds)
        # Let other tasks run first, as a real sleep would.
        await asyncio.sleep(0)
        self._elapsed = max(self._elapsed, target)
