"""Periods in the bureau's time zone turned into UTC bounds."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from core.config import CuringSeason
from reports import periods
from reports.periods import LATEST, PeriodError

SHANGHAI = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 11, 18, 1, 0, tzinfo=UTC)  # Wednesday 09:00 in Shanghai


def test_today_is_the_local_day_in_utc() -> None:
    window = periods.today(NOW, SHANGHAI)
    assert window.start == datetime(2026, 11, 17, 16, 0, tzinfo=UTC)
    assert window.end == datetime(2026, 11, 18, 16, 0, tzinfo=UTC)
    assert window.label == "2026-11-18"


def test_late_evening_utc_is_already_tomorrow_in_shanghai() -> None:
    window = periods.today(datetime(2026, 11, 18, 17, 0, tzinfo=UTC), SHANGHAI)
    assert window.first_day == date(2026, 11, 19)


def test_week_runs_monday_to_sunday() -> None:
    window = periods.week(NOW, SHANGHAI)
    assert (window.first_day, window.last_day) == (date(2026, 11, 16), date(2026, 11, 22))
    assert window.start == datetime(2026, 11, 15, 16, 0, tzinfo=UTC)
    last = periods.week(NOW, SHANGHAI, weeks_back=1)
    assert (last.first_day, last.last_day) == (date(2026, 11, 9), date(2026, 11, 15))


def test_month_and_last_month_across_a_year() -> None:
    january = datetime(2027, 1, 10, tzinfo=UTC)
    assert periods.month(january, SHANGHAI).last_day == date(2027, 1, 31)
    december = periods.month(january, SHANGHAI, months_back=1)
    assert (december.first_day, december.last_day) == (date(2026, 12, 1), date(2026, 12, 31))


def test_cutoff_is_now_for_a_running_period() -> None:
    window = periods.week(NOW, SHANGHAI)
    assert window.cutoff(NOW) == NOW
    assert window.cutoff(datetime(2027, 1, 1, tzinfo=UTC)) == window.end


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("", "2026-11-18", "2026-11-18"),
        ("today", "2026-11-18", "2026-11-18"),
        ("昨天", "2026-11-17", "2026-11-17"),
        ("week", "2026-11-16", "2026-11-22"),
        ("上周", "2026-11-09", "2026-11-15"),
        ("本週", "2026-11-16", "2026-11-22"),  # a supervisor who writes Traditional
        ("上週", "2026-11-09", "2026-11-15"),
        ("本月", "2026-11-01", "2026-11-30"),
        ("lastmonth", "2026-10-01", "2026-10-31"),
        ("2026-02", "2026-02-01", "2026-02-28"),
        ("2026-11-05", "2026-11-05", "2026-11-05"),
        ("2026-11-01..2026-11-15", "2026-11-01", "2026-11-15"),
        ("2026-11-01 至 2026-11-15", "2026-11-01", "2026-11-15"),
        # The words a supervisor types in a chat, in either script.
        ("昨日", "2026-11-17", "2026-11-17"),
        ("这周", "2026-11-16", "2026-11-22"),
        ("這週", "2026-11-16", "2026-11-22"),
        ("本星期", "2026-11-16", "2026-11-22"),
        ("这星期", "2026-11-16", "2026-11-22"),
        ("這星期", "2026-11-16", "2026-11-22"),
        ("上星期", "2026-11-09", "2026-11-15"),
        ("上礼拜", "2026-11-09", "2026-11-15"),
        ("上禮拜", "2026-11-09", "2026-11-15"),
        ("这礼拜", "2026-11-16", "2026-11-22"),
        ("这个月", "2026-11-01", "2026-11-30"),
        ("這個月", "2026-11-01", "2026-11-30"),
        ("上个月", "2026-10-01", "2026-10-31"),
        ("上個月", "2026-10-01", "2026-10-31"),
        (" 上 个 月 ", "2026-10-01", "2026-10-31"),
        ("This Week", "2026-11-16", "2026-11-22"),
        ("last month", "2026-10-01", "2026-10-31"),
    ],
)
def test_parse(text: str, first: str, last: str) -> None:
    window = periods.parse(text, NOW, SHANGHAI)
    assert (window.first_day.isoformat(), window.last_day.isoformat()) == (first, last)


@pytest.mark.parametrize("text", ["yesteryear", "2026-13", "2026-02-30", "2026-11-15..2026-11-01"])
def test_parse_refuses_with_a_chinese_message(text: str) -> None:
    with pytest.raises(PeriodError) as caught:
        periods.parse(text, NOW, SHANGHAI)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in str(caught.value))


@pytest.mark.parametrize(
    "text",
    [
        "0001-01",  # its first midnight in Shanghai is before the first UTC datetime
        "9999-12-31",  # its end, the next midnight, is after the last
        "9999-12",  # December 9999 has no following month to end at
        "1000-01-01..9999-12-31",
        "1999-12-31",
        "2026-11-01..2100-01-01",
        "0000年",  # no year at all: refused as a year beyond the range, not a crash
        "0000-01",  # its month is right: the year is what no report covers
    ],
)
def test_days_out_of_range_get_the_usage(text: str) -> None:
    with pytest.raises(PeriodError) as caught:
        periods.parse(text, NOW, SHANGHAI)
    message = str(caught.value)
    assert message.startswith(f"看不懂时间范围「{text}」")
    assert "2000-01-01 至 2099-12-31" in message and "2026-11-01..2026-11-15" in message


def test_the_whole_range_is_one_period() -> None:
    window = periods.parse("2000-01-01..2099-12-31", NOW, SHANGHAI)
    assert window.start == datetime(1999, 12, 31, 16, 0, tzinfo=UTC)
    assert window.end == datetime(2099, 12, 31, 16, 0, tzinfo=UTC)
    assert periods.days(date(2099, 12, 1), date(2099, 12, 31), SHANGHAI).last_day == LATEST


@pytest.mark.parametrize(
    ("first", "last"), [(date(1, 1, 1), date(1, 1, 1)), (date(2026, 1, 1), date(9999, 12, 31))]
)
def test_days_refuses_what_no_report_can_cover(first: date, last: date) -> None:
    with pytest.raises(PeriodError, match="日期超出范围"):
        periods.days(first, last, SHANGHAI)


def test_a_week_running_past_the_range_is_refused() -> None:
    with pytest.raises(PeriodError):
        periods.week(datetime(2099, 12, 31, 4, 0, tzinfo=UTC), SHANGHAI)


def shanghai_noon(year: int, month: int, day: int) -> datetime:
    return datetime(year, month, day, 4, 0, tzinfo=UTC)


SUMMER = CuringSeason(start="07-01", end="10-31")
WINTER = CuringSeason(start="11-01", end="02-28")  # a season over the new year


@pytest.mark.parametrize(
    ("season", "today", "this_season", "last_season"),
    [
        # Before this year's season starts: last year's whole season is the latest.
        (SUMMER, (2026, 3, 10), ("2025-07-01", "2025-10-31"), ("2025-07-01", "2025-10-31")),
        # During it: from its start to today.
        (SUMMER, (2026, 8, 15), ("2026-07-01", "2026-08-15"), ("2025-07-01", "2025-10-31")),
        (SUMMER, (2026, 7, 1), ("2026-07-01", "2026-07-01"), ("2025-07-01", "2025-10-31")),
        (SUMMER, (2026, 10, 31), ("2026-07-01", "2026-10-31"), ("2025-07-01", "2025-10-31")),
        # Over: this year's whole season.
        (SUMMER, (2026, 11, 18), ("2026-07-01", "2026-10-31"), ("2025-07-01", "2025-10-31")),
        (SUMMER, (2026, 12, 31), ("2026-07-01", "2026-10-31"), ("2025-07-01", "2025-10-31")),
        # Over the new year: in December and in January it is the season begun in November.
        (WINTER, (2026, 12, 5), ("2026-11-01", "2026-12-05"), ("2025-11-01", "2026-02-28")),
        (WINTER, (2027, 1, 15), ("2026-11-01", "2027-01-15"), ("2025-11-01", "2026-02-28")),
        (WINTER, (2027, 2, 28), ("2026-11-01", "2027-02-28"), ("2025-11-01", "2026-02-28")),
        (WINTER, (2027, 3, 10), ("2026-11-01", "2027-02-28"), ("2026-11-01", "2027-02-28")),
        (WINTER, (2028, 1, 10), ("2027-11-01", "2028-01-10"), ("2026-11-01", "2027-02-28")),
    ],
)
def test_curing_season_this_and_last(
    season: CuringSeason,
    today: tuple[int, int, int],
    this_season: tuple[str, str],
    last_season: tuple[str, str],
) -> None:
    now = shanghai_noon(*today)
    for words, expected in (("本烘烤季", this_season), ("上个烘烤季", last_season)):
        window = periods.parse(words, now, SHANGHAI, season)
        assert (window.first_day.isoformat(), window.last_day.isoformat()) == expected


def test_a_season_ending_on_february_29_ends_on_the_28th_in_other_years() -> None:
    season = CuringSeason(start="12-01", end="02-29")
    window = periods.parse("上个烘烤季", shanghai_noon(2026, 12, 10), SHANGHAI, season)
    assert (window.first_day, window.last_day) == (date(2025, 12, 1), date(2026, 2, 28))
    leap = periods.parse("上个烘烤季", shanghai_noon(2028, 12, 10), SHANGHAI, season)
    assert leap.last_day == date(2028, 2, 29)


@pytest.mark.parametrize(
    "words",
    ["烘烤季", "本烘烤季", "這個烘烤季", "今年烘烤季", "本烤季", "season", "This Season"],
)
def test_the_words_for_this_curing_season(words: str) -> None:
    window = periods.parse(words, NOW, SHANGHAI, SUMMER)
    assert (window.first_day, window.last_day, window.name) == (
        date(2026, 7, 1), date(2026, 10, 31), "season"
    )  # fmt: skip
    assert window.heading == "2026年烘烤季"


@pytest.mark.parametrize(
    "words", ["上个烘烤季", "上個烘烤季", "去年烘烤季", "上一個烘烤季", "lastseason"]
)
def test_the_words_for_last_curing_season(words: str) -> None:
    window = periods.parse(words, NOW, SHANGHAI, SUMMER)
    assert (window.first_day, window.last_day) == (date(2025, 7, 1), date(2025, 10, 31))


def test_a_years_curing_season_by_its_number() -> None:
    window = periods.parse("2024年烘烤季", NOW, SHANGHAI, WINTER)
    assert (window.first_day, window.last_day) == (date(2024, 11, 1), date(2025, 2, 28))
    assert window.heading == "2024—2025年烘烤季"
    with pytest.raises(PeriodError, match="还没开始"):
        periods.parse("2027烘烤季", NOW, SHANGHAI, SUMMER)
    with pytest.raises(PeriodError, match="年份超出范围"):
        periods.parse("1999年烘烤季", NOW, SHANGHAI, SUMMER)


@pytest.mark.parametrize("words", ["本季", "上季", "這季"])
def test_a_bare_ji_is_asked_back_rather_than_guessed(words: str) -> None:
    with pytest.raises(PeriodError, match="是指季度还是烘烤季") as caught:
        periods.parse(words, NOW, SHANGHAI, SUMMER)
    assert "本季度" in str(caught.value) and "本烘烤季" in str(caught.value)


@pytest.mark.parametrize(
    ("words", "first", "last"),
    [("本季度", "2026-10-01", "2026-12-31"), ("上季度", "2026-07-01", "2026-09-30"),
     ("上個季度", "2026-07-01", "2026-09-30"), ("quarter", "2026-10-01", "2026-12-31")],
)  # fmt: skip
def test_quarters(words: str, first: str, last: str) -> None:
    window = periods.parse(words, NOW, SHANGHAI)
    assert (window.first_day.isoformat(), window.last_day.isoformat()) == (first, last)
    january = periods.parse("上季度", shanghai_noon(2027, 1, 5), SHANGHAI)
    assert (january.first_day, january.last_day) == (date(2026, 10, 1), date(2026, 12, 31))


@pytest.mark.parametrize(
    ("words", "first", "last"),
    [
        ("三季度", "2026-07-01", "2026-09-30"),
        ("第三季度", "2026-07-01", "2026-09-30"),
        ("2026年第一季度", "2026-01-01", "2026-03-31"),
        ("2025年4季度", "2025-10-01", "2025-12-31"),
        ("Q2", "2026-04-01", "2026-06-30"),
        ("2025q4", "2025-10-01", "2025-12-31"),
        ("第一季度", "2026-01-01", "2026-03-31"),
        ("2026年第三季", "2026-07-01", "2026-09-30"),
        ("第三季", "2026-07-01", "2026-09-30"),
        ("2025年4季", "2025-10-01", "2025-12-31"),
    ],
)
def test_a_quarter_by_its_number(words: str, first: str, last: str) -> None:
    """三季度 as a report form names it: without its year, the latest that has begun."""
    window = periods.parse(words, NOW, SHANGHAI)
    assert (window.first_day.isoformat(), window.last_day.isoformat()) == (first, last)
    january = periods.parse("四季度", shanghai_noon(2027, 1, 5), SHANGHAI)
    assert (january.first_day, january.last_day) == (date(2026, 10, 1), date(2026, 12, 31))
    with pytest.raises(PeriodError, match="还没开始"):
        periods.parse("2027年第一季度", NOW, SHANGHAI)


@pytest.mark.parametrize(
    ("words", "first", "last"),
    [
        ("上半年", "2026-01-01", "2026-06-30"),
        ("下半年", "2026-07-01", "2026-12-31"),
        ("去年下半年", "2025-07-01", "2025-12-31"),
        ("2025年上半年", "2025-01-01", "2025-06-30"),
        ("今年的上半年", "2026-01-01", "2026-06-30"),
    ],
)
def test_a_half_of_the_year(words: str, first: str, last: str) -> None:
    """上半年 and 下半年 are this year's halves; without a year, as a quarter by its number,
    the latest that has begun."""
    window = periods.parse(words, NOW, SHANGHAI)
    assert (window.first_day.isoformat(), window.last_day.isoformat()) == (first, last)
    march = periods.parse("下半年", shanghai_noon(2027, 3, 5), SHANGHAI)
    assert (march.first_day, march.last_day) == (date(2026, 7, 1), date(2026, 12, 31))
    for typed in ("今年下半年", "2027年上半年"):
        with pytest.raises(PeriodError, match=f"「{typed}」（2027-0[17]-01 起）还没开始"):
            periods.parse(typed, shanghai_noon(2027, 3, 5) if typed[0] == "今" else NOW, SHANGHAI)


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [
        ("上个星期", "2026-11-09", "2026-11-15"),
        ("上個星期", "2026-11-09", "2026-11-15"),
        ("这个星期", "2026-11-16", "2026-11-22"),
        ("上一周", "2026-11-09", "2026-11-15"),
        ("2026年8月", "2026-08-01", "2026-08-31"),
        ("2026年8月份", "2026-08-01", "2026-08-31"),
        ("2026/08", "2026-08-01", "2026-08-31"),
        ("２０２６－０８", "2026-08-01", "2026-08-31"),  # typed on a Chinese keyboard
        ("2026年8月1日", "2026-08-01", "2026-08-01"),
        ("2026/8/1", "2026-08-01", "2026-08-01"),
        ("2026.8.1", "2026-08-01", "2026-08-01"),
        ("2026-08-01 2026-08-31", "2026-08-01", "2026-08-31"),
        ("2026-08-01 - 2026-08-31", "2026-08-01", "2026-08-31"),
        ("2026-08-01～2026-08-31", "2026-08-01", "2026-08-31"),
        ("2026年8月1日至2026年8月15日", "2026-08-01", "2026-08-15"),
        ("8月", "2026-08-01", "2026-08-31"),
        ("12月", "2025-12-01", "2025-12-31"),  # the latest December that has begun
        ("八月", "2026-08-01", "2026-08-31"),
        ("十一月份", "2026-11-01", "2026-11-30"),
        ("十二月", "2025-12-01", "2025-12-31"),
        ("上一年度", "2025-01-01", "2025-12-31"),
        ("今年", "2026-01-01", "2026-12-31"),
        ("去年", "2025-01-01", "2025-12-31"),
        ("2024年", "2024-01-01", "2024-12-31"),
        ("近7天", "2026-11-12", "2026-11-18"),
        ("最近30天", "2026-10-20", "2026-11-18"),
    ],
)
def test_parse_the_ways_a_chinese_supervisor_writes_dates(text: str, first: str, last: str) -> None:
    window = periods.parse(text, NOW, SHANGHAI)
    assert (window.first_day.isoformat(), window.last_day.isoformat()) == (first, last)


@pytest.mark.parametrize("text", ["13月", "近0天", "2026年13月", "十三月"])
def test_impossible_months_and_counts_are_told(text: str) -> None:
    with pytest.raises(PeriodError, match=f"「{text}」"):
        periods.parse(text, NOW, SHANGHAI)


def test_the_usage_starts_with_the_chinese_words() -> None:
    with pytest.raises(PeriodError) as caught:
        periods.parse("下辈子", NOW, SHANGHAI)
    assert str(caught.value).startswith("看不懂时间范围「下辈子」。可以写：今天、昨天、前天、本周")
    assert "本烘烤季" in str(caught.value)


@pytest.mark.parametrize(
    ("typed", "first", "last"),
    [
        ("12月25日", "2025-12-25", "2025-12-25"),  # over a month ahead: last year's
        ("11月17日", "2026-11-17", "2026-11-17"),
        ("11月1日至11月15日", "2026-11-01", "2026-11-15"),
        ("10月25日到11月2号", "2026-10-25", "2026-11-02"),
        ("2026年11月1日至15日", "2026-11-01", "2026-11-15"),
        ("2025年12月6日至12月8日", "2025-12-06", "2025-12-08"),  # the end takes the year
        ("11月1日至11月30日", "2026-11-01", "2026-11-30"),  # begun: reported so far
        ("11月6日至8日", "2026-11-06", "2026-11-08"),
        ("11月6日-11月8日", "2026-11-06", "2026-11-08"),
        ("12月25日至1月5日", "2025-12-25", "2026-01-05"),
        ("前天", "2026-11-16", "2026-11-16"),
    ],
)
def test_days_written_as_people_write_them(typed: str, first: str, last: str) -> None:
    window = periods.parse(typed, NOW, SHANGHAI)
    assert (window.first_day.isoformat(), window.last_day.isoformat()) == (first, last)


@pytest.mark.parametrize(
    ("typed", "first", "last"),
    [
        ("11.1-11.15", "2026-11-01", "2026-11-15"),
        ("10/30-11/2", "2026-10-30", "2026-11-02"),
        ("10.25至11.2", "2026-10-25", "2026-11-02"),
        ("11.6-8", "2026-11-06", "2026-11-08"),
        ("11.17", "2026-11-17", "2026-11-17"),
        ("11/17", "2026-11-17", "2026-11-17"),
        ("１１．１－１１．１５", "2026-11-01", "2026-11-15"),
        ("11.1至今", "2026-11-01", "2026-11-18"),
        ("2026.11.1-2026.11.15", "2026-11-01", "2026-11-15"),  # with its year: as before
        # With 日 or 号 after it, with or without a year before it.
        ("2026年11.1日", "2026-11-01", "2026-11-01"),
        ("2026年11.18号", "2026-11-18", "2026-11-18"),
        ("2026年11/18日", "2026-11-18", "2026-11-18"),
        ("11.1号-11.15号", "2026-11-01", "2026-11-15"),
    ],
)
def test_days_written_with_a_dot_or_a_slash_are_read_as_days(
    typed: str, first: str, last: str
) -> None:
    """11.30-12.1 and 11/30-12/1, as a chat writes a range of days, are 11月30日至12月1日."""
    window = periods.parse(typed, NOW, SHANGHAI)
    assert (window.first_day.isoformat(), window.last_day.isoformat()) == (first, last)


@pytest.mark.parametrize(
    ("typed", "refused"),
    [
        ("11.19-11.20", "「11.19-11.20」（2026-11-19 起）还没开始，暂无数据。"),
        ("11.5-11.1", "「11.5-11.1」的结束日期 2026-11-01 早于开始日期 2026-11-05"),
        ("2.30", "没有这一天：「2.30」（2月最多29天）"),
    ],
)
def test_days_written_with_a_dot_are_refused_as_days_are(typed: str, refused: str) -> None:
    with pytest.raises(PeriodError) as caught:
        periods.parse(typed, NOW, SHANGHAI)
    assert str(caught.value).startswith(refused)


@pytest.mark.parametrize(
    ("typed", "first"),
    [
        ("11月1日至今", "2026-11-01"),
        ("2026年11月1日至今", "2026-11-01"),
        ("10月25日到现在", "2026-10-25"),
        ("2026-11-02到今天", "2026-11-02"),
        ("11月以来", "2026-11-01"),
        ("上周至今", "2026-11-09"),
        ("１１月１日至今", "2026-11-01"),
        # From the start of the month or the year: 本月初至今, 年初至今.
        ("本月初至今", "2026-11-01"),
        ("月初至今", "2026-11-01"),
        ("年初至今", "2026-01-01"),
        ("今年初到现在", "2026-01-01"),
        ("今年年初至今", "2026-01-01"),
        ("本月月初至今", "2026-11-01"),
    ],
)
def test_a_period_up_to_now_runs_from_its_first_day_to_today(typed: str, first: str) -> None:
    """至今 (到现在, 以来) is today: what a report form writes for a period so far."""
    window = periods.parse(typed, NOW, SHANGHAI)
    assert (window.first_day.isoformat(), window.last_day) == (first, date(2026, 11, 18))


def test_a_period_up_to_now_not_understood_is_quoted_as_typed() -> None:
    """Not 看不懂「一直」: the supervisor typed 一直以来."""
    with pytest.raises(PeriodError, match=r"^看不懂时间范围「一直以来」"):
        periods.parse("一直以来", NOW, SHANGHAI)


def test_a_period_up_to_now_from_a_day_to_come_has_not_begun() -> None:
    with pytest.raises(PeriodError, match="「11月19日至今」（2026-11-19 起）还没开始"):
        periods.parse("11月19日至今", NOW, SHANGHAI)


@pytest.mark.parametrize(
    "typed",
    [
        "2027-01",
        "2099-12-31",
        "2026-11-19",
        "2027年",
        "11月19日",
        "12月6日",
        "明天",
        "下周",
        "下礼拜",
    ],
)
def test_a_period_that_has_not_begun_is_refused_as_a_season_is(typed: str) -> None:
    with pytest.raises(PeriodError, match="还没开始，暂无数据"):
        periods.parse(typed, NOW, SHANGHAI)


def test_a_running_period_that_began_is_reported_so_far() -> None:
    assert periods.parse("2026-11", NOW, SHANGHAI).first_day == date(2026, 11, 1)
    with pytest.raises(PeriodError, match="没有这一天"):
        periods.parse("2月30日", NOW, SHANGHAI)


def test_the_last_days_past_the_earliest_day_are_named_by_their_dates() -> None:
    window = periods.parse("近99999天", NOW, SHANGHAI)
    assert window.first_day == periods.EARLIEST and window.heading == ""
    assert periods.parse("近7天", NOW, SHANGHAI).heading == "近7天"


@pytest.mark.parametrize(
    ("typed", "first", "heading"),
    [
        ("近一周", "2026-11-12", "近一周"),
        ("过去7天", "2026-11-12", "近7天"),
        ("近十天", "2026-11-09", "近10天"),
        ("近两周", "2026-11-05", "近两周"),
        ("最近一个月", "2026-10-19", "近一个月"),
        ("近一個月", "2026-10-19", "近一个月"),
        ("近3个月", "2026-08-19", "近3个月"),
        ("近半年", "2026-05-19", "近半年"),
        ("近一年", "2025-11-19", "近一年"),
    ],
)
def test_the_last_weeks_months_and_years_run_up_to_today(
    typed: str, first: str, heading: str
) -> None:
    """近一周 is 近7天; 近一个月 runs from the day after this day last month, as 近一年 from
    the day after this day last year."""
    window = periods.parse(typed, NOW, SHANGHAI)
    assert (window.first_day.isoformat(), window.last_day) == (first, date(2026, 11, 18))
    assert window.heading == heading


def test_the_last_month_from_a_longer_month_starts_after_the_shorter_ones_end() -> None:
    window = periods.parse("近一个月", shanghai_noon(2026, 3, 31), SHANGHAI)
    assert (window.first_day, window.last_day) == (date(2026, 3, 1), date(2026, 3, 31))
    window = periods.parse("近99999个月", NOW, SHANGHAI)
    assert window.first_day == periods.EARLIEST and window.heading == ""


def test_a_range_typed_backwards_is_said_to_be() -> None:
    # Its end's month typed: 11月5日至1日 runs over November's end, as 30号到4号 does.
    with pytest.raises(PeriodError, match="早于开始日期"):
        periods.parse("11月5日至11月1日", NOW, SHANGHAI)


def test_a_range_typed_backwards_is_quoted_with_the_range_the_right_way_round() -> None:
    with pytest.raises(PeriodError) as refused:
        periods.parse("11月5日至11月1日", NOW, SHANGHAI)
    assert str(refused.value) == (
        "「11月5日至11月1日」的结束日期 2026-11-01 早于开始日期 2026-11-05，"
        "请先写早的一天，如「2026-11-01至2026-11-05」。"
    )
    # The range suggested is read.
    window = periods.parse("2026-11-01至2026-11-05", NOW, SHANGHAI)
    assert (window.first_day, window.last_day) == (date(2026, 11, 1), date(2026, 11, 5))


@pytest.mark.parametrize("typed", ["13月", "0月", "2026-13"])
def test_a_month_that_is_none_says_which_months_there_are(typed: str) -> None:
    with pytest.raises(PeriodError) as refused:
        periods.parse(typed, NOW, SHANGHAI)
    said = str(refused.value)
    assert said.startswith(f"月份不对：「{typed}」，月份是 1 到 12。可以写：")


@pytest.mark.parametrize(
    ("typed", "why"),
    [
        ("2026-02-30", "2026年2月只有28天"),
        ("2026年2月30日", "2026年2月只有28天"),
        ("2026/2/29", "2026年2月只有28天"),
        ("２０２６年２月３０日", "2026年2月只有28天"),
        ("2026-02-01..2026-02-30", "2026年2月只有28天"),
        ("2026-13-01", "月份是 1 到 12"),
        ("2月30日", "2月最多29天"),
        ("4月31日", "4月最多30天"),
        ("2026年2月1日至2月30日", "2026年2月只有28天"),
        ("2025年12月1日至2月29日", "2026年2月只有28天"),  # the end is the next year's February
        ("4月31日至5月2日", "4月最多30天"),
    ],
)
def test_a_day_that_does_not_exist_is_said_to_be_none_quoting_what_was_typed(
    typed: str, why: str
) -> None:
    with pytest.raises(PeriodError) as refused:
        periods.parse(typed, NOW, SHANGHAI)
    assert str(refused.value) == f"没有这一天：「{typed}」（{why}）。{periods.USAGE}"


def test_a_day_of_the_command_line_that_does_not_exist_is_said_to_be_none() -> None:
    with pytest.raises(PeriodError) as refused:
        periods.parse_day("2026-02-30")
    assert str(refused.value) == "没有这一天：「2026-02-30」（2026年2月只有28天）。"
    with pytest.raises(PeriodError) as refused:
        periods.parse_day("2026-11")
    assert str(refused.value) == "日期格式不对：「2026-11」，请写成 2026-11-18"
    assert periods.parse_day("2024-02-29") == date(2024, 2, 29)


def test_no_days_at_all_gets_the_forms_as_every_other_refusal_does() -> None:
    with pytest.raises(PeriodError) as refused:
        periods.parse("近0天", NOW, SHANGHAI)
    assert str(refused.value) == f"天数不对：「近0天」，至少是近1天。{periods.USAGE}"


@pytest.mark.parametrize(
    ("words", "first", "last"),
    [
        ("11月上旬", "2026-11-01", "2026-11-10"),
        ("本月中旬", "2026-11-11", "2026-11-20"),  # NOW is 2026-11-18
        ("上个月下旬", "2026-10-21", "2026-10-31"),
        ("2026年2月下旬", "2026-02-21", "2026-02-28"),  # to the month's end
        ("十月下旬", "2026-10-21", "2026-10-31"),
        ("上旬", "2026-11-01", "2026-11-10"),  # this month's
        ("10月下旬至今", "2026-10-21", "2026-11-18"),
    ],
)
def test_a_months_first_middle_or_last_ten_days(words: str, first: str, last: str) -> None:
    """上旬, 中旬 and 下旬: the 1st to the 10th, the 11th to the 20th, the 21st to the end."""
    window = periods.parse(words, NOW, SHANGHAI)
    assert (window.first_day.isoformat(), window.last_day.isoformat()) == (first, last)


@pytest.mark.parametrize(("typed", "said"), [("本月下旬", "还没开始"), ("本周上旬", "看不懂")])
def test_ten_days_not_begun_or_of_no_month_are_refused(typed: str, said: str) -> None:
    with pytest.raises(PeriodError, match=said):
        periods.parse(typed, NOW, SHANGHAI)


@pytest.mark.parametrize(
    ("typed", "first", "last"),
    [
        ("2025年十二月", "2025-12-01", "2025-12-31"),
        ("2025年十二月份", "2025-12-01", "2025-12-31"),
        ("2026年三月中旬", "2026-03-11", "2026-03-20"),
    ],
)
def test_a_month_of_a_year_in_chinese_numerals(typed: str, first: str, last: str) -> None:
    window = periods.parse(typed, NOW, SHANGHAI)
    assert (window.first_day.isoformat(), window.last_day.isoformat()) == (first, last)


WEDNESDAY = datetime(2026, 12, 2, 2, 0, tzinfo=UTC)  # Wednesday 2 December, 10:00 in Shanghai


@pytest.mark.parametrize(
    ("typed", "first", "last"),
    [
        ("上上周", date(2026, 11, 16), date(2026, 11, 22)),
        ("上上週", date(2026, 11, 16), date(2026, 11, 22)),
        ("上上个礼拜", date(2026, 11, 16), date(2026, 11, 22)),
        ("上上个月", date(2026, 10, 1), date(2026, 10, 31)),
        ("大前天", date(2026, 11, 29), date(2026, 11, 29)),
        ("周一", date(2026, 11, 30), date(2026, 11, 30)),
        ("週一", date(2026, 11, 30), date(2026, 11, 30)),
        ("星期一", date(2026, 11, 30), date(2026, 11, 30)),
        ("禮拜一", date(2026, 11, 30), date(2026, 11, 30)),
        ("周１", date(2026, 11, 30), date(2026, 11, 30)),
        ("周三", date(2026, 12, 2), date(2026, 12, 2)),  # today
        ("周四", date(2026, 11, 26), date(2026, 11, 26)),  # the latest Thursday begun
        ("礼拜天", date(2026, 11, 29), date(2026, 11, 29)),
        ("上周一", date(2026, 11, 23), date(2026, 11, 23)),
        ("上上周二", date(2026, 11, 17), date(2026, 11, 17)),
        ("本周一至今", date(2026, 11, 30), date(2026, 12, 2)),
        ("上周三至今", date(2026, 11, 25), date(2026, 12, 2)),
        ("上周三到周五", date(2026, 11, 25), date(2026, 11, 27)),
        ("上週三到五", date(2026, 11, 25), date(2026, 11, 27)),
        ("周一到周三", date(2026, 11, 30), date(2026, 12, 2)),
        ("周五到周一", date(2026, 11, 27), date(2026, 11, 30)),  # over the weekend
        ("上周五到本周一", date(2026, 11, 27), date(2026, 11, 30)),
    ],
)
def test_days_of_the_week_and_the_week_before_last_are_read(
    typed: str, first: date, last: date
) -> None:
    window = periods.parse(typed, WEDNESDAY, SHANGHAI)
    assert (window.first_day, window.last_day) == (first, last)


def test_this_weeks_day_still_ahead_is_refused_as_not_begun() -> None:
    with pytest.raises(PeriodError, match="还没开始"):
        periods.parse("本周五", WEDNESDAY, SHANGHAI)


def test_the_week_before_last_is_named_in_the_stats_heading() -> None:
    from reports.period_windows import PERIOD_NAMES

    assert PERIOD_NAMES[periods.parse("上上周", WEDNESDAY, SHANGHAI).name] == "上上周"
    assert PERIOD_NAMES[periods.parse("上上个月", WEDNESDAY, SHANGHAI).name] == "上上月"
    assert PERIOD_NAMES[periods.parse("大前天", WEDNESDAY, SHANGHAI).name] == "大前天"


@pytest.mark.parametrize(
    "typed", ["上周。", "上周?", "上周？", "「上周」", "“上周”", "(上周)", "上周！"]
)
def test_a_period_typed_with_a_full_stop_or_quotes_is_read(typed: str) -> None:
    window = periods.parse(typed, WEDNESDAY, SHANGHAI)
    assert (window.first_day, window.last_day) == (date(2026, 11, 23), date(2026, 11, 29))


def test_a_range_of_dotted_days_ending_in_a_full_stop_is_read() -> None:
    window = periods.parse("12.1-12.2。", WEDNESDAY, SHANGHAI)
    assert (window.first_day, window.last_day) == (date(2026, 12, 1), date(2026, 12, 2))


def test_a_period_not_begun_with_a_full_stop_is_refused_as_not_begun() -> None:
    with pytest.raises(PeriodError, match="还没开始"):
        periods.parse("下周。", WEDNESDAY, SHANGHAI)


@pytest.mark.parametrize(
    ("typed", "first", "last"),
    [
        ("11月到12月", date(2026, 11, 1), date(2026, 12, 31)),
        ("10月-11月", date(2026, 10, 1), date(2026, 11, 30)),
        ("十月至十一月", date(2026, 10, 1), date(2026, 11, 30)),
        ("2025年11月到12月", date(2025, 11, 1), date(2025, 12, 31)),
        ("2025年12月到2月", date(2025, 12, 1), date(2026, 2, 28)),  # across the new year
        ("2025年12月到2026年1月", date(2025, 12, 1), date(2026, 1, 31)),
        ("上个月到本月", date(2026, 11, 1), date(2026, 12, 31)),
        ("上周至本周", date(2026, 11, 23), date(2026, 12, 6)),
        ("上季度到本季度", date(2026, 7, 1), date(2026, 12, 31)),
        ("11月1日到本周", date(2026, 11, 1), date(2026, 12, 6)),
    ],
)
def test_a_range_of_months_or_of_periods_runs_from_the_first_to_the_end_of_the_last(
    typed: str, first: date, last: date
) -> None:
    window = periods.parse(typed, WEDNESDAY, SHANGHAI)
    assert (window.first_day, window.last_day) == (first, last)


def test_a_range_of_periods_typed_backwards_says_how_to_write_it() -> None:
    with pytest.raises(PeriodError) as refused:
        periods.parse("本月到上个月", WEDNESDAY, SHANGHAI)
    assert "「2026-11-01至2026-12-31」" in str(refused.value)


def test_a_range_of_months_that_are_no_months_says_so() -> None:
    with pytest.raises(PeriodError, match="月份是 1 到 12"):
        periods.parse("13月到14月", WEDNESDAY, SHANGHAI)


@pytest.mark.parametrize(
    ("typed", "first", "last"),
    [
        ("去年12月", date(2025, 12, 1), date(2025, 12, 31)),
        ("去年的十二月", date(2025, 12, 1), date(2025, 12, 31)),
        ("今年1月", date(2026, 1, 1), date(2026, 1, 31)),
        ("去年12月25日", date(2025, 12, 25), date(2025, 12, 25)),
        ("去年12月到今年1月", date(2025, 12, 1), date(2026, 1, 31)),
        ("去年第四季度", date(2025, 10, 1), date(2025, 12, 31)),
        ("前年Q4", date(2024, 10, 1), date(2024, 12, 31)),
        ("去年12月上旬", date(2025, 12, 1), date(2025, 12, 10)),
        ("今年11月1日到今天", date(2026, 11, 1), date(2026, 12, 2)),
        ("本月1号至今", date(2026, 12, 1), date(2026, 12, 2)),
        ("上个月15号至今", date(2026, 11, 15), date(2026, 12, 2)),
        ("上个月1号到15号", date(2026, 11, 1), date(2026, 11, 15)),
    ],
)
def test_a_month_or_day_of_a_year_or_month_named_is_read(
    typed: str, first: date, last: date
) -> None:
    window = periods.parse(typed, WEDNESDAY, SHANGHAI)
    assert (window.first_day, window.last_day) == (first, last)


def test_the_last_month_named_in_january_is_last_years_december() -> None:
    january = datetime(2027, 1, 10, 2, 0, tzinfo=UTC)
    window = periods.parse("上个月15号至今", january, SHANGHAI)
    assert (window.first_day, window.last_day) == (date(2026, 12, 15), date(2027, 1, 10))


def test_a_day_named_this_month_still_ahead_is_refused_as_typed() -> None:
    with pytest.raises(PeriodError, match="「本月15号」（2026-12-15 起）还没开始"):
        periods.parse("本月15号", WEDNESDAY, SHANGHAI)


@pytest.mark.parametrize(
    ("typed", "first", "last"),
    [
        ("从11月1日到现在", date(2026, 11, 1), date(2026, 12, 2)),
        ("自11月1日起", date(2026, 11, 1), date(2026, 12, 2)),
        ("11月1日起", date(2026, 11, 1), date(2026, 12, 2)),
        ("从上周一到今天", date(2026, 11, 23), date(2026, 12, 2)),
        ("从11月1日到11月15日", date(2026, 11, 1), date(2026, 11, 15)),
        ("1号至今", date(2026, 12, 1), date(2026, 12, 2)),
        ("从1号到现在", date(2026, 12, 1), date(2026, 12, 2)),
        ("2号", date(2026, 12, 2), date(2026, 12, 2)),  # today
        ("1日到2日", date(2026, 12, 1), date(2026, 12, 2)),
        ("一号", date(2026, 12, 1), date(2026, 12, 1)),
        ("二日", date(2026, 12, 2), date(2026, 12, 2)),
        ("從一號至今", date(2026, 12, 1), date(2026, 12, 2)),
    ],
)
def test_a_period_from_a_day_or_a_day_without_its_month_is_read(
    typed: str, first: date, last: date
) -> None:
    window = periods.parse(typed, WEDNESDAY, SHANGHAI)
    assert (window.first_day, window.last_day) == (first, last)


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("15号", "「15号」（2026-12-15 起）还没开始，暂无数据；上个月的请写「上个月15号」。"),
        ("十五号", "「十五号」（2026-12-15 起）还没开始，暂无数据；上个月的请写「上个月15号」。"),
        ("十五日", "「十五日」（2026-12-15 起）还没开始，暂无数据；上个月的请写「上个月15日」。"),
        ("十五號", "「十五號」（2026-12-15 起）还没开始，暂无数据；上个月的请写「上个月15号」。"),
        (
            "20日到25日",
            "「20日到25日」（2026-12-20 起）还没开始，暂无数据；上个月的请写「上个月20日到25日」。",
        ),
        (
            "从十五号",
            "「从十五号」（2026-12-15 起）还没开始，暂无数据；上个月的请写「上个月15号至今」。",
        ),
        # November has no 31st to offer.
        ("31号", "「31号」（2026-12-31 起）还没开始，暂无数据。"),
    ],
)
def test_a_day_without_its_month_still_ahead_is_this_months_not_begun(
    typed: str, said: str
) -> None:
    # Before, 15号 on 2 December was 15 November without a word, and 十五号 was unread.
    with pytest.raises(PeriodError) as refused:
        periods.parse(typed, WEDNESDAY, SHANGHAI)
    assert str(refused.value) == said


def test_a_day_without_its_month_is_read_in_chinese_numerals_as_in_digits() -> None:
    on_the_20th = datetime(2026, 12, 20, 2, 0, tzinfo=UTC)
    for typed in ("十五号", "15号", "十五日", "十五號"):
        window = periods.parse(typed, on_the_20th, SHANGHAI)
        assert (window.first_day, window.last_day) == (date(2026, 12, 15), date(2026, 12, 15))
    window = periods.parse("上个月十五号到今天", on_the_20th, SHANGHAI)
    assert (window.first_day, window.last_day) == (date(2026, 11, 15), date(2026, 12, 20))


@pytest.mark.parametrize("typed", ["10-15号", "10到15日", "10~15号", "十到十五号", "10 - 15 号"])
def test_two_days_with_one_hao_are_a_range_of_this_month(typed: str) -> None:
    # As 10-12月 is two months; before, 10-15号 was 看不懂时间范围.
    window = periods.parse(typed, datetime(2026, 12, 20, 2, 0, tzinfo=UTC), SHANGHAI)
    assert (window.first_day, window.last_day) == (date(2026, 12, 10), date(2026, 12, 15))


_DECEMBER_7 = datetime(2026, 12, 6, 20, 0, tzinfo=UTC)  # Monday 7 December 04:00 in Shanghai
_JANUARY_5 = datetime(2027, 1, 5, 2, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("typed", "first", "last"),
    [
        ("上个月10-15号", date(2026, 11, 10), date(2026, 11, 15)),
        ("上个月的10-15号", date(2026, 11, 10), date(2026, 11, 15)),
        ("上个月的10号到15号", date(2026, 11, 10), date(2026, 11, 15)),
        ("上个月十到十五号", date(2026, 11, 10), date(2026, 11, 15)),
        ("本月十到十五号", date(2026, 12, 10), date(2026, 12, 15)),
        ("上个月30号到4号", date(2026, 11, 30), date(2026, 12, 4)),  # to this month's 4th
        ("上上个月30号到4号", date(2026, 10, 30), date(2026, 11, 4)),
    ],
)
def test_two_days_with_one_hao_after_a_months_name_are_days_of_that_month(
    typed: str, first: date, last: date
) -> None:
    # As 11月10-15号 and 上个月10号到15号 are; before, 上个月10-15号 and 本月十到十五号 were
    # 看不懂时间范围.
    window = periods.parse(typed, datetime(2026, 12, 20, 2, 0, tzinfo=UTC), SHANGHAI)
    assert (window.first_day, window.last_day) == (first, last)


@pytest.mark.parametrize(
    ("now", "typed", "first", "last"),
    [
        (_DECEMBER_7, "30号到4号", date(2026, 11, 30), date(2026, 12, 4)),
        (_DECEMBER_7, "28号-3号", date(2026, 11, 28), date(2026, 12, 3)),
        (_DECEMBER_7, "从30号到4号", date(2026, 11, 30), date(2026, 12, 4)),
        (_DECEMBER_7, "12号-1号", date(2026, 11, 12), date(2026, 12, 1)),  # 号 twice: days
        (_JANUARY_5, "28号到3号", date(2026, 12, 28), date(2027, 1, 3)),
        (
            datetime(2026, 12, 20, 2, 0, tzinfo=UTC),
            "15-10号",
            date(2026, 11, 15),
            date(2026, 12, 10),
        ),
    ],
)
def test_days_ending_before_they_start_run_from_last_month(
    now: datetime, typed: str, first: date, last: date
) -> None:
    # Before, 30号到4号 on 7 December was refused as not begun from 30 December, and the
    # 「上个月30号到4号」 it offered was refused as ending before it starts.
    window = periods.parse(typed, now, SHANGHAI)
    assert (window.first_day, window.last_day) == (first, last)


@pytest.mark.parametrize(
    ("now", "typed", "first", "last"),
    [
        (_DECEMBER_7, "11月30号到4号", date(2026, 11, 30), date(2026, 12, 4)),
        (_DECEMBER_7, "11月30日到4日", date(2026, 11, 30), date(2026, 12, 4)),
        (_DECEMBER_7, "11月28号-3号", date(2026, 11, 28), date(2026, 12, 3)),
        (_DECEMBER_7, "十一月三十号到四号", date(2026, 11, 30), date(2026, 12, 4)),
        (_JANUARY_5, "12月30日到4日", date(2026, 12, 30), date(2027, 1, 4)),
        (NOW, "11月5日至1日", date(2026, 11, 5), date(2026, 12, 1)),
    ],
)
def test_days_after_a_months_number_ending_before_they_start_run_over_its_end(
    now: datetime, typed: str, first: date, last: date
) -> None:
    # As 上个月30号到4号 is; they were refused as ending before they start, offering
    # 2026-11-04至2026-11-30, a period no one asked for.
    window = periods.parse(typed, now, SHANGHAI)
    assert (window.first_day, window.last_day) == (first, last)


def test_days_over_a_month_end_from_a_day_last_month_had_not_are_none() -> None:
    with pytest.raises(PeriodError, match="没有这一天：「31号到4号」（11月只有30天）"):
        periods.parse("31号到4号", _DECEMBER_7, SHANGHAI)


@pytest.mark.parametrize(
    ("now", "typed", "day"),
    [
        (_DECEMBER_7, "12-1号", date(2026, 12, 1)),  # as days, 12 to 1: backwards
        (datetime(2026, 12, 20, 2, 0, tzinfo=UTC), "12-1号", date(2026, 12, 1)),
        (_DECEMBER_7, "11-30号", date(2026, 11, 30)),  # as days, 11 to 30: not begun
        (_JANUARY_5, "12-28号", date(2026, 12, 28)),  # December is last month
    ],
)
def test_a_month_and_day_with_a_dash_is_that_day_when_no_days_of_this_month_are_meant(
    now: datetime, typed: str, day: date
) -> None:
    # Before, 12-1号 was days 12 to 1 and refused as not begun from 12 December; 11-30号
    # days 11 to 30, refused likewise.
    window = periods.parse(typed, now, SHANGHAI)
    assert (window.first_day, window.last_day) == (day, day)


_DECEMBER_1 = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("now", "typed", "offered", "first"),
    [
        (_DECEMBER_7, "10-15号", "上个月10号到15号", date(2026, 11, 10)),  # not 15 October
        (_DECEMBER_7, "8-9号", "上个月8号到9号", date(2026, 11, 8)),  # not 9 August
        (_DECEMBER_7, "10-15号的台账", "上个月10号到15号", date(2026, 11, 10)),
        (_DECEMBER_1, "3-7号", "上个月3号到7号", date(2026, 11, 3)),  # not 7 March
        (_JANUARY_5, "10-15号", "上个月10号到15号", date(2026, 12, 10)),  # not 15 October
    ],
)
def test_two_days_with_one_hao_not_yet_come_are_refused_not_read_as_a_far_months_day(
    now: datetime, typed: str, offered: str, first: date
) -> None:
    # Only this month or last is a month before a dash: 10-15号 is days 10 to 15, as
    # 10号到15号 is, refused before the 10th with last month's offered, and that is read.
    with pytest.raises(PeriodError, match=f"还没开始.*请写「{offered}」"):
        periods.parse(typed, now, SHANGHAI)
    window = periods.parse(offered, now, SHANGHAI)
    assert window.first_day == first


@pytest.mark.parametrize(
    ("typed", "first"),
    [("从12-1号", date(2026, 12, 1)), ("自11-30号", date(2026, 11, 30))],
)
def test_from_a_month_and_day_with_a_dash_runs_to_today(typed: str, first: date) -> None:
    # As 从12月1日 and 12-1号起 are: 从12-1号 was the report of 1 December alone.
    window = periods.parse(typed, _DECEMBER_7, SHANGHAI)
    assert (window.first_day, window.last_day) == (first, date(2026, 12, 7))


def test_a_dash_between_days_gone_this_month_is_days_of_it() -> None:
    # 11-30号 typed on 20 December: 11 to 30 December, begun, as 10-15号 is.
    window = periods.parse("11-30号", datetime(2026, 12, 20, 2, 0, tzinfo=UTC), SHANGHAI)
    assert (window.first_day, window.last_day) == (date(2026, 12, 11), date(2026, 12, 30))


def test_a_month_and_day_with_a_dash_not_begun_is_refused_as_that_day() -> None:
    with pytest.raises(PeriodError, match="「12-5号」（2026-12-05 起）还没开始"):
        periods.parse("12-5号", datetime(2026, 12, 3, 2, 0, tzinfo=UTC), SHANGHAI)


@pytest.mark.parametrize(
    ("typed", "refusal"),
    [
        ("10号到15号", "上个月的请写「上个月10号到15号」。"),
        ("12-25号", "上个月的请写「上个月12号到25号」。"),
        ("10号到31号", "暂无数据。"),  # November had no 31st: nothing offered
    ],
)
def test_what_a_refusal_of_days_ahead_offers_is_read_when_typed(typed: str, refusal: str) -> None:
    with pytest.raises(PeriodError) as refused:
        periods.parse(typed, _DECEMBER_7, SHANGHAI)
    assert str(refused.value).endswith(refusal), refused.value
    if offered := re.search(r"请写「(.+?)」", str(refused.value)):
        periods.parse(offered[1], _DECEMBER_7, SHANGHAI)


def test_a_day_this_month_has_not_is_none() -> None:
    november = datetime(2026, 11, 8, 2, 0, tzinfo=UTC)
    with pytest.raises(PeriodError, match="没有这一天：「31号」（本月是11月，只有30天）"):
        periods.parse("31号", november, SHANGHAI)


@pytest.mark.parametrize("typed", ["从", "32号"])
def test_a_from_without_a_day_or_a_day_no_month_has_is_refused(typed: str) -> None:
    with pytest.raises(PeriodError):
        periods.parse(typed, WEDNESDAY, SHANGHAI)


@pytest.mark.parametrize(
    ("typed", "now", "first", "last"),
    [
        ("周末", WEDNESDAY, date(2026, 11, 28), date(2026, 11, 29)),
        ("週末", WEDNESDAY, date(2026, 11, 28), date(2026, 11, 29)),
        ("上周末", WEDNESDAY, date(2026, 11, 28), date(2026, 11, 29)),
        ("上上周末", WEDNESDAY, date(2026, 11, 21), date(2026, 11, 22)),
        # Typed on Sunday 6 December: the weekend it is.
        ("周末", datetime(2026, 12, 6, 2, 0, tzinfo=UTC), date(2026, 12, 5), date(2026, 12, 6)),
        ("本周末", datetime(2026, 12, 6, 2, 0, tzinfo=UTC), date(2026, 12, 5), date(2026, 12, 6)),
    ],
)
def test_a_weekend_is_its_saturday_and_sunday(
    typed: str, now: datetime, first: date, last: date
) -> None:
    window = periods.parse(typed, now, SHANGHAI)
    assert (window.first_day, window.last_day) == (first, last)


def test_this_weekend_before_saturday_is_refused_as_not_begun() -> None:
    with pytest.raises(PeriodError, match="「本周末」（2026-12-05 起）还没开始"):
        periods.parse("本周末", WEDNESDAY, SHANGHAI)
