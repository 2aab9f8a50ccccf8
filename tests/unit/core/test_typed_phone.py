"""A phone number typed (core.texts.typed_phone): what a team can dial, whatever the keyboard."""

from __future__ import annotations

import pytest

from core.texts import phone_answered, same_phone, typed_phone


@pytest.mark.parametrize(
    ("typed", "number"),
    [
        ("13812345678", "13812345678"),
        ("138-1234-5678", "13812345678"),
        ("+86 138 1234 5678", "13812345678"),
        ("+86 13800000001", "13800000001"),
        ("0086 138 0000 0001", "13800000001"),
        ("8613812345678", "13812345678"),
        ("１３８１２３４５６７８", "13812345678"),
        ("138１２３４５６７８", "13812345678"),
        ("＋86 138 1234 5678", "13812345678"),
        ("０８５１－８５５５１２３４", "085185551234"),
        ("(0851)85551234", "085185551234"),
        ("（0851）8555-1234", "085185551234"),
    ],
)
def test_a_number_typed_is_read_in_ascii_digits(typed: str, number: str) -> None:
    assert typed_phone(typed) == number


@pytest.mark.parametrize(
    ("typed", "number"),
    [
        ("+852 9123 4567", "+85291234567"),
        ("+852-9123-4567", "+85291234567"),
        ("00852 9123 4567", "+85291234567"),
        ("＋８５２ ９１２３ ４５６７", "+85291234567"),
        ("(+852) 9123 4567", "+85291234567"),
        ("+853 6612 3456", "+85366123456"),
        ("+886 912 345 678", "+886912345678"),
        ("+886 0912 345 678", "+886912345678"),
        ("+886 2 2345 6789", "+886223456789"),
    ],
)
def test_a_hong_kong_macau_or_taiwan_number_is_read_with_its_code(typed: str, number: str) -> None:
    """Farmers near the border and staff may have one: the number with its code and +, the
    Taiwan trunk 0 typed after +886 dropped, as a team dials it."""
    assert typed_phone(typed) == number


@pytest.mark.parametrize(
    "typed",
    [
        "+852 123",
        "+852 1234 5678",
        "+852 9123 45678",
        "+8529123456",
        "85291234567",
        "+853 123 456",
        "+886 12345",
        "+886 9123 4567 890",
        "+888 9123 4567",
    ],
)
def test_a_number_abroad_of_the_wrong_length_or_without_its_plus_is_none(typed: str) -> None:
    assert typed_phone(typed) is None


@pytest.mark.parametrize(
    "typed", ["12345678901", "1381234567", "电话13812345678", "5201 0210 0123", "٠١٣٨١٢٣٤٥٦٧٨"]
)
def test_what_is_no_phone_number_alone_is_none(typed: str) -> None:
    assert typed_phone(typed) is None


@pytest.mark.parametrize(
    ("typed", "number"),
    [
        ("13812345678", "13812345678"),
        ("手机号13812345678", "13812345678"),
        ("手机号：138-1234-5678", "13812345678"),
        ("我的电话是 138 1234 5678。", "13812345678"),
        ("我的手機號碼是13812345678", "13812345678"),
        ("电话：0851-85551234", "085185551234"),
        ("我是13812345678", "13812345678"),
        ("手机13812345678，", "13812345678"),
        ("电话号13812345678", "13812345678"),
        ("電話號：13812345678", "13812345678"),
        ("联系电话：13812345678", "13812345678"),
        ("聯絡電話：13812345678", "13812345678"),
        ("联系方式：13812345678", "13812345678"),
        ("号码是13812345678！", "13812345678"),
    ],
)
def test_an_answer_to_the_phone_question_may_name_the_number_first(typed: str, number: str) -> None:
    assert phone_answered(typed) == number


@pytest.mark.parametrize(
    "typed",
    [
        "我换手机号了",
        "手机号不想给",
        "电话13812345678，有事打这个，烤房停电了",
        "许可证号520102100123",
        "520102100123",
        "我是520102100123",
        "20条",
        "我要20条",
        "2026年12月",
        "135 元",
        "我是135元",
        "我是张大山",
        "电话坏了，",
    ],
)
def test_other_words_with_or_without_a_number_are_no_phone_answer(typed: str) -> None:
    assert phone_answered(typed) is None


@pytest.mark.parametrize(
    ("one", "other", "same"),
    [
        ("13812345678", "+8613812345678", True),
        ("+86 138 1234 5678", "8613812345678", True),
        ("13812345678", "+8613812345679", False),
        ("085185551234", "+8613812345678", False),
        ("", "", False),
    ],
)
def test_a_number_typed_is_the_same_as_a_shared_one_with_or_without_86(
    one: str, other: str, same: bool
) -> None:
    assert same_phone(one, other) is same
