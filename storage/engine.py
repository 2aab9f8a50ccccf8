"""Engines for SQLite and PostgreSQL with the settings each needs.

SQLite runs in WAL mode, and write transactions start with BEGIN IMMEDIATE so two writers
queue up instead of failing halfway through a step. The bot's steps run SQLite on the event
loop's thread (`storage.sqlite_inline`), which waits for locks without blocking the loop;
`threaded=True` gives an aiosqlite engine instead, for long read-only work.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, async_sessionmaker, create_async_engine

from storage import sqlite_inline
from storage.tables import map_domain

SQLITE_BUSY_TIMEOUT_S = 30
READ_ONLY = "jinye_read_only"


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def is_sqlite_file(url: str) -> bool:
    """SQLite in a file, which several engines can share (an in-memory one cannot)."""
    parsed = make_url(url)
    memory = parsed.database in (None, "", ":memory:") or parsed.query.get("mode") == "memory"
    return is_sqlite(url) and not memory


def create_engine(url: str, *, threaded: bool = False, **kwargs: Any) -> AsyncEngine:
    """An async engine for `url` (sqlite+aiosqlite:/// or postgresql+asyncpg://).

    SQLite's driver is always ours to choose: plain sqlite:/// names the file just as well,
    and a sync driver there would fail only at the first query.
    """
    map_domain()
    if is_sqlite(url):
        driver = "aiosqlite" if threaded else sqlite_inline.DRIVER
        parsed = make_url(url).set(drivername=f"sqlite+{driver}")
        connect_args = {"timeout": SQLITE_BUSY_TIMEOUT_S, **kwargs.pop("connect_args", {})}
        engine = create_async_engine(parsed, connect_args=connect_args, **kwargs)
        # The inline driver waits for locks itself, between turns of the event loop.
        _configure_sqlite(engine, busy_timeout_s=SQLITE_BUSY_TIMEOUT_S if threaded else 0)
        return engine
    # A ping per checkout costs a round trip a step, but spares every caller (the outbox
    # recorder, the digest job) from failing once after a server restart.
    kwargs.setdefault("pool_pre_ping", True)
    return create_async_engine(url, **kwargs)


def _configure_sqlite(engine: AsyncEngine, *, busy_timeout_s: int) -> None:
    @event.listens_for(engine.sync_engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the driver, decide when transactions begin.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={busy_timeout_s * 1000}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _on_begin(connection: Any) -> None:
        if connection.get_execution_options().get(READ_ONLY):
            connection.exec_driver_sql("BEGIN")
        else:
            connection.exec_driver_sql("BEGIN IMMEDIATE")


def session_factory(engine: AsyncEngine) -> async_sessionmaker[Any]:
    return async_sessionmaker(engine, expire_on_commit=False, autoflush=True)
