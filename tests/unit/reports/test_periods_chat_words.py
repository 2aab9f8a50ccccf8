"""Periods a supervisor types in a chat rather than a report form (10-12月, 11-1到11-15,
上上上周, 第48周, 这两天, 前三天): read as the days they name, and the reply names them."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from core.calendar import holiday_days_off
from handlers.messages_staff import STAFF
from reports import periods
from reports.period_windows import PERIOD_NAMES
from reports.periods import PeriodError, Window

SHANGHAI = ZoneInfo("Asia/Shanghai")
MONDAY = datetime(2026, 12, 6, 20, 0, tzinfo=UTC)  # Monday 7 December 04:00 in Shanghai


def _days(typed: str) -> tuple[date, date]:
    window = periods.parse(typed, MONDAY, SHANGHAI)
    return window.first_day, window.last_day


def _title(window: Window) -> str:
    """The period as a report's title names it: its name, then its days."""
    return f"{window.heading or PERIOD_NAMES.get(window.name, '')}（{window.label}）"


@pytest.mark.parametrize(
    ("typed", "first", "last"),
    [
        ("10-12月", date(2026, 10, 1), date(2026, 12, 31)),
        ("1-3月", date(2026, 1, 1), date(2026, 3, 31)),
        ("10~11月", date(2026, 10, 1), date(2026, 11, 30)),
        ("十至十二月", date(2026, 10, 1), date(2026, 12, 31)),
        ("12-1月", date(2026, 12, 1), date(2027, 1, 31)),  # over the new year
        ("2025年10-12月", date(2025, 10, 1), date(2025, 12, 31)),
    ],
)
def test_months_with_one_month_word_for_both_are_read(typed: str, first: date, last: date) -> None:
    assert _days(typed) == (first, last)


@pytest.mark.parametrize("typed", ["13-14月", "0-3月", "10-13月"])
def test_months_no_calendar_has_are_refused_as_such(typed: str) -> None:
    with pytest.raises(PeriodError, match=f"^月份不对：「{typed}」，月份是 1 到 12"):
        periods.parse(typed, MONDAY, SHANGHAI)


@pytest.mark.parametrize(
    ("typed", "first", "last"),
    [
        ("11-1到11-15", date(2026, 11, 1), date(2026, 11, 15)),
        ("11-1至11-15", date(2026, 11, 1), date(2026, 11, 15)),
        ("11-1~11-15", date(2026, 11, 1), date(2026, 11, 15)),
        ("11-1-11-15", date(2026, 11, 1), date(2026, 11, 15)),
        ("从11-1到11-15", date(2026, 11, 1), date(2026, 11, 15)),
        ("11.1-11.15", date(2026, 11, 1), date(2026, 11, 15)),
        ("10-25到11-5", date(2026, 10, 25), date(2026, 11, 5)),
    ],
)
def test_days_by_month_and_day_without_a_year_are_read(typed: str, first: date, last: date) -> None:
    assert _days(typed) == (first, last)


def test_days_by_month_and_day_name_the_year_read() -> None:
    window = periods.parse("11-1到11-15", MONDAY, SHANGHAI)
    assert window.label == "2026-11-01 至 2026-11-15"


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("11-31到12-5", "没有这一天：「11-31到12-5」"),
        ("13-1到13-5", "没有这一天：「13-1到13-5」"),
        ("11-15到11-1", "「11-15到11-1」的结束日期 2026-11-01 早于开始日期 2026-11-15"),
        ("11-1", "看不懂时间范围「11-1」"),
    ],
)
def test_days_by_month_and_day_no_calendar_has_are_refused_quoting_them(
    typed: str, said: str
) -> None:
    with pytest.raises(PeriodError, match=f"^{said}"):
        periods.parse(typed, MONDAY, SHANGHAI)


@pytest.mark.parametrize(
    ("typed", "first", "title"),
    [
        ("上上上周", date(2026, 11, 16), "上上上周（2026-11-16 至 2026-11-22）"),
        ("上上上个星期", date(2026, 11, 16), "上上上周（2026-11-16 至 2026-11-22）"),
        ("上上上上礼拜", date(2026, 11, 9), "上上上上周（2026-11-09 至 2026-11-15）"),
    ],
)
def test_a_week_further_back_than_the_week_before_last_is_read_and_named(
    typed: str, first: date, title: str
) -> None:
    window = periods.parse(typed, MONDAY, SHANGHAI)
    assert window.first_day == first
    assert _title(window) == title


@pytest.mark.parametrize(
    ("typed", "first", "last"),
    [
        ("上上上周五", date(2026, 11, 20), date(2026, 11, 20)),
        ("上上上个星期一", date(2026, 11, 16), date(2026, 11, 16)),
        ("上上上上礼拜天", date(2026, 11, 15), date(2026, 11, 15)),
        ("上上上周三到周五", date(2026, 11, 18), date(2026, 11, 20)),
        ("上上上周末", date(2026, 11, 21), date(2026, 11, 22)),
    ],
)
def test_a_day_of_a_week_further_back_than_the_week_before_last_is_read(
    typed: str, first: date, last: date
) -> None:
    # Before, 上上上周 and 上周五 were read but 上上上周五 refused.
    assert _days(typed) == (first, last)


@pytest.mark.parametrize(
    ("typed", "first", "title"),
    [
        ("上上上个月", date(2026, 9, 1), "上上上个月（2026-09-01 至 2026-09-30）"),
        ("上上上月", date(2026, 9, 1), "上上上个月（2026-09-01 至 2026-09-30）"),
        ("上上上上个月", date(2026, 8, 1), "上上上上个月（2026-08-01 至 2026-08-31）"),
    ],
)
def test_a_month_further_back_than_the_month_before_last_is_read_and_named(
    typed: str, first: date, title: str
) -> None:
    window = periods.parse(typed, MONDAY, SHANGHAI)
    assert window.first_day == first
    assert _title(window) == title


def test_a_day_of_a_month_further_back_than_the_month_before_last_is_read() -> None:
    assert _days("上上上个月15号") == (date(2026, 9, 15), date(2026, 9, 15))


def test_the_week_before_last_keeps_its_name() -> None:
    assert _title(periods.parse("上上周", MONDAY, SHANGHAI)) == "上上周（2026-11-23 至 2026-11-29）"


@pytest.mark.parametrize(
    ("typed", "title"),
    [
        ("第48周", "2026年第48周（2026-11-23 至 2026-11-29）"),
        ("2026年第48周", "2026年第48周（2026-11-23 至 2026-11-29）"),
        ("第四十八周", "2026年第48周（2026-11-23 至 2026-11-29）"),
        ("今年第1周", "2026年第1周（2025-12-29 至 2026-01-04）"),  # the ISO week over the new year
        ("去年第52周", "2025年第52周（2025-12-22 至 2025-12-28）"),
        ("2026年第53周", None),  # 2026 has 53 weeks, the last not begun
    ],
)
def test_a_week_by_its_iso_number_is_read_and_named_with_its_year(
    typed: str, title: str | None
) -> None:
    if title is None:
        with pytest.raises(PeriodError, match="还没开始"):
            periods.parse(typed, MONDAY, SHANGHAI)
        return
    assert _title(periods.parse(typed, MONDAY, SHANGHAI)) == title


JANUARY = datetime(2027, 1, 5, 2, 0, tzinfo=UTC)  # Tuesday of 2027's week 1


@pytest.mark.parametrize(
    ("typed", "title"),
    [
        ("第48周", "2026年第48周（2026-11-23 至 2026-11-29）"),
        ("第四十八周", "2026年第48周（2026-11-23 至 2026-11-29）"),
        ("第53周", "2026年第53周（2026-12-28 至 2027-01-03）"),  # 2027 has only 52
        ("第4周", "2026年第4周（2026-01-19 至 2026-01-25）"),
        ("第1周", "2027年第1周（2027-01-04 至 2027-01-10）"),
    ],
)
def test_a_week_number_not_begun_this_year_is_last_years_in_january(typed: str, title: str) -> None:
    # Before, 第48周 typed in January was 2027's, refused as not begun.
    assert _title(periods.parse(typed, JANUARY, SHANGHAI)) == title


@pytest.mark.parametrize(
    ("now", "typed", "starts"),
    [
        (JANUARY, "第2周", "2027-01-11"),
        (MONDAY, "第51周", "2026-12-14"),  # in week 50: the coming week, not 2025's
        (datetime(2021, 1, 2, 2, 0, tzinfo=UTC), "第1周", "2021-01-04"),  # 2020's week 53
    ],
)
def test_a_week_number_of_the_next_two_weeks_is_the_coming_one_not_begun(
    now: datetime, typed: str, starts: str
) -> None:
    with pytest.raises(PeriodError, match=f"^「{typed}」（{starts} 起）还没开始"):
        periods.parse(typed, now, SHANGHAI)


def test_a_week_number_typed_with_this_year_in_january_is_still_not_begun() -> None:
    with pytest.raises(PeriodError, match="（2027-11-29 起）还没开始"):
        periods.parse("2027年第48周", JANUARY, SHANGHAI)


@pytest.mark.parametrize(
    ("typed", "weeks"),
    [("第60周", 53), ("第0周", 53), ("2025年第53周", 52), ("去年第53周", 52)],
)
def test_a_week_number_the_year_has_not_is_refused_with_how_many_it_has(
    typed: str, weeks: int
) -> None:
    with pytest.raises(PeriodError, match=f"^没有这一周：「{typed}」（.*第1周到第{weeks}周）"):
        periods.parse(typed, MONDAY, SHANGHAI)


@pytest.mark.parametrize(
    ("typed", "title"),
    [
        ("这两天", "近2天（2026-12-06 至 2026-12-07）"),
        ("这三天", "近3天（2026-12-05 至 2026-12-07）"),
        ("最近两天", "近2天（2026-12-06 至 2026-12-07）"),
        ("这两周", "近两周（2026-11-24 至 2026-12-07）"),
    ],
)
def test_these_few_days_are_the_last_days_today_among_them(typed: str, title: str) -> None:
    assert _title(periods.parse(typed, MONDAY, SHANGHAI)) == title


@pytest.mark.parametrize("typed", ["这一年", "这半年", "这1天"])
def test_these_words_that_could_be_this_period_or_the_last_are_not_guessed(typed: str) -> None:
    with pytest.raises(PeriodError, match=f"^看不懂时间范围「{typed}」"):
        periods.parse(typed, MONDAY, SHANGHAI)


@pytest.mark.parametrize(
    ("typed", "title"),
    [
        ("前三天", "今天之前的3天（2026-12-04 至 2026-12-06）"),
        ("前7天", "今天之前的7天（2026-11-30 至 2026-12-06）"),
        ("前两天", "今天之前的2天（2026-12-05 至 2026-12-06）"),
        ("前一天", "今天之前的1天（2026-12-06）"),
    ],
)
def test_the_days_before_today_leave_today_out_and_say_so(typed: str, title: str) -> None:
    assert _title(periods.parse(typed, MONDAY, SHANGHAI)) == title


def test_the_day_before_yesterday_is_still_one_day() -> None:
    assert _days("前天") == (date(2026, 12, 5), date(2026, 12, 5))


@pytest.mark.parametrize(("typed", "said"), [("前0天", "天数不对"), ("前十十天", "看不懂时间范围")])
def test_no_days_before_today_are_refused(typed: str, said: str) -> None:
    with pytest.raises(PeriodError, match=f"^{said}"):
        periods.parse(typed, MONDAY, SHANGHAI)


@pytest.mark.parametrize(
    ("typed", "first", "last"),
    [
        ("2025-10-2026-03", date(2025, 10, 1), date(2026, 3, 31)),
        ("2026-09-2026-11", date(2026, 9, 1), date(2026, 11, 30)),
        ("2026-11-2026-12", date(2026, 11, 1), date(2026, 12, 31)),
    ],
)
def test_a_range_of_months_with_a_dash_between_is_still_read(
    typed: str, first: date, last: date
) -> None:
    """2025-10-2026-03: the dash between two months splits the range, as it did before a
    dash inside a date was kept from splitting one; the first month's dash and the next
    year's first digits are no one date (2025-10-20)."""
    assert _days(typed) == (first, last)


def _examples(listed: str) -> list[str]:
    """The periods a help text lists after 可以写： or 时段如 (一、二，或日期 三、四), without
    the English words in brackets and the 不写就是今天 that says what none means."""
    listed = re.sub(r"（也认 ([^）]*)）", lambda found: "、" + found[1], listed)
    listed = listed.replace("，或日期 ", "、").replace("，不写就是今天", "")
    return [word.strip() for word in re.split(r"[、，]", listed) if word.strip()]


def _read_all_year(typed: str) -> None:
    """`typed` is read in December; in January too, or refused only as not begun (a week by
    its number may be the coming one), never as unreadable."""
    periods.parse(typed, MONDAY, SHANGHAI)
    january = datetime(2027, 1, 4, 2, 0, tzinfo=UTC)
    try:
        periods.parse(typed, january, SHANGHAI)
    except PeriodError:
        with pytest.raises(PeriodError, match="还没开始"):
            periods.parse(typed, january, SHANGHAI)


def test_every_period_the_usage_lists_is_read() -> None:
    # The list a refusal ends with is what a supervisor copies: each of its examples is read.
    listed = periods.USAGE.removeprefix("可以写：").rstrip("。")
    examples = _examples(listed)
    assert {"上上上周", "第48周", "这两天", "前三天", "11-1到11-15", "10-12月"} <= set(examples)
    for typed in examples:
        _read_all_year(typed)


@pytest.mark.parametrize("key", ["sv_help", "t_help_supervisor", "t_help_leader"])
def test_every_period_the_help_lists_is_read(key: str) -> None:
    [listed] = re.findall(r"时段如 ([^）]*)", STAFF[key])
    examples = _examples(listed)
    assert len(examples) >= 8, examples  # the newer ones too, not only 今天 and 上周
    for typed in examples:
        _read_all_year(typed)


@pytest.mark.parametrize(
    ("typed", "first", "last"),
    [
        ("本周内", date(2026, 12, 7), date(2026, 12, 13)),
        ("本月内", date(2026, 12, 1), date(2026, 12, 31)),
        ("今年以内", date(2026, 1, 1), date(2026, 12, 31)),
        ("上周的", date(2026, 11, 30), date(2026, 12, 6)),
        ("上個月的", date(2026, 11, 1), date(2026, 11, 30)),
        ("本月份", date(2026, 12, 1), date(2026, 12, 31)),
    ],
)
def test_a_named_period_with_nei_de_or_fen_after_it_is_that_period(
    typed: str, first: date, last: date
) -> None:
    # Before, 本月内 and 上周的 were refused though 本月 and 上周 are read.
    assert _days(typed) == (first, last)


@pytest.mark.parametrize(
    ("typed", "first", "last", "title"),
    [
        ("上上上周的", date(2026, 11, 16), date(2026, 11, 22), "上上上周"),
        ("上上上周内", date(2026, 11, 16), date(2026, 11, 22), "上上上周"),
        ("上上上个月的", date(2026, 9, 1), date(2026, 9, 30), "上上上个月"),
    ],
)
def test_a_week_or_month_far_back_with_nei_or_de_after_it_is_that_period(
    typed: str, first: date, last: date, title: str
) -> None:
    window = periods.parse(typed, MONDAY, SHANGHAI)
    assert (window.first_day, window.last_day, window.heading) == (first, last, title)


@pytest.mark.parametrize("typed", ["下周内", "下个月的", "明天的", "明年内"])
def test_a_period_not_begun_with_nei_or_de_after_it_is_refused_as_not_begun(typed: str) -> None:
    # Before, 下周内 was refused as unreadable, though 下周 is told it has not begun.
    with pytest.raises(PeriodError, match=f"^「{typed}」还没开始，暂无数据。$"):
        periods.parse(typed, MONDAY, SHANGHAI)


@pytest.mark.parametrize(
    ("typed", "first", "last", "title"),
    [
        ("国庆期间", date(2026, 10, 1), date(2026, 10, 7), "2026年国庆假期"),
        ("国庆", date(2026, 10, 1), date(2026, 10, 7), "2026年国庆假期"),
        ("国庆节", date(2026, 10, 1), date(2026, 10, 7), "2026年国庆假期"),
        ("國慶假期", date(2026, 10, 1), date(2026, 10, 7), "2026年国庆假期"),
        ("去年国庆", date(2025, 10, 1), date(2025, 10, 8), "2025年国庆假期"),
        ("元旦", date(2026, 1, 1), date(2026, 1, 3), "2026年元旦"),
        ("五一", date(2026, 5, 1), date(2026, 5, 5), "2026年五一假期"),
        ("劳动节", date(2026, 5, 1), date(2026, 5, 5), "2026年五一假期"),
        # Those that move with the lunar calendar: the official days off.
        ("春节", date(2026, 2, 15), date(2026, 2, 23), "2026年春节假期"),
        ("中秋", date(2026, 9, 25), date(2026, 9, 27), "2026年中秋假期"),
        ("端午节", date(2026, 6, 19), date(2026, 6, 21), "2026年端午假期"),
        ("清明", date(2026, 4, 4), date(2026, 4, 6), "2026年清明假期"),
        ("2025年春节", date(2025, 1, 28), date(2025, 2, 4), "2025年春节假期"),
    ],
)
def test_a_holiday_is_its_days_off_and_the_title_names_it(
    typed: str, first: date, last: date, title: str
) -> None:
    # Before, each was refused as unreadable.
    window = periods.parse(typed, MONDAY, SHANGHAI)
    assert (window.first_day, window.last_day, window.heading) == (first, last, title)


@pytest.mark.parametrize(
    ("typed", "first", "last"),
    [
        # The break the notice gave, not the statutory days: 国庆 with 中秋 inside it,
        # 五一 begun on a Saturday made a day off, 元旦 begun the year before.
        ("2025年国庆", date(2025, 10, 1), date(2025, 10, 8)),
        ("2023年国庆", date(2023, 9, 29), date(2023, 10, 6)),
        ("2023年五一", date(2023, 4, 29), date(2023, 5, 3)),
        ("2024年元旦", date(2023, 12, 30), date(2024, 1, 1)),
        ("2025年中秋", date(2025, 10, 1), date(2025, 10, 8)),
        # 中秋 2020 fell on 国庆 itself: the calendar names those days 国庆's.
        ("2020年中秋", date(2020, 10, 1), date(2020, 10, 8)),
    ],
)
def test_a_holiday_is_the_break_its_years_notice_gave(typed: str, first: date, last: date) -> None:
    # Before, 国庆 and 五一 were always 10-01..10-07 and 05-01..05-05, and 2020年中秋 was
    # said not to be found.
    window = periods.parse(typed, MONDAY, SHANGHAI)
    assert (window.first_day, window.last_day) == (first, last)


def test_a_holiday_not_yet_come_this_year_is_last_years() -> None:
    april = datetime(2026, 4, 20, 2, 0, tzinfo=UTC)
    window = periods.parse("国庆", april, SHANGHAI)
    assert (window.first_day, window.last_day) == (date(2025, 10, 1), date(2025, 10, 8))


def test_since_a_holiday_runs_from_its_first_day_to_today() -> None:
    assert _days("元旦以来") == (date(2026, 1, 1), date(2026, 12, 7))


def test_around_a_holiday_is_asked_for_in_dates_with_the_holiday_days() -> None:
    with pytest.raises(PeriodError) as asked:
        periods.parse("春节前后", MONDAY, SHANGHAI)
    assert str(asked.value) == (
        "「春节前后」是哪几天说不准：2026年春节假期是 2026-02-15 至 2026-02-23，"
        "查假期请写「春节假期」；前后几天请写日期，如「2026-02-08至2026-03-02」。"
    )


def test_a_lunar_holiday_of_a_year_the_calendar_lacks_is_asked_for_in_dates() -> None:
    with pytest.raises(PeriodError) as asked:
        periods.parse("2099年春节", datetime(2099, 3, 1, 2, 0, tzinfo=UTC), SHANGHAI)
    assert str(asked.value) == (
        "「2099年春节」：还查不到2099年春节的放假日期，请直接写日期，如「2099-02-10至2099-02-17」。"
    )


def _last_year_covered() -> int:
    """The last year whose Mid-autumn days off `chinesecalendar` has (2026 in its 2025
    release): the test below stays true when an update of the package brings the next."""
    years = [y for y in range(2020, 2100) if holiday_days_off("Mid-autumn Festival", y)]
    return max(years)


def test_a_lunar_holiday_not_yet_come_in_a_year_the_calendar_lacks_is_last_years() -> None:
    # Before, 中秋 typed in the January after the last year covered was asked for in dates,
    # though the one meant (last year's) was known.
    covered = _last_year_covered()
    january = datetime(covered + 1, 1, 4, 2, 0, tzinfo=UTC)
    window = periods.parse("中秋", january, SHANGHAI)
    off = holiday_days_off("Mid-autumn Festival", covered)
    assert off is not None
    assert (window.first_day, window.last_day) == (min(off), max(off))
    assert window.heading == f"{covered}年中秋假期"


@pytest.mark.parametrize(
    ("typed", "first", "last"),
    [
        ("昨天和今天", date(2026, 12, 6), date(2026, 12, 7)),
        ("今天和昨天", date(2026, 12, 6), date(2026, 12, 7)),
        ("前天與昨天", date(2026, 12, 5), date(2026, 12, 6)),
        ("10月和11月", date(2026, 10, 1), date(2026, 11, 30)),
    ],
)
def test_two_periods_side_by_side_with_he_between_are_read_as_one(
    typed: str, first: date, last: date
) -> None:
    # Before, 昨天和今天 was refused as unreadable.
    assert _days(typed) == (first, last)


def test_two_periods_apart_with_he_between_are_refused_saying_how_to_ask() -> None:
    with pytest.raises(PeriodError) as refused:
        periods.parse("国庆和中秋", MONDAY, SHANGHAI)
    assert str(refused.value) == (
        "「国庆和中秋」是不连着的两段，一份报表只查一段连着的日子：请分开查「国庆」和「中秋」，"
        "或写「2026-09-25至2026-10-07」。"
    )


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("最近几天", "「最近几天」是多久说不准：请写「近3天」或「近7天」。"),
        ("这几天", "「这几天」是多久说不准：请写「近3天」或「近7天」。"),
        ("最近几个月", "「最近几个月」是多久说不准：请写「近3个月」或「近半年」。"),
        (
            "前一周",
            "「前一周」是指上周（周一到周日）还是近7天（到今天为止）？请写「上周」或「近7天」。",
        ),
        (
            "前一个月",
            "「前一个月」是指上个月（1号到月底）还是近一个月（到今天为止）？"
            "请写「上个月」或「近一个月」。",
        ),
    ],
)
def test_a_span_of_unsaid_or_two_lengths_is_answered_with_the_nearest_read(
    typed: str, said: str
) -> None:
    # Before, each got the generic 看不懂时间范围 and the whole list.
    with pytest.raises(PeriodError) as refused:
        periods.parse(typed, MONDAY, SHANGHAI)
    assert str(refused.value) == said
    for offered in re.findall(r"请写「(.+?)」或「(.+?)」", said)[0]:
        periods.parse(offered, MONDAY, SHANGHAI)  # each offered is read


def test_two_months_side_by_side_are_read_in_one_year_as_a_range_of_them_is() -> None:
    # Before, on 3 October 10月和11月 was refused as two periods apart (this October and
    # last November), while 10-11月 and 10月到11月 were read.
    october = datetime(2026, 10, 3, 2, 0, tzinfo=UTC)
    joined = periods.parse("10月和11月", october, SHANGHAI)
    ranged = periods.parse("10-11月", october, SHANGHAI)
    assert (joined.first_day, joined.last_day) == (ranged.first_day, ranged.last_day)


def test_two_months_latest_first_side_by_side_are_one_range() -> None:
    # Before, on 3 December 12月和11月 was refused, 11月 read in the next year.
    december = datetime(2026, 12, 3, 2, 0, tzinfo=UTC)
    window = periods.parse("12月和11月", december, SHANGHAI)
    assert (window.first_day, window.last_day) == (date(2026, 11, 1), date(2026, 12, 31))


@pytest.mark.parametrize(
    ("typed", "on", "first", "last"),
    [
        ("元旦", date(2024, 1, 1), date(2023, 12, 30), date(2024, 1, 1)),
        # In the break already, on its first days in December: this break, not last year's.
        ("元旦", date(2023, 12, 31), date(2023, 12, 30), date(2024, 1, 1)),
        ("2024年元旦", date(2024, 3, 1), date(2023, 12, 30), date(2024, 1, 1)),
        ("去年元旦", date(2024, 6, 1), date(2022, 12, 31), date(2023, 1, 2)),
    ],
)
def test_new_year_begun_in_december_is_titled_with_the_year_it_is_named_for(
    typed: str, on: date, first: date, last: date
) -> None:
    # Before, 元旦 2024 (2023-12-30 to 2024-01-01) was titled 2023年元旦, and 元旦 typed on
    # 31 December 2023 was the break a year before.
    at = datetime(on.year, on.month, on.day, 4, 0, tzinfo=UTC)
    window = periods.parse(typed, at, SHANGHAI)
    assert (window.first_day, window.last_day) == (first, last)
    assert window.heading == f"{last.year}年元旦"


def test_around_new_year_names_the_year_it_is_named_for() -> None:
    with pytest.raises(PeriodError, match="2024年元旦是 2023-12-30 至 2024-01-01"):
        periods.parse("元旦前后", datetime(2024, 1, 5, 4, 0, tzinfo=UTC), SHANGHAI)


@pytest.mark.parametrize(
    ("typed", "first", "last"),
    [
        ("十二月六日", date(2026, 12, 6), date(2026, 12, 6)),
        ("十一月十八号", date(2026, 11, 18), date(2026, 11, 18)),
        ("12月六日", date(2026, 12, 6), date(2026, 12, 6)),
        ("2025年十二月二十五日", date(2025, 12, 25), date(2025, 12, 25)),
        ("上个月十五号", date(2026, 11, 15), date(2026, 11, 15)),
        ("本月一号至今", date(2026, 12, 1), date(2026, 12, 7)),
        ("十二月一日至六日", date(2026, 12, 1), date(2026, 12, 6)),
        ("十一月一日到十五日", date(2026, 11, 1), date(2026, 11, 15)),
        ("十一月一日到十二月六日", date(2026, 11, 1), date(2026, 12, 6)),
    ],
)
def test_a_day_written_in_chinese_numerals_is_read_as_in_digits(
    typed: str, first: date, last: date
) -> None:
    # As 十一月 and 2025年十二月 are: a date as it is written in Chinese, not 看不懂.
    assert _days(typed) == (first, last)


@pytest.mark.parametrize(
    ("typed", "first", "last"),
    [
        ("近三日", date(2026, 12, 5), date(2026, 12, 7)),  # a span, not the 3rd
        ("前三日", date(2026, 12, 4), date(2026, 12, 6)),
        ("周日", date(2026, 12, 6), date(2026, 12, 6)),
        ("十至十二月", date(2026, 10, 1), date(2026, 12, 31)),
    ],
)
def test_chinese_numerals_that_are_no_day_of_a_month_stay_as_they_were_read(
    typed: str, first: date, last: date
) -> None:
    assert _days(typed) == (first, last)


def test_a_day_in_chinese_numerals_no_month_has_is_refused_as_such() -> None:
    with pytest.raises(PeriodError, match="没有这一天"):
        _days("十一月三十一日")


@pytest.mark.parametrize(
    ("typed", "first", "last"),
    [
        ("本月的台账", date(2026, 12, 1), date(2026, 12, 31)),
        ("上周的统计", date(2026, 11, 30), date(2026, 12, 6)),
        ("上週的統計", date(2026, 11, 30), date(2026, 12, 6)),
        ("本月的臺賬", date(2026, 12, 1), date(2026, 12, 31)),
        ("上個月的報表", date(2026, 11, 1), date(2026, 11, 30)),
        ("近7天数据", date(2026, 12, 1), date(2026, 12, 7)),
        ("上周统计数据", date(2026, 11, 30), date(2026, 12, 6)),
        ("本月服务指标", date(2026, 12, 1), date(2026, 12, 31)),
        ("本周 Excel", date(2026, 12, 7), date(2026, 12, 13)),
        ("11月的汇总", date(2026, 11, 1), date(2026, 11, 30)),
        ("导出本月的Excel表格", date(2026, 12, 1), date(2026, 12, 31)),
        ("查看上周的报表", date(2026, 11, 30), date(2026, 12, 6)),
        ("本月台账表", date(2026, 12, 1), date(2026, 12, 31)),
        ("上周 导出", date(2026, 11, 30), date(2026, 12, 6)),
        ("上週的資料", date(2026, 11, 30), date(2026, 12, 6)),  # 資料: data, in 繁體
        ("本月的臺帳", date(2026, 12, 1), date(2026, 12, 31)),  # t2s: 台帐, not 台账
        ("上个月的台帐", date(2026, 11, 1), date(2026, 11, 30)),
    ],
)
def test_the_reports_name_after_its_period_is_no_part_of_it(
    typed: str, first: date, last: date
) -> None:
    # Before, 本月的台账 and 上周的统计 were 看不懂时间范围 with the list of forms.
    assert _days(typed) == (first, last)


@pytest.mark.parametrize("typed", ["台账", "统计", "的台账", "导出", "导出Excel", "查"])
def test_the_reports_name_alone_is_no_period(typed: str) -> None:
    with pytest.raises(PeriodError, match=f"看不懂时间范围「{typed}」"):
        periods.parse(typed, MONDAY, SHANGHAI)


def test_a_period_not_begun_is_refused_with_the_reports_name_after_it() -> None:
    with pytest.raises(PeriodError, match="「下个月的台账」还没开始"):
        periods.parse("下个月的台账", MONDAY, SHANGHAI)


@pytest.mark.parametrize(
    ("typed", "asked"),
    [
        (
            "七日数据",
            "「七日数据」是指近7天（到今天为止）还是7号（这一天）？请写「近7天」或「7号」。",
        ),
        (
            "七日统计",
            "「七日统计」是指近7天（到今天为止）还是7号（这一天）？请写「近7天」或「7号」。",
        ),
        (
            "三日的台账",
            "「三日的台账」是指近3天（到今天为止）还是3号（这一天）？请写「近3天」或「3号」。",
        ),
        (
            "查看两日的报表",
            "「查看两日的报表」是指近2天（到今天为止）还是2号（这一天）？请写「近2天」或「2号」。",
        ),
        (
            "七日資料",
            "「七日資料」是指近7天（到今天为止）还是7号（这一天）？请写「近7天」或「7号」。",
        ),
        # The 20th not begun on 7 December: last month's offered, as it would be read.
        (
            "二十日数据",
            "「二十日数据」是指近20天（到今天为止）还是上个月20号（这一天）？请写「近20天」或「上个月20号」。",
        ),
        ("四十日数据", "「四十日数据」是指近40天（到今天为止）吗？请写「近40天」。"),
    ],
)
def test_days_in_chinese_numerals_before_the_reports_name_are_asked_about(
    typed: str, asked: str
) -> None:
    # 近七日数据 is 近7天; 七日数据 was read as 7 December alone, without a word.
    with pytest.raises(PeriodError) as refused:
        periods.parse(typed, MONDAY, SHANGHAI)
    assert str(refused.value) == asked
    for offered in re.findall(r"「([^「」]+)」", asked.split("请写")[1]):
        periods.parse(offered, MONDAY, SHANGHAI)


@pytest.mark.parametrize(
    ("typed", "first", "last"),
    [
        ("近七日数据", date(2026, 12, 1), date(2026, 12, 7)),
        ("七日", date(2026, 12, 7), date(2026, 12, 7)),  # a day, no report's name after it
        ("7日数据", date(2026, 12, 7), date(2026, 12, 7)),  # in digits: a day, as 7号 is
    ],
)
def test_days_before_the_reports_name_said_otherwise_are_read(
    typed: str, first: date, last: date
) -> None:
    assert _days(typed) == (first, last)
