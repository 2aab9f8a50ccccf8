"""Scratch PostgreSQL databases for tests and benchmarks: created, used, dropped."""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy.engine import make_url

PG_URL = os.environ.get("JINYE_TEST_PG_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test")


async def pg_admin(sql: str) -> None:
    """Run one statement (CREATE/DROP DATABASE) on the server's maintenance database."""
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


def database_url(name: str) -> str:
    """The URL of database `name` on the PG_URL server."""
    return make_url(PG_URL).set(database=name).render_as_string(hide_password=False)


def scratch_name(prefix: str = "jinye_scratch") -> str:
    return f"{prefix}_{uuid.uuid4().hex[:10]}"


@asynccontextmanager
async def scratch_database(prefix: str = "jinye_scratch") -> AsyncIterator[str]:
    """An empty database for the block; dropped afterwards even if the block failed."""
    name = scratch_name(prefix)
    await pg_admin(f'CREATE DATABASE "{name}"')
    try:
        yield database_url(name)
    finally:
        await pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
