"""The resolve deadline a team is chased by: the promise to the requester, or, for a team
that got the ticket too late to keep it, a resolve window of its own from then."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from core import sla
from core.config import Config
from core.enums import Kind, Priority, Status
from core.model import Ticket

FILED = datetime(2026, 8, 1, 18, 0, tzinfo=UTC)  # the 110 policy counts every minute


def _urgent_call(cfg: Config) -> Ticket:
    made = Ticket(
        kind=Kind.EMERGENCY,
        priority=Priority.URGENT,
        text="烤房停电了",
        requester_id=1,
        requester_chat_id=1,
        line="curing",
        team_id="curing-qingshan",
        created_at=FILED,
        status=Status.ACCEPTED,
        dispatched_at=FILED,
        id=7,
    )
    sla.set_initial_deadlines(cfg, made, FILED)
    return made


def test_a_team_with_time_to_keep_the_promise_is_chased_by_it(demo_config: Config) -> None:
    ticket = _urgent_call(demo_config)
    assert sla.team_resolve_deadline(demo_config, ticket) == ticket.resolve_due_at
    assert sla.chase_deadline(demo_config, ticket) == ticket.resolve_due_at


def test_a_team_given_the_ticket_after_the_promise_has_a_window_of_its_own(
    demo_config: Config,
) -> None:
    ticket = _urgent_call(demo_config)
    promise = ticket.resolve_due_at
    assert promise is not None
    moved = FILED + timedelta(hours=5)  # reassigned an hour after the 4 h promise passed
    ticket.dispatched_at, ticket.accept_due_at = moved, moved + timedelta(minutes=10)
    assert sla.team_resolve_deadline(demo_config, ticket) == moved + timedelta(hours=4)
    assert ticket.resolve_due_at == promise  # the promise, and lateness by it, stand
    ticket.status = Status.DISPATCHED
    assert sla.chase_deadline(demo_config, ticket) == ticket.accept_due_at


def test_a_team_given_the_ticket_early_keeps_the_promise(demo_config: Config) -> None:
    ticket = _urgent_call(demo_config)
    moved = FILED + timedelta(hours=1)
    ticket.dispatched_at, ticket.accept_due_at = moved, moved + timedelta(minutes=10)
    assert sla.team_resolve_deadline(demo_config, ticket) == ticket.resolve_due_at
