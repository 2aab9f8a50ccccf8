"""A 办结 note or a 需补充 question typed while the ticket left the member's team (the
leader's 转派, a supervisor's 改派): it can no longer resolve the ticket nor be asked of its
requester, but it is kept on the ticket, passed to the team that has it now (what was done,
or what the requester might still be asked), and the member told so."""

from __future__ import annotations

from core.complainant import staff_notes_hidden, team_keeps
from core.enums import Role, Status
from core.model import ChatPlace, Ticket
from core.services import may_work_on, note_event
from handlers import notify
from handlers.cards import MOVES
from handlers.context import Ctx
from handlers.i18n import t
from handlers.staff import teams_served
from handlers.tickets import attach

TEAM_NOTE = "team_note"  # the audit event: a note from a team the ticket has left


async def moved_from_their_team(ctx: Ctx, raw_id: object) -> tuple[Ticket, str] | None:
    """The prompt's ticket and the team of the member's it was sent on from, when it has
    left that team and still waits on another; None while the member may still act on it,
    or once nothing waits on it (withdrawn, resolved or closed)."""
    ticket = await ctx.uow.tickets.get(raw_id) if isinstance(raw_id, int) else None
    if ticket is None or ticket.id is None:
        return None
    if not ticket.status.is_open or ticket.status is Status.RESOLVED:
        return None  # withdrawn, resolved or closed since: no work waits for the note

    if await may_work_on(ctx.uow, ctx.cfg, ctx.user.id, ticket):
        return None
    teams = await teams_served(ctx)
    moves = [e for e in await ctx.uow.tickets.events(ticket.id) if e.action in MOVES]
    if not moves or moves[-1].data.get("from_team") not in teams:
        return None  # not sent on from the member's team: no note of theirs to pass on
    return ticket, str(moves[-1].data["from_team"])


# The prompts whose note is passed on, and what the new team and the member are told of it.
PASSED_ON = {
    "t_res": ("t_result_of_old_team", "t_result_kept_moved"),
    "t_ask": ("t_question_of_old_team", "t_question_kept_moved"),
}


async def keep_note(
    ctx: Ctx, flow: str, ticket: Ticket, from_team: str, note: str, files: list[list[str]]
) -> None:
    """The note (and its photos) kept on `ticket` as the old team's, sent to its team now,
    and the member told where it went. The requester hears nothing: nothing was resolved,
    and a question is the new team's to ask, should they still need its answer."""
    to_team, to_member = PASSED_ON[flow]
    await note_event(
        ctx.uow,
        ticket,
        TEAM_NOTE,
        actor_id=ctx.user.id,
        role=Role.MEMBER,
        now=ctx.now,
        note=note,
        data={"from_team": from_team},
    )
    name = await notify.name_of(ctx, ctx.user.id)
    old = ctx.cfg.team(from_team).name
    # The note may name the complainant (王小五您好，…) to a team the card withholds them
    # from: hidden as the staff's notes are (`core.complainant.staff_notes_hidden`).
    requester = await ctx.uow.users.get(ticket.requester_id)
    keeper = team_keeps(ctx.cfg, ticket.team_id)
    hide = staff_notes_hidden(ctx.cfg, ticket, requester, keeper=keeper)
    shown = note if hide is None else hide(note)
    text = t(to_team, number=ticket.label, team=old, name=name, note=shown)
    targets = await notify.team_targets(
        ctx, ticket.team_id, urgent=ticket.urgent, requester=ticket.requester_id
    )
    for target in targets:
        await ctx.enqueue(target, text, urgent=ticket.urgent, ticket_id=ticket.id)
    await files_to(ctx, ticket, targets, files)  # after the note, in each chat
    for kind, file_id in files:
        await attach(ctx, ticket, kind, file_id, caption=note)
    team = ctx.cfg.team(ticket.team_id).name
    ctx.say(to_member, number=ticket.label, team=team, note=note)


async def files_to(
    ctx: Ctx, ticket: Ticket, targets: list[ChatPlace], files: list[list[str]]
) -> None:
    """A note's photos and voice notes forwarded to each of a team's `targets`."""
    for target in targets:
        for kind, file_id in files:
            await notify.forward(ctx, target, ticket, notify.FILE_METHODS[kind], file_id=file_id)
