"""/my of a requester whose low rating still owes its call-back (回访): the list and the
ticket's detail say a leader will call them back, or, for an anonymous complaint nobody can
call, that the leaders are reviewing it; once 📞 已回访 is recorded, that goes."""

from __future__ import annotations

from tests.support.complainant import RETAILER, registered_with_a_shop
from tests.support.desk import Harness, texts
from tests.support.tickets import FARMER, LEADER, MEMBER

CURING_CHAT = -1001000000001
DELIVERY_CHAT, DELIVERY_MEMBER = -1001000000014, 200071


async def _rated_110(desk: Harness, score: int) -> int:
    ticket_id = await desk.resolved_110(FARMER, MEMBER, CURING_CHAT)
    await desk.press(FARMER, f"my:r:{ticket_id}:{score}")
    await desk.press(FARMER, "f:skip")
    return ticket_id


async def test_my_says_a_leader_will_call_back_while_the_call_back_is_owed(
    desk: Harness,
) -> None:
    """Before: /my listed the ticket as 已销号 alone, nothing of the call-back promised."""
    ticket_id = await _rated_110(desk, 2)
    owed = "工单 10019 待回访：已请负责人回访您"
    assert owed in texts(await desk.send(FARMER, "/my"))
    assert owed in texts(await desk.press(FARMER, f"my:v:{ticket_id}"))

    await desk.press(LEADER, f"tk:cb:{ticket_id}")
    await desk.send(LEADER, "已电话联系，报告人表示理解")
    assert "待回访" not in texts(await desk.send(FARMER, "/my"))
    assert "待回访" not in texts(await desk.press(FARMER, f"my:v:{ticket_id}"))


async def test_my_says_so_in_traditional_too(desk: Harness) -> None:
    await _rated_110(desk, 1)
    await desk.send(FARMER, "繁體")
    assert "工單 10019 待回訪：已請負責人回訪您" in texts(await desk.send(FARMER, "/my"))


async def test_a_good_rating_owes_nothing_in_my(desk: Harness) -> None:
    await _rated_110(desk, 4)
    assert "回访" not in texts(await desk.send(FARMER, "/my"))


async def test_an_anonymous_complainant_reads_that_the_leaders_review_it(desk: Harness) -> None:
    await registered_with_a_shop(desk)
    await desk.send(RETAILER, "/complain")
    await desk.send(RETAILER, "投诉配送员小王，送货总是迟到")
    await desk.press(RETAILER, "f:next")
    await desk.press(RETAILER, "f:anon")
    ticket = (await desk.tickets())[-1]
    for step in ("acc", "res"):
        await desk.press(DELIVERY_MEMBER, f"tk:{step}:{ticket.id}", chat=DELIVERY_CHAT)
    await desk.send(DELIVERY_MEMBER, "已批评教育", chat=DELIVERY_CHAT)
    await desk.press(RETAILER, f"my:r:{ticket.id}:1")

    out = texts(await desk.send(RETAILER, "/my"))
    assert f"工单 {ticket.label} 待复核：负责人正在复核这件投诉" in out
    assert "不会打电话给您" in out and "回访您" not in out
