"""A staff member who names the item of their wish list to withdraw (撤回第2项, 第二项不要了)
is asked to confirm withdrawing that item, as /my's 撤回 on it asks; the words are never
offered as a new request for the triage desk."""

from __future__ import annotations

import pytest

from core.enums import Status
from routing import to_simplified
from tests.support.desk import Harness, button_actions, texts
from tests.support.wish_lists import STAFF, STAFF_MEMBER, STAFF_TEAM_CHAT, THREE_WISHES


async def _list_filed(desk: Harness) -> list[int]:
    await desk.registered_as(STAFF, "staff")
    await desk.send(STAFF, "/wish")
    await desk.send(STAFF, THREE_WISHES)
    await desk.press(STAFF, "f:next")
    await desk.press(STAFF, "f:ok")
    return [t.id for t in await desk.tickets() if t.id is not None]


@pytest.mark.parametrize(
    "typed",
    ["撤回第2项", "撤回第二項", "我要撤销第2个", "第2项撤回", "把第二项撤回吧", "第2项不要了"],
)
async def test_an_item_named_to_withdraw_asks_to_confirm_that_item(
    desk: Harness, typed: str
) -> None:
    items = await _list_filed(desk)

    out = await desk.send(STAFF, typed)

    said = to_simplified(texts(out))
    labels = {t.id: t.label for t in await desk.tickets()}
    assert f"确定撤回心愿 {labels[items[1]]}" in said, said
    assert button_actions(out)[0] == f"my:xx:{items[1]}"
    assert "f:ok" not in button_actions(out)  # no new request offered


async def test_the_item_named_is_withdrawn_once_confirmed(desk: Harness) -> None:
    items = await _list_filed(desk)
    await desk.send(STAFF, "撤回第3项")

    await desk.press(STAFF, f"my:xx:{items[2]}")

    statuses = [t.status for t in await desk.tickets()]
    assert statuses[2] is Status.CANCELLED and statuses[:2] == [Status.DISPATCHED] * 2


@pytest.mark.parametrize("typed", ["撤回第5项", "撤回第2项的早餐要求", "撤回第2项吗"])
async def test_words_that_name_no_item_to_withdraw_ask_nothing_of_one(
    desk: Harness, typed: str
) -> None:
    """An item the list has not, words going on about something else, or a question: no
    item is asked to be withdrawn."""
    await _list_filed(desk)

    out = await desk.send(STAFF, typed)

    assert not [a for a in button_actions(out) if a.startswith("my:xx:")]


async def test_an_item_answered_already_is_said_where_it_stands(desk: Harness) -> None:
    """Item 2 answered (已办结待确认) while items 1 and 3 are in hand: 撤回第2项 says where
    item 2 stands, withdrawing nothing, and is no new request."""
    items = await _list_filed(desk)
    await desk.press(STAFF_MEMBER, f"tk:acc:{items[1]}", chat=STAFF_TEAM_CHAT)
    await desk.press(STAFF_MEMBER, f"tk:res:{items[1]}", chat=STAFF_TEAM_CHAT)
    await desk.send(STAFF_MEMBER, "已研究答复", chat=STAFF_TEAM_CHAT)

    out = await desk.send(STAFF, "撤回第2项")

    said = to_simplified(texts(out))
    assert "已办结" in said and "f:ok" not in button_actions(out), said
    assert [t.status for t in await desk.tickets()][1] is Status.RESOLVED


@pytest.mark.parametrize("typed", ["第2项不要了", "第2項不要了", "第2项取消"])
async def test_an_item_withdrawn_by_number_while_another_awaits_its_word(
    desk: Harness, typed: str
) -> None:
    """Item 1 answered and awaiting the staff member's word: 第2项不要了 asks to withdraw
    item 2, not told item 2 is still being worked on."""
    items = await _list_filed(desk)
    await desk.press(STAFF_MEMBER, f"tk:acc:{items[0]}", chat=STAFF_TEAM_CHAT)
    await desk.press(STAFF_MEMBER, f"tk:res:{items[0]}", chat=STAFF_TEAM_CHAT)
    await desk.send(STAFF_MEMBER, "已研究答复", chat=STAFF_TEAM_CHAT)

    out = await desk.send(STAFF, typed)

    said = to_simplified(texts(out))
    assert f"my:xx:{items[1]}" in button_actions(out), said
    assert "还在办理中" not in said, said


async def test_the_item_awaiting_its_word_called_off_is_not_withdrawn(desk: Harness) -> None:
    """第1项不要了 of the item answered and awaiting the staff member's word: its verdict
    buttons back, as 取消 beside its notice brings them; nothing is withdrawn."""
    items = await _list_filed(desk)
    await desk.press(STAFF_MEMBER, f"tk:acc:{items[0]}", chat=STAFF_TEAM_CHAT)
    await desk.press(STAFF_MEMBER, f"tk:res:{items[0]}", chat=STAFF_TEAM_CHAT)
    await desk.send(STAFF_MEMBER, "已研究答复", chat=STAFF_TEAM_CHAT)

    out = await desk.send(STAFF, "第1项不要了")

    said = to_simplified(texts(out))
    assert not [a for a in button_actions(out) if a.startswith("my:xx:")], said
    assert any(a.endswith(f":{items[0]}") for a in button_actions(out)), said
    statuses = {t.id: t.status for t in await desk.tickets()}
    assert statuses[items[0]] is Status.RESOLVED


@pytest.mark.parametrize("typed", ["撤回第2项", "第2项不要了"])
async def test_an_item_withdrawn_while_another_is_asked_is_no_answer_to_it(
    desk: Harness, typed: str
) -> None:
    """Item 3 asked 宿舍是几号楼？ by its team: 撤回第2项 asks to withdraw item 2, and is not
    sent to item 3's team as the answer to its question."""
    items = await _list_filed(desk)
    await desk.press(STAFF_MEMBER, f"tk:acc:{items[2]}", chat=STAFF_TEAM_CHAT)
    await desk.press(STAFF_MEMBER, f"tk:ask:{items[2]}", chat=STAFF_TEAM_CHAT)
    await desk.send(STAFF_MEMBER, "宿舍是几号楼？", chat=STAFF_TEAM_CHAT)

    out = await desk.send(STAFF, typed)

    said = to_simplified(texts(out))
    assert button_actions(out)[0] == f"my:xx:{items[1]}", said
    statuses = {t.id: t.status for t in await desk.tickets()}
    assert statuses[items[2]] is Status.WAITING_REQUESTER
    team = [str(r.payload.get("text")) for r in await desk.outbox() if r.chat_id == STAFF_TEAM_CHAT]
    assert not [t for t in team if typed in t], team


async def test_the_item_asked_named_to_withdraw_has_the_words_as_its_answer(
    desk: Harness,
) -> None:
    """撤回第3项 of item 3 itself, asked 宿舍是几号楼？ by the member who took it up: the words
    reach its team as the answer, as 撤回 typed as the answer does; no other item is
    offered to withdraw."""
    items = await _list_filed(desk)
    await desk.press(STAFF_MEMBER, f"tk:acc:{items[2]}", chat=STAFF_TEAM_CHAT)
    await desk.press(STAFF_MEMBER, f"tk:ask:{items[2]}", chat=STAFF_TEAM_CHAT)
    await desk.send(STAFF_MEMBER, "宿舍是几号楼？", chat=STAFF_TEAM_CHAT)

    out = await desk.send(STAFF, "撤回第3项")

    said = to_simplified(texts(out))
    team = [str(r.payload.get("text")) for r in await desk.outbox() if r.chat_id == STAFF_TEAM_CHAT]
    assert [t for t in team if "撤回第3项" in t], team
    assert not [a for a in button_actions(out) if a.startswith("my:xx:")], said
