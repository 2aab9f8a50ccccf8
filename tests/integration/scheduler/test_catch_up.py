"""Deadlines live in the database: after six hours of downtime the first sweep sends one
message per ticket, for the step each ticket is at now, and chasing resumes on time."""

from __future__ import annotations

from core.config import Config
from core.enums import Action
from storage.uow import Database
from tests.integration.scheduler.clockwork import (
    CURING_CHAT,
    FARMER,
    ORDERING_CHAT,
    ORDERING_LEADER,
    ORDERING_MEMBER,
    ORDERING_REQUEST,
    RETAILER,
    SUPERVISOR,
    act,
    at,
    outbox_rows,
    run_scheduler,
    seed_staff,
    sent,
    show,
)
from tests.support.tickets import new_ticket


async def test_six_hours_down_then_one_catch_up_message_per_ticket(
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
        ("Wed 11-18 08:50", "team", (CURING_CHAT,)),
        ("Wed 11-18 08:50", "notify", (FARMER,)),  # the 110 caller: the team is chased
        # The first sweep after the downtime: one message per ticket.
        ("Wed 11-18 14:55", "supervisors", (SUPERVISOR,)),  # 110: step 13 of the fast ladder
        ("Wed 11-18 14:55", "leader", (ORDERING_LEADER,)),  # standard: step 1, due 10:05
        ("Wed 11-18 14:55", "resolution", (RETAILER,)),  # resolved: please confirm
        # Then on schedule again.
        ("Wed 11-18 15:05", "supervisors", (SUPERVISOR,)),  # standard: 09:05 + 4 working h
        ("Wed 11-18 15:20", "supervisors", (SUPERVISOR,)),  # 110: 14:50 + 30 min
    ]
    async with db.uow(read_only=True) as uow:
        assert urgent.id is not None and standard.id is not None
        chased = [e for e in await uow.tickets.events(urgent.id) if e.action == "escalate"]
        assert [(e.data["step"], e.data["missed"]) for e in chased] == [(13, 12), (14, 0)]
        chased = [e for e in await uow.tickets.events(standard.id) if e.action == "escalate"]
        assert [(e.data["step"], e.data["missed"]) for e in chased] == [(1, 1), (2, 0)]


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
    # The farmer's barn cannot wait: the 110 call's catch-up goes at once, at night.
    first = next(r for r in rows if r.ticket_id == urgent.id)
    assert (show(first.created_at), first.chat_id) == ("Sun 11-22 03:00", SUPERVISOR)
