"""A barn button of the 110 call's place question pressed after the farmer went on to a
new draft (/new): the call is placed, as after the menu, and the draft stays where it was;
the barn is never taken as nothing while the call's team looks for the farmer."""

from __future__ import annotations

from core.enums import Kind
from tests.support.desk import Harness, button_actions, texts
from tests.support.tickets import FARMER


async def test_a_barn_pressed_half_way_through_a_draft_places_the_open_call(
    desk: Harness,
) -> None:
    await desk.send(FARMER, "烤房停电了，温度一直往下掉")
    await desk.send(FARMER, "/new")
    await desk.send(FARMER, "想问一下收购预约")

    out = await desk.press(FARMER, "f:site:QS02")

    assert "青山镇河湾烤房群" in texts(out)
    assert "想问一下收购预约" in texts(out)  # the draft is named, still going on
    [call] = await desk.tickets()
    assert call.kind is Kind.EMERGENCY and call.site_code == "QS02"

    out = await desk.press(FARMER, "f:next")
    assert "f:ok" in button_actions(out) and "想问一下收购预约" in texts(out)
    await desk.press(FARMER, "f:ok")
    _, request = await desk.tickets()
    assert request.text == "想问一下收购预约" and request.kind is Kind.REQUEST
