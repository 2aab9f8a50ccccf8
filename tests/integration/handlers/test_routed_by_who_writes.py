"""Where typed words go depends on who writes them where their sense does (`routing.said_by`):
a retailer's 烟款 is what his shop pays for its cigarettes, a farmer's what the station pays
for his leaf."""

from __future__ import annotations

from tests.support.desk import Harness, texts
from tests.support.tickets import FARMER

RETAILER = 100002


async def test_a_retailers_payment_for_cigarettes_is_filed_for_ordering(desk: Harness) -> None:
    """Before, a retailer's 烟款扣了两次 was offered to 烟叶收购服务组, a farmers' team."""
    await desk.registered_as(RETAILER, "retailer")
    out = texts(await desk.send(RETAILER, "烟款扣了两次"))
    assert "将转给：营销服务部" in out, out
    await desk.press(RETAILER, "f:ok")
    [ticket] = await desk.tickets()
    assert ticket.line == "ordering"


async def test_a_farmers_payment_for_his_leaf_stays_with_purchase(desk: Harness) -> None:
    await desk.registered_as(FARMER, "farmer")
    out = texts(await desk.send(FARMER, "烟款扣了两次"))
    assert "将转给：烟叶收购服务组" in out, out
