"""A phone number or a location shared while a team waits for the requester's answer
(请留个电话, 请发一下店铺位置) is that answer: it joins the ticket, the team hears it and the
ticket goes back to them, as a typed answer would, instead of being only kept on their
record or starting a new request."""

from __future__ import annotations

from core.enums import Status
from core.model import Ticket
from tests.support.desk import Harness, button_data, texts

RETAILER = 100002
DELIVERY_CHAT = -1001000000014
DELIVERY_MEMBER = 200071


async def _asked(desk: Harness, question: str, words: str = "上次送货少了一条玉溪") -> Ticket:
    """A delivery request of the retailer's, accepted, and the team's question asked."""
    ticket = await desk.file_request(RETAILER, words)
    assert ticket.team_id == "delivery"
    await desk.press(DELIVERY_MEMBER, f"tk:acc:{ticket.id}", chat=DELIVERY_CHAT)
    await desk.press(DELIVERY_MEMBER, f"tk:ask:{ticket.id}", chat=DELIVERY_CHAT)
    await desk.send(DELIVERY_MEMBER, question, chat=DELIVERY_CHAT)
    [asked] = [t for t in await desk.tickets() if t.id == ticket.id]
    assert asked.status is Status.WAITING_REQUESTER
    return asked


async def _told(desk: Harness) -> list[str]:
    return [
        str(r.payload.get("text", "")) for r in await desk.outbox() if r.chat_id == DELIVERY_CHAT
    ]


async def _phone(desk: Harness) -> str:
    async with desk.db.uow(read_only=True) as uow:
        user = await uow.users.get(RETAILER)
    assert user is not None
    return user.phone


async def test_a_phone_shared_at_the_teams_question_answers_it(desk: Harness) -> None:
    ticket = await _asked(desk, "请留个电话，配送员联系您")
    out = await desk.contact(RETAILER, "8613800002222", owner=RETAILER)
    said = texts(out)
    assert "已记下您的手机号 +8613800002222" in said
    assert f"已把您的回复补充到工单 {ticket.label}" in said
    [answered] = await desk.tickets()
    assert answered.status is Status.ACCEPTED  # back with the team, its clock restarted
    assert (await desk.actions(ticket.id or 0))[-1] == "answer"
    assert any(
        f"工单 {ticket.label} 报告人回复：手机号 +8613800002222" in x for x in await _told(desk)
    )
    assert await _phone(desk) == "+8613800002222"


async def test_a_phone_shared_is_answered_in_traditional_to_a_traditional_writer(
    desk: Harness,
) -> None:
    ticket = await _asked(desk, "请留个电话，配送员联系您", words="上次送貨少了一條玉溪")
    out = await desk.contact(RETAILER, "8613800002222", owner=RETAILER)
    assert f"已把您的回覆補充到工單 {ticket.label}" in texts(out)
    [answered] = await desk.tickets()
    assert answered.status is Status.ACCEPTED


async def test_a_location_shared_at_the_teams_question_answers_it(desk: Harness) -> None:
    ticket = await _asked(desk, "请发一下店铺位置")
    out = await desk.location(RETAILER, 26.58, 106.713)
    said = texts(out)
    assert f"已把您的回复补充到工单 {ticket.label}" in said and "请再用文字说明" not in said
    [answered] = await desk.tickets()  # no draft of a new request with the pin
    assert answered.status is Status.ACCEPTED and answered.lat == 26.58
    assert (await desk.actions(ticket.id or 0))[-1] == "answer"
    assert any(f"工单 {ticket.label} 报告人回复：[位置]" in x for x in await _told(desk))
    # Its words sent next are more of the answer, not a new request.
    out = await desk.send(RETAILER, "這是我店的位置")
    assert f"已補充到工單 {ticket.label}" in texts(out)
    assert len(await desk.tickets()) == 1


async def test_the_words_then_the_pin_are_one_answer(desk: Harness) -> None:
    ticket = await _asked(desk, "请发一下店铺位置")
    await desk.send(RETAILER, "在城区东门菜市场旁边")
    out = await desk.location(RETAILER, 26.58, 106.713)
    assert f"已补充到工单 {ticket.label}" in texts(out)
    [answered] = await desk.tickets()
    assert answered.lat == 26.58
    assert (await desk.actions(ticket.id or 0))[-2:] == ["answer", "info"]


async def test_a_phone_shared_with_two_tickets_waiting_asks_which(desk: Harness) -> None:
    first = await _asked(desk, "请留个电话，配送员联系您")
    desk.clock.advance(minutes=20)
    second = await _asked(desk, "请问少的是哪个规格？", words="这次送货又少了两条中华")
    out = await desk.contact(RETAILER, "8613800002222", owner=RETAILER)
    assert "这条回复是给哪一个的" in texts(out)
    assert sorted(button_data(out)) == sorted(f"my:ans:{t.id}" for t in (first, second))
    assert await _phone(desk) == "+8613800002222"
    out = await desk.press(RETAILER, f"my:ans:{first.id}")
    assert f"已把您的回复补充到工单 {first.label}" in texts(out)
    assert (await desk.actions(first.id or 0))[-1] == "answer"
    statuses = {t.id: t.status for t in await desk.tickets()}
    assert statuses == {first.id: Status.ACCEPTED, second.id: Status.WAITING_REQUESTER}


async def test_a_phone_shared_after_add_info_is_added(desk: Harness) -> None:
    ticket = await desk.file_request(RETAILER, "上次送货少了一条玉溪")
    await desk.press(RETAILER, f"my:add:{ticket.id}")  # ➕ 补充 in /my
    out = await desk.contact(RETAILER, "8613800002222", owner=RETAILER)
    assert f"已补充到工单 {ticket.label}" in texts(out)
    assert (await desk.actions(ticket.id or 0))[-1] == "info"
    assert any(
        f"工单 {ticket.label} 报告人补充：手机号 +8613800002222" in x for x in await _told(desk)
    )
