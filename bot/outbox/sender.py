"""The outbox sender: drains the outbox table to Telegram, urgent first, within the limits.

Each round claims a batch of due rows (urgent first, then in the order they were written;
`FOR UPDATE SKIP LOCKED` plus a lease, so several bot processes never take the same row,
and a crashed process's rows come back when its lease ends). A row waits while an earlier
one about the same ticket to the same chat is pending, even one waiting to be retried
(`storage.outbox_lines`). Rows are then started in the claimed order, at most one per chat
per round, each when the global window allows.

Urgent first, precisely: a row whose chat is still inside its own window (one a second for
a person, 20 a minute for a group) is given back, due when that chat is free, and less
urgent rows to other chats may use the global capacity meanwhile; a row that only waits for
its chat's previous row of this round holds back every less urgent row until the next
round. So an urgent row that Telegram's limits allow is always sent before any normal row.
"""

from __future__ import annotations

import asyncio
import logging
import random
from datetime import datetime, timedelta

from bot.outbox.clock import Clock, SystemClock
from bot.outbox.delivery import Delivery, SenderSettings
from bot.outbox.ratelimit import RateLimiter
from bot.outbox.transport import Transport
from core.config import Config
from core.model import OutboxMessage
from storage.outbox_queries import OutboxQueries
from storage.uow import Database

log = logging.getLogger(__name__)

_MIN_IDLE = 0.05  # seconds; a floor on waiting so a busy database is not hammered


class OutboxSender:
    """Construct once per process; `await run(stop)` until `stop` is set."""

    def __init__(
        self,
        db: Database,
        cfg: Config,
        transport: Transport,
        *,
        clock: Clock | None = None,
        rate_limiter: RateLimiter | None = None,
        settings: SenderSettings | None = None,
        rng: random.Random | None = None,
    ) -> None:
        self.db = db
        self.clock = clock or SystemClock()
        self.limiter = rate_limiter or RateLimiter(self.clock)
        self.settings = settings or SenderSettings()
        self.delivery = Delivery(
            db, cfg, transport, self.clock, self.limiter, self.settings, rng or random.Random()
        )
        self._wake = asyncio.Event()
        self._stop: asyncio.Event | None = None

    def wake(self) -> None:
        """Look at the outbox now (call after committing new rows in this process)."""
        self._wake.set()

    async def drain_once(self) -> int:
        """Claim one batch, send what the limits allow, give back the rest; rows claimed."""
        now = self.clock.now()
        async with self.delivery.write() as uow:
            rows = list(
                await uow.outbox.claim(now, self.settings.batch_size, self.settings.lease_seconds)
            )
            await uow.commit()
        if not rows:
            return 0
        give_back: list[tuple[int, datetime]] = []
        try:
            await self._dispatch(rows, give_back)
        finally:
            # Even when dispatching failed halfway, hand back what was never started.
            async with self.delivery.write() as uow:
                await OutboxQueries.on(uow).release(give_back)
                await uow.commit()
        return len(rows)

    async def _dispatch(
        self, rows: list[OutboxMessage], give_back: list[tuple[int, datetime]]
    ) -> None:
        in_flight = asyncio.Semaphore(self.settings.max_in_flight)
        chats: set[int] = set()
        started = 0
        # Stop starting rows well before the lease ends, or another sender could take
        # them over while this one is still sending (slow Telegram, long timeouts).
        deadline = self.clock.monotonic() + self.settings.lease_seconds / 2

        async def deliver(row: OutboxMessage) -> None:
            try:
                await self.delivery.deliver(row)
            finally:
                in_flight.release()

        async with asyncio.TaskGroup() as group:
            held: int | None = None  # a priority with a row waiting for the next round
            for row in rows:  # claimed in order: priority, then age
                assert row.id is not None
                paused = self.limiter.global_pause()
                if self._stopping or paused > 0 or self.clock.monotonic() > deadline:
                    give_back.append((row.id, self._later(row, paused)))
                elif held is not None and row.priority > held:
                    # A more urgent row could go next round; nothing less urgent jumps it.
                    give_back.append((row.id, row.not_before))
                elif row.chat_id in chats:
                    # One row per chat per round keeps each chat's messages in order.
                    give_back.append((row.id, row.not_before))
                    held = row.priority if held is None else min(held, row.priority)
                elif (wait := self.limiter.chat_delay(row.chat_id)) > 0:
                    give_back.append((row.id, self._later(row, wait)))
                else:
                    await in_flight.acquire()
                    if not await self._take_slot(row.chat_id):
                        in_flight.release()
                        give_back.append((row.id, self._later(row, self.limiter.global_pause())))
                        continue
                    chats.add(row.chat_id)
                    group.create_task(deliver(row))
                    started += 1
        log.debug("round: %d claimed, %d started", len(rows), started)

    async def _take_slot(self, chat_id: int) -> bool:
        """Wait for the global window and count a send; False if a global pause began."""
        while True:
            if self.limiter.global_pause() > 0:
                return False  # do not sit on leased rows through a flood pause
            wait = self.limiter.delay(chat_id)
            if wait <= 0:
                self.limiter.record(chat_id)
                return True
            await self.clock.sleep(wait)

    def _later(self, row: OutboxMessage, seconds: float) -> datetime:
        return max(row.not_before, self.clock.now() + timedelta(seconds=seconds))

    @property
    def _stopping(self) -> bool:
        return self._stop is not None and self._stop.is_set()

    async def next_due(self) -> datetime | None:
        """When the earliest pending row can next be claimed; None when nothing is pending."""
        async with self.db.uow(read_only=True) as uow:
            return await OutboxQueries.on(uow).earliest_due(self.clock.now())

    async def run(self, stop: asyncio.Event) -> None:
        """Drain until `stop` is set; the round in progress finishes, the rest is given back."""
        self._stop = stop
        failures = 0
        while not stop.is_set():
            self._wake.clear()  # rows committed from now on wake the next idle wait
            try:
                claimed = await self.drain_once()
                failures = 0
            except Exception:
                failures += 1
                # The database is down or refusing: wait a little longer each time, up to
                # about half a minute, and never give up.
                delay = self.delivery.backoff(min(failures, 4))
                log.exception("outbox round failed (%d in a row); again in %.1fs", failures, delay)
                await self._idle(stop, delay)
                continue
            if not claimed:
                await self._idle(stop, await self._idle_seconds())
        log.info("outbox sender stopped")

    async def _idle_seconds(self) -> float:
        due = await self.next_due()
        if due is None:
            return self.settings.poll_interval
        wait = (due - self.clock.now()).total_seconds()
        return min(self.settings.poll_interval, max(_MIN_IDLE, wait))

    async def _idle(self, stop: asyncio.Event, seconds: float) -> None:
        waiters = [
            asyncio.ensure_future(self.clock.sleep(seconds)),
            asyncio.ensure_future(stop.wait()),
            asyncio.ensure_future(self._wake.wait()),
        ]
        try:
            await asyncio.wait(waiters, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for waiter in waiters:
                waiter.cancel()

    async def drain_all(self, *, max_seconds: float = 24 * 3600) -> int:
        """Send everything now pending, sleeping (on the clock) until each row is due.

        For tests, benchmarks and a one-off flush; stops early when `max_seconds` of clock
        time would pass. Returns the rows claimed over all rounds (a row given back and
        claimed again counts again).
        """
        started, handled = self.clock.monotonic(), 0
        while True:
            claimed = await self.drain_once()
            handled += claimed
            if claimed:
                continue
            due = await self.next_due()
            if due is None:
                return handled
            wait = max(_MIN_IDLE, (due - self.clock.now()).total_seconds())
            if self.clock.monotonic() - started + wait > max_seconds:
                log.warning("drain_all gives up with rows pending at %s", due)
                return handled
            await self.clock.sleep(wait)
