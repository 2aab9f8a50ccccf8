"""Words of a 110 call that name two barns ("大坪没事，松林着火了") do not say which one is
failing: the alarm goes out and the farmer is asked which, a button for each barn named,
whether in the alarm itself, in answer to 在哪个烤房？, or typed after that question ended.
The barn pressed places the call, with the words that named both."""

from __future__ import annotations

import pytest

from core.enums import Kind
from tests.support.desk import Harness, button_data, texts
from tests.support.tickets import FARMER

BAISHI_TEAM = "curing-baishi"
BOTH = ["f:site:QS01", "f:site:BS01"]


async def test_an_alarm_naming_two_barns_asks_which_and_goes_where_pressed(
    desk: Harness,
) -> None:
    out = await desk.send(FARMER, "大坪那边没事，松林烤房着火了")
    assert "已报警" in texts(out) and "您说到了青山镇大坪烤房群、白石乡松林烤房群" in texts(out)
    assert button_data(out)[-2:] == BOTH
    [ticket] = await desk.tickets()
    assert (ticket.kind, ticket.site_code) == (Kind.EMERGENCY, None)
    await desk.press(FARMER, "f:site:BS01")
    [ticket] = await desk.tickets()
    assert (ticket.site_code, ticket.team_id) == ("BS01", BAISHI_TEAM)


@pytest.mark.parametrize(
    ("words", "asked"),
    [
        ("大坪没事，松林着火了", "您说到了青山镇大坪烤房群、白石乡松林烤房群"),
        ("大坪沒事，松林著火了", "您說到了青山鎮大坪烤房群、白石鄉松林烤房群"),
    ],
    ids=["hans", "hant"],
)
async def test_two_barns_named_at_the_place_question_ask_which(
    desk: Harness, words: str, asked: str
) -> None:
    out = await desk.send(FARMER, "烤房停电了")
    assert "在哪个烤房" in texts(out)
    out = await desk.send(FARMER, words)
    assert asked in texts(out) and button_data(out) == BOTH
    [ticket] = await desk.tickets()
    assert ticket.site_code is None
    await desk.press(FARMER, "f:site:BS01")
    [ticket] = await desk.tickets()
    assert (ticket.site_code, ticket.team_id) == ("BS01", BAISHI_TEAM)
    assert ticket.id is not None
    assert "info" in await desk.actions(ticket.id)  # what named both is on the call


async def test_the_words_naming_two_barns_reach_the_team_however_the_barn_is_said(
    desk: Harness,
) -> None:
    """Typed instead of pressed, or never said: the words are on the call, told to its
    team at once, and go with it to the team of the barn named after."""
    await desk.send(FARMER, "烤房停电了")
    before = len(await desk.outbox())
    await desk.send(FARMER, "大坪没事，松林那边着火了")
    told = [str(r.payload.get("text", "")) for r in (await desk.outbox())[before:]]
    assert any("松林那边着火了" in text for text in told), told
    await desk.send(FARMER, "松林")
    [ticket] = await desk.tickets()
    assert (ticket.site_code, ticket.team_id) == ("BS01", BAISHI_TEAM)
    baishi = [
        str(r.payload.get("text", ""))
        for r in await desk.outbox()
        if r.chat_id == desk.cfg.team(BAISHI_TEAM).chat_id
    ]
    assert any("松林那边着火了" in text for text in baishi), baishi


async def test_two_barns_named_after_the_place_question_was_skipped_ask_which(
    desk: Harness,
) -> None:
    await desk.send(FARMER, "烤房停电了")
    await desk.press(FARMER, "f:skip")
    out = await desk.send(FARMER, "大坪没事，松林着火了")
    assert "您说到了" in texts(out) and button_data(out) == BOTH
    await desk.press(FARMER, "f:site:BS01")
    [ticket] = await desk.tickets()
    assert ticket.site_code == "BS01"
