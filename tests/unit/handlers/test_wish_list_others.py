"""Items named, then the others judged together, read as text."""

from __future__ import annotations

import pytest

from handlers.wish_list_others import others_said


@pytest.mark.parametrize(
    ("text", "head", "count", "rest"),
    [
        ("第一项满意，其他两项都没实现", "第一项满意", 2, "没实现"),
        ("第一項滿意，其他兩項都沒實現", "第一项满意", 2, "没实现"),
        ("前两项满意，剩下的没实现", "前两项满意", None, "没实现"),
        ("早餐那项没实现，其余都满意", "早餐那项没实现", None, "满意"),
        ("第一项5分，另外两个3分", "第一项5分", 2, "3分"),
        ("第一项满意，另外的都没实现", "第一项满意", None, "没实现"),
        ("第一项满意，另外都没实现", "第一项满意", None, "没实现"),
    ],
)
def test_items_named_then_the_others(text: str, head: str, count: int | None, rest: str) -> None:
    said = others_said(text)
    assert said is not None and (said.head, said.count, said.rest) == (head, count, rest)


@pytest.mark.parametrize(
    "text",
    [
        "除了第三项，其他都满意",
        "第三项以外，其他都满意",
        "第一项满意",
        "唯独早餐没实现，其他都满意",
    ],
)
def test_an_item_excepted_or_no_others_is_not_read_here(text: str) -> None:
    assert others_said(text) is None


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("第一项满意，另外第三项没实现", "第三项没实现"),
        ("第1项满意，另外空调那项没实现", "空调那项没实现"),
        ("第一项满意，另外空调还是没修好", "空调还是没修好"),
    ],
)
def test_another_alone_before_an_item_is_also_not_the_others(text: str, rest: str) -> None:
    # 另外 with no 的, count or 都 after it is "also": its words may name an item of their own.
    said = others_said(text)
    assert said is not None and said.also and said.rest == rest
    others = others_said("第一项满意，另外两项都没实现")
    assert others is not None and not others.also
