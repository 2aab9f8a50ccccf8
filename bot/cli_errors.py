"""One polite line, not a traceback, when a command cannot use the database or its config.

Every command that touches the database runs its work through `using_database`: it checks
first that the database can be reached and (unless the command migrates it itself) that
`jinye110 db upgrade` has been run, and turns a connection lost on the way into the same line.
Every command that reads the config reports what is wrong with it through `config_failed`.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import socket
import sys
import tempfile
from collections.abc import Awaitable, Callable
from datetime import timedelta
from pathlib import Path
from typing import TypeVar

from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import make_url

from core.config import ConfigError
from core.durations import parse_positive_duration
from storage.uow import Database

T = TypeVar("T")

# Enough for a server on the network to answer; without it asyncpg waits a minute for a
# host that drops packets.
CONNECT_TIMEOUT_S = 10
# A connection lost while a command works. Not every OSError: a file the command could not
# write is its own error, not the database's.
_CONNECTION_ERRORS: tuple[type[BaseException], ...] = (
    ConnectionError,  # refused, reset: asyncpg raises these unwrapped
    TimeoutError,
    socket.gaierror,  # unknown host
    sa_exc.OperationalError,
    sa_exc.InterfaceError,
)
# While connecting, any driver error means the database cannot be used (a wrong password, a
# database that does not exist), not only a network failure.
_UNREACHABLE: tuple[type[BaseException], ...] = (OSError, sa_exc.DBAPIError, *_CONNECTION_ERRORS)
_SCHEMES = "use sqlite+aiosqlite:///FILE or postgresql+asyncpg://USER@HOST/DB"


class DatabaseUnusable(Exception):
    """The database cannot serve the command; the message is the line for the admin."""


def redact(url: str) -> str:
    """The URL as it can be shown: without its password."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except sa_exc.ArgumentError:
        return "(not a database URL)"


def _reason(exc: BaseException) -> str:
    cause = exc.orig if isinstance(exc, sa_exc.DBAPIError) and exc.orig is not None else exc
    text = str(cause).strip().splitlines()[0] if str(cause).strip() else type(cause).__name__
    # asyncpg's errors read "<class 'asyncpg.exceptions.X'>: message", errno ones "[Errno 111] ..."
    return re.sub(r"^(<class '[\w.]+'>: |\[Errno -?\d+\] )", "", text)


def cannot_connect(exc: BaseException, url: str) -> str:
    return f"数据库无法连接：{_reason(exc)} (JINYE_DATABASE_URL={redact(url)})"


def _not_migrated(url: str, detail: str) -> str:
    where = f"JINYE_DATABASE_URL={redact(url)}"
    return f"database is not migrated: run jinye110 db upgrade ({detail}; {where})"


def _missing_sqlite_file(url: str) -> Path | None:
    """The SQLite file `url` names when it does not exist: connecting would create it empty."""
    from storage.engine import is_sqlite_file

    parsed = make_url(url)
    if not is_sqlite_file(url) or str(parsed.database).startswith("file:"):
        return None
    path = Path(str(parsed.database))
    return None if path.exists() else path


def check_database(url: str, *, migrated: bool = True, exists: bool | None = None) -> None:
    """Raise DatabaseUnusable unless the database answers and, with `migrated`, its schema
    is the one this version of jinye110 needs. `exists` (by default as `migrated`): an
    SQLite file must be there already, not made empty by connecting."""
    from storage.engine import is_sqlite
    from storage.migrate import schema_state

    try:
        missing = _missing_sqlite_file(url) if (migrated if exists is None else exists) else None
        if missing is not None:
            raise DatabaseUnusable(_not_migrated(url, f"there is no database file {missing}"))
        connect_args = {} if is_sqlite(url) else {"connect_args": {"timeout": CONNECT_TIMEOUT_S}}
        state = schema_state(url, **connect_args)
    except (sa_exc.ArgumentError, sa_exc.NoSuchModuleError, ImportError) as exc:
        reason = _reason(exc)
        if isinstance(exc, ImportError):  # a sync driver: postgresql:// means psycopg
            reason = f"driver {exc.name} is not installed; {_SCHEMES}"
        raise DatabaseUnusable(
            f"数据库地址无效：{reason} (JINYE_DATABASE_URL={redact(url)})"
        ) from exc
    except _UNREACHABLE as exc:
        raise DatabaseUnusable(cannot_connect(exc, url)) from exc
    if migrated and not state.current:
        # A database an upgrade behind lacks the newer tables too: its revision says more.
        behind = state.revision is not None and state.revision != state.head
        detail = (
            f"{len(state.missing_tables)} tables missing"
            if state.missing_tables and not behind
            else f"schema {state.revision}, this version needs {state.head}"
        )
        raise DatabaseUnusable(_not_migrated(url, detail))


def using_database(
    url: str, work: Callable[[], T], *, migrated: bool = True, exists: bool | None = None
) -> T:
    """Check the database, then do `work`; a connection lost meanwhile is DatabaseUnusable."""
    check_database(url, migrated=migrated, exists=exists)
    try:
        return work()
    except _CONNECTION_ERRORS as exc:
        raise DatabaseUnusable(cannot_connect(exc, url)) from exc


def with_database(url: str, work: Callable[[Database], Awaitable[T]]) -> T:
    """`work` on the database at `url` (disposed afterwards), behind `using_database`'s
    checks: a command's whole use of the database, on an event loop of its own."""

    async def run() -> T:
        db = Database(url)
        try:
            return await work(db)
        finally:
            await db.dispose()

    return using_database(url, lambda: asyncio.run(run()))


def database_failed(command: str, exc: DatabaseUnusable) -> int:
    """Print the line for `jinye110 <command>` and give the exit status for it."""
    print(f"jinye110 {command}: {exc}", file=sys.stderr)
    return 1


def config_failed(command: str, exc: ConfigError) -> int:
    """Print every problem of the config, one a line, for `jinye110 <command>`, as
    `check-config` lists them, and give the exit status for it."""
    for problem in exc.errors:
        print(f"jinye110 {command}: {problem}", file=sys.stderr)
    return 2


def cannot_write(path: Path) -> str | None:
    """Why a file cannot be written at `path`, found before anything is changed; else None."""
    folder = path.parent
    if not folder.is_dir():
        return f"cannot write {path}: there is no folder {folder}"
    if path.is_dir():
        return f"cannot write {path}: it is a folder"
    if path.exists() and not os.access(path, os.W_OK):
        return f"cannot write {path}: permission denied"
    try:  # a real file, since permissions alone do not tell (root, read-only mounts)
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as exc:
        return f"cannot write in folder {folder}: {exc.strerror}"
    return None


def _whole_number(text: str, least: int, what: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < least:
        raise argparse.ArgumentTypeError(f"must be {what}, not {value}")
    return value


def positive_int(text: str) -> int:
    """An argparse type for a count that cannot be zero (folds, words per label)."""
    return _whole_number(text, 1, "1 or more")


def non_negative_int(text: str) -> int:
    """An argparse type for "up to N", where 0 means none."""
    return _whole_number(text, 0, "0 or more")


def positive_duration(text: str) -> timedelta:
    """An argparse type for a period that cannot be zero: "30s", "1m", or plain seconds.

    The config's own parsing (core.durations), so an option and the file take the same
    forms and are refused with the same words.
    """
    try:
        return parse_positive_duration(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None
