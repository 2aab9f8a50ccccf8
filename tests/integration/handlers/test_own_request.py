"""Nobody handles a ticket they filed themselves (不自办自评): a team member whose own request
reaches their team leaves it to a colleague, or the rates would be their own verdict."""

from __future__ import annotations

from core.enums import Status
from core.lifecycle import TEAM_ACCEPT_ALERTS
from scheduler.sweep import sweep
from tests.support.desk import Harness

TEAM_CHAT = -1001000000001
MEMBER, OTHER_MEMBER, LEADER = 200001, 200003, 200002  # 青山镇烘烤110服务队


async def test_a_member_cannot_accept_or_resolve_their_own_call(desk: Harness) -> None:
    ticket_id = await desk.file_110(MEMBER)  # their own barn, in their team's area

    out = await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)

    assert out.toast is not None and "是您自己提交的" in out.toast
    [ticket] = await desk.tickets()
    assert ticket.status is Status.DISPATCHED and ticket.accepted_by is None
    # A colleague takes it; the member still may not resolve it, and is told at the press,
    # before typing a note that could not be used.
    await desk.press(OTHER_MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)
    out = await desk.press(MEMBER, f"tk:res:{ticket_id}", chat=TEAM_CHAT)
    assert out.toast is not None and "是您自己提交的" in out.toast and not out.replies
    follow = await desk.send(MEMBER, "修好了", chat=TEAM_CHAT)
    assert not follow.replies  # no note step was started: people talking, left alone
    await desk.press(OTHER_MEMBER, f"tk:res:{ticket_id}", chat=TEAM_CHAT)
    await desk.send(OTHER_MEMBER, "换了保险丝，温度回升", chat=TEAM_CHAT)
    [resolved] = await desk.tickets()
    assert (resolved.status, resolved.accepted_by) == (Status.RESOLVED, OTHER_MEMBER)
    async with desk.db.uow(read_only=True) as uow:
        actors = {(e.action, e.actor_id) for e in await uow.tickets.events(ticket_id)}
    assert ("accept", MEMBER) not in actors and ("resolve", MEMBER) not in actors


async def test_a_member_refused_their_own_call_in_traditional(desk: Harness) -> None:
    await desk.press(MEMBER, "lang:hant")
    ticket_id = await desk.file_110(MEMBER)
    out = await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)
    assert out.toast is not None and "不能由您本人接單、上門或辦結" in out.toast


async def test_the_on_duty_member_whose_barn_it_is_is_not_the_one_paged(desk: Harness) -> None:
    await desk.send(MEMBER, "/duty on", chat=TEAM_CHAT)  # alone on duty tonight
    ticket_id = await desk.file_110(MEMBER)
    paged = {r.chat_id for r in await desk.outbox() if r.ticket_id == ticket_id and r.chat_id > 0}
    # The leader is paged, as when nobody is on duty; the member hears only as its requester.
    assert LEADER in paged
    pages_to_member = [
        r
        for r in await desk.outbox()
        if r.chat_id == MEMBER and r.ticket_id == ticket_id and r.purpose == "card"
    ]
    assert pages_to_member == []
    # Nor does the ladder's reminder to accept go to them directly.
    for _ in range(30):
        desk.clock.advance(minutes=1)
        await sweep(desk.db, desk.cfg, desk.clock())
    reminders = [r for r in await desk.outbox() if r.purpose in TEAM_ACCEPT_ALERTS]
    assert reminders and MEMBER not in {r.chat_id for r in reminders}
