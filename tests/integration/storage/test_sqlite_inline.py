"""SQLite on the loop's thread: waiting for another process's lock never stalls the loop."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from core.model import User
from storage.sqlite_inline import DRIVER
from storage.tables import metadata
from storage.uow import Database

NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


@pytest.fixture
async def sqlite_db(tmp_path: Path) -> AsyncIterator[tuple[Database, Path]]:
    path = tmp_path / "inline.sqlite3"
    database = Database(f"sqlite+aiosqlite:///{path}")
    async with database.engine.begin() as conn:
        await conn.run_sync(metadata.create_all)
    yield database, path
    await database.dispose()


def _lock_from_another_process(path: Path) -> sqlite3.Connection:
    """What the CLI or a separate scheduler does: hold the write lock for a while."""
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    other.execute(
        "INSERT INTO users (id, name, phone, script_chosen, language_code, reachable,"
        " echo_opt_out, created_at) VALUES (7, '', '', 0, '', 1, 0, '2026-11-20 09:00:00')"
    )
    return other


async def test_steps_use_the_inline_driver_and_reports_a_threaded_one(
    sqlite_db: tuple[Database, Path],
) -> None:
    database, _ = sqlite_db
    assert database.engine.dialect.driver == DRIVER
    assert database.reader_engine.dialect.driver == "aiosqlite"
    async with database.uow(read_only=True) as uow:
        assert uow.session is not None
        assert uow.session.get_bind().dialect.driver == "aiosqlite"


async def test_a_step_waits_for_another_writer_while_the_loop_keeps_running(
    sqlite_db: tuple[Database, Path],
) -> None:
    database, path = sqlite_db
    other = _lock_from_another_process(path)
    ticks = 0

    async def ticker() -> None:
        nonlocal ticks
        while True:
            ticks += 1
            await asyncio.sleep(0.005)

    async def write_user() -> None:
        async with database.uow() as uow:
            await uow.users.add(User(id=8, created_at=NOW, language_code="zh"))
            await uow.commit()

    running = asyncio.create_task(ticker())
    step = asyncio.create_task(write_user())
    await asyncio.sleep(0.2)
    assert not step.done(), "the step should wait for the other process's lock"
    assert ticks >= 10, "the loop should keep serving others while the step waits"
    other.execute("COMMIT")
    other.close()
    await asyncio.wait_for(step, timeout=5)
    running.cancel()
    async with database.engine.connect() as conn:
        ids = (await conn.execute(text("SELECT id FROM users ORDER BY id"))).scalars().all()
    assert ids == [7, 8]


async def test_a_lock_held_past_the_timeout_fails_the_step_and_writes_nothing(
    tmp_path: Path,
) -> None:
    path = tmp_path / "held.sqlite3"
    database = Database(f"sqlite+aiosqlite:///{path}", connect_args={"timeout": 0.2})
    async with database.engine.begin() as conn:
        await conn.run_sync(metadata.create_all)
    other = _lock_from_another_process(path)

    async def write_user() -> None:
        async with database.uow() as uow:
            await uow.users.add(User(id=8, created_at=NOW, language_code="zh"))
            await uow.commit()

    try:
        with pytest.raises(OperationalError, match="database is locked"):
            await write_user()
    finally:
        other.execute("ROLLBACK")
        other.close()
    async with database.engine.connect() as conn:
        count = (await conn.execute(text("SELECT count(*) FROM users"))).scalar_one()
    assert count == 0
    await database.dispose()


async def test_a_report_reads_while_a_step_holds_the_write_lock(
    sqlite_db: tuple[Database, Path],
) -> None:
    database, path = sqlite_db
    other = _lock_from_another_process(path)
    try:
        async with database.uow(read_only=True) as uow:
            assert await uow.users.get(7) is None  # WAL: the uncommitted row is not seen
    finally:
        other.execute("ROLLBACK")
        other.close()


async def test_an_in_memory_database_is_one_database_for_steps_and_reports() -> None:
    database = Database("sqlite+aiosqlite://")
    assert database.reader_engine is database.engine
    async with database.engine.begin() as conn:
        await conn.run_sync(metadata.create_all)
    async with database.uow() as uow:
        await uow.users.add(User(id=8, created_at=NOW, language_code="zh"))
        await uow.commit()
    async with database.uow(read_only=True) as uow:
        assert await uow.users.get(8) is not None
    await database.dispose()
