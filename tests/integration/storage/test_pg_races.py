"""Races on PostgreSQL: a deadlock's loser is told to run again with nothing half-saved, and
the sweep does not skip a due ticket that a step is adding a row to."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import insert, text

from core.config import Config
from core.enums import Role
from core.errors import ConcurrentUpdate
from core.model import User
from storage.tables import ticket_events
from storage.uow import Database, SqlUnitOfWork
from tests.support.scratch_db import empty_tables
from tests.support.tickets import new_ticket

NOW = datetime(2026, 11, 21, 9, 0, tzinfo=UTC)
FIRST, SECOND = 8001, 8002


@pytest.fixture
async def pg_db(pg_url: str) -> AsyncIterator[Database]:
    database = Database(pg_url)
    await empty_tables(database)
    async with database.uow() as uow:
        for person in (FIRST, SECOND):
            await uow.users.add(User(id=person, created_at=NOW, name="旧名"))
        await uow.commit()
    yield database
    await database.dispose()


async def _rename(uow: SqlUnitOfWork, person: int, name: str) -> None:
    assert uow.session is not None
    await uow.session.execute(
        text("UPDATE users SET name = :name WHERE id = :id"), {"name": name, "id": person}
    )


async def test_the_deadlocked_step_raises_concurrent_update_and_writes_nothing(
    pg_db: Database,
) -> None:
    both_hold_one = asyncio.Barrier(2)

    async def step(first: int, then: int, name: str) -> str:
        async with pg_db.uow() as uow:
            await _rename(uow, first, name)
            await both_hold_one.wait()
            await _rename(uow, then, name)  # each now waits for the other's row: deadlock
            await uow.commit()
        return name

    results = await asyncio.gather(
        step(FIRST, SECOND, "甲"), step(SECOND, FIRST, "乙"), return_exceptions=True
    )
    won = [r for r in results if isinstance(r, str)]
    lost = [r for r in results if isinstance(r, BaseException)]
    assert len(won) == 1 and len(lost) == 1
    assert isinstance(lost[0], ConcurrentUpdate)
    async with pg_db.uow(read_only=True) as uow:
        names = {(await uow.users.get(p)).name for p in (FIRST, SECOND)}  # type: ignore[union-attr]
    assert names == set(won)  # the winner renamed both; the loser's first write is gone


async def test_a_due_ticket_is_not_skipped_while_a_step_adds_to_it(
    pg_db: Database, demo_config: Config
) -> None:
    ticket = await new_ticket(pg_db, demo_config, NOW)
    later = NOW + timedelta(days=2)  # long past every deadline
    async with pg_db.uow() as step:
        assert step.session is not None
        # What the outbox recorder or a step does: a row that points at the ticket, which
        # holds a KEY SHARE lock on the ticket until the step commits.
        await step.session.execute(
            insert(ticket_events).values(
                ticket_id=ticket.id, at=later, action="note", actor_role=Role.SUPERVISOR
            )
        )
        async with pg_db.uow() as sweep:
            due = await sweep.tickets.due(later, 10)
        assert [t.id for t in due] == [ticket.id]
