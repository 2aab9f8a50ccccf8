"""Someone else's contact card shared while a request is being written: the desk asks for
their own number, and the no typed next (不要, 不用) answers that question, not the draft's:
the draft is neither submitted nor dropped."""

from __future__ import annotations

import pytest

from tests.support.desk import Harness, button_data, texts

RETAILER = 100002
SOMEONE_ELSE = 100009
DRAFT = "送货少了一条中华"


async def _someone_elses_card_at_the_summary(desk: Harness) -> None:
    await desk.registered_as(RETAILER, "retailer")
    assert "请确认" in texts(await desk.send(RETAILER, DRAFT))
    asked = texts(await desk.contact(RETAILER, "8613800000009", owner=SOMEONE_ELSE))
    assert "只能共享您本人的手机号" in asked


@pytest.mark.parametrize("no", ["不要", "不用", "不给"])
async def test_a_no_after_someone_elses_card_keeps_the_draft(desk: Harness, no: str) -> None:
    await _someone_elses_card_at_the_summary(desk)
    said = texts(await desk.send(RETAILER, no))
    assert "已退出当前操作" not in said and "已取消" not in said
    assert "好的，手机号不共享了。" in said
    assert f"您正在写的「{DRAFT}」还没有提交" in said
    await desk.send(RETAILER, "提交")
    assert DRAFT in [ticket.text for ticket in await desk.tickets()]


async def test_the_no_answers_the_phone_question_once_only(desk: Harness) -> None:
    """The phone question is answered by the message after it: a second 不要 is a no to
    submitting, as at any summary."""
    await _someone_elses_card_at_the_summary(desk)
    await desk.send(RETAILER, "不要")
    assert "已退出当前操作" in texts(await desk.send(RETAILER, "不要"))
    assert await desk.tickets() == []


async def test_a_no_before_any_words_asks_for_them_again(desk: Harness) -> None:
    await desk.registered_as(RETAILER, "retailer")
    await desk.send(RETAILER, "/new")
    await desk.contact(RETAILER, "8613800000009", owner=SOMEONE_ELSE)
    said = texts(await desk.send(RETAILER, "不要"))
    assert "好的，手机号不共享了。" in said and "请描述" in said
    await desk.send(RETAILER, DRAFT)
    assert "请确认" in texts(await desk.send(RETAILER, "下一步"))


async def test_a_button_pressed_after_someone_elses_card_leaves_the_phone_question(
    desk: Harness,
) -> None:
    """✏️ 修改 pressed after the card: the phone question is behind it, and 不要 typed at
    the question 修改 asks is read there, not as 好的，手机号不共享了。"""
    await desk.registered_as(RETAILER, "retailer")
    summary = await desk.send(RETAILER, DRAFT)
    edit = next(data for data in button_data(summary) if data.startswith("f:edit:"))
    await desk.contact(RETAILER, "8613800000009", owner=SOMEONE_ELSE)
    assert "请描述" in texts(await desk.press(RETAILER, edit))
    assert "手机号不共享了" not in texts(await desk.send(RETAILER, "不要"))


async def test_a_command_after_someone_elses_card_leaves_the_phone_question(
    desk: Harness,
) -> None:
    """/help beside the draft, then 不要: a no to the draft, as at any summary."""
    await _someone_elses_card_at_the_summary(desk)
    await desk.send(RETAILER, "/help")
    said = texts(await desk.send(RETAILER, "不要"))
    assert "手机号不共享了" not in said and "已退出当前操作" in said


async def test_someone_elses_card_twice_asks_again_and_the_no_still_answers_it(
    desk: Harness,
) -> None:
    await _someone_elses_card_at_the_summary(desk)
    await desk.contact(RETAILER, "8613800000009", owner=SOMEONE_ELSE)
    assert "手机号不共享了" in texts(await desk.send(RETAILER, "不要"))


async def test_their_own_card_after_someone_elses_answers_the_phone_question(
    desk: Harness,
) -> None:
    """Their own card after someone else's: the number is kept, so a 不要 typed at the
    summary next is a no to submitting (the draft dropped), not 好的，手机号不共享了。"""
    await _someone_elses_card_at_the_summary(desk)
    saved = texts(await desk.contact(RETAILER, "8613800000002", owner=RETAILER))
    assert "已记下您的手机号" in saved
    said = texts(await desk.send(RETAILER, "不要"))
    assert "手机号不共享了" not in said and "已退出当前操作" in said
    assert await desk.tickets() == []
