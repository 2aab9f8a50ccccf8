"""SLA deadlines and the escalation ladder, as pure arithmetic on a ticket.

A ticket's `next_action_at` is when the scheduler must look at it again; `escalation_step`
counts the ladder steps already taken in the current phase. Every transition resets the
step and recomputes the next action, so deadlines always live with the ticket.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta

from core.calendar import AlwaysOn, BusinessCalendar, Calendar, workday_rule
from core.config import Config, Ladder, LadderAction, LadderStep, ServiceLine, SlaPolicy
from core.enums import Action, Status
from core.model import Ticket, TicketEvent


def policy_for(cfg: Config, ticket: Ticket) -> SlaPolicy:
    """The urgent policy for an urgent ticket; else its line's for when it was filed."""
    if ticket.urgent:
        return cfg.policy(cfg.urgent_sla)
    return line_policy(cfg, cfg.line(ticket.line), ticket.created_at)


def line_policy(cfg: Config, line: ServiceLine, filed: datetime) -> SlaPolicy:
    """The policy of a non-urgent ticket of `line` filed at `filed`: the line's `sla`, or
    outside the curing season its `off_season_sla` when it names one. Nobody cures tobacco
    in winter, so a routine question to the 24-hour curing line waits for working hours
    then. Read from the filing time, a ticket's policy never changes while it is open."""
    if line.off_season_sla is not None and not cfg.in_curing_season(filed):
        return cfg.policy(line.off_season_sla)
    return cfg.policy(line.sla)


def calendar_for(cfg: Config, ticket: Ticket) -> Calendar:
    """Urgent tickets count every minute; others follow their policy's calendar."""
    policy = policy_for(cfg, ticket)
    if ticket.urgent or policy.calendar == "24x7":
        return AlwaysOn()
    hours = [(p.start, p.end) for p in cfg.business_hours]
    return BusinessCalendar(cfg.zone, hours, is_workday=workdays_of(cfg))


def workdays_of(cfg: Config) -> Callable[[date], bool]:
    """The bureau's working days: mainland China's, with the config's `working_days`."""
    return workday_rule(cfg.working_days.holidays, cfg.working_days.workdays)


def escalation_time(ladder: Ladder, calendar: Calendar, deadline: datetime, step: int) -> datetime:
    """When ladder step `step` (0-based) falls due; steps past the end repeat the last one."""
    steps = ladder.steps
    if step < len(steps):
        return calendar.add(deadline, steps[step].after)
    repeats = step - len(steps) + 1
    return calendar.add(deadline, steps[-1].after + ladder.repeat_every * repeats)


def escalation_action(ladder: Ladder, step: int) -> LadderAction:
    return ladder.steps[min(step, len(ladder.steps) - 1)].action


def current_step(
    ladder: Ladder, calendar: Calendar, deadline: datetime, first: int, now: datetime
) -> int | None:
    """The latest step due at `now`, starting from step `first`; None when none is due.

    After downtime this skips the steps that were missed, so a catch-up sends one message
    for the step the ticket is at now rather than one per missed step.
    """

    def due(step: int) -> bool:
        try:
            return escalation_time(ladder, calendar, deadline, step) <= now
        except (OverflowError, ValueError):
            return False  # past any date a calendar can reach: not due

    if not due(first):
        return None
    # Step times only grow, so the latest due one is found by doubling, then halving: a few
    # dozen calendar sums, where walking a step at a time cost one a repeat (8,820 for a
    # 1-minute repeat on business hours a month overdue; 60 times that for 1 second).
    low, span = first, 1
    while due(low + span):
        low, span = low + span, span * 2
    high = low + span  # low is due, high is not
    while high - low > 1:
        middle = (low + high) // 2
        low, high = (middle, high) if due(middle) else (low, middle)
    return low


def one_day(cfg: Config, ticket: Ticket) -> timedelta:
    """A day of the ticket's calendar: a working day's hours on a business calendar, 24
    hours on one that counts every minute."""
    if isinstance(calendar_for(cfg, ticket), AlwaysOn):
        return timedelta(days=1)
    return cfg.working_day


def callback_ladder(cfg: Config, ticket: Ticket) -> Ladder:
    """How a call-back owed (回访) is chased from its due time: the leaders who owe it
    then, the supervisors a day of the ticket's calendar later, then every day."""
    day = one_day(cfg, ticket)
    return Ladder(
        id="callback",
        steps=[
            LadderStep(after=timedelta(0), action="alert_leader"),
            LadderStep(after=day, action="alert_supervisors"),
        ],
        repeat_every=day,
    )


def set_initial_deadlines(cfg: Config, ticket: Ticket, now: datetime) -> None:
    policy = policy_for(cfg, ticket)
    calendar = calendar_for(cfg, ticket)
    ticket.accept_due_at = calendar.add(now, policy.accept_within)
    ticket.resolve_due_at = calendar.add(now, policy.resolve_within)


def phase_deadline(ticket: Ticket) -> datetime | None:
    """The SLA deadline the ladder chases in the ticket's current status."""
    if ticket.status is Status.DISPATCHED:
        return ticket.accept_due_at
    if ticket.status in (Status.ACCEPTED, Status.ON_SITE):
        return ticket.resolve_due_at
    return None


def promise_on_a_new_line(
    cfg: Config,
    ticket: Ticket,
    old_policy: SlaPolicy,
    waited: Sequence[tuple[datetime, datetime]] = (),
) -> None:
    """A ticket sent on to a team of another service line (a technical question first sent
    to the 24-hour 110 line) is promised what that line would have promised it when it was
    filed, when that is later than the promise it has: its resolve window, on its calendar.
    Never earlier: a move does not shorten what the requester was told, nor make the
    receiving team late at once. After a reopening the promise is the reopening's.
    `waited` (`waits`): the times questions to the requester held the ticket, which the
    promise it has was given back as each ended; that line's is given them too, or the
    later of the two would drop them."""
    promise = ticket.resolve_due_at
    new_policy, new_calendar = policy_for(cfg, ticket), calendar_for(cfg, ticket)
    if promise is None or ticket.reopen_count or new_policy == old_policy:
        return
    that_line = new_calendar.add(ticket.created_at, new_policy.resolve_within)
    for since, until in waited:
        that_line = _given_back(new_calendar, that_line, since, until)
    ticket.resolve_due_at = max(promise, that_line)


# What ends a question's wait for the requester, as `Ticket.apply` clears `paused_at`: the
# answer, going to see, resolving it, a move to another team or a reopening.
_WAIT_ENDS = frozenset(
    a.value
    for a in (
        Action.ANSWER,
        Action.VISIT,
        Action.RESOLVE,
        Action.DISPATCH,
        Action.TRANSFER,
        Action.REASSIGN,
        Action.REOPEN,
    )
)


def waits(events: Sequence[TicketEvent]) -> list[tuple[datetime, datetime]]:
    """When questions to the requester held the ticket, from its history: each from when
    it was asked until what ended the wait, oldest first; one still awaited is not among
    them (the move that ends it gives it back itself, `adjust_deadlines`)."""
    held: list[tuple[datetime, datetime]] = []
    asked: datetime | None = None
    for event in events:
        if event.action == Action.ASK.value and asked is None:
            asked = event.at
        elif asked is not None and event.action in _WAIT_ENDS:
            held.append((asked, event.at))
            asked = None
    return held


def team_resolve_deadline(ticket: Ticket) -> datetime | None:
    """The resolve deadline the team holding the ticket is chased by: the promise to the
    requester (`resolve_due_at`), or, for a team that got the ticket too late to keep it,
    the window of its own set then (`team_resolve_due_at`, see `adjust_deadlines`)."""
    return ticket.team_resolve_due_at or ticket.resolve_due_at


def chase_deadline(ticket: Ticket) -> datetime | None:
    """The deadline the ladder counts its steps from in the ticket's current status."""
    if ticket.status in (Status.ACCEPTED, Status.ON_SITE):
        return team_resolve_deadline(ticket)
    return phase_deadline(ticket)


def schedule_next(cfg: Config, ticket: Ticket) -> None:
    """Recompute `next_action_at` from the ticket's status and escalation step."""
    auto = cfg.auto_close
    deadline = chase_deadline(ticket)
    if deadline is not None:
        ladder = cfg.ladder(policy_for(cfg, ticket).ladder)
        ticket.next_action_at = escalation_time(
            ladder, calendar_for(cfg, ticket), deadline, ticket.escalation_step
        )
    elif ticket.status is Status.WAITING_REQUESTER and ticket.paused_at is not None:
        wait = (
            auto.waiting_remind_for(ticket.urgent)
            if ticket.escalation_step == 0
            else auto.waiting_close_after
        )
        ticket.next_action_at = ticket.paused_at + wait
    elif ticket.status is Status.RESOLVED and ticket.resolved_at is not None:
        wait = (
            auto.resolved_remind_after if ticket.escalation_step == 0 else auto.resolved_close_after
        )
        ticket.next_action_at = ticket.resolved_at + wait
    elif ticket.status is Status.CLOSED and ticket.owes_callback:
        assert ticket.callback_due_at is not None
        ticket.next_action_at = escalation_time(
            callback_ladder(cfg, ticket),
            calendar_for(cfg, ticket),
            ticket.callback_due_at,
            ticket.escalation_step,
        )
    else:
        ticket.next_action_at = None


def adjust_deadlines(
    cfg: Config, ticket: Ticket, action: Action, now: datetime, paused_since: datetime | None
) -> None:
    """Move SLA deadlines for the transition just made, then reschedule the next action."""
    policy = policy_for(cfg, ticket)
    calendar = calendar_for(cfg, ticket)
    if action in (Action.DISPATCH, Action.TRANSFER, Action.REASSIGN):
        # The receiving team gets a fresh accept window; the promise to resolve stands,
        # less the time a question to the requester held it (a waiting ticket moved on).
        if paused_since is not None:
            _give_back(calendar, ticket, ("resolve_due_at",), paused_since, now)
        ticket.accept_due_at = calendar.add(now, policy.accept_within)
        # A team that gets it too late to keep the promise (past it, or so near that it
        # falls before the team's own accept deadline) is chased within a resolve window of
        # its own, as a ticket filed with it now would be: its reminder first, not the
        # supervisors' alert a minute after it accepts. The promise stays what lateness is
        # measured by.
        promise = ticket.resolve_due_at
        too_late = promise is not None and promise <= ticket.accept_due_at
        ticket.team_resolve_due_at = calendar.add(now, policy.resolve_within) if too_late else None
    elif action is Action.REOPEN:
        set_initial_deadlines(cfg, ticket, now)
        ticket.team_resolve_due_at = None
    elif action in (Action.ANSWER, Action.VISIT, Action.RESOLVE) and paused_since is not None:
        # The wait is over: answered, gone to see, or resolved without the answer (phoned,
        # fixed on the team's own). The clock stood still from the question on, so the
        # resolve deadline is given the wait back whichever ended it: 办结 pressed while the
        # answer is awaited is judged against what was left when the team asked.
        # An accepted ticket's accept deadline is settled: the wait is no time to accept in.
        # One asked before it was accepted still has to be, so the chase gets the time back;
        # its response was measured when it asked (`response_due_at`).
        names: tuple[str, ...] = ("resolve_due_at", "team_resolve_due_at")
        if ticket.accepted_at is None:
            names = ("accept_due_at", *names)
        _give_back(calendar, ticket, names, paused_since, now)
    schedule_next(cfg, ticket)


def _give_back(
    calendar: Calendar,
    ticket: Ticket,
    names: tuple[str, ...],
    paused_since: datetime,
    now: datetime,
) -> None:
    """The clock stopped while the team waited for the requester: give that time back."""
    for name in names:
        due = getattr(ticket, name)
        if due is not None:
            setattr(ticket, name, _given_back(calendar, due, paused_since, now))


def _given_back(
    calendar: Calendar, due: datetime, paused_since: datetime, now: datetime
) -> datetime:
    """`due`, moved on by the time the clock stood still from `paused_since` to `now`: the
    working time that was left at the pause, counted from now. A deadline already missed
    when the clock stopped stays where it was: a miss stays a miss, at its time, so a late
    answer does not move it out of the day a report already counted it in."""
    if due < paused_since:
        return due
    return calendar.add(now, calendar.between(paused_since, due))


def overdue(ticket: Ticket, now: datetime) -> bool:
    """Past the deadline of its current phase."""
    deadline = phase_deadline(ticket)
    return deadline is not None and now > deadline


def remaining(ticket: Ticket, now: datetime) -> timedelta | None:
    deadline = phase_deadline(ticket)
    return None if deadline is None else deadline - now
