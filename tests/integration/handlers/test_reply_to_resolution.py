"""Words sent as Telegram's reply (回复) to a ticket's resolution notice that no verdict
word reads ("还是少一条"): about that ticket, asked whether it is not solved with the words
kept as the reason, not offered as a new request to the triage desk."""

from __future__ import annotations

import itertools

import pytest

import scheduler.requester as requester
from bot.outbox import SimulatedClock
from bot.outbox.recorder import SentRecorder
from core.enums import Kind, Status
from core.lifecycle import RESOLUTION_NOTICE
from routing import to_simplified
from scheduler.sweep import sweep
from tests.support.desk import Harness, button_data, texts

RETAILER = 100002
DELIVERY_CHAT = -1001000000014
DELIVERY_MEMBER = 200071
_message_ids = itertools.count(8000)


async def _resolved(desk: Harness) -> int:
    ticket = await desk.file_request(RETAILER, "昨天送货少送了一条中华")
    assert ticket.id is not None and ticket.team_id == "delivery"
    await desk.press(DELIVERY_MEMBER, f"tk:acc:{ticket.id}", chat=DELIVERY_CHAT)
    await desk.press(DELIVERY_MEMBER, f"tk:res:{ticket.id}", chat=DELIVERY_CHAT)
    await desk.send(DELIVERY_MEMBER, "已补送一条中华", chat=DELIVERY_CHAT)
    return ticket.id


async def _delivered_notices(desk: Harness) -> list[int]:
    """The sender delivers the resolution notices (and reminders) waiting: their ids."""
    recorder = SentRecorder(desk.db.uow, SimulatedClock(desk.clock()))
    sent = []
    for row in await desk.outbox():
        if row.status == "pending" and row.purpose == RESOLUTION_NOTICE:
            assert row.chat_id == RETAILER
            sent.append(next(_message_ids))
            await recorder.record(row, sent[-1])
    return sent


async def _status(desk: Harness) -> Status:
    [ticket] = await desk.tickets()
    return ticket.status


async def test_a_reply_to_the_resolution_asks_if_not_solved_and_keeps_the_words(
    desk: Harness,
) -> None:
    ticket_id = await _resolved(desk)
    [notice] = await _delivered_notices(desk)
    out = await desk.send(RETAILER, "还是少一条", reply_to=notice)
    said = texts(out)
    assert "您回复的是工单 10019 的办结通知" in said and "还是少一条" in said
    assert "要把这条消息作为" not in said  # no new request offered
    assert button_data(out) == [f"my:bad:{ticket_id}", f"my:ok:{ticket_id}", f"my:new:{ticket_id}"]
    reopened = await desk.press(RETAILER, f"my:bad:{ticket_id}")
    assert "已重新派给" in texts(reopened)  # not asked to say it again
    assert await _status(desk) is Status.DISPATCHED
    team = [str(r.payload.get("text")) for r in await desk.outbox() if r.chat_id == DELIVERY_CHAT]
    assert any("报告人表示问题没有解决：还是少一条" in text for text in team)


async def test_in_traditional_the_question_is_in_traditional(desk: Harness) -> None:
    await _resolved(desk)
    [notice] = await _delivered_notices(desk)
    out = await desk.send(RETAILER, "還是少一條，今天也沒送來", reply_to=notice)
    assert "您回覆的是工單 10019 的辦結通知" in texts(out)


async def test_a_reply_to_the_reminder_is_read_the_same(desk: Harness) -> None:
    await _resolved(desk)
    await _delivered_notices(desk)
    desk.clock.advance(days=1, minutes=1)  # the demo asks again after a day
    await sweep(desk.db, desk.cfg, desk.clock())
    [reminder] = await _delivered_notices(desk)
    out = await desk.send(RETAILER, "还是少一条", reply_to=reminder)
    assert "您回复的是工单 10019 的办结通知" in texts(out)


async def test_solved_pressed_instead_asks_the_score(desk: Harness) -> None:
    ticket_id = await _resolved(desk)
    [notice] = await _delivered_notices(desk)
    await desk.send(RETAILER, "还是少一条", reply_to=notice)
    out = await desk.press(RETAILER, f"my:ok:{ticket_id}")
    assert "请为这次服务打分" in texts(out)
    assert await _status(desk) is Status.RESOLVED


async def test_words_typed_instead_of_a_press_are_read_afresh(desk: Harness) -> None:
    ticket_id = await _resolved(desk)
    [notice] = await _delivered_notices(desk)
    await desk.send(RETAILER, "还是少一条", reply_to=notice)
    out = await desk.send(RETAILER, "5")  # a score typed: rates it, not a reason to reopen
    assert "感谢" in texts(out) or "谢谢" in texts(out)
    assert "reopen" not in await desk.actions(ticket_id)


async def test_another_service_replied_to_the_notice_is_a_new_matter(desk: Harness) -> None:
    await _resolved(desk)
    [notice] = await _delivered_notices(desk)
    out = await desk.send(RETAILER, "另外问一下，许可证快到期了怎么延续？", reply_to=notice)
    assert "办结通知" not in texts(out) and "要把这条消息作为" in texts(out)


async def test_typed_without_the_reply_it_is_asked_about_the_one_awaiting_a_verdict(
    desk: Harness,
) -> None:
    ticket_id = await _resolved(desk)
    out = await desk.send(RETAILER, "送货还是少一条")
    said = texts(out)
    assert "工单 10019 已办结，等您确认" in said and "送货还是少一条" in said
    assert button_data(out) == [f"my:bad:{ticket_id}", f"my:ok:{ticket_id}", f"my:new:{ticket_id}"]
    await desk.press(RETAILER, f"my:bad:{ticket_id}")
    assert await _status(desk) is Status.DISPATCHED


async def test_not_about_it_after_all_the_words_are_offered_as_a_request(desk: Harness) -> None:
    ticket_id = await _resolved(desk)
    await desk.send(RETAILER, "送货还是少一条")
    out = await desk.press(RETAILER, f"my:new:{ticket_id}")
    assert "要把这条消息作为「求助办事」提交吗" in texts(out) and "送货还是少一条" in texts(out)
    assert await _status(desk) is Status.RESOLVED


@pytest.mark.parametrize(
    "typed", ["你好", "化肥款还没到账", "送货的周末上班吗？", "我想改一下送货时间"]
)
async def test_a_greeting_a_question_a_new_ask_or_no_service_typed_is_not_asked_about(
    desk: Harness, typed: str
) -> None:
    await _resolved(desk)
    assert "已办结，等您确认" not in texts(await desk.send(RETAILER, typed))


async def test_the_old_notice_pressed_after_a_reopening_says_it_is_being_done_again(
    desk: Harness,
) -> None:
    ticket_id = await _resolved(desk)
    await desk.press(RETAILER, f"my:bad:{ticket_id}")
    await desk.send(RETAILER, "还是没收到")
    for pressed in (f"my:ok:{ticket_id}", f"my:r:{ticket_id}:5"):
        out = await desk.press(RETAILER, pressed)
        assert "工单 10019 现在待接单，还没有办结" in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.status is Status.DISPATCHED and ticket.rating is None


@pytest.mark.parametrize(
    "replied",
    [
        "请问下周几送货？",
        "請問下週幾送貨？",
        "我想改一下送货时间",
        "下个月想多要点烟",
        "许可证快到期了怎么延续？",
    ],
)
async def test_a_new_matter_replied_to_the_notice_goes_its_own_way(
    desk: Harness, replied: str
) -> None:
    ticket_id = await _resolved(desk)
    [notice] = await _delivered_notices(desk)
    out = await desk.send(RETAILER, replied, reply_to=notice)
    said = texts(out)
    assert "办结通知" not in said and "辦結通知" not in said
    assert f"my:bad:{ticket_id}" not in button_data(out)
    assert "要把这条消息作为" in said or "要把這條消息作為" in said
    assert await _status(desk) is Status.RESOLVED


async def test_chasing_replied_to_the_notice_is_asked_about_it(desk: Harness) -> None:
    ticket_id = await _resolved(desk)
    [notice] = await _delivered_notices(desk)
    out = await desk.send(RETAILER, "怎么还没送来？", reply_to=notice)
    assert "您回复的是工单 10019 的办结通知" in texts(out)
    assert f"my:bad:{ticket_id}" in button_data(out)


async def test_not_about_it_after_all_a_reply_is_offered_as_a_request(desk: Harness) -> None:
    ticket_id = await _resolved(desk)
    [notice] = await _delivered_notices(desk)
    out = await desk.send(RETAILER, "顺便说下门口的灯坏了", reply_to=notice)
    assert f"my:new:{ticket_id}" in button_data(out)
    filed = await desk.press(RETAILER, f"my:new:{ticket_id}")
    assert "要把这条消息作为「求助办事」提交吗" in texts(filed)
    assert "顺便说下门口的灯坏了" in texts(filed)
    assert await _status(desk) is Status.RESOLVED


@pytest.mark.parametrize(
    "replied", ["怎么还是不对？", "下周再送也还是少一条", "为啥又少了？怎么办", "这是怎么回事？"]
)
async def test_the_problem_remaining_in_other_words_replied_is_asked_about_it(
    desk: Harness, replied: str
) -> None:
    ticket_id = await _resolved(desk)
    [notice] = await _delivered_notices(desk)
    out = await desk.send(RETAILER, replied, reply_to=notice)
    said = texts(out)
    assert "您回复的是工单 10019 的办结通知" in said and replied in said
    assert "要把这条消息作为" not in said
    assert button_data(out) == [f"my:bad:{ticket_id}", f"my:ok:{ticket_id}", f"my:new:{ticket_id}"]


@pytest.mark.parametrize(
    "replied", ["差了", "差了吧", "货差了", "差了两条", "还差两条", "還差兩條"]
)
async def test_an_order_still_short_replied_with_cha_is_not_solved_not_a_score(
    desk: Harness, replied: str
) -> None:
    """差 alone rates 2 at the score prompt; 差了, 还差两条 of a delivery say it is short."""
    ticket_id = await _resolved(desk)
    [notice] = await _delivered_notices(desk)
    out = await desk.send(RETAILER, replied, reply_to=notice)
    assert replied in texts(out) and "打分" not in to_simplified(texts(out))
    assert button_data(out) == [f"my:bad:{ticket_id}", f"my:ok:{ticket_id}", f"my:new:{ticket_id}"]
    await desk.press(RETAILER, f"my:bad:{ticket_id}")
    [ticket] = await desk.tickets()
    assert (ticket.status, ticket.rating) == (Status.DISPATCHED, None)
    team = [str(r.payload.get("text")) for r in await desk.outbox() if r.chat_id == DELIVERY_CHAT]
    assert any(f"报告人表示问题没有解决：{replied}" in text for text in team)


async def test_again_broken_asked_why_replied_goes_back_to_the_team(desk: Harness) -> None:
    ticket_id = await _resolved(desk)
    [notice] = await _delivered_notices(desk)
    out = await desk.send(RETAILER, "为啥又坏了？怎么办", reply_to=notice)
    assert "要把这条消息作为" not in texts(out)
    assert "reopen" in await desk.actions(ticket_id)


ORDERING_CHAT, ORDERING_MEMBER = -1001000000013, 200061


async def test_not_solved_replied_to_one_of_two_notices_reopens_that_one(desk: Harness) -> None:
    ticket_id = await _resolved(desk)
    [notice] = await _delivered_notices(desk)
    desk.clock.advance(hours=2)
    other = await desk.file_request(RETAILER, "订货系统登录不上")
    await desk.press(ORDERING_MEMBER, f"tk:acc:{other.id}", chat=ORDERING_CHAT)
    await desk.press(ORDERING_MEMBER, f"tk:res:{other.id}", chat=ORDERING_CHAT)
    await desk.send(ORDERING_MEMBER, "已处理", chat=ORDERING_CHAT)
    out = await desk.send(RETAILER, "为啥又坏了？怎么办", reply_to=notice)
    assert "是哪一个" not in texts(out) and "已重新派给" in texts(out)
    assert "reopen" in await desk.actions(ticket_id)
    assert other.id is not None and "reopen" not in await desk.actions(other.id)


@pytest.mark.parametrize("yes", ["是的", "对"])
async def test_a_yes_after_another_tickets_resolution_notice_does_not_send_the_asked_one_back(
    desk: Harness, yes: str
) -> None:
    """Asked 是说问题还没解决吗？ of her delivery, she is then told her order is resolved
    (请确认是否解决并评价): 是的 answers that notice, not the older question. Before: the
    delivery went back to 物流配送中心."""
    order = await desk.file_request(RETAILER, "订货系统登录不上")
    await desk.press(ORDERING_MEMBER, f"tk:acc:{order.id}", chat=ORDERING_CHAT)
    delivery = await _resolved(desk)
    [notice] = await _delivered_notices(desk)
    asked = texts(await desk.send(RETAILER, "还是少一条", reply_to=notice))
    assert "还没解决吗" in asked, asked
    await desk.press(ORDERING_MEMBER, f"tk:res:{order.id}", chat=ORDERING_CHAT)
    await desk.send(ORDERING_MEMBER, "已处理", chat=ORDERING_CHAT)
    desk.clock.advance(minutes=5)

    said = texts(await desk.send(RETAILER, yes))

    assert "reopen" not in await desk.actions(delivery), said


async def test_the_older_questions_button_after_another_tickets_notice_keeps_the_words(
    desk: Harness,
) -> None:
    """The notice of another ticket changes what a typed yes answers, not the buttons: 「❌
    没解决，重新办理」 of the older question sends it back with the words it kept."""
    order = await desk.file_request(RETAILER, "订货系统登录不上")
    await desk.press(ORDERING_MEMBER, f"tk:acc:{order.id}", chat=ORDERING_CHAT)
    delivery = await _resolved(desk)
    [notice] = await _delivered_notices(desk)
    await desk.send(RETAILER, "还是少一条", reply_to=notice)
    await desk.press(ORDERING_MEMBER, f"tk:res:{order.id}", chat=ORDERING_CHAT)
    await desk.send(ORDERING_MEMBER, "已处理", chat=ORDERING_CHAT)

    said = texts(await desk.press(RETAILER, f"my:bad:{delivery}"))

    assert "已重新派给" in said, said
    async with desk.db.uow(read_only=True) as uow:
        events = await uow.tickets.events(delivery)
    assert events[-1].action == "reopen" and events[-1].note == "还是少一条"


@pytest.mark.parametrize("typed", ["没解决", "5"])
async def test_a_reply_to_a_rated_tickets_notice_never_acts_on_another(
    desk: Harness, typed: str
) -> None:
    ticket_id = await _resolved(desk)
    [notice] = await _delivered_notices(desk)
    await desk.press(RETAILER, f"my:r:{ticket_id}:5")
    await desk.send(RETAILER, "跳过")
    other = await desk.file_request(RETAILER, "订货系统登录不上")
    await desk.press(ORDERING_MEMBER, f"tk:acc:{other.id}", chat=ORDERING_CHAT)
    await desk.press(ORDERING_MEMBER, f"tk:res:{other.id}", chat=ORDERING_CHAT)
    await desk.send(ORDERING_MEMBER, "已处理", chat=ORDERING_CHAT)
    out = await desk.send(RETAILER, typed, reply_to=notice)
    assert "10019" in texts(out)  # about the ticket replied to
    assert other.id is not None
    assert {"reopen", "rate"}.isdisjoint(await desk.actions(other.id))


FARMER, CURING_MEMBER, CURING_CHAT = 100001, 200001, -1001000000001


async def _resolved_call(desk: Harness) -> tuple[int, int]:
    """The farmer's 110 call resolved, and its resolution notice delivered: their ids."""
    ticket_id = await desk.resolved_110(FARMER, CURING_MEMBER, CURING_CHAT)
    recorder = SentRecorder(desk.db.uow, SimulatedClock(desk.clock()))
    [row] = [
        r for r in await desk.outbox() if r.purpose == RESOLUTION_NOTICE and r.chat_id == FARMER
    ]
    notice = next(_message_ids)
    await recorder.record(row, notice)
    return ticket_id, notice


async def test_a_barn_failing_again_replied_to_a_rated_calls_notice_is_a_new_alarm(
    desk: Harness,
) -> None:
    ticket_id, notice = await _resolved_call(desk)
    await desk.press(FARMER, f"my:r:{ticket_id}:5")
    await desk.send(FARMER, "跳过")
    out = await desk.send(FARMER, "烤房又坏了，温度降不下来", reply_to=notice)
    assert "已报警" in texts(out)
    assert len(await desk.tickets()) == 2


@pytest.mark.parametrize("typed", ["是", "是的", "對", "沒錯", "嗯"])
async def test_a_yes_typed_alone_to_not_solved_sends_it_back_with_the_words(
    desk: Harness, typed: str
) -> None:
    """Typed in place of 「❌ 没解决，重新办理」: the call goes back to the team with the words
    replied, not a request of its own made of the yes."""
    ticket_id, notice = await _resolved_call(desk)
    out = await desk.send(FARMER, "溫度還是有點低", reply_to=notice)
    assert "是說問題還沒解決嗎" in texts(out)
    out = await desk.send(FARMER, typed)
    assert "已重新派給" in texts(out) and "要把這條消息作為" not in texts(out)
    async with desk.db.uow(read_only=True) as uow:
        events = await uow.tickets.events(ticket_id)
    assert events[-1].action == "reopen" and events[-1].note == "溫度還是有點低"
    assert len(await desk.tickets()) == 1


@pytest.mark.parametrize("typed", ["不是", "沒有", "否", "不是的"])
async def test_a_no_typed_alone_to_not_solved_asks_the_score(desk: Harness, typed: str) -> None:
    """Typed in place of 「✅ 已解决，评价」: solved, and the score is asked."""
    ticket_id, notice = await _resolved_call(desk)
    await desk.send(FARMER, "溫度還是有點低", reply_to=notice)
    out = await desk.send(FARMER, typed)
    assert "請為這次服務打分" in texts(out) and "要把這條消息作為" not in texts(out)
    assert "reopen" not in await desk.actions(ticket_id) and len(await desk.tickets()) == 1
    out = await desk.press(FARMER, f"my:r:{ticket_id}:5")
    assert "reopen" not in await desk.actions(ticket_id)
    assert [t.rating for t in await desk.tickets()] == [5]


async def _resolved_curing_request(desk: Harness) -> tuple[int, int]:
    """The farmer's curing request (no 110 call) resolved, its notice delivered: their ids."""
    request = await desk.file_request(FARMER, "烤房的温控器显示不准，想请技术员来看看")
    assert request.id is not None and request.kind is Kind.REQUEST
    await desk.press(CURING_MEMBER, f"tk:acc:{request.id}", chat=CURING_CHAT)
    await desk.press(CURING_MEMBER, f"tk:res:{request.id}", chat=CURING_CHAT)
    await desk.send(CURING_MEMBER, "已更换温控器探头，显示正常", chat=CURING_CHAT)
    [notice] = await _delivered_notices_to(desk, FARMER)
    return request.id, notice


async def _delivered_notices_to(desk: Harness, chat_id: int) -> list[int]:
    recorder = SentRecorder(desk.db.uow, SimulatedClock(desk.clock()))
    sent = []
    for row in await desk.outbox():
        if row.status == "pending" and row.purpose == RESOLUTION_NOTICE and row.chat_id == chat_id:
            sent.append(next(_message_ids))
            await recorder.record(row, sent[-1])
    return sent


@pytest.mark.parametrize("replied", [True, False])
async def test_a_barn_failing_now_beside_a_resolved_request_raises_the_alarm_at_once(
    desk: Harness, replied: bool
) -> None:
    """Before: 是说问题还没解决吗？, and nobody paged until a button was pressed (and then
    the request went back to the team's queue, not their phones)."""
    request_id, notice = await _resolved_curing_request(desk)

    typed = "烤房又停电了，温度一直往下掉"
    out = texts(await desk.send(FARMER, typed, reply_to=notice if replied else None))

    assert "已报警" in out and "是说问题还没解决吗" not in out, out
    request, alarm = await desk.tickets()
    assert request.id == request_id and request.status is Status.RESOLVED
    assert alarm.kind is Kind.EMERGENCY and alarm.urgent and alarm.text == typed
    assert any(r.priority == 0 for r in await desk.outbox())  # the team is paged


@pytest.mark.parametrize("replied", [True, False])
@pytest.mark.parametrize("typed", ["烤房又停电了，还没修好", "烤房又停電了，還沒修好"])
async def test_a_barn_failing_now_said_not_mended_beside_a_resolved_request_pages_at_once(
    desk: Harness, replied: bool, typed: str
) -> None:
    """Before: 工单 10019 已重新派给…: the request went back to the team's queue as not
    urgent, and nobody was paged."""
    request_id, notice = await _resolved_curing_request(desk)

    out = texts(await desk.send(FARMER, typed, reply_to=notice if replied else None))

    assert ("已报警" in out or "已報警" in out) and "重新派给" not in out, out
    request, alarm = await desk.tickets()
    assert request.id == request_id and request.status is Status.RESOLVED
    assert alarm.kind is Kind.EMERGENCY and alarm.urgent
    assert any(r.priority == 0 for r in await desk.outbox())  # the team is paged


@pytest.mark.parametrize("replied", [True, False])
async def test_a_barn_failing_now_after_rating_a_request_pages_at_once(
    desk: Harness, replied: bool
) -> None:
    """Before: the rated request was said not to be sent back, and nobody was paged."""
    request_id, notice = await _resolved_curing_request(desk)
    await desk.press(FARMER, f"my:r:{request_id}:5")
    await desk.press(FARMER, "f:skip")

    said = "烤房又停电了，还没修好"
    out = texts(await desk.send(FARMER, said, reply_to=notice if replied else None))

    assert "已报警" in out, out
    _, alarm = await desk.tickets()
    assert alarm.kind is Kind.EMERGENCY and alarm.urgent


@pytest.mark.parametrize("replied", [False, True])
async def test_last_nights_barn_failure_beside_a_resolved_request_raises_a_110(
    desk: Harness, replied: bool
) -> None:
    """昨晚 at night may be an hour ago and still going on: the farmer whose curing question
    was just resolved is not asked whether it is solved, nor left unpaged."""
    _request_id, notice = await _resolved_curing_request(desk)
    out = await desk.send(
        FARMER, "昨晚烤房停电了，温度降到30度了", reply_to=notice if replied else None
    )
    assert "已报警" in texts(out), texts(out)


async def test_a_yes_after_another_tickets_reminder_does_not_send_the_asked_one_back(
    desk: Harness,
) -> None:
    """Asked 是说问题还没解决吗？ of her delivery, she is then reminded to confirm her order
    resolved a day ago (请确认是否解决): 是的 answers that reminder, the newest thing asked of
    her, not the older question."""
    order = await desk.file_request(RETAILER, "订货系统登录不上")
    await desk.press(ORDERING_MEMBER, f"tk:acc:{order.id}", chat=ORDERING_CHAT)
    await desk.press(ORDERING_MEMBER, f"tk:res:{order.id}", chat=ORDERING_CHAT)
    await desk.send(ORDERING_MEMBER, "已处理", chat=ORDERING_CHAT)
    await _delivered_notices(desk)
    desk.clock.advance(hours=23, minutes=30)
    delivery = await _resolved(desk)
    [notice] = await _delivered_notices(desk)
    asked = texts(await desk.send(RETAILER, "还是少一条", reply_to=notice))
    assert "还没解决吗" in asked, asked
    desk.clock.advance(minutes=40)
    await sweep(desk.db, desk.cfg, desk.clock())
    assert order.id is not None and "remind" in await desk.actions(order.id)
    desk.clock.advance(minutes=5)

    said = texts(await desk.send(RETAILER, "是的"))

    assert "reopen" not in await desk.actions(delivery), said
    assert "要把这条消息" not in said  # a yes to a notice, never a request of it


async def test_the_persons_step_during_the_reminders_sweep_is_not_overwritten(
    desk: Harness, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> None:
    """The reminder marks the older question overtaken at the end of the sweep's batch: a
    step of hers committed meanwhile (a new request typed, its draft kept in the same
    conversation) is newer, and is never overwritten with the question's words."""
    if "postgresql" not in request.node.name:
        pytest.skip("SQLite's BEGIN IMMEDIATE queues the person's step behind the sweep")
    order = await desk.file_request(RETAILER, "订货系统登录不上")
    await desk.press(ORDERING_MEMBER, f"tk:acc:{order.id}", chat=ORDERING_CHAT)
    await desk.press(ORDERING_MEMBER, f"tk:res:{order.id}", chat=ORDERING_CHAT)
    await desk.send(ORDERING_MEMBER, "已处理", chat=ORDERING_CHAT)
    await _delivered_notices(desk)
    desk.clock.advance(hours=23, minutes=30)
    await _resolved(desk)
    [notice] = await _delivered_notices(desk)
    assert "还没解决吗" in texts(await desk.send(RETAILER, "还是少一条", reply_to=notice))
    desk.clock.advance(minutes=40)
    pressed: list[str] = []
    real_remind = requester.remind

    async def remind(*args, **kwargs):  # type: ignore[no-untyped-def]
        taken = await real_remind(*args, **kwargs)
        if not pressed:  # her step, committed while the sweep's batch is open
            out = await desk.send(RETAILER, "请问今年烟叶收购什么时候开始？")
            pressed.extend(button_data(out))
        return taken

    monkeypatch.setattr(requester, "remind", remind)
    await sweep(desk.db, desk.cfg, desk.clock())
    assert order.id is not None and "remind" in await desk.actions(order.id)

    async with desk.db.uow() as uow:
        conv = await uow.conversations.get(RETAILER, RETAILER)
    assert conv is not None
    assert "asked_anew" not in conv.data, (conv.flow, conv.step, conv.data)
    confirmed = texts(await desk.press(RETAILER, pressed[0]))
    assert "已失效" not in confirmed, confirmed
