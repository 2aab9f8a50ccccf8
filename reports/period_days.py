"""Days typed as dates (2026-11-18, 12月6日, 12月1日至6日) or as days of a week (周五,
上周三到周五), read as the day or the first and last day they name."""

from __future__ import annotations

import re
from datetime import date, timedelta

from reports.period_limits import USAGE, PeriodError, no_such_day
from reports.period_windows import month_end
from reports.period_words import TO, WEEKDAY, WEEKDAY_NUMBERS, WEEKDAY_RANGE

_DATE = r"(\d{4}-\d{1,2}-\d{1,2})"
# Two days in ISO form (2026-11-01..2026-11-15, or with a space between).
ISO_RANGE = re.compile(rf"^{_DATE}(?:\s*{TO}\s*|\s+){_DATE}$")
_FULL_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_AHEAD = timedelta(days=31)  # a day this near ahead is this year's, not last year's


def parse_day(text: str, typed: str | None = None) -> date:
    """The day `text` (2026-11-18). `typed` is what the person wrote when the day was read out
    of it (2026年2月30日 is read as 2026-2-30): a refusal quotes that, not our spelling, and
    lists the periods they can write."""
    shown = (text if typed is None else typed).strip()
    usage = "" if typed is None else f"。{USAGE}"
    try:
        year, mon, day = (int(part) for part in text.strip().split("-"))
    except ValueError:
        raise PeriodError(f"日期格式不对：「{shown}」，请写成 2026-11-18{usage}") from None
    try:
        return date(year, mon, day)
    except ValueError:
        raise no_such_day(shown, year, mon, day, usage) from None


def day_range(text: str, found: re.Match[str], today_: date) -> tuple[date, date]:
    """The days of `DAY_RANGE`: a start without its year is the latest such day that has
    begun; an end without its year or month takes the start's (the next year's when it
    would come before the start: 12月25日至1月5日), but a day alone before a start without
    its year runs over the start's month end (11月30日到4日 ends 4 December), as 30号到4号
    does."""
    y1, m1, d1, y2, m2, d2 = found.groups()
    usage = f"。{USAGE}"
    try:
        first = date(int(y1), int(m1), int(d1)) if y1 else latest_day(int(m1), int(d1), today_)
    except ValueError:
        year = int(y1) if y1 else None
        raise no_such_day(text.strip(), year, int(m1), int(d1), usage) from None
    end_year = int(y2) if y2 else first.year
    end_month = int(m2 or m1)
    if not y2 and m2 and int(m2) < first.month:
        end_year += 1  # 12月25日至1月5日; 12月5日至12月1日 is backwards, and said so
    if not (y1 or y2 or m2) and int(d2) < first.day:
        over = month_end(first) + timedelta(days=1)  # 12月30日到4日: 4 January
        end_year, end_month = over.year, over.month
    try:
        last = date(end_year, end_month, int(d2))
    except ValueError:
        raise no_such_day(text.strip(), end_year, end_month, int(d2), usage) from None
    return first, last


def latest_day(month_: int, day: int, today_: date) -> date:
    """The day meant by `month_`-`day` without a year: this year's when it is today, past,
    or within `_AHEAD` (12月7日 typed on 6 December is tomorrow, not a year ago: a period
    not begun, and refused as one); else the latest that has begun (12月25日 typed in
    January is last December's; 2月29日, of the latest leap year). Raises ValueError when
    there is no such day (2月30日)."""
    for year in range(today_.year, today_.year - 8, -1):
        try:
            when = date(year, month_, day)
        except ValueError:
            continue
        if when <= today_ + _AHEAD:
            return when
    raise ValueError(f"no day {month_}-{day}")


def _latest(found: re.Match[str], today_: date, text: str) -> str:
    """A month and day without a year (12月6日) as an ISO date: the latest such day that has
    begun, as 11月 is the latest November. `text` is what was typed, quoted when there is no
    such day (2月30日)."""
    mon, day = int(found[1]), int(found[2])
    try:
        return latest_day(mon, day, today_).isoformat()
    except ValueError:
        raise no_such_day(text.strip(), None, mon, day, f"。{USAGE}") from None


def month_day(found: re.Match[str], today_: date, text: str) -> str:
    """`_latest`, but a month and day ending a range whose start has its year (2025-10-01到
    11月1日) takes the start's year, the next one when its month is earlier, as the end of
    2025年10月1日到11月1日 does."""
    start = _FULL_DATE.findall(found.string[: found.start()])
    if not start:
        return _latest(found, today_, text)
    begins = tuple(int(part) for part in start[-1])
    mon, day = int(found[1]), int(found[2])
    year = begins[0] + int(mon < begins[1])  # 11月5日至11月1日 is backwards, and said so
    try:
        return date(year, mon, day).isoformat()
    except ValueError:
        raise no_such_day(text.strip(), year, mon, day, f"。{USAGE}") from None


def weekdays(word: str, today_: date) -> tuple[date, date] | None:
    """The days of a day of a week (周一, 上周五) or of a range of them (上周三到周五), or
    None when `word` is neither."""
    if found := WEEKDAY.match(word):
        day = _weekday(found["week"], found["day"], today_)
        return day, day
    if found := WEEKDAY_RANGE.match(word):
        start = WEEKDAY.match(found["start"])
        assert start is not None  # WEEKDAY_RANGE's start is a WEEKDAY
        first = _weekday(start["week"], start["day"], today_)
        end = WEEKDAY.match(found["end"])
        if end and end["week"]:
            return first, _weekday(end["week"], end["day"], today_)  # 上周五到本周一
        # 上周三到周五, 周一到三: the end is the first such day from the start on (周五到周一
        # runs over the weekend).
        ahead = (WEEKDAY_NUMBERS[found["end"][-1]] - first.weekday()) % 7
        return first, first + timedelta(days=ahead)
    return None


def _weekday(week_of: str, day: str, today_: date) -> date:
    """The day `day` (一 ... 日) of the week typed before it: 上周五 last week's, 上上上周五
    three weeks back, 本周五 this
    week's (not begun before Friday, and refused as such); 周五 alone the latest Friday
    that has begun, as a supervisor on Tuesday means the Friday just gone."""
    index = WEEKDAY_NUMBERS[day]
    if not week_of:
        return today_ - timedelta(days=(today_.weekday() - index) % 7)
    # One 上 a week back (上周, 上一个星期, 上上上周); 本 and 这 are this week.
    monday = today_ - timedelta(days=today_.weekday(), weeks=week_of.count("上"))
    return monday + timedelta(days=index)
