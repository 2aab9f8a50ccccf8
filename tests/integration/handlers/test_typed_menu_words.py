"""Typing a menu button's name ("110", "我要登记", "我的工单") does what the button does,
instead of "只收到一串数字" or a request about nothing offered to the triage desk."""

from __future__ import annotations

import pytest

from core.enums import Requester
from tests.support.desk import Harness, button_data, texts
from tests.support.tickets import FARMER

RETAILER = 100002
STAFF = 100003


async def test_a_farmer_typing_110_is_asked_what_is_wrong(desk: Harness) -> None:
    out = await desk.send(FARMER, "110")
    assert "110 烘烤报警：请说明出了什么问题" in texts(out)
    await desk.send(FARMER, "风机不转了")
    await desk.press(FARMER, "f:site:QS01")
    [ticket] = await desk.tickets()
    assert ticket.urgent and ticket.text == "风机不转了"


@pytest.mark.parametrize("typed", ["报警", "110", "快来人，我要报警"])
async def test_110_typed_during_a_call_says_it_is_on_and_pages_nobody_again(
    desk: Harness, typed: str
) -> None:
    call = await desk.file_110(FARMER)
    before = len(await desk.outbox())
    out = await desk.send(FARMER, typed)
    assert "您的报警（工单 10019）正在处理，现在待接单" in texts(out)
    assert button_data(out) == [f"my:add:{call}", "m:110:another"]
    assert [t.id for t in await desk.tickets()] == [call]
    assert len(await desk.outbox()) == before


async def test_a_retailers_110_is_no_barn_alarm(desk: Harness) -> None:
    await desk.registered_as(RETAILER, "retailer")
    out = await desk.send(RETAILER, "110")
    assert "110 烘烤报警" not in texts(out)
    assert await desk.tickets() == []


async def test_registering_by_words_starts_registration(desk: Harness) -> None:
    out = await desk.send(RETAILER, "您好，我要登記")
    assert "請先登記" in texts(out) and "f:kind:retailer" in button_data(out)
    await desk.press(RETAILER, "f:kind:retailer")
    async with desk.db.uow(read_only=True) as uow:
        person = await uow.users.get(RETAILER)
    assert person is not None and person.kind is Requester.RETAILER
    assert await desk.tickets() == []


async def test_asking_for_ones_tickets_lists_them(desk: Harness) -> None:
    ticket = await desk.file_request(RETAILER, "卷烟订货系统登录不了")
    out = await desk.send(RETAILER, "帮我查一下工单进度")
    assert "您的工单" in texts(out)
    assert button_data(out)[0] == f"my:v:{ticket.id}"
    assert len(await desk.tickets()) == 1


async def _staff_wish(desk: Harness, text: str) -> int:
    await desk.registered_as(STAFF, "staff")
    await desk.send(STAFF, "/wish")
    await desk.send(STAFF, text)
    await desk.press(STAFF, "f:next")
    await desk.press(STAFF, "f:ok")
    [wish] = await desk.tickets()
    assert wish.id is not None
    return wish.id


@pytest.mark.parametrize(
    "typed",
    [
        "我的心愿怎么样了",
        "我的心愿",
        "心愿清单进度",
        "心愿进度",
        "查一下心愿清单",
        "我的工单怎么样了",
    ],
)
async def test_asking_after_ones_wishes_lists_them_and_files_nothing(
    desk: Harness, typed: str
) -> None:
    wish = await _staff_wish(desk, "食堂增加早餐品种")
    out = await desk.send(STAFF, typed)
    assert "您的工单" in texts(out)
    assert button_data(out) == [f"my:v:{wish}"]
    assert len(await desk.tickets()) == 1


async def test_asking_after_ones_wishes_in_traditional_is_answered_in_traditional(
    desk: Harness,
) -> None:
    wish = await _staff_wish(desk, "食堂增加早餐品種")
    out = await desk.send(STAFF, "我的心願怎麼樣了？")
    assert "您的工單" in texts(out)
    assert button_data(out) == [f"my:v:{wish}"]


async def test_a_wish_that_says_what_it_is_is_still_a_wish(desk: Harness) -> None:
    await desk.registered_as(STAFF, "staff")
    out = await desk.send(STAFF, "心愿：食堂增加早餐")
    assert "作为「心愿」提交吗" in texts(out)


async def test_complaint_alone_asks_what_it_is_about(desk: Harness) -> None:
    out = await desk.send(RETAILER, "我要投诉")
    assert "请说明投诉的事情" in texts(out)
    assert await desk.tickets() == []


async def test_menu_typed_shows_the_help_and_menu(desk: Harness) -> None:
    out = await desk.send(FARMER, "菜单")
    assert "/new 求助办事" in texts(out) and out.replies[0].buttons


async def test_a_menu_word_typed_as_the_answer_to_a_teams_question_is_the_answer(
    desk: Harness,
) -> None:
    ticket = await desk.file_request(RETAILER, "卷烟订货系统登录不了")
    team_chat = desk.cfg.team(ticket.team_id).chat_id
    member = desk.cfg.team(ticket.team_id).members[0]
    await desk.press(member, f"tk:acc:{ticket.id}", chat=team_chat)
    await desk.press(member, f"tk:ask:{ticket.id}", chat=team_chat)
    await desk.send(member, "您是要投诉还是咨询？", chat=team_chat)
    out = await desk.send(RETAILER, "投诉")
    assert "已把您的回复补充到工单" in texts(out)
    # 我的工单 answers nothing: it still lists them.
    out = await desk.send(RETAILER, "我的工单")
    assert "您的工单" in texts(out)


@pytest.mark.parametrize(
    ("typed", "asked"), [("我要投诉", "请说明投诉的事情"), ("提个建议", "请写下您的建议")]
)
async def test_another_menu_word_during_a_110_call_opens_its_entry(
    desk: Harness, typed: str, asked: str
) -> None:
    call = await desk.file_110(FARMER)
    out = await desk.send(FARMER, typed)
    assert asked in texts(out)  # not a ticket that says only 我要投诉
    assert [t.id for t in await desk.tickets()] == [call]


async def test_asking_how_to_raise_an_alarm_gets_the_help_not_an_alarm_prompt(
    desk: Harness,
) -> None:
    out = await desk.send(FARMER, "请问怎么报警")
    assert "/110 烤房紧急故障" in texts(out) and "请说明出了什么问题" not in texts(out)
    assert await desk.tickets() == []


@pytest.mark.parametrize("typed", ["算了", "点错了", "取消"])
async def test_calling_off_at_what_is_wrong_files_nothing(desk: Harness, typed: str) -> None:
    await desk.send(FARMER, "/110")
    out = await desk.send(FARMER, typed)
    assert "没有报警" in texts(out)
    assert await desk.tickets() == [] and await desk.outbox() == []


async def test_a_greeting_or_a_menu_word_at_what_is_wrong_pages_nobody(desk: Harness) -> None:
    await desk.send(FARMER, "/110")
    assert "请说明出了什么问题" in texts(await desk.send(FARMER, "你好"))
    out = await desk.send(FARMER, "我的工单")
    assert "您还没有工单" in texts(out)
    assert await desk.tickets() == []


async def test_no_emergency_said_at_what_is_wrong_is_asked_about_first(desk: Harness) -> None:
    await desk.send(FARMER, "请问怎么报警")
    await desk.send(FARMER, "/110")
    out = await desk.send(FARMER, "我就问问，现在没事")
    assert "现在需要烘烤110服务队马上处理吗" in texts(out)
    assert await desk.tickets() == []
    await desk.press(FARMER, "f:alarm:no")
    assert await desk.tickets() == []  # a request to confirm, if anything; no alarm


async def test_what_is_wrong_still_files_the_alarm(desk: Harness) -> None:
    await desk.send(FARMER, "/110")
    out = await desk.send(FARMER, "风机不转了")
    assert "已报警" in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.urgent and ticket.text == "风机不转了"


@pytest.mark.parametrize("typed", ["是", "👍", "报警"])
async def test_a_yes_that_says_nothing_at_what_is_wrong_is_asked_once_more(
    desk: Harness, typed: str
) -> None:
    await desk.send(FARMER, "/110")
    out = await desk.send(FARMER, typed)
    assert "请说一下烤房出了什么问题" in texts(out)
    assert await desk.tickets() == [] and await desk.outbox() == []
    out = await desk.send(FARMER, "风机不转了")
    assert "已报警" in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.text == "风机不转了"  # the yes is no part of what is wrong


async def test_an_acknowledgement_at_what_is_wrong_never_pages_the_team(desk: Harness) -> None:
    await desk.send(FARMER, "/110")
    for _ in range(3):
        assert "请说明出了什么问题" in texts(await desk.send(FARMER, "好的"))
    assert await desk.tickets() == [] and await desk.outbox() == []


async def test_a_second_yes_that_says_nothing_pages_the_team_without_words(
    desk: Harness,
) -> None:
    await desk.send(FARMER, "/110")
    await desk.send(FARMER, "是")
    out = await desk.send(FARMER, "是的")
    assert "已报警" in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.urgent and ticket.text == "[未说明]"
    assert any("内容：[未说明]" in row.payload.get("text", "") for row in await desk.outbox())


@pytest.mark.parametrize("typed", ["我要报警", "110"])
async def test_a_menu_word_at_the_name_question_is_no_name(desk: Harness, typed: str) -> None:
    await desk.send(FARMER, "/start")
    await desk.press(FARMER, "f:kind:farmer")
    out = await desk.send(FARMER, typed)
    assert "请说明出了什么问题" in texts(out)  # the 110 entry, as typed anywhere else
    async with desk.db.uow(read_only=True) as uow:
        person = await uow.users.get(FARMER)
    assert person is not None and person.name != typed


async def test_110_typed_at_the_place_question_is_no_barn_number(desk: Harness) -> None:
    await desk.send(FARMER, "烤房停电了，温度一直往下掉")
    out = await desk.send(FARMER, "110")
    assert "您的报警（工单 10019）正在处理" in texts(out)
    [ticket] = await desk.tickets()
    assert "110" not in (ticket.text or "").split("位置：")[-1]
