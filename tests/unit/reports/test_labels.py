"""Durations and percentages as supervisors read them."""

from __future__ import annotations

from datetime import timedelta

import pytest

from core.enums import Status
from core.texts import span
from reports.labels import closing_status, duration_text, hundredths, percent, rating_name


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(None, "—"), (20, "不到1分钟"), (300, "5分钟"), (3600, "1小时"), (8100, "2小时15分钟"),
     (3 * 86400 + 4 * 3600, "3天4小时"), (2 * 86400, "2天"),
     (50 * 3600 + 57 * 60, "2天3小时"), (71 * 3600 + 40 * 60, "3天")],
)  # fmt: skip
def test_duration_text(seconds: float | None, text: str) -> None:
    assert duration_text(seconds) == text


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(150, "3分钟"), (270, "5分钟"), (30, "1分钟"), (48 * 3600 + 30 * 60, "2天1小时"),
     (49 * 3600 + 30 * 60, "2天2小时"), (2.5 * 3600 + 29.5, "2小时30分钟")],
)  # fmt: skip
def test_a_time_on_the_half_rounds_up_as_the_rates_do(seconds: float, text: str) -> None:
    # A median of 2 and 3 minutes is 2.5: a supervisor checking by hand writes 3分钟; and
    # 48.5 hours must not read 2天 when 49.5 hours reads 2天2小时.
    assert duration_text(seconds) == text


def test_percent_rating_and_closing() -> None:
    assert percent(None) == "—" and percent(0.6333) == "63%"
    assert [rating_name(r) for r in (5, 4, 3, 1, None)] == [
        "满意",
        "基本满意",
        "不满意",
        "不满意",
        "",
    ]
    assert closing_status(Status.CLOSED) == "已销号"
    assert closing_status(Status.CLOSED, resolved=False) == "未补充关闭"
    assert closing_status(Status.RESOLVED) == "未销号"
    assert closing_status(Status.CANCELLED) == "已撤回"


@pytest.mark.parametrize(
    ("share", "shown"),
    [(0.725, "73%"), (0.625, "63%"), (0.7249, "72%"), (2 / 3, "67%"), (0.005, "1%"),
     (1.0, "100%"), (0.0, "0%"), (2.9 / 4, "73%")],
)  # fmt: skip
def test_percent_rounds_half_up(share: float, shown: str) -> None:
    assert percent(share) == shown


def test_a_score_out_of_100_rounds_half_up_to_one_place() -> None:
    assert [str(hundredths(s, 1)) for s in (0.7245, 0.98, 1.0, 0.0)] == [
        "72.5",
        "98.0",
        "100.0",
        "0.0",
    ]


def test_stats_say_a_time_in_the_words_of_the_digest_and_alerts() -> None:
    # A supervisor reads 41小时30分钟 late in the digest; /stats must not say 41小时30分.
    late = timedelta(hours=41, minutes=30)
    assert duration_text(late.total_seconds()) == span(late, in_days=False) == "41小时30分钟"


def test_a_time_just_under_the_half_hour_past_whole_days_is_not_rounded_up_twice() -> None:
    """48 hours 29 and a half minutes is nearer 2天 than 2天1小时: rounded to the minute and
    then to the hour it was 48:30, and then 49 hours."""
    assert duration_text(48 * 3600 + 29 * 60 + 30) == "2天"
    assert duration_text(48 * 3600 + 30 * 60) == "2天1小时"
