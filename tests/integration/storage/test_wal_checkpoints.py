"""SQLite's write-ahead log is checkpointed on a worker thread, never in a step's COMMIT."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import text

from storage.uow import Database

ROW = "烟" * 1500  # some 4.5 kB: a page or two of log per commit


async def _commit_rows(database: Database, count: int) -> None:
    async with database.engine.begin() as conn:
        await conn.execute(text("CREATE TABLE IF NOT EXISTS notes (body TEXT)"))
    for _ in range(count):
        async with database.engine.begin() as conn:
            await conn.execute(text("INSERT INTO notes (body) VALUES (:body)"), {"body": ROW})
        # A checkpoint started by that commit runs on a worker thread; on a loaded machine
        # the next commits could outrun it and grow the log anyway. Let it finish, so the
        # test measures what a checkpoint does, not how busy the machine is.
        assert database.wal is not None
        await database.wal.close()


def _log_size(database_file: Path) -> int:
    return os.path.getsize(f"{database_file}-wal")


async def _pragma(engine: Any, name: str) -> int:
    async with engine.connect() as conn:
        return int((await conn.exec_driver_sql(f"PRAGMA {name}")).scalar_one())


async def test_steps_never_checkpoint_and_reports_keep_the_default(tmp_path: Path) -> None:
    database = Database(f"sqlite+aiosqlite:///{tmp_path / 'wal.sqlite3'}")
    try:
        assert await _pragma(database.engine, "wal_autocheckpoint") == 0
        assert await _pragma(database.reader_engine, "wal_autocheckpoint") == 1000
    finally:
        await database.dispose()


async def test_checkpoints_on_the_threaded_engine_keep_the_log_small(
    tmp_path: Path,
) -> None:
    wal_bytes = {}
    for every in (20, 10_000):  # with checkpoints, and without any (the log only grows)
        path = tmp_path / f"every{every}.sqlite3"
        database = Database(f"sqlite+aiosqlite:///{path}")
        assert database.wal is not None
        database.wal.every = every
        try:
            await _commit_rows(database, 200)
            await database.wal.close()
            wal_bytes[every] = _log_size(path)
            if every == 20:
                assert database.wal.taken >= 5
            else:
                assert database.wal.taken == 0
        finally:
            await database.dispose()
    assert wal_bytes[20] * 3 < wal_bytes[10_000]
