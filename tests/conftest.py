"""Shared fixtures: the demo config and a real database on SQLite and on PostgreSQL.

Every test that asks for `db` runs twice, once per backend. PostgreSQL comes from
JINYE_TEST_PG_URL (default: the local server); when it is unreachable the PostgreSQL runs
are skipped, except under CI=true where that is a failure.
"""

from __future__ import annotations

import asyncio
import functools
import os
from collections.abc import AsyncIterator, Coroutine, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from bot.config_loader import load_config
from core.config import Config
from storage.tables import metadata
from storage.uow import Database
from tests.support.desk import Harness
from tests.support.scratch_db import PG_URL, database_url, empty_tables, pg_admin, scratch_name
from tests.support.snapshots import Snapshots, copy_sqlite_file, sqlite_file

ROOT = Path(__file__).resolve().parent.parent
DEMO_CONFIG = ROOT / "config" / "demo.yaml"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")

# Property tests judge what the code does, not how fast the machine is: on a loaded 2-core
# machine generating inputs or running one example can take longer than Hypothesis's
# defaults allow, which would fail a test that found nothing wrong.
settings.register_profile("jinye110", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("jinye110")


# The conversation tests (tests/integration/handlers) list many wordings of one request,
# each a case of the same steps against the same statements. Every case runs on SQLite;
# on PostgreSQL each such test runs its first case, which takes the desk through those
# steps there, unless --every-case-on-postgresql asks for all of them.
_CONVERSATIONS = Path(__file__).resolve().parent / "integration" / "handlers"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--every-case-on-postgresql",
        action="store_true",
        help="run every case of a conversation test on PostgreSQL too, not the first only",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--every-case-on-postgresql"):
        return
    kept: list[pytest.Item] = []
    dropped: list[pytest.Item] = []
    tried: set[tuple[Path, str]] = set()
    for item in items:
        callspec = getattr(item, "callspec", None)
        if (
            isinstance(item, pytest.Function)
            and callspec is not None
            and callspec.params.get("db") == "postgresql"
            and len(callspec.params) > 1
            and item.path.is_relative_to(_CONVERSATIONS)
        ):
            test = (item.path, item.originalname)
            if test in tried:
                dropped.append(item)
                continue
            tried.add(test)
        kept.append(item)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept


@functools.cache
def _the_demo_config() -> Config:
    return load_config(DEMO_CONFIG)


@pytest.fixture(scope="session")
def demo_config() -> Config:
    return _the_demo_config()


def _run_outside_loop(coro: Coroutine[object, object, None]) -> None:
    """Run a coroutine to completion even when called from inside pytest-asyncio's loop."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(asyncio.run, coro).result()


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    """A private PostgreSQL database for this test session, with the schema created."""
    name = scratch_name("jinye_test")
    try:
        _run_outside_loop(pg_admin(f'CREATE DATABASE "{name}"'))
    except Exception as exc:
        message = f"PostgreSQL not reachable at {PG_URL}: {exc!r}"
        if IN_CI:
            pytest.fail(message + " (CI=true: PostgreSQL is required)")
        pytest.skip(message)
    url = database_url(name)
    # A commit here need not wait for its WAL record to reach the disk (some 1.5 ms a commit
    # on this machine, and most tests commit dozens of times): a crash of the server loses
    # at most the last commits of a database thrown away anyway, and what the tests read
    # is the same either way.
    _run_outside_loop(pg_admin(f'ALTER DATABASE "{name}" SET synchronous_commit TO off'))

    async def create_schema() -> None:
        database = Database(url)
        async with database.engine.begin() as conn:
            await conn.run_sync(metadata.create_all)
        await database.dispose()

    _run_outside_loop(create_schema())
    yield url
    _run_outside_loop(pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture(scope="session")
def sqlite_schema(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file with the current schema and no rows, which each test copies: a copy
    costs a few milliseconds, creating the schema some 40."""
    path = tmp_path_factory.mktemp("schema") / "empty.sqlite3"

    async def create_schema() -> None:
        database = Database(f"sqlite+aiosqlite:///{path}")
        async with database.engine.begin() as conn:
            await conn.run_sync(metadata.create_all)
        await database.dispose()  # the last connection closed: the WAL is folded in

    _run_outside_loop(create_schema())
    return path


# One Database (its engines) a backend for the whole session, its connections closed after
# each test: an engine keeps the SQL it has compiled and what it learnt of the server on its
# first connection, which a new engine a test would redo each time (some 80 ms a test). Each
# test's loop is its own, so no connection outlives the test that opened it.
@pytest.fixture(scope="session")
def sqlite_database(tmp_path_factory: pytest.TempPathFactory) -> Database:
    path = tmp_path_factory.mktemp("db") / "test.sqlite3"
    return Database(f"sqlite+aiosqlite:///{path}")


@pytest.fixture(scope="session")
def pg_database(pg_url: str) -> Database:
    return Database(pg_url)


@pytest.fixture(params=["sqlite", "postgresql"])
async def db(request: pytest.FixtureRequest) -> AsyncIterator[Database]:
    """An empty database with the current schema, on each backend."""
    if request.param == "sqlite":
        database: Database = request.getfixturevalue("sqlite_database")
        copy_sqlite_file(request.getfixturevalue("sqlite_schema"), sqlite_file(database))
    else:
        database = request.getfixturevalue("pg_database")
        await empty_tables(database)
    try:
        yield database
    finally:
        await database.dispose()


@pytest.fixture(scope="session")
def sqlite_snapshots(tmp_path_factory: pytest.TempPathFactory) -> Snapshots:
    """The worker's SQLite files of the demo bureau seeded and of common starts on it."""
    folder = tmp_path_factory.mktemp("snapshots")
    return Snapshots(folder, folder / "seeded.sqlite3")


@pytest.fixture
async def seeded_desk(db: Database, demo_config: Config, sqlite_snapshots: Snapshots) -> Harness:
    """The demo bureau's desk on an empty database, its staff seeded. On SQLite the first
    test seeds and keeps a copy of the file, which the others copy in its place: the same
    rows, some 10 ms a test sooner (the handler tests are most of the suite); its common
    starts can be kept too (`Harness.prepared`). PostgreSQL seeds each time, and so does a
    module that gives the desk a config of its own (`demo_config` overridden)."""
    harness = Harness(db, demo_config)
    if db.engine.dialect.name != "sqlite" or demo_config is not _the_demo_config():
        await harness.seed()
        return harness
    harness.snapshots = sqlite_snapshots
    await sqlite_snapshots.as_seeded(db, harness.seed)
    return harness
