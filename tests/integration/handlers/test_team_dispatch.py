"""Team-side dispatch: triage by hand, supervisor 催办/改派, transfer, ask and answer, reopen."""

from __future__ import annotations

import pytest
from sqlalchemy import update

from core.enums import Kind, Status
from core.model import TicketMessage
from storage.tables import outbox
from tests.support.desk import Harness, button_data, texts
from tests.support.tickets import FARMER, LEADER, MEMBER, OTHER_MEMBER, SUPERVISOR, new_ticket

RETAILER = 100002
TEAM_CHAT = -1001000000001
TRIAGE_CHAT = -1001000000017
CONDUCT_CHAT = -1001000000016


async def test_triage_card_offers_the_router_candidates(desk: Harness) -> None:
    ticket = await desk.file_request(RETAILER, "那个事情到底怎么办，上次说的还没弄")
    assert len(await desk.tickets()) == 1
    assert ticket.line == "triage"
    cards = [r for r in await desk.outbox() if r.purpose == "card" and r.chat_id == TRIAGE_CHAT]
    assert cards
    out = await desk.press(SUPERVISOR, f"tk:rto:{ticket.id}:monopoly", chat=TRIAGE_CHAT)
    assert "已改派" in texts(out)
    [moved] = await desk.tickets()
    assert moved.team_id == "monopoly" and moved.status is Status.DISPATCHED
    assert any(r.chat_id == -1001000000012 and r.purpose == "card" for r in await desk.outbox())


async def test_supervisor_reminds_and_reassigns_an_overdue_ticket(desk: Harness) -> None:
    ticket_id = await desk.file_110(FARMER)
    out = await desk.press(SUPERVISOR, f"sv:remind:{ticket_id}")
    assert "已催办" in texts(out)
    reminders = [r for r in await desk.outbox() if "督办提醒" in str(r.payload.get("text"))]
    assert {r.chat_id for r in reminders} >= {TEAM_CHAT}
    out = await desk.press(SUPERVISOR, f"sv:reassign:{ticket_id}")
    assert f"tk:rea:{ticket_id}:curing-baishi" in button_data(out)
    await desk.press(SUPERVISOR, f"tk:rea:{ticket_id}:curing-baishi")
    [ticket] = await desk.tickets()
    assert ticket.team_id == "curing-baishi"


async def test_member_cannot_use_supervisor_buttons(desk: Harness) -> None:
    ticket_id = await desk.file_110(FARMER)
    out = await desk.press(MEMBER, f"sv:reassign:{ticket_id}", chat=TEAM_CHAT)
    assert "只对督办人员开放" in texts(out)


async def test_ask_answer_transfer_and_reopen(desk: Harness) -> None:
    ticket_id = await desk.file_110(FARMER)
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)
    await desk.press(MEMBER, f"tk:ask:{ticket_id}", chat=TEAM_CHAT)
    await desk.send(MEMBER, "烤房是几号房？", chat=TEAM_CHAT)
    [ticket] = await desk.tickets()
    assert ticket.status is Status.WAITING_REQUESTER
    out = await desk.send(FARMER, "3号房")
    assert "已把您的回复补充到工单" in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.status is Status.ACCEPTED
    assert any("3号房" in r.payload.get("text", "") for r in await desk.outbox())
    await desk.press(MEMBER, f"tk:xfer:{ticket_id}", chat=TEAM_CHAT)
    await desk.press(MEMBER, f"tk:xto:{ticket_id}:curing-baishi", chat=TEAM_CHAT)
    await desk.send(MEMBER, "属于白石片区", chat=TEAM_CHAT)
    [ticket] = await desk.tickets()
    assert ticket.team_id == "curing-baishi" and ticket.status is Status.DISPATCHED
    baishi_member = 200011
    await desk.press(baishi_member, f"tk:acc:{ticket_id}", chat=-1001000000002)
    await desk.press(baishi_member, f"tk:res:{ticket_id}", chat=-1001000000002)
    await desk.send(baishi_member, "已修好", chat=-1001000000002)
    await desk.press(FARMER, f"my:bad:{ticket_id}")
    out = await desk.send(FARMER, "还是掉温")
    assert "已重新派给" in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.status is Status.DISPATCHED and ticket.reopen_count == 1


async def test_a_command_typed_for_the_note_is_not_the_note(desk: Harness) -> None:
    ticket_id = await desk.file_110(FARMER)
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)
    await desk.press(MEMBER, f"tk:res:{ticket_id}", chat=TEAM_CHAT)
    out = await desk.send(MEMBER, "/help", chat=TEAM_CHAT)
    assert "说明" in texts(out) and "已不再等待办结说明" in texts(out)  # the command ends it
    assert "没有进行中的操作" in texts(await desk.send(MEMBER, "/cancel", chat=TEAM_CHAT))
    [ticket] = await desk.tickets()
    assert ticket.status is Status.ACCEPTED  # nothing was resolved
    assert not any("/cancel" in r.payload.get("text", "") for r in await desk.outbox())
    # The conversation is over: later talk in the group is not a note either.
    await desk.send(MEMBER, "好的", chat=TEAM_CHAT)
    [ticket] = await desk.tickets()
    assert ticket.status is Status.ACCEPTED


async def test_an_action_finished_with_a_typed_note_updates_the_cards(desk: Harness) -> None:
    ticket_id = await desk.file_110(FARMER)
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)
    before = {r.id for r in await desk.outbox()}
    await desk.press(MEMBER, f"tk:res:{ticket_id}", chat=TEAM_CHAT)
    await desk.send(MEMBER, "已更换风机电容，温度恢复", chat=TEAM_CHAT)
    edits = [r for r in await desk.outbox() if r.id not in before and r.method == "edit_message"]
    assert edits and all("已办结" in r.payload["text"] for r in edits)
    assert {r.chat_id for r in edits} >= {TEAM_CHAT}


async def test_a_card_still_queued_gets_its_edit_after_it_is_sent(desk: Harness) -> None:
    ticket_id = await desk.file_110(FARMER)
    before = {r.id for r in await desk.outbox()}
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)
    edits = [r for r in await desk.outbox() if r.id not in before and r.method == "edit_message"]
    leader = 200002  # paged directly; that card has not gone out yet
    assert any(r.chat_id == leader and r.payload.get("ref_purpose") == "card" for r in edits)
    assert all("已接单" in r.payload["text"] for r in edits)


async def test_writing_again_makes_an_unreachable_person_reachable(desk: Harness) -> None:
    await desk.send(FARMER, "/help")
    async with desk.db.uow() as uow:
        user = await uow.users.get(FARMER)
        assert user is not None
        user.reachable = False
        await uow.commit()
    await desk.send(FARMER, "/help")
    async with desk.db.uow(read_only=True) as uow:
        again = await uow.users.get(FARMER)
    assert again is not None and again.reachable and again.unreachable_since is None


async def test_on_site_tells_the_requester(desk: Harness) -> None:
    ticket_id = await desk.file_110(FARMER)
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)
    out = await desk.press(MEMBER, f"tk:vis:{ticket_id}", chat=TEAM_CHAT)
    assert "已上门" in out.replies[0].text
    [ticket] = await desk.tickets()
    assert ticket.status is Status.ON_SITE
    assert any(
        "正在前往" in r.payload.get("text", "") and r.chat_id == FARMER for r in await desk.outbox()
    )


async def test_duty_roster_decides_who_is_paged(desk: Harness) -> None:
    out = await desk.send(MEMBER, "/duty on", chat=TEAM_CHAT)
    assert "值班" in texts(out)
    await desk.file_110(FARMER)
    pages = {r.chat_id for r in await desk.outbox() if r.purpose == "card" and r.chat_id > 0}
    assert pages == {MEMBER}  # the on-duty member, not the leader


async def test_only_a_leader_sets_someone_elses_duty(desk: Harness) -> None:
    out = await desk.send(MEMBER, f"/duty {200003} on", chat=TEAM_CHAT)
    assert "只有该队队长" in texts(out)
    out = await desk.send(200002, f"/duty {200003} on", chat=TEAM_CHAT)
    assert "值班状态：值班" in texts(out)


async def test_bindteam_by_a_leader_moves_the_dispatch_chat(desk: Harness) -> None:
    new_chat = -1009999
    out = await desk.send(MEMBER, "/bindteam curing-qingshan", chat=new_chat)
    assert "只有该队队长" in texts(out)
    out = await desk.send(200002, "/bindteam curing-qingshan", chat=new_chat)
    assert "已绑定" in texts(out)
    await desk.file_110(FARMER)
    cards = {r.chat_id for r in await desk.outbox() if r.purpose == "card"}
    assert new_chat in cards and TEAM_CHAT not in cards


async def test_the_queue_names_teams_as_people_know_them(desk: Harness) -> None:
    ticket_id = await desk.file_110(FARMER)
    out = texts(await desk.send(SUPERVISOR, "/queue"))
    [ticket] = await desk.tickets()
    assert ticket.id == ticket_id
    assert desk.cfg.team(ticket.team_id).name in out and ticket.team_id not in out


async def test_a_transfer_with_a_note_updates_the_old_card_and_posts_one_new(
    desk: Harness,
) -> None:
    ticket_id = await desk.file_110(FARMER)
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)
    before = {r.id for r in await desk.outbox()}
    await desk.press(MEMBER, f"tk:xfer:{ticket_id}", chat=TEAM_CHAT)
    await desk.press(MEMBER, f"tk:xto:{ticket_id}:curing-baishi", chat=TEAM_CHAT)
    await desk.send(MEMBER, "属于白石片区", chat=TEAM_CHAT)
    new = [r for r in await desk.outbox() if r.id not in before]
    baishi = desk.cfg.team("curing-baishi").chat_id
    assert [r.method for r in new if r.chat_id == baishi] == ["send_message"]  # its card
    [old_card] = [r for r in new if r.chat_id == TEAM_CHAT and r.method == "edit_message"]
    # The old team sees where it went, with no buttons: it is no longer theirs to act on.
    assert "白石乡烘烤110服务队" in old_card.payload["text"] and not old_card.payload.get("buttons")


async def test_staff_read_a_waiting_ticket_as_waiting_for_the_requester(desk: Harness) -> None:
    ticket_id = await desk.file_110(FARMER)
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)
    await desk.press(MEMBER, f"tk:ask:{ticket_id}", chat=TEAM_CHAT)
    await desk.send(MEMBER, "是哪一座烤房？", chat=TEAM_CHAT)
    card = [r for r in await desk.outbox() if r.chat_id == TEAM_CHAT][-1].payload["text"]
    assert "待报告人补充" in card and "待您补充" not in card
    [ticket] = await desk.tickets()
    seen_by_supervisor = await desk.send(SUPERVISOR, f"/ticket {ticket.number}")
    assert "待报告人补充" in texts(seen_by_supervisor)
    # 补充 and 撤回 are the farmer's buttons; the supervisor's are 催办 and 改派.
    assert button_data(seen_by_supervisor) == [f"sv:remind:{ticket_id}", f"sv:reassign:{ticket_id}"]
    seen_by_farmer = await desk.press(FARMER, f"my:v:{ticket_id}")
    assert "待您补充" in texts(seen_by_farmer) and f"my:add:{ticket_id}" in button_data(
        seen_by_farmer
    )


async def test_members_and_leaders_see_their_own_teams_queue_and_tickets(
    desk: Harness,
) -> None:
    ours = await desk.file_110(FARMER)
    await desk.send(RETAILER, "卷烟订货系统登录不了")
    await desk.press(RETAILER, "f:ok")
    _, theirs = await desk.tickets()
    assert theirs.number
    queue = texts(await desk.send(LEADER, "/queue"))
    assert "青山镇烘烤110服务队" in queue and theirs.number not in queue
    [mine] = [t for t in await desk.tickets() if t.id == ours]
    assert mine.number and mine.number in texts(await desk.send(MEMBER, f"/ticket {mine.number}"))
    assert "找不到" in texts(await desk.send(MEMBER, f"/ticket {theirs.number}"))
    assert "只对督办人员" in texts(await desk.send(LEADER, f"/reassign {mine.number} purchase"))
    assert "只对服务队和督办人员" in texts(await desk.send(RETAILER, "/queue"))


async def test_help_in_the_team_chat_explains_the_team_commands(desk: Harness) -> None:
    out = await desk.send(MEMBER, "/help", chat=TEAM_CHAT)
    assert "/queue 本队未办结的工单" in texts(out)


async def test_reassign_takes_a_team_name_and_clears_the_old_cards_buttons(
    desk: Harness,
) -> None:
    ticket_id = await desk.file_110(FARMER)
    [ticket] = await desk.tickets()
    before = {r.id for r in await desk.outbox()}
    out = await desk.send(SUPERVISOR, f"/reassign {ticket.number} 白石乡烘烤110")
    assert "白石乡烘烤110服务队" in texts(out)
    [moved] = await desk.tickets()
    assert moved.id == ticket_id and moved.team_id == "curing-baishi"
    new = [r for r in await desk.outbox() if r.id not in before]
    old_cards = [r for r in new if r.chat_id == TEAM_CHAT and r.method == "edit_message"]
    assert old_cards and all(not r.payload.get("buttons") for r in old_cards)


async def test_in_a_team_chat_queue_shows_only_that_teams_tickets(desk: Harness) -> None:
    await desk.file_110(FARMER)
    await desk.send(RETAILER, "卷烟订货系统登录不了")
    await desk.press(RETAILER, "f:ok")
    call, other = await desk.tickets()
    assert call.number and other.number
    queue = texts(await desk.send(SUPERVISOR, "/queue", chat=TEAM_CHAT))
    assert call.number in queue and other.number not in queue
    # The group reads nothing of another team's ticket; its supervisor is sent to look in
    # their private chat.
    shown = texts(await desk.send(SUPERVISOR, f"/ticket {other.number}", chat=TEAM_CHAT))
    assert "卷烟订货系统" not in shown and "私聊" in shown
    assert other.number in texts(await desk.send(SUPERVISOR, "/queue"))  # in private: all


async def test_a_cards_newer_edit_supersedes_the_ones_still_waiting(desk: Harness) -> None:
    """Each edit carries the whole card: of a copy's edits not yet sent, only the newest
    goes out, so a busy chat is not kept behind a queue of outdated cards."""
    ticket_id = await desk.file_110(FARMER)
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)
    await desk.press(MEMBER, f"tk:vis:{ticket_id}", chat=TEAM_CHAT)
    edits = [r for r in await desk.outbox() if r.purpose == "card_edit"]
    waiting = [r for r in edits if r.status == "pending"]
    assert waiting and all("已上门" in r.payload["text"] for r in waiting)
    assert any(r.status == "superseded" and "已接单" in r.payload["text"] for r in edits)
    assert len({(r.chat_id, r.payload.get("message_id")) for r in waiting}) == len(waiting)


async def test_an_edit_a_sender_holds_is_not_superseded(desk: Harness) -> None:
    ticket_id = await desk.file_110(FARMER)
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)
    async with desk.db.uow() as uow:  # a sender takes everything due
        held = {r.id for r in await uow.outbox.claim(desk.clock(), 1000, 60)}
        await uow.commit()
    await desk.press(MEMBER, f"tk:vis:{ticket_id}", chat=TEAM_CHAT)
    rows = {r.id: r for r in await desk.outbox()}
    assert held and all(rows[i].status == "pending" for i in held)


async def _leader_copy_sent(desk: Harness, ticket_id: int) -> int:
    """The leader's paged card, as if the sender had delivered it (message 777)."""
    async with desk.db.uow() as uow:
        await uow.ticket_messages.add(TicketMessage(ticket_id, LEADER, 777, "card", desk.clock()))
        await uow.commit()
    async with desk.db.engine.begin() as conn:
        await conn.execute(
            update(outbox)
            .where(outbox.c.chat_id == LEADER, outbox.c.purpose == "card")
            .values(status="sent")
        )
    return 777


@pytest.mark.parametrize("held", [True, False])
async def test_the_pressed_copy_is_edited_again_only_behind_a_held_edit(
    desk: Harness, held: bool
) -> None:
    """The step edits the pressed card itself; an older edit of it that a sender holds
    would land after that and show the old state for good, so then the copy is edited
    again through the outbox, behind the held one."""
    ticket_id = await desk.file_110(FARMER)
    copy = await _leader_copy_sent(desk, ticket_id)
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)
    if held:
        async with desk.db.uow() as uow:
            await uow.outbox.claim(desk.clock(), 1000, 60)
            await uow.commit()
    before = {r.id for r in await desk.outbox()}
    out = await desk.press(LEADER, f"tk:vis:{ticket_id}", chat=LEADER, message_id=copy)
    assert any(r.edit and "已上门" in r.text for r in out.replies)  # the step's own edit
    again = [
        r
        for r in await desk.outbox()
        if r.id not in before and r.chat_id == LEADER and r.payload.get("message_id") == copy
    ]
    assert bool(again) is held
    assert all("已上门" in r.payload["text"] for r in again)


@pytest.mark.parametrize("how", ["typed", "/new"])
async def test_a_complaint_about_purchase_staff_goes_to_the_conduct_office(
    desk: Harness, how: str
) -> None:
    """Typed straight away or after /new (求助办事), it is filed as a complaint."""
    words = "收购站定级的工作人员态度很差，还故意压级"
    if how == "typed":
        out = await desk.send(FARMER, words)
    else:
        await desk.send(FARMER, "/new")
        await desk.send(FARMER, words)
        out = await desk.press(FARMER, "f:next")
    assert "类别：投诉" in texts(out) and "纪检作风监督室" in texts(out)
    await desk.press(FARMER, "f:ok")
    [ticket] = await desk.tickets()
    assert (ticket.line, ticket.team_id, ticket.kind) == ("conduct", "conduct", "complaint")
    assert ticket.route_explanation is not None
    assert "事涉烟叶收购人员，不由其自查" in ticket.route_explanation
    cards = [r.chat_id for r in await desk.outbox() if r.purpose == "card"]
    assert cards == [CONDUCT_CHAT]  # never the purchase team complained about


async def test_the_old_teams_press_after_a_transfer_says_where_the_ticket_went(
    desk: Harness,
) -> None:
    ticket_id = await desk.file_110(FARMER)
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)
    await desk.press(MEMBER, f"tk:xfer:{ticket_id}", chat=TEAM_CHAT)
    await desk.press(MEMBER, f"tk:xto:{ticket_id}:curing-baishi", chat=TEAM_CHAT)
    await desk.send(MEMBER, "属于白石片区", chat=TEAM_CHAT)
    out = await desk.press(MEMBER, f"tk:res:{ticket_id}", chat=TEAM_CHAT)
    assert "现由白石乡烘烤110服务队办理" in texts(out), texts(out)
    assert "只有该服务队成员" not in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.team_id == "curing-baishi" and ticket.status is Status.DISPATCHED


async def test_a_transferred_ticket_brings_what_was_asked_and_answered_to_the_new_team(
    desk: Harness,
) -> None:
    ticket_id = await desk.file_110(FARMER)
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)
    await desk.press(MEMBER, f"tk:ask:{ticket_id}", chat=TEAM_CHAT)
    await desk.send(MEMBER, "烤房是几号房？", chat=TEAM_CHAT)
    await desk.send(FARMER, "3号房")
    await desk.press(MEMBER, f"tk:xfer:{ticket_id}", chat=TEAM_CHAT)
    await desk.press(MEMBER, f"tk:xto:{ticket_id}:curing-baishi", chat=TEAM_CHAT)
    await desk.send(MEMBER, "属于白石片区", chat=TEAM_CHAT)
    baishi_chat = -1001000000002
    to_new_team = [
        r.payload.get("text", "") for r in await desk.outbox() if r.chat_id == baishi_chat
    ]
    [history] = [text for text in to_new_team if "此前经过" in text]
    assert "请求补充：烤房是几号房？" in history and "3号房" in history
    assert "转派：属于白石片区" in history
    card = next(text for text in to_new_team if text.startswith("🚨【紧急】工单"))
    assert to_new_team.index(card) < to_new_team.index(history)  # the card first, then its past
    # The card itself keeps what was asked and answered, as the old team's card showed it:
    # the history message scrolls away, the card is what the new team reads again.
    assert "问：烤房是几号房？／答：3号房" in card


async def test_a_ticket_moved_out_of_triage_has_no_past_to_tell(desk: Harness) -> None:
    ticket = await desk.file_request(RETAILER, "那个事情到底怎么办，上次说的还没弄")
    assert len(await desk.tickets()) == 1
    await desk.press(SUPERVISOR, f"tk:rto:{ticket.id}:monopoly", chat=TRIAGE_CHAT)
    assert not any("此前经过" in r.payload.get("text", "") for r in await desk.outbox())


async def test_the_queue_shows_the_requests_words_in_the_readers_script(desk: Harness) -> None:
    await desk.file_request(RETAILER, "我想办理烟草专卖零售许可证，需要什么材料")
    await desk.press(SUPERVISOR, "lang:hant")
    out = texts(await desk.send(SUPERVISOR, "/queue"))
    assert "辦理菸草專賣零售許可證" in out and "办理" not in out


async def test_the_card_says_when_the_team_went_on_site_and_who_finished_it(
    desk: Harness,
) -> None:
    ticket_id = await desk.file_110(FARMER)
    chat = desk.cfg.team("curing-qingshan").chat_id
    await desk.send(OTHER_MEMBER, "/duty", chat=chat, user_name="孙队员")  # known by name
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=chat)
    await desk.press(MEMBER, f"tk:vis:{ticket_id}", chat=chat)
    await desk.press(OTHER_MEMBER, f"tk:res:{ticket_id}", chat=chat)
    await desk.send(OTHER_MEMBER, "更换了风机电容", chat=chat)
    edits = [r for r in await desk.outbox() if r.chat_id == chat and r.method == "edit_message"]
    card = edits[-1].payload["text"]
    assert "\n上门：11-18 09:00\n" in card
    assert "\n办结：11-18 09:00 孙队员 更换了风机电容" in card


async def test_a_long_queue_says_how_many_it_left_out_and_lists_teams_in_config_order(
    desk: Harness,
) -> None:
    ordering = {"kind": Kind.REQUEST, "line": "ordering", "team_id": "ordering"}
    for _ in range(61):
        await new_ticket(desk.db, desk.cfg, now=desk.clock(), **ordering, text="订货系统登录不上")
    await desk.file_110(FARMER)  # 烘烤110, the config's first team, filed last
    lines = texts(await desk.send(SUPERVISOR, "/queue")).splitlines()
    assert len(lines) == 61
    assert lines[0].startswith("青山镇烘烤110服务队｜🚨")
    assert lines[-1] == "……还有 2 件未列出（共 62 件未办结）。"
