"""Curing seasons (烘烤季) as periods: this one, last one, the one of a year typed. The
season is the config's `curing_season`; one may run over the new year."""

from __future__ import annotations

import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

from core.config import CuringSeason
from reports.period_limits import EARLIEST, LATEST, PeriodError
from reports.period_windows import Window, days
from reports.period_words import TO

SEASON_YEAR = re.compile(r"^(\d{4})年?(?:的)?(?:烘烤季|烤季)$")
# A season over the new year by both its years, as a report heads it (2025—2026年烘烤季).
SEASON_YEARS = re.compile(rf"^(\d{{4}})年?{TO}(\d{{4}})年?(?:的)?(?:烘烤季|烤季)$")


def _season_heading(season: CuringSeason, year: int) -> str:
    return f"{year}—{year + 1}年烘烤季" if season.wraps else f"{year}年烘烤季"


def curing_season(
    now: datetime, zone: ZoneInfo, season: CuringSeason, *, last: bool = False
) -> Window:
    """This year's curing season: from its start to today while it runs, the whole of it
    once it is over, and last year's whole season before this year's starts. With `last`,
    last year's."""
    today = now.astimezone(zone).date()
    year = season.year_of(today)
    if last or season.first_day(year) > today:
        year -= 1
    return _season(season, year, today, zone, "lastseason" if last else "season")


def season_of_year(now: datetime, zone: ZoneInfo, season: CuringSeason, year: int) -> Window:
    """The curing season that starts in `year` (so far, if it is running)."""
    today = now.astimezone(zone).date()
    if not EARLIEST.year <= year <= LATEST.year - int(season.wraps):
        raise PeriodError(f"年份超出范围：只能查 {EARLIEST.year} 至 {LATEST.year} 年的烘烤季")
    if season.first_day(year) > today:
        raise PeriodError(
            f"{_season_heading(season, year)}（{season.first_day(year)} 起）还没开始，暂无数据。"
        )
    return _season(season, year, today, zone, "custom")


def season_of_years(
    text: str, now: datetime, zone: ZoneInfo, season: CuringSeason, found: re.Match[str]
) -> Window:
    """The season over the new year typed by both its years (2025—2026年烘烤季), as the
    report heads it; refused, with how to write it, when no season runs over those years."""
    year, until = int(found[1]), int(found[2])
    if not season.wraps or until != year + 1:
        raise PeriodError(
            f"「{text.strip()}」不是一个烘烤季：烘烤季从 {season.start} 到 {season.end}，"
            f"请写「{_season_heading(season, year)}」。"
        )
    return season_of_year(now, zone, season, year)


def _season(season: CuringSeason, year: int, today: date, zone: ZoneInfo, name: str) -> Window:
    first, last = season.first_day(year), season.last_day(year)
    window = days(first, min(last, today), zone, name)
    return Window(window.start, window.end, window.first_day, window.last_day, name,
                  _season_heading(season, year))  # fmt: skip
