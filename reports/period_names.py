"""Periods by their name (today, lastweek, season ...): the kinds period_words.ALIASES
gives the words a supervisor types (今天, 上周, 本烘烤季 ...)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from core.config import CuringSeason
from reports.period_seasons import curing_season
from reports.period_windows import Window, days, month, quarter, today, week

_DAYS_BACK = {"yesterday": 1, "daybeforeyesterday": 2, "threedaysago": 3}
_WEEKS_BACK = {"week": 0, "lastweek": 1, "weekbeforelast": 2}
_MONTHS_BACK = {"month": 0, "lastmonth": 1, "monthbeforelast": 2}


def named(kind: str, now: datetime, zone: ZoneInfo, season: CuringSeason) -> Window:
    """A period by its name: today, lastweek, season ..."""
    if kind in ("season", "lastseason"):
        return curing_season(now, zone, season, last=kind == "lastseason")
    if kind in ("quarter", "lastquarter"):
        return quarter(now, zone, quarters_back=int(kind == "lastquarter"))
    if kind in ("year", "lastyear"):
        year = now.astimezone(zone).year - int(kind == "lastyear")
        return days(date(year, 1, 1), date(year, 12, 31), zone, kind)
    if kind in _DAYS_BACK:
        day = now.astimezone(zone).date() - timedelta(days=_DAYS_BACK[kind])
        return days(day, day, zone, kind)
    if kind in _WEEKS_BACK:
        return week(now, zone, weeks_back=_WEEKS_BACK[kind])
    if kind in _MONTHS_BACK:
        return month(now, zone, months_back=_MONTHS_BACK[kind])
    return today(now, zone)
