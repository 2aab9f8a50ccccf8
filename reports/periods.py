"""Reporting periods: days, weeks, months, quarters and curing seasons in the bureau's time
zone, as UTC bounds.

Every window is half-open, [start, end): a ticket at exactly midnight belongs to the new day.
Weeks start on Monday, as Chinese work weeks do. The curing season (烘烤季) is the config's
`curing_season`.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from core.config import CuringSeason
from reports.period_words import (
    ALIASES,
    AMBIGUOUS,
    DAY_RANGE,
    FROM,
    FUTURE,
    LAST,
    MONTH_DAY,
    SO_FAR,
    WEEKDAY,
    WEEKDAY_NUMBERS,
    WEEKDAY_RANGE,
    WEEKS_BACK,
    count_of,
    normalize,
    plain,
)


class PeriodError(ValueError):
    """A period the user typed that we cannot read; the message is for the user (Chinese)."""


@dataclass(frozen=True, slots=True)
class Window:
    start: datetime  # aware UTC, inclusive
    end: datetime  # aware UTC, exclusive
    first_day: date  # local, inclusive
    last_day: date  # local, inclusive
    name: str  # today | week | month | quarter | season | custom ...
    heading: str = ""  # how a report names it when the name alone does not: 2026年烘烤季

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
    "可以写：今天、昨天、前天、本周、上周、上上周、周一、上周三到周五、本月、上个月、本季度、上季度、今年、去年、本烘烤季、"
    "上个烘烤季、近7天，或日期 2026-11、2026-11-18、12月6日、2026-11-01..2026-11-15、"
    "12月1日至12月6日、2025年烘烤季"
    "（也认 today、week、lastweek、month、lastmonth）"
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
    name = ("week", "lastweek", "weekbeforelast")[min(weeks_back, 2)]
    return days(monday, monday + timedelta(days=6), zone, name)


def month(now: datetime, zone: ZoneInfo, *, months_back: int = 0) -> Window:
    local = now.astimezone(zone).date()
    index = local.year * 12 + local.month - 1 - months_back
    first = date(index // 12, index % 12 + 1, 1)
    name = ("month", "lastmonth", "monthbeforelast")[min(months_back, 2)]
    return days(first, _month_end(first), zone, name)


def quarter(now: datetime, zone: ZoneInfo, *, quarters_back: int = 0) -> Window:
    """The calendar quarter (Jan-Mar, Apr-Jun ...) holding `now`, or one before it."""
    local = now.astimezone(zone).date()
    index = local.year * 4 + (local.month - 1) // 3 - quarters_back
    first = date(index // 4, index % 4 * 3 + 1, 1)
    last = _month_end(first.replace(month=first.month + 2))
    return days(first, last, zone, "quarter" if not quarters_back else "lastquarter")


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


def _season_of_years(
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


_SEASON_YEAR = re.compile(r"^(\d{4})年?(?:的)?(?:烘烤季|烤季)$")
# A season over the new year by both its years, as a report heads it (2025—2026年烘烤季).
_SEASON_YEARS = re.compile(r"^(\d{4})年?(?:\.\.|~|至|到|-|—|–)(\d{4})年?(?:的)?(?:烘烤季|烤季)$")
_DATE = r"(\d{4}-\d{1,2}-\d{1,2})"
_RANGE = re.compile(rf"^{_DATE}(?:\s*(?:\.\.|~|至|到|-|—|–)\s*|\s+){_DATE}$")
_YEAR = re.compile(r"^(\d{4})(?:年度?)?$")
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
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")


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
        raise _no_such_day(shown, year, mon, day, usage) from None


def _no_such_day(shown: str, year: int | None, mon: int, day: int, usage: str) -> PeriodError:
    """A day that is not in the calendar (2月30日, 13月1日), told as such with why, and not
    as a spelling the person got wrong: they wrote a date the right way."""
    if not 1 <= mon <= 12:
        why = "月份是 1 到 12"
    elif year is None:
        why = f"{mon}月最多{calendar.monthrange(2000, mon)[1]}天"  # 2000: a leap year
    elif not date.min.year <= year <= date.max.year:
        why = f"只能查 {EARLIEST} 至 {LATEST} 之间的日子"
    else:
        why = f"{year}年{mon}月只有{calendar.monthrange(year, mon)[1]}天"
    return PeriodError(f"没有这一天：「{shown}」（{why}）{usage or '。'}")


# The start of a span typed alone before 至今 (年初至今): the year's.
ALIASES_OF_START = {"年": "今年", "月": "本月"}


def parse(text: str, now: datetime, zone: ZoneInfo, season: CuringSeason | None = None) -> Window:
    """Read what a supervisor typed after /stats or /ledger (see `_parse`). A period that has
    not begun is refused, as a curing season that has not is: its report would be empty,
    stamped with a cutoff before it starts."""
    if text.strip() and not plain(text):
        # Punctuation alone (/stats 。) is no period, not the today that nothing typed means.
        raise PeriodError(f"看不懂时间范围「{text.strip()}」。{USAGE}")
    if normalize(text).replace(" ", "") in FUTURE:
        raise PeriodError(f"「{text.strip()}」还没开始，暂无数据。")
    return begun(_parse(text, now, zone, season), now, zone, text.strip())


def begun(window: Window, now: datetime, zone: ZoneInfo, typed: str) -> Window:
    """`window`, or refused when its first day is after `now`'s (`typed`: how it was asked
    for, quoted back): its report would be empty, stamped with a cutoff before it starts."""
    if window.first_day > now.astimezone(zone).date():
        raise PeriodError(f"「{typed}」（{window.first_day} 起）还没开始，暂无数据。")
    return window


def _day_range(text: str, found: re.Match[str], today_: date) -> tuple[date, date]:
    """The days of `DAY_RANGE`: a start without its year is the latest such day that has
    begun; an end without its year or month takes the start's (the next year's when it
    would come before the start: 12月25日至1月5日)."""
    y1, m1, d1, y2, m2, d2 = found.groups()
    usage = f"。{USAGE}"
    try:
        first = date(int(y1), int(m1), int(d1)) if y1 else _latest_day(int(m1), int(d1), today_)
    except ValueError:
        year = int(y1) if y1 else None
        raise _no_such_day(text.strip(), year, int(m1), int(d1), usage) from None
    end_year = int(y2) if y2 else first.year
    if not y2 and m2 and int(m2) < first.month:
        end_year += 1  # 12月25日至1月5日; 12月5日至12月1日 is backwards, and said so
    try:
        last = date(end_year, int(m2 or m1), int(d2))
    except ValueError:
        raise _no_such_day(text.strip(), end_year, int(m2 or m1), int(d2), usage) from None
    return first, last


def _latest_day(month_: int, day: int, today_: date) -> date:
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


_AHEAD = timedelta(days=31)  # a day this near ahead is this year's, not last year's


def _latest(found: re.Match[str], today_: date, text: str) -> str:
    """A month and day without a year (12月6日) as an ISO date: the latest such day that has
    begun, as 11月 is the latest November. `text` is what was typed, quoted when there is no
    such day (2月30日)."""
    mon, day = int(found[1]), int(found[2])
    try:
        return _latest_day(mon, day, today_).isoformat()
    except ValueError:
        raise _no_such_day(text.strip(), None, mon, day, f"。{USAGE}") from None


def _month_day(found: re.Match[str], today_: date, text: str) -> str:
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
        raise _no_such_day(text.strip(), year, mon, day, f"。{USAGE}") from None


_FULL_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


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
    if (start := _from_without_end(plain(text))) is not None:
        return _since(text, start, now, zone, season)
    if (dated := _written_out(plain(text), today_, text)) != plain(text):
        try:
            return _parse(dated, now, zone, season)
        except PeriodError as refused:
            # Quoting what was typed (上上个月32号), not how we wrote it out (2026年10月32号).
            quoted = str(refused).replace(f"「{dated}」", f"「{text.strip()}」")
            raise PeriodError(quoted) from None
    if found := SO_FAR.match(plain(text)):
        return _since(text, found["start"], now, zone, season)
    if found := _TEN_DAYS.match(plain(text)):
        return _ten_days(text, found, now, zone, season)
    if found := DAY_RANGE.match(plain(text)):
        return _custom(text, *_day_range(text, found, today_), zone)
    if days_of_week := _weekdays(plain(text).replace(" ", ""), today_):
        return _custom(text, *days_of_week, zone)
    typed = MONTH_DAY.sub(lambda found: _month_day(found, today_, text), normalize(text))
    word = typed.replace(" ", "")
    kind = ALIASES.get(word or "today")
    if word in AMBIGUOUS:
        raise PeriodError(
            f"「{text.strip()}」是指季度还是烘烤季？季度请写「本季度」或「上季度」，"
            "烘烤季请写「本烘烤季」或「上个烘烤季」。"
        )
    if kind is not None:
        return _named(kind, now, zone, season or CuringSeason())
    if found := _SEASON_YEAR.match(word):
        return season_of_year(now, zone, season or CuringSeason(), int(found[1]))
    if found := _SEASON_YEARS.match(word):
        return _season_of_years(text, now, zone, season or CuringSeason(), found)
    if found := _RANGE.match(typed):
        return _custom(text, parse_day(found[1], text), parse_day(found[2], text), zone)
    if found := _MONTH.match(word):
        year = _year_of(text, found[1])
        try:
            first = date(year, int(found[2]), 1)
        except ValueError:
            raise PeriodError(f"月份不对：「{text.strip()}」，月份是 1 到 12。{USAGE}") from None
        return _custom(text, first, _month_end(first), zone)
    if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", word):
        day = parse_day(word, text)
        return _custom(text, day, day, zone)
    if window := _counted(text, word, now, zone):
        return window
    if found := _MONTH_RANGE.match(plain(text).replace(" ", "")):
        return _custom(text, *_month_range(text, found, today_), zone)
    if window := _periods_range(text, now, zone, season):
        return window
    raise PeriodError(f"看不懂时间范围「{text.strip()}」。{USAGE}")


def _since(
    text: str, start: str, now: datetime, zone: ZoneInfo, season: CuringSeason | None
) -> Window:
    """From the first day of `start` (what is typed before 至今 or 起, or after a 从 with no
    end) to today: 本月初至今, 年初至今, 今年年初至今 from the first day of the month, of
    the year."""
    today_ = now.astimezone(zone).date()
    start = start.removesuffix("初") or start
    if start[-2:] in ("年年", "月月"):
        start = start[:-1]  # 今年年初: 今年's start
    read = ALIASES_OF_START.get(start, start)
    try:
        begins = _parse(read, now, zone, season)
    except PeriodError as unread:
        if not str(unread).startswith("看不懂时间范围"):
            # 从2月30日: quoting what was typed, not its start alone.
            raise PeriodError(str(unread).replace(f"「{read}」", f"「{text.strip()}」")) from None
        raise PeriodError(f"看不懂时间范围「{text.strip()}」。{USAGE}") from None
    if begins.first_day > today_:
        return begins  # not begun: refused as such by `parse`, quoting what was typed
    return _custom(text, begins.first_day, today_, zone)


# The dates a range mark would be found in (2026-11-01), not being one.
_ISO_DATES = re.compile(r"\d{4}-\d{1,2}(?:-\d{1,2})?")


def _from_without_end(typed: str) -> str | None:
    """What follows 从 or 自 when nothing ends it (从11月1日, 从上周一, 从本月), or None: a
    supervisor who types 从11月1日 means since then, as 11月1日起 is read; 从11月1日到15日
    and 从11月1日起 are read as typed."""
    found = FROM.match(typed)
    if found is None:
        return None
    start = typed[found.end() :]
    if SO_FAR.match(start) or _SEPARATOR.search(_ISO_DATES.sub("", start)):
        return None
    return start


_TO = r"(?:\.\.|~|至|到|-|—|–)"
# A range of months (10月到11月, 2026年10月至12月, 十月到十二月, 12月到1月 across the new
# year): the end without its year takes the start's, the next one when its month is earlier.
_MONTH_NUMBER = r"(\d{1,2}|[一二三四五六七八九十]{1,3})"
_MONTH_RANGE = re.compile(
    rf"^(?:(\d{{4}})年?)?{_MONTH_NUMBER}月份?{_TO}(?:(\d{{4}})年?)?{_MONTH_NUMBER}月份?$"
)


def _month_range(text: str, found: re.Match[str], today_: date) -> tuple[date, date]:
    """The first day of the range's first month and the last of its last (`_MONTH_RANGE`);
    a first month without its year is the latest such month begun, as 11月 alone is."""
    y1, m1, y2, m2 = found.groups()
    start, end = count_of(m1) or 0, count_of(m2) or 0
    if not (1 <= start <= 12 and 1 <= end <= 12):
        raise PeriodError(f"月份不对：「{text.strip()}」，月份是 1 到 12。{USAGE}")
    year = _year_of(text, y1) if y1 else today_.year - int(start > today_.month)
    end_year = _year_of(text, y2) if y2 else year + int(end < start)
    return date(year, start, 1), _month_end(date(end_year, end, 1))


_SEPARATOR = re.compile(_TO)


def _periods_range(
    text: str, now: datetime, zone: ZoneInfo, season: CuringSeason | None
) -> Window | None:
    """From the start of one period to the end of another (上个月到本月, 上周至本周,
    上季度到本季度), or None when `text` is not two periods with 到, 至, ~ or - between."""
    typed = plain(text)
    for separator in _SEPARATOR.finditer(typed):
        before, after = typed[: separator.start()], typed[separator.end() :]
        if not before.strip() or not after.strip():
            continue
        try:
            first = _parse(before, now, zone, season)
            last = _end_of_range(after, first, now, zone, season)
        except PeriodError:
            continue
        if last.last_day < first.first_day:
            # Said with the two periods the other way round, ready to send again.
            raise PeriodError(
                f"「{text.strip()}」的结束日期 {last.last_day} 早于开始日期 {first.first_day}，"
                f"请先写早的一段，如「{last.first_day}至{first.last_day}」。"
            )
        return _custom(text, first.first_day, last.last_day, zone)
    return None


# An end of a range that names its year (2026年烘烤季, 今年2月): read as it is, not
# with the start's written before it (2025年2026年烘烤季 would read as 2025-2026年烘烤季).
_OWN_YEAR = re.compile(r"\d{4}|今年|本年|去年|上年|上一年|前年|明年")


def _end_of_range(
    after: str, first: Window, now: datetime, zone: ZoneInfo, season: CuringSeason | None
) -> Window:
    """The end of a range, read in its start's year when it names none, as the end of a
    range of days or months is: 2025年10-12月 ends in December 2025 and 去年上半年到下半年 in
    2025's second half, not the latest December or second half begun. When that would come
    before the start, the next year's (2025年10-2月 ends in February 2026). An end that is
    itself a range, names its own year or is no period of a year (本月, 周五) is read alone;
    one that is no period alone (the 11 of 2025-10-01到11-05) is none with a year either."""
    alone = _parse(after, now, zone, season)
    if not _SEPARATOR.search(after) and not _OWN_YEAR.search(after):
        for year in (first.first_day.year, first.first_day.year + 1):
            try:
                last = _parse(f"{year}年{after.strip()}", now, zone, season)
            except PeriodError:
                break
            if last.last_day >= first.first_day:
                return last
    return alone


def _weekdays(word: str, today_: date) -> tuple[date, date] | None:
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
    """The day `day` (一 ... 日) of the week typed before it: 上周五 last week's, 本周五 this
    week's (not begun before Friday, and refused as such); 周五 alone the latest Friday
    that has begun, as a supervisor on Tuesday means the Friday just gone."""
    index = WEEKDAY_NUMBERS[day]
    if not week_of:
        return today_ - timedelta(days=(today_.weekday() - index) % 7)
    monday = today_ - timedelta(days=today_.weekday(), weeks=WEEKS_BACK.get(week_of, 0))
    return monday + timedelta(days=index)


# A year or month by its name before a month or a day of it (去年12月, 今年第三季度,
# 去年12月25日, 本月15号, 上个月1号至今): written as the year or month it names.
_NAMED_YEAR = re.compile(
    r"(今年|本年|去年|上年|上一年|前年)(?=\s*(?:的\s*)?(?:第|q|\d|[一二三四五六七八九十]{1,3}\s*月))"
)
_YEARS_BACK = {"今年": 0, "本年": 0, "去年": 1, "上年": 1, "上一年": 1, "前年": 2}
_NAMED_MONTH = re.compile(
    r"(?<!上)(本月|这个月|这月|上上月|上上个月|上月|上个月|上一个月)(?=\s*(?:的\s*)?\d{1,2}\s*[日号])"
)


# A weekend (周末, 上周末, 本周末): its Saturday and Sunday, the latest begun when no
# week is named.
_WEEKEND = re.compile(r"^((?:上上个?|上一?个?|本|这一?个?)?)(周|星期|礼拜)末$")
# A day of the month without its month, first (1号至今, 20日到25日, 15号).
_DAY_ALONE = re.compile(r"^(\d{1,2})(?=\s*[日号])")


def _written_out(typed: str, today_: date, shown: str) -> str:
    """`typed` (plain) with 去年 or 本月 before a month or day written as the year (2025年)
    or month (2026年12月) it names, as a supervisor who writes 去年12月 means 2025年12月; a
    day without its month (1号至今) as the latest such day begun (20号 typed on 2 December
    is 20 November); a weekend as its Saturday to Sunday; and a 从 before a range left
    out. A day no month has (32号, 0号) is refused, quoting `shown`, what was typed."""
    if found := FROM.match(typed):
        typed = typed[found.end() :]
    typed = _WEEKEND.sub(r"\1\2六到\2日", typed)
    if found := _DAY_ALONE.match(typed):
        if not 1 <= int(found[1]) <= 31:
            raise PeriodError(f"没有这一天：「{shown.strip()}」（日子是 1 到 31 号）。{USAGE}")
        typed = _latest_of_month(int(found[1]), today_) + typed
    typed = _NAMED_YEAR.sub(lambda found: f"{today_.year - _YEARS_BACK[found[1]]}年", typed)

    def month_named(found: re.Match[str]) -> str:
        back = 2 if found[1].startswith("上上") else int(found[1].startswith("上"))
        index = today_.year * 12 + today_.month - 1 - back
        return f"{index // 12}年{index % 12 + 1}月"

    return re.sub(r"(\d{4}年)的\s*", r"\1", _NAMED_MONTH.sub(month_named, typed))


def _latest_of_month(day: int, today_: date) -> str:
    """The month of the latest `day` of a month begun, as 2026年11月 (its `day` written
    after it); this month's when `day` is not out of range, so 32号 is told it is none."""
    index = today_.year * 12 + today_.month - 1
    if day > today_.day:
        for back in range(1, 12):
            first = date((index - back) // 12, (index - back) % 12 + 1, 1)
            if day <= _month_end(first).day:
                return f"{first.year}年{first.month}月"
    return f"{today_.year}年{today_.month}月"


# A month's first, middle or last ten days (上旬, 中旬, 下旬), as reports are often asked for:
# 11月上旬, 本月中旬, 上个月下旬, or 下旬 alone (this month's).
_TEN_DAYS = re.compile(r"^(?P<month>.*?)(?P<part>[上中下])旬$")
_TEN_DAYS_SPAN = {"上": (1, 10), "中": (11, 20), "下": (21, 31)}


def _ten_days(
    text: str, found: re.Match[str], now: datetime, zone: ZoneInfo, season: CuringSeason | None
) -> Window:
    """The ten days of the month typed before 上旬, 中旬 or 下旬 (下旬 to the month's end)."""
    unread = PeriodError(f"看不懂时间范围「{text.strip()}」。{USAGE}")
    try:
        month_of = _parse(found["month"] or "本月", now, zone, season)
    except PeriodError:
        raise unread from None
    first, month_end = month_of.first_day, _month_end(month_of.first_day)
    if first.day != 1 or month_of.last_day != month_end:
        raise unread  # 本周上旬, 11月18日下旬: not a month
    start, end = _TEN_DAYS_SPAN[found["part"]]
    return _custom(text, first.replace(day=start), first.replace(day=min(end, month_end.day)), zone)


_DAYS_BACK = {"yesterday": 1, "daybeforeyesterday": 2, "threedaysago": 3}
_WEEKS_BACK = {"week": 0, "lastweek": 1, "weekbeforelast": 2}
_MONTHS_BACK = {"month": 0, "lastmonth": 1, "monthbeforelast": 2}


def _named(kind: str, now: datetime, zone: ZoneInfo, season: CuringSeason) -> Window:
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


def _counted(text: str, word: str, now: datetime, zone: ZoneInfo) -> Window | None:
    """A year (2026年), a month of the year without its year (8月: the latest August that
    has begun), a quarter by its number (三季度: the latest third quarter begun; 2026年第三
    季度), or the last days (近7天: today and the six before it; 近一周, 近一个月)."""
    today_ = now.astimezone(zone).date()
    if found := _YEAR.match(word):
        year = _year_of(text, found[1])
        return _custom(text, date(year, 1, 1), date(year, 12, 31), zone)
    if found := _MONTH_ALONE.match(word):
        number = count_of(found[1]) or 0
        if not 1 <= number <= 12:
            raise PeriodError(f"月份不对：「{text.strip()}」，月份是 1 到 12。{USAGE}")
        first = date(today_.year - int(number > today_.month), number, 1)
        return _custom(text, first, _month_end(first), zone)
    if found := _QUARTER_NUMBER.match(word):
        said = found[2] or found[3]
        number = _QUARTER_NUMBERS.get(said) or int(said)
        first = date(_year_of(text, found[1]) if found[1] else today_.year, number * 3 - 2, 1)
        if not found[1] and first > today_:
            first = first.replace(year=first.year - 1)  # the latest such quarter begun
        return _custom(text, first, _month_end(first.replace(month=first.month + 2)), zone)
    if found := _HALF_YEAR.match(word):
        return _half_year(text, found, today_, zone)
    if found := LAST.match(word):
        return _last(text, found, today_, zone)
    return None


def _half_year(text: str, found: re.Match[str], today_: date, zone: ZoneInfo) -> Window:
    """上半年 (January to June) or 下半年 (July to December) of the year typed, 今年's or
    去年's; without a year the latest begun, as a quarter by its number is (下半年 typed in
    March is last year's)."""
    named = found["named"]
    if found[1]:
        year = _year_of(text, found[1])
    else:
        year = today_.year - int(named in ("去年", "上年", "上一年"))
    first = date(year, 1 if found[3] == "上" else 7, 1)
    if not found[1] and not named and first > today_:
        first = first.replace(year=year - 1)
    return _custom(text, first, _month_end(first.replace(month=first.month + 5)), zone)


# 近半年 is six months, 近半个月 fifteen days.
_HALF = {"年": (6, "月"), "月": (15, "天")}
_WEEK = ("周", "星期", "礼拜")


def _last(text: str, found: re.Match[str], today_: date, zone: ZoneInfo) -> Window:
    """The last days, weeks, months or years up to today (`LAST`), today among them: 近7天
    and 近一周 are today and the six days before it, 近一个月 runs from the day after this
    day last month (typed on 6 December, from 7 November), 近一年 likewise a year back."""
    said, unit = found["count"], found["unit"]
    count = count_of(said) if said != "半" else None
    if said == "半" and unit in _HALF:
        count, unit = _HALF[unit]
    if count is None:
        raise PeriodError(f"看不懂时间范围「{text.strip()}」。{USAGE}")
    if count < 1:
        raise PeriodError(f"天数不对：「{text.strip()}」，至少是近1天。{USAGE}")
    if unit in ("月", "年"):
        back = _months_back(today_, count * (12 if unit == "年" else 1))
        first = back + timedelta(days=1) if back is not None else None
    else:
        span = count * (7 if unit in _WEEK else 1)
        reach = (today_ - EARLIEST).days + 1
        first = today_ - timedelta(days=span - 1) if span <= reach else None
    window = days(first or EARLIEST, today_, zone, "custom")
    # Cut at the earliest day a report covers, the name would promise more: dates say it.
    named = f"近{count}天" if unit in ("天", "日") and said != "半" else f"近{found['span']}"
    return Window(window.start, window.end, window.first_day, today_, "custom",
                  named if first is not None else "")  # fmt: skip


def _months_back(day: date, months: int) -> date | None:
    """`day` so many months before (the month's last day when it is shorter: 3月31日 a month
    back is 2月28日); None when that is before the earliest day a report covers."""
    index = day.year * 12 + day.month - 1 - months
    if index < EARLIEST.year * 12:
        return None
    first = date(index // 12, index % 12 + 1, 1)
    return first.replace(day=min(day.day, _month_end(first).day))


def _custom(text: str, first: date, last: date, zone: ZoneInfo) -> Window:
    """The days typed, or the usage when they lie outside what a report can cover."""
    if last < first:
        # Said with what was typed and the range the other way round, ready to send again.
        raise PeriodError(
            f"「{text.strip()}」的结束日期 {last} 早于开始日期 {first}，"
            f"请先写早的一天，如「{last}至{first}」。"
        )
    if _out_of_range(first, last):
        raise _beyond(text)
    return days(first, last, zone)


def _beyond(text: str) -> PeriodError:
    """The refusal of days outside what a report can cover, quoting what was typed."""
    return PeriodError(
        f"看不懂时间范围「{text.strip()}」：只能查 {EARLIEST} 至 {LATEST} 之间的日子。{USAGE}"
    )


def _year_of(text: str, typed: str) -> int:
    """The year typed (2026), refused as out of range when no report can cover it: year 0
    is no date at all."""
    year = int(typed)
    if not EARLIEST.year <= year <= LATEST.year:
        raise _beyond(text)
    return year
