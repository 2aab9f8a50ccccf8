"""Chasing the requester: an unanswered question, an unconfirmed resolution, quiet hours.

Demo auto_close: remind after 24h, close after 72h (wall-clock); quiet hours 22:00–07:00
for everything but urgent tickets.
"""

from __future__ import annotations

from datetime import timedelta

from core.config import Config
from core.enums import Action, Kind, Requester, Script, Status
from core.model import OutboxMessage, TicketMessage, User
from storage.uow import Database
from tests.integration.scheduler.clockwork import (
    CURING_CHAT,
    CURING_LEADER,
    CURING_MEMBER,
    FARMER,
    ORDERING_CHAT,
    ORDERING_MEMBER,
    ORDERING_REQUEST,
    RETAILER,
    act,
    at,
    load,
    outbox_rows,
    run_scheduler,
    seed_staff,
    sent,
    show,
)
from tests.support.config_edits import with_team_changed
from tests.support.tickets import new_ticket

STAFF_MEMBER = 200081  # 工会职工服务站


async def test_an_unanswered_question_is_reminded_then_closed_in_traditional_script(
    db: Database, demo_config: Config
) -> None:
    cfg = demo_config
    filed = at("2026-11-16 09:00")  # Monday
    await seed_staff(db, cfg, filed)
    ticket = await new_ticket(db, cfg, now=filed, script=Script.HANT, **ORDERING_REQUEST)
    assert ticket.id is not None
    await act(db, cfg, ticket.id, Action.ACCEPT, ORDERING_MEMBER, at("2026-11-16 09:30"))
    await act(
        db,
        cfg,
        ticket.id,
        Action.ASK,
        ORDERING_MEMBER,
        at("2026-11-16 10:00"),
        note="请拍一张报错截图",
    )

    await run_scheduler(db, cfg, at("2026-11-16 10:00"), at("2026-11-20 00:00"))

    assert await sent(db) == [
        ("Tue 11-17 10:00", "question", (FARMER,)),  # the question again
        ("Thu 11-19 10:00", "notify", (FARMER, ORDERING_CHAT)),
    ]
    remind, closed, team = await outbox_rows(db)
    assert remind.payload["text"] == (
        f"您好，工單 {ticket.label} 的服務隊還在等您補充情況（請拍一張報錯截圖）。\n"
        "直接回覆這條消息即可；11-19 10:00 前沒有回覆，工單將關閉。"
    )
    assert closed.payload["text"].startswith(f"工單 {ticket.label} 一直沒有收到您的補充，已關閉。")
    # The way back it names is the button it comes with, as /my offers it: not 重新提交.
    closed_text = closed.payload["text"]
    assert "「🔁 重新辦理」" in closed_text and "請重新提交" not in closed_text
    assert closed.payload["buttons"] == [[{"text": "🔁 重新辦理", "data": f"my:bad:{ticket.id}"}]]
    assert (
        team.payload["text"] == f"工单 {ticket.label} 等待报告人补充已超过 3天，没有回复，已关闭。"
    )
    stored = await load(db, ticket.id)
    assert stored.status is Status.CLOSED
    assert stored.closed_without_reply
    async with db.uow(read_only=True) as uow:
        events = list(await uow.tickets.events(ticket.id))
    assert [e.action for e in events][-3:] == ["ask", "remind", "expire"]
    assert events[-1].note == "报告人3天未补充，自动关闭"


async def test_no_confirm_reminder_reaches_a_requester_at_night_even_after_a_110_call(
    db: Database, demo_config: Config
) -> None:
    cfg = demo_config
    await seed_staff(db, cfg, at("2026-11-16 08:00"))
    normal = await new_ticket(
        db,
        cfg,
        now=at("2026-11-16 09:00"),
        requester_id=RETAILER,
        chat_id=RETAILER,
        **ORDERING_REQUEST,
    )
    urgent = await new_ticket(db, cfg, now=at("2026-11-16 22:50"))  # 110, curing, urgent
    assert normal.id is not None and urgent.id is not None
    await act(db, cfg, normal.id, Action.ACCEPT, ORDERING_MEMBER, at("2026-11-16 09:30"))
    await act(db, cfg, urgent.id, Action.ACCEPT, CURING_MEMBER, at("2026-11-16 22:55"))
    # Both resolved late at night, ten minutes apart.
    await act(db, cfg, normal.id, Action.RESOLVE, ORDERING_MEMBER, at("2026-11-16 23:00"), "已处理")
    await act(db, cfg, urgent.id, Action.RESOLVE, CURING_MEMBER, at("2026-11-16 23:10"), "已修好")

    await run_scheduler(db, cfg, at("2026-11-16 23:10"), at("2026-11-20 08:00"))

    # The barn is fixed: asking the farmer to confirm and rate is not urgent any more.
    assert await sent(db) == [
        ("Wed 11-18 07:00", "resolution", (RETAILER,)),  # due Tue 23:00, held until 07:00
        ("Wed 11-18 07:00", "resolution", (FARMER,)),  # due Tue 23:10, held the same
        ("Thu 11-19 23:00", "notify", (RETAILER,)),  # closed on time ...
        ("Thu 11-19 23:10", "notify", (FARMER,)),
    ]
    rows = await outbox_rows(db)
    # ... but both hear of it after the quiet hours.
    assert [show(row.not_before) for row in rows] == [
        "Wed 11-18 07:00",
        "Wed 11-18 07:00",
        "Fri 11-20 07:00",
        "Fri 11-20 07:00",
    ]
    for ticket in (normal, urgent):
        assert ticket.id is not None
        stored = await load(db, ticket.id)
        assert (stored.status, stored.closed_without_reply) == (Status.CLOSED, True)
    assert show((await load(db, normal.id)).closed_at) == "Thu 11-19 23:00"  # type: ignore[arg-type]


async def test_an_unreachable_requester_is_not_messaged_but_the_ticket_still_closes(
    db: Database, demo_config: Config
) -> None:
    cfg = demo_config
    filed = at("2026-11-16 09:00")
    async with db.uow() as uow:
        await uow.users.add(
            User(id=FARMER, created_at=filed, reachable=False, unreachable_since=filed)
        )
        await uow.commit()
    ticket = await new_ticket(db, cfg, now=filed, **ORDERING_REQUEST)
    assert ticket.id is not None
    await act(db, cfg, ticket.id, Action.ACCEPT, ORDERING_MEMBER, filed + timedelta(minutes=5))
    await act(db, cfg, ticket.id, Action.RESOLVE, ORDERING_MEMBER, filed + timedelta(hours=1))

    await run_scheduler(db, cfg, filed, at("2026-11-20 12:00"))

    assert await sent(db) == []
    stored = await load(db, ticket.id)
    assert stored.status is Status.CLOSED
    async with db.uow(read_only=True) as uow:
        remind = [e for e in await uow.tickets.events(ticket.id) if e.action == "remind"]
    assert [e.data["delivered"] for e in remind] == [False]


async def test_closing_an_unconfirmed_ticket_takes_the_buttons_off_its_cards(
    db: Database, demo_config: Config
) -> None:
    cfg = demo_config
    filed = at("2026-11-16 09:00")
    await seed_staff(db, cfg, filed)
    ticket = await new_ticket(db, cfg, now=filed, **ORDERING_REQUEST)
    assert ticket.id is not None
    async with db.uow() as uow:  # the card the recorder kept when it was sent
        await uow.ticket_messages.add(TicketMessage(ticket.id, ORDERING_CHAT, 777, "card", filed))
        await uow.commit()
    await act(db, cfg, ticket.id, Action.ACCEPT, ORDERING_MEMBER, at("2026-11-16 09:30"))
    await act(db, cfg, ticket.id, Action.RESOLVE, ORDERING_MEMBER, at("2026-11-16 10:00"), "已处理")
    await run_scheduler(db, cfg, at("2026-11-16 10:00"), at("2026-11-20 12:00"))
    [edit] = [row for row in await outbox_rows(db) if row.purpose == "card_edit"]
    assert (edit.chat_id, edit.method) == (ORDERING_CHAT, "edit_message")
    assert edit.payload["message_id"] == 777
    assert "已销号" in edit.payload["text"] and "未确认，自动销号" in edit.payload["text"]
    assert "buttons" not in edit.payload


async def test_an_auto_closed_card_keeps_who_accepted_the_visit_and_the_resolution_note(
    db: Database, demo_config: Config
) -> None:
    cfg = demo_config
    filed = at("2026-11-16 09:00")
    await seed_staff(db, cfg, filed)
    ticket = await new_ticket(db, cfg, now=filed, **ORDERING_REQUEST)
    assert ticket.id is not None
    async with db.uow() as uow:
        member = await uow.users.get(ORDERING_MEMBER)
        assert member is not None
        member.name = "周经理"
        await uow.ticket_messages.add(TicketMessage(ticket.id, ORDERING_CHAT, 777, "card", filed))
        await uow.commit()
    await act(db, cfg, ticket.id, Action.ACCEPT, ORDERING_MEMBER, at("2026-11-16 09:30"))
    await act(db, cfg, ticket.id, Action.VISIT, ORDERING_MEMBER, at("2026-11-16 09:50"))
    note = "已重置订货系统密码"
    await act(db, cfg, ticket.id, Action.RESOLVE, ORDERING_MEMBER, at("2026-11-16 10:00"), note)
    await run_scheduler(db, cfg, at("2026-11-16 10:00"), at("2026-11-20 12:00"))
    [edit] = [row for row in await outbox_rows(db) if row.purpose == "card_edit"]
    lines = str(edit.payload["text"]).split("\n")
    assert "接单：周经理 11-16 09:30" in lines
    assert "上门：11-16 09:50" in lines
    assert f"办结：11-16 10:00 {note}" in lines
    assert any(line.startswith("分派依据：") for line in lines)  # the whole card, not an alert's
    assert lines[-1] == "报告人3天未确认，自动销号"


async def test_closing_settles_a_card_edit_still_waiting_as_superseded(
    db: Database, demo_config: Config
) -> None:
    cfg = demo_config
    filed = at("2026-11-16 09:00")
    await seed_staff(db, cfg, filed)
    ticket = await new_ticket(db, cfg, now=filed, **ORDERING_REQUEST)
    assert ticket.id is not None
    async with db.uow() as uow:
        await uow.ticket_messages.add(TicketMessage(ticket.id, ORDERING_CHAT, 777, "card", filed))
        await uow.commit()
    await act(db, cfg, ticket.id, Action.ACCEPT, ORDERING_MEMBER, at("2026-11-16 09:30"))
    await act(db, cfg, ticket.id, Action.RESOLVE, ORDERING_MEMBER, at("2026-11-16 10:00"), "已处理")
    async with db.uow() as uow:  # the edit for 已办结, not out yet (the team chat was busy)
        waiting = {"text": "已办结", "message_id": 777}
        await uow.outbox.add(
            OutboxMessage(
                ORDERING_CHAT,
                "edit_message",
                waiting,
                filed,
                filed,
                ticket_id=ticket.id,
                purpose="card_edit",
            )
        )
        await uow.commit()
    await run_scheduler(db, cfg, at("2026-11-16 10:00"), at("2026-11-20 12:00"))
    edits = [row for row in await outbox_rows(db) if row.purpose == "card_edit"]
    assert [(r.status, "自动销号" in r.payload["text"]) for r in edits] == [
        ("superseded", False),
        ("pending", True),
    ]


async def test_a_silent_farmer_during_a_110_call_is_reminded_within_the_hour_at_night(
    db: Database, demo_config: Config
) -> None:
    cfg = demo_config
    await seed_staff(db, cfg, at("2026-11-16 08:00"))
    async with db.uow() as uow:
        await uow.users.add(User(id=FARMER, created_at=at("2026-11-16 08:00"), phone="13800001111"))
        await uow.commit()
    urgent = await new_ticket(db, cfg, now=at("2026-11-17 01:00"))  # 110, curing, urgent
    assert urgent.id is not None
    await act(db, cfg, urgent.id, Action.ACCEPT, CURING_MEMBER, at("2026-11-17 01:05"))
    await act(
        db,
        cfg,
        urgent.id,
        Action.ASK,
        CURING_MEMBER,
        at("2026-11-17 01:10"),
        "温度表现在显示多少？",
    )

    await run_scheduler(db, cfg, at("2026-11-17 01:10"), at("2026-11-17 03:00"))

    # Within the quiet hours, and not a day later: the barn cannot wait. The team's chat and
    # the member who asked (on the road, perhaps) are asked to phone.
    assert await sent(db) == [
        ("Tue 11-17 01:40", "question", (FARMER,)),
        ("Tue 11-17 01:40", "notify", (CURING_CHAT, CURING_MEMBER)),
    ]
    remind, team, _member = await outbox_rows(db)
    assert "温度表现在显示多少" in remind.payload["text"] and remind.priority == 0
    assert team.payload["text"] == (
        f"📞 工单 {urgent.label}（110）：报告人 30分钟 没有回复补充问题，已再次提醒。"
        "烤房等不得，请直接打电话联系（13800001111）。"
    )
    assert (await load(db, urgent.id)).status is Status.WAITING_REQUESTER  # still theirs


async def test_a_typed_number_in_the_night_reminder_is_said_to_be_unverified(
    db: Database, demo_config: Config
) -> None:
    """The farmer typed their number (not Telegram's contact card): the team asked to phone
    them reads it as the card does, 本人输入，未核实, in case it was mistyped."""
    cfg = demo_config
    await seed_staff(db, cfg, at("2026-11-16 08:00"))
    async with db.uow() as uow:
        farmer = User(id=FARMER, created_at=at("2026-11-16 08:00"), phone="13800001111")
        farmer.phone_typed = True
        await uow.users.add(farmer)
        await uow.commit()
    urgent = await new_ticket(db, cfg, now=at("2026-11-17 01:00"))
    assert urgent.id is not None
    await act(db, cfg, urgent.id, Action.ASK, CURING_MEMBER, at("2026-11-17 01:10"), "在哪个烤房？")

    await run_scheduler(db, cfg, at("2026-11-17 01:10"), at("2026-11-17 02:00"))

    asked = [r for r in await outbox_rows(db) if "没有回复补充问题" in r.payload["text"]]
    assert asked and all(
        "请直接打电话联系（13800001111，本人输入，未核实）" in r.payload["text"] for r in asked
    ), [r.payload["text"] for r in asked]


async def test_the_member_who_asked_before_accepting_is_asked_to_phone_a_silent_farmer(
    db: Database, demo_config: Config
) -> None:
    """At 01:10 the on-duty member asks 在哪个烤房 from their page before taking the call:
    half an hour of silence later they are asked to phone too, not only the muted group."""
    cfg = demo_config
    await seed_staff(db, cfg, at("2026-11-16 08:00"))
    urgent = await new_ticket(db, cfg, now=at("2026-11-17 01:00"))
    assert urgent.id is not None
    await act(db, cfg, urgent.id, Action.ASK, CURING_MEMBER, at("2026-11-17 01:10"), "在哪个烤房？")

    await run_scheduler(db, cfg, at("2026-11-17 01:10"), at("2026-11-17 02:00"))

    asked = [r for r in await outbox_rows(db) if "没有回复补充问题" in r.payload["text"]]
    assert [r.chat_id for r in asked] == [CURING_CHAT, CURING_MEMBER]


async def test_a_silent_farmer_who_left_no_number_is_not_to_be_phoned(
    db: Database, demo_config: Config
) -> None:
    cfg = demo_config
    await seed_staff(db, cfg, at("2026-11-16 08:00"))
    urgent = await new_ticket(db, cfg, now=at("2026-11-17 01:00"))  # the farmer has no phone
    assert urgent.id is not None
    await act(db, cfg, urgent.id, Action.ACCEPT, CURING_MEMBER, at("2026-11-17 01:05"))
    await act(db, cfg, urgent.id, Action.ASK, CURING_MEMBER, at("2026-11-17 01:10"), "在哪个烤房？")

    await run_scheduler(db, cfg, at("2026-11-17 01:10"), at("2026-11-17 03:00"))

    later = await new_ticket(db, cfg, now=at("2026-11-17 02:00"))  # another, an hour on
    assert later.id is not None
    await act(db, cfg, later.id, Action.ACCEPT, CURING_MEMBER, at("2026-11-17 02:05"))
    await act(db, cfg, later.id, Action.ASK, CURING_MEMBER, at("2026-11-17 02:10"), "在哪？")
    await run_scheduler(db, cfg, at("2026-11-17 02:10"), at("2026-11-17 04:00"))

    team = [r for r in await outbox_rows(db) if r.chat_id == CURING_CHAT]
    assert [r.payload["text"] for r in team] == [
        f"📞 工单 {t.label}（110）：报告人 30分钟 没有回复补充问题，已再次提醒。"
        "报告人没有留电话，烤房等不得，请按工单上的地点直接上门查看。"
        for t in (urgent, later)
    ]  # each call's own message: neither is taken for a repeat of the other


async def test_a_normal_request_waiting_for_its_requester_is_not_reminded_within_the_day(
    db: Database, demo_config: Config
) -> None:
    cfg = demo_config
    await seed_staff(db, cfg, at("2026-11-16 08:00"))
    ticket = await new_ticket(db, cfg, now=at("2026-11-16 09:00"), **ORDERING_REQUEST)
    assert ticket.id is not None
    await act(db, cfg, ticket.id, Action.ACCEPT, ORDERING_MEMBER, at("2026-11-16 09:30"))
    await act(db, cfg, ticket.id, Action.ASK, ORDERING_MEMBER, at("2026-11-16 10:00"), "哪个账号？")
    await run_scheduler(db, cfg, at("2026-11-16 10:00"), at("2026-11-17 09:59"))
    assert await sent(db) == []


async def test_a_110_team_without_a_chat_has_its_leaders_asked_to_phone(
    db: Database, demo_config: Config
) -> None:
    cfg = with_team_changed(demo_config, "curing-qingshan", chat_id=None)
    await seed_staff(db, cfg, at("2026-11-16 08:00"))
    urgent = await new_ticket(db, cfg, now=at("2026-11-17 01:00"))
    assert urgent.id is not None
    await act(db, cfg, urgent.id, Action.ASK, 300001, at("2026-11-17 01:10"), "温度多少？")
    await run_scheduler(db, cfg, at("2026-11-17 01:10"), at("2026-11-17 02:00"))
    asked = [r for r in await outbox_rows(db) if "没有回复补充问题" in r.payload["text"]]
    assert [r.chat_id for r in asked] == [CURING_LEADER]


async def _closed_unanswered_text(db: Database, cfg: Config, requester: User) -> str:
    filed = at("2026-11-16 09:00")  # Monday
    await seed_staff(db, cfg, filed)
    async with db.uow() as uow:
        await uow.users.add(requester)
        await uow.commit()
    ticket = await new_ticket(
        db, cfg, now=filed, requester_id=requester.id, chat_id=requester.id, **ORDERING_REQUEST
    )
    assert ticket.id is not None
    await act(db, cfg, ticket.id, Action.ACCEPT, ORDERING_MEMBER, at("2026-11-16 09:30"))
    await act(db, cfg, ticket.id, Action.ASK, ORDERING_MEMBER, at("2026-11-16 10:00"), "哪天？")
    await run_scheduler(db, cfg, at("2026-11-16 10:00"), at("2026-11-20 00:00"))
    [closed] = [
        r for r in await outbox_rows(db) if r.chat_id == requester.id and "已关闭" in str(r.payload)
    ]
    return str(closed.payload["text"])


async def test_a_retailer_closed_unanswered_is_not_told_to_call_110(
    db: Database, demo_config: Config
) -> None:
    retailer = User(id=RETAILER, created_at=at("2026-11-16 08:00"), kind=Requester.RETAILER)
    text = await _closed_unanswered_text(db, demo_config, retailer)
    assert "一直没有收到您的补充，已关闭" in text and "110" not in text


async def test_a_farmer_closed_unanswered_is_still_told_of_110(
    db: Database, demo_config: Config
) -> None:
    farmer = User(id=FARMER, created_at=at("2026-11-16 08:00"), kind=Requester.FARMER)
    text = await _closed_unanswered_text(db, demo_config, farmer)
    assert text.endswith("不用重新提交。烤房紧急情况请直接报 110。")


async def test_a_wish_left_unanswered_is_reminded_and_closed_as_a_wish(
    db: Database, demo_config: Config
) -> None:
    """The employee reads 心愿 where the desk calls it so everywhere else, not 工单."""
    cfg = demo_config
    await seed_staff(db, cfg, at("2026-11-16 08:00"))
    wish = {**ORDERING_REQUEST, "kind": Kind.WISH, "line": "staff", "team_id": "staff"}
    wish["text"] = "食堂增加早餐品种"
    ticket = await new_ticket(db, cfg, now=at("2026-11-16 09:00"), **wish)
    assert ticket.id is not None
    await act(db, cfg, ticket.id, Action.ACCEPT, STAFF_MEMBER, at("2026-11-16 09:30"))
    await act(
        db, cfg, ticket.id, Action.ASK, STAFF_MEMBER, at("2026-11-16 10:00"), note="想加哪些品种？"
    )

    await run_scheduler(db, cfg, at("2026-11-16 10:00"), at("2026-11-24 00:00"))

    told = [str(r.payload["text"]) for r in await outbox_rows(db) if r.chat_id == FARMER]
    assert told[0].startswith(f"您好，心愿 {ticket.label} 的服务队还在等您补充情况")
    assert "前没有回复，心愿将关闭" in told[0]
    assert told[-1].startswith(f"心愿 {ticket.label} 一直没有收到您的补充，已关闭。")
