"""Words typed soon after a low rating whose comment prompt was left (跳过): a remark on the
service just rated (师傅来得太晚了) is still the rating's comment, for the leaders who owe
the call-back (回访), and the requester is told so; a new matter (a barn failing, a new
order, a question) still goes its own way."""

from __future__ import annotations

import pytest

from core.enums import Kind
from core.model import OutboxMessage, Ticket
from tests.support.complainant import RETAILER, registered_with_a_shop
from tests.support.desk import Harness, button_data, texts
from tests.support.tickets import FARMER, LEADER, MEMBER, SUPERVISOR

CURING_CHAT = -1001000000001
ORDERING_CHAT, ORDERING_MEMBER, ORDERING_LEADER = -1001000000013, 200061, 200062


def _to(rows: list[OutboxMessage], user: int) -> list[str]:
    return [str(r.payload.get("text", "")) for r in rows if r.chat_id == user]


async def _skipped_low(desk: Harness, score: int = 2) -> int:
    """A farmer's 110 call, resolved, rated `score` and the comment prompt skipped."""
    ticket_id = await desk.resolved_110(FARMER, MEMBER, CURING_CHAT)
    await desk.press(FARMER, f"my:r:{ticket_id}:{score}")
    out = await desk.press(FARMER, "f:skip")
    assert "已销号" in texts(out)
    return ticket_id


async def _ticket(desk: Harness, ticket_id: int) -> Ticket:
    [ticket] = [t for t in await desk.tickets() if t.id == ticket_id]
    return ticket


@pytest.mark.parametrize(
    ("words", "told"),
    [
        ("师傅来得太晚了", "收到，您说的“师傅来得太晚了”已转给回访您的负责人"),
        ("師傅來得太晚了", "收到，您說的“師傅來得太晚了”已轉給回訪您的負責人"),
        ("师傅态度太差了", "收到，您说的“师傅态度太差了”已转给回访您的负责人"),
    ],
    ids=["simplified", "traditional", "complaint-of-the-service"],
)
async def test_a_remark_typed_after_skipping_a_low_ratings_comment_is_its_comment(
    desk: Harness, words: str, told: str
) -> None:
    """Before: 师傅来得太晚了 after 跳过 was offered as a new request for the triage desk,
    and the leaders who owe the call-back never read it."""
    ticket_id = await _skipped_low(desk)
    before = {r.id for r in await desk.outbox()}
    out = await desk.send(FARMER, words)

    assert told in texts(out)
    assert "提交" not in texts(out)  # no summary of a new request
    assert len(await desk.tickets()) == 1
    assert (await _ticket(desk, ticket_id)).rating_comment == words
    later = [r for r in await desk.outbox() if r.id not in before]
    for person in (LEADER, SUPERVISOR):
        assert any(f"不满意留言：{words}" in x for x in _to(later, person))
    # Taken for a comment, not asked: a new matter after all is one press away.
    [also] = [d for d in button_data(out) if d.startswith("my:also:")]
    out = await desk.press(FARMER, also)
    assert words in texts(out) and "提交" in texts(out)


@pytest.mark.parametrize(
    ("words", "told"),
    [
        ("师傅就看了一眼就走了", "收到，您说的“师傅就看了一眼就走了”已转给回访您的负责人"),
        ("说是要换零件让我自己去买", "收到，您说的“说是要换零件让我自己去买”已转给回访您的负责人"),
        ("師傅就看了一眼就走了", "收到，您說的“師傅就看了一眼就走了”已轉給回訪您的負責人"),
    ],
    ids=["the-technician", "the-part", "traditional"],
)
async def test_words_of_the_service_given_after_a_low_rating_are_its_comment(
    desk: Harness, words: str, told: str
) -> None:
    """Before: words no service's keyword reads, saying what the technician did, the part or
    the trouble back after the repair, were offered to the triage desk as a new request,
    when the ones saying how it went (来得太晚了) were the comment."""
    ticket_id = await _skipped_low(desk)
    out = await desk.send(FARMER, words)
    assert told in texts(out), texts(out)
    assert "督办分派台" not in texts(out) and len(await desk.tickets()) == 1
    assert (await _ticket(desk, ticket_id)).rating_comment == words


@pytest.mark.parametrize(
    ("words", "asked"),
    [
        ("修完没两个小时又停了", "现在需要烘烤110服务队马上处理吗"),
        ("电容换了还是老样子", "现在需要烘烤110服务队马上处理吗"),
        ("修完沒兩個小時又停了", "現在需要烘烤110服務隊馬上處理嗎"),
    ],
    ids=["stopped-again", "still-the-same", "traditional"],
)
async def test_the_trouble_back_after_a_low_rated_110_call_is_its_comment_and_asked_about(
    desk: Harness, words: str, asked: str
) -> None:
    """Before: 修完没两个小时又停了 after a 110 call rated low was kept as its comment only,
    with no word of whether the barn is failing again now; a night's curing may hang on it."""
    ticket_id = await _skipped_low(desk)
    out = await desk.send(FARMER, words)
    assert asked in texts(out), texts(out)
    assert (await _ticket(desk, ticket_id)).rating_comment == words
    [yes] = [d for d in button_data(out) if d == "f:alarm:yes"]
    await desk.press(FARMER, yes)
    assert [t.kind for t in await desk.tickets()] == [Kind.EMERGENCY, Kind.EMERGENCY]


@pytest.mark.parametrize(
    "words",
    ["烤房又停电了，温度一直往下掉", "请问化肥什么时候发", "我想订两条玉溪"],
    ids=["barn-failing", "question", "new-order"],
)
async def test_a_new_matter_after_skipping_a_low_ratings_comment_goes_its_own_way(
    desk: Harness, words: str
) -> None:
    ticket_id = await _skipped_low(desk)
    out = await desk.send(FARMER, words)
    assert "回访您的负责人" not in texts(out)
    assert (await _ticket(desk, ticket_id)).rating_comment == ""
    if words.startswith("烤房"):
        assert [t.kind for t in await desk.tickets()] == [Kind.EMERGENCY, Kind.EMERGENCY]
    else:
        assert "提交" in texts(out) or "已报警" in texts(out) or "请确认" in texts(out)


async def test_a_new_order_after_a_low_rated_order_is_no_comment(desk: Harness) -> None:
    """再订5条中华 names the service just rated, but says nothing of how it went."""
    await registered_with_a_shop(desk)
    ticket = await desk.file_request(RETAILER, "我想订两条玉溪，这周能送吗")
    assert ticket.id is not None and ticket.team_id == "ordering"
    for step in ("acc", "res"):
        await desk.press(ORDERING_MEMBER, f"tk:{step}:{ticket.id}", chat=ORDERING_CHAT)
    await desk.send(ORDERING_MEMBER, "已安排", chat=ORDERING_CHAT)
    await desk.press(RETAILER, f"my:r:{ticket.id}:2")
    await desk.press(RETAILER, "f:skip")

    out = await desk.send(RETAILER, "再订5条中华")
    assert "回访您的负责人" not in texts(out) and "提交" in texts(out)
    out = await desk.send(RETAILER, "/cancel")
    out = await desk.send(RETAILER, "客户经理来得太迟了")
    assert "已转给回访您的负责人" in texts(out)
    assert (await _ticket(desk, ticket.id)).rating_comment == "客户经理来得太迟了"


async def test_a_remark_long_after_the_low_rating_is_a_message_of_its_own(desk: Harness) -> None:
    ticket_id = await _skipped_low(desk)
    desk.clock.advance(minutes=31)
    out = await desk.send(FARMER, "师傅来得太晚了")
    assert "回访您的负责人" not in texts(out)
    assert (await _ticket(desk, ticket_id)).rating_comment == ""


async def test_a_remark_after_a_good_rating_is_left_as_it_was(desk: Harness) -> None:
    ticket_id = await _skipped_low(desk, score=5)
    out = await desk.send(FARMER, "师傅来得太晚了")
    assert "回访您的负责人" not in texts(out)
    assert (await _ticket(desk, ticket_id)).rating_comment == ""


async def test_nothing_to_say_after_skipping_is_no_comment(desk: Harness) -> None:
    ticket_id = await _skipped_low(desk)
    out = await desk.send(FARMER, "没意见")
    assert "回访您的负责人" not in texts(out)
    assert (await _ticket(desk, ticket_id)).rating_comment == ""


GROWING_CHAT, GROWING_MEMBER = -1001000000010, 200031


async def _skipped_low_beside_a_ticket_in_hand(desk: Harness) -> tuple[int, int]:
    """A growing request accepted by its team, then a 110 call rated 2 and 跳过 pressed:
    the growing ticket's id and the call's."""
    spots = await desk.file_request(FARMER, "烟叶上有好多白点点")
    assert spots.id is not None and spots.line == "growing"
    await desk.press(GROWING_MEMBER, f"tk:acc:{spots.id}", chat=GROWING_CHAT)
    return spots.id, await _skipped_low(desk)


@pytest.mark.parametrize(
    "words",
    ["师傅还没到", "技术员说上午来，到现在还没来", "我下午不在家，明天再来吧"],
    ids=["chasing", "chasing-at-length", "news-for-the-visit"],
)
async def test_words_for_a_ticket_in_hand_after_a_low_rating_are_offered_to_it(
    desk: Harness, words: str
) -> None:
    """Before: the words became the 110 call's rating comment, for its leaders, and the
    growing team never heard of them."""
    spots, call = await _skipped_low_beside_a_ticket_in_hand(desk)
    out = await desk.send(FARMER, words)
    assert "回访您的负责人" not in texts(out), texts(out)
    assert (await _ticket(desk, call)).rating_comment == ""
    assert any(str(spots) in data for data in button_data(out)), button_data(out)


async def test_a_remark_after_a_low_rating_beside_a_ticket_in_hand_is_still_its_comment(
    desk: Harness,
) -> None:
    _, call = await _skipped_low_beside_a_ticket_in_hand(desk)
    out = await desk.send(FARMER, "师傅来得太晚了")
    assert "已转给回访您的负责人" in texts(out), texts(out)
    assert (await _ticket(desk, call)).rating_comment == "师傅来得太晚了"


@pytest.mark.parametrize("skipped", [True, False], ids=["after-skip", "after-a-comment"])
async def test_words_of_no_service_after_a_low_rating_are_no_comment_unless_a_remark(
    desk: Harness, skipped: bool
) -> None:
    """Before: 我家门口的水渠堵了 (no keyword) within 30 minutes of a low rating was taken
    as the rating's comment, whether 跳过 was pressed or a comment typed at the prompt."""
    call = await desk.resolved_110(FARMER, MEMBER, CURING_CHAT)
    await desk.press(FARMER, f"my:r:{call}:2")
    comment = "" if skipped else "师傅来得太晚了"
    await (desk.press(FARMER, "f:skip") if skipped else desk.send(FARMER, comment))

    out = await desk.send(FARMER, "我家门口的水渠堵了")
    assert "回访您的负责人" not in texts(out) and "提交" in texts(out), texts(out)
    assert (await _ticket(desk, call)).rating_comment == comment


async def test_also_as_a_new_request_files_only_the_words_just_typed(desk: Harness) -> None:
    """Before: the new request read the comment typed at the prompt too (师傅来得太晚了
    then 而且态度也不好), as the rating's comment keeps both."""
    call = await desk.resolved_110(FARMER, MEMBER, CURING_CHAT)
    await desk.press(FARMER, f"my:r:{call}:2")
    await desk.send(FARMER, "师傅来得太晚了")  # the comment, at the prompt
    out = await desk.send(FARMER, "而且态度也不好")
    assert "已转给回访您的负责人" in texts(out), texts(out)
    assert (await _ticket(desk, call)).rating_comment == "师傅来得太晚了\n而且态度也不好"

    [also] = [d for d in button_data(out) if d.startswith("my:also:")]
    out = await desk.press(FARMER, also)
    assert "而且态度也不好" in texts(out) and "提交" in texts(out), texts(out)
    assert "师傅来得太晚了" not in texts(out)


async def test_words_added_to_a_low_ratings_comment_reach_the_leaders_alone(
    desk: Harness,
) -> None:
    """Before: each addition re-sent the whole comment (不满意留言：师傅来得太晚了\\n而且态度也不
    好), so the leaders read the first words twice; now they read the words just added, said
    to be more of the same comment, while the ticket keeps all of it."""
    call = await desk.resolved_110(FARMER, MEMBER, CURING_CHAT)
    await desk.press(FARMER, f"my:r:{call}:2")
    await desk.send(FARMER, "师傅来得太晚了")  # the comment, at the prompt
    before = {r.id for r in await desk.outbox()}
    await desk.send(FARMER, "而且态度也不好")
    assert (await _ticket(desk, call)).rating_comment == "师傅来得太晚了\n而且态度也不好"
    later = [r for r in await desk.outbox() if r.id not in before]
    for person in (LEADER, SUPERVISOR):
        [told] = [x for x in _to(later, person) if "不满意留言" in x]
        assert "师傅来得太晚了" not in told
        assert told == "工单 10019 报告人的不满意留言（补充）：而且态度也不好"
