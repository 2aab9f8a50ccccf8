"""The fake Bot API server for the runner's tests, and a seeded desk behind the adapters."""

import pytest

from core.config import Config
from storage.uow import Database
from tests.support.desk import Harness
from tests.support.fake_bot_fixtures import fake_bot_api  # noqa: F401


@pytest.fixture
async def harness(db: Database, demo_config: Config) -> Harness:
    """The demo bureau's desk, staff seeded (a module may set up its own)."""
    harness = Harness(db, demo_config)
    await harness.seed()
    return harness
