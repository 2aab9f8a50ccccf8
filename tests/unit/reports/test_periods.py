"""Periods in the bureau's time zone turned into UTC bounds."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from reports import periods
from reports.periods import PeriodError

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
    ],
)
def test_days_out_of_range_get_the_usage(text: str) -> None:
    with pytest.raises(PeriodError) as caught:
        periods.parse(text, NOW, SHANGHAI)
    message = str(caught.value)
    assert message.startswith(f"看不懂时间范围 {text!r}")
    assert "2000-01-01 至 2099-12-31" in message and "2026-11-01..2026-11-15" in message


def test_the_whole_range_is_one_period() -> None:
    window = periods.parse("2000-01-01..2099-12-31", NOW, SHANGHAI)
    assert window.start == datetime(1999, 12, 31, 16, 0, tzinfo=UTC)
    assert window.end == datetime(2099, 12, 31, 16, 0, tzinfo=UTC)
    assert periods.parse("2099-12", NOW, SHANGHAI).last_day == date(2099, 12, 31)


@pytest.mark.parametrize(
    ("first", "last"), [(date(1, 1, 1), date(1, 1, 1)), (date(2026, 1, 1), date(9999, 12, 31))]
)
def test_days_refuses_what_no_report_can_cover(first: date, last: date) -> None:
    with pytest.raises(PeriodError, match="日期超出范围"):
        periods.days(first, last, SHANGHAI)


def test_a_week_running_past_the_range_is_refused() -> None:
    with pytest.raises(PeriodError):
        periods.week(datetime(2099, 12, 31, 4, 0, tzinfo=UTC), SHANGHAI)
