"""A verdict sent as Telegram's reply to a ticket's resolution notice while the requester is
half-way through a new draft: it judges that ticket, as it does outside a draft, and the
draft stays where it was, instead of the verdict joining a request it is not about."""

from __future__ import annotations

import pytest

from bot.outbox import SimulatedClock
from bot.outbox.recorder import SentRecorder
from core.enums import Kind, Status
from core.lifecycle import RESOLUTION_NOTICE
from handlers.replies import Outcome
from tests.support.desk import Harness, button_actions, button_data, texts
from tests.support.tickets import FARMER, MEMBER, OTHER_MEMBER

TEAM_CHAT = -1001000000001
NOTICE_MESSAGE = 7002
DRAFT = "我家烤烟的收购价格是多少"


async def _resolved_with_its_notice(desk: Harness) -> int:
    """A 110 call resolved, its resolution notice delivered as NOTICE_MESSAGE; its id."""
    ticket_id = await desk.resolved_110(FARMER, MEMBER, TEAM_CHAT)
    recorder = SentRecorder(desk.db.uow, SimulatedClock(desk.clock()))
    [notice] = [r for r in await desk.outbox() if r.purpose == RESOLUTION_NOTICE]
    await recorder.record(notice, NOTICE_MESSAGE)
    return ticket_id


async def _resolved_request_with_its_notice(desk: Harness) -> int:
    """A curing request (no 110 call) resolved, its notice delivered as NOTICE_MESSAGE."""
    request = await desk.file_request(FARMER, "烤房的温控器显示不准，想请技术员来看看")
    assert request.kind is Kind.REQUEST and request.team_id == "curing-qingshan"
    assert request.id is not None
    await desk.press(MEMBER, f"tk:acc:{request.id}", chat=TEAM_CHAT)
    await desk.press(MEMBER, f"tk:res:{request.id}", chat=TEAM_CHAT)
    await desk.send(MEMBER, "已更换温控器探头，显示正常", chat=TEAM_CHAT)
    recorder = SentRecorder(desk.db.uow, SimulatedClock(desk.clock()))
    [notice] = [r for r in await desk.outbox() if r.purpose == RESOLUTION_NOTICE]
    await recorder.record(notice, NOTICE_MESSAGE)
    return request.id


async def test_not_solved_replied_to_the_notice_mid_draft_sends_that_ticket_back(
    desk: Harness,
) -> None:
    """Before: 还没解决 was added to the draft (已补充), the ticket left resolved."""
    ticket_id = await _resolved_with_its_notice(desk)
    await desk.send(FARMER, DRAFT)

    out = texts(await desk.send(FARMER, "还没解决", reply_to=NOTICE_MESSAGE))

    assert "已重新派给" in out and "已补充" not in out
    assert f"「{DRAFT}」还没有提交" in out  # the draft is named, still going on
    [back] = await desk.tickets()
    assert back.id == ticket_id and back.status is Status.DISPATCHED
    await desk.press(FARMER, "f:ok")
    _, filed = await desk.tickets()
    assert filed.text == DRAFT


async def test_not_solved_replied_to_a_rated_tickets_notice_mid_draft_is_about_it(
    desk: Harness,
) -> None:
    """Before: 还没解决 replied to the notice of a ticket rated low was added to the draft."""
    ticket_id = await _resolved_with_its_notice(desk)
    await desk.press(FARMER, f"my:r:{ticket_id}:2")
    await desk.press(FARMER, "f:skip")
    await desk.send(FARMER, DRAFT)

    out = texts(await desk.send(FARMER, "还没解决", reply_to=NOTICE_MESSAGE))

    assert "不能再退回" in out and "已请负责人回访您" in out and "已补充" not in out
    assert f"「{DRAFT}」还没有提交" in out
    await desk.press(FARMER, "f:ok")
    rated, filed = await desk.tickets()
    assert rated.status is Status.CLOSED and filed.text == DRAFT


async def test_a_score_replied_to_the_notice_mid_draft_says_the_draft_is_left(
    desk: Harness,
) -> None:
    """A verdict that asks something of its own (the comment after the score) is answered
    next: the draft is said to be left unsubmitted, never dropped without a word."""
    ticket_id = await _resolved_with_its_notice(desk)
    await desk.send(FARMER, DRAFT)

    out = texts(await desk.send(FARMER, "5", reply_to=NOTICE_MESSAGE))

    assert "还有什么想说的吗" in out and f"「{DRAFT}」还没有提交，已放下" in out
    [rated] = await desk.tickets()
    assert rated.id == ticket_id and rated.rating == 5


async def test_other_words_replied_to_the_notice_mid_draft_stay_the_drafts(
    desk: Harness,
) -> None:
    """Words that are no verdict on the ticket (more of the request) are the draft's."""
    await _resolved_with_its_notice(desk)
    await desk.send(FARMER, DRAFT)

    out = texts(await desk.send(FARMER, "是上等烟的价格", reply_to=NOTICE_MESSAGE))

    assert "已补充" in out
    [resolved] = await desk.tickets()
    assert resolved.status is Status.RESOLVED


async def test_the_notices_solved_button_pressed_mid_draft_says_the_draft_is_left(
    desk: Harness,
) -> None:
    """Before: 「✅ 已解决，评价」 on an old notice asked for the score and dropped the draft
    without a word."""
    ticket_id = await _resolved_with_its_notice(desk)
    await desk.send(FARMER, DRAFT)

    out = texts(await desk.press(FARMER, f"my:ok:{ticket_id}"))

    assert f"「{DRAFT}」还没有提交，已放下" in out, out


async def test_the_notices_view_button_pressed_mid_draft_keeps_the_draft(desk: Harness) -> None:
    """A look at another ticket (查看) asks nothing: the draft goes on and can be filed."""
    ticket_id = await _resolved_with_its_notice(desk)
    await desk.send(FARMER, DRAFT)

    out = texts(await desk.press(FARMER, f"my:v:{ticket_id}"))

    assert f"「{DRAFT}」还没有提交" in out and "已放下" not in out, out
    await desk.press(FARMER, "f:ok")
    _, filed = await desk.tickets()
    assert filed.text == DRAFT


async def test_a_barn_failing_replied_to_a_requests_notice_mid_draft_raises_the_alarm(
    desk: Harness,
) -> None:
    """Before: 是说问题还没解决吗？ about the old request, the draft left, nobody paged until
    a button was pressed. A barn failing now is an alarm, with what the draft held."""
    request_id = await _resolved_request_with_its_notice(desk)
    await desk.send(FARMER, DRAFT)

    out = texts(await desk.send(FARMER, "烤房又停电了，温度一直往下掉", reply_to=NOTICE_MESSAGE))

    assert "已报警" in out and "是说问题还没解决吗" not in out, out
    request, alarm = await desk.tickets()
    assert request.id == request_id and request.status is Status.RESOLVED
    assert alarm.kind is Kind.EMERGENCY and alarm.urgent
    assert "烤房又停电了" in alarm.text and DRAFT in alarm.text
    assert any(r.priority == 0 for r in await desk.outbox())  # the team is paged


async def test_a_past_failing_replied_to_a_requests_notice_mid_draft_is_judged(
    desk: Harness,
) -> None:
    """Words that say the emergency is past are no alarm: a verdict on the request."""
    request_id = await _resolved_request_with_its_notice(desk)
    await desk.send(FARMER, DRAFT)

    out = texts(await desk.send(FARMER, "上次停电以后还是没解决", reply_to=NOTICE_MESSAGE))

    assert "已重新派给" in out and "已报警" not in out and f"「{DRAFT}」还没有提交" in out, out
    [back] = await desk.tickets()
    assert back.id == request_id and back.status is Status.DISPATCHED


async def test_a_barn_failing_replied_to_a_calls_notice_mid_draft_pages_the_call_back(
    desk: Harness,
) -> None:
    """The same barn failing again after its 110 call was resolved sends that call back,
    and the member on duty is paged with it as urgently as for a new alarm: the card and
    what the farmer said, first in the queue, on a fresh deadline to accept."""
    await desk.send(OTHER_MEMBER, "/duty on", chat=TEAM_CHAT)
    ticket_id = await _resolved_with_its_notice(desk)
    desk.clock.advance(hours=3)  # the call's first deadlines long past
    await desk.send(FARMER, DRAFT)
    before = max(r.id or 0 for r in await desk.outbox())

    typed = "烤房又停电了，温度一直往下掉"
    out = texts(await desk.send(FARMER, typed, reply_to=NOTICE_MESSAGE))

    assert "已重新派给" in out and f"「{DRAFT}」还没有提交" in out, out
    [back] = await desk.tickets()
    assert back.id == ticket_id and back.status is Status.DISPATCHED and back.urgent
    assert back.accept_due_at is not None and back.accept_due_at > desk.clock()
    paged = [r for r in await desk.outbox() if (r.id or 0) > before and r.chat_id == OTHER_MEMBER]
    assert {r.purpose for r in paged} >= {"card"} and all(r.priority == 0 for r in paged)
    assert any(typed in str(r.payload.get("text", "")) for r in paged)


def _pressed(out: Outcome, start: str) -> str:
    [data] = [d for d in button_data(out) if d.startswith(start)]
    return data


RETAILER, DELIVERY_CHAT, DELIVERY_MEMBER = 100002, -1001000000014, 200071


async def _summary_open_then_resolved(desk: Harness) -> int:
    """The retailer's delivery, accepted; 少了两条 typed, its summary open (➕ 补充 beside
    提交); then the team resolves the delivery. Its id."""
    ticket = await desk.file_request(RETAILER, "今天送货少送了两条中华")
    assert ticket.id is not None
    await desk.press(DELIVERY_MEMBER, f"tk:acc:{ticket.id}", chat=DELIVERY_CHAT)
    desk.clock.advance(minutes=20)  # a draft's id is when it began: the next one's differs
    assert "f:add" in button_actions(await desk.send(RETAILER, "少了两条"))
    await desk.press(DELIVERY_MEMBER, f"tk:res:{ticket.id}", chat=DELIVERY_CHAT)
    await desk.send(DELIVERY_MEMBER, "已补送两条", chat=DELIVERY_CHAT)
    return ticket.id


@pytest.mark.parametrize(
    ("typed", "verdict"),
    [("好了", "my:ok"), ("满意", "my:ok"), ("解决了", "my:ok"), ("没解决", "my:bad")],
)
async def test_a_verdict_word_typed_mid_draft_asks_if_it_is_the_drafts_or_the_tickets(
    desk: Harness, typed: str, verdict: str
) -> None:
    """Before: 好了 or 满意 joined the draft (内容：少了两条 / 好了), the ticket left
    unjudged. Now which is meant is asked: the ticket's verdict, or words of the draft."""
    ticket_id = await _summary_open_then_resolved(desk)

    out = await desk.send(RETAILER, typed)

    said = texts(out)
    assert "已补充" not in said and "内容：" not in said, said
    assert "您正在写的「少了两条」还没有提交" in said and "工单 10019" in said
    assert f"“{typed}”" in said
    assert _pressed(out, "my:") == f"{verdict}:{ticket_id}"
    assert _pressed(out, "f:keep:")
    [resolved] = await desk.tickets()
    assert resolved.status is Status.RESOLVED  # nothing judged until a press


async def test_the_drafts_button_adds_the_verdict_word_to_the_draft(desk: Harness) -> None:
    await _summary_open_then_resolved(desk)
    asked = await desk.send(RETAILER, "满意")

    out = await desk.press(RETAILER, _pressed(asked, "f:keep:"))

    assert "已补充" in texts(out) and "内容：少了两条\n满意" in texts(out), texts(out)
    await desk.press(RETAILER, "f:ok")
    resolved, filed = await desk.tickets()
    assert resolved.status is Status.RESOLVED and filed.text == "少了两条\n满意"


async def test_the_tickets_button_judges_it_and_says_the_draft_is_left(desk: Harness) -> None:
    ticket_id = await _summary_open_then_resolved(desk)
    asked = await desk.send(RETAILER, "好了")

    out = await desk.press(RETAILER, _pressed(asked, "my:"))

    said = texts(out)
    assert "1-5" in said or "评分" in said or "打分" in said, said
    assert "「少了两条」还没有提交，已放下" in said
    await desk.press(RETAILER, f"my:r:{ticket_id}:5")
    [rated] = await desk.tickets()
    assert rated.rating == 5


async def test_a_verdict_word_mid_draft_with_nothing_awaiting_stays_the_drafts(
    desk: Harness,
) -> None:
    await desk.send(RETAILER, "少了两条")
    out = await desk.send(RETAILER, "满意")
    assert "已补充" in texts(out) and "f:keep" not in " ".join(button_data(out))


@pytest.mark.parametrize("typed", ["好了", "好的", "可以", "好的，謝謝"])
async def test_an_acknowledgement_at_an_empty_draft_asks_what_the_request_is(
    desk: Harness, typed: str
) -> None:
    """Before: /new, then 好了, took 好了 as the description (可以再发照片…), to be filed."""
    await desk.send(RETAILER, "/new")
    out = await desk.send(RETAILER, typed)
    said = texts(out)
    assert "还没有记下要办的事" in said or "還沒有記下要辦的事" in said, said
    assert "下一步" not in said and "f:next" not in button_data(out)
    filed = await desk.send(RETAILER, "今天送货少送了两条中华")
    assert "下一步" in texts(filed)
    await desk.press(RETAILER, "f:next")
    summary = texts(await desk.press(RETAILER, "f:ok"))
    assert "已提交" in summary
    [ticket] = await desk.tickets()
    assert ticket.text == "今天送货少送了两条中华"


async def test_a_verdict_word_at_an_empty_draft_judges_the_ticket_awaiting_it(
    desk: Harness,
) -> None:
    """/new, then 好了, while a ticket awaits their verdict: its score is asked, as outside
    a draft, not 好了 taken as the new request's words."""
    ticket_id = await _summary_open_then_resolved(desk)
    await desk.send(RETAILER, "/new")
    out = await desk.send(RETAILER, "好了")
    assert f"my:r:{ticket_id}:5" in button_data(out), texts(out)
    await desk.press(RETAILER, f"my:r:{ticket_id}:5")
    [rated] = await desk.tickets()
    assert rated.rating == 5
