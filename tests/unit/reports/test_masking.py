"""Phone masking for exports and the display width used to size spreadsheet columns."""

from __future__ import annotations

import pytest

from reports.masking import display_width, mask_phone


@pytest.mark.parametrize(
    ("phone", "masked"),
    [
        ("13812345678", "138****5678"),
        ("138 1234 5678", "138****5678"),
        ("+86 138-1234-5678", "138****5678"),
        ("１３８１２３４５６７８", "138****5678"),  # full-width digits from a Chinese IME
        ("0851-85551234", "0851****1234"),
        ("85551234", "855****1234"),
        ("12345", "***45"),
        ("", ""),
    ],
)
def test_mask_phone(phone: str, masked: str) -> None:
    assert mask_phone(phone) == masked


def test_masked_phone_never_shows_the_middle_digits() -> None:
    assert "1234" not in mask_phone("13812345678")[:7]


def test_display_width_counts_cjk_double() -> None:
    assert display_width("abc") == 3
    assert display_width("青山镇") == 6
    assert display_width("110服务队") == 9
