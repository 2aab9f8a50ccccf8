"""More requester paths: voice, /my actions, /lang, /cancel, expiry, empty and unsupported input."""

from __future__ import annotations

import pytest

from core.enums import Kind, Requester, Status
from routing import Decision, Router
from scheduler.sweep import sweep
from tests.support.desk import Harness, button_data, texts
from tests.support.tickets import FARMER, MEMBER

RETAILER = 100002
STAFF = 100003
TEAM_CHAT = -1001000000001


async def _request(desk: Harness, user: int, text: str) -> int:
    await desk.send(user, text)
    await desk.press(user, "f:ok")
    tickets = await desk.tickets()
    assert tickets[-1].id is not None
    return tickets[-1].id


async def test_voice_only_110_keeps_the_file_and_goes_to_the_sites_team(desk: Harness) -> None:
    out = await desk.send(FARMER, voice_file_id="voice-abc")
    assert "已报警" in texts(out)
    await desk.press(FARMER, "f:site:BS01")
    [ticket] = await desk.tickets()
    assert ticket.kind is Kind.EMERGENCY and ticket.team_id == "curing-baishi"
    voices = [r for r in await desk.outbox() if r.method == "send_voice"]
    assert voices and voices[0].payload["file_id"] == "voice-abc"


async def test_empty_message_changes_nothing(desk: Harness) -> None:
    out = await desk.send(FARMER, "   ")
    assert "内容是空的" in texts(out)
    assert await desk.tickets() == []


async def test_cancel_before_accept_and_not_after(desk: Harness) -> None:
    ticket_id = await _request(desk, RETAILER, "许可证到期了要怎么延续")
    out = await desk.press(RETAILER, f"my:v:{ticket_id}")
    assert f"my:x:{ticket_id}" in button_data(out)
    out = await desk.press(RETAILER, f"my:x:{ticket_id}")
    assert "确定撤回工单" in texts(out)  # asked first: a slip of the thumb undoes nothing
    assert button_data(out) == [f"my:xx:{ticket_id}", f"my:v:{ticket_id}"]
    [ticket] = await desk.tickets()
    assert ticket.status is Status.DISPATCHED
    before = {r.id for r in await desk.outbox()}
    out = await desk.press(RETAILER, f"my:xx:{ticket_id}")
    assert "已撤回" in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.status is Status.CANCELLED
    # The team hears of it, and its card no longer offers 接单.
    told = [r for r in await desk.outbox() if r.id not in before]
    assert any("已由报告人撤回" in r.payload.get("text", "") for r in told)
    [edit] = [r for r in told if r.method == "edit_message"]
    assert edit.chat_id == ticket_team_chat(desk, ticket.team_id)
    assert "buttons" not in edit.payload
    out = await desk.press(RETAILER, f"my:x:{ticket_id}")
    assert "不能这样操作" in texts(out)


@pytest.mark.parametrize("typed", ["是", "確定", "撤回", "对的"])
async def test_a_yes_typed_alone_to_the_withdrawal_asked_withdraws(
    desk: Harness, typed: str
) -> None:
    """Typed in place of 「确定撤回」: withdrawn, not offered as a request of its own."""
    ticket_id = await desk.file_110(FARMER)
    await desk.press(FARMER, f"my:x:{ticket_id}")
    out = await desk.send(FARMER, typed)
    assert "已撤回" in texts(out) and "要把这条消息" not in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.status is Status.CANCELLED


@pytest.mark.parametrize("typed", ["否", "不撤回", "不是"])
async def test_a_no_typed_alone_to_the_withdrawal_asked_keeps_the_ticket(
    desk: Harness, typed: str
) -> None:
    """Typed in place of 「不撤回」: the ticket is shown, still being worked on, and nothing
    reaches its team."""
    ticket = await desk.file_request(RETAILER, "订货系统登录不上")
    await desk.press(RETAILER, f"my:x:{ticket.id}")
    told = len(await desk.outbox())
    out = await desk.send(RETAILER, typed)
    assert "待接单" in texts(out) and "要把这条消息" not in texts(out)
    assert len(await desk.outbox()) == told
    assert [t.status for t in await desk.tickets()] == [Status.DISPATCHED]
    out = await desk.send(RETAILER, "是")  # the question was answered: 是 is not its yes
    assert [t.status for t in await desk.tickets()] == [Status.DISPATCHED]


async def test_the_withdrawal_asked_and_left_unanswered_ends_without_a_word(
    desk: Harness,
) -> None:
    """Nothing was started that must be started again: no 上一次的操作已超时 hours later."""
    ticket = await desk.file_request(RETAILER, "订货系统登录不上")
    await desk.press(RETAILER, f"my:x:{ticket.id}")
    desk.clock.advance(hours=3)
    out = await desk.send(RETAILER, "是")
    assert "超时" not in texts(out)
    assert [t.status for t in await desk.tickets()] == [Status.DISPATCHED]


async def test_withdrawing_a_110_call_asks_first(desk: Harness) -> None:
    ticket_id = await desk.file_110(FARMER)
    out = await desk.press(FARMER, f"my:x:{ticket_id}")
    assert "确定撤回报警" in texts(out)
    assert button_data(out) == [f"my:xx:{ticket_id}", f"my:v:{ticket_id}"]
    [ticket] = await desk.tickets()
    assert ticket.status is Status.DISPATCHED  # nothing happens on the first tap
    await desk.press(FARMER, f"my:v:{ticket_id}")  # 不撤回: the ticket is shown again
    [ticket] = await desk.tickets()
    assert ticket.status is Status.DISPATCHED
    out = await desk.press(FARMER, f"my:xx:{ticket_id}")
    assert "已撤回" in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.status is Status.CANCELLED


def ticket_team_chat(desk: Harness, team_id: str) -> int | None:
    return desk.cfg.team(team_id).chat_id


async def test_someone_elses_ticket_is_invisible(desk: Harness) -> None:
    ticket_id = await _request(desk, RETAILER, "订货系统打不开")
    out = await desk.press(FARMER, f"my:v:{ticket_id}")
    assert "找不到这个工单" in texts(out)


async def test_add_information_reaches_the_team(desk: Harness) -> None:
    ticket_id = await _request(desk, RETAILER, "送来的烟少了两条")
    await desk.press(RETAILER, f"my:add:{ticket_id}")
    out = await desk.send(RETAILER, "是昨天下午送的那批", photo_file_id="p1")
    assert "已补充到工单" in texts(out)
    rows = await desk.outbox()
    assert any("昨天下午" in r.payload.get("text", "") for r in rows)
    assert any(r.method == "send_photo" and r.payload["file_id"] == "p1" for r in rows)


async def test_wish_is_for_staff_only(desk: Harness) -> None:
    out = await desk.send(FARMER, "/wish")
    assert "仅对本局职工开放" in texts(out)
    await desk.send(STAFF, "/start")
    await desk.press(STAFF, "f:kind:staff")
    out = await desk.send(STAFF, "/wish")
    assert "心愿" in texts(out)
    await desk.send(STAFF, "希望食堂晚上也能供应热饭")
    await desk.press(STAFF, "f:next")
    await desk.press(STAFF, "f:ok")
    [ticket] = await desk.tickets()
    assert ticket.kind is Kind.WISH and ticket.line == "staff"


@pytest.mark.parametrize("how", ["typed", "/new"])
async def test_a_staff_members_request_to_the_staff_line_is_a_wish(desk: Harness, how: str) -> None:
    """希望单位组织一次体检 says no 心愿, yet it is one: it goes on the wish list."""
    await desk.send(STAFF, "/start")
    await desk.press(STAFF, "f:kind:staff")
    await desk.send(STAFF, "/cancel")  # the rest of registration can wait
    if how == "/new":
        await desk.send(STAFF, "/new")
        await desk.send(STAFF, "希望单位组织一次体检")
        out = await desk.press(STAFF, "f:next")
    else:
        out = await desk.send(STAFF, "希望单位组织一次体检")
    assert "类别：心愿" in texts(out)
    await desk.press(STAFF, "f:ok")
    [ticket] = await desk.tickets()
    assert ticket.kind is Kind.WISH and ticket.line == "staff"


async def test_a_farmers_request_to_the_staff_line_is_no_wish(desk: Harness) -> None:
    await desk.file_request(FARMER, "希望单位组织一次体检")
    [ticket] = await desk.tickets()
    assert ticket.kind is Kind.REQUEST


async def test_lang_switches_and_sticks(desk: Harness) -> None:
    await desk.press(FARMER, "lang:hant")
    out = await desk.send(FARMER, "/help")
    assert "烤房緊急故障" in texts(out)
    out = await desk.send(FARMER, "/my")
    assert "您還沒有工單" in texts(out)


async def test_telegram_language_code_picks_traditional(desk: Harness) -> None:
    out = await desk.send(RETAILER, "/help", language_code="zh-hk")
    assert "緊急" in texts(out)


async def test_cancel_leaves_the_conversation(desk: Harness) -> None:
    await desk.send(RETAILER, "/new")
    out = await desk.send(RETAILER, "/cancel")
    assert "已退出" in texts(out)
    out = await desk.press(RETAILER, "f:ok")
    assert "失效" in texts(out)
    assert await desk.tickets() == []


async def test_abandoned_conversation_expires(desk: Harness) -> None:
    await desk.send(RETAILER, "/new")
    desk.clock.advance(hours=3)
    out = await desk.send(RETAILER, "订货系统打不开")
    assert "已超时" in texts(out)
    assert "请确认" in texts(out)  # the text starts a fresh request instead


async def test_a_ticket_closed_for_want_of_an_answer_is_not_shown_as_crossed_off(
    desk: Harness,
) -> None:
    await desk.expired_110(FARMER, MEMBER, -1001000000001)
    out = await desk.send(FARMER, "/my")
    listing = " ".join(b.text for r in out.replies for row in r.buttons for b in row)
    assert "未补充，已关闭" in listing and "已销号" not in listing


async def test_a_staff_members_wish_typed_as_a_message_goes_on_the_wish_list(
    desk: Harness,
) -> None:
    await desk.send(STAFF, "/start")
    await desk.press(STAFF, "f:kind:staff")
    await desk.send(STAFF, "/cancel")  # the rest of registration can wait
    out = await desk.send(STAFF, "我的心愿是单位能组织一次体检")
    assert "心愿" in texts(out).split("\n", 1)[0]
    await desk.press(STAFF, "f:ok")
    [ticket] = await desk.tickets()
    assert ticket.kind is Kind.WISH and ticket.line == "staff"


async def test_a_farmers_wish_words_stay_a_request(desk: Harness) -> None:
    await desk.send(FARMER, "我的心愿是今年烟叶能卖个好价钱")
    await desk.press(FARMER, "f:ok")
    [ticket] = await desk.tickets()
    assert ticket.kind is Kind.REQUEST


async def test_a_ticket_closed_unanswered_is_taken_up_again_not_called_unsolved(
    desk: Harness,
) -> None:
    ticket_id = await desk.file_110(FARMER)
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)
    await desk.press(MEMBER, f"tk:ask:{ticket_id}", chat=TEAM_CHAT)
    await desk.send(MEMBER, "烤房是几号房？", chat=TEAM_CHAT)
    for _ in range(2):  # the farmer never answers: closed after the wait
        desk.clock.advance(hours=49)
        await sweep(desk.db, desk.cfg, desk.clock())
    [ticket] = await desk.tickets()
    assert ticket.status is Status.CLOSED and ticket.resolved_at is None
    out = await desk.press(FARMER, f"my:v:{ticket_id}")
    labels = " ".join(b.text for r in out.replies for row in r.buttons for b in row)
    assert "重新办理" in labels and "没解决" not in labels
    out = await desk.press(FARMER, f"my:bad:{ticket_id}")
    assert "重新转给服务队" in texts(out)


class _BrokenRouter(Router):
    def route(
        self,
        text: str,
        *,
        area: str | None = None,
        site: str | None = None,
        barn: bool = True,
        alarm: bool = True,
        requester: Requester | None = None,
    ) -> Decision:
        raise RuntimeError("keyword tables unreadable")


async def test_an_apology_for_a_button_comes_in_the_persons_script(desk: Harness) -> None:
    await desk.send(RETAILER, "/new", language_code="zh-hk")
    await desk.send(RETAILER, "訂貨系統登不上去", language_code="zh-hk")
    desk.desk.svc.router = _BrokenRouter(desk.cfg)
    out = await desk.send(
        RETAILER, callback_data="f:next", callback_message_id=1, language_code="zh-hk"
    )
    assert (
        texts(out).strip()
        == "系統繁忙，剛才的操作沒有成功，請稍後再試。烘烤緊急情況可再發一次 /110。"
    )


async def test_an_apology_comes_in_the_script_the_person_chose(desk: Harness) -> None:
    """Their Telegram is in Simplified, but they chose 繁體 with /lang: a step that fails
    says so in 繁體, also for a press, which has no words to tell the script by."""
    await desk.send(RETAILER, "/lang", language_code="zh-hans")
    await desk.press(RETAILER, "lang:hant")
    await desk.send(RETAILER, "/new", language_code="zh-hans")
    await desk.send(RETAILER, "订货系统登不上去", language_code="zh-hans")
    desk.desk.svc.router = _BrokenRouter(desk.cfg)
    out = await desk.send(
        RETAILER, callback_data="f:next", callback_message_id=1, language_code="zh-hans"
    )
    assert texts(out).strip().startswith("系統繁忙")


async def test_an_apology_in_a_teams_group_comes_in_simplified(desk: Harness) -> None:
    """A step that fails in a team's group is answered there in Simplified, as the group's
    other replies are, though the member wrote in 繁體 and their Telegram is in it."""
    out = await desk.send(
        MEMBER, "烤房溫度降不下來，怎麼辦", chat=TEAM_CHAT, language_code="zh-hk", anonymous=True
    )
    assert texts(out).strip().startswith("您是以群组"), texts(out)


async def test_a_farmer_who_confirms_after_the_auto_close_can_still_rate(desk: Harness) -> None:
    ticket_id = await desk.resolved_110(FARMER, MEMBER, TEAM_CHAT)
    for _ in range(2):  # the farmer does not confirm: 销号 without reply after the wait
        desk.clock.advance(hours=49)
        await sweep(desk.db, desk.cfg, desk.clock())
    [ticket] = await desk.tickets()
    assert ticket.status is Status.CLOSED and ticket.closed_without_reply
    # 「已解决，评价」 on the notice they had not answered yet: the score is still welcome.
    out = await desk.press(FARMER, f"my:ok:{ticket_id}")
    assert f"my:r:{ticket_id}:5" in button_data(out) and "不能" not in texts(out)
    out = await desk.press(FARMER, f"my:r:{ticket_id}:5")
    assert "谢谢" in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.status is Status.CLOSED and ticket.rating == 5
    out = await desk.press(FARMER, f"my:r:{ticket_id}:1")  # rated once only
    [ticket] = await desk.tickets()
    assert ticket.rating == 5
    assert f"工单 {ticket.label} 已经评过 5 分了" in texts(out) and "不能" not in texts(out)


async def test_the_team_card_shows_the_score_and_what_the_farmer_said(desk: Harness) -> None:
    ticket_id = await desk.resolved_110(FARMER, MEMBER, TEAM_CHAT)
    await desk.press(FARMER, f"my:ok:{ticket_id}")
    await desk.press(FARMER, f"my:r:{ticket_id}:4")
    await desk.send(FARMER, "师傅来得很快，就是电话不好打通")
    edits = [r for r in await desk.outbox() if r.purpose == "card_edit"]
    latest = {r.chat_id: str(r.payload.get("text")) for r in edits}
    assert "评价：★★★★☆　师傅来得很快，就是电话不好打通" in latest[TEAM_CHAT]


async def test_an_edited_message_is_answered_with_how_to_correct_and_changes_nothing(
    desk: Harness,
) -> None:
    ticket = await desk.file_request(RETAILER, "许可证到期了要怎么延续")
    await desk.send(RETAILER, "/new")
    await desk.send(RETAILER, "订货系统登不上")
    outbox_before = len(await desk.outbox())
    out = await desk.send(RETAILER, "許可證到期了要怎麼延續？", edited=True)
    assert "改過的消息不會改動已經記下的內容" in texts(out)  # in the script they wrote in
    assert "/my" in texts(out)
    [kept] = await desk.tickets()
    assert kept.text == ticket.text == "许可证到期了要怎么延续"
    assert len(await desk.outbox()) == outbox_before  # the team is not told anything
    # The conversation under way goes on where it was: its 下一步 still files the draft.
    await desk.press(RETAILER, "f:next")
    await desk.press(RETAILER, "f:ok")
    assert [t.text for t in await desk.tickets()][-1] == "订货系统登不上"


async def test_an_edited_message_in_the_team_chat_gets_no_reply(desk: Harness) -> None:
    out = await desk.send(MEMBER, "明天上午到", chat=TEAM_CHAT, edited=True)
    assert out.replies == [] and not out.duplicate
