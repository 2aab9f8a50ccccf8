"""Reporting periods: days, weeks and months in the bureau's time zone, as UTC bounds.

Every window is half-open, [start, end): a ticket at exactly midnight belongs to the new day.
Weeks start on Monday, as Chinese work weeks do.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo


class PeriodError(ValueError):
    """A period the user typed that we cannot read; the message is for the user (Chinese)."""


@dataclass(frozen=True, slots=True)
class Window:
    start: datetime  # aware UTC, inclusive
    end: datetime  # aware UTC, exclusive
    first_day: date  # local, inclusive
    last_day: date  # local, inclusive
    name: str  # today | week | month | custom ...

    @property
    def label(self) -> str:
        if self.first_day == self.last_day:
            return self.first_day.isoformat()
        return f"{self.first_day.isoformat()} 至 {self.last_day.isoformat()}"

    def cutoff(self, now: datetime) -> datetime:
        """Deadlines count as passed only up to now: a running week is judged so far."""
        return min(self.end, now)


# The days a report can cover. No ticket is older than 2000, and a period reaching past
# 2099 is a slip of the keyboard. Within these bounds every day's UTC bounds fit a datetime
# in any time zone (year 1 or 9999 would not), and the whole span is still one period a
# supervisor can ask for.
EARLIEST = date(2000, 1, 1)
LATEST = date(2099, 12, 31)
USAGE = (
    "可用：today、week、month、lastweek、lastmonth（或 今天、昨天、这周、上周、这个月、上个月）、"
    "2026-11、2026-11-18 或 2026-11-01..2026-11-15"
)


def _out_of_range(first: date, last: date) -> bool:
    return first < EARLIEST or last > LATEST


def days(first: date, last: date, zone: ZoneInfo, name: str = "custom") -> Window:
    """The local days first..last inclusive."""
    if last < first:
        raise PeriodError(f"结束日期 {last} 早于开始日期 {first}")
    if _out_of_range(first, last):
        raise PeriodError(f"日期超出范围：只能查 {EARLIEST} 至 {LATEST} 之间的日子")
    start = datetime.combine(first, time(0), zone).astimezone(UTC)
    end = datetime.combine(last + timedelta(days=1), time(0), zone).astimezone(UTC)
    return Window(start, end, first, last, name)


def _month_end(first: date) -> date:
    # Not "the 1st of the next month minus a day": December 9999 has no next month.
    return first.replace(day=calendar.monthrange(first.year, first.month)[1])


def today(now: datetime, zone: ZoneInfo) -> Window:
    day = now.astimezone(zone).date()
    return days(day, day, zone, "today")


def week(now: datetime, zone: ZoneInfo, *, weeks_back: int = 0) -> Window:
    """The Monday-to-Sunday week holding `now` (or `weeks_back` weeks before it)."""
    day = now.astimezone(zone).date()
    monday = day - timedelta(days=day.weekday(), weeks=weeks_back)
    return days(monday, monday + timedelta(days=6), zone, "week" if not weeks_back else "lastweek")


def month(now: datetime, zone: ZoneInfo, *, months_back: int = 0) -> Window:
    local = now.astimezone(zone).date()
    index = local.year * 12 + local.month - 1 - months_back
    first = date(index // 12, index % 12 + 1, 1)
    return days(first, _month_end(first), zone, "month" if not months_back else "lastmonth")


# What a supervisor types, in both scripts: the words of a chat, not only of a report form.
_ALIASES = {
    "today": "today",
    "今天": "today",
    "今日": "today",
    "yesterday": "yesterday",
    "昨天": "yesterday",
    "昨日": "yesterday",
    "week": "week",
    "thisweek": "week",
    "本周": "week",
    "本週": "week",  # Traditional
    "这周": "week",
    "這週": "week",
    "這周": "week",
    "本星期": "week",
    "这星期": "week",
    "這星期": "week",
    "lastweek": "lastweek",
    "上周": "lastweek",
    "上週": "lastweek",
    "上星期": "lastweek",
    "month": "month",
    "thismonth": "month",
    "本月": "month",
    "这个月": "month",
    "這個月": "month",
    "lastmonth": "lastmonth",
    "上月": "lastmonth",
    "上个月": "lastmonth",
    "上個月": "lastmonth",
}
_RANGE = re.compile(r"^(\d{4}-\d{1,2}-\d{1,2})\s*(?:\.\.|~|～|至|到)\s*(\d{4}-\d{1,2}-\d{1,2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")


def parse_day(text: str) -> date:
    try:
        year, mon, day = (int(part) for part in text.strip().split("-"))
        return date(year, mon, day)
    except ValueError:
        raise PeriodError(f"日期格式不对：{text!r}，请写成 2026-11-18") from None


def parse(text: str, now: datetime, zone: ZoneInfo) -> Window:
    """Read what a supervisor typed after /stats or /ledger.

    Accepts today, yesterday, week, lastweek, month, lastmonth (or 今天, 这周, 上个月,
    上星期 ... in either script; spaces and case do not matter),
    a month `2026-11`, a day `2026-11-18`, or a range `2026-11-01..2026-11-15`.
    """
    word = text.strip().lower().replace(" ", "")
    kind = _ALIASES.get(word or "today")
    if kind == "today":
        return today(now, zone)
    if kind == "yesterday":
        day = now.astimezone(zone).date() - timedelta(days=1)
        return days(day, day, zone, "yesterday")
    if kind in ("week", "lastweek"):
        return week(now, zone, weeks_back=int(kind == "lastweek"))
    if kind in ("month", "lastmonth"):
        return month(now, zone, months_back=int(kind == "lastmonth"))
    if found := _RANGE.match(text.strip()):
        return _custom(text, parse_day(found[1]), parse_day(found[2]), zone)
    if found := _MONTH.match(word):
        try:
            first = date(int(found[1]), int(found[2]), 1)
        except ValueError:
            raise PeriodError(f"月份不对：{text!r}") from None
        return _custom(text, first, _month_end(first), zone)
    if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", word):
        day = parse_day(word)
        return _custom(text, day, day, zone)
    raise PeriodError(f"看不懂时间范围 {text!r}。{USAGE}")


def _custom(text: str, first: date, last: date, zone: ZoneInfo) -> Window:
    """The days typed, or the usage when they lie outside what a report can cover."""
    if last >= first and _out_of_range(first, last):
        raise PeriodError(
            f"看不懂时间范围 {text!r}：只能查 {EARLIEST} 至 {LATEST} 之间的日子。{USAGE}"
        )
    return days(first, last, zone)
