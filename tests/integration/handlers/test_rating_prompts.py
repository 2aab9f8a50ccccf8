"""What is typed where a rating is asked for. At the score prompt a judgement in words is the
score it means (满意 5 … 很差 1, on the scale of docs/rates.md), and other words ask again
once, with the buttons, instead of opening a draft. The comment prompt that follows the
score lasts half an hour, and a request of its own typed there is not taken as the comment."""

from __future__ import annotations

import pytest

from core.enums import Status
from core.model import Ticket
from routing import to_simplified
from tests.support.desk import Harness, button_data, texts
from tests.support.tickets import FARMER, MEMBER, SUPERVISOR
from tests.support.typed_scores import SCORES_WITH_A_FEW_WORDS

STAFF = 100003
STAFF_CHAT = -1001000000015
STAFF_MEMBER, STAFF_LEADER = 200081, 200082
CURING_CHAT = -1001000000001
NEW_WISH = "希望工会组织一次篮球赛"


async def _resolved_wish(desk: Harness) -> Ticket:
    await desk.registered_as(STAFF, "staff")
    ticket = await desk.file_request(STAFF, "希望单位组织一次职工体检")
    for step in ("acc", "res"):
        await desk.press(STAFF_MEMBER, f"tk:{step}:{ticket.id}", chat=STAFF_CHAT)
    await desk.send(STAFF_MEMBER, "已联系医院，下周二体检", chat=STAFF_CHAT)
    return ticket


async def _at_the_score_prompt(desk: Harness) -> int:
    """A farmer's 110 call resolved, and 「✅ 已解决，评价」 pressed: the score is asked."""
    ticket_id = await desk.resolved_110(FARMER, MEMBER, CURING_CHAT)
    out = await desk.press(FARMER, f"my:ok:{ticket_id}")
    assert "请为这次服务打分" in texts(out)
    return ticket_id


@pytest.mark.parametrize(
    ("words", "score"),
    [
        ("满意", 5),
        ("非常满意", 5),
        ("很满意，谢谢", 5),
        ("基本满意", 4),
        ("还可以", 4),
        ("一般吧", 3),
        ("还行", 3),
        ("不太满意", 2),
        ("不满意", 2),
        ("很不满意", 1),
        ("很差", 1),
        ("差评", 1),
    ],
)
async def test_a_judgement_at_the_score_prompt_is_the_score_it_means(
    desk: Harness, words: str, score: int
) -> None:
    await _at_the_score_prompt(desk)
    out = await desk.send(FARMER, words)
    assert f"记为 {score} 分" in texts(out) and "要把这条消息" not in texts(out)
    [ticket] = await desk.tickets()
    assert (ticket.status, ticket.rating) == (Status.CLOSED, score)


@pytest.mark.parametrize(
    ("words", "score"),
    [
        ("很一般", 3),
        ("还凑合吧", 3),
        ("不怎么样", 2),
        ("不太好", 2),
        ("很不好", 1),
        ("太差劲了", 1),
        ("给个差评", 1),
        ("給你們好評", 5),
    ],
)
async def test_a_judgement_said_as_people_say_it_is_the_score_not_asked_again(
    desk: Harness, words: str, score: int
) -> None:
    await _at_the_score_prompt(desk)
    out = to_simplified(texts(await desk.send(FARMER, words)))
    assert f"记为 {score} 分" in out and "4 = 基本满意" not in out
    [ticket] = await desk.tickets()
    assert (ticket.status, ticket.rating) == (Status.CLOSED, score)


# 差 alone is the scale's 2 (很差 its 1), as 不咋地 is 不咋样's; in either script.
_POOR_OR_SO = [
    ("差", 2),
    ("服务差", 2),
    ("太差", 1),
    ("太差了", 1),
    ("好差", 1),
    ("不咋地", 2),
    ("不咋的", 2),
    ("不怎么地", 2),
    ("一般般", 3),
    ("很差", 1),
    ("不怎么样", 2),
    ("服務差", 2),
    ("不咋樣", 2),
    ("不怎麼地", 2),
    ("一般般吧", 3),
]


@pytest.mark.parametrize(("words", "score"), _POOR_OR_SO)
async def test_poor_or_so_so_in_a_word_or_two_is_the_score_and_says_so(
    desk: Harness, words: str, score: int
) -> None:
    await _at_the_score_prompt(desk)
    out = to_simplified(texts(await desk.send(FARMER, words)))
    assert f"记为 {score} 分" in out and "4 = 基本满意" not in out
    [ticket] = await desk.tickets()
    assert (ticket.status, ticket.rating) == (Status.CLOSED, score)


@pytest.mark.parametrize(("words", "score"), _POOR_OR_SO)
async def test_poor_or_so_so_typed_back_to_the_resolution_asks_the_score(
    desk: Harness, words: str, score: int
) -> None:
    """As other judgements are: the score buttons, never a request of those words."""
    ticket_id = await desk.resolved_110(FARMER, MEMBER, CURING_CHAT)
    out = await desk.send(FARMER, words)
    assert button_data(out) == [f"my:r:{ticket_id}:{n}" for n in (5, 4, 3, 2, 1)]
    assert "提交吗" not in to_simplified(texts(out)) and len(await desk.tickets()) == 1


@pytest.mark.parametrize(("typed", "score"), SCORES_WITH_A_FEW_WORDS)
async def test_a_score_with_a_few_words_at_the_score_prompt_is_the_score(
    desk: Harness, typed: str, score: int
) -> None:
    await _at_the_score_prompt(desk)
    out = to_simplified(texts(await desk.send(FARMER, typed)))
    assert "还有什么想说的" in out and "4 = 基本满意" not in out
    [ticket] = await desk.tickets()
    assert (ticket.status, ticket.rating) == (Status.CLOSED, score)


async def test_a_judgement_in_traditional_is_answered_in_traditional(desk: Harness) -> None:
    await _at_the_score_prompt(desk)
    out = await desk.send(FARMER, "不太滿意")
    assert "記為 2 分" in texts(out)
    assert (await desk.tickets())[0].rating == 2


async def test_other_words_at_the_score_prompt_ask_again_once_with_the_buttons(
    desk: Harness,
) -> None:
    ticket_id = await _at_the_score_prompt(desk)
    out = await desk.send(FARMER, "好的")
    assert "4 = 基本满意" in texts(out) and "要把这条消息" not in texts(out)
    assert button_data(out) == [f"my:r:{ticket_id}:{n}" for n in (5, 4, 3, 2, 1)]
    out = await desk.send(FARMER, "好的")  # not asked for ever: read as it would be anyway
    assert "4 = 基本满意" not in texts(out) and "要把这条消息" not in texts(out)
    await desk.send(FARMER, "三分")
    assert (await desk.tickets())[0].rating == 3


async def test_a_question_at_the_score_prompt_is_read_as_a_question_of_its_own(
    desk: Harness,
) -> None:
    await _at_the_score_prompt(desk)
    out = await desk.send(FARMER, "另外想问一下，烤房温控仪的温度一般设多少度")
    assert "请点下面的分数" not in texts(out) and "4 = 基本满意" not in texts(out)
    assert "要把这条消息" in texts(out)  # offered as a request, not thrown away


@pytest.mark.parametrize("words", ["怎么打分？", "师傅人很好吗"])
async def test_words_no_service_takes_at_the_score_prompt_ask_again(
    desk: Harness, words: str
) -> None:
    await _at_the_score_prompt(desk)
    out = await desk.send(FARMER, words)
    assert "4 = 基本满意" in texts(out) and "要把这条消息" not in texts(out)


async def test_not_solved_after_the_score_is_asked_again_sends_it_back(desk: Harness) -> None:
    await _at_the_score_prompt(desk)
    out = await desk.send(FARMER, "嗯嗯")
    assert "4 = 基本满意" in texts(out)
    out = await desk.send(FARMER, "还是没修好")
    assert "已重新派给" in texts(out)
    assert (await desk.tickets())[0].status is Status.DISPATCHED


@pytest.mark.parametrize("score", ["5", "3"])
async def test_a_new_wish_typed_at_the_comment_prompt_is_a_wish_of_its_own(
    desk: Harness, score: str
) -> None:
    ticket = await _resolved_wish(desk)
    await desk.send(STAFF, score)  # typed to the resolution notice: rated
    before = {r.id for r in await desk.outbox()}
    out = await desk.send(STAFF, NEW_WISH)
    assert f"心愿 {ticket.label} 已销号" in texts(out)
    assert "要把这条消息作为「心愿」提交吗" in texts(out) and NEW_WISH in texts(out)
    [rated] = await desk.tickets()
    assert (rated.rating, rated.rating_comment) == (int(score), "")
    told = [r for r in await desk.outbox() if r.id not in before]
    assert not [r for r in told if r.chat_id in (STAFF_LEADER, SUPERVISOR)]


async def test_the_comment_prompt_takes_a_wish_for_the_service_but_lapses_in_half_an_hour(
    desk: Harness,
) -> None:
    first = await _resolved_wish(desk)
    second = await desk.file_request(STAFF, "希望宿舍更换空调")
    for step in ("acc", "res"):
        await desk.press(STAFF_MEMBER, f"tk:{step}:{second.id}", chat=STAFF_CHAT)
    await desk.send(STAFF_MEMBER, "已换新空调", chat=STAFF_CHAT)
    await desk.press(STAFF, f"my:r:{first.id}:5")
    out = await desk.send(STAFF, "希望工会以后多组织这样的活动")  # of the service: a comment
    assert "要把这条消息" not in texts(out)
    await desk.press(STAFF, f"my:r:{second.id}:4")
    desk.clock.advance(minutes=31)
    out = await desk.send(STAFF, "食堂的菜太咸了")
    assert "已超时" not in texts(out) and "要把这条消息" in texts(out)
    comments = [t.rating_comment for t in await desk.tickets()]
    assert comments == ["希望工会以后多组织这样的活动", ""]


async def test_a_remark_at_the_score_prompt_goes_with_the_score_pressed_next(
    desk: Harness,
) -> None:
    ticket_id = await _at_the_score_prompt(desk)
    remark = "你们这个服务真是太差劲了"
    out = await desk.send(FARMER, remark)
    assert "您说的话会和分数一起转给服务队" in texts(out)
    assert button_data(out) == [f"my:r:{ticket_id}:{n}" for n in (5, 4, 3, 2, 1)]
    before = {r.id for r in await desk.outbox()}
    out = await desk.press(FARMER, f"my:r:{ticket_id}:1")
    assert "已请负责人回访您" in texts(out) and remark in texts(out)
    assert "可以跳过" not in texts(out)  # said already: not asked for a comment again
    [ticket] = await desk.tickets()
    assert (ticket.status, ticket.rating, ticket.rating_comment) == (Status.CLOSED, 1, remark)
    told = [r for r in await desk.outbox() if r.id not in before and r.method == "send_message"]
    to_supervisor = [r.payload.get("text", "") for r in told if r.chat_id == SUPERVISOR]
    assert len(to_supervisor) == 1  # the call-back's alert carries the remark: told once
    assert "回访" in to_supervisor[0] and remark in to_supervisor[0]
    out = await desk.send(FARMER, "谢谢")  # the prompt is over: no comment replaces it
    assert (await desk.tickets())[0].rating_comment == remark


async def test_a_remark_then_a_typed_score_keeps_the_remark(desk: Harness) -> None:
    await _at_the_score_prompt(desk)
    await desk.send(FARMER, "师傅半夜就赶来了")
    out = await desk.send(FARMER, "5")
    assert "师傅半夜就赶来了" in texts(out) and "已转给服务队" in texts(out)
    [ticket] = await desk.tickets()
    assert (ticket.rating, ticket.rating_comment) == (5, "师傅半夜就赶来了")


async def test_a_remark_in_traditional_is_kept_and_answered_in_traditional(desk: Harness) -> None:
    ticket_id = await _at_the_score_prompt(desk)
    out = await desk.send(FARMER, "師傅半夜就趕來了")
    assert "您說的話會和分數一起轉給服務隊" in texts(out)
    out = await desk.press(FARMER, f"my:r:{ticket_id}:4")
    assert "師傅半夜就趕來了" in texts(out) and "已轉給服務隊" in texts(out)


@pytest.mark.parametrize("between", ["谢谢", "好的"])
async def test_a_remark_is_kept_through_an_acknowledgement_until_the_score(
    desk: Harness, between: str
) -> None:
    ticket_id = await _at_the_score_prompt(desk)
    await desk.send(FARMER, "你们这个服务真是太差劲了")
    out = await desk.send(FARMER, between)
    assert button_data(out) == [f"my:r:{ticket_id}:{n}" for n in (5, 4, 3, 2, 1)]
    await desk.press(FARMER, f"my:r:{ticket_id}:2")
    assert (await desk.tickets())[0].rating_comment == "你们这个服务真是太差劲了"


@pytest.mark.parametrize(("remark", "kept"), [("太慢了", "太慢了"), ("來晚了", "來晚了")])
async def test_a_short_remark_at_the_score_prompt_is_the_low_scores_comment_not_asked_again(
    desk: Harness, remark: str, kept: str
) -> None:
    """太慢了 is three characters, yet says how it went: kept for the score pressed next,
    and after a low one not asked for again (哪里不满意)."""
    ticket_id = await _at_the_score_prompt(desk)
    out = to_simplified(texts(await desk.send(FARMER, remark)))
    assert "您说的话会和分数一起转给服务队" in out
    out = to_simplified(texts(await desk.press(FARMER, f"my:r:{ticket_id}:2")))
    assert "已请负责人回访您" in out and to_simplified(kept) in out
    assert "可以跳过" not in out and "哪里不满意" not in out
    [ticket] = await desk.tickets()
    assert (ticket.status, ticket.rating, ticket.rating_comment) == (Status.CLOSED, 2, kept)


@pytest.mark.parametrize("more", ["打了三次电话才来", "太慢"])
async def test_more_remarks_at_the_score_prompt_are_kept_together(desk: Harness, more: str) -> None:
    ticket_id = await _at_the_score_prompt(desk)
    await desk.send(FARMER, "你们这个服务真是太差劲了")
    out = await desk.send(FARMER, more)
    assert "要把这条消息" not in texts(out)  # not offered as a request of its own
    await desk.press(FARMER, f"my:r:{ticket_id}:2")
    comment = (await desk.tickets())[0].rating_comment
    assert comment == f"你们这个服务真是太差劲了\n{more}"


@pytest.mark.parametrize("said", ["停电等了两个小时才来人", "來得太慢了，溫度掉了一半"])
async def test_a_low_ratings_comment_naming_the_outage_is_kept_and_asked_about_not_paged(
    desk: Harness, said: str
) -> None:
    """哪里不满意 answered with what went wrong then: the comment the leaders read, and
    whether the barn is failing now is asked; nobody is paged for it."""
    ticket_id = await _at_the_score_prompt(desk)
    await desk.press(FARMER, f"my:r:{ticket_id}:1")
    before = {r.id for r in await desk.outbox()}
    out = await desk.send(FARMER, said)
    assert "f:alarm:yes" in button_data(out) and "f:alarm:no" in button_data(out)
    [ticket] = await desk.tickets()  # no second call
    assert ticket.rating_comment == said
    told = [str(r.payload.get("text", "")) for r in await desk.outbox() if r.id not in before]
    assert any("不满意留言" in t and said in t for t in told)  # the leaders read it
    assert not any("待接单" in t for t in told)  # nobody paged
    kept = texts(await desk.press(FARMER, "f:alarm:no"))
    assert "没有报警" in to_simplified(kept) and "记下" in to_simplified(kept)
    assert len(await desk.tickets()) == 1


async def test_a_low_ratings_comment_asked_about_raises_the_alarm_when_it_is_now(
    desk: Harness,
) -> None:
    ticket_id = await _at_the_score_prompt(desk)
    await desk.press(FARMER, f"my:r:{ticket_id}:1")
    await desk.send(FARMER, "停电等了两个小时才来人")
    await desk.press(FARMER, "f:alarm:yes")
    first, second = await desk.tickets()
    assert first.rating_comment == "停电等了两个小时才来人" and second.urgent


@pytest.mark.parametrize("said", ["烤房又停电了", "烤房着火了"])
async def test_a_barn_failing_now_at_the_comment_prompt_raises_the_alarm_at_once(
    desk: Harness, said: str
) -> None:
    ticket_id = await _at_the_score_prompt(desk)
    await desk.press(FARMER, f"my:r:{ticket_id}:1")
    await desk.send(FARMER, said)
    first, second = await desk.tickets()
    assert second.urgent and first.rating_comment == ""


async def test_more_said_after_the_no_joins_the_low_ratings_comment(desk: Harness) -> None:
    ticket_id = await _at_the_score_prompt(desk)
    await desk.press(FARMER, f"my:r:{ticket_id}:1")
    await desk.send(FARMER, "停电等了两个小时才来人")
    before = {r.id for r in await desk.outbox()}
    out = await desk.send(FARMER, "不是，现在没事，就是师傅态度也不好，还多收了五十块钱")
    assert "没有报警" in texts(out)
    [ticket] = await desk.tickets()
    assert (
        ticket.rating_comment
        == "停电等了两个小时才来人\n现在没事，就是师傅态度也不好，还多收了五十块钱"
    )
    told = [str(r.payload.get("text", "")) for r in await desk.outbox() if r.id not in before]
    assert any("不满意留言" in t and "多收了五十块钱" in t for t in told)


@pytest.mark.parametrize("typed", ["是", "對", "嗯"])
async def test_a_yes_to_anything_more_to_say_waits_for_what_they_have_to_say(
    desk: Harness, typed: str
) -> None:
    """Kept as no comment, after a low score neither: the prompt stays, and what they say
    next is the comment."""
    ticket_id = await _at_the_score_prompt(desk)
    await desk.press(FARMER, f"my:r:{ticket_id}:2")
    out = await desk.send(FARMER, typed)
    assert "请直接说吧" in to_simplified(texts(out)) and button_data(out) == ["f:skip"]
    await desk.send(FARMER, "来得太慢了")
    [ticket] = await desk.tickets()
    assert ticket.rating == 2 and ticket.rating_comment == "来得太慢了"


@pytest.mark.parametrize("typed", ["否", "不", "沒有"])
async def test_a_no_to_anything_more_to_say_is_no_comment(desk: Harness, typed: str) -> None:
    """还有什么想说的吗？ answered no: nothing to show the team as said."""
    ticket_id = await _at_the_score_prompt(desk)
    out = await desk.press(FARMER, f"my:r:{ticket_id}:5")
    assert "还有什么想说的吗" in texts(out)
    await desk.send(FARMER, typed)
    [ticket] = await desk.tickets()
    assert ticket.rating == 5 and not ticket.rating_comment


async def test_a_photo_sent_while_asked_about_a_low_ratings_comment_joins_it(
    desk: Harness,
) -> None:
    """The comment names the outage that went wrong, and whether the barn fails now is
    asked; a photo sent then (the bill, the barn) is of the comment: 不是 keeps both."""
    ticket_id = await _at_the_score_prompt(desk)
    await desk.press(FARMER, f"my:r:{ticket_id}:1")
    await desk.send(FARMER, "停电等了两个小时才来人")
    out = await desk.send(FARMER, photo_file_id="p-bill")
    assert "f:alarm:no" in button_data(out)
    before = {r.id for r in await desk.outbox()}
    assert "没有报警" in texts(await desk.press(FARMER, "f:alarm:no"))
    [ticket] = await desk.tickets()
    assert ticket.rating_comment == "停电等了两个小时才来人"
    async with desk.db.uow(read_only=True) as uow:
        kept = [(a.kind, a.file_id) for a in await uow.attachments.of_ticket(ticket_id)]
    assert ("photo", "p-bill") in kept
    sent = [r for r in await desk.outbox() if r.id not in before and r.method == "send_photo"]
    assert SUPERVISOR in {r.chat_id for r in sent}  # told of the comment, with the photo


@pytest.mark.parametrize("script", ["hans", "hant"])
async def test_what_is_wrong_after_a_low_score_is_told_where_it_went_not_that_it_closed(
    desk: Harness, script: str
) -> None:
    """Asked 哪里不满意 after a score of 1, the farmer says it is still not solved: told that
    the leaders calling back have it, and that a trouble still there may be sent as a new
    one (before: 感谢评价，工单 10019 已销号。, as if nothing more would come of it)."""
    ticket_id = await _at_the_score_prompt(desk)
    if script == "hant":
        await desk.press(FARMER, "lang:hant")
    await desk.press(FARMER, f"my:r:{ticket_id}:1")
    said = texts(await desk.send(FARMER, "还是没解决，风机还是不转"))
    assert ("轉給" in said) is (script == "hant"), said
    out = to_simplified(said)
    assert "已转给回访您的负责人" in out and "问题如果还在" in out, out
    assert "已销号" not in out
    [ticket] = await desk.tickets()
    assert ticket.rating_comment == "还是没解决，风机还是不转"


async def test_a_remark_after_a_low_score_is_told_where_it_went_without_more(
    desk: Harness,
) -> None:
    ticket_id = await _at_the_score_prompt(desk)
    await desk.press(FARMER, f"my:r:{ticket_id}:2")
    out = texts(await desk.send(FARMER, "来得太晚了"))
    assert "已转给回访您的负责人" in out and "问题如果还在" not in out, out
