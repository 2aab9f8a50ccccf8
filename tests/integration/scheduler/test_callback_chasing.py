"""Chasing a call-back (回访) owed after a low rating: the leaders who owe it at its due time,
the supervisors a working day later, then daily, until it is recorded; never at night.

Demo `auto_close.callback_within`: 7h, one working day on a business calendar; a 110 call
counts every hour.
"""

from __future__ import annotations

from core.config import Config
from core.enums import Action
from core.model import OutboxMessage
from storage.uow import Database
from tests.integration.scheduler.clockwork import (
    CURING_CHAT,
    CURING_LEADER,
    CURING_MEMBER,
    FARMER,
    ORDERING_LEADER,
    ORDERING_MEMBER,
    ORDERING_REQUEST,
    SUPERVISOR,
    act,
    at,
    load,
    outbox_rows,
    run_scheduler,
    show,
)
from tests.support.desk import Harness
from tests.support.tickets import new_ticket


async def _chased(db: Database) -> list[tuple[str, tuple[int, ...]]]:
    """The sweep's call-back reminders: (local time, recipients) per step."""
    steps: dict[str, list[int]] = {}
    for row in await outbox_rows(db):
        if (row.dedup_key or "").startswith("cb:"):
            steps.setdefault(show(row.created_at), []).append(row.chat_id)
    return [(when, tuple(chats)) for when, chats in steps.items()]


def _callback_rows(rows: list[OutboxMessage]) -> list[OutboxMessage]:
    return [r for r in rows if (r.dedup_key or "").startswith("cb:")]


async def test_the_leaders_then_the_supervisors_are_chased_daily_until_it_is_recorded(
    db: Database, demo_config: Config
) -> None:
    cfg = demo_config
    desk = Harness(db, cfg)
    desk.clock.now = at("2026-11-16 09:00")  # Monday
    await desk.seed()
    ticket = await new_ticket(db, cfg, now=desk.clock.now, **ORDERING_REQUEST)
    assert ticket.id is not None
    await act(db, cfg, ticket.id, Action.ACCEPT, ORDERING_MEMBER, at("2026-11-16 09:10"))
    await act(db, cfg, ticket.id, Action.RESOLVE, ORDERING_MEMBER, at("2026-11-16 09:50"))
    desk.clock.now = at("2026-11-16 10:00")
    await desk.press(FARMER, f"my:r:{ticket.id}:2")

    await run_scheduler(db, cfg, at("2026-11-16 10:00"), at("2026-11-19 11:00"))

    assert await _chased(db) == [
        ("Tue 11-17 10:00", (ORDERING_LEADER,)),  # a working day after the rating
        ("Wed 11-18 10:00", (SUPERVISOR, ORDERING_LEADER)),
        ("Thu 11-19 10:00", (SUPERVISOR, ORDERING_LEADER)),
    ]
    first, second, _, _, _ = _callback_rows(await outbox_rows(db))
    assert first.payload["text"].startswith(
        f"📞 工单 {ticket.label} 报告人给了 2 星，不满意，回访时限（11-17 10:00）已到"
    )
    assert first.payload["buttons"] == [[{"text": "📞 已回访", "data": f"tk:cb:{ticket.id}"}]]
    assert second.payload["text"].startswith(
        f"🔴【回访督办】工单 {ticket.label} 报告人给了 2 星，不满意，回访超过时限 1天"
    )
    assert "营销服务部（客户经理）仍未记录回访" in second.payload["text"]

    desk.clock.now = at("2026-11-19 11:00")
    await desk.press(ORDERING_LEADER, f"tk:cb:{ticket.id}")
    await desk.send(ORDERING_LEADER, "已回电，报告人说问题解决了，只是等得太久")
    await run_scheduler(db, cfg, at("2026-11-19 11:00"), at("2026-11-30 00:00"))

    assert len(await _chased(db)) == 3  # nothing more once it is recorded
    stored = await load(db, ticket.id)
    assert stored.next_action_at is None and not stored.owes_callback
    async with db.uow(read_only=True) as uow:
        events = [(e.action, e.data.get("phase")) for e in await uow.tickets.events(ticket.id)]
    assert events[-4:] == [
        ("remind", "callback"),
        ("escalate", "callback"),
        ("escalate", "callback"),
        ("callback", None),
    ]


async def test_a_call_back_due_at_night_is_asked_for_when_the_quiet_hours_end(
    db: Database, demo_config: Config
) -> None:
    cfg = demo_config
    desk = Harness(db, cfg)
    desk.clock.now = at("2026-11-18 19:00")  # Wednesday evening: a 110 call, every hour counts
    await desk.seed()
    ticket_id = await desk.resolved_110(FARMER, CURING_MEMBER, CURING_CHAT)
    desk.clock.now = at("2026-11-18 20:00")
    await desk.press(FARMER, f"my:r:{ticket_id}:1")  # due 03:00

    await run_scheduler(db, cfg, at("2026-11-18 20:00"), at("2026-11-20 12:00"))

    assert await _chased(db) == [
        ("Thu 11-19 07:00", (CURING_LEADER,)),
        ("Fri 11-20 07:00", (SUPERVISOR, CURING_LEADER)),  # a day after 03:00, by daylight
    ]


async def test_after_downtime_each_rung_of_the_call_back_is_taken_and_each_person_told_once(
    db: Database, demo_config: Config
) -> None:
    """Down from the rating until past the supervisors' rung: the first sweep takes the
    leaders' rung and the supervisors' in order, both in the audit trail, and the leader
    (reached by both) hears once, the newest: the 回访督办 the supervisor hears too."""
    cfg = demo_config
    desk = Harness(db, cfg)
    desk.clock.now = at("2026-11-16 09:00")  # Monday
    await desk.seed()
    ticket = await new_ticket(db, cfg, now=desk.clock.now, **ORDERING_REQUEST)
    assert ticket.id is not None
    await act(db, cfg, ticket.id, Action.ACCEPT, ORDERING_MEMBER, at("2026-11-16 09:10"))
    await act(db, cfg, ticket.id, Action.RESOLVE, ORDERING_MEMBER, at("2026-11-16 09:50"))
    desk.clock.now = at("2026-11-16 10:00")
    await desk.press(FARMER, f"my:r:{ticket.id}:2")  # due Tuesday 10:00, supervisors Wed

    # The scheduler is down from the rating until Wednesday 11:00.
    await run_scheduler(db, cfg, at("2026-11-18 11:00"), at("2026-11-19 10:30"))

    assert await _chased(db) == [
        ("Wed 11-18 11:00", (SUPERVISOR, ORDERING_LEADER)),
        ("Thu 11-19 10:00", (SUPERVISOR, ORDERING_LEADER)),
    ]
    caught_up = _callback_rows(await outbox_rows(db))[:2]
    for row in caught_up:
        assert row.payload["text"].startswith(f"🔴【回访督办】工单 {ticket.label} ")
        assert (row.dedup_key or "").split(":")[3] == "1"
    async with db.uow(read_only=True) as uow:
        chased = [
            (e.action, e.data["step"], e.data["missed"], e.data["to"])
            for e in await uow.tickets.events(ticket.id)
            if e.data.get("phase") == "callback"
        ]
    assert chased == [
        ("remind", 0, 0, []),  # its leader heard the later rung instead
        ("escalate", 1, 0, [SUPERVISOR, ORDERING_LEADER]),
        ("escalate", 2, 0, [SUPERVISOR, ORDERING_LEADER]),
    ]
