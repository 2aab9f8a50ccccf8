"""An item of a staff member's wish list named by the number the list was filed under (第3项,
第二项, 3 before a verdict word), as the reply that filed it numbered the items: the words
after it are the verdict on that item alone, never a question of which, nor a new request."""

from __future__ import annotations

import pytest

from core.enums import Status
from routing import to_simplified
from tests.support.desk import Harness, button_actions, button_data, texts

STAFF = 100003
STAFF_TEAM_CHAT = -1001000000015
STAFF_MEMBER = 200081
THREE_WISHES = "1、组织一次职工体检；2、食堂增加早餐品种；3、更换宿舍空调"
EIGHT_WISHES = (
    "1、增加篮球场；2、开通班车；3、增加图书室；4、发放防暑用品；5、改善浴室；"
    "6、增加停车位；7、安装饮水机；8、组织技能培训"
)


async def _list_filed(desk: Harness, *, answered: int = 3) -> list[int]:
    """The three items filed as a list (体检, 早餐, 空调), the first `answered` of them
    answered by the staff station; their ids in the list's order."""
    await desk.registered_as(STAFF, "staff")
    await desk.send(STAFF, "/wish")
    await desk.send(STAFF, THREE_WISHES)
    await desk.press(STAFF, "f:next")
    filed = texts(await desk.press(STAFF, "f:ok"))
    items = [t.id for t in await desk.tickets() if t.id is not None]
    # The numbers the employee is shown are the list's own.
    assert all(f"{n}. " in filed for n in (1, 2, 3))
    for wish in items[:answered]:
        await desk.press(STAFF_MEMBER, f"tk:acc:{wish}", chat=STAFF_TEAM_CHAT)
        await desk.press(STAFF_MEMBER, f"tk:res:{wish}", chat=STAFF_TEAM_CHAT)
        await desk.send(STAFF_MEMBER, "已研究答复", chat=STAFF_TEAM_CHAT)
    return items


async def _statuses(desk: Harness) -> list[Status]:
    return [t.status for t in await desk.tickets()]


@pytest.mark.parametrize(
    ("typed", "place"),
    [
        ("第3项没实现", 2),
        ("3没实现", 2),
        ("第三項沒實現", 2),
        ("第1项，还没有实现", 0),
        ("2没做", 1),
        ("第2项还没做", 1),
        ("2沒做", 1),
        ("第二个没落实", 1),
        # 办好 is the desk's own word for it (办好后销号): 没办好 says it is not.
        ("第3项没办好", 2),
        ("第2项还没办", 1),
        ("第三項沒有辦好", 2),
    ],
)
async def test_not_granted_of_a_numbered_item_sends_that_item_back(
    desk: Harness, typed: str, place: int
) -> None:
    items = await _list_filed(desk)
    said = to_simplified(texts(await desk.send(STAFF, typed)))
    assert "已重新派给" in said and "哪一个" not in said
    assert await _statuses(desk) == [
        Status.DISPATCHED if n == place else Status.RESOLVED for n in range(3)
    ]
    async with desk.db.uow(read_only=True) as uow:
        assert (await uow.tickets.events(items[place]))[-1].note == typed


@pytest.mark.parametrize(
    ("typed", "place"), [("第二项满意", 1), ("第1项已实现", 0), ("第2项實現了", 1)]
)
async def test_granted_of_a_numbered_item_asks_that_items_score_naming_it(
    desk: Harness, typed: str, place: int
) -> None:
    items = await _list_filed(desk)
    out = await desk.send(STAFF, typed)
    assert button_data(out) == [f"my:r:{items[place]}:{n}" for n in (5, 4, 3, 2, 1)]
    [named] = [t for t in await desk.tickets() if t.id == items[place]]
    assert named.label in texts(out)
    assert set(await _statuses(desk)) == {Status.RESOLVED}


@pytest.mark.parametrize("typed", ["第2项4分", "第二项打4分", "2 4分"])
async def test_a_score_of_a_numbered_item_rates_that_item(desk: Harness, typed: str) -> None:
    items = await _list_filed(desk)
    await desk.send(STAFF, typed)
    rated = {t.id: t.rating for t in await desk.tickets()}
    assert rated == {items[0]: None, items[1]: 4, items[2]: None}


async def test_a_numbered_item_not_answered_yet_is_said_to_be_in_hand(desk: Harness) -> None:
    items = await _list_filed(desk, answered=2)
    said = texts(await desk.send(STAFF, "第3项没实现"))
    [third] = [t for t in await desk.tickets() if t.id == items[2]]
    assert f"心愿 {third.label}（更换宿舍空调）还在办理中" in said
    assert await _statuses(desk) == [Status.RESOLVED, Status.RESOLVED, Status.DISPATCHED]
    assert len(await desk.tickets()) == 3  # no new request filed


@pytest.mark.parametrize("typed", ["第2项满意", "第二項5分", "第2项没实现", "早餐那项满意"])
async def test_an_item_named_before_any_is_answered_is_said_to_be_in_hand(
    desk: Harness, typed: str
) -> None:
    """No item of the list answered yet: the item named is said to be still in hand, as
    when another item awaits the staff member's word; never a new 求助办事 of the words for
    the triage desk."""
    items = await _list_filed(desk, answered=0)

    out = await desk.send(STAFF, typed)

    [second] = [t for t in await desk.tickets() if t.id == items[1]]
    said = to_simplified(texts(out))
    assert f"心愿 {second.label}（食堂增加早餐品种）还在办理中" in said, said
    assert not [d for d in button_data(out) if d.startswith("f:")]
    assert await _statuses(desk) == [Status.DISPATCHED] * 3


@pytest.mark.parametrize(
    "typed",
    [
        "宿舍那个门锁还没修好",
        "第一个问题是宿舍漏水还没解决",
        "第2条路灯还没修好",
        "第2项路灯还没修好",
    ],
)
async def test_a_new_matter_worded_like_an_item_is_not_said_to_be_an_item_in_hand(
    desk: Harness, typed: str
) -> None:
    """No item answered yet: words of a new matter that begin like an item (宿舍那个, 第一个,
    第2条) and go on about something of their own (门锁, 漏水, 路灯) are not said to be an
    item still being worked on (心愿…还在办理中); they are offered as a request."""
    await _list_filed(desk, answered=0)

    out = await desk.send(STAFF, typed)

    said = to_simplified(texts(out))
    assert "还在办理中" not in said, said
    assert [d for d in button_data(out) if d.startswith("f:")], said


@pytest.mark.parametrize("typed", ["第2条路灯还没修好", "第2项路灯还没修好"])
async def test_a_new_matter_worded_like_an_item_in_hand_beside_one_answered_is_a_request(
    desk: Harness, typed: str
) -> None:
    """Item 1 awaiting the staff member's word, item 2 still in hand: words naming item 2
    that go on about a matter of their own (路灯) are offered as a request, to add to item 2
    or file anew, as when no item is answered; before, they were told item 2 was still being
    worked on (心愿…还在办理中) and the words went nowhere."""
    await _list_filed(desk, answered=1)

    out = await desk.send(STAFF, typed)

    said = to_simplified(texts(out))
    assert "还在办理中" not in said, said
    assert "f:add" in button_actions(out) and "f:ok" in button_actions(out), said
    assert await _statuses(desk) == [Status.RESOLVED, Status.DISPATCHED, Status.DISPATCHED]


@pytest.mark.parametrize(
    ("typed", "answered"),
    [
        ("第2项满意", 0),
        ("第二項5分", 0),
        ("第2项满意", 1),
        ("第二項5分", 1),
        ("第1项和第2项都满意", 1),
    ],
)
async def test_a_numbered_item_withdrawn_is_said_withdrawn_not_in_hand(
    desk: Harness, typed: str, answered: int
) -> None:
    """Item 2 withdrawn (撤回) by the staff member: words judging it say it is withdrawn,
    never that it is still being worked on and will be asked about once answered."""
    items = await _list_filed(desk, answered=answered)
    await desk.press(STAFF, f"my:x:{items[1]}")
    await desk.press(STAFF, f"my:xx:{items[1]}")

    said = to_simplified(texts(await desk.send(STAFF, typed)))

    [second] = [t for t in await desk.tickets() if t.id == items[1]]
    assert second.status is Status.CANCELLED
    assert "还在办理中" not in said and "已撤回" in said, said


async def test_a_numbered_item_rated_already_is_not_sent_back(desk: Harness) -> None:
    items = await _list_filed(desk)
    await desk.press(STAFF, f"my:r:{items[0]}:5")
    await desk.press(STAFF, "f:skip")  # no comment
    said = texts(await desk.send(STAFF, "第1项没实现"))
    assert "已经确认办结并评价，不能再退回" in said
    assert await _statuses(desk) == [Status.CLOSED, Status.RESOLVED, Status.RESOLVED]


@pytest.mark.parametrize("typed", ["3天了还没实现", "第一次没实现"])
async def test_a_number_that_is_no_items_still_asks_which(desk: Harness, typed: str) -> None:
    await _list_filed(desk)
    assert "哪一个" in texts(await desk.send(STAFF, typed))
    assert set(await _statuses(desk)) == {Status.RESOLVED}


@pytest.mark.parametrize(
    "typed", ["3个月了还没实现", "2个月了还没实现", "15分钟前说的还没实现", "前两个月还没实现"]
)
async def test_a_count_of_months_or_minutes_names_no_item(desk: Harness, typed: str) -> None:
    """个 of 3个月 and 分 of 15分钟 count time: no item is sent back, which one is asked."""
    await _list_filed(desk)
    assert "哪一个" in texts(await desk.send(STAFF, typed))
    assert set(await _statuses(desk)) == {Status.RESOLVED}


async def test_an_items_number_is_its_own_lists_after_a_longer_list_filed_later(
    desk: Harness,
) -> None:
    """Eleven tickets filed: the first list's item 2 is still its second, though its first
    item is no longer among the person's ten newest tickets."""
    items = await _list_filed(desk)
    await desk.send(STAFF, "/wish")
    await desk.send(STAFF, EIGHT_WISHES)
    await desk.press(STAFF, "f:next")
    await desk.press(STAFF, "f:ok")
    assert len(await desk.tickets()) == 11
    await desk.send(STAFF, "第2项没实现")
    first_list = {t.id: t.status for t in await desk.tickets() if t.id in items}
    assert first_list == {
        items[0]: Status.RESOLVED,
        items[1]: Status.DISPATCHED,
        items[2]: Status.RESOLVED,
    }


@pytest.mark.parametrize("typed", ["3点了还没实现", "2点了都还没实现"])
async def test_the_hour_of_the_day_names_no_item(desk: Harness, typed: str) -> None:
    """点 of 3点了 tells the time: which item is asked, none is sent back."""
    await _list_filed(desk)
    assert "哪一个" in texts(await desk.send(STAFF, typed))
    assert set(await _statuses(desk)) == {Status.RESOLVED}


@pytest.mark.parametrize("typed", ["第2项没实现", "早餐那项没实现"])
async def test_another_item_named_at_an_items_comment_prompt_is_that_items_verdict(
    desk: Harness, typed: str
) -> None:
    """Item 1 rated, its 还有什么想说的吗？ open: words naming item 2 send item 2 back, and
    are no comment on item 1 (before, they were kept as item 1's comment)."""
    items = await _list_filed(desk)
    await desk.press(STAFF, f"my:r:{items[0]}:5")
    said = texts(await desk.send(STAFF, typed))
    assert "已销号" in said and "已重新派给" in said
    assert await _statuses(desk) == [Status.CLOSED, Status.DISPATCHED, Status.RESOLVED]
    [first] = [t for t in await desk.tickets() if t.id == items[0]]
    assert first.rating == 5 and not first.rating_comment


@pytest.mark.parametrize("typed", ["3个月了才实现，太慢了", "第2点，希望以后多些水果"])
async def test_a_comment_naming_a_number_at_an_items_comment_prompt_stays_its_comment(
    desk: Harness, typed: str
) -> None:
    """Item 1 rated, its comment asked: words with a number but no verdict on another item
    after it are item 1's comment, and item 2 is left as it was."""
    items = await _list_filed(desk)
    await desk.press(STAFF, f"my:r:{items[0]}:4")
    await desk.send(STAFF, typed)
    [first] = [t for t in await desk.tickets() if t.id == items[0]]
    assert first.rating == 4 and first.rating_comment == typed
    assert await _statuses(desk) == [Status.CLOSED, Status.RESOLVED, Status.RESOLVED]


async def test_another_items_score_at_an_items_score_prompt_rates_that_item(
    desk: Harness,
) -> None:
    items = await _list_filed(desk)
    await desk.press(STAFF, f"my:ok:{items[0]}")  # item 1's score prompt
    await desk.send(STAFF, "第3项4分")
    rated = {t.id: t.rating for t in await desk.tickets()}
    assert rated == {items[0]: None, items[1]: None, items[2]: 4}


@pytest.mark.parametrize("typed", ["第4项5分", "第四項5分"])
async def test_a_score_for_an_item_the_list_has_not_asks_which(desk: Harness, typed: str) -> None:
    """第4项5分 of a list of three: which item the score is for is asked, the score kept on
    each button; nothing is rated, and no new request is offered for the triage desk."""
    items = await _list_filed(desk)
    out = await desk.send(STAFF, typed)
    said = to_simplified(texts(out))
    assert "求助办事" not in said
    assert [f"my:r:{wish}:5" for wish in items] == [
        d for d in button_data(out) if d.startswith("my:r:")
    ]
    assert set(await _statuses(desk)) == {Status.RESOLVED}


@pytest.mark.parametrize("typed", ["第三项灯还是不亮", "第3项没有办好，晚上还是不亮"])
async def test_words_of_a_numbered_item_awaiting_its_word_ask_of_that_item(
    desk: Harness, typed: str
) -> None:
    """Words about item 3, answered, with item 2 still in hand: whether item 3 is not done
    is asked, with the words kept for 没解决, never offered to item 2 nor filed anew."""
    items = await _list_filed(desk, answered=1)
    await desk.press(STAFF_MEMBER, f"tk:acc:{items[1]}", chat=STAFF_TEAM_CHAT)
    await desk.press(STAFF_MEMBER, f"tk:acc:{items[2]}", chat=STAFF_TEAM_CHAT)
    await desk.press(STAFF_MEMBER, f"tk:res:{items[2]}", chat=STAFF_TEAM_CHAT)
    await desk.send(STAFF_MEMBER, "已换新空调", chat=STAFF_TEAM_CHAT)
    out = await desk.send(STAFF, typed)
    said = texts(out)
    assert "是指它还没解决吗" in said, said
    [third] = [t for t in await desk.tickets() if t.id == items[2]]
    assert third.label in said and "补充到" not in said
    assert all(str(items[1]) not in data for data in button_data(out))
    assert len(await desk.tickets()) == 3  # no new request filed
