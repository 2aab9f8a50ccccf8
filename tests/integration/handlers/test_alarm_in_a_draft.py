"""A barn failing now, typed into a request's draft (a photo sent first, /new, a summary
waiting for 提交), raises the alarm at once with what the draft held: a farmer who stops
at 下一步 at 2 a.m. must not have reached nobody."""

from __future__ import annotations

import pytest

from core.enums import Kind
from tests.support.desk import Harness, button_data, texts
from tests.support.tickets import FARMER


async def _paged(desk: Harness) -> bool:
    return any(r.priority == 0 for r in await desk.outbox())


async def test_words_after_a_photo_alone_that_say_the_barn_is_failing_raise_the_alarm(
    desk: Harness,
) -> None:
    await desk.send(FARMER, photo_file_id="barn-photo")  # kept, and its words asked for
    out = await desk.send(FARMER, "烤房停电了")
    assert "已报警" in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.kind is Kind.EMERGENCY and ticket.urgent and ticket.text == "烤房停电了"
    assert await _paged(desk)
    async with desk.db.uow(read_only=True) as uow:
        kept = [a.file_id for a in await uow.attachments.of_ticket(ticket.id or 0)]
    assert kept == ["barn-photo"]  # what the draft held goes with the alarm


@pytest.mark.parametrize("words", ["风机不转了", "烤房溫度一直往下掉"])
async def test_a_barn_failing_described_after_new_raises_the_alarm(
    desk: Harness, words: str
) -> None:
    await desk.send(FARMER, "/new")
    out = await desk.send(FARMER, words)
    assert "已报警" in texts(out) or "已報警" in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.kind is Kind.EMERGENCY and ticket.text == words


async def test_a_barn_failing_typed_at_the_summary_raises_the_alarm_with_the_draft(
    desk: Harness,
) -> None:
    await desk.send(FARMER, "烤房温度怎么设置")
    out = await desk.send(FARMER, "现在烤房停电了，快来")
    assert "已报警" in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.kind is Kind.EMERGENCY
    assert ticket.text == "烤房温度怎么设置\n现在烤房停电了，快来"


async def test_words_of_a_past_emergency_stay_words_of_the_request(desk: Harness) -> None:
    await desk.send(FARMER, "/new")
    out = await desk.send(FARMER, "上次停电修好了，想问问温度怎么调")
    assert "已报警" not in texts(out) and await desk.tickets() == []
    assert not await _paged(desk)


async def test_a_barn_failing_in_a_draft_said_to_be_calm_is_asked_about(
    desk: Harness,
) -> None:
    """After 不是，只是咨询, emergency words in the draft may be a question of it or a barn
    failing now: asked, the draft's words kept; 是 raises an urgent alarm with them."""
    await desk.send(FARMER, "村里明天停电检修，烤房要提前准备啥")
    await desk.press(FARMER, "f:alarm:no")  # not an emergency: a calm request's draft
    out = await desk.send(FARMER, "风机不转了，温度一直往下掉")
    assert "马上处理吗" in texts(out) and not await _paged(desk)
    out = await desk.press(FARMER, "f:alarm:yes")
    assert "已报警" in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.kind is Kind.EMERGENCY and ticket.urgent
    assert ticket.text == "村里明天停电检修，烤房要提前准备啥\n风机不转了，温度一直往下掉"
    assert await _paged(desk)


async def test_a_question_in_a_calm_draft_answered_not_now_stays_a_request(
    desk: Harness,
) -> None:
    await desk.send(FARMER, "村里明天停电检修，烤房要提前准备啥")
    await desk.press(FARMER, "f:alarm:no")
    await desk.send(FARMER, "刚才停电了，现在已经来电了，风机要重新启动吗")
    out = await desk.press(FARMER, "f:alarm:no")
    assert "f:ok" in str(button_data(out))
    assert await desk.tickets() == [] and not await _paged(desk)


async def test_a_complaint_naming_a_barn_failing_in_a_draft_is_asked_about(
    desk: Harness,
) -> None:
    await desk.send(FARMER, "/new")
    out = await desk.send(FARMER, "现在烤房停电了，快来，你们110电话怎么一直打不通，我要投诉")
    assert "马上处理吗" in texts(out) and not await _paged(desk)
    out = await desk.press(FARMER, "f:alarm:yes")
    assert "已报警" in texts(out)


async def test_a_barn_failing_now_after_not_now_is_one_tap_from_the_alarm(
    desk: Harness,
) -> None:
    await desk.send(FARMER, "村里明天停电检修，烤房要提前准备啥")
    await desk.press(FARMER, "f:alarm:no")
    out = await desk.send(FARMER, "现在烤房停电了，快来")
    assert "马上处理吗" in texts(out)
    out = await desk.press(FARMER, "f:alarm:yes")
    assert "已报警" in texts(out) and await _paged(desk)


async def test_a_message_that_answers_nothing_keeps_the_draft_and_its_words(
    desk: Harness,
) -> None:
    await desk.send(FARMER, "村里明天停电检修，烤房要提前准备啥")
    await desk.press(FARMER, "f:alarm:no")
    await desk.send(FARMER, "风机不转了，温度一直往下掉")  # asked about
    await desk.send(FARMER, "我也不知道算不算紧急，你们看着办吧")  # no answer
    out = await desk.press(FARMER, "f:next")
    assert "风机不转了，温度一直往下掉" in texts(out)  # the draft's summary, words kept
    assert "村里明天停电检修" in texts(out) and "你们看着办吧" in texts(out)


async def test_a_barn_failing_typed_while_the_question_stands_raises_its_alarm(
    desk: Harness,
) -> None:
    await desk.send(FARMER, "村里明天停电检修，烤房要提前准备啥")
    await desk.press(FARMER, "f:alarm:no")
    await desk.send(FARMER, "现在烤房停电了，快来")  # asked about
    out = await desk.send(FARMER, "烤房停电了，温度一直往下掉，快来人")  # no answer: an alarm
    assert "已报警" in texts(out) and await _paged(desk)
