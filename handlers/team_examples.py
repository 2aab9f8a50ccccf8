"""The examples a team's /help and usage replies give, of that team and its people: a
leader reading "/duty 赵队员 on" in a group where nobody is called 赵队员 (or "/bindteam
curing-qingshan" in another team's group) would copy a name or an id that is not theirs."""

from __future__ import annotations

from core.enums import Role
from core.texts import is_named
from core.written import as_written
from handlers import notify
from handlers.context import Ctx
from handlers.staff import teams_served


async def teams_meant(ctx: Ctx) -> list[str]:
    """The teams an example is of: the group's own; in a group no team has (or a private
    chat), those the asker leads, else those they serve in; config order."""
    ids = [team.id for team in ctx.cfg.teams]
    here = set() if ctx.msg.is_private else await notify.teams_here(ctx, ids)
    if not here:
        here = await teams_served(ctx, leading=True) or await teams_served(ctx)
    return [team_id for team_id in ids if team_id in here]


async def duty_example(ctx: Ctx, teams: list[str]) -> str:
    """「（如 /duty 某某 on）」 naming a member of `teams` by the name /duty takes (not the
    asker, who sets their own with /duty on) in a team that keeps a rota; "" when none of
    them has a name yet."""
    for team_id in (t for t in teams if ctx.cfg.team(t).duty_roster):
        for member in await ctx.uow.memberships.of_team(team_id):
            if member.role is not Role.MEMBER or member.user_id == ctx.user.id:
                continue
            user = await ctx.uow.users.get(member.user_id)
            if user is not None and is_named(user):
                return ctx.text("duty_example", name=as_written(user.name.strip()))
    return ""


async def bind_example(ctx: Ctx) -> str:
    """「（如 /bindteam 本队ID）」 with the id of the team meant; "" when there is none."""
    teams = await teams_meant(ctx)
    return ctx.text("bind_example", team_id=teams[0]) if teams else ""
