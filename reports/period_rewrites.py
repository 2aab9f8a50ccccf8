"""Periods typed by a name for their year or month (去年12月, 本月15号), by a day without its
month (1号至今) or as a weekend (上周末): written out as the dates they name, so the readers
of dates read them."""

from __future__ import annotations

import re
from datetime import date, timedelta

from reports.period_days import latest_day
from reports.period_limits import USAGE, PeriodError
from reports.period_windows import month_end, month_start
from reports.period_words import FROM, TO, WEEK_OF, count_of

# A year or month by its name before a month or a day of it (去年12月, 今年第三季度,
# 去年12月25日, 本月15号, 上个月1号至今, 上上上个月15号): written as the year or month it names.
_NAMED_YEAR = re.compile(
    r"(今年|本年|去年|上年|上一年|前年)(?=\s*(?:的\s*)?(?:第|q|\d|[一二三四五六七八九十]{1,3}\s*月))"
)
_YEARS_BACK = {"今年": 0, "本年": 0, "去年": 1, "上年": 1, "上一年": 1, "前年": 2}
_MONTH_NAME = r"(?<!上)(?:本月|这个月|这月|上{2,}个?月|上月|上个月|上一个月)"
_NAMED_MONTH = re.compile(rf"({_MONTH_NAME})\s*(?:的\s*)?(?=\d{{1,2}}\s*[日号])")
# A weekend (周末, 上周末, 本周末, 上上上周末): its Saturday and Sunday, the latest begun
# when no week is named.
_WEEKEND = re.compile(rf"^({WEEK_OF})(周|星期|礼拜)末$")
# Two days of the month without their month, with a 号 after each or one for both
# (20日到25日, 30号到4号, 10-15号, 十到十五号, as 10-12月 is two months), perhaps after a month
# by its name (上个月10-15号, 本月十到十五号).
_TWO_DAYS = re.compile(
    rf"^(?P<named>{_MONTH_NAME}\s*(?:的\s*)?)?(?P<first>\d{{1,2}}|[一二三四五六七八九十]{{1,3}})"
    rf"\s*(?P<mark>[日号])?\s*(?P<to>{TO})\s*(?P<last>\d{{1,2}})\s*(?P<end_mark>[日号])$"
)
_DASH = ("-", "—", "–")
# A day of the month without its month, first (1号至今, 20日到25日, 15号).
_DAY_ALONE = re.compile(r"^(\d{1,2})(?=\s*[日号])")
# A range of days by month and day with dashes and no year (11-1到11-15, 11-1~11-15): as
# 11月1日至11月15日. One day alone (11-1) is not read: 10-12 could as well be two months.
_DASHED_DAYS = re.compile(rf"^(\d{{1,2}})-(\d{{1,2}})\s*{TO}\s*(\d{{1,2}})-(\d{{1,2}})$")
# A range from a day with its year to a month and day with a dash (2025-10-01到11-05,
# 2025年10月1日至11-5): its end as 11月5日, which takes the start's year (the next one when
# its month is earlier: 2025-12-25到01-05 ends in January 2026), as 2025-10-01到11月5日 does.
_DASHED_END = re.compile(
    rf"^(\d{{4}}\s*[年/.-]\s*\d{{1,2}}\s*[月/.-]\s*\d{{1,2}}\s*[日号]?\s*{TO}\s*)"
    r"(\d{1,2})-(\d{1,2})$"
)
# A range from a day with its year to a day alone (2025-10-01到5号, 2025/10/1至15日): its end
# as a day of the start's month (2025-10-01到10月5日), as the end of 10月1日到5日 is; an end
# before the start is then backwards and said so, not a day of the latest month begun.
_DAY_END = re.compile(
    rf"^(\d{{4}}\s*[年/.-]\s*(\d{{1,2}})\s*[月/.-]\s*\d{{1,2}}\s*[日号]?\s*{TO}\s*)"
    r"(\d{1,2})\s*([日号])$"
)


def written_out(typed: str, today_: date, shown: str) -> str:
    """`typed` (plain) with 去年 or 本月 before a month or day written as the year (2025年)
    or month (2026年12月) it names, as a supervisor who writes 去年12月 means 2025年12月; a
    day without its month (1号至今, 15号) as this month's (20号 typed on 2 December is
    20 December, not begun, and refused as such); days by month and day with dashes
    (11-1到11-15, and the end of 2025-10-01到11-05) in Chinese; a day alone ending a range
    from a dated day (2025-10-01到5号) as a day of the start's month; two days without
    their month as `_two_days` reads them; a weekend as its Saturday to Sunday; and a 从
    before a range left out. A day no month has (32号, 0号) is refused, quoting `shown`,
    what was typed."""
    since = FROM.match(typed)
    if since:
        typed = typed[since.end() :]
    typed = _WEEKEND.sub(r"\1\2六到\2日", typed)
    typed = _DASHED_DAYS.sub(r"\1月\2日至\3月\4日", typed)
    typed = _DASHED_END.sub(r"\1\2月\3日", typed)
    typed = _DAY_END.sub(r"\1\2月\3\4", typed)
    if found := _TWO_DAYS.match(typed):
        typed = _two_days(found, today_, shown, since=since is not None)
    if found := _DAY_ALONE.match(typed):
        if not 1 <= int(found[1]) <= 31:
            raise PeriodError(f"没有这一天：「{shown.strip()}」（日子是 1 到 31 号）。{USAGE}")
        typed = _this_month(int(found[1]), today_, typed, shown) + typed
    typed = _NAMED_YEAR.sub(lambda found: f"{today_.year - _YEARS_BACK[found[1]]}年", typed)

    def month_named(found: re.Match[str]) -> str:
        return _written(month_start(today_, found[1].count("上")))  # 上个月, 上上上个月

    return re.sub(r"(\d{4}年)的\s*", r"\1", _NAMED_MONTH.sub(month_named, typed))


def _written(month_: date) -> str:
    """The month of `month_` as a supervisor writes it: 2026年11月."""
    return f"{month_.year}年{month_.month}月"


def _two_days(found: re.Match[str], today_: date, shown: str, *, since: bool) -> str:
    """Two days without their month (`_TWO_DAYS`) written out: days of the month named
    (上个月10-15号: 2026年11月10号到15号) or of this one (10-15号 on 20 December), but for
    ranges no one means by that:
    - a month and day with a dash and one 号 (12-1号, 11-30号), its month this one or the
      last, when as days of this month it would be backwards, or not begun while that day
      has, is that month's day (12月1日; 11月30日 typed on 7 December), as 11-1到11-15 and
      2026-11-18 are read; of a month further back (10-15号 typed on 7 December) it is
      days of this month, not begun, and refused with 上个月10号到15号 offered, not read as
      15 October alone; after 从 (`since`) that day runs to today (从12-1号), as
      从12月1日 and 12-1号起 do;
    - days ending before they start run over a month's end (30号到4号 on 7 December is
      30 November to 4 December; 28号到3号 in January, from December; 上个月30号到4号 to
      this month's 4th).
    A day no month has (32号, 31号 of last month when it had 30) is refused, quoting
    `shown`, what was typed."""
    first, last = count_of(found["first"]), int(found["last"])
    if first is None or not (1 <= first <= 31 and 1 <= last <= 31):
        raise PeriodError(f"没有这一天：「{shown.strip()}」（日子是 1 到 31 号）。{USAGE}")
    named = found["named"] or ""
    recent = (today_.month, month_start(today_, 1).month)
    month_and_day = not named and found["to"] in _DASH and not found["mark"] and first in recent
    days_gone = first <= last and first <= today_.day
    if month_and_day and not days_gone and (last < first or _begun_day(first, last, today_)):
        return f"{first}月{last}日" + ("起" if since else "")
    if last >= first:
        mark = found["end_mark"]
        return f"{named}{first}{mark}到{last}{mark}"  # this month's not begun: refused
    start = month_start(today_, named.count("上") if named else 1)  # 本月30号到4号: 0
    if first > month_end(start).day:
        raise PeriodError(
            f"没有这一天：「{shown.strip()}」（{start.month}月只有{month_end(start).day}天）。{USAGE}"
        )
    end = month_end(start) + timedelta(days=1)
    return f"{_written(start)}{first}日至{_written(end)}{last}日"


def _begun_day(month_: int, day: int, today_: date) -> bool:
    """Whether `month_`-`day` without a year names a day (the latest such, as 12月1日 is
    read) that has begun."""
    try:
        return latest_day(month_, day, today_) <= today_
    except ValueError:
        return False  # 11-31 is no day: read as days, 11号到31号


def _this_month(day: int, today_: date, typed: str, shown: str) -> str:
    """This month, as 2026年12月 (`day` written after it, in `typed`): 15号 is the 15th of
    the month a supervisor is in. One still ahead is refused as not begun, with how to ask
    for last month's (上个月15号), rather than read as last month's without a word; a day
    this month has not (31号 in November) is refused. Both quote `shown`, what was typed."""
    last = month_end(today_).day
    if day > last:
        raise PeriodError(
            f"没有这一天：「{shown.strip()}」（本月是{today_.month}月，只有{last}天）。{USAGE}"
        )
    if day > today_.day:
        last_month = month_end(month_start(today_, 1)).day
        # 31号, or 10号到31号, on 8 December: November has none to offer.
        days = [int(said) for said in re.findall(r"\d{1,2}(?=\s*[日号])", typed)]
        offer = f"；上个月的请写「上个月{typed}」" if max(days) <= last_month else ""
        raise PeriodError(
            f"「{shown.strip()}」（{today_.replace(day=day)} 起）还没开始，暂无数据{offer}。"
        )
    return f"{today_.year}年{today_.month}月"
