"""An answer to the team's question sent in two messages (a photo, then the words that go with
it): the second joins the ticket too, instead of being offered as a new request."""

from __future__ import annotations

import pytest

from core.enums import Role
from core.services import note_event
from tests.support.desk import Harness, texts
from tests.support.tickets import FARMER

RETAILER = 100002
DELIVERY_CHAT = -1001000000014
DELIVERY_MEMBER = 200071


async def _asked(desk: Harness) -> int:
    """The retailer's delivery complaint, which the team asks about; the ticket's id."""
    ticket = await desk.file_request(RETAILER, "今天送貨的少了兩條煙")
    assert ticket.id is not None and ticket.team_id == "delivery"
    await desk.press(DELIVERY_MEMBER, f"tk:acc:{ticket.id}", chat=DELIVERY_CHAT)
    await desk.press(DELIVERY_MEMBER, f"tk:ask:{ticket.id}", chat=DELIVERY_CHAT)
    await desk.send(DELIVERY_MEMBER, "请问是哪个品规少了？", chat=DELIVERY_CHAT)
    return ticket.id


async def _team_heard(desk: Harness) -> list[str]:
    return [r.payload.get("text", "") for r in await desk.outbox() if r.chat_id == DELIVERY_CHAT]


async def test_words_sent_just_after_a_photo_answer_join_the_ticket(desk: Harness) -> None:
    ticket_id = await _asked(desk)
    out = await desk.send(RETAILER, photo_file_id="receipt")
    assert "已把您的回覆補充到工單 10019" in texts(out)
    desk.clock.advance(minutes=2)
    out = await desk.send(RETAILER, "就是這張單子上的雲煙")
    assert texts(out).strip() == "已補充到工單 10019，服務隊會看到。"
    assert len(await desk.tickets()) == 1  # no new request offered, none filed
    assert "工单 10019 报告人补充：就是這張單子上的雲煙" in await _team_heard(desk)
    async with desk.db.uow(read_only=True) as uow:
        actions = [e.action for e in await uow.tickets.events(ticket_id)]
    assert actions[-2:] == ["answer", "info"]


async def test_a_photo_sent_just_after_a_typed_answer_joins_the_ticket(desk: Harness) -> None:
    await _asked(desk)
    await desk.send(RETAILER, "少了兩條雲煙")
    out = await desk.send(RETAILER, photo_file_id="receipt")
    assert texts(out).strip() == "已補充到工單 10019，服務隊會看到。"
    assert len(await desk.tickets()) == 1


async def test_later_words_or_another_service_are_a_new_matter(desk: Harness) -> None:
    await _asked(desk)
    await desk.send(RETAILER, "少了兩條雲煙")
    out = await desk.send(RETAILER, "另外問一下，許可證延續要帶什麼材料？")
    assert "要把這條消息作為「求助辦事」提交嗎" in texts(out)
    await desk.press(RETAILER, "f:no")
    desk.clock.advance(minutes=30)
    out = await desk.send(RETAILER, "我想再訂五條中華")
    assert "提交嗎" in texts(out)  # half an hour on: a new request, as before


async def test_a_new_request_for_another_service_is_not_swallowed(desk: Harness) -> None:
    """Minutes after the answer, words plainly for another service (a new order after
    answering about a delivery; a licence renewal) are a new matter, question or not."""
    await _asked(desk)
    await desk.send(RETAILER, "少了兩條雲煙")
    for words in ("我想再訂五條中華", "另外，我的許可證下個月到期了，要辦延續"):
        out = await desk.send(RETAILER, words)
        assert "補充" not in texts(out)
        assert "提交嗎" in texts(out)
        await desk.press(RETAILER, "f:no")
    assert not any("报告人补充：" in text for text in await _team_heard(desk))


async def test_a_greeting_after_the_answer_is_no_addition(desk: Harness) -> None:
    await _asked(desk)
    await desk.send(RETAILER, "少了兩條雲煙")
    out = await desk.send(RETAILER, "謝謝")
    assert "補充" not in texts(out)
    assert not any("报告人补充：" in text for text in await _team_heard(desk))


@pytest.mark.parametrize("refused", ["unreachable", "delivery_failed"])
async def test_a_photo_after_the_answer_joins_it_though_a_notice_of_it_was_refused(
    desk: Harness, refused: str
) -> None:
    """The team's member never opened a private chat with the bot: the notice of the answer
    is refused and recorded on the ticket. The screenshot the team asked for, sent next,
    still joins the ticket instead of starting a new request for the triage desk."""
    ticket_id = await _asked(desk)
    await desk.send(RETAILER, "賬號是 520123000123，提示密碼錯誤")
    async with desk.db.uow() as uow:  # what the outbox sender records when Telegram refuses
        held = await uow.tickets.get(ticket_id)
        assert held is not None
        await note_event(
            uow, held, refused, actor_id=None, role=Role.SYSTEM, now=desk.clock(),
            note="Forbidden: bot can't initiate conversation with a user",
        )  # fmt: skip
        await uow.commit()
    desk.clock.advance(minutes=1)
    out = await desk.send(RETAILER, photo_file_id="screenshot")
    assert texts(out).strip() == "已補充到工單 10019，服務隊會看到。"
    assert len(await desk.tickets()) == 1


async def test_a_photo_sent_just_after_sending_the_ticket_back_joins_it(desk: Harness) -> None:
    """没解决, with why (我有照片), and then the photo: the evidence for the team the ticket
    went back to, not a new request that asks what happened."""
    ticket = await desk.file_request(RETAILER, "今天送貨的少了兩條煙")
    assert ticket.id is not None
    await desk.press(DELIVERY_MEMBER, f"tk:acc:{ticket.id}", chat=DELIVERY_CHAT)
    await desk.press(DELIVERY_MEMBER, f"tk:res:{ticket.id}", chat=DELIVERY_CHAT)
    await desk.send(DELIVERY_MEMBER, "出库单上就是8条", chat=DELIVERY_CHAT)
    await desk.send(RETAILER, "沒解決，送貨單上明明寫的10條，我有照片")
    assert (await desk.actions(ticket.id))[-1] == "reopen"
    desk.clock.advance(minutes=1)
    out = await desk.send(RETAILER, photo_file_id="delivery-note")
    assert texts(out).strip() == "已補充到工單 10019，服務隊會看到。"
    assert len(await desk.tickets()) == 1
    assert (await desk.actions(ticket.id))[-1] == "info"


async def test_withdraw_typed_after_an_answer_is_no_addition(desk: Harness) -> None:
    """撤回 typed minutes after answering asks to withdraw, as it does at any other time,
    instead of reaching the team as the words 撤回 on the ticket."""
    ticket_id = await _asked(desk)
    await desk.send(RETAILER, "少了兩條雲煙")
    out = await desk.send(RETAILER, "撤回")
    assert "已補充到工單" not in texts(out) and "撤回" in texts(out)
    assert not any("报告人补充：撤回" in text for text in await _team_heard(desk))
    assert (await desk.actions(ticket_id))[-1] == "answer"


async def test_withdraw_typed_after_sending_a_ticket_back_is_no_addition(desk: Harness) -> None:
    ticket = await desk.file_request(RETAILER, "今天送貨的少了兩條煙")
    assert ticket.id is not None
    await desk.file_request(RETAILER, "建議訂貨系統出個手機版", command="/suggest")
    await desk.press(DELIVERY_MEMBER, f"tk:acc:{ticket.id}", chat=DELIVERY_CHAT)
    await desk.press(DELIVERY_MEMBER, f"tk:res:{ticket.id}", chat=DELIVERY_CHAT)
    await desk.send(DELIVERY_MEMBER, "出库单上就是8条", chat=DELIVERY_CHAT)
    await desk.send(RETAILER, "沒解決，送貨單上明明寫的10條")
    out = await desk.send(RETAILER, "撤回")
    assert "要撤回的是哪一個" in texts(out)
    assert (await desk.actions(ticket.id))[-1] == "reopen"


async def test_a_photo_after_sending_back_the_older_ticket_joins_it_not_the_newer_answered(
    desk: Harness,
) -> None:
    """The newer ticket's question answered, then the older sent back with 我有照片: the
    photo is the older one's, the last the retailer spoke of."""
    older = await desk.file_request(RETAILER, "今天送貨的少了兩條煙")
    newer = await desk.file_request(RETAILER, "配送員把我店門口的貨架碰壞了")
    await desk.press(DELIVERY_MEMBER, f"tk:acc:{older.id}", chat=DELIVERY_CHAT)
    await desk.press(DELIVERY_MEMBER, f"tk:res:{older.id}", chat=DELIVERY_CHAT)
    await desk.send(DELIVERY_MEMBER, "出库单上就是8条", chat=DELIVERY_CHAT)
    await desk.press(DELIVERY_MEMBER, f"tk:acc:{newer.id}", chat=DELIVERY_CHAT)
    await desk.press(DELIVERY_MEMBER, f"tk:ask:{newer.id}", chat=DELIVERY_CHAT)
    await desk.send(DELIVERY_MEMBER, "请问是几点的事？", chat=DELIVERY_CHAT)
    await desk.send(RETAILER, "上午十點左右")
    desk.clock.advance(minutes=2)
    await desk.send(RETAILER, "沒解決，送貨單上明明寫的10條，我有照片")
    assert (await desk.actions(older.id or 0))[-1] == "reopen"
    desk.clock.advance(minutes=1)

    await desk.send(RETAILER, photo_file_id="delivery-note")

    assert (await desk.actions(older.id or 0))[-1] == "info"
    assert (await desk.actions(newer.id or 0))[-1] == "answer"


async def test_a_farmers_voice_note_after_sending_back_a_seedling_ticket_is_read_afresh(
    desk: Harness,
) -> None:
    """A farmer's voice note may be a barn failing, said as a farmer says it: sent minutes
    after sending a seedling ticket back, it is not added to that ticket unheard."""
    grow_chat, grow_member = -1001000000010, 200031
    request = await desk.file_request(FARMER, "烟苗发黄了，请技术员来看看")
    await desk.press(grow_member, f"tk:acc:{request.id}", chat=grow_chat)
    await desk.press(grow_member, f"tk:res:{request.id}", chat=grow_chat)
    await desk.send(grow_member, "已上门指导施肥", chat=grow_chat)
    await desk.send(FARMER, "没解决，烟苗还是黄的")
    desk.clock.advance(minutes=2)

    out = await desk.send(FARMER, voice_file_id="voice")

    assert "已补充到工单" not in texts(out)
    assert (await desk.actions(request.id or 0))[-1] == "reopen"
