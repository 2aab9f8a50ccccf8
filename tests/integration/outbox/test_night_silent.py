"""At night the sender delivers what can wait for the morning without sound
(`disable_notification`), deciding as each row goes: through python-telegram-bot against
the fake server, in the demo's quiet hours 22:00–07:00."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select, update

from core.config import Config
from core.enums import Kind, Script
from core.lifecycle import ACCEPT_PROMPT, CALLBACK_NOTICE, CALLBACK_REMARK
from core.model import OutboxMessage, User
from core.services import withdraw_stale_prompts
from storage.tables import outbox, tickets
from storage.uow import Database
from tests.integration.outbox.conftest import Rig, message
from tests.support.fake_bot_api import Call
from tests.support.tickets import T0, new_ticket

RETAILER = 100002
FARMER = 100001
MEMBER = 200001
LEADER = 200002
OTHER_MEMBER = 200003
SUPERVISOR = 300001
NIGHT = T0 + timedelta(hours=15, minutes=50)  # 00:50 in Shanghai
MORNING = T0 + timedelta(hours=22)  # 07:00, when the quiet hours end


def silent(call: Call) -> bool:
    return call.params.get("disable_notification") in (True, "true", "True")


async def licence_ticket(db: Database, cfg: Config) -> int:
    ticket = await new_ticket(
        db,
        cfg,
        NIGHT - timedelta(hours=1),
        kind=Kind.REQUEST,
        text="许可证延续需要什么材料",
        requester_id=RETAILER,
        chat_id=RETAILER,
        line="monopoly",
        team_id="monopoly",
        urgent=False,
        area="chengqu",
        site_code=None,
    )
    assert ticket.id is not None
    return ticket.id


async def test_a_retailer_told_at_night_of_their_licence_ticket_is_not_woken(
    rig: Rig, db: Database, demo_config: Config
) -> None:
    licence = await licence_ticket(db, demo_config)
    rig.clock.advance((NIGHT - T0).total_seconds())
    await rig.queue(message(RETAILER, "已接单", at=NIGHT, ticket_id=licence, purpose="notify"))
    await rig.sender.drain_all()

    (call,) = rig.api.sent_to(RETAILER)
    assert call.text == "已接单" and silent(call)


async def test_a_farmer_told_at_night_of_their_110_call_hears_it(
    rig: Rig, db: Database, demo_config: Config
) -> None:
    barn = await new_ticket(db, demo_config, NIGHT - timedelta(minutes=10))
    rig.clock.advance((NIGHT - T0).total_seconds())
    await rig.queue(
        message(FARMER, "已接单", at=NIGHT, ticket_id=barn.id, priority=0),
        message(FARMER, "需要您补充", at=NIGHT, ticket_id=barn.id),
    )
    await rig.sender.drain_all()

    calls = rig.api.sent_to(FARMER)
    assert [c.text for c in calls] == ["已接单", "需要您补充"]
    assert not any(silent(c) for c in calls)


async def test_a_notice_held_until_the_morning_rings_when_it_goes(
    rig: Rig, db: Database, demo_config: Config
) -> None:
    # Written at night, sent at 07:00: the sender decides as it goes, not as it was written,
    # so a sender started again after a restart decides the same.
    licence = await licence_ticket(db, demo_config)
    rig.clock.advance((NIGHT - T0).total_seconds())
    held = message(RETAILER, "已自动销号", at=NIGHT, ticket_id=licence)
    held.not_before = MORNING
    await rig.queue(held, message(RETAILER, "已办结", at=NIGHT, ticket_id=licence))
    await rig.new_sender().drain_all()

    by_text = {c.text: c for c in rig.api.sent_to(RETAILER)}
    assert silent(by_text["已办结"]) and not silent(by_text["已自动销号"])


async def test_a_farmer_is_told_their_110_call_closed_at_night_without_sound(
    rig: Rig, db: Database, demo_config: Config
) -> None:
    # Closed because nobody answered the team's question: the call waits for nobody now, so
    # even its urgent row reaches the farmer silently; its team still hears with sound.
    barn = await new_ticket(db, demo_config, NIGHT - timedelta(hours=3))
    async with db.engine.begin() as conn:
        await conn.execute(update(tickets).where(tickets.c.id == barn.id).values(status="closed"))
    rig.clock.advance((NIGHT - T0).total_seconds())
    await rig.queue(
        message(FARMER, "已自动关闭", at=NIGHT, ticket_id=barn.id, priority=0),
        message(MEMBER, "已自动关闭", at=NIGHT, ticket_id=barn.id, priority=0),
    )
    await rig.sender.drain_all()

    (farmer,) = rig.api.sent_to(FARMER)
    (member,) = rig.api.sent_to(MEMBER)
    assert silent(farmer) and not silent(member)


async def test_a_leader_asked_at_night_to_call_back_after_a_low_rating_is_not_woken(
    rig: Rig, db: Database, demo_config: Config
) -> None:
    # Rated 2 stars at 00:50, the 110 call is closed: the call-back it owes is due hours
    # later, and its reminders wait for the morning; so do the notice and the farmer's words.
    barn = await new_ticket(db, demo_config, NIGHT - timedelta(hours=3))
    async with db.engine.begin() as conn:
        await conn.execute(update(tickets).where(tickets.c.id == barn.id).values(status="closed"))
    rig.clock.advance((NIGHT - T0).total_seconds())
    await rig.queue(
        message(LEADER, "请回访", at=NIGHT, ticket_id=barn.id, purpose=CALLBACK_NOTICE),
        message(
            LEADER, "不满意留言", at=NIGHT, ticket_id=barn.id, priority=0, purpose=CALLBACK_REMARK
        ),
    )
    await rig.sender.drain_all()

    calls = rig.api.sent_to(LEADER)
    assert {c.text for c in calls} == {"请回访", "不满意留言"}
    assert all(silent(c) for c in calls)


async def test_a_page_one_member_on_duty_cannot_get_does_not_wake_the_leader_when_another_has_it(
    rig: Rig, db: Database, demo_config: Config
) -> None:
    """Two members on duty are paged at 00:50; one never opened a private chat with the
    bot. The leader reads of it on waking, told the other has the page; a page nobody got
    still wakes the leader."""
    await _refused_after_the_other_has_it(rig, db, demo_config, OTHER_MEMBER)

    (alert,) = rig.api.sent_to(LEADER)
    assert "刘师傅" in str(alert.text) and "同一消息已送达 李师傅" in str(alert.text)
    assert silent(alert)

    alone = await new_ticket(db, demo_config, NIGHT)
    await rig.queue(
        message(OTHER_MEMBER, "【紧急】又一单", at=NIGHT, ticket_id=alone.id, purpose="card")
    )
    await rig.sender.drain_all()
    (_, woken) = rig.api.sent_to(LEADER)
    assert "已送达" not in str(woken.text) and not silent(woken)


async def test_the_supervisor_told_instead_of_a_leader_out_of_reach_is_not_woken_either(
    rig: Rig, db: Database, demo_config: Config
) -> None:
    """The leader never opened a private chat either: the alert climbs to the supervisor,
    still saying the other member on duty has the page, still without sound."""
    await _refused_after_the_other_has_it(rig, db, demo_config, OTHER_MEMBER, LEADER)

    (alert,) = rig.api.sent_to(SUPERVISOR)
    assert "刘师傅" in str(alert.text) and "同一消息已送达 李师傅" in str(alert.text)
    assert silent(alert)


@pytest.mark.parametrize("first", [OTHER_MEMBER, MEMBER])
async def test_a_page_refused_by_both_members_rings_whichever_was_tried_first(
    rig: Rig, db: Database, demo_config: Config, first: int
) -> None:
    """Both members on duty refuse the page: neither alert is told the page reached the
    other, and both ring; the later one, finding no copy sent nor on its way, says none is."""
    then = MEMBER if first == OTHER_MEMBER else OTHER_MEMBER
    await _two_on_duty_paged(rig, db, demo_config, first, then, MEMBER, OTHER_MEMBER)
    await rig.sender.drain_all()

    alerts = rig.api.sent_to(LEADER)
    assert len(alerts) == 2
    assert not any("已送达" in str(a.text) for a in alerts)
    assert not any(silent(a) for a in alerts)
    assert sum("正在发给" in str(a.text) for a in alerts) <= 1


async def test_a_traditional_reading_leader_reads_the_members_names_as_written(
    rig: Rig, db: Database, demo_config: Config
) -> None:
    """The alert names 刘师傅 as written (as every alert names a colleague); the member who
    has the page is named so too, not turned into 李師傅."""
    async with db.uow() as uow:
        await uow.users.add(User(LEADER, T0, name="王队长", script=Script.HANT))
        await uow.commit()
    await _refused_after_the_other_has_it(rig, db, demo_config, OTHER_MEMBER)

    (alert,) = rig.api.sent_to(LEADER)
    assert "刘师傅" in str(alert.text)  # the one it missed: as written
    assert "同一消息已送達 李师傅" in str(alert.text)


async def _night_page_due(rig: Rig, db: Database, cfg: Config, *refusing: int) -> int:
    """A 110 call at 00:50 whose card is to be paged to 李师傅 (MEMBER) and 刘师傅
    (OTHER_MEMBER), `refusing` never having opened a private chat with the bot."""
    async with db.uow() as uow:
        await uow.users.add(User(MEMBER, T0, name="李师傅", phone="13900000002"))
        await uow.users.add(User(OTHER_MEMBER, T0, name="刘师傅", phone="13900000004"))
        await uow.commit()
    barn = await new_ticket(db, cfg, NIGHT)
    assert barn.id is not None
    rig.clock.advance((NIGHT - T0).total_seconds())
    for chat_id in refusing:
        rig.api.inject(
            "forbidden",
            chat_id=chat_id,
            times=None,
            description="Forbidden: bot can't initiate conversation with a user",
        )
    return barn.id


def _page(chat_id: int, barn_id: int) -> OutboxMessage:
    return message(
        chat_id, "【紧急】新工单", at=NIGHT, ticket_id=barn_id, purpose="card", priority=0
    )


async def _two_on_duty_paged(
    rig: Rig, db: Database, cfg: Config, first: int, then: int, *refusing: int
) -> int:
    """The page (`_night_page_due`), `first`'s row queued (and so tried) first."""
    barn_id = await _night_page_due(rig, db, cfg, *refusing)
    await rig.queue(_page(first, barn_id), _page(then, barn_id))
    return barn_id


async def _refused_after_the_other_has_it(
    rig: Rig, db: Database, cfg: Config, *refusing: int
) -> None:
    """The page (`_night_page_due`), 李师傅's copy sent before 刘师傅's is tried (both queued
    in the same step)."""
    barn_id = await _night_page_due(rig, db, cfg, *refusing)
    for chat_id in (MEMBER, OTHER_MEMBER):
        await rig.queue(_page(chat_id, barn_id))
        await rig.sender.drain_all()


@pytest.mark.parametrize("first", [OTHER_MEMBER, MEMBER])
async def test_the_leader_is_let_sleep_only_when_the_other_member_has_the_page(
    rig: Rig, db: Database, demo_config: Config, first: int
) -> None:
    """The roster lists the member who cannot get the page first, or second: the alert is
    without sound when it says the other member has the page, and rings when it says the
    page is still on its way to them."""
    then = MEMBER if first == OTHER_MEMBER else OTHER_MEMBER
    await _two_on_duty_paged(rig, db, demo_config, first, then, OTHER_MEMBER)
    await rig.sender.drain_all()

    assert [c.text for c in rig.api.sent_to(MEMBER)] == ["【紧急】新工单"]
    (alert,) = rig.api.sent_to(LEADER)
    text = str(alert.text)
    assert "刘师傅" in text
    assert ("同一消息已送达 李师傅" in text) == silent(alert)
    assert "同一消息已送达 李师傅" in text or "同一消息正在发给 李师傅" in text


async def test_a_refused_page_says_the_other_members_copy_is_still_on_its_way(
    rig: Rig, db: Database, demo_config: Config
) -> None:
    """The other member's copy met a passing server error and waits to be retried: the
    alert says it is still being sent to them, and that another alert follows if it is
    refused too, and rings, as nobody has the page yet. Once it arrives, nothing more is
    said."""
    await _two_on_duty_paged(rig, db, demo_config, OTHER_MEMBER, MEMBER, OTHER_MEMBER)
    rig.api.inject("server_error", chat_id=MEMBER, times=1)
    await rig.sender.drain_once()
    await rig.sender.drain_once()  # the alert about 刘师傅's copy

    (alert,) = rig.api.sent_to(LEADER)
    assert "同一消息正在发给 李师傅；如果也没有送达，会另行提醒。" in str(alert.text)
    assert "已送达" not in str(alert.text) and not silent(alert)

    await rig.new_sender().drain_all()
    assert [c.text for c in rig.api.sent_to(MEMBER)] == ["【紧急】新工单"]
    assert len(rig.api.sent_to(LEADER)) == 1


async def test_a_refused_reminder_is_recorded_when_the_ticket_is_taken_while_another_copy_waits(
    rig: Rig, db: Database, demo_config: Config
) -> None:
    """刘师傅 never opened a private chat: his copy of the 接单 reminder is refused while
    李师傅's copy waits out a server error; someone takes the ticket meanwhile. The refusal
    is recorded (刘师傅 unreachable, the row failed), not withdrawn with the reminders."""
    async with db.uow() as uow:
        await uow.users.add(User(MEMBER, T0, name="李师傅", phone="13900000002"))
        await uow.users.add(User(OTHER_MEMBER, T0, name="刘师傅", phone="13900000004"))
        await uow.commit()
    barn = await new_ticket(db, demo_config, NIGHT)
    rig.clock.advance((NIGHT - T0).total_seconds())
    rig.api.inject(
        "forbidden",
        chat_id=OTHER_MEMBER,
        times=None,
        description="Forbidden: bot can't initiate conversation with a user",
    )
    rig.api.inject("server_error", chat_id=MEMBER, times=1)
    (refused, _) = await rig.queue(
        *(
            message(
                chat,
                "⏰ 督办提醒",
                at=NIGHT,
                ticket_id=barn.id,
                purpose=ACCEPT_PROMPT,
                priority=0,
                payload={"team": barn.team_id},
            )
            for chat in (OTHER_MEMBER, MEMBER)
        )
    )
    await rig.sender.drain_once()  # refused; 李师傅's copy waits

    async with db.uow() as uow:  # the ticket is taken (接单) in the team's group
        await uow.session.execute(  # type: ignore[union-attr]
            update(tickets)
            .where(tickets.c.id == barn.id)
            .values(status="accepted", accepted_by=MEMBER)
        )
        ticket = await uow.tickets.get(barn.id)  # type: ignore[arg-type]
        assert ticket is not None
        await withdraw_stale_prompts(uow, ticket, rig.clock.now())
        await uow.commit()
    await rig.sender.drain_all()

    async with db.uow() as uow:
        status = (
            await uow.session.execute(  # type: ignore[union-attr]
                select(outbox.c.status).where(outbox.c.id == refused)
            )
        ).scalar_one()
        user = await uow.users.get(OTHER_MEMBER)
    assert status == "failed"  # not 'superseded': it was refused, not withdrawn unsent
    assert user is not None and not user.reachable


async def test_a_refused_page_is_not_a_card_on_its_way_for_the_next_step(
    rig: Rig, db: Database, demo_config: Config
) -> None:
    """刘师傅's page was refused while 李师傅's copy waits out a server error; the ticket
    changes meanwhile (接单 in the group). `update_cards` edits each place whose card is
    still queued (`pending_places`): not 刘师傅's, refused already, whose edit would have no
    card to edit and be noted on the ticket as a second 无法送达 of his."""
    async with db.uow() as uow:
        await uow.users.add(User(MEMBER, T0, name="李师傅", phone="13900000002"))
        await uow.users.add(User(OTHER_MEMBER, T0, name="刘师傅", phone="13900000004"))
        await uow.commit()
    barn = await new_ticket(db, demo_config, NIGHT)
    assert barn.id is not None
    rig.clock.advance((NIGHT - T0).total_seconds())
    rig.api.inject(
        "forbidden",
        chat_id=OTHER_MEMBER,
        times=None,
        description="Forbidden: bot can't initiate conversation with a user",
    )
    rig.api.inject("server_error", chat_id=MEMBER, times=1)
    await rig.queue(
        *(
            message(chat, "【紧急】新工单", at=NIGHT, ticket_id=barn.id, purpose="card", priority=0)
            for chat in (OTHER_MEMBER, MEMBER)
        )
    )
    await rig.sender.drain_once()  # 刘师傅's refused

    async with db.uow() as uow:  # the step that took the ticket, as update_cards decides
        queued = await uow.outbox.pending_places(barn.id, "card")
        for place in queued:
            await uow.outbox.add(
                OutboxMessage(
                    place.chat_id,
                    "edit_message",
                    {"text": "已接单", "ref_purpose": "card"},
                    rig.clock.now(),
                    rig.clock.now(),
                    ticket_id=barn.id,
                    purpose="card_edit",
                    priority=0,
                )
            )
        await uow.commit()
    await rig.sender.drain_all()

    async with db.uow(read_only=True) as uow:
        missed = [
            e.action
            for e in await uow.tickets.events(barn.id)
            if e.action in ("unreachable", "delivery_failed")
            and e.data.get("chat_id") == OTHER_MEMBER
        ]
    assert missed == ["unreachable"]


async def test_the_leader_is_woken_at_once_when_the_other_copy_keeps_failing(
    rig: Rig, db: Database, demo_config: Config
) -> None:
    """刘师傅 never opened a private chat and Telegram keeps failing 李师傅's copy (half an
    hour of retries): nobody has the 110 page, and the leader is woken at once, not when the
    last retry gives up."""
    await _two_on_duty_paged(rig, db, demo_config, OTHER_MEMBER, MEMBER, OTHER_MEMBER)
    rig.api.inject("server_error", chat_id=MEMBER, times=None)
    await rig.sender.drain_all(max_seconds=5 * 60)  # five minutes of the night pass
    assert rig.api.sent_to(MEMBER) == []
    alerts = rig.api.sent_to(LEADER)
    assert any(not silent(a) for a in alerts), [a.text for a in alerts]
