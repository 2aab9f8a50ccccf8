"""Reporting periods: what a supervisor types after /stats or /ledger (今天, 上周, 11月,
2026-11-01..2026-11-15, 上上个月15号, 本周一至今 ...) read as the days a report covers.

The words are in reports/period_words.py; the windows, limits and the readers of each kind
of period in the reports/period_*.py modules beside this one. This module reads a period
from end to end, and is where the rest of the project imports periods from.
"""

from __future__ import annotations

import re
from datetime import datetime
from zoneinfo import ZoneInfo

from core.config import CuringSeason
from reports.period_counts import MONTH, MONTH_RANGE, counted, month_of, month_range
from reports.period_days import ISO_RANGE, day_range, month_day, parse_day, weekdays
from reports.period_holidays import AROUND_HOLIDAY, HOLIDAY, around_holiday, holiday
from reports.period_last import days_or_day, vague
from reports.period_limits import EARLIEST, LATEST, USAGE, PeriodError, requoted, unread
from reports.period_names import named
from reports.period_rewrites import written_out
from reports.period_seasons import (
    SEASON_YEAR,
    SEASON_YEARS,
    curing_season,
    season_of_year,
    season_of_years,
)
from reports.period_spans import (
    TEN_DAYS,
    from_without_end,
    joined,
    periods_range,
    since,
    ten_days,
)
from reports.period_windows import Window, custom, days, month, quarter, today, week
from reports.period_words import (
    AMBIGUOUS,
    DAY_RANGE,
    MONTH_DAY,
    MONTHS_AGO,
    SO_FAR,
    WEEKS_AGO,
    future,
    named_kind,
    normalize,
    plain,
)

__all__ = [
    "EARLIEST",
    "LATEST",
    "USAGE",
    "PeriodError",
    "Window",
    "begun",
    "curing_season",
    "days",
    "month",
    "parse",
    "parse_day",
    "quarter",
    "season_of_year",
    "today",
    "week",
]


def parse(text: str, now: datetime, zone: ZoneInfo, season: CuringSeason | None = None) -> Window:
    """Read what a supervisor typed after /stats or /ledger (see `_parse`). A period that has
    not begun is refused, as a curing season that has not is: its report would be empty,
    stamped with a cutoff before it starts."""
    if text.strip() and not plain(text):
        # Punctuation alone (/stats 。) is no period, not the today that nothing typed means.
        raise unread(text)
    if future(normalize(text).replace(" ", "")):
        raise PeriodError(f"「{text.strip()}」还没开始，暂无数据。")
    if asked := days_or_day(text, now.astimezone(zone).date()):
        raise asked  # 七日数据: the last seven days, or the 7th?
    return begun(_parse(text, now, zone, season), now, zone, text.strip())


def begun(window: Window, now: datetime, zone: ZoneInfo, typed: str) -> Window:
    """`window`, or refused when its first day is after `now`'s (`typed`: how it was asked
    for, quoted back): its report would be empty, stamped with a cutoff before it starts."""
    if window.first_day > now.astimezone(zone).date():
        raise PeriodError(f"「{typed}」（{window.first_day} 起）还没开始，暂无数据。")
    return window


def _parse(text: str, now: datetime, zone: ZoneInfo, season: CuringSeason | None = None) -> Window:
    """Read what a supervisor typed after /stats or /ledger.

    Accepts today, yesterday, week, lastweek, month, lastmonth, quarter, lastquarter, year,
    lastyear, season, lastseason (or 今天, 这周, 上个星期, 上个月, 本季度, 今年, 去年,
    本烘烤季, 去年烘烤季 ... in either script; spaces and case do not matter), a month
    `2026-11` (or 2026年11月, 2026/11, and `11月` for the latest November), a day
    `2026-11-18` (or 2026年11月18日, 2026/11/18), a range `2026-11-01..2026-11-15` (or with
    至, 到, ~, - or a space between), the last days `近7天` (近一周, 最近一个月), a year
    `2026年`, or a year's curing season `2025年烘烤季`. `season` is the config's curing
    season (the default one when not given).
    """
    today_ = now.astimezone(zone).date()

    def read(typed: str) -> Window:
        return _parse(typed, now, zone, season)

    if (start := from_without_end(plain(text))) is not None:
        return since(text, start, read, today_, zone)
    if (dated := written_out(plain(text), today_, text)) != plain(text):
        try:
            return read(dated)
        except PeriodError as refused:
            # Quoting what was typed (上上个月32号), not how we wrote it out (2026年10月32号).
            raise requoted(refused, dated, text) from None
    if found := SO_FAR.match(plain(text)):
        return since(text, found["start"], read, today_, zone)
    if found := TEN_DAYS.match(plain(text)):
        return ten_days(text, found, read, zone)
    if found := DAY_RANGE.match(plain(text)):
        return custom(text, *day_range(text, found, today_), zone)
    if days_of_week := weekdays(plain(text).replace(" ", ""), today_):
        return custom(text, *days_of_week, zone)
    typed = MONTH_DAY.sub(lambda found: month_day(found, today_, text), normalize(text))
    word = typed.replace(" ", "")
    kind = named_kind(word or "today")
    if word in AMBIGUOUS:
        raise PeriodError(
            f"「{text.strip()}」是指季度还是烘烤季？季度请写「本季度」或「上季度」，"
            "烘烤季请写「本烘烤季」或「上个烘烤季」。"
        )
    if kind is not None:
        return named(kind, now, zone, season or CuringSeason())
    if found := WEEKS_AGO.match(word):
        return week(now, zone, weeks_back=len(found["back"]))
    if found := MONTHS_AGO.match(word):
        return month(now, zone, months_back=len(found["back"]))
    if found := SEASON_YEAR.match(word):
        return season_of_year(now, zone, season or CuringSeason(), int(found[1]))
    if found := SEASON_YEARS.match(word):
        return season_of_years(text, now, zone, season or CuringSeason(), found)
    if found := ISO_RANGE.match(typed):
        return custom(text, parse_day(found[1], text), parse_day(found[2], text), zone)
    if found := MONTH.match(word):
        return month_of(text, found, zone)
    if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", word):
        day = parse_day(word, text)
        return custom(text, day, day, zone)
    if window := counted(text, word, today_, zone):
        return window
    if found := MONTH_RANGE.match(plain(text).replace(" ", "")):
        return custom(text, *month_range(text, found, today_), zone)
    if found := HOLIDAY.match(word):
        return holiday(text, found, today_, zone)
    if found := AROUND_HOLIDAY.match(word):
        raise around_holiday(text, found, today_)
    if window := periods_range(text, read, today_, zone):
        return window
    if window := joined(text, read, zone):
        return window
    if asked := vague(text, word):
        raise asked
    raise unread(text)
