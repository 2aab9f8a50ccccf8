"""Deadline arithmetic on working time: weekends, National Day, 调休 workdays."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import chinese_calendar
import pytest

from core.calendar import (
    AlwaysOn,
    BusinessCalendar,
    holidays_package_workday,
    in_period,
    is_china_workday,
)

SH = ZoneInfo("Asia/Shanghai")
PERIODS = [(time(8, 30), time(12)), (time(14), time(17, 30))]  # 7 working hours a day


def local(y: int, mo: int, d: int, h: int = 0, mi: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=SH)


@pytest.fixture
def cal() -> BusinessCalendar:
    return BusinessCalendar(SH, PERIODS)


def test_china_workdays_know_holidays_and_adjusted_days() -> None:
    assert not is_china_workday(date(2026, 10, 1))  # National Day
    assert not is_china_workday(date(2026, 10, 7))
    assert is_china_workday(date(2026, 9, 20))  # Sunday made a workday (调休)
    assert is_china_workday(date(2026, 10, 10))  # Saturday made a workday (调休)
    assert not is_china_workday(date(2026, 11, 21))  # an ordinary Saturday


def test_years_beyond_the_library_fall_back_to_statutory_holidays() -> None:
    assert not is_china_workday(date(2031, 1, 1))  # New Year's Day
    assert not is_china_workday(date(2031, 10, 2))  # National Day
    assert is_china_workday(date(2031, 1, 2))  # a Thursday


@pytest.mark.parametrize("year", [2025, 2026])
def test_the_stand_in_calendar_knows_adjusted_workdays_as_chinesecalendar_does(year: int) -> None:
    # For a year `chinesecalendar` does not cover yet, `holidays` stands in: it must know a
    # weekend made a working day (2026-01-04, a Sunday), not only the days off.
    assert holidays_package_workday(date(2026, 1, 4))
    day = date(year, 1, 1)
    while day.year == year:
        assert holidays_package_workday(day) == chinese_calendar.is_workday(day), day
        day += timedelta(days=1)


def test_within_one_period(cal: BusinessCalendar) -> None:
    assert cal.add(local(2026, 11, 18, 9), timedelta(hours=2)) == local(2026, 11, 18, 11)


def test_lunch_break_is_skipped(cal: BusinessCalendar) -> None:
    assert cal.add(local(2026, 11, 18, 11), timedelta(hours=2)) == local(2026, 11, 18, 15)


def test_filed_at_night_starts_counting_next_morning(cal: BusinessCalendar) -> None:
    assert cal.add(local(2026, 11, 17, 23), timedelta(hours=1)) == local(2026, 11, 18, 9, 30)


def test_friday_afternoon_deadline_lands_on_monday(cal: BusinessCalendar) -> None:
    # Friday 2026-11-20 16:30 + 2h: one hour on Friday, one on Monday morning.
    assert cal.add(local(2026, 11, 20, 16, 30), timedelta(hours=2)) == local(2026, 11, 23, 9, 30)


def test_national_day_holiday_is_skipped(cal: BusinessCalendar) -> None:
    # Wednesday 30 Sept 17:00 + 1h: half an hour that day, then Oct 1-7 are holidays.
    assert cal.add(local(2026, 9, 30, 17), timedelta(hours=1)) == local(2026, 10, 8, 9)


def test_adjusted_working_saturday_counts(cal: BusinessCalendar) -> None:
    # Friday 9 Oct 17:00 + 1h: Saturday 10 Oct is a working day (调休).
    assert cal.add(local(2026, 10, 9, 17), timedelta(hours=1)) == local(2026, 10, 10, 9)


def test_adjusted_working_sunday_counts(cal: BusinessCalendar) -> None:
    # Saturday 19 Sept is off; Sunday 20 Sept is a working day (调休).
    assert cal.add(local(2026, 9, 19, 10), timedelta(hours=1)) == local(2026, 9, 20, 9, 30)


def test_three_working_days_across_mid_autumn_and_weekend(cal: BusinessCalendar) -> None:
    # Thu 24 Sept 9:00 + 21h: Thu rest of day (6.5h), Fri 25 is Mid-Autumn, then the
    # weekend, Mon 28 (7h), Tue 29 (7h) and 0.5h on Wed 30.
    assert cal.add(local(2026, 9, 24, 9), timedelta(hours=21)) == local(2026, 9, 30, 9)


def test_between_counts_only_working_time(cal: BusinessCalendar) -> None:
    start, end = local(2026, 9, 30, 17), local(2026, 10, 8, 9)
    assert cal.between(start, end) == timedelta(hours=1)
    assert cal.between(end, start) == timedelta(0)


def test_add_and_between_agree(cal: BusinessCalendar) -> None:
    start = local(2026, 9, 28, 10, 15)
    for hours in (0.5, 3, 7, 20, 45):
        delta = timedelta(hours=hours)
        assert cal.between(start, cal.add(start, delta)) == delta


def test_results_are_utc(cal: BusinessCalendar) -> None:
    result = cal.add(local(2026, 11, 18, 9), timedelta(hours=1))
    assert result.tzinfo is UTC
    assert result == datetime(2026, 11, 18, 2, tzinfo=UTC)


def test_urgent_calendar_counts_every_minute() -> None:
    start = local(2026, 10, 1, 2)  # 02:00 on a holiday
    assert AlwaysOn().add(start, timedelta(minutes=10)) == local(2026, 10, 1, 2, 10)


def test_quiet_hours_wrap_midnight() -> None:
    quiet = (time(22), time(7))
    assert in_period(local(2026, 11, 18, 23), SH, *quiet)
    assert in_period(local(2026, 11, 18, 6, 59), SH, *quiet)
    assert not in_period(local(2026, 11, 18, 7), SH, *quiet)


def test_a_short_working_day_reaches_past_ten_years() -> None:
    # Half an hour a day: 3,000 working days lie about twelve years ahead. The search gave
    # up at ten years and raised, as if the calendar had no working time at all.
    short = BusinessCalendar(SH, [(time(8), time(8, 30))])
    start = local(2026, 1, 5, 9)
    due = short.add(start, timedelta(minutes=30 * 3000))
    assert due.astimezone(SH).year == 2038
    assert short.between(start, due) == timedelta(minutes=30 * 3000)


def test_a_calendar_without_any_working_day_is_still_refused() -> None:
    never = BusinessCalendar(SH, PERIODS, is_workday=lambda day: False)
    with pytest.raises(ValueError, match="no working day in ten years"):
        never.add(local(2026, 1, 5, 9), timedelta(minutes=1))
    assert never.between(local(2026, 1, 5), local(2046, 1, 5)) == timedelta(0)
