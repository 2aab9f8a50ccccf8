"""Words typed back to a resolved complaint. A complaint names the service it is about
(收购站, 客户经理), and so does the requester's refusal of its result: those words are
about the complaint, not another matter to file beside it."""

from __future__ import annotations

import pytest

from core.enums import Action, Kind, Status
from core.model import Ticket
from routing import to_simplified
from tests.support.desk import Harness, button_data, texts
from tests.support.tickets import FARMER

RETAILER = 100002
CONDUCT_CHAT, CONDUCT_MEMBER = -1001000000016, 200091
PURCHASE_CHAT, PURCHASE_MEMBER = -1001000000011, 200041


async def _resolved_complaint(desk: Harness, user: int, words: str) -> Ticket:
    """`user` types a complaint about staff, which the oversight team (纪检) resolves."""
    await desk.send(user, words)
    await desk.press(user, "f:ok")
    [ticket] = await desk.tickets()
    assert (ticket.kind, ticket.team_id) == (Kind.COMPLAINT, "conduct")
    await desk.press(CONDUCT_MEMBER, f"tk:acc:{ticket.id}", chat=CONDUCT_CHAT)
    await desk.press(CONDUCT_MEMBER, f"tk:res:{ticket.id}", chat=CONDUCT_CHAT)
    await desk.send(CONDUCT_MEMBER, "已约谈当事人，责令道歉", chat=CONDUCT_CHAT)
    return ticket


async def _reopened_with(desk: Harness, ticket: Ticket, reason: str) -> None:
    [again] = await desk.tickets()  # nothing new filed beside it
    assert again.id == ticket.id and again.status is Status.DISPATCHED
    assert again.reopen_count == 1
    async with desk.db.uow(read_only=True) as uow:
        last = list(await uow.tickets.events(ticket.id or 0))[-1]
    assert (last.action, last.note) == ("reopen", reason)


async def _reopened_with_beside(desk: Harness, ticket: Ticket, reason: str) -> None:
    """`_reopened_with`, of one ticket among others."""
    [again] = [t for t in await desk.tickets() if t.id == ticket.id]
    assert again.status is Status.DISPATCHED and again.reopen_count == 1
    async with desk.db.uow(read_only=True) as uow:
        last = list(await uow.tickets.events(ticket.id or 0))[-1]
    assert (last.action, last.note) == ("reopen", reason)


@pytest.mark.parametrize("typed", ["还是没解决，收购站的人也没来道歉", "收购站的人还是没来道歉"])
async def test_a_refusal_naming_what_the_complaint_is_about_reopens_it(
    desk: Harness, typed: str
) -> None:
    ticket = await _resolved_complaint(desk, FARMER, "收购站工作人员态度很差，还骂人")

    out = await desk.send(FARMER, typed)

    assert "已重新派给" in texts(out) and "求助办事" not in texts(out)
    await _reopened_with(desk, ticket, typed)


@pytest.mark.parametrize("typed", ["還是沒解決，錢沒到賬", "錢還沒到賬，沒解決", "錢還是沒到賬"])
async def test_a_refusal_in_traditional_reopens_the_complaint_however_it_is_worded(
    desk: Harness, typed: str
) -> None:
    await desk.registered_as(RETAILER, "retailer")
    ticket = await _resolved_complaint(desk, RETAILER, "投訴客戶經理態度很差，貨款多扣了也不管")

    out = await desk.send(RETAILER, typed)

    assert "已重新派給" in texts(out)
    await _reopened_with(desk, ticket, typed)


async def test_solved_in_words_naming_what_the_complaint_is_about_asks_the_score(
    desk: Harness,
) -> None:
    ticket = await _resolved_complaint(desk, FARMER, "收购站工作人员态度很差，还骂人")

    out = await desk.send(FARMER, "收购站的人来道歉了，谢谢")

    assert button_data(out) == [f"my:r:{ticket.id}:{n}" for n in (5, 4, 3, 2, 1)]
    [still] = await desk.tickets()
    assert still.status is Status.RESOLVED


async def test_a_barn_emergency_beside_a_resolved_complaint_is_a_new_110_call(
    desk: Harness,
) -> None:
    ticket = await _resolved_complaint(desk, FARMER, "收购站工作人员态度很差，还骂人")

    out = await desk.send(FARMER, "烤房停电了，温度还是没上来")

    assert "在哪个烤房" in texts(out) or "已报警" in texts(out)
    if "在哪个烤房" in texts(out):
        await desk.press(FARMER, "f:site:QS01")
    complaint, alarm = await desk.tickets()
    assert complaint.id == ticket.id and complaint.status is Status.RESOLVED
    assert complaint.reopen_count == 0
    assert alarm.kind is Kind.EMERGENCY and alarm.urgent


@pytest.mark.parametrize("typed", ["请问收购站什么时候开秤，谢谢", "收购站几号开始收烟？谢谢"])
async def test_a_question_to_the_service_complained_about_is_a_new_request_not_a_score(
    desk: Harness, typed: str
) -> None:
    ticket = await _resolved_complaint(desk, FARMER, "收购站工作人员态度很差，还骂人")

    out = await desk.send(FARMER, typed)

    assert [b for b in button_data(out) if b.startswith("my:r:")] == []
    assert "求助办事" in texts(out)
    [again] = await desk.tickets()
    assert again.id == ticket.id and again.status is Status.RESOLVED


@pytest.mark.parametrize(("user", "typed"), [(FARMER, "不满意"), (RETAILER, "很不滿意")])
async def test_not_satisfied_with_a_complaints_result_asks_what_is_wrong_not_a_score(
    desk: Harness, user: int, typed: str
) -> None:
    """不满意 refuses how the complaint was dealt with, as 「❌ 没解决」 does: what is still
    wrong is asked, and the answer sends it back; no score closes it over the objection."""
    if user == RETAILER:
        await desk.registered_as(RETAILER, "retailer")
    ticket = await _resolved_complaint(desk, user, "收购站工作人员态度很差，还骂人")

    out = await desk.send(user, typed)

    assert [b for b in button_data(out) if b.startswith("my:r:")] == []
    assert "哪里不满意" in to_simplified(texts(out))
    [still] = await desk.tickets()
    assert still.status is Status.RESOLVED and still.rating is None

    out = await desk.send(user, "只是口头批评，没有道歉")

    assert "已重新派给" in to_simplified(texts(out))
    await _reopened_with(desk, ticket, "只是口头批评，没有道歉")


async def test_not_satisfied_with_one_of_two_complaints_asks_which_then_what_is_wrong(
    desk: Harness,
) -> None:
    first = await _resolved_complaint(desk, FARMER, "收购站工作人员态度很差，还骂人")
    await desk.send(FARMER, "收购站的人态度恶劣，还乱扣秤")
    await desk.press(FARMER, "f:ok")
    second = (await desk.tickets())[-1]
    assert second.id != first.id and (second.kind, second.team_id) == (Kind.COMPLAINT, "conduct")
    await desk.press(CONDUCT_MEMBER, f"tk:acc:{second.id}", chat=CONDUCT_CHAT)
    await desk.press(CONDUCT_MEMBER, f"tk:res:{second.id}", chat=CONDUCT_CHAT)
    await desk.send(CONDUCT_MEMBER, "已核实，重新定级", chat=CONDUCT_CHAT)

    out = await desk.send(FARMER, "不满意")

    assert "对哪一件的处理不满意" in texts(out)
    assert sorted(button_data(out)) == sorted(f"my:bad:{t.id}" for t in (first, second))
    out = await desk.press(FARMER, f"my:bad:{first.id}")
    assert [b for b in button_data(out) if b.startswith("my:r:")] == []


async def test_not_satisfied_beside_an_answered_suggestion_asks_which_then_what_is_wrong(
    desk: Harness,
) -> None:
    """A complaint and a suggestion both answered: 不满意 refuses either's result, so neither
    is offered a score (before: 「解决的是哪一个？…再为它打分」, the complaint's press asking
    its score, which would close it over the objection)."""
    complaint = await _resolved_complaint(desk, FARMER, "收购站工作人员态度很差，还骂人")
    await desk.send(FARMER, "/suggest")
    await desk.send(FARMER, "建议收购站多设几个休息的座位")
    await desk.press(FARMER, "f:next")
    await desk.press(FARMER, "f:ok")
    suggestion = (await desk.tickets())[-1]
    assert (suggestion.kind, suggestion.team_id) == (Kind.SUGGESTION, "purchase")
    await desk.press(PURCHASE_MEMBER, f"tk:acc:{suggestion.id}", chat=PURCHASE_CHAT)
    await desk.press(PURCHASE_MEMBER, f"tk:res:{suggestion.id}", chat=PURCHASE_CHAT)
    await desk.send(PURCHASE_MEMBER, "已经安排增加座位", chat=PURCHASE_CHAT)

    out = await desk.send(FARMER, "不满意")

    said = to_simplified(texts(out))
    assert "打分" not in said and "投诉" in said and "建议" in said, said
    assert sorted(button_data(out)) == sorted(f"my:bad:{t.id}" for t in (complaint, suggestion))
    out = await desk.press(FARMER, f"my:bad:{complaint.id}")
    assert [b for b in button_data(out) if b.startswith("my:r:")] == []
    await desk.send(FARMER, "只是口头批评，没有道歉")
    await _reopened_with_beside(desk, complaint, "只是口头批评，没有道歉")


async def test_calling_off_the_complaints_send_back_names_it_as_the_question_did(
    desk: Harness,
) -> None:
    """Asked 您对投诉 N 的处理不满意…（不退回请回复“算了”）, 算了 is answered of 投诉 N
    (before: 工单 N 没有退回)."""
    ticket = await _resolved_complaint(desk, FARMER, "收购站工作人员态度很差，还骂人")
    out = await desk.send(FARMER, "不满意")
    assert f"投诉 {ticket.label}" in to_simplified(texts(out))

    out = await desk.send(FARMER, "算了")

    said = to_simplified(texts(out))
    assert f"投诉 {ticket.label} 没有退回" in said, said
    [still] = await desk.tickets()
    assert still.status is Status.RESOLVED and still.reopen_count == 0


@pytest.mark.parametrize("typed", ["不满意", "很不滿意"])
async def test_not_satisfied_after_the_sweep_closed_a_complaint_sends_it_back_as_not_solved_does(
    desk: Harness, typed: str
) -> None:
    """Closed by the sweep with nobody's word, a complaint may still be sent back within the
    week, as 没解决 does: 不满意 asks what is still wrong and sends it back with the answer."""
    ticket = await _resolved_complaint(desk, FARMER, "收购站工作人员态度很差，还骂人")
    await desk.sweep_does(ticket.id or 0, Action.AUTO_CLOSE)

    out = await desk.send(FARMER, typed)

    assert "哪里不满意" in to_simplified(texts(out)) and "求助办事" not in texts(out)
    [still] = await desk.tickets()
    assert still.status is Status.CLOSED and still.rating is None

    out = await desk.send(FARMER, "只是口头批评，没有道歉")

    assert "已重新派给" in to_simplified(texts(out))
    await _reopened_with(desk, ticket, "只是口头批评，没有道歉")


async def test_not_solved_typed_after_rating_a_complaint_says_it_cannot_be_sent_back(
    desk: Harness,
) -> None:
    """Before: 还没解决 typed after the complaint was rated (its comment prompt over) was
    offered as a request of those two words for the triage desk, about nothing; the same
    words replied to its notice said it was rated and cannot be sent back."""
    ticket = await _resolved_complaint(desk, FARMER, "收购站工作人员态度很差，还骂人")
    await desk.press(FARMER, f"my:r:{ticket.id}:2")
    await desk.press(FARMER, "f:skip")
    desk.clock.advance(hours=2)

    out = texts(await desk.send(FARMER, "还没解决"))

    assert f"{ticket.label} 您已经确认办结并评价，不能再退回" in out
    assert "求助办事" not in out
    assert [t.id for t in await desk.tickets()] == [ticket.id]
