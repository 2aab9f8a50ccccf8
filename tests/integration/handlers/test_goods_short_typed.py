"""Words saying the goods came short (差了两条, 还差两条, 货差了, 没送齐), typed without
Telegram's reply while a delivery's or an order's ticket awaits the retailer's verdict:
asked whether it is not solved, as they are when replied to its resolution notice, not
offered as a new request to the triage desk though they name no service."""

from __future__ import annotations

import pytest

from core.enums import Status
from tests.support.desk import Harness, button_data, texts

RETAILER = 100002
DELIVERY_CHAT, DELIVERY_MEMBER = -1001000000014, 200071
ORDERING_CHAT, ORDERING_MEMBER = -1001000000013, 200061
FARMER, GROWING_CHAT, GROWING_MEMBER = 100001, -1001000000010, 200031


async def _resolved(desk: Harness, user: int, text: str, member: int, chat: int) -> int:
    ticket = await desk.file_request(user, text)
    assert ticket.id is not None
    await desk.press(member, f"tk:acc:{ticket.id}", chat=chat)
    await desk.press(member, f"tk:res:{ticket.id}", chat=chat)
    await desk.send(member, "已处理", chat=chat)
    return ticket.id


async def _delivery_resolved(desk: Harness) -> int:
    return await _resolved(desk, RETAILER, "昨天送货少送了一条中华", DELIVERY_MEMBER, DELIVERY_CHAT)


@pytest.mark.parametrize(
    "typed", ["差了两条", "还差两条", "货差了", "少了两条", "没送齐", "数量不够", "怎么还差两条？"]
)
async def test_goods_short_typed_beside_a_resolved_delivery_asks_if_not_solved(
    desk: Harness, typed: str
) -> None:
    ticket_id = await _delivery_resolved(desk)
    out = await desk.send(RETAILER, typed)
    said = texts(out)
    assert "工单 10019 已办结，等您确认" in said and typed in said
    assert "要把这条消息作为" not in said
    assert button_data(out) == [f"my:bad:{ticket_id}", f"my:ok:{ticket_id}", f"my:new:{ticket_id}"]
    await desk.press(RETAILER, f"my:bad:{ticket_id}")
    [ticket] = await desk.tickets()
    assert ticket.status is Status.DISPATCHED
    team = [str(r.payload.get("text")) for r in await desk.outbox() if r.chat_id == DELIVERY_CHAT]
    assert any(f"报告人表示问题没有解决：{typed}" in text for text in team)


@pytest.mark.parametrize("typed", ["還差兩條", "沒送齊"])
async def test_in_traditional_the_question_is_in_traditional(desk: Harness, typed: str) -> None:
    await _delivery_resolved(desk)
    said = texts(await desk.send(RETAILER, typed))
    assert "工單 10019 已辦結，等您確認" in said and typed in said


async def test_goods_short_beside_a_resolved_order_asks_about_it(desk: Harness) -> None:
    ticket_id = await _resolved(
        desk, RETAILER, "这周的中华只给了5条，能不能加订两条", ORDERING_MEMBER, ORDERING_CHAT
    )
    out = await desk.send(RETAILER, "差了三条")  # no word of the ticket's own
    assert "已办结，等您确认" in texts(out)
    assert f"my:bad:{ticket_id}" in button_data(out)


@pytest.mark.parametrize("typed", ["下次少订两条", "服务不够好"])
async def test_fewer_asked_or_a_quality_not_enough_is_not_goods_short(
    desk: Harness, typed: str
) -> None:
    await _delivery_resolved(desk)
    assert "已办结，等您确认" not in texts(await desk.send(RETAILER, typed))


async def test_goods_short_beside_a_resolved_ticket_of_another_service_is_not_about_it(
    desk: Harness,
) -> None:
    """A farmer's field question answered: 差了两条 names nothing of it."""
    await _resolved(desk, FARMER, "烟苗发黄是什么病，怎么防治", GROWING_MEMBER, GROWING_CHAT)
    [ticket] = await desk.tickets()
    assert (ticket.line, ticket.status) == ("growing", Status.RESOLVED)
    assert "已办结，等您确认" not in texts(await desk.send(FARMER, "差了两条"))


async def _delivery_and_order_resolved(desk: Harness) -> tuple[int, int]:
    delivery = await _delivery_resolved(desk)
    order = await _resolved(
        desk, RETAILER, "这周的中华只给了5条，能不能加订几条", ORDERING_MEMBER, ORDERING_CHAT
    )
    return delivery, order


@pytest.mark.parametrize("typed", ["差了两条", "还差两条", "没送齐"])
async def test_goods_short_beside_a_resolved_delivery_and_order_asks_which(
    desk: Harness, typed: str
) -> None:
    """Before: with two goods tickets awaiting the verdict, 还差两条 was offered to the triage
    desk as a new request. Now which one is asked, the words kept for the one pressed."""
    delivery, order = await _delivery_and_order_resolved(desk)
    out = await desk.send(RETAILER, typed)
    said = texts(out)
    assert "要把这条消息作为" not in said
    assert f"您有 2 个工单办结待确认。您说的“{typed}”是哪一个还没解决" in said
    assert button_data(out) == [f"my:bad:{order}", f"my:bad:{delivery}", f"my:new:{order}"]
    await desk.press(RETAILER, f"my:bad:{delivery}")
    statuses = {t.id: t.status for t in await desk.tickets()}
    assert statuses == {delivery: Status.DISPATCHED, order: Status.RESOLVED}
    team = [str(r.payload.get("text")) for r in await desk.outbox() if r.chat_id == DELIVERY_CHAT]
    assert any(f"报告人表示问题没有解决：{typed}" in text for text in team)


async def test_goods_short_of_neither_of_two_is_filed_as_a_new_request(desk: Harness) -> None:
    _, order = await _delivery_and_order_resolved(desk)
    await desk.send(RETAILER, "还差两条")
    summary = await desk.press(RETAILER, f"my:new:{order}")
    assert "内容：还差两条" in texts(summary)
    assert {t.status for t in await desk.tickets()} == {Status.RESOLVED}


async def _delivery_and_order_of_two_resolved(desk: Harness) -> tuple[int, int]:
    """The order counts two 条 as the words typed later do: no word telling it apart."""
    delivery = await _delivery_resolved(desk)
    order = await _resolved(
        desk, RETAILER, "这周的黄金叶能不能加订两条", ORDERING_MEMBER, ORDERING_CHAT
    )
    return delivery, order


@pytest.mark.parametrize("typed", ["还差两条", "两条还是没到"])
async def test_a_count_shared_with_one_tickets_words_still_asks_which(
    desk: Harness, typed: str
) -> None:
    delivery, order = await _delivery_and_order_of_two_resolved(desk)
    out = await desk.send(RETAILER, typed)
    assert "哪一个" in texts(out), texts(out)
    assert set(button_data(out)) >= {f"my:bad:{order}", f"my:bad:{delivery}"}


@pytest.mark.parametrize("typed", ["还差两条中华", "中华还是少一条"])
async def test_a_brand_named_in_one_ticket_only_picks_it(desk: Harness, typed: str) -> None:
    """中华, which the router reads as the ordering line's, named only in the delivery."""
    delivery, _ = await _delivery_and_order_of_two_resolved(desk)
    out = await desk.send(RETAILER, typed)
    said = texts(out)
    assert "是哪一个" not in said
    assert f"my:bad:{delivery}" in button_data(out) and "10019 已办结，等您确认" in said
