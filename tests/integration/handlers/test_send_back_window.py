"""❌ 没解决 and 重新办理 are for a ticket awaiting the requester's confirmation, or closed
without it within a week. A ticket its requester confirmed and rated stays closed, so the
reports of its period keep what they said; trouble now is a matter of its own."""

from __future__ import annotations

from core.enums import Status
from scheduler.sweep import sweep
from tests.support.desk import Harness, button_data, texts
from tests.support.tickets import FARMER, MEMBER

TEAM_CHAT = -1001000000001


async def test_a_confirmed_and_rated_ticket_cannot_be_sent_back(desk: Harness) -> None:
    ticket_id = await desk.resolved_110(FARMER, MEMBER, TEAM_CHAT)
    await desk.press(FARMER, f"my:ok:{ticket_id}")
    await desk.press(FARMER, f"my:r:{ticket_id}:5")
    desk.clock.advance(days=1)
    out = await desk.press(FARMER, f"my:bad:{ticket_id}")  # the old notice's button
    assert "您已经确认办结并评价，不能再退回" in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.status is Status.CLOSED and ticket.rating == 5
    shown = await desk.press(FARMER, f"my:v:{ticket_id}")
    assert f"my:bad:{ticket_id}" not in button_data(shown)


async def test_an_auto_closed_ticket_can_be_sent_back_within_a_week_only(desk: Harness) -> None:
    ticket_id = await desk.resolved_110(FARMER, MEMBER, TEAM_CHAT)
    for _ in range(2):  # the farmer never confirms: 销号 without reply
        desk.clock.advance(hours=49)
        await sweep(desk.db, desk.cfg, desk.clock())
    [ticket] = await desk.tickets()
    assert ticket.status is Status.CLOSED and ticket.rating is None
    shown = await desk.press(FARMER, f"my:v:{ticket_id}")
    assert f"my:bad:{ticket_id}" in button_data(shown)
    desk.clock.advance(days=8)
    shown = await desk.press(FARMER, f"my:v:{ticket_id}")
    assert f"my:bad:{ticket_id}" not in button_data(shown)
    out = await desk.press(FARMER, f"my:bad:{ticket_id}")
    assert "已经关闭一周以上，不能再退回" in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.status is Status.CLOSED
