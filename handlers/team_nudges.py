"""催办: a supervisor's or a leader's page to the team, with the button of what it asks
for, not twice within minutes; and the supervisors' 催办 and 改派 buttons."""

from __future__ import annotations

from datetime import timedelta

from core.config import Config, Team
from core.enums import Action, Role, Script, Status
from core.lifecycle import (
    ACCEPT_PROMPT,
    LEADER_NUDGE_ACCEPT,
    LEADER_NUDGE_RESOLVE,
    LEADER_NUDGE_WAITING_ACCEPT,
    RESOLVE_PROMPT,
    WAITING_ACCEPT_PROMPT,
    oversight_applies,
)
from core.model import ChatPlace, Ticket, TicketEvent
from core.services import note_event, roles_of
from core.team_card import local
from core.triage import at_triage, dispatch_buttons
from handlers import notify
from handlers.cards import ticket_status
from handlers.context import Ctx
from handlers.i18n import in_script, t
from handlers.overdue_alerts import progress
from handlers.replies import Button, rows
from handlers.staff import is_oversight
from handlers.team_access import load_ticket


async def on_supervisor_button(ctx: Ctx, data: str) -> None:
    """sv:remind:<id> (催办: nudge the team again) and sv:reassign:<id> (改派: pick a team)."""
    parts = data.split(":")
    if len(parts) != 3 or not await is_oversight(ctx):
        ctx.refuse("supervisors_only_button" if len(parts) == 3 else "stale_button")
        return
    ticket = await load_ticket(ctx, parts[2])
    if ticket is None:
        return
    if not oversight_applies(ticket.status):
        ctx.toast("not_allowed_now", status=ticket_status(ticket, ctx.script_here, for_staff=True))
    elif parts[1] == "remind" and (last := await _nudged_lately(ctx, ticket)) is not None:
        # Two supervisors, or a second press: the team is not paged twice in a few minutes.
        who = await notify.name_of(ctx, last.actor_id)
        ctx.toast("sv_reminded_lately", number=ticket.label, at=local(ctx.cfg, last.at), who=who)
    elif parts[1] == "remind":
        await _nudge(
            ctx, ticket, _oversight_role(await roles_of(ctx.uow, ctx.cfg, ctx.user.id, ticket))
        )
    elif parts[1] == "reassign":
        await offer_teams(ctx, ticket)
    else:
        ctx.refuse("stale_button")


async def offer_teams(ctx: Ctx, ticket: Ticket) -> None:
    """改派's choices for `ticket`, one button a team (tk:rea): its line's other teams
    first, then the rest (`notify.teams_to_offer`: never the people a complaint is about)."""
    same_line = [tm for tm in ctx.cfg.teams_of_line(ticket.line) if tm.id != ticket.team_id]
    others = [tm for tm in ctx.cfg.teams if tm.line != ticket.line]
    offered = await notify.teams_to_offer(ctx, ticket, same_line + others)
    buttons = team_buttons(ctx, offered, f"tk:rea:{ticket.id}")
    ctx.reply(t("sv_choose_team", ctx.script_here, number=ticket.label), buttons)


async def _nudge(ctx: Ctx, ticket: Ticket, role: Role) -> None:
    """催办: page the team again (a supervisor's, or its leader's from the ladder's alert)
    with where the ticket stands now and the button of what it asks for."""
    await note_event(
        ctx.uow,
        ticket,
        "remind",
        actor_id=ctx.user.id,
        role=role,
        now=ctx.now,
        note="队长催办" if role is Role.LEADER else "督办催办",
    )
    # The alert may be hours old: the nudge says where the ticket stands now (accepted
    # since, or with another team on a fresh deadline), never "overdue" when it is not.
    key = "leader_remind_team" if role is Role.LEADER else "sv_remind_team"
    text = t(key, number=ticket.label, state=progress(ctx, ticket, Script.HANS))
    # A nudge pages as an urgent ticket does, and reaches whoever accepted it; with the
    # button of what it asks for, as the ladder's reminders have (the card may be far
    # up a busy chat), taken off as they are once it no longer applies. Not the leader
    # who pressed it.
    buttons, purpose = _nudge_button(ctx.cfg, ticket, leader=role is Role.LEADER)
    for target in await notify.ticket_targets(ctx, ticket, urgent=True):
        if target == ChatPlace(ctx.user.id):
            continue
        await ctx.enqueue(
            target,
            text,
            buttons=buttons,
            urgent=ticket.urgent,
            ticket_id=ticket.id,
            purpose=purpose,
            extra={"team": ticket.team_id} if buttons else None,
        )
    team = in_script(ctx.cfg.team(ticket.team_id).name, ctx.script_here)
    state = progress(ctx, ticket, ctx.script_here)
    ctx.toast("sv_reminded", number=ticket.label, team=team, state=state)


async def leaders_nudge(ctx: Ctx, ticket: Ticket) -> None:
    """tk:nudge:<id>, the 催办 on the ladder's alert to a team's leaders."""
    roles = await roles_of(ctx.uow, ctx.cfg, ctx.user.id, ticket)
    if Role.LEADER not in roles and not roles & {Role.SUPERVISOR, Role.ADMIN}:
        ctx.refuse("leaders_only_button")
    elif not oversight_applies(ticket.status):
        ctx.toast("not_allowed_now", status=ticket_status(ticket, ctx.script_here, for_staff=True))
    elif (last := await _nudged_lately(ctx, ticket)) is not None:
        who = await notify.name_of(ctx, last.actor_id)
        ctx.toast("sv_reminded_lately", number=ticket.label, at=local(ctx.cfg, last.at), who=who)
    else:
        await _nudge(ctx, ticket, Role.LEADER if Role.LEADER in roles else _oversight_role(roles))


def _oversight_role(roles: set[Role]) -> Role:
    """The role a 催办 above the team is recorded in: a supervisor's, else an admin's."""
    return Role.SUPERVISOR if Role.SUPERVISOR in roles else Role.ADMIN


def _nudge_button(
    cfg: Config, ticket: Ticket, *, leader: bool
) -> tuple[tuple[tuple[Button, ...], ...], str]:
    """The button a 催办 carries to the team, and the purpose it is kept under
    (`core.lifecycle.NUDGES`, a leader's apart, so that its news keeps its own words):
    接单 while nobody has it (at the triage desk, its card's 派给 and 转派: `core.triage`),
    办结 while someone works on it, as the card has them, also
    while the requester is asked (需补充); kept so that the page is told the news once its
    button no longer applies."""
    accept: tuple[tuple[Button, ...], ...] = ((Button(t("btn_accept"), f"tk:acc:{ticket.id}"),),)
    if ticket.accepted_by is None and at_triage(cfg, ticket):
        # The triage desk is urged to send it on, with its card's 派给 and 转派.
        sends = (Button(label, data) for label, data in dispatch_buttons(cfg, ticket))
        accept = rows(*sends, per_row=2)
    if ticket.status is Status.DISPATCHED:
        return accept, LEADER_NUDGE_ACCEPT if leader else ACCEPT_PROMPT
    waiting = ticket.status is Status.WAITING_REQUESTER
    if waiting and ticket.accepted_by is None:
        return accept, LEADER_NUDGE_WAITING_ACCEPT if leader else WAITING_ACCEPT_PROMPT
    if ticket.status in (Status.ACCEPTED, Status.ON_SITE) or waiting:
        purpose = LEADER_NUDGE_RESOLVE if leader else RESOLVE_PROMPT
        return ((Button(t("btn_resolve"), f"tk:res:{ticket.id}"),),), purpose
    return (), "remind"


def team_buttons(ctx: Ctx, teams: list[Team], prefix: str) -> tuple[tuple[Button, ...], ...]:
    """A button per team (`prefix`:<team id>), two a row, named in the chat's script."""
    script = ctx.script_here
    return rows(
        *(Button(in_script(tm.name, script), f"{prefix}:{tm.id}") for tm in teams), per_row=2
    )


NUDGE_GAP = timedelta(
    minutes=10
)  # a 催办 again (a supervisor's, a leader's) within this pages nobody


async def _nudged_lately(ctx: Ctx, ticket: Ticket) -> TicketEvent | None:
    """A supervisor's or a leader's 催办 of the ticket within `NUDGE_GAP`, if any."""
    assert ticket.id is not None
    for event in reversed(list(await ctx.uow.tickets.events(ticket.id))):
        if ctx.now - event.at >= NUDGE_GAP or event.action in _MOVES:
            return None  # long ago, or it has moved on since: another team, another phase
        if event.action == "remind" and event.actor_role in _NUDGERS:
            return event
    return None


# Whose 催办 keeps the team from being paged again within `NUDGE_GAP` (the ladder's own
# reminders are recorded as the system's).
_NUDGERS = (Role.SUPERVISOR, Role.ADMIN, Role.LEADER)


# What a nudge before it no longer covers: the ticket changed hands or phase.
_MOVES = frozenset(
    a.value
    for a in (Action.DISPATCH, Action.TRANSFER, Action.REASSIGN, Action.ACCEPT, Action.REOPEN)
)
