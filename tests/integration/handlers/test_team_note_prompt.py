"""A card's prompt (办结's result, 需补充's question, 转派's reason) takes only the member's
next message, soon after the press: another press, a command or a quarter of an hour ends it,
and what the member says in the group afterwards is the team's own talk (before: it waited
two hours through other presses and commands, and an unrelated line resolved the ticket and
was sent to the farmer as the result)."""

from __future__ import annotations

import pytest

from bot.outbox import SimulatedClock
from bot.outbox.recorder import SentRecorder
from core.config import Config
from core.enums import Status
from core.model import OutboxMessage
from storage.uow import Database
from tests.support.config_edits import with_member_toggled
from tests.support.desk import Harness, texts
from tests.support.tickets import FARMER, LEADER, MEMBER, SUPERVISOR

RETAILER = 100002

TEAM_CHAT = -1001000000001
BAISHI_CHAT = -1001000000002
GROWING_CHAT = -1001000000010  # 烟叶生产技术服务组


async def _accepted_with_result_asked(desk: Harness) -> int:
    ticket_id = await desk.file_110(FARMER)
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)
    out = await desk.press(MEMBER, f"tk:res:{ticket_id}", chat=TEAM_CHAT)
    assert "15 分钟内发送有效" in texts(out) and "/cancel" in texts(out)
    return ticket_id


async def _status(desk: Harness) -> Status:
    return (await desk.tickets())[-1].status


async def _farmer_told_resolved(desk: Harness) -> bool:
    return any(
        r.chat_id == FARMER and "已办结" in str(r.payload.get("text", ""))
        for r in await desk.outbox()
    )


async def test_another_press_ends_the_result_prompt(desk: Harness) -> None:
    ticket_id = await _accepted_with_result_asked(desk)
    out = await desk.press(MEMBER, f"tk:vis:{ticket_id}", chat=TEAM_CHAT)
    assert "已不再等待办结说明" in texts(out) and "再按「办结」" in texts(out)
    out = await desk.send(MEMBER, "我先去看看现场", chat=TEAM_CHAT)
    assert out.replies == []  # the team's own talk
    assert await _status(desk) is Status.ON_SITE
    assert not await _farmer_told_resolved(desk)


async def test_a_command_ends_the_result_prompt(desk: Harness) -> None:
    await _accepted_with_result_asked(desk)
    [ticket] = await desk.tickets()
    out = await desk.send(MEMBER, f"/ticket {ticket.label}", chat=TEAM_CHAT)
    assert "已不再等待办结说明" in texts(out)
    await desk.send(MEMBER, "我先去看看现场", chat=TEAM_CHAT)
    assert await _status(desk) is Status.ACCEPTED
    assert not await _farmer_told_resolved(desk)


async def test_a_press_on_another_card_ends_the_question_prompt(desk: Harness) -> None:
    first = await desk.file_110(FARMER)
    await desk.press(MEMBER, f"tk:ask:{first}", chat=TEAM_CHAT)
    second = await desk.file_110(LEADER)
    out = await desk.press(MEMBER, f"tk:acc:{second}", chat=TEAM_CHAT)
    assert "已不再等待要补充的问题" in texts(out)
    await desk.send(MEMBER, "路上有点堵", chat=TEAM_CHAT)
    actions = await desk.actions(first)
    assert "ask" not in actions


async def test_the_same_button_again_asks_again_without_saying_the_prompt_ended(
    desk: Harness,
) -> None:
    ticket_id = await _accepted_with_result_asked(desk)
    out = await desk.press(MEMBER, f"tk:res:{ticket_id}", chat=TEAM_CHAT)
    assert "不再等待" not in texts(out) and "请输入办结说明" in texts(out)
    await desk.send(MEMBER, "更换了风机电容", chat=TEAM_CHAT)
    assert await _status(desk) is Status.RESOLVED


async def test_the_result_prompt_stops_waiting_after_a_quarter_of_an_hour(desk: Harness) -> None:
    await _accepted_with_result_asked(desk)
    desk.clock.advance(minutes=16)
    out = await desk.send(MEMBER, "大家注意，今晚降温", chat=TEAM_CHAT)
    assert "办结说明等了 15 分钟没有收到" in texts(out) and "没有记入工单" in texts(out)
    assert await _status(desk) is Status.ACCEPTED
    assert not await _farmer_told_resolved(desk)
    out = await desk.send(MEMBER, "我先去看看现场", chat=TEAM_CHAT)
    assert out.replies == []  # said once; the rest is the team's own talk
    assert await _status(desk) is Status.ACCEPTED


async def test_talk_long_after_an_expired_prompt_is_not_answered(desk: Harness) -> None:
    await _accepted_with_result_asked(desk)
    desk.clock.advance(hours=3)
    out = await desk.send(MEMBER, "大家早上好", chat=TEAM_CHAT)
    assert out.replies == []
    assert await _status(desk) is Status.ACCEPTED


async def test_a_result_typed_within_the_quarter_of_an_hour_still_counts(desk: Harness) -> None:
    await _accepted_with_result_asked(desk)
    desk.clock.advance(minutes=14)
    out = await desk.send(MEMBER, "更换了风机电容", chat=TEAM_CHAT)
    assert "已办结，已请报告人确认并评价" in texts(out)
    assert await _status(desk) is Status.RESOLVED


async def test_a_photo_sent_first_starts_the_quarter_of_an_hour_again(desk: Harness) -> None:
    await _accepted_with_result_asked(desk)
    desk.clock.advance(minutes=10)
    await desk.send(MEMBER, "", chat=TEAM_CHAT, photo_file_id="fixed-fan")
    desk.clock.advance(minutes=10)
    await desk.send(MEMBER, "更换了风机电容", chat=TEAM_CHAT)
    assert await _status(desk) is Status.RESOLVED


async def test_a_press_in_a_private_chat_ends_the_prompt_there_too(desk: Harness) -> None:
    ticket_id = await desk.file_110(FARMER)
    await desk.press(LEADER, f"tk:acc:{ticket_id}")  # on the card paged to the leader
    await desk.press(LEADER, f"tk:res:{ticket_id}")
    out = await desk.send(LEADER, "/queue")
    assert "已不再等待办结说明" in texts(out)
    await desk.send(LEADER, "我先去看看现场")
    assert await _status(desk) is Status.ACCEPTED
    assert not await _farmer_told_resolved(desk)


async def test_a_note_typed_too_late_in_a_private_chat_is_not_also_a_request(
    desk: Harness,
) -> None:
    ticket_id = await desk.file_110(FARMER)
    await desk.press(LEADER, f"tk:acc:{ticket_id}")  # on the card paged to the leader
    await desk.press(LEADER, f"tk:res:{ticket_id}")
    desk.clock.advance(minutes=20)
    out = await desk.send(LEADER, "更换了风机电容，温度恢复正常")
    said = texts(out)
    assert "没有记入工单" in said and "提交吗" not in said
    assert len(await desk.tickets()) == 1 and await _status(desk) is Status.ACCEPTED


async def test_an_emoji_alone_is_no_question_for_the_requester(desk: Harness) -> None:
    ticket_id = await desk.file_110(FARMER)
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)
    await desk.press(MEMBER, f"tk:ask:{ticket_id}", chat=TEAM_CHAT)
    out = await desk.send(MEMBER, "🙂", chat=TEAM_CHAT)
    assert "请直接输入说明文字" in texts(out)
    assert await _status(desk) is Status.ACCEPTED  # nothing asked of the farmer
    out = await desk.send(MEMBER, "现在炉温多少度？", chat=TEAM_CHAT)  # the prompt still waits
    assert await _status(desk) is Status.WAITING_REQUESTER


async def test_the_member_is_told_what_became_of_each_note(desk: Harness) -> None:
    ticket_id = await desk.file_110(FARMER)
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)
    await desk.press(MEMBER, f"tk:ask:{ticket_id}", chat=TEAM_CHAT)
    asked = texts(await desk.send(MEMBER, "是哪一间烤房？", chat=TEAM_CHAT))
    assert "已请报告人补充" in asked and "是哪一间烤房？" in asked
    await desk.press(MEMBER, f"tk:xfer:{ticket_id}", chat=TEAM_CHAT)
    await desk.press(MEMBER, f"tk:xto:{ticket_id}:curing-baishi", chat=TEAM_CHAT)
    long_reason = "烤房在白石乡松林，" + "不在本镇范围" * 10
    moved = texts(await desk.send(MEMBER, long_reason, chat=TEAM_CHAT))
    assert "已转给 白石乡烘烤110服务队" in moved and moved.rstrip().endswith("…")


@pytest.mark.parametrize("typed", ["算了", "取消", "算了吧", "算了。"])
async def test_words_that_leave_the_result_prompt_resolve_nothing(
    desk: Harness, typed: str
) -> None:
    """算了 at 办结's prompt is the member leaving it, as /cancel: never the result the
    farmer would read ("已办结：算了")."""
    await _accepted_with_result_asked(desk)
    out = await desk.send(MEMBER, typed, chat=TEAM_CHAT)
    assert "已不再等待办结说明" in texts(out)
    assert await _status(desk) is Status.ACCEPTED
    assert not await _farmer_told_resolved(desk)
    out = await desk.send(MEMBER, "风机已更换", chat=TEAM_CHAT)
    assert out.replies == []  # the prompt waits no more


async def test_words_that_leave_the_question_prompt_ask_nothing(desk: Harness) -> None:
    ticket_id = await desk.file_110(FARMER)
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)
    await desk.press(MEMBER, f"tk:ask:{ticket_id}", chat=TEAM_CHAT)
    out = await desk.send(MEMBER, "算了", chat=TEAM_CHAT)
    assert "已不再等待要补充的问题" in texts(out)
    assert await _status(desk) is Status.ACCEPTED


async def test_a_result_over_the_length_limit_is_refused_and_a_shorter_one_waited_for(
    desk: Harness,
) -> None:
    await _accepted_with_result_asked(desk)
    out = await desk.send(MEMBER, "好" * 5000, chat=TEAM_CHAT)
    assert "内容太长了（5000 字），请控制在 2000 字以内" in texts(out)
    assert await _status(desk) is Status.ACCEPTED
    assert not await _farmer_told_resolved(desk)
    await desk.send(MEMBER, "风机已更换，温度恢复", chat=TEAM_CHAT)
    assert await _status(desk) is Status.RESOLVED


async def _card_sent(desk: Harness, ticket_id: int, message_id: int) -> None:
    """The sender delivers the ticket's card to the team's chat as message `message_id`."""
    recorder = SentRecorder(desk.db.uow, SimulatedClock(desk.clock()))
    [card] = [
        r
        for r in await desk.outbox()
        if r.ticket_id == ticket_id and r.purpose == "card" and r.chat_id == TEAM_CHAT
    ]
    await recorder.record(card, message_id)


async def test_a_note_replying_to_another_card_is_not_taken_for_the_prompt_s_ticket(
    desk: Harness,
) -> None:
    a, b = await _two_cards_with_the_second_s_result_asked(desk)

    out = await desk.send(MEMBER, "换了风机电容", chat=TEAM_CHAT, reply_to=701)

    # Before: the second ticket was resolved with it, its requester told 已办结：换了风机电容.
    assert f"这条消息回复的是工单 {a}，没有记入" in texts(out)
    assert f"正在等待的是工单 {b} 的办结说明" in texts(out)
    assert [t.status for t in await desk.tickets()] == [Status.ACCEPTED, Status.ACCEPTED]
    out = await desk.send(MEMBER, "温控器复位", chat=TEAM_CHAT, reply_to=702)  # its own card
    assert "已办结" in texts(out)
    assert [t.status for t in await desk.tickets()] == [Status.ACCEPTED, Status.RESOLVED]


async def _two_cards_with_the_second_s_result_asked(desk: Harness) -> tuple[str, str]:
    first = await desk.file_110(FARMER)
    second = await desk.file_110(LEADER)
    await _card_sent(desk, first, 701)
    await _card_sent(desk, second, 702)
    await desk.press(MEMBER, f"tk:acc:{first}", chat=TEAM_CHAT)
    await desk.press(MEMBER, f"tk:acc:{second}", chat=TEAM_CHAT)
    await desk.press(MEMBER, f"tk:res:{second}", chat=TEAM_CHAT)
    [a, b] = await desk.tickets()
    return a.label, b.label


async def test_an_album_replying_to_another_card_is_refused_once(desk: Harness) -> None:
    other, _ = await _two_cards_with_the_second_s_result_asked(desk)

    told = [
        texts(
            await desk.send(
                MEMBER, words, chat=TEAM_CHAT, reply_to=701, photo_file_id=photo, media_group_id="a"
            )
        )
        for words, photo in (("换了风机电容", "p1"), ("", "p2"), ("", "p3"))
    ]

    # Before: 这条消息回复的是工单 …，没有记入 three times, once for each photo.
    assert f"这条消息回复的是工单 {other}，没有记入" in told[0]
    assert told[1:] == ["", ""], told
    assert [t.status for t in await desk.tickets()] == [Status.ACCEPTED, Status.ACCEPTED]
    out = await desk.send(MEMBER, "温控器复位", chat=TEAM_CHAT)  # the prompt still waits
    assert "已办结" in texts(out)


async def test_a_captioned_video_replying_to_another_card_is_only_said_not_recorded(
    desk: Harness,
) -> None:
    other, _ = await _two_cards_with_the_second_s_result_asked(desk)

    out = await desk.send(MEMBER, "换了风机电容", chat=TEAM_CHAT, reply_to=701, unsupported="video")

    # Before: 附带的文字照常读取 first, then 没有记入: the words were not read after all.
    assert f"这条消息回复的是工单 {other}，没有记入" in texts(out)
    assert "照常读取" not in texts(out)
    assert [t.status for t in await desk.tickets()] == [Status.ACCEPTED, Status.ACCEPTED]


async def test_an_album_whose_result_came_too_late_is_let_go_whole(desk: Harness) -> None:
    ticket_id = await desk.file_110(FARMER)
    await desk.press(LEADER, f"tk:acc:{ticket_id}")  # on the card paged to the leader
    await desk.press(LEADER, f"tk:res:{ticket_id}")
    await desk.press(LEADER, f"tk:res:{ticket_id}", chat=TEAM_CHAT)  # resolved there first
    await desk.send(LEADER, "温控器复位", chat=TEAM_CHAT)
    await desk.send(LEADER, "换了风机电容", photo_file_id="p1", media_group_id="late")
    rest = [
        await desk.send(LEADER, photo_file_id=photo, media_group_id="late")
        for photo in ("p2", "p3")
    ]

    # Before: each of the album's next photos got 已收到。请再用文字或语音说明一下情况… and
    # began a request of the leader's own.
    assert [texts(out) for out in rest] == ["", ""]
    assert len(await desk.tickets()) == 1 and await _status(desk) is Status.RESOLVED


async def _delivery_ticket(desk: Harness) -> int:
    """A retailer's request, with the delivery team: never the curing team's to touch."""
    await desk.registered_as(RETAILER, "retailer")
    ticket = await desk.file_request(RETAILER, "我的烟没送到，配送延误三天了")
    assert ticket.id is not None and ticket.team_id == "delivery"
    return ticket.id


@pytest.mark.parametrize(
    ("forged", "refusal"),
    [
        ("tk:acc:{other}", "由物流配送中心办理，不是您所在服务队的工单"),
        ("tk:acc:987654", "这个按钮已失效"),
        ("tk:zap:{mine}", "这个按钮已失效"),
        ("sv:remind:{mine}", "只对督办人员开放"),
        ("zz:nothing", "这个按钮已失效"),
    ],
)
async def test_a_refused_press_leaves_the_result_prompt_waiting(
    desk: Harness, forged: str, refusal: str
) -> None:
    """A press the member may not make changes nothing: not the ticket it names, and not
    the 办结 note they were asked for (before: it ended the prompt, and the result typed
    next went nowhere)."""
    other = await _delivery_ticket(desk)
    mine = await _accepted_with_result_asked(desk)
    out = await desk.press(MEMBER, forged.format(other=other, mine=mine), chat=TEAM_CHAT)
    said = texts(out)
    assert refusal in (out.toast or ""), said
    assert "仍在等待您的办结说明" in said and "不再等待" not in said
    out = await desk.send(MEMBER, "更换了风机电容", chat=TEAM_CHAT)
    assert "已办结，已请报告人确认并评价" in texts(out)
    assert (await desk.tickets())[-1].status is Status.RESOLVED
    assert "accept" not in await desk.actions(other)


async def test_a_refused_press_does_not_keep_the_prompt_of_a_ticket_moved_away(
    desk: Harness,
) -> None:
    """The 办结 prompt waits; a supervisor sends the ticket to 白石乡; the member presses 上门
    on the old card, refused: the prompt's ticket is no longer theirs, so it is let go, not
    said to wait on (before: 仍在等待您的办结说明, and the note typed next was refused)."""
    ticket_id = await _accepted_with_result_asked(desk)
    await desk.press(SUPERVISOR, f"sv:reassign:{ticket_id}")
    await desk.press(SUPERVISOR, f"tk:rto:{ticket_id}:curing-baishi")
    out = await desk.press(MEMBER, f"tk:vis:{ticket_id}", chat=TEAM_CHAT)
    assert "现由白石乡烘烤110服务队办理" in (out.toast or "")
    assert "仍在等待您的办结说明" not in texts(out) and "不再等待" in texts(out)


async def _sent_to_baishi(desk: Harness, ticket_id: int) -> None:
    """The leader's 转派 of the ticket to 白石乡, with its reason."""
    await desk.press(LEADER, f"tk:xfer:{ticket_id}", chat=TEAM_CHAT)
    await desk.press(LEADER, f"tk:xto:{ticket_id}:curing-baishi", chat=TEAM_CHAT)
    await desk.send(LEADER, "属于白石片区", chat=TEAM_CHAT)


async def _team_notes(desk: Harness, ticket_id: int) -> list[str | None]:
    """The notes kept on the ticket for the team that has it (`team_note` events)."""
    async with desk.db.uow(read_only=True) as uow:
        return [e.note for e in await uow.tickets.events(ticket_id) if e.action == "team_note"]


async def _told(desk: Harness, chat: int, since: set[int | None]) -> list[OutboxMessage]:
    """The outbox rows for `chat` written after the rows `since`."""
    return [r for r in await desk.outbox() if r.id not in since and r.chat_id == chat]


async def test_a_result_typed_after_the_leader_transferred_the_ticket_is_kept_for_its_new_team(
    desk: Harness,
) -> None:
    """The member types the 办结 note while the leader sends the ticket to 白石乡: it can no
    longer resolve the ticket, but what was done is not lost: kept on the ticket, passed to
    the team that has it now, and the member told so."""
    ticket_id = await _accepted_with_result_asked(desk)
    await _sent_to_baishi(desk, ticket_id)
    before = {row.id for row in await desk.outbox()}
    out = await desk.send(MEMBER, "更换了风机电容，温度已正常", chat=TEAM_CHAT)
    said = texts(out)
    assert "更换了风机电容，温度已正常" in said and "白石乡烘烤110服务队" in said, said
    [ticket] = await desk.tickets()
    assert ticket.status is Status.DISPATCHED and ticket.team_id == "curing-baishi"
    assert await _team_notes(desk, ticket_id) == ["更换了风机电容，温度已正常"]
    told = await _told(desk, BAISHI_CHAT, since=before)
    assert any("更换了风机电容，温度已正常" in r.payload["text"] for r in told)
    assert not any(r.chat_id == FARMER for r in await desk.outbox() if r.id not in before)


async def test_a_result_typed_after_transfer_and_withdrawal_is_not_sent_as_work_waiting(
    desk: Harness,
) -> None:
    """The ticket transferred and then withdrawn by the farmer: no team waits on it, so the
    member's 办结 note is not passed on as work waiting; the member is told it moved on."""
    ticket_id = await _accepted_with_result_asked(desk)
    await _sent_to_baishi(desk, ticket_id)
    await desk.press(FARMER, f"my:x:{ticket_id}")
    await desk.press(FARMER, f"my:xx:{ticket_id}")
    [ticket] = await desk.tickets()
    assert ticket.status is Status.CANCELLED
    before = {row.id for row in await desk.outbox()}
    await desk.send(MEMBER, "更换了风机电容，温度已正常", chat=TEAM_CHAT)
    told = await _told(desk, BAISHI_CHAT, since=before)
    assert not any("仍待您队办理" in str(r.payload.get("text", "")) for r in told), told
    assert "team_note" not in await desk.actions(ticket_id)


async def _question_asked_then_transferred(desk: Harness) -> int:
    """The member presses 需补充 and, before their question is typed, the leader sends the
    ticket to 白石乡."""
    ticket_id = await desk.file_110(FARMER)
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)
    out = await desk.press(MEMBER, f"tk:ask:{ticket_id}", chat=TEAM_CHAT)
    assert "15 分钟内发送有效" in texts(out)
    await _sent_to_baishi(desk, ticket_id)
    return ticket_id


async def test_a_question_typed_after_the_leader_transferred_the_ticket_is_passed_to_its_new_team(
    desk: Harness,
) -> None:
    """The 需补充 question typed after the leader's 转派 is not asked of the farmer (the
    member's team no longer has the ticket) and not lost either: kept on the ticket, passed to
    the team that has it now for them to ask if they still need it, and the member told where
    the ticket went, their words quoted (before: 现由…办理，不能再操作它, and the words were
    gone)."""
    ticket_id = await _question_asked_then_transferred(desk)
    before = {row.id for row in await desk.outbox()}
    out = await desk.send(MEMBER, "是哪一间烤房？风机响不响？", chat=TEAM_CHAT)
    said = texts(out)
    assert "是哪一间烤房？风机响不响？" in said and "白石乡烘烤110服务队" in said, said
    assert "没有发给报告人" in said, said
    [ticket] = await desk.tickets()
    assert ticket.status is Status.DISPATCHED and ticket.team_id == "curing-baishi"
    assert await _team_notes(desk, ticket_id) == ["是哪一间烤房？风机响不响？"]
    told = await _told(desk, BAISHI_CHAT, since=before)
    assert any("是哪一间烤房？风机响不响？" in r.payload["text"] for r in told), told
    assert any("需补充" in r.payload["text"] for r in told), told
    assert not any(r.chat_id == FARMER for r in await desk.outbox() if r.id not in before)


@pytest.mark.parametrize("flow", ["ask", "res"])
async def test_a_note_typed_after_transfer_and_withdrawal_is_quoted_back(
    desk: Harness, flow: str
) -> None:
    """Transferred and then withdrawn: no team waits on the ticket, so the question or the
    result is passed to no one; the member is told it moved on and reads their own words
    back, not lost."""
    if flow == "ask":
        ticket_id = await _question_asked_then_transferred(desk)
    else:
        ticket_id = await _accepted_with_result_asked(desk)
        await _sent_to_baishi(desk, ticket_id)
    await desk.press(FARMER, f"my:x:{ticket_id}")
    await desk.press(FARMER, f"my:xx:{ticket_id}")
    before = {row.id for row in await desk.outbox()}
    out = await desk.send(MEMBER, "风机电容换过了吗", chat=TEAM_CHAT)
    said = texts(out)
    assert "风机电容换过了吗" in said and "没有记入" in said, said
    assert "team_note" not in await desk.actions(ticket_id)
    assert not [r for r in await desk.outbox() if r.id not in before]


@pytest.mark.parametrize("press", ["tk:res:{done}", "tk:vis:{done}", "tk:ask:{done}"])
async def test_an_old_cards_press_on_a_resolved_ticket_leaves_the_result_prompt_waiting(
    desk: Harness, press: str
) -> None:
    """办结 asked on one call; an older card's button of another call, resolved already, is
    pressed: it is said to need no press, and does nothing, so the note asked for still
    counts (before: 已不再等待办结说明, and the note typed next went nowhere)."""
    done = await desk.resolved_110(FARMER, MEMBER, TEAM_CHAT)
    asked = await desk.file_110(FARMER)
    await desk.press(MEMBER, f"tk:acc:{asked}", chat=TEAM_CHAT)
    await desk.press(MEMBER, f"tk:res:{asked}", chat=TEAM_CHAT)

    out = await desk.press(MEMBER, press.format(done=done), chat=TEAM_CHAT)

    assert "已办结" in (out.toast or "") and "不再等待" not in texts(out)
    out = await desk.send(MEMBER, "更换了风机电容", chat=TEAM_CHAT)
    assert "已办结，已请报告人确认并评价" in texts(out)
    [resolved] = [t for t in await desk.tickets() if t.id == asked]
    assert resolved.status is Status.RESOLVED


async def test_a_question_typed_privately_after_pressing_in_the_group_is_pointed_there(
    desk: Harness,
) -> None:
    ticket_id = await desk.file_110(FARMER)
    await desk.press(MEMBER, f"tk:ask:{ticket_id}", chat=TEAM_CHAT)
    out = await desk.send(MEMBER, "请问是哪个烤房，几号炉？")  # in the private chat
    said = texts(out)
    assert "工单" in said and "请在刚才按「需补充」的群里发送" in said and "提交吗" not in said
    assert len(await desk.tickets()) == 1
    out = await desk.send(MEMBER, "请问是哪个烤房，几号炉？", chat=TEAM_CHAT)
    assert "已请报告人补充" in texts(out)
    assert "ask" in await desk.actions(ticket_id)


async def test_a_result_typed_in_the_group_after_pressing_on_a_page_is_pointed_back(
    desk: Harness,
) -> None:
    ticket_id = await desk.file_110(FARMER)
    await desk.press(LEADER, f"tk:acc:{ticket_id}")  # on the card paged to the leader
    await desk.press(LEADER, f"tk:res:{ticket_id}")
    out = await desk.send(LEADER, "更换了风机电容", chat=TEAM_CHAT)
    assert "请在与机器人的私聊里发送（「办结」是在私聊里按的）" in texts(out)
    # Told once: the leader's talk in the group after it is the team's own again.
    out = await desk.send(LEADER, "大家辛苦了", chat=TEAM_CHAT)
    assert out.replies == []
    await desk.send(LEADER, "更换了风机电容")
    assert await _status(desk) is Status.RESOLVED


async def test_a_voice_note_sent_privately_after_pressing_in_the_group_is_pointed_there(
    desk: Harness,
) -> None:
    ticket_id = await desk.file_110(FARMER)
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)
    await desk.press(MEMBER, f"tk:res:{ticket_id}", chat=TEAM_CHAT)
    out = await desk.send(MEMBER, voice_file_id="how-it-was-mended")  # in the private chat
    assert "办结说明请在刚才按「办结」的群里发送" in texts(out)
    assert len(await desk.tickets()) == 1 and await _status(desk) is Status.ACCEPTED


@pytest.mark.parametrize(
    "words",
    [
        "我家烤房停电了，温度降不下来",
        "我家烤房温度怎么也降不下来了",  # 怎么 tells of the trouble, asks the farmer nothing
        "我家烤房停电了，怎么办",
        "我家那边的烤房停电了",
        "家里烤房停电了，温度降不下来",
        "我们家里烤房停电了",
    ],
)
async def test_a_members_own_barn_alarm_typed_privately_is_raised_while_a_prompt_waits(
    desk: Harness, words: str
) -> None:
    ticket_id = await desk.file_110(FARMER)
    await desk.press(MEMBER, f"tk:ask:{ticket_id}", chat=TEAM_CHAT)
    out = await desk.send(MEMBER, words)  # their own barn, privately
    assert "已报警" in texts(out)  # as it is without the press
    assert len(await desk.tickets()) == 2


@pytest.mark.parametrize(
    "note",
    [
        "烤房停电了吗？温度降不下来是从几点开始的",  # the 需补充 question for the farmer
        "你家烤房是不是停电了，温度降不下来？",
        "你家烤房停电了，温度降不下来从几点开始",  # the farmer's barn, asked without a mark
        "我们的烤房技术员马上过去，停电了先别开炉门",  # words for the farmer: a person
        "跟我家烤房一样，停电了就先把风门关小",  # a likeness told the farmer
        "他家里烤房也停电了，温度降不下来",  # someone else's barn at their home
        "农户家里烤房停电了，温度降不下来，我马上过去",
    ],
)
async def test_a_question_about_the_farmers_barn_typed_privately_raises_no_alarm(
    desk: Harness, note: str
) -> None:
    ticket_id = await desk.file_110(FARMER)
    await desk.press(MEMBER, f"tk:ask:{ticket_id}", chat=TEAM_CHAT)
    out = await desk.send(MEMBER, note)  # the question, typed in the private chat
    assert "群里发送" in texts(out)
    assert "已报警" not in texts(out)
    assert len(await desk.tickets()) == 1  # no 110 call of the member's


async def test_talk_in_another_teams_group_is_not_called_a_private_message(
    db: Database, demo_config: Config
) -> None:
    desk = Harness(db, with_member_toggled(demo_config, "growing", MEMBER))
    await desk.seed()
    ticket_id = await desk.file_110(FARMER)
    await desk.press(MEMBER, f"tk:ask:{ticket_id}", chat=TEAM_CHAT)
    out = await desk.send(MEMBER, "明天的技术培训几点开始？", chat=GROWING_CHAT)
    assert "私聊消息" not in texts(out)


async def test_a_member_with_prompts_in_two_teams_groups_is_pointed_there_once(
    db: Database, demo_config: Config
) -> None:
    desk = Harness(db, with_member_toggled(demo_config, "growing", MEMBER))
    await desk.seed()
    barn = await desk.file_110(FARMER)
    leaves = await desk.file_request(FARMER, "烟苗叶片发黄有斑点，是什么病害，怎么防治")
    assert leaves.team_id == "growing"
    await desk.press(MEMBER, f"tk:ask:{barn}", chat=TEAM_CHAT)
    await desk.press(MEMBER, f"tk:ask:{leaves.id}", chat=GROWING_CHAT)
    first = texts(await desk.send(MEMBER, "今晚我值班"))
    assert "群里发送" in first
    # Told once: the member's next words in private are their own again.
    second = texts(await desk.send(MEMBER, "我想申请一台新的温控仪"))
    assert "群里发送" not in second
