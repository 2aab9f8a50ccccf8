"""The desk every handler test drives: the real handlers on the test database, staff seeded."""

from __future__ import annotations

import pytest

from tests.support.desk import Harness


@pytest.fixture
async def desk(seeded_desk: Harness) -> Harness:
    return seeded_desk
