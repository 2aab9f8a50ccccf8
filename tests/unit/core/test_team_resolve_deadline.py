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


def test_a_ticket_sent_to_another_line_is_promised_what_that_line_promises(
    demo_config: Config,
) -> None:
    ticket = _urgent_call(demo_config)
    ticket.priority = Priority.NORMAL  # a technical question first sent to the curing line
    sla.set_initial_deadlines(demo_config, ticket, FILED)
    old = (sla.policy_for(demo_config, ticket), sla.calendar_for(demo_config, ticket))
    assert ticket.resolve_due_at == FILED + timedelta(hours=12)  # curing: 12 h, round the clock
    ticket.line, ticket.team_id = "growing", "growing"
    sla.promise_on_a_new_line(demo_config, ticket, *old)
    business = sla.calendar_for(demo_config, ticket)
    assert ticket.resolve_due_at == business.add(FILED, timedelta(hours=21))  # working hours


def test_time_given_back_for_a_question_stays_given_on_a_new_line(demo_config: Config) -> None:
    ticket = _urgent_call(demo_config)
    ticket.priority = Priority.NORMAL
    sla.set_initial_deadlines(demo_config, ticket, FILED)
    old = (sla.policy_for(demo_config, ticket), sla.calendar_for(demo_config, ticket))
    assert ticket.resolve_due_at is not None
    ticket.resolve_due_at += timedelta(hours=3)  # the requester took 3 hours to answer
    ticket.line, ticket.team_id = "growing", "growing"
    sla.promise_on_a_new_line(demo_config, ticket, *old)
    business = sla.calendar_for(demo_config, ticket)
    start = business.add(FILED, timedelta(hours=21))
    assert ticket.resolve_due_at == business.add(start, timedelta(hours=3))


def test_an_urgent_call_keeps_its_promise_on_any_line(demo_config: Config) -> None:
    ticket = _urgent_call(demo_config)
    promise = ticket.resolve_due_at
    old = (sla.policy_for(demo_config, ticket), sla.calendar_for(demo_config, ticket))
    ticket.line, ticket.team_id = "growing", "growing"
    sla.promise_on_a_new_line(demo_config, ticket, *old)
    assert ticket.resolve_due_at == promise
