"""王小五 of 老王烟酒店: a retailer registered with his phone, shop and licence, who complains
in the privacy tests; and the details that would name him to a team that may not read them."""

from __future__ import annotations

from tests.support.desk import Harness

RETAILER = 100002
LICENCE = "520102100123"
SECRETS = ("王小五", "13800000002", "老王烟酒店", LICENCE)


async def registered_with_a_shop(desk: Harness) -> None:
    """王小五 registers as a retailer: name, phone shared, 城区, shop and licence."""
    await desk.prepared("registered_with_a_shop", lambda: _registered_with_a_shop(desk))


async def _registered_with_a_shop(desk: Harness) -> None:
    await desk.send(RETAILER, "/start")
    await desk.press(RETAILER, "f:kind:retailer")
    await desk.send(RETAILER, "王小五")
    await desk.contact(RETAILER, "8613800000002", owner=RETAILER)
    await desk.press(RETAILER, "f:area:chengqu")
    await desk.send(RETAILER, "老王烟酒店")
    await desk.send(RETAILER, LICENCE)
