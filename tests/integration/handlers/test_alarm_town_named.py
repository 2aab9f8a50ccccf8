"""A 110 call whose words name a town (龙潭镇烤房停电了) goes to that town's team at once,
whatever town the farmer registered, or none; the barns it offers to say which one are
that town's. A county of the same name (青山县) names no town."""

from __future__ import annotations

from core.enums import Kind
from tests.support.desk import Harness, button_data, texts
from tests.support.tickets import FARMER

LONGTAN_TEAM = "curing-longtan"
QINGSHAN_TEAM = "curing-qingshan"


async def test_a_town_named_by_a_farmer_with_no_town_pages_that_towns_team(
    desk: Harness,
) -> None:
    await desk.registered_as(FARMER, "farmer")
    out = await desk.send(FARMER, "龙潭镇烤房停电了")
    assert "龙潭镇烘烤110服务队" in texts(out)
    [ticket] = await desk.tickets()
    assert (ticket.kind, ticket.team_id, ticket.area) == (Kind.EMERGENCY, LONGTAN_TEAM, "longtan")
    # Which barn there is asked, with that town's barns to press.
    assert [d for d in button_data(out) if d.startswith("f:site:")] == ["f:site:LT01"]


async def test_a_town_named_through_the_110_button_pages_that_towns_team(desk: Harness) -> None:
    await desk.registered_as(FARMER, "farmer")
    await desk.send(FARMER, "/110")
    await desk.send(FARMER, "在龙潭这边，烤房温度上不去")
    [ticket] = await desk.tickets()
    assert ticket.team_id == LONGTAN_TEAM


async def test_a_town_named_goes_before_the_town_registered(desk: Harness) -> None:
    await desk.send(FARMER, "/start site_QS01")
    await desk.registered_as(FARMER, "farmer")
    out = await desk.send(FARMER, "龙潭镇烤房停电了")
    [ticket] = await desk.tickets()
    assert (ticket.team_id, ticket.site_code) == (LONGTAN_TEAM, None)
    assert "在哪个烤房" in texts(out)  # not at the barn registered, in 青山镇


async def test_the_registered_barn_stays_when_the_words_name_its_own_town(desk: Harness) -> None:
    await desk.send(FARMER, "/start site_QS01")
    await desk.registered_as(FARMER, "farmer")
    out = await desk.send(FARMER, "青山镇这边烤房停电了")
    [ticket] = await desk.tickets()
    assert (ticket.team_id, ticket.site_code) == (QINGSHAN_TEAM, "QS01")
    assert "在哪个烤房" not in texts(out)


async def test_the_county_and_a_town_without_barns_name_no_town(desk: Harness) -> None:
    await desk.registered_as(FARMER, "farmer")
    await desk.send(FARMER, "/110")
    await desk.send(FARMER, "青山县烟草局吗？我在城区住，烤房停电了")
    [ticket] = await desk.tickets()
    assert ticket.area is None  # the 110 line's own team, the place asked


async def test_two_towns_named_leave_the_town_to_be_asked(desk: Harness) -> None:
    await desk.registered_as(FARMER, "farmer")
    out = await desk.send(FARMER, "白石乡没事，龙潭镇烤房停电了")
    [ticket] = await desk.tickets()
    assert ticket.area is None and "在哪个烤房" in texts(out)
