"""Commands for teams and supervisors (/bindteam, /duty, /queue, /ticket, /reassign,
/stats, /ledger), and what happens in a team's group chat."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from core import sla
from core.complainant import keeper_teams, shown_requester
from core.config import Team
from core.enums import Action, Kind, Role, Script
from core.errors import ConcurrentUpdate, IllegalTransition
from core.lifecycle import oversight_applies
from core.model import TeamChat, Ticket
from core.numbers import parse_public_number
from core.overdue_news import in_time
from core.services import perform, roles_of
from core.texts import lateness, one_line
from handlers import notify, takeover
from handlers.cards import TAKE_OVER, card_buttons, oversight_buttons, ticket_status
from handlers.context import Ctx
from handlers.i18n import buttons_in_script, in_script, t
from handlers.mine import show
from handlers.replies import Button, rows
from handlers.report_hints import shorter_periods
from handlers.staff import is_oversight, teams_served
from handlers.team import on_button
from handlers.team_access import tell_requester
from handlers.team_notes import FLOWS, Step
from handlers.team_nudges import on_supervisor_button
from handlers.tickets import filed_anew
from routing import bare, to_simplified

# The buttons staff press, in a team chat or in their own: the team's card buttons, the
# supervisors' 催办/改派, the oversight team's 接管.
_STAFF_BUTTONS: dict[str, Callable[[Ctx, str], Awaitable[None]]] = {
    "tk:": on_button,
    "sv:": on_supervisor_button,
    TAKE_OVER: takeover.on_button,
}


async def staff_button(ctx: Ctx, data: str) -> bool:
    """Run the staff button `data` names; False when it names none."""
    for prefix, step in _STAFF_BUTTONS.items():
        if data.startswith(prefix):
            await step(ctx, data)
            return True
    return False


async def in_group(ctx: Ctx) -> None:
    """In a team chat: card buttons, team commands and the notes members type after a button."""
    msg = ctx.msg
    if msg.is_button:
        if not await staff_button(ctx, msg.callback_data or ""):
            ctx.toast("stale_button")
    elif msg.command in COMMANDS:
        await COMMANDS[msg.command](ctx)
    elif msg.command == "cancel" and ctx.conv is not None:
        await ctx.end_flow()
        ctx.say("cancelled")
    elif msg.command == "cancel":
        # The prompt ended already (another press or command, or its time was up).
        ctx.say("nothing_to_cancel")
    elif ctx.conv is not None and ctx.conv.flow in FLOWS:
        if msg.text or msg.photo_file_id or msg.voice_file_id:
            await FLOWS[ctx.conv.flow](ctx)
        elif msg.unsupported or msg.location:
            ctx.say("t_note_expected")  # a sticker or a pin is no note; say what is wanted
    # Anything else said in a group is people talking to each other: stay quiet.


async def _bindteam(ctx: Ctx) -> None:
    if not ctx.msg.args or ctx.msg.is_private:
        ctx.say("bind_usage")
        return
    typed = ctx.msg.args[0]
    leads = await teams_served(ctx, leading=True)
    led = [team for team in ctx.cfg.teams if team.id in leads]
    team = _team_named(ctx, typed)
    if team is None:
        # A team id mistyped: the ids to choose from, the teams they lead first of all.
        choices = led if led and ctx.user.id not in ctx.cfg.admins else ctx.cfg.teams
        ids = "、".join(f"{tm.id}（{in_script(tm.name, ctx.script)}）" for tm in choices)
        ctx.say("bind_no_team", typed=typed[:30], teams=ids)
        return
    if not (team in led or ctx.user.id in ctx.cfg.admins):
        ctx.say("bind_denied")
        return
    binding = TeamChat(team.id, ctx.msg.chat_id, ctx.user.id, ctx.now, ctx.msg.topic)
    await ctx.uow.team_chats.bind(binding)
    ctx.say("bind_done_topic" if ctx.msg.topic is not None else "bind_done", team=team.name)


async def _teams_in_view(ctx: Ctx) -> set[str] | None:
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


def _in_view(ctx: Ctx, ticket: Ticket, teams: set[str] | None) -> bool:
    """May the ticket be looked at here? Its team's, or a supervisor's any; and every
    complaint is the oversight team's (作风监督) to look at, as it is copied each one."""
    if teams is None or ticket.team_id in teams:
        return True
    line = ctx.cfg.oversight_line()
    if line is None or ticket.kind is not Kind.COMPLAINT:
        return False
    return ctx.cfg.default_team(line.id).id in teams


async def _refuse_view(ctx: Ctx) -> None:
    """Nothing here for them to see. In a group, staff (a member of another team, a
    supervisor in a group of no team) are sent to their private chat; someone in no team is
    not sent there to be refused again."""
    staff = await is_oversight(ctx) or bool(await ctx.uow.memberships.of_user(ctx.user.id))
    ctx.say("view_in_private" if staff and not ctx.msg.is_private else "staff_only")


async def _queue(ctx: Ctx) -> None:
    """Open tickets: a supervisor's all of them, a member's or leader's their teams'."""
    teams = await _teams_in_view(ctx)
    if teams is not None and not teams:
        await _refuse_view(ctx)
        return
    open_tickets = [t for t in await ctx.uow.tickets.open_tickets() if _in_view(ctx, t, teams)]
    if not open_tickets:
        ctx.say("queue_empty")
        return
    lines: list[str] = []
    # Teams in the config's order, as /stats and the digest list them.
    order = {team.id: i for i, team in enumerate(ctx.cfg.teams)}
    ranked = sorted(open_tickets, key=lambda x: (order.get(x.team_id, len(order)), x.created_at))
    for ticket in ranked:
        flag = "🚨" if ticket.urgent else ""
        # The requester's words too, as /ticket shows them: one script in one reply.
        team, words = ctx.cfg.team(ticket.team_id).name, one_line(ticket.text, 20)
        status = ticket_status(ticket, ctx.script, for_staff=True) + await _taker(ctx, ticket)
        lines.append(
            f"{in_script(team, ctx.script)}｜{flag}{ticket.label}｜{status}{_late(ctx, ticket)}"
            f"｜{in_script(words, ctx.script)}"
        )
    shown = lines[:QUEUE_LINES]
    if len(lines) > len(shown):
        # Cut, and said so: a supervisor must not take 60 lines for the whole queue.
        shown.append(t("queue_more", ctx.script, more=len(lines) - len(shown), total=len(lines)))
    ctx.reply("\n".join(shown))


QUEUE_LINES = 60  # /queue lists this many open tickets, then says how many more there are


async def _taker(ctx: Ctx, ticket: Ticket) -> str:
    """ "（赵队员）" after the status of a ticket someone has taken: who to ask about it, and
    which of the team's tickets are nobody's yet."""
    if ticket.worked_on_by is None:
        return ""
    return f"（{await notify.name_of(ctx, ticket.worked_on_by)}）"


def _late(ctx: Ctx, ticket: Ticket) -> str:
    """ "｜⏰超时2天3小时" for a ticket past the deadline of its phase (to accept, or to
    resolve), so that the oldest trouble stands out of a long queue."""
    deadline = sla.phase_deadline(ticket)
    if deadline is None or in_time(deadline, ctx.now):
        return ""  # not "超时0分钟" in the first minute past it
    late = lateness(sla.calendar_for(ctx.cfg, ticket), deadline, ctx.now)
    return in_script(f"｜⏰超时{late}", ctx.script)


async def _ticket(ctx: Ctx) -> None:
    """One ticket's detail and timeline: a supervisor's any, a member's their teams'."""
    teams = await _teams_in_view(ctx)
    if teams is not None and not teams:
        await _refuse_view(ctx)
        return
    if not ctx.msg.args:
        ctx.say("ticket_usage")
        return
    typed = ctx.msg.args[0]
    if not any(ch.isdigit() for ch in typed):
        ctx.say("ticket_usage")
        return
    if parse_public_number(typed) is None:
        # The number's last digit is a check digit: a typo shows here, not as "not found".
        ctx.say("number_mistyped", number=typed[:20])
        return
    ticket = await ctx.uow.tickets.by_number(typed)
    if ticket is None or not _in_view(ctx, ticket, teams):
        ctx.say("not_your_ticket")
        return
    if ticket.requester_id != ctx.user.id:
        # Whom to call and, for a retailer, which shop: the card says it, and a card far up
        # a busy chat, or one the member never saw, is what /ticket stands in for.
        # A complaint's complainant is named only to the oversight team and the
        # supervisors (`core.complainant`), and an anonymous one to nobody.
        requester = await ctx.uow.users.get(ticket.requester_id)
        keeper = teams is None or bool(teams & keeper_teams(ctx.cfg))
        lines = shown_requester(ctx.cfg, ticket, requester, keeper=keeper)
        ctx.reply(in_script("\n".join(lines), ctx.script))
    await show(ctx, ticket, await _card_buttons_for(ctx, ticket))


async def _card_buttons_for(ctx: Ctx, ticket: Ticket) -> tuple[tuple[Button, ...], ...]:
    """The card's buttons for one who works the ticket's team, or took it: a card far up a
    busy chat, or in a group the team has left, is acted on from /ticket; none on one's own
    request (`own_request`). A supervisor's are theirs: 催办 and 改派, while they apply;
    one who took the call (由我接单) has the card's while they work on it."""
    roles = await roles_of(ctx.uow, ctx.cfg, ctx.user.id, ticket)
    # Whoever took it works it with the card's buttons, a supervisor who took the call too.
    taker = ticket.worked_on_by == ctx.user.id
    if not taker and not roles & {Role.MEMBER, Role.LEADER}:
        if not roles & {Role.SUPERVISOR, Role.ADMIN} or not oversight_applies(ticket.status):
            return ()
        return buttons_in_script(rows(*oversight_buttons(ticket)), ctx.script)
    if ticket.requester_id == ctx.user.id:
        return ()
    if await notify.another_teams_chat(ctx, ticket):
        return ()
    return buttons_in_script(card_buttons(ctx.cfg, ticket), ctx.script_here)


async def _reassign(ctx: Ctx) -> None:
    args = ctx.msg.args
    if not await is_oversight(ctx):
        ctx.say("supervisors_only")
        return
    if len(args) != 2 or not any(ch.isdigit() for ch in args[0]):
        ctx.say("reassign_usage")
        return
    if parse_public_number(args[0]) is None:
        ctx.say("number_mistyped", number=args[0][:20])  # a typo, told as one
        return
    ticket = await ctx.uow.tickets.by_number(args[0])
    if ticket is None:
        ctx.say("not_your_ticket")
        return
    to_team = _team_named(ctx, args[1])
    if to_team is None:
        names = "、".join(in_script(team.name, ctx.script) for team in _teams_like(ctx, args[1]))
        ctx.say("reassign_which_team", typed=args[1][:30], teams=names)
        return
    if to_team.id == ticket.team_id:
        ctx.say("reassign_same", number=ticket.label, team=in_script(to_team.name, ctx.script))
        return
    from_team, taker = ticket.team_id, ticket.accepted_by
    try:
        await perform(
            ctx.uow,
            ctx.cfg,
            ticket,
            Action.REASSIGN,
            actor_id=ctx.user.id,
            now=ctx.now,
            to_team=to_team.id,
        )
        await filed_anew(ctx, ticket)
    except (IllegalTransition, ConcurrentUpdate):
        ctx.say("not_allowed_now", status=ticket_status(ticket, ctx.script, for_staff=True))
        return
    # Every old copy shows where it went, without buttons: the new card is the live one.
    await notify.update_cards(ctx, ticket, reposting=True)
    await notify.post_card(ctx, ticket, with_history=True)
    await notify.moved_away(ctx, ticket, from_team, taker)
    await tell_requester(ctx, ticket, "n_transferred", team=to_team.name)
    ctx.say("reassigned", number=ticket.label, team=in_script(to_team.name, ctx.script))


def _team_named(ctx: Ctx, typed: str) -> Team | None:
    """A team by its id (curing-qingshan) or its name, whole or in part (白石乡烘烤110)."""
    found = ctx.cfg.find_team(typed)
    if found is not None:
        return found
    named = _teams_like(ctx, typed)
    return named[0] if len(named) == 1 else None


def _teams_like(ctx: Ctx, typed: str) -> list[Team]:
    """The teams whose name holds what was typed; every team when none does (what to
    choose from)."""
    plain = bare(typed)
    named = [team for team in ctx.cfg.teams if plain and plain in bare(team.name)]
    return named or list(ctx.cfg.teams)


async def _help(ctx: Ctx) -> None:
    """What the asker may use here: a member's commands; and a leader's (/duty for others,
    /stats of their team, /bindteam), or a supervisor's (/stats, /ledger, /reassign)."""
    parts = [ctx.text("t_help")]
    if await is_oversight(ctx):
        parts.append(ctx.text("t_help_supervisor"))
    elif await _leads_here(ctx):
        parts.append(ctx.text("t_help_leader"))
    ctx.reply("\n".join(parts))


async def _leads_here(ctx: Ctx) -> bool:
    """Whether the asker leads this group's team, or leads a team and the group is no
    team's yet (theirs to bind)."""
    if await _led_here(ctx):
        return True
    led = any(m.role is Role.LEADER for m in await ctx.uow.memberships.of_user(ctx.user.id))
    return led and not await notify.teams_here(ctx, [team.id for team in ctx.cfg.teams])


async def private_only(ctx: Ctx) -> None:
    """A requester's command (/my, /110, /start...) typed in a team's group: it is used in
    the private chat with the bot, which the answer links to."""
    name = ctx.svc.bot_username
    where = ctx.text("private_link", link=f"https://t.me/{name}") if name else ""
    ctx.say("private_only", command=(ctx.msg.command or "")[:32], where=where)


async def _duty(ctx: Ctx) -> None:
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
    state = _duty_word(args[-1]) if args else None
    first = _duty_word(args[0]) if len(args) == 2 else None
    if first is not None and not await _members_named(ctx, scope, args[0]):
        # "/duty on on", "/duty 值班 on": the word said twice, not a member's name; two
        # that disagree ("/duty on off") say nothing to do.
        args = args[1:]
        state = state if first == state else None
    if len(args) > 2 or state is None:  # /duty alone, or words it cannot read
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
    changed: set[str] = set()
    for team_id in scope:
        for member in await ctx.uow.memberships.of_team(team_id):
            if member.user_id == target and member.role in _ON_ROSTER:
                member.on_duty = state
                changed.add(team_id)
    if not changed:
        ctx.say("duty_usage")
        return
    who = await notify.name_of(ctx, target)
    ctx.say("duty_set", who=who, state="值班" if state else "下班")
    if state and not await notify.reachable(ctx, [target]):
        ctx.say("duty_unreachable", who=who)
    for team_id in sorted(changed):
        if state:
            # Taking over the night shift with a call already waiting: its card is handed
            # to the member now, not left until the ladder's next reminder.
            # Said only of the calls whose card the member holds now: not their own barn's
            # call, which is paged to others (`notify.duty_pagers`).
            if await notify.reachable(ctx, [target]):
                calls = await notify.page_waiting_calls(ctx, team_id)
                theirs = sum(target in pagers for pagers in calls)
                if theirs:
                    ctx.say("duty_calls_waiting", count=theirs, who=who)
            continue
        if not any(m.on_duty for m in await ctx.uow.memberships.of_team(team_id)):
            # The morning handover: whoever goes off last should know who is paged now.
            ctx.say("duty_none_left", team=ctx.cfg.team(team_id).name)
        waiting = await notify.page_waiting_calls(ctx, team_id)
        if waiting:
            # A call still waiting for 接单 is not left with a page nobody holds now.
            ctx.say("duty_calls_handed_on", count=len(waiting))


# What /duty's last word may be: on duty, or off.
_DUTY_WORDS = {
    **dict.fromkeys(("on", "值班", "上班", "在岗", "开"), True),
    **dict.fromkeys(("off", "下班", "休息", "不值班", "关"), False),
}


def _duty_word(word: str) -> bool | None:
    return _DUTY_WORDS.get(bare(to_simplified(word)).lower())


async def _say_roster(ctx: Ctx, teams: set[str]) -> None:
    """Who is on duty in each team, who is not (by the names /duty takes), and how to set it."""
    for team_id in sorted(teams):
        people = [m for m in await ctx.uow.memberships.of_team(team_id) if m.role in _ON_ROSTER]
        on = await _duty_names(ctx, [m.user_id for m in people if m.on_duty])
        off = "、".join([await notify.name_of(ctx, m.user_id) for m in people if not m.on_duty])
        ctx.say(
            "duty_roster",
            team=ctx.cfg.team(team_id).name,
            names=on or "（无）",
            off=ctx.text("duty_off_list", names=off) if off else "",
        )
    ctx.say("duty_usage")


_ON_ROSTER = (Role.MEMBER, Role.LEADER)


async def _member_named(ctx: Ctx, teams: set[str], typed: str) -> int | None:
    """The member of `teams` a leader named, by name (赵队员) or number; None, said why,
    when nobody or several people of the teams answer to it."""
    found = await _members_named(ctx, teams, typed)
    if len(found) == 1:
        return found[0]
    ctx.say("duty_which" if found else "duty_not_member", typed=typed[:20])
    return None


async def _members_named(ctx: Ctx, teams: set[str], typed: str) -> list[int]:
    """The members of `teams` who answer to `typed`: their whole name, else a part of it,
    or their user id."""
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
        names = {uid: to_simplified(await notify.name_of(ctx, uid)) for uid in people}
        found = [uid for uid, name in names.items() if name == plain] or [
            uid for uid, name in names.items() if plain and plain in name
        ]
    return found


async def _duty_teams(ctx: Ctx, teams: set[str]) -> set[str]:
    """The teams /duty is about: in a team's group only that team (a member of two teams
    going off duty in one group stays on duty in the other); elsewhere all of `teams`."""
    if ctx.msg.is_private:
        return teams
    here = await notify.teams_here(ctx, sorted(teams))
    return here or teams


async def _duty_names(ctx: Ctx, user_ids: list[int]) -> str:
    """Names on duty, marking those whose pages cannot arrive (they blocked the bot)."""
    reachable = set(await notify.reachable(ctx, user_ids))
    names = []
    for user_id in user_ids:
        name = await notify.name_of(ctx, user_id)
        names.append(name if user_id in reachable else ctx.text("duty_name_unreachable", who=name))
    return "、".join(names)


async def _report(ctx: Ctx, which: str) -> None:
    """/stats [period] and /ledger [period], for supervisors; a leader's /stats, of the
    teams they lead (in a team's group, of that team)."""
    teams: frozenset[str] | None = None
    if not await is_oversight(ctx):
        teams = frozenset(await _led_here(ctx))
        if not teams or which != "stats":
            ctx.say("leader_stats_only" if teams else "supervisors_only")
            return
    maker = ctx.svc.reports
    if maker is None:
        ctx.say("reports_off")
        return
    period = " ".join(ctx.msg.args)
    keeper = which == "ledger" and await _complainants_readable_here(ctx)

    async def build() -> None:
        try:
            if which == "stats":
                text, chart = await maker.stats(period, ctx.now, _document_script(ctx), teams)
                ctx.reply(in_script(text, ctx.script))
                if chart:
                    ctx.attach("", photo=chart, too_big=ctx.text("chart_too_big"))
            else:
                name, content = await maker.ledger(
                    period, ctx.now, _document_script(ctx), keeper=keeper
                )
                caption = ctx.text("ledger_caption", name=name)
                # A whole season's workbook may pass Telegram's limit: a shorter period won't.
                too_big = ctx.text("ledger_too_big") + shorter_periods(name, ctx.script)
                ctx.attach(caption, document=(name, content), too_big=too_big)
        except ValueError as exc:
            ctx.reply(in_script(str(exc), ctx.script))

    # Built after the step commits, so that reading the whole ledger holds no write lock.
    ctx.later.append(build)


async def _complainants_readable_here(ctx: Ctx) -> bool:
    """Whether a supervisor's ledger may name complainants here: in their own chat or a
    keeper team's (作风监督's, the triage desk's), as their /ticket does; posted in another
    team's group it is that team's copy, which may be about its own people."""
    view = await _teams_in_view(ctx)
    return view is None or bool(view & keeper_teams(ctx.cfg))


async def _led_here(ctx: Ctx) -> set[str]:
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


def _document_script(ctx: Ctx) -> Script:
    """The script of a chart or file the desk sends: the reader's own in a private chat.
    Posted in a group it is everyone's copy, kept and forwarded as the bureau's record, so
    it is in the bureau's working script, Simplified, whoever asked for it (the reply text
    around it still answers the asker in theirs)."""
    return ctx.script_here


async def _stats(ctx: Ctx) -> None:
    await _report(ctx, "stats")


async def _ledger(ctx: Ctx) -> None:
    await _report(ctx, "ledger")


COMMANDS: dict[str, Step] = {
    "help": _help,
    "stats": _stats,
    "ledger": _ledger,
    "bindteam": _bindteam,
    "queue": _queue,
    "ticket": _ticket,
    "reassign": _reassign,
    "duty": _duty,
}
