"""A staff member's wish is named 心愿 in every reply about it (filed, sent back, rated,
withdrawn), as its notices name it, and a suggestion 建议; a request stays a 工单. 「修改」
on a wish typed without /wish asks for the wish again, as /wish does."""

from __future__ import annotations

import pytest

from core.enums import Kind, Script
from core.model import Ticket
from tests.support.desk import Harness, texts

STAFF = 100003
STAFF_TEAM_CHAT = -1001000000015
STAFF_MEMBER = 200081
RETAILER = 100002


async def _staff(desk: Harness, script: Script) -> None:
    await desk.registered_as(STAFF, "staff")
    if script is Script.HANT:
        await desk.press(STAFF, "lang:hant")


@pytest.mark.parametrize(
    ("script", "asked"),
    [
        (Script.HANS, "🌱 请写下您的心愿"),
        (Script.HANT, "🌱 請寫下您的心願"),
    ],
    ids=["hans", "hant"],
)
async def test_editing_a_typed_wish_asks_for_the_wish(
    desk: Harness, script: Script, asked: str
) -> None:
    await _staff(desk, script)
    summary = texts(await desk.send(STAFF, "希望工会组织一次篮球赛"))
    assert "心愿" in summary or "心願" in summary
    out = await desk.press(STAFF, "f:edit")
    assert texts(out).startswith(asked)


@pytest.mark.parametrize(
    ("script", "called"), [(Script.HANS, "心愿"), (Script.HANT, "心願")], ids=["hans", "hant"]
)
async def test_replies_about_a_wish_call_it_a_wish(
    desk: Harness, script: Script, called: str
) -> None:
    await _staff(desk, script)
    wish = await _resolved_wish(desk, "希望食堂增加早餐")
    replies = [texts(await desk.send(STAFF, "没解决"))]  # sent back
    await _resolve(desk, wish.id)
    await desk.press(STAFF, f"my:ok:{wish.id}")
    replies.append(texts(await desk.press(STAFF, f"my:r:{wish.id}:5")))  # any more to say?
    replies.append(texts(await desk.press(STAFF, "f:skip")))  # rated
    for said in replies:
        assert f"{called} {wish.label}" in said
    another = await _resolved_wish(desk, "希望宿舍安装热水器")
    await desk.press(STAFF, f"my:ok:{another.id}")
    await desk.send(STAFF, "热水器装得很及时")
    said = texts(await desk.press(STAFF, f"my:r:{another.id}:5"))  # rated, with those words
    replies.append(said)
    assert f"{called} {another.label}" in said and "“热水器装得很及时”" in said
    for said in replies:
        assert "工单" not in said and "工單" not in said


async def _resolved_wish(desk: Harness, words: str) -> Ticket:
    wish = await desk.file_request(STAFF, words, "/wish")
    assert wish.id is not None and wish.kind is Kind.WISH
    await _resolve(desk, wish.id)
    return wish


async def _resolve(desk: Harness, wish: int | None) -> None:
    await desk.press(STAFF_MEMBER, f"tk:acc:{wish}", chat=STAFF_TEAM_CHAT)
    await desk.press(STAFF_MEMBER, f"tk:res:{wish}", chat=STAFF_TEAM_CHAT)
    await desk.send(STAFF_MEMBER, "已办好", chat=STAFF_TEAM_CHAT)


@pytest.mark.parametrize(
    ("script", "called"), [(Script.HANS, "心愿"), (Script.HANT, "心願")], ids=["hans", "hant"]
)
async def test_filing_and_withdrawing_a_wish_call_it_a_wish(
    desk: Harness, script: Script, called: str
) -> None:
    await _staff(desk, script)
    await desk.send(STAFF, "/wish")
    await desk.send(STAFF, "希望食堂增加早餐")
    await desk.press(STAFF, "f:next")
    filed = texts(await desk.press(STAFF, "f:ok"))
    [wish] = await desk.tickets()
    n = wish.label
    asked = texts(await desk.press(STAFF, f"my:x:{wish.id}"))
    withdrawn = texts(await desk.press(STAFF, f"my:xx:{wish.id}"))
    for said in (filed, asked, withdrawn):
        assert f"{called} {n}" in said and "工单" not in said and "工單" not in said


async def test_a_suggestion_is_named_a_suggestion_and_a_request_a_ticket(
    desk: Harness,
) -> None:
    await desk.registered_as(RETAILER, "retailer")
    await desk.send(RETAILER, "/suggest")
    await desk.send(RETAILER, "建议配送中心周末也送货")
    await desk.press(RETAILER, "f:next")
    filed = texts(await desk.press(RETAILER, "f:ok"))
    [suggestion] = await desk.tickets()
    assert f"已提交，建议 {suggestion.label}" in filed
    asked = texts(await desk.press(RETAILER, f"my:x:{suggestion.id}"))
    assert f"确定撤回建议 {suggestion.label}" in asked
    request = await desk.file_request(RETAILER, "今天送货少了两条烟")
    asked = texts(await desk.press(RETAILER, f"my:x:{request.id}"))
    assert f"确定撤回工单 {request.label}" in asked


@pytest.mark.parametrize(
    ("script", "called"), [(Script.HANS, "心愿"), (Script.HANT, "心願")], ids=["hans", "hant"]
)
async def test_every_later_word_on_a_wish_calls_it_a_wish(
    desk: Harness, script: Script, called: str
) -> None:
    """Adding to a wish, asking which of two is rated, rating again, sending back a rated
    one, pressing an old notice, and withdrawing one already taken up: each names 心愿."""
    await _staff(desk, script)
    taken = await desk.file_request(STAFF, "希望工会组织一次篮球赛", "/wish")
    await desk.press(STAFF_MEMBER, f"tk:acc:{taken.id}", chat=STAFF_TEAM_CHAT)
    replies = {
        "withdraw taken": texts(await desk.press(STAFF, f"my:x:{taken.id}")),
        "old notice": texts(await desk.press(STAFF, f"my:ok:{taken.id}")),
    }
    await desk.press(STAFF, f"my:add:{taken.id}")
    replies["added"] = texts(await desk.send(STAFF, "周六下午最好"))
    first = await _resolved_wish(desk, "希望食堂增加早餐")
    await _resolved_wish(desk, "希望宿舍安装热水器")
    replies["which"] = texts(await desk.send(STAFF, "5"))
    await desk.press(STAFF, f"my:ok:{first.id}")
    replies["ask again"] = texts(await desk.send(STAFF, "好的"))
    await desk.press(STAFF, f"my:r:{first.id}:5")
    replies["rated again"] = texts(await desk.press(STAFF, f"my:r:{first.id}:4"))
    replies["send back rated"] = texts(await desk.press(STAFF, f"my:bad:{first.id}"))
    for step, said in replies.items():
        assert called in said and "工单" not in said and "工單" not in said, (step, said)


@pytest.mark.parametrize(
    ("script", "called"), [(Script.HANS, "心愿"), (Script.HANT, "心願")], ids=["hans", "hant"]
)
@pytest.mark.parametrize("said", ["早餐还是只有馒头", "收到"], ids=["words", "short-word"])
async def test_words_back_to_a_granted_wish_call_it_a_wish(
    desk: Harness, script: Script, called: str, said: str
) -> None:
    """A wish granted in full, awaiting its requester's word: words about it that say
    neither way (还是只有馒头) and a short word beside its buttons (收到) each name it 心愿,
    as its notice does; before, they called it 工单."""
    await _staff(desk, script)
    wish = await _resolved_wish(desk, "希望食堂增加早餐")
    reply = texts(await desk.send(STAFF, said))
    assert f"{called} {wish.label}" in reply
    assert "工单" not in reply and "工單" not in reply
