"""The ladder's reminders and alerts about a ticket waiting at the triage desk (督办分派台)
ask for what the desk does there, sending it to a team, with its card's 派给 and 转派,
not for 接单; and what they offer works from them."""

from __future__ import annotations

from datetime import timedelta

from core.enums import Status
from core.lifecycle import LEADER_ACCEPT_PROMPT, OVERSIGHT_ACCEPT_PROMPT, REMIND_ACCEPT_PROMPT
from core.model import OutboxMessage
from scheduler.sweep import sweep
from tests.support.desk import Harness

RETAILER = 100002
TRIAGE_CHAT = -1001000000017
MONOPOLY_CHAT = -1001000000012
# Words the router cannot place: the card offers its two candidates (许可证, 送货).
UNPLACED = "烟的那个事情怎么说，上次说的许可还有送货"


async def _after(desk: Harness, hours: float) -> None:
    desk.clock.advance(hours=hours)
    await sweep(desk.db, desk.cfg, desk.clock())


def _data(row: OutboxMessage) -> list[str]:
    return [b["data"] for line in row.payload.get("buttons", []) for b in line]


async def test_the_triage_desks_reminders_ask_it_to_dispatch_not_to_accept(desk: Harness) -> None:
    ticket = await desk.file_request(RETAILER, UNPLACED)
    assert ticket.line == "triage"
    tid = ticket.id
    await _after(desk, 1)  # past its 接单时限: the desk is reminded
    await _after(desk, 1)  # an hour more: its leader is alerted
    await _after(desk, 4)  # and the supervisors' 超时督办
    ladder = {
        r.purpose: r
        for r in await desk.outbox()
        if r.purpose in (REMIND_ACCEPT_PROMPT, LEADER_ACCEPT_PROMPT, OVERSIGHT_ACCEPT_PROMPT)
    }
    reminder, alert = ladder[REMIND_ACCEPT_PROMPT], ladder[LEADER_ACCEPT_PROMPT]
    assert reminder.chat_id == TRIAGE_CHAT
    dispatch = [f"tk:rto:{tid}:monopoly", f"tk:rto:{tid}:delivery", f"tk:xfer:{tid}"]
    assert _data(reminder) == dispatch
    assert _data(alert) == [*dispatch, f"tk:nudge:{tid}"]
    for row in ladder.values():
        text = str(row.payload["text"]).split("\n")[0]
        assert "接单，" not in text and "请尽快接单" not in text and "仍未接单" not in text
        assert "分派" in text
        assert f"tk:acc:{tid}" not in _data(row)
    assert "请尽快派给对应的服务队" in str(reminder.payload["text"])
    # The reminder's 派给, pressed in the desk's chat, sends it there.
    await desk.press(300001, f"tk:rto:{tid}:monopoly", chat=TRIAGE_CHAT)
    [moved] = await desk.tickets()
    assert moved.team_id == "monopoly" and moved.status is Status.DISPATCHED


async def test_a_team_s_reminders_still_ask_it_to_accept(desk: Harness) -> None:
    ticket = await desk.file_request(RETAILER, "我的烟草专卖零售许可证快到期了，怎么延续")
    assert ticket.team_id == "monopoly"
    desk.clock.advance(hours=8)
    await sweep(desk.db, desk.cfg, desk.clock() + timedelta(minutes=1))
    [reminder] = [r for r in await desk.outbox() if r.purpose == REMIND_ACCEPT_PROMPT]
    assert reminder.chat_id == MONOPOLY_CHAT
    assert _data(reminder) == [f"tk:acc:{ticket.id}"]
    assert "请尽快接单" in str(reminder.payload["text"])


async def test_a_supervisors_nudge_to_the_triage_desk_offers_its_dispatch(desk: Harness) -> None:
    ticket = await desk.file_request(RETAILER, UNPLACED)
    tid = ticket.id
    await desk.press(300001, f"sv:remind:{tid}")
    [page] = [r for r in await desk.outbox() if "督办提醒" in str(r.payload.get("text"))]
    assert page.chat_id == TRIAGE_CHAT
    assert _data(page) == [f"tk:rto:{tid}:monopoly", f"tk:rto:{tid}:delivery", f"tk:xfer:{tid}"]


async def test_a_nudge_to_the_desk_about_a_request_it_asked_about_still_offers_dispatch(
    desk: Harness,
) -> None:
    """需补充 at the desk before sending it on: the 催办 still asks it to dispatch."""
    ticket = await desk.file_request(RETAILER, UNPLACED)
    tid = ticket.id
    await desk.press(300001, f"tk:ask:{tid}", chat=TRIAGE_CHAT)
    await desk.send(300001, "请问是许可证的事还是送货的事？", chat=TRIAGE_CHAT)
    [asked] = await desk.tickets()
    assert asked.status is Status.WAITING_REQUESTER
    await desk.press(300001, f"sv:remind:{tid}")
    [page] = [r for r in await desk.outbox() if "督办提醒" in str(r.payload.get("text"))]
    assert _data(page) == [f"tk:rto:{tid}:monopoly", f"tk:rto:{tid}:delivery", f"tk:xfer:{tid}"]


async def test_a_stale_dispatch_on_the_desks_alert_moves_nothing_another_team_took(
    desk: Harness,
) -> None:
    ticket = await desk.file_request(RETAILER, UNPLACED)
    tid = ticket.id
    await _after(desk, 1)  # the desk reminded
    await _after(desk, 1)  # its leader alerted, in their own chat
    [alert] = [r for r in await desk.outbox() if r.purpose == LEADER_ACCEPT_PROMPT]
    assert alert.chat_id == 300001 and f"tk:rto:{tid}:delivery" in _data(alert)
    await desk.press(300001, f"tk:rto:{tid}:monopoly", chat=TRIAGE_CHAT)  # the card's
    await desk.press(200051, f"tk:acc:{tid}", chat=MONOPOLY_CHAT)  # 专卖管理所 takes it
    told = len([r for r in await desk.outbox() if r.chat_id == RETAILER])
    out = await desk.press(300001, f"tk:rto:{tid}:delivery")  # the alert's, in private
    [after] = await desk.tickets()
    assert (after.team_id, after.status, after.accepted_by) == ("monopoly", Status.ACCEPTED, 200051)
    assert "现由专卖管理所办理" in (out.toast or "")
    assert len([r for r in await desk.outbox() if r.chat_id == RETAILER]) == told


async def test_a_stale_transfer_on_a_nudge_to_the_desk_moves_nothing_another_team_took(
    desk: Harness,
) -> None:
    ticket = await desk.file_request(RETAILER, UNPLACED)
    tid = ticket.id
    assert tid is not None
    await desk.press(300001, f"sv:remind:{tid}")  # 催办: the desk is paged, its 转派 on it
    await desk.press(300001, f"tk:rto:{tid}:monopoly", chat=TRIAGE_CHAT)
    await desk.press(200051, f"tk:acc:{tid}", chat=MONOPOLY_CHAT)
    for press in (f"tk:xfer:{tid}", f"tk:xto:{tid}:delivery", f"tk:rto:{tid}:delivery"):
        out = await desk.press(300001, press)  # the page's, in private
        assert "现由专卖管理所办理" in (out.toast or ""), press
    [after] = await desk.tickets()
    assert (after.team_id, after.status, after.accepted_by) == ("monopoly", Status.ACCEPTED, 200051)
    async with desk.db.uow(read_only=True) as uow:
        moves = [e.action for e in await uow.tickets.events(tid) if e.action == "transfer"]
    assert moves == []


async def test_a_supervisors_reassign_list_still_moves_a_ticket_the_desk_sent_on(
    desk: Harness,
) -> None:
    ticket = await desk.file_request(RETAILER, UNPLACED)
    tid = ticket.id
    await desk.press(300001, f"tk:rto:{tid}:monopoly", chat=TRIAGE_CHAT)
    await desk.press(200051, f"tk:acc:{tid}", chat=MONOPOLY_CHAT)
    out = await desk.press(300001, f"sv:reassign:{tid}")
    picks = [b.data for reply in out.replies for line in reply.buttons for b in line]
    assert f"tk:rea:{tid}:delivery" in picks
    await desk.press(300001, f"tk:rea:{tid}:delivery")
    [after] = await desk.tickets()
    assert (after.team_id, after.status) == ("delivery", Status.DISPATCHED)


async def test_an_older_reassign_list_refused_tells_the_supervisor_how_to_reassign(
    desk: Harness,
) -> None:
    """A 改派 list from before it had its own data reads as the desk's 派给 of a ticket that
    has left it, and moves nothing; the supervisor is told how to 改派 now (/ticket), not
    that their team can no longer act on it."""
    ticket = await desk.file_request(RETAILER, UNPLACED)
    tid = ticket.id
    await desk.press(300001, f"tk:rto:{tid}:monopoly", chat=TRIAGE_CHAT)
    await desk.press(200051, f"tk:acc:{tid}", chat=MONOPOLY_CHAT)
    out = await desk.press(300001, f"tk:rto:{tid}:delivery")
    assert f"要催办或改派，请发 /ticket {ticket.label}" in (out.toast or "")
    [after] = await desk.tickets()
    assert (after.team_id, after.status) == ("monopoly", Status.ACCEPTED)


async def test_ticket_asked_at_the_desk_after_it_left_points_to_the_private_chat(
    desk: Harness,
) -> None:
    """The desk's old card sends the supervisor to /ticket; typed there, in the desk's
    group, it says where the ticket is shown, not that there is no such ticket."""
    ticket = await desk.file_request(RETAILER, UNPLACED)
    await desk.press(300001, f"tk:rto:{ticket.id}:monopoly", chat=TRIAGE_CHAT)
    out = await desk.send(300001, f"/ticket {ticket.label}", chat=TRIAGE_CHAT)
    told = " ".join(r.text for r in out.replies)
    assert "找不到" not in told
    assert f"请在与机器人的私聊里发 /ticket {ticket.label}" in told
    assert "李小梅" not in told and UNPLACED not in told  # the group is shown nothing of it
    private = await desk.send(300001, f"/ticket {ticket.label}")
    assert UNPLACED in private.replies[0].text  # there it is shown


async def test_ticket_of_another_team_in_a_group_is_still_not_found_for_an_outsider(
    desk: Harness,
) -> None:
    """A member of the team whose group it is asks about a ticket that was never theirs:
    nothing to see anywhere, so nothing to point to."""
    ticket = await desk.file_request(RETAILER, UNPLACED)
    await desk.press(300001, f"tk:rto:{ticket.id}:delivery", chat=TRIAGE_CHAT)
    out = await desk.send(200051, f"/ticket {ticket.label}", chat=MONOPOLY_CHAT)
    assert [r.text for r in out.replies] == ["找不到这个工单，或您无权操作。"]
