"""A ticket its team asked about (需补充) before anyone accepted it: nobody has taken it, so
its requester may still withdraw it from /my, as any ticket nobody has accepted; the team's
question is then settled (the card shows 已撤回, without buttons) and nothing more is asked.
Before, /my offered only ➕ 补充 for it, and 撤回 was refused."""

from __future__ import annotations

from core.enums import Status
from scheduler.sweep import sweep
from tests.support.desk import Harness, button_data, texts

RETAILER = 100002
DELIVERY_CHAT = -1001000000014
DELIVERY_MEMBER = 200071


async def _asked(desk: Harness, *, accepted: bool = False) -> int:
    ticket = await desk.file_request(RETAILER, "配送的烟少了两条")
    assert ticket.id is not None and ticket.team_id == "delivery"
    if accepted:
        await desk.press(DELIVERY_MEMBER, f"tk:acc:{ticket.id}", chat=DELIVERY_CHAT)
    await desk.press(DELIVERY_MEMBER, f"tk:ask:{ticket.id}", chat=DELIVERY_CHAT)
    await desk.send(DELIVERY_MEMBER, "请问少的是哪个品规？", chat=DELIVERY_CHAT)
    [asked] = await desk.tickets()
    assert asked.status is Status.WAITING_REQUESTER
    return ticket.id


async def test_a_ticket_asked_about_before_anyone_took_it_may_be_withdrawn(
    desk: Harness,
) -> None:
    ticket_id = await _asked(desk)
    shown = await desk.press(RETAILER, f"my:v:{ticket_id}")
    assert f"my:x:{ticket_id}" in button_data(shown)
    asked = await desk.press(RETAILER, f"my:x:{ticket_id}")
    assert "确定撤回工单 10019 吗" in texts(asked)
    desk.clock.advance(minutes=1)
    done = await desk.press(RETAILER, f"my:xx:{ticket_id}")
    assert "工单 10019 已撤回" in texts(done)
    [ticket] = await desk.tickets()
    assert ticket.status is Status.CANCELLED and ticket.paused_at is None
    rows = [r for r in await desk.outbox() if r.chat_id == DELIVERY_CHAT]
    assert any("已由报告人撤回" in r.payload.get("text", "") for r in rows)
    card = [r for r in rows if r.purpose == "card_edit"][-1].payload
    assert "｜已撤回" in card["text"] and "待补充" not in card["text"]
    assert not card.get("buttons")  # nothing left to press on it
    # The question's reminders and its close for want of an answer do not follow.
    before = len(await desk.outbox())
    desk.clock.advance(days=5)
    await sweep(desk.db, desk.cfg, desk.clock())
    assert len(await desk.outbox()) == before
    assert (await desk.actions(ticket_id))[-1] == "cancel"


async def test_one_taken_and_then_asked_about_still_cannot_be_withdrawn(desk: Harness) -> None:
    ticket_id = await _asked(desk, accepted=True)
    shown = await desk.press(RETAILER, f"my:v:{ticket_id}")
    assert f"my:x:{ticket_id}" not in button_data(shown)
    out = await desk.press(RETAILER, f"my:xx:{ticket_id}")
    assert "已撤回" not in texts(out) and "物流配送中心" in texts(out)  # who has it
    [ticket] = await desk.tickets()
    assert ticket.status is Status.WAITING_REQUESTER
