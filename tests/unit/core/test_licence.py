"""A tobacco retail licence number read as retailers type it."""

from __future__ import annotations

import pytest

from core.licence import read_licence


@pytest.mark.parametrize(
    "typed",
    [
        "520102100123",
        "5201 0210 0123",  # grouped as read off the licence
        "520102　1　00123",  # full-width spaces
        "５２０１０２１００１２３",  # full-width digits
        "520102-100123",
        "许可证号：520102100123",
        "烟草专卖零售许可证号 520102100123",
        "許可證號:520102100123",
    ],
)
def test_the_number_is_read_however_it_is_typed(typed: str) -> None:
    assert read_licence(typed).number == "520102100123"


@pytest.mark.parametrize(
    ("typed", "digits", "only_digits"),
    [
        ("52010210012", 11, True),  # a digit missed
        ("5201021001234", 13, True),  # one too many
        ("990102100123", 12, True),  # no province's code starts with 99
        ("012345678901", 12, True),
        ("粤A123456", 6, False),  # a car's plate
        ("不记得", 0, False),
    ],
)
def test_what_is_not_a_licence_number_says_what_it_is(
    typed: str, digits: int, only_digits: bool
) -> None:
    read = read_licence(typed)
    assert (read.number, read.digits, read.only_digits) == (None, digits, only_digits)
