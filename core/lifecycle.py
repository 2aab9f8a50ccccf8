"""The ticket lifecycle as an explicit state machine.

Each action names the statuses it may start from, the status it leads to and the roles
allowed to take it. `None` as the target keeps the status where the action needs context
(ANSWER returns to the status held before the question was asked).
"""

from __future__ import annotations

from dataclasses import dataclass

from core.enums import Action, Role, Status
from core.errors import IllegalTransition, PermissionDenied

S = Status
R = Role

_TEAM = frozenset({R.MEMBER, R.LEADER, R.SUPERVISOR, R.ADMIN})
_OVERSIGHT = frozenset({R.SUPERVISOR, R.ADMIN})
_WORKING = frozenset({S.ACCEPTED, S.ON_SITE})


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
        Transition(Action.ACCEPT, frozenset({S.DISPATCHED}), S.ACCEPTED, _TEAM),
        Transition(Action.VISIT, frozenset({S.ACCEPTED}), S.ON_SITE, _TEAM),
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
        Transition(
            Action.CANCEL,
            frozenset({S.NEW, S.DISPATCHED}),
            S.CANCELLED,
            _OVERSIGHT | {R.REQUESTER},
        ),
        Transition(
            Action.EXPIRE, frozenset({S.WAITING_REQUESTER}), S.CLOSED, frozenset({R.SYSTEM})
        ),
    )
}


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
