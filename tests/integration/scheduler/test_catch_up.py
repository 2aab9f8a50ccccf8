"""Deadlines live in the database: after six hours of downtime the first sweep tells each
audience the ladder has reached since (team, leaders, supervisors) once, for where the
ticket stands now, records every rung in order, and chasing resumes on time."""

from __future__ import annotations

import pytest
from sqlalchemy import update

from core.config import Config
from core.enums import Action
from storage.tables import users
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
    RETAILER,
    SUPERVISOR,
    act,
    at,
    kind_of,
    outbox_rows,
    run_scheduler,
    seed_staff,
    sent,
    show,
)
from tests.support.config_edits import with_team_changed
from tests.support.tickets import new_ticket

DESK_CHAT = -1001000000017  # 督办分派台: the supervisors' desk group


async def test_six_hours_down_then_each_audience_reached_hears_once(
    db: Database, demo_config: Config
) -> None:
    cfg = demo_config
    await seed_staff(db, cfg, at("2026-11-17 08:00"))
    # Resolved on Tuesday morning: the requester is to be asked on Wednesday 09:30.
    done = await new_ticket(
        db,
        cfg,
        now=at("2026-11-17 09:00"),
        requester_id=RETAILER,
        chat_id=RETAILER,
        **ORDERING_REQUEST,
    )
    assert done.id is not None
    await act(db, cfg, done.id, Action.ACCEPT, ORDERING_MEMBER, at("2026-11-17 09:10"))
    await act(db, cfg, done.id, Action.RESOLVE, ORDERING_MEMBER, at("2026-11-17 09:30"), "已处理")
    # Filed Tuesday 16:05: accept due Wednesday 09:05 (working time), leader 10:05.
    standard = await new_ticket(db, cfg, now=at("2026-11-17 16:05"), **ORDERING_REQUEST)
    # A 110 call on Wednesday 08:40: accept due 08:50, then every few minutes.
    urgent = await new_ticket(db, cfg, now=at("2026-11-18 08:40"))

    last = await run_scheduler(db, cfg, at("2026-11-18 08:40"), at("2026-11-18 08:55"))
    assert last < at("2026-11-18 08:55")
    # The scheduler is down from 08:55 to 14:55, while a dozen steps fall due.
    await run_scheduler(db, cfg, at("2026-11-18 14:55"), at("2026-11-18 15:30"))

    assert await sent(db) == [
        # Nobody on duty: the 110 team's leader is paged with its chat.
        ("Wed 11-18 08:50", "team", (CURING_CHAT, CURING_LEADER)),
        ("Wed 11-18 08:50", "notify", (FARMER,)),  # the 110 caller: the team is chased
        # The first sweep after the downtime: the leaders' rung passed on the way and the
        # supervisors' (step 13 of the fast ladder, its repeats folded into one), each once.
        ("Wed 11-18 14:55", "leader", (CURING_LEADER,)),
        ("Wed 11-18 14:55", "supervisors", (SUPERVISOR,)),
        # The standard request: the team's rung (due 09:05) and its leader's (10:05).
        ("Wed 11-18 14:55", "team", (ORDERING_CHAT,)),
        ("Wed 11-18 14:55", "leader", (ORDERING_LEADER,)),
        ("Wed 11-18 14:55", "resolution", (RETAILER,)),  # resolved: please confirm
        # Then on schedule again.
        ("Wed 11-18 15:05", "supervisors", (SUPERVISOR,)),  # standard: 09:05 + 4 working h
        ("Wed 11-18 15:20", "supervisors", (SUPERVISOR,)),  # 110: 14:50 + 30 min
    ]
    async with db.uow(read_only=True) as uow:
        assert urgent.id is not None and standard.id is not None
        # Every rung in the audit trail, in order; the repeats folded into the newest.
        chased = [
            (e.action, e.data["step"], e.data["missed"], e.data["to"])
            for e in await uow.tickets.events(urgent.id)
            if e.action in ("remind", "escalate")
        ]
        assert chased == [
            ("remind", 0, 0, [CURING_CHAT, CURING_LEADER]),
            ("escalate", 1, 0, [CURING_LEADER]),
            ("escalate", 13, 11, [SUPERVISOR]),
            ("escalate", 14, 0, [SUPERVISOR]),
        ]
        chased = [
            (e.action, e.data["step"], e.data["missed"], e.data["to"])
            for e in await uow.tickets.events(standard.id)
            if e.action in ("remind", "escalate")
        ]
        assert chased == [
            ("remind", 0, 0, [ORDERING_CHAT]),
            ("escalate", 1, 0, [ORDERING_LEADER]),
            ("escalate", 2, 0, [SUPERVISOR]),
        ]


async def test_down_three_days_then_a_working_hours_ticket_waits_for_monday_morning(
    db: Database, demo_config: Config
) -> None:
    cfg = demo_config
    await seed_staff(db, cfg, at("2026-11-19 08:00"))
    # Filed Thursday 09:00: team 11:00, leader 12:00, supervisors 17:00, then Friday 17:00.
    standard = await new_ticket(db, cfg, now=at("2026-11-19 09:00"), **ORDERING_REQUEST)
    await run_scheduler(db, cfg, at("2026-11-19 09:00"), at("2026-11-19 12:05"))
    # Down from Thursday noon until 03:00 on Sunday; a 110 call came in on Saturday night.
    urgent = await new_ticket(db, cfg, now=at("2026-11-21 23:00"))
    await run_scheduler(db, cfg, at("2026-11-22 03:00"), at("2026-11-23 17:30"))

    rows = await outbox_rows(db)
    chased = [(show(r.created_at), r.chat_id) for r in rows if r.ticket_id == standard.id]
    assert chased == [
        ("Thu 11-19 11:00", ORDERING_CHAT),
        ("Thu 11-19 12:00", ORDERING_LEADER),
        # The missed steps make one alert when the office opens, not one at 03:00 on a
        # Sunday: a retailer's request is chased in working hours, as it is while running.
        ("Mon 11-23 08:30", SUPERVISOR),
        ("Mon 11-23 17:00", SUPERVISOR),
    ]
    # The farmer's barn cannot wait: the 110 call's catch-up goes at once, at night, to
    # the team that has to go, its leader and the supervisors, each once, and the farmer
    # hears that all of them were told.
    first = [(show(r.created_at), r.chat_id, kind_of(r)) for r in rows if r.ticket_id == urgent.id]
    assert [(chat, kind) for when, chat, kind in first if when == "Sun 11-22 03:00"] == [
        (CURING_CHAT, "team"),
        (CURING_LEADER, "leader"),
        (SUPERVISOR, "supervisors"),
        (FARMER, "notify"),
    ]
    [notice] = [r for r in rows if r.ticket_id == urgent.id and r.chat_id == FARMER]
    assert "并已报告负责人" in str(notice.payload["text"])
    assert "再没有人接单会报告负责人" not in str(notice.payload["text"])


async def test_a_call_never_chased_then_caught_up_tells_each_chat_once_and_the_farmer_all_of_it(
    db: Database, demo_config: Config
) -> None:
    """An hour down while a 110 call waited: the team, its leaders and the supervisors are
    each told once. With the leader unreachable the supervisors stand in for them, and
    hear the later rung only; the farmer hears that the supervisors were told, not the
    leaders nobody could reach."""
    cfg = demo_config
    await seed_staff(db, cfg, at("2026-11-18 08:00"), on_duty=(CURING_MEMBER,))
    async with db.engine.begin() as conn:
        await conn.execute(update(users).where(users.c.id == CURING_LEADER).values(reachable=False))
    call = await new_ticket(db, cfg, now=at("2026-11-18 08:40"))  # accept due 08:50
    assert call.id is not None
    await run_scheduler(db, cfg, at("2026-11-18 09:40"), at("2026-11-18 09:40"))

    rows = [r for r in await outbox_rows(db) if r.ticket_id == call.id]
    assert [(r.chat_id, kind_of(r)) for r in rows] == [
        (CURING_CHAT, "team"),
        (CURING_MEMBER, "team"),
        (SUPERVISOR, "supervisors"),
        (FARMER, "notify"),
    ]
    assert "超过接单时限 50分钟" in str(rows[2].payload["text"])
    assert str(rows[3].payload["text"]).startswith(
        f"工单 {call.label} 还没有人接单，已再次催促青山镇烘烤110服务队，并已报告督办人员督促。"
    )
    assert "负责人" not in str(rows[3].payload["text"])
    async with db.uow(read_only=True) as uow:
        chased = [
            (e.action, e.data["step"], e.data["to"])
            for e in await uow.tickets.events(call.id)
            if e.action in ("remind", "escalate")
        ]
    assert chased == [
        ("remind", 0, [CURING_CHAT, CURING_MEMBER]),
        ("escalate", 1, []),  # its supervisors heard the later rung instead
        ("escalate", 2, [SUPERVISOR]),
    ]


async def test_a_catch_up_reaching_nobody_above_the_team_tells_the_farmer_only_of_the_team(
    db: Database, demo_config: Config
) -> None:
    """The leader and the supervisor unreachable (they blocked the bot), no admin: the
    catch-up reaches the team's group, which reads the leaders' alert naming who could not
    be written to, and the supervisors' desk group the supervisors'; the farmer is told
    just that the team was chased, neither that anyone above it was told nor that they
    will be."""
    cfg = demo_config.model_copy(update={"admins": []})
    await seed_staff(db, cfg, at("2026-11-18 08:00"))
    async with db.engine.begin() as conn:
        blocked = (CURING_LEADER, SUPERVISOR)
        await conn.execute(update(users).where(users.c.id.in_(blocked)).values(reachable=False))
    call = await new_ticket(db, cfg, now=at("2026-11-18 08:40"))  # accept due 08:50
    assert call.id is not None
    await run_scheduler(db, cfg, at("2026-11-18 09:40"), at("2026-11-18 09:40"))

    rows = [r for r in await outbox_rows(db) if r.ticket_id == call.id]
    assert [(r.chat_id, kind_of(r)) for r in rows] == [
        (CURING_CHAT, "leader"),
        (DESK_CHAT, "supervisors"),
        (FARMER, "notify"),
    ]
    assert "机器人无法私信通知：钱队长、孙督办" in str(rows[0].payload["text"])
    assert str(rows[2].payload["text"]).startswith(
        f"工单 {call.label} 还没有人接单，已再次催促青山镇烘烤110服务队。请保持电话畅通"
    )


@pytest.mark.parametrize(
    ("blocked", "promise"),
    [
        ((), "再没有人接单会报告负责人。"),
        ((CURING_LEADER,), "再没有人接单会报告督办人员。"),
        ((CURING_LEADER, SUPERVISOR), "。请保持电话畅通"),
    ],
)
async def test_the_first_reminder_promises_the_farmer_only_whom_the_next_rung_can_reach(
    db: Database, demo_config: Config, blocked: tuple[int, ...], promise: str
) -> None:
    """At the team's reminder the farmer hears who will be told if still nobody takes the
    call: the leaders, or the supervisors standing in when no leader can be reached, or
    nobody promised when nobody above the team can be."""
    cfg = demo_config.model_copy(update={"admins": []})
    await seed_staff(db, cfg, at("2026-11-18 08:00"), on_duty=(CURING_MEMBER,))
    async with db.engine.begin() as conn:
        await conn.execute(update(users).where(users.c.id.in_(blocked)).values(reachable=False))
    call = await new_ticket(db, cfg, now=at("2026-11-18 08:40"))  # accept due 08:50
    await run_scheduler(db, cfg, at("2026-11-18 08:51"), at("2026-11-18 08:51"))

    [notice] = [r for r in await outbox_rows(db) if r.ticket_id == call.id and r.chat_id == FARMER]
    said = str(notice.payload["text"])
    assert said.startswith(f"工单 {call.label} 还没有人接单，已再次催促青山镇烘烤110服务队")
    assert promise in said
    assert ("负责人" in said) is (not blocked)


@pytest.mark.parametrize(
    ("blocked", "reached", "said"),
    [
        (
            (),
            CURING_LEADER,
            "已报告青山镇烘烤110服务队的负责人督促接单，再没有人接单会报告督办人员。",
        ),
        ((CURING_LEADER,), SUPERVISOR, "已报告督办人员督促青山镇烘烤110服务队接单。"),
        ((CURING_LEADER, SUPERVISOR), None, "暂时联系不上青山镇烘烤110服务队和负责人。"),
    ],
)
async def test_a_team_without_a_chat_or_anyone_on_duty_tells_the_farmer_who_was_reached(
    db: Database, demo_config: Config, blocked: tuple[int, ...], reached: int | None, said: str
) -> None:
    """The team's reminder finds no chat and nobody on duty, and goes to its leaders (or,
    with none reachable, the supervisors): the farmer is told that, not 已再次催促 the team
    nobody of which heard, nor that the leaders who just heard will be told; nor, when
    nobody at all could be reached, that anyone was: the reminder is then posted in the
    supervisors' desk group, naming who could not be written to."""
    cfg = with_team_changed(demo_config, "curing-qingshan", chat_id=None)
    cfg = cfg.model_copy(update={"admins": []})
    await seed_staff(db, cfg, at("2026-11-18 08:00"))
    async with db.engine.begin() as conn:
        await conn.execute(update(users).where(users.c.id.in_(blocked)).values(reachable=False))
    call = await new_ticket(db, cfg, now=at("2026-11-18 08:40"))  # accept due 08:50
    await run_scheduler(db, cfg, at("2026-11-18 08:51"), at("2026-11-18 08:51"))

    rows = [r for r in await outbox_rows(db) if r.ticket_id == call.id]
    team = [(DESK_CHAT if reached is None else reached, "team")]
    assert [(r.chat_id, kind_of(r)) for r in rows] == [*team, (FARMER, "notify")]
    notice = str(rows[-1].payload["text"])
    assert notice.startswith(f"工单 {call.label} 还没有人接单，{said}")
    assert "已再次催促" not in notice
