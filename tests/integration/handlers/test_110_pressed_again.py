"""The menu's 🚨 110 pressed during the farmer's open call: they are told that call's
number and where it stands, offered to add to it or to report another barn, not asked
请说明出了什么问题 as if nothing had been filed."""

from __future__ import annotations

from tests.support.desk import Harness, button_data, texts
from tests.support.tickets import FARMER, MEMBER

QINGSHAN_CHAT = -1001000000001


async def test_110_pressed_during_an_open_call_names_it_and_offers_to_add_or_report_another(
    desk: Harness,
) -> None:
    call = await desk.file_110(FARMER)
    before = len(await desk.outbox())

    out = await desk.press(FARMER, "m:110")

    assert "您的报警（工单 10019）正在处理，现在待接单" in texts(out)
    assert "请说明出了什么问题" not in texts(out)
    assert button_data(out) == [f"my:add:{call}", "m:110:another"]
    assert [t.id for t in await desk.tickets()] == [call]
    assert len(await desk.outbox()) == before  # nobody paged


async def test_110_pressed_says_where_the_call_stands_now(desk: Harness) -> None:
    call = await desk.file_110(FARMER)
    await desk.press(MEMBER, f"tk:acc:{call}", chat=QINGSHAN_CHAT)
    out = await desk.press(FARMER, "m:110")
    assert "现在已接单" in texts(out)


async def test_another_barn_pressed_raises_a_second_call(desk: Harness) -> None:
    await desk.file_110(FARMER)
    await desk.press(FARMER, "m:110")

    out = await desk.press(FARMER, "m:110:another")
    assert "请说明出了什么问题" in texts(out)
    await desk.send(FARMER, "河湾那边的烤房也停电了")
    await desk.press(FARMER, "f:site:QS02")

    assert len(await desk.tickets()) == 2


async def test_add_pressed_takes_the_news_to_the_open_call(desk: Harness) -> None:
    call = await desk.file_110(FARMER)
    await desk.press(FARMER, "m:110")

    await desk.press(FARMER, f"my:add:{call}")
    out = await desk.send(FARMER, "温度已经掉到35度了")

    assert "已补充到" in texts(out)
    assert len(await desk.tickets()) == 1
    assert "info" in await desk.actions(call)
