"""🚨 110 pressed on an old menu (the welcome shown before they said who they are) by someone
registered as staff or a retailer: the 110 is a farmer's curing emergency, which they are
told, with /110 still theirs for a barn that is failing; no 请说明出了什么问题 left waiting,
and a draft being written goes on."""

from __future__ import annotations

import pytest

from core.enums import Kind
from routing import to_simplified
from tests.support.desk import Harness, button_data, texts

RETAILER, STAFF = 100002, 100003


@pytest.mark.parametrize(
    ("user", "kind", "who"), [(STAFF, "staff", "职工"), (RETAILER, "retailer", "零售户")]
)
async def test_110_pressed_by_someone_with_no_barn_says_what_it_is_for_and_asks_nothing(
    desk: Harness, user: int, kind: str, who: str
) -> None:
    await desk.registered_as(user, kind)
    out = await desk.press(user, "m:110")
    said = texts(out)
    assert "烟农" in said and f"您登记为{who}" in said and "/110" in said
    assert "请说明出了什么问题" not in said and "m:new" in button_data(out)
    await desk.send(user, "空调坏了，办公室太热")  # not the alarm's answer
    assert not [t for t in await desk.tickets() if t.kind is Kind.EMERGENCY]


async def test_110_pressed_by_staff_writing_a_wish_leaves_the_wish_going_on(
    desk: Harness,
) -> None:
    await desk.registered_as(STAFF, "staff")
    await desk.send(STAFF, "/wish")
    await desk.send(STAFF, "食堂增加早餐品种")
    out = await desk.press(STAFF, "m:110")
    said = texts(out)
    assert "您正在写的「食堂增加早餐品种」还没有提交" in said and "已放下" not in said
    assert "请说明出了什么问题" not in said
    await desk.press(STAFF, "f:next")
    await desk.press(STAFF, "f:ok")
    [ticket] = await desk.tickets()
    assert (ticket.kind, ticket.text) == (Kind.WISH, "食堂增加早餐品种")


async def test_110_pressed_by_staff_in_traditional_is_answered_in_traditional(
    desk: Harness,
) -> None:
    await desk.registered_as(STAFF, "staff")
    await desk.send(STAFF, "/lang")
    await desk.press(STAFF, "lang:hant")
    said = texts(await desk.press(STAFF, "m:110"))
    assert "您登記為職工" in said and "烟农" in to_simplified(said)


async def test_110_typed_as_a_command_by_staff_still_asks_what_is_wrong(desk: Harness) -> None:
    await desk.registered_as(STAFF, "staff")
    out = await desk.send(STAFF, "/110")
    assert "请说明出了什么问题" in texts(out)


async def test_110_of_the_welcome_pressed_after_saying_staff_asks_the_name_again(
    desk: Harness,
) -> None:
    await desk.send(STAFF, "/start")
    await desk.press(STAFF, "f:kind:staff")
    out = await desk.press(STAFF, "m:110")
    assert "您登记为职工" in texts(out) and "请输入您的姓名" in texts(out)
    out = await desk.send(STAFF, "张三")
    assert "手机号" in texts(out) and not await desk.tickets()


@pytest.mark.parametrize("typed", ["110", "报警", "要报警"])
@pytest.mark.parametrize(
    ("user", "kind", "who"), [(STAFF, "staff", "职工"), (RETAILER, "retailer", "零售户")]
)
async def test_110_or_baojing_typed_by_someone_with_no_barn_says_what_it_is_for(
    desk: Harness, user: int, kind: str, who: str, typed: str
) -> None:
    """Before: 只收到一串数字。如果是工单号，请核对 for 110, and 报警 offered to 督办分派台
    as a request of its own (内容：报警)."""
    await desk.registered_as(user, kind)
    out = await desk.send(user, typed)
    said = texts(out)
    assert "烟农" in said and f"您登记为{who}" in said and "/110" in said
    assert "一串数字" not in said and "要把这条消息作为" not in said
    assert "m:new" in button_data(out)
    assert not await desk.tickets()


async def test_baojing_typed_in_traditional_by_a_retailer_is_answered_in_traditional(
    desk: Harness,
) -> None:
    """A retailer who said 零售户 and left registration (/cancel) types 報警."""
    await desk.send(RETAILER, "/start")
    await desk.press(RETAILER, "f:kind:retailer")
    await desk.send(RETAILER, "/cancel")
    said = texts(await desk.send(RETAILER, "報警"))
    assert "您登記為零售戶" in said and "要把這條消息作為" not in said
    assert not await desk.tickets()


async def test_baojing_typed_by_a_farmer_still_asks_what_is_wrong(desk: Harness) -> None:
    await desk.registered_as(100001, "farmer")
    out = await desk.send(100001, "报警")
    assert "请说明出了什么问题" in texts(out) and "您登记为" not in texts(out)
