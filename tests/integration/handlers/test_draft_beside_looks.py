"""A look at one's own tickets (/my, 📋 我的工单), the help or the echo wall's setting taken
half-way through a draft: the draft waits, named with how to go on, and is filed as it
was; /cancel and /new still leave it, and /110 is never held up by it."""

from __future__ import annotations

import pytest

from tests.support.desk import Harness, button_data, texts
from tests.support.tickets import FARMER

RETAILER = 100002
DRAFT = "送货少了一条中华"


async def _at_the_summary(desk: Harness) -> None:
    await desk.registered_as(RETAILER, "retailer")
    await desk.file_request(RETAILER, "这周的货什么时候送")  # a ticket for /my to list
    out = await desk.send(RETAILER, DRAFT)
    assert "请确认" in texts(out)


@pytest.mark.parametrize("look", ["/my", "m:my", "/help", "/echo off"])
async def test_a_look_taken_in_a_draft_keeps_the_draft(desk: Harness, look: str) -> None:
    await _at_the_summary(desk)
    if look.startswith("m:"):
        out = await desk.press(RETAILER, look)
    else:
        out = await desk.send(RETAILER, look)
    said = texts(out)
    assert "已放下" not in said
    assert f"您正在写的「{DRAFT}」还没有提交" in said
    if "my" in look:
        assert any(data.startswith("my:v:") for data in button_data(out))
    await desk.send(RETAILER, "提交")
    assert DRAFT in [ticket.text for ticket in await desk.tickets()]


async def test_my_in_a_draft_names_it_in_traditional(desk: Harness) -> None:
    await desk.send(RETAILER, "/start", language_code="zh-hant")
    await desk.send(RETAILER, "/cancel")
    await desk.send(RETAILER, "/new")
    await desk.send(RETAILER, "這週的貨什麼時候送")
    out = await desk.send(RETAILER, "/my")
    assert "您正在寫的「這週的貨什麼時候送」還沒有提交" in texts(out)


@pytest.mark.parametrize("command", ["/new", "/start"])
async def test_a_new_beginning_still_leaves_the_draft_and_says_so(
    desk: Harness, command: str
) -> None:
    await _at_the_summary(desk)
    out = await desk.send(RETAILER, command)
    assert f"「{DRAFT}」还没有提交，已放下" in texts(out)


async def test_110_in_a_farmers_draft_is_not_held_up(desk: Harness) -> None:
    await desk.registered_as(FARMER, "farmer")
    await desk.send(FARMER, "补贴什么时候发")
    out = await desk.send(FARMER, "/110")
    assert "请说明出了什么问题" in texts(out)


@pytest.mark.parametrize("typed", ["我的工单", "查一下进度", "帮助"])
async def test_a_look_typed_in_a_draft_is_no_words_of_it(desk: Harness, typed: str) -> None:
    await _at_the_summary(desk)
    out = await desk.send(RETAILER, typed)
    assert f"您正在写的「{DRAFT}」还没有提交" in texts(out)
    assert "已补充" not in texts(out)
    await desk.send(RETAILER, "提交")
    assert DRAFT in [ticket.text for ticket in await desk.tickets()]


async def test_a_look_typed_in_an_empty_draft_leaves_it(desk: Harness) -> None:
    await _at_the_summary(desk)
    await desk.send(RETAILER, "/new")
    out = await desk.send(RETAILER, "我的工单")
    assert any(data.startswith("my:v:") for data in button_data(out))
    assert "还没有提交" not in texts(out)
    out = await desk.send(RETAILER, "下一步")
    assert "请确认" not in texts(out)  # no draft waits for its description
