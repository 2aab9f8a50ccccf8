"""The desk every handler test drives: the real handlers on the test database, staff seeded."""

from __future__ import annotations

import pytest

from core.config import Config
from storage.uow import Database
from tests.support.desk import Harness


@pytest.fixture
async def desk(db: Database, demo_config: Config) -> Harness:
    harness = Harness(db, demo_config)
    await harness.seed()
    return harness
