"""The requester's timeline in /my shows what was done for them, not the desk's own
business: no reminders or escalations, and a move names the team that has the ticket now,
not the note one team wrote to the next. A supervisor's /ticket still shows it all."""

from __future__ import annotations

from core.enums import Role
from core.services import note_event
from scheduler.sweep import sweep
from tests.support.desk import Harness, texts
from tests.support.tickets import FARMER, MEMBER, SUPERVISOR

QINGSHAN_CHAT = -1001000000001


async def test_the_requesters_timeline_leaves_out_internal_notes_and_chasing(
    desk: Harness,
) -> None:
    ticket = await desk.file_request(FARMER, "烘烤技术问题：变黄期温度应该设置多少度")
    assert ticket.id is not None and ticket.team_id == "curing-qingshan"
    # Nobody accepts: reminded at 11:00, then escalated at 12:00 (out of the curing season
    # a question, not an emergency, has 2 working hours to be accepted).
    for _ in range(3):
        desk.clock.advance(hours=1)
        await sweep(desk.db, desk.cfg, desk.clock())
    actions = await desk.actions(ticket.id)
    assert "escalate" in actions
    await desk.press(MEMBER, f"tk:xfer:{ticket.id}", chat=QINGSHAN_CHAT)
    await desk.press(MEMBER, f"tk:xto:{ticket.id}:curing-baishi", chat=QINGSHAN_CHAT)
    await desk.send(MEMBER, "不归我们管，推给白石乡那帮人", chat=QINGSHAN_CHAT)
    shown = texts(await desk.press(FARMER, f"my:v:{ticket.id}"))
    assert "转派给 白石乡烘烤110服务队" in shown
    assert "推给白石乡那帮人" not in shown
    assert "督办" not in shown and "提醒" not in shown
    # The supervisor reads the whole of it.
    whole = texts(await desk.send(SUPERVISOR, f"/ticket {ticket.label}"))
    assert "推给白石乡那帮人" in whole and "督办" in whole


async def test_a_failed_deliverys_record_is_the_desks_alone(desk: Harness) -> None:
    ticket = await desk.file_request(FARMER, "烘烤技术问题：变黄期温度应该设置多少度")
    async with desk.db.uow() as uow:  # what the outbox sender records when Telegram refuses
        held = await uow.tickets.get(ticket.id or 0)
        assert held is not None
        await note_event(
            uow, held, "delivery_failed", actor_id=None, role=Role.SYSTEM, now=desk.clock(),
            note="Forbidden: bot was kicked from the group chat",
        )  # fmt: skip
        await uow.commit()
    shown = texts(await desk.press(FARMER, f"my:v:{ticket.id}"))
    assert "delivery_failed" not in shown and "Forbidden" not in shown
