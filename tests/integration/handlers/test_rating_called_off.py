"""算了, 取消 or 返回 typed where a rating is asked for: never the rating's comment shown to
the team, nor a request of those words; the ticket still waits for the person's word."""

from __future__ import annotations

import pytest

from core.enums import Status
from tests.support.desk import Harness, button_data, texts
from tests.support.tickets import FARMER, MEMBER

CURING_CHAT = -1001000000001


async def _at_the_score_prompt(desk: Harness) -> int:
    ticket_id = await desk.resolved_110(FARMER, MEMBER, CURING_CHAT)
    out = await desk.press(FARMER, f"my:ok:{ticket_id}")
    assert "请为这次服务打分" in texts(out)
    return ticket_id


@pytest.mark.parametrize("typed", ["算了", "返回"])
async def test_leaving_typed_for_the_comment_is_no_comment(desk: Harness, typed: str) -> None:
    await _at_the_score_prompt(desk)
    await desk.send(FARMER, "5")
    out = await desk.send(FARMER, typed)
    assert "已销号" in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.rating == 5 and not ticket.rating_comment


async def test_leaving_typed_twice_at_the_score_brings_the_notices_buttons_back(
    desk: Harness,
) -> None:
    ticket_id = await _at_the_score_prompt(desk)
    await desk.send(FARMER, "算了")  # asked again once, with the scale
    out = await desk.send(FARMER, "取消")
    assert f"my:ok:{ticket_id}" in button_data(out)
    assert "要把这条消息作为" not in texts(out) and "没有等您确认" not in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.status is Status.RESOLVED and ticket.rating is None
