"""Where a 110 call is, told with the alarm: a barn named in its words, or a pin shared
before the words. The alarm goes to that town's team at once, not to the farmer's own
town with a question after it."""

from __future__ import annotations

from core.enums import Kind
from tests.support.desk import Harness, texts
from tests.support.tickets import FARMER

BAISHI_TEAM = "curing-baishi"


async def test_a_barn_named_in_the_alarm_sends_it_to_that_towns_team(desk: Harness) -> None:
    out = await desk.send(FARMER, "白石乡松林烤房停电了")
    assert "已报警" in texts(out) and "在哪个烤房" not in texts(out)
    [ticket] = await desk.tickets()
    assert (ticket.kind, ticket.site_code, ticket.team_id) == (
        Kind.EMERGENCY,
        "BS01",
        BAISHI_TEAM,
    )


async def test_a_pin_shared_before_the_words_is_where_the_alarm_goes(desk: Harness) -> None:
    await desk.send(FARMER, "/110")
    out = await desk.location(FARMER, 26.421, 106.615)  # 白石乡松林
    assert "位置已收到" in texts(out) and await desk.tickets() == []
    out = await desk.send(FARMER, "停电了")
    assert "已报警" in texts(out) and "在哪个烤房" not in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.team_id == BAISHI_TEAM and ticket.lat is not None


async def test_a_barn_named_in_traditional_is_the_same_barn(desk: Harness) -> None:
    out = await desk.send(FARMER, "白石鄉松林烤房停電了")
    assert "已報警" in texts(out)
    [ticket] = await desk.tickets()
    assert (ticket.site_code, ticket.team_id) == ("BS01", BAISHI_TEAM)
