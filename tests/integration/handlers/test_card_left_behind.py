"""A ticket sent on to another team (转派, 改派): the group that had it gets one last edit of
its card saying where it went, and no more of its progress, which is the new team's."""

from __future__ import annotations

import pytest

from bot.outbox import SimulatedClock
from bot.outbox.recorder import SentRecorder
from core.enums import Status
from scheduler.sweep import sweep
from tests.support.desk import Harness
from tests.support.tickets import SUPERVISOR

RETAILER = 100002
DELIVERY_CHAT, ORDERING_CHAT = -1001000000014, -1001000000013
DELIVERY_MEMBER, ORDERING_MEMBER = 200071, 200061
MOVED = "已转给 营销服务部（客户经理）"


async def _delivered(desk: Harness) -> None:
    """The sender delivers what waits, so that later edits find each card by its id."""
    recorder = SentRecorder(desk.db.uow, SimulatedClock(desk.clock()))
    for n, row in enumerate(await desk.outbox()):
        if row.status == "pending" and row.method == "send_message":
            await recorder.record(row, 5000 + n)


async def _edits_to(desk: Harness, chat: int, after: set[int | None]) -> list[str]:
    return [
        str(r.payload.get("text"))
        for r in await desk.outbox()
        if r.id not in after and r.chat_id == chat and r.purpose == "card_edit"
    ]


async def _moved(desk: Harness, how: str, *, delivered: bool) -> int:
    """The retailer's delivery request, sent on to ordering by `how`; its id."""
    ticket = await desk.file_request(RETAILER, "昨天送货少送了一条中华")
    assert ticket.id is not None and ticket.team_id == "delivery"
    if delivered:
        await _delivered(desk)
    if how == "transfer":
        await desk.press(DELIVERY_MEMBER, f"tk:xfer:{ticket.id}", chat=DELIVERY_CHAT)
        await desk.press(DELIVERY_MEMBER, f"tk:xto:{ticket.id}:ordering", chat=DELIVERY_CHAT)
        await desk.send(DELIVERY_MEMBER, "是订货量的问题，转客户经理", chat=DELIVERY_CHAT)
    else:
        await desk.send(SUPERVISOR, f"/reassign {ticket.label} ordering")
    return ticket.id


@pytest.mark.parametrize("how", ["transfer", "reassign"])
@pytest.mark.parametrize("delivered", [True, False])
async def test_the_old_group_reads_where_it_went_once_and_no_more(
    desk: Harness, how: str, delivered: bool
) -> None:
    """Before: each later change (接单, 办结, the rating) edited the old group's card too."""
    before = {r.id for r in await desk.outbox()}
    ticket_id = await _moved(desk, how, delivered=delivered)

    [last] = await _edits_to(desk, DELIVERY_CHAT, before)
    assert MOVED in last, last
    if delivered:
        await _delivered(desk)
    moved = {r.id for r in await desk.outbox()}
    await desk.press(ORDERING_MEMBER, f"tk:acc:{ticket_id}", chat=ORDERING_CHAT)
    await desk.press(ORDERING_MEMBER, f"tk:res:{ticket_id}", chat=ORDERING_CHAT)
    await desk.send(ORDERING_MEMBER, "已联系补送", chat=ORDERING_CHAT)
    await desk.press(RETAILER, f"my:r:{ticket_id}:5")

    assert await _edits_to(desk, DELIVERY_CHAT, moved) == []
    assert await _edits_to(desk, ORDERING_CHAT, moved)  # the new team's card goes on


async def test_an_auto_close_edits_the_new_teams_card_not_the_old_groups(desk: Harness) -> None:
    """Before: the close nobody confirmed edited every copy, the old group's too."""
    ticket_id = await _moved(desk, "transfer", delivered=True)
    await _delivered(desk)
    await desk.press(ORDERING_MEMBER, f"tk:acc:{ticket_id}", chat=ORDERING_CHAT)
    await desk.press(ORDERING_MEMBER, f"tk:res:{ticket_id}", chat=ORDERING_CHAT)
    await desk.send(ORDERING_MEMBER, "已联系补送", chat=ORDERING_CHAT)
    resolved = {r.id for r in await desk.outbox()}
    for _ in range(10):  # past the wait for the requester's word
        desk.clock.advance(days=1)
        await sweep(desk.db, desk.cfg, desk.clock())
    [ticket] = await desk.tickets()
    assert ticket.status is Status.CLOSED
    assert await _edits_to(desk, DELIVERY_CHAT, resolved) == []
    assert await _edits_to(desk, ORDERING_CHAT, resolved)


async def _moved_edits(desk: Harness) -> list[str]:
    """The states of the old group's edits saying where the ticket went."""
    return [
        r.status
        for r in await desk.outbox()
        if r.chat_id == DELIVERY_CHAT
        and r.purpose == "card_edit"
        and MOVED in str(r.payload.get("text"))
    ]


@pytest.mark.parametrize("how", ["transfer", "reassign"])
@pytest.mark.parametrize("delivered", [True, False])
async def test_the_old_groups_last_edit_still_waiting_goes_out_after_the_new_team_acts(
    desk: Harness, how: str, delivered: bool
) -> None:
    """The edit saying where the ticket went was still waiting its turn (the group's chat
    busy, the sender slow) when the new team accepted and resolved it. Before: each of
    those settled it as said again by their own edits, which the old group no longer gets,
    so its card kept 接单, 需补充 and 转派 for a ticket that was another team's."""
    ticket_id = await _moved(desk, how, delivered=delivered)
    assert await _moved_edits(desk) == ["pending"]
    await desk.press(ORDERING_MEMBER, f"tk:acc:{ticket_id}", chat=ORDERING_CHAT)
    await desk.press(ORDERING_MEMBER, f"tk:res:{ticket_id}", chat=ORDERING_CHAT)
    await desk.send(ORDERING_MEMBER, "已联系补送", chat=ORDERING_CHAT)
    await desk.press(RETAILER, f"my:r:{ticket_id}:5")
    assert await _moved_edits(desk) == ["pending"]


async def test_an_auto_close_keeps_the_old_groups_last_edit_still_waiting(desk: Harness) -> None:
    """Before: the close nobody confirmed settled it, as said again by its own edits."""
    ticket_id = await _moved(desk, "transfer", delivered=True)
    await desk.press(ORDERING_MEMBER, f"tk:acc:{ticket_id}", chat=ORDERING_CHAT)
    await desk.press(ORDERING_MEMBER, f"tk:res:{ticket_id}", chat=ORDERING_CHAT)
    await desk.send(ORDERING_MEMBER, "已联系补送", chat=ORDERING_CHAT)
    assert await _moved_edits(desk) == ["pending"]
    for _ in range(10):  # past the wait for the requester's word
        desk.clock.advance(days=1)
        await sweep(desk.db, desk.cfg, desk.clock())
    [ticket] = await desk.tickets()
    assert ticket.status is Status.CLOSED
    assert await _moved_edits(desk) == ["pending"]
