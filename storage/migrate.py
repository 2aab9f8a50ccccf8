"""Run Alembic migrations programmatically (used by `jinye110 db upgrade` and the tests)."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from alembic import command
from alembic.config import Config as AlembicConfig
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, inspect

from storage.engine import create_engine
from storage.tables import metadata

T = TypeVar("T")
MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config(url: str) -> AlembicConfig:
    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["database_url"] = url
    return cfg


def upgrade(url: str, revision: str = "head") -> None:
    """Migrate the database at `url` (blocking; call from a thread inside an event loop)."""
    command.upgrade(alembic_config(url), revision)


def _read(url: str, read: Callable[[Connection], T], **engine_kwargs: Any) -> T:
    """`read` on one connection of a short-lived engine (blocking)."""

    async def connect() -> T:
        engine = create_engine(url, **engine_kwargs)
        try:
            async with engine.connect() as conn:
                return await conn.run_sync(read)
        finally:
            await engine.dispose()

    return asyncio.run(connect())


def current(url: str) -> str | None:
    return _read(url, _current_revision)


def _current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config("")).get_current_head()


@dataclass(frozen=True, slots=True)
class SchemaState:
    """What a database holds of the schema the code needs."""

    missing_tables: tuple[str, ...]
    revision: str | None  # None: no Alembic stamp (an empty database, or one made by create_all)
    head: str | None

    @property
    def current(self) -> bool:
        return not self.missing_tables and self.revision in (None, self.head)


def schema_state(url: str, **engine_kwargs: Any) -> SchemaState:
    """Connect to `url` and compare its tables and revision with the code's (blocking)."""

    def read(connection: Connection) -> SchemaState:
        present = set(inspect(connection).get_table_names())
        missing = tuple(sorted(set(metadata.tables) - present))
        return SchemaState(missing, _current_revision(connection), head_revision())

    return _read(url, read, **engine_kwargs)
