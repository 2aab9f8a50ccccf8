"""The test suite's snapshots of common starts (`tests.support.snapshots`): a start copied
in leaves the rows and the clock it left when it ran, and a desk no longer as seeded runs
the start as written."""

from __future__ import annotations

from datetime import timedelta

import pytest

from tests.support.desk import Harness
from tests.support.tickets import T0

FARMER = 100001


async def _filed(desk: Harness) -> int:
    ticket = await desk.file_request(FARMER, "烟叶上有黑斑怎么办")
    desk.clock.advance(minutes=30)
    assert ticket.id is not None
    return ticket.id


async def _never() -> int:
    raise AssertionError("the start ran again")


async def _as_seeded(desk: Harness) -> None:
    """The desk as a new test finds it: its file the seeded one, its clock at T0."""
    assert desk.snapshots is not None
    await desk.snapshots.as_seeded(desk.db, desk.seed)
    desk.clock.now = T0


@pytest.mark.parametrize("db", ["sqlite"], indirect=True)
async def test_a_start_copied_in_leaves_its_rows_and_its_clock(seeded_desk: Harness) -> None:
    desk = seeded_desk
    ran = await desk.prepared("filed", lambda: _filed(desk))
    rows = [(t.id, t.text, t.status) for t in await desk.tickets()]
    await _as_seeded(desk)

    assert await desk.prepared("filed", _never) == ran
    assert [(t.id, t.text, t.status) for t in await desk.tickets()] == rows
    assert desk.clock.now == T0 + timedelta(minutes=30)


@pytest.mark.parametrize("db", ["sqlite"], indirect=True)
async def test_a_start_after_the_tests_own_steps_runs_as_written(seeded_desk: Harness) -> None:
    desk = seeded_desk
    await desk.prepared("filed", lambda: _filed(desk))
    await _as_seeded(desk)
    await desk.send(FARMER, "/start")  # a step of the test's own, before the start

    with pytest.raises(AssertionError, match="ran again"):
        await desk.prepared("filed", _never)
    await desk.prepared("filed", lambda: _filed(desk))
    assert len(await desk.tickets()) == 1
