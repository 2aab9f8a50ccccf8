"""Service teams at work: card buttons (接单/上门/需补充/转派/办结), and team commands."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from core.enums import Action, Role, Status
from core.errors import ConcurrentUpdate, IllegalTransition, InvalidInput, PermissionDenied
from core.model import Ticket
from core.services import note_event, perform, roles_of
from handlers import notify
from handlers.cards import card_buttons, card_text, status_label
from handlers.context import Ctx
from handlers.i18n import in_script, t
from handlers.replies import Button, rows

Step = Callable[[Ctx], Awaitable[None]]
_PROMPTS = {"ask": ("t_ask", "t_ask_prompt"), "res": ("t_res", "t_res_prompt")}


async def _load(ctx: Ctx, raw_id: str) -> Ticket | None:
    ticket = await ctx.uow.tickets.get(int(raw_id)) if raw_id.isdigit() else None
    if ticket is None:
        ctx.toast("stale_button")
        return None
    roles = await roles_of(ctx.uow, ctx.cfg, ctx.user.id, ticket)
    if not roles & {Role.MEMBER, Role.LEADER, Role.SUPERVISOR, Role.ADMIN}:
        ctx.toast("t_not_member")
        return None
    return ticket


async def _name(ctx: Ctx, user_id: int | None) -> str:
    user = await ctx.uow.users.get(user_id) if user_id else None
    return (user.name if user and user.name else str(user_id or "")) or "?"


async def _act(
    ctx: Ctx, ticket: Ticket, action: Action, note: str = "", to_team: str | None = None
) -> bool:
    try:
        await perform(
            ctx.uow,
            ctx.cfg,
            ticket,
            action,
            actor_id=ctx.user.id,
            now=ctx.now,
            note=note,
            to_team=to_team,
        )
        await ctx.uow.flush()  # surface a lost race now, while we can still tell the member
    except IllegalTransition:
        if action is Action.ACCEPT and ticket.accepted_by:
            ctx.toast("taken_by_other", name=await _name(ctx, ticket.accepted_by))
        else:
            ctx.toast("not_allowed_now", status=status_label(ticket.status, ctx.script))
        return False
    except PermissionDenied:
        ctx.toast("t_not_member")
        return False
    except InvalidInput:
        ctx.toast("stale_button")
        return False
    return True


async def refresh_cards(ctx: Ctx, ticket: Ticket) -> None:
    """Show the new state on the pressed card and on every other copy of it."""
    requester = await ctx.uow.users.get(ticket.requester_id)
    text = card_text(ctx.cfg, ticket, requester, await _name(ctx, ticket.accepted_by))
    buttons = card_buttons(ctx.cfg, ticket)
    if ctx.msg.callback_message_id is not None:
        ctx.reply(text, buttons, edit=True)
    assert ticket.id is not None
    for sent in await ctx.uow.ticket_messages.of_ticket(ticket.id, "card"):
        if sent.chat_id == ctx.msg.chat_id and sent.message_id == ctx.msg.callback_message_id:
            continue
        await ctx.enqueue(
            sent.chat_id,
            text,
            buttons=buttons,
            ticket_id=ticket.id,
            purpose="card_edit",
            method="edit_message",
            extra={"message_id": sent.message_id},
        )
    # A card still queued gets its edit after it goes out (the sender finds its message id).
    for chat_id in await ctx.uow.outbox.pending_chats(ticket.id, "card"):
        await ctx.enqueue(
            chat_id,
            text,
            buttons=buttons,
            ticket_id=ticket.id,
            purpose="card_edit",
            method="edit_message",
            extra={"ref_purpose": "card"},
        )


async def tell_requester(
    ctx: Ctx,
    ticket: Ticket,
    key: str,
    buttons: tuple[tuple[Button, ...], ...] = (),
    **values: object,
) -> None:
    text = t(key, ticket.script, number=ticket.label, **values)
    await ctx.enqueue(
        ticket.requester_chat_id, text, buttons=buttons, urgent=ticket.urgent, ticket_id=ticket.id
    )


async def on_button(ctx: Ctx, data: str) -> None:
    """tk:acc|vis|ask|xfer|res:<id>, tk:xto:<id>:<team>."""
    parts = data.split(":")
    if len(parts) < 3:
        ctx.toast("stale_button")
        return
    verb = parts[1]
    ticket = await _load(ctx, parts[2])
    if ticket is None:
        return
    if verb in ("acc", "vis"):
        action, key = (
            (Action.ACCEPT, "n_accepted") if verb == "acc" else (Action.VISIT, "n_on_site")
        )
        if await _act(ctx, ticket, action):
            await tell_requester(ctx, ticket, key, name=await _name(ctx, ctx.user.id))
            await refresh_cards(ctx, ticket)
    elif verb in _PROMPTS:
        flow, prompt = _PROMPTS[verb]
        await ctx.start_flow(flow, "note", {"ticket_id": ticket.id})
        ctx.reply(t(prompt, number=ticket.label))
    elif verb == "xfer":
        others = [tm for tm in ctx.cfg.teams if tm.id != ticket.team_id]
        buttons = [Button(tm.name, f"tk:xto:{ticket.id}:{tm.id}") for tm in others]
        ctx.reply(t("t_xfer_choose", number=ticket.label), rows(*buttons, per_row=2))
    elif verb == "rto" and len(parts) == 4 and ctx.cfg.find_team(parts[3]):
        await dispatch_by_hand(ctx, ticket, parts[3])
    elif verb == "xto" and len(parts) == 4 and ctx.cfg.find_team(parts[3]):
        await ctx.start_flow("t_xfer", "note", {"ticket_id": ticket.id, "to": parts[3]})
        ctx.reply(t("t_xfer_prompt", number=ticket.label, team=ctx.cfg.team(parts[3]).name))
    else:
        ctx.toast("stale_button")


async def dispatch_by_hand(ctx: Ctx, ticket: Ticket, team_id: str) -> None:
    """A supervisor (or the triage desk) sends the ticket to `team_id` with one press."""
    action = Action.REASSIGN if await _is_oversight(ctx) else Action.TRANSFER
    if not await _act(ctx, ticket, action, note="人工分派", to_team=team_id):
        return
    await refresh_cards(ctx, ticket)
    await notify.post_card(ctx, ticket)
    await tell_requester(
        ctx, ticket, "n_transferred", team=in_script(ctx.cfg.team(team_id).name, ticket.script)
    )
    ctx.toast("reassigned", number=ticket.label, team=ctx.cfg.team(team_id).name)


async def on_supervisor_button(ctx: Ctx, data: str) -> None:
    """sv:remind:<id> (催办: nudge the team again) and sv:reassign:<id> (改派: pick a team)."""
    parts = data.split(":")
    if len(parts) != 3 or not await _is_oversight(ctx):
        ctx.toast("supervisors_only" if len(parts) == 3 else "stale_button")
        return
    ticket = await _load(ctx, parts[2])
    if ticket is None:
        return
    if not ticket.status.is_open or ticket.status is Status.RESOLVED:
        ctx.toast("not_allowed_now", status=status_label(ticket.status, ctx.script))
    elif parts[1] == "remind":
        await note_event(
            ctx.uow,
            ticket,
            "remind",
            actor_id=ctx.user.id,
            role=Role.SUPERVISOR,
            now=ctx.now,
            note="督办催办",
        )
        text = t("sv_remind_team", number=ticket.label)
        chat = await notify.team_chat(ctx, ticket.team_id)
        targets = ([chat] if chat is not None else []) + await notify.duty_pagers(
            ctx, ticket.team_id
        )
        for target in dict.fromkeys(targets):
            await ctx.enqueue(
                target, text, urgent=ticket.urgent, ticket_id=ticket.id, purpose="remind"
            )
        ctx.toast("sv_reminded", number=ticket.label)
    elif parts[1] == "reassign":
        same_line = [tm for tm in ctx.cfg.teams_of_line(ticket.line) if tm.id != ticket.team_id]
        others = [tm for tm in ctx.cfg.teams if tm.line != ticket.line]
        buttons = [Button(tm.name, f"tk:rto:{ticket.id}:{tm.id}") for tm in same_line + others]
        ctx.reply(t("sv_choose_team", number=ticket.label), rows(*buttons, per_row=2))
    else:
        ctx.toast("stale_button")


async def note_step(ctx: Ctx) -> None:
    """The note after 需补充 / 转派 / 办结: the question, the reason, what was done."""
    assert ctx.conv is not None
    flow, data = ctx.conv.flow, ctx.conv.data
    text = ctx.msg.text.strip()
    if not text:
        ctx.say("need_text")
        return
    ticket = await _load(ctx, str(data.get("ticket_id", "")))
    await ctx.end_flow()
    if ticket is None:
        return
    if flow == "t_ask" and await _act(ctx, ticket, Action.ASK, note=text):
        await tell_requester(ctx, ticket, "n_question", question=text)
    elif flow == "t_res" and await _act(ctx, ticket, Action.RESOLVE, note=text):
        confirm = rows(
            Button(t("btn_confirm", ticket.script), f"my:ok:{ticket.id}"),
            Button(t("btn_not_resolved", ticket.script), f"my:bad:{ticket.id}"),
        )
        await tell_requester(ctx, ticket, "n_resolved", confirm, note=text)
    elif flow == "t_xfer" and await _act(
        ctx, ticket, Action.TRANSFER, note=text, to_team=str(data.get("to"))
    ):
        await tell_requester(
            ctx,
            ticket,
            "n_transferred",
            team=in_script(ctx.cfg.team(ticket.team_id).name, ticket.script),
        )
        await notify.post_card(ctx, ticket)
    else:
        return
    ctx.reply(t("t_done", number=ticket.label, what=text[:40]))


FLOWS: dict[str, Step] = {"t_ask": note_step, "t_res": note_step, "t_xfer": note_step}


async def in_group(ctx: Ctx) -> None:
    """In a team chat: card buttons, team commands and the notes members type after a button."""
    msg = ctx.msg
    if msg.is_button:
        if (msg.callback_data or "").startswith("tk:"):
            await on_button(ctx, msg.callback_data or "")
        elif (msg.callback_data or "").startswith("sv:"):
            await on_supervisor_button(ctx, msg.callback_data or "")
        else:
            ctx.toast("stale_button")
    elif msg.command in COMMANDS:
        await COMMANDS[msg.command](ctx)
    elif ctx.conv is not None and ctx.conv.flow in FLOWS and msg.text:
        await FLOWS[ctx.conv.flow](ctx)
    # Anything else said in a group is people talking to each other: stay quiet.


async def _is_oversight(ctx: Ctx) -> bool:
    if ctx.user.id in ctx.cfg.supervisors or ctx.user.id in ctx.cfg.admins:
        return True
    return any(
        m.role in (Role.SUPERVISOR, Role.ADMIN)
        for m in await ctx.uow.memberships.of_user(ctx.user.id)
    )


async def _bindteam(ctx: Ctx) -> None:
    from core.model import TeamChat

    team = ctx.cfg.find_team(ctx.msg.args[0]) if ctx.msg.args else None
    if team is None or ctx.msg.is_private:
        ctx.say("bind_usage")
        return
    memberships = await ctx.uow.memberships.of_user(ctx.user.id)
    is_leader = ctx.user.id in team.leaders or any(
        m.team_id == team.id and m.role is Role.LEADER for m in memberships
    )
    if not (is_leader or ctx.user.id in ctx.cfg.admins):
        ctx.say("bind_denied")
        return
    await ctx.uow.team_chats.bind(TeamChat(team.id, ctx.msg.chat_id, ctx.user.id, ctx.now))
    ctx.say("bind_done", team=team.name)


async def _queue(ctx: Ctx) -> None:
    if not await _is_oversight(ctx):
        ctx.say("staff_only")
        return
    open_tickets = await ctx.uow.tickets.open_tickets()
    if not open_tickets:
        ctx.say("queue_empty")
        return
    lines: list[str] = []
    for ticket in sorted(open_tickets, key=lambda x: (x.team_id, x.created_at)):
        flag = "🚨" if ticket.urgent else ""
        lines.append(
            f"{ticket.team_id}｜{flag}{ticket.label}｜"
            f"{status_label(ticket.status, ctx.script)}｜{ticket.text[:20]}"
        )
    ctx.reply("\n".join(lines[:60]))


async def _ticket(ctx: Ctx) -> None:
    if not await _is_oversight(ctx) or not ctx.msg.args:
        ctx.say("ticket_usage" if ctx.msg.args == () else "staff_only")
        return
    from handlers.mine import show

    ticket = await ctx.uow.tickets.by_number(ctx.msg.args[0])
    if ticket is None:
        ctx.say("not_your_ticket")
        return
    await show(ctx, ticket)


async def _reassign(ctx: Ctx) -> None:
    args = ctx.msg.args
    if not await _is_oversight(ctx):
        ctx.say("staff_only")
        return
    ticket = await ctx.uow.tickets.by_number(args[0]) if len(args) == 2 else None
    if ticket is None or ctx.cfg.find_team(args[1]) is None:
        ctx.say("reassign_usage")
        return
    try:
        await perform(
            ctx.uow,
            ctx.cfg,
            ticket,
            Action.REASSIGN,
            actor_id=ctx.user.id,
            now=ctx.now,
            to_team=args[1],
        )
    except (IllegalTransition, ConcurrentUpdate):
        ctx.say("not_allowed_now", status=status_label(ticket.status, ctx.script))
        return
    await notify.post_card(ctx, ticket)
    await tell_requester(
        ctx, ticket, "n_transferred", team=in_script(ctx.cfg.team(args[1]).name, ticket.script)
    )
    ctx.say("reassigned", number=ticket.label, team=ctx.cfg.team(args[1]).name)


async def _duty(ctx: Ctx) -> None:
    args = ctx.msg.args
    mine = await ctx.uow.memberships.of_user(ctx.user.id)
    if not mine:
        ctx.say("staff_only")
        return
    target, state = ctx.user.id, args[-1] if args else ""
    if len(args) == 2 and args[0].lstrip("-").isdigit():
        if not any(m.role is Role.LEADER for m in mine):
            ctx.say("duty_denied")
            return
        target = int(args[0])
    if state not in ("on", "off"):
        for m in mine:
            if m.team_id:
                members = await ctx.uow.memberships.of_team(m.team_id)
                names = [await _name(ctx, x.user_id) for x in members if x.on_duty] or ["（无）"]
                ctx.say("duty_roster", team=ctx.cfg.team(m.team_id).name, names="、".join(names))
        ctx.say("duty_usage")
        return
    teams = {m.team_id for m in mine if m.team_id}
    changed = False
    for team_id in teams:
        for member in await ctx.uow.memberships.of_team(team_id):
            if member.user_id == target and member.role in (Role.MEMBER, Role.LEADER):
                member.on_duty = state == "on"
                changed = True
    if not changed:
        ctx.say("duty_usage")
        return
    ctx.say("duty_set", who=await _name(ctx, target), state="值班" if state == "on" else "下班")


async def _report(ctx: Ctx, which: str) -> None:
    """/stats [period] and /ledger [period], for supervisors."""
    if not await _is_oversight(ctx):
        ctx.say("supervisors_only")
        return
    maker = ctx.svc.reports
    if maker is None:
        ctx.say("reports_off")
        return
    period = " ".join(ctx.msg.args)
    try:
        if which == "stats":
            text, chart = await maker.stats(period, ctx.now)
            ctx.reply(in_script(text, ctx.script))
            ctx.attach("", photo=chart)
        else:
            name, content = await maker.ledger(period, ctx.now)
            ctx.attach(ctx.text("ledger_caption", name=name), document=(name, content))
    except ValueError as exc:
        ctx.reply(in_script(str(exc), ctx.script))


async def _stats(ctx: Ctx) -> None:
    await _report(ctx, "stats")


async def _ledger(ctx: Ctx) -> None:
    await _report(ctx, "ledger")


COMMANDS: dict[str, Step] = {
    "stats": _stats,
    "ledger": _ledger,
    "bindteam": _bindteam,
    "queue": _queue,
    "ticket": _ticket,
    "reassign": _reassign,
    "duty": _duty,
}
