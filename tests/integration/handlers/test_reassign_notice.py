"""A supervisor's 改派 tells the team it took the ticket from, and the member who had
accepted it (who may be on the road to the barn), that it is another team's now."""

from __future__ import annotations

from core.model import Ticket
from tests.support.desk import Harness, texts
from tests.support.tickets import FARMER, MEMBER, SUPERVISOR

QINGSHAN_CHAT, BAISHI_CHAT = -1001000000001, -1001000000002
TRIAGE_CHAT = -1001000000017
NOTICE = "已由督办改派给 白石乡烘烤110服务队，本队无需再处理"


async def _notices(desk: Harness, chat: int) -> list[str]:
    return [
        r.payload["text"]
        for r in await desk.outbox()
        if r.chat_id == chat and NOTICE in r.payload.get("text", "")
    ]


async def test_the_command_tells_the_old_team_and_whoever_had_accepted(desk: Harness) -> None:
    ticket_id = await desk.file_110(FARMER)
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=QINGSHAN_CHAT)
    await desk.press(MEMBER, f"tk:vis:{ticket_id}", chat=QINGSHAN_CHAT)
    [ticket] = await desk.tickets()
    await desk.send(SUPERVISOR, f"/reassign {ticket.label} curing-baishi")
    assert len(await _notices(desk, QINGSHAN_CHAT)) == 1
    assert len(await _notices(desk, MEMBER)) == 1


async def test_the_new_teams_card_says_the_supervisor_moved_it(desk: Harness) -> None:
    """Not 由 青山镇烘烤110服务队 改派, which reads as the old team's own 转派."""
    ticket_id = await desk.file_110(FARMER)
    [ticket] = await desk.tickets()
    await desk.send(SUPERVISOR, f"/reassign {ticket.label} curing-baishi")
    await desk.press(SUPERVISOR, f"sv:reassign:{ticket_id}")
    await desk.press(SUPERVISOR, f"tk:rto:{ticket_id}:curing-qingshan")
    cards = [r for r in await desk.outbox() if r.purpose == "card"]
    [baishi] = [r.payload["text"] for r in cards if r.chat_id == BAISHI_CHAT]
    back = [r.payload["text"] for r in cards if r.chat_id == QINGSHAN_CHAT][-1]
    assert "分派依据：由督办从 青山镇烘烤110服务队 改派" in baishi
    assert "分派依据：由督办从 白石乡烘烤110服务队 改派：人工分派" in back


async def test_the_alerts_button_tells_the_old_team(desk: Harness) -> None:
    ticket_id = await desk.file_110(FARMER)
    await desk.press(SUPERVISOR, f"sv:reassign:{ticket_id}")
    await desk.press(SUPERVISOR, f"tk:rto:{ticket_id}:curing-baishi")
    assert len(await _notices(desk, QINGSHAN_CHAT)) == 1
    assert await _notices(desk, MEMBER) == []  # nobody had accepted it


async def test_the_triage_desks_own_dispatch_tells_nobody_it_moved_away(desk: Harness) -> None:
    await desk.send(FARMER, "我想问个事情")
    await desk.press(FARMER, "f:ok")
    [ticket] = await desk.tickets()
    assert ticket.team_id == "triage"
    await desk.press(SUPERVISOR, f"tk:rto:{ticket.id}:curing-baishi", chat=TRIAGE_CHAT)
    [moved] = await desk.tickets()
    assert moved.team_id == "curing-baishi"
    assert await _notices(desk, TRIAGE_CHAT) == []  # the desk moved it itself


async def _transfer_opened_at_the_desk(desk: Harness) -> Ticket:
    """A farmer's request the router could not place, at the triage desk, where a supervisor
    has pressed 转派 and has the list of teams."""
    await desk.send(FARMER, "我想问个事情")
    await desk.press(FARMER, "f:ok")
    [ticket] = await desk.tickets()
    await desk.press(SUPERVISOR, f"tk:xfer:{ticket.id}", chat=TRIAGE_CHAT)
    return ticket


async def test_the_desks_older_transfer_list_does_not_move_a_ticket_another_moved_on(
    desk: Harness,
) -> None:
    # At the triage desk a supervisor opens 转派's list; another sends the ticket on with
    # /reassign. The list's buttons no longer belong to the desk: pressed, they would send
    # it on again as the new team's own 转派, unknown to that team.
    ticket = await _transfer_opened_at_the_desk(desk)
    await desk.send(SUPERVISOR, f"/reassign {ticket.label} curing-baishi")

    out = await desk.press(SUPERVISOR, f"tk:xto:{ticket.id}:monopoly", chat=TRIAGE_CHAT)
    await desk.send(SUPERVISOR, "我来转", chat=TRIAGE_CHAT)

    told = (
        f"工单 {ticket.label} 现由白石乡烘烤110服务队办理，这张卡片已不能再操作；"
        f"要催办或改派，请发 /ticket {ticket.label}。"
    )
    assert out.toast == told
    [still] = await desk.tickets()
    assert still.team_id == "curing-baishi"


async def test_a_ticket_moved_on_while_the_desk_types_its_reason_is_not_moved_again(
    desk: Harness,
) -> None:
    # The desk picks 专卖管理所 and is typing why; another supervisor sends the ticket to
    # 白石乡 with /reassign meanwhile. The reason, when it comes, moves nothing: sent on, it
    # would read as 白石乡's own 转派, unknown to that team.
    ticket = await _transfer_opened_at_the_desk(desk)
    await desk.press(SUPERVISOR, f"tk:xto:{ticket.id}:monopoly", chat=TRIAGE_CHAT)
    await desk.send(SUPERVISOR, f"/reassign {ticket.label} curing-baishi")

    out = await desk.send(SUPERVISOR, "我来转", chat=TRIAGE_CHAT)

    assert f"工单 {ticket.label} 现由白石乡烘烤110服务队办理" in texts(out)
    [still] = await desk.tickets()
    assert still.team_id == "curing-baishi"
