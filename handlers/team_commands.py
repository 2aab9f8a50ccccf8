"""Commands for teams and supervisors (/bindteam, /queue, /ticket, /reassign; /duty in
`handlers.duty`, /stats and /ledger in `handlers.report_commands`), and what happens in a
team's group chat."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from core import sla
from core.complainant import (
    keeper_teams,
    notes_hidden_from,
    shown_requester,
    shown_words,
    withheld,
)
from core.config import Team
from core.enums import Action, Role
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
from handlers.duty import duty, rota_here
from handlers.i18n import buttons_in_script, in_script, t
from handlers.incoming import Incoming
from handlers.mine import show
from handlers.notes_elsewhere import note_waits_elsewhere
from handlers.own_ticket_command import own_ticket_asked
from handlers.replies import Button, rows
from handlers.report_commands import ledger, stats
from handlers.staff import is_oversight, teams_served
from handlers.staff_views import (
    in_view,
    led_here,
    refuse_view,
    seen_in_private,
    teams_in_view,
)
from handlers.team import on_button
from handlers.team_access import tell_requester_moved
from handlers.team_examples import bind_example, duty_example, teams_meant
from handlers.team_notes import FLOWS, Step, not_for_the_note, say_file_not_kept, say_not_kept
from handlers.team_nudges import offer_teams, on_supervisor_button
from handlers.tickets import filed_anew
from routing import bare

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
            ctx.refuse("stale_button")
    elif msg.command in COMMANDS:
        await COMMANDS[msg.command](ctx)
    elif msg.command == "cancel" and ctx.conv is not None:
        await ctx.end_flow()
        ctx.say("cancelled")
    elif msg.command == "cancel":
        # The prompt ended already (another press or command, or its time was up).
        ctx.say("nothing_to_cancel")
    elif not_for_the_note(ctx):
        say_not_kept(ctx)
    elif ctx.conv is not None and ctx.conv.flow in FLOWS and _said(msg):
        if msg.unsupported and msg.text.strip():
            # A video (a file) captioned with the note: the caption is read as the note
            # would be typed, and the member learns that the video does not go with it,
            # as a requester does in their own chat.
            await say_file_not_kept(ctx)
        await FLOWS[ctx.conv.flow](ctx)
    elif ctx.conv is None and await note_waits_elsewhere(ctx):
        pass  # the note of a button pressed on a page in the member's private chat
    # Anything else said in a group is people talking to each other: stay quiet.


def _said(msg: Incoming) -> bool:
    """Words, a photo or a voice note: what a card's note is made of."""
    return bool(msg.text or msg.photo_file_id or msg.voice_file_id)


async def _bindteam(ctx: Ctx) -> None:
    if not ctx.msg.args or ctx.msg.is_private:
        ctx.say("bind_usage", example=await bind_example(ctx))
        return
    typed = ctx.msg.args[0]
    leads = await teams_served(ctx, leading=True)
    led = [team for team in ctx.cfg.teams if team.id in leads]
    if not led and ctx.user.id not in ctx.cfg.admins:
        # Someone who may bind no team's chat (a requester, a member, anyone in the group):
        # refused, not shown every team's id as if there were one to choose.
        ctx.say("bind_denied")
        return
    team = _team_named(ctx, typed)
    if team is None:
        # A team id mistyped: the ids to choose from, the teams they lead first of all.
        choices = led if led and ctx.user.id not in ctx.cfg.admins else ctx.cfg.teams
        ids = "、".join(f"{tm.id}（{in_script(tm.name, ctx.script_here)}）" for tm in choices)
        ctx.say("bind_no_team", typed=typed[:30], teams=ids)
        return
    if not (team in led or ctx.user.id in ctx.cfg.admins):
        ctx.say("bind_denied")
        return
    binding = TeamChat(team.id, ctx.msg.chat_id, ctx.user.id, ctx.now, ctx.msg.topic)
    await ctx.uow.team_chats.bind(binding)
    # Said to the whole group, whose chat it now is: in the group's script, as the team's
    # other messages there, the team's name with it (not the asker's script around it).
    key = "bind_done_topic" if ctx.msg.topic is not None else "bind_done"
    script = ctx.script_here
    ctx.reply(t(key, script, team=in_script(team.name, script)))


async def _queue(ctx: Ctx) -> None:
    """Open tickets: a supervisor's all of them, a member's or leader's their teams'."""
    teams = await teams_in_view(ctx)
    if teams is not None and not teams:
        await refuse_view(ctx)
        return
    open_tickets = [t for t in await ctx.uow.tickets.open_tickets() if in_view(ctx, t, teams)]
    if not open_tickets:
        ctx.say("queue_empty")
        return
    lines: list[str] = []
    keeper = teams is None or bool(teams & keeper_teams(ctx.cfg))
    # Teams in the config's order, as /stats and the digest list them.
    order = {team.id: i for i, team in enumerate(ctx.cfg.teams)}
    ranked = sorted(open_tickets, key=lambda x: (order.get(x.team_id, len(order)), x.created_at))
    script = ctx.script_here
    for ticket in ranked:
        flag = "🚨" if ticket.urgent else ""
        # The requester's words too, as /ticket shows them: one script in one reply.
        team, words = ctx.cfg.team(ticket.team_id).name, await _words(ctx, ticket, keeper)
        taker = in_script(await _taker(ctx, ticket), script)  # 用户#200011 converted
        status = ticket_status(ticket, script, for_staff=True) + taker
        lines.append(
            f"{in_script(team, script)}｜{flag}{ticket.label}｜{status}{_late(ctx, ticket)}"
            f"｜{in_script(words, script)}"
        )
    shown = lines[:QUEUE_LINES]
    if len(lines) > len(shown):
        # Cut, and said so: a supervisor must not take 60 lines for the whole queue.
        shown.append(t("queue_more", script, more=len(lines) - len(shown), total=len(lines)))
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
    return in_script(f"｜⏰超时{late}", ctx.script_here)


async def _ticket(ctx: Ctx) -> None:
    """One ticket's detail and timeline: a supervisor's any, a member's their teams'."""
    teams = await teams_in_view(ctx)
    if teams is not None and not teams:
        if ctx.msg.is_private:
            # No team's, and no supervisor: a requester, asking about a ticket of theirs.
            await own_ticket_asked(ctx)
            return
        await refuse_view(ctx)
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
    if ticket is None:
        ctx.say("not_your_ticket")
        return
    if not in_view(ctx, ticket, teams):
        # Another team's ticket asked about in a group (a supervisor at the triage desk,
        # sent to /ticket by a card the ticket has left) is not shown to the group; but it
        # is not "not found" to one who may see it in their own chat.
        elsewhere = not ctx.msg.is_private and await seen_in_private(ctx, ticket)
        ctx.say("ticket_in_private" if elsewhere else "not_your_ticket", number=ticket.label)
        return
    lines: list[str] = []
    words = ticket.text
    hide = None
    if ticket.requester_id != ctx.user.id:
        # Whom to call and, for a retailer, which shop: the card says it, and a card far up
        # a busy chat, or one the member never saw, is what /ticket stands in for.
        # A complaint's complainant is named only to the oversight team and the
        # supervisors (`core.complainant`), and an anonymous one to nobody.
        requester = await ctx.uow.users.get(ticket.requester_id)
        keeper = teams is None or bool(teams & keeper_teams(ctx.cfg))
        lines = shown_requester(ctx.cfg, ticket, requester, keeper=keeper)
        words = shown_words(ctx.cfg, ticket, requester, keeper=keeper)
        hide = notes_hidden_from(ctx.cfg, ticket, requester, keeper=keeper)
    await show(ctx, ticket, await _card_buttons_for(ctx, ticket), lines, words, hide)


async def _words(ctx: Ctx, ticket: Ticket, keeper: bool) -> str:
    """The ticket's words in short, as the /queue's reader may see them: a complaint's
    without what would name its complainant where they are withheld from the reader
    (`core.complainant.shown_words`)."""
    hidden = withheld(ctx.cfg, ticket) is not None
    requester = await ctx.uow.users.get(ticket.requester_id) if hidden else None
    return one_line(shown_words(ctx.cfg, ticket, requester, keeper=keeper), 20)


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
        return buttons_in_script(rows(*oversight_buttons(ticket)), ctx.script_here)
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
    number, team_words = _number_and_team(args)
    if not any(ch.isdigit() for ch in number):
        ctx.say("reassign_usage")
        return
    if parse_public_number(number) is None:
        ctx.say("number_mistyped", number=number[:20])  # a typo, told as one
        return
    ticket = await ctx.uow.tickets.by_number(number)
    if ticket is None:
        ctx.say("not_your_ticket")
        return
    if not team_words:
        # The number alone: the teams its card's 改派 button offers, to press one.
        if oversight_applies(ticket.status):
            await offer_teams(ctx, ticket)
        else:
            ctx.say(
                "not_allowed_now", status=ticket_status(ticket, ctx.script_here, for_staff=True)
            )
        return
    to_team = _team_named(ctx, "".join(team_words))
    if to_team is None:
        like = await notify.teams_to_offer(ctx, ticket, _teams_like(ctx, "".join(team_words)))
        names = "、".join(in_script(team.name, ctx.script_here) for team in like)
        ctx.say("reassign_which_team", typed=" ".join(team_words)[:30], teams=names)
        return
    if to_team.id == ticket.team_id:
        ctx.say("reassign_same", number=ticket.label, team=in_script(to_team.name, ctx.script_here))
        return
    if await notify.about_the_team(ctx, ticket, to_team.id):
        ctx.say("reassign_not_to_overseers", number=ticket.label, team=to_team.name)
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
        ctx.say("not_allowed_now", status=ticket_status(ticket, ctx.script_here, for_staff=True))
        return
    # Every old copy shows where it went, without buttons: the new card is the live one.
    await notify.update_cards(ctx, ticket, reposting=True, moved_from=from_team)
    await notify.post_card(ctx, ticket, with_history=True)
    await notify.moved_away(ctx, ticket, from_team, taker)
    await tell_requester_moved(ctx, ticket, to_team.name)
    ctx.say("reassigned", number=ticket.label, team=in_script(to_team.name, ctx.script_here))


def _number_and_team(args: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
    """The ticket number and the words naming the team, of /reassign's arguments: the number
    first, as the usage says, or last ("/reassign 白石乡烘烤110服务队 10019", whose team
    would else be read as a mistyped number); a team's name typed with spaces in it
    ("白石乡 烘烤110服务队") is one name."""
    if not args:
        return "", ()
    if parse_public_number(args[0]) is None and parse_public_number(args[-1]) is not None:
        return args[-1], args[:-1]
    return args[0], args[1:]


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
    # /duty only where a team keeps a rota: elsewhere it says the team keeps none.
    rota = await rota_here(ctx)
    parts = [ctx.text("t_help")]
    if rota:
        parts.append(ctx.text("t_help_duty"))
    if await is_oversight(ctx):
        parts.append(ctx.text("t_help_supervisor"))
    elif await _leads_here(ctx):
        # Its examples name this group's team and people, not the demo's 赵队员.
        duty_line = ""
        if rota:
            example = await duty_example(ctx, await teams_meant(ctx))
            duty_line = ctx.text("t_help_leader_duty", example=example)
        parts.append(ctx.text("t_help_leader", duty=duty_line, bind=await bind_example(ctx)))
    ctx.reply("\n".join(parts))


async def _leads_here(ctx: Ctx) -> bool:
    """Whether the asker leads this group's team, or leads a team and the group is no
    team's yet (theirs to bind)."""
    if await led_here(ctx):
        return True
    led = any(m.role is Role.LEADER for m in await ctx.uow.memberships.of_user(ctx.user.id))
    return led and not await notify.teams_here(ctx, [team.id for team in ctx.cfg.teams])


async def private_only(ctx: Ctx) -> None:
    """A requester's command (/my, /110, /start...) typed in a team's group: it is used in
    the private chat with the bot, which the answer links to."""
    name = ctx.svc.bot_username
    where = ctx.text("private_link", link=f"https://t.me/{name}") if name else ""
    ctx.say("private_only", command=(ctx.msg.command or "")[:32], where=where)


COMMANDS: dict[str, Step] = {
    "help": _help,
    "stats": stats,
    "ledger": ledger,
    "bindteam": _bindteam,
    "queue": _queue,
    "ticket": _ticket,
    "reassign": _reassign,
    "duty": duty,
}
