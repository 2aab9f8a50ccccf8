"""Which items of a wish list, by number, words judge in parts (`items_verdicts`)."""

from __future__ import annotations

import pytest

from handlers.wish_lists import items_verdicts


@pytest.mark.parametrize(
    ("typed", "parts"),
    [
        ("第2项和第3项没实现", [((2, 3), "没实现")]),
        ("第2、3项没实现", [((2, 3), "没实现")]),
        ("第二和第三项没实现", [((2, 3), "没实现")]),
        ("后两项没实现", [((-2, -1), "没实现")]),
        ("前两项满意，第三项没实现", [((1, 2), "满意"), ((3,), "没实现")]),
        ("1、2项满意 3项没实现", [((1, 2), "满意"), ((3,), "没实现")]),
        ("第一項5分第二項3分", [((1,), "5分"), ((2,), "3分")]),
    ],
)
def test_parts_name_their_items(typed: str, parts: list[tuple[tuple[int, ...], str]]) -> None:
    read = items_verdicts(typed)
    assert read is not None
    assert [(p.numbers, p.rest) for p in read] == parts


@pytest.mark.parametrize(
    "typed",
    [
        "第3项没实现",
        "3天了还没实现",
        "第一次没实现",
        "第1项不满意，等了2个月",
        "第1项没实现，第2次催了",
    ],
)
def test_one_item_or_none_is_no_parts(typed: str) -> None:
    assert items_verdicts(typed) is None
