"""SQLite on the event loop's own thread, for the short transactions of the bot's steps.

aiosqlite runs every call on a worker thread and wakes the event loop for each result: a
primary-key SELECT costs three thread hops and some 0.4 ms, against 10 µs for `sqlite3` in
the calling thread. A desk step is a handful of such statements, so the hops were most of
its time. This driver calls `sqlite3` directly instead. Statements of a step take
microseconds, so running them inline does not hold up other work in the process. (A step
that awaited something slow inside its transaction would hold the write lock meanwhile,
so reports are built after their step commits.)
The write-ahead log's checkpoints, which copy it into the database file with an fsync,
are taken off this thread (`storage.wal`).

What could hold it up is waiting for a lock held by another process (the CLI, a separate
scheduler). So the connection's busy timeout is zero, and a statement refused with
SQLITE_BUSY is retried with `asyncio.sleep` between tries, up to `SQLITE_BUSY_TIMEOUT_S`:
the loop keeps serving everyone else meanwhile. Long read-only work (reports, exports)
goes to a threaded aiosqlite engine instead (see `storage.uow.Database`).

SQLAlchemy's aiosqlite dialect adapts this connection: it has the same awaitable surface
as an `aiosqlite.Connection`.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from sqlalchemy.dialects import registry
from sqlalchemy.dialects.sqlite.aiosqlite import (
    AsyncAdapt_aiosqlite_connection,
    AsyncAdapt_aiosqlite_dbapi,
    SQLiteDialect_aiosqlite,
)

DRIVER = "jinye_inline"
SQLITE_BUSY = 5
SQLITE_BUSY_SNAPSHOT = 517  # a read snapshot went stale: waiting cannot cure it
_FIRST_WAIT_S, _LONGEST_WAIT_S = 0.001, 0.05


def _is_busy(error: sqlite3.OperationalError) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    return code is not None and code & 0xFF == SQLITE_BUSY and code != SQLITE_BUSY_SNAPSHOT


async def _patiently(call: Callable[[], Any], timeout_s: float) -> Any:
    """Run `call`; while SQLite answers "busy", let the loop run and try again."""
    loop = asyncio.get_running_loop()
    deadline, wait = loop.time() + timeout_s, _FIRST_WAIT_S
    while True:
        try:
            return call()
        except sqlite3.OperationalError as error:
            if not _is_busy(error) or loop.time() + wait > deadline:
                raise
        await asyncio.sleep(wait)
        wait = min(wait * 2, _LONGEST_WAIT_S)


class InlineCursor:
    """An `aiosqlite.Cursor` look-alike whose coroutines finish without suspending."""

    def __init__(self, cursor: sqlite3.Cursor, timeout_s: float) -> None:
        self._cursor = cursor
        self._timeout_s = timeout_s

    async def __aenter__(self) -> InlineCursor:
        return self

    async def __aexit__(self, *_: object) -> None:
        self._cursor.close()

    @property
    def description(self) -> Any:
        return self._cursor.description

    @property
    def rowcount(self) -> int:
        return self._cursor.rowcount

    @property
    def lastrowid(self) -> int | None:
        return self._cursor.lastrowid

    @property
    def arraysize(self) -> int:
        return self._cursor.arraysize

    @arraysize.setter
    def arraysize(self, value: int) -> None:
        self._cursor.arraysize = value

    async def execute(self, sql: str, parameters: Sequence[Any] = ()) -> InlineCursor:
        await _patiently(lambda: self._cursor.execute(sql, parameters), self._timeout_s)
        return self

    async def executemany(self, sql: str, parameters: Iterable[Sequence[Any]]) -> InlineCursor:
        rows = list(parameters)  # a generator could not be replayed after "busy"
        await _patiently(lambda: self._cursor.executemany(sql, rows), self._timeout_s)
        return self

    async def fetchone(self) -> Any:
        return self._cursor.fetchone()

    async def fetchmany(self, size: int | None = None) -> list[Any]:
        return self._cursor.fetchmany(self._cursor.arraysize if size is None else size)

    async def fetchall(self) -> list[Any]:
        return self._cursor.fetchall()

    async def close(self) -> None:
        self._cursor.close()


class InlineConnection:
    """An `aiosqlite.Connection` look-alike over a `sqlite3.Connection` in this thread."""

    def __init__(self, connection: sqlite3.Connection, timeout_s: float) -> None:
        self._conn: sqlite3.Connection | None = connection
        self._timeout_s = timeout_s

    @property
    def _connection(self) -> sqlite3.Connection | None:
        # SQLAlchemy's adapter checks this before commit and rollback, as with aiosqlite.
        return self._conn

    def _open(self) -> sqlite3.Connection:
        if self._conn is None:
            raise sqlite3.ProgrammingError("Cannot operate on a closed database.")
        return self._conn

    @property
    def isolation_level(self) -> str | None:
        return self._open().isolation_level

    @isolation_level.setter
    def isolation_level(self, value: Any) -> None:
        self._open().isolation_level = value

    def cursor(self) -> InlineCursor:
        return InlineCursor(self._open().cursor(), self._timeout_s)

    async def commit(self) -> None:
        await _patiently(self._open().commit, self._timeout_s)

    async def rollback(self) -> None:
        self._open().rollback()

    async def create_function(self, *args: Any, **kwargs: Any) -> None:
        self._open().create_function(*args, **kwargs)

    async def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def stop(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None


class _AdaptedInlineConnection(AsyncAdapt_aiosqlite_connection):
    __slots__ = ()

    @property
    def isolation_level(self) -> str | None:
        return self._connection.isolation_level  # type: ignore[no-any-return]

    @isolation_level.setter
    def isolation_level(self, value: str | None) -> None:
        # aiosqlite's setter posts to its worker thread; here there is none.
        self._connection.isolation_level = value


class _InlineDBAPI(AsyncAdapt_aiosqlite_dbapi):
    def connect(self, *args: Any, **kwargs: Any) -> _AdaptedInlineConnection:
        timeout_s = float(kwargs.pop("timeout", 5.0))
        kwargs.pop("async_creator_fn", None)
        kwargs["check_same_thread"] = False  # pooled connections may be closed elsewhere
        kwargs["timeout"] = 0  # never wait inside SQLite: `_patiently` waits on the loop
        connection = sqlite3.connect(*args, **kwargs)
        adapted = InlineConnection(connection, timeout_s)
        return _AdaptedInlineConnection(self, adapted)  # type: ignore[arg-type]


class InlineSQLiteDialect(SQLiteDialect_aiosqlite):
    driver = DRIVER
    supports_statement_cache = True

    @classmethod
    def import_dbapi(cls) -> _InlineDBAPI:
        # sqlite3 serves as both modules: it has the exception classes aiosqlite re-exports.
        return _InlineDBAPI(sqlite3, sqlite3)


registry.register(f"sqlite.{DRIVER}", __name__, "InlineSQLiteDialect")
