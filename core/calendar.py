"""Business calendars: working hours, weekends, Chinese public holidays and 调休 workdays.

Non-urgent deadlines count working time only; urgent ones count every minute. Holidays and
adjusted working days come from the maintained `chinesecalendar` package; for a year it does
not cover yet, the `holidays` package stands in: its Chinese holidays, and the weekend days
made working days (调休), for the years whose State Council notice it has (it agrees with
`chinesecalendar` on every day of 2024–2026), else statutory holidays and weekends.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from typing import Protocol
from zoneinfo import ZoneInfo

import chinese_calendar
import holidays

# Ten years in a row without a working day means the calendar has none at all. The search
# itself has no end: a long duration on short hours may reach beyond ten years, and the
# ladder's repeats of a ticket left open for years do (config checks keep a single duration
# within a year's working days, see WORKING_DAYS_A_YEAR).
_MAX_IDLE_DAYS = 3660
# The fewest working days in a year in mainland China, 2004–2031 (248 in 2025 and 2026):
# a business-calendar duration longer than this many working days is no deadline.
WORKING_DAYS_A_YEAR = 248


@lru_cache(maxsize=4096)
def is_china_workday(day: date) -> bool:
    """True when `day` is a working day in mainland China, 调休 included."""
    try:
        return bool(chinese_calendar.is_workday(day))
    except NotImplementedError:
        return holidays_package_workday(day)


def holidays_package_workday(day: date) -> bool:
    """The `holidays` package's answer: a weekday that is no holiday, or a weekend day made
    a working day (调休)."""
    return bool(_china_holidays(day.year).is_working_day(day))


def official_schedule_known(year: int) -> bool:
    """Whether the State Council's schedule for `year` (its days off and the weekend days
    made working days, 调休) is known to the calendar packages: `chinesecalendar` covers the
    year, or the `holidays` package has its 调休 working weekends (every year's notice has
    had some). Until then deadlines count weekends and statutory holidays only."""
    try:
        chinese_calendar.is_workday(date(year, 1, 1))
        return True
    except NotImplementedError:
        pass
    first = date(year, 1, 1)
    days = (first + timedelta(days=n) for n in range((date(year + 1, 1, 1) - first).days))
    return any(day.weekday() >= 5 and holidays_package_workday(day) for day in days)


@lru_cache(maxsize=32)
def _china_holidays(year: int) -> holidays.HolidayBase:
    return holidays.country_holidays("CN", years=year)


@lru_cache(maxsize=8)
def workday_rule(days_off: frozenset[date], days_on: frozenset[date]) -> Callable[[date], bool]:
    """Working days in mainland China, with the config's own days off and 调休 working days
    (`working_days`) taking precedence."""
    if not days_off and not days_on:
        return is_china_workday

    def is_workday(day: date) -> bool:
        if day in days_on:
            return True
        if day in days_off:
            return False
        return is_china_workday(day)

    return is_workday


class Calendar(Protocol):
    def add(self, start: datetime, delta: timedelta) -> datetime:
        """The instant `delta` of counted time after `start`."""

    def between(self, start: datetime, end: datetime) -> timedelta:
        """Counted time from `start` to `end` (zero when end is not after start)."""

    def next_working(self, instant: datetime) -> datetime:
        """`instant` if time counts then, else when it next starts counting."""


class AlwaysOn:
    """24x7: every minute counts."""

    def add(self, start: datetime, delta: timedelta) -> datetime:
        return start + delta

    def next_working(self, instant: datetime) -> datetime:
        return instant

    def between(self, start: datetime, end: datetime) -> timedelta:
        return max(end - start, timedelta(0))


class BusinessCalendar:
    """Working periods on working days, in the bureau's time zone."""

    def __init__(
        self,
        zone: ZoneInfo,
        periods: Sequence[tuple[time, time]],
        is_workday: Callable[[date], bool] = is_china_workday,
    ) -> None:
        if not periods:
            raise ValueError("a business calendar needs at least one working period")
        self.zone = zone
        self.periods = sorted(periods)
        self.is_workday = is_workday

    def _iter_segments(self, start: datetime) -> Iterator[tuple[datetime, datetime]]:
        """Working segments from `start` on, lazily, a day at a time."""
        local = start.astimezone(self.zone)
        day = local.date()
        idle = 0
        while idle < _MAX_IDLE_DAYS:
            if self.is_workday(day):
                idle = 0
                for begin, end in self.periods:
                    seg_start = datetime.combine(day, begin, tzinfo=self.zone)
                    seg_end = datetime.combine(day, end, tzinfo=self.zone)
                    if seg_end <= local:
                        continue
                    yield max(seg_start, local), seg_end
            else:
                idle += 1
            day += timedelta(days=1)  # OverflowError past the year 9999

    def add(self, start: datetime, delta: timedelta) -> datetime:
        if delta <= timedelta(0):
            return start
        remaining = delta
        for seg_start, seg_end in self._iter_segments(start):
            available = seg_end - seg_start
            if remaining <= available:
                return (seg_start + remaining).astimezone(UTC)
            remaining -= available
        raise ValueError("the calendar has no working day in ten years")

    def between(self, start: datetime, end: datetime) -> timedelta:
        total = timedelta(0)
        if end <= start:
            return total
        for seg_start, seg_end in self._iter_segments(start):
            if seg_start >= end:
                break
            total += min(seg_end, end) - seg_start
        return total

    def next_working(self, instant: datetime) -> datetime:
        for seg_start, _ in self._iter_segments(instant):
            return seg_start.astimezone(UTC)
        raise ValueError("the calendar has no working day in ten years")

    def is_working_time(self, instant: datetime) -> bool:
        local = instant.astimezone(self.zone)
        if not self.is_workday(local.date()):
            return False
        return any(begin <= local.time() < end for begin, end in self.periods)


def in_period(instant: datetime, zone: ZoneInfo, start: time, end: time) -> bool:
    """Whether the local time of `instant` falls in [start, end), wrapping past midnight."""
    clock = instant.astimezone(zone).time()
    if start <= end:
        return start <= clock < end
    return clock >= start or clock < end


def end_of_period(instant: datetime, zone: ZoneInfo, end: time) -> datetime:
    """The next local `end` o'clock after `instant` (when quiet hours are over)."""
    local = instant.astimezone(zone)
    candidate = datetime.combine(local.date(), end, tzinfo=zone)
    if candidate <= local:
        candidate += timedelta(days=1)
    return candidate.astimezone(UTC)


@lru_cache(maxsize=64)
def holiday_days_off(holiday: str, year: int) -> tuple[date, ...] | None:
    """The days off of the public holiday `holiday` in `year`, as `chinesecalendar` names it
    ("Spring Festival", "Mid-autumn Festival" ...), the weekends among them included; None
    for a year it does not cover yet, whose State Council notice it has not."""
    try:
        off = chinese_calendar.get_holidays(
            date(year, 1, 1), date(year, 12, 31), include_weekends=True
        )
    except NotImplementedError:
        return None
    return tuple(day for day in off if chinese_calendar.get_holiday_detail(day)[1] == holiday)


# `chinesecalendar`'s names of the holidays that move with the lunar calendar, and how the
# `holidays` package (which computes them for any year) begins its own names of them.
_FESTIVALS = {
    "Spring Festival": "chinese new year (spring festival)",
    "Tomb-sweeping Day": "tomb-sweeping day",
    "Dragon Boat Festival": "dragon boat festival",
    "Mid-autumn Festival": "mid-autumn festival",
}


@lru_cache(maxsize=64)
def festival_day(holiday: str, year: int) -> date | None:
    """The day of the festival `holiday` (named as `chinesecalendar` names it) in `year`,
    from the `holidays` package's lunar reckoning: it knows when a festival falls in a year
    whose days off the State Council has not yet given (`holiday_days_off` is None then)."""
    wanted = _FESTIVALS.get(holiday)
    if wanted is None:
        return None
    days = [d for d, name in _china_holidays(year).items() if name.lower().startswith(wanted)]
    return min(days, default=None)


# Days off run into each other across a week at most (国庆 and 中秋 together: eight days).
_LONGEST_BREAK = 10


def days_off_around(day: date) -> tuple[date, date] | None:
    """The first and last day of the run of days off `day` is in, as the State Council's
    notice gives a break (国庆 2025: 10-01 to 10-08, 中秋 inside it; 元旦 2024 began on
    2023-12-30), its weekends included; None when `day` is a working day or of a year
    `chinesecalendar` does not cover yet."""
    if not _day_off(day):
        return None
    return _last_day_off(day, timedelta(days=-1)), _last_day_off(day, timedelta(days=1))


def _day_off(day: date) -> bool:
    """A day off in `chinesecalendar`; False for a year it does not cover yet."""
    try:
        return bool(chinese_calendar.is_holiday(day))
    except NotImplementedError:
        return False


def _last_day_off(day: date, step: timedelta) -> date:
    """The last day off of the run `day` is in, going by `step` (a day back or ahead)."""
    for _ in range(_LONGEST_BREAK):
        if not _day_off(day + step):
            break
        day += step
    return day
