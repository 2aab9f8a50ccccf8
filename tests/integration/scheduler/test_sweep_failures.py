"""One ticket the sweep cannot step neither blocks the others nor makes the sweep spin."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import update

from core.config import Config
from scheduler import sweep
from scheduler.sweep import RETRY_FAILED_AFTER
from storage.tables import tickets
from storage.uow import Database
from tests.integration.scheduler.clockwork import at, load, outbox_rows
from tests.support.tickets import new_ticket


async def test_a_broken_ticket_is_put_off_and_the_others_are_chased(
    db: Database, demo_config: Config
) -> None:
    filed = at("2026-11-18 02:00")
    made = [await new_ticket(db, demo_config, now=filed) for _ in range(3)]
    broken = made[1].id
    assert broken is not None
    async with db.engine.begin() as conn:  # its service line was removed from the config
        await conn.execute(
            update(tickets).where(tickets.c.id == broken).values(line="gone", priority="normal")
        )
    now = filed + timedelta(minutes=10)

    result = await sweep(db, demo_config, now)

    # Each chased 110 call: its team reminded (its chat, and its leader with nobody on
    # duty), its caller told the team is chased.
    assert (result.processed, result.failed, result.messages) == (2, 1, 6)
    assert sorted(row.ticket_id or 0 for row in await outbox_rows(db)) == sorted(
        t.id or 0 for t in made if t.id != broken for _ in ("team", "leader", "caller")
    )
    assert (await load(db, broken)).next_action_at == now + RETRY_FAILED_AFTER
    again = await sweep(db, demo_config, now + timedelta(seconds=30))
    assert (again.processed, again.failed) == (0, 0)
