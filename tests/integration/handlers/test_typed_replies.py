"""Words typed where the bot offered buttons: at a request's summary, and back to a
resolution notice. They are taken as the buttons they mean, or added to what they are about,
never filed as a new request."""

from __future__ import annotations

import pytest

from core.config import Config
from core.enums import Action, Kind, Status
from routing import to_simplified
from tests.support.desk import Harness, button_actions, button_data, texts
from tests.support.tickets import FARMER, MEMBER, OTHER_MEMBER
from tests.support.typed_scores import SCORES_WITH_A_FEW_WORDS

RETAILER = 100002
STAFF = 100003
SUPERVISOR = 300001
DELIVERY_MEMBER = 200071


@pytest.fixture
def team_chat(demo_config: Config) -> int:
    chat = demo_config.team("curing-qingshan").chat_id
    assert chat is not None
    return chat


async def test_a_score_typed_after_resolution_rates_and_closes_the_ticket(
    desk: Harness, team_chat: int
) -> None:
    ticket_id = await desk.resolved_110(FARMER, MEMBER, team_chat)
    out = await desk.send(FARMER, "5")
    assert "还有什么想说的" in texts(out)
    out = await desk.send(FARMER, "师傅来得很快")
    assert "已销号" in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.id == ticket_id and ticket.status is Status.CLOSED
    assert ticket.rating == 5 and ticket.rating_comment == "师傅来得很快"


@pytest.mark.parametrize(
    ("typed", "score"),
    [
        ("五星", 5),
        ("４分", 4),
        ("3 颗星！", 3),
        # A few words around it that add nothing to it.
        *SCORES_WITH_A_FEW_WORDS,
    ],
)
async def test_scores_are_read_however_they_are_written(
    desk: Harness, team_chat: int, typed: str, score: int
) -> None:
    await desk.resolved_110(FARMER, MEMBER, team_chat)
    out = await desk.send(FARMER, typed)
    assert "要把这条消息" not in to_simplified(texts(out))
    [ticket] = await desk.tickets()
    assert ticket.status is Status.CLOSED and ticket.rating == score


@pytest.mark.parametrize(
    ("typed", "score"),
    [("修好了，5分", 5), ("已经好了 给5分", 5), ("解决了，4分吧", 4), ("修好了，謝謝，5分", 5)],
)
async def test_solved_with_a_score_is_a_whole_verdict(
    desk: Harness, team_chat: int, typed: str, score: int
) -> None:
    await desk.resolved_110(FARMER, MEMBER, team_chat)
    out = await desk.send(FARMER, typed)
    assert "请为这次服务打分" not in to_simplified(texts(out))
    [ticket] = await desk.tickets()
    assert ticket.status is Status.CLOSED and ticket.rating == score


@pytest.mark.parametrize(
    ("typed", "score"), [("收到了，五星好評", 5), ("已经收到了，谢谢，5分", 5), ("收到了 给4分", 4)]
)
async def test_a_delivery_received_with_a_score_is_a_whole_verdict(
    desk: Harness, demo_config: Config, typed: str, score: int
) -> None:
    """Before: 收到了，五星好評 back to 已补送两条 was read as solved and the retailer was
    asked to score it again (请为这次服务打分), the 五星 typed dropped."""
    chat = demo_config.team("delivery").chat_id
    assert chat is not None
    await desk.registered_as(RETAILER, "retailer")
    ticket = await desk.file_request(RETAILER, "这周订的烟少送了两条")
    assert ticket.team_id == "delivery"
    await desk.press(DELIVERY_MEMBER, f"tk:acc:{ticket.id}", chat=chat)
    await desk.press(DELIVERY_MEMBER, f"tk:res:{ticket.id}", chat=chat)
    await desk.send(DELIVERY_MEMBER, "已补送两条", chat=chat)
    out = await desk.send(RETAILER, typed)
    assert "请为这次服务打分" not in to_simplified(texts(out))
    [rated] = await desk.tickets()
    assert rated.status is Status.CLOSED and rated.rating == score


@pytest.mark.parametrize("typed", ["给我送5条", "給我送5條", "520102100123", "5条"])
async def test_numbers_that_are_no_score_do_not_rate_the_resolved_ticket(
    desk: Harness, team_chat: int, typed: str
) -> None:
    await desk.resolved_110(FARMER, MEMBER, team_chat)
    await desk.send(FARMER, typed)
    ticket = (await desk.tickets())[0]
    assert ticket.status is Status.RESOLVED and ticket.rating is None


@pytest.mark.parametrize(
    "typed", ["解决了，谢谢", "好了", "非常满意，谢谢师傅", "停电的问题解决了，谢谢"]
)
async def test_solved_in_words_asks_for_the_score_as_the_confirm_button_does(
    desk: Harness, team_chat: int, typed: str
) -> None:
    ticket_id = await desk.resolved_110(FARMER, MEMBER, team_chat)
    out = await desk.send(FARMER, typed)
    assert "请为这次服务打分" in texts(out)
    assert button_data(out) == [f"my:r:{ticket_id}:{n}" for n in (5, 4, 3, 2, 1)]
    [ticket] = await desk.tickets()
    assert ticket.status is Status.RESOLVED and ticket.rating is None  # until a score


@pytest.mark.parametrize("typed", ["没修好，还是停电", "還是不行", "温度降下来了，烤房停电了"])
async def test_not_solved_or_the_same_alarm_again_reopens_the_ticket(
    desk: Harness, team_chat: int, typed: str
) -> None:
    ticket_id = await desk.resolved_110(FARMER, MEMBER, team_chat)
    before = {r.id for r in await desk.outbox()}
    out = await desk.send(FARMER, typed)
    assert "已重新派给" in texts(out) or "已重新派給" in texts(out)
    [ticket] = await desk.tickets()  # no second alarm
    assert ticket.id == ticket_id and ticket.status is Status.DISPATCHED
    assert ticket.reopen_count == 1
    told = [r.payload.get("text", "") for r in await desk.outbox() if r.id not in before]
    assert any("没有解决" in text and typed in text for text in told)  # with the reason


async def test_a_short_word_that_is_no_verdict_brings_the_buttons_back(
    desk: Harness, team_chat: int
) -> None:
    ticket_id = await desk.resolved_110(FARMER, MEMBER, team_chat)
    out = await desk.send(FARMER, "收到")
    assert "已办结，等您确认" in texts(out)
    assert button_data(out) == [f"my:ok:{ticket_id}", f"my:bad:{ticket_id}"]
    [ticket] = await desk.tickets()
    assert ticket.status is Status.RESOLVED


async def test_an_alarm_typed_for_the_rating_comment_raises_a_new_call(
    desk: Harness, team_chat: int
) -> None:
    await desk.resolved_110(FARMER, MEMBER, team_chat)
    await desk.send(FARMER, "5")
    out = await desk.send(FARMER, "烤房又停电了！风机也不转了")
    assert "已报警" in texts(out)
    rated, alarm = await desk.tickets()
    assert rated.status is Status.CLOSED and rated.rating == 5 and not rated.rating_comment
    assert alarm.urgent and alarm.status is Status.DISPATCHED


async def test_a_new_matter_after_resolution_is_still_a_new_request(
    desk: Harness, team_chat: int
) -> None:
    await desk.resolved_110(FARMER, MEMBER, team_chat)
    out = await desk.send(FARMER, "烟苗发黄是什么病，要打什么药")
    assert "要把这条消息作为「求助办事」提交吗" in texts(out)
    await desk.press(FARMER, "f:ok")
    first, second = await desk.tickets()
    assert first.status is Status.RESOLVED and second.status is Status.DISPATCHED


async def test_a_score_without_a_resolved_ticket_is_not_a_rating(desk: Harness) -> None:
    await desk.send(RETAILER, "卷烟订货系统登录不了")
    await desk.press(RETAILER, "f:ok")
    out = await desk.send(RETAILER, "5")
    assert "一串数字" in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.status is Status.DISPATCHED and ticket.rating is None


@pytest.mark.parametrize(
    ("typed", "kind"),
    [
        ("请问收购什么时候开始，谢谢", Kind.REQUEST),
        ("我对收购员的态度不满意", Kind.COMPLAINT),
        ("化肥款还没到账", Kind.REQUEST),
    ],
)
async def test_another_matter_after_a_resolution_is_a_new_request_not_a_verdict(
    desk: Harness, team_chat: int, typed: str, kind: Kind
) -> None:
    resolved_id = await desk.resolved_110(FARMER, MEMBER, team_chat)
    out = await desk.send(FARMER, typed)
    assert "要把这条消息作为" in texts(out)
    await desk.press(FARMER, "f:ok")
    old, new = await desk.tickets()
    assert old.id == resolved_id and old.status is Status.RESOLVED and old.reopen_count == 0
    assert new.kind is kind and not new.urgent


async def test_an_alarm_after_a_resolved_ordinary_request_is_a_new_110_call(
    desk: Harness,
) -> None:
    await desk.send(FARMER, "烟苗发黄是什么病，要打什么药")
    await desk.press(FARMER, "f:ok")
    [asked] = await desk.tickets()
    team = desk.cfg.team(asked.team_id)
    member = (team.members or team.leaders)[0]
    assert team.chat_id is not None
    await desk.press(member, f"tk:acc:{asked.id}", chat=team.chat_id)
    await desk.press(member, f"tk:res:{asked.id}", chat=team.chat_id)
    await desk.send(member, "缺氮，追施尿素", chat=team.chat_id)
    out = await desk.send(FARMER, "烤房风机不转了，还是不行")
    assert "在哪个烤房" in texts(out) or "已报警" in texts(out)
    if "在哪个烤房" in texts(out):
        await desk.press(FARMER, "f:site:QS01")
    old, alarm = await desk.tickets()
    assert old.status is Status.RESOLVED and old.reopen_count == 0
    assert alarm.kind is Kind.EMERGENCY and alarm.urgent


async def test_news_for_todays_call_is_not_a_verdict_on_yesterdays(
    desk: Harness, team_chat: int
) -> None:
    yesterday = await desk.resolved_110(FARMER, MEMBER, team_chat)
    desk.clock.advance(hours=20)
    today = await desk.file_110(FARMER)
    out = await desk.send(FARMER, "师傅还没到，温度一直在掉")
    assert "已补充到报警工单" in texts(out)
    by_id = {t.id: t for t in await desk.tickets()}
    assert by_id[yesterday].status is Status.RESOLVED and by_id[yesterday].reopen_count == 0
    assert by_id[today].status is Status.DISPATCHED


async def test_saying_it_is_fixed_in_the_rating_comment_is_a_comment_not_an_alarm(
    desk: Harness, team_chat: int
) -> None:
    await desk.resolved_110(FARMER, MEMBER, team_chat)
    await desk.send(FARMER, "5")
    out = await desk.send(FARMER, "停电的问题解决了，谢谢")
    assert "已销号" in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.rating_comment == "停电的问题解决了，谢谢"


@pytest.mark.parametrize(
    "typed", ["另外问一下，今年烟叶收购什么时候开始？", "請問許可證延續要帶什麼材料"]
)
async def test_a_question_about_another_service_at_the_rating_comment_is_a_new_request(
    desk: Harness, team_chat: int, typed: str
) -> None:
    await desk.resolved_110(FARMER, MEMBER, team_chat)
    await desk.send(FARMER, "5")
    out = await desk.send(FARMER, typed)
    assert "銷號" in texts(out) or "销号" in texts(out)  # the score stands
    assert "f:ok" in button_actions(out)  # the question, at its summary
    await desk.press(FARMER, "f:ok")
    rated, question = await desk.tickets()
    assert rated.rating == 5 and not rated.rating_comment
    assert question.kind is Kind.REQUEST and question.line != rated.line


async def test_a_complaint_about_the_service_at_the_rating_comment_stays_a_comment(
    desk: Harness, team_chat: int
) -> None:
    await desk.resolved_110(FARMER, MEMBER, team_chat)
    await desk.send(FARMER, "2")
    out = await desk.send(FARMER, "师傅为什么半夜两点才到？")
    assert "已转给回访您的负责人" in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.rating == 2 and ticket.rating_comment == "师傅为什么半夜两点才到？"


async def test_the_timeline_shows_the_score_and_the_comment_apart(
    desk: Harness, team_chat: int
) -> None:
    ticket_id = await desk.resolved_110(FARMER, MEMBER, team_chat)
    await desk.send(FARMER, "4")
    await desk.send(FARMER, "来得及时")
    detail = texts(await desk.press(FARMER, f"my:v:{ticket_id}"))
    assert "评价：4 分" in detail and "评价留言：来得及时" in detail


async def test_words_typed_at_the_summary_join_the_description(desk: Harness) -> None:
    await desk.send(RETAILER, "卷烟订货系统登录不了")
    out = await desk.send(RETAILER, "提示密码错误，昨天还能用")
    assert "已补充" in texts(out) and "卷烟订货系统登录不了\n提示密码错误，昨天还能用" in texts(out)
    out = await desk.send(RETAILER, photo_file_id="screenshot")
    assert "补充：1" in texts(out)
    await desk.press(RETAILER, "f:ok")
    [ticket] = await desk.tickets()
    assert ticket.text == "卷烟订货系统登录不了\n提示密码错误，昨天还能用"


@pytest.mark.parametrize(
    ("typed", "filed"), [("好的", 1), ("確認！", 1), ("提交", 1), ("算了", 0), ("取消", 0)]
)
async def test_a_buttons_word_typed_at_the_summary_acts_as_the_button(
    desk: Harness, typed: str, filed: int
) -> None:
    await desk.send(RETAILER, "上周订的货少送了两条，什么时候补")
    await desk.send(RETAILER, typed)
    tickets = await desk.tickets()
    assert len(tickets) == filed
    if filed:
        assert tickets[0].text == "上周订的货少送了两条，什么时候补"


@pytest.mark.parametrize("typed", ["你好", "谢谢", "謝謝！", "嗯", "👍", "收到，谢谢"])
async def test_a_pleasantry_at_the_summary_is_not_added_to_the_request(
    desk: Harness, typed: str
) -> None:
    await desk.send(RETAILER, "这次少送了两条")
    out = await desk.send(RETAILER, typed)
    said = to_simplified(texts(out))
    assert "已补充" not in said and "没有改动" in said
    assert "f:ok" in button_actions(out)  # the summary again, to submit from
    out = await desk.send(RETAILER, "是上周五送的货")  # real details still join
    assert "已补充" in to_simplified(texts(out))
    await desk.send(RETAILER, "提交")
    [ticket] = await desk.tickets()
    assert ticket.text == "这次少送了两条\n是上周五送的货"


@pytest.mark.parametrize("typed", ["下一步", "下一步。", "下一步 "])
async def test_next_typed_at_the_summary_is_not_added_to_the_request(
    desk: Harness, typed: str
) -> None:
    """下一步 is the step before the summary's name, typed by someone who saw it there
    (or skipped it, words typed straight away): the summary again, never words of the
    request for the team to read."""
    await desk.send(RETAILER, "这次少送了两条")
    out = await desk.send(RETAILER, typed)
    said = to_simplified(texts(out))
    assert "已补充" not in said and "没有改动" in said
    assert "f:ok" in button_actions(out)
    await desk.send(RETAILER, "提交")
    [ticket] = await desk.tickets()
    assert ticket.text == "这次少送了两条"


async def test_a_mistyped_ticket_number_is_called_a_typo_not_missing(
    desk: Harness, team_chat: int
) -> None:
    ticket_id = await desk.file_110(FARMER)
    [ticket] = await desk.tickets()
    assert ticket.id == ticket_id and ticket.number
    typo = ticket.number[:-1] + str((int(ticket.number[-1]) + 1) % 10)
    out = await desk.send(SUPERVISOR, f"/ticket {typo}")
    assert "可能输错了一位" in texts(out)
    out = await desk.send(SUPERVISOR, f"/ticket {ticket.number}")
    assert ticket.number in texts(out)


async def test_my_with_a_number_shows_that_ticket(desk: Harness) -> None:
    """/my 10019 is the requester's own ticket, as 10019 typed alone is, not the whole list
    with the number they typed passed over; a mistyped one is said to be, before the list."""
    await desk.registered_as(RETAILER, "retailer")
    ticket = await desk.file_request(RETAILER, "这次少送了两条")
    assert ticket.number
    out = await desk.send(RETAILER, f"/my {ticket.number}")
    assert f"my:v:{ticket.id}" not in button_data(out)  # no list to pick it from
    assert f"my:x:{ticket.id}" in button_data(out) and "这次少送了两条" in texts(out)
    typo = ticket.number[:-1] + str((int(ticket.number[-1]) + 1) % 10)
    out = await desk.send(RETAILER, f"/my {typo}")
    assert "可能输错了一位" in texts(out) and f"my:v:{ticket.id}" in button_data(out)
    out = await desk.send(RETAILER, "/my")
    assert "可能输错了一位" not in texts(out) and f"my:v:{ticket.id}" in button_data(out)


async def test_a_traditional_requester_reads_the_teams_notes_in_traditional_and_names_as_written(
    desk: Harness, team_chat: int
) -> None:
    await desk.send(FARMER, "烤房停電了，溫度一直往下掉")
    await desk.press(FARMER, "f:site:QS01")
    [ticket] = await desk.tickets()
    accept = f"tk:acc:{ticket.id}"
    await desk.send(
        MEMBER, chat=team_chat, callback_data=accept, callback_message_id=1, user_name="赵队员"
    )
    await desk.press(MEMBER, f"tk:res:{ticket.id}", chat=team_chat)
    await desk.send(MEMBER, "更换了风机电容，温度已恢复", chat=team_chat)
    told = "\n".join(r.payload["text"] for r in await desk.outbox() if r.chat_id == FARMER)
    assert "赵队员" in told and "趙隊員" not in told  # a name is as its owner wrote it
    assert "更換了風機電容，溫度已恢復" in told


async def test_a_free_text_summary_is_one_message_without_an_empty_extras_line(
    desk: Harness,
) -> None:
    out = await desk.send(RETAILER, "上周订的货少送了两条，什么时候补")
    [reply] = out.replies
    assert reply.text.startswith("要把这条消息作为「求助办事」提交吗？\n请确认：")
    assert "补充" not in reply.text


async def test_a_110_card_says_the_farmer_called_110_not_that_it_was_dispatched_by_hand(
    desk: Harness,
) -> None:
    await desk.send(FARMER, "/110")
    await desk.send(FARMER, "有点问题")  # words that name no fault
    await desk.press(FARMER, "f:site:QS01")
    card = next(r for r in await desk.outbox() if r.purpose == "card").payload["text"]
    assert "分派依据：烘烤110 — 求助人报警" in card


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("你好", "有什么需要"),
        ("谢谢！", "有什么需要"),
        ("😡😡😡", "请用文字说一下"),
        ("。。。", "请用文字说一下"),
        ("123456", "一串数字"),
        ("138 1234 5678", "收到一个电话号码"),
    ],
)
async def test_greetings_emoji_and_bare_digits_are_not_offered_as_requests(
    desk: Harness, typed: str, said: str
) -> None:
    out = await desk.send(RETAILER, typed)
    assert said in texts(out) and "提交吗" not in texts(out)
    assert await desk.tickets() == []


async def test_typing_ones_own_ticket_number_shows_it(desk: Harness) -> None:
    ticket_id = await desk.file_110(FARMER)
    [ticket] = await desk.tickets()
    assert ticket.id == ticket_id and ticket.number
    out = await desk.send(FARMER, ticket.number)
    assert ticket.number in texts(out) and "待接单" in texts(out)
    assert "一串数字" in texts(await desk.send(RETAILER, ticket.number))  # not theirs


async def test_a_rating_updates_the_team_cards(desk: Harness, team_chat: int) -> None:
    await desk.resolved_110(FARMER, MEMBER, team_chat)
    before = {r.id for r in await desk.outbox()}
    await desk.send(FARMER, "给4分")
    edits = [r for r in await desk.outbox() if r.id not in before and r.purpose == "card_edit"]
    assert edits and all("已销号" in r.payload["text"] for r in edits)
    [ticket] = await desk.tickets()
    assert ticket.rating == 4


@pytest.mark.parametrize("typed", ["不满意", "一般"])
async def test_a_judgement_after_resolution_asks_for_the_score(
    desk: Harness, team_chat: int, typed: str
) -> None:
    ticket_id = await desk.resolved_110(FARMER, MEMBER, team_chat)
    out = await desk.send(FARMER, typed)
    assert button_data(out) == [f"my:r:{ticket_id}:{n}" for n in (5, 4, 3, 2, 1)]
    assert len(await desk.tickets()) == 1


def _score_buttons(ticket_id: int) -> list[str]:
    return [f"my:r:{ticket_id}:{n}" for n in (5, 4, 3, 2, 1)]


@pytest.mark.parametrize(
    "typed",
    [
        "很差",
        "一般吧",
        "还不错",
        "挺好的",
        "还可以吧。",
        "很满意，谢谢",
        "态度还不错",
        "服务态度很好",
    ],
)
async def test_any_judgement_on_the_score_scale_after_resolution_asks_for_the_score(
    desk: Harness, team_chat: int, typed: str
) -> None:
    """The score prompt reads these words as scores: back to the notice they are no new
    request to the triage desk either."""
    ticket_id = await desk.resolved_110(FARMER, MEMBER, team_chat)
    out = await desk.send(FARMER, typed)
    assert button_data(out) == _score_buttons(ticket_id) and "提交吗" not in texts(out)
    assert len(await desk.tickets()) == 1


async def test_a_judgement_in_traditional_or_of_a_wish_asks_for_the_score(desk: Harness) -> None:
    retailers = await desk.file_request(RETAILER, "昨天送货少送了一条中华")
    staffs = await desk.file_request(STAFF, "希望单位组织一次职工体检")
    for ticket, member, chat in (
        (retailers, 200071, -1001000000014),
        (staffs, 200081, -1001000000015),
    ):
        for step in ("acc", "res"):
            await desk.press(member, f"tk:{step}:{ticket.id}", chat=chat)
        await desk.send(member, "已处理", chat=chat)
    out = await desk.send(RETAILER, "還可以吧")
    assert button_data(out) == _score_buttons(retailers.id or 0) and "請為這次服務打分" in texts(
        out
    )
    out = await desk.send(STAFF, "还可以吧")
    assert button_data(out) == _score_buttons(staffs.id or 0)
    assert len(await desk.tickets()) == 2


@pytest.mark.parametrize("typed", ["烤房温度还不错但是风机坏了", "态度还不错，就是来得太晚了"])
async def test_a_judgement_in_a_sentence_saying_more_does_not_ask_for_the_score(
    desk: Harness, team_chat: int, typed: str
) -> None:
    await desk.resolved_110(FARMER, MEMBER, team_chat)
    out = await desk.send(FARMER, typed)
    assert not any(data.startswith("my:r:") for data in button_data(out)), texts(out)


@pytest.mark.parametrize("typed", ["服务态度不好", "态度很差", "态度不好", "態度很差"])
async def test_a_complaint_of_conduct_after_resolution_is_offered_as_a_complaint(
    desk: Harness, team_chat: int, typed: str
) -> None:
    """Judgement words about how someone behaved are a complaint, a new matter, not the
    score of the call just resolved."""
    await desk.resolved_110(FARMER, MEMBER, team_chat)
    out = await desk.send(FARMER, typed)
    said = to_simplified(texts(out))  # 態度很差 is answered in Traditional
    assert "作为「投诉」提交吗" in said and "纪检作风监督室" in said
    assert any(data.startswith("f:anon") for data in button_data(out))
    assert not any(data.startswith("my:r:") for data in button_data(out))


async def test_a_ticket_number_in_a_few_words_shows_the_ticket(desk: Harness) -> None:
    await desk.send(RETAILER, "卷烟订货系统登录不了")
    await desk.press(RETAILER, "f:ok")
    [ticket] = await desk.tickets()
    out = await desk.send(RETAILER, f"{ticket.number}进度怎么样")
    assert "请确认" not in texts(out) and ticket.label in texts(out)
    assert len(await desk.tickets()) == 1


async def test_a_refusal_to_a_typed_note_is_a_message_not_an_invisible_popup(
    desk: Harness, team_chat: int
) -> None:
    ticket_id = await desk.file_110(FARMER)
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=team_chat)
    await desk.press(MEMBER, f"tk:res:{ticket_id}", chat=team_chat)
    await desk.press(OTHER_MEMBER, f"tk:res:{ticket_id}", chat=team_chat)  # both asked
    await desk.send(MEMBER, "更换了风机电容", chat=team_chat)
    out = await desk.send(OTHER_MEMBER, "第二次说明", chat=team_chat)
    assert out.toast is None and "您这条说明没有记入" in texts(out)


async def test_reassigning_to_the_same_team_is_refused(desk: Harness) -> None:
    await desk.file_110(FARMER)
    [ticket] = await desk.tickets()
    out = await desk.send(SUPERVISOR, f"/reassign {ticket.number} curing-qingshan")
    assert "无需改派" in texts(out)
    assert len([r for r in await desk.outbox() if r.purpose == "card"]) == 2  # no new cards


async def test_a_complaint_draft_is_offered_as_a_complaint(desk: Harness) -> None:
    out = await desk.send(RETAILER, "我要投诉收购站的人态度差")
    assert "作为「投诉」提交吗" in texts(out)


async def test_not_solved_typed_after_an_auto_close_reopens_the_ticket(
    desk: Harness, team_chat: int
) -> None:
    ticket_id = await desk.resolved_110(FARMER, MEMBER, team_chat)
    desk.clock.advance(days=3)
    await desk.sweep_does(ticket_id, Action.AUTO_CLOSE)  # nobody confirmed
    out = await desk.send(FARMER, "没修好")
    assert "已重新派给" in texts(out)
    [reopened] = await desk.tickets()
    assert reopened.status is Status.DISPATCHED and reopened.reopen_count == 1


async def _asked(desk: Harness, team_chat: int) -> int:
    """A 110 call whose team asked the farmer a question (需补充)."""
    ticket_id = await desk.file_110(FARMER)
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=team_chat)
    await desk.press(MEMBER, f"tk:ask:{ticket_id}", chat=team_chat)
    await desk.send(MEMBER, "温控仪显示多少度？", chat=team_chat)
    return ticket_id


async def test_a_question_about_another_service_is_not_taken_as_the_answer(
    desk: Harness, team_chat: int
) -> None:
    ticket_id = await _asked(desk, team_chat)
    out = await desk.send(FARMER, "另外问一下，今年烟叶收购什么时候开始？")
    assert "f:ok" in button_actions(out)  # its own summary, not "已把您的回复补充到工单"
    await desk.press(FARMER, "f:ok")
    call, question = await desk.tickets()
    assert call.id == ticket_id and call.status is Status.WAITING_REQUESTER
    assert question.line == "purchase"
    out = await desk.send(FARMER, "现在是38度，还在往下掉")  # the call's question still waits
    assert "已把您的回复补充到工单" in texts(out)


async def test_an_answer_that_asks_back_about_the_same_matter_is_still_the_answer(
    desk: Harness, team_chat: int
) -> None:
    await _asked(desk, team_chat)
    out = await desk.send(FARMER, "40度，烤房温度还要多久能升上来？")
    assert "已把您的回复补充到工单" in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.status is Status.ACCEPTED


async def test_the_answer_to_the_triage_desks_question_may_name_a_service(
    desk: Harness,
) -> None:
    """A ticket at the triage desk has no service yet: the answer that names one is the
    answer, not a new request."""
    await desk.send(RETAILER, "有个事情想咨询一下")
    await desk.press(RETAILER, "f:ok")
    [ticket] = await desk.tickets()
    assert ticket.line == "triage"
    await desk.press(SUPERVISOR, f"tk:ask:{ticket.id}")
    await desk.send(SUPERVISOR, "请问您具体想咨询什么事？")
    out = await desk.send(RETAILER, "许可证快到期了，延续要带什么材料？")
    assert "已把您的回复补充到工单" in texts(out)
    [answered] = await desk.tickets()
    assert answered.status is Status.DISPATCHED


@pytest.mark.parametrize("typed", ["跳過", "跳过", "没有", "不用了"])
async def test_skip_typed_at_the_rating_comment_leaves_no_comment(
    desk: Harness, team_chat: int, typed: str
) -> None:
    ticket_id = await desk.resolved_110(FARMER, MEMBER, team_chat)
    await desk.send(FARMER, "5")
    out = await desk.send(FARMER, typed)
    assert "已销号" in texts(out) or "已銷號" in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.rating == 5 and ticket.rating_comment == ""
    detail = texts(await desk.press(FARMER, f"my:v:{ticket_id}"))
    assert "评价留言" not in detail and "評價留言" not in detail


async def test_a_typed_score_finds_the_resolved_ticket_behind_newer_ones(
    desk: Harness, team_chat: int
) -> None:
    ticket_id = await desk.resolved_110(FARMER, MEMBER, team_chat)
    desk.clock.advance(hours=2)
    for n in range(5):  # five newer requests, still with their teams
        await desk.file_request(FARMER, f"第{n + 1}件事：烟苗移栽后叶子发黄怎么办")
    out = await desk.send(FARMER, "5")
    [resolved] = [t for t in await desk.tickets() if t.id == ticket_id]
    assert resolved.status is Status.CLOSED and resolved.rating == 5
    assert f"对工单 {resolved.label} 还有什么想说的" in texts(out)  # which one it rated


DELIVERY_CHAT = -1001000000014
DELIVERY_MEMBER = 200071


@pytest.mark.parametrize("typed", ["了解", "明白", "好的", "知道了", "OK"])
async def test_a_resolution_acknowledged_brings_the_buttons_back_and_the_rating_follows(
    desk: Harness, typed: str
) -> None:
    ticket = await desk.file_request(RETAILER, "今天送货少了两条烟")
    assert ticket.id is not None and ticket.team_id == "delivery"
    await desk.press(DELIVERY_MEMBER, f"tk:acc:{ticket.id}", chat=DELIVERY_CHAT)
    await desk.press(DELIVERY_MEMBER, f"tk:res:{ticket.id}", chat=DELIVERY_CHAT)
    await desk.send(DELIVERY_MEMBER, "已补送两条", chat=DELIVERY_CHAT)
    out = await desk.send(RETAILER, typed)
    assert "已办结，等您确认" in texts(out) and "提交吗" not in texts(out)
    assert button_data(out) == [f"my:ok:{ticket.id}", f"my:bad:{ticket.id}"]
    out = await desk.send(RETAILER, "非常满意")
    assert "请为这次服务打分" in texts(out)
    await desk.send(RETAILER, "5分")
    [rated] = await desk.tickets()  # no draft filed beside it
    assert (rated.status, rated.rating) == (Status.CLOSED, 5)


@pytest.mark.parametrize("typed", ["好的", "知道了", "OK", "了解", "明白"])
async def test_an_acknowledgement_with_nothing_awaiting_is_greeted_not_drafted(
    desk: Harness, typed: str
) -> None:
    out = await desk.send(RETAILER, typed)
    assert "有什么需要" in texts(out) and "提交吗" not in texts(out)
    assert await desk.tickets() == []


async def test_confirm_pressed_again_after_rating_says_it_was_rated(
    desk: Harness, team_chat: int
) -> None:
    ticket_id = await desk.resolved_110(FARMER, MEMBER, team_chat)
    await desk.press(FARMER, f"my:ok:{ticket_id}")
    await desk.press(FARMER, f"my:r:{ticket_id}:5")
    await desk.press(FARMER, "f:skip")
    out = await desk.press(FARMER, f"my:ok:{ticket_id}")
    assert "已经评过 5 分了" in texts(out) and "不能这样操作" not in texts(out)


async def test_a_score_typed_again_after_rating_says_it_was_rated(
    desk: Harness, team_chat: int
) -> None:
    await desk.resolved_110(FARMER, MEMBER, team_chat)
    await desk.send(FARMER, "4")
    await desk.send(FARMER, "跳过")
    out = await desk.send(FARMER, "5")
    assert "已经评过 4 分了" in texts(out) and "一串数字" not in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.rating == 4


async def test_a_score_typed_long_after_rating_is_not_taken_for_it(
    desk: Harness, team_chat: int
) -> None:
    await desk.resolved_110(FARMER, MEMBER, team_chat)
    await desk.send(FARMER, "4")
    await desk.send(FARMER, "跳过")
    desk.clock.advance(days=8)
    out = await desk.send(FARMER, "5")
    assert "已经评过" not in texts(out)


async def test_withdrawing_after_a_member_accepted_says_who_has_it(
    desk: Harness, team_chat: int
) -> None:
    ticket_id = await desk.file_110(FARMER)
    out = await desk.press(FARMER, f"my:x:{ticket_id}")
    assert f"my:xx:{ticket_id}" in button_data(out)
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=team_chat)
    out = await desk.press(FARMER, f"my:xx:{ticket_id}")
    assert "已经由" in texts(out) and "接单办理" in texts(out) and "不能这样操作" not in texts(out)
    assert "补充" in texts(out) and f"my:add:{ticket_id}" in button_data(out)
    [ticket] = await desk.tickets()
    assert ticket.status is Status.ACCEPTED


async def test_not_understanding_typed_back_to_a_resolution_notice_reopens_nothing(
    desk: Harness, team_chat: int
) -> None:
    """还是没明白 says the farmer does not follow, not that the fault is back: the call stays
    resolved, as it waits for their verdict."""
    await desk.resolved_110(FARMER, MEMBER, team_chat)
    out = await desk.send(FARMER, "还是没明白")
    assert "已重新派给" not in texts(out)
    assert [t.status for t in await desk.tickets()] == [Status.RESOLVED]


@pytest.mark.parametrize("typed", ["还是没修好，师傅说的我没听懂", "没解决，我没看明白"])
async def test_a_fault_still_there_said_with_not_understanding_reopens_the_call(
    desk: Harness, team_chat: int, typed: str
) -> None:
    await desk.resolved_110(FARMER, MEMBER, team_chat)
    out = await desk.send(FARMER, typed)
    assert "已重新派给" in texts(out)
    assert [t.status for t in await desk.tickets()] == [Status.DISPATCHED]
