"""A ticket moved to another team after its promise to resolve has passed (a supervisor's
改派 of an overdue 110 call): the new team is chased from a resolve window of its own, its
reminder first, not the supervisors' 超时督办 a minute after it accepts. The promise stays
on the card and in the ledger."""

from __future__ import annotations

from datetime import timedelta

from core.enums import Status
from core.team_card import local
from scheduler.sweep import sweep
from tests.support.desk import Harness
from tests.support.tickets import FARMER, SUPERVISOR

BAISHI_CHAT = -1001000000002
BAISHI_MEMBER = 200011
BAISHI_LEADER = 200012


async def _sweep_for(desk: Harness, minutes: int) -> None:
    for _ in range(minutes // 10):
        desk.clock.advance(minutes=10)
        await sweep(desk.db, desk.cfg, desk.clock())


async def test_a_team_given_an_overdue_call_is_reminded_first_not_reported(
    desk: Harness,
) -> None:
    ticket_id = await desk.file_110(FARMER)
    await _sweep_for(desk, 250)  # nobody accepts: past the 4 h promise to resolve
    [ticket] = await desk.tickets()
    promise = ticket.resolve_due_at
    assert promise is not None and desk.clock() > promise
    await desk.send(SUPERVISOR, f"/reassign {ticket.label} curing-baishi")
    moved_at = desk.clock()
    desk.clock.advance(minutes=5)
    await desk.press(BAISHI_MEMBER, f"tk:acc:{ticket_id}", chat=BAISHI_CHAT)
    before = {r.id for r in await desk.outbox()}
    await _sweep_for(desk, 20)
    assert [r for r in await desk.outbox() if r.id not in before] == []  # nobody chased yet
    [ticket] = await desk.tickets()
    assert ticket.status is Status.ACCEPTED and ticket.resolve_due_at == promise
    assert ticket.next_action_at == moved_at + timedelta(hours=4)  # its own window
    card = [r for r in await desk.outbox() if r.chat_id == BAISHI_CHAT and r.purpose == "card"]
    assert "（原时限；移交后限" in card[-1].payload["text"]
    # Past its own deadline, the team is reminded first.
    desk.clock.advance(seconds=(moved_at + timedelta(hours=4) - desk.clock()).total_seconds())
    before = {r.id for r in await desk.outbox()}
    await sweep(desk.db, desk.cfg, desk.clock())
    new = [r for r in await desk.outbox() if r.id not in before]
    [reminder] = [r.payload["text"] for r in new if r.chat_id == BAISHI_CHAT]
    assert "已到办结时限" in reminder
    assert not [r for r in new if r.chat_id in (SUPERVISOR, BAISHI_LEADER)]
    # The reminder's card gives both deadlines, as the team's card does: its headline counts
    # from the team's own, not from the promise that passed before the team got the call.
    own = local(desk.cfg, moved_at + timedelta(hours=4))
    assert f"（原时限；移交后限 {own} 前办结）" in reminder
    # So does the leader's alert after it.
    before = {r.id for r in await desk.outbox()}
    await _sweep_for(desk, 10)
    [alert] = [
        r.payload["text"]
        for r in await desk.outbox()
        if r.id not in before and r.chat_id == BAISHI_LEADER
    ]
    assert f"（原时限；移交后限 {own} 前办结）" in alert
