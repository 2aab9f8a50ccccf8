"""Periods made of other periods: from one to another (上个月到本月), from one to today
(本月以来, 从11月1日), and a part of a month (11月上旬). Each reads its parts with `read`,
the reader of a whole period, as if they were typed alone."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta
from zoneinfo import ZoneInfo

from reports.period_limits import PeriodError, requoted, unread
from reports.period_windows import Window, custom, month_end
from reports.period_words import FROM, SO_FAR, TO, future, named_kind, plain

Read = Callable[[str], Window]

# The start of a span typed alone before 至今 (年初至今): the year's.
ALIASES_OF_START = {"年": "今年", "月": "本月"}
# The dates a range mark would be found in (2026-11-01), not being one. Whole numbers only:
# in 2025-10-2026-03 the dash between the months is the range's, not 2025-10-20's.
_ISO_DATES = re.compile(r"(?<!\d)\d{4}-\d{1,2}(?:-\d{1,2})?(?!\d)")
_SEPARATOR = re.compile(TO)
# An end of a range that names its year (2026年烘烤季, 今年2月): read as it is, not
# with the start's written before it (2025年2026年烘烤季 would read as 2025-2026年烘烤季).
_OWN_YEAR = re.compile(r"\d{4}|今年|本年|去年|上年|上一年|前年|明年")
# A month's first, middle or last ten days (上旬, 中旬, 下旬), as reports are often asked for:
# 11月上旬, 本月中旬, 上个月下旬, or 下旬 alone (this month's).
TEN_DAYS = re.compile(r"^(?P<month>.*?)(?P<part>[上中下])旬$")
_TEN_DAYS_SPAN = {"上": (1, 10), "中": (11, 20), "下": (21, 31)}


def since(text: str, start: str, read: Read, today_: date, zone: ZoneInfo) -> Window:
    """From the first day of `start` (what is typed before 至今 or 起, or after a 从 with no
    end) to today: 本月初至今, 年初至今, 今年年初至今 from the first day of the month, of
    the year."""
    start = start.removesuffix("初") or start
    if start[-2:] in ("年年", "月月"):
        start = start[:-1]  # 今年年初: 今年's start
    said = ALIASES_OF_START.get(start, start)
    try:
        begins = read(said)
    except PeriodError as refused:
        if not str(refused).startswith("看不懂时间范围"):
            # 从2月30日: quoting what was typed, not its start alone; and 从15号 ahead
            # this month offered last month's 15th on, not that day alone.
            offered = str(refused).replace(f"「上个月{said}」", f"「上个月{said}至今」")
            raise requoted(PeriodError(offered), said, text) from None
        raise unread(text) from None
    if begins.first_day > today_:
        return begins  # not begun: refused as such by `parse`, quoting what was typed
    return custom(text, begins.first_day, today_, zone)


def from_without_end(typed: str) -> str | None:
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


def periods_range(text: str, read: Read, today_: date, zone: ZoneInfo) -> Window | None:
    """From the start of one period to the end of another (上个月到本月, 上周至本周,
    上季度到本季度), or None when `text` is not two periods with 到, 至, ~ or - between."""
    typed = plain(text)
    dates = [found.span() for found in _ISO_DATES.finditer(typed)]
    for separator in _SEPARATOR.finditer(typed):
        before, after = typed[: separator.start()], typed[separator.end() :]
        if not before.strip() or not after.strip():
            continue
        if any(start < separator.start() < end for start, end in dates):
            # A dash of a date (2025-10-01到本月) splits no range: 2025 and 10-01到本月
            # would read as one from January 2025.
            continue
        ends_ahead = future(after.replace(" ", ""))
        if ends_ahead and future(before.replace(" ", "")):
            # 明天到下周: neither end has begun, which is all there is to say of it.
            raise PeriodError(f"「{text.strip()}」还没开始，暂无数据。")
        try:
            first = read(before)
        except PeriodError:
            continue
        if ends_ahead and first.first_day > today_:
            # 12月10日到明天 on 7 December: its start's 至今 would be refused as not begun.
            raise PeriodError(f"「{text.strip()}」（{first.first_day} 起）还没开始，暂无数据。")
        if ends_ahead:
            # 上个月到下个月, 11月1日到明天: words read, the end not begun; "cannot read
            # 「…」" with the list of forms would send them looking for another spelling.
            today_only = named_kind(before.replace(" ", "")) == "today"
            so_far = "今天" if today_only else f"{before.strip()}至今"
            raise PeriodError(
                f"「{text.strip()}」的「{after.strip()}」还没开始，暂无数据；"
                f"查到今天为止请写「{so_far}」。"
            )
        try:
            last = _end_of_range(after, first, read)
        except PeriodError:
            continue
        if last.last_day < first.first_day:
            # Said with the two periods the other way round, ready to send again.
            raise PeriodError(
                f"「{text.strip()}」的结束日期 {last.last_day} 早于开始日期 {first.first_day}，"
                f"请先写早的一段，如「{last.first_day}至{first.last_day}」。"
            )
        return custom(text, first.first_day, last.last_day, zone)
    return None


def _end_of_range(after: str, first: Window, read: Read) -> Window:
    """The end of a range, read in its start's year when it names none, as the end of a
    range of days or months is: 2025年10-12月 ends in December 2025 and 去年上半年到下半年 in
    2025's second half, not the latest December or second half begun. When that would come
    before the start, the next year's (2025年10-2月 ends in February 2026). An end that is
    itself a range, names its own year or is no period of a year (本月, 周五) is read alone;
    one that is no period alone (the 11 of 2025-10-01到11) is none with a year either."""
    alone = read(after)
    if not _SEPARATOR.search(after) and not _OWN_YEAR.search(after):
        for year in (first.first_day.year, first.first_day.year + 1):
            try:
                last = read(f"{year}年{after.strip()}")
            except PeriodError:
                break
            if last.last_day >= first.first_day:
                return last
    return alone


def ten_days(text: str, found: re.Match[str], read: Read, zone: ZoneInfo) -> Window:
    """The ten days of the month typed before 上旬, 中旬 or 下旬 (下旬 to the month's end)."""
    try:
        month_of = read(found["month"] or "本月")
    except PeriodError:
        raise unread(text) from None
    first, end_of_month = month_of.first_day, month_end(month_of.first_day)
    if first.day != 1 or month_of.last_day != end_of_month:
        raise unread(text)  # 本周上旬, 11月18日下旬: not a month
    start, end = _TEN_DAYS_SPAN[found["part"]]
    last = first.replace(day=min(end, end_of_month.day))
    return custom(text, first.replace(day=start), last, zone)


# Two periods side by side (昨天和今天, 上周与本周): read together when they are.
_AND = re.compile(r"和|与|跟|及")


def _beside(after: str, first: Window, read: Read) -> Window:
    """The second of two periods side by side: as read alone, or in the first's year or the
    next when that one touches the first (10月和11月 typed on 3 October: this autumn's two
    months, not this October and last November; 12月和11月 on 3 December: this year's)."""
    alone = read(after)
    if _touch(first, alone) or _SEPARATOR.search(after) or _OWN_YEAR.search(after):
        return alone
    for year in (first.first_day.year, first.first_day.year + 1):
        try:
            in_year = read(f"{year}年{after.strip()}")
        except PeriodError:
            continue
        if _touch(first, in_year):
            return in_year
    return alone


def _touch(one: Window, other: Window) -> bool:
    """The two share a day or one starts the day after the other ends."""
    day = timedelta(days=1)
    return one.first_day <= other.last_day + day and other.first_day <= one.last_day + day


def joined(text: str, read: Read, zone: ZoneInfo) -> Window | None:
    """Two periods with 和 between (昨天和今天, 上周和本周), read as one when the second
    starts the day after the first ends (either way round); two apart (周一和周三) are
    refused, as one report covers one run of days. None when `text` is not two periods."""
    typed = plain(text)
    for mark in _AND.finditer(typed):
        before, after = typed[: mark.start()].strip(), typed[mark.end() :].strip()
        if not before or not after:
            continue  # 昨天和: nothing after it is no today
        try:
            first = read(before)
            one, other = sorted(
                (first, _beside(after, first, read)), key=lambda window: window.first_day
            )
        except PeriodError:
            continue
        if other.first_day > one.last_day + timedelta(days=1):
            raise PeriodError(
                f"「{text.strip()}」是不连着的两段，一份报表只查一段连着的日子："
                f"请分开查「{before}」和「{after}」，或写「{one.first_day}至{other.last_day}」。"
            )
        return custom(text, one.first_day, max(one.last_day, other.last_day), zone)
    return None
