"""Restarts, several senders, and the run loop: every row sent exactly once, none lost."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

from bot.outbox import OutboxSender, PtbTransport, RateLimiter, RateLimits, SenderSettings
from bot.outbox.clock import SystemClock
from core.config import Config
from storage.uow import Database
from tests.integration.outbox.conftest import Rig, message
from tests.support.tickets import T0


async def test_rows_leased_by_a_crashed_sender_are_sent_after_the_lease(rig: Rig) -> None:
    await rig.queue(*(message(60 + i, f"第{i}条") for i in range(3)))
    async with rig.db.uow() as uow:  # a sender claims, then dies before sending
        assert len(await uow.outbox.claim(T0, 10, lease_seconds=60)) == 3
        await uow.commit()

    assert await rig.sender.drain_once() == 0  # still leased: hands off
    rig.clock.advance(61)
    await rig.sender.drain_all()
    assert sorted(rig.api.texts()) == ["第0条", "第1条", "第2条"]
    assert all(r.status == "sent" for r in await rig.rows())


async def test_two_senders_at_once_send_each_row_exactly_once(
    rig: Rig, db: Database, demo_config: Config
) -> None:
    now = datetime.now(UTC)
    await rig.queue(*(message(1000 + i, f"#{i}", at=now) for i in range(80)))
    clock = SystemClock()
    # Two processes: two engines on the same database, each its own sender and limiter.
    second_db = Database(db.url)
    senders = [
        OutboxSender(
            database,
            demo_config,
            PtbTransport(rig.bot),
            clock=clock,
            rate_limiter=RateLimiter(clock, RateLimits(global_count=10_000)),
            settings=SenderSettings(batch_size=7),
        )
        for database in (db, second_db)
    ]

    claimed = [0, 0]

    async def drain(which: int, sender: OutboxSender) -> None:
        while True:
            if count := await sender.drain_once():
                claimed[which] += count
                continue
            async with db.uow(read_only=True) as uow:
                if await uow.outbox.pending_count() == 0:
                    return
            await asyncio.sleep(0.01)

    try:
        await asyncio.wait_for(asyncio.gather(*(drain(i, s) for i, s in enumerate(senders))), 20)
    finally:
        await second_db.dispose()
    assert min(claimed) > 0  # both really took part
    texts = rig.api.texts()
    assert sorted(texts) == sorted(f"#{i}" for i in range(80))  # each exactly once
    assert all(r.status == "sent" and r.attempts == 1 for r in await rig.rows())


async def test_run_sends_new_rows_and_stops_cleanly(rig: Rig) -> None:
    stop = asyncio.Event()
    task = asyncio.create_task(rig.sender.run(stop))
    await rig.queue(message(70, "甲"), message(71, "乙", priority=0))
    rig.sender.wake()
    await rig.api.wait_for(lambda c: c.method == "sendMessage" and c.ok, count=2, within=5)
    await rig.queue(message(70, "丙", at=rig.clock.now() + timedelta(seconds=30)))
    await rig.api.wait_for(lambda c: c.params.get("text") == "丙", within=5)
    stop.set()
    await asyncio.wait_for(task, 5)
    assert sorted(rig.api.texts()) == ["丙", "乙", "甲"]
