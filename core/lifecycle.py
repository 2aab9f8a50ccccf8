"""The ticket lifecycle as an explicit state machine.

Each action names the statuses it may start from, the status it leads to and the roles
allowed to take it. `None` as the target keeps the status where the action needs context
(ANSWER returns to the status held before the question was asked).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from core.enums import Action, Kind, Role, Status
from core.errors import IllegalTransition, PermissionDenied

S = Status
R = Role

_TEAM = frozenset({R.MEMBER, R.LEADER, R.SUPERVISOR, R.ADMIN})
_OVERSIGHT = frozenset({R.SUPERVISOR, R.ADMIN})
_WORKING = frozenset({S.ACCEPTED, S.ON_SITE})
# A ticket someone has taken and is at work on: accepted, and neither resolved, closed nor
# sent on since (`Ticket.worked_on_by`).
BEING_WORKED_ON = frozenset({*_WORKING, S.WAITING_REQUESTER})

# How long after a close they did not confirm (no rating: closed by the sweep or a
# supervisor) the requester may still call the ticket not solved (`handlers.rating`).
REOPEN_AFTER_CLOSE = timedelta(days=7)


@dataclass(frozen=True, slots=True)
class Transition:
    action: Action
    sources: frozenset[Status]
    target: Status | None
    roles: frozenset[Role]


TRANSITIONS: dict[Action, Transition] = {
    t.action: t
    for t in (
        Transition(Action.DISPATCH, frozenset({S.NEW}), S.DISPATCHED, _OVERSIGHT | {R.SYSTEM}),
        # From a question asked before anyone took it too (需补充 before 接单): the ticket
        # still waits for the answer, which then returns it to 已接单 (`Ticket.apply`).
        Transition(
            Action.ACCEPT, frozenset({S.DISPATCHED, S.WAITING_REQUESTER}), S.ACCEPTED, _TEAM
        ),
        # From a question too: a 110 team told to go to a silent farmer's barn records it
        # (the ticket then waits no longer; `Ticket.apply` refuses it before 接单).
        Transition(Action.VISIT, frozenset({S.ACCEPTED, S.WAITING_REQUESTER}), S.ON_SITE, _TEAM),
        Transition(Action.ASK, frozenset({S.DISPATCHED, *_WORKING}), S.WAITING_REQUESTER, _TEAM),
        Transition(Action.ANSWER, frozenset({S.WAITING_REQUESTER}), None, frozenset({R.REQUESTER})),
        Transition(
            Action.TRANSFER,
            frozenset({S.DISPATCHED, *_WORKING, S.WAITING_REQUESTER}),
            S.DISPATCHED,
            _TEAM | {R.SYSTEM},  # SYSTEM: a 110 call moved to the town the farmer named
        ),
        Transition(
            Action.REASSIGN,
            frozenset({S.NEW, S.DISPATCHED, *_WORKING, S.WAITING_REQUESTER}),
            S.DISPATCHED,
            _OVERSIGHT,
        ),
        Transition(Action.RESOLVE, frozenset({*_WORKING, S.WAITING_REQUESTER}), S.RESOLVED, _TEAM),
        Transition(Action.CONFIRM, frozenset({S.RESOLVED}), S.CLOSED, frozenset({R.REQUESTER})),
        Transition(Action.AUTO_CLOSE, frozenset({S.RESOLVED}), S.CLOSED, frozenset({R.SYSTEM})),
        Transition(Action.CLOSE, frozenset({S.RESOLVED}), S.CLOSED, _OVERSIGHT),
        Transition(
            Action.REOPEN,
            frozenset({S.RESOLVED, S.CLOSED}),
            S.DISPATCHED,
            _OVERSIGHT | {R.REQUESTER},
        ),
        # Withdrawn while nobody has taken it, a question asked before 接单 awaiting the
        # requester's answer included (`Ticket.apply` refuses it once someone took it).
        Transition(
            Action.CANCEL,
            frozenset({S.NEW, S.DISPATCHED, S.WAITING_REQUESTER}),
            S.CANCELLED,
            _OVERSIGHT | {R.REQUESTER},
        ),
        Transition(
            Action.EXPIRE, frozenset({S.WAITING_REQUESTER}), S.CLOSED, frozenset({R.SYSTEM})
        ),
    )
}


# The kinds a team goes out for (上门): a barn's 110 call, and a request (a farmer's field, a
# retailer's delivery or licence). A wish, a suggestion or a complaint is answered, not
# visited: its requester would read that someone is on the way to their 心愿.
VISITED_KINDS = frozenset({Kind.EMERGENCY, Kind.REQUEST})


def check(status: Status, action: Action, role: Role) -> Transition:
    """Return the transition for `action` or raise why it may not happen.

    Permission is checked before the status so that a stranger learns nothing about a
    ticket's state from the error.
    """
    transition = TRANSITIONS[action]
    if role not in transition.roles:
        raise PermissionDenied(role, action)
    if status not in transition.sources:
        raise IllegalTransition(status, action)
    return transition


def next_status(status: Status, action: Action, role: Role, *, resume: Status | None) -> Status:
    """The status after `action`; `resume` is where ANSWER returns to."""
    transition = check(status, action, role)
    if transition.target is not None:
        return transition.target
    return resume if resume is not None else Status.ACCEPTED


def allowed_actions(status: Status, role: Role) -> list[Action]:
    """Actions `role` may take on a ticket in `status`, in table order (for buttons)."""
    return [t.action for t in TRANSITIONS.values() if status in t.sources and role in t.roles]


# Messages beyond the card whose buttons act on a ticket: the ladder's reminders and alerts.
# Their outbox purpose names their buttons and is kept with the sent message, so that the
# buttons are taken away once they no longer apply (the card itself shows the ticket's state).
ACCEPT_PROMPT = "sv_nudge_accept"  # the team's 接单
RESOLVE_PROMPT = "sv_nudge_resolve"  # the team's 办结
# Those two are on a supervisor's 催办 page to the team (⏰ 督办提醒); a leader's (⏰ 队长提醒)
# carries the same buttons under purposes of its own, so that the page, which says where
# the ticket stood then, is told the news in its own words once that no longer holds
# (`core.nudge_news`).
LEADER_NUDGE_ACCEPT = "leader_nudge_accept"
LEADER_NUDGE_RESOLVE = "leader_nudge_resolve"
# A 催办 pressed while the requester's answer to a question asked before anyone took the
# ticket (需补充 before 接单) is awaited carries 接单 too, as the card does then, under
# purposes of their own: like the team's reminder it holds until someone takes the ticket,
# the answer come or not, not only while nobody has asked. (Pressed once someone has
# taken it, it carries 办结 as a `RESOLVE_NUDGES`, which acts while the answer is awaited.)
WAITING_ACCEPT_PROMPT = "sv_nudge_waiting_accept"
LEADER_NUDGE_WAITING_ACCEPT = "leader_nudge_waiting_accept"
ACCEPT_NUDGES = (ACCEPT_PROMPT, LEADER_NUDGE_ACCEPT)
WAITING_ACCEPT_NUDGES = (WAITING_ACCEPT_PROMPT, LEADER_NUDGE_WAITING_ACCEPT)
RESOLVE_NUDGES = (RESOLVE_PROMPT, LEADER_NUDGE_RESOLVE)
LEADER_NUDGES = (LEADER_NUDGE_ACCEPT, LEADER_NUDGE_WAITING_ACCEPT, LEADER_NUDGE_RESOLVE)
NUDGES = (*ACCEPT_NUDGES, *WAITING_ACCEPT_NUDGES, *RESOLVE_NUDGES)
# Kept before 2026-12-06 for all of those, the ladder's own reminders and alerts and any
# 催办 page alike: which one a row was cannot be told, so such rows only lose their buttons
# once these no longer apply, their text left as it was.
EARLIER_ACCEPT_PROMPT = "ladder_accept"
EARLIER_RESOLVE_PROMPT = "ladder_resolve"
OVERSIGHT_PROMPT = "oversight"  # the supervisors' 催办 / 改派
# The supervisors' 超时督办 of a ticket nobody accepted (its `team` the one it was sent for),
# with the same 催办 / 改派: its text says 仍未接单, which holds only while the ticket waits
# for that team. Once it is answered or moved the desk writes its news into the sent alert
# and keeps it on as an `OVERSIGHT_PROMPT` (handlers/overdue_alerts.py); one not yet sent
# is settled superseded, like a team's reminder to accept.
OVERSIGHT_ACCEPT_PROMPT = "oversight_accept"
# Its resolve-phase sibling says 仍未办结: once the ticket is resolved (or closed) the desk
# writes that into it as it takes its buttons away.
OVERSIGHT_RESOLVE_PROMPT = "oversight_resolve"
# The ladder's own reminder to the team (还没有人接单 / 请尽快办结) and alert to its leaders
# (仍未接单 / 仍未办结) carry the team's 接单 or 办结 as a team's prompts do, and say the
# ticket still waits: kept under purposes of their own, so that once that no longer holds
# the desk writes what happened into them, as into the supervisors' 超时督办, instead of
# only taking their buttons (handlers/overdue_alerts.py).
REMIND_ACCEPT_PROMPT = "remind_accept"
LEADER_ACCEPT_PROMPT = "leader_accept"
REMIND_RESOLVE_PROMPT = "remind_resolve"
LEADER_RESOLVE_PROMPT = "leader_resolve"
TEAM_ACCEPT_ALERTS = (REMIND_ACCEPT_PROMPT, LEADER_ACCEPT_PROMPT)
TEAM_RESOLVE_ALERTS = (REMIND_RESOLVE_PROMPT, LEADER_RESOLVE_PROMPT)
# Those that say the ticket still waits, told the news once it no longer does.
NEWS_ALERTS = (
    OVERSIGHT_ACCEPT_PROMPT,
    OVERSIGHT_RESOLVE_PROMPT,
    *TEAM_ACCEPT_ALERTS,
    *TEAM_RESOLVE_ALERTS,
    *NUDGES,
)
PROMPTS = (
    *NUDGES,
    EARLIER_ACCEPT_PROMPT,
    EARLIER_RESOLVE_PROMPT,
    OVERSIGHT_PROMPT,
    OVERSIGHT_ACCEPT_PROMPT,
    OVERSIGHT_RESOLVE_PROMPT,
    *TEAM_ACCEPT_ALERTS,
    *TEAM_RESOLVE_ALERTS,
)
# The requester's copy of a team's question (需补充) and its reminder, which invite a reply:
# kept with the sent message too, so that a reply to it tells which ticket it answers.
QUESTION_NOTICE = "question"
# The requester's notices that a member took the ticket up (接单) or is going there (上门),
# or that another team has it now (转派, 改派): kept too, so that words replied to them
# ("我下午不在店里，放隔壁就行") are about that ticket.
PROGRESS_NOTICE = "progress"
# What asks for the call-back (回访) a low rating owes, with 「📞 已回访」: kept with the sent
# message too, so that once the call-back is recorded each copy says so instead of asking.
CALLBACK_NOTICE = "callback"
# What the requester adds to that low rating (不满意留言), sent on to the same people for the
# call-back: like the notice, nothing anyone must act on before the morning.
CALLBACK_REMARK = "callback_remark"
# The requester's notice that the ticket is resolved (办结) and its reminder, which ask for
# their verdict: kept as well, so that words replied to it are read as about its ticket.
RESOLUTION_NOTICE = "resolution"
# A closed ticket's post on the echo wall (回音壁, `reports.echo`): kept too, so that a
# reopening can withdraw it (`ECHO_WITHDRAWN`, an edit of it): the wall must not go on saying
# that a ticket its requester sent back was done.
ECHO_POST = "echo"
ECHO_WITHDRAWN = "echo_withdrawn"
_PROMPT_ACTIONS = {
    **dict.fromkeys((*ACCEPT_NUDGES, *TEAM_ACCEPT_ALERTS), Action.ACCEPT),
    **dict.fromkeys(
        (*RESOLVE_NUDGES, *TEAM_RESOLVE_ALERTS, EARLIER_RESOLVE_PROMPT), Action.RESOLVE
    ),
}


def oversight_applies(status: Status) -> bool:
    """催办 and 改派 are for a ticket still being worked on."""
    return status.is_open and status is not S.RESOLVED


def prompt_applies(
    prompt: str,
    status: Status,
    team_id: str,
    *,
    sent_for: str | None,
    accepted: bool = False,
) -> bool:
    """Do the buttons of `prompt`, sent for team `sent_for`, still act on a ticket in
    `status` with team `team_id` (`accepted`: someone has taken it)? A team's buttons are
    for its own ticket only: after a transfer the new team's ladder starts afresh."""
    if prompt in (OVERSIGHT_PROMPT, OVERSIGHT_RESOLVE_PROMPT):
        return oversight_applies(status)
    if prompt in (OVERSIGHT_ACCEPT_PROMPT, *ACCEPT_NUDGES, EARLIER_ACCEPT_PROMPT):
        # The supervisors' 超时督办 says nobody has accepted: a question asked settles that
        # for the ladder (the card keeps its 接单 while the answer is awaited).
        return status is S.DISPATCHED and sent_for == team_id
    if prompt in (*TEAM_ACCEPT_ALERTS, *WAITING_ACCEPT_NUDGES):
        # The team's reminder and its leaders' alert say nobody has taken the call, and
        # offer 接单: both hold while the answer to a question asked first is awaited,
        # until someone takes it; so does a 催办 pressed while that answer is awaited.
        sources = TRANSITIONS[Action.ACCEPT].sources
        return not accepted and status in sources and sent_for == team_id
    action = _PROMPT_ACTIONS.get(prompt)
    return action is not None and sent_for == team_id and status in TRANSITIONS[action].sources
