"""Two schedulers on one database send every alert exactly once.

On PostgreSQL the sweeps really overlap (each locks its batch FOR UPDATE SKIP LOCKED and
the other takes the next tickets); on SQLite BEGIN IMMEDIATE makes them take turns. The
outbox dedup key is the second guard, shown by replaying a step on a restored ticket.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
from collections import Counter
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from core.config import Config
from scheduler import sweep
from storage.tables import outbox, ticket_events, tickets
from storage.uow import Database
from tests.conftest import DEMO_CONFIG
from tests.integration.scheduler.clockwork import (
    CURING_CHAT,
    CURING_LEADER,
    SUPERVISOR,
    at,
    next_due,
    outbox_rows,
    seed_staff,
)
from tests.support.tickets import new_ticket

ROOT = Path(__file__).resolve().parents[3]


async def _count(db: Database, query: object) -> int:
    async with db.engine.connect() as conn:
        return int(await conn.scalar(query))  # type: ignore[call-overload]


async def test_two_sweeps_through_a_ladder_never_double_an_alert(
    db: Database, demo_config: Config
) -> None:
    filed = at("2026-11-18 02:00")
    await seed_staff(db, demo_config, filed)
    for _ in range(30):  # 110 calls: team at 02:10, leader 02:20, supervisors 02:40, 03:10
        await new_ticket(db, demo_config, now=filed)
    other = Database(db.url)  # a second scheduler: its own engine and connections
    try:
        totals: Counter[str] = Counter()
        shared: list[tuple[int, int]] = []
        while (now := await next_due(db)) is not None and now <= at("2026-11-18 03:15"):
            first, second = await asyncio.gather(
                sweep(db, demo_config, now, batch=4), sweep(other, demo_config, now, batch=4)
            )
            shared.append((first.processed, second.processed))
            totals.update(first.kinds)
            totals.update(second.kinds)
    finally:
        await other.dispose()

    if not db.is_sqlite:
        # The sweeps overlapped: each skipped the tickets the other had locked.
        assert any(a and b for a, b in shared)
    steps = {"remind_team": 30, "alert_leader": 30, "alert_supervisors": 60}
    assert dict(totals) == steps
    everything = await outbox_rows(db)
    assert len({row.dedup_key for row in everything}) == len(everything)
    rows = [row for row in everything if row.purpose != "notify"]
    # One recipient per step, but the team's reminder: nobody is on duty, so it reaches
    # the team's chat and its leader.
    assert len(rows) == 150
    per_ticket = Counter(row.ticket_id for row in rows)
    assert set(per_ticket.values()) == {5}
    # Each caller is told once that the team is chased, however the sweeps shared the steps.
    callers = Counter(row.ticket_id for row in everything if row.purpose == "notify")
    assert len(callers) == 30 and set(callers.values()) == {1}
    events = select(func.count()).where(ticket_events.c.action.in_(["remind", "escalate"]))
    assert await _count(db, events) == 120


async def test_a_replayed_step_is_stopped_by_the_dedup_key(
    db: Database, demo_config: Config
) -> None:
    filed = at("2026-11-18 02:00")
    ticket = await new_ticket(db, demo_config, now=filed)
    due = ticket.next_action_at
    assert due is not None
    await sweep(db, demo_config, due)
    # Something goes wrong: the ticket comes back as it was before the step (a restored
    # backup, a lost lock). The step is taken again, but nobody hears of it twice.
    async with db.engine.begin() as conn:
        await conn.execute(
            update(tickets).values(
                escalation_step=0, next_action_at=due, version=tickets.c.version + 1
            )
        )
    again = await sweep(db, demo_config, due + timedelta(seconds=30))
    assert again.kinds == Counter({"remind_team": 1})
    assert again.messages == 0
    # The team's reminder (its chat and, nobody on duty, its leader) and the caller's word
    # that the team is chased, once each.
    assert await _count(db, select(func.count()).select_from(outbox)) == 3


# `jinye110 scheduler` with only its own command registered: the full CLI imports every
# command's module (charts, handlers), seconds of start-up that test nothing here.
LAUNCH = """
import argparse, sys
from bot import cli_scheduler
parser = argparse.ArgumentParser(prog="jinye110")
cli_scheduler.register(parser.add_subparsers())
args = parser.parse_args(sys.argv[1:])
sys.exit(args.func(args))
"""


async def test_two_scheduler_processes_on_postgresql(db: Database, demo_config: Config) -> None:
    """`jinye110 scheduler --once` twice at the same moment, as two OS processes."""
    if db.is_sqlite:
        pytest.skip("SQLite serialises writers; the in-process test above covers it")
    filed = datetime.now(UTC) - timedelta(hours=1)  # the processes use the real clock
    await seed_staff(db, demo_config, filed)
    for _ in range(40):  # an hour after a 110 call the fast ladder is at the supervisors
        await new_ticket(db, demo_config, now=filed)
    env = {
        **os.environ,
        "JINYE_DATABASE_URL": db.url,
        "JINYE_CONFIG": str(DEMO_CONFIG),
        "JINYE_LOG_LEVEL": "WARNING",
    }
    command = ["-c", LAUNCH, "scheduler", "--once", "--no-migrate", "--batch", "5"]
    procs = [
        await asyncio.create_subprocess_exec(
            sys.executable, *command, cwd=ROOT, env=env, stdout=asyncio.subprocess.PIPE
        )
        for _ in range(2)
    ]
    outputs = [json.loads((await asyncio.wait_for(p.communicate(), timeout=60))[0]) for p in procs]
    assert [p.returncode for p in procs] == [0, 0]
    assert sum(out["processed"] for out in outputs) == 40
    assert sum(out["kinds"].get("alert_supervisors", 0) for out in outputs) == 40
    rows = await outbox_rows(db)
    alerts = [row for row in rows if row.purpose != "notify"]
    callers = [row for row in rows if row.purpose == "notify"]
    # Each call caught up to the supervisors: its team, its leader and the supervisors,
    # each told once by one of the two processes, and each caller told once, too.
    assert len(callers) == 40
    assert Counter(row.ticket_id for row in alerts) == {t: 3 for t in {r.ticket_id for r in rows}}
    assert {row.chat_id for row in alerts} == {CURING_CHAT, CURING_LEADER, SUPERVISOR}
    assert Counter((row.ticket_id, row.chat_id) for row in alerts).most_common(1)[0][1] == 1
    assert Counter(row.ticket_id for row in callers).most_common(1)[0][1] == 1
