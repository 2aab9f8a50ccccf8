"""An item of a staff member's wish list named by its own words with 那项 (早餐那项, 空调那个)
before a score or a judgement: the score or the judgement is that item's, never a new
request, nor a complaint about staff for 不满意."""

from __future__ import annotations

import pytest

from core.enums import Kind, Status
from routing import to_simplified
from tests.support.desk import Harness, button_data, texts
from tests.support.wish_lists import STAFF, wish_list_answered


@pytest.mark.parametrize(
    ("typed", "place", "score"),
    [
        ("早餐那项5分", 1, 5),
        ("早餐那项打5分", 1, 5),
        ("空调那个给4分", 2, 4),
        ("體檢那項3分", 0, 3),
    ],
)
async def test_a_score_of_an_item_named_by_its_words_rates_that_item(
    desk: Harness, typed: str, place: int, score: int
) -> None:
    items = await wish_list_answered(desk)
    await desk.send(STAFF, typed)
    tickets = await desk.tickets()
    assert {t.id: t.rating for t in tickets} == {
        wish: score if n == place else None for n, wish in enumerate(items)
    }
    assert len(tickets) == 3  # nothing new filed


@pytest.mark.parametrize(("typed", "place"), [("早餐那项不满意", 1), ("体检那一项很满意", 0)])
async def test_a_judgement_of_an_item_named_by_its_words_asks_that_items_score(
    desk: Harness, typed: str, place: int
) -> None:
    items = await wish_list_answered(desk)
    out = await desk.send(STAFF, typed)
    assert button_data(out) == [f"my:r:{items[place]}:{n}" for n in (5, 4, 3, 2, 1)]
    assert "投诉" not in texts(out)
    tickets = await desk.tickets()
    assert [t.kind for t in tickets] == [Kind.WISH] * 3  # no complaint filed
    assert {t.status for t in tickets} == {Status.RESOLVED}


@pytest.mark.parametrize("typed", ["早餐那项没实现", "早餐那項沒實現", "空调那个还是坏的"])
async def test_not_granted_of_an_item_named_by_its_words_sends_it_back(
    desk: Harness, typed: str
) -> None:
    items = await wish_list_answered(desk)
    place = 2 if "空调" in typed else 1
    said = to_simplified(texts(await desk.send(STAFF, typed)))
    assert "已重新派给" in said
    assert [t.status for t in await desk.tickets()] == [
        Status.DISPATCHED if n == place else Status.RESOLVED for n in range(3)
    ]
    async with desk.db.uow(read_only=True) as uow:
        assert (await uow.tickets.events(items[place]))[-1].note == typed


@pytest.mark.parametrize(
    "typed", ["早餐那项不满意，食堂的王师傅态度太差", "食堂那个王师傅态度太差，不满意"]
)
async def test_a_complaint_about_staff_beside_an_item_named_is_still_offered_as_one(
    desk: Harness, typed: str
) -> None:
    """An item named (早餐那项, 食堂那个) beside words about a person (王师傅态度太差): the
    complaint is offered, not swallowed by the item's score prompt."""
    await wish_list_answered(desk)
    out = await desk.send(STAFF, typed)
    assert "投诉" in texts(out)
    assert not any(d.startswith("my:r:") for d in button_data(out))
    assert {t.status for t in await desk.tickets()} == {Status.RESOLVED}
