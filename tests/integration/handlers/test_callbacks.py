"""A low rating owes the requester a call-back (回访): the alert asking for it carries
「📞 已回访」, and the leaders who owe it (or a supervisor) record it with what the requester
said. Who owes it: the leaders of the team that had the ticket; for a complaint, the
oversight team's, also when another team handled it and the oversight team only watched,
never the team complained about."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import update

from bot.outbox import SimulatedClock
from bot.outbox.recorder import SentRecorder
from core.enums import Action, Role
from core.lifecycle import CALLBACK_REMARK
from core.model import OutboxMessage, Ticket
from core.night import delivered_silently
from core.services import BUTTONS_OFF, perform
from reports.ledger import LedgerRow, load
from reports.periods import days
from scheduler.sweep import sweep
from storage.tables import outbox
from tests.support.complainant import LICENCE, SECRETS, registered_with_a_shop
from tests.support.desk import Harness, texts
from tests.support.tickets import FARMER, LEADER, MEMBER, SUPERVISOR

CURING_CHAT = -1001000000001
RETAILER = 100002
DELIVERY_CHAT, DELIVERY_MEMBER, DELIVERY_LEADER = -1001000000014, 200071, 200072
CONDUCT_CHAT, CONDUCT_MEMBER, CONDUCT_LEADER = -1001000000016, 200091, 200092
CALLBACK_WITHIN = timedelta(hours=7)  # the demo's, on a 110 call's round-the-clock calendar


async def _ticket(desk: Harness, ticket_id: int) -> Ticket:
    async with desk.db.uow(read_only=True) as uow:
        ticket = await uow.tickets.get(ticket_id)
    assert ticket is not None
    return ticket


async def _rated_110(desk: Harness, score: int) -> int:
    """A farmer's 110 call, resolved by the team and rated `score`; its id."""
    ticket_id = await desk.resolved_110(FARMER, MEMBER, CURING_CHAT)
    await desk.press(FARMER, f"my:r:{ticket_id}:{score}")
    return ticket_id


def _asking(rows: list[OutboxMessage], ticket_id: int) -> dict[int, OutboxMessage]:
    """The messages that ask for the ticket's call-back, by whom they went to."""
    press = f"tk:cb:{ticket_id}"
    return {r.chat_id: r for r in rows if press in str(r.payload.get("buttons", ""))}


async def _ledger_row(desk: Harness, ticket: Ticket, later: int = 0) -> LedgerRow:
    """The ticket's row of the ledger made `later` days from now."""
    now = desk.clock.now + timedelta(days=later)
    filed = ticket.created_at.astimezone(desk.cfg.zone).date()
    async with desk.db.uow(read_only=True) as uow:
        assert uow.session is not None
        ledger = await load(uow.session, desk.cfg, days(filed, filed, desk.cfg.zone), now)
    [row] = [r for r in ledger.rows if r.number == ticket.label]
    return row


async def test_a_low_rating_owes_a_call_back_and_its_alert_has_the_button(desk: Harness) -> None:
    ticket_id = await _rated_110(desk, 2)

    ticket = await _ticket(desk, ticket_id)
    assert ticket.callback_due_at == desk.clock.now + CALLBACK_WITHIN
    assert ticket.callback_team == "curing-qingshan" and ticket.owes_callback
    assert ticket.next_action_at == ticket.callback_due_at  # the sweep chases it from then
    asked = _asking(await desk.outbox(), ticket_id)
    assert set(asked) == {LEADER, SUPERVISOR}
    for row in asked.values():
        assert row.payload["buttons"] == [[{"text": "📞 已回访", "data": f"tk:cb:{ticket_id}"}]]
        assert "2 星" in row.payload["text"] and "11-18 16:00 前回访" in row.payload["text"]
    assert (await _ledger_row(desk, ticket)).callback == "待回访"
    assert (await _ledger_row(desk, ticket, later=1)).callback == "超期未回访"


async def _notices(desk: Harness, ticket_id: int, since: set[int | None]) -> dict[int, str]:
    """The notices asking for the ticket's call-back written since `since`, by reader."""
    return {
        r.chat_id: str(r.payload.get("text", ""))
        for r in await desk.outbox()
        if r.id not in since and r.purpose == "callback" and r.ticket_id == ticket_id
    }


async def test_the_first_call_back_notice_gives_the_requesters_phone_to_call_at_once(
    desk: Harness,
) -> None:
    """Before: the notice at the rating named no requester; only the reminder after the due
    time did, hours after the leader could have phoned."""
    await desk.contact(FARMER, "8613800000001", owner=FARMER)
    ticket_id = await desk.resolved_110(FARMER, MEMBER, CURING_CHAT)
    before = {r.id for r in await desk.outbox()}
    await desk.press(FARMER, f"my:r:{ticket_id}:2")

    notices = await _notices(desk, ticket_id, before)
    assert set(notices) == {LEADER, SUPERVISOR}
    for text in notices.values():
        assert "2 星" in text and "电话：+8613800000001" in text
        assert "内容：烤房温度上不去" in text  # what to ask about


async def test_a_complaints_first_call_back_notice_names_the_complainant_to_oversight_only(
    desk: Harness,
) -> None:
    """The oversight team's leaders owe the call-back of a complaint the team complained
    about handled: they phone the complainant and read who it is; an anonymous one's
    notice names nobody."""
    await registered_with_a_shop(desk)
    for anonymous in (False, True):
        await desk.send(RETAILER, "/complain")
        await desk.send(RETAILER, "投诉配送员小王，送货总是迟到")
        await desk.press(RETAILER, "f:next")
        await desk.press(RETAILER, "f:anon" if anonymous else "f:ok")
        ticket = (await desk.tickets())[-1]
        assert ticket.id is not None and ticket.team_id == "delivery"
        for step in ("acc", "res"):
            await desk.press(DELIVERY_MEMBER, f"tk:{step}:{ticket.id}", chat=DELIVERY_CHAT)
        await desk.send(DELIVERY_MEMBER, "已批评教育", chat=DELIVERY_CHAT)
        before = {r.id for r in await desk.outbox()}
        await desk.press(RETAILER, f"my:r:{ticket.id}:1")

        notices = await _notices(desk, ticket.id, before)
        assert set(notices) == {CONDUCT_LEADER, SUPERVISOR}
        for text in notices.values():
            if anonymous:
                assert "报告人：匿名" in text
                assert not any(secret in text for secret in SECRETS)
            else:
                assert "王小五" in text and "电话：+8613800000002" in text and LICENCE in text
    # The team complained about never reads who complained, in its leader's own chat neither.
    to_its_leader = [str(r.payload) for r in await desk.outbox() if r.chat_id == DELIVERY_LEADER]
    assert not any(secret in text for text in to_its_leader for secret in SECRETS)


async def test_the_leader_records_the_call_back_with_what_the_requester_said(
    desk: Harness,
) -> None:
    ticket_id = await _rated_110(desk, 1)
    desk.clock.advance(hours=2)

    asked = await desk.send(
        LEADER, callback_data=f"tk:cb:{ticket_id}", callback_message_id=5, user_name="陈队长"
    )
    assert "回访时报告人怎么说" in texts(asked) and "15 分钟内" in texts(asked)
    said = "已电话联系，报告人说师傅来晚了，已道歉并约好明天再去看"
    done = await desk.send(LEADER, said)

    assert f"已记录工单 {(await _ticket(desk, ticket_id)).label} 的回访" in texts(done)
    ticket = await _ticket(desk, ticket_id)
    assert (ticket.callback_at, ticket.callback_by, ticket.callback_note) == (
        desk.clock.now,
        LEADER,
        said,
    )
    assert not ticket.owes_callback and ticket.next_action_at is None  # nothing to chase
    async with desk.db.uow(read_only=True) as uow:
        last = list(await uow.tickets.events(ticket_id))[-1]
    assert (last.action, last.actor_id, last.actor_role, last.note) == (
        "callback",
        LEADER,
        Role.LEADER,
        said,
    )
    assert (await _ledger_row(desk, ticket, later=3)).callback == f"2026-11-18 11:00 {said}"
    # Pressed again, by a supervisor: who recorded it, and when; nothing is asked.
    again = await desk.press(SUPERVISOR, f"tk:cb:{ticket_id}")
    assert again.toast is not None
    assert "陈队长" in again.toast and "11-18 11:00" in again.toast
    assert not again.replies


async def _kept(desk: Harness, ticket_id: int) -> list[tuple[str, str, int | None]]:
    async with desk.db.uow(read_only=True) as uow:
        return [(a.kind, a.file_id, a.added_by) for a in await uow.attachments.of_ticket(ticket_id)]


async def test_a_call_back_sent_as_an_album_keeps_every_photo_with_the_record(
    desk: Harness,
) -> None:
    ticket_id = await _rated_110(desk, 2)
    await desk.press(LEADER, f"tk:cb:{ticket_id}")
    before = {r.id for r in await desk.outbox()}
    said = "到现场看过，风机又坏了，约好明天换"
    first = await desk.send(LEADER, said, photo_file_id="barn1", media_group_id="cb1")
    rest = [
        await desk.send(LEADER, photo_file_id=photo, media_group_id="cb1")
        for photo in ("barn2", "barn3")
    ]

    assert "的回访" in texts(first) and (await _ticket(desk, ticket_id)).callback_note == said
    # Before: no photo was kept, and the album's next photos began a request of the leader's
    # own (已收到。请再用文字或语音说明一下情况…).
    assert [texts(out) for out in rest] == ["", ""]
    assert await _kept(desk, ticket_id) == [
        ("photo", "barn1", LEADER),
        ("photo", "barn2", LEADER),
        ("photo", "barn3", LEADER),
    ]
    assert len(await desk.tickets()) == 1
    new = [r for r in await desk.outbox() if r.id not in before]
    assert not [r for r in new if r.chat_id == FARMER]  # the leaders' record, not the farmer's


async def test_an_album_recording_a_call_back_another_recorded_first_is_let_go_whole(
    desk: Harness,
) -> None:
    ticket_id = await _rated_110(desk, 2)
    await desk.press(LEADER, f"tk:cb:{ticket_id}")
    await desk.press(SUPERVISOR, f"tk:cb:{ticket_id}")
    await desk.send(SUPERVISOR, "已电话回访，农户说还行")
    first = await desk.send(LEADER, "到现场看过", photo_file_id="barn1", media_group_id="cb1")
    rest = [
        await desk.send(LEADER, photo_file_id=photo, media_group_id="cb1")
        for photo in ("barn2", "barn3")
    ]

    assert "记录回访：已电话回访，农户说还行" in texts(first)
    # Before: each of the album's next photos got 已收到。请再用文字或语音说明一下情况… and
    # began a request of the leader's own.
    assert [texts(out) for out in rest] == ["", ""]
    assert len(await desk.tickets()) == 1
    await desk.send(LEADER, "我家烤房风机又坏了")  # after the album, words are read as ever
    assert len(await desk.tickets()) == 2


async def test_a_photo_sent_before_the_call_back_s_words_is_kept_with_them(
    desk: Harness,
) -> None:
    ticket_id = await _rated_110(desk, 2)
    await desk.press(LEADER, f"tk:cb:{ticket_id}")

    kept = await desk.send(LEADER, photo_file_id="barn")
    done = await desk.send(LEADER, "农户说温控器还是不准")

    assert "已收到，会和回访情况一起记下" in texts(kept)
    assert "的回访" in texts(done)
    assert await _kept(desk, ticket_id) == [("photo", "barn", LEADER)]


async def test_a_member_of_the_team_may_not_record_the_call_back(desk: Harness) -> None:
    ticket_id = await _rated_110(desk, 3)

    out = await desk.press(MEMBER, f"tk:cb:{ticket_id}")
    await desk.send(MEMBER, "我已经打过电话了")

    assert out.toast == "只有青山镇烘烤110服务队的队长或督办人员可以记录工单 " + (
        f"{(await _ticket(desk, ticket_id)).label} 的回访。"
    )
    ticket = await _ticket(desk, ticket_id)
    assert ticket.callback_at is None and ticket.owes_callback
    assert "callback" not in await desk.actions(ticket_id)


@pytest.mark.parametrize("score", [4, 5])
async def test_a_rating_of_4_or_5_owes_no_call_back(desk: Harness, score: int) -> None:
    ticket_id = await _rated_110(desk, score)

    ticket = await _ticket(desk, ticket_id)
    assert ticket.callback_due_at is None and not ticket.owes_callback
    assert ticket.next_action_at is None
    assert _asking(await desk.outbox(), ticket_id) == {}
    out = await desk.press(LEADER, f"tk:cb:{ticket_id}")  # an old or forged press
    assert out.toast is not None and "没有要记录的回访" in out.toast
    assert (await _ledger_row(desk, ticket, later=3)).callback == ""


async def test_a_reopened_ticket_no_longer_owes_the_call_back_of_its_rating(
    desk: Harness,
) -> None:
    ticket_id = await _rated_110(desk, 1)
    # The state machine lets a supervisor send a closed ticket back to the team; the
    # requester's 没解决 is refused once they have rated it.
    async with desk.db.uow() as uow:
        ticket = await uow.tickets.get(ticket_id)
        assert ticket is not None
        await perform(uow, desk.cfg, ticket, Action.REOPEN, actor_id=SUPERVISOR, now=desk.clock.now)
        await uow.commit()

    ticket = await _ticket(desk, ticket_id)
    assert ticket.callback_due_at is None and ticket.callback_team is None
    assert not ticket.owes_callback
    assert ticket.next_action_at == ticket.accept_due_at  # the team's ladder, not a call-back
    out = await desk.press(LEADER, f"tk:cb:{ticket_id}")
    assert out.toast is not None and "没有要记录的回访" in out.toast
    assert (await _ledger_row(desk, ticket, later=3)).callback == ""


async def _complaint_taken_over(desk: Harness) -> Ticket:
    """A retailer's complaint about a driver, routed to the delivery team (物流配送中心),
    taken over by the oversight team (纪检作风监督室) and accepted there."""
    await desk.send(RETAILER, "/complain")
    await desk.send(RETAILER, "投诉配送员小王，送货总是迟到，还说我事多")
    await desk.press(RETAILER, "f:next")
    await desk.press(RETAILER, "f:ok")
    [ticket] = await desk.tickets()
    assert ticket.team_id == "delivery"
    await desk.press(CONDUCT_MEMBER, f"ov:take:{ticket.id}", chat=CONDUCT_CHAT)
    await desk.press(CONDUCT_MEMBER, f"tk:acc:{ticket.id}", chat=CONDUCT_CHAT)
    return ticket


async def test_a_complaint_taken_over_owes_its_call_back_to_the_oversight_teams_leaders(
    desk: Harness,
) -> None:
    ticket = await _complaint_taken_over(desk)
    assert ticket.id is not None
    await desk.press(CONDUCT_MEMBER, f"tk:res:{ticket.id}", chat=CONDUCT_CHAT)
    await desk.send(CONDUCT_MEMBER, "已约谈配送员，调整送货线路", chat=CONDUCT_CHAT)
    await desk.press(RETAILER, f"my:r:{ticket.id}:1")

    assert (await _ticket(desk, ticket.id)).callback_team == "conduct"
    assert set(_asking(await desk.outbox(), ticket.id)) == {CONDUCT_LEADER, SUPERVISOR}
    refused = await desk.press(DELIVERY_LEADER, f"tk:cb:{ticket.id}")
    assert refused.toast is not None and "只有纪检作风监督室的队长" in refused.toast
    await desk.press(CONDUCT_LEADER, f"tk:cb:{ticket.id}")
    await desk.send(CONDUCT_LEADER, "报告人仍不满意配送时间，已转告配送中心主任")
    made = await _ticket(desk, ticket.id)
    assert (made.callback_by, made.owes_callback) == (CONDUCT_LEADER, False)


async def test_a_complaint_the_team_complained_about_handled_is_called_back_by_oversight(
    desk: Harness,
) -> None:
    """The oversight team only watched (its copy, never 接管): the team complained about
    resolved it, and does not call back about a complaint against itself."""
    await desk.send(RETAILER, "/complain")
    await desk.send(RETAILER, "投诉配送员小王，送货总是迟到，还说我事多")
    await desk.press(RETAILER, "f:next")
    await desk.press(RETAILER, "f:ok")
    [ticket] = await desk.tickets()
    assert ticket.id is not None and ticket.team_id == "delivery"
    for step in ("acc", "res"):
        await desk.press(DELIVERY_MEMBER, f"tk:{step}:{ticket.id}", chat=DELIVERY_CHAT)
    await desk.send(DELIVERY_MEMBER, "已批评教育", chat=DELIVERY_CHAT)
    await desk.press(RETAILER, f"my:r:{ticket.id}:1")

    assert (await _ticket(desk, ticket.id)).callback_team == "conduct"
    assert set(_asking(await desk.outbox(), ticket.id)) == {CONDUCT_LEADER, SUPERVISOR}


async def test_a_complaint_the_oversight_team_sent_on_is_still_its_own_to_call_back(
    desk: Harness,
) -> None:
    ticket = await _complaint_taken_over(desk)
    assert ticket.id is not None
    # Investigated, then handed back to the delivery team to change the driver's rounds.
    await desk.press(CONDUCT_MEMBER, f"tk:xto:{ticket.id}:delivery", chat=CONDUCT_CHAT)
    await desk.send(CONDUCT_MEMBER, "已调查属实，请配送中心调整线路", chat=CONDUCT_CHAT)
    await desk.press(DELIVERY_MEMBER, f"tk:acc:{ticket.id}", chat=DELIVERY_CHAT)
    await desk.press(DELIVERY_MEMBER, f"tk:res:{ticket.id}", chat=DELIVERY_CHAT)
    await desk.send(DELIVERY_MEMBER, "已调整送货线路", chat=DELIVERY_CHAT)
    assert (await _ticket(desk, ticket.id)).team_id == "delivery"
    await desk.press(RETAILER, f"my:r:{ticket.id}:2")

    assert (await _ticket(desk, ticket.id)).callback_team == "conduct"
    assert set(_asking(await desk.outbox(), ticket.id)) == {CONDUCT_LEADER, SUPERVISOR}
    refused = await desk.press(DELIVERY_LEADER, f"tk:cb:{ticket.id}")
    assert refused.toast is not None and "只有纪检作风监督室的队长" in refused.toast
    # The requester's comment on the low rating goes to those who owe the call-back, not to
    # the team the complaint was about.
    before = len(await desk.outbox())
    await desk.send(RETAILER, "送货员还是那样，根本没改")
    told = {r.chat_id for r in (await desk.outbox())[before:] if "根本没改" in str(r.payload)}
    assert CONDUCT_LEADER in told and DELIVERY_LEADER not in told


async def _deliver(desk: Harness, purpose: str) -> set[tuple[int, int]]:
    """The sender delivers the waiting rows of `purpose`: their (chat, message id)."""
    recorder = SentRecorder(desk.db.uow, SimulatedClock(desk.clock()))
    sent: set[tuple[int, int]] = set()
    for row in await desk.outbox():
        if row.status == "pending" and row.purpose == purpose:
            message_id = 7000 + len(sent) + (row.id or 0) * 10
            await recorder.record(row, message_id)
            sent.add((row.chat_id, message_id))
    return sent


async def test_once_recorded_every_message_asking_for_the_call_back_says_so_without_button(
    desk: Harness,
) -> None:
    ticket_id = await _rated_110(desk, 2)
    asked = await _deliver(desk, "callback")  # the leader's and the supervisor's
    # Due 16:00; a day later still nobody called: the 回访督办 (仍未记录回访) goes out too.
    desk.clock.advance(hours=7 + 24, minutes=5)
    await sweep(desk.db, desk.cfg, desk.clock())
    chased = await _deliver(desk, "callback")
    assert {chat for chat, _ in chased} >= {SUPERVISOR}
    overdue = [r for r in await desk.outbox() if "仍未记录回访" in r.payload.get("text", "")]
    assert SUPERVISOR in {r.chat_id for r in overdue}

    await desk.send(LEADER, callback_data=f"tk:cb:{ticket_id}", user_name="陈队长")
    await desk.send(LEADER, "已回电，报告人表示满意")

    edits = [r for r in await desk.outbox() if r.purpose == "callback_edit"]
    assert {(r.chat_id, r.payload["message_id"]) for r in edits} == asked | chased
    label = (await _ticket(desk, ticket_id)).label
    for edit in edits:
        assert edit.method == "edit_message" and "buttons" not in edit.payload
        assert edit.payload["text"] == (
            f"📞 工单 {label} 的回访已由 陈队长 在 11-19 16:05 记录：已回电，报告人表示满意"
        )
    async with desk.db.uow(read_only=True) as uow:
        assert await uow.ticket_messages.of_ticket(ticket_id, "callback") == []


async def test_a_notice_asking_for_the_call_back_not_sent_yet_when_it_is_recorded_never_goes(
    desk: Harness,
) -> None:
    ticket_id = await _rated_110(desk, 2)
    waiting = list(_asking(await desk.outbox(), ticket_id).values())
    assert waiting and all(r.status == "pending" for r in waiting)
    await desk.send(LEADER, callback_data=f"tk:cb:{ticket_id}", user_name="陈队长")
    await desk.send(LEADER, "已回电，报告人表示满意")
    after = {r.id: r.status for r in await desk.outbox()}
    assert {after[r.id] for r in waiting} == {"superseded"}
    # Nothing was sent, so nothing is edited.
    assert [r for r in await desk.outbox() if r.purpose == "callback_edit"] == []


async def test_a_notice_asking_for_the_call_back_on_its_way_when_it_is_recorded_loses_its_button(
    desk: Harness,
) -> None:
    ticket_id = await _rated_110(desk, 2)
    # A sender holds the notices (on their way to Telegram) while the leader records it.
    async with desk.db.engine.begin() as conn:
        await conn.execute(
            update(outbox)
            .where(outbox.c.purpose == "callback")
            .values(locked_until=desk.clock() + timedelta(minutes=1))
        )
    await desk.send(LEADER, callback_data=f"tk:cb:{ticket_id}", user_name="陈队长")
    await desk.send(LEADER, "已回电，报告人表示满意")
    sent = await _deliver(desk, "callback")
    assert {chat for chat, _ in sent} == {LEADER, SUPERVISOR}
    off = {
        (r.chat_id, r.payload["message_id"])
        for r in await desk.outbox()
        if r.purpose == BUTTONS_OFF and r.method == "edit_buttons"
    }
    assert off == sent
    async with desk.db.uow(read_only=True) as uow:
        assert await uow.ticket_messages.of_ticket(ticket_id, "callback") == []


@pytest.mark.parametrize("presser", [RETAILER, FARMER])
async def test_a_requester_pressing_the_call_back_button_learns_nothing_of_the_ticket(
    desk: Harness, presser: int
) -> None:
    ticket_id = await _rated_110(desk, 2)
    label = (await _ticket(desk, ticket_id)).label
    before = len(await desk.outbox())

    out = await desk.press(presser, f"tk:cb:{ticket_id}")

    assert out.toast == "只有该服务队成员或督办人员可以操作这个工单。"
    assert label not in texts(out) and "青山镇" not in texts(out)
    ticket = await _ticket(desk, ticket_id)
    assert ticket.callback_at is None and ticket.owes_callback
    assert "callback" not in await desk.actions(ticket_id)
    assert len(await desk.outbox()) == before


async def test_a_low_ratings_comment_goes_to_the_call_back_owners_as_call_back_news(
    desk: Harness,
) -> None:
    # As call-back news it wakes nobody at night (core.night), as the notice asking for the
    # call-back does not: a closed 110 call's other news still rings for its team.
    ticket_id = await _rated_110(desk, 2)
    before = {r.id for r in await desk.outbox()}
    await desk.send(FARMER, "师傅来得太慢了")
    told = {
        r.chat_id: r.purpose
        for r in await desk.outbox()
        if r.id not in before
        and r.ticket_id == ticket_id
        and "师傅来得太慢了" in str(r.payload)
        and r.method == "send_message"
        and r.chat_id in (LEADER, SUPERVISOR)
    }
    assert told == {LEADER: CALLBACK_REMARK, SUPERVISOR: CALLBACK_REMARK}


async def test_a_low_ratings_voice_comment_wakes_no_call_back_owner_at_night(
    desk: Harness,
) -> None:
    """A low rating's comment said as a voice note: passed on for the call-back without
    sound at night, its words and the voice note alike."""
    ticket_id = await _rated_110(desk, 2)
    before = {r.id for r in await desk.outbox()}
    await desk.send(FARMER, voice_file_id="voice-why")
    ticket = await _ticket(desk, ticket_id)
    told = [
        r
        for r in await desk.outbox()
        if r.id not in before
        and r.chat_id in (LEADER, SUPERVISOR)
        and not r.method.startswith("edit")
    ]
    assert {r.method for r in told} >= {"send_message", "send_voice"}
    night = datetime(2026, 12, 9, 2, 20, tzinfo=ZoneInfo("Asia/Shanghai"))
    ringing = [
        (r.chat_id, r.method)
        for r in told
        if not delivered_silently(
            desk.cfg,
            night,
            chat_id=r.chat_id,
            priority=r.priority,
            ticket=ticket,
            purpose=r.purpose,
        )
    ]
    assert ringing == []
