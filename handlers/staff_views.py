"""Which teams' tickets a staff member may look at where they ask (/queue, /ticket, /ledger),
and which teams they lead there."""

from __future__ import annotations

from core.enums import Kind, Role
from core.model import Ticket
from handlers import notify
from handlers.context import Ctx
from handlers.staff import is_oversight


async def teams_in_view(ctx: Ctx) -> set[str] | None:
    """The teams whose tickets the user may look at here: None for all (a supervisor in a
    private chat), their own teams for members and leaders, none for anyone else. In a
    group, only the team whose chat it is: the others' requesters are not its business."""
    allowed: set[str] | None = None
    if not await is_oversight(ctx):
        memberships = await ctx.uow.memberships.of_user(ctx.user.id)
        allowed = {m.team_id for m in memberships if m.team_id is not None}
    if ctx.msg.is_private:
        return allowed
    here = await notify.teams_here(ctx, [t.id for t in ctx.cfg.teams])
    return here if allowed is None else here & allowed


async def seen_in_private(ctx: Ctx, ticket: Ticket) -> bool:
    """Whether the asker may look at the ticket in their private chat with the bot, where
    a group's limit to its own team does not hold."""
    if await is_oversight(ctx):
        return True
    memberships = await ctx.uow.memberships.of_user(ctx.user.id)
    return in_view(ctx, ticket, {m.team_id for m in memberships if m.team_id is not None})


def in_view(ctx: Ctx, ticket: Ticket, teams: set[str] | None) -> bool:
    """May the ticket be looked at here? Its team's, or a supervisor's any; and every
    complaint is the oversight team's (作风监督) to look at, as it is copied each one."""
    if teams is None or ticket.team_id in teams:
        return True
    line = ctx.cfg.oversight_line()
    if line is None or ticket.kind is not Kind.COMPLAINT:
        return False
    return ctx.cfg.default_team(line.id).id in teams


async def refuse_view(ctx: Ctx) -> None:
    """Nothing here for them to see. In a group, staff (a member of another team, a
    supervisor in a group of no team) are sent to their private chat; someone in no team is
    not sent there to be refused again."""
    staff = await is_oversight(ctx) or bool(await ctx.uow.memberships.of_user(ctx.user.id))
    ctx.say("view_in_private" if staff and not ctx.msg.is_private else "staff_only")


async def led_here(ctx: Ctx) -> set[str]:
    """The teams the person leads that the config still has: in a team's group, only the
    group's team (none when they do not lead it)."""
    led = {
        m.team_id
        for m in await ctx.uow.memberships.of_user(ctx.user.id)
        if m.role is Role.LEADER and m.team_id and ctx.cfg.find_team(m.team_id) is not None
    }
    if ctx.msg.is_private or not led:
        return led
    return await notify.teams_here(ctx, sorted(led))
