"""/duty: who of a team is on duty (paged for 110 calls at night), going on and off duty,
and a leader setting a member's; a call still waiting is handed on, not left unpaged."""

from __future__ import annotations

from core.enums import Role
from core.written import as_written, unwrapped
from handlers import notify
from handlers.context import Ctx
from handlers.duty_words import duty_word, say_unread
from handlers.team_examples import duty_example
from routing import to_simplified


async def duty(ctx: Ctx) -> None:
    args = ctx.msg.args
    # A place in a team the config no longer has (joined by invite) is no team to serve.
    mine = [
        m
        for m in await ctx.uow.memberships.of_user(ctx.user.id)
        if m.team_id and ctx.cfg.find_team(m.team_id) is not None
    ]
    if not mine:
        ctx.say("duty_teams_only")  # supervisors and admins keep no duty either
        return
    scope = await _duty_teams(ctx, {m.team_id for m in mine if m.team_id})
    rostered = {t for t in scope if ctx.cfg.team(t).duty_roster}
    if not rostered:
        names = "、".join(ctx.cfg.team(t).name for t in sorted(scope))
        ctx.say("duty_no_roster", team=names)
        return
    scope = rostered
    typed = args
    state = duty_word(args[-1]) if args else None
    first = duty_word(args[0]) if len(args) == 2 else None
    if first is not None and not await _members_named(ctx, scope, args[0]):
        # "/duty on on", "/duty 值班 on": the word said twice, not a member's name; two
        # that disagree ("/duty on off") say nothing to do.
        args = args[1:]
        state = state if first == state else None
    if len(args) > 2 or state is None:  # /duty alone, or words it cannot read
        if typed:
            # "/duty 赵队员", "/duty on 赵队员": a member named, the word missing after.
            named = len(typed) <= 2 and bool(await _members_named(ctx, scope, typed[-1]))
            say_unread(ctx, typed, names_member=named)
        await _say_roster(ctx, scope)
        return
    target = ctx.user.id
    if len(args) == 2:
        # A leader sets the duty of the teams they lead, not of one they are a member of.
        scope &= {m.team_id for m in mine if m.role is Role.LEADER and m.team_id}
        if not scope:
            ctx.say("duty_denied")
            return
        found = await _member_named(ctx, scope, args[0])
        if found is None:
            return
        target = found
    serving: set[str] = set()
    changed: set[str] = set()
    for team_id in scope:
        for member in await ctx.uow.memberships.of_team(team_id):
            if member.user_id == target and member.role in _ON_ROSTER:
                serving.add(team_id)
                if member.on_duty != state:
                    member.on_duty = state
                    changed.add(team_id)
    if not serving:
        ctx.say("duty_usage", example=await duty_example(ctx, sorted(scope)))
        return
    who = await notify.name_of(ctx, target)
    # Said twice, nothing changes: no page was handed on, and no card sent anew.
    ctx.say("duty_set" if changed else "duty_already", who=who, state="值班" if state else "下班")
    if state and not await notify.reachable(ctx, [target]):
        ctx.say("duty_unreachable", who=who)
    elif state and await notify.without_private_chat(ctx, [target]):
        ctx.say("duty_no_private_chat", who=who)
    # On duty said again still hands over a waiting call's card the member does not hold
    # (one that could not reach them while they had blocked the bot), saying nothing new.
    for team_id in sorted(serving if state else changed):
        if state:
            # Taking over the night shift with a call already waiting: its card is handed
            # to the member now, not left until the ladder's next reminder.
            # Said only of the calls whose card the member holds now: not their own barn's
            # call, which is paged to others (`notify.duty_pagers`).
            if await notify.reachable(ctx, [target]):
                calls = await notify.page_waiting_calls(ctx, team_id)
                theirs = sum(target in pagers for pagers in calls)
                if theirs and team_id in changed:
                    # Telegram delivers no private message to someone who never wrote to
                    # the bot: the card sent is not said to have reached them.
                    unopened = await notify.without_private_chat(ctx, [target])
                    key = "duty_calls_waiting_unopened" if unopened else "duty_calls_waiting"
                    ctx.say(key, count=theirs, who=who)
            continue
        # The morning handover: whoever goes off last should know who is paged now. A
        # member still on duty whom the bot cannot reach is paged no more than one off duty
        # (`notify.duty_pagers`), and leaders it cannot reach are not paged either.
        on_duty = [m.user_id for m in await ctx.uow.memberships.of_team(team_id) if m.on_duty]
        nobody_paged = False
        if not await notify.reachable(ctx, on_duty):
            nobody_paged = not await _say_leaders_paged(ctx, team_id)
        waiting = await notify.page_waiting_calls(ctx, team_id)
        if waiting:
            # A call still waiting for 接单 is not left with a page nobody holds now.
            key = "duty_calls_unpaged" if nobody_paged else "duty_calls_handed_on"
            ctx.say(key, count=len(waiting))


async def _say_roster(ctx: Ctx, teams: set[str]) -> None:
    """Who is on duty in each team, who is not (by the names /duty takes), and how to set it,
    marking whom the bot cannot reach; with nobody on duty it can reach, who is paged for a
    110 call instead: the leaders, or, when none of them can be reached either, nobody."""
    for team_id in sorted(teams):
        people = [m for m in await ctx.uow.memberships.of_team(team_id) if m.role in _ON_ROSTER]
        on_duty = [m.user_id for m in people if m.on_duty]
        on = await _duty_names(ctx, on_duty)
        off = await _duty_names(ctx, [m.user_id for m in people if not m.on_duty])
        team = ctx.cfg.team(team_id).name
        ctx.say(
            "duty_roster",
            team=team,
            names=on or "（无）",
            off=ctx.text("duty_off_list", names=off) if off else "",
        )
        if not await notify.reachable(ctx, on_duty):
            await _say_leaders_paged(ctx, team_id)
    ctx.say("duty_usage", example=await duty_example(ctx, sorted(teams)))


async def _say_leaders_paged(ctx: Ctx, team_id: str) -> bool:
    """With nobody on duty, whom a 110 call is paged to: the leaders, as `notify.duty_pagers`
    pages them, but a page to a leader who blocked the bot, or who never wrote to it
    privately, cannot arrive, which is said before a night's call depends on it. Whether
    any leader's page can arrive."""
    team = ctx.cfg.team(team_id).name
    paged = await notify.leaders(ctx, team_id)
    if not paged:
        ctx.say("duty_none_paged", team=team)
        return False
    unopened = await notify.without_private_chat(ctx, paged)
    names = "、".join([await notify.name_of(ctx, user_id) for user_id in unopened])
    if len(unopened) == len(paged):
        ctx.say("duty_leaders_no_private_chat", team=team, names=names)
        return False
    ctx.say("duty_none_left", team=team)
    if unopened:
        ctx.say("duty_some_leaders_no_private_chat", names=names)
    return True


_ON_ROSTER = (Role.MEMBER, Role.LEADER)


async def _member_named(ctx: Ctx, teams: set[str], typed: str) -> int | None:
    """The member of `teams` a leader named, by name (赵队员) or number; None, said why,
    when nobody or several people of the teams answer to it."""
    found = await _members_named(ctx, teams, typed)
    if len(found) == 1:
        return found[0]
    ctx.say("duty_which" if found else "duty_not_member", typed=as_written(typed[:20]))
    return None


async def _members_named(ctx: Ctx, teams: set[str], typed: str) -> list[int]:
    """The members of `teams` who answer to `typed`: their whole name, else a part of it,
    or their user id. The name the config gives them (`staff_names`) is theirs too, also
    once their own Telegram name shows on the roster."""
    people = {
        m.user_id
        for team_id in teams
        for m in await ctx.uow.memberships.of_team(team_id)
        if m.role in _ON_ROSTER
    }
    plain = to_simplified(typed.strip())
    if plain.isdecimal():
        found = [int(plain)] if int(plain) in people else []
    else:
        names = {
            uid: {
                to_simplified(name)
                for name in (unwrapped(await notify.name_of(ctx, uid)), ctx.cfg.staff_name(uid))
                if name
            }
            for uid in people
        }
        found = [uid for uid, theirs in names.items() if plain in theirs] or [
            uid for uid, theirs in names.items() if plain and any(plain in n for n in theirs)
        ]
    return found


async def rota_here(ctx: Ctx) -> bool:
    """Whether /duty has a rota to show here: a team's group whose team keeps one, or, in a
    group no team has yet (or a private chat), one of the asker's teams that does."""
    here: set[str] = set()
    if not ctx.msg.is_private:
        here = await notify.teams_here(ctx, [team.id for team in ctx.cfg.teams])
    if not here:
        here = {
            m.team_id
            for m in await ctx.uow.memberships.of_user(ctx.user.id)
            if m.team_id and ctx.cfg.find_team(m.team_id) is not None
        }
    return any(ctx.cfg.team(team_id).duty_roster for team_id in here)


async def _duty_teams(ctx: Ctx, teams: set[str]) -> set[str]:
    """The teams /duty is about: in a team's group only that team (a member of two teams
    going off duty in one group stays on duty in the other); elsewhere all of `teams`."""
    if ctx.msg.is_private:
        return teams
    here = await notify.teams_here(ctx, sorted(teams))
    return here or teams


async def _duty_names(ctx: Ctx, user_ids: list[int]) -> str:
    """Names on duty, marking those whose pages cannot arrive: they blocked the bot, or
    never wrote to it privately."""
    reachable = set(await notify.reachable(ctx, user_ids))
    unopened = set(await notify.without_private_chat(ctx, user_ids))
    names = []
    for user_id in user_ids:
        name = await notify.name_of(ctx, user_id)
        if user_id not in reachable:
            name = ctx.text("duty_name_unreachable", who=name)
        elif user_id in unopened:
            name = ctx.text("duty_name_no_private_chat", who=name)
        names.append(name)
    return "、".join(names)
