"""An answer to the triage desk's question (需补充) that says a barn is failing now (在龙潭镇，
正在烤，烤房漏风温度上不去): the 110 call goes out to the town it names, and the words are
the answer on the desk's ticket too, with the call's number for the desk, which goes on
with the rest of the request; it is never left waiting and closed as 未补充."""

from __future__ import annotations

from datetime import timedelta

from bot.outbox import SimulatedClock
from bot.outbox.recorder import SentRecorder
from core.enums import Kind, Status
from core.lifecycle import QUESTION_NOTICE
from core.model import Ticket
from scheduler.sweep import sweep
from tests.support.desk import Harness, texts
from tests.support.tickets import FARMER

TRIAGE_CHAT = -1001000000017
DESK_SUPERVISOR = 300001
ANSWER = "在龙潭镇，正在烤，烤房漏风温度上不去"


async def asked_at_the_desk(desk: Harness) -> Ticket:
    await desk.registered_as(FARMER, "farmer")
    ticket = await desk.file_request(FARMER, "烟苗长得不好，烤房也漏风")
    assert ticket.line == "triage"
    await desk.press(DESK_SUPERVISOR, f"tk:ask:{ticket.id}", chat=TRIAGE_CHAT)
    await desk.send(DESK_SUPERVISOR, "您的烤房在哪个乡镇？是烘烤中出问题了吗？", chat=TRIAGE_CHAT)
    [asked] = await desk.tickets()
    assert asked.status is Status.WAITING_REQUESTER
    return asked


async def _told_the_desk(desk: Harness) -> list[str]:
    return [str(r.payload.get("text", "")) for r in await desk.outbox() if r.chat_id == TRIAGE_CHAT]


async def test_the_answer_raises_the_call_in_its_town_and_answers_the_desk(desk: Harness) -> None:
    asked = await asked_at_the_desk(desk)
    out = await desk.send(FARMER, ANSWER)
    said = texts(out)
    assert f"已把您的回复补充到工单 {asked.label}" in said and "已报警" in said
    answered, call = await desk.tickets()
    assert (call.kind, call.team_id, call.text) == (Kind.EMERGENCY, "curing-longtan", ANSWER)
    assert answered.id == asked.id and answered.status is Status.DISPATCHED
    assert (await desk.actions(asked.id or 0))[-2:] == ["answer", "alarm"]
    told = await _told_the_desk(desk)
    assert any(f"报告人回复：{ANSWER}" in x for x in told)
    assert any(f"已据此另报110：工单 {call.label}，派给 龙潭镇烘烤110服务队" in x for x in told)


async def test_the_answered_ticket_is_not_closed_as_unanswered(desk: Harness) -> None:
    asked = await asked_at_the_desk(desk)
    await desk.send(FARMER, ANSWER)
    for _ in range(8):
        desk.clock.advance(days=1)
        await sweep(desk.db, desk.cfg, desk.clock() + timedelta(minutes=1))
    assert "expire" not in await desk.actions(asked.id or 0)
    [answered, _] = await desk.tickets()
    assert not answered.closed_unresolved


async def test_a_question_of_another_matter_is_not_answered_by_an_alarm(desk: Harness) -> None:
    """A team's question about a delivery is no question a barn failing answers: the call
    goes out, and the question still waits."""
    await desk.registered_as(FARMER, "farmer")
    ticket = await desk.file_request(FARMER, "上次送的化肥少了两袋")
    assert ticket.line != "triage"
    chat = desk.cfg.team(ticket.team_id).chat_id
    member = desk.cfg.team(ticket.team_id).members[0]
    await desk.press(member, f"tk:acc:{ticket.id}", chat=chat)
    await desk.press(member, f"tk:ask:{ticket.id}", chat=chat)
    await desk.send(member, "少的是哪种化肥？", chat=chat)
    out = await desk.send(FARMER, "龙潭镇烤房停电了")
    assert "已报警" in texts(out) and "补充到工单" not in texts(out)
    waiting, call = await desk.tickets()
    assert waiting.status is Status.WAITING_REQUESTER and call.team_id == "curing-longtan"


async def test_an_alarm_replied_to_a_question_of_another_matter_does_not_answer_it(
    desk: Harness,
) -> None:
    """少的是哪种化肥？ replied to with 烤房停电了: the call goes out, and the question
    about the fertiliser still waits for its answer."""
    await desk.registered_as(FARMER, "farmer")
    ticket = await desk.file_request(FARMER, "上次送的化肥少了两袋")
    team = desk.cfg.team(ticket.team_id)
    member = team.members[0]
    await desk.press(member, f"tk:acc:{ticket.id}", chat=team.chat_id)
    await desk.press(member, f"tk:ask:{ticket.id}", chat=team.chat_id)
    await desk.send(member, "少的是哪种化肥？", chat=team.chat_id)
    recorder = SentRecorder(desk.db.uow, SimulatedClock(desk.clock()))
    [row] = [
        r for r in await desk.outbox() if r.status == "pending" and r.purpose == QUESTION_NOTICE
    ]
    await recorder.record(row, 9001)
    await desk.send(FARMER, "烤房停电了，温度降下来了", reply_to=9001)
    asked, call = await desk.tickets()
    assert asked.status is Status.WAITING_REQUESTER
    assert call.kind is Kind.EMERGENCY
    assert "info" not in await desk.actions(asked.id or 0)
