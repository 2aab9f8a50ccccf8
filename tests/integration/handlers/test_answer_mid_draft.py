"""The team's question (需补充) answered with Telegram's reply to its notice while the
requester is half-way through a new draft: the answer goes to the ticket waiting for it,
and the draft stays where it was, instead of the answer joining a request it is not about
while the team waits on."""

from __future__ import annotations

from typing import Any

import pytest

from bot.outbox import SimulatedClock
from bot.outbox.recorder import SentRecorder
from core.enums import Status
from core.lifecycle import QUESTION_NOTICE
from core.model import Ticket
from handlers.incoming import Location
from routing import Decision
from tests.support.desk import Harness, button_actions, texts
from tests.support.tickets import FARMER, MEMBER

STAFF = 100003
STAFF_CHAT = -1001000000015
STAFF_MEMBER = 200081
QUESTION_MESSAGE = 7001
QINGSHAN_CHAT = -1001000000001


async def _wish_asked_about(desk: Harness) -> Ticket:
    """A staff member's wish, the team asking about it, the question notice delivered."""
    await desk.registered_as(STAFF, "staff")
    await desk.send(STAFF, "/wish 增加停车位")
    await desk.press(STAFF, "f:next")
    await desk.press(STAFF, "f:ok")
    [wish] = await desk.tickets()
    await desk.press(STAFF_MEMBER, f"tk:ask:{wish.id}", chat=STAFF_CHAT)
    await desk.send(STAFF_MEMBER, "停车位希望加在哪个区域？", chat=STAFF_CHAT)
    recorder = SentRecorder(desk.db.uow, SimulatedClock(desk.clock()))
    [notice] = [r for r in await desk.outbox() if r.purpose == QUESTION_NOTICE]
    await recorder.record(notice, QUESTION_MESSAGE)
    return wish


async def test_a_reply_to_the_question_half_way_through_a_draft_answers_it(
    desk: Harness,
) -> None:
    wish = await _wish_asked_about(desk)
    await desk.send(STAFF, "/new")
    await desk.send(STAFF, "宿舍的热水器坏了")
    out = await desk.send(STAFF, "办公楼东侧空地", reply_to=QUESTION_MESSAGE)
    assert f"已把您的回复补充到心愿 {wish.label}" in texts(out)
    assert "宿舍的热水器坏了" in texts(out)  # the draft is named, still going on
    [answered] = await desk.tickets()
    assert answered.status is not Status.WAITING_REQUESTER
    to_team = [str(r.payload.get("text")) for r in await desk.outbox() if r.chat_id == STAFF_CHAT]
    assert any("办公楼东侧空地" in text for text in to_team)

    out = await desk.press(STAFF, "f:next")  # the draft goes on, without the answer
    assert "f:ok" in button_actions(out)
    assert "宿舍的热水器坏了" in texts(out) and "东侧空地" not in texts(out)
    await desk.press(STAFF, "f:ok")
    _, filed = await desk.tickets()
    assert filed.text == "宿舍的热水器坏了"


async def test_words_typed_half_way_through_a_draft_without_the_reply_stay_its_own(
    desk: Harness,
) -> None:
    """Without Telegram's reply the words are the draft's, as ever: /new said a new matter."""
    await _wish_asked_about(desk)
    await desk.send(STAFF, "/new")
    await desk.send(STAFF, "宿舍的热水器坏了")
    out = await desk.send(STAFF, "三楼的那台")
    assert "已补充到描述里" in texts(out)
    [wish] = await desk.tickets()
    assert wish.status is Status.WAITING_REQUESTER


@pytest.mark.parametrize("in_a_draft", [False, True])
async def test_a_pin_replied_to_the_question_reaches_the_team_in_a_draft_or_not(
    desk: Harness, in_a_draft: bool
) -> None:
    """A location shared as Telegram's reply to the team's question is the answer, with its
    place, whether or not a new draft was begun meanwhile."""
    await _wish_asked_about(desk)
    if in_a_draft:
        await desk.send(STAFF, "/new")
        await desk.send(STAFF, "宿舍的热水器坏了")
    before = len(await desk.outbox())
    await desk.send(STAFF, location=Location(30.58, 114.27), reply_to=QUESTION_MESSAGE)
    to_team = [r for r in (await desk.outbox())[before:] if r.chat_id == STAFF_CHAT]
    assert any("30.58" in str(r.payload) for r in to_team), [r.payload for r in to_team]


async def test_a_thumbs_up_replied_to_the_question_mid_draft_answers_nothing(
    desk: Harness,
) -> None:
    """👍 sent as Telegram's reply to the team's question says nothing to pass on: the team
    still waits, and hears nothing."""
    await _wish_asked_about(desk)
    await desk.send(STAFF, "/new")
    await desk.send(STAFF, "宿舍的热水器坏了")
    before = len(await desk.outbox())
    await desk.send(STAFF, "👍", reply_to=QUESTION_MESSAGE)
    to_team = [r for r in (await desk.outbox())[before:] if r.chat_id == STAFF_CHAT]
    assert to_team == []
    [waiting] = [t for t in await desk.tickets() if t.status is Status.WAITING_REQUESTER]
    assert waiting.id is not None


async def test_a_barn_on_fire_replied_to_the_question_mid_draft_is_no_answer(
    desk: Harness,
) -> None:
    """A barn failing now, sent as the reply to a wish's question, is not passed to the
    wish's team as the answer they wait for."""
    await _wish_asked_about(desk)
    await desk.send(STAFF, "/new")
    await desk.send(STAFF, "宿舍的热水器坏了")
    before = len(await desk.outbox())
    await desk.send(STAFF, "烤房着火了，快来人", reply_to=QUESTION_MESSAGE)
    to_team = [r for r in (await desk.outbox())[before:] if r.chat_id == STAFF_CHAT]
    assert not [r for r in to_team if "报告人回复" in str(r.payload)], to_team


async def test_words_replied_to_the_question_mid_draft_are_routed_once(
    desk: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A barn failing now, sent by a farmer as the reply to a question about another
    request while a new draft is written: whether it answers the question and whether it
    raises the alarm are decided on one reading of the words, not two."""
    ticket = await desk.file_request(FARMER, "烘烤技术问题：变黄期温度应该设置多少度")
    await desk.press(MEMBER, f"tk:acc:{ticket.id}", chat=QINGSHAN_CHAT)
    await desk.press(MEMBER, f"tk:ask:{ticket.id}", chat=QINGSHAN_CHAT)
    await desk.send(MEMBER, "是哪种烤房？普通还是密集？", chat=QINGSHAN_CHAT)
    recorder = SentRecorder(desk.db.uow, SimulatedClock(desk.clock()))
    [notice] = [r for r in await desk.outbox() if r.purpose == QUESTION_NOTICE]
    await recorder.record(notice, QUESTION_MESSAGE)
    await desk.send(FARMER, "/new")
    await desk.send(FARMER, "想请技术员来看看烟叶")
    router = desk.desk.svc.router
    read: list[str] = []  # the words read as they may be an alarm (not `routed_as_no_alarm`)
    route = router.route

    def counted(text: str, **where: Any) -> Decision:
        if where.get("alarm", True):
            read.append(text)
        return route(text, **where)

    monkeypatch.setattr(router, "route", counted)
    out = await desk.send(FARMER, "烤房停电了", reply_to=QUESTION_MESSAGE)
    assert "已把您的回复补充到工单" not in texts(out)
    assert read.count("烤房停电了") == 1, read
