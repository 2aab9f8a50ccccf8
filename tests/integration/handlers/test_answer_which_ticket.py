"""An answer typed while several tickets wait for the requester's answer (the items of a
wish list, each asked about) is not put on the newest by guess: it goes to the ticket whose
question the requester replied to with Telegram's reply, or they are asked which, and the
answer is kept until they press one."""

from __future__ import annotations

import itertools

from bot.outbox import SimulatedClock
from bot.outbox.recorder import SentRecorder
from core.enums import Kind, Status
from core.lifecycle import QUESTION_NOTICE
from core.model import Ticket
from scheduler.sweep import sweep
from tests.support.desk import Harness, button_actions, button_data, texts
from tests.support.tickets import FARMER

STAFF = 100003
STAFF_CHAT = -1001000000015
STAFF_MEMBER = 200081
PARKING, CHARGING = "停车位希望加在哪个区域？", "充电桩装在哪里？"
_message_ids = itertools.count(7000)


async def _two_wishes_asked_about(desk: Harness) -> tuple[Ticket, Ticket]:
    """A staff member's wish list of two, the team asking about each, a minute apart."""
    await desk.registered_as(STAFF, "staff")
    out = await desk.send(STAFF, "心愿：（1）增加停车位；（2）安装电动车充电桩")
    assert button_actions(out)[0] == "f:ok"
    await desk.press(STAFF, button_data(out)[0])
    parking, charging = await desk.tickets()
    for ticket, question in ((parking, PARKING), (charging, CHARGING)):
        desk.clock.advance(minutes=1)
        await desk.press(STAFF_MEMBER, f"tk:ask:{ticket.id}", chat=STAFF_CHAT)
        await desk.send(STAFF_MEMBER, question, chat=STAFF_CHAT)
    assert [t.status for t in await desk.tickets()] == [Status.WAITING_REQUESTER] * 2
    return parking, charging


async def _to_the_team(desk: Harness) -> list[str]:
    return [str(r.payload.get("text")) for r in await desk.outbox() if r.chat_id == STAFF_CHAT]


async def _told_the_team(desk: Harness) -> list[str]:
    """What the team was told, its cards (which show the last answer in short) left out."""
    rows = await desk.outbox()
    return [
        str(r.payload.get("text"))
        for r in rows
        if r.chat_id == STAFF_CHAT and r.purpose not in ("card", "card_edit")
    ]


async def _delivered_questions(desk: Harness, requester: int = STAFF) -> dict[int, int]:
    """The sender delivers the question notices waiting: {ticket id: message id}."""
    recorder = SentRecorder(desk.db.uow, SimulatedClock(desk.clock()))
    sent = {}
    for row in await desk.outbox():
        if row.status == "pending" and row.purpose == QUESTION_NOTICE:
            assert row.ticket_id is not None and row.chat_id == requester
            sent[row.ticket_id] = next(_message_ids)
            await recorder.record(row, sent[row.ticket_id])
    return sent


async def test_an_answer_with_two_tickets_waiting_asks_which_and_goes_to_the_one_pressed(
    desk: Harness,
) -> None:
    parking, charging = await _two_wishes_asked_about(desk)
    out = await desk.send(STAFF, "停车位加在办公楼东侧空地")
    assert "您有 2 个心愿在等您补充" in texts(out)
    assert sorted(button_data(out)) == sorted(f"my:ans:{t.id}" for t in (parking, charging))
    labels = [b.text for r in out.replies for row in r.buttons for b in row]
    assert f"{parking.label} 增加停车位" in labels
    assert [t.status for t in await desk.tickets()] == [Status.WAITING_REQUESTER] * 2
    assert not any("东侧空地" in text for text in await _to_the_team(desk))

    out = await desk.press(STAFF, f"my:ans:{parking.id}")
    assert f"已把您的回复补充到心愿 {parking.label}（增加停车位）" in texts(out)
    first, second = await desk.tickets()
    assert (first.status, second.status) == (Status.DISPATCHED, Status.WAITING_REQUESTER)
    assert (await desk.actions(parking.id or 0))[-1] == "answer"
    [told] = [x for x in await _told_the_team(desk) if "东侧空地" in x]
    assert parking.label in told and charging.label not in told
    out = await desk.press(STAFF, f"my:ans:{charging.id}")  # pressed again: given already
    assert "没有保留" in texts(out)
    assert (await desk.tickets())[1].status is Status.WAITING_REQUESTER


async def test_a_photo_and_its_words_wait_together_for_the_ticket_pressed(
    desk: Harness,
) -> None:
    _parking, charging = await _two_wishes_asked_about(desk)
    await desk.send(STAFF, photo_file_id="p-garage")
    out = await desk.send(STAFF, "装在车棚西墙")
    assert "和前面的一起补充" in texts(out)
    await desk.press(STAFF, f"my:ans:{charging.id}")
    assert (await desk.actions(charging.id or 0))[-2:] == ["answer", "info"]
    first, second = await desk.tickets()
    assert (first.status, second.status) == (Status.WAITING_REQUESTER, Status.DISPATCHED)
    told = await _to_the_team(desk)
    assert any("[照片]" in x and charging.label in x for x in told)
    assert any("车棚西墙" in x and charging.label in x for x in told)


async def test_a_reply_to_a_question_notice_goes_to_that_ticket_without_asking(
    desk: Harness,
) -> None:
    parking, _charging = await _two_wishes_asked_about(desk)
    notices = await _delivered_questions(desk)
    out = await desk.send(STAFF, "办公楼东侧空地", reply_to=notices[parking.id or 0])
    assert f"已把您的回复补充到心愿 {parking.label}（增加停车位）" in texts(out)
    assert button_data(out) == []
    first, second = await desk.tickets()
    assert (first.status, second.status) == (Status.DISPATCHED, Status.WAITING_REQUESTER)


async def test_a_reply_to_the_reminder_of_a_question_goes_to_its_ticket(
    desk: Harness,
) -> None:
    parking, charging = await _two_wishes_asked_about(desk)
    await _delivered_questions(desk)
    desk.clock.advance(days=1, minutes=1)  # the demo reminds after a day without an answer
    await sweep(desk.db, desk.cfg, desk.clock())
    reminders = await _delivered_questions(desk)
    assert set(reminders) == {parking.id, charging.id}
    await desk.send(STAFF, "车棚西墙", reply_to=reminders[charging.id or 0])
    first, second = await desk.tickets()
    assert (first.status, second.status) == (Status.WAITING_REQUESTER, Status.DISPATCHED)


async def test_more_of_an_answer_just_given_is_asked_about_while_another_ticket_waits(
    desk: Harness,
) -> None:
    parking, charging = await _two_wishes_asked_about(desk)
    await desk.send(STAFF, "办公楼东侧空地")
    await desk.press(STAFF, f"my:ans:{parking.id}")
    desk.clock.advance(minutes=2)
    out = await desk.send(STAFF, "大概要二十个车位")
    assert sorted(button_data(out)) == sorted(f"my:ans:{t.id}" for t in (parking, charging))
    out = await desk.press(STAFF, f"my:ans:{parking.id}")
    assert f"已补充到心愿 {parking.label}（增加停车位）" in texts(out)
    assert (await desk.tickets())[1].status is Status.WAITING_REQUESTER
    # Half an hour on, only the other one may be what an answer is for: it goes there.
    desk.clock.advance(minutes=30)
    out = await desk.send(STAFF, "装在车棚西墙")
    assert f"已把您的回复补充到心愿 {charging.label}，" in texts(out)
    assert [t.status for t in await desk.tickets()] == [Status.DISPATCHED] * 2


async def test_a_photo_kept_for_the_question_goes_with_a_reply_to_a_notice(
    desk: Harness,
) -> None:
    parking, _charging = await _two_wishes_asked_about(desk)
    notices = await _delivered_questions(desk)
    await desk.send(STAFF, photo_file_id="p-garage")  # which ticket? kept meanwhile
    await desk.send(STAFF, "照片里就是东侧空地", reply_to=notices[parking.id or 0])
    async with desk.db.uow(read_only=True) as uow:
        files = [a.file_id for a in await uow.attachments.of_ticket(parking.id or 0)]
        conv = await uow.users.get_with_conversation(STAFF, STAFF)
    assert files == ["p-garage"] and conv[1] is None  # nothing left kept, nothing lost


async def _request_and_call_asked_about(desk: Harness) -> int:
    """A farmer with a purchase question and a 110 call, each asked about; the call's id."""
    farmer = FARMER
    purchase_chat, purchase_member = -1001000000011, 200041
    curing_chat, curing_member = -1001000000001, 200001
    request = await desk.file_request(farmer, "收购站什么时候开秤")
    await desk.press(purchase_member, f"tk:acc:{request.id}", chat=purchase_chat)
    await desk.press(purchase_member, f"tk:ask:{request.id}", chat=purchase_chat)
    await desk.send(purchase_member, "您是哪个村的？", chat=purchase_chat)
    call = await desk.file_110(farmer)
    await desk.press(curing_member, f"tk:acc:{call}", chat=curing_chat)
    await desk.press(curing_member, f"tk:ask:{call}", chat=curing_chat)
    await desk.send(curing_member, "温度现在多少？", chat=curing_chat)
    return call


async def test_a_barn_failing_while_a_110_call_and_another_ticket_wait_pages_the_call(
    desk: Harness,
) -> None:
    """A fire is news of the call at once, never held for a which-ticket button."""
    call = await _request_and_call_asked_about(desk)
    before = len(await desk.outbox())

    out = await desk.send(FARMER, "另一个烤房着火了，快来人")

    assert "my:ans:" not in str(button_data(out))
    paged = [r for r in (await desk.outbox())[before:] if r.ticket_id == call]
    assert paged and any(r.priority == 0 for r in paged)


async def test_a_complaint_naming_an_emergency_is_no_news_of_the_call_waiting(
    desk: Harness,
) -> None:
    call = await _request_and_call_asked_about(desk)
    before = len(await desk.outbox())

    out = await desk.send(FARMER, "我要投诉，昨晚烤房停电打你们110电话一直没人接")

    assert not any(r.ticket_id == call for r in (await desk.outbox())[before:])
    assert "my:ans:" in str(button_data(out)) or "投诉" in texts(out)


async def test_words_kept_for_the_question_are_not_given_to_the_ticket_replied_to(
    desk: Harness,
) -> None:
    parking, charging = await _two_wishes_asked_about(desk)
    notices = await _delivered_questions(desk)
    await desk.send(STAFF, "停车位加在办公楼东侧空地")  # which ticket? kept
    await desk.send(STAFF, "充电桩装在车棚西墙", reply_to=notices[charging.id or 0])
    first, second = await desk.tickets()
    assert (first.status, second.status) == (Status.WAITING_REQUESTER, Status.DISPATCHED)
    out = await desk.press(STAFF, f"my:ans:{parking.id}")  # the kept words: still kept
    assert f"{parking.label}（增加停车位）" in texts(out)
    assert [t.status for t in await desk.tickets()] == [Status.DISPATCHED] * 2


async def test_a_barn_failing_again_with_a_complaint_is_news_of_the_call_waiting(
    desk: Harness,
) -> None:
    call = await _request_and_call_asked_about(desk)
    before = len(await desk.outbox())
    await desk.send(FARMER, "烤房又停电了，你们110怎么还不来，我要投诉")
    paged = [r for r in (await desk.outbox())[before:] if r.ticket_id == call]
    assert paged and any(r.priority == 0 for r in paged)


async def test_a_barn_failing_beside_an_urgent_request_that_is_no_110_call_is_a_new_call(
    desk: Harness,
) -> None:
    """A hail damage request (urgent, the growers' line) waits for the farmer's answer: a
    barn failing now is a 110 call of its own, not an answer to it."""
    growing_chat, growing_member = -1001000000010, 200031
    hail = await desk.file_request(FARMER, "昨天下冰雹把烟叶全打烂了，怎么办")
    assert hail.urgent and hail.team_id == "growing"
    await desk.press(growing_member, f"tk:acc:{hail.id}", chat=growing_chat)
    await desk.press(growing_member, f"tk:ask:{hail.id}", chat=growing_chat)
    await desk.send(growing_member, "打烂了几亩？", chat=growing_chat)
    out = await desk.send(FARMER, "烤房停电了，温度一直往下掉")
    assert "已报警" in texts(out)
    assert [t.kind for t in await desk.tickets()] == [hail.kind, Kind.EMERGENCY]


async def test_a_reply_to_the_question_after_the_team_went_on_site_joins_that_ticket(
    desk: Harness,
) -> None:
    """上门 ends the wait for the answer; the requester's reply to the question, sent
    after, is still that ticket's, not a request offered to the triage desk."""
    ticket = await desk.file_request(FARMER, "烟苗发黄是什么病，要打什么药")
    team = desk.cfg.team(ticket.team_id)
    member = team.members[0]
    await desk.press(member, f"tk:acc:{ticket.id}", chat=team.chat_id)
    await desk.press(member, f"tk:ask:{ticket.id}", chat=team.chat_id)
    await desk.send(member, "发黄的是下部叶还是上部叶？", chat=team.chat_id)
    [question] = (await _delivered_questions(desk, FARMER)).values()
    await desk.press(member, f"tk:vis:{ticket.id}", chat=team.chat_id)
    out = await desk.send(FARMER, "下部叶", reply_to=question)
    assert f"已把您的回复补充到工单 {ticket.label}" in texts(out) and button_data(out) == []
    assert (await desk.actions(ticket.id or 0))[-2:] == ["visit", "info"]
    [filed] = await desk.tickets()
    assert filed.status is Status.ON_SITE
    # A question for another service, replied to it all the same, is a matter of its own.
    out = await desk.send(FARMER, "另外问一下，许可证延续要带什么材料？", reply_to=question)
    assert "专卖管理所" in texts(out) and "已把您的回复" not in texts(out)
    assert (await desk.actions(ticket.id or 0))[-1] == "info"  # the one before, only
