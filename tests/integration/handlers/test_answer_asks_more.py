"""An answer to the team's question that also asks about another service ("软玉溪，另外我想问下
下周能订中华吗？"), sent as Telegram's reply to the question notice: it joins that ticket as
the answer, and filing the words as a new request as well is one tap away. Typed without
the reply, the new request's summary offers the waiting ticket beside it."""

from __future__ import annotations

import itertools

from bot.outbox import SimulatedClock
from bot.outbox.recorder import SentRecorder
from core.enums import Status
from core.lifecycle import QUESTION_NOTICE
from core.model import Ticket
from tests.support.desk import Harness, button_actions, button_data, texts

RETAILER = 100002
DELIVERY_CHAT = -1001000000014
DELIVERY_MEMBER = 200071
_message_ids = itertools.count(8000)


async def _asked(desk: Harness, words: str = "上次送货少了一条玉溪") -> Ticket:
    ticket = await desk.file_request(RETAILER, words)
    assert ticket.team_id == "delivery"
    await desk.press(DELIVERY_MEMBER, f"tk:acc:{ticket.id}", chat=DELIVERY_CHAT)
    await desk.press(DELIVERY_MEMBER, f"tk:ask:{ticket.id}", chat=DELIVERY_CHAT)
    await desk.send(DELIVERY_MEMBER, "请问少的是哪个规格？", chat=DELIVERY_CHAT)
    return ticket


async def _question_notice(desk: Harness) -> int:
    """The sender delivers the question notice: its message id."""
    recorder = SentRecorder(desk.db.uow, SimulatedClock(desk.clock()))
    [row] = [
        r for r in await desk.outbox() if r.status == "pending" and r.purpose == QUESTION_NOTICE
    ]
    message_id = next(_message_ids)
    await recorder.record(row, message_id)
    return message_id


async def _told(desk: Harness) -> list[str]:
    return [
        str(r.payload.get("text", "")) for r in await desk.outbox() if r.chat_id == DELIVERY_CHAT
    ]


async def test_a_reply_that_answers_and_asks_more_joins_the_ticket_and_offers_a_request(
    desk: Harness,
) -> None:
    ticket = await _asked(desk)
    notice = await _question_notice(desk)
    words = "软玉溪，另外我想问下下周能订中华吗？"
    out = await desk.send(RETAILER, words, reply_to=notice)
    assert f"已把您的回复补充到工单 {ticket.label}" in texts(out)
    [offer] = button_data(out)
    assert offer.startswith(f"my:also:{ticket.id}:")
    [answered] = await desk.tickets()
    assert answered.status is Status.ACCEPTED
    assert (await desk.actions(ticket.id or 0))[-1] == "answer"
    assert any(f"报告人回复：{words}" in x for x in await _told(desk))
    out = await desk.press(RETAILER, offer)
    said = texts(out)
    assert words in said and "营销服务部" in said and "f:ok" in button_actions(out)
    assert len(await desk.tickets()) == 1  # offered, not filed unasked


async def test_the_offer_is_made_in_traditional(desk: Harness) -> None:
    ticket = await _asked(desk, words="上次送貨少了一條玉溪")
    notice = await _question_notice(desk)
    out = await desk.send(RETAILER, "軟玉溪，另外我想問下下週能訂中華嗎？", reply_to=notice)
    assert f"已把您的回覆補充到工單 {ticket.label}" in texts(out)
    labels = [b.text for r in out.replies for row in r.buttons for b in row]
    assert labels == ["📝 也作為新的求助"]


async def test_another_persons_offer_files_nothing(desk: Harness) -> None:
    ticket = await _asked(desk)
    notice = await _question_notice(desk)
    out = await desk.send(RETAILER, "软玉溪，另外我想问下下周能订中华吗？", reply_to=notice)
    [offer] = button_data(out)
    stranger = 100003
    out = await desk.press(stranger, offer)
    assert "营销服务部" not in texts(out)
    bogus = await desk.press(RETAILER, f"my:also:{ticket.id}:999999")
    assert bogus.toast is not None and len(await desk.tickets()) == 1


async def test_typed_without_the_reply_the_waiting_ticket_is_offered_beside_a_request(
    desk: Harness,
) -> None:
    ticket = await _asked(desk)
    out = await desk.send(RETAILER, "软玉溪，另外我想问下下周能订中华吗？")
    assert f"➕ 补充到工单 {ticket.label}" in texts(out) and "营销服务部" in texts(out)
    [waiting] = await desk.tickets()
    assert waiting.status is Status.WAITING_REQUESTER  # nothing joined before a press
    [add] = [d for d in button_data(out) if d.startswith("f:add")]
    out = await desk.press(RETAILER, add)
    assert f"已把您的回复补充到工单 {ticket.label}" in texts(out)
    [answered] = await desk.tickets()
    assert answered.status is Status.ACCEPTED
