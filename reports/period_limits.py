"""What a report can cover, and how a period it cannot read is refused: the error, the
bounds of the days, the list of what can be written, and the refusals several readers
give alike."""

from __future__ import annotations

import calendar
from datetime import date


class PeriodError(ValueError):
    """A period the user typed that we cannot read; the message is for the user (Chinese)."""


# The days a report can cover. No ticket is older than 2000, and a period reaching past
# 2099 is a slip of the keyboard. Within these bounds every day's UTC bounds fit a datetime
# in any time zone (year 1 or 9999 would not), and the whole span is still one period a
# supervisor can ask for.
EARLIEST = date(2000, 1, 1)
LATEST = date(2099, 12, 31)
# Each example is read (tests/unit/reports/test_periods_chat_words.py parses every one).
USAGE = (
    "可以写：今天、昨天、前天、本周、上周、上上上周、周一、上周五、上周三到周五、周末、"
    "本月、上个月、上上上个月、11月、10-12月、11月上旬、本季度、三季度、上半年、今年、去年、国庆、五一、"
    "第48周、本烘烤季、上个烘烤季、近7天、最近一个月、这两天、前三天、本月以来，"
    "或日期 2026-11、2026-11-18、12月6日、1号、11-1到11-15、12月1日至12月6日、"
    "2026-11-01..2026-11-15、2025年烘烤季"
    "（也认 today、week、lastweek、month、lastmonth）"
)


def out_of_range(first: date, last: date) -> bool:
    return first < EARLIEST or last > LATEST


def unread(text: str) -> PeriodError:
    """The refusal of what no reader understands, quoting what was typed."""
    return PeriodError(f"看不懂时间范围「{text.strip()}」。{USAGE}")


def beyond(text: str) -> PeriodError:
    """The refusal of days outside what a report can cover, quoting what was typed."""
    return PeriodError(
        f"看不懂时间范围「{text.strip()}」：只能查 {EARLIEST} 至 {LATEST} 之间的日子。{USAGE}"
    )


def requoted(refused: PeriodError, read: str, typed: str) -> PeriodError:
    """`refused`, quoting `typed`, what the supervisor wrote (上上个月32号, 从2月30日), where it
    quoted `read`, the words we read it as (2026年10月32号, 2月30日)."""
    return PeriodError(str(refused).replace(f"「{read}」", f"「{typed.strip()}」"))


def year_of(text: str, typed: str) -> int:
    """The year typed (2026), refused as out of range when no report can cover it: year 0
    is no date at all."""
    year = int(typed)
    if not EARLIEST.year <= year <= LATEST.year:
        raise beyond(text)
    return year


def no_such_day(shown: str, year: int | None, mon: int, day: int, usage: str) -> PeriodError:
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


def wrong_month(text: str) -> PeriodError:
    """The refusal of a month no calendar has (13月, 0月), quoting what was typed."""
    return PeriodError(f"月份不对：「{text.strip()}」，月份是 1 到 12。{USAGE}")
