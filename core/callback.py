"""The call-back (回访) owed to a requester who was not satisfied.

A low rating closes the ticket, but not the matter: someone above the team that had it
phones the requester and asks what went wrong. The ticket records when that is due and
whose leaders owe it; the scheduler chases it (`sla.callback_ladder`) until one of them,
or a supervisor, records it with what the requester said. Like the rating itself, it is
something that happens to a closed ticket, not a transition: an audit event, no status.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from core import sla
from core.config import Config
from core.enums import Kind, Role
from core.model import Ticket, TicketEvent
from core.ports import UnitOfWork
from core.ranks import supervisors, team_leaders
from core.services import about_overseers, note_event

CALLBACK = "callback"  # the audit event's action


def owner(cfg: Config, ticket: Ticket, events: Sequence[TicketEvent]) -> str:
    """The team whose leaders call back: the one that had the ticket. For a complaint, the
    oversight line's team: the one that had it (filed there, or taken over), even if it
    sent the complaint on since, else its default team, which had its copy and 接管 (a
    complaint the team complained about handled, the oversight team only watching): a team
    does not call back about a complaint against itself. Nor does the oversight team: a
    complaint about its own people (`services.about_overseers`) is the triage desk's to
    call back."""
    line = cfg.oversight_line()
    if line is None or ticket.kind is not Kind.COMPLAINT:
        return ticket.team_id
    desk = cfg.triage_line()
    if desk is not None and about_overseers(events):
        return cfg.default_team(desk.id).id
    held = [ticket.team_id]
    for event in reversed(events):
        held += [str(event.data[key]) for key in ("to_team", "team") if event.data.get(key)]
    for team_id in held:
        team = cfg.find_team(team_id)
        if team is not None and team.line == line.id:
            return team.id
    return cfg.default_team(line.id).id  # the one its copy and 接管 are with


async def owe(uow: UnitOfWork, cfg: Config, ticket: Ticket, now: datetime) -> None:
    """The ticket, just rated low, now owes a call-back within `callback_within` of its
    calendar; the sweep chases it from then."""
    assert ticket.id is not None
    ticket.callback_team = owner(cfg, ticket, await uow.tickets.events(ticket.id))
    calendar = sla.calendar_for(cfg, ticket)
    ticket.callback_due_at = calendar.add(now, cfg.auto_close.callback_within)
    ticket.callback_at, ticket.callback_by, ticket.callback_note = None, None, ""
    ticket.escalation_step = 0
    sla.schedule_next(cfg, ticket)


def callback_owner(ticket: Ticket) -> str:
    """The team whose leaders owe the ticket's call-back (`owner`, kept in `callback_team`),
    or the ticket's own for one owed before that was kept."""
    return ticket.callback_team or ticket.team_id


async def recorder_role(uow: UnitOfWork, cfg: Config, user_id: int, ticket: Ticket) -> Role | None:
    """The role in which `user_id` may record the ticket's call-back: a leader of the team
    that owes it, or a supervisor or admin; None for anyone else (its members included:
    the call is a leader's)."""
    team_id = callback_owner(ticket)
    if user_id in team_leaders(cfg, team_id, await uow.memberships.of_team(team_id)):
        return Role.LEADER
    if user_id in await supervisors(uow, cfg):
        return Role.SUPERVISOR
    held = {m.role for m in await uow.memberships.of_user(user_id)}
    return Role.ADMIN if user_id in cfg.admins or Role.ADMIN in held else None


async def record(
    uow: UnitOfWork,
    cfg: Config,
    ticket: Ticket,
    *,
    by: int,
    role: Role,
    note: str,
    now: datetime,
) -> TicketEvent:
    """The call-back made: who, when and what the requester said, on the ticket and in its
    audit trail. Nothing is chased any more."""
    due = ticket.callback_due_at
    ticket.callback_at, ticket.callback_by, ticket.callback_note = now, by, note
    sla.schedule_next(cfg, ticket)
    return await note_event(
        uow,
        ticket,
        CALLBACK,
        actor_id=by,
        role=role,
        now=now,
        note=note,
        data={"rating": ticket.rating, "late": due is not None and now > due},
    )
