"""Service teams at work: card buttons (接单/上门/需补充/转派/办结), and team commands."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import timedelta

from core.config import Team
from core.enums import Action, Kind, Role, Script, Status, WishOutcome
from core.errors import IllegalTransition, InvalidInput, OwnRequest, PermissionDenied
from core.lifecycle import (
    ACCEPT_PROMPT,
    LEADER_NUDGE_ACCEPT,
    LEADER_NUDGE_RESOLVE,
    PROMPTS,
    QUESTION_NOTICE,
    RESOLUTION_NOTICE,
    RESOLVE_PROMPT,
    TRANSITIONS,
    oversight_applies,
)
from core.model import ChatPlace, Conversation, Ticket, TicketEvent, reply_script
from core.numbers import ticket_id_of
from core.services import may_work_on, note_event, own_request, perform, roles_of
from core.team_card import local
from core.texts import WISH_OUTCOME_NAMES, answered_as, clip, confirm_key, dispute_key
from handlers import callback, notify
from handlers.cards import MOVES, gist, oversight_buttons, ticket_status
from handlers.context import Ctx
from handlers.i18n import buttons_in_script, in_script, t
from handlers.overdue_alerts import progress
from handlers.replies import Button, rows
from handlers.staff import is_oversight, serves_a_team, teams_served
from handlers.tickets import attach, onto_the_wish_list
from handlers.typed_menu import calls_off
from routing import bare
from routing.reader import staff_words

Step = Callable[[Ctx], Awaitable[None]]
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


async def _load(ctx: Ctx, raw_id: str) -> Ticket | None:
    ticket_id = ticket_id_of(raw_id)
    ticket = await ctx.uow.tickets.get(ticket_id) if ticket_id is not None else None
    if ticket is None:
        ctx.toast("stale_button")
        return None
    if not await may_work_on(ctx.uow, ctx.cfg, ctx.user.id, ticket):
        await _refuse_outsider(ctx, ticket)
        return None
    return ticket


async def _refuse_outsider(ctx: Ctx, ticket: Ticket) -> None:
    """A press by someone the ticket's team does not include. Mostly a member of the team
    that had it before a transfer, on its old card: tell them where it went, not that they
    are not a member of a team they never asked to act for. A member of a team that never
    had it is told whose it is, not that they can no longer act on it."""
    if await serves_a_team(ctx):
        team = in_script(ctx.cfg.team(ticket.team_id).name, ctx.script)
        key = "t_with_other_team" if await _had_it(ctx, ticket) else "t_other_teams"
        ctx.toast(key, number=ticket.label, team=team)
    else:
        ctx.toast("t_not_member")


async def _had_it(ctx: Ctx, ticket: Ticket) -> bool:
    """Whether one of the presser's teams had the ticket before it was sent on."""
    assert ticket.id is not None
    teams = await teams_served(ctx)
    return any(
        event.action in MOVES and event.data.get("from_team") in teams
        for event in await ctx.uow.tickets.events(ticket.id)
    )


async def _act(
    ctx: Ctx,
    ticket: Ticket,
    action: Action,
    note: str = "",
    to_team: str | None = None,
    outcome: WishOutcome | None = None,
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
            outcome=outcome,
        )
        if to_team is not None:
            await onto_the_wish_list(ctx, ticket)
        await ctx.uow.flush()  # surface a lost race now, while we can still tell the member
    except IllegalTransition:
        # "Already taken" only while someone is at work on it: once it is resolved, crossed
        # off or withdrawn (an old copy's 接单), its state is the answer.
        taker = ticket.worked_on_by if action is Action.ACCEPT else None
        if taker == ctx.user.id:
            ctx.toast("taken_by_you", number=ticket.label)  # pressed twice
        elif taker is not None:
            ctx.toast("taken_by_other", name=await notify.name_of(ctx, taker))
        elif note and (said := await _beaten_to_it(ctx, ticket, action)):
            # Two members typed the same kind of note at once: the later one learns what
            # the first said, and that theirs went nowhere (not only the status).
            ctx.toast(said[0], number=ticket.label, name=said[1], note=clip(said[2], 60))
        else:
            status = ticket_status(ticket, ctx.script, for_staff=True)
            ctx.toast("not_allowed_now", status=status)
        return False
    except OwnRequest:
        ctx.toast("t_own_request", number=ticket.label)
        return False
    except PermissionDenied:
        ctx.toast("t_not_member")
        return False
    except InvalidInput:
        ctx.toast("stale_button")
        return False
    return True


# A note that came too late: the status the other member's note led to, and what it says.
_BEATEN = {
    Action.RESOLVE: (Status.RESOLVED, "resolve", "t_resolved_by_other"),
    Action.ASK: (Status.WAITING_REQUESTER, "ask", "t_asked_by_other"),
}


async def _beaten_to_it(ctx: Ctx, ticket: Ticket, action: Action) -> tuple[str, str, str] | None:
    """The text key, the colleague's name and their note, when `action` failed because a
    colleague's same action went first (办结 or 需补充 typed by two at once)."""
    if action not in _BEATEN or ticket.status is not _BEATEN[action][0]:
        return None
    assert ticket.id is not None
    _, event_name, key = _BEATEN[action]
    done = [e for e in await ctx.uow.tickets.events(ticket.id) if e.action == event_name]
    if not done or done[-1].actor_id == ctx.user.id:
        return None
    return key, await notify.name_of(ctx, done[-1].actor_id), done[-1].note


async def refresh_cards(ctx: Ctx, ticket: Ticket, *, reposting: bool = False) -> None:
    """Show the new state on the pressed card and on every other copy of it (without
    buttons when `reposting`: a fresh card follows)."""
    pressed = ctx.msg.callback_message_id
    if pressed is not None:
        here = ChatPlace(ctx.msg.chat_id, ctx.msg.topic)
        text, buttons = await notify.card_now(ctx, ticket, here)
        # Pressed where the ticket is no longer worked on (sent on to another team), or on a
        # ladder's reminder rather than a card (the card keeps the buttons, and is the copy
        # later changes edit): its state, without buttons.
        live = not reposting and here in await notify.work_places(ctx, ticket)
        copy = await notify.kept_copy(ctx, ticket, pressed)
        if live and copy is not None and copy.purpose in PROMPTS:
            live = False
        if live and copy is not None and await notify.superseded_card(ctx, ticket, copy):
            live = False  # an older card: the newest one in this chat has the buttons
        # The edit stays in the script the message was sent in (a copy kept from before
        # the desk wrote to people in their own script, or none kept: Simplified).
        script = copy.shown_in if copy is not None else Script.HANS
        if live and copy is None:
            # A message no copy is kept of (a /ticket reply, the offer a supervisor took the
            # call from) becomes the card where there is none, kept up to date with its
            # buttons as the work goes on; where a card is, that one has them, and this
            # shows the state the press left, as a ladder's reminder does.
            script = ctx.script_here
            live = await notify.keep_as_card(ctx, ticket, pressed, script)
        shown = buttons_in_script(buttons, script) if live else ()
        ctx.reply(in_script(text, script), shown, edit=True)
    await notify.update_cards(ctx, ticket, skip_message_id=pressed, reposting=reposting)


async def _pressed_reply(ctx: Ctx, ticket: Ticket) -> dict[str, object]:
    """需补充 or 办结 pressed on a message no copy is kept of (a /ticket reply): it is kept
    as the card where the place has none, and later edits reach it; else its id goes with
    the prompt, so that the note's outcome is written into it (`_settle_reply`) instead of
    leaving it with buttons for a state that has passed."""
    pressed = ctx.msg.callback_message_id
    if pressed is None or await notify.kept_copy(ctx, ticket, pressed) is not None:
        return {}
    here = ChatPlace(ctx.msg.chat_id, ctx.msg.topic)
    if here not in await notify.work_places(ctx, ticket):
        return {}
    if await notify.keep_as_card(ctx, ticket, pressed, ctx.script_here):
        return {}
    return {"reply": pressed}


async def _settle_reply(ctx: Ctx, ticket: Ticket, data: dict[str, object]) -> None:
    """The /ticket reply a note's button was pressed on shows the state the note led to,
    without buttons: the card in this chat has them (`_pressed_reply`)."""
    message_id = data.get("reply")
    if not isinstance(message_id, int):
        return
    here = ChatPlace(ctx.msg.chat_id, ctx.msg.topic)
    text, _ = await notify.card_now(ctx, ticket, here)
    await ctx.enqueue(
        here,
        text,
        urgent=ticket.urgent,
        ticket_id=ticket.id,
        purpose="reply_edit",
        method="edit_message",
        extra={"message_id": message_id},
        script=ctx.script_here,
    )


async def requester_script(ctx: Ctx, ticket: Ticket) -> Script:
    return reply_script(ticket, await ctx.uow.users.get(ticket.requester_id))


async def tell_requester(
    ctx: Ctx,
    ticket: Ticket,
    key: str,
    buttons: tuple[tuple[Button, ...], ...] = (),
    *,
    purpose: str = "notify",
    **values: object,
) -> None:
    # The whole message, the team's words in it too (a note, a team), reaches the
    # requester in their script; a name (`as_written`) as written. Someone with several
    # tickets open (a wish list filed item by item) is told which one by its words too.
    number = ticket.label
    others = await ctx.uow.tickets.of_requester(ticket.requester_id, limit=2, open_only=True)
    if any(other.id != ticket.id for other in others):
        number = f"{number}（{gist(ticket)}）"
    await ctx.enqueue(
        ticket.requester_chat_id,
        t(key, Script.HANS, number=number, **values),
        buttons=buttons,
        urgent=ticket.urgent,
        ticket_id=ticket.id,
        purpose=purpose,
        script=await requester_script(ctx, ticket),
    )


async def on_button(ctx: Ctx, data: str) -> None:
    """tk:acc|vis|ask|xfer|res:<id>, tk:xto:<id>:<team>, and tk:cb:<id> (📞 已回访)."""
    parts = data.split(":")
    if len(parts) < 3:
        ctx.toast("stale_button")
        return
    verb = parts[1]
    if verb == "cb":
        # The ticket is closed, and the call-back may be owed by another team than the one
        # that had it (a complaint's, by the oversight team): whose it is is asked there.
        await callback.on_press(ctx, parts[2], ttl=note_ttl(ctx))
        return
    ticket = await _load(ctx, parts[2])
    if ticket is None:
        return
    if await notify.another_teams_chat(ctx, ticket):
        # Pressed on another team's message (a forged press): acting would write this
        # ticket's card, its requester's name and phone, over that team's message.
        ctx.toast("stale_button")
        return
    if verb == "nudge":
        await _leaders_nudge(ctx, ticket)
        return
    if verb == "accme" and len(parts) == 4 and parts[3] != ticket.team_id:
        await _offer_moved(ctx, ticket)
        return
    if verb in _HANDS_ON and not await _on_the_team(ctx, ticket):
        await _oversee_instead(ctx, ticket)
        return
    needs = _NOTE_ACTIONS.get(verb)
    pressed = needs or _PRESS_ACTIONS.get(verb)
    if pressed is not None and own_request(ticket, ctx.user.id, pressed):
        # Said now, not after a 办结 note has been typed that could not be used.
        ctx.toast("t_own_request", number=ticket.label)
        return
    untaken = ticket.status is Status.WAITING_REQUESTER and ticket.accepted_at is None
    if pressed in (Action.RESOLVE, Action.VISIT) and untaken:
        # Asked about before anyone took it (需补充 before 接单), on a copy of the card that
        # still shows 办结: said now, before a 办结 note is typed in vain, and the copies
        # show 接单 again (`card_buttons`).
        ctx.toast("t_accept_first", number=ticket.label)
        await refresh_cards(ctx, ticket)
        return
    if needs is not None and ticket.status not in TRANSITIONS[needs].sources:
        # Said now, not after the member has typed a note that could not be used.
        status = ticket_status(ticket, ctx.script, for_staff=True)
        ctx.toast("not_allowed_now", status=status)
        return
    if verb in _PRESS_ACTIONS:
        action = _PRESS_ACTIONS[verb]
        key = "n_accepted" if action is Action.ACCEPT else "n_on_site"
        if key == "n_accepted" and ticket.kind is Kind.SUGGESTION:
            key = "n_accepted_suggestion"  # taken up to be answered, nothing to mend
        if await _act(ctx, ticket, action):
            name = await notify.name_to_requester(ctx, ticket, ctx.user.id)
            if name is None:
                # No name to tell: the team's, as the requester knows whom they asked (a
                # suggestion's notice names who answers it, a team as well as a person).
                team = ctx.cfg.team(ticket.team_id).name
                named = key == "n_accepted_suggestion"
                key, name = (key, team) if named else (f"{key}_team", team)
            await tell_requester(ctx, ticket, key, name=name)
            await refresh_cards(ctx, ticket)
    elif verb == "res" and ticket.kind is Kind.WISH:
        await _ask_wish_result(ctx, ticket, _outcome(parts))
    elif verb in _PROMPTS:
        flow, prompt = _PROMPTS[verb]
        if verb == "res" and ticket.kind is Kind.SUGGESTION:
            prompt = "t_res_prompt_suggestion"  # its note is the requester's answer
        state = {"ticket_id": ticket.id, **await _pressed_reply(ctx, ticket)}
        await ctx.start_flow(flow, "note", state, ttl=note_ttl(ctx))
        minutes = _minutes(note_ttl(ctx))
        ctx.reply(t(prompt, ctx.script_here, number=ticket.label, minutes=minutes))
    elif verb == "xfer":
        others = [tm for tm in ctx.cfg.teams if tm.id != ticket.team_id]
        buttons = _team_buttons(ctx, others, f"tk:xto:{ticket.id}")
        ctx.reply(t("t_xfer_choose", ctx.script_here, number=ticket.label), buttons)
    elif verb == "rto" and len(parts) == 4 and ctx.cfg.find_team(parts[3]):
        # A supervisor's second press for the team that has it is told so (无需改派).
        again = parts[3] == ticket.team_id and await is_oversight(ctx)
        if again or await _dispatches_by_hand(ctx, ticket):
            await dispatch_by_hand(ctx, ticket, parts[3])
        else:
            ctx.toast("stale_button")
    elif verb == "xto" and len(parts) == 4 and parts[3] == ticket.team_id:
        # An older list's button for the team that has it now: said before a reason is
        # typed that could not be used.
        team = in_script(ctx.cfg.team(ticket.team_id).name, ctx.script)
        ctx.toast("t_xfer_same", number=ticket.label, team=team)
    elif verb == "xto" and len(parts) == 4 and ctx.cfg.find_team(parts[3]):
        state = {"ticket_id": ticket.id, "to": parts[3]}
        await ctx.start_flow("t_xfer", "note", state, ttl=note_ttl(ctx))
        script, minutes = ctx.script_here, _minutes(note_ttl(ctx))
        team = in_script(ctx.cfg.team(parts[3]).name, script)
        ctx.reply(t("t_xfer_prompt", script, number=ticket.label, team=team, minutes=minutes))
    else:
        ctx.toast("stale_button")


def _outcome(parts: list[str]) -> WishOutcome:
    """The outcome a wish's 办结 press names (tk:res:<id>:partly); a bare 办结, from the card
    or a reminder, is for a wish granted."""
    return _outcome_named(parts[3] if len(parts) == 4 else "")


def _outcome_named(named: str) -> WishOutcome:
    """A wish's outcome by its name (partly, declined); any other name is a wish granted."""
    return WishOutcome(named) if named in set(WishOutcome) else WishOutcome.GRANTED


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
    state = {"ticket_id": ticket.id, "outcome": outcome.value, **await _pressed_reply(ctx, ticket)}
    await ctx.start_flow("t_res", "note", state, ttl=note_ttl(ctx))
    script = ctx.script_here
    others = [o for o in WishOutcome if o is not outcome]
    buttons = rows(
        *(Button(t(_WISH_BUTTONS[o], script), f"tk:res:{ticket.id}:{o}") for o in others)
    )
    minutes = _minutes(note_ttl(ctx))
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


async def _oversee_instead(ctx: Ctx, ticket: Ticket) -> None:
    """A supervisor's 接单 (上门, 需补充, 办结) on a team's card is not taken as the
    supervisor doing the work: the farmer would be told the supervisor is on the way, the
    team, seeing it accepted, that someone is, and the ladder would stop chasing a team
    that never took it. Mostly a supervisor means the team should: 催办 and 改派 are
    offered, in their private chat; and 由我接单 for one who does mean to take the call."""
    team = in_script(ctx.cfg.team(ticket.team_id).name, ctx.script)
    if not oversight_applies(ticket.status):
        ctx.toast("not_allowed_now", status=ticket_status(ticket, ctx.script, for_staff=True))
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
        ctx.reply(in_script(text, ctx.script), buttons_in_script(buttons, ctx.script))
        return
    # A toast is seen by the presser alone; the buttons go where the team does not read them,
    # if they can reach them there (one who blocked the bot is told to open the chat).
    if not await notify.reachable(ctx, [ctx.user.id]):
        ctx.toast("sv_hands_off_unreachable", number=ticket.label, team=team)
        return
    await ctx.enqueue(ctx.user.id, text, buttons=buttons, ticket_id=ticket.id)
    ctx.toast("sv_hands_off_toast", number=ticket.label, team=team)


async def _offer_moved(ctx: Ctx, ticket: Ticket) -> None:
    """由我接单 pressed on an offer of a call that has since been sent on to another team:
    nothing is taken under a message naming the team it left. The old offer says where it
    went, without buttons, and the offer is made again for the team that has it now."""
    team = ctx.cfg.team(ticket.team_id).name
    ctx.reply(in_script(t("sv_take_moved", number=ticket.label, team=team), ctx.script), edit=True)
    await _oversee_instead(ctx, ticket)


async def _dispatches_by_hand(ctx: Ctx, ticket: Ticket) -> bool:
    """Whether a one-press dispatch (tk:rto) is the presser's to make: a supervisor's (改派)
    or the triage desk's (派给 on a card there). Our keyboards offer it to no one else; a
    team member sending a ticket on gives the reason (转派), which a forged press must not
    skip."""
    triage = ctx.cfg.triage_line()
    if triage is not None and ticket.line == triage.id:
        return True
    if not await is_oversight(ctx):
        return False
    # A supervisor's 改派 is theirs to press anywhere but on the triage desk's own card of a
    # ticket that has left it: that 派给 was answered (by another at the desk, perhaps).
    desks = [tm.id for tm in ctx.cfg.teams_of_line(triage.id)] if triage is not None else []
    for team_id in desks:
        place = await notify.team_chat(ctx, team_id)
        if place is not None and place.chat_id == ctx.msg.chat_id:
            return False
    return True


async def dispatch_by_hand(ctx: Ctx, ticket: Ticket, team_id: str) -> None:
    """A supervisor (or the triage desk) sends the ticket to `team_id` with one press."""
    action = Action.REASSIGN if await is_oversight(ctx) else Action.TRANSFER
    if ticket.team_id == team_id and ticket.status.is_open:
        # Pressed twice, or by two people: the ticket is there already; nothing changes.
        team = in_script(ctx.cfg.team(team_id).name, ctx.script)
        ctx.toast("reassign_same", number=ticket.label, team=team)
        return
    from_team, taker = ticket.team_id, ticket.accepted_by
    if not await _act(ctx, ticket, action, note="人工分派", to_team=team_id):
        return
    await refresh_cards(ctx, ticket, reposting=True)
    await notify.post_card(ctx, ticket, with_history=True)
    if action is Action.REASSIGN:
        await notify.moved_away(ctx, ticket, from_team, taker)
    team = ctx.cfg.team(team_id).name
    await tell_requester(ctx, ticket, "n_transferred", team=team)
    ctx.toast("reassigned", number=ticket.label, team=in_script(team, ctx.script))


async def on_supervisor_button(ctx: Ctx, data: str) -> None:
    """sv:remind:<id> (催办: nudge the team again) and sv:reassign:<id> (改派: pick a team)."""
    parts = data.split(":")
    if len(parts) != 3 or not await is_oversight(ctx):
        ctx.toast("supervisors_only_button" if len(parts) == 3 else "stale_button")
        return
    ticket = await _load(ctx, parts[2])
    if ticket is None:
        return
    if not oversight_applies(ticket.status):
        ctx.toast("not_allowed_now", status=ticket_status(ticket, ctx.script, for_staff=True))
    elif parts[1] == "remind" and (last := await _nudged_lately(ctx, ticket)) is not None:
        # Two supervisors, or a second press: the team is not paged twice in a few minutes.
        who = await notify.name_of(ctx, last.actor_id)
        ctx.toast("sv_reminded_lately", number=ticket.label, at=local(ctx.cfg, last.at), who=who)
    elif parts[1] == "remind":
        await _nudge(
            ctx, ticket, _oversight_role(await roles_of(ctx.uow, ctx.cfg, ctx.user.id, ticket))
        )
    elif parts[1] == "reassign":
        same_line = [tm for tm in ctx.cfg.teams_of_line(ticket.line) if tm.id != ticket.team_id]
        others = [tm for tm in ctx.cfg.teams if tm.line != ticket.line]
        buttons = _team_buttons(ctx, same_line + others, f"tk:rto:{ticket.id}")
        ctx.reply(t("sv_choose_team", ctx.script_here, number=ticket.label), buttons)
    else:
        ctx.toast("stale_button")


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
    buttons, purpose = _nudge_button(ticket, leader=role is Role.LEADER)
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
    team = in_script(ctx.cfg.team(ticket.team_id).name, ctx.script)
    state = progress(ctx, ticket, ctx.script)
    ctx.toast("sv_reminded", number=ticket.label, team=team, state=state)


async def _leaders_nudge(ctx: Ctx, ticket: Ticket) -> None:
    """tk:nudge:<id>, the 催办 on the ladder's alert to a team's leaders."""
    roles = await roles_of(ctx.uow, ctx.cfg, ctx.user.id, ticket)
    if Role.LEADER not in roles and not roles & {Role.SUPERVISOR, Role.ADMIN}:
        ctx.toast("leaders_only_button")
    elif not oversight_applies(ticket.status):
        ctx.toast("not_allowed_now", status=ticket_status(ticket, ctx.script, for_staff=True))
    elif (last := await _nudged_lately(ctx, ticket)) is not None:
        who = await notify.name_of(ctx, last.actor_id)
        ctx.toast("sv_reminded_lately", number=ticket.label, at=local(ctx.cfg, last.at), who=who)
    else:
        await _nudge(ctx, ticket, Role.LEADER if Role.LEADER in roles else _oversight_role(roles))


def _oversight_role(roles: set[Role]) -> Role:
    """The role a 催办 above the team is recorded in: a supervisor's, else an admin's."""
    return Role.SUPERVISOR if Role.SUPERVISOR in roles else Role.ADMIN


def _nudge_button(ticket: Ticket, *, leader: bool) -> tuple[tuple[tuple[Button, ...], ...], str]:
    """The button a 催办 carries to the team, and the purpose it is kept under
    (`core.lifecycle.NUDGES`, a leader's apart, so that its news keeps its own words):
    接单 while nobody has it, 办结 while someone works on it; none while it waits for the
    requester, whose answer is what it waits for."""
    if ticket.status is Status.DISPATCHED:
        purpose = LEADER_NUDGE_ACCEPT if leader else ACCEPT_PROMPT
        return ((Button(t("btn_accept"), f"tk:acc:{ticket.id}"),),), purpose
    if ticket.status in (Status.ACCEPTED, Status.ON_SITE):
        purpose = LEADER_NUDGE_RESOLVE if leader else RESOLVE_PROMPT
        return ((Button(t("btn_resolve"), f"tk:res:{ticket.id}"),),), purpose
    return (), "remind"


def _team_buttons(ctx: Ctx, teams: list[Team], prefix: str) -> tuple[tuple[Button, ...], ...]:
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


async def note_step(ctx: Ctx) -> None:
    """The note after 需补充 / 转派 / 办结: the question, the reason, what was done."""
    assert ctx.conv is not None
    flow, data = ctx.conv.flow, ctx.conv.data
    text = ctx.msg.text.strip()
    # A photo or voice note (the mended fan, the licence form) goes with the note; the
    # words may come with it as its caption, or after it.
    files: list[list[str]] = list(data.get("files", []))
    sent = [[kind, ref] for kind, ref in _sent_files(ctx) if ref]
    if not text:
        if sent:
            await ctx.goto(ctx.conv.step, files=files + sent)
            ctx.say("t_note_file_kept")
        else:
            ctx.say("need_text")
        return
    if not bare(text):
        # An emoji or a 👍 alone is no question, result or reason to send on: the prompt
        # waits for words, a file sent with it kept.
        if sent:
            await ctx.goto(ctx.conv.step, files=files + sent)
        ctx.say("t_note_expected")
        return
    if ctx.too_long(text):
        # Said to the requester, a note this long would come in pieces, and the card,
        # whose edit cannot be split, would lose its end: a shorter one is waited for.
        if sent:
            await ctx.goto(ctx.conv.step, files=files + sent)
        return
    files += sent
    ticket = await _load(ctx, str(data.get("ticket_id", "")))
    await ctx.end_flow()
    if ticket is None:
        return
    # The cards show the new state first; a transferred ticket's new card comes after.
    if flow == "t_ask" and await _act(ctx, ticket, Action.ASK, note=text):
        await refresh_cards(ctx, ticket)
        await _settle_reply(ctx, ticket, data)
        await _keep_files(ctx, ticket, files, text, to_requester=True)
        await tell_requester(
            ctx, ticket, "n_question", purpose=QUESTION_NOTICE, question=staff_words(text)
        )
    elif flow == "t_res" and await _act(
        ctx, ticket, Action.RESOLVE, note=text, outcome=_wish_outcome(ticket, data)
    ):
        await refresh_cards(ctx, ticket)
        await _settle_reply(ctx, ticket, data)
        await _keep_files(ctx, ticket, files, text, to_requester=True)
        confirm = rows(
            Button(t(confirm_key(ticket)), f"my:ok:{ticket.id}"),
            Button(t(dispute_key(ticket)), f"my:bad:{ticket.id}"),
        )
        notice = f"n_resolved{answered_as(ticket)}"
        await tell_requester(
            ctx, ticket, notice, confirm, purpose=RESOLUTION_NOTICE, note=staff_words(text)
        )
        if ticket.wish_outcome is not None:
            flow = "t_res_wish"
        elif ticket.kind is Kind.SUGGESTION:
            flow = "t_res_suggestion"
    elif flow == "t_xfer" and await _act(
        ctx, ticket, Action.TRANSFER, note=text, to_team=str(data.get("to"))
    ):
        await refresh_cards(ctx, ticket, reposting=True)
        await _keep_files(ctx, ticket, files, text, to_requester=False)  # with the new card
        await tell_requester(ctx, ticket, "n_transferred", team=ctx.cfg.team(ticket.team_id).name)
        await notify.post_card(ctx, ticket, with_history=True)
    else:
        return
    # What became of the note, not only that it was kept: asked, resolved, or with whom now.
    team = ctx.cfg.team(ticket.team_id).name
    outcome = WISH_OUTCOME_NAMES[ticket.wish_outcome] if ticket.wish_outcome else ""
    done = t(f"{flow}_done", number=ticket.label, what=clip(text, 40), team=team, outcome=outcome)
    ctx.reply(in_script(done, ctx.script_here))


def _wish_outcome(ticket: Ticket, data: dict[str, object]) -> WishOutcome | None:
    """The outcome the 办结 note of a wish was asked for (none for other kinds)."""
    if ticket.kind is not Kind.WISH:
        return None
    return _outcome_named(str(data.get("outcome") or ""))


def _sent_files(ctx: Ctx) -> list[tuple[str, str | None]]:
    return [("photo", ctx.msg.photo_file_id), ("voice", ctx.msg.voice_file_id)]


async def _keep_files(
    ctx: Ctx, ticket: Ticket, files: list[list[str]], note: str, *, to_requester: bool
) -> None:
    """Keep the member's photos and voice notes on the ticket (a later team's card carries
    them), and show them to the requester with the question or the result they go with."""
    script = await requester_script(ctx, ticket)
    for kind, file_id in files:
        await attach(ctx, ticket, kind, file_id, caption=note)
        if to_requester:
            await ctx.enqueue(
                ticket.requester_chat_id,
                "",
                urgent=ticket.urgent,
                ticket_id=ticket.id,
                purpose="attachment",
                method=notify.FILE_METHODS[kind],
                extra={"file_id": file_id, "caption": t("file_of_ticket", number=ticket.label)},
                script=script,
            )


def _leavable(step: Step) -> Step:
    """`step`, unless the member's words only leave the prompt (算了, 取消, as /cancel):
    they are no question, result, reason or call-back to send on or record ("已办结：算了"
    would reach the requester as the team's word)."""

    async def run(ctx: Ctx) -> None:
        left = ctx.conv
        sent = ctx.msg.photo_file_id or ctx.msg.voice_file_id
        if left is not None and not sent and calls_off(ctx.msg.text):
            await ctx.end_flow()
            await say_left(ctx, left)
            return
        await step(ctx)

    return run


FLOWS: dict[str, Step] = {
    "t_ask": _leavable(note_step),
    "t_res": _leavable(note_step),
    "t_xfer": _leavable(note_step),
    callback.FLOW: _leavable(callback.note_step),
}

# How long a card's prompt (需补充's question, 办结's result, 转派's reason; and 📞 已回访's
# note, `handlers/callback.py`) waits for the member's next message. Long enough to type a
# few lines on a phone, or to send a photo first (each one kept starts the wait again);
# short enough that what the member says in the group later, to the others and about
# something else, is not taken for the note and sent to the requester as the team's word.
# The config's conversation_ttl (2 hours by default) is for requesters, who may leave a
# form half done and come back to it.
NOTE_TTL = timedelta(minutes=15)

# What each prompt waits for, and the button that asks for it again.
_WAITS_FOR = {
    "t_ask": ("要补充的问题", "需补充"),
    "t_res": ("办结说明", "办结"),
    "t_xfer": ("转派原因", "转派"),
    callback.FLOW: ("回访情况", "📞 已回访"),
}


def note_ttl(ctx: Ctx) -> timedelta:
    return min(NOTE_TTL, ctx.cfg.limits.conversation_ttl)


def _minutes(span: timedelta) -> int:
    return max(1, round(span.total_seconds() / 60))


async def leave_note(ctx: Ctx) -> Conversation | None:
    """A button pressed or a command sent while a card's prompt waits for its note ends the
    prompt (the member has moved on: to 上门, another card, /ticket), so that their next
    words are not taken for it. /cancel says so itself. The ended prompt, or None."""
    conv, msg = ctx.conv, ctx.msg
    if conv is None or conv.flow not in FLOWS:
        return None
    if not msg.is_button and (not msg.command or msg.command == "cancel"):
        return None
    await ctx.end_flow()
    return conv


async def say_left(ctx: Ctx, left: Conversation) -> None:
    """After `leave_note`: the member learns that the prompt no longer waits, unless the
    press asked for a note again (the same button twice, 需补充 on another card)."""
    if ctx.conv is not None:
        return
    number = await _number(ctx, left)
    what, button = (in_script(word, ctx.script) for word in _WAITS_FOR[left.flow])
    ctx.say("t_note_left", number=number, what=what, button=button)


async def note_expired(ctx: Ctx, expired: Conversation) -> bool:
    """A message after a card's prompt stopped waiting is not its note: it is read as what
    it would be without the prompt (in a group, the team's own talk). When it may have been
    meant as the note (typed, within the hours a conversation would otherwise last), the
    member is told it was not recorded (True then)."""
    msg = ctx.msg
    typed = bool(msg.text.strip() or msg.photo_file_id or msg.voice_file_id)
    if msg.is_button or msg.command or not typed:
        return False
    if ctx.now >= expired.updated_at + ctx.cfg.limits.conversation_ttl:
        return False  # long after: plainly about something else
    number = await _number(ctx, expired)
    what, button = (in_script(word, ctx.script) for word in _WAITS_FOR[expired.flow])
    minutes = _minutes(expired.expires_at - expired.updated_at)
    ctx.say("t_note_expired", number=number, what=what, button=button, minutes=minutes)
    return True


async def _number(ctx: Ctx, conv: Conversation) -> str:
    ticket_id = conv.data.get("ticket_id")
    ticket = await ctx.uow.tickets.get(ticket_id) if isinstance(ticket_id, int) else None
    return ticket.label if ticket is not None else "?"
