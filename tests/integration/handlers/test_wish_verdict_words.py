"""Words an employee types back to a wish's answer in the wish's own terms: 没实现 (还没实现,
沒有實現) sends it back as 没解决 would, 实现了 asks for the score as 解决了 would, and 有异议
(不同意, 不接受) disputes an answer short of the wish, as its notice invites. Never a new
request for the triage desk, and never a verdict on a repair, which is not 实现."""

from __future__ import annotations

import pytest

from core.enums import Script, Status
from core.model import Ticket
from routing import to_simplified
from tests.support.desk import Harness, button_data, texts
from tests.support.wish_lists import wish_list_answered

STAFF = 100003
STAFF_TEAM_CHAT = -1001000000015
STAFF_MEMBER = 200081
RETAILER = 100002
DELIVERY_CHAT = -1001000000014
DELIVERY_MEMBER = 200071


async def _wish_answered(desk: Harness, script: Script = Script.HANS, how: str = "") -> int:
    """The employee's wish, answered by the staff station (`how`: "", ":partly" or
    ":declined"); its id."""
    await desk.registered_as(STAFF, "staff")
    if script is Script.HANT:
        await desk.press(STAFF, "lang:hant")
    ticket = await desk.file_request(STAFF, "希望食堂增加早餐", "/wish")
    assert ticket.id is not None
    await desk.press(STAFF_MEMBER, f"tk:acc:{ticket.id}", chat=STAFF_TEAM_CHAT)
    await desk.press(STAFF_MEMBER, f"tk:res:{ticket.id}{how}", chat=STAFF_TEAM_CHAT)
    await desk.send(STAFF_MEMBER, "已加豆浆油条", chat=STAFF_TEAM_CHAT)
    return ticket.id


async def _status(desk: Harness, ticket_id: int) -> Status:
    [ticket] = [t for t in await desk.tickets() if t.id == ticket_id]
    return ticket.status


@pytest.mark.parametrize(
    ("script", "typed", "told"),
    [
        (Script.HANS, "还没实现", "心愿 {n} 已重新派给"),
        (Script.HANS, "没有实现，早餐还是只有馒头", "心愿 {n} 已重新派给"),
        (Script.HANT, "還沒實現", "心願 {n} 已重新派給"),
        (Script.HANS, "还没做", "心愿 {n} 已重新派给"),
        (Script.HANS, "没落实", "心愿 {n} 已重新派给"),
        (Script.HANT, "還沒弄好", "心願 {n} 已重新派給"),
    ],
    ids=["hans", "hans-with-why", "hant", "hans-not-done", "hans-not-carried-out", "hant-not-done"],
)
async def test_not_granted_typed_sends_the_wish_back(
    desk: Harness, script: Script, typed: str, told: str
) -> None:
    wish = await _wish_answered(desk, script)
    [ticket] = await desk.tickets()
    out = await desk.send(STAFF, typed)
    assert told.format(n=ticket.label) in texts(out)
    assert "求助办事" not in texts(out) and "求助辦事" not in texts(out)
    assert await _status(desk, wish) is Status.DISPATCHED
    told_team = [
        str(r.payload["text"]) for r in await desk.outbox() if r.chat_id == STAFF_TEAM_CHAT
    ]
    assert any(typed in said or to_simplified(typed) in said for said in told_team)


@pytest.mark.parametrize(
    ("script", "typed"),
    [(Script.HANS, "实现了"), (Script.HANS, "已实现，谢谢"), (Script.HANT, "實現了")],
    ids=["hans", "hans-thanks", "hant"],
)
async def test_granted_typed_asks_for_the_score(desk: Harness, script: Script, typed: str) -> None:
    wish = await _wish_answered(desk, script)
    out = await desk.send(STAFF, typed)
    assert button_data(out) == [f"my:r:{wish}:{n}" for n in (5, 4, 3, 2, 1)]
    assert await _status(desk, wish) is Status.RESOLVED


@pytest.mark.parametrize(
    ("script", "typed"),
    [
        (Script.HANS, "有异议"),
        (Script.HANS, "我有异议"),
        (Script.HANS, "不同意"),
        (Script.HANS, "不接受这个答复"),
        (Script.HANS, "我不同意，要求重新处理"),
        (Script.HANT, "我有異議"),
    ],
)
async def test_a_dispute_typed_sends_a_declined_wish_back(
    desk: Harness, script: Script, typed: str
) -> None:
    wish = await _wish_answered(desk, script, ":declined")
    out = await desk.send(STAFF, typed)
    assert "已重新派" in texts(out)
    assert await _status(desk, wish) is Status.DISPATCHED


async def test_not_granted_is_for_the_wish_answered_not_the_items_still_open(
    desk: Harness,
) -> None:
    await desk.registered_as(STAFF, "staff")
    await desk.send(STAFF, "/wish")
    await desk.send(STAFF, "1、组织一次职工体检；2、食堂增加早餐品种；3、更换宿舍空调")
    await desk.press(STAFF, "f:next")
    await desk.press(STAFF, "f:ok")
    checkup, breakfast, air_con = [t.id for t in await desk.tickets() if t.id is not None]
    for wish in (checkup, breakfast, air_con):
        await desk.press(STAFF_MEMBER, f"tk:acc:{wish}", chat=STAFF_TEAM_CHAT)
    await desk.press(STAFF_MEMBER, f"tk:res:{breakfast}", chat=STAFF_TEAM_CHAT)
    await desk.send(STAFF_MEMBER, "已加豆浆油条", chat=STAFF_TEAM_CHAT)
    out = await desk.send(STAFF, "没实现")
    assert "已重新派给" in texts(out) and "补充到" not in texts(out)
    statuses = {t.id: t.status for t in await desk.tickets()}
    assert statuses == {
        checkup: Status.ACCEPTED,
        breakfast: Status.DISPATCHED,
        air_con: Status.ACCEPTED,
    }


async def test_words_that_speak_of_the_answer_are_asked_about_as_the_wishs(
    desk: Harness,
) -> None:
    wish = await _wish_answered(desk, how=":partly")
    out = await desk.send(STAFF, "只实现了一部分")
    assert "您的心愿" in texts(out) and "是指对答复有异议吗" in texts(out)
    assert button_data(out)[:2] == [f"my:bad:{wish}", f"my:ok:{wish}"]


@pytest.mark.parametrize("typed", ["没实现", "实现了"])
async def test_wish_words_are_no_verdict_on_a_repair(desk: Harness, typed: str) -> None:
    ticket = await desk.file_request(RETAILER, "今天送货少了两条烟")
    assert ticket.id is not None
    await desk.press(DELIVERY_MEMBER, f"tk:acc:{ticket.id}", chat=DELIVERY_CHAT)
    await desk.press(DELIVERY_MEMBER, f"tk:res:{ticket.id}", chat=DELIVERY_CHAT)
    await desk.send(DELIVERY_MEMBER, "已补送", chat=DELIVERY_CHAT)
    out = await desk.send(RETAILER, typed)
    assert "已重新派给" not in texts(out) and "打分" not in texts(out)
    assert await _status(desk, ticket.id) is Status.RESOLVED


@pytest.mark.parametrize(
    "typed", ["我不同意单位的排班安排", "我们不接受加班不给调休", "我不同意，我想申请调岗"]
)
async def test_disputing_something_else_is_a_matter_of_its_own_not_the_wish_sent_back(
    desk: Harness, typed: str
) -> None:
    wish = await _wish_answered(desk)
    out = await desk.send(STAFF, typed)
    assert "已重新派给" not in texts(out)
    assert await _status(desk, wish) is Status.RESOLVED


@pytest.mark.parametrize(
    "typed",
    ["我不同意，这个答复我不能接受", "有异议，我要的是早餐不是豆浆", "我不同意，领导不让我请假"],
)
async def test_a_dispute_with_why_after_a_pause_is_asked_about(desk: Harness, typed: str) -> None:
    """Most likely the answer disputed, but what follows may be a matter of its own: asked,
    with 「📝 不是，作为新的求助」 beside sending it back."""
    wish = await _wish_answered(desk, how=":declined")
    out = await desk.send(STAFF, typed)
    assert f"my:bad:{wish}" in button_data(out) and f"my:new:{wish}" in button_data(out)
    assert await _status(desk, wish) is Status.RESOLVED


@pytest.mark.parametrize(("typed", "disputed"), [("有", True), ("是的", True), ("没有", False)])
async def test_a_dispute_asked_about_may_be_answered_in_a_word(
    desk: Harness, typed: str, disputed: bool
) -> None:
    """有 or 是的 to 是指对答复有异议吗？ sends the wish back with the words kept; 没有 asks the
    score, as the buttons would."""
    wish = await _wish_answered(desk, how=":declined")
    await desk.send(STAFF, "我不同意，这个答复我不能接受")
    out = await desk.send(STAFF, typed)
    assert ("已重新派给" in texts(out)) == disputed
    assert ("请为这次服务打分" in texts(out)) != disputed
    assert await _status(desk, wish) is (Status.DISPATCHED if disputed else Status.RESOLVED)
    assert len(await desk.tickets()) == 1


async def _another_wish_answered(desk: Harness) -> Ticket:
    """A second wish, granted in part: an answer that can be disputed, beside the first."""
    second = await desk.file_request(STAFF, "希望宿舍安装热水器", "/wish")
    await desk.press(STAFF_MEMBER, f"tk:acc:{second.id}", chat=STAFF_TEAM_CHAT)
    await desk.press(STAFF_MEMBER, f"tk:res:{second.id}:partly", chat=STAFF_TEAM_CHAT)
    await desk.send(STAFF_MEMBER, "先装了一楼", chat=STAFF_TEAM_CHAT)
    return second


async def test_a_dispute_with_why_while_two_answers_await_asks_which_and_keeps_the_why(
    desk: Harness,
) -> None:
    """Which answer is disputed is asked, a button each; the one pressed goes back with the
    words as its reason, and the other still awaits its requester's word."""
    first = await _wish_answered(desk, how=":declined")
    second = await _another_wish_answered(desk)
    out = await desk.send(STAFF, "我不同意，这个答复我不能接受")
    assert "您有 2 个心愿的答复等您确认" in texts(out)
    *which, new = button_data(out)
    assert sorted(which) == sorted([f"my:bad:{first}", f"my:bad:{second.id}"])
    assert new.startswith("my:new:")
    out = await desk.press(STAFF, f"my:bad:{second.id}")
    assert f"心愿 {second.label} 已重新派给" in texts(out)
    assert second.id is not None and await _status(desk, second.id) is Status.DISPATCHED
    assert await _status(desk, first) is Status.RESOLVED
    async with desk.db.uow(read_only=True) as uow:
        events = await uow.tickets.events(second.id)
    assert events[-1].note == "我不同意，这个答复我不能接受"


async def test_words_typed_while_asked_which_answer_is_disputed_are_read_afresh(
    desk: Harness,
) -> None:
    """Typed instead of pressing one of the answers: a message of its own, as at the
    question about one answer; before, it was refused as someone else's ticket."""
    await _wish_answered(desk, how=":declined")
    await _another_wish_answered(desk)
    await desk.send(STAFF, "我不同意，这个答复我不能接受")
    out = await desk.send(STAFF, "请问明天食堂几点开早饭？")
    assert "找不到这个工单" not in texts(out) and "要把这条消息作为" in texts(out)
    assert {t.status for t in await desk.tickets()} == {Status.RESOLVED}


async def test_a_dispute_asking_it_done_again_with_thanks_sends_the_wish_back(
    desk: Harness,
) -> None:
    wish = await _wish_answered(desk, how=":declined")
    out = await desk.send(STAFF, "我不同意，要求重新处理，谢谢")
    assert "已重新派给" in texts(out)
    assert await _status(desk, wish) is Status.DISPATCHED


@pytest.mark.parametrize("typed", ["第2项有异议", "第二項有異議"])
async def test_a_dispute_of_one_item_by_its_place_sends_that_item_back_with_the_words(
    desk: Harness, typed: str
) -> None:
    """The items of a list answered, a dispute naming one of them by its place on the list
    (as the reply that filed the list numbered them) sends that item back, with the words
    as its reason; the others still await the employee's word. Before, it asked which."""
    items = await wish_list_answered(desk, ("", ":partly", ":declined"))
    out = await desk.send(STAFF, typed)
    assert "已重新派" in texts(out) and "哪一" not in texts(out)
    breakfast = items[1]
    assert [t.status for t in await desk.tickets()] == [
        Status.RESOLVED,
        Status.DISPATCHED,
        Status.RESOLVED,
    ]
    async with desk.db.uow(read_only=True) as uow:
        assert (await uow.tickets.events(breakfast))[-1].note == typed


@pytest.mark.parametrize(
    ("typed", "place"),
    [
        ("对早餐的答复有异议", 1),
        ("早餐那项我不同意，还是只有馒头", 1),
        ("早餐那項我不同意，還是只有饅頭", 1),
        ("空调的答复我不接受", 2),
        ("早餐还是只有馒头", 1),  # still only buns: still wrong, said of the item it names
    ],
)
async def test_a_dispute_naming_one_item_by_its_words_is_asked_about_that_item(
    desk: Harness, typed: str, place: int
) -> None:
    """A dispute said anywhere in words that name one item by its own words is asked about
    that item alone, with 「📝 不是，作为新的求助」 beside it, never a new request for the
    triage desk; sent back, the words are its reason."""
    items = await wish_list_answered(desk, ("", ":partly", ":declined"))
    out = await desk.send(STAFF, typed)
    named = items[place]
    assert "是指对答复有异议吗" in to_simplified(texts(out))
    assert button_data(out) == [f"my:bad:{named}", f"my:ok:{named}", f"my:new:{named}"]
    await desk.press(STAFF, f"my:bad:{named}")
    statuses = {t.id: t.status for t in await desk.tickets()}
    assert statuses == {
        wish: Status.DISPATCHED if n == place else Status.RESOLVED for n, wish in enumerate(items)
    }
    async with desk.db.uow(read_only=True) as uow:
        assert (await uow.tickets.events(named))[-1].note == typed


@pytest.mark.parametrize(
    ("typed", "place"),
    [
        ("食堂增加早餐品种没实现", 1),
        ("早餐品种还没实现", 1),
        ("早餐品種還沒實現", 1),
        ("体检那项没实现", 0),
    ],
)
async def test_not_granted_naming_one_item_sends_that_item_back(
    desk: Harness, typed: str, place: int
) -> None:
    """Words naming one of the items by its own words are that item's verdict: it goes back
    with the words as its reason, the others still await the employee's word."""
    items = await wish_list_answered(desk, ("", ":partly", ":declined"))
    said = to_simplified(texts(await desk.send(STAFF, typed)))
    assert "已重新派给" in said and "哪一个" not in said
    statuses = {t.id: t.status for t in await desk.tickets()}
    assert statuses == {
        wish: Status.DISPATCHED if n == place else Status.RESOLVED for n, wish in enumerate(items)
    }
    async with desk.db.uow(read_only=True) as uow:
        assert (await uow.tickets.events(items[place]))[-1].note == typed


@pytest.mark.parametrize(
    ("typed", "asked", "verb"),
    [
        ("第5项没实现", "没实现的是哪一个？请点下面的心愿，再说明哪里还没实现", "bad"),
        ("实现了", "实现的是哪一个？请点下面的心愿，再为它打分", "ok"),
        ("有异议", "对哪一个的答复有异议？请点下面的心愿，再说明有什么异议", "bad"),
        ("我不同意", "对哪一个的答复有异议？请点下面的心愿，再说明有什么异议", "bad"),
        ("沒實現", "沒實現的是哪一個？請點下面的心願，再說明哪裡還沒實現", "bad"),
    ],
)
async def test_wish_words_naming_no_item_ask_which_in_those_words(
    desk: Harness, typed: str, asked: str, verb: str
) -> None:
    """没实现, 实现了 or 有异议 of none of the items in particular asks which one in the
    words said, as the wishes were answered; before, it asked which was 没解决 (or 解决)."""
    items = await wish_list_answered(desk, ("", ":partly", ":declined"))
    out = await desk.send(STAFF, typed)
    assert asked in texts(out) and "解决" not in to_simplified(texts(out))
    assert sorted(button_data(out)) == sorted(f"my:{verb}:{wish}" for wish in items)
    assert {t.status for t in await desk.tickets()} == {Status.RESOLVED}


@pytest.mark.parametrize(
    ("listing", "typed"),
    [
        ("1、宿舍没有热水；2、组织一次职工体检", "没有实现"),
        ("1、宿舍没有热水；2、组织一次职工体检", "还是没有解决"),
        ("1、宿舍空调还没有修；2、组织一次职工体检", "还没有实现"),
    ],
)
async def test_an_item_written_with_verdict_words_is_not_named_by_the_verdict(
    desk: Harness, listing: str, typed: str
) -> None:
    """An item asks for what is missing (宿舍没有热水): 没有实现 said of the list is the
    verdict's words, not that item's, and which one is asked; none goes back unasked."""
    await desk.registered_as(STAFF, "staff")
    await desk.send(STAFF, "/wish")
    await desk.send(STAFF, listing)
    await desk.press(STAFF, "f:next")
    await desk.press(STAFF, "f:ok")
    for wish in [t.id for t in await desk.tickets()]:
        await desk.press(STAFF_MEMBER, f"tk:acc:{wish}", chat=STAFF_TEAM_CHAT)
        await desk.press(STAFF_MEMBER, f"tk:res:{wish}", chat=STAFF_TEAM_CHAT)
        await desk.send(STAFF_MEMBER, "已研究答复", chat=STAFF_TEAM_CHAT)
    out = await desk.send(STAFF, typed)
    assert "哪一个" in texts(out)
    assert {t.status for t in await desk.tickets()} == {Status.RESOLVED}


@pytest.mark.parametrize(
    "typed", ["还没做完的下次再说", "没弄好的地方我再说", "我还没做好准备", "2号没做"]
)
async def test_not_done_words_in_other_talk_send_no_wish_back(desk: Harness, typed: str) -> None:
    """还没做, 没弄好 inside words of something else are no verdict on the wish: it is not
    sent back unasked."""
    wish = await _wish_answered(desk)
    out = await desk.send(STAFF, typed)
    assert "已重新派给" not in texts(out)
    assert await _status(desk, wish) is Status.RESOLVED


@pytest.mark.parametrize("typed", ["没弄好", "没搞定", "还没做"])
async def test_not_done_words_with_a_request_awaiting_too_ask_which(
    desk: Harness, typed: str
) -> None:
    """没弄好 may be said of a repair as well as of a wish: with both awaiting the person's
    word, which one is asked, and neither goes back unasked."""
    wish = await _wish_answered(desk)
    request = await desk.file_request(STAFF, "今天送货少了两条烟")
    assert request.id is not None
    await desk.press(DELIVERY_MEMBER, f"tk:acc:{request.id}", chat=DELIVERY_CHAT)
    await desk.press(DELIVERY_MEMBER, f"tk:res:{request.id}", chat=DELIVERY_CHAT)
    await desk.send(DELIVERY_MEMBER, "已补送", chat=DELIVERY_CHAT)
    out = await desk.send(STAFF, typed)
    assert "已重新派给" not in texts(out)
    assert await _status(desk, wish) is Status.RESOLVED
    assert await _status(desk, request.id) is Status.RESOLVED
    assert f"my:bad:{wish}" in button_data(out)


@pytest.mark.parametrize("typed", ["没弄好", "还没做"])
async def test_not_done_words_send_a_repair_back_as_not_solved(desk: Harness, typed: str) -> None:
    """没弄好 said alone back to a repair's answer is its 没修好, not a new request."""
    ticket = await desk.file_request(RETAILER, "今天送货少了两条烟")
    assert ticket.id is not None
    await desk.press(DELIVERY_MEMBER, f"tk:acc:{ticket.id}", chat=DELIVERY_CHAT)
    await desk.press(DELIVERY_MEMBER, f"tk:res:{ticket.id}", chat=DELIVERY_CHAT)
    await desk.send(DELIVERY_MEMBER, "已补送", chat=DELIVERY_CHAT)
    out = await desk.send(RETAILER, typed)
    assert "已重新派给" in texts(out) and "求助办事" not in texts(out)
    assert await _status(desk, ticket.id) is Status.DISPATCHED
