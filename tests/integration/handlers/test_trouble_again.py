"""Trouble back after its ticket was confirmed and rated: that ticket cannot be sent back,
and the reply says to write the trouble anew; what they write then is a new request,
mentioning the earlier ticket, and a barn failing again is a new 110 call paged at once,
never the same refusal again with nothing filed."""

from __future__ import annotations

import pytest

from core.enums import Action, Kind, Status
from tests.support.complainant import RETAILER, registered_with_a_shop
from tests.support.desk import Harness, button_data, texts
from tests.support.tickets import FARMER, MEMBER

TEAM_CHAT = -1001000000001
DELIVERY_CHAT, DELIVERY_MEMBER = -1001000000014, 200071


async def _rated_110(desk: Harness) -> int:
    """The farmer's 110 call resolved, confirmed and rated 5; two hours later, ❌ 没解决
    pressed on its old notice and refused. Its id."""
    ticket_id = await desk.resolved_110(FARMER, MEMBER, TEAM_CHAT)
    await desk.press(FARMER, f"my:ok:{ticket_id}")
    await desk.press(FARMER, f"my:r:{ticket_id}:5")
    desk.clock.advance(hours=2)
    refused = texts(await desk.press(FARMER, f"my:bad:{ticket_id}"))
    assert "不能再退回" in refused
    return ticket_id


@pytest.mark.parametrize(
    ("typed", "filed"),
    [
        ("还是不行，又停了", "已报警"),
        ("還是不行，又停了", "已報警"),
        ("又停了", "已报警"),
        ("烤房又坏了", "已报警"),
        ("温度又掉了", "已报警"),
    ],
)
async def test_a_barn_failing_again_after_its_call_was_rated_is_a_new_call_paged_at_once(
    desk: Harness, typed: str, filed: str
) -> None:
    earlier_id = await _rated_110(desk)
    [earlier] = await desk.tickets()
    before = len(await desk.outbox())

    said = texts(await desk.send(FARMER, typed))

    assert "不能再退回" not in said and filed in said
    old, new = await desk.tickets()
    assert old.id == earlier_id and old.status is Status.CLOSED and old.rating == 5
    assert new.kind is Kind.EMERGENCY and new.urgent and new.team_id == earlier.team_id
    assert typed in new.text and str(earlier.label) in new.text
    assert new.site_code == earlier.site_code  # the same barn, not asked again
    paged = [m for m in (await desk.outbox())[before:] if m.chat_id == TEAM_CHAT]
    assert any(
        str(new.label) in m.payload.get("text", "") and str(earlier.label) in m.payload["text"]
        for m in paged
    )


async def test_the_words_alone_saying_it_is_not_solved_still_get_the_advice(
    desk: Harness,
) -> None:
    await _rated_110(desk)
    said = texts(await desk.send(FARMER, "还没解决"))
    assert "不能再退回" in said and "请直接发消息说明" in said
    assert len(await desk.tickets()) == 1


async def _rated_delivery(desk: Harness) -> int:
    """The retailer's delivery ticket resolved, confirmed and rated 5; its id."""
    await registered_with_a_shop(desk)
    ticket = await desk.file_request(RETAILER, "昨天订的烟今天没送到")
    assert ticket.id is not None and ticket.team_id == "delivery"
    await desk.press(DELIVERY_MEMBER, f"tk:acc:{ticket.id}", chat=DELIVERY_CHAT)
    await desk.press(DELIVERY_MEMBER, f"tk:res:{ticket.id}", chat=DELIVERY_CHAT)
    await desk.send(DELIVERY_MEMBER, "已补送", chat=DELIVERY_CHAT)
    await desk.press(RETAILER, f"my:ok:{ticket.id}")
    await desk.press(RETAILER, f"my:r:{ticket.id}:5")
    desk.clock.advance(days=1)
    return ticket.id


@pytest.mark.parametrize("typed", ["又没送到", "還是沒送到"])
async def test_a_delivery_failing_again_after_it_was_rated_is_a_new_request_naming_it(
    desk: Harness, typed: str
) -> None:
    earlier_id = await _rated_delivery(desk)

    said = texts(await desk.send(RETAILER, typed))
    assert "不能再退回" not in said
    await desk.press(RETAILER, "f:ok")  # 提交 at the summary

    old, new = await desk.tickets()
    assert old.id == earlier_id and old.status is Status.CLOSED
    assert new.team_id == "delivery" and new.status is Status.DISPATCHED
    assert typed in new.text and str(old.label) in new.text


async def test_the_trouble_back_at_a_good_ratings_comment_prompt_is_a_new_call(
    desk: Harness,
) -> None:
    """Before: 还是不行，又停了 typed at 还有什么想说的吗？ after a 5 was kept as the comment
    under ★★★★★ on the closed card, and nobody was paged."""
    earlier_id = await desk.resolved_110(FARMER, MEMBER, TEAM_CHAT)
    await desk.press(FARMER, f"my:ok:{earlier_id}")
    await desk.press(FARMER, f"my:r:{earlier_id}:5")

    said = texts(await desk.send(FARMER, "还是不行，又停了"))

    assert "已报警" in said
    old, new = await desk.tickets()
    assert old.rating == 5 and old.rating_comment == ""
    assert new.kind is Kind.EMERGENCY and str(old.label) in new.text


@pytest.mark.parametrize(
    "typed",
    [
        "我还是不太明白",
        "你们还是挺负责的",
        "又要麻烦你们了",
        "我又想起一件事",
        "又下雨了",
        "烟叶价格又降了",
        "又停水了",
        "又掉了一个手机",
        "路又坏了，车开不进来",
        "我家电视又坏了",
        "手机又没电了",
        "电动车又坏了",
        "天又降温了",
        "烤烟价格又降了",
        "烤房补贴又停发了",
        "火车又停了",
    ],
)
async def test_words_after_a_rated_call_that_say_no_barn_fails_page_nobody(
    desk: Harness, typed: str
) -> None:
    """又, 还是 alone, or something else failing (water, a road, a phone, the weather, a
    price, a subsidy), are no barn failing again: nobody is woken for them."""
    await _rated_110(desk)
    before = len(await desk.outbox())

    said = texts(await desk.send(FARMER, typed))

    assert "已报警" not in said
    assert not [t for t in await desk.tickets() if t.urgent and t.status is not Status.CLOSED]
    assert not [m for m in (await desk.outbox())[before:] if m.chat_id == TEAM_CHAT]


@pytest.mark.parametrize("typed", ["又停了", "烤房又停电了", "温度又掉了"])
async def test_a_barn_failing_again_after_its_call_closed_unconfirmed_pages_at_once(
    desk: Harness, typed: str
) -> None:
    """Closed because the farmer never confirmed, the call may still be sent back, but 又停了
    is no verdict any reader takes: it was a request for the desk, nobody paged."""
    earlier_id = await desk.resolved_110(FARMER, MEMBER, TEAM_CHAT)
    await desk.sweep_does(earlier_id, Action.AUTO_CLOSE)
    desk.clock.advance(hours=2)

    said = texts(await desk.send(FARMER, typed))

    assert "已报警" in said
    old, new = await desk.tickets()
    assert old.id == earlier_id and new.urgent and new.team_id == old.team_id
    assert str(old.label) in new.text and new.site_code == old.site_code


async def test_a_barn_failing_again_told_under_a_low_score_is_its_comment_and_a_new_call(
    desk: Harness,
) -> None:
    """Before: 还是不行，又停了 at 哪里不满意 after a 2 was kept for the leaders' call-back, and
    the farmer told to write it again as a new trouble; nobody was paged."""
    earlier_id = await desk.resolved_110(FARMER, MEMBER, TEAM_CHAT)
    await desk.press(FARMER, f"my:ok:{earlier_id}")
    await desk.press(FARMER, f"my:r:{earlier_id}:2")

    said = texts(await desk.send(FARMER, "还是不行，又停了"))

    assert "已报警" in said
    old, new = await desk.tickets()
    assert old.rating == 2 and old.rating_comment == "还是不行，又停了"
    assert new.urgent and str(old.label) in new.text and new.site_code == old.site_code


GROW_CHAT, GROW_MEMBER = -1001000000010, 200031


@pytest.mark.parametrize(
    "typed", ["师傅来得又快又好，没得说", "服务又好又周到，没话说", "還是你們好，沒得說"]
)
async def test_praise_at_a_good_scores_prompt_stays_the_comment(desk: Harness, typed: str) -> None:
    tid = await desk.resolved_110(FARMER, MEMBER, TEAM_CHAT)
    await desk.press(FARMER, f"my:ok:{tid}")
    await desk.press(FARMER, f"my:r:{tid}:5")
    said = texts(await desk.send(FARMER, typed))
    [ticket] = await desk.tickets()
    assert ticket.rating_comment == typed, said


async def test_praise_after_a_delivery_is_no_repeat_of_it(desk: Harness) -> None:
    await registered_with_a_shop(desk)
    t = await desk.file_request(RETAILER, "昨天订的烟今天没送到")
    await desk.press(DELIVERY_MEMBER, f"tk:acc:{t.id}", chat=DELIVERY_CHAT)
    await desk.press(DELIVERY_MEMBER, f"tk:res:{t.id}", chat=DELIVERY_CHAT)
    await desk.send(DELIVERY_MEMBER, "已补送", chat=DELIVERY_CHAT)
    await desk.press(RETAILER, f"my:ok:{t.id}")
    await desk.press(RETAILER, f"my:r:{t.id}:5")
    said = texts(await desk.send(RETAILER, "服务又好又周到，没话说"))
    assert "问题又出现了" not in said


async def test_praise_at_a_good_scores_prompt_pages_nobody(desk: Harness) -> None:
    tid = await desk.resolved_110(FARMER, MEMBER, TEAM_CHAT)
    await desk.press(FARMER, f"my:ok:{tid}")
    await desk.press(FARMER, f"my:r:{tid}:5")
    said = texts(await desk.send(FARMER, "又快又好，现在烤房不停了"))
    assert "已报警" not in said
    assert not [t for t in await desk.tickets() if t.urgent and t.status is not Status.CLOSED]


async def test_a_barn_stopping_again_does_not_name_a_later_seedling_ticket(desk: Harness) -> None:
    await _rated_110(desk)
    req = await desk.file_request(FARMER, "烟苗发黄了，请技术员来看看")
    await desk.press(GROW_MEMBER, f"tk:acc:{req.id}", chat=GROW_CHAT)
    await desk.press(GROW_MEMBER, f"tk:res:{req.id}", chat=GROW_CHAT)
    await desk.send(GROW_MEMBER, "已上门指导施肥", chat=GROW_CHAT)
    await desk.press(FARMER, f"my:ok:{req.id}")
    await desk.press(FARMER, f"my:r:{req.id}:5")
    desk.clock.advance(hours=2)
    said = texts(await desk.send(FARMER, "还是不行，又停了"))
    assert f"工单 {req.label} 的问题又出现了" not in said
    assert "已报警" in said


@pytest.mark.parametrize(
    "typed",
    [
        "怎么又停了",
        "烟又烤坏了",
        "烤房又漏风了",
        "你们好，烤房又停了",
        "电又停了",
        "还是停电",
        "电又断了",
        "烤房的电又没了",
        "温度又下来了",
    ],
)
async def test_a_barn_failing_again_said_otherwise_pages_at_once(desk: Harness, typed: str) -> None:
    await _rated_110(desk)
    before = len(await desk.outbox())
    said = texts(await desk.send(FARMER, typed))
    assert "已报警" in said
    assert [m for m in (await desk.outbox())[before:] if m.chat_id == TEAM_CHAT]


GROWING_CHAT, GROWING_MEMBER = -1001000000010, 200031


@pytest.mark.parametrize("call_state", ["taken up", "resolved"])
@pytest.mark.parametrize("typed", ["110的人又没来", "又没来", "师傅又没来", "怎么又没来", "又沒來"])
async def test_not_come_again_beside_a_110_call_does_not_send_back_a_growing_request(
    desk: Harness, call_state: str, typed: str
) -> None:
    """A growing request awaits the farmer's word; his 110 call was taken up 13 hours ago
    (or resolved since). Before: the growing request went back to 烟叶生产技术服务组 with
    the words, the 110 team told nothing; the open call is offered them (➕ 补充到工单)."""
    await desk.registered_as(FARMER, "farmer")
    growing = await desk.file_request(FARMER, "烟苗发黄了，请技术员来看看")
    await desk.press(GROWING_MEMBER, f"tk:acc:{growing.id}", chat=GROWING_CHAT)
    await desk.press(GROWING_MEMBER, f"tk:res:{growing.id}", chat=GROWING_CHAT)
    await desk.send(GROWING_MEMBER, "已指导施肥", chat=GROWING_CHAT)
    call = await desk.file_110(FARMER)
    await desk.press(MEMBER, f"tk:acc:{call}", chat=TEAM_CHAT)
    if call_state == "resolved":
        await desk.press(MEMBER, f"tk:res:{call}", chat=TEAM_CHAT)
        await desk.send(MEMBER, "已处理", chat=TEAM_CHAT)
    desk.clock.advance(hours=13)

    out = await desk.send(FARMER, typed)

    [request] = [t for t in await desk.tickets() if t.id == growing.id]
    assert request.status is Status.RESOLVED, texts(out)
    if call_state == "taken up":
        assert any(str(call) in d for d in button_data(out)), button_data(out)


@pytest.mark.parametrize(
    "typed", ["烤房又不行了", "又不行了", "烤房又没火了", "又没火了", "又停了", "烤房又沒火了"]
)
async def test_a_barn_failing_again_while_its_call_awaits_his_word_sends_it_back_paged(
    desk: Harness, typed: str
) -> None:
    """His 110 call resolved and awaiting his word: words of its barn failing again send it
    back to the team, paged, as 温度又掉了 does. Before: 烤房又不行了 was asked for a score
    (请为这次服务打分), 烤房又没火了 whether it meant not solved, 又停了 filed for the desk."""
    call = await desk.resolved_110(FARMER, MEMBER, TEAM_CHAT)
    desk.clock.advance(minutes=30)
    before = len(await desk.outbox())

    said = texts(await desk.send(FARMER, typed))

    [ticket] = await desk.tickets()
    assert ticket.id == call and ticket.status is Status.DISPATCHED, said
    assert ticket.reopen_count == 1 and "打分" not in said
    paged = [m for m in (await desk.outbox())[before:] if m.chat_id == TEAM_CHAT]
    assert any(m.priority == 0 and typed in str(m.payload.get("text")) for m in paged), paged


@pytest.mark.parametrize("typed", ["行了，修好了", "可以了"])
async def test_words_that_the_barn_works_while_its_call_awaits_his_word_ask_the_score(
    desk: Harness, typed: str
) -> None:
    call = await desk.resolved_110(FARMER, MEMBER, TEAM_CHAT)
    said = texts(await desk.send(FARMER, typed))
    [ticket] = await desk.tickets()
    assert ticket.id == call and ticket.status is Status.RESOLVED and "打分" in said


@pytest.mark.parametrize("typed", ["又停水了", "手机又没电了", "天又降温了", "我又想起一件事"])
async def test_something_else_failing_while_a_call_awaits_his_word_does_not_send_it_back(
    desk: Harness, typed: str
) -> None:
    await desk.resolved_110(FARMER, MEMBER, TEAM_CHAT)
    said = texts(await desk.send(FARMER, typed))
    [ticket] = await desk.tickets()
    assert ticket.status is Status.RESOLVED, said
