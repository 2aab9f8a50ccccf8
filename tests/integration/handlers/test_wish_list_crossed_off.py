"""A staff member who rates an item of their wish list is told how far the list has come:
which items are still being worked on, and, when the last item is crossed off (销号),
that the whole list is."""

from __future__ import annotations

from datetime import timedelta

import pytest

from core.enums import Action, Status
from core.model import Ticket
from routing import to_simplified
from tests.integration.scheduler.clockwork import run_scheduler
from tests.support.desk import Harness, button_actions, texts
from tests.support.wish_lists import (
    STAFF,
    STAFF_MEMBER,
    STAFF_TEAM_CHAT,
    THREE_WISHES,
    wish_list_answered,
)


async def test_the_last_item_crossed_off_says_the_whole_list_is(desk: Harness) -> None:
    items = await wish_list_answered(desk)
    first = to_simplified(texts(await desk.press(STAFF, f"my:r:{items[0]}:5")))
    assert "心愿清单还有 2 项没有销号：第2项、第3项" in first
    await desk.press(STAFF, "f:skip")
    await desk.press(STAFF, f"my:r:{items[2]}:4")
    await desk.press(STAFF, "f:skip")
    last = to_simplified(texts(await desk.press(STAFF, f"my:r:{items[1]}:5")))
    assert "心愿清单的 3 项已全部销号" in last
    assert "没有销号" not in last
    assert {t.status for t in await desk.tickets()} == {Status.CLOSED}


async def test_rated_in_the_lists_order_the_last_says_the_whole_list_is(
    desk: Harness,
) -> None:
    items = await wish_list_answered(desk)
    await desk.press(STAFF, f"my:r:{items[0]}:5")
    await desk.press(STAFF, "f:skip")
    await desk.press(STAFF, f"my:r:{items[1]}:5")
    await desk.press(STAFF, "f:skip")
    said = to_simplified(texts(await desk.press(STAFF, f"my:r:{items[2]}:5")))
    assert "心愿清单的 3 项已全部销号" in said


async def test_a_wish_on_no_list_says_nothing_of_one(desk: Harness) -> None:
    await desk.registered_as(STAFF, "staff")
    await desk.send(STAFF, "/wish")
    await desk.send(STAFF, "食堂增加早餐品种")
    await desk.press(STAFF, "f:next")
    await desk.press(STAFF, "f:ok")
    [wish] = await desk.tickets()
    await desk.press(200081, f"tk:acc:{wish.id}", chat=-1001000000015)
    await desk.press(200081, f"tk:res:{wish.id}", chat=-1001000000015)
    await desk.send(200081, "已研究答复", chat=-1001000000015)
    said = to_simplified(texts(await desk.press(STAFF, f"my:r:{wish.id}:5")))
    assert "心愿清单" not in said


async def test_items_scored_at_once_say_what_is_left_once(desk: Harness) -> None:
    await wish_list_answered(desk)
    said = to_simplified(texts(await desk.send(STAFF, "第一项5分第二项4分")))
    assert said.count("心愿清单") == 1 and "还有 1 项没有销号：第3项" in said


async def _auto_closed_notice(desk: Harness) -> str:
    """What the staff member is told when the sweep crosses off (销号) what they left
    unconfirmed: the days the desk waits for their word pass."""
    return await _swept_notices(desk, "自动销号")


async def _swept_notices(desk: Harness, saying: str) -> str:
    """The notices to the staff member saying `saying`, in Simplified, from the sweeps of
    the next five days."""
    before = {r.id for r in await desk.outbox()}
    start = desk.clock.now
    await run_scheduler(desk.db, desk.cfg, start, start + timedelta(days=5))
    told = [
        str(r.payload.get("text"))
        for r in await desk.outbox()
        if r.id not in before and r.chat_id == STAFF and saying in str(r.payload.get("text"))
    ]
    return to_simplified("\n".join(told))


async def test_the_last_item_closed_by_the_sweep_says_the_whole_list_is(desk: Harness) -> None:
    items = await wish_list_answered(desk)
    await desk.press(STAFF, f"my:r:{items[0]}:5")
    await desk.press(STAFF, "f:skip")
    await desk.press(STAFF, f"my:r:{items[2]}:4")
    await desk.press(STAFF, "f:skip")

    told = await _auto_closed_notice(desk)

    assert "心愿清单的 3 项已全部销号" in told and "没有销号" not in told
    assert {t.status for t in await desk.tickets()} == {Status.CLOSED}


async def test_an_item_closed_by_the_sweep_says_what_is_left(desk: Harness) -> None:
    items = await wish_list_answered(desk)
    await desk.press(STAFF, f"my:r:{items[0]}:5")
    await desk.press(STAFF, "f:skip")
    await desk.press(STAFF, f"my:bad:{items[1]}")
    await desk.send(STAFF, "只加了一种包子")  # sent back: still worked on

    told = await _auto_closed_notice(desk)

    assert told.count("心愿清单") == 1 and "还有 1 项没有销号：第2项" in told


async def test_a_list_the_sweep_crosses_off_at_once_says_how_far_it_came_once(
    desk: Harness,
) -> None:
    """Items answered together are crossed off by one sweep: their notices arrive together,
    and only the last says the list is done; none says items are left that it also closed."""
    await wish_list_answered(desk)
    before = {r.id for r in await desk.outbox()}
    start = desk.clock.now
    await run_scheduler(desk.db, desk.cfg, start, start + timedelta(days=5))
    assert {t.status for t in await desk.tickets()} == {Status.CLOSED}
    told = [
        to_simplified(str(r.payload.get("text")))
        for r in await desk.outbox()
        if r.id not in before and r.chat_id == STAFF and "已自动销号" in str(r.payload.get("text"))
    ]
    assert len(told) == 3
    assert not [text for text in told if "没有销号" in text], told
    assert len([text for text in told if "已全部销号" in text]) == 1, told


async def test_an_item_closed_for_want_of_an_answer_is_not_said_crossed_off(
    desk: Harness,
) -> None:
    """The team asked about item 2 and no answer came, so it was closed (未补充关闭), never
    done: rating the others does not say all three items are crossed off (销号)."""
    await desk.registered_as(STAFF, "staff")
    await desk.send(STAFF, "/wish")
    await desk.send(STAFF, "1、组织一次职工体检；2、食堂增加早餐品种；3、更换宿舍空调")
    await desk.press(STAFF, "f:next")
    await desk.press(STAFF, "f:ok")
    items = [t.id for t in await desk.tickets() if t.id is not None]
    for wish in items:
        await desk.press(200081, f"tk:acc:{wish}", chat=-1001000000015)
    await desk.press(200081, f"tk:ask:{items[1]}", chat=-1001000000015)
    await desk.send(200081, "想增加哪些早餐品种？", chat=-1001000000015)
    await desk.sweep_does(items[1], Action.EXPIRE)
    for wish in (items[0], items[2]):
        await desk.press(200081, f"tk:res:{wish}", chat=-1001000000015)
        await desk.send(200081, "已研究答复", chat=-1001000000015)
    await desk.press(STAFF, f"my:r:{items[0]}:5")
    await desk.press(STAFF, "f:skip")
    last = to_simplified(texts(await desk.press(STAFF, f"my:r:{items[2]}:5")))
    assert "3 项已全部销号" not in last
    assert "2 项已销号" in last and "1 项没有收到补充信息，已关闭" in last


async def test_an_item_withdrawn_is_counted_apart(desk: Harness) -> None:
    await desk.registered_as(STAFF, "staff")
    await desk.send(STAFF, "/wish")
    await desk.send(STAFF, "1、组织一次职工体检；2、食堂增加早餐品种；3、更换宿舍空调")
    await desk.press(STAFF, "f:next")
    await desk.press(STAFF, "f:ok")
    items = [t.id for t in await desk.tickets() if t.id is not None]
    await desk.press(STAFF, f"my:x:{items[2]}")
    await desk.press(STAFF, f"my:xx:{items[2]}")
    for wish in items[:2]:
        await desk.press(200081, f"tk:acc:{wish}", chat=-1001000000015)
        await desk.press(200081, f"tk:res:{wish}", chat=-1001000000015)
        await desk.send(200081, "已研究答复", chat=-1001000000015)
    await desk.press(STAFF, f"my:r:{items[0]}:5")
    await desk.press(STAFF, "f:skip")
    last = to_simplified(texts(await desk.press(STAFF, f"my:r:{items[1]}:5")))
    assert "2 项已销号，1 项您已撤回" in last and "没有收到补充信息" not in last


async def test_the_sweeps_notices_name_an_item_by_its_place_and_words(desk: Harness) -> None:
    """The reminder to confirm an item, and the notice of its close, say which item of the
    list it is and what it asked, as the notice of its answer does: 第2项没实现 answers
    it."""
    items = await wish_list_answered(desk)
    labels = {t.id: t.label for t in await desk.tickets()}
    before = {r.id for r in await desk.outbox()}
    start = desk.clock.now
    await run_scheduler(desk.db, desk.cfg, start, start + timedelta(days=5))
    told = [
        to_simplified(str(r.payload.get("text")))
        for r in await desk.outbox()
        if r.id not in before and r.chat_id == STAFF
    ]
    reminded = [said for said in told if "请确认并评价" in said]
    assert f"您的心愿 {labels[items[1]]}（第2项：食堂增加早餐品种） 已实现" in "\n".join(reminded)
    closed = [said for said in told if "自动销号（" in said]
    assert f"{labels[items[2]]}（第3项：更换宿舍空调） 已实现，已自动销号" in "\n".join(closed)


async def test_the_answers_notice_names_an_item_by_its_place_and_words(desk: Harness) -> None:
    items = await wish_list_answered(desk)
    labels = {t.id: t.label for t in await desk.tickets()}
    notices = [
        to_simplified(str(r.payload.get("text")))
        for r in await desk.outbox()
        if r.chat_id == STAFF and "已实现：" in str(r.payload.get("text"))
    ]
    assert f"您的心愿 {labels[items[0]]}（第1项：组织一次职工体检） 已实现：" in notices[0]


async def _first_item_rated(desk: Harness, score: int) -> list[Ticket]:
    """A list of three filed, item 1 alone answered and rated `score`, its comment skipped."""
    await desk.registered_as(STAFF, "staff")
    await desk.send(STAFF, "/wish")
    await desk.send(STAFF, THREE_WISHES)
    await desk.press(STAFF, "f:next")
    await desk.press(STAFF, "f:ok")
    items = await desk.tickets()
    await desk.press(STAFF_MEMBER, f"tk:acc:{items[0].id}", chat=STAFF_TEAM_CHAT)
    await desk.press(STAFF_MEMBER, f"tk:res:{items[0].id}", chat=STAFF_TEAM_CHAT)
    await desk.send(STAFF_MEMBER, "已研究答复", chat=STAFF_TEAM_CHAT)
    await desk.press(STAFF, f"my:r:{items[0].id}:{score}")
    await desk.press(STAFF, "f:skip")
    return items


@pytest.mark.parametrize("typed", ["还没解决", "還沒解決"])
async def test_not_solved_after_rating_one_item_well_speaks_of_the_items_still_in_hand(
    desk: Harness, typed: str
) -> None:
    """Item 1 rated five stars, the reply says items 2 and 3 are not crossed off yet: 还没解决
    then is of those, offered ➕ 补充到工单 as 还没实现 is, not told item 1 cannot be sent
    back (for a while it was)."""
    items = await _first_item_rated(desk, 5)

    out = await desk.send(STAFF, typed)

    said = to_simplified(texts(out))
    assert "不能再退回" not in said
    assert f"{items[1].label}、{items[2].label} 正在办理中" in said
    assert "f:add" in button_actions(out)
    assert [t.status for t in await desk.tickets()] == [
        Status.CLOSED,
        Status.DISPATCHED,
        Status.DISPATCHED,
    ]


async def test_not_solved_after_rating_one_item_low_is_still_that_items(desk: Harness) -> None:
    items = await _first_item_rated(desk, 2)

    said = to_simplified(texts(await desk.send(STAFF, "还没解决")))

    assert f"{items[0].label} 您已经确认办结并评价，不能再退回" in said


async def _item_2_answered_and_item_3_asked_together(desk: Harness) -> None:
    """Item 1 rated, item 2 answered and item 3 asked about seconds later: one sweep crosses
    item 2 off (销号, never confirmed) and closes item 3 for want of an answer (未补充关闭)."""
    await desk.registered_as(STAFF, "staff")
    await desk.send(STAFF, "/wish")
    await desk.send(STAFF, THREE_WISHES)
    await desk.press(STAFF, "f:next")
    await desk.press(STAFF, "f:ok")
    items = [t.id for t in await desk.tickets() if t.id is not None]
    for wish in items:
        await desk.press(STAFF_MEMBER, f"tk:acc:{wish}", chat=STAFF_TEAM_CHAT)
    await desk.press(STAFF_MEMBER, f"tk:res:{items[0]}", chat=STAFF_TEAM_CHAT)
    await desk.send(STAFF_MEMBER, "已研究答复", chat=STAFF_TEAM_CHAT)
    await desk.press(STAFF, f"my:r:{items[0]}:5")
    await desk.press(STAFF, "f:skip")
    await desk.press(STAFF_MEMBER, f"tk:res:{items[1]}", chat=STAFF_TEAM_CHAT)
    await desk.send(STAFF_MEMBER, "已研究答复", chat=STAFF_TEAM_CHAT)
    desk.clock.advance(seconds=5)  # due 5 s after item 2: the same tick of the sweep
    await desk.press(STAFF_MEMBER, f"tk:ask:{items[2]}", chat=STAFF_TEAM_CHAT)
    await desk.send(STAFF_MEMBER, "宿舍是几号楼几号房？", chat=STAFF_TEAM_CHAT)


async def test_an_item_the_same_sweep_closes_unanswered_is_not_said_left(desk: Harness) -> None:
    """Item 2's notice says the list is done with item 3 counted apart, not that item 3 is
    still being worked on; whichever of the two the sweep comes to first."""
    await _item_2_answered_and_item_3_asked_together(desk)

    told = await _auto_closed_notice(desk)

    assert [t.status for t in await desk.tickets()] == [Status.CLOSED] * 3
    assert "没有销号" not in told, told
    assert "2 项已销号，1 项没有收到补充信息，已关闭" in told, told


async def test_one_sweep_closing_the_last_two_items_says_the_list_is_done_once(
    desk: Harness,
) -> None:
    """Item 2's notice (自动销号) says the list is done, item 3 counted closed: item 3's
    notice (未补充关闭) beside it does not say it again."""
    await _item_2_answered_and_item_3_asked_together(desk)
    before = {r.id for r in await desk.outbox()}
    start = desk.clock.now

    await run_scheduler(desk.db, desk.cfg, start, start + timedelta(days=5))

    assert [t.status for t in await desk.tickets()] == [Status.CLOSED] * 3
    told = [
        to_simplified(str(r.payload.get("text")))
        for r in await desk.outbox()
        if r.id not in before and r.chat_id == STAFF
    ]
    assert len([text for text in told if "心愿清单已全部办完" in text]) == 1, told


async def _closed_unanswered_notice(desk: Harness) -> str:
    """What the staff member is told when the sweep closes what they left unanswered
    (未补充关闭): the days the desk waits for their answer to the team's question pass."""
    return await _swept_notices(desk, "没有收到")


async def _two_rated_and_item_3_asked(desk: Harness) -> list[int]:
    """Items 1 and 2 rated, the team's question about item 3 left unanswered."""
    await desk.registered_as(STAFF, "staff")
    await desk.send(STAFF, "/wish")
    await desk.send(STAFF, THREE_WISHES)
    await desk.press(STAFF, "f:next")
    await desk.press(STAFF, "f:ok")
    items = [t.id for t in await desk.tickets() if t.id is not None]
    for wish in items:
        await desk.press(STAFF_MEMBER, f"tk:acc:{wish}", chat=STAFF_TEAM_CHAT)
    for wish in items[:2]:
        await desk.press(STAFF_MEMBER, f"tk:res:{wish}", chat=STAFF_TEAM_CHAT)
        await desk.send(STAFF_MEMBER, "已研究答复", chat=STAFF_TEAM_CHAT)
        await desk.press(STAFF, f"my:r:{wish}:5")
        await desk.press(STAFF, "f:skip")
    await desk.press(STAFF_MEMBER, f"tk:ask:{items[2]}", chat=STAFF_TEAM_CHAT)
    await desk.send(STAFF_MEMBER, "宿舍是几号楼几号房？", chat=STAFF_TEAM_CHAT)
    return items


async def test_the_last_item_closed_unanswered_says_the_whole_list_is_done(
    desk: Harness,
) -> None:
    """Items 1 and 2 crossed off by the staff member's rating, item 3 closed by the sweep
    for want of their answer (未补充关闭): its notice says the list is done, with item 3
    counted apart, as the last rating would have."""
    await _two_rated_and_item_3_asked(desk)

    told = await _closed_unanswered_notice(desk)

    assert [t.status for t in await desk.tickets()] == [Status.CLOSED] * 3
    assert told.count("心愿清单") == 1, told
    assert "2 项已销号，1 项没有收到补充信息，已关闭" in told, told


async def test_an_item_closed_unanswered_while_others_are_in_hand_says_nothing_of_the_list(
    desk: Harness,
) -> None:
    """Item 2 still worked on: the notice of item 1's close for want of an answer says
    nothing of the list, as before."""
    await desk.registered_as(STAFF, "staff")
    await desk.send(STAFF, "/wish")
    await desk.send(STAFF, "1、组织一次职工体检；2、食堂增加早餐品种")
    await desk.press(STAFF, "f:next")
    await desk.press(STAFF, "f:ok")
    items = [t.id for t in await desk.tickets() if t.id is not None]
    await desk.press(STAFF_MEMBER, f"tk:acc:{items[0]}", chat=STAFF_TEAM_CHAT)
    await desk.press(STAFF_MEMBER, f"tk:ask:{items[0]}", chat=STAFF_TEAM_CHAT)
    await desk.send(STAFF_MEMBER, "想在哪家医院体检？", chat=STAFF_TEAM_CHAT)

    told = await _closed_unanswered_notice(desk)

    assert told and "心愿清单" not in told, told


async def _two_rated(desk: Harness) -> list[int]:
    """Items 1 and 2 answered and rated, item 3 not taken up yet."""
    await desk.registered_as(STAFF, "staff")
    await desk.send(STAFF, "/wish")
    await desk.send(STAFF, THREE_WISHES)
    await desk.press(STAFF, "f:next")
    await desk.press(STAFF, "f:ok")
    items = [t.id for t in await desk.tickets() if t.id is not None]
    for wish in items[:2]:
        await desk.press(STAFF_MEMBER, f"tk:acc:{wish}", chat=STAFF_TEAM_CHAT)
        await desk.press(STAFF_MEMBER, f"tk:res:{wish}", chat=STAFF_TEAM_CHAT)
        await desk.send(STAFF_MEMBER, "已研究答复", chat=STAFF_TEAM_CHAT)
        await desk.press(STAFF, f"my:r:{wish}:5")
        await desk.press(STAFF, "f:skip")
    return items


async def test_the_last_item_withdrawn_says_the_whole_list_is_done(desk: Harness) -> None:
    """Told 还有 1 项没有销号：第3项 by the last rating, the staff member withdraws item 3:
    the list is done, with item 3 counted apart; before, only 已撤回 was said."""
    items = await _two_rated(desk)
    await desk.press(STAFF, f"my:x:{items[2]}")

    said = to_simplified(texts(await desk.press(STAFF, f"my:xx:{items[2]}")))

    assert "已撤回" in said
    assert "这份心愿清单已全部办完：2 项已销号，1 项您已撤回。" in said, said
    assert "感谢" not in said


async def test_an_item_withdrawn_while_others_are_in_hand_says_nothing_of_the_list(
    desk: Harness,
) -> None:
    await desk.registered_as(STAFF, "staff")
    await desk.send(STAFF, "/wish")
    await desk.send(STAFF, THREE_WISHES)
    await desk.press(STAFF, "f:next")
    await desk.press(STAFF, "f:ok")
    items = [t.id for t in await desk.tickets() if t.id is not None]
    await desk.press(STAFF, f"my:x:{items[2]}")

    said = to_simplified(texts(await desk.press(STAFF, f"my:xx:{items[2]}")))

    assert "已撤回" in said and "心愿清单" not in said, said
