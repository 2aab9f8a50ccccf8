"""`working_days` in the config: next year's official schedule before the calendar package
has it (and local days off) count in every business deadline and in the digest's test."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, date, datetime, timedelta
from types import SimpleNamespace
from typing import cast

import pytest
from pydantic import ValidationError

from core.config import Config, WorkingDays
from core.model import Ticket
from core.sla import calendar_for, workdays_of

SPRING_FESTIVAL = {"holidays": ["2027-02-08..2027-02-12"], "workdays": ["2027-02-07"]}


def _with(cfg: Config, days: Mapping[str, object]) -> Config:
    return cfg.model_copy(update={"working_days": WorkingDays.model_validate(days)})


def test_dates_and_ranges_are_read_as_days() -> None:
    days = WorkingDays.model_validate(
        {"holidays": ["2027-02-05..2027-02-07", date(2027, 1, 1)], "workdays": ["2027-02-14"]}
    )
    assert days.holidays == {date(2027, 1, 1), *(date(2027, 2, d) for d in (5, 6, 7))}
    assert days.workdays == {date(2027, 2, 14)}


@pytest.mark.parametrize(
    ("days", "said"),
    [
        ({"holidays": ["2027-13-01"]}, "not a date"),
        ({"holidays": ["2027-02-07..2027-02-05"]}, "ends before it starts"),
        ({"holidays": ["2027-01-01..2028-06-01"]}, "longer than a year"),
        ({"holidays": ["2027-02-14"], "workdays": ["2027-02-14"]}, "both a holiday and a work"),
        ({"holidays": "2027-01-01"}, "a list of dates"),
    ],
)
def test_a_bad_schedule_is_refused_with_the_reason(days: dict[str, object], said: str) -> None:
    with pytest.raises(ValidationError, match=said):
        WorkingDays.model_validate(days)


def test_the_schedule_wins_over_the_packages(demo_config: Config) -> None:
    is_workday = workdays_of(_with(demo_config, SPRING_FESTIVAL))
    assert is_workday(date(2027, 2, 7))  # a Sunday worked (调休)
    assert not is_workday(date(2027, 2, 10))  # a Wednesday of 春节
    assert is_workday(date(2027, 2, 15))  # a plain Monday: the packages decide
    assert not workdays_of(demo_config)(date(2027, 2, 7))  # without it: a plain Sunday


def test_a_business_deadline_counts_the_worked_sunday(demo_config: Config) -> None:
    # An office-hours request (a retailer's order) filed on Friday 5 February at 16:30,
    # due one working day (7 hours) later: 1 hour on Friday, then 6 more.
    start = datetime(2027, 2, 5, 8, 30, tzinfo=UTC)
    request = cast(Ticket, SimpleNamespace(urgent=False, line="ordering", created_at=start))
    scheduled = _with(demo_config, SPRING_FESTIVAL)
    due = calendar_for(scheduled, request).add(start, timedelta(hours=7))
    assert due.astimezone(scheduled.zone) == datetime(2027, 2, 7, 17, 30, tzinfo=scheduled.zone)
    unscheduled = calendar_for(demo_config, request).add(start, timedelta(hours=7))
    assert unscheduled.astimezone(demo_config.zone).date() > date(2027, 2, 7)
