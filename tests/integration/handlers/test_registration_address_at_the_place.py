"""A retailer asked where the shop is who types its address with the shop's name
(城关镇人民路12号 小梅烟酒店): the place question answered, the town taken when the
address names one, and the shop's name taken for the next question; not a request
offered to the triage desk. A request typed there still goes its own way."""

from __future__ import annotations

import pytest

from core.model import User
from routing import to_simplified
from tests.support.desk import Harness, texts

RETAILER = 100002


async def _user(desk: Harness) -> User:
    async with desk.db.uow(read_only=True) as uow:
        user = await uow.users.get(RETAILER)
    assert user is not None
    return user


async def _asked_the_place(desk: Harness) -> None:
    await desk.send(RETAILER, "/start")
    await desk.press(RETAILER, "f:kind:retailer")
    await desk.send(RETAILER, "王小梅")
    await desk.contact(RETAILER, "8613800000002", owner=RETAILER)


@pytest.mark.parametrize(
    ("typed", "area"),
    [
        ("城关镇人民路12号 小梅烟酒店", None),
        ("青山镇人民路12号 小梅烟酒店", "qingshan"),
        ("白石乡松林村三组 小梅烟酒店", "baishi"),
    ],
)
async def test_an_address_with_the_shop_is_the_place_and_the_shop_not_a_request(
    desk: Harness, typed: str, area: str | None
) -> None:
    await _asked_the_place(desk)
    await desk.send(RETAILER, typed)
    assert await desk.tickets() == []
    await desk.send(RETAILER, "520102100123")
    user = await _user(desk)
    assert (user.area, user.shop_name, user.licence_number) == (
        area,
        "小梅烟酒店",
        "520102100123",
    )


async def test_an_address_alone_is_the_place_and_the_shop_asked_next(desk: Harness) -> None:
    await _asked_the_place(desk)
    await desk.send(RETAILER, "龙潭镇新街38号门面")
    assert await desk.tickets() == []
    await desk.send(RETAILER, "小梅烟酒店")
    await desk.send(RETAILER, "520102100123")
    user = await _user(desk)
    assert (user.area, user.shop_name, user.licence_number) == (
        "longtan",
        "小梅烟酒店",
        "520102100123",
    )


@pytest.mark.parametrize(
    "typed",
    [
        "烤房停电了，温度一直往下掉",
        "我要投诉送货员，态度太差了",
        "卖假烟的店在人民路12号",
        "有个无证卖烟的在城关镇人民路12号",
    ],
)
async def test_a_request_typed_at_the_place_still_goes_its_own_way(
    desk: Harness, typed: str
) -> None:
    await _asked_the_place(desk)
    out = texts(await desk.send(RETAILER, typed))
    assert "店名" not in out and "店名" not in to_simplified(out)
    assert (await _user(desk)).shop_name is None
