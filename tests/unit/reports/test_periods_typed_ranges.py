"""Periods a supervisor types after /stats or /ledger that run from one period to another,
or from a day on: where the end or the start alone would be read wrong."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from core.config import CuringSeason
from reports import periods
from reports.periods import PeriodError

SHANGHAI = ZoneInfo("Asia/Shanghai")
MONDAY = datetime(2026, 12, 6, 20, 0, tzinfo=UTC)  # Monday 7 December 04:00 in Shanghai


def _days(typed: str) -> tuple[date, date]:
    window = periods.parse(typed, MONDAY, SHANGHAI)
    return window.first_day, window.last_day


@pytest.mark.parametrize(
    ("typed", "first", "last"),
    [
        ("2025年10-12月", date(2025, 10, 1), date(2025, 12, 31)),
        ("去年10-12月", date(2025, 10, 1), date(2025, 12, 31)),
        ("2025年10至12月", date(2025, 10, 1), date(2025, 12, 31)),
        ("2025年1-3月", date(2025, 1, 1), date(2025, 3, 31)),
        ("2025年第一季度到第四季度", date(2025, 1, 1), date(2025, 12, 31)),
        ("2025年上半年到下半年", date(2025, 1, 1), date(2025, 12, 31)),
        ("去年上半年到下半年", date(2025, 1, 1), date(2025, 12, 31)),
        ("2025年第二季度到12月", date(2025, 4, 1), date(2025, 12, 31)),
    ],
)
def test_a_range_whose_end_has_no_year_ends_in_the_start_year(
    typed: str, first: date, last: date
) -> None:
    # Read in the latest year, the end would make a 15-month report without a word.
    assert _days(typed) == (first, last)


@pytest.mark.parametrize(
    ("typed", "first", "last"),
    [
        ("2025-10-01到11-05", date(2025, 10, 1), date(2025, 11, 5)),
        ("2025-10-01..11-05", date(2025, 10, 1), date(2025, 11, 5)),
        ("2025-10-01-11-05", date(2025, 10, 1), date(2025, 11, 5)),
        ("2025年10月1日至11-5", date(2025, 10, 1), date(2025, 11, 5)),
        ("从2025-10-01到11-05", date(2025, 10, 1), date(2025, 11, 5)),
        # An end whose month comes before the start's is in the next year, as 12月25日至1月5日.
        ("2025-12-25到01-05", date(2025, 12, 25), date(2026, 1, 5)),
        ("2025-12-25~1-5", date(2025, 12, 25), date(2026, 1, 5)),
    ],
)
def test_a_range_end_by_month_and_day_with_a_dash_takes_the_start_year(
    typed: str, first: date, last: date
) -> None:
    # Before, 11-05 had no year to read it in and the range was refused as unreadable.
    assert _days(typed) == (first, last)


def test_a_range_end_by_month_and_day_before_its_start_in_its_month_is_said_to_be_backwards() -> (
    None
):
    # The same month is the same year: 2025-11-05到11-01 is typed backwards, not a year long.
    with pytest.raises(PeriodError) as refused:
        periods.parse("2025-11-05到11-01", MONDAY, SHANGHAI)
    assert str(refused.value).startswith(
        "「2025-11-05到11-01」的结束日期 2025-11-01 早于开始日期 2025-11-05"
    )


def test_a_range_end_by_month_and_day_no_calendar_has_is_refused_quoting_it() -> None:
    with pytest.raises(PeriodError) as refused:
        periods.parse("2025-10-01到11-31", MONDAY, SHANGHAI)
    assert str(refused.value).startswith("没有这一天：「2025-10-01到11-31」（2025年11月只有30天）")


@pytest.mark.parametrize(
    ("typed", "first", "last"),
    [
        # An end before the start in its year is the next year's, as 12月到1月 is.
        ("2025年10-2月", date(2025, 10, 1), date(2026, 2, 28)),
        ("2025年第四季度到第一季度", date(2025, 10, 1), date(2026, 3, 31)),
        # An end with its own year, or one that is no period of a year, is read alone.
        ("2025年上半年到2026年上半年", date(2025, 1, 1), date(2026, 6, 30)),
        ("去年10月到今年2月", date(2025, 10, 1), date(2026, 2, 28)),
        ("2025年10月到本月", date(2025, 10, 1), date(2026, 12, 31)),
        ("2025年到2026年", date(2025, 1, 1), date(2026, 12, 31)),
        ("上个月到本月", date(2026, 11, 1), date(2026, 12, 31)),
    ],
)
def test_a_range_end_with_a_year_of_its_own_or_after_the_new_year_is_kept(
    typed: str, first: date, last: date
) -> None:
    assert _days(typed) == (first, last)


@pytest.mark.parametrize(
    ("typed", "first", "last"),
    [
        ("2025—2026年烘烤季", date(2025, 11, 1), date(2026, 2, 28)),
        ("2025-2026年烘烤季", date(2025, 11, 1), date(2026, 2, 28)),
        ("2024—2025年烘烤季", date(2024, 11, 1), date(2025, 2, 28)),
        ("2026—2027年烘烤季", date(2026, 11, 1), date(2026, 12, 7)),  # so far
    ],
)
def test_a_season_over_the_new_year_typed_as_the_report_heads_it_is_that_season(
    typed: str, first: date, last: date
) -> None:
    # Before, the two years were read as a range: all of 2025 and 2026 up to today.
    season = CuringSeason(start="11-01", end="02-28")
    window = periods.parse(typed, MONDAY, SHANGHAI, season)
    assert (window.first_day, window.last_day) == (first, last)
    assert window.heading == f"{first.year}—{first.year + 1}年烘烤季"


def test_a_range_of_seasons_over_the_new_year_ends_with_the_last_one_typed() -> None:
    season = CuringSeason(start="11-01", end="02-28")
    window = periods.parse("2025年烘烤季到2026年烘烤季", MONDAY, SHANGHAI, season)
    assert (window.first_day, window.last_day) == (date(2025, 11, 1), date(2026, 12, 7))


@pytest.mark.parametrize(
    ("typed", "season", "written"),
    [
        ("2025—2027年烘烤季", CuringSeason(start="11-01", end="02-28"), "2025—2026年烘烤季"),
        ("2025-2026年烘烤季", CuringSeason(start="07-01", end="10-31"), "2025年烘烤季"),
    ],
)
def test_two_years_no_season_runs_over_are_refused_saying_how_to_write_it(
    typed: str, season: CuringSeason, written: str
) -> None:
    with pytest.raises(PeriodError) as refused:
        periods.parse(typed, MONDAY, SHANGHAI, season)
    assert f"「{typed}」不是一个烘烤季" in str(refused.value)
    assert f"请写「{written}」" in str(refused.value)


@pytest.mark.parametrize(
    ("typed", "first"),
    [
        ("从11月1日", date(2026, 11, 1)),
        ("自11月1日", date(2026, 11, 1)),
        ("從11月1日", date(2026, 11, 1)),
        ("从2026-11-01", date(2026, 11, 1)),
        ("从上周一", date(2026, 11, 30)),
        ("从5号", date(2026, 12, 5)),
        ("从昨天", date(2026, 12, 6)),
        ("从本月", date(2026, 12, 1)),
        ("从年初", date(2026, 1, 1)),
    ],
)
def test_from_a_day_without_an_end_runs_to_today(typed: str, first: date) -> None:
    # 从11月1日 is "since 1 November", as 11月1日起 is; before, 1 November alone.
    assert _days(typed) == (first, date(2026, 12, 7))


@pytest.mark.parametrize(
    ("typed", "first", "last"),
    [
        ("从11月1日到11月15日", date(2026, 11, 1), date(2026, 11, 15)),
        ("从上周三到周五", date(2026, 12, 2), date(2026, 12, 4)),
        ("从11月1日起", date(2026, 11, 1), date(2026, 12, 7)),
    ],
)
def test_from_a_day_with_its_end_is_that_range(typed: str, first: date, last: date) -> None:
    assert _days(typed) == (first, last)


def test_from_a_day_not_begun_is_refused_as_not_begun() -> None:
    with pytest.raises(PeriodError, match="「从12月25日」（2026-12-25 起）还没开始"):
        periods.parse("从12月25日", MONDAY, SHANGHAI)


@pytest.mark.parametrize(
    ("typed", "first", "last"),
    [
        ("上上个月15号", date(2026, 10, 15), date(2026, 10, 15)),
        ("上上月1号至今", date(2026, 10, 1), date(2026, 12, 7)),
        ("上个月15号", date(2026, 11, 15), date(2026, 11, 15)),
    ],
)
def test_a_day_of_the_month_before_last_is_read(typed: str, first: date, last: date) -> None:
    # Before, 上个月 was found inside 上上个月 and 「上2026年11月15号」 refused.
    assert _days(typed) == (first, last)


@pytest.mark.parametrize(
    ("typed", "why"),
    [
        ("32号", "日子是 1 到 31 号"),
        ("0号", "日子是 1 到 31 号"),
        (" 32號 ", "日子是 1 到 31 号"),
        ("从32号", "日子是 1 到 31 号"),
        ("上上个月32号", "2026年10月只有31天"),
        ("去年2月30日", "2025年2月只有28天"),
        ("从2月30日", "2月最多29天"),
    ],
)
def test_a_day_no_month_has_is_refused_quoting_what_was_typed(typed: str, why: str) -> None:
    # Before, 32号 was refused as 「2026年12月32号」 because December has 31 days.
    with pytest.raises(PeriodError) as refused:
        periods.parse(typed, MONDAY, SHANGHAI)
    assert f"没有这一天：「{typed.strip()}」（{why}）" in str(refused.value)


@pytest.mark.parametrize("typed", ["。", "？", "「」", " ? "])
def test_punctuation_alone_is_refused_not_read_as_today(typed: str) -> None:
    # Nothing typed after /stats is today; a stray 。 is no period, as before it was.
    with pytest.raises(PeriodError) as refused:
        periods.parse(typed, MONDAY, SHANGHAI)
    assert str(refused.value).startswith(f"看不懂时间范围「{typed.strip()}」")


@pytest.mark.parametrize("typed", ["", "  "])
def test_nothing_typed_is_today(typed: str) -> None:
    assert _days(typed) == (date(2026, 12, 7), date(2026, 12, 7))


@pytest.mark.parametrize(
    ("typed", "first", "last"),
    [
        ("2025-10-01到11月1日", date(2025, 10, 1), date(2025, 11, 1)),
        ("2025/10/1至11月1日", date(2025, 10, 1), date(2025, 11, 1)),
        ("2025-12-25到1月5日", date(2025, 12, 25), date(2026, 1, 5)),
    ],
)
def test_a_day_ending_a_range_from_a_dated_day_takes_its_year(
    typed: str, first: date, last: date
) -> None:
    # Before, 11月1日 was the latest 1 November: a report of 13 months.
    assert _days(typed) == (first, last)


def test_a_day_ending_a_range_before_its_start_is_said_to_be_backwards() -> None:
    with pytest.raises(PeriodError, match="结束日期 2025-11-01 早于开始日期 2025-11-05"):
        periods.parse("2025-11-05到11月1日", MONDAY, SHANGHAI)


@pytest.mark.parametrize(
    ("typed", "first", "last"),
    [
        ("2025-10-01到5号", date(2025, 10, 1), date(2025, 10, 5)),
        ("2025/10/01至5日", date(2025, 10, 1), date(2025, 10, 5)),
        ("从2025-10-01 到 5号", date(2025, 10, 1), date(2025, 10, 5)),
    ],
)
def test_a_day_alone_ending_a_range_from_a_dated_day_takes_its_month(
    typed: str, first: date, last: date
) -> None:
    # Before, 5号 was the latest 5th begun: 2025-10-01 to 2026-12-05, a 14-month report.
    assert _days(typed) == (first, last)


def test_a_day_alone_ending_a_range_before_its_start_day_is_said_to_be_backwards() -> None:
    with pytest.raises(PeriodError) as refused:
        periods.parse("2025-10-05到1号", MONDAY, SHANGHAI)
    assert str(refused.value).startswith(
        "「2025-10-05到1号」的结束日期 2025-10-01 早于开始日期 2025-10-05"
    )


@pytest.mark.parametrize(
    ("typed", "end", "so_far"),
    [
        ("上个月到下个月", "下个月", "上个月至今"),
        ("11月1日到明天", "明天", "11月1日至今"),
        ("本周到下周", "下周", "本周至今"),
        ("上個月到下個月", "下个月", "上个月至今"),
        ("今天到明天", "明天", "今天"),
    ],
)
def test_a_range_ending_in_a_period_not_begun_says_so_rather_than_unread(
    typed: str, end: str, so_far: str
) -> None:
    # Every word is read: "看不懂" with the list of forms would send them looking for
    # another spelling of what they wrote, where the end is what cannot be had yet.
    with pytest.raises(PeriodError) as refused:
        periods.parse(typed, MONDAY, SHANGHAI)
    said = str(refused.value)
    assert f"的「{end}」还没开始，暂无数据" in said
    assert f"请写「{so_far}」" in said
    assert "看不懂" not in said
    # What it offers is read.
    assert periods.parse(so_far, MONDAY, SHANGHAI).last_day == date(2026, 12, 7)


@pytest.mark.parametrize(
    "typed", ["12月10日到明天", "本月十日到下周", "12月8日到明天", "明天到下周", "下周到下个月"]
)
def test_a_range_not_begun_at_either_end_offers_nothing_that_is_refused(typed: str) -> None:
    # Typed on 7 December: 10 December has not begun either. Told to write
    # 「12月10日至今」, the supervisor is then told that it has not begun.
    with pytest.raises(PeriodError) as refused:
        periods.parse(typed, MONDAY, SHANGHAI)
    said = str(refused.value)
    if "请写「" in said:
        offered = said.split("请写「", 1)[1].split("」", 1)[0]
        periods.parse(offered, MONDAY, SHANGHAI)  # what is offered is read
    # The whole range is said not to have begun: neither a part of it nor "cannot read".
    assert said.startswith(f"「{typed}」") and "还没开始，暂无数据。" in said
    assert "请写" not in said and "看不懂" not in said
