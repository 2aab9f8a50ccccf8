"""The resolve deadline stands still while the team waits for the requester's answer, and
the ladder chases what is left of it afterwards: when the requester answers, and when a
supervisor moves the waiting ticket to another team. One already missed when the team asked
stays where it fell."""

from __future__ import annotations

from core.config import Config
from core.enums import Action
from core.services import perform
from storage.uow import Database
from tests.integration.scheduler.clockwork import (
    ORDERING_CHAT,
    ORDERING_LEADER,
    ORDERING_MEMBER,
    ORDERING_REQUEST,
    RETAILER,
    SUPERVISOR,
    act,
    at,
    load,
    run_scheduler,
    seed_staff,
    sent,
    show,
)
from tests.support.tickets import new_ticket

DELIVERY_CHAT, DELIVERY_MEMBER, DELIVERY_LEADER = -1001000000014, 200071, 200072
REQUEST = {**ORDERING_REQUEST, "requester_id": RETAILER, "chat_id": RETAILER}


async def _waiting_since_tuesday(db: Database, cfg: Config) -> int:
    """Filed Monday 09:00 (resolve due Thursday 09:00: 21 working hours), accepted at once,
    the team asks a question on Tuesday at 10:00 with 13 working hours left."""
    await seed_staff(db, cfg, at("2026-11-16 08:00"))
    ticket = await new_ticket(db, cfg, now=at("2026-11-16 09:00"), **REQUEST)
    assert ticket.id is not None
    await act(db, cfg, ticket.id, Action.ACCEPT, ORDERING_MEMBER, at("2026-11-16 09:10"))
    await act(db, cfg, ticket.id, Action.ASK, ORDERING_MEMBER, at("2026-11-17 10:00"), "照片？")
    return ticket.id


async def test_an_answer_gives_back_the_working_time_spent_waiting(
    db: Database, demo_config: Config
) -> None:
    ticket_id = await _waiting_since_tuesday(db, demo_config)
    # Thursday 09:00 passes while the requester is silent: nobody is chased for it.
    await run_scheduler(db, demo_config, at("2026-11-17 10:00"), at("2026-11-18 22:40"))
    await act(db, demo_config, ticket_id, Action.ANSWER, RETAILER, at("2026-11-18 22:40"))

    stored = await load(db, ticket_id)
    # 13 working hours left from Wednesday night: all Thursday and 6 hours of Friday.
    assert show(stored.resolve_due_at) == "Fri 11-20 16:30"  # type: ignore[arg-type]
    await run_scheduler(db, demo_config, at("2026-11-18 22:40"), at("2026-11-20 18:00"))
    assert await sent(db) == [
        ("Wed 11-18 10:00", "question", (RETAILER,)),  # the question again
        ("Fri 11-20 16:30", "team", (-1001000000013, ORDERING_MEMBER)),
        ("Fri 11-20 17:30", "leader", (200062,)),
    ]


async def test_a_waiting_ticket_moved_to_another_team_keeps_the_time_it_had_left(
    db: Database, demo_config: Config
) -> None:
    cfg = demo_config
    ticket_id = await _waiting_since_tuesday(db, cfg)
    # Wednesday 10:00, still no answer: the supervisor gives it to the delivery centre,
    # which accepts at once. Its resolve deadline had 13 working hours left when the clock
    # stopped: the rest of Wednesday, Thursday, and Friday until 09:00. It stood at Thursday
    # 09:00, which chased the new team a day early for time spent waiting for the answer.
    async with db.uow() as uow:
        ticket = await uow.tickets.get(ticket_id)
        assert ticket is not None
        moved = at("2026-11-18 10:00")
        await perform(uow, cfg, ticket, Action.REASSIGN, actor_id=SUPERVISOR, now=moved,
                      to_team="delivery")  # fmt: skip
        await uow.commit()
    await act(db, cfg, ticket_id, Action.ACCEPT, DELIVERY_MEMBER, at("2026-11-18 10:05"))

    stored = await load(db, ticket_id)
    assert show(stored.resolve_due_at) == "Fri 11-20 09:00"  # type: ignore[arg-type]
    await run_scheduler(db, cfg, at("2026-11-18 10:05"), at("2026-11-20 18:00"))
    chased = [step for step in await sent(db) if step[1] in ("team", "leader", "supervisors")]
    assert chased == [
        ("Fri 11-20 09:00", "team", (DELIVERY_CHAT, DELIVERY_MEMBER)),
        ("Fri 11-20 10:00", "leader", (DELIVERY_LEADER,)),
        ("Fri 11-20 15:00", "supervisors", (SUPERVISOR,)),  # 4 working hours, lunch skipped
    ]


async def test_an_answer_to_a_question_asked_late_leaves_the_miss_where_it_fell(
    db: Database, demo_config: Config
) -> None:
    cfg = demo_config
    await seed_staff(db, cfg, at("2026-11-16 08:00"))
    ticket = await new_ticket(db, cfg, now=at("2026-11-16 09:00"), **REQUEST)
    assert ticket.id is not None
    await act(db, cfg, ticket.id, Action.ACCEPT, ORDERING_MEMBER, at("2026-11-16 09:10"))
    # Thursday 09:00 passes with the request not done: the team and its leader are chased,
    # and the team asks its question only then.
    await run_scheduler(db, cfg, at("2026-11-16 09:10"), at("2026-11-19 10:30"))
    await act(db, cfg, ticket.id, Action.ASK, ORDERING_MEMBER, at("2026-11-19 10:30"), "照片？")
    await act(db, cfg, ticket.id, Action.ANSWER, RETAILER, at("2026-11-20 10:00"))

    # The deadline was missed before the clock stopped: the answer does not move it to
    # Friday, where the ledger and the rates would count a miss Thursday already had.
    stored = await load(db, ticket.id)
    assert show(stored.resolve_due_at) == "Thu 11-19 09:00"  # type: ignore[arg-type]
    # The chase goes on from it: the team and leader were told of this deadline already;
    # the supervisors' rung, passed while the answer was awaited, is caught up.
    await run_scheduler(db, cfg, at("2026-11-20 10:00"), at("2026-11-20 10:30"))
    assert await sent(db) == [
        ("Thu 11-19 09:00", "team", (ORDERING_CHAT, ORDERING_MEMBER)),
        ("Thu 11-19 10:00", "leader", (ORDERING_LEADER,)),
        ("Fri 11-20 10:00", "supervisors", (SUPERVISOR,)),
    ]
