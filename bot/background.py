"""Work the bot process does besides answering: draining the outbox and, unless the
scheduler runs as its own process, the scheduler's jobs (SLA sweep, digest, weekly report,
echo wall).
Started after the bot connects, stopped before it disconnects."""

from __future__ import annotations

import asyncio
import logging

from bot.bootstrap import App
from bot.outbox import OutboxSender, RateLimiter, RateLimits, SystemClock, Transport
from bot.scheduler_wiring import build_jobs

log = logging.getLogger(__name__)


class Background:
    def __init__(self, app: App, transport: Transport, *, scheduler: bool = True) -> None:
        clock = SystemClock()
        # Replies to the current sender go out directly, outside the sender's budget: keep
        # some of Telegram's 30 messages a second for them.
        self.sender = OutboxSender(
            app.db,
            app.cfg,
            transport,
            rate_limiter=RateLimiter(clock, RateLimits(global_count=25)),
            clock=clock,
        )
        self.app = app
        self.jobs = build_jobs(app.db, app.cfg, on_queued=self.wake) if scheduler else None
        self._stop = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        self._stop.clear()
        self._task = asyncio.create_task(self.sender.run(self._stop), name="outbox-sender")
        if self.jobs is not None:
            self.jobs.start()

    def wake(self) -> None:
        """New rows were committed in this process: send them without waiting for a poll."""
        self.sender.wake()

    async def close(self) -> None:
        if self.jobs is not None:
            await self.jobs.stop()  # a sweep in progress finishes its transaction first
        if self._task is None:
            return
        self._stop.set()
        self.sender.wake()
        try:
            await self._task
        except Exception:
            log.exception("outbox sender ended with an error")
        self._task = None
