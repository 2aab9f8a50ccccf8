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
        "我的許可證號是520102100123",  # whose it is, and 是
        "我的许可证号是520102100123",
        "证号520102100123",  # 证号 for short
        "许可证编号：520102100123",  # 编号, as the number is as often called
        "烟草专卖零售许可证编号 5201 0210 0123",
        "許可證編號：520102100123",
        "许可证的编号是520102100123",  # 的 between the licence and its number
        "我的許可證的號碼是 5201 0210 0123",
        "證號：520102100123",
        "许可证：520102100123。",  # a sentence's end after it
        "許可證：520102100123。",
        "520102100123号",  # 号 after it
        "本店證號為 5201 0210 0123 號。",
        "許可證號520102100123，謝謝",
        "520102100123，谢谢！",  # thanks after it end the answer
        "5201 0210 0123 麻烦了",
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
        ("我的许可证号是52010210012", 11, True),  # words around, a digit missed
        ("520102100123 530102200456", 24, True),  # two numbers: which is it is not guessed
        ("许可证号520102100123，电话13812345678", 23, False),
        ("的520102100123", 12, False),  # 的 with no licence named before it
    ],
)
def test_what_is_not_a_licence_number_says_what_it_is(
    typed: str, digits: int, only_digits: bool
) -> None:
    read = read_licence(typed)
    assert (read.number, read.digits, read.only_digits) == (None, digits, only_digits)
