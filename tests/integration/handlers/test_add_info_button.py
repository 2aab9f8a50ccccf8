"""What a requester sends after /my → ➕ 补充: the answer when the team's question waits for
one, and, when the ticket was resolved meanwhile, not quietly added to a finished ticket."""

from __future__ import annotations

from core.enums import Kind, Status
from handlers.incoming import Location
from tests.support.desk import Harness, button_data, texts
from tests.support.tickets import FARMER

RETAILER = 100002
DELIVERY_CHAT = -1001000000014
DELIVERY_MEMBER = 200071


async def _accepted(desk: Harness) -> int:
    ticket = await desk.file_request(RETAILER, "今天送货的少了两条烟")
    assert ticket.id is not None and ticket.team_id == "delivery"
    await desk.press(DELIVERY_MEMBER, f"tk:acc:{ticket.id}", chat=DELIVERY_CHAT)
    return ticket.id


async def _status(desk: Harness) -> Status:
    [ticket] = await desk.tickets()
    return ticket.status


async def test_added_through_the_button_it_answers_the_teams_question(desk: Harness) -> None:
    ticket_id = await _accepted(desk)
    await desk.press(DELIVERY_MEMBER, f"tk:ask:{ticket_id}", chat=DELIVERY_CHAT)
    await desk.send(DELIVERY_MEMBER, "请问是哪个品规少了？", chat=DELIVERY_CHAT)
    assert await _status(desk) is Status.WAITING_REQUESTER
    await desk.press(RETAILER, f"my:add:{ticket_id}")
    out = await desk.send(RETAILER, "少了两条云烟")
    assert "已把您的回复补充到工单" in texts(out)
    assert await _status(desk) is Status.ACCEPTED  # back with the team, not closed unanswered
    assert (await desk.actions(ticket_id))[-1] == "answer"


async def test_pressed_before_the_question_it_still_answers_it(desk: Harness) -> None:
    ticket_id = await _accepted(desk)
    await desk.press(RETAILER, f"my:add:{ticket_id}")
    await desk.press(DELIVERY_MEMBER, f"tk:ask:{ticket_id}", chat=DELIVERY_CHAT)
    await desk.send(DELIVERY_MEMBER, "请问是哪个品规少了？", chat=DELIVERY_CHAT)
    await desk.send(RETAILER, "少了两条云烟")
    assert await _status(desk) is Status.ACCEPTED


async def test_added_after_the_ticket_was_resolved_it_is_not_quietly_filed(desk: Harness) -> None:
    ticket_id = await _accepted(desk)
    await desk.press(RETAILER, f"my:add:{ticket_id}")
    await desk.press(DELIVERY_MEMBER, f"tk:res:{ticket_id}", chat=DELIVERY_CHAT)
    await desk.send(DELIVERY_MEMBER, "已补送两条", chat=DELIVERY_CHAT)
    out = await desk.send(RETAILER, "还有，下周的订货什么时候截止？")
    said = texts(out)
    assert "工单 10019 现在已办结待确认，这条没有补充进去" in said
    assert "要把这条消息作为" in said  # a matter of its own, offered as a new request
    assert "info" not in await desk.actions(ticket_id)


async def test_not_solved_typed_after_the_resolution_reopens_it(desk: Harness) -> None:
    ticket_id = await _accepted(desk)
    await desk.press(RETAILER, f"my:add:{ticket_id}")
    await desk.press(DELIVERY_MEMBER, f"tk:res:{ticket_id}", chat=DELIVERY_CHAT)
    await desk.send(DELIVERY_MEMBER, "已补送两条", chat=DELIVERY_CHAT)
    await desk.send(RETAILER, "没解决，还是少一条")
    assert (await desk.actions(ticket_id))[-1] == "reopen"


async def _resolved_while_asking(desk: Harness) -> int:
    """The team asks the retailer something, then resolves the ticket without the answer."""
    ticket_id = await _accepted(desk)
    await desk.press(DELIVERY_MEMBER, f"tk:ask:{ticket_id}", chat=DELIVERY_CHAT)
    await desk.send(DELIVERY_MEMBER, "请问是哪个品规少了？", chat=DELIVERY_CHAT)
    await desk.press(DELIVERY_MEMBER, f"tk:res:{ticket_id}", chat=DELIVERY_CHAT)
    await desk.send(DELIVERY_MEMBER, "已按订单补送两条", chat=DELIVERY_CHAT)
    return ticket_id


async def test_an_answer_sent_after_the_team_resolved_without_it_joins_the_ticket(
    desk: Harness,
) -> None:
    ticket_id = await _resolved_while_asking(desk)
    out = await desk.send(RETAILER, "是两条云烟，软珍品的")
    said = texts(out)
    assert "在您回复之前已经办结" in said and "要把这条消息作为" not in said
    assert "my:ok" in str(out.replies[-1].buttons)  # asked for the verdict at once
    assert (await desk.actions(ticket_id))[-1] == "info"  # the team hears it
    assert await _status(desk) is Status.RESOLVED
    assert len(await desk.tickets()) == 1


async def test_another_matter_after_an_unanswered_question_is_still_its_own(
    desk: Harness,
) -> None:
    ticket_id = await _resolved_while_asking(desk)
    out = await desk.send(RETAILER, "我的烟草专卖零售许可证快到期了，怎么办理延续？")
    assert "要把这条消息作为" in texts(out)
    assert "info" not in await desk.actions(ticket_id)


async def _photo_added(desk: Harness) -> int:
    """The retailer's delivery ticket, nobody on it yet, with a photo sent alone through
    /my → ➕ 补充."""
    ticket = await desk.file_request(RETAILER, "配送的菸少了兩條")
    assert ticket.id is not None and ticket.team_id == "delivery"
    await desk.press(RETAILER, f"my:add:{ticket.id}")
    out = await desk.send(RETAILER, photo_file_id="receipt")
    assert "已補充到工單 10019" in texts(out)
    desk.clock.advance(minutes=2)
    return ticket.id


async def test_words_sent_just_after_a_photo_added_join_the_same_ticket(desk: Harness) -> None:
    ticket_id = await _photo_added(desk)
    out = await desk.send(RETAILER, "就是這張單子，少了兩條")
    assert texts(out).strip() == "已補充到工單 10019，服務隊會看到。"
    assert len(await desk.tickets()) == 1  # no new request offered, none filed
    assert (await desk.actions(ticket_id))[-2:] == ["info", "info"]
    out = await desk.send(RETAILER, location=Location(26.51, 106.70))
    assert "已補充到工單 10019" in texts(out)  # the pin as well, still within the minutes


async def test_words_for_another_service_after_a_photo_added_offer_its_ticket(
    desk: Harness,
) -> None:
    """訂單號 names ordering, another team's: a new request, but it may be the photo's
    words, so the summary offers 补充到工单 10019 beside filing it; pressed, it joins."""
    ticket_id = await _photo_added(desk)
    out = await desk.send(RETAILER, "訂單號 A123")
    assert "是補充請點「➕ 補充到工單 10019」" in texts(out)
    [add] = [data for data in button_data(out) if data.startswith("f:add")]
    assert add.endswith(f":{ticket_id}")
    added = await desk.press(RETAILER, add)
    assert "已補充到工單 10019" in texts(added)
    assert len(await desk.tickets()) == 1


async def test_words_long_after_a_photo_added_are_a_request_of_their_own(desk: Harness) -> None:
    ticket_id = await _photo_added(desk)
    desk.clock.advance(minutes=30)
    out = await desk.send(RETAILER, "訂單號 A123")
    assert "提交嗎" in texts(out)
    assert not any(data.startswith("f:add") for data in button_data(out))
    assert (await desk.actions(ticket_id))[-1] == "info"


async def test_a_farmers_voice_note_minutes_after_adding_words_is_still_an_alarm(
    desk: Harness,
) -> None:
    """Before: words added through ➕ 补充 opened the window, and the voice note joined the
    request instead of paging the team on duty."""
    ticket = await desk.file_request(FARMER, "想问一下今年的收购预约怎么办理")
    assert ticket.id is not None and ticket.kind is Kind.REQUEST
    await desk.press(FARMER, f"my:add:{ticket.id}")
    assert "已补充到工单" in texts(await desk.send(FARMER, "我是青山镇的"))
    desk.clock.advance(minutes=3)
    out = await desk.send(FARMER, voice_file_id="v-barn")
    # A farmer's voice note alone may be a barn failing said aloud: a 110 call (`_media`).
    assert any(t.kind is Kind.EMERGENCY for t in await desk.tickets()), texts(out)


async def test_a_new_order_minutes_after_words_added_to_an_order_is_offered_as_one(
    desk: Harness,
) -> None:
    """Before: the new order joined the old one (已补充到工单) without a word."""
    ticket = await desk.file_request(RETAILER, "上周订的中华到现在还没到货")
    assert ticket.id is not None and ticket.line == "ordering"
    await desk.press(RETAILER, f"my:add:{ticket.id}")
    assert "已补充到工单" in texts(await desk.send(RETAILER, "订单号是A123"))
    desk.clock.advance(minutes=3)
    out = await desk.send(RETAILER, "另外我想再订五条玉溪")
    assert "是新的事请点" in texts(out), texts(out)
    assert (await desk.actions(ticket.id))[-1] == "info"
    assert len([e for e in await desk.actions(ticket.id) if e == "info"]) == 1
