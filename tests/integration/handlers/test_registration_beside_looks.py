"""A look taken half-way through registration (/my, 📋 我的工单, /help, /echo, /start, or
我的工单 and 帮助 typed): shown, and registration waits at its question, put again below,
the answers given kept; /cancel and another matter still leave it, and /110 is never held
up by it. As a draft waits beside the same looks (test_draft_beside_looks)."""

from __future__ import annotations

import pytest

from core.enums import Kind, Requester
from core.model import User
from tests.support.desk import Harness, button_data, texts
from tests.support.tickets import FARMER

RETAILER = 100002
LOOKS = ["/my", "m:my", "/help", "/echo off", "/start", "我的工单", "查一下进度", "帮助"]


async def _person(desk: Harness, user: int) -> User:
    async with desk.db.uow(read_only=True) as uow:
        found = await uow.users.get(user)
    assert found is not None
    return found


async def _look(desk: Harness, user: int, look: str, lang: str = "zh-cn") -> str:
    if look.startswith("m:"):
        return texts(await desk.press(user, look))
    return texts(await desk.send(user, look, language_code=lang))


@pytest.mark.parametrize("look", LOOKS)
async def test_a_look_at_the_name_leaves_registration_waiting_there(
    desk: Harness, look: str
) -> None:
    await desk.file_request(FARMER, "补贴什么时候发")  # a ticket for /my to list
    await desk.send(FARMER, "/start")
    await desk.press(FARMER, "f:kind:farmer")
    said = await _look(desk, FARMER, look)
    assert said.rstrip().endswith("登记还没有完成，请接着回答：\n请输入您的姓名：")
    assert "先处理您的问题" not in said and "您是：" not in said
    asked = texts(await desk.send(FARMER, "张大山"))
    assert "手机号" in asked
    person = await _person(desk, FARMER)
    assert person.name == "张大山" and person.kind is Requester.FARMER


async def test_my_tickets_pressed_at_the_phone_lists_them_and_asks_for_the_phone_again(
    desk: Harness,
) -> None:
    await desk.file_request(FARMER, "补贴什么时候发")
    await desk.send(FARMER, "/start")
    await desk.press(FARMER, "f:kind:farmer")
    await desk.send(FARMER, "张大山")
    out = await desk.press(FARMER, "m:my")
    assert any(data.startswith("my:v:") for data in button_data(out))
    assert out.replies[-1].keyboard == "contact"  # 📱 共享我的手机号 is there to press
    await desk.contact(FARMER, "8613800000001", owner=FARMER)
    assert (await _person(desk, FARMER)).phone == "+8613800000001"


async def test_a_look_in_traditional_says_registration_goes_on_in_traditional(
    desk: Harness,
) -> None:
    await desk.send(RETAILER, "/start", language_code="zh-hk")
    await desk.press(RETAILER, "f:kind:retailer")
    said = await _look(desk, RETAILER, "/my", lang="zh-hk")
    assert "登記還沒有完成，請接著回答：\n請輸入您的姓名：" in said


async def test_start_half_way_greets_and_goes_on_rather_than_from_who_you_are(
    desk: Harness,
) -> None:
    await desk.send(FARMER, "/start")
    await desk.press(FARMER, "f:kind:farmer")
    await desk.send(FARMER, "张大山")
    out = await desk.send(FARMER, "/start")
    said = texts(out)
    assert "您好 张大山" in said and "m:110" in button_data(out)
    assert "第一次使用" not in said and "f:kind:farmer" not in button_data(out)
    await desk.send(FARMER, "跳过")
    finished = texts(await desk.press(FARMER, "f:area:qingshan"))
    assert "登记完成" in finished
    assert (await _person(desk, FARMER)).registered_at is not None


@pytest.mark.parametrize("leave", ["/new", "m:new", "/cancel"])
async def test_a_new_matter_or_cancel_still_leaves_registration(desk: Harness, leave: str) -> None:
    await desk.send(FARMER, "/start")
    await desk.press(FARMER, "f:kind:farmer")
    said = await _look(desk, FARMER, leave)
    assert "登记还没有完成" not in said
    assert "请输入您的姓名" not in said


@pytest.mark.parametrize("call", ["/110", "m:110"])
async def test_110_at_registration_is_not_held_up(desk: Harness, call: str) -> None:
    await desk.send(FARMER, "/start")
    await desk.press(FARMER, "f:kind:farmer")
    said = await _look(desk, FARMER, call)
    assert "请说明出了什么问题" in said and "登记还没有完成" not in said
    await desk.send(FARMER, "烤房停电了")
    [ticket] = await desk.tickets()
    assert ticket.kind is Kind.EMERGENCY
