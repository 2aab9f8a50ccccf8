"""A staff member whose wish list has two items asked about (需补充) and who names the item
their answer is for, by the number the list was filed under (第2项：要有粥和鸡蛋), has it
added to that item, not asked which; an answer naming none is still asked about."""

from __future__ import annotations

import pytest

from core.enums import Status
from routing import to_simplified
from tests.support.desk import Harness, button_data, texts
from tests.support.wish_lists import STAFF, STAFF_MEMBER, STAFF_TEAM_CHAT, THREE_WISHES


async def _two_items_asked(desk: Harness) -> list[int]:
    """Items 2 (早餐) and 3 (空调) each asked a question by the staff station."""
    await desk.registered_as(STAFF, "staff")
    await desk.send(STAFF, "/wish")
    await desk.send(STAFF, THREE_WISHES)
    await desk.press(STAFF, "f:next")
    await desk.press(STAFF, "f:ok")
    items = [t.id for t in await desk.tickets() if t.id is not None]
    for wish, question in ((items[1], "想增加哪些品种？"), (items[2], "宿舍是几号楼？")):
        await desk.press(STAFF_MEMBER, f"tk:acc:{wish}", chat=STAFF_TEAM_CHAT)
        await desk.press(STAFF_MEMBER, f"tk:ask:{wish}", chat=STAFF_TEAM_CHAT)
        await desk.send(STAFF_MEMBER, question, chat=STAFF_TEAM_CHAT)
    return items


@pytest.mark.parametrize(
    ("typed", "item"),
    [("第2项：要有粥和鸡蛋", 1), ("第三項3号楼", 2), ("第2项的要有粥", 1)],
)
async def test_an_answer_naming_its_item_goes_to_that_item(
    desk: Harness, typed: str, item: int
) -> None:
    items = await _two_items_asked(desk)

    out = await desk.send(STAFF, typed)

    assert not [d for d in button_data(out) if d.startswith("my:ans:")]
    statuses = {t.id: t.status for t in await desk.tickets()}
    other = items[3 - item]
    assert statuses[items[item]] is Status.ACCEPTED, to_simplified(texts(out))
    assert statuses[other] is Status.WAITING_REQUESTER
    answers = [
        str(r.payload.get("text"))
        for r in await desk.outbox()
        if r.chat_id == STAFF_TEAM_CHAT and "报告人回复" in str(r.payload.get("text"))
    ]
    assert len(answers) == 1 and typed in answers[0]


@pytest.mark.parametrize("typed", ["第一个要粥，第二个要鸡蛋", "要有粥和鸡蛋", "第5项要有粥"])
async def test_an_answer_naming_no_item_asked_still_asks_which(desk: Harness, typed: str) -> None:
    """第一个 counts what the answer lists, not the list's items; item 5 the list has not."""
    items = await _two_items_asked(desk)

    out = await desk.send(STAFF, typed)

    assert {f"my:ans:{items[1]}", f"my:ans:{items[2]}"} <= set(button_data(out))


async def _first_two_asked(desk: Harness) -> list[int]:
    """Items 1 (体检) and 2 (早餐) each asked a question by the staff station."""
    await desk.registered_as(STAFF, "staff")
    await desk.send(STAFF, "/wish")
    await desk.send(STAFF, THREE_WISHES)
    await desk.press(STAFF, "f:next")
    await desk.press(STAFF, "f:ok")
    items = [t.id for t in await desk.tickets() if t.id is not None]
    for wish, question in ((items[0], "体检多久一次？"), (items[1], "想增加哪些品种？")):
        await desk.press(STAFF_MEMBER, f"tk:acc:{wish}", chat=STAFF_TEAM_CHAT)
        await desk.press(STAFF_MEMBER, f"tk:ask:{wish}", chat=STAFF_TEAM_CHAT)
        await desk.send(STAFF_MEMBER, question, chat=STAFF_TEAM_CHAT)
    return items


@pytest.mark.parametrize(
    "typed", ["第1项：要有粥，第2项：要有鸡蛋", "第1项每年一次，第2项要有粥和鸡蛋"]
)
async def test_an_answer_naming_one_item_after_another_asks_which(
    desk: Harness, typed: str
) -> None:
    """第1项…，第2项… (points of one answer, or both items answered in one message): not
    all added to item 1 as its answer; which item it is for is asked, both still waiting."""
    items = await _first_two_asked(desk)

    out = await desk.send(STAFF, typed)

    assert {f"my:ans:{items[0]}", f"my:ans:{items[1]}"} <= set(button_data(out)), texts(out)
    assert [t.status for t in await desk.tickets()][:2] == [Status.WAITING_REQUESTER] * 2


async def test_points_of_the_answer_to_the_item_still_asked_do_not_go_to_the_one_answered(
    desk: Harness,
) -> None:
    """Item 1 answered a minute ago, item 2 still asked 想增加哪些品种？: its answer listing
    points (第1项：要有粥，第2项：要有鸡蛋) is not added to item 1; item 2 is offered."""
    items = await _first_two_asked(desk)
    await desk.send(STAFF, "每年一次")
    await desk.press(STAFF, f"my:ans:{items[0]}")

    out = await desk.send(STAFF, "第1项：要有粥，第2项：要有鸡蛋")

    assert f"my:ans:{items[1]}" in button_data(out), to_simplified(texts(out))
    assert [t.status for t in await desk.tickets()][1] is Status.WAITING_REQUESTER
