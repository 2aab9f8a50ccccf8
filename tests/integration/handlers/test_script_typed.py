"""A script's name typed instead of /lang ("繁體", "换成简体", "语言"): the script chosen, as
its button would, never a request of that word, and what was going on goes on."""

from __future__ import annotations

import pytest

from core.enums import Script
from tests.support.desk import Harness, button_data, texts
from tests.support.tickets import FARMER


async def _script(desk: Harness) -> tuple[Script | None, bool]:
    async with desk.db.uow(read_only=True) as uow:
        user = await uow.users.get(FARMER)
    assert user is not None
    return user.script, user.script_chosen


@pytest.mark.parametrize("typed", ["繁體", "繁体", "换成繁体"])
async def test_traditional_named_is_chosen_not_offered_as_a_request(
    desk: Harness, typed: str
) -> None:
    await desk.registered_as(FARMER, "farmer")
    out = await desk.send(FARMER, typed)
    assert "以後用繁體中文回覆您" in texts(out)
    assert "要把這條消息作為" not in texts(out)
    assert await _script(desk) == (Script.HANT, True)
    assert await desk.tickets() == []


async def test_simplified_named_is_chosen_after_traditional(desk: Harness) -> None:
    await desk.registered_as(FARMER, "farmer")
    await desk.send(FARMER, "繁體")
    out = await desk.send(FARMER, "簡體")  # typed in Traditional, naming Simplified
    assert "以后用简体中文回复您" in texts(out)
    assert await _script(desk) == (Script.HANS, True)


async def test_language_typed_asks_which_script(desk: Harness) -> None:
    await desk.registered_as(FARMER, "farmer")
    out = await desk.send(FARMER, "语言")
    assert "lang:hant" in button_data(out) and "lang:hans" in button_data(out)


async def test_a_script_named_in_a_draft_leaves_the_draft_going_on(desk: Harness) -> None:
    await desk.registered_as(FARMER, "farmer")
    await desk.send(FARMER, "/new")
    await desk.send(FARMER, "我想问一下补贴什么时候发")
    await desk.send(FARMER, "繁體")
    out = await desk.send(FARMER, "下一步")
    assert "請確認" in texts(out) and "繁體" not in texts(out).split("內容：")[1]
    await desk.press(FARMER, "f:ok")
    [ticket] = await desk.tickets()
    assert ticket.text == "我想问一下补贴什么时候发"


@pytest.mark.parametrize("typed", ["繁体", "简体"])
async def test_a_script_named_as_the_answer_a_team_waits_for_reaches_the_team(
    desk: Harness, typed: str
) -> None:
    ticket = await desk.file_request(FARMER, "烟叶收购标准的说明在哪里看")
    team_chat = desk.cfg.team(ticket.team_id).chat_id
    member = desk.cfg.team(ticket.team_id).members[0]
    await desk.press(member, f"tk:acc:{ticket.id}", chat=team_chat)
    await desk.press(member, f"tk:ask:{ticket.id}", chat=team_chat)
    await desk.send(member, "您要繁体还是简体的说明？", chat=team_chat)
    before = await _script(desk)
    out = await desk.send(FARMER, typed)
    assert "已把您的回复补充到工单" in texts(out)
    assert "以後用繁體中文回覆您" not in texts(out) and "以后用简体中文回复您" not in texts(out)
    assert await _script(desk) == before


@pytest.mark.parametrize("before", [(), ("是",)])
async def test_a_script_named_at_the_110_question_asks_it_again(
    desk: Harness, before: tuple[str, ...]
) -> None:
    """ "繁體" typed at 请说明出了什么问题 (after /110, and after 是 asked it once more):
    the script chosen, and what is wrong asked again in it, as after "/110 繁體"; nobody is
    paged for the word."""
    await desk.send(FARMER, "/start")
    await desk.send(FARMER, "/110")
    for typed in before:
        await desk.send(FARMER, typed)
    out = await desk.send(FARMER, "繁體")
    assert "以後用繁體中文回覆您" in texts(out)
    assert "請說明出了什麼問題" in texts(out), texts(out)
    assert await _script(desk) == (Script.HANT, True)
    assert await desk.tickets() == []
    await desk.send(FARMER, "烤房停電了，溫度一直往下掉")
    [ticket] = await desk.tickets()
    assert ticket.text == "烤房停電了，溫度一直往下掉"


@pytest.mark.parametrize("how", ["typed", "pressed"])
async def test_a_script_chosen_mid_registration_puts_its_question_again_in_that_script(
    desk: Harness, how: str
) -> None:
    # Before, only 好的，以後用繁體中文回覆您。 came, the question's buttons left in Simplified.
    await desk.send(FARMER, "/start")
    out = await (desk.send(FARMER, "繁體") if how == "typed" else desk.press(FARMER, "lang:hant"))
    assert "以後用繁體中文回覆您" in texts(out)
    assert "請點下面的按鈕選一個" in texts(out)
    labels = [b.text for r in out.replies for row in r.buttons for b in row]
    assert labels == ["菸農", "零售戶", "職工"]
    out = await desk.send(FARMER, "烟农")  # the question still waits
    assert "請輸入您的姓名" in texts(out)
