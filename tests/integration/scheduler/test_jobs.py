"""The APScheduler jobs under a travelling clock: local fire times, a live run, a restart."""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import datetime
from pathlib import Path

import time_machine
from sqlalchemy import select

from core.config import Config
from scheduler.jobs import Jobs, Schedule
from storage.tables import outbox, ticket_events
from storage.uow import Database
from tests.integration.scheduler.clockwork import SHANGHAI, FakeWeekly, at, outbox_rows, seed_staff
from tests.support.tickets import new_ticket


def local(job_time: datetime | None) -> str:
    assert job_time is not None
    return job_time.astimezone(SHANGHAI).strftime("%a %m-%d %H:%M:%S")


async def test_the_jobs_fire_at_local_times(
    db: Database, demo_config: Config, tmp_path: Path
) -> None:
    jobs = Jobs(db, demo_config, weekly=FakeWeekly(tmp_path))
    with time_machine.travel(at("2026-11-22 23:00"), tick=False):  # Sunday night
        jobs.start()
        try:
            scheduler = jobs.scheduler
            assert local(scheduler.get_job("sla-sweep").next_run_time) == "Sun 11-22 23:00:00"
            assert local(scheduler.get_job("daily-digest").next_run_time) == "Mon 11-23 08:00:00"
            assert local(scheduler.get_job("weekly-report").next_run_time) == "Mon 11-23 08:30:00"
            assert local(scheduler.get_job("inbox-tidy").next_run_time) == "Sun 11-22 23:00:00"
            assert scheduler.get_job("digest-catch-up") is None
        finally:
            await jobs.stop()
    assert not jobs.scheduler.running


async def test_a_running_scheduler_sweeps_and_sends_the_digest(
    db: Database, demo_config: Config
) -> None:
    await seed_staff(db, demo_config, at("2026-11-18 07:00"))
    await new_ticket(db, demo_config, now=at("2026-11-18 07:40"))  # 110: team due 07:50
    woken: list[str] = []  # in the bot's process this wakes the outbox sender
    jobs = Jobs(
        db, demo_config, schedule=Schedule(sweep_every=0.25), on_queued=lambda: woken.append("!")
    )

    async def digests() -> list[str]:
        async with db.engine.connect() as conn:
            query = select(outbox.c.dedup_key).where(outbox.c.purpose == "digest")
            return list(await conn.scalars(query))

    # The clock runs at real speed from half a second before 08:00; a loaded machine may
    # take a while longer to run the 08:00 digest.
    with time_machine.travel(at("2026-11-18 07:59:59.5"), tick=True):
        jobs.start()
        try:
            await asyncio.sleep(1.2)
            for _ in range(100):
                if await digests():
                    break
                await asyncio.sleep(0.1)
        finally:
            await jobs.stop()
    async with db.engine.connect() as conn:
        actions = list(await conn.scalars(select(ticket_events.c.action)))
    assert actions[:3] == ["create", "dispatch", "remind"]
    assert "digest:2026-11-18:300001" in await digests()
    assert len(woken) >= 2  # after the sweep's reminder and after the digest


async def test_a_restart_after_the_hour_sends_what_was_missed_once(
    db: Database, demo_config: Config, tmp_path: Path
) -> None:
    await seed_staff(db, demo_config, at("2026-11-23 07:00"))
    source = FakeWeekly(tmp_path)
    for _ in range(2):  # down over 08:00 and 08:30 on Monday; started at 09:10, twice
        jobs = Jobs(db, demo_config, weekly=source)
        with time_machine.travel(at("2026-11-23 09:10"), tick=False):
            jobs.start()
            try:
                for _ in range(40):  # until both catch-up runs are over
                    await asyncio.sleep(0.05)
                    pending = [
                        jobs.scheduler.get_job(f"{n}-catch-up") for n in ("digest", "weekly")
                    ]
                    if pending == [None, None] and not jobs.busy:
                        break
            finally:
                await jobs.stop()
    purposes = Counter(row.purpose for row in await outbox_rows(db))
    # The supervisor's digest (no leader has open tickets), the report's text and chart,
    # and the echo wall's tally: once each.
    assert purposes == {"digest": 1, "report": 2, "echo": 1}
    assert len(source.calls) == 2  # built twice, sent once


async def test_stopping_lets_a_run_that_begins_while_another_is_awaited_finish(
    db: Database, demo_config: Config
) -> None:
    jobs = Jobs(db, demo_config)
    first_began, first_may_end = asyncio.Event(), asyncio.Event()
    finished: list[str] = []

    async def first() -> None:
        first_began.set()
        await first_may_end.wait()
        finished.append("first")

    async def second() -> None:
        first_may_end.set()
        await asyncio.sleep(0.05)  # still inside its transaction when the first one ends
        finished.append("second")

    jobs.add("first", first)
    jobs.scheduler.start()
    await first_began.wait()
    jobs.add("second", second)
    await asyncio.sleep(0)  # the scheduler hands the second run out; it has not begun
    await jobs.stop()
    assert finished == ["first", "second"]
