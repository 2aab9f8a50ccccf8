"""A supervisor or team member who chose 繁體 with /lang is answered in 繁體 in a private
chat, team names included, when they reassign (改派), dispatch from the triage card (派给)
or transfer a ticket; the same presses in a team's group are answered in 简体, which the
whole team reads. Button data never changes."""

from __future__ import annotations

from handlers.replies import Outcome
from tests.support.desk import Harness, button_data, texts
from tests.support.tickets import FARMER, LEADER, MEMBER, SUPERVISOR

RETAILER = 100002
TEAM_CHAT = -1001000000001
TRIAGE_CHAT = -1001000000017


async def _chooses_traditional(desk: Harness, user: int) -> None:
    await desk.send(user, "/lang")
    await desk.press(user, "lang:hant")


def button_texts(outcome: Outcome) -> list[str]:
    return [b.text for r in outcome.replies for row in r.buttons for b in row]


async def test_a_supervisor_in_traditional_reassigns_in_traditional(desk: Harness) -> None:
    ticket_id = await desk.file_110(FARMER)
    [ticket] = await desk.tickets()
    await _chooses_traditional(desk, SUPERVISOR)
    out = await desk.press(SUPERVISOR, f"sv:reassign:{ticket_id}")
    assert f"工單 {ticket.label} 改派給：" in texts(out)
    assert "白石鄉烘烤110服務隊" in button_texts(out) and "督辦分派臺" in button_texts(out)
    assert f"tk:rea:{ticket_id}:curing-baishi" in button_data(out)
    out = await desk.press(SUPERVISOR, f"tk:rea:{ticket_id}:triage")
    assert out.toast == f"工單 {ticket.label} 已改派給 督辦分派臺。"


async def test_dispatching_from_the_triage_card_is_told_in_the_pressers_script(
    desk: Harness,
) -> None:
    ticket = await desk.file_request(RETAILER, "那个事情到底怎么办，上次说的还没弄")
    assert ticket.line == "triage"
    await _chooses_traditional(desk, SUPERVISOR)
    out = await desk.press(SUPERVISOR, f"tk:rto:{ticket.id}:staff", chat=TRIAGE_CHAT)
    assert out.toast == f"工單 {ticket.label} 已改派給 工會職工服務站。"


async def test_a_leader_in_traditional_transfers_in_traditional_in_private_only(
    desk: Harness,
) -> None:
    ticket_id = await desk.file_110(FARMER)
    [ticket] = await desk.tickets()
    await _chooses_traditional(desk, LEADER)
    await _chooses_traditional(desk, MEMBER)
    out = await desk.press(LEADER, f"tk:xfer:{ticket_id}")
    assert f"工單 {ticket.label}：轉給哪個服務隊？" in texts(out)
    assert "白石鄉烘烤110服務隊" in button_texts(out)
    out = await desk.press(LEADER, f"tk:xto:{ticket_id}:curing-baishi")
    assert f"工單 {ticket.label} 轉給 白石鄉烘烤110服務隊：請說明轉派原因" in texts(out)
    await desk.send(LEADER, "/cancel")
    # In the team's group everyone reads Simplified, whoever pressed.
    out = await desk.press(MEMBER, f"tk:xfer:{ticket_id}", chat=TEAM_CHAT)
    assert f"工单 {ticket.label}：转给哪个服务队？" in texts(out)
    assert "白石乡烘烤110服务队" in button_texts(out)


async def test_a_reason_refused_in_the_group_is_quoted_back_in_simplified_alone(
    desk: Harness,
) -> None:
    # Before, the group read 您写的轉派原因没有记入工单: the note's name in the member's 繁體.
    ticket_id = await desk.file_110(FARMER)
    await _chooses_traditional(desk, MEMBER)
    await desk.press(MEMBER, f"tk:xfer:{ticket_id}", chat=TEAM_CHAT)
    await desk.press(MEMBER, f"tk:xto:{ticket_id}:curing-baishi", chat=TEAM_CHAT)
    await desk.press(SUPERVISOR, f"sv:reassign:{ticket_id}")
    await desk.press(SUPERVISOR, f"tk:rea:{ticket_id}:triage")
    out = await desk.send(MEMBER, "離這邊太遠了", chat=TEAM_CHAT)
    assert "您写的转派原因没有记入工单" in texts(out), texts(out)
