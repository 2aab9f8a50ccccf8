"""Alembic builds the same schema as the models, from an empty database, on both backends."""

from __future__ import annotations

import asyncio
import uuid
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection

from storage.migrate import upgrade
from storage.tables import metadata
from storage.uow import Database
from tests.conftest import _run_outside_loop
from tests.support.scratch_db import pg_admin


def _diff(connection: Connection) -> list[object]:
    context = MigrationContext.configure(connection, opts={"compare_type": False})
    return list(compare_metadata(context, metadata))


async def _assert_migrated_schema_matches(url: str) -> None:
    await asyncio.to_thread(upgrade, url)
    database = Database(url)
    try:
        async with database.engine.connect() as conn:
            assert await conn.run_sync(_diff) == []
    finally:
        await database.dispose()


async def test_migrations_match_models_on_sqlite(tmp_path: Path) -> None:
    await _assert_migrated_schema_matches(f"sqlite+aiosqlite:///{tmp_path / 'm.sqlite3'}")


async def test_migrations_match_models_on_postgresql(pg_url: str) -> None:
    name = f"jinye_migrate_{uuid.uuid4().hex[:8]}"
    _run_outside_loop(pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    _run_outside_loop(pg_admin(f'CREATE DATABASE "{name}"'))
    try:
        await _assert_migrated_schema_matches(pg_url.rsplit("/", 1)[0] + f"/{name}")
    finally:
        _run_outside_loop(pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.mark.parametrize("revision", ["head"])
async def test_upgrade_twice_is_harmless(tmp_path: Path, revision: str) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'twice.sqlite3'}"
    await asyncio.to_thread(upgrade, url, revision)
    await asyncio.to_thread(upgrade, url, revision)
