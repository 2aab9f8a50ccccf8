"""The example of a shorter period offered for a ledger workbook too large to send."""

from __future__ import annotations

import pytest

from core.enums import Script
from handlers.report_hints import first_days, shorter_periods


@pytest.mark.parametrize(
    ("name", "days"),
    [
        ("台账_2026-11-16_2026-11-22.xlsx", "2026-11-16..2026-11-18"),  # a week: three days
        ("臺賬_2026-08-01_2026-10-31.xlsx", "2026-08-01..2026-08-03"),  # a season
        ("台账_2026-11-16_2026-11-18.xlsx", "2026-11-16..2026-11-17"),  # at most half
        ("台账_2026-11-16.xlsx", ""),  # one day has no shorter part
        ("台账.xlsx", ""),
        ("台账_2026-13-40_2026-14-01.xlsx", ""),
    ],
)
def test_the_example_is_the_first_days_of_the_period(name: str, days: str) -> None:
    assert first_days(name) == days


def test_the_hint_never_offers_the_period_that_was_too_large() -> None:
    hint = shorter_periods("台账_2026-11-16_2026-11-22.xlsx", Script.HANT)
    assert "/ledger 2026-11-16..2026-11-18" in hint and "上週" not in hint
    assert "/ledger" in shorter_periods("台账_2026-11-16.xlsx", Script.HANS)
