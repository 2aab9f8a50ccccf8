"""A numbered wish list is split into its items; anything else is one wish. An item left
empty is left out, one written twice is filed once, two items under one number are both
filed, and a list longer than the limit is not split."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from handlers.wish_items import MAX_ITEMS, WishList, read_list
from routing import bare


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
    assert read_list(text) == WishList(tuple(items))


def test_the_words_before_the_list_go_with_every_item() -> None:
    assert read_list("希望单位：1.组织体检 2.改善食堂") == WishList(
        ("希望单位：组织体检", "希望单位：改善食堂")
    )
    assert read_list("我有两个心愿\n1.体检\n2.食堂") == WishList(
        ("我有两个心愿：体检", "我有两个心愿：食堂")
    )


def test_numbers_of_another_style_inside_an_item_stay_in_it() -> None:
    text = "1. 组织体检（1）全员（2）家属 2. 食堂加早餐"
    assert read_list(text) == WishList(("组织体检（1）全员（2）家属", "食堂加早餐"))


@pytest.mark.parametrize(
    "text",
    [
        "希望单位组织一次体检",
        "1.组织体检",  # one item is no list
        "希望3、4月份组织体检",  # a date, not numbers of items
        "工资涨1.5倍",
        "2.食堂 3.宿舍",  # a list begins at 1
        "1. \n2. ",  # no item with words
        "第1、2项",
        "我说1、2句话",  # numbers run on inside words: only a list from its start
        "1、2、3号楼空调坏了",  # numbers run on: buildings 1 to 3, not items
        "希望食堂：一、三、五供应面条，二、四供应米饭",  # days of the week, out of turn
    ],
)
def test_anything_else_is_one_wish(text: str) -> None:
    assert read_list(text) is None


def test_a_list_longer_than_the_limit_is_not_split() -> None:
    longest = " ".join(f"{n}.心愿{n}" for n in range(1, MAX_ITEMS + 1))
    assert read_list(longest) == WishList(tuple(f"心愿{n}" for n in range(1, MAX_ITEMS + 1)))
    too_long = read_list(f"{longest} {MAX_ITEMS + 1}.再多一项")
    assert too_long == WishList((), too_long=MAX_ITEMS + 1)
    assert not too_long.split


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("1. 体检\n2.\n3. 空调", WishList(("体检", "空调"), empty=(2,))),
        ("1.体检 2. ", WishList(("体检",), empty=(2,))),
        ("1、体检；2、；3、食堂；4、", WishList(("体检", "食堂"), empty=(2, 4))),
    ],
)
def test_an_empty_item_is_left_out(text: str, read: WishList) -> None:
    assert read_list(text) == read


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("1. 空调\n2. 空调", WishList(("空调",), repeated=((2, 1),))),
        ("1.更换空调\n2.食堂\n3.更换空调。", WishList(("更换空调", "食堂"), repeated=((3, 1),))),
        ("1.更換空調 2.更换空调", WishList(("更換空調",), repeated=((2, 1),))),
    ],
)
def test_an_item_written_twice_is_filed_once(text: str, read: WishList) -> None:
    assert read_list(text) == read


def test_two_items_under_one_number_are_both_filed() -> None:
    assert read_list("1. 体检\n2. 食堂\n2. 空调\n3. 宿舍") == WishList(
        ("体检", "食堂", "空调", "宿舍"), numbered_twice=(2,)
    )
    # One of the two left out (empty, or the other's words again): that number is on one
    # item filed, not two.
    assert read_list("1. 体检\n2. 食堂\n2. 食堂") == WishList(("体检", "食堂"), repeated=((2, 2),))
    assert read_list("1. 体检\n2.\n2. 空调") == WishList(("体检", "空调"), empty=(2,))
    # Not a number written again inside an item's words ("每周 2、3 次").
    assert read_list("1、体检 2、食堂，每周 2、3 次") == WishList(("体检", "食堂，每周 2、3 次"))


@pytest.mark.parametrize(
    "text",
    ["1、食堂2、体检2、空调", "1、食堂 2、体检 2、空调", "1.食堂2.体检2.空调", "①食堂②体检②空调"],
)
def test_a_number_written_again_on_one_line_starts_another_item(text: str) -> None:
    # For a while 1、食堂2、体检2、空调 filed 体检2、空调 as one item.
    assert read_list(text) == WishList(("食堂", "体检", "空调"), numbered_twice=(2,))


@pytest.mark.parametrize(
    ("text", "items"),
    [
        ("1、2楼食堂加早餐2、3个空调坏了", ("2楼食堂加早餐", "3个空调坏了")),
        ("1、2楼食堂加早餐 2、体检", ("2楼食堂加早餐", "体检")),
        ("1、食堂2、2楼空调", ("食堂", "2楼空调")),
        ("1、食堂加3个菜2、体检", ("食堂加3个菜", "体检")),
    ],
)
def test_an_items_own_figure_after_its_number_stays_in_it(
    text: str, items: tuple[str, ...]
) -> None:
    # For a while 1、2楼食堂… was no list at all: a number before a figure was no item's.
    assert read_list(text) == WishList(items)


@pytest.mark.parametrize(
    "text",
    ["1、体检2、食堂，每周2、3次", "1、体检 2、食堂 每周 2、3次", "1、体检 2、食堂，每周 2、3 次"],
)
def test_numbers_run_on_inside_an_item_stay_in_it(text: str) -> None:
    assert read_list(text) == WishList(("体检", text.split("2、", 1)[1]))


@pytest.mark.parametrize(
    ("text", "items"),
    [
        (
            "1、食堂增加早餐；2、每周组织2、3次篮球赛；3、体检",
            ("食堂增加早餐", "每周组织2、3次篮球赛", "体检"),
        ),
        (
            "1、增加早餐，2、空调：1、2楼都坏了，3、组织体检",
            ("增加早餐", "空调：1、2楼都坏了", "组织体检"),
        ),
        ("1、体检\n2、每周5、6次篮球赛\n3、食堂", ("体检", "每周5、6次篮球赛", "食堂")),
    ],
)
def test_a_figure_inside_a_middle_item_keeps_the_list(text: str, items: tuple[str, ...]) -> None:
    # For a while these were no list at all, filed as one wish: a number before a figure
    # (2、3次, 1、2楼) inside an item was taken for a number out of turn.
    assert read_list(text) == WishList(items)


# Items as people write them, without digits or numbers of their own.
_ITEM = st.text(alphabet="食堂增加早餐组织体检空调维修宿舍篮球赛每周都坏了", min_size=1, max_size=6)
_MARKS = ["{}、", "{}.", "（{}）"]


@given(st.lists(_ITEM, min_size=2, max_size=MAX_ITEMS, unique=True), st.sampled_from(_MARKS))
def test_a_list_reads_the_same_on_one_line_as_on_many(items: list[str], mark: str) -> None:
    numbered = [f"{mark.format(n)}{item}" for n, item in enumerate(items, 1)]
    for joined in ("\n", " ", "；", ""):
        assert read_list(joined.join(numbered)) == WishList(tuple(items)), joined


@pytest.mark.parametrize(
    ("text", "items"),
    [
        ("1、食堂增加早餐 2、空调维修，3、4楼都不凉", ("食堂增加早餐", "空调维修，3、4楼都不凉")),
        ("1、体检2、空调维修3、4楼都不凉", ("体检", "空调维修3、4楼都不凉")),
        ("1、体检 2、空调维修，3、4楼，5、6楼都不凉", ("体检", "空调维修，3、4楼，5、6楼都不凉")),
        ("1、体检2、每周3、4次篮球赛3、食堂", ("体检", "每周3、4次篮球赛", "食堂")),
        ("1、食堂，2、3楼都要加早餐\n2、体检", ("食堂，2、3楼都要加早餐", "体检")),
    ],
)
def test_a_number_before_a_figure_is_the_figures_unless_the_list_needs_it(
    text: str, items: tuple[str, ...]
) -> None:
    # For a while 3、4楼都不凉 (floors 3 and 4) was an item of its own, and 每周3、4次 took
    # item 3's turn from 3、食堂.
    assert read_list(text) == WishList(items)


def test_a_number_before_a_figure_where_items_are_written_is_an_item() -> None:
    # At the start of a line or after a space, as the list's other numbers are written.
    assert read_list("1、食堂增加早餐\n2、空调维修\n3、4楼加装空调") == WishList(
        ("食堂增加早餐", "空调维修", "4楼加装空调")
    )


@pytest.mark.parametrize(
    ("text", "items"),
    [
        (
            "1、食堂增加早餐；2、空调维修；3、3楼厕所漏水",
            ("食堂增加早餐", "空调维修", "3楼厕所漏水"),
        ),
        (
            "1、组织体检，2、食堂增加早餐，3、5楼空调坏了",
            ("组织体检", "食堂增加早餐", "5楼空调坏了"),
        ),
        (
            "1、体检；2、早餐；3、3号宿舍楼热水器坏了；4、4楼厕所漏水",
            ("体检", "早餐", "3号宿舍楼热水器坏了", "4楼厕所漏水"),
        ),
        ("一、体检；二、早餐；三、3楼空调", ("体检", "早餐", "3楼空调")),
    ],
)
def test_a_last_item_beginning_with_a_floor_is_an_item_of_its_own(
    text: str, items: tuple[str, ...]
) -> None:
    # For a while 3、3楼厕所漏水 after "；" was taken for floors 3 and 3 of item 2, and the
    # list lost its last items: set off as the list's other numbers are, it is an item.
    assert read_list(text) == WishList(items)


# A figure inside an item (每周2、3次, 空调：1、2楼都坏了, 维修，3、4楼): the item's words.
_FIGURE = st.builds(
    "{}{}、{}{}".format,
    st.sampled_from(["", "，", "："]),
    st.integers(1, 9),
    st.integers(1, 9),
    st.sampled_from("楼个次号层台天"),
)


@given(
    st.lists(
        st.tuples(_ITEM, _FIGURE, _ITEM),
        min_size=2,
        max_size=MAX_ITEMS,
        unique_by=lambda part: bare("".join(part)),
    )
)
def test_a_figure_inside_an_item_stays_in_it(parts: list[tuple[str, str, str]]) -> None:
    items = ["".join(part) for part in parts]
    text = "\n".join(f"{n}、{item}" for n, item in enumerate(items, 1))
    assert read_list(text) == WishList(tuple(items))
