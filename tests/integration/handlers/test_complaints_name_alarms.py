"""A complaint or a suggestion that names a barn emergency (停电, a 110 call nobody
answered) is about how the person was served, not a barn failing now: filed as what it
is, at the pace of its kind, never as a 110 call or as news of one."""

from __future__ import annotations

from datetime import timedelta

import pytest

from core import sla
from core.enums import Kind, Status
from core.model import OutboxMessage, Ticket
from scheduler.sweep import sweep
from tests.support.desk import Harness, button_actions, texts
from tests.support.tickets import FARMER


async def test_a_complaint_chosen_with_complain_is_no_110_call_for_its_emergency_words(
    desk: Harness,
) -> None:
    await desk.send(FARMER, "/complain")
    await desk.send(FARMER, "我要投诉，昨晚烤房停电打你们110电话一直没人接")
    await desk.press(FARMER, "f:next")
    before = len(await desk.outbox())
    out = await desk.press(FARMER, "f:ok")

    assert "紧急" not in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.kind is Kind.COMPLAINT and not ticket.urgent
    assert ticket.accept_due_at is not None
    assert ticket.accept_due_at - ticket.created_at > timedelta(minutes=10)  # not 110's
    new = (await desk.outbox())[before:]
    cards = [r.payload["text"] for r in new if r.purpose == "card"]
    assert cards and not any(text.startswith("🚨") for text in cards)
    assert all(r.priority == 1 for r in new)  # nobody paged ahead of the queue
    out = await desk.press(FARMER, f"my:x:{ticket.id}")
    assert "确定撤回工单" in texts(out) and "报警" not in texts(out)


async def test_a_suggestion_during_a_110_call_is_not_news_of_the_call(desk: Harness) -> None:
    call_id = await desk.file_110(FARMER)
    before = len(await desk.outbox())

    out = await desk.send(FARMER, "建议110服务队晚上多安排一个人值班，上次烤房停电等了很久")

    assert "已补充到报警工单" not in texts(out)
    assert "要把这条消息作为「建议」提交吗" in texts(out) and "f:ok" in button_actions(out)
    new = (await desk.outbox())[before:]
    assert not any(r.ticket_id == call_id for r in new)  # nobody paged with it
    await desk.press(FARMER, "f:ok")
    call, suggestion = await desk.tickets()
    assert call.id == call_id and call.status is Status.DISPATCHED
    assert suggestion.kind is Kind.SUGGESTION and not suggestion.urgent


async def test_a_typed_complaint_about_a_110_call_is_asked_about_then_filed_as_one(
    desk: Harness,
) -> None:
    """Nothing in its words says the barn is fine now (昨晚 may run on till now): one
    question, and on 不是 it is filed as the complaint it is."""
    out = await desk.send(FARMER, "我要投诉，昨晚烤房停电打你们110电话一直没人接")
    assert "马上处理吗" in texts(out) and await desk.outbox() == []

    out = await desk.press(FARMER, "f:alarm:no")

    assert "要把这条消息作为「投诉」提交吗" in texts(out)
    await desk.press(FARMER, "f:ok")
    [ticket] = await desk.tickets()
    assert ticket.kind is Kind.COMPLAINT and not ticket.urgent
    assert not any(r.priority == 0 for r in await desk.outbox())  # nobody paged


@pytest.mark.parametrize(
    "words", ["烤房停电了，有什么建议", "烤房停电了，打你们110一直没人接，我要投诉"]
)
async def test_a_barn_failing_now_with_a_complaint_or_suggestion_word_keeps_its_alarm(
    desk: Harness, words: str
) -> None:
    """The farmer is asked, and 是 raises the alarm: the complaint word never files the
    barn failing now as a complaint nobody is paged for."""
    out = await desk.send(FARMER, words)
    assert "马上处理吗" in texts(out)
    out = await desk.press(FARMER, "f:alarm:yes")
    assert "已报警" in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.kind is Kind.EMERGENCY and ticket.urgent


async def test_a_complaint_about_the_110_service_during_a_call_is_no_news_of_it(
    desk: Harness,
) -> None:
    call_id = await desk.file_110(FARMER)
    before = len(await desk.outbox())

    out = await desk.send(FARMER, "我要投诉，昨晚烤房停电打你们110电话一直没人接")

    assert "已补充到报警工单" not in texts(out)
    assert "要把这条消息作为「投诉」提交吗" in texts(out)
    assert not any(r.ticket_id == call_id for r in (await desk.outbox())[before:])


async def test_a_complaint_photo_during_a_call_opens_no_second_call(desk: Harness) -> None:
    call_id = await desk.file_110(FARMER)
    out = await desk.send(
        FARMER, "我要投诉，昨晚烤房停电打你们110电话一直没人接", photo_file_id="proof"
    )
    assert "要把这条消息作为「投诉」提交吗" in texts(out)
    assert [t.id for t in await desk.tickets()] == [call_id]  # no second 110 call


async def test_a_barn_failing_again_during_a_call_is_news_of_it_whatever_else_it_says(
    desk: Harness,
) -> None:
    call_id = await desk.file_110(FARMER)
    before = len(await desk.outbox())
    out = await desk.send(FARMER, "烤房又停电了，你们110怎么还不来，我要投诉")
    assert "已补充到报警工单" in texts(out)
    assert any(r.ticket_id == call_id for r in (await desk.outbox())[before:])


async def test_yes_to_a_complaint_naming_a_barn_sends_the_alarm_to_that_barns_team(
    desk: Harness,
) -> None:
    await desk.send(FARMER, "白石乡松林烤房停电了，打你们110一直没人接，我要投诉")
    out = await desk.press(FARMER, "f:alarm:yes")
    assert "已报警" in texts(out)
    [ticket] = await desk.tickets()
    assert (ticket.site_code, ticket.team_id) == ("BS01", "curing-baishi")


async def test_a_complaint_photo_with_no_call_open_is_asked_about(desk: Harness) -> None:
    out = await desk.send(
        FARMER, "我要投诉，昨晚烤房停电打你们110电话一直没人接", photo_file_id="proof"
    )
    assert "马上处理吗" in texts(out) and await desk.tickets() == []
    out = await desk.press(FARMER, "f:alarm:no")
    await desk.press(FARMER, "f:ok")
    [ticket] = await desk.tickets()
    assert ticket.kind is Kind.COMPLAINT and not ticket.urgent


async def test_another_message_while_a_complaint_photo_is_asked_about_is_its_own(
    desk: Harness,
) -> None:
    await desk.send(FARMER, "我要投诉，昨晚烤房停电打你们110电话一直没人接", photo_file_id="proof")
    out = await desk.send(FARMER, "另外问一下，今年收购站几点开门")
    assert "已补充到描述" not in texts(out)
    assert not any(t.urgent for t in await desk.tickets())


RETAILER = 100002


@pytest.mark.parametrize(
    ("by", "words"),
    [
        ("typed", "暴雨把路冲了，送货员上班时间打牌不送货"),
        ("/new", "暴雨把路冲了，送货员上班时间打牌不送货"),
        ("/new", "下冰雹那天送货员态度很差，还骂人"),
    ],
)
async def test_a_request_filed_as_a_complaint_is_not_urgent_for_its_disaster_words(
    desk: Harness, by: str, words: str
) -> None:
    """Words about staff filed as a complaint (sent to 作风监督, or a complaint's own words
    after /new) are read as the same words chosen with /complain: the 暴雨 or 冰雹 they
    mention is what went wrong, not a danger now, and pages nobody."""
    await desk.registered_as(RETAILER, "retailer")
    if by == "/new":
        await desk.send(RETAILER, "/new")
        await desk.send(RETAILER, words)
        summary = await desk.press(RETAILER, "f:next")
    else:
        summary = await desk.send(RETAILER, words)
    assert "类别：投诉" in texts(summary) and "急" not in texts(summary)
    before = len(await desk.outbox())

    out = await desk.press(RETAILER, "f:ok")

    assert "紧急" not in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.kind is Kind.COMPLAINT and not ticket.urgent
    assert ticket.accept_due_at is not None
    assert ticket.accept_due_at - ticket.created_at > timedelta(minutes=10)
    new = (await desk.outbox())[before:]
    assert not any(str(r.payload.get("text", "")).startswith("🚨") for r in new)
    assert all(r.priority == 1 for r in new)  # nobody paged ahead of the queue


TRIAGE_CHAT, CONDUCT_CHAT, SUPERVISOR = -1001000000017, -1001000000016, 300001


async def _sent_to_conduct_by_hand(
    desk: Harness, words: str, by: str, waited_hours: float = 0, *, answered: bool = False
) -> tuple[Ticket, list[OutboxMessage]]:
    """A retailer's urgent request the router leaves to the triage desk, sent to 作风监督
    by the desk's 转派 or a supervisor's 改派; the ticket as it is then, and what the move
    sent. `waited_hours`: the desk asked the retailer a question first, unanswered that long
    (`answered`: then answered, just before the move)."""
    await desk.registered_as(RETAILER, "retailer")
    await desk.send(RETAILER, words)
    await desk.press(RETAILER, "f:ok")
    [ticket] = await desk.tickets()
    assert ticket.id is not None
    assert (ticket.kind, ticket.team_id, ticket.urgent) == (Kind.REQUEST, "triage", True)
    desk.clock.advance(minutes=3)
    if waited_hours:
        await desk.press(SUPERVISOR, f"tk:ask:{ticket.id}", chat=TRIAGE_CHAT)
        await desk.send(SUPERVISOR, "是哪位工作人员？", chat=TRIAGE_CHAT)
        [ticket] = await desk.tickets()
        assert ticket.status is Status.WAITING_REQUESTER
        desk.clock.advance(hours=waited_hours)
        if answered:
            await desk.send(RETAILER, "是收购站的王师傅")
            [ticket] = await desk.tickets()
            assert ticket.status is not Status.WAITING_REQUESTER
    before = len(await desk.outbox())
    if by == "转派":
        await desk.press(SUPERVISOR, f"tk:xfer:{ticket.id}", chat=TRIAGE_CHAT)
        await desk.press(SUPERVISOR, f"tk:xto:{ticket.id}:conduct", chat=TRIAGE_CHAT)
        await desk.send(SUPERVISOR, "请作风监督室处理", chat=TRIAGE_CHAT)
    else:
        await desk.press(SUPERVISOR, f"sv:reassign:{ticket.id}")
        await desk.press(SUPERVISOR, f"tk:rto:{ticket.id}:conduct")
    [ticket] = await desk.tickets()
    assert ticket.id is not None
    assert (ticket.kind, ticket.team_id) == (Kind.COMPLAINT, "conduct")
    return ticket, (await desk.outbox())[before:]


@pytest.mark.parametrize("by", ["转派", "改派"])
async def test_a_request_sent_to_the_oversight_line_by_hand_is_not_urgent_for_its_disaster_words(
    desk: Harness, by: str
) -> None:
    """Sent to 作风监督 by hand, the request is a complaint, and its 暴雨 is read as a
    complaint's is (/complain): what went wrong, not a danger now. 作风监督 gets it at a
    complaint's pace, from the move on: no 10-minute accept, no page, no night ladder."""
    ticket, sent = await _sent_to_conduct_by_hand(desk, "暴雨把路冲了，你们的人服务太差了", by)

    assert ticket.id is not None and not ticket.urgent
    assert sla.policy_for(desk.cfg, ticket) == sla.line_policy(
        desk.cfg, desk.cfg.line("conduct"), ticket.created_at
    )
    assert ticket.dispatched_at == desk.clock.now  # the new cycle starts at the move
    assert ticket.accept_due_at is not None and ticket.next_action_at is not None
    assert ticket.accept_due_at - ticket.dispatched_at > timedelta(minutes=10)
    assert ticket.next_action_at >= ticket.accept_due_at
    actions = await desk.actions(ticket.id)
    assert actions[-2:] == ["complaint", "not_urgent"]  # the change is on record
    cards = [str(r.payload["text"]) for r in sent if r.chat_id == CONDUCT_CHAT]
    assert cards and not any(card.startswith("🚨") for card in cards)
    assert not any(r.priority == 0 for r in sent)  # nobody paged ahead of the queue
    # Past the urgent ladder's alerts (10 and 30 minutes), nobody on 作风监督 is chased.
    moved = len(await desk.outbox())
    desk.clock.advance(minutes=45)
    await sweep(desk.db, desk.cfg, desk.clock())
    assert (await desk.outbox())[moved:] == []


@pytest.mark.parametrize("answered", [False, True])
@pytest.mark.parametrize("by", ["转派", "改派"])
async def test_a_request_no_longer_urgent_on_the_oversight_line_keeps_its_wait_given_back(
    desk: Harness, by: str, answered: bool
) -> None:
    """Filed Wednesday 09:00, asked at 09:03 and moved at 12:03, the question unanswered or
    answered just before: 作风监督's promise, a complaint's two working days from the filing
    (Friday 09:00), is given back the working time the question held the ticket (09:03 to
    12:00; the lunch hours are no working time), as a move or an answer gives it back to
    any promise."""
    ticket, _ = await _sent_to_conduct_by_hand(
        desk, "暴雨把路冲了，你们的人服务太差了", by, waited_hours=3, answered=answered
    )

    assert not ticket.urgent
    assert ticket.resolve_due_at == ticket.created_at + timedelta(days=2, hours=2, minutes=57)


@pytest.mark.parametrize("by", ["转派", "改派"])
async def test_a_request_sent_to_the_oversight_line_by_hand_stays_urgent_for_a_danger(
    desk: Harness, by: str
) -> None:
    """A danger to people (着火, 触电) is urgent in a complaint too: the move keeps it so."""
    ticket, sent = await _sent_to_conduct_by_hand(desk, "店门口电线着火了，你们的人服务太差了", by)

    assert ticket.id is not None and ticket.urgent
    assert ticket.accept_due_at is not None and ticket.dispatched_at is not None
    assert ticket.accept_due_at - ticket.dispatched_at == timedelta(minutes=10)
    assert "not_urgent" not in await desk.actions(ticket.id)
    cards = [str(r.payload["text"]) for r in sent if r.chat_id == CONDUCT_CHAT]
    assert cards and all(card.startswith("🚨") for card in cards)
    assert any(r.priority == 0 and r.chat_id != CONDUCT_CHAT for r in sent)  # paged
