"""The undeliverable ladder's end: nobody above the chat that refused a message can be
written to privately (on a bureau's first days few staff have opened a private chat with
the bot). The alert is posted in a group they are in instead, naming who could not be
reached, rather than only logged: a member's or a leader's in the team's group, a
supervisor's or an admin's in the supervisors' desk (督办分派台)."""

from __future__ import annotations

from sqlalchemy import update

from core.config import Config
from core.enums import Kind
from core.model import Ticket, User
from storage.tables import users
from storage.uow import Database
from tests.integration.outbox.conftest import Rig, message
from tests.support.tickets import FARMER, LEADER, MEMBER, SUPERVISOR, T0, new_ticket

TEAM_CHAT = -1001000000001  # curing-qingshan: leader 200002, members 200001 and 200003
DESK_CHAT = -1001000000017  # 督办分派台, the triage line's team
ADMIN = 300002
ORDERING_CHAT, ORDERING_MEMBER, ORDERING_LEADER = -1001000000013, 200061, 200062
NEVER_STARTED = "Forbidden: bot can't initiate conversation with a user"
BLOCKED = "Forbidden: bot was blocked by the user"
NOTE = "机器人无法私信通知："


async def staff_who_never_started_the_bot(rig: Rig, db: Database, *ids: int) -> None:
    names = {MEMBER: "李师傅", LEADER: "张队长", SUPERVISOR: "孙督办", ADMIN: "沈管理员"}
    names |= {ORDERING_MEMBER: "何经理", ORDERING_LEADER: "罗部长"}
    async with db.uow() as uow:
        await uow.users.add(User(FARMER, T0, name="王大伯", phone="13800000001"))
        for user_id, name in names.items():
            await uow.users.add(User(user_id, T0, name=name))
        await uow.commit()
    for user_id in ids:
        rig.api.inject("forbidden", chat_id=user_id, times=None, description=NEVER_STARTED)


async def complaint_about_ordering(db: Database, cfg: Config, *, anonymous: bool = False) -> Ticket:
    """王大伯's complaint about the ordering team, whose chat and people it names."""
    return await new_ticket(
        db,
        cfg,
        kind=Kind.COMPLAINT,
        line="ordering",
        team_id="ordering",
        urgent=False,
        area="chengqu",
        site_code=None,
        text="客户经理不接电话",
        anonymous=anonymous,
    )


async def complaint_the_oversight_team_has(db: Database, cfg: Config) -> Ticket:
    """王大伯's complaint about the ordering team, taken over by 纪检作风监督室."""
    return await new_ticket(
        db,
        cfg,
        kind=Kind.COMPLAINT,
        line="conduct",
        team_id="conduct",
        urgent=False,
        area="chengqu",
        site_code=None,
        text="客户经理不接电话",
    )


async def test_a_page_nobody_up_the_ladder_can_receive_ends_in_the_supervisors_desk(
    rig: Rig, db: Database, demo_config: Config
) -> None:
    """The leader's page is refused, then the supervisor's alert of it, then the admin's: the
    last is posted in the supervisors' desk group, naming all three, once."""
    await staff_who_never_started_the_bot(rig, db, LEADER, SUPERVISOR, ADMIN)
    ticket = await new_ticket(db, demo_config)
    await rig.queue(message(LEADER, "【紧急】新工单", ticket_id=ticket.id, purpose="card"))
    await rig.sender.drain_all()

    assert [c.chat_id for c in rig.api.calls if c.status == 403] == [LEADER, SUPERVISOR, ADMIN]
    [alert] = rig.api.texts(DESK_CHAT)
    assert ticket.label in alert and "张队长，转告孙督办、沈管理员的提醒也未能送达" in alert
    assert "请以上各位本人" in alert and "/start" in alert
    assert not rig.api.texts(TEAM_CHAT)
    [row] = [r for r in await rig.rows() if r.chat_id == DESK_CHAT]
    assert (row.purpose, row.priority, row.status) == ("alert", 0, "sent")


async def test_a_members_message_nobody_above_can_receive_is_posted_in_the_teams_group(
    rig: Rig, db: Database, demo_config: Config
) -> None:
    """Those above the member are known already not to take private messages: the team's
    group hears at once, naming them and the member."""
    await staff_who_never_started_the_bot(rig, db, MEMBER)
    async with db.engine.begin() as conn:
        above = (LEADER, SUPERVISOR, ADMIN)
        await conn.execute(update(users).where(users.c.id.in_(above)).values(reachable=False))
    ticket = await new_ticket(db, demo_config)
    await rig.queue(message(MEMBER, "请到现场处理", ticket_id=ticket.id, purpose="remind"))
    await rig.sender.drain_all()

    [alert] = rig.api.texts(TEAM_CHAT)
    assert "李师傅" in alert and "请到现场处理" in alert
    # The alert names the member; the note those above, known already not to be reachable.
    assert "机器人也无法私信通知：张队长、孙督办、沈管理员（" in alert
    assert alert.count("李师傅") == 1 and "请以上各位本人" in alert
    assert not rig.api.texts(DESK_CHAT)


async def test_a_complainants_details_are_not_quoted_in_the_group_of_the_team_complained_about(
    rig: Rig, db: Database, demo_config: Config
) -> None:
    """A message to the ordering team's member that gave the complainant's name is lost,
    and nobody above can be written to: the team's group reads that it is not quoted."""
    member, leader = ORDERING_MEMBER, ORDERING_LEADER  # the team the complaint is about
    await staff_who_never_started_the_bot(rig, db, member)
    async with db.engine.begin() as conn:
        above = (leader, SUPERVISOR, ADMIN)
        await conn.execute(update(users).where(users.c.id.in_(above)).values(reachable=False))
    complaint = await complaint_about_ordering(db, demo_config)
    await rig.queue(
        message(member, "王大伯 13800000001 来电", ticket_id=complaint.id, purpose="notify")
    )
    await rig.sender.drain_all()

    [alert] = rig.api.texts(ORDERING_CHAT)
    assert "无法私信通知：" in alert and "此处不转述" in alert
    assert "王大伯" not in alert and "13800000001" not in alert


async def test_a_complainants_details_stay_unquoted_when_the_leaders_alert_is_refused_too(
    rig: Rig, db: Database, demo_config: Config
) -> None:
    """The member's message naming the complainant is refused, then the leader's alert of
    it: the group of the team complained about reads of both, the message not quoted."""
    member, leader = ORDERING_MEMBER, ORDERING_LEADER
    await staff_who_never_started_the_bot(rig, db, member, leader)
    async with db.engine.begin() as conn:
        above = (SUPERVISOR, ADMIN)
        await conn.execute(update(users).where(users.c.id.in_(above)).values(reachable=False))
    complaint = await complaint_about_ordering(db, demo_config)
    await rig.queue(
        message(member, "王大伯 13800000001 来电", ticket_id=complaint.id, purpose="notify")
    )
    await rig.sender.drain_all()

    [alert] = rig.api.texts(ORDERING_CHAT)
    assert "何经理，转告罗部长的提醒也未能送达" in alert
    assert alert.count("原消息：") == 1 and "此处不转述" in alert
    assert "王大伯" not in alert and "13800000001" not in alert


async def test_the_desk_reads_whom_the_page_and_its_alerts_missed_once_not_alerts_quoting_alerts(
    rig: Rig, db: Database, demo_config: Config
) -> None:
    """The page to the leader, the supervisor's alert of it and the admin's alert of that are
    each refused: the desk reads one alert, about the page (quoted once), naming the three
    once each, why in Chinese, whom to phone; Telegram's own words stay in the events."""
    await staff_who_never_started_the_bot(rig, db, LEADER, SUPERVISOR, ADMIN)
    async with db.engine.begin() as conn:
        phones = {LEADER: "13700000003", SUPERVISOR: "13600000004"}
        for user_id, phone in phones.items():
            await conn.execute(update(users).where(users.c.id == user_id).values(phone=phone))
    ticket = await new_ticket(db, demo_config)
    page = "🚨【紧急】工单 10019｜110报警｜待接单\n内容：烤房停电了，温度一直往下掉"
    await rig.queue(message(LEADER, page, ticket_id=ticket.id, purpose="card"))
    await rig.sender.drain_all()

    [alert] = rig.api.texts(DESK_CHAT)
    assert alert.count("⚠️") == 1 and alert.count("原消息：") == 1
    assert alert.count("消息未能送达") == 1 and alert.count(page) == 1
    head, quoted = alert.split("原消息：")
    assert head.splitlines() == [
        f"⚠️ 工单 {ticket.label}：消息未能送达工作人员 张队长，"
        "转告孙督办、沈管理员的提醒也未能送达（没有私聊过机器人）。",
        "请电话联系：张队长 13700000003、孙督办 13600000004",
        "沈管理员没有登记电话，请通过其他方式联系。",
    ]
    # The note after the quoted page asks them to open a private chat, without naming
    # them or saying why once more.
    assert quoted.startswith(page) and NOTE not in alert and "请以上各位本人" in quoted
    assert "Forbidden" not in alert and "initiate" not in alert
    async with db.uow(read_only=True) as uow:
        events = await uow.tickets.events(ticket.id or 0)
    notes = [e.note for e in events if e.action == "unreachable"]
    assert notes == [NEVER_STARTED] * 3


async def test_an_anonymous_complainant_the_bot_cannot_write_to_is_not_named_in_the_desk_group(
    rig: Rig, db: Database, demo_config: Config
) -> None:
    """An anonymous complainant blocked the bot, the bot was removed from the group of the
    team complained about, and nobody above can be written to privately: the desk's note
    asks the staff to open a private chat, and names nobody the card would not."""
    await staff_who_never_started_the_bot(rig, db)
    rig.api.inject("forbidden", chat_id=FARMER, times=None, description=BLOCKED)
    async with db.engine.begin() as conn:
        above = (ORDERING_LEADER, SUPERVISOR, ADMIN)
        await conn.execute(update(users).where(users.c.id.in_(above)).values(reachable=False))
    complaint = await complaint_about_ordering(db, demo_config, anonymous=True)
    rig.api.kick(ORDERING_CHAT)
    await rig.queue(message(FARMER, "您的投诉已受理", ticket_id=complaint.id, purpose="notify"))
    await rig.sender.drain_all()

    [alert] = rig.api.texts(DESK_CHAT)
    assert "王大伯" not in alert and "13800000001" not in alert
    assert f"📵 {NOTE}罗部长、孙督办、沈管理员（" in alert


async def test_a_leaders_refused_alert_of_a_team_group_that_refused_ends_in_the_desk(
    rig: Rig, db: Database, demo_config: Config
) -> None:
    """The bot was removed from the team's group, so its card is refused; the leader's
    alert of it is refused too, and those above are known not to be reachable: the desk
    hears, not the team's group again, which refused already."""
    await staff_who_never_started_the_bot(rig, db, LEADER)
    async with db.engine.begin() as conn:
        above = (SUPERVISOR, ADMIN)
        await conn.execute(update(users).where(users.c.id.in_(above)).values(reachable=False))
    ticket = await new_ticket(db, demo_config)
    rig.api.kick(TEAM_CHAT)
    await rig.queue(message(TEAM_CHAT, "【紧急】新工单", ticket_id=ticket.id, purpose="card"))
    await rig.sender.drain_all()

    assert [(c.chat_id, c.status) for c in rig.api.calls if c.chat_id] == [
        (TEAM_CHAT, 403),
        (LEADER, 403),
        (DESK_CHAT, 200),
    ]
    [alert] = rig.api.texts(DESK_CHAT)
    assert ticket.label in alert and "消息未能送达服务队群（机器人已被移出该群" in alert
    assert "转告张队长（没有私聊过机器人）的提醒也未能送达" in alert
    assert "原消息：【紧急】新工单" in alert
    assert "机器人也无法私信通知：孙督办、沈管理员（" in alert and "/start" in alert


async def test_a_group_reads_whom_a_taken_over_complaints_notice_missed_beside_what_it_was_about(
    rig: Rig, db: Database, demo_config: Config
) -> None:
    """The oversight team took over a complaint about the ordering team, and the notice to the
    ordering member who had it is refused with nobody above reachable: the ordering team's
    group reads that the notice missed 何经理, and what the complaint was about only (🔒), not
    an unexplained card and a request to "everyone above" naming nobody."""
    member, leader = ORDERING_MEMBER, ORDERING_LEADER
    await staff_who_never_started_the_bot(rig, db, member)
    async with db.engine.begin() as conn:
        above = (leader, SUPERVISOR, ADMIN)
        await conn.execute(update(users).where(users.c.id.in_(above)).values(reachable=False))
    complaint = await complaint_the_oversight_team_has(db, demo_config)
    taken = f"工单 {complaint.label} 是一件投诉，已由 纪检作风监督室 接管调查，本队不再办理。"
    await rig.queue(message(member, taken, ticket_id=complaint.id, purpose="notify"))
    await rig.sender.drain_all()

    [alert] = rig.api.texts(ORDERING_CHAT)
    head, card = alert.split("\n🔒 ")
    assert head.startswith(f"⚠️ 工单 {complaint.label}：消息未能送达") and "何经理" in head
    assert card.startswith(f"工单 {complaint.label}｜投诉｜已由 纪检作风监督室 接管调查")
    assert "客户经理不接电话" in card and "📵 机器人也无法私信通知：罗部长" in card
    assert "王大伯" not in alert and "13800000001" not in alert


async def test_the_desk_reads_an_investigated_complaints_alert_not_its_lock(
    rig: Rig, db: Database, demo_config: Config
) -> None:
    """The oversight team's group removed the bot, and its leader and the supervisors take
    no private message: the desk, the supervisors' group, reads the alert as for any other
    ticket (the oversight chat's message not quoted, as it may name the complainant), not
    the 🔒 line written for the team complained about (本队不再办理)."""
    conduct_chat, conduct_leader = -1001000000016, 200092
    await staff_who_never_started_the_bot(rig, db)
    async with db.uow() as uow:
        await uow.users.add(User(conduct_leader, T0, name="郑主任"))
        await uow.commit()
    async with db.engine.begin() as conn:
        above = (conduct_leader, SUPERVISOR, ADMIN)
        await conn.execute(update(users).where(users.c.id.in_(above)).values(reachable=False))
    complaint = await complaint_the_oversight_team_has(db, demo_config)
    rig.api.kick(conduct_chat)
    added = "报告人补充：上周又打了三次电话都没人接"
    await rig.queue(message(conduct_chat, added, ticket_id=complaint.id, purpose="notify"))
    await rig.sender.drain_all()

    [alert] = rig.api.texts(DESK_CHAT)
    assert alert.startswith(f"⚠️ 工单 {complaint.label}：消息未能送达服务队群")
    assert "本队不再办理" not in alert and "此处不转述" in alert
