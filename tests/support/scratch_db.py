"""Scratch PostgreSQL databases for tests and benchmarks: created, used, dropped."""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy import delete, text
from sqlalchemy.engine import make_url

from storage import tables
from storage.uow import Database

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


_SEQUENCES = "SELECT quote_ident(schemaname) || '.' || quote_ident(sequencename) FROM pg_sequences"


async def empty_tables(db: Database) -> None:
    """Empty every table, ids starting again at 1, as on a fresh database. On PostgreSQL
    DELETE and a restart of each sequence, in one round trip: TRUNCATE, which swaps every
    table's files, costs some 25 times as much on tables this small."""
    ordered = list(reversed(tables.metadata.sorted_tables))
    async with db.engine.begin() as conn:
        if db.engine.dialect.name == "postgresql":
            found = await conn.execute(text(_SEQUENCES))
            script = "".join(f'DELETE FROM "{table.name}";' for table in ordered)
            script += "".join(f"ALTER SEQUENCE {name} RESTART;" for (name,) in found)
            driver = (await conn.get_raw_connection()).driver_connection
            assert driver is not None
            await driver.execute(script)  # asyncpg: several statements in one round trip
            return
        for table in ordered:
            await conn.execute(delete(table))
        exists = await conn.execute(
            text("SELECT name FROM sqlite_master WHERE name = 'sqlite_sequence'")
        )
        if exists.first() is not None:
            await conn.execute(text("DELETE FROM sqlite_sequence"))
