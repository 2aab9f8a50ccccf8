"""Two steps that deadlock on PostgreSQL: the loser is told to run again, nothing is half-saved."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime

import pytest
from sqlalchemy import text

from core.errors import ConcurrentUpdate
from core.model import User
from storage.uow import Database, SqlUnitOfWork
from tests.conftest import _truncate

NOW = datetime(2026, 11, 21, 9, 0, tzinfo=UTC)
FIRST, SECOND = 8001, 8002


@pytest.fixture
async def pg_db(pg_url: str) -> AsyncIterator[Database]:
    database = Database(pg_url)
    await _truncate(database)
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
