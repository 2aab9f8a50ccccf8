"""A command typed on a Chinese keyboard, whose slash is the full-width ／ or 、: the command
meant, not words offered as a request; start typed without a slash shows what can be done."""

from __future__ import annotations

import pytest

from tests.support.desk import Harness, button_data, texts
from tests.support.tickets import FARMER


@pytest.mark.parametrize("typed", ["／start", "、start", " ／START "])
async def test_start_typed_with_an_input_methods_slash_is_start(desk: Harness, typed: str) -> None:
    out = await desk.send(FARMER, typed)
    assert "这里是" in texts(out) and "第一次使用" in texts(out)
    assert "要把这条消息作为" not in texts(out)
    assert await desk.tickets() == []


async def test_110_typed_with_a_full_width_slash_asks_what_is_wrong(desk: Harness) -> None:
    await desk.registered_as(FARMER, "farmer")
    out = await desk.send(FARMER, "／110")
    assert "请说明出了什么问题" in texts(out)


async def test_a_site_qr_payload_after_a_full_width_slash_binds_the_site(desk: Harness) -> None:
    out = await desk.send(FARMER, "／start site_QS01")
    assert "已绑定烤房群：青山镇大坪烤房群" in texts(out)


async def test_words_after_an_enumeration_comma_are_not_a_command(desk: Harness) -> None:
    await desk.registered_as(FARMER, "farmer")
    out = await desk.send(FARMER, "、许可证到期了怎么延续")
    assert "要把这条消息作为" in texts(out)


@pytest.mark.parametrize("typed", ["开始", "start"])
async def test_start_typed_without_a_slash_shows_what_can_be_done(
    desk: Harness, typed: str
) -> None:
    await desk.registered_as(FARMER, "farmer")
    out = await desk.send(FARMER, typed)
    assert "可以这样用" in texts(out) and "m:new" in button_data(out)
    assert await desk.tickets() == []
