"""A numbered wish list is split into its items; anything else is one wish."""

from __future__ import annotations

import pytest

from handlers.wish_items import MAX_ITEMS, split_items


@pytest.mark.parametrize(
    ("text", "items"),
    [
        (
            "1、组织体检；2、食堂增加早餐；3、更换宿舍空调。",
            ["组织体检", "食堂增加早餐", "更换宿舍空调。"],
        ),
        ("1.组织体检\n2.食堂增加早餐", ["组织体检", "食堂增加早餐"]),
        ("1. 组织体检 2. 食堂加早餐", ["组织体检", "食堂加早餐"]),
        ("(1)组织体检 (2)食堂加早餐", ["组织体检", "食堂加早餐"]),
        ("①组织体检②食堂加早餐", ["组织体检", "食堂加早餐"]),
        ("一、组织体检\n二、食堂加早餐", ["组织体检", "食堂加早餐"]),
        ("1．組織體檢\n2．食堂加早餐", ["組織體檢", "食堂加早餐"]),
        ("1、食堂加早餐2、组织体检3、空调维修", ["食堂加早餐", "组织体检", "空调维修"]),
        ("（1）食堂加早餐（2）组织体检", ["食堂加早餐", "组织体检"]),
        ("（一）食堂加早餐（二）组织体检", ["食堂加早餐", "组织体检"]),
    ],
)
def test_a_numbered_list_is_split_into_its_items(text: str, items: list[str]) -> None:
    assert split_items(text) == items


def test_the_words_before_the_list_go_with_every_item() -> None:
    assert split_items("希望单位：1.组织体检 2.改善食堂") == [
        "希望单位：组织体检",
        "希望单位：改善食堂",
    ]
    assert split_items("我有两个心愿\n1.体检\n2.食堂") == [
        "我有两个心愿：体检",
        "我有两个心愿：食堂",
    ]


def test_numbers_of_another_style_inside_an_item_stay_in_it() -> None:
    text = "1. 组织体检（1）全员（2）家属 2. 食堂加早餐"
    assert split_items(text) == ["组织体检（1）全员（2）家属", "食堂加早餐"]


@pytest.mark.parametrize(
    "text",
    [
        "希望单位组织一次体检",
        "1.组织体检",  # one item is no list
        "希望3、4月份组织体检",  # a date, not numbers of items
        "工资涨1.5倍",
        "2.食堂 3.宿舍",  # a list begins at 1
        "1.体检 2. ",  # an empty item
        "第1、2项",
        "我说1、2句话",  # numbers run on inside words: only a list from its start
        "希望食堂：一、三、五供应面条，二、四供应米饭",  # days of the week, out of turn
    ],
)
def test_anything_else_is_one_wish(text: str) -> None:
    assert split_items(text) == []


def test_a_list_longer_than_the_limit_is_one_wish() -> None:
    longest = " ".join(f"{n}.心愿{n}" for n in range(1, MAX_ITEMS + 1))
    assert len(split_items(longest)) == MAX_ITEMS
    assert split_items(f"{longest} {MAX_ITEMS + 1}.再多一项") == []
