"""Public holidays as periods (国庆, 国庆期间, 元旦以来, 五一, 春节, 今年中秋, 2025年端午): the
days of the latest one begun, or of the year typed, and the report's title names it.

Each is read as the break the State Council's notice gives for it, from `chinesecalendar`:
the run of days off around its day, weekends and 调休 included (国庆 2025 ran 10-01 to
10-08 with 中秋 inside it; 五一 2023 began on 04-29). For a year the package does not cover
yet, 国庆, 五一 and 元旦 are their statutory days (10-01 to 10-07, 05-01 to 05-05, 01-01),
while one that moves with the lunar calendar (春节, 清明, 端午, 中秋) is asked for in dates
rather than guessed.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from typing import NamedTuple
from zoneinfo import ZoneInfo

from core.calendar import days_off_around, festival_day, holiday_days_off
from reports.period_limits import PeriodError, year_of
from reports.period_windows import Window, custom

_NEW_YEAR = ((1, 1), (1, 1))


class _Holiday(NamedTuple):
    title: str  # in a report's title, after its year: 2026年国庆假期
    fixed: tuple[tuple[int, int], tuple[int, int]] | None  # (month, day) first and last
    official: str = ""  # its name in `chinesecalendar`, for one that moves
    example: str = ""  # a month and days a range for it is written with, when asked for one


_HOLIDAYS = {
    "国庆": _Holiday("国庆假期", ((10, 1), (10, 7))),
    "元旦": _Holiday("元旦", _NEW_YEAR),
    "五一": _Holiday("五一假期", ((5, 1), (5, 5))),
    "劳动": _Holiday("五一假期", ((5, 1), (5, 5))),
    "春节": _Holiday("春节假期", None, "Spring Festival", "02-10至02-17"),
    "清明": _Holiday("清明假期", None, "Tomb-sweeping Day", "04-04至04-06"),
    "端午": _Holiday("端午假期", None, "Dragon Boat Festival", "06-01至06-03"),
    "中秋": _Holiday("中秋假期", None, "Mid-autumn Festival", "09-25至09-27"),
}
_NAMES = "|".join(_HOLIDAYS)
_YEARS_BACK = {"今年": 0, "本年": 0, "去年": 1, "上年": 1, "上一年": 1, "前年": 2}
_YEAR = r"(?:(?P<year>\d{4})\s*年?|(?P<named>今年|本年|去年|上年|上一年|前年))?\s*的?"
# A holiday by its name, its year or not: 国庆, 国庆节, 国庆期间, 国庆假期, 五一长假, 劳动节,
# 今年春节, 2025年中秋节.
HOLIDAY = re.compile(rf"^{_YEAR}(?P<name>{_NAMES})节?(?:假期|长假|小长假|黄金周|放假)?(?:期间)?$")
# Around a holiday (春节前后): how many days around it nobody can tell, so it is asked.
AROUND_HOLIDAY = re.compile(rf"^{_YEAR}(?P<name>{_NAMES})节?(?:假期)?前后$")


def holiday(text: str, found: re.Match[str], today_: date, zone: ZoneInfo) -> Window:
    """The days of the holiday `found` (`HOLIDAY`) names: of the year typed, else the latest
    one begun (国庆 typed in March is last October's), headed with its year and name."""
    said = _HOLIDAYS[found["name"]]
    year, first, last = _holiday_days(text, found, today_)
    return replace(custom(text, first, last, zone), heading=f"{year}年{said.title}")


def around_holiday(text: str, found: re.Match[str], today_: date) -> PeriodError:
    """The reply to a span around a holiday (春节前后): the holiday's days, and how to
    write the holiday itself or the days around it."""
    said = _HOLIDAYS[found["name"]]
    year, first, last = _holiday_days(text, found, today_)
    before = first - timedelta(days=7)
    after = min(last + timedelta(days=7), max(today_, last))
    written = found.string[: found.end("name")] + ("" if first == last else "假期")
    days_of = f"{first}" if first == last else f"{first} 至 {last}"
    return PeriodError(
        f"「{text.strip()}」是哪几天说不准：{year}年{said.title}是 {days_of}，"
        f"查假期请写「{written}」；前后几天请写日期，如「{before}至{after}」。"
    )


def _holiday_days(text: str, found: re.Match[str], today_: date) -> tuple[int, date, date]:
    """The year of the holiday `found` names and the first and last day of its break: of
    the year typed (去年, 2025年), else of the latest one begun. A year's 元旦 may begin on
    30 December of the year before (2024's did): its year is the one it is named for."""
    said = _HOLIDAYS[found["name"]]
    if found["year"]:
        year = year_of(text, found["year"])
        return year, *_days(text, said, year)
    if found["named"]:
        year = today_.year - _YEARS_BACK[found["named"]]
        return year, *_days(text, said, year)
    for year in (today_.year + 1, today_.year):
        if year == today_.year + 1 and said.fixed != _NEW_YEAR:
            continue  # only 元旦's break begins in the year before its own
        if not said.fixed and holiday_days_off(said.official, year) is None:
            # This year's days off are not out yet (中秋 typed in January): its festival
            # still tells whether it has come, and one not yet come is last year's.
            day = festival_day(said.official, year)
            if day is not None and day > today_:
                continue
        first, last = _days(text, said, year)
        if first <= today_:
            return year, first, last
    return today_.year - 1, *_days(text, said, today_.year - 1)


def _days(text: str, said: _Holiday, year: int) -> tuple[date, date]:
    """The first and last day of `said`'s break in `year`; a moving holiday of a year the
    calendar does not cover yet is asked for in dates."""
    if said.fixed is not None:
        (m1, d1), (m2, d2) = said.fixed
        return days_off_around(date(year, m1, d1)) or (date(year, m1, d1), date(year, m2, d2))
    off = holiday_days_off(said.official, year)
    if off is not None and not off:
        # Inside another holiday's break, named as that one (中秋 2020 in 国庆's): its
        # festival's day tells which.
        festival = festival_day(said.official, year)
        run = days_off_around(festival) if festival is not None else None
        if run is not None:
            return run
    if off:
        return days_off_around(min(off)) or (min(off), max(off))
    start, end = said.example.split("至")
    raise PeriodError(
        f"「{text.strip()}」：还查不到{year}年{said.title.removesuffix('假期')}的放假日期，"
        f"请直接写日期，如「{year}-{start}至{year}-{end}」。"
    )
