"""Words sent as Telegram's reply (回复) to a ticket's 接单 or 上门 notice: about that ticket,
added to it for its team, not offered as a new request beside it."""

from __future__ import annotations

import itertools

import pytest

from bot.outbox import SimulatedClock
from bot.outbox.recorder import SentRecorder
from core.enums import Status
from tests.support.desk import Harness, button_data, texts

RETAILER = 100002
DELIVERY_CHAT, ORDERING_CHAT = -1001000000014, -1001000000013
DELIVERY_MEMBER = 200071
_message_ids = itertools.count(9000)


async def _taken(desk: Harness, verb: str = "acc") -> tuple[int, int]:
    """The retailer's delivery request accepted (and with `verb` "vis", visited); the
    ticket's id and the message id of the last notice delivered to the retailer."""
    ticket = await desk.file_request(RETAILER, "昨天送货少送了一条中华")
    assert ticket.id is not None and ticket.team_id == "delivery"
    await desk.press(DELIVERY_MEMBER, f"tk:acc:{ticket.id}", chat=DELIVERY_CHAT)
    if verb != "acc":
        await desk.press(DELIVERY_MEMBER, f"tk:{verb}:{ticket.id}", chat=DELIVERY_CHAT)
    recorder = SentRecorder(desk.db.uow, SimulatedClock(desk.clock()))
    sent = 0
    for row in await desk.outbox():
        if row.status == "pending" and row.chat_id == RETAILER:
            sent = next(_message_ids)
            await recorder.record(row, sent)
    return ticket.id, sent


@pytest.mark.parametrize("verb", ["acc", "vis"])
async def test_words_replied_to_the_accept_or_visit_notice_reach_that_ticket(
    desk: Harness, verb: str
) -> None:
    """Before: 要把这条消息作为「求助办事」提交吗？ with the words, a new request offered."""
    ticket_id, notice = await _taken(desk, verb)
    before = {r.id for r in await desk.outbox()}

    out = await desk.send(RETAILER, "我下午不在店里，放隔壁就行", reply_to=notice)

    said = texts(out)
    assert "补充到工单 10019，服务队会继续处理" in said and "请确认" not in said, said
    assert f"my:new:{ticket_id}" not in button_data(out) and "f:ok" not in str(button_data(out))
    [ticket] = await desk.tickets()
    assert ticket.status is not Status.RESOLVED
    team = [
        str(r.payload.get("text"))
        for r in await desk.outbox()
        if r.id not in before and r.chat_id == DELIVERY_CHAT
    ]
    assert any("我下午不在店里，放隔壁就行" in text for text in team), team


async def test_in_traditional_the_words_replied_are_added_and_said_so_in_traditional(
    desk: Harness,
) -> None:
    _, notice = await _taken(desk)
    out = await desk.send(RETAILER, "我下午不在店裡，放隔壁就行", reply_to=notice)
    assert "補充到工單 10019，服務隊會繼續處理" in texts(out), texts(out)
    assert len(await desk.tickets()) == 1


async def test_another_service_replied_to_the_accept_notice_goes_its_own_way(
    desk: Harness,
) -> None:
    _, notice = await _taken(desk)
    out = await desk.send(RETAILER, "另外问一下，许可证快到期了怎么延续？", reply_to=notice)
    assert "要把这条消息作为" in texts(out), texts(out)


async def test_words_replied_to_the_transfer_notice_reach_the_new_team(desk: Harness) -> None:
    """Before: 转给谁了？还要多久 replied to 「工单 … 已转给 营销服务部 办理」 was offered as a
    new request for the triage desk."""
    ticket = await desk.file_request(RETAILER, "昨天送货少送了一条中华")
    assert ticket.id is not None
    await desk.press(DELIVERY_MEMBER, f"tk:xfer:{ticket.id}", chat=DELIVERY_CHAT)
    await desk.press(DELIVERY_MEMBER, f"tk:xto:{ticket.id}:ordering", chat=DELIVERY_CHAT)
    await desk.send(DELIVERY_MEMBER, "是订货量的问题，转客户经理", chat=DELIVERY_CHAT)
    recorder = SentRecorder(desk.db.uow, SimulatedClock(desk.clock()))
    [notice] = [
        r for r in await desk.outbox() if r.chat_id == RETAILER and "已转给" in r.payload["text"]
    ]
    await recorder.record(notice, 9999)
    before = {r.id for r in await desk.outbox()}

    out = await desk.send(RETAILER, "我下午不在店里，放隔壁就行", reply_to=9999)

    assert "补充到工单 10019，服务队会继续处理" in texts(out), texts(out)
    team = [
        str(r.payload.get("text"))
        for r in await desk.outbox()
        if r.id not in before and r.chat_id == ORDERING_CHAT
    ]
    assert any("我下午不在店里" in text for text in team), team


@pytest.mark.parametrize(
    "words",
    [
        "你们送货员态度太差了",
        "另外我要投诉客户经理态度太差",
        "我想办理许可证延续",
        "再帮我订两条中华",
    ],
    ids=["complaint-of-its-team", "complaint-of-another", "another-service", "a-new-order"],
)
async def test_a_matter_of_its_own_replied_to_the_accept_notice_is_offered_as_one(
    desk: Harness, words: str
) -> None:
    """Before: 已把您的回复补充到工单 10019 — a complaint or another service's request was
    added to the delivery ticket, and no ticket of its own was ever offered."""
    ticket_id, notice = await _taken(desk)
    out = await desk.send(RETAILER, words, reply_to=notice)
    said = texts(out)
    assert "要把这条消息作为" in said and "补充到工单 10019，服务队" not in said, said
    assert "info" not in await desk.actions(ticket_id)  # nothing added for the team


async def test_a_withdrawal_replied_to_the_accept_notice_is_one(desk: Harness) -> None:
    """Before: 撤回 replied to 接单 was added to the ticket as words for its team."""
    ticket_id, notice = await _taken(desk)
    out = await desk.send(RETAILER, "撤回", reply_to=notice)
    assert "不能再撤回" in texts(out) and "补充到工单" not in texts(out), texts(out)
    assert "info" not in await desk.actions(ticket_id)


async def test_a_score_replied_to_the_accept_notice_is_no_words_for_its_team(
    desk: Harness,
) -> None:
    ticket_id, notice = await _taken(desk)
    out = await desk.send(RETAILER, "5分", reply_to=notice)
    assert "已把您的回复补充到工单" not in texts(out), texts(out)
    assert "info" not in await desk.actions(ticket_id)


@pytest.mark.parametrize("words", ["什么时候到", "我下午不在家", "电话打不通"])
async def test_words_of_the_ticket_replied_to_the_accept_notice_still_join_it(
    desk: Harness, words: str
) -> None:
    _, notice = await _taken(desk)
    out = await desk.send(RETAILER, words, reply_to=notice)
    assert "补充到工单 10019，服务队会继续处理" in texts(out), texts(out)
    assert len(await desk.tickets()) == 1


async def test_a_complaint_replied_to_the_accept_notice_mid_draft_stays_the_drafts(
    desk: Harness,
) -> None:
    """Before: the complaint left the draft and was added to the delivery ticket."""
    ticket_id, notice = await _taken(desk)
    await desk.send(RETAILER, "/new")
    out = await desk.send(RETAILER, "你们送货员态度太差了", reply_to=notice)
    assert "补充到工单" not in texts(out), texts(out)
    assert "info" not in await desk.actions(ticket_id)
