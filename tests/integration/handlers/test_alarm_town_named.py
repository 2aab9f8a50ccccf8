"""A 110 call whose words name a town (龙潭镇烤房停电了) goes to that town's team at once,
whatever town the farmer registered, or none; the barns it offers to say which one are
that town's. A county of the same name (青山县) names no town."""

from __future__ import annotations

import pytest

from core.enums import Kind
from core.model import Ticket
from handlers.replies import Outcome
from tests.support.config_edits import with_area_aliases
from tests.support.desk import Harness, button_data, texts
from tests.support.tickets import FARMER

LONGTAN_TEAM = "curing-longtan"
QINGSHAN_TEAM = "curing-qingshan"


async def call_from_qingshan(desk: Harness, words: str) -> tuple[Ticket, Outcome]:
    """The 110 call `words` make, from a farmer registered at 青山镇's barn QS01."""
    await desk.send(FARMER, "/start site_QS01")
    await desk.registered_as(FARMER, "farmer")
    out = await desk.send(FARMER, words)
    [ticket] = await desk.tickets()
    return ticket, out


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
    ticket, out = await call_from_qingshan(desk, "龙潭镇烤房停电了")
    assert (ticket.team_id, ticket.site_code) == (LONGTAN_TEAM, None)
    assert "在哪个烤房" in texts(out)  # not at the barn registered, in 青山镇


async def test_the_registered_barn_stays_when_the_words_name_its_own_town(desk: Harness) -> None:
    ticket, out = await call_from_qingshan(desk, "青山镇这边烤房停电了")
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


@pytest.mark.parametrize(
    "words",
    [
        "刚从龙潭镇回来，烤房停电了",
        "龙潭镇的亲戚说我家烤房温度上不去是风机坏了，现在温度上不去",
        "我去龙潭镇赶集了，回来发现烤房温度降下来了",
        "我在龙潭镇赶集，家里烤房停电了",
        "龙潭镇上的亲戚说我家烤房停电了",
        "我的烤房是龙潭镇的师傅修的，现在停电了",
    ],
)
async def test_a_town_said_in_passing_keeps_the_registered_barn(desk: Harness, words: str) -> None:
    # Back from the town, a relative there, market day there: the barn is still theirs,
    # and the night call goes to their own town's team, not a team a town away.
    ticket, out = await call_from_qingshan(desk, words)
    assert (ticket.team_id, ticket.site_code) == (QINGSHAN_TEAM, "QS01")
    assert "在哪个烤房" not in texts(out)


@pytest.mark.parametrize(
    "words",
    [
        "我在龙潭镇的烤房停电了",
        "龙潭镇那边烤房温度上不去",
        "在龙潭镇，烤房停电了",
        # 的那个, 上的, 我家 between the town and the barn still put the barn in that town.
        "龙潭镇的那个烤房停电了",
        "龙潭镇我家烤房停电了",
        "龙潭镇上的烤房停电了",
        "龙潭镇那边我家的烤房温度上不去",
    ],
)
async def test_a_barn_said_to_be_in_another_town_pages_that_towns_team(
    desk: Harness, words: str
) -> None:
    ticket, out = await call_from_qingshan(desk, words)
    assert (ticket.team_id, ticket.site_code) == (LONGTAN_TEAM, None)
    # That town's barns to press, and the one registered in case the words were misread.
    offered = [d for d in button_data(out) if d.startswith("f:site:")]
    assert offered == ["f:site:LT01", "f:site:QS01"]


@pytest.mark.parametrize(
    "words",
    [
        "我的烤房是龙潭镇的，停电了",
        "烤房就是龙潭镇那边的，温度上不去",
        "停电了，我家烤房是龙潭镇的",
    ],
)
async def test_a_barn_said_to_be_another_towns_pages_that_towns_team(
    desk: Harness, words: str
) -> None:
    ticket, out = await call_from_qingshan(desk, words)
    assert (ticket.team_id, ticket.site_code) == (LONGTAN_TEAM, None)
    assert "在哪个烤房" in texts(out)


async def test_a_barn_group_named_in_another_town_is_that_barn(desk: Harness) -> None:
    ticket, _out = await call_from_qingshan(desk, "刚从青山镇回来，水井湾烤房停电了")
    assert (ticket.team_id, ticket.site_code) == (LONGTAN_TEAM, "LT01")


async def test_a_town_said_in_passing_by_a_farmer_with_no_town_pages_that_towns_team(
    desk: Harness,
) -> None:
    # No town registered: the one the words name is a better guess than the default team.
    await desk.registered_as(FARMER, "farmer")
    await desk.send(FARMER, "刚从龙潭镇回来，烤房停电了")
    [ticket] = await desk.tickets()
    assert ticket.team_id == LONGTAN_TEAM


@pytest.mark.parametrize("town", ["龙潭镇", "龙滩镇"])  # its name, and an alias of it
async def test_an_alias_puts_the_barn_in_its_town_as_the_name_does(
    desk: Harness, town: str
) -> None:
    desk = Harness(desk.db, with_area_aliases(desk.cfg, "longtan", "龙滩镇"), desk.clock)
    ticket, out = await call_from_qingshan(desk, f"我在{town}的烤房停电了")
    assert (ticket.team_id, ticket.area, ticket.site_code) == (LONGTAN_TEAM, "longtan", None)
    assert "龙潭镇烘烤110服务队" in texts(out)
