"""An answer to the triage desk's question that says a barn is failing, sent otherwise than
as short words typed (test_answer_raises_alarm.py): in a photo's caption, at length, or in
words that may be past and are asked about first. Each is the answer on the desk's ticket,
as the typed words are, and raises the 110 call only when the barn is failing now."""

from __future__ import annotations

from core.enums import Kind, Status
from core.model import Ticket
from tests.integration.handlers.test_answer_raises_alarm import asked_at_the_desk
from tests.support.desk import Harness, texts
from tests.support.tickets import FARMER

TRIAGE_CHAT = -1001000000017
ANSWER = "在龙潭镇，正在烤，烤房漏风温度上不去"
PAST = "在龙潭镇，上次停电烤坏了一炉"


async def _answered_and_called(desk: Harness, asked: Ticket) -> Ticket:
    answered, call = await desk.tickets()
    assert answered.id == asked.id and answered.status is Status.DISPATCHED
    assert (await desk.actions(asked.id or 0))[-2:] == ["answer", "alarm"]
    assert (call.kind, call.team_id) == (Kind.EMERGENCY, "curing-longtan")
    return call


async def test_a_photo_captioned_with_the_barn_failing_answers_and_calls(desk: Harness) -> None:
    asked = await asked_at_the_desk(desk)
    out = await desk.send(FARMER, ANSWER, photo_file_id="barn-photo")
    said = texts(out)
    assert f"已把您的回复补充到工单 {asked.label}" in said and "已报警" in said
    call = await _answered_and_called(desk, asked)
    async with desk.db.uow() as uow:
        assert [a.file_id for a in await uow.attachments.of_ticket(call.id or 0)] == ["barn-photo"]


async def test_an_answer_over_the_limit_answers_and_calls(desk: Harness) -> None:
    asked = await asked_at_the_desk(desk)
    long = ANSWER + "，" + "温度一直往下掉" * 400
    assert len(long) > desk.cfg.limits.max_text
    out = await desk.send(FARMER, long)
    said = texts(out)
    assert f"已把您的回复补充到工单 {asked.label}" in said and "已报警" in said
    await _answered_and_called(desk, asked)


async def test_words_maybe_past_said_now_answer_and_call(desk: Harness) -> None:
    asked = await asked_at_the_desk(desk)
    out = await desk.send(FARMER, PAST)
    assert "现在需要烘烤110服务队马上处理吗" in texts(out)
    out = await desk.press(FARMER, "f:alarm:yes")
    assert f"已把您的回复补充到工单 {asked.label}" in texts(out) and "已报警" in texts(out)
    await _answered_and_called(desk, asked)


async def test_words_maybe_past_not_now_answer_and_call_nobody(desk: Harness) -> None:
    asked = await asked_at_the_desk(desk)
    await desk.send(FARMER, PAST)
    out = await desk.press(FARMER, "f:alarm:no")
    assert f"已把您的回复补充到工单 {asked.label}" in texts(out)
    [answered] = await desk.tickets()  # no call, and no new request beside the answer
    assert answered.id == asked.id and answered.status is Status.DISPATCHED
    assert (await desk.actions(asked.id or 0))[-1] == "answer"
    told = [str(r.payload.get("text", "")) for r in await desk.outbox() if r.chat_id == TRIAGE_CHAT]
    assert any(f"报告人回复：{PAST}" in x for x in told)


async def test_every_photo_kept_for_a_not_now_answer_joins_the_ticket(desk: Harness) -> None:
    """Two photos sent after the words asked about, then 不是: both are the answer's."""
    asked = await asked_at_the_desk(desk)
    await desk.send(FARMER, "在龙潭镇，上次停电烤坏了一炉")
    await desk.send(FARMER, "", photo_file_id="photo-1")
    await desk.send(FARMER, "", photo_file_id="photo-2")
    await desk.press(FARMER, "f:alarm:no")
    [answered] = await desk.tickets()
    assert answered.id == asked.id and answered.status is Status.DISPATCHED
    async with desk.db.uow() as uow:
        kept = sorted(a.file_id for a in await uow.attachments.of_ticket(asked.id or 0))
    assert kept == ["photo-1", "photo-2"]
    sent = [r.payload.get("file_id") for r in await desk.outbox() if r.method == "send_photo"]
    assert {"photo-1", "photo-2"} <= set(sent)  # the desk sees both


async def test_a_photo_captioned_with_a_past_failure_answers_after_asking(desk: Harness) -> None:
    """上周 in the caption: asked before anyone is paged; not now, the caption and the
    photo are the answer, and no call is raised."""
    asked = await asked_at_the_desk(desk)
    out = await desk.send(FARMER, "上周烤房停电了，这是当时的温度", photo_file_id="then")
    assert "马上处理吗" in texts(out) and "已报警" not in texts(out)
    out = await desk.press(FARMER, "f:alarm:no")
    assert f"已把您的回复补充到工单 {asked.label}" in texts(out)
    [answered] = await desk.tickets()
    assert answered.id == asked.id and answered.status is Status.DISPATCHED
    async with desk.db.uow() as uow:
        assert [a.file_id for a in await uow.attachments.of_ticket(asked.id or 0)] == ["then"]


async def test_words_asked_about_then_left_for_another_message_stay_the_answer(
    desk: Harness,
) -> None:
    """The farmer asked 现在需要马上处理吗？ writes of something else: the words asked about
    are the answer all the same, nobody paged, and the farmer is told so."""
    asked = await asked_at_the_desk(desk)
    await desk.send(FARMER, PAST)
    out = await desk.send(FARMER, "/my")
    assert f"已把您的回复补充到工单 {asked.label}" in texts(out) and "已放下" not in texts(out)
    [answered] = await desk.tickets()
    assert answered.status is Status.DISPATCHED
    told = [str(r.payload.get("text", "")) for r in await desk.outbox() if r.chat_id == TRIAGE_CHAT]
    assert any(f"报告人回复：{PAST}" in x for x in told)


async def test_words_asked_about_then_a_new_sentence_stay_the_answer(desk: Harness) -> None:
    asked = await asked_at_the_desk(desk)
    await desk.send(FARMER, PAST)
    out = await desk.send(FARMER, "我想问一下今年烟叶收购什么时候开始")
    assert f"已把您的回复补充到工单 {asked.label}" in texts(out)
    told = [str(r.payload.get("text", "")) for r in await desk.outbox() if r.chat_id == TRIAGE_CHAT]
    assert any(f"报告人回复：{PAST}" in x for x in told)
