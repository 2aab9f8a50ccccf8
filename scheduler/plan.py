"""What the sweep does with one due ticket: a pure decision from the ticket, config and now.

Kept apart from the writes so the ladder, the catch-up after downtime and the quiet hours
can be tested without a database.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from core import sla
from core.calendar import end_of_period, in_period
from core.config import Config, Ladder, LadderAction
from core.enums import Action, Status
from core.model import Ticket

# A step swept this late is a catch-up after downtime, not the sweep keeping time (a step
# may fall due at the very end of a working period: 17:30 is swept at 17:30 all the same).
CATCH_UP_GRACE = timedelta(minutes=15)

Phase = Literal["accept", "resolve"]
Wait = Literal["waiting", "resolved"]


@dataclass(frozen=True, slots=True)
class Rung:
    """A ladder step taken; `missed` steps before it (repeats) fell due while nobody swept."""

    step: int
    action: LadderAction
    missed: int = 0


@dataclass(frozen=True, slots=True)
class Escalate:
    """Take ladder step `step` of the phase, after the `earlier` rungs that fell due since
    the last one taken (after downtime), in order; `missed` repeats of the last rung fell
    due while nobody swept and are not taken one by one."""

    phase: Phase
    deadline: datetime
    step: int
    action: LadderAction
    missed: int
    earlier: tuple[Rung, ...] = ()

    @property
    def rungs(self) -> tuple[Rung, ...]:
        """Every step taken now, in the order they fell due."""
        return (*self.earlier, Rung(self.step, self.action, self.missed))


@dataclass(frozen=True, slots=True)
class RemindRequester:
    wait: Wait
    anchor: datetime  # paused_at or resolved_at: what the waiting is counted from
    close_at: datetime


@dataclass(frozen=True, slots=True)
class Close:
    """Close a ticket the requester left unanswered; tell them at `notify_at`."""

    wait: Wait
    action: Action  # EXPIRE (never answered) or AUTO_CLOSE (never confirmed: 销号)
    anchor: datetime
    notify_at: datetime
    reminded: bool  # False when downtime skipped the reminder


@dataclass(frozen=True, slots=True)
class ChaseCallback:
    """Remind those who owe the call-back (回访) due at `due`: its leaders at step 0, the
    supervisors too from step 1; after the `earlier` rungs that fell due since the last one
    taken (after downtime), in order, as `Escalate` does; `missed` repeats of the last rung
    fell due while nobody swept and are not taken one by one."""

    due: datetime
    step: int
    action: LadderAction
    missed: int
    earlier: tuple[Rung, ...] = ()

    @property
    def rungs(self) -> tuple[Rung, ...]:
        """Every step taken now, in the order they fell due."""
        return (*self.earlier, Rung(self.step, self.action, self.missed))


@dataclass(frozen=True, slots=True)
class Postpone:
    """A requester reminder due at night waits for the end of the quiet hours; a working-
    hours ticket's step missed while the scheduler was down waits for working time."""

    until: datetime


@dataclass(frozen=True, slots=True)
class Reschedule:
    """Nothing is due after all (a deadline moved): recompute the next action."""


Plan = Escalate | RemindRequester | Close | ChaseCallback | Postpone | Reschedule


@dataclass(frozen=True, slots=True)
class Taken:
    """What was done for one ticket, for the sweep's tally."""

    kind: str  # remind_team | alert_leader | alert_supervisors | remind_requester | ...
    messages: int


def quiet_until(cfg: Config, ticket: Ticket, now: datetime, wait: Wait) -> datetime | None:
    """When a requester may next hear from us, if now is within their quiet hours.

    An urgent ticket whose team waits for the requester's answer ignores them: a farmer
    whose barn fails at night wants the fault fixed. Once it is resolved, nothing about it
    is urgent for the farmer any more: asking them to confirm and rate waits for morning.
    """
    if ticket.urgent and wait == "waiting":
        return None
    return _quiet_until(cfg, now)


def _quiet_until(cfg: Config, now: datetime) -> datetime | None:
    """The end of the quiet hours, if now is within them."""
    quiet = cfg.quiet_hours
    if quiet is None or not in_period(now, cfg.zone, quiet.start, quiet.end):
        return None
    return end_of_period(now, cfg.zone, quiet.end)


def plan(cfg: Config, ticket: Ticket, now: datetime) -> Plan:
    if ticket.status is Status.WAITING_REQUESTER and ticket.paused_at is not None:
        auto = cfg.auto_close
        return _waiting(
            cfg,
            ticket,
            now,
            "waiting",
            ticket.paused_at,
            auto.waiting_remind_for(ticket.urgent),
            auto.waiting_close_after,
        )
    if ticket.status is Status.RESOLVED and ticket.resolved_at is not None:
        auto = cfg.auto_close
        return _waiting(
            cfg,
            ticket,
            now,
            "resolved",
            ticket.resolved_at,
            auto.resolved_remind_after,
            auto.resolved_close_after,
        )
    if ticket.status is Status.CLOSED:
        return _callback(cfg, ticket, now)
    return _ladder(cfg, ticket, now)


def _ladder(cfg: Config, ticket: Ticket, now: datetime) -> Plan:
    deadline = sla.chase_deadline(ticket)
    if deadline is None:
        return Reschedule()
    ladder = cfg.ladder(sla.policy_for(cfg, ticket).ladder)
    calendar = sla.calendar_for(cfg, ticket)
    # After downtime several steps may have fallen due: the latest is taken, and with it
    # each rung of the ladder passed on the way (team, leaders, supervisors), but not the
    # repeats of the last one: each is one message for where the ticket stands now.
    first = ticket.escalation_step
    step = sla.current_step(ladder, calendar, deadline, first, now)
    if step is None:
        return Reschedule()
    resume = calendar.next_working(now)
    if (
        resume > now
        and now - sla.escalation_time(ladder, calendar, deadline, step) > CATCH_UP_GRACE
    ):
        # A working-hours ticket's steps fall due in working time, and are taken then while
        # the scheduler runs. One missed while it was down waits for working time to start
        # again: a restart at 03:00 on Sunday wakes nobody for a licence request.
        return Postpone(resume)
    phase: Phase = "accept" if ticket.status is Status.DISPATCHED else "resolve"
    earlier, missed = _passed_on_the_way(ladder, first, step)
    return Escalate(
        phase=phase,
        deadline=deadline,
        step=step,
        action=sla.escalation_action(ladder, step),
        missed=missed,
        earlier=earlier,
    )


def _passed_on_the_way(ladder: Ladder, first: int, step: int) -> tuple[tuple[Rung, ...], int]:
    """The rungs from `first` passed on the way to `step` (each of the ladder's own steps
    before it), and how many repeats of the last rung fell due before `step` and are folded
    into it rather than taken one by one."""
    last_rung = len(ladder.steps) - 1
    earlier = tuple(
        Rung(s, sla.escalation_action(ladder, s)) for s in range(first, min(step, last_rung))
    )
    return earlier, step - (earlier[-1].step + 1 if earlier else first)


def _callback(cfg: Config, ticket: Ticket, now: datetime) -> Plan:
    """A closed ticket is looked at again only for the call-back it owes. Nothing in it is
    urgent: like the ladder, a step missed while the scheduler was down waits for working
    time, and one that falls in the quiet hours waits for their end, since it goes to
    people's own chats."""
    due = ticket.callback_due_at
    if not ticket.owes_callback or due is None:
        return Reschedule()
    ladder = sla.callback_ladder(cfg, ticket)
    calendar = sla.calendar_for(cfg, ticket)
    step = sla.current_step(ladder, calendar, due, ticket.escalation_step, now)
    if step is None:
        return Reschedule()
    resume = calendar.next_working(now)
    late = now - sla.escalation_time(ladder, calendar, due, step)
    if resume > now and late > CATCH_UP_GRACE:
        return Postpone(resume)
    until = _quiet_until(cfg, now)
    if until is not None:
        return Postpone(until)
    # After downtime the leaders' rung passed on the way is taken too, as the team's ladder
    # takes every rung (`_ladder`): each is recorded, and each person told once.
    earlier, missed = _passed_on_the_way(ladder, ticket.escalation_step, step)
    action = sla.escalation_action(ladder, step)
    return ChaseCallback(due=due, step=step, action=action, missed=missed, earlier=earlier)


def _waiting(
    cfg: Config,
    ticket: Ticket,
    now: datetime,
    wait: Wait,
    anchor: datetime,
    remind_after: timedelta,
    close_after: timedelta,
) -> Plan:
    close_at = anchor + close_after
    if now >= close_at:
        action = Action.EXPIRE if wait == "waiting" else Action.AUTO_CLOSE
        # Closing at night is fine (it is a record); the notice waits for the morning.
        notify_at = quiet_until(cfg, ticket, now, wait) or now
        return Close(wait, action, anchor, notify_at, reminded=ticket.escalation_step > 0)
    if ticket.escalation_step > 0 or now < anchor + remind_after:
        return Reschedule()
    until = quiet_until(cfg, ticket, now, wait)
    if until is not None:
        return Postpone(min(until, close_at))
    return RemindRequester(wait, anchor, close_at)
