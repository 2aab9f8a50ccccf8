"""Shared fixtures: the demo config and a real database on SQLite and on PostgreSQL.

Every test that asks for `db` runs twice, once per backend. PostgreSQL comes from
JINYE_TEST_PG_URL (default: the local server); when it is unreachable the PostgreSQL runs
are skipped, except under CI=true where that is a failure.
"""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import AsyncIterator, Coroutine, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from bot.config_loader import load_config
from core.config import Config
from storage.tables import metadata
from storage.uow import Database

ROOT = Path(__file__).resolve().parent.parent
DEMO_CONFIG = ROOT / "config" / "demo.yaml"
PG_URL = os.environ.get("JINYE_TEST_PG_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test")
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


@pytest.fixture(scope="session")
def demo_config() -> Config:
    return load_config(DEMO_CONFIG)


def _run_outside_loop(coro: Coroutine[object, object, None]) -> None:
    """Run a coroutine to completion even when called from inside pytest-asyncio's loop."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(asyncio.run, coro).result()


async def _pg_admin(sql: str) -> None:
    import asyncpg

    url = make_url(PG_URL)
    conn = await asyncpg.connect(
        host=url.host,
        port=url.port or 5432,
        user=url.username,
        password=url.password,
        database=url.database,
        timeout=5,
    )
    try:
        await conn.execute(sql)
    finally:
        await conn.close()


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    """A private PostgreSQL database for this test session, with the schema created."""
    name = f"jinye_test_{uuid.uuid4().hex[:10]}"
    try:
        _run_outside_loop(_pg_admin(f'CREATE DATABASE "{name}"'))
    except Exception as exc:
        message = f"PostgreSQL not reachable at {PG_URL}: {exc!r}"
        if IN_CI:
            pytest.fail(message + " (CI=true: PostgreSQL is required)")
        pytest.skip(message)
    url = make_url(PG_URL).set(database=name).render_as_string(hide_password=False)

    async def create_schema() -> None:
        database = Database(url)
        async with database.engine.begin() as conn:
            await conn.run_sync(metadata.create_all)
        await database.dispose()

    _run_outside_loop(create_schema())
    yield url
    _run_outside_loop(_pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


async def _truncate(database: Database) -> None:
    names = ", ".join(f'"{t.name}"' for t in metadata.sorted_tables)
    async with database.engine.begin() as conn:
        await conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))


@pytest.fixture(params=["sqlite", "postgresql"])
async def db(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Database]:
    """An empty database with the current schema, on each backend."""
    if request.param == "sqlite":
        database = Database(f"sqlite+aiosqlite:///{tmp_path / 'test.sqlite3'}")
        async with database.engine.begin() as conn:
            await conn.run_sync(metadata.create_all)
    else:
        database = Database(request.getfixturevalue("pg_url"))
        await _truncate(database)
    try:
        yield database
    finally:
        await database.dispose()
