"""A barn failing now, typed into a request's draft (a photo sent first, /new, a summary
waiting for 提交), raises the alarm at once with what the draft held: a farmer who stops
at 下一步 at 2 a.m. must not have reached nobody."""

from __future__ import annotations

import pytest

from core.enums import Kind
from tests.support.desk import Harness, texts
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


async def test_an_alarm_from_a_draft_said_to_be_calm_is_urgent_when_it_says_now(
    desk: Harness,
) -> None:
    await desk.send(FARMER, "村里明天停电检修，烤房要提前准备啥")
    await desk.press(FARMER, "f:alarm:no")  # not an emergency: a calm request's draft
    out = await desk.send(FARMER, "停电的时候风机不转了怎么办")
    assert "已报警" not in texts(out) and await desk.tickets() == []  # a question of it
    out = await desk.send(FARMER, "现在烤房停电了，快来")
    assert "已报警" in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.kind is Kind.EMERGENCY and ticket.urgent  # paged, not a calm request
    assert await _paged(desk)


async def test_a_complaint_typed_into_a_draft_stays_words_of_the_draft(
    desk: Harness,
) -> None:
    await desk.send(FARMER, "/new")
    out = await desk.send(FARMER, "烤房停电了，打你们110一直没人接，我要投诉")
    assert "已报警" not in texts(out) and not await _paged(desk)
