"""The window of days a report covers, in the bureau's time zone, as UTC bounds: a run of
days, and the day, week, month and quarter holding now.

Every window is half-open, [start, end): a ticket at exactly midnight belongs to the new day.
Weeks start on Monday, as Chinese work weeks do.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from reports.period_limits import EARLIEST, LATEST, PeriodError, beyond, out_of_range

# What a report calls a period of each kind (Window.name) whose heading does not name it.
PERIOD_NAMES = {
    "today": "今日",
    "yesterday": "昨日",
    "daybeforeyesterday": "前日",
    "threedaysago": "大前天",
    "week": "本周",
    "lastweek": "上周",
    "weekbeforelast": "上上周",
    "month": "本月",
    "lastmonth": "上月",
    "monthbeforelast": "上上月",
    "quarter": "本季度",
    "lastquarter": "上季度",
    "year": "今年",
    "lastyear": "去年",
    "season": "本烘烤季",
    "lastseason": "上个烘烤季",
}


@dataclass(frozen=True, slots=True)
class Window:
    start: datetime  # aware UTC, inclusive
    end: datetime  # aware UTC, exclusive
    first_day: date  # local, inclusive
    last_day: date  # local, inclusive
    name: str  # today | week | month | quarter | season | custom ...
    heading: str = ""  # how a report names it when the name alone does not: 2026年烘烤季

    @property
    def called(self) -> str:
        """What a report's title calls the period before its days: its heading (近7天,
        2026年烘烤季), else its kind's name (本周, 上个月); "" for days typed as dates."""
        return self.heading or PERIOD_NAMES.get(self.name, "")

    @property
    def label(self) -> str:
        if self.first_day == self.last_day:
            return self.first_day.isoformat()
        return f"{self.first_day.isoformat()} 至 {self.last_day.isoformat()}"

    def cutoff(self, now: datetime) -> datetime:
        """Deadlines count as passed only up to now: a running week is judged so far."""
        return min(self.end, now)


def days(first: date, last: date, zone: ZoneInfo, name: str = "custom") -> Window:
    """The local days first..last inclusive."""
    if last < first:
        raise PeriodError(f"结束日期 {last} 早于开始日期 {first}")
    if out_of_range(first, last):
        raise PeriodError(f"日期超出范围：只能查 {EARLIEST} 至 {LATEST} 之间的日子")
    start = datetime.combine(first, time(0), zone).astimezone(UTC)
    end = datetime.combine(last + timedelta(days=1), time(0), zone).astimezone(UTC)
    return Window(start, end, first, last, name)


def custom(text: str, first: date, last: date, zone: ZoneInfo) -> Window:
    """The days typed, or the usage when they lie outside what a report can cover."""
    if last < first:
        # Said with what was typed and the range the other way round, ready to send again.
        raise PeriodError(
            f"「{text.strip()}」的结束日期 {last} 早于开始日期 {first}，"
            f"请先写早的一天，如「{last}至{first}」。"
        )
    if out_of_range(first, last):
        raise beyond(text)
    return days(first, last, zone)


def month_start(day: date, months_back: int = 0) -> date:
    """The first day of `day`'s month, or of the month `months_back` months before it."""
    index = day.year * 12 + day.month - 1 - months_back
    return date(index // 12, index % 12 + 1, 1)


def month_end(first: date) -> date:
    # Not "the 1st of the next month minus a day": December 9999 has no next month.
    return first.replace(day=calendar.monthrange(first.year, first.month)[1])


def today(now: datetime, zone: ZoneInfo) -> Window:
    day = now.astimezone(zone).date()
    return days(day, day, zone, "today")


def week(now: datetime, zone: ZoneInfo, *, weeks_back: int = 0) -> Window:
    """The Monday-to-Sunday week holding `now` (or `weeks_back` weeks before it). One
    further back than 上上周 has no name of its own: its heading says it (上上上周)."""
    day = now.astimezone(zone).date()
    monday = day - timedelta(days=day.weekday(), weeks=weeks_back)
    if weeks_back > 2:
        window = days(monday, monday + timedelta(days=6), zone)
        return replace(window, heading=f"{'上' * weeks_back}周")
    name = ("week", "lastweek", "weekbeforelast")[weeks_back]
    return days(monday, monday + timedelta(days=6), zone, name)


def month(now: datetime, zone: ZoneInfo, *, months_back: int = 0) -> Window:
    """The month holding `now` (or `months_back` months before it). One further back than
    上上个月 has no name of its own: its heading says it (上上上个月)."""
    first = month_start(now.astimezone(zone).date(), months_back)
    if months_back > 2:
        return replace(days(first, month_end(first), zone), heading=f"{'上' * months_back}个月")
    name = ("month", "lastmonth", "monthbeforelast")[months_back]
    return days(first, month_end(first), zone, name)


def quarter(now: datetime, zone: ZoneInfo, *, quarters_back: int = 0) -> Window:
    """The calendar quarter (Jan-Mar, Apr-Jun ...) holding `now`, or one before it."""
    local = now.astimezone(zone).date()
    index = local.year * 4 + (local.month - 1) // 3 - quarters_back
    first = date(index // 4, index % 4 * 3 + 1, 1)
    last = month_end(first.replace(month=first.month + 2))
    return days(first, last, zone, "quarter" if not quarters_back else "lastquarter")
