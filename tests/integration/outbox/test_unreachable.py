"""Forbidden: the recipient is marked unreachable, the ticket notes it, the next person hears."""

from __future__ import annotations

import logging

import pytest

from bot.outbox.escalation import record_refused_reply
from core.config import Config
from core.model import ChatPlace, OutboxMessage, TeamChat, Ticket, User
from storage.uow import Database
from tests.integration.outbox.conftest import Rig, message
from tests.support.tickets import (
    FARMER,
    LEADER,
    MEMBER,
    OTHER_MEMBER,
    SUPERVISOR,
    T0,
    new_ticket,
)

TEAM_CHAT = -1001000000001  # curing-qingshan: leader 200002, members 200001 and 200003
ADMIN = 300002


async def setup(db: Database, cfg: Config) -> Ticket:
    async with db.uow() as uow:
        await uow.users.add(User(FARMER, T0, name="王大伯", phone="13800000001"))
        await uow.users.add(User(MEMBER, T0, name="李师傅", phone="13900000002"))
        await uow.users.add(User(LEADER, T0, name="张队长", phone="13700000003"))
        await uow.commit()
    return await new_ticket(db, cfg)


async def user(db: Database, user_id: int) -> User:
    async with db.uow(read_only=True) as uow:
        found = await uow.users.get(user_id)
    assert found is not None
    return found


async def test_a_requester_who_blocked_the_bot_is_marked_and_the_team_chat_is_told(
    rig: Rig, db: Database, demo_config: Config, caplog: pytest.LogCaptureFixture
) -> None:
    ticket = await setup(db, demo_config)
    rig.api.block(FARMER)
    caplog.set_level(logging.WARNING, logger="bot.outbox")
    first, second = await rig.queue(
        message(FARMER, "您的工单已受理", ticket_id=ticket.id, purpose="notify"),
        message(FARMER, "师傅已接单", ticket_id=ticket.id, purpose="notify"),
    )
    await rig.sender.drain_all()

    for row_id in (first, second):
        row = await rig.row(row_id)
        assert row.status == "failed" and "blocked by the user" in row.last_error
    farmer = await user(db, FARMER)
    assert not farmer.reachable and farmer.unreachable_since == T0
    async with db.uow(read_only=True) as uow:
        events = await uow.tickets.events(ticket.id or 0)
    assert [e.action for e in events].count("unreachable") == 1
    assert events[-1].data["chat_id"] == FARMER
    # One alert to the team chat, however many messages bounced; with the phone to call.
    [alert] = rig.api.texts(TEAM_CHAT)
    assert ticket.label in alert and "王大伯" in alert and "13800000001" in alert
    alerts = [r for r in await rig.rows() if r.purpose == "alert"]
    assert [(a.chat_id, a.priority, a.status) for a in alerts] == [(TEAM_CHAT, 0, "sent")]
    # Someone blocking the bot is everyday news the ladder handles, not the bot's error.
    refusals = [r for r in caplog.records if "is failed" in r.getMessage()]
    assert refusals and {r.levelno for r in refusals} == {logging.WARNING}


async def test_unreachable_staff_escalate_member_to_leader_to_supervisor(
    rig: Rig, db: Database, demo_config: Config
) -> None:
    ticket = await setup(db, demo_config)
    rig.api.block(MEMBER)
    rig.api.block(LEADER)
    await rig.queue(message(MEMBER, "请到现场处理", ticket_id=ticket.id, purpose="remind"))
    await rig.sender.drain_all()

    assert not (await user(db, MEMBER)).reachable
    assert not (await user(db, LEADER)).reachable
    [alert] = rig.api.texts(SUPERVISOR)
    assert ticket.label in alert and "张队长" in alert
    async with db.uow(read_only=True) as uow:
        events = await uow.tickets.events(ticket.id or 0)
    unreachable = [e.data["chat_id"] for e in events if e.action == "unreachable"]
    assert unreachable == [MEMBER, LEADER]
    assert [c.chat_id for c in rig.api.calls if c.status == 403] == [MEMBER, LEADER]


async def test_an_alert_the_supervisor_cannot_receive_reaches_the_admin_without_nesting(
    rig: Rig, db: Database, demo_config: Config
) -> None:
    """The member's reminder is refused, then the leader's alert of it, then the
    supervisor's: the admin reads of the reminder, quoted once, and of all three."""
    ticket = await setup(db, demo_config)
    async with db.uow() as uow:
        await uow.users.add(User(SUPERVISOR, T0, name="孙督办"))
        await uow.commit()
    rig.api.block(MEMBER)
    rig.api.block(LEADER)
    rig.api.inject(
        "forbidden",
        chat_id=SUPERVISOR,
        times=None,
        description="Forbidden: bot can't initiate conversation with a user",
    )
    await rig.queue(message(MEMBER, "请到现场处理", ticket_id=ticket.id, purpose="remind"))
    await rig.sender.drain_all()

    assert [c.chat_id for c in rig.api.calls if c.status == 403] == [MEMBER, LEADER, SUPERVISOR]
    [alert] = rig.api.texts(ADMIN)
    assert alert.splitlines() == [
        f"⚠️ 工单 {ticket.label}：消息未能送达工作人员 李师傅（已屏蔽机器人），"
        "转告张队长（已屏蔽机器人）、孙督办（没有私聊过机器人）的提醒也未能送达。",
        "请电话联系：李师傅 13900000002、张队长 13700000003",
        "孙督办没有登记电话，请通过其他方式联系。",
        "原消息：请到现场处理",
    ]


async def test_a_bot_kicked_from_the_team_chat_alerts_the_leaders(
    rig: Rig, db: Database, demo_config: Config
) -> None:
    ticket = await setup(db, demo_config)
    rig.api.kick(TEAM_CHAT)
    [card] = await rig.queue(
        message(TEAM_CHAT, "【紧急】新工单", ticket_id=ticket.id, purpose="card")
    )
    await rig.sender.drain_all()

    assert (await rig.row(card)).status == "failed"
    [alert] = rig.api.texts(LEADER)
    assert "服务队群" in alert and "新工单" in alert


async def test_a_bot_kicked_from_the_team_chat_tells_the_supervisors_too(
    rig: Rig, db: Database, demo_config: Config
) -> None:
    ticket = await setup(db, demo_config)
    rig.api.kick(TEAM_CHAT)
    await rig.queue(message(TEAM_CHAT, "【紧急】新工单", ticket_id=ticket.id, purpose="card"))
    await rig.sender.drain_all()

    # The whole team is cut off, not one person: whoever oversees the teams hears it as well.
    [to_leader], [to_supervisor] = rig.api.texts(LEADER), rig.api.texts(SUPERVISOR)
    assert to_supervisor == to_leader and "服务队群" in to_supervisor
    assert ticket.label in to_supervisor and "机器人已被移出该群" in to_supervisor


async def test_a_bot_removed_again_after_it_was_back_in_the_group_alerts_again(
    rig: Rig, db: Database, demo_config: Config
) -> None:
    """Once per ticket while the bot stays out; re-added (a message went through), then
    removed again, is news the leaders hear of."""
    ticket = await setup(db, demo_config)
    kicked = rig.api.kick(TEAM_CHAT)
    await rig.queue(message(TEAM_CHAT, "【紧急】新工单", ticket_id=ticket.id, purpose="card"))
    await rig.sender.drain_all()
    await rig.queue(message(TEAM_CHAT, "请尽快接单", ticket_id=ticket.id, purpose="remind"))
    await rig.sender.drain_all()
    assert len(rig.api.texts(LEADER)) == 1  # still out: told once
    rig.api.remove_fault(kicked)
    rig.clock.advance(3600)  # re-added an hour later
    await rig.queue(message(TEAM_CHAT, "工单已改派", ticket_id=ticket.id, purpose="card"))
    await rig.sender.drain_all()
    rig.clock.advance(3600)
    rig.api.kick(TEAM_CHAT)
    await rig.queue(message(TEAM_CHAT, "请尽快办结", ticket_id=ticket.id, purpose="remind"))
    await rig.sender.drain_all()
    first, again = rig.api.texts(LEADER)
    assert "新工单" in first and "请尽快办结" in again


async def test_a_message_without_a_ticket_still_marks_the_person(
    rig: Rig, db: Database, demo_config: Config
) -> None:
    await setup(db, demo_config)
    rig.api.block(LEADER)
    [digest] = await rig.queue(message(LEADER, "今日汇总", purpose="digest"))
    await rig.sender.drain_all()
    assert (await rig.row(digest)).status == "failed"
    assert not (await user(db, LEADER)).reachable
    assert len(await rig.rows()) == 1  # no ticket, no ladder: recorded and logged only


async def test_a_member_who_never_started_the_bot_is_reported_once_per_ticket(
    rig: Rig, db: Database, demo_config: Config
) -> None:
    ticket = await setup(db, demo_config)  # OTHER_MEMBER has no user row at all
    rig.api.inject(
        "forbidden",
        chat_id=OTHER_MEMBER,
        times=None,
        description="Forbidden: bot can't initiate conversation with a user",
    )
    await rig.queue(
        message(OTHER_MEMBER, "【紧急】新工单", ticket_id=ticket.id, purpose="card"),
        message(OTHER_MEMBER, "请尽快接单", ticket_id=ticket.id, purpose="remind"),
    )
    await rig.sender.drain_all()
    # Staff read why in Chinese; the ticket's event keeps Telegram's words.
    [alert] = rig.api.texts(LEADER)
    assert "（没有私聊过机器人）" in alert and "can't initiate" not in alert
    async with db.uow(read_only=True) as uow:
        events = await uow.tickets.events(ticket.id or 0)
    [noted] = [e.note for e in events if e.action == "unreachable"]
    assert "can't initiate conversation" in noted


async def test_a_team_bound_to_a_forum_topic_is_told_in_its_topic(
    rig: Rig, db: Database, demo_config: Config
) -> None:
    forum, topic = -1005550000001, 11
    ticket = await setup(db, demo_config)
    async with db.uow() as uow:
        await uow.team_chats.bind(TeamChat(ticket.team_id, forum, LEADER, T0, topic))
        await uow.commit()
    rig.api.block(FARMER)
    await rig.queue(message(FARMER, "您的工单已受理", ticket_id=ticket.id, purpose="notify"))
    await rig.sender.drain_all()

    [alert] = [r for r in await rig.rows() if r.purpose == "alert"]
    assert (alert.chat_id, alert.payload.get("thread_id"), alert.status) == (forum, topic, "sent")
    [call] = rig.api.calls_of("sendMessage")[-1:]
    assert call.params.get("message_thread_id") == topic


async def test_a_group_the_team_has_left_that_refuses_its_card_tells_its_leaders_and_supervisors(
    rig: Rig, db: Database, demo_config: Config
) -> None:
    """The team moved to another group (/bindteam) while a card was queued to the one the
    config gives it, which the bot was removed from: it is still the team's group that did
    not take the card, so its leaders hear, and the supervisors as for its group now."""
    ticket = await setup(db, demo_config)
    async with db.uow() as uow:
        await uow.team_chats.bind(TeamChat(ticket.team_id, -1005550000002, LEADER, T0))
        await uow.commit()
    rig.api.kick(TEAM_CHAT)
    await rig.queue(message(TEAM_CHAT, "【紧急】新工单", ticket_id=ticket.id, purpose="card"))
    await rig.sender.drain_all()

    [to_leader], [to_supervisor] = rig.api.texts(LEADER), rig.api.texts(SUPERVISOR)
    assert to_supervisor == to_leader and "服务队群" in to_leader and "新工单" in to_leader


def card_edit(chat_id: int, ticket: Ticket, message_id: int) -> OutboxMessage:
    payload = {"text": f"工单 {ticket.label}｜已接单", "message_id": message_id}
    return OutboxMessage(
        chat_id, "edit_message", payload, T0, T0, ticket_id=ticket.id, purpose="card_edit"
    )


async def test_a_member_first_met_by_an_edit_is_told_of_at_the_first_message_lost(
    rig: Rig, db: Database, demo_config: Config
) -> None:
    """An edit that fails loses nothing, and is only noted: the reminder after it, the
    first message lost, tells the leader; the one after that no longer does."""
    ticket = await setup(db, demo_config)
    rig.api.block(MEMBER)
    await rig.queue(
        card_edit(MEMBER, ticket, 77),
        message(MEMBER, "请到现场处理", ticket_id=ticket.id, purpose="remind"),
        message(MEMBER, "请尽快办结", ticket_id=ticket.id, purpose="remind"),
        card_edit(MEMBER, ticket, 77),
    )
    await rig.sender.drain_all()

    [alert] = rig.api.texts(LEADER)
    assert "李师傅" in alert and "13900000002" in alert and "请到现场处理" in alert
    async with db.uow(read_only=True) as uow:
        events = await uow.tickets.events(ticket.id or 0)
    noted = [e.data["method"] for e in events if e.action == "unreachable"]
    assert noted == ["edit_message", "send_message"]


async def test_a_team_chat_first_met_by_an_edit_still_tells_the_leaders_and_supervisors(
    rig: Rig, db: Database, demo_config: Config
) -> None:
    ticket = await setup(db, demo_config)
    rig.api.kick(TEAM_CHAT)
    await rig.queue(
        card_edit(TEAM_CHAT, ticket, 5),
        message(TEAM_CHAT, "⏰ 工单超时未办结，请尽快处理", ticket_id=ticket.id, purpose="remind"),
        message(TEAM_CHAT, "⏰ 工单超时未办结（第二次）", ticket_id=ticket.id, purpose="remind"),
    )
    await rig.sender.drain_all()

    [to_leader], [to_supervisor] = rig.api.texts(LEADER), rig.api.texts(SUPERVISOR)
    assert to_leader == to_supervisor
    assert "机器人已被移出该群" in to_leader and "工单超时未办结，请尽快处理" in to_leader


ECHO_WALL = -1001000000099  # the demo's echo_wall_chat


async def test_an_echo_wall_that_refuses_the_bot_is_told_to_the_admins_once_not_the_teams(
    rig: Rig, db: Database, demo_config: Config
) -> None:
    """The echo wall is the bureau's channel: its admins, who keep the config, can let the
    bot post there; the leaders of each closed ticket's team cannot, and have nothing to
    phone anyone about."""
    first = await setup(db, demo_config)
    second = await new_ticket(db, demo_config)
    rig.api.kick(ECHO_WALL)
    await rig.queue(
        *(
            message(ECHO_WALL, "【回音壁】烘烤110", ticket_id=t.id, purpose="echo", priority=2)
            for t in (first, second)
        )
    )
    await rig.sender.drain_all()

    alerts = [r for r in await rig.rows() if r.purpose == "alert"]
    assert [a.chat_id for a in alerts] == [ADMIN]
    [told] = rig.api.texts(ADMIN)
    assert told.startswith("⚠️ 回音壁发不出去") and "echo_wall_chat" in told
    assert rig.api.texts(LEADER) == [] and rig.api.texts(TEAM_CHAT) == []
    async with db.uow(read_only=True) as uow:
        events = await uow.tickets.events(first.id or 0)
    assert "unreachable" not in [e.action for e in events]


async def test_a_reply_the_team_chat_refused_is_quoted_once_when_the_alerts_about_it_fail(
    rig: Rig, db: Database, demo_config: Config
) -> None:
    """A direct reply has no outbox row: the ticket's event of its refusal keeps what it
    said, which the admin reads once the supervisor's alert of it is refused."""
    ticket = await setup(db, demo_config)
    rig.api.block(LEADER)
    rig.api.block(SUPERVISOR)
    async with db.uow() as uow:
        await uow.users.add(User(SUPERVISOR, T0, name="孙督办"))
        await record_refused_reply(
            uow,
            demo_config,
            ChatPlace(TEAM_CHAT),
            "已由 李师傅 接单",
            "Forbidden: bot was kicked from the supergroup chat",
            T0,
            ticket_id=ticket.id,
        )
        await uow.commit()
    await rig.sender.drain_all()

    [alert] = rig.api.texts(ADMIN)
    assert alert.count("⚠️") == 1 and alert.count("原消息：") == 1
    assert "服务队群（机器人已被移出该群" in alert and "转告孙督办（已屏蔽机器人）" in alert
    assert alert.endswith("原消息：已由 李师傅 接单") and "Forbidden" not in alert
