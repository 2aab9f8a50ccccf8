"""The 110 curing line out of the curing season (demo: 07-01 to 10-31): a farmer's routine
question keeps office hours (`off_season_sla: standard`) and wakes nobody at night, while
in the season it is chased round the clock, and a barn emergency is all year.

Demo ladders: standard 0m team, 1h leader, 4h supervisors (working time); fast 0m, 10m,
30m, then every 30 minutes.
"""

from __future__ import annotations

from core.config import Config
from core.enums import Action, Kind
from core.services import perform
from storage.uow import Database
from tests.integration.scheduler.clockwork import (
    CURING_CHAT,
    CURING_LEADER,
    CURING_MEMBER,
    SUPERVISOR,
    at,
    load,
    run_scheduler,
    seed_staff,
    sent,
    show,
)
from tests.support.tickets import new_ticket

# The farmer's question, routed to the curing line: nothing is burning.
QUESTION = {
    "kind": Kind.REQUEST,
    "urgent": False,
    "text": "今年的烘烤补贴什么时候发",
    "site_code": None,
}
GROWING_CHAT, GROWING_MEMBER, GROWING_LEADER = -1001000000010, 200031, 200032


async def test_a_curing_question_on_a_december_night_waits_for_the_working_morning(
    db: Database, demo_config: Config
) -> None:
    filed = at("2026-12-09 23:02")  # a Wednesday
    await seed_staff(db, demo_config, filed, on_duty=(CURING_MEMBER,))
    ticket = await new_ticket(db, demo_config, now=filed, **QUESTION)
    assert ticket.id is not None
    assert show(ticket.accept_due_at) == "Thu 12-10 10:30"  # type: ignore[arg-type]

    await run_scheduler(db, demo_config, filed, at("2026-12-10 18:00"))

    # 2 working hours to accept from 08:30: nothing at night. The team chat and the member
    # on duty are reminded at the deadline, as for any of the team's tickets.
    assert await sent(db) == [
        ("Thu 12-10 10:30", "team", (CURING_CHAT, CURING_MEMBER)),
        ("Thu 12-10 11:30", "leader", (CURING_LEADER,)),
        ("Thu 12-10 16:30", "supervisors", (SUPERVISOR,)),
    ]


async def test_the_same_question_in_the_season_is_chased_through_the_night(
    db: Database, demo_config: Config
) -> None:
    filed = at("2026-08-12 23:02")
    await seed_staff(db, demo_config, filed, on_duty=(CURING_MEMBER,))
    await new_ticket(db, demo_config, now=filed, **QUESTION)

    await run_scheduler(db, demo_config, filed, at("2026-08-13 00:10"))

    assert await sent(db) == [
        ("Wed 08-12 23:32", "team", (CURING_CHAT, CURING_MEMBER)),
        ("Wed 08-12 23:42", "leader", (CURING_LEADER,)),
        ("Thu 08-13 00:02", "supervisors", (SUPERVISOR,)),
    ]


async def test_a_barn_failure_on_a_december_night_is_chased_within_minutes(
    db: Database, demo_config: Config
) -> None:
    filed = at("2026-12-09 23:02")
    await seed_staff(db, demo_config, filed, on_duty=(CURING_MEMBER,))
    ticket = await new_ticket(db, demo_config, now=filed)  # 110: curing, urgent
    assert show(ticket.accept_due_at) == "Wed 12-09 23:12"  # type: ignore[arg-type]

    await run_scheduler(db, demo_config, filed, at("2026-12-09 23:45"))

    assert [(when, kind) for when, kind, _ in await sent(db)] == [
        ("Wed 12-09 23:12", "team"),
        ("Wed 12-09 23:12", "notify"),  # the farmer: the team is chased
        ("Wed 12-09 23:22", "leader"),
        ("Wed 12-09 23:42", "supervisors"),
    ]


async def test_a_question_sent_on_to_the_curing_line_off_season_keeps_office_hours(
    db: Database, demo_config: Config
) -> None:
    filed = at("2026-12-09 09:00")
    await seed_staff(db, demo_config, filed, on_duty=(CURING_MEMBER,))
    ticket = await new_ticket(
        db, demo_config, now=filed, **{**QUESTION, "line": "growing", "team_id": "growing"}
    )
    assert ticket.id is not None
    moved = at("2026-12-09 16:00")
    await run_scheduler(db, demo_config, filed, moved)
    async with db.uow() as uow:
        loaded = await uow.tickets.get(ticket.id)
        assert loaded is not None
        await perform(uow, demo_config, loaded, Action.TRANSFER, actor_id=GROWING_MEMBER,
                      now=moved, note="补贴的事归烘烤110", to_team="curing-qingshan")  # fmt: skip
        await uow.commit()

    stored = await load(db, ticket.id)
    assert stored.line == "curing"
    assert show(stored.accept_due_at) == "Thu 12-10 09:00"  # type: ignore[arg-type]
    await run_scheduler(db, demo_config, moved, at("2026-12-10 09:30"))
    # The growing team was reminded at its deadline (11:00); the curing team's ladder waits
    # for its own in the working morning, not 30 minutes round the clock.
    assert await sent(db) == [
        ("Wed 12-09 11:00", "team", (GROWING_CHAT,)),
        ("Wed 12-09 12:00", "leader", (GROWING_LEADER,)),
        ("Thu 12-10 09:00", "team", (CURING_CHAT, CURING_MEMBER)),
    ]
