"""❌ 没解决 and 重新办理 are for a ticket awaiting the requester's confirmation, or closed
without it within a week. A ticket its requester confirmed and rated stays closed, so the
reports of its period keep what they said; trouble now is a matter of its own."""

from __future__ import annotations

from core.enums import Status
from scheduler.sweep import sweep
from tests.support.complainant import RETAILER, registered_with_a_shop
from tests.support.desk import Harness, button_data, texts
from tests.support.tickets import FARMER, LEADER, MEMBER

TEAM_CHAT = -1001000000001
DELIVERY_CHAT, DELIVERY_MEMBER = -1001000000014, 200071


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


async def test_not_solved_after_a_low_rating_says_a_leader_will_call_back_until_they_have(
    desk: Harness,
) -> None:
    """Before: ❌ 没解决 (or 还没解决 typed) after a low rating said only that the ticket
    cannot be sent back and to send new trouble anew, as if nobody would hear of it."""
    ticket_id = await desk.resolved_110(FARMER, MEMBER, TEAM_CHAT)
    await desk.press(FARMER, f"my:r:{ticket_id}:2")
    await desk.press(FARMER, "f:skip")
    desk.clock.advance(hours=2)

    pressed = texts(await desk.press(FARMER, f"my:bad:{ticket_id}"))
    typed = texts(await desk.send(FARMER, "还没解决"))
    in_hant = texts(await desk.send(FARMER, "還沒解決"))

    for said in (pressed, typed):
        assert "不能再退回" in said and "已请负责人回访您" in said
    assert "已請負責人回訪您" in in_hant
    await desk.press(LEADER, f"tk:cb:{ticket_id}")
    await desk.send(LEADER, "已电话联系，约好明天再去看")
    after = texts(await desk.press(FARMER, f"my:bad:{ticket_id}"))
    assert "不能再退回" in after and "回访" not in after
    [ticket] = await desk.tickets()
    assert ticket.status is Status.CLOSED and ticket.rating == 2


async def test_not_solved_after_rating_an_anonymous_complaint_low_says_it_is_reviewed(
    desk: Harness,
) -> None:
    """An anonymous complainant is never phoned: what is owed them is a review."""
    await registered_with_a_shop(desk)
    await desk.send(RETAILER, "/complain")
    await desk.send(RETAILER, "投诉配送员小王，送货总是迟到")
    await desk.press(RETAILER, "f:next")
    await desk.press(RETAILER, "f:anon")
    [ticket] = await desk.tickets()
    for step in ("acc", "res"):
        await desk.press(DELIVERY_MEMBER, f"tk:{step}:{ticket.id}", chat=DELIVERY_CHAT)
    await desk.send(DELIVERY_MEMBER, "已批评教育", chat=DELIVERY_CHAT)
    await desk.press(RETAILER, f"my:r:{ticket.id}:1")
    await desk.press(RETAILER, "f:skip")

    out = texts(await desk.press(RETAILER, f"my:bad:{ticket.id}"))

    assert "不能再退回" in out and "已请负责人复核这件投诉" in out
    assert "回访您" not in out
