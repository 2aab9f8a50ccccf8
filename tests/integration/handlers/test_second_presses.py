"""A button pressed twice, a card pressed where the ticket is no longer worked on, a ticket
back with its team after a reopen, and notices after /lang: nothing twice, one live card,
the requester's own script."""

from __future__ import annotations

import pytest
from sqlalchemy import update

from core.enums import Status
from core.model import TicketMessage
from storage.tables import outbox
from tests.support.desk import Harness, button_data, texts
from tests.support.tickets import FARMER, LEADER, MEMBER, OTHER_MEMBER, SUPERVISOR

RETAILER = 100002
TEAM_CHAT = -1001000000001
TRIAGE_CHAT = -1001000000017
MONOPOLY_CHAT = -1001000000012


async def _triage_ticket(desk: Harness) -> int:
    ticket = await desk.file_request(RETAILER, "那个事情到底怎么办，上次说的还没弄")
    assert ticket.id is not None and ticket.line == "triage"
    return ticket.id


async def test_sending_a_ticket_to_a_team_twice_sends_it_once(desk: Harness) -> None:
    ticket_id = await _triage_ticket(desk)
    await desk.press(SUPERVISOR, f"tk:rto:{ticket_id}:monopoly", chat=TRIAGE_CHAT)
    out = await desk.press(SUPERVISOR, f"tk:rto:{ticket_id}:monopoly", chat=TRIAGE_CHAT)
    assert out.toast is not None and "无需改派" in out.toast
    async with desk.db.uow(read_only=True) as uow:
        events = [e.action for e in await uow.tickets.events(ticket_id)]
    assert events.count("reassign") == 1
    rows = await desk.outbox()
    assert len([r for r in rows if r.purpose == "card" and r.chat_id == MONOPOLY_CHAT]) == 1
    told = [r for r in rows if r.chat_id == RETAILER and "已转给" in str(r.payload.get("text"))]
    assert len(told) == 1


async def test_the_pressed_card_of_a_ticket_sent_elsewhere_loses_its_buttons(
    desk: Harness,
) -> None:
    ticket_id = await _triage_ticket(desk)
    out = await desk.press(SUPERVISOR, f"tk:rto:{ticket_id}:monopoly", chat=TRIAGE_CHAT)
    [edit] = [r for r in out.replies if r.edit]
    assert "专卖管理所" in edit.text and not edit.buttons


async def test_accepting_twice_says_the_ticket_is_already_yours(desk: Harness) -> None:
    ticket_id = await desk.file_110(FARMER)
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)
    out = await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)
    assert out.toast is not None and "已由您接单" in out.toast and "手慢" not in out.toast


async def test_notices_follow_the_script_chosen_after_filing(desk: Harness) -> None:
    ticket = await desk.file_request(RETAILER, "我想把許可證上的經營地址變更一下")
    await desk.send(RETAILER, "/lang")
    await desk.press(RETAILER, "lang:hans")
    await desk.press(200051, f"tk:acc:{ticket.id}", chat=MONOPOLY_CHAT)
    [notice] = [
        r for r in await desk.outbox() if r.chat_id == RETAILER and r.method == "send_message"
    ]
    assert "工单" in notice.payload["text"] and "工單" not in notice.payload["text"]


async def _cards_sent(desk: Harness, ticket_id: int, first_id: int) -> list[int]:
    """The sender delivers the ticket's waiting cards to the team chat (ids from first_id)."""
    ids = []
    async with desk.db.uow() as uow:
        for number, row in enumerate(
            r for r in await desk.outbox() if r.purpose == "card" and r.status == "pending"
        ):
            if row.chat_id == TEAM_CHAT:
                ids.append(first_id + number)
                card = TicketMessage(ticket_id, TEAM_CHAT, ids[-1], "card", desk.clock())
                await uow.ticket_messages.add(card)
        await uow.commit()
    async with desk.db.engine.begin() as conn:
        await conn.execute(update(outbox).where(outbox.c.purpose == "card").values(status="sent"))
    return ids


async def _reopened(desk: Harness) -> tuple[int, int, int]:
    """A 110 call resolved on its card, then reopened by the farmer: the ticket's id, the
    first card's message id and the second's (the one posted after the reopen)."""
    ticket_id = await desk.file_110(FARMER)
    [first] = await _cards_sent(desk, ticket_id, 700)
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT, message_id=first)
    await desk.press(MEMBER, f"tk:res:{ticket_id}", chat=TEAM_CHAT, message_id=first)
    await desk.send(MEMBER, "已电话指导：湿球温度控制在36-37度", chat=TEAM_CHAT)
    await desk.press(FARMER, f"my:bad:{ticket_id}")
    await desk.send(FARMER, "还是不行，温度上不去")
    [ticket] = await desk.tickets()
    assert ticket.status is Status.DISPATCHED
    [second] = await _cards_sent(desk, ticket_id, 800)
    return ticket_id, first, second


async def test_a_reopened_ticket_has_one_live_card_in_the_team_chat(desk: Harness) -> None:
    ticket_id, first, second = await _reopened(desk)
    before = {r.id for r in await desk.outbox()}
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT, message_id=second)
    edits = [r for r in await desk.outbox() if r.id not in before and r.purpose == "card_edit"]
    # The pressed copy is edited by the step itself; the old one keeps showing 已办结.
    assert all(r.payload.get("message_id") != first for r in edits)


async def test_a_transferred_tickets_card_says_where_it_came_from_and_why(
    desk: Harness,
) -> None:
    ticket = await desk.file_request(RETAILER, "我想办理烟草专卖零售许可证延续，需要带什么材料")
    await desk.press(200051, f"tk:xfer:{ticket.id}", chat=MONOPOLY_CHAT)
    await desk.press(200051, f"tk:xto:{ticket.id}:ordering", chat=MONOPOLY_CHAT)
    await desk.send(200051, "客户经理负责许可证延续的材料准备", chat=MONOPOLY_CHAT)
    [moved] = await desk.tickets()
    assert moved.team_id == "ordering"
    [card] = [r for r in await desk.outbox() if r.purpose == "card" and r.chat_id == -1001000000013]
    assert "分派依据：由 专卖管理所 转派：客户经理负责许可证延续的材料准备" in card.payload["text"]
    async with desk.db.uow(read_only=True) as uow:
        [placed] = [e for e in await uow.tickets.events(moved.id or 0) if e.action == "dispatch"]
    assert "许可证" in str(placed.data["why"])  # how the router placed it is kept


@pytest.mark.parametrize("verb", ["ask", "res", "xfer", "xto"])
async def test_a_note_button_of_a_resolved_ticket_says_so_before_asking_for_the_note(
    desk: Harness, verb: str
) -> None:
    ticket_id = await desk.resolved_110(FARMER, MEMBER, TEAM_CHAT)
    data = f"tk:{verb}:{ticket_id}" + (":curing-baishi" if verb == "xto" else "")
    out = await desk.press(OTHER_MEMBER, data, chat=TEAM_CHAT)
    # Nothing to type for: the member is told at once, not after writing the note.
    assert out.toast is not None and "已办结" in out.toast
    assert all(reply.edit and not reply.buttons for reply in out.replies)  # the copy, refreshed
    out = await desk.send(OTHER_MEMBER, "风机电容换过了，再看看", chat=TEAM_CHAT)
    assert not out.replies and out.toast is None
    [ticket] = await desk.tickets()
    assert ticket.status is Status.RESOLVED and ticket.team_id == "curing-qingshan"


async def test_a_ticket_sent_back_to_a_team_has_one_card_with_buttons_there(
    desk: Harness,
) -> None:
    ticket_id = await desk.file_110(FARMER)
    [ticket] = await desk.tickets()
    await _cards_sent(desk, ticket_id, 700)
    await desk.send(SUPERVISOR, f"/reassign {ticket.number} curing-baishi")
    await _cards_sent(desk, ticket_id, 800)
    before = {r.id for r in await desk.outbox()}
    await desk.send(SUPERVISOR, f"/reassign {ticket.number} curing-qingshan")
    new = [r for r in await desk.outbox() if r.id not in before and r.chat_id == TEAM_CHAT]
    live = [r for r in new if r.payload.get("buttons")]
    # The fresh card is the live one; the old copy shows the state without buttons.
    assert [r.method for r in live] == ["send_message"]
    [moved] = await desk.tickets()
    assert moved.team_id == "curing-qingshan"


@pytest.mark.parametrize("member", [MEMBER, OTHER_MEMBER])
async def test_accept_on_an_old_copy_of_a_crossed_off_ticket_says_it_is_crossed_off(
    desk: Harness, member: int
) -> None:
    """Not "已由您接单，不用再点" (or that someone else took it): the work is over."""
    ticket_id = await desk.resolved_110(FARMER, MEMBER, TEAM_CHAT)
    await desk.send(FARMER, "5")
    out = await desk.press(member, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)
    assert out.toast == "工单当前状态（已销号）不能这样操作。"


def _summary_buttons(data: list[str]) -> dict[str, str]:
    """The summary's buttons by what they do (f:ok, f:edit, ...), with the draft id each
    carries."""
    return {d.rsplit(":", 1)[0]: d for d in data if d.startswith("f:")}


@pytest.mark.parametrize("pressed", ["f:ok", "f:edit", "f:no"])
async def test_a_summary_pressed_after_it_was_filed_names_the_ticket_not_a_stale_button(
    desk: Harness, pressed: str
) -> None:
    out = await desk.send(RETAILER, "卷烟订货系统登录不了")
    buttons = _summary_buttons(button_data(out))
    await desk.press(RETAILER, buttons["f:ok"])
    [ticket] = await desk.tickets()
    out = await desk.press(RETAILER, buttons[pressed])
    assert "已经提交过了" in texts(out) and ticket.label in texts(out) and "/my" in texts(out)
    assert "已失效" not in texts(out)
    assert len(await desk.tickets()) == 1


async def test_a_summary_submitted_by_typing_is_named_when_its_button_is_pressed(
    desk: Harness,
) -> None:
    buttons = _summary_buttons(button_data(await desk.send(RETAILER, "卷烟订货系统登录不了")))
    await desk.send(RETAILER, "提交")
    [ticket] = await desk.tickets()
    out = await desk.press(RETAILER, buttons["f:ok"])
    assert "已经提交过了" in texts(out) and ticket.label in texts(out)


async def test_a_summary_pressed_after_cancel_is_stale_even_with_a_ticket_filed_since(
    desk: Harness,
) -> None:
    buttons = _summary_buttons(button_data(await desk.send(RETAILER, "卷烟订货系统登录不了")))
    await desk.send(RETAILER, "/cancel")
    desk.clock.advance(seconds=30)
    await desk.file_request(RETAILER, "今天送货少了两条烟")  # another draft, filed
    out = await desk.press(RETAILER, buttons["f:ok"])
    assert "已失效" in texts(out) and "已经提交过了" not in texts(out)
    assert len(await desk.tickets()) == 1


async def test_an_old_summary_pressed_during_a_new_draft_names_its_own_ticket(
    desk: Harness,
) -> None:
    first = _summary_buttons(button_data(await desk.send(RETAILER, "卷烟订货系统登录不了")))
    await desk.press(RETAILER, first["f:ok"])
    [ticket] = await desk.tickets()
    desk.clock.advance(seconds=30)
    await desk.send(RETAILER, "今天送货少了两条烟")  # a new draft, at its summary
    out = await desk.press(RETAILER, first["f:ok"])
    assert "已经提交过了" in texts(out) and ticket.label in texts(out)
    assert len(await desk.tickets()) == 1  # the new draft is not filed by the old button


async def test_a_reopened_tickets_old_card_pressed_does_not_come_back_to_life(
    desk: Harness,
) -> None:
    ticket_id, first, second = await _reopened(desk)
    before = {r.id for r in await desk.outbox()}
    # 接单 on the first card, from before the reopen: it acts on the ticket, ...
    out = await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT, message_id=first)
    [ticket] = await desk.tickets()
    assert ticket.status is Status.ACCEPTED
    # ... the old card shows it without buttons, and the new card is the live one.
    [shown] = [r for r in out.replies if r.edit]
    assert shown.buttons == ()
    edits = [r for r in await desk.outbox() if r.id not in before and r.purpose == "card_edit"]
    [live] = [r for r in edits if r.payload.get("message_id") == second]
    assert "上门" in str(live.payload.get("buttons"))


async def test_next_pressed_twice_shows_the_summary_again_not_a_stale_button(
    desk: Harness,
) -> None:
    await desk.send(RETAILER, "/new")
    await desk.send(RETAILER, "中华断货好几天了")
    first = await desk.press(RETAILER, "f:next")
    again = await desk.press(RETAILER, "f:next")
    assert "已失效" not in texts(again)
    assert texts(again) == texts(first) and "中华断货好几天了" in texts(again)
    assert await desk.tickets() == []


async def test_two_members_resolving_at_once_the_later_learns_what_the_first_wrote(
    desk: Harness,
) -> None:
    ticket_id = await desk.file_110(FARMER)
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)
    await desk.press(MEMBER, f"tk:res:{ticket_id}", chat=TEAM_CHAT)
    await desk.press(OTHER_MEMBER, f"tk:res:{ticket_id}", chat=TEAM_CHAT)
    await desk.send(MEMBER, "换了风机电容", chat=TEAM_CHAT)
    out = await desk.send(OTHER_MEMBER, "温控仪重新设定", chat=TEAM_CHAT)
    assert "刚由" in texts(out) and "换了风机电容" in texts(out) and "没有记入" in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.resolution_note == "换了风机电容" and ticket.resolved_by == MEMBER


async def test_two_members_asking_at_once_the_later_learns_the_question_already_asked(
    desk: Harness,
) -> None:
    ticket_id = await desk.file_110(FARMER)
    await desk.press(MEMBER, f"tk:ask:{ticket_id}", chat=TEAM_CHAT)
    await desk.press(OTHER_MEMBER, f"tk:ask:{ticket_id}", chat=TEAM_CHAT)
    await desk.send(MEMBER, "是哪一间烤房？", chat=TEAM_CHAT)
    out = await desk.send(OTHER_MEMBER, "电话多少？", chat=TEAM_CHAT)
    assert "是哪一间烤房？" in texts(out) and "没有发出" in texts(out)
    asked = [r for r in await desk.outbox() if r.chat_id == FARMER and "电话多少" in str(r.payload)]
    assert asked == []


@pytest.mark.parametrize(
    ("presses", "went_nowhere"),
    [(["tk:ask:{id}"], "没有发给报告人"), (["tk:xfer:{id}", "tk:xto:{id}:growing"], "没有转派")],
)
async def test_a_note_typed_after_a_colleague_resolved_says_who_did_and_that_it_went_nowhere(
    desk: Harness, presses: list[str], went_nowhere: str
) -> None:
    ticket_id = await desk.file_110(FARMER)
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)
    for press in presses:  # 需补充, or 转派 and the team: the prompt for the note
        await desk.press(OTHER_MEMBER, press.format(id=ticket_id), chat=TEAM_CHAT)
    await desk.press(MEMBER, f"tk:res:{ticket_id}", chat=TEAM_CHAT)
    await desk.send(MEMBER, "换了风机电容", chat=TEAM_CHAT)
    out = await desk.send(OTHER_MEMBER, "电话多少？", chat=TEAM_CHAT)
    # Not the bare status (工单当前状态（已办结待确认）不能这样操作): who resolved it, how, and
    # that the question was not sent to the farmer, nor the ticket to another team.
    assert "刚由" in texts(out) and "换了风机电容" in texts(out) and went_nowhere in texts(out)
    asked = [r for r in await desk.outbox() if r.chat_id == FARMER and "电话多少" in str(r.payload)]
    assert asked == []
    [ticket] = await desk.tickets()
    assert ticket.team_id == "curing-qingshan"


@pytest.mark.parametrize("member", [MEMBER, OTHER_MEMBER])
async def test_resolve_pressed_again_on_a_resolved_ticket_says_it_is_resolved(
    desk: Harness, member: int
) -> None:
    """Not the status-name refusal (当前状态（已办结待确认）不能这样操作): what is done, and
    what it waits for."""
    ticket_id = await desk.resolved_110(FARMER, MEMBER, TEAM_CHAT)
    out = await desk.press(member, f"tk:res:{ticket_id}", chat=TEAM_CHAT)
    assert out.toast is not None and "已办结，等待报告人确认" in out.toast
    assert "不能这样操作" not in out.toast
    [ticket] = await desk.tickets()
    assert ticket.status is Status.RESOLVED


@pytest.mark.parametrize("verb", ["acc", "vis", "ask", "xfer", "xto"])
async def test_a_press_on_a_resolved_ticket_says_who_resolved_it_and_what_is_left(
    desk: Harness, verb: str
) -> None:
    """上门, 需补充, 转派 on the card of a ticket a colleague resolved: not the status-name
    refusal (工单当前状态（已办结待确认）不能这样操作), but that it is resolved, by whom and
    when, and what may still come of it (the requester's word, and the ticket back if not
    mended)."""
    ticket_id = await desk.resolved_110(FARMER, MEMBER, TEAM_CHAT)
    data = f"tk:{verb}:{ticket_id}" + (":curing-baishi" if verb == "xto" else "")
    out = await desk.press(OTHER_MEMBER, data, chat=TEAM_CHAT)
    toast = out.toast or ""
    assert "不能这样操作" not in toast, toast
    [ticket] = await desk.tickets()
    assert ticket.resolved_at is not None
    when = ticket.resolved_at.astimezone(desk.cfg.zone).strftime("%m-%d %H:%M")
    assert "已办结" in toast and when in toast and "赵队员" in toast, toast
    assert "退回本队" in toast, toast
    assert ticket.status is Status.RESOLVED and ticket.team_id == "curing-qingshan"


async def test_a_press_on_a_resolved_ticket_says_a_new_card_comes_if_not_mended(
    desk: Harness,
) -> None:
    """Not 卡片上会重新出现按钮: when the requester says it is not mended, a new card
    comes to the team (…｜第 1 次退回), and the card pressed stays 已办结 without buttons."""
    ticket_id = await desk.resolved_110(FARMER, MEMBER, TEAM_CHAT)
    out = await desk.press(OTHER_MEMBER, f"tk:vis:{ticket_id}", chat=TEAM_CHAT)
    toast = out.toast or ""
    assert "重新出现按钮" not in toast and "新卡片" in toast, toast


@pytest.mark.parametrize("verb", ["res", "vis"])
async def test_a_stale_card_pressed_on_a_resolved_ticket_is_refreshed(
    desk: Harness, verb: str
) -> None:
    """办结 again (or 上门) on the team's card that still shows the buttons (its edit lost
    on the way, or an old screen): the popup says it is resolved, and the card shows the
    ticket as it is now, without them, as other stale presses leave it."""
    ticket_id = await desk.file_110(FARMER)
    [card] = await _cards_sent(desk, ticket_id, 700)
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT, message_id=card)
    await desk.press(MEMBER, f"tk:res:{ticket_id}", chat=TEAM_CHAT, message_id=card)
    await desk.send(MEMBER, "已电话指导：湿球温度控制在36-37度", chat=TEAM_CHAT)
    out = await desk.press(OTHER_MEMBER, f"tk:{verb}:{ticket_id}", chat=TEAM_CHAT, message_id=card)
    assert out.toast is not None and "已办结" in out.toast
    [copy] = out.replies
    assert copy.edit and not copy.buttons and "已办结待确认" in copy.text, copy


async def test_a_leaders_page_of_a_ticket_sent_back_says_the_fresh_page_below_is_live(
    desk: Harness,
) -> None:
    # Nobody on duty: the 110 call pages the leader in their private chat.
    ticket_id = await desk.file_110(FARMER)
    [ticket] = await desk.tickets()
    [page] = await _pages_sent(desk, ticket_id, LEADER, 700)
    await desk.send(SUPERVISOR, f"/reassign {ticket.number} curing-baishi")
    await _pages_sent(desk, ticket_id, LEADER, 800)
    before = {r.id for r in await desk.outbox()}
    await desk.send(SUPERVISOR, f"/reassign {ticket.number} curing-qingshan")
    new = [r for r in await desk.outbox() if r.id not in before and r.chat_id == LEADER]
    [old] = [r for r in new if r.payload.get("message_id") == page]
    [fresh] = [r for r in new if r.purpose == "card"]
    # The old page shows the state without buttons and points to the fresh one below, as
    # the team chat's old card does.
    assert not old.payload.get("buttons") and fresh.payload.get("buttons")
    assert "请在下方的新卡片上办理，这张卡片不再更新" in str(old.payload.get("text"))


async def _pages_sent(desk: Harness, ticket_id: int, person: int, first_id: int) -> list[int]:
    """The sender delivers the ticket's waiting cards; those paged to `person`'s private chat
    are kept as copies there (ids from first_id)."""
    ids: list[int] = []
    async with desk.db.uow() as uow:
        for row in await desk.outbox():
            if row.purpose == "card" and row.status == "pending" and row.chat_id == person:
                ids.append(first_id + len(ids))
                page = TicketMessage(ticket_id, person, ids[-1], "card", desk.clock())
                await uow.ticket_messages.add(page)
        await uow.commit()
    async with desk.db.engine.begin() as conn:
        await conn.execute(update(outbox).where(outbox.c.purpose == "card").values(status="sent"))
    return ids
