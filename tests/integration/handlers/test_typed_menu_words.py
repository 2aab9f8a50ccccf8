"""Typing a menu button's name ("110", "我要登记", "我的工单") does what the button does,
instead of "只收到一串数字" or a request about nothing offered to the triage desk."""

from __future__ import annotations

from core.enums import Requester
from tests.support.desk import Harness, button_data, texts
from tests.support.tickets import FARMER

RETAILER = 100002


async def test_a_farmer_typing_110_is_asked_what_is_wrong(desk: Harness) -> None:
    out = await desk.send(FARMER, "110")
    assert "110 烘烤报警：请说明出了什么问题" in texts(out)
    await desk.send(FARMER, "风机不转了")
    await desk.press(FARMER, "f:site:QS01")
    [ticket] = await desk.tickets()
    assert ticket.urgent and ticket.text == "风机不转了"


async def test_110_typed_during_a_call_is_news_for_it_not_a_second_alarm(desk: Harness) -> None:
    call = await desk.file_110(FARMER)
    out = await desk.send(FARMER, "报警")
    assert "已补充到报警工单" in texts(out)
    assert [t.id for t in await desk.tickets()] == [call]


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


async def test_a_menu_word_during_a_110_call_is_news_for_it(desk: Harness) -> None:
    call = await desk.file_110(FARMER)
    out = await desk.send(FARMER, "求助")
    assert "已补充到报警工单" in texts(out)
    assert [t.id for t in await desk.tickets()] == [call]
