"""At night the sender delivers what can wait for the morning without sound
(`disable_notification`), deciding as each row goes: through python-telegram-bot against
the fake server, in the demo's quiet hours 22:00–07:00."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import update

from core.config import Config
from core.enums import Kind, Script
from core.lifecycle import CALLBACK_NOTICE, CALLBACK_REMARK
from core.model import User
from storage.tables import tickets
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
    await rig.queue(
        message(MEMBER, "【紧急】新工单", at=NIGHT, ticket_id=barn.id, purpose="card", priority=0),
        message(
            OTHER_MEMBER, "【紧急】新工单", at=NIGHT, ticket_id=barn.id, purpose="card", priority=0
        ),
    )
    await rig.sender.drain_all()

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
    async with db.uow() as uow:
        await uow.users.add(User(MEMBER, T0, name="李师傅", phone="13900000002"))
        await uow.users.add(User(OTHER_MEMBER, T0, name="刘师傅", phone="13900000004"))
        await uow.commit()
    barn = await new_ticket(db, demo_config, NIGHT)
    rig.clock.advance((NIGHT - T0).total_seconds())
    for refusing in (OTHER_MEMBER, LEADER):
        rig.api.inject(
            "forbidden",
            chat_id=refusing,
            times=None,
            description="Forbidden: bot can't initiate conversation with a user",
        )
    await rig.queue(
        message(MEMBER, "【紧急】新工单", at=NIGHT, ticket_id=barn.id, purpose="card", priority=0),
        message(
            OTHER_MEMBER, "【紧急】新工单", at=NIGHT, ticket_id=barn.id, purpose="card", priority=0
        ),
    )
    await rig.sender.drain_all()

    (alert,) = rig.api.sent_to(SUPERVISOR)
    assert "刘师傅" in str(alert.text) and "同一消息已送达 李师傅" in str(alert.text)
    assert silent(alert)


async def test_a_page_still_waiting_for_another_member_is_not_said_to_have_reached_them(
    rig: Rig, db: Database, demo_config: Config
) -> None:
    """Both members on duty refuse the page: the leader's alert about the first is not told
    the page reached the second, whose copy was still waiting, and it rings."""
    async with db.uow() as uow:
        await uow.users.add(User(MEMBER, T0, name="李师傅", phone="13900000002"))
        await uow.users.add(User(OTHER_MEMBER, T0, name="刘师傅", phone="13900000004"))
        await uow.commit()
    barn = await new_ticket(db, demo_config, NIGHT)
    rig.clock.advance((NIGHT - T0).total_seconds())
    for refusing in (OTHER_MEMBER, MEMBER):
        rig.api.inject(
            "forbidden",
            chat_id=refusing,
            times=None,
            description="Forbidden: bot can't initiate conversation with a user",
        )
    await rig.queue(
        message(
            OTHER_MEMBER, "【紧急】新工单", at=NIGHT, ticket_id=barn.id, purpose="card", priority=0
        ),
        message(MEMBER, "【紧急】新工单", at=NIGHT, ticket_id=barn.id, purpose="card", priority=0),
    )
    await rig.sender.drain_all()

    alerts = rig.api.sent_to(LEADER)
    assert len(alerts) == 2
    assert not any("已送达" in str(a.text) or silent(a) for a in alerts)


async def test_a_traditional_reading_leader_reads_the_members_names_as_written(
    rig: Rig, db: Database, demo_config: Config
) -> None:
    """The alert names 刘师傅 as written (as every alert names a colleague); the member who
    has the page is named so too, not turned into 李師傅."""
    async with db.uow() as uow:
        await uow.users.add(User(MEMBER, T0, name="李师傅", phone="13900000002"))
        await uow.users.add(User(OTHER_MEMBER, T0, name="刘师傅", phone="13900000004"))
        await uow.users.add(User(LEADER, T0, name="王队长", script=Script.HANT))
        await uow.commit()
    barn = await new_ticket(db, demo_config, NIGHT)
    rig.clock.advance((NIGHT - T0).total_seconds())
    rig.api.inject(
        "forbidden",
        chat_id=OTHER_MEMBER,
        times=None,
        description="Forbidden: bot can't initiate conversation with a user",
    )
    await rig.queue(
        message(MEMBER, "【紧急】新工单", at=NIGHT, ticket_id=barn.id, purpose="card", priority=0),
        message(
            OTHER_MEMBER, "【紧急】新工单", at=NIGHT, ticket_id=barn.id, purpose="card", priority=0
        ),
    )
    await rig.sender.drain_all()

    (alert,) = rig.api.sent_to(LEADER)
    assert "刘师傅" in str(alert.text)  # the one it missed: as written
    assert "同一消息已送達 李师傅" in str(alert.text)


async def _two_on_duty_paged(
    rig: Rig, db: Database, cfg: Config, first: int, then: int, *refusing: int
) -> None:
    """A page at 00:50 to 李师傅 (MEMBER) and 刘师傅 (OTHER_MEMBER), `first`'s row queued
    (and so tried) first, `refusing` never having opened a private chat with the bot."""
    async with db.uow() as uow:
        await uow.users.add(User(MEMBER, T0, name="李师傅", phone="13900000002"))
        await uow.users.add(User(OTHER_MEMBER, T0, name="刘师傅", phone="13900000004"))
        await uow.commit()
    barn = await new_ticket(db, cfg, NIGHT)
    rig.clock.advance((NIGHT - T0).total_seconds())
    for chat_id in refusing:
        rig.api.inject(
            "forbidden",
            chat_id=chat_id,
            times=None,
            description="Forbidden: bot can't initiate conversation with a user",
        )
    await rig.queue(
        *(
            message(chat, "【紧急】新工单", at=NIGHT, ticket_id=barn.id, purpose="card", priority=0)
            for chat in (first, then)
        )
    )


async def test_the_leader_is_not_woken_when_the_refused_page_was_tried_first(
    rig: Rig, db: Database, demo_config: Config
) -> None:
    """The roster lists the member who cannot get the page first: the alert waits for the
    other member's copy, and says it reached them, as when that copy went first."""
    await _two_on_duty_paged(rig, db, demo_config, OTHER_MEMBER, MEMBER, OTHER_MEMBER)
    await rig.sender.drain_all()

    assert [c.text for c in rig.api.sent_to(MEMBER)] == ["【紧急】新工单"]
    tried = [c for c in rig.api.calls_of("sendMessage") if c.chat_id == OTHER_MEMBER]
    assert len(tried) == 1  # refused once, not tried again while its alert waited
    (alert,) = rig.api.sent_to(LEADER)
    assert "刘师傅" in str(alert.text) and "同一消息已送达 李师傅" in str(alert.text)
    assert silent(alert)


async def test_a_refused_page_waits_for_a_copy_being_retried_across_a_restart(
    rig: Rig, db: Database, demo_config: Config
) -> None:
    """The other member's copy met a passing server error and waits to be retried: the
    refusal is held in the database, and a sender started afresh settles it once that
    copy arrives, without sound."""
    await _two_on_duty_paged(rig, db, demo_config, OTHER_MEMBER, MEMBER, OTHER_MEMBER)
    rig.api.inject("server_error", chat_id=MEMBER, times=1)
    await rig.sender.drain_once()
    assert rig.api.sent_to(LEADER) == [] and rig.api.sent_to(MEMBER) == []

    await rig.new_sender().drain_all()  # the process restarted
    assert [c.text for c in rig.api.sent_to(MEMBER)] == ["【紧急】新工单"]
    (alert,) = rig.api.sent_to(LEADER)
    assert "同一消息已送达 李师傅" in str(alert.text) and silent(alert)


async def test_a_page_refused_by_both_members_rings_whichever_was_tried_first(
    rig: Rig, db: Database, demo_config: Config
) -> None:
    await _two_on_duty_paged(rig, db, demo_config, MEMBER, OTHER_MEMBER, MEMBER, OTHER_MEMBER)
    await rig.sender.drain_all()

    alerts = rig.api.sent_to(LEADER)
    assert len(alerts) == 2
    assert not any("已送达" in str(a.text) or silent(a) for a in alerts)
