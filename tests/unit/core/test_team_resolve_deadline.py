"""The resolve deadline a team is chased by: the promise to the requester, or, for a team
that got the ticket too late to keep it, a resolve window of its own from then."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from core import sla
from core.config import Config
from core.enums import Action, Kind, Priority, Role, Status
from core.model import Ticket, TicketEvent

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


def _moved(cfg: Config, ticket: Ticket, at: datetime) -> None:
    """What a transfer or 改派 at `at` does to the deadlines (`perform` applies it so)."""
    ticket.dispatched_at, ticket.status = at, Status.DISPATCHED
    sla.adjust_deadlines(cfg, ticket, Action.REASSIGN, at, None)
    ticket.status = Status.ACCEPTED


def test_a_team_with_time_to_keep_the_promise_is_chased_by_it(demo_config: Config) -> None:
    ticket = _urgent_call(demo_config)
    _moved(demo_config, ticket, FILED + timedelta(hours=1))
    assert ticket.team_resolve_due_at is None
    assert sla.chase_deadline(ticket) == ticket.resolve_due_at


def test_a_team_given_the_ticket_after_the_promise_has_a_window_of_its_own(
    demo_config: Config,
) -> None:
    ticket = _urgent_call(demo_config)
    promise = ticket.resolve_due_at
    moved = FILED + timedelta(hours=5)  # reassigned an hour after the 4 h promise passed
    _moved(demo_config, ticket, moved)
    assert sla.chase_deadline(ticket) == moved + timedelta(hours=4)
    assert ticket.resolve_due_at == promise  # the promise, and lateness by it, stand
    ticket.status = Status.DISPATCHED
    assert sla.chase_deadline(ticket) == ticket.accept_due_at


def test_time_waiting_for_the_requester_is_given_back_to_the_teams_window(
    demo_config: Config,
) -> None:
    ticket = _urgent_call(demo_config)
    moved = FILED + timedelta(hours=5)
    _moved(demo_config, ticket, moved)
    asked, answered = moved + timedelta(hours=1), moved + timedelta(hours=4)
    sla.adjust_deadlines(demo_config, ticket, Action.ANSWER, answered, asked)
    assert ticket.team_resolve_due_at == moved + timedelta(hours=7)  # 4 h + the 3 h waited


def test_a_reopening_starts_over_with_the_promise(demo_config: Config) -> None:
    ticket = _urgent_call(demo_config)
    _moved(demo_config, ticket, FILED + timedelta(hours=5))
    sla.adjust_deadlines(demo_config, ticket, Action.REOPEN, FILED + timedelta(hours=8), None)
    assert ticket.team_resolve_due_at is None


def test_a_ticket_sent_to_another_line_is_promised_what_that_line_promises(
    demo_config: Config,
) -> None:
    ticket = _urgent_call(demo_config)
    ticket.priority = Priority.NORMAL  # a technical question first sent to the curing line
    sla.set_initial_deadlines(demo_config, ticket, FILED)
    old = sla.policy_for(demo_config, ticket)
    assert ticket.resolve_due_at == FILED + timedelta(hours=12)  # curing: 12 h, round the clock
    ticket.line, ticket.team_id = "growing", "growing"
    sla.promise_on_a_new_line(demo_config, ticket, old)
    business = sla.calendar_for(demo_config, ticket)
    assert ticket.resolve_due_at == business.add(FILED, timedelta(hours=21))  # working hours


def test_a_move_to_another_line_keeps_the_waits_answered_before_it(demo_config: Config) -> None:
    """Asked on Monday morning and answered two hours later: the promise was given the two
    hours back then, and the new line's promise (in working hours) is given them too."""
    ticket = _urgent_call(demo_config)
    ticket.priority = Priority.NORMAL  # a technical question first sent to the curing line
    sla.set_initial_deadlines(demo_config, ticket, FILED)
    asked = datetime(2026, 8, 3, 1, 30, tzinfo=UTC)  # Monday 09:30 in Beijing
    answered = asked + timedelta(hours=2)
    sla.adjust_deadlines(demo_config, ticket, Action.ANSWER, answered, asked)
    old = sla.policy_for(demo_config, ticket)
    ticket.line, ticket.team_id = "growing", "growing"
    sla.promise_on_a_new_line(demo_config, ticket, old, [(asked, answered)])
    business = sla.calendar_for(demo_config, ticket)
    unwaited = business.add(FILED, timedelta(hours=21))
    assert ticket.resolve_due_at == business.add(answered, business.between(asked, unwaited))
    assert ticket.resolve_due_at > unwaited


def _event(action: Action, at: datetime) -> TicketEvent:
    return TicketEvent(7, at, action.value, None, Role.MEMBER, None, None)


def test_the_waits_for_the_requester_are_read_from_the_history() -> None:
    hour = timedelta(hours=1)
    history = [
        _event(Action.DISPATCH, FILED),
        _event(Action.ASK, FILED + hour),
        _event(Action.ACCEPT, FILED + 2 * hour),  # taken while waiting: still waiting
        _event(Action.ANSWER, FILED + 3 * hour),
        _event(Action.ASK, FILED + 4 * hour),
        _event(Action.TRANSFER, FILED + 5 * hour),  # the move ends the wait
        _event(Action.ASK, FILED + 6 * hour),  # still awaited
    ]
    assert sla.waits(history) == [
        (FILED + hour, FILED + 3 * hour),
        (FILED + 4 * hour, FILED + 5 * hour),
    ]


def test_a_move_to_another_line_never_shortens_the_promise(demo_config: Config) -> None:
    ticket = _urgent_call(demo_config)
    ticket.priority, ticket.line = Priority.NORMAL, "growing"  # office hours, 21 working hours
    sla.set_initial_deadlines(demo_config, ticket, FILED)
    promise = ticket.resolve_due_at
    old = sla.policy_for(demo_config, ticket)
    ticket.line, ticket.team_id = "curing", "curing-qingshan"  # 12 h from filing: sooner
    sla.promise_on_a_new_line(demo_config, ticket, old)
    assert ticket.resolve_due_at == promise


def test_an_urgent_call_keeps_its_promise_on_any_line(demo_config: Config) -> None:
    ticket = _urgent_call(demo_config)
    promise = ticket.resolve_due_at
    old = sla.policy_for(demo_config, ticket)
    ticket.line, ticket.team_id = "growing", "growing"
    sla.promise_on_a_new_line(demo_config, ticket, old)
    assert ticket.resolve_due_at == promise
