"""The last days, weeks, months or years up to today (近7天, 近一周, 最近一个月, 近半年)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from zoneinfo import ZoneInfo

from reports.period_limits import EARLIEST, USAGE, PeriodError, unread
from reports.period_windows import Window, custom, days, month_end, month_start
from reports.period_words import count_of, days_before_report

# A few days, weeks or months, no count said (最近几天, 这几天, 前几天, 近几周, 最近几个月):
# how many is the supervisor's to say, so the reply offers the nearest counts read.
_FEW = re.compile(r"^(?:最近|近|这|过去|前)几个?(?P<unit>天|日|周|星期|礼拜|月)$")
_FEW_READ = {"天": ("近3天", "近7天"), "日": ("近3天", "近7天"), "周": ("近两周", "近四周"),
             "星期": ("近两周", "近四周"), "礼拜": ("近两周", "近四周"),
             "月": ("近3个月", "近半年")}  # fmt: skip
# The week or month before (前一周, 前一个月): last week, or the last seven days? Both are
# said, so it is asked.
_ONE_BEFORE = re.compile(r"^前一个?(?P<unit>周|星期|礼拜|月)$")

# 近半年 is six months, 近半个月 fifteen days.
_HALF = {"年": (6, "月"), "月": (15, "天")}
_WEEK = ("周", "星期", "礼拜")


def last(text: str, found: re.Match[str], today_: date, zone: ZoneInfo) -> Window:
    """The last days, weeks, months or years up to today (`LAST`), today among them: 近7天
    and 近一周 are today and the six days before it, 近一个月 runs from the day after this
    day last month (typed on 6 December, from 7 November), 近一年 likewise a year back.
    这两天 and 这三天 are read as 近两天 and 近三天, and headed so."""
    said, unit = found["count"], found["unit"]
    count = count_of(said) if said != "半" else None
    if said == "半" and unit in _HALF:
        count, unit = _HALF[unit]
    if count is None:
        raise unread(text)
    if count < 1:
        raise PeriodError(f"天数不对：「{text.strip()}」，至少是近1天。{USAGE}")
    if found["lead"] == "这" and (count < 2 or said == "半"):
        raise unread(text)  # 这一年, 这半年: this year, or the last? Not guessed.
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
    if (day.year - EARLIEST.year) * 12 + day.month - 1 < months:
        return None  # a month before EARLIEST's year (and perhaps before year 1)
    first = month_start(day, months)
    return first.replace(day=min(day.day, month_end(first).day))


def days_before(text: str, found: re.Match[str], today_: date, zone: ZoneInfo) -> Window:
    """The days before today (`DAYS_BEFORE`), today not among them as it is in 近3天: 前三天
    typed on 7 December is 4 to 6 December, as 前天 is a day before yesterday, not today.
    The heading says so (今天之前的3天), since 前三天 is read as 近三天 by some."""
    count = count_of(found["count"])
    if count is None:
        raise unread(text)
    if count < 1:
        raise PeriodError(f"天数不对：「{text.strip()}」，至少是前1天。{USAGE}")
    first = today_ - timedelta(days=count)
    window = custom(text, first, today_ - timedelta(days=1), zone)
    return replace(window, heading=f"今天之前的{count}天")


def vague(text: str, word: str) -> PeriodError | None:
    """The reply to a span whose length is not said (最近几天: 近3天 or 近7天?) or that is
    said of two (前一周: 上周 or 近7天?): the nearest periods read, to send instead; None
    for any other `word`."""
    if found := _FEW.match(word):
        fewer, more = _FEW_READ[found["unit"]]
        return PeriodError(f"「{text.strip()}」是多久说不准：请写「{fewer}」或「{more}」。")
    if found := _ONE_BEFORE.match(word):
        if found["unit"] == "月":
            named, whole, last_days = "上个月", "1号到月底", "近一个月"
        else:
            named, whole, last_days = "上周", "周一到周日", "近7天"
        return PeriodError(
            f"「{text.strip()}」是指{named}（{whole}）还是{last_days}（到今天为止）？"
            f"请写「{named}」或「{last_days}」。"
        )
    return None


def days_or_day(text: str, today_: date) -> PeriodError | None:
    """The question back for days in Chinese numerals before the report's name (七日数据):
    the last days (近7天, as 近七日数据 is read) or a day of the month (7号)? Both are said,
    so it is asked, as 前一周 is; the day is offered only as a form that is read (上个月
    20号 for 二十日数据 typed on 7 December, none for 三十一日 after a November). None
    for any other text."""
    count = days_before_report(text)
    if count is None or count < 1:
        return None
    span = f"近{count}天"
    if count <= today_.day:
        day = f"{count}号"
    elif count <= month_end(month_start(today_, 1)).day:
        day = f"上个月{count}号"
    else:
        return PeriodError(f"「{text.strip()}」是指{span}（到今天为止）吗？请写「{span}」。")
    return PeriodError(
        f"「{text.strip()}」是指{span}（到今天为止）还是{day}（这一天）？请写「{span}」或「{day}」。"
    )
