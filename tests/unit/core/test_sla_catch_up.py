"""The sweep's catch-up after downtime: the latest ladder step due, found without walking
every repeat (a short repeat_every a month overdue is some 40,000 steps)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from core.calendar import AlwaysOn, Calendar
from core.config import Ladder, LadderStep
from core.sla import current_step, escalation_time


def _step_by_step(
    ladder: Ladder, calendar: Calendar, deadline: datetime, first: int, now: datetime
) -> int | None:
    """The catch-up as the ladder defines it: walk the steps one at a time."""
    if escalation_time(ladder, calendar, deadline, first) > now:
        return None
    step = first
    while escalation_time(ladder, calendar, deadline, step + 1) <= now:
        step += 1
    return step


@settings(max_examples=200, deadline=None)
@given(
    afters=st.lists(st.integers(0, 600), min_size=1, max_size=4),
    repeat=st.integers(1, 600),
    first=st.integers(0, 6),
    late=st.integers(-60, 6000),
)
def test_the_catch_up_finds_the_step_a_walk_through_the_ladder_finds(
    afters: list[int], repeat: int, first: int, late: int
) -> None:
    ladder = _ladder(sorted(afters), repeat)
    deadline = datetime(2026, 11, 18, tzinfo=UTC)
    now = deadline + timedelta(minutes=late)
    expected = _step_by_step(ladder, AlwaysOn(), deadline, first, now)
    assert current_step(ladder, AlwaysOn(), deadline, first, now) == expected


def test_a_one_minute_repeat_a_month_overdue_is_caught_up_in_one_step() -> None:
    ladder = _ladder([0, 60], repeat=1)
    deadline = datetime(2026, 10, 18, tzinfo=UTC)
    now = deadline + timedelta(days=30, seconds=30)
    # Steps 0 and 1, then one repeat a minute after the second: 30 days less its hour.
    assert current_step(ladder, AlwaysOn(), deadline, 0, now) == 1 + 30 * 24 * 60 - 60


def _ladder(afters: list[int], repeat: int) -> Ladder:
    steps = [LadderStep(after=timedelta(minutes=a), action="remind_team") for a in afters]
    return Ladder(id="t", steps=steps, repeat_every=timedelta(minutes=repeat))
