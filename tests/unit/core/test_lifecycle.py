"""Every lifecycle transition, allowed and refused, by role."""

from __future__ import annotations

import itertools
from datetime import UTC, datetime

import pytest

from core import lifecycle
from core.enums import Action, Kind, Priority, Role, Status
from core.errors import IllegalTransition, PermissionDenied
from core.lifecycle import (
    ACCEPT_PROMPT,
    LEADER_ACCEPT_PROMPT,
    LEADER_NUDGE_ACCEPT,
    LEADER_NUDGE_RESOLVE,
    LEADER_NUDGE_WAITING_ACCEPT,
    LEADER_RESOLVE_PROMPT,
    OVERSIGHT_PROMPT,
    REMIND_ACCEPT_PROMPT,
    REMIND_RESOLVE_PROMPT,
    RESOLVE_PROMPT,
    WAITING_ACCEPT_PROMPT,
    prompt_applies,
)
from core.model import Ticket

S, A, R = Status, Action, Role
TEAM = {R.MEMBER, R.LEADER, R.SUPERVISOR, R.ADMIN}
OVERSIGHT = {R.SUPERVISOR, R.ADMIN}

# The lifecycle written out independently of core.lifecycle's table:
# action -> (statuses it may start from, resulting status, roles allowed).
EXPECTED: dict[Action, tuple[set[Status], Status | None, set[Role]]] = {
    A.DISPATCH: ({S.NEW}, S.DISPATCHED, OVERSIGHT | {R.SYSTEM}),
    A.ACCEPT: ({S.DISPATCHED, S.WAITING_REQUESTER}, S.ACCEPTED, TEAM),
    A.VISIT: ({S.ACCEPTED, S.WAITING_REQUESTER}, S.ON_SITE, TEAM),
    A.ASK: ({S.DISPATCHED, S.ACCEPTED, S.ON_SITE}, S.WAITING_REQUESTER, TEAM),
    A.ANSWER: ({S.WAITING_REQUESTER}, None, {R.REQUESTER}),
    A.TRANSFER: (
        {S.DISPATCHED, S.ACCEPTED, S.ON_SITE, S.WAITING_REQUESTER},
        S.DISPATCHED,
        TEAM | {R.SYSTEM},  # a 110 call moved to the town the farmer named
    ),
    A.REASSIGN: (
        {S.NEW, S.DISPATCHED, S.ACCEPTED, S.ON_SITE, S.WAITING_REQUESTER},
        S.DISPATCHED,
        OVERSIGHT,
    ),
    A.RESOLVE: ({S.ACCEPTED, S.ON_SITE, S.WAITING_REQUESTER}, S.RESOLVED, TEAM),
    A.CONFIRM: ({S.RESOLVED}, S.CLOSED, {R.REQUESTER}),
    A.AUTO_CLOSE: ({S.RESOLVED}, S.CLOSED, {R.SYSTEM}),
    A.CLOSE: ({S.RESOLVED}, S.CLOSED, OVERSIGHT),
    A.REOPEN: ({S.RESOLVED, S.CLOSED}, S.DISPATCHED, OVERSIGHT | {R.REQUESTER}),
    # From a question asked before anyone took it too (`Ticket.apply` refuses it after 接单).
    A.CANCEL: ({S.NEW, S.DISPATCHED, S.WAITING_REQUESTER}, S.CANCELLED, OVERSIGHT | {R.REQUESTER}),
    A.EXPIRE: ({S.WAITING_REQUESTER}, S.CLOSED, {R.SYSTEM}),
}

ALL = list(itertools.product(Status, Action, Role))


def test_every_action_is_described() -> None:
    assert set(EXPECTED) == set(Action)


@pytest.mark.parametrize(
    ("status", "action", "role"),
    [c for c in ALL if c[0] in EXPECTED[c[1]][0] and c[2] in EXPECTED[c[1]][2]],
    ids=lambda v: str(v),
)
def test_allowed_transition_reaches_expected_status(
    status: Status, action: Action, role: Role
) -> None:
    target = EXPECTED[action][1]
    result = lifecycle.next_status(status, action, role, resume=S.ON_SITE)
    assert result == (target if target is not None else S.ON_SITE)


@pytest.mark.parametrize(
    ("status", "action", "role"),
    [c for c in ALL if c[2] not in EXPECTED[c[1]][2]],
    ids=lambda v: str(v),
)
def test_role_not_allowed_is_refused_whatever_the_status(
    status: Status, action: Action, role: Role
) -> None:
    with pytest.raises(PermissionDenied):
        lifecycle.next_status(status, action, role, resume=None)


@pytest.mark.parametrize(
    ("status", "action", "role"),
    [c for c in ALL if c[0] not in EXPECTED[c[1]][0] and c[2] in EXPECTED[c[1]][2]],
    ids=lambda v: str(v),
)
def test_action_from_wrong_status_is_illegal(status: Status, action: Action, role: Role) -> None:
    with pytest.raises(IllegalTransition):
        lifecycle.next_status(status, action, role, resume=None)


def test_closed_and_cancelled_allow_nothing_but_reopen() -> None:
    for role in Role:
        assert set(lifecycle.allowed_actions(S.CANCELLED, role)) == set()
        assert set(lifecycle.allowed_actions(S.CLOSED, role)) <= {A.REOPEN}


def test_answer_without_resume_status_returns_to_accepted() -> None:
    assert lifecycle.next_status(S.WAITING_REQUESTER, A.ANSWER, R.REQUESTER, resume=None) == (
        S.ACCEPTED
    )


def test_member_buttons_on_a_dispatched_ticket() -> None:
    assert lifecycle.allowed_actions(S.DISPATCHED, R.MEMBER) == [A.ACCEPT, A.ASK, A.TRANSFER]


@pytest.mark.parametrize(
    ("prompt", "status", "team", "applies"),
    [
        (ACCEPT_PROMPT, Status.DISPATCHED, "qingshan", True),
        (ACCEPT_PROMPT, Status.DISPATCHED, "baishi", False),  # transferred since
        (ACCEPT_PROMPT, Status.ACCEPTED, "qingshan", False),
        (RESOLVE_PROMPT, Status.ACCEPTED, "qingshan", True),
        (RESOLVE_PROMPT, Status.ON_SITE, "qingshan", True),
        (RESOLVE_PROMPT, Status.WAITING_REQUESTER, "qingshan", True),
        (RESOLVE_PROMPT, Status.RESOLVED, "qingshan", False),
        (RESOLVE_PROMPT, Status.DISPATCHED, "baishi", False),
        # A leader's 催办 page carries the same buttons as a supervisor's.
        (LEADER_NUDGE_ACCEPT, Status.DISPATCHED, "qingshan", True),
        (LEADER_NUDGE_ACCEPT, Status.WAITING_REQUESTER, "qingshan", False),
        (LEADER_NUDGE_RESOLVE, Status.WAITING_REQUESTER, "qingshan", True),
        (LEADER_NUDGE_RESOLVE, Status.RESOLVED, "qingshan", False),
        # The ladder's own reminder and leaders' alert carry the same buttons.
        (REMIND_ACCEPT_PROMPT, Status.DISPATCHED, "qingshan", True),
        (LEADER_ACCEPT_PROMPT, Status.DISPATCHED, "baishi", False),
        (LEADER_ACCEPT_PROMPT, Status.ACCEPTED, "qingshan", False),
        # Asked about before anyone accepted: still nobody has, and 接单 still acts.
        (REMIND_ACCEPT_PROMPT, Status.WAITING_REQUESTER, "qingshan", True),
        (LEADER_ACCEPT_PROMPT, Status.WAITING_REQUESTER, "qingshan", True),
        # So does a 催办 pressed then, the answer come (待接单 again) or not.
        (WAITING_ACCEPT_PROMPT, Status.WAITING_REQUESTER, "qingshan", True),
        (LEADER_NUDGE_WAITING_ACCEPT, Status.DISPATCHED, "qingshan", True),
        (WAITING_ACCEPT_PROMPT, Status.DISPATCHED, "baishi", False),
        (LEADER_NUDGE_WAITING_ACCEPT, Status.CLOSED, "qingshan", False),
        (REMIND_RESOLVE_PROMPT, Status.WAITING_REQUESTER, "qingshan", True),
        (LEADER_RESOLVE_PROMPT, Status.RESOLVED, "qingshan", False),
        (OVERSIGHT_PROMPT, Status.DISPATCHED, "baishi", True),  # any team's, while open
        (OVERSIGHT_PROMPT, Status.WAITING_REQUESTER, "qingshan", True),
        (OVERSIGHT_PROMPT, Status.RESOLVED, "qingshan", False),
        (OVERSIGHT_PROMPT, Status.CLOSED, "qingshan", False),
        ("card", Status.DISPATCHED, "qingshan", False),
    ],
)
def test_a_prompts_buttons_apply_while_their_action_can_be_taken(
    prompt: str, status: Status, team: str, applies: bool
) -> None:
    assert prompt_applies(prompt, status, team, sent_for="qingshan") is applies


@pytest.mark.parametrize("status", list(Status))
def test_a_ticket_is_worked_on_by_its_taker_only_between_accept_and_resolve(
    status: Status,
) -> None:
    """`Ticket.worked_on_by`, read by /queue's （赵队员）, by 已被…接单, and by whose presses
    count as the work: the one who accepted it, until it is resolved, closed or sent on."""
    ticket = Ticket(
        kind=Kind.EMERGENCY,
        priority=Priority.URGENT,
        text="烤房停电了",
        requester_id=1,
        requester_chat_id=1,
        line="curing",
        team_id="curing-qingshan",
        created_at=datetime(2026, 8, 1, tzinfo=UTC),
        status=status,
        accepted_by=7,
    )
    working = status in (S.ACCEPTED, S.ON_SITE, S.WAITING_REQUESTER)
    assert ticket.worked_on_by == (7 if working else None)


def test_the_teams_call_to_accept_ends_once_someone_takes_a_call_asked_about() -> None:
    """Taken while the answer is awaited, the ticket stays 待补充: taken all the same."""
    for prompt in (REMIND_ACCEPT_PROMPT, LEADER_ACCEPT_PROMPT):
        waiting = Status.WAITING_REQUESTER
        assert prompt_applies(prompt, waiting, "qingshan", sent_for="qingshan")
        assert not prompt_applies(prompt, waiting, "qingshan", sent_for="qingshan", accepted=True)


@pytest.mark.parametrize("kind", list(Kind))
def test_only_a_110_call_or_a_request_is_visited(kind: Kind) -> None:
    """上门 on a wish, a suggestion or a complaint has nowhere to go: refused, unchanged."""
    ticket = Ticket(
        kind=kind,
        priority=Priority.NORMAL,
        text="食堂增加早餐品种",
        requester_id=1,
        requester_chat_id=1,
        line="staff",
        team_id="staff",
        created_at=datetime(2026, 8, 1, tzinfo=UTC),
        status=S.ACCEPTED,
        accepted_at=datetime(2026, 8, 1, tzinfo=UTC),
        accepted_by=7,
        id=1,
    )
    now = datetime(2026, 8, 1, 1, tzinfo=UTC)
    if kind in (Kind.EMERGENCY, Kind.REQUEST):
        ticket.apply(A.VISIT, role=R.MEMBER, actor_id=7, now=now)
        assert ticket.status is S.ON_SITE
        return
    with pytest.raises(IllegalTransition):
        ticket.apply(A.VISIT, role=R.MEMBER, actor_id=7, now=now)
    assert ticket.status is S.ACCEPTED and ticket.on_site_at is None
