"""Words typed after a command (/110 烤房停电了, 、110 with a Chinese keyboard's slash,
／complain 配送员态度差) answer the question the command asks: the alarm goes out at once,
the complaint has its words; none of them is dropped."""

from __future__ import annotations

import pytest

from core.enums import Kind
from tests.support.desk import Harness, texts
from tests.support.tickets import FARMER


async def _paged(desk: Harness) -> bool:
    return any(r.priority == 0 for r in await desk.outbox())


@pytest.mark.parametrize(
    "typed", ["/110 烤房停电了", "、110 烤房停电了", "／110 烤房停电了", "／sos 烤房停电了"]
)
async def test_110_followed_by_what_is_wrong_raises_the_alarm_at_once(
    desk: Harness, typed: str
) -> None:
    await desk.registered_as(FARMER, "farmer")
    out = await desk.send(FARMER, typed)
    assert "已报警" in texts(out) and "请说明出了什么问题" not in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.kind is Kind.EMERGENCY and ticket.urgent and ticket.text == "烤房停电了"
    assert await _paged(desk)


async def test_110_with_words_at_the_kind_question_raises_the_alarm(desk: Harness) -> None:
    await desk.send(FARMER, "/start")  # 您是
    out = await desk.send(FARMER, "、110 风机不转了")
    assert "已报警" in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.text == "风机不转了" and await _paged(desk)


async def test_110_with_words_after_the_alarm_button_raises_the_alarm(desk: Harness) -> None:
    await desk.press(FARMER, "m:110")  # 请说明出了什么问题
    out = await desk.send(FARMER, "／110 风机不转了")
    assert "已报警" in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.text == "风机不转了" and await _paged(desk)


async def test_110_with_words_in_a_requests_draft_raises_the_alarm_with_the_draft(
    desk: Harness,
) -> None:
    await desk.send(FARMER, "/new")
    await desk.send(FARMER, photo_file_id="barn-photo")
    out = await desk.send(FARMER, "、110 烤房停电了")
    assert "已报警" in texts(out) and "没有提交" not in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.kind is Kind.EMERGENCY and ticket.text == "烤房停电了"
    async with desk.db.uow(read_only=True) as uow:
        kept = [a.file_id for a in await uow.attachments.of_ticket(ticket.id or 0)]
    assert kept == ["barn-photo"]  # what the draft held goes with the alarm


async def test_110_with_words_joins_the_words_of_a_requests_draft(desk: Harness) -> None:
    await desk.send(FARMER, "/new")
    await desk.send(FARMER, "烤房温度怎么设置")
    out = await desk.send(FARMER, "／110 现在停电了")
    assert "已报警" in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.kind is Kind.EMERGENCY and ticket.text == "烤房温度怎么设置\n现在停电了"


@pytest.mark.parametrize(
    ("command", "words", "kind"),
    [
        ("／complain", "配送员态度差", Kind.COMPLAINT),
        ("/complain", "配送员态度差", Kind.COMPLAINT),
        ("、suggest", "配送时间能不能早一点", Kind.SUGGESTION),
        ("／new", "许可证快到期了要延续", Kind.REQUEST),
    ],
)
async def test_words_after_a_draft_command_are_the_drafts_words(
    desk: Harness, command: str, words: str, kind: Kind
) -> None:
    await desk.registered_as(FARMER, "retailer")
    out = await desk.send(FARMER, f"{command} {words}")
    assert "请说明" not in texts(out) and "请描述" not in texts(out)
    out = await desk.press(FARMER, "f:next")
    assert words in texts(out)  # the summary to confirm holds them
    await desk.send(FARMER, "提交")
    [ticket] = await desk.tickets()
    assert ticket.kind is kind and ticket.text == words


async def test_words_after_a_typed_command_that_reads_none_are_not_dropped(
    desk: Harness,
) -> None:
    await desk.registered_as(FARMER, "retailer")
    out = await desk.send(FARMER, "、help 许可证到期了怎么延续")
    assert "要把这条消息作为" in texts(out)  # read as typed, as any other message


@pytest.mark.parametrize("words", ["算了", "你好"])
async def test_110_followed_by_words_that_are_no_alarm_pages_nobody(
    desk: Harness, words: str
) -> None:
    await desk.registered_as(FARMER, "farmer")
    await desk.send(FARMER, f"/110 {words}")
    assert await desk.tickets() == [] and not await _paged(desk)


@pytest.mark.parametrize("words", ["繁體", "语言", "简体"])
async def test_110_followed_by_a_scripts_name_asks_what_is_wrong(desk: Harness, words: str) -> None:
    await desk.registered_as(FARMER, "farmer")
    out = await desk.send(FARMER, f"、110 {words}")
    assert "请说明出了什么问题" in texts(out) or "請說明出了什麼問題" in texts(out)
    assert await desk.tickets() == [] and not await _paged(desk)


@pytest.mark.parametrize("words", ["算了", "我就问问，现在没事"])
async def test_110_with_words_of_no_alarm_in_a_draft_says_the_draft_was_not_submitted(
    desk: Harness, words: str
) -> None:
    await desk.send(FARMER, "/new")
    await desk.send(FARMER, "烤房温度怎么设置")
    out = await desk.send(FARMER, f"／110 {words}")
    assert "烤房温度怎么设置" in texts(out)  # named as not submitted, not dropped unsaid
    assert await desk.tickets() == [] and not await _paged(desk)


@pytest.mark.parametrize(
    "words",
    ["不要拖，烤房停电了", "没事吧？风机不转了", "不要拖，烤房停電了"],
)
async def test_110_with_a_fault_beside_a_no_word_raises_the_alarm_at_once(
    desk: Harness, words: str
) -> None:
    await desk.registered_as(FARMER, "farmer")
    out = await desk.send(FARMER, f"/110 {words}")
    assert "已报警" in texts(out) or "已報警" in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.kind is Kind.EMERGENCY and await _paged(desk)


async def test_a_fault_beside_a_no_word_at_what_is_wrong_raises_the_alarm(desk: Harness) -> None:
    await desk.press(FARMER, "m:110")  # 请说明出了什么问题
    out = await desk.send(FARMER, "不要拖，烤房停电了")
    assert "已报警" in texts(out) and await _paged(desk)


async def test_110_with_a_fault_beside_a_no_word_in_a_draft_takes_the_draft_along(
    desk: Harness,
) -> None:
    await desk.send(FARMER, "/new")
    await desk.send(FARMER, photo_file_id="barn-photo")
    await desk.send(FARMER, "烤房温度怎么设置")
    out = await desk.send(FARMER, "/110 不要拖，烤房停电了")
    assert "已报警" in texts(out) and "没有提交" not in texts(out)
    [ticket] = await desk.tickets()
    assert "烤房温度怎么设置" in ticket.text and "烤房停电了" in ticket.text
    async with desk.db.uow(read_only=True) as uow:
        kept = [a.file_id for a in await uow.attachments.of_ticket(ticket.id or 0)]
    assert kept == ["barn-photo"]


async def test_110_with_a_settled_fault_in_a_draft_is_asked_about_keeping_the_draft(
    desk: Harness,
) -> None:
    await desk.send(FARMER, "/new")
    await desk.send(FARMER, photo_file_id="barn-photo")
    await desk.send(FARMER, "烤房温度怎么设置")
    out = await desk.send(FARMER, "/110 上次停电的事已经修好了")
    assert "马上处理吗" in texts(out) and "没有提交" not in texts(out)
    assert await desk.tickets() == [] and not await _paged(desk)
    await desk.press(FARMER, "f:alarm:no")
    await desk.press(FARMER, "f:ok")
    [ticket] = await desk.tickets()
    assert not ticket.urgent and "烤房温度怎么设置" in ticket.text
    async with desk.db.uow(read_only=True) as uow:
        kept = [a.file_id for a in await uow.attachments.of_ticket(ticket.id or 0)]
    assert kept == ["barn-photo"]


@pytest.mark.parametrize(
    "words", ["不用来人，风机不转我自己修", "不急，风机不转了", "不要紧，温度降了一点"]
)
async def test_110_with_words_that_need_no_one_is_asked_about(desk: Harness, words: str) -> None:
    await desk.registered_as(FARMER, "farmer")
    out = await desk.send(FARMER, f"/110 {words}")
    assert "马上处理吗" in texts(out)
    assert await desk.tickets() == [] and not await _paged(desk)


@pytest.mark.parametrize(
    "words",
    [
        "烤房是不是停电了",
        "不是停电，是风机坏了",
        "不是停電，是風機壞了",
        "不要等到明天了，烤房停电了",
    ],
)
async def test_110_with_a_fault_asked_or_corrected_raises_the_alarm(
    desk: Harness, words: str
) -> None:
    await desk.registered_as(FARMER, "farmer")
    out = await desk.send(FARMER, f"/110 {words}")
    assert "已报警" in texts(out) or "已報警" in texts(out)
    assert await _paged(desk)


@pytest.mark.parametrize("words", ["不急，可以拖两天", "不是，拖拉机坏了", "不用，等不等都行"])
async def test_110_with_a_denial_that_drags_nothing_is_asked_about(
    desk: Harness, words: str
) -> None:
    await desk.registered_as(FARMER, "farmer")
    out = await desk.send(FARMER, f"/110 {words}")
    assert "马上处理吗" in texts(out) and not await _paged(desk)
