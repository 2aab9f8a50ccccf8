"""Staff invites: one-time, expiring deep links that make someone a member, leader or supervisor."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from datetime import datetime, timedelta

from core.config import Config, Team
from core.enums import Role
from core.errors import InvalidInput, NotFound
from core.model import Invite, Membership, User
from core.ports import UnitOfWork
from handlers.command_menu import send_own_menu
from handlers.context import Ctx, Offstage
from handlers.i18n import in_script
from handlers.notify import hand_on_pages

INVITE_TTL = timedelta(days=7)
INVITE_ROLES = (Role.MEMBER, Role.LEADER, Role.SUPERVISOR)


async def create_invite(
    uow: UnitOfWork,
    *,
    team_id: str | None,
    role: Role,
    now: datetime,
    created_by: int | None = None,
    ttl: timedelta = INVITE_TTL,
) -> Invite:
    if role not in INVITE_ROLES:
        raise InvalidInput(f"role must be one of {', '.join(r.value for r in INVITE_ROLES)}")
    if role is not Role.SUPERVISOR and team_id is None:
        raise NotFound("a member or leader invite needs a team")
    invite = Invite(
        token=secrets.token_urlsafe(12),
        role=role,
        created_at=now,
        expires_at=now + ttl,
        team_id=team_id if role is not Role.SUPERVISOR else None,
        created_by=created_by,
    )
    await uow.invites.add(invite)
    return invite


async def join_with_invite(ctx: Ctx, token: str) -> None:
    invite = await ctx.uow.invites.get(token, for_update=True)
    team = ctx.cfg.find_team(invite.team_id) if invite and invite.team_id else None
    if invite is not None and invite.role is not Role.SUPERVISOR and team is None:
        # Renamed or removed since the link was made (links live up to a year): a place
        # there would do nothing, so none is given and the link stays unused.
        ctx.say("join_team_gone")
        return
    if invite is not None and invite.used_by == ctx.user.id and await _holds(ctx, invite):
        # Their own link tapped again in the chat history: they are in, nothing to ask for.
        _say_joined(ctx, invite, team, again=True)
        return
    if invite is None or invite.used_at is not None or invite.expires_at <= ctx.now:
        ctx.say("join_bad")
        return
    invite.used_by, invite.used_at = ctx.user.id, ctx.now
    if not await _holds(ctx, invite):
        await ctx.uow.memberships.add(
            Membership(
                user_id=ctx.user.id, role=invite.role, created_at=ctx.now, team_id=invite.team_id
            )
        )
    _say_joined(ctx, invite, team, again=False)
    if invite.role is Role.SUPERVISOR:
        await send_own_menu(ctx, overseer=True)  # /stats, /ledger... in the menu from today


async def _holds(ctx: Ctx, invite: Invite) -> bool:
    """Whether the person holds the place the invite gave (an admin may have taken it)."""
    return any(
        m.team_id == invite.team_id and m.role is invite.role
        for m in await ctx.uow.memberships.of_user(ctx.user.id)
    )


def _say_joined(ctx: Ctx, invite: Invite, team: Team | None, *, again: bool) -> None:
    """`team`: the invite's, which a member's or leader's invite has in the config."""
    if team is None:
        ctx.say("join_again_supervisor" if again else "join_ok_supervisor")
        return
    ctx.say(
        "join_again" if again else "join_ok",
        team=in_script(team.name, ctx.script_here),
        role=ctx.text(f"role_{invite.role.value}"),
    )


async def seed_memberships(uow: UnitOfWork, cfg: Config, now: datetime) -> tuple[int, int]:
    """Make the memberships match the config's leaders and members (idempotent), so duty
    rosters and permission checks see everyone the bureau lists, and nobody it no longer
    does: someone taken out of a team's list (or whose team is gone) loses that place at
    the next start. Places given by an invite are not the config's to take away, also when
    the config listed them as well for a while. A call waiting for 接单 whose page an
    on-duty member so removed held is paged to whoever is paged now. Returns (added, removed)."""
    await uow.memberships.lock_for_config()  # processes starting together take turns
    listed = set(_config_places(cfg))
    removed: list[Membership] = []
    for membership in await uow.memberships.from_config():
        key = (membership.user_id, membership.team_id, membership.role)
        if key in listed:
            continue
        if await _joined_by_invite(uow, membership) and cfg.find_team(key[1] or "") is not None:
            membership.from_config = False  # the invite's place again, no longer the config's
            continue
        await uow.memberships.remove(membership)
        removed.append(membership)
    # In a few statements, whatever the bureau's size: every process start and every
    # test of the handlers begins here.
    existing = {(m.user_id, m.team_id, m.role): m for m in await uow.memberships.everyone()}
    known = await uow.users.known(sorted({user_id for user_id, _, _ in listed}))
    people: list[User] = []
    added: list[Membership] = []
    for user_id, team_id, role in _config_places(cfg):
        found = existing.get((user_id, team_id, role))
        if found is not None:
            found.from_config = True  # listed now, whatever made it first
            continue
        if user_id not in known:
            people.append(User(id=user_id, created_at=now))
            known.add(user_id)
        place = Membership(user_id, role, now, team_id=team_id, from_config=True)
        existing[user_id, team_id, role] = place  # listed twice, placed once
        added.append(place)
    await uow.users.add_all(people)
    await _name_staff(uow, cfg, now)
    await uow.memberships.add_all(added)
    # Last, so that a leader the config lists from now on is among those paged.
    await hand_on_pages(Offstage(cfg, uow, now), removed)
    return len(added), len(removed)


async def _name_staff(uow: UnitOfWork, cfg: Config, now: datetime) -> None:
    """Give the people `staff_names` names the name, while they have none of their own: a
    member who never wrote to the bot is 赵队员 on the roster, to /duty 赵队员 on and on a
    card, not 用户#200001, and the name the config gives them now, renamed or not. Their
    own Telegram name takes its place when they write (`desk`); a name of their own is
    never overwritten, also not by a changed config."""
    names = {uid: cfg.staff_name(uid) for uid in cfg.staff_names if cfg.staff_name(uid)}
    for user in await uow.users.without_own_name(sorted(names)):
        user.name = names[user.id]
    # A supervisor or admin the config names is no member of anything: stored now, named.
    known = await uow.users.known(sorted(names))
    await uow.users.add_all(
        [User(id=uid, created_at=now, name=name) for uid, name in names.items() if uid not in known]
    )


def _config_places(cfg: Config) -> Iterator[tuple[int, str, Role]]:
    """(user, team, role) for every leader and member the config lists."""
    for team in cfg.teams:
        for role, people in ((Role.LEADER, team.leaders), (Role.MEMBER, team.members)):
            for user_id in people:
                yield user_id, team.id, role


async def _joined_by_invite(uow: UnitOfWork, membership: Membership) -> bool:
    """Whether the person used an invite to this very place (team and role)."""
    return any(
        invite.team_id == membership.team_id and invite.role is membership.role
        for invite in await uow.invites.used_by(membership.user_id)
    )


async def serves_a_team(ctx: Ctx) -> bool:
    """A member or leader of any team, by the config or by an invite."""
    return bool(await teams_served(ctx))


async def teams_served(ctx: Ctx, *, leading: bool = False) -> set[str]:
    """The teams the person is a member or leader of (`leading`: leads), by the config or
    by an invite (a team the config no longer has included)."""
    uid = ctx.user.id
    teams = {
        team.id
        for team in ctx.cfg.teams
        if uid in team.leaders or (not leading and uid in team.members)
    }
    teams |= {
        m.team_id
        for m in await ctx.uow.memberships.of_user(uid)
        if m.team_id and (not leading or m.role is Role.LEADER)
    }
    return teams


async def is_oversight(ctx: Ctx) -> bool:
    """A supervisor or admin, by the config or by an invite."""
    if ctx.user.id in ctx.cfg.supervisors or ctx.user.id in ctx.cfg.admins:
        return True
    return any(
        m.role in (Role.SUPERVISOR, Role.ADMIN)
        for m in await ctx.uow.memberships.of_user(ctx.user.id)
    )


async def is_bureau_staff(ctx: Ctx) -> bool:
    """Someone the bureau already knows as its staff: no need to ask what they are."""
    return await is_oversight(ctx) or await serves_a_team(ctx)
