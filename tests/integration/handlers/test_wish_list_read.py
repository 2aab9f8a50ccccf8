"""How a staff member's wish list is read before it is filed: an item left empty is left
out and one written twice filed once, each said at the summary; two items under one number
are both filed; a list longer than the limit is not split, nor filed as one unasked, and
the summary says what the limit is and what to do."""

from __future__ import annotations

import pytest

from handlers.replies import Outcome
from handlers.wish_items import MAX_ITEMS
from routing import to_simplified
from tests.support.desk import Harness, button_actions, button_data, texts

STAFF = 100003


async def _summary(desk: Harness, text: str) -> str:
    await desk.registered_as(STAFF, "staff")
    await desk.send(STAFF, "/wish")
    await desk.send(STAFF, text)
    return texts(await desk.press(STAFF, "f:next"))


async def test_an_empty_item_is_left_out_and_said_so(desk: Harness) -> None:
    summary = await _summary(desk, "1. 体检\n2.\n3. 空调")
    assert "共 2 项" in summary and "1. 体检\n2. 空调" in summary
    assert "您写的第2项没有内容，没有记入" in summary
    await desk.press(STAFF, "f:ok")
    assert [t.text for t in await desk.tickets()] == ["体检", "空调"]


async def test_an_item_written_twice_is_filed_once_and_said_so(desk: Harness) -> None:
    summary = await _summary(desk, "1. 体检\n2. 空调\n3. 空调")
    assert "共 2 项" in summary and "您写的第3项和第2项一样，只记一次" in summary
    await desk.press(STAFF, "f:ok")
    assert [t.text for t in await desk.tickets()] == ["体检", "空调"]


async def test_a_list_of_one_item_written_twice_is_that_one_wish(desk: Harness) -> None:
    summary = await _summary(desk, "1. 空调\n2. 空调")
    assert "内容：空调" in summary and "只记一次" in summary
    out = await desk.send(STAFF, "确认")
    assert [t.text for t in await desk.tickets()] == ["空调"]
    assert "已提交" in texts(out)


async def test_two_items_under_one_number_are_both_filed(desk: Harness) -> None:
    summary = await _summary(desk, "1. 体检\n2. 食堂\n2. 空调")
    assert "1. 体检\n2. 食堂\n3. 空调" in summary and "有两项都编为第2项" in summary
    await desk.press(STAFF, "f:ok")
    assert [t.text for t in await desk.tickets()] == ["体检", "食堂", "空调"]


@pytest.mark.parametrize("written", ["1. 体检\n2. 食堂\n2. 食堂", "1. 体检\n2.\n2. 空调"])
async def test_a_number_on_two_items_is_not_said_on_both_when_one_is_left_out(
    desk: Harness, written: str
) -> None:
    # One of the two items numbered 2 is empty, or the other's words again: only the
    # other is filed, so nothing is said of two items filed under that number.
    summary = await _summary(desk, written)
    assert "共 2 项" in summary and "两项都记入" not in summary
    assert "第2项和第2项" not in summary
    await desk.press(STAFF, "f:ok")
    assert len(await desk.tickets()) == 2


async def test_a_list_over_the_limit_is_neither_split_nor_filed_unasked(desk: Harness) -> None:
    written = "\n".join(f"{n}. 心愿{n}" for n in range(1, MAX_ITEMS + 3))
    summary = await _summary(desk, written)
    assert f"这份清单有 {MAX_ITEMS + 2} 项，一次最多分 {MAX_ITEMS} 项" in summary
    out = await desk.press(STAFF, "f:next")
    assert button_actions(out) == ["f:one", "f:edit", "f:no"]
    await desk.send(STAFF, "确认")
    await desk.press(STAFF, "f:ok")  # an older summary's button
    assert await desk.tickets() == []
    await desk.press(STAFF, "f:one")
    assert [t.text for t in await desk.tickets()] == [written]


async def test_the_notes_read_in_traditional(desk: Harness) -> None:
    summary = await _summary(desk, "1. 體檢\n2.\n3. 空調\n4. 空調")
    assert "沒有內容" in summary and "只記一次" in summary
    assert to_simplified(summary) != summary


async def test_the_lists_buttons_typed_act_as_pressed(desk: Harness) -> None:
    """分 3 项提交 typed at the summary files the items, as its button does, and is never
    words added to the last item; 作为一项提交 typed files the list as one wish."""
    await _summary(desk, "1、组织体检；2、食堂加早餐；3、更换空调")
    await desk.send(STAFF, "分 3 項提交")
    assert [t.text for t in await desk.tickets()] == ["组织体检", "食堂加早餐", "更换空调"]


async def test_as_one_typed_files_the_list_as_one_wish(desk: Harness) -> None:
    await _summary(desk, "1、组织体检；2、食堂加早餐")
    await desk.send(STAFF, "作为一项提交")
    assert [t.text for t in await desk.tickets()] == ["1、组织体检；2、食堂加早餐"]


@pytest.mark.parametrize("typed", ["修改一下", "我要修改", "重新写", "我想改一下", "修改一下吧"])
async def test_edit_typed_however_said_rewrites_the_list(desk: Harness, typed: str) -> None:
    """修改 typed as people say it at the summary asks for the wish again, as 「✏️ 修改」
    does, and the list rewritten is offered 分 2 项提交; never words added to the last
    item (更换空调\n修改一下) of the 分 3 项 it was."""
    await _summary(desk, "1、组织体检；2、食堂加早餐；3、更换空调")

    asked = to_simplified(texts(await desk.send(STAFF, typed)))

    assert "请写下您的心愿" in asked and "已补充" not in asked, asked
    await desk.send(STAFF, "1、组织体检；2、食堂加早餐")
    out = await desk.press(STAFF, "f:next")
    assert "共 2 项" in texts(out) and typed not in texts(out)
    await desk.press(STAFF, "f:ok")
    assert [t.text for t in await desk.tickets()] == ["组织体检", "食堂加早餐"]


@pytest.mark.parametrize("typed", ["修改地址", "改一下送货时间"])
async def test_words_of_what_to_change_join_the_wish(desk: Harness, typed: str) -> None:
    """Words that say what to change are the wish's, added as words typed at a summary
    are: only 修改 said alone asks for it again."""
    await _summary(desk, "食堂加早餐")

    said = to_simplified(texts(await desk.send(STAFF, typed)))

    assert "已补充" in said and "请写下您的心愿" not in said


def _items_button(out: Outcome) -> str:
    """The data of the summary's 「✅ 分 N 项提交」 (or 「✅ 提交」): its first button."""
    return button_data(out)[0]


_THREE = "1、组织体检；2、食堂加早餐；3、更换空调"


@pytest.mark.parametrize(
    ("written", "rewritten", "filed"),
    [
        (_THREE, "1、组织体检；2、食堂加早餐", 2),
        (_THREE, "更换宿舍空调", 1),
        (_THREE, "1、修路灯；2、修门锁；3、修宿舍漏水", 3),  # as many items, others
        ("更换宿舍空调", "食堂加早餐", 1),  # a wish of one, its 「✅ 提交」
    ],
)
async def test_an_older_summarys_items_button_after_a_rewrite_files_nothing(
    desk: Harness, written: str, rewritten: str, filed: int
) -> None:
    """「✅ 分 3 项提交」 pressed on the summary shown before ✏️ 修改 rewrote the list is
    outdated: the summary of the list as it is now comes again, nothing filed that the
    button did not show, even under as many items; its own button files it."""
    await desk.registered_as(STAFF, "staff")
    await desk.send(STAFF, "/wish")
    await desk.send(STAFF, written)
    older = _items_button(await desk.press(STAFF, "f:next"))
    await desk.press(STAFF, "f:edit")
    await desk.send(STAFF, rewritten)
    newer = _items_button(await desk.press(STAFF, "f:next"))

    out = await desk.press(STAFF, older)

    assert await desk.tickets() == []
    said = to_simplified(texts(out))
    assert "修改前" in said and "请确认" in said
    await desk.press(STAFF, newer)
    assert len(await desk.tickets()) == filed


async def test_an_older_items_button_without_the_words_mark_still_counts_the_items(
    desk: Harness,
) -> None:
    """A 「✅ 分 3 项提交」 sent before buttons carried the mark of their words (f:ok:<id>:3)
    is outdated as before once the list has another number of items."""
    await desk.registered_as(STAFF, "staff")
    await desk.send(STAFF, "/wish")
    await desk.send(STAFF, _THREE)
    older = _items_button(await desk.press(STAFF, "f:next")).rsplit(":", 1)[0]
    await desk.press(STAFF, "f:edit")
    await desk.send(STAFF, "1、组织体检；2、食堂加早餐")
    await desk.press(STAFF, "f:next")

    out = await desk.press(STAFF, older)

    assert older.endswith(":3")
    assert await desk.tickets() == []
    assert "修改前" in to_simplified(texts(out))


async def test_the_summarys_items_button_after_words_added_files_the_list_shown(
    desk: Harness,
) -> None:
    """Words added at the summary show it again; the button of the summary as it is now
    files the list as it reads."""
    await _summary(desk, "1、组织体检；2、食堂加早餐")
    newer = _items_button(await desk.send(STAFF, "3、更换空调"))
    await desk.press(STAFF, newer)
    assert [t.text for t in await desk.tickets()] == ["组织体检", "食堂加早餐", "更换空调"]
