"""Use cases on tickets. Each takes a unit of work and leaves committing to the caller,
so a handler can add its conversation state and outbox rows to the same transaction."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime

from core import lifecycle, sla
from core.config import Config
from core.enums import Action, Kind, Priority, Role, Script, Status, WishOutcome
from core.errors import InvalidInput, NotFound, OwnRequest, PermissionDenied
from core.model import NEW_CYCLE, OutboxMessage, Ticket, TicketCycle, TicketEvent, TicketMessage
from core.ports import UnitOfWork

_ROLE_STRENGTH = (Role.ADMIN, Role.SUPERVISOR, Role.LEADER, Role.MEMBER, Role.REQUESTER)
_STAFF = frozenset({Role.ADMIN, Role.SUPERVISOR, Role.LEADER, Role.MEMBER})
# Handling a ticket, which its requester may not do for their own: a member who filed a
# request that reaches their own team leaves it to a colleague (不自办自评).
_HANDLING = frozenset({Action.ACCEPT, Action.VISIT, Action.RESOLVE})


@dataclass(frozen=True, slots=True)
class Draft:
    """Everything needed to open a ticket, gathered by a conversation and the router."""

    kind: Kind
    text: str
    requester_id: int
    chat_id: int
    line: str
    team_id: str
    urgent: bool = False
    original_text: str = ""
    script: Script = Script.HANS
    area: str | None = None
    site_code: str | None = None
    lat: float | None = None
    lon: float | None = None
    route_explanation: str = ""
    route_confidence: float = 0.0
    route_candidates: tuple[str, ...] = field(default_factory=tuple)
    # The conversation's draft it was filed from, kept on the create event: a press of
    # that draft's summary afterwards is told which tickets it became.
    draft_id: str = ""
    # The complainant asked to stay unnamed to the teams (匿名投诉): kept on the ticket and
    # its create event.
    anonymous: bool = False
    # A complaint about the oversight team's own people, which the router sent to the
    # triage desk (`Decision.overseer_named`): kept on the create event, so that wherever it
    # goes that team gets no copy of it nor its call-back.
    about_overseers: bool = False


ABOUT_OVERSEERS = "about_overseers"  # the create event's mark of such a complaint


def about_overseers(events: Sequence[TicketEvent]) -> bool:
    """Whether the ticket of `events` is a complaint about the oversight team's own people
    (`Draft.about_overseers`)."""
    return any(e.action == "create" and e.data.get(ABOUT_OVERSEERS) for e in events)


async def open_ticket(uow: UnitOfWork, cfg: Config, draft: Draft, now: datetime) -> Ticket:
    """Create the ticket and dispatch it to its team, with deadlines and audit events."""
    if not draft.text.strip():
        raise InvalidInput("a ticket needs a description")
    if cfg.find_team(draft.team_id) is None:
        raise NotFound(f"team {draft.team_id}")
    ticket = Ticket(
        kind=draft.kind,
        priority=Priority.URGENT if draft.urgent else Priority.NORMAL,
        text=draft.text,
        original_text=draft.original_text or draft.text,
        requester_id=draft.requester_id,
        requester_chat_id=draft.chat_id,
        line=draft.line,
        team_id=draft.team_id,
        created_at=now,
        updated_at=now,
        script=draft.script,
        area=draft.area,
        site_code=draft.site_code,
        lat=draft.lat,
        lon=draft.lon,
        route_explanation=draft.route_explanation,
        route_confidence=draft.route_confidence,
        route_candidates=list(draft.route_candidates),
        anonymous=draft.anonymous,
    )
    await uow.tickets.add(ticket)
    assert ticket.id is not None
    await uow.tickets.add_event(
        TicketEvent(
            ticket_id=ticket.id,
            at=now,
            action="create",
            actor_id=draft.requester_id,
            actor_role=Role.REQUESTER,
            from_status=None,
            to_status=Status.NEW,
            data={
                "kind": draft.kind.value,
                "urgent": draft.urgent,
                "team": draft.team_id,
                **({"draft": draft.draft_id} if draft.draft_id else {}),
                **({"anonymous": True} if draft.anonymous else {}),
                **({ABOUT_OVERSEERS: True} if draft.about_overseers else {}),
            },
            note="匿名投诉" if draft.anonymous else "",
        )
    )
    sla.set_initial_deadlines(cfg, ticket, now)
    event = ticket.apply(
        Action.DISPATCH,
        role=Role.SYSTEM,
        actor_id=None,
        now=now,
        data={"team": draft.team_id, "why": draft.route_explanation},
    )
    sla.adjust_deadlines(cfg, ticket, Action.DISPATCH, now, None)
    await uow.tickets.add_event(event)
    return ticket


async def roles_of(uow: UnitOfWork, cfg: Config, user_id: int, ticket: Ticket) -> set[Role]:
    """Every role `user_id` holds with respect to `ticket`."""
    roles: set[Role] = set()
    if ticket.requester_id == user_id:
        roles.add(Role.REQUESTER)
    if user_id in cfg.admins:
        roles.add(Role.ADMIN)
    if user_id in cfg.supervisors:
        roles.add(Role.SUPERVISOR)
    team = cfg.find_team(ticket.team_id)
    if team is not None and user_id in team.leaders:
        roles.add(Role.LEADER)
    if team is not None and user_id in team.members:
        roles.add(Role.MEMBER)
    for membership in await uow.memberships.of_user(user_id):
        if membership.role in (Role.SUPERVISOR, Role.ADMIN) or membership.team_id == ticket.team_id:
            roles.add(membership.role)
    return roles


async def may_work_on(uow: UnitOfWork, cfg: Config, user_id: int, ticket: Ticket) -> bool:
    """Is `user_id` still someone who may work on `ticket` (its team's member or leader, a
    supervisor)? One who accepted it and has since left the team is not: the requester's
    news and the ladder's reminders are no longer theirs to read."""
    return bool(await roles_of(uow, cfg, user_id, ticket) & _STAFF)


def pick_role(roles: set[Role], action: Action) -> Role:
    """The role to act in: one the action allows, preferring staff roles over requester."""
    allowed = lifecycle.TRANSITIONS[action].roles
    for role in _ROLE_STRENGTH:
        if role in roles and role in allowed:
            return role
    strongest = next((r for r in _ROLE_STRENGTH if r in roles), None)
    raise PermissionDenied(strongest or "stranger", action)


def own_request(ticket: Ticket, actor_id: int | None, action: Action) -> bool:
    """Would `actor_id` be handling a ticket they filed themselves?"""
    return action in _HANDLING and actor_id is not None and actor_id == ticket.requester_id


async def perform(
    uow: UnitOfWork,
    cfg: Config,
    ticket: Ticket,
    action: Action,
    *,
    actor_id: int | None,
    now: datetime,
    note: str = "",
    to_team: str | None = None,
    role: Role | None = None,
    outcome: WishOutcome | None = None,
    taking_over: bool = False,
) -> TicketEvent:
    """Apply `action` to `ticket` as `actor_id` (or as `role`, e.g. SYSTEM) and record it.
    `outcome`: how a wish resolved now ended (部分实现, 无法实现); a wish resolved without
    one was granted. `taking_over`: a TRANSFER is the receiving team taking the ticket
    (接管), not the holding team sending it on.

    Raises PermissionDenied, IllegalTransition or InvalidInput and changes nothing then.
    """
    roles: set[Role] | None = None  # the actor's, when they were looked up
    if role is None:
        if actor_id is None:
            raise PermissionDenied("stranger", action)
        roles = await roles_of(uow, cfg, actor_id, ticket)
        role = pick_role(roles, action)
    if own_request(ticket, actor_id, action):
        raise OwnRequest(role, action)
    data: dict[str, object] = {}
    if action in (Action.TRANSFER, Action.REASSIGN):
        target = cfg.find_team(to_team) if to_team else None
        if target is None:
            raise InvalidInput(f"unknown team {to_team!r}")
        lifecycle.check(ticket.status, action, role)
        if target.id == ticket.team_id:
            raise InvalidInput("the ticket is already with that team")
        data = {"from_team": ticket.team_id, "to_team": target.id}
        if taking_over:
            data["taken_over"] = True  # who moved it: the card and timeline say so
    paused_since = ticket.paused_at
    # The team's cycle this move ends, as it stands: what it did stays measured. A system
    # redirect (`redirect`) only corrects where a call first went: no cycle ends there.
    ended = None
    if action in NEW_CYCLE and role is not Role.SYSTEM:
        sent_on = await _sent_on(uow, cfg, ticket, action, actor_id, roles)
        ended = TicketCycle.ending(ticket, action, now, sent_on=sent_on)
    event = ticket.apply(action, role=role, actor_id=actor_id, now=now, note=note, data=data)
    if action is Action.RESOLVE and ticket.kind is Kind.WISH and outcome is not None:
        ticket.wish_outcome = outcome
        event.data["outcome"] = outcome.value  # the timeline keeps what the team said
    if ended is not None:
        await uow.tickets.add_cycle(ended)
    if data:
        policy_before = sla.policy_for(cfg, ticket)
        # The card's 分派依据 says why the ticket is with this team now; how the router first
        # placed it stays in the dispatch event.
        first = cfg.team(ticket.team_id).name
        ticket.route_explanation = (
            taken_over_why(first, cfg.team(str(data["to_team"])).name)
            if taking_over
            else _moved_why(first, action, note)
        )
        ticket.team_id = str(data["to_team"])
        ticket.line = cfg.team(ticket.team_id).line
        if sla.policy_for(cfg, ticket) != policy_before:
            # Questions answered before: their waits were given back to the promise as each
            # ended (read only for a move that changes the promise's policy). One still
            # awaited the move ends is given back by `adjust_deadlines` below.
            history = await uow.tickets.events(ticket.id) if ticket.id is not None else []
            sla.promise_on_a_new_line(cfg, ticket, policy_before, sla.waits(history))
    sla.adjust_deadlines(cfg, ticket, action, now, paused_since)
    await uow.tickets.add_event(event)
    return event


def _moved_why(first: str, action: Action, note: str) -> str:
    """The 分派依据 of a ticket moved on from team `first`: a team's own 转派 ("由 X 转派：
    不是我们的事"), or a supervisor's 改派, which says who moved it (the team did not)."""
    moved = f"由督办从 {first} 改派" if action is Action.REASSIGN else f"由 {first} 转派"
    return moved + (f"：{note}" if note else "")


def taken_over_why(first: str, taker: str) -> str:
    """The 分派依据 of a ticket team `taker` took over from team `first` (接管): the taker
    moved it, so it must not read as `first`'s 转派."""
    return f"{taker}接管（原由 {first} 办理）"


async def _sent_on(
    uow: UnitOfWork,
    cfg: Config,
    ticket: Ticket,
    action: Action,
    actor_id: int | None,
    roles: set[Role] | None,
) -> bool:
    """Whether the move is the holding team's own answer to the dispatch: the triage desk
    sending a ticket on (its whole work), or a team's member or leader transferring it
    ("not ours"); not a reopening, nor another team taking a complaint over (接管)."""
    if action is Action.REOPEN:
        return False
    if cfg.line(ticket.line).triage:
        return True
    if action is not Action.TRANSFER or actor_id is None:
        return False
    if roles is None:  # acting in a role given (接管's), not looked up
        roles = await roles_of(uow, cfg, actor_id, ticket)
    return bool({Role.MEMBER, Role.LEADER} & roles)


async def redirect(
    uow: UnitOfWork, cfg: Config, ticket: Ticket, to_team: str, *, now: datetime, note: str
) -> TicketEvent:
    """Send a ticket nobody has accepted yet to the team it should have gone to, because the
    requester has since named a place in that team's area. The requester has been waiting
    since the first dispatch, so that stays the start of the response clock: the deadline
    to accept stands (the new team's ladder runs against it) and the response time is
    measured from it."""
    clock = (ticket.dispatched_at, ticket.accept_due_at, ticket.responded_at,
             ticket.response_due_at)  # fmt: skip
    event = await perform(
        uow, cfg, ticket, Action.TRANSFER, actor_id=None, role=Role.SYSTEM, now=now, note=note,
        to_team=to_team,
    )  # fmt: skip
    # A question the first team asked meanwhile stays the response (on time or not).
    ticket.dispatched_at, ticket.accept_due_at, ticket.responded_at, ticket.response_due_at = clock
    sla.schedule_next(cfg, ticket)
    return event


async def no_longer_urgent(
    uow: UnitOfWork, cfg: Config, ticket: Ticket, *, now: datetime
) -> TicketEvent:
    """An urgent ticket just sent on (转派, 改派) whose new team need not treat it as urgent:
    a request become a complaint there, whose 暴雨 is what went wrong, not a danger now. Its
    policy is its line's, with the deadlines the move gives a ticket of that policy: the
    path `perform` takes for a move, so the new team's cycle starts on them. The promise it
    holds was given back every wait for the requester, the one the move ended too; the
    line's is given them all (`sla.waits`). The change is on record."""
    assert ticket.id is not None
    policy_before = sla.policy_for(cfg, ticket)
    ticket.priority = Priority.NORMAL
    waited = sla.waits(await uow.tickets.events(ticket.id))
    sla.promise_on_a_new_line(cfg, ticket, policy_before, waited)
    sla.adjust_deadlines(cfg, ticket, Action.TRANSFER, now, None)
    data: dict[str, object] = {"kind": ticket.kind.value}
    return await note_event(
        uow, ticket, "not_urgent", actor_id=None, role=Role.SYSTEM, now=now, data=data
    )


async def note_event(
    uow: UnitOfWork,
    ticket: Ticket,
    action: str,
    *,
    actor_id: int | None,
    role: Role,
    now: datetime,
    note: str = "",
    data: dict[str, object] | None = None,
) -> TicketEvent:
    """Record something that happened to a ticket without changing its status."""
    assert ticket.id is not None
    event = TicketEvent(
        ticket_id=ticket.id,
        at=now,
        action=action,
        actor_id=actor_id,
        actor_role=role,
        from_status=ticket.status,
        to_status=ticket.status,
        note=note,
        data=dict(data or {}),
    )
    ticket.updated_at = now
    await uow.tickets.add_event(event)
    return event


BUTTONS_OFF = "buttons_off"  # the outbox purpose of an edit taking a message's buttons away


async def withdraw_stale_prompts(uow: UnitOfWork, ticket: Ticket, now: datetime) -> None:
    """Take the buttons off the ladder's reminders and alerts that no longer act on
    `ticket` as it is now.

    Those still waiting to go out are settled as superseded instead: a reminder to accept a
    ticket already accepted would only mislead.
    """
    assert ticket.id is not None
    # Locking them orders this step with their senders (PostgreSQL): one that holds a
    # reminder now records it sent after this commits, and then finds it out of date.
    waiting = await uow.outbox.waiting(ticket.id, lifecycle.PROMPTS)
    stale = [
        r.id for r in waiting if not prompt_applies_to(ticket, r.purpose, r.payload.get("team"))
    ]
    # Those a sender holds are on their way: they go, and lose their buttons once recorded.
    await uow.outbox.supersede_rows([row_id for row_id in stale if row_id is not None], now)
    for message in await uow.ticket_messages.of_ticket(ticket.id, *lifecycle.PROMPTS):
        if not prompt_applies_to(ticket, message.purpose, message.team_id):
            await uow.ticket_messages.forget(message)
            await uow.outbox.add(buttons_off(message, now, urgent=ticket.urgent))


def prompt_applies_to(ticket: Ticket, prompt: str, team_id: object) -> bool:
    """`lifecycle.prompt_applies` for `ticket` as it is now (`team_id` as stored)."""
    sent_for = team_id if isinstance(team_id, str) else None
    accepted = ticket.accepted_by is not None
    return lifecycle.prompt_applies(
        prompt, ticket.status, ticket.team_id, sent_for=sent_for, accepted=accepted
    )


def buttons_off(message: TicketMessage, now: datetime, *, urgent: bool) -> OutboxMessage:
    """An outbox row that takes the buttons off a sent message (its text stays)."""
    return OutboxMessage(
        chat_id=message.chat_id,
        method="edit_buttons",
        payload={"message_id": message.message_id},
        created_at=now,
        not_before=now,
        priority=0 if urgent else 1,
        ticket_id=message.ticket_id,
        purpose=BUTTONS_OFF,
    )
