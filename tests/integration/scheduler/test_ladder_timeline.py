"""The escalation ladder against the clock: who hears what, at which local time.

Standard tickets count working time only (08:30–12:00, 14:00–17:30 on Chinese working days:
2026's Mid-Autumn holiday Fri 25 – Sun 27 Sep, National Day Thu 1 – Wed 7 Oct, and the
adjusted working days Sun 20 Sep and Sat 10 Oct); urgent tickets count every minute.
Demo ladders: standard 0m team, 1h leader, 4h supervisors, then every 7 working hours;
fast 0m, 10m, 30m, then every 30 minutes.
"""

from __future__ import annotations

from core.config import Config
from core.enums import Action, Status
from storage.uow import Database
from tests.integration.scheduler.clockwork import (
    CURING_CHAT,
    CURING_LEADER,
    CURING_MEMBER,
    FARMER,
    ORDERING_CHAT,
    ORDERING_LEADER,
    ORDERING_MEMBER,
    ORDERING_REQUEST,
    SUPERVISOR,
    act,
    at,
    load,
    outbox_rows,
    run_scheduler,
    seed_staff,
    sent,
    show,
)
from tests.support.tickets import new_ticket

STANDARD = {**ORDERING_REQUEST, "text": "订货系统登录不上，明天要订货"}


async def test_an_untouched_standard_ticket_across_mid_autumn_and_national_day(
    db: Database, demo_config: Config
) -> None:
    filed = at("2026-09-24 16:00")  # Thursday, the day before Mid-Autumn
    await seed_staff(db, demo_config, filed, on_duty=(ORDERING_MEMBER,))
    ticket = await new_ticket(db, demo_config, now=filed, **STANDARD)
    assert ticket.id is not None

    await run_scheduler(db, demo_config, filed, at("2026-10-12 18:00"))

    # 2h to accept: 1.5h on Thursday, then nothing until Monday 08:30 (+30m). The ordering
    # office keeps no duty roster (duty_roster: false): a member marked on duty is not
    # reminded in private; the team's chat is.
    assert await sent(db) == [
        ("Mon 09-28 09:00", "team", (ORDERING_CHAT,)),
        ("Mon 09-28 10:00", "leader", (ORDERING_LEADER,)),
        ("Mon 09-28 15:00", "supervisors", (SUPERVISOR,)),
        ("Tue 09-29 15:00", "supervisors", (SUPERVISOR,)),
        ("Wed 09-30 15:00", "supervisors", (SUPERVISOR,)),
        # National Day, 1–7 October: nobody is chased.
        ("Thu 10-08 15:00", "supervisors", (SUPERVISOR,)),
        ("Fri 10-09 15:00", "supervisors", (SUPERVISOR,)),
        ("Sat 10-10 15:00", "supervisors", (SUPERVISOR,)),  # 调休: a working Saturday
        ("Mon 10-12 15:00", "supervisors", (SUPERVISOR,)),
    ]
    stored = await load(db, ticket.id)
    assert stored.status is Status.DISPATCHED
    assert stored.escalation_step == 9  # nine steps taken, 0 to 8
    assert show(stored.next_action_at) == "Tue 10-13 15:00"  # type: ignore[arg-type]

    rows = await outbox_rows(db)
    first, alert = rows[0], rows[-1]
    assert first.payload["text"].splitlines()[0] == (
        f"⏰ 工单 {ticket.label} 已到接单时限（09-28 09:00），还没有人接单，请尽快接单。"
    )
    assert first.payload["buttons"] == [[{"text": "接单", "data": f"tk:acc:{ticket.id}"}]]
    assert alert.payload["text"].splitlines()[:2] == [
        # 46 hours of working time: 6.5 + 7 x 5 (National Day off, the 调休 Saturday on) + 4.5
        f"🔴【超时督办】工单 {ticket.label} 超过接单时限 14天6小时（工作时间46小时），仍未接单。",
        f"{ticket.label}｜求助办事｜待接单｜营销服务部（客户经理）",
    ]
    assert alert.payload["buttons"] == [
        [
            {"text": "催办", "data": f"sv:remind:{ticket.id}"},
            {"text": "改派", "data": f"sv:reassign:{ticket.id}"},
        ]
    ]
    assert {row.priority for row in rows} == {1}
    assert len({row.dedup_key for row in rows}) == len(rows)


async def test_a_slow_ticket_through_accept_resolve_and_closing_without_reply(
    db: Database, demo_config: Config
) -> None:
    filed = at("2026-09-19 10:00")  # Saturday; Sunday the 20th is a working day (调休)
    await seed_staff(db, demo_config, filed)
    ticket = await new_ticket(db, demo_config, now=filed, **STANDARD)
    assert ticket.id is not None
    await run_scheduler(db, demo_config, filed, at("2026-09-21 09:00"))
    await act(db, demo_config, ticket.id, Action.ACCEPT, ORDERING_MEMBER, at("2026-09-21 09:00"))
    await run_scheduler(db, demo_config, at("2026-09-21 09:00"), at("2026-09-23 16:00"))
    await act(
        db,
        demo_config,
        ticket.id,
        Action.RESOLVE,
        ORDERING_MEMBER,
        at("2026-09-23 16:00"),
        note="已重置密码",
    )
    await run_scheduler(db, demo_config, at("2026-09-23 16:00"), at("2026-09-30 00:00"))

    assert await sent(db) == [
        # Accept: 2 working hours from Sunday 08:30.
        ("Sun 09-20 10:30", "team", (ORDERING_CHAT,)),
        ("Sun 09-20 11:30", "leader", (ORDERING_LEADER,)),
        ("Sun 09-20 16:30", "supervisors", (SUPERVISOR,)),
        # Resolve: 21 working hours from filing, the end of Tuesday; the member who
        # accepted is reminded with the team.
        ("Tue 09-22 17:30", "team", (ORDERING_CHAT, ORDERING_MEMBER)),
        ("Wed 09-23 09:30", "leader", (ORDERING_LEADER,)),
        ("Wed 09-23 14:30", "supervisors", (SUPERVISOR,)),
        # Resolved: ask the requester after 24h, close (销号) after 72h, wall-clock.
        ("Thu 09-24 16:00", "resolution", (FARMER,)),
        ("Sat 09-26 16:00", "notify", (FARMER,)),
    ]
    stored = await load(db, ticket.id)
    assert stored.status is Status.CLOSED
    assert stored.closed_without_reply
    assert show(stored.closed_at) == "Sat 09-26 16:00"  # type: ignore[arg-type]
    assert stored.next_action_at is None
    ask = next(row for row in await outbox_rows(db) if row.chat_id == FARMER)
    assert ask.payload["buttons"] == [
        [
            {"text": "✅ 已解决，评价", "data": f"my:ok:{ticket.id}"},
            {"text": "❌ 没解决", "data": f"my:bad:{ticket.id}"},
        ]
    ]
    async with db.uow(read_only=True) as uow:
        actions = [e.action for e in await uow.tickets.events(ticket.id)]
    assert actions == [
        "create", "dispatch", "remind", "escalate", "escalate", "accept",
        "remind", "escalate", "escalate", "resolve", "remind", "auto_close",
    ]  # fmt: skip


async def test_an_urgent_ticket_at_two_in_the_morning_escalates_within_minutes(
    db: Database, demo_config: Config
) -> None:
    filed = at("2026-11-18 02:00")
    await seed_staff(db, demo_config, filed, on_duty=(CURING_MEMBER,))
    ticket = await new_ticket(db, demo_config, now=filed)  # 110: curing, urgent

    await run_scheduler(db, demo_config, filed, at("2026-11-18 03:45"))

    assert await sent(db) == [
        ("Wed 11-18 02:10", "team", (CURING_CHAT, CURING_MEMBER)),
        # The farmer, awake and waiting, is told the team is chased: once, not every step.
        ("Wed 11-18 02:10", "notify", (FARMER,)),
        ("Wed 11-18 02:20", "leader", (CURING_LEADER,)),
        ("Wed 11-18 02:40", "supervisors", (SUPERVISOR,)),
        ("Wed 11-18 03:10", "supervisors", (SUPERVISOR,)),
        ("Wed 11-18 03:40", "supervisors", (SUPERVISOR,)),
    ]
    rows = await outbox_rows(db)
    assert {row.priority for row in rows} == {0}  # urgent: ahead of everything else
    [told] = [row for row in rows if row.chat_id == FARMER]
    assert told.payload["text"].startswith(f"工单 {ticket.label} 还没有人接单，已再次催促")
    assert rows[0].payload["text"].startswith(f"⏰ 工单 {ticket.label} 已到接单时限（11-18 02:10）")
    assert "🚨【紧急】" in rows[0].payload["text"]


async def test_a_request_written_on_several_lines_is_one_content_line_of_the_alerts(
    db: Database, demo_config: Config
) -> None:
    filed = at("2026-11-16 09:00")  # Monday
    await seed_staff(db, demo_config, filed)
    numbered = {**ORDERING_REQUEST, "text": "一、订货系统登录不上\n二、密码重置收不到短信"}
    await new_ticket(db, demo_config, now=filed, **numbered)
    await run_scheduler(db, demo_config, filed, at("2026-11-16 18:00"))
    alerts = [r.payload["text"] for r in await outbox_rows(db) if r.chat_id == ORDERING_LEADER]
    assert alerts
    for alert in alerts:
        lines = alert.splitlines()
        content = next(n for n, line in enumerate(lines) if line.startswith("内容："))
        assert lines[content] == "内容：一、订货系统登录不上 二、密码重置收不到短信"
        assert lines[content + 1].startswith("地点：")
