"""A retailer's trouble back after her ticket was handled, in words that name no service
(还是不行，又没来, 货还是没到, 又没送): about that ticket, never a stranger's request for the
triage desk to read. Still within its window (awaiting her word, or closed unconfirmed
within the week) it goes back to its team; confirmed and rated, a new request for the same
team says it continues it; which one is meant is asked when several may be."""

from __future__ import annotations

import pytest

from core.enums import Action, Status
from tests.support.complainant import RETAILER, registered_with_a_shop
from tests.support.desk import Harness, button_data, texts

DELIVERY_CHAT, DELIVERY_MEMBER = -1001000000014, 200071
ORDERING_CHAT, ORDERING_MEMBER = -1001000000013, 200061

UNROUTED = ["还是不行，又没来", "货还是没到", "又没送", "還是不行，又沒來", "貨還是沒到"]


async def _resolved(
    desk: Harness, text: str = "昨天订的烟今天没送到", member: int = DELIVERY_MEMBER
) -> int:
    chat = DELIVERY_CHAT if member == DELIVERY_MEMBER else ORDERING_CHAT
    ticket = await desk.file_request(RETAILER, text)
    assert ticket.id is not None
    await desk.press(member, f"tk:acc:{ticket.id}", chat=chat)
    await desk.press(member, f"tk:res:{ticket.id}", chat=chat)
    await desk.send(member, "已处理", chat=chat)
    return ticket.id


async def _rated(desk: Harness, ticket_id: int) -> None:
    await desk.press(RETAILER, f"my:ok:{ticket_id}")
    await desk.press(RETAILER, f"my:r:{ticket_id}:5")
    desk.clock.advance(days=1)


@pytest.mark.parametrize("typed", UNROUTED)
async def test_trouble_back_after_a_rated_delivery_is_a_new_request_for_delivery(
    desk: Harness, typed: str
) -> None:
    """Before: the summary said 将转给：督办分派台, though it named the delivery ticket."""
    await registered_with_a_shop(desk)
    earlier_id = await _resolved(desk)
    await _rated(desk, earlier_id)
    said = texts(await desk.send(RETAILER, typed))
    assert "物流配送中心" in said and "督办分派台" not in said and "督辦分派臺" not in said
    assert "10019" in said
    await desk.press(RETAILER, "f:ok")

    old, new = await desk.tickets()
    assert old.id == earlier_id and old.status is Status.CLOSED
    assert new.team_id == "delivery" and new.line == old.line
    assert typed in new.text and old.label in new.text
    card = [str(m.payload.get("text")) for m in await desk.outbox() if m.chat_id == DELIVERY_CHAT]
    assert any(new.label in text and f"工单 {old.label} 的问题又出现了" in text for text in card)


@pytest.mark.parametrize("typed", ["货还是没到。", "还是不行，又没来。", "貨還是沒到。", "又没送…"])
async def test_goods_not_come_ending_in_a_full_stop_after_a_rated_delivery_are_for_delivery(
    desk: Harness, typed: str
) -> None:
    """A full stop typed after the words (as Chinese keyboards end a sentence) is no other
    trouble: the rated delivery is continued, for 物流配送中心, as without it. Before: the
    summary said 将转给：督办分派台."""
    await registered_with_a_shop(desk)
    await _rated(desk, await _resolved(desk))
    said = texts(await desk.send(RETAILER, typed))
    assert "物流配送中心" in said and "督办分派台" not in said and "督辦分派臺" not in said, said


@pytest.mark.parametrize("typed", ["烟草局的人又没来", "烟草公司的人又没来", "烟站的人又没来"])
async def test_the_tobacco_bureau_not_come_again_does_not_send_a_delivery_back(
    desk: Harness, typed: str
) -> None:
    """烟 of 烟草局 names who did not come, not her goods: the delivery awaiting her word
    stays as it is. Before: it went back to 物流配送中心 with these words."""
    await registered_with_a_shop(desk)
    ticket_id = await _resolved(desk)
    desk.clock.advance(hours=2)
    said = texts(await desk.send(RETAILER, typed))
    [ticket] = [t for t in await desk.tickets() if t.id == ticket_id]
    assert ticket.status is Status.RESOLVED, said


@pytest.mark.parametrize("typed", ["烟草局的人又没来", "烟草公司的人又没来"])
async def test_the_tobacco_bureau_not_come_again_after_a_rated_delivery_is_not_for_delivery(
    desk: Harness, typed: str
) -> None:
    """Before: filed for 物流配送中心 as the rated delivery back."""
    await registered_with_a_shop(desk)
    await _rated(desk, await _resolved(desk))
    said = texts(await desk.send(RETAILER, typed))
    assert "物流配送中心" not in said and "物流配送办理" not in said, said


@pytest.mark.parametrize("typed", ["又来了一批新货", "谢谢又送来了", "又到了一批货，谢谢"])
async def test_goods_come_again_after_a_rated_delivery_are_no_trouble_back(
    desk: Harness, typed: str
) -> None:
    await registered_with_a_shop(desk)
    await _rated(desk, await _resolved(desk))
    said = texts(await desk.send(RETAILER, typed))
    assert "问题又出现了" not in said


async def test_the_service_named_says_which_rated_ticket_is_back(desk: Harness) -> None:
    """An order rated since the delivery: 又没送到 is the delivery's trouble, named so."""
    await registered_with_a_shop(desk)
    delivery = await _resolved(desk)
    await _rated(desk, delivery)
    await _rated(desk, await _resolved(desk, "订货系统登录不上", ORDERING_MEMBER))

    said = texts(await desk.send(RETAILER, "又没送到"))

    [earlier] = [t for t in await desk.tickets() if t.id == delivery]
    assert f"工单 {earlier.label} 的问题又出现了" in said


@pytest.mark.parametrize("state", ["awaiting her word", "closed unconfirmed"])
@pytest.mark.parametrize("typed", ["又没送", "又沒送", "又没来", "怎么又没送"])
async def test_trouble_back_within_its_window_sends_the_delivery_back(
    desk: Harness, state: str, typed: str
) -> None:
    """Before: offered to the triage desk as a new request, the delivery left as it was."""
    await registered_with_a_shop(desk)
    ticket_id = await _resolved(desk)
    if state == "closed unconfirmed":
        await desk.sweep_does(ticket_id, Action.AUTO_CLOSE)
    desk.clock.advance(hours=2)

    said = texts(await desk.send(RETAILER, typed))

    [ticket] = await desk.tickets()
    assert ticket.status is Status.DISPATCHED and ticket.team_id == "delivery", said
    team = [str(m.payload.get("text")) for m in await desk.outbox() if m.chat_id == DELIVERY_CHAT]
    assert any(typed in text for text in team)


async def test_which_one_is_asked_when_a_delivery_and_an_order_may_be_meant(
    desk: Harness,
) -> None:
    await registered_with_a_shop(desk)
    delivery = await _resolved(desk)
    order = await _resolved(desk, "订货系统登录不上", ORDERING_MEMBER)

    out = await desk.send(RETAILER, "又没送")

    assert "又没送" in texts(out) and "问题又出现了" in texts(out)
    assert set(button_data(out)) >= {f"my:bad:{delivery}", f"my:bad:{order}"}
    assert all(t.status is Status.RESOLVED for t in await desk.tickets())
    await desk.press(RETAILER, f"my:bad:{delivery}")
    by_id = {t.id: t for t in await desk.tickets()}
    assert by_id[delivery].status is Status.DISPATCHED
    assert by_id[order].status is Status.RESOLVED


@pytest.mark.parametrize(
    "typed",
    [
        "又来了一批新货",
        "谢谢又送来了",
        "又到了一批货，谢谢",
        "我还是不太明白",
        "我又不在店里，明天再送吧",
        "又不是我的错",
        "又没来电",
        "我又没来得及收货",
        "补贴又没到账",
    ],
)
async def test_words_of_nothing_undone_beside_a_delivery_awaiting_her_word_do_not_send_it_back(
    desk: Harness, typed: str
) -> None:
    await registered_with_a_shop(desk)
    ticket_id = await _resolved(desk)
    said = texts(await desk.send(RETAILER, typed))
    [ticket] = [t for t in await desk.tickets() if t.id == ticket_id]
    assert ticket.status is Status.RESOLVED, said


@pytest.mark.parametrize(
    "typed",
    [
        "客户又没来",
        "验证码又没到",
        "驗證碼又沒到",
        "隔壁老李家又没送",
        "工资又没到",
        # 。 ends a clause as ， does: the goods named before it are not who did not come.
        "烟都卖完了。客户又没来",
        "货送到了。验证码又没到",
        "货收到了。客户又没来",
    ],
)
async def test_someone_or_something_else_not_come_again_does_not_send_a_delivery_back(
    desk: Harness, typed: str
) -> None:
    """Before: the delivery awaiting her word went back to 物流配送中心 with these words as
    the reason, unasked."""
    await registered_with_a_shop(desk)
    ticket_id = await _resolved(desk)
    desk.clock.advance(hours=2)
    said = texts(await desk.send(RETAILER, typed))
    [ticket] = [t for t in await desk.tickets() if t.id == ticket_id]
    assert ticket.status is Status.RESOLVED, said


async def test_which_rated_ticket_is_back_is_asked_when_the_words_name_no_service(
    desk: Harness,
) -> None:
    """Before: 还是不行，又没来 after a delivery and then an order were rated was filed as
    the order's trouble back, for 营销服务部, the delivery never asked about."""
    await registered_with_a_shop(desk)
    delivery = await _resolved(desk)
    await _rated(desk, delivery)
    order = await _resolved(desk, "订货系统登录不上", ORDERING_MEMBER)
    await _rated(desk, order)

    out = await desk.send(RETAILER, "还是不行，又没来")

    assert "是哪一个工单的问题又出现了" in texts(out)
    assert button_data(out) == [f"my:again:{order}", f"my:again:{delivery}", f"my:new:{order}"]
    said = texts(await desk.press(RETAILER, f"my:again:{delivery}"))
    assert "物流配送中心" in said
    await desk.press(RETAILER, "f:ok")
    new = max(await desk.tickets(), key=lambda t: t.id or 0)
    [earlier] = [t for t in await desk.tickets() if t.id == delivery]
    assert new.team_id == "delivery" and earlier.label in new.text and "又没来" in new.text


async def test_words_naming_no_service_after_one_rated_ticket_ask_nothing(desk: Harness) -> None:
    await registered_with_a_shop(desk)
    await _rated(desk, await _resolved(desk))
    out = await desk.send(RETAILER, "还是不行，又没来")
    assert not [d for d in button_data(out) if d.startswith("my:again")]


@pytest.mark.parametrize(
    "typed", ["又没来电", "怎么又没来上班", "工资又没到", "又没有货了", "還是不行嗎？"]
)
async def test_words_of_another_trouble_after_a_rated_delivery_are_not_filed_for_delivery(
    desk: Harness, typed: str
) -> None:
    """Before: the summary said 将转给：物流配送中心（工单 10019 的问题又出现了，仍由物流配送办理）;
    怎么又没来上班 complains of someone the delivery centre may employ."""
    await registered_with_a_shop(desk)
    await _rated(desk, await _resolved(desk))
    said = texts(await desk.send(RETAILER, typed))
    assert "物流配送中心" not in said and "物流配送办理" not in said, said
    await desk.press(RETAILER, "f:ok")
    assert all(t.team_id != "delivery" for t in (await desk.tickets())[1:])


@pytest.mark.parametrize("typed", ["又登不上了", "訂貨系統還是登不上"])
async def test_trouble_back_naming_the_service_of_an_order_closed_unconfirmed_asks_if_it_is_back(
    desk: Harness, typed: str
) -> None:
    """Before: offered as a new request at its summary, the order closed unconfirmed two
    days before never named, nor offered to be sent back."""
    await registered_with_a_shop(desk)
    order = await _resolved(desk, "订货系统登录不上", ORDERING_MEMBER)
    await desk.sweep_does(order, Action.AUTO_CLOSE)
    desk.clock.advance(days=2)

    out = await desk.send(RETAILER, typed)

    assert button_data(out) == [f"my:bad:{order}", f"my:new:{order}"], texts(out)
    await desk.press(RETAILER, f"my:bad:{order}")
    [ticket] = await desk.tickets()
    assert ticket.status is Status.DISPATCHED and ticket.team_id == "ordering"
    team = [str(m.payload.get("text")) for m in await desk.outbox() if m.chat_id == ORDERING_CHAT]
    assert any(typed in text for text in team)


@pytest.mark.parametrize("yes", ["是的", "對"])
async def test_a_yes_typed_to_is_its_trouble_back_sends_the_order_back(
    desk: Harness, yes: str
) -> None:
    """Before: 是的 typed to 是指这个工单的问题又出现了吗？ was offered as a new request
    内容：是的 for 督办分派台, the order left closed."""
    await registered_with_a_shop(desk)
    order = await _resolved(desk, "订货系统登录不上", ORDERING_MEMBER)
    await desk.sweep_does(order, Action.AUTO_CLOSE)
    desk.clock.advance(days=2)
    await desk.send(RETAILER, "又登不上了")
    said = texts(await desk.send(RETAILER, yes))
    [ticket] = await desk.tickets()
    assert ticket.status is Status.DISPATCHED and ticket.team_id == "ordering", said
    team = [str(m.payload.get("text")) for m in await desk.outbox() if m.chat_id == ORDERING_CHAT]
    assert any("又登不上了" in text for text in team)


@pytest.mark.parametrize(("notice", "says"), [("res", "请确认是否解决"), ("ask", "几点在店")])
@pytest.mark.parametrize("yes", ["是的", "对"])
async def test_a_yes_after_another_tickets_notice_does_not_send_the_order_back(
    desk: Harness, yes: str, notice: str, says: str
) -> None:
    """Asked 是指这个工单的问题又出现了吗？ of the order, the retailer is then told her
    delivery is resolved (请确认是否解决并评价), or asked by its team: 是的 five minutes later
    answers that notice, not the order's question. Before: the order went back to 营销服务部."""
    await registered_with_a_shop(desk)
    order = await _resolved(desk, "订货系统登录不上", ORDERING_MEMBER)
    await desk.sweep_does(order, Action.AUTO_CLOSE)
    desk.clock.advance(days=2)
    delivery = await desk.file_request(RETAILER, "今天的货还没送到")
    await desk.press(DELIVERY_MEMBER, f"tk:acc:{delivery.id}", chat=DELIVERY_CHAT)
    asked = texts(await desk.send(RETAILER, "又登不上了"))
    assert "又出现了吗" in asked, asked
    await desk.press(DELIVERY_MEMBER, f"tk:{notice}:{delivery.id}", chat=DELIVERY_CHAT)
    note = "已送到" if notice == "res" else "请问您下午几点在店？"
    await desk.send(DELIVERY_MEMBER, note, chat=DELIVERY_CHAT)
    told = [str(m.payload.get("text")) for m in await desk.outbox() if m.chat_id == RETAILER]
    assert says in told[-1], told
    desk.clock.advance(minutes=5)

    said = texts(await desk.send(RETAILER, yes))

    [ticket] = [t for t in await desk.tickets() if t.id == order]
    assert ticket.status is Status.CLOSED, said


async def test_a_no_typed_to_is_its_trouble_back_offers_the_words_as_a_new_request(
    desk: Harness,
) -> None:
    """不是 typed is 「📝 不是，作为新的求助」: the words kept at a summary, not 内容：不是."""
    await registered_with_a_shop(desk)
    order = await _resolved(desk, "订货系统登录不上", ORDERING_MEMBER)
    await desk.sweep_does(order, Action.AUTO_CLOSE)
    desk.clock.advance(days=2)
    await desk.send(RETAILER, "又登不上了")
    said = texts(await desk.send(RETAILER, "不是"))
    assert "又登不上了" in said and "内容：不是" not in said, said
    [ticket] = await desk.tickets()
    assert ticket.status is Status.CLOSED


async def test_words_of_another_service_beside_an_order_closed_unconfirmed_ask_nothing(
    desk: Harness,
) -> None:
    await registered_with_a_shop(desk)
    order = await _resolved(desk, "订货系统登录不上", ORDERING_MEMBER)
    await desk.sweep_does(order, Action.AUTO_CLOSE)
    out = await desk.send(RETAILER, "许可证还是没办下来")
    assert f"my:bad:{order}" not in button_data(out)


async def test_trouble_back_while_a_delivery_is_worked_on_is_offered_to_it(desk: Harness) -> None:
    """Before: 又没送, typed while a delivery filed since was being worked on, asked which
    rated ticket was back (or filed it anew naming the newest), the open one never offered."""
    await registered_with_a_shop(desk)
    await _rated(desk, await _resolved(desk))
    await _rated(desk, await _resolved(desk, "订货系统登录不上", ORDERING_MEMBER))
    open_one = await desk.file_request(RETAILER, "今天的货还没送到")
    await desk.press(DELIVERY_MEMBER, f"tk:acc:{open_one.id}", chat=DELIVERY_CHAT)

    out = await desk.send(RETAILER, "又没送")

    assert "问题又出现了" not in texts(out)
    assert not [d for d in button_data(out) if d.startswith("my:again")]
    assert any(str(open_one.id) in d for d in button_data(out)), button_data(out)


@pytest.mark.parametrize("typed", ["又没送", "又没来", "怎么又没送"])
async def test_not_come_again_while_a_delivery_filed_since_is_worked_on_is_offered_to_it(
    desk: Harness, typed: str
) -> None:
    """Yesterday's delivery awaits her word, today's is accepted. Before: yesterday's went
    back to 物流配送中心 unasked; the words are offered to today's (补充到工单)."""
    await registered_with_a_shop(desk)
    earlier = await _resolved(desk)
    desk.clock.advance(hours=2)
    today = await desk.file_request(RETAILER, "今天的货还没送到")
    await desk.press(DELIVERY_MEMBER, f"tk:acc:{today.id}", chat=DELIVERY_CHAT)

    out = await desk.send(RETAILER, typed)

    [ticket] = [t for t in await desk.tickets() if t.id == earlier]
    assert ticket.status is Status.RESOLVED, texts(out)
    assert any(str(today.id) in d for d in button_data(out)), button_data(out)


MONOPOLY_CHAT, MONOPOLY_MEMBER = -1001000000012, 200051


async def _licence_taken_up(desk: Harness) -> int:
    """Her licence renewal filed and taken up by 专卖管理所; its id."""
    licence = await desk.file_request(RETAILER, "许可证延续怎么办理")
    assert licence.id is not None and licence.team_id == "monopoly"
    await desk.press(MONOPOLY_MEMBER, f"tk:acc:{licence.id}", chat=MONOPOLY_CHAT)
    desk.clock.advance(hours=1)
    return licence.id


@pytest.mark.parametrize("typed", ["又没送", "怎么又没送", "又沒送", "还是不行，又没来"])
async def test_goods_not_come_again_beside_a_licence_in_hand_send_the_delivery_back(
    desk: Harness, typed: str
) -> None:
    """Her delivery awaits her word; her licence renewal is worked on. Goods not come are
    the delivery's, no news for the licence. Before: the words were offered to the licence
    ticket (补充到工单) or filed for the triage desk, the delivery left resolved."""
    await registered_with_a_shop(desk)
    delivery = await _resolved(desk)
    desk.clock.advance(hours=1)
    licence = await _licence_taken_up(desk)

    out = await desk.send(RETAILER, typed)

    [ticket] = [t for t in await desk.tickets() if t.id == delivery]
    assert ticket.status is Status.DISPATCHED, texts(out)
    assert not any(f"add:{licence}" in d for d in button_data(out)), button_data(out)


@pytest.mark.parametrize("typed", ["又没送", "货还是没到", "还是不行，又没来"])
async def test_goods_not_come_again_beside_a_licence_in_hand_continue_a_rated_delivery(
    desk: Harness, typed: str
) -> None:
    """Before: 货还是没到 was told the rated delivery cannot be sent back (请直接发消息说明),
    and 又没送 offered to the licence ticket, for the triage desk."""
    await registered_with_a_shop(desk)
    await _rated(desk, await _resolved(desk))
    licence = await _licence_taken_up(desk)

    out = await desk.send(RETAILER, typed)

    said = texts(out)
    assert "物流配送中心" in said and "不能再退回" not in said, said
    assert not any(f"add:{licence}" in d for d in button_data(out)), button_data(out)


async def test_a_complaint_written_over_the_trouble_back_goes_where_complaints_go(
    desk: Harness,
) -> None:
    """Before: the summary's ✏️ 修改, then 太差了，我要投诉, was to go to 物流配送中心, the
    team it may be about, as the trouble back's words before it would have gone."""
    await registered_with_a_shop(desk)
    await _rated(desk, await _resolved(desk))
    await desk.send(RETAILER, "还是不行，又没来")
    await desk.press(RETAILER, "f:edit")
    await desk.send(RETAILER, "太差了，我要投诉")
    said = texts(await desk.press(RETAILER, "f:next"))
    assert "物流配送中心" not in said, said


async def test_other_words_written_over_the_trouble_back_are_read_afresh(desk: Harness) -> None:
    await registered_with_a_shop(desk)
    await _rated(desk, await _resolved(desk))
    await desk.send(RETAILER, "还是不行，又没来")
    await desk.press(RETAILER, "f:edit")
    await desk.send(RETAILER, "店门口的招牌灯坏了")
    said = texts(await desk.press(RETAILER, "f:next"))
    assert "问题又出现了" not in said and "物流配送中心" not in said, said


async def test_trouble_back_pressed_for_a_ticket_not_closed_files_nothing(desk: Harness) -> None:
    """my:again (the button of a rated ticket whose trouble is back) pressed for a delivery
    still awaiting her word, while asked which of two is back: before, a new request
    又没送（工单 10019 的问题又出现了） was filed for 物流配送中心 beside it."""
    await registered_with_a_shop(desk)
    delivery = await _resolved(desk)
    await _resolved(desk, "订货系统登录不上", ORDERING_MEMBER)
    await desk.send(RETAILER, "又没送")
    pressed = texts(await desk.press(RETAILER, f"my:again:{delivery}"))
    await desk.press(RETAILER, "f:ok")
    assert "问题又出现了" not in pressed, pressed
    assert not [t for t in await desk.tickets() if "问题又出现了" in t.text]
    [ticket] = [t for t in await desk.tickets() if t.id == delivery]
    assert ticket.status is Status.RESOLVED
