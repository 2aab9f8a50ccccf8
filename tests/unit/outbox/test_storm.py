"""The storm: 500 urgent + 5,000 normal rows; urgent all first, no limit ever exceeded.

The full storm runs on SQLite (about ten seconds of wall time for 183 simulated seconds); a
tenth of it runs on both backends, so PostgreSQL's claim and lease path is stormed too.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from core.config import Config
from storage.tables import metadata
from storage.uow import Database
from tests.unit.outbox.storm import (
    GLOBAL_PER_S,
    GROUP_PER_MIN,
    StormResult,
    run_storm,
    storm_rows,
    worst_windows,
)

log = logging.getLogger(__name__)


@pytest.fixture
async def sqlite_db(tmp_path: Path) -> AsyncIterator[Database]:
    database = Database(f"sqlite+aiosqlite:///{tmp_path / 'storm.sqlite3'}")
    async with database.engine.begin() as conn:
        await conn.run_sync(metadata.create_all)
    yield database
    await database.dispose()


def check(result: StormResult, rows: list[dict[str, object]]) -> None:
    texts = [d.text or "" for d in result.delivered]
    assert sorted(texts) == sorted(str(r["payload"]["text"]) for r in rows)  # type: ignore[index]
    last_urgent = max(i for i, t in enumerate(texts) if t.startswith("urgent"))
    first_normal = min(i for i, t in enumerate(texts) if t.startswith("normal"))
    assert last_urgent < first_normal
    windows = worst_windows(result.delivered)
    assert windows["overall_per_1s"] == GLOBAL_PER_S  # saturated, never over
    assert windows["person_per_1s"] == 1
    assert windows["group_per_60s"] <= GROUP_PER_MIN
    # Close to the best any sender could do under the global limit alone.
    assert result.simulated_seconds <= result.theoretical_seconds * 1.05


async def test_storm_sends_every_urgent_row_first_within_the_limits(
    sqlite_db: Database, demo_config: Config
) -> None:
    rows = storm_rows()
    result = await run_storm(sqlite_db, demo_config, rows)
    check(result, rows)
    log.warning(
        "storm: %d sent in %.1f s simulated (minimum %.1f s), %.1f s wall",
        len(result.delivered),
        result.simulated_seconds,
        result.theoretical_seconds,
        result.wall_seconds,
    )


async def test_a_small_storm_behaves_the_same_on_each_backend(
    db: Database, demo_config: Config
) -> None:
    rows = storm_rows(urgent=50, normal=500)
    result = await run_storm(db, demo_config, rows)
    assert len(result.delivered) == 550
    texts = [d.text or "" for d in result.delivered]
    assert max(i for i, t in enumerate(texts) if t.startswith("urgent")) < min(
        i for i, t in enumerate(texts) if t.startswith("normal")
    )
    windows = worst_windows(result.delivered)
    assert windows["overall_per_1s"] <= GLOBAL_PER_S
    assert windows["person_per_1s"] == 1
    assert windows["group_per_60s"] <= GROUP_PER_MIN
