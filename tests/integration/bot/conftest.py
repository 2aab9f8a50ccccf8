"""The fake Bot API server for the runner's tests, and a seeded desk behind the adapters."""

import pytest

from tests.support.desk import Harness
from tests.support.fake_bot_fixtures import fake_bot_api  # noqa: F401


@pytest.fixture
async def harness(seeded_desk: Harness) -> Harness:
    """The demo bureau's desk, staff seeded (a module may set up its own)."""
    return seeded_desk
