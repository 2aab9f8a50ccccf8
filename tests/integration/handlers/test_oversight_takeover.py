"""The oversight team (作风监督) takes over a complaint another team handles, from its copy."""

from __future__ import annotations

import itertools

from bot.outbox import SimulatedClock
from bot.outbox.recorder import SentRecorder
from core.enums import Status
from core.lifecycle import PROMPTS
from core.model import OutboxMessage, Ticket, TicketMessage
from routing import to_simplified
from scheduler.sweep import sweep
from tests.support.desk import Harness, texts

RETAILER = 100002
DELIVERY_CHAT, DELIVERY_MEMBER = -1001000000014, 200071
CONDUCT_CHAT, CONDUCT_MEMBER, CONDUCT_LEADER = -1001000000016, 200091, 200092
SUPERVISOR = 300001
DELIVERY_LEADER = 200072
_message_ids = itertools.count(9000)


async def _complaint_about_the_team(desk: Harness, words: str) -> Ticket:
    """A complaint its domain words send to the team complained about (物流配送中心)."""
    await desk.send(RETAILER, "/complain")
    await desk.send(RETAILER, words)
    await desk.press(RETAILER, "f:next")
    await desk.press(RETAILER, "f:ok")
    [ticket] = await desk.tickets()
    assert ticket.team_id == "delivery"
    return ticket


async def test_the_oversight_team_takes_a_complaint_over_with_one_press(desk: Harness) -> None:
    ticket = await _complaint_about_the_team(desk, "投訴配送員小王，送貨總是遲到，還說我事多")
    await desk.press(DELIVERY_MEMBER, f"tk:acc:{ticket.id}", chat=DELIVERY_CHAT)
    before = len(await desk.outbox())

    out = await desk.press(CONDUCT_MEMBER, f"ov:take:{ticket.id}", chat=CONDUCT_CHAT)

    assert out.toast is not None and f"已接管工单 {ticket.label}" in out.toast
    [pressed] = out.replies
    assert pressed.edit and not pressed.buttons  # the copy: its 接管 is spent
    [moved] = await desk.tickets()
    assert (moved.team_id, moved.line, moved.status) == ("conduct", "conduct", Status.DISPATCHED)
    async with desk.db.uow(read_only=True) as uow:
        last = list(await uow.tickets.events(ticket.id or 0))[-1]
    assert (last.action, last.actor_id, last.note) == ("transfer", CONDUCT_MEMBER, "作风监督接管")
    assert last.data == {"from_team": "delivery", "to_team": "conduct", "taken_over": True}
    new = (await desk.outbox())[before:]
    # A working card of its own, with what happened so far, in the oversight team's chat.
    [card] = [r for r in new if r.chat_id == CONDUCT_CHAT and r.purpose == "card"]
    assert f"tk:acc:{ticket.id}" in str(card.payload["buttons"])
    assert any(r.chat_id == CONDUCT_CHAT and "接单" in r.payload.get("text", "") for r in new)
    # The team complained about hears it is no longer theirs, and its card loses its buttons.
    told = [r.payload["text"] for r in new if r.chat_id == DELIVERY_CHAT and "text" in r.payload]
    assert any("已由 纪检作风监督室 接管调查" in text for text in told)
    [team_edit] = [r for r in new if r.chat_id == DELIVERY_CHAT and r.purpose == "card_edit"]
    assert "buttons" not in team_edit.payload
    # The retailer, who wrote in Traditional, is told where it went, in Traditional.
    [note] = [r.payload["text"] for r in new if r.chat_id == RETAILER]
    assert "紀檢作風監督室" in note and "不用再說一遍" in note


async def test_the_taken_over_card_says_the_oversight_team_took_it(desk: Harness) -> None:
    """Not 由 物流配送中心 转派, as if the team complained about had sent the complaint on."""
    ticket = await _complaint_about_the_team(desk, "配送中心上周订的烟一直没送到，催了几次都不理")
    await desk.press(DELIVERY_MEMBER, f"tk:acc:{ticket.id}", chat=DELIVERY_CHAT)
    await desk.press(CONDUCT_MEMBER, f"ov:take:{ticket.id}", chat=CONDUCT_CHAT)

    why = "纪检作风监督室接管（原由 物流配送中心 办理）"
    cards = [r for r in await desk.outbox() if r.chat_id == CONDUCT_CHAT and r.purpose == "card"]
    assert f"分派依据：{why}" in cards[-1].payload["text"]  # after its copy, its own card
    detail = texts(await desk.send(CONDUCT_MEMBER, f"/ticket {ticket.label}"))
    assert why in detail and "转派" not in detail.split("进展")[1].split("[")[0]
    mine = to_simplified(texts(await desk.send(RETAILER, f"/ticket {ticket.label}")))
    assert why in mine and "转派给" not in mine, mine


async def test_the_copy_taken_over_from_points_to_the_new_card_and_stays_so(
    desk: Harness,
) -> None:
    """The copy pressed 接管 on shows the complaint as the oversight team's, 待接单, beside
    the fresh card with the buttons: it says the new card below is the one to work on, and
    is not edited to the accepted state later, so it never reads as a second card left
    待接单."""
    ticket = await _complaint_about_the_team(desk, "投诉配送员小王，送货总是迟到")
    await _deliver_all(desk)
    [copy] = [r for r in await desk.outbox() if r.chat_id == CONDUCT_CHAT and r.purpose == "card"]
    copy_id = int(copy.result_message_id or 0)

    out = await desk.press(
        CONDUCT_MEMBER, f"ov:take:{ticket.id}", chat=CONDUCT_CHAT, message_id=copy_id
    )

    [pressed] = out.replies
    assert pressed.edit and not pressed.buttons
    assert "待接单" in pressed.text and "请在下方的新卡片上办理，这张卡片不再更新" in pressed.text
    await _deliver_all(desk)
    [_, card] = [
        r for r in await desk.outbox() if r.chat_id == CONDUCT_CHAT and r.purpose == "card"
    ]
    before = len(await desk.outbox())
    await desk.press(
        CONDUCT_MEMBER, f"tk:acc:{ticket.id}", chat=CONDUCT_CHAT, message_id=card.result_message_id
    )
    edits = [r for r in (await desk.outbox())[before:] if r.chat_id == CONDUCT_CHAT]
    assert not [r for r in edits if r.payload.get("message_id") == copy_id]


async def test_a_second_press_on_the_copy_changes_nothing(desk: Harness) -> None:
    ticket = await _complaint_about_the_team(desk, "投诉配送员小王，送货总是迟到")
    await desk.press(CONDUCT_MEMBER, f"ov:take:{ticket.id}", chat=CONDUCT_CHAT)
    rows = len(await desk.outbox())

    out = await desk.press(CONDUCT_LEADER, f"ov:take:{ticket.id}", chat=CONDUCT_CHAT)

    assert out.toast is not None and "已由本队接管" in out.toast
    assert len(await desk.outbox()) == rows
    async with desk.db.uow(read_only=True) as uow:
        actions = [e.action for e in await uow.tickets.events(ticket.id or 0)]
    assert actions.count("transfer") == 1


async def test_only_the_oversight_team_or_a_supervisor_may_take_a_complaint_over(
    desk: Harness,
) -> None:
    ticket = await _complaint_about_the_team(desk, "投诉配送员小王，送货总是迟到")
    out = await desk.press(DELIVERY_MEMBER, f"ov:take:{ticket.id}", chat=DELIVERY_CHAT)
    assert out.toast == "只有纪检作风监督室的成员或督办人员可以接管投诉。"
    # A requester's forged press learns nothing of the ticket: not even that it is a
    # complaint, which a press on a 110 call would tell apart.
    call = await desk.file_110(100001)
    said = {
        to_simplified((await desk.press(RETAILER, f"ov:take:{t}")).toast or "")
        for t in (ticket.id, call)
    }
    assert said == {"只有该服务队成员或督办人员可以操作这个工单。"}
    [still, _] = await desk.tickets()
    assert still.team_id == "delivery"

    out = await desk.press(SUPERVISOR, f"ov:take:{ticket.id}", chat=CONDUCT_CHAT)
    assert out.toast is not None and "已接管" in out.toast
    [taken, _] = await desk.tickets()
    assert taken.team_id == "conduct"


async def test_a_resolved_complaint_or_one_that_is_not_a_complaint_cannot_be_taken_over(
    desk: Harness,
) -> None:
    ticket = await _complaint_about_the_team(desk, "投诉配送员小王，送货总是迟到")
    await desk.press(DELIVERY_MEMBER, f"tk:acc:{ticket.id}", chat=DELIVERY_CHAT)
    await desk.press(DELIVERY_MEMBER, f"tk:res:{ticket.id}", chat=DELIVERY_CHAT)
    await desk.send(DELIVERY_MEMBER, "已经批评教育", chat=DELIVERY_CHAT)

    out = await desk.press(CONDUCT_MEMBER, f"ov:take:{ticket.id}", chat=CONDUCT_CHAT)

    # Not the status name (当前状态（已办结待确认）不能这样操作): that it is resolved, by
    # whom, and that it may be taken over should the complainant say it was not put right.
    toast = out.toast or ""
    assert "不能这样操作" not in toast and "已办结" in toast, toast
    assert "物流配送中心" in toast and "再接管" in toast, toast
    [resolved] = await desk.tickets()
    assert (resolved.team_id, resolved.status) == ("delivery", Status.RESOLVED)
    request = await desk.file_request(RETAILER, "今天送货的少了两条烟")
    out = await desk.press(CONDUCT_MEMBER, f"ov:take:{request.id}", chat=CONDUCT_CHAT)
    assert "失效" in texts(out)


async def test_the_oversight_team_can_look_up_the_complaints_it_watches(desk: Harness) -> None:
    ticket = await _complaint_about_the_team(desk, "投诉配送员小王，送货总是迟到")
    request = await desk.file_request(RETAILER, "今天送货的少了两条烟")

    queue = texts(await desk.send(CONDUCT_MEMBER, "/queue", chat=CONDUCT_CHAT))
    assert ticket.label in queue and request.label not in queue
    detail = texts(await desk.send(CONDUCT_MEMBER, f"/ticket {ticket.label}"))
    assert "投诉配送员小王" in detail
    # Only complaints: another team's request stays that team's own business.
    other = texts(await desk.send(CONDUCT_MEMBER, f"/ticket {request.label}"))
    assert "今天送货" not in other
    # And the team complained about sees nothing more than before.
    assert ticket.label in texts(await desk.send(DELIVERY_MEMBER, "/queue", chat=DELIVERY_CHAT))


async def test_the_team_complained_about_no_longer_reads_the_investigation(
    desk: Harness,
) -> None:
    ticket = await _complaint_about_the_team(desk, "投诉配送员小王，送货总是迟到，还说我事多")
    await desk.press(DELIVERY_MEMBER, f"tk:acc:{ticket.id}", chat=DELIVERY_CHAT)
    before = len(await desk.outbox())
    await desk.press(CONDUCT_MEMBER, f"ov:take:{ticket.id}", chat=CONDUCT_CHAT)
    await desk.press(CONDUCT_MEMBER, f"tk:acc:{ticket.id}", chat=CONDUCT_CHAT)
    await desk.press(CONDUCT_MEMBER, f"tk:res:{ticket.id}", chat=CONDUCT_CHAT)
    await desk.send(CONDUCT_MEMBER, "已约谈配送员王某，责令书面检查", chat=CONDUCT_CHAT)
    await desk.press(RETAILER, f"my:ok:{ticket.id}")
    await desk.press(RETAILER, f"my:r:{ticket.id}:4")

    edits = [r for r in (await desk.outbox())[before:] if r.purpose == "card_edit"]
    theirs = [r.payload["text"] for r in edits if r.chat_id == DELIVERY_CHAT]
    ours = [r.payload["text"] for r in edits if r.chat_id == CONDUCT_CHAT]
    assert theirs and all(text.startswith("🔒") and "送货总是迟到" in text for text in theirs)
    assert not any("约谈" in text or "电话" in text or "★" in text for text in theirs)
    # The oversight team's own card shows all of it.
    assert any("约谈" in text and "★" in text for text in ours)


async def _taken_over_with_copies(desk: Harness) -> Ticket:
    """A complaint the oversight team took over and accepted, whose cards were sent: the
    team complained about's, the oversight team's copy, and its own working card."""
    ticket = await _complaint_about_the_team(desk, "投诉配送员小王，送货总是迟到，还说我事多")
    assert ticket.id is not None
    async with desk.db.uow() as uow:  # what the outbox's recorder keeps as they go out
        for chat, message_id in ((DELIVERY_CHAT, 501), (CONDUCT_CHAT, 502)):
            card = TicketMessage(ticket.id, chat, message_id, "card", desk.clock())
            await uow.ticket_messages.add(card)
        await uow.commit()
    await desk.press(CONDUCT_MEMBER, f"ov:take:{ticket.id}", chat=CONDUCT_CHAT, message_id=502)
    async with desk.db.uow() as uow:
        await uow.ticket_messages.add(
            TicketMessage(ticket.id, CONDUCT_CHAT, 503, "card", desk.clock())
        )
        await uow.commit()
    await desk.press(CONDUCT_MEMBER, f"tk:acc:{ticket.id}", chat=CONDUCT_CHAT, message_id=503)
    return ticket


async def _closing_edits(desk: Harness, ticket: Ticket, closed_by: str) -> dict[int, str]:
    """The sweep's edits of each card copy once the requester stayed silent till the close."""
    before = len(await desk.outbox())
    for _ in range(2):  # the reminder after a day, the close after three
        desk.clock.advance(hours=49)
        await sweep(desk.db, desk.cfg, desk.clock())
    assert (await desk.actions(ticket.id or 0))[-1] == closed_by
    edits = [r for r in (await desk.outbox())[before:] if r.purpose == "card_edit"]
    return {int(r.payload["message_id"]): r.payload["text"] for r in edits}


async def test_an_unconfirmed_taken_over_complaint_closes_without_the_old_teams_card(
    desk: Harness,
) -> None:
    """The team complained about read at the takeover that it is no longer theirs (🔒 …已由
    … 接管调查): its card is edited no more, and never reads the result or the close."""
    ticket = await _taken_over_with_copies(desk)
    await desk.press(CONDUCT_MEMBER, f"tk:res:{ticket.id}", chat=CONDUCT_CHAT, message_id=503)
    await desk.send(CONDUCT_MEMBER, "已约谈配送员王某，责令书面检查", chat=CONDUCT_CHAT)

    edits = await _closing_edits(desk, ticket, "auto_close")

    assert 501 not in edits
    # The oversight team's cards say all of it.
    assert all("报告人" in edits[m] and "自动销号" in edits[m] for m in (502, 503))


async def test_an_unanswered_taken_over_complaint_closes_without_the_old_teams_card(
    desk: Harness,
) -> None:
    ticket = await _taken_over_with_copies(desk)
    await desk.press(CONDUCT_MEMBER, f"tk:ask:{ticket.id}", chat=CONDUCT_CHAT, message_id=503)
    await desk.send(CONDUCT_MEMBER, "请说一下是哪天送错的货", chat=CONDUCT_CHAT)

    edits = await _closing_edits(desk, ticket, "expire")

    assert 501 not in edits
    assert all("报告人" in edits[m] and "自动关闭" in edits[m] for m in (502, 503))


async def test_a_nudge_page_the_team_complained_about_had_is_told_the_takeover_unnamed(
    desk: Harness,
) -> None:
    """A supervisor's 催办 page in the chats of the team a complaint is about is edited at
    the takeover to where it went, with what the complaint was about only: the whole card
    below the news would name the complainant and their phone to that team."""
    await desk.registered_as(RETAILER, "retailer")
    await desk.contact(RETAILER, "13912345678", RETAILER)
    ticket = await _complaint_about_the_team(desk, "投诉配送员小王，送货总是迟到，还说我事多")
    desk.clock.advance(minutes=5)
    await desk.press(SUPERVISOR, f"sv:remind:{ticket.id}")
    recorder = SentRecorder(desk.db.uow, SimulatedClock(desk.clock()))
    pages = set()
    for row in await desk.outbox():
        if row.status == "pending" and row.purpose in PROMPTS:
            await recorder.record(row, next(_message_ids))
            pages.add(row.chat_id)
    assert {DELIVERY_CHAT, DELIVERY_LEADER} <= pages
    before = len(await desk.outbox())

    await desk.press(CONDUCT_MEMBER, f"ov:take:{ticket.id}", chat=CONDUCT_CHAT)

    edits = {
        r.chat_id: str(r.payload["text"])
        for r in (await desk.outbox())[before:]
        if r.purpose == "alert_edit"
    }
    for chat in (DELIVERY_CHAT, DELIVERY_LEADER):
        assert "已转给 纪检作风监督室" in edits[chat] and "🔒" in edits[chat]
        assert "13912345678" not in edits[chat] and "报告人" not in edits[chat]


async def test_the_member_who_had_accepted_the_complaint_is_told_it_was_taken_over(
    desk: Harness,
) -> None:
    # The member may be on the road to the shop: as after a supervisor's 改派, they hear it
    # in their own chat too, not only in the team's group.
    ticket = await _complaint_about_the_team(desk, "投诉配送员小王，送货总是迟到")
    await desk.press(DELIVERY_MEMBER, f"tk:acc:{ticket.id}", chat=DELIVERY_CHAT)
    before = len(await desk.outbox())

    await desk.press(CONDUCT_MEMBER, f"ov:take:{ticket.id}", chat=CONDUCT_CHAT)

    new = (await desk.outbox())[before:]
    told = [r.payload.get("text", "") for r in new if r.chat_id == DELIVERY_MEMBER]
    assert told == [f"工单 {ticket.label} 是一件投诉，已由 纪检作风监督室 接管调查，本队不再办理。"]


async def _deliver_all(desk: Harness) -> None:
    """The sender delivers every waiting row: cards are kept as sent, to be edited."""
    recorder = SentRecorder(desk.db.uow, SimulatedClock(desk.clock()))
    for row in await desk.outbox():
        if row.status == "pending":
            await recorder.record(row, next(_message_ids))


async def test_a_complaint_sent_back_and_transferred_keeps_one_copy_in_the_oversight_chat(
    desk: Harness,
) -> None:
    """Before: each send-back and each 转派 posted the oversight team a fresh 抄送 header,
    card and history, the old copies left behind. Its one copy is now edited, with 接管,
    and one short line says what moved it."""
    ticket = await _complaint_about_the_team(desk, "投诉配送员小王，送货总是迟到")
    await _deliver_all(desk)
    for step in ("acc", "res"):
        await desk.press(DELIVERY_MEMBER, f"tk:{step}:{ticket.id}", chat=DELIVERY_CHAT)
    await desk.send(DELIVERY_MEMBER, "已批评教育", chat=DELIVERY_CHAT)
    await _deliver_all(desk)
    before = {r.id for r in await desk.outbox()}

    await desk.press(RETAILER, f"my:bad:{ticket.id}")
    await desk.send(RETAILER, "今天又迟到了三个小时")
    await _deliver_all(desk)
    await desk.press(DELIVERY_MEMBER, f"tk:acc:{ticket.id}", chat=DELIVERY_CHAT)
    await desk.press(DELIVERY_MEMBER, f"tk:xto:{ticket.id}:ordering", chat=DELIVERY_CHAT)
    await desk.send(DELIVERY_MEMBER, "是订货安排的问题", chat=DELIVERY_CHAT)
    [moved] = await desk.tickets()
    assert (moved.team_id, moved.reopen_count) == ("ordering", 1)

    to_oversight = [
        r for r in await desk.outbox() if r.id not in before and r.chat_id == CONDUCT_CHAT
    ]
    assert not [r for r in to_oversight if r.purpose == "card"]
    said = [str(r.payload.get("text", "")) for r in to_oversight if r.purpose == "notify"]
    assert not [text for text in said if "此前经过" in text or "是一件投诉" in text]
    assert [text for text in said if "抄送：投诉" in text] == [
        f"抄送：投诉 {ticket.label} 重新办理：今天又迟到了三个小时，现由 物流配送中心 办理。"
        "本室原有的卡片已随之更新，不另发新卡片；如需由本室调查，点卡片上的“接管”。",
        f"抄送：投诉 {ticket.label} 转派：是订货安排的问题，现由 营销服务部（客户经理） 办理。"
        "本室原有的卡片已随之更新，不另发新卡片；如需由本室调查，点卡片上的“接管”。",
    ]
    # Each edit of the one copy reads the complaint as it is now, with 接管.
    async with desk.db.uow(read_only=True) as uow:
        [kept] = [
            m
            for m in await uow.ticket_messages.of_ticket(ticket.id or 0, "card")
            if m.chat_id == CONDUCT_CHAT
        ]
    edits = [r for r in to_oversight if r.purpose == "card_edit"]
    assert edits and all(r.payload["message_id"] == kept.message_id for r in edits)
    last = edits[-1].payload
    assert "派给：营销服务部（客户经理）" in last["text"] and "第 1 次退回" in last["text"]
    assert f"ov:take:{ticket.id}" in str(last["buttons"])


def _photos_to_oversight(rows: list[OutboxMessage], file_id: str) -> list[OutboxMessage]:
    return [r for r in rows if r.chat_id == CONDUCT_CHAT and r.payload.get("file_id") == file_id]


async def test_a_photo_reaches_the_oversight_chat_once_however_often_the_complaint_moves(
    desk: Harness,
) -> None:
    """Before: the copy kept, every photo added since that copy was first sent went to the
    oversight chat again at each send-back and each 转派, not only at the first."""
    ticket = await _complaint_about_the_team(desk, "投诉配送员小王，送货总是迟到")
    await _deliver_all(desk)
    desk.clock.advance(minutes=5)
    await desk.press(RETAILER, f"my:add:{ticket.id}")
    await desk.send(RETAILER, photo_file_id="PHOTO-LATER")
    await _deliver_all(desk)
    desk.clock.advance(minutes=5)
    for step in ("acc", "res"):
        await desk.press(DELIVERY_MEMBER, f"tk:{step}:{ticket.id}", chat=DELIVERY_CHAT)
    await desk.send(DELIVERY_MEMBER, "已批评教育", chat=DELIVERY_CHAT)
    await _deliver_all(desk)
    desk.clock.advance(minutes=5)
    await desk.press(RETAILER, f"my:bad:{ticket.id}")
    await desk.send(RETAILER, "今天又迟到了三个小时")
    # Added with 补充 while the team had it, the photo follows the copy at the next move.
    assert len(_photos_to_oversight(await desk.outbox(), "PHOTO-LATER")) == 1
    await _deliver_all(desk)
    desk.clock.advance(minutes=5)
    await desk.press(DELIVERY_MEMBER, f"tk:acc:{ticket.id}", chat=DELIVERY_CHAT)
    await desk.press(DELIVERY_MEMBER, f"tk:xto:{ticket.id}:ordering", chat=DELIVERY_CHAT)
    await desk.send(DELIVERY_MEMBER, "是订货安排的问题", chat=DELIVERY_CHAT)
    assert (await desk.tickets())[0].team_id == "ordering"
    assert len(_photos_to_oversight(await desk.outbox(), "PHOTO-LATER")) == 1
