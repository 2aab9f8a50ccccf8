"""A request's draft, and ➕ 补充, answered as an old farmer would: 算了, 取消 or 返回 typed
instead of /cancel leaves it (nothing filed, nothing sent to a team), and 是 typed at
"没有的话点「下一步」" is nothing more to add, not words of the request."""

from __future__ import annotations

import pytest

from routing import to_simplified
from tests.support.desk import Harness, button_data, texts
from tests.support.tickets import FARMER

RETAILER = 100002
DELIVERY_CHAT = -1001000000014
DELIVERY_MEMBER = 200071


@pytest.mark.parametrize("typed", ["算了", "取消", "返回", "不要了"])
async def test_called_off_for_the_description_files_nothing(desk: Harness, typed: str) -> None:
    await desk.registered_as(FARMER, "farmer")
    await desk.send(FARMER, "/new")
    out = await desk.send(FARMER, typed)
    assert "没有提交" in texts(out) and "m:new" in button_data(out)
    out = await desk.send(FARMER, "下一步")  # the draft is gone: no summary comes
    assert "请确认" not in texts(out)
    assert await desk.tickets() == []


async def test_called_off_after_the_description_files_nothing(desk: Harness) -> None:
    await desk.registered_as(FARMER, "farmer")
    await desk.send(FARMER, "/complain")
    await desk.send(FARMER, "收购站压级")
    out = await desk.send(FARMER, "算了")
    assert "没有提交" in texts(out) and "已补充到描述里" not in texts(out)
    assert await desk.tickets() == []
    # The 📍 keyboard of 「下一步」 is taken away, and the menu comes on a message of its own.
    assert out.replies[0].keyboard == "remove" and not out.replies[0].buttons
    assert "m:new" in button_data(out) and out.replies[-1].keyboard is None


async def test_back_typed_at_the_summary_files_nothing(desk: Harness) -> None:
    await desk.registered_as(FARMER, "farmer")
    await desk.send(FARMER, "/new")
    await desk.send(FARMER, "我想问一下补贴什么时候发")
    await desk.send(FARMER, "下一步")
    out = await desk.send(FARMER, "返回")
    assert "没有提交" in texts(out) and "请确认" not in texts(out)
    assert await desk.tickets() == []


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("算了不订了", "没有提交"),
        ("算了不訂了", "沒有提交"),
        ("不要了，谢谢", "没有提交"),
        ("不要了，謝謝", "沒有提交"),
        ("还是算了吧", "没有提交"),
    ],
)
async def test_called_off_in_a_few_words_at_the_summary_files_nothing(
    desk: Harness, typed: str, said: str
) -> None:
    """A retailer's order shown for 提交 (typed without /new, or after it), called off in
    more words than 算了: the draft is dropped, not added to (已补充) and filed with them."""
    await desk.registered_as(RETAILER, "retailer")
    summary = await desk.send(RETAILER, "我想订10条中华")
    assert "请确认" in texts(summary)
    out = await desk.send(RETAILER, typed)
    assert said in texts(out) and "已补充" not in texts(out) and "已補充" not in texts(out)
    assert "m:new" in button_data(out)
    await desk.send(RETAILER, "提交")  # the draft is gone: nothing to submit
    assert await desk.tickets() == []


@pytest.mark.parametrize("typed", ["算了不订了", "不要了，謝謝"])
async def test_called_off_in_a_few_words_for_the_description_files_nothing(
    desk: Harness, typed: str
) -> None:
    await desk.registered_as(RETAILER, "retailer")
    await desk.send(RETAILER, "/new")
    out = await desk.send(RETAILER, typed)
    assert "提交" in to_simplified(texts(out)) and "m:new" in button_data(out)
    out = await desk.send(RETAILER, "下一步")
    assert "请确认" not in to_simplified(texts(out))
    assert await desk.tickets() == []


@pytest.mark.parametrize("typed", ["不用了，谢谢", "不用了，謝謝", "沒有了", "不要了，谢谢"])
async def test_no_more_thanks_where_more_is_asked_brings_the_summary(
    desk: Harness, typed: str
) -> None:
    """There 不用了，谢谢 says there is nothing more to add: the draft is kept as it was,
    not called off, and the words are not added to it."""
    await desk.registered_as(FARMER, "farmer")
    await desk.send(FARMER, "/new")
    await desk.send(FARMER, "我想问一下补贴什么时候发")
    assert "确认" in to_simplified(texts(await desk.send(FARMER, typed)))
    await desk.press(FARMER, "f:ok")
    [ticket] = await desk.tickets()
    assert ticket.text == "我想问一下补贴什么时候发"


@pytest.mark.parametrize("typed", ["算了不订了", "还是算了吧", "我不买了"])
async def test_called_off_where_more_is_asked_files_nothing(desk: Harness, typed: str) -> None:
    await desk.registered_as(RETAILER, "retailer")
    await desk.send(RETAILER, "/new")
    await desk.send(RETAILER, "我想订10条中华")
    out = to_simplified(texts(await desk.send(RETAILER, typed)))
    assert "已取消" in out and "已补充" not in out
    assert await desk.tickets() == []


@pytest.mark.parametrize("typed", ["是", "对", "嗯", "提交", "确认"])
async def test_yes_typed_for_more_is_nothing_more_not_words_of_the_request(
    desk: Harness, typed: str
) -> None:
    await desk.registered_as(FARMER, "farmer")
    await desk.send(FARMER, "/new")
    await desk.send(FARMER, "我想问一下补贴什么时候发")
    out = await desk.send(FARMER, typed)
    assert "请确认" in texts(out)
    await desk.press(FARMER, "f:ok")
    [ticket] = await desk.tickets()
    assert ticket.text == "我想问一下补贴什么时候发"


async def test_called_off_at_add_info_sends_nothing_to_the_team(desk: Harness) -> None:
    ticket = await desk.file_request(RETAILER, "今天送货的少了两条烟")
    assert ticket.id is not None
    await desk.press(DELIVERY_MEMBER, f"tk:acc:{ticket.id}", chat=DELIVERY_CHAT)
    await desk.press(RETAILER, f"my:add:{ticket.id}")
    outbox_before = len(await desk.outbox())
    out = await desk.send(RETAILER, "算了")
    assert "没有补充什么" in texts(out)
    assert "info" not in await desk.actions(ticket.id)
    assert len(await desk.outbox()) == outbox_before


@pytest.mark.parametrize("typed", ["下一步", "跳过", "算了"])
async def test_a_prompts_button_typed_when_no_prompt_waits_is_not_offered_as_a_request(
    desk: Harness, typed: str
) -> None:
    await desk.registered_as(FARMER, "farmer")
    out = await desk.send(FARMER, typed)
    assert "没有等您确认或选择的内容" in texts(out) and "m:new" in button_data(out)
    assert "要把这条消息作为" not in texts(out)


async def test_start_tapped_in_a_draft_says_the_draft_was_not_submitted(desk: Harness) -> None:
    await desk.registered_as(FARMER, "farmer")
    await desk.send(FARMER, "/new")
    await desk.send(FARMER, "我想问一下补贴什么时候发")
    out = await desk.send(FARMER, "/start")
    assert "「我想问一下补贴什么时候发」还没有提交" in texts(out)
    assert "m:new" in button_data(out)  # and the welcome, as /start always gives
    assert await desk.tickets() == []


async def test_a_draft_left_is_quoted_as_written_to_a_reader_of_traditional(
    desk: Harness,
) -> None:
    await desk.send(RETAILER, "/start", language_code="zh-hant")
    await desk.send(RETAILER, "/cancel")
    await desk.send(RETAILER, "/new")
    await desk.send(RETAILER, "这周的货什么时候送")  # typed in Simplified
    await desk.send(RETAILER, "/lang")
    await desk.press(RETAILER, "lang:hant")
    out = await desk.send(RETAILER, "/new")
    assert "「这周的货什么时候送」還沒有提交，已放下" in texts(out)


@pytest.mark.parametrize("command", ["/lang", "/help"])
async def test_lang_or_help_in_a_draft_leaves_the_draft_going_on(
    desk: Harness, command: str
) -> None:
    await desk.registered_as(FARMER, "farmer")
    await desk.send(FARMER, "/new")
    await desk.send(FARMER, "我想问一下补贴什么时候发")
    out = await desk.send(FARMER, command)
    assert "已放下" not in texts(out)
    out = await desk.send(FARMER, "下一步")
    assert "请确认" in texts(out) and "我想问一下补贴什么时候发" in texts(out)


async def test_a_command_leaving_no_draft_says_nothing_of_one(desk: Harness) -> None:
    await desk.registered_as(FARMER, "farmer")
    await desk.send(FARMER, "/new")
    out = await desk.send(FARMER, "/my")
    assert "还没有提交" not in texts(out)


async def test_a_menu_button_pressed_in_a_draft_says_the_draft_was_not_submitted(
    desk: Harness,
) -> None:
    await desk.registered_as(FARMER, "farmer")
    await desk.send(FARMER, "许可证到期了怎么延续")  # offered as a request, at its summary
    out = await desk.press(FARMER, "m:complain")
    assert "「许可证到期了怎么延续」还没有提交" in texts(out)
    assert "请说明投诉的事情" in texts(out)


async def test_start_tapped_at_the_alarm_question_says_the_words_were_not_submitted(
    desk: Harness,
) -> None:
    await desk.registered_as(FARMER, "farmer")
    out = await desk.send(FARMER, "明天停电检修，要提前准备啥")
    assert "f:alarm:yes" in button_data(out)  # asked before anyone is paged
    out = await desk.send(FARMER, "/start")
    assert "「明天停电检修，要提前准备啥」还没有提交" in texts(out)
    assert await desk.tickets() == []


@pytest.mark.parametrize(
    ("command", "typed"),
    [
        ("/complain", "不投诉了"),
        ("/complain", "撤回"),
        ("/suggest", "不提了"),
        ("/suggest", "我要撤回"),
    ],
)
async def test_a_complaint_or_suggestion_taken_back_for_its_description_files_nothing(
    desk: Harness, command: str, typed: str
) -> None:
    await desk.registered_as(RETAILER, "retailer")
    await desk.send(RETAILER, command)
    out = to_simplified(texts(await desk.send(RETAILER, typed)))
    assert "没有提交" in out and "下一步" not in out
    out = to_simplified(texts(await desk.send(RETAILER, "下一步")))
    assert "请确认" not in out
    assert await desk.tickets() == []


@pytest.mark.parametrize("typed", ["撤回", "撤回吧", "还是不投诉了", "撤銷"])
async def test_a_complaint_taken_back_at_its_summary_is_not_added_to_it(
    desk: Harness, typed: str
) -> None:
    await desk.registered_as(RETAILER, "retailer")
    await desk.send(RETAILER, "/complain")
    await desk.send(RETAILER, "送货员小王态度差")
    assert "请确认" in texts(await desk.send(RETAILER, "下一步"))
    out = to_simplified(texts(await desk.send(RETAILER, typed)))
    assert "没有提交" in out and "已补充" not in out
    await desk.send(RETAILER, "提交")  # the draft is gone: nothing to submit
    assert await desk.tickets() == []
