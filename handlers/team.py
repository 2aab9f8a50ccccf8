"""Service teams at work: card buttons (接单/上门/需补充/转派/办结), and team commands."""

from __future__ import annotations

from core.enums import Action, Kind, Role, Status, WishOutcome
from core.lifecycle import PROGRESS_NOTICE, TRANSITIONS, VISITED_KINDS, oversight_applies
from core.model import Ticket
from core.services import own_request, roles_of
from core.texts import KIND_NAMES
from core.triage import at_triage
from handlers import callback, notify
from handlers.cards import MOVES, oversight_buttons, ticket_status
from handlers.context import Ctx
from handlers.i18n import buttons_in_script, in_script, t
from handlers.replies import Button, rows
from handlers.resolved_presses import say_resolved
from handlers.staff import is_oversight
from handlers.team_access import (
    act_on,
    load_ticket,
    outcome_named,
    pressed_reply,
    refresh_cards,
    refuse_moved_on,
    tell_requester,
    tell_requester_moved,
)
from handlers.team_notes import note_ttl, waited_minutes
from handlers.team_nudges import leaders_nudge, team_buttons

_PROMPTS = {"ask": ("t_ask", "t_ask_prompt"), "res": ("t_res", "t_res_prompt")}
# The buttons that ask for a note first, and what the note is then for.
_NOTE_ACTIONS = {
    "ask": Action.ASK,
    "res": Action.RESOLVE,
    "xfer": Action.TRANSFER,
    "xto": Action.TRANSFER,
}
# Done at the press. "accme": a supervisor's 由我接单, their 接单 made knowingly
# (`_oversee_instead`).
_PRESS_ACTIONS = {"acc": Action.ACCEPT, "accme": Action.ACCEPT, "vis": Action.VISIT}


async def on_button(ctx: Ctx, data: str) -> None:
    """tk:acc|vis|ask|xfer|res:<id>, tk:xto:<id>:<team>, and tk:cb:<id> (📞 已回访)."""
    parts = data.split(":")
    if len(parts) < 3:
        ctx.refuse("stale_button")
        return
    verb = parts[1]
    if verb == "cb":
        # The ticket is closed, and the call-back may be owed by another team than the one
        # that had it (a complaint's, by the oversight team): whose it is is asked there.
        await callback.on_press(ctx, parts[2], ttl=note_ttl(ctx))
        return
    ticket = await load_ticket(ctx, parts[2])
    if ticket is None:
        return
    if await notify.another_teams_chat(ctx, ticket):
        # Pressed on another team's message (a forged press): acting would write this
        # ticket's card, its requester's name and phone, over that team's message.
        ctx.refuse("stale_button")
        return
    if verb == "nudge":
        await leaders_nudge(ctx, ticket)
        return
    if verb in ("xfer", "xto") and (
        await _left_this_chat(ctx, ticket) or await _left_the_desk(ctx, ticket)
    ):
        # An older card's or list's 转派 in the chat of a team the ticket has since left (a
        # supervisor at the triage desk, after another sent it on): sent on from here, it
        # would read as the new team's own 转派, and that team would not know.
        await refuse_moved_on(ctx, ticket)
        return
    if verb == "accme" and len(parts) == 4 and parts[3] != ticket.team_id:
        await _offer_moved(ctx, ticket)
        return
    if verb in _HANDS_ON and not await _on_the_team(ctx, ticket):
        await _oversee_instead(ctx, ticket, verb)
        return
    needs = _NOTE_ACTIONS.get(verb)
    pressed = needs or _PRESS_ACTIONS.get(verb)
    if pressed is not None and own_request(ticket, ctx.user.id, pressed):
        # Said now, not after a 办结 note has been typed that could not be used.
        ctx.refuse("t_own_request", number=ticket.label)
        return
    working = ticket.status in TRANSITIONS[Action.VISIT].sources
    if pressed is Action.VISIT and ticket.kind not in VISITED_KINDS and working:
        # An older card's 上门 on a wish, a suggestion or a complaint being worked on: there
        # is nowhere to go, and its requester would be told someone is on the way. The
        # copies lose it. (Pressed once it is resolved or closed, it is refused by its state,
        # as any button that no longer applies: 办好后请点「办结」 would be false then.)
        kind = in_script(KIND_NAMES[ticket.kind], ctx.script_here)
        ctx.refuse("t_no_visit", number=ticket.label, kind=kind)
        await refresh_cards(ctx, ticket)
        return
    untaken = ticket.status is Status.WAITING_REQUESTER and ticket.accepted_at is None
    if pressed in (Action.RESOLVE, Action.VISIT) and untaken:
        # Asked about before anyone took it (需补充 before 接单), on a copy of the card that
        # still shows 办结: said now, before a 办结 note is typed in vain, and the copies
        # show 接单 again (`card_buttons`).
        ctx.refuse("t_accept_first", number=ticket.label)
        await refresh_cards(ctx, ticket)
        return
    if pressed is not None and ticket.status is Status.RESOLVED:
        # 办结 again, or 上门, 需补充, 转派 on an older copy or a colleague's: the work is
        # done, and what it waits for is the requester's word, not something to press. The
        # copy pressed still showed buttons: it shows the ticket as it is now, as after the
        # other stale presses above.
        await say_resolved(ctx, ticket, verb, on_team=await _on_the_team(ctx, ticket))
        await refresh_cards(ctx, ticket)
        return
    if needs is not None and ticket.status not in TRANSITIONS[needs].sources:
        # Said now, not after the member has typed a note that could not be used.
        status = ticket_status(ticket, ctx.script_here, for_staff=True)
        ctx.refuse("not_allowed_now", status=status)
        return
    if verb in _PRESS_ACTIONS:
        action = _PRESS_ACTIONS[verb]
        key = "n_accepted" if action is Action.ACCEPT else "n_on_site"
        if key == "n_accepted" and ticket.kind is Kind.SUGGESTION:
            key = "n_accepted_suggestion"  # taken up to be answered, nothing to mend
        if await act_on(ctx, ticket, action):
            name = await notify.name_to_requester(ctx, ticket, ctx.user.id)
            if name is None:
                # No name to tell: the team's, as the requester knows whom they asked (a
                # suggestion's notice names who answers it, a team as well as a person).
                team = ctx.cfg.team(ticket.team_id).name
                named = key == "n_accepted_suggestion"
                key, name = (key, team) if named else (f"{key}_team", team)
            # Kept with its message id: words replied to it are about this ticket.
            await tell_requester(ctx, ticket, key, purpose=PROGRESS_NOTICE, name=name)
            await refresh_cards(ctx, ticket)
    elif verb == "res" and ticket.kind is Kind.WISH:
        await _ask_wish_result(ctx, ticket, _outcome(parts))
    elif verb in _PROMPTS:
        flow, prompt = _PROMPTS[verb]
        if verb == "res" and ticket.kind is Kind.SUGGESTION:
            prompt = "t_res_prompt_suggestion"  # its note is the requester's answer
        state = {"ticket_id": ticket.id, **await pressed_reply(ctx, ticket)}
        await ctx.start_flow(flow, "note", state, ttl=note_ttl(ctx))
        minutes = waited_minutes(note_ttl(ctx))
        ctx.reply(t(prompt, ctx.script_here, number=ticket.label, minutes=minutes))
    elif verb == "xfer":
        others = [tm for tm in ctx.cfg.teams if tm.id != ticket.team_id]
        others = await notify.teams_to_offer(ctx, ticket, others)
        buttons = team_buttons(ctx, others, f"tk:xto:{ticket.id}")
        ctx.reply(t("t_xfer_choose", ctx.script_here, number=ticket.label), buttons)
    elif (
        verb in ("rto", "rea", "xto")
        and len(parts) == 4
        and ctx.cfg.find_team(parts[3])
        and (await notify.about_the_team(ctx, ticket, parts[3]))
    ):
        # No list offers it (`notify.teams_to_offer`): a forged or stale press.
        team = ctx.cfg.team(parts[3]).name
        ctx.refuse("t_not_to_overseers", number=ticket.label, team=team)
    elif verb in ("rto", "rea") and len(parts) == 4 and ctx.cfg.find_team(parts[3]):
        # A supervisor's second press for the team that has it is told so (无需改派).
        again = parts[3] == ticket.team_id and await is_oversight(ctx)
        if again or await _dispatches_by_hand(ctx, ticket, reassign=verb == "rea"):
            await dispatch_by_hand(ctx, ticket, parts[3])
        elif await _left_the_desk(ctx, ticket):
            await refuse_moved_on(ctx, ticket)
        else:
            ctx.refuse("stale_button")
    elif verb == "xto" and len(parts) == 4 and parts[3] == ticket.team_id:
        # An older list's button for the team that has it now: said before a reason is
        # typed that could not be used.
        team = in_script(ctx.cfg.team(ticket.team_id).name, ctx.script_here)
        ctx.refuse("t_xfer_same", number=ticket.label, team=team)
    elif verb == "xto" and len(parts) == 4 and ctx.cfg.find_team(parts[3]):
        # "from": the team it is sent on from, should another move it while the reason is
        # typed (`team_notes.note_step`).
        state = {"ticket_id": ticket.id, "to": parts[3], "from": ticket.team_id}
        await ctx.start_flow("t_xfer", "note", state, ttl=note_ttl(ctx))
        script, minutes = ctx.script_here, waited_minutes(note_ttl(ctx))
        team = in_script(ctx.cfg.team(parts[3]).name, script)
        ctx.reply(t("t_xfer_prompt", script, number=ticket.label, team=team, minutes=minutes))
    else:
        ctx.refuse("stale_button")


def _outcome(parts: list[str]) -> WishOutcome:
    """The outcome a wish's 办结 press names (tk:res:<id>:partly); a bare 办结, from the card
    or a reminder, is for a wish granted."""
    return outcome_named(parts[3] if len(parts) == 4 else "")


# What the team is asked to write for each outcome of a wish, and the buttons that change it.
_WISH_PROMPTS = {
    WishOutcome.GRANTED: "t_res_granted_prompt",
    WishOutcome.PARTLY: "t_res_partly_prompt",
    WishOutcome.DECLINED: "t_res_declined_prompt",
}
_WISH_BUTTONS = {
    WishOutcome.GRANTED: "btn_wish_granted",
    WishOutcome.PARTLY: "btn_wish_partly",
    WishOutcome.DECLINED: "btn_wish_declined",
}


async def _ask_wish_result(ctx: Ctx, ticket: Ticket, outcome: WishOutcome) -> None:
    """办结 of a wish: a union service station crosses off every wish with an answer, also
    one it can grant only in part or not at all. The note is asked for the outcome pressed
    (a bare 办结 is for a wish granted), with a button for each of the other two."""
    state = {"ticket_id": ticket.id, "outcome": outcome.value, **await pressed_reply(ctx, ticket)}
    await ctx.start_flow("t_res", "note", state, ttl=note_ttl(ctx))
    script = ctx.script_here
    others = [o for o in WishOutcome if o is not outcome]
    buttons = rows(
        *(Button(t(_WISH_BUTTONS[o], script), f"tk:res:{ticket.id}:{o}") for o in others)
    )
    minutes = waited_minutes(note_ttl(ctx))
    ctx.reply(t(_WISH_PROMPTS[outcome], script, number=ticket.label, minutes=minutes), buttons)


# The presses that make the presser the one doing the work: the requester is told who took
# the ticket, the card names them, the accept clock stops.
_HANDS_ON = frozenset(("acc", "vis", "ask", "res"))


async def _on_the_team(ctx: Ctx, ticket: Ticket) -> bool:
    """Whether the presser does the ticket's work: a member or leader of its team, or the
    one who accepted it (a supervisor who took the call with 由我接单)."""
    if ticket.worked_on_by == ctx.user.id:
        return True
    return bool(await roles_of(ctx.uow, ctx.cfg, ctx.user.id, ticket) & {Role.MEMBER, Role.LEADER})


async def _left_this_chat(ctx: Ctx, ticket: Ticket) -> bool:
    """Whether the press is in a team's chat the ticket is no longer worked in, by someone
    not on its team now (a supervisor: anyone else is refused by `load_ticket`)."""
    if ctx.msg.is_private or await _on_the_team(ctx, ticket):
        return False
    places = await notify.work_places(ctx, ticket)
    return not any(place.holds(ctx.msg.chat_id, ctx.msg.topic) for place in places)


async def _oversee_instead(ctx: Ctx, ticket: Ticket, verb: str) -> None:
    """A supervisor's 接单 (上门, 需补充, 办结) on a team's card is not taken as the
    supervisor doing the work: the farmer would be told the supervisor is on the way, the
    team, seeing it accepted, that someone is, and the ladder would stop chasing a team
    that never took it. Mostly a supervisor means the team should: 催办 and 改派 are
    offered, in their private chat; and 由我接单 for one who does mean to take the call."""
    team = in_script(ctx.cfg.team(ticket.team_id).name, ctx.script_here)
    if ticket.status is Status.RESOLVED:
        # Nothing to chase or send on while its requester's word is awaited: whose work it
        # was, and what comes of a "not mended", as the team is told (`say_resolved`).
        await say_resolved(ctx, ticket, verb, on_team=False)
        await refresh_cards(ctx, ticket)
        return
    if not oversight_applies(ticket.status):
        ctx.toast("not_allowed_now", status=ticket_status(ticket, ctx.script_here, for_staff=True))
        return
    # Nobody has it (asked about before anyone did, too): the supervisor may take it.
    free = ticket.accepted_at is None and ticket.status in (
        Status.DISPATCHED,
        Status.WAITING_REQUESTER,
    )
    buttons = rows(
        # The team it names goes with it: the offer is for that team's call, not for
        # whichever team's the ticket is when it is pressed (`_offer_moved`).
        *([Button(t("btn_sv_accept"), f"tk:accme:{ticket.id}:{ticket.team_id}")] if free else []),
        *oversight_buttons(ticket),
        per_row=3,
    )
    text = t("sv_hands_off", number=ticket.label, team=ctx.cfg.team(ticket.team_id).name)
    text += t("sv_hands_off_take") if free else ""
    if ctx.msg.is_private:
        ctx.reply(in_script(text, ctx.script_here), buttons_in_script(buttons, ctx.script_here))
        return
    # A toast is seen by the presser alone; the buttons go where the team does not read them,
    # if they can reach them there: one who blocked the bot, or never opened a chat with it
    # (Telegram refuses the bot's first word), is told to open the chat.
    me = [ctx.user.id]
    if not await notify.reachable(ctx, me) or await notify.without_private_chat(ctx, me):
        ctx.toast("sv_hands_off_unreachable", number=ticket.label, team=team)
        return
    await ctx.enqueue(ctx.user.id, text, buttons=buttons, ticket_id=ticket.id)
    ctx.toast("sv_hands_off_toast", number=ticket.label, team=team)


async def _offer_moved(ctx: Ctx, ticket: Ticket) -> None:
    """由我接单 pressed on an offer of a call that has since been sent on to another team:
    nothing is taken under a message naming the team it left. The old offer says where it
    went, without buttons, and the offer is made again for the team that has it now."""
    team = ctx.cfg.team(ticket.team_id).name
    ctx.reply(
        in_script(t("sv_take_moved", number=ticket.label, team=team), ctx.script_here), edit=True
    )
    await _oversee_instead(ctx, ticket, "accme")


async def _dispatches_by_hand(ctx: Ctx, ticket: Ticket, *, reassign: bool) -> bool:
    """Whether a one-press dispatch is the presser's to make: a supervisor's 改派 (tk:rea,
    from their list of teams, wherever the ticket is) or the triage desk's 派给 (tk:rto, on
    its card, its ladder's reminders and alerts and a 催办 paging it, while the ticket waits
    there). Our keyboards offer it to no one else; a team member sending a ticket on gives
    the reason (转派), which a forged press must not skip."""
    triage = ctx.cfg.triage_line()
    if not reassign and triage is not None and ticket.line == triage.id:
        return True
    if not await is_oversight(ctx):
        return False
    # The desk's 派给 of a ticket that has left it was answered (by another at the desk,
    # perhaps): pressed later, on the desk's card or on an alert in a private chat, it
    # would take the ticket from the team that has it since. A tk:rto of a ticket that
    # never was at the desk is an older 改派 list's, from before it had its own tk:rea.
    return reassign or not await _was_at_the_desk(ctx, ticket)


async def _was_at_the_desk(ctx: Ctx, ticket: Ticket) -> bool:
    """Whether the ticket was sent on from the triage desk (it has left it since, or is
    back)."""
    assert ticket.id is not None
    triage = ctx.cfg.triage_line()
    if triage is None:
        return False
    desks = {tm.id for tm in ctx.cfg.teams_of_line(triage.id)}
    return any(
        event.action in MOVES and event.data.get("from_team") in desks
        for event in await ctx.uow.tickets.events(ticket.id)
    )


async def _left_the_desk(ctx: Ctx, ticket: Ticket) -> bool:
    """Whether a 派给 or 转派 pressed by someone not on the ticket's team is the triage
    desk's, on a ticket it has since sent on: such a button acts only while the ticket
    waits at the desk, wherever it is pressed (a supervisor's private alert, too)."""
    if at_triage(ctx.cfg, ticket) or await _on_the_team(ctx, ticket):
        return False
    return await _was_at_the_desk(ctx, ticket)


async def dispatch_by_hand(ctx: Ctx, ticket: Ticket, team_id: str) -> None:
    """A supervisor (or the triage desk) sends the ticket to `team_id` with one press."""
    action = Action.REASSIGN if await is_oversight(ctx) else Action.TRANSFER
    if ticket.team_id == team_id and ticket.status.is_open:
        # Pressed twice, or by two people: the ticket is there already; nothing changes.
        team = in_script(ctx.cfg.team(team_id).name, ctx.script_here)
        ctx.toast("reassign_same", number=ticket.label, team=team)
        return
    from_team, taker = ticket.team_id, ticket.accepted_by
    if not await act_on(ctx, ticket, action, note="人工分派", to_team=team_id):
        return
    await refresh_cards(ctx, ticket, reposting=True, moved_from=from_team)
    await notify.post_card(ctx, ticket, with_history=True)
    if action is Action.REASSIGN:
        await notify.moved_away(ctx, ticket, from_team, taker)
    team = ctx.cfg.team(team_id).name
    await tell_requester_moved(ctx, ticket, team)
    ctx.toast("reassigned", number=ticket.label, team=in_script(team, ctx.script_here))
