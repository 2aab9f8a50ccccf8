"""A staff member's request that reaches the staff line by hand (the triage desk's 转派, a
supervisor's /reassign) goes on the wish list (心愿清单), as it would had the router sent
it there at once; anyone else's stays a request."""

from __future__ import annotations

import io

from openpyxl import load_workbook

from bot.reports_port import Reports
from core.enums import Kind
from core.model import Ticket
from tests.support.desk import Harness, texts
from tests.support.tickets import FARMER, SUPERVISOR

STAFF = 100003
TRIAGE_CHAT = -1001000000017
STAFF_TEAM_CHAT = -1001000000015


async def _register_staff(desk: Harness) -> None:
    await desk.send(STAFF, "/start")
    await desk.press(STAFF, "f:kind:staff")
    await desk.send(STAFF, "王建國")
    await desk.send(STAFF, "跳過")
    await desk.press(STAFF, "f:skip")


async def _at_triage(desk: Harness, user: int, text: str) -> Ticket:
    """`user` types `text`, which no keyword places, and submits it: the triage desk has it."""
    await desk.send(user, text)
    await desk.press(user, "f:ok")
    ticket = (await desk.tickets())[-1]
    assert ticket.id is not None and ticket.team_id == "triage" and ticket.kind is Kind.REQUEST
    return ticket


async def _transfer_to_staff_line(desk: Harness, ticket: Ticket) -> None:
    await desk.press(SUPERVISOR, f"tk:xfer:{ticket.id}", chat=TRIAGE_CHAT)
    await desk.press(SUPERVISOR, f"tk:xto:{ticket.id}:staff", chat=TRIAGE_CHAT)
    await desk.send(SUPERVISOR, "属于职工诉求", chat=TRIAGE_CHAT)


async def _events(desk: Harness, ticket_id: int) -> list[str]:
    async with desk.db.uow(read_only=True) as uow:
        return [e.action for e in await uow.tickets.events(ticket_id)]


async def test_a_staff_request_the_triage_desk_sends_to_the_staff_line_is_a_wish(
    desk: Harness,
) -> None:
    await _register_staff(desk)
    ticket = await _at_triage(desk, STAFF, "希望籃球場晚上開燈")
    await _transfer_to_staff_line(desk, ticket)
    [moved] = await desk.tickets()
    assert (moved.kind, moved.team_id) == (Kind.WISH, "staff")
    assert (await _events(desk, moved.id or 0))[-1] == "wish_list"  # the change is on record
    cards = [r for r in await desk.outbox() if r.chat_id == STAFF_TEAM_CHAT and r.purpose == "card"]
    assert cards[-1].payload["text"].startswith(f"工单 {moved.label}｜心愿｜")
    # The staff member sees it as the wish it now is, in their script.
    out = await desk.press(STAFF, f"my:v:{moved.id}")
    assert f"工單 {moved.label}｜心願｜" in texts(out) and "記入心願清單" in texts(out)
    # And the union's wish list counts it.
    desk.desk.svc.reports = Reports(desk.db, desk.cfg)
    document = (await desk.send(SUPERVISOR, "/ledger today")).replies[0].document
    assert document is not None
    wishes = load_workbook(io.BytesIO(document[1]))["心愿清单"]
    assert wishes["E3"].value == "希望籃球場晚上開燈"
    assert (wishes["A5"].value, wishes["B5"].value) == ("完成进度", "0/1（0%）")


async def test_a_staff_request_a_supervisor_reassigns_to_the_staff_line_is_a_wish(
    desk: Harness,
) -> None:
    await _register_staff(desk)
    ticket = await _at_triage(desk, STAFF, "希望篮球场晚上开灯")
    out = await desk.send(SUPERVISOR, f"/reassign {ticket.label} staff")
    assert "工会职工服务站" in texts(out)
    [moved] = await desk.tickets()
    assert moved.kind is Kind.WISH
    assert (await _events(desk, moved.id or 0))[-2:] == ["reassign", "wish_list"]


async def test_a_farmers_request_sent_to_the_staff_line_stays_a_request(desk: Harness) -> None:
    ticket = await _at_triage(desk, FARMER, "希望篮球场晚上开灯")
    await _transfer_to_staff_line(desk, ticket)
    [moved] = await desk.tickets()
    assert (moved.kind, moved.team_id) == (Kind.REQUEST, "staff")
    assert "wish_list" not in await _events(desk, moved.id or 0)
