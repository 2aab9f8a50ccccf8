"""Hypothesis drives random actions by random roles at a ticket: invariants always hold."""

from __future__ import annotations

import dataclasses
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from core.enums import Action, Kind, Priority, Role, Status
from core.errors import DomainError, IllegalTransition
from core.model import Ticket, TicketEvent

START = datetime(2026, 8, 1, 2, 0, tzinfo=UTC)


class TicketLifecycle(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.now = START
        self.ticket = Ticket(
            kind=Kind.EMERGENCY,
            priority=Priority.URGENT,
            text="烤房停电了",
            requester_id=1,
            requester_chat_id=1,
            line="curing",
            team_id="curing-qingshan",
            created_at=START,
            id=1,
        )
        self.events: list[TicketEvent] = []

    @rule(action=st.sampled_from(Action), role=st.sampled_from(Role))
    def act(self, action: Action, role: Role) -> None:
        self.now += timedelta(minutes=7)
        before = dataclasses.asdict(self.ticket)
        try:
            event = self.ticket.apply(action, role=role, actor_id=42, now=self.now)
        except DomainError:
            assert dataclasses.asdict(self.ticket) == before, "a refused action changed the ticket"
            return
        self.events.append(event)
        assert event.from_status == before["status"]
        assert event.to_status == self.ticket.status
        if before["status"] in (Status.CLOSED, Status.CANCELLED):
            assert action is Action.REOPEN, f"{action} moved a {before['status']} ticket"
            assert before["status"] is Status.CLOSED

    @invariant()
    def status_is_the_last_event(self) -> None:
        expected = self.events[-1].to_status if self.events else Status.NEW
        assert self.ticket.status == expected

    @invariant()
    def only_a_ticket_taken_is_worked_on(self) -> None:
        # 上门 and 办结 come after 接单, also for a ticket asked about before anyone took it.
        if self.ticket.status in (Status.ACCEPTED, Status.ON_SITE, Status.RESOLVED):
            assert self.ticket.accepted_at is not None

    @invariant()
    def events_chain(self) -> None:
        for earlier, later in zip(self.events, self.events[1:], strict=False):
            assert later.from_status == earlier.to_status
            assert later.at > earlier.at

    @invariant()
    def timestamps_match_status(self) -> None:
        t = self.ticket
        if t.status is Status.CLOSED:
            assert t.closed_at is not None
        if t.status is Status.RESOLVED:
            assert t.resolved_at is not None and t.closed_at is None
        if t.status in (Status.ACCEPTED, Status.ON_SITE):
            assert t.accepted_at is not None
        if t.status is Status.WAITING_REQUESTER:
            assert t.paused_at is not None
        elif t.status.is_open:
            # The clock runs again: an old question's pause would read as a response.
            assert t.paused_at is None and t.resume_status is None
        if t.status is Status.CANCELLED:
            assert t.cancelled_at is not None

    @invariant()
    def reopen_count_matches_events(self) -> None:
        reopens = sum(1 for e in self.events if e.action == Action.REOPEN)
        assert self.ticket.reopen_count == reopens


TicketLifecycle.TestCase.settings = settings(max_examples=300, stateful_step_count=40)
test_ticket_lifecycle = TicketLifecycle.TestCase


def test_a_ticket_taken_up_again_after_an_unanswered_question_runs_its_clock() -> None:
    ticket = TicketLifecycle().ticket
    steps = [
        (Action.DISPATCH, Role.SYSTEM),
        (Action.ASK, Role.MEMBER),
        (Action.EXPIRE, Role.SYSTEM),
        (Action.REOPEN, Role.REQUESTER),
    ]
    for minutes, (action, role) in enumerate(steps, start=1):
        ticket.apply(action, role=role, actor_id=42, now=START + timedelta(minutes=minutes))
    assert ticket.status is Status.DISPATCHED
    assert ticket.paused_at is None and ticket.resume_status is None


def _asked(*, accepted: bool) -> Ticket:
    """A ticket its team asked about (需补充), taken first or not."""
    ticket = TicketLifecycle().ticket
    steps = [(Action.DISPATCH, Role.SYSTEM), *([(Action.ACCEPT, Role.MEMBER)] * accepted)]
    for minutes, (action, role) in enumerate([*steps, (Action.ASK, Role.MEMBER)], start=1):
        ticket.apply(action, role=role, actor_id=42, now=START + timedelta(minutes=minutes))
    assert ticket.status is Status.WAITING_REQUESTER
    return ticket


def test_a_ticket_asked_about_before_anyone_took_it_may_be_withdrawn() -> None:
    ticket = _asked(accepted=False)
    assert ticket.withdrawable
    ticket.apply(Action.CANCEL, role=Role.REQUESTER, actor_id=1, now=START + timedelta(hours=1))
    assert ticket.status is Status.CANCELLED
    assert ticket.paused_at is None and ticket.resume_status is None  # no question waits


def test_a_ticket_taken_and_then_asked_about_may_not_be_withdrawn() -> None:
    ticket = _asked(accepted=True)
    assert not ticket.withdrawable
    with pytest.raises(IllegalTransition):
        ticket.apply(Action.CANCEL, role=Role.REQUESTER, actor_id=1, now=START + timedelta(hours=1))
    assert ticket.status is Status.WAITING_REQUESTER
