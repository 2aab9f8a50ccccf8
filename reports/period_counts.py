"""Periods of a year counted by their number: a year (2026年), a month (2026-11, 8月, 十月到
十二月), a quarter (三季度), a half (上半年), or the last days up to today (近7天)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from typing import overload
from zoneinfo import ZoneInfo

from reports.period_last import days_before, last
from reports.period_limits import USAGE, PeriodError, wrong_month, year_of
from reports.period_windows import Window, custom, month_end
from reports.period_words import DAYS_BEFORE, LAST, TO, count_of

_YEAR = re.compile(r"^(\d{4})(?:年度?)?$")
# A month of a year in ISO form (2026-11).
MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
# A month without its year, in digits or in Chinese (8月, 八月, 十一月份).
_MONTH_ALONE = re.compile(r"^(\d{1,2}|[一二三四五六七八九十]{1,3})月份?$")
# A quarter by its number (三季度, 第三季度, 2026年第三季度, 2026年3季度 read as 2026-3季度, Q3),
# 度 or not (第三季: a curing season has no number, so it is no 本季 to ask about).
_QUARTER_NUMBER = re.compile(r"^(?:(\d{4})[年-]?)?(?:第?([一二三四1-4])季度?|q([1-4]))$")
_QUARTER_NUMBERS = {"一": 1, "二": 2, "三": 3, "四": 4}
# A half of the year (上半年, 下半年, 2025年上半年, 今年下半年, 去年上半年).
_HALF_YEAR = re.compile(
    r"^(?:(\d{4})年?|(?P<named>今年|本年|去年|上年|上一年))?的?([上下])半年度?$"
)
# A week of a year by its ISO number (第48周, 2026年第48周, 第四十八个星期), as a planner
# counts weeks: this year's when no year is typed.
_WEEK_NUMBER = re.compile(
    r"^(?:(\d{4})年?)?的?第(\d{1,3}|[一二三四五六七八九十]{1,3})个?(?:周|星期|礼拜)$"
)
# A range of months (10月到11月, 2026年10月至12月, 十月到十二月, 12月到1月 across the new
# year, and 10-12月 with one 月 for both, as a report form writes it): the end without its
# year takes the start's, the next one when its month is earlier.
_MONTH_NUMBER = r"(\d{1,2}|[一二三四五六七八九十]{1,3})"
MONTH_RANGE = re.compile(
    rf"^(?:(\d{{4}})年?)?{_MONTH_NUMBER}(?:月份?)?{TO}(?:(\d{{4}})年?)?{_MONTH_NUMBER}月份?$"
)


def month_of(text: str, found: re.Match[str], zone: ZoneInfo) -> Window:
    """The month of `MONTH` (2026-11), refused when no calendar has it (2026-13)."""
    year = year_of(text, found[1])
    try:
        first = date(year, int(found[2]), 1)
    except ValueError:
        raise wrong_month(text) from None
    return custom(text, first, month_end(first), zone)


def month_range(text: str, found: re.Match[str], today_: date) -> tuple[date, date]:
    """The first day of the range's first month and the last of its last (`MONTH_RANGE`);
    a first month without its year is the latest such month begun, as 11月 alone is."""
    y1, m1, y2, m2 = found.groups()
    start, end = count_of(m1) or 0, count_of(m2) or 0
    if not (1 <= start <= 12 and 1 <= end <= 12):
        raise wrong_month(text)
    year = year_of(text, y1) if y1 else today_.year - int(start > today_.month)
    end_year = year_of(text, y2) if y2 else year + int(end < start)
    return date(year, start, 1), month_end(date(end_year, end, 1))


def counted(text: str, word: str, today_: date, zone: ZoneInfo) -> Window | None:
    """A year (2026年), a month of the year without its year (8月: the latest August that
    has begun), a quarter by its number (三季度: the latest third quarter begun; 2026年第三
    季度), or the last days (近7天: today and the six before it; 近一周, 近一个月; 前三天:
    the three before today)."""
    if found := _YEAR.match(word):
        year = year_of(text, found[1])
        return custom(text, date(year, 1, 1), date(year, 12, 31), zone)
    if found := _MONTH_ALONE.match(word):
        number = count_of(found[1]) or 0
        if not 1 <= number <= 12:
            raise wrong_month(text)
        first = date(today_.year - int(number > today_.month), number, 1)
        return custom(text, first, month_end(first), zone)
    if found := _QUARTER_NUMBER.match(word):
        said = found[2] or found[3]
        number = _QUARTER_NUMBERS.get(said) or int(said)
        first = date(year_of(text, found[1]) if found[1] else today_.year, number * 3 - 2, 1)
        if not found[1] and first > today_:
            first = first.replace(year=first.year - 1)  # the latest such quarter begun
        return custom(text, first, month_end(first.replace(month=first.month + 2)), zone)
    if found := _WEEK_NUMBER.match(word):
        return _week_number(text, found, today_, zone)
    if found := _HALF_YEAR.match(word):
        return _half_year(text, found, today_, zone)
    if found := LAST.match(word):
        return last(text, found, today_, zone)
    if found := DAYS_BEFORE.match(word):
        return days_before(text, found, today_, zone)
    return None


def _half_year(text: str, found: re.Match[str], today_: date, zone: ZoneInfo) -> Window:
    """上半年 (January to June) or 下半年 (July to December) of the year typed, 今年's or
    去年's; without a year the latest begun, as a quarter by its number is (下半年 typed in
    March is last year's)."""
    named = found["named"]
    if found[1]:
        year = year_of(text, found[1])
    else:
        year = today_.year - int(named in ("去年", "上年", "上一年"))
    first = date(year, 1 if found[3] == "上" else 7, 1)
    if not found[1] and not named and first > today_:
        first = first.replace(year=year - 1)
    return custom(text, first, month_end(first.replace(month=first.month + 5)), zone)


def _week_number(text: str, found: re.Match[str], today_: date, zone: ZoneInfo) -> Window:
    """The ISO week of the number typed (Monday to Sunday; its week 1 holds the year's first
    Thursday, so it may start in December), headed with its year and number (2026年第48周);
    a number the year has no week of (第60周, 第0周) is refused with how many it has. Without
    a year, the latest such week begun, as a quarter by its number is: 第48周 typed in
    January is last year's, not a week eleven months ahead; one of the next two weeks
    (第51周 in week 50, 第1周 on 2 January before it starts) is the coming one, and refused
    as not begun."""
    number = count_of(found[2]) or 0
    if found[1]:
        return _iso_week(text, year_of(text, found[1]), number, zone)
    this_year = today_.isocalendar().year  # 29 December 2025 is in 2026's week 1
    for year in (this_year + 1, this_year, this_year - 1):
        week_ = _iso_week(text, year, number, zone, refused=False)
        if week_ is not None and week_.first_day <= today_ + _WEEKS_AHEAD:
            return week_
    return _iso_week(text, this_year, number, zone)  # refused: no year near has the week


_WEEKS_AHEAD = timedelta(weeks=2)  # a week this near ahead is the coming one, not a past one


@overload
def _iso_week(text: str, year: int, number: int, zone: ZoneInfo) -> Window: ...
@overload
def _iso_week(
    text: str, year: int, number: int, zone: ZoneInfo, *, refused: bool
) -> Window | None: ...
def _iso_week(
    text: str, year: int, number: int, zone: ZoneInfo, *, refused: bool = True
) -> Window | None:
    """Week `number` of ISO year `year`; when the year has no such week, refused with how
    many it has, or None when not `refused`."""
    weeks = date(year, 12, 28).isocalendar().week  # 28 December is always in the last week
    if not 1 <= number <= weeks:
        if not refused:
            return None
        raise PeriodError(
            f"没有这一周：「{text.strip()}」（{year}年按 ISO 周数是第1周到第{weeks}周）。{USAGE}"
        )
    monday = date.fromisocalendar(year, number, 1)
    window = custom(text, monday, monday + timedelta(days=6), zone)
    return replace(window, heading=f"{year}年第{number}周")
