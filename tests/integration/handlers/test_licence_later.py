"""以后再说 at the licence question, which says the licence may be added later, is that: the
licence skipped and registration finished, a first one or one done again, in either script."""

from __future__ import annotations

import pytest

from core.model import User
from routing import to_simplified
from tests.support.desk import Harness, texts

RETAILER = 100002  # Telegram set to zh-hant
LICENCE = "520102100123"


async def _person(desk: Harness, user: int) -> User:
    async with desk.db.uow(read_only=True) as uow:
        found = await uow.users.get(user)
    assert found is not None
    return found


async def _to_the_licence(desk: Harness, shop: str) -> None:
    await desk.send(RETAILER, "王小五")
    await desk.contact(RETAILER, "8613800000002", owner=RETAILER)
    await desk.press(RETAILER, "f:area:qingshan")
    await desk.send(RETAILER, shop)


@pytest.mark.parametrize(
    ("words", "done"),
    [
        ("以后再说", "登记完成"),
        ("以後再說", "登記完成"),
        ("下次再说", "登记完成"),
        ("以后再说吧", "登记完成"),
        ("回頭再說吧", "登記完成"),
    ],
)
async def test_later_at_the_licence_finishes_a_first_registration_without_it(
    desk: Harness, words: str, done: str
) -> None:
    await desk.send(RETAILER, "/start")
    await desk.press(RETAILER, "f:kind:retailer")
    await _to_the_licence(desk, "老王烟酒店")
    out = texts(await desk.send(RETAILER, words))
    assert done in out and "老王" in out
    person = await _person(desk, RETAILER)
    assert person.registered and person.shop_name == "老王烟酒店"
    assert person.licence_number is None


@pytest.mark.parametrize("words", ["以后再说", "以後再說"])
async def test_later_at_the_licence_keeps_what_was_changed_registering_again(
    desk: Harness, words: str
) -> None:
    await desk.send(RETAILER, "/start")
    await desk.press(RETAILER, "f:kind:retailer")
    await _to_the_licence(desk, "老王烟酒店")
    await desk.send(RETAILER, LICENCE)
    await desk.press(RETAILER, "m:reg")
    await desk.press(RETAILER, "f:kind:retailer")
    await _to_the_licence(desk, "兴隆超市")
    out = to_simplified(texts(await desk.send(RETAILER, words)))
    assert "登记完成" in out and "没有改动" not in out
    person = await _person(desk, RETAILER)
    assert (person.shop_name, person.licence_number) == ("兴隆超市", LICENCE)
