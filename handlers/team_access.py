"""A team's press on a ticket: the ticket loaded and the presser's right to it checked,
the action taken (or who was quicker told), the cards shown anew, the requester told."""

from __future__ import annotations

from core.enums import Action, Script, Status, WishOutcome
from core.errors import IllegalTransition, InvalidInput, OwnRequest, PermissionDenied
from core.left_behind import REPOSTED_NOTE, moved_note, places_left
from core.lifecycle import PROGRESS_NOTICE, PROMPTS, QUESTION_NOTICE, RESOLUTION_NOTICE
from core.model import ChatPlace, Ticket, reply_script
from core.numbers import ticket_id_of
from core.services import may_work_on, perform
from core.team_card import cards_by_place
from core.texts import called, clip
from core.wish_lists import number_told
from handlers import notify
from handlers.cards import MOVES, card_buttons, gist, ticket_status
from handlers.context import Ctx
from handlers.i18n import buttons_in_script, in_script, t
from handlers.rating import asked_anew
from handlers.replies import Button
from handlers.staff import is_oversight, serves_a_team, teams_served
from handlers.tickets import filed_anew
from handlers.wish_lists import in_list_order


async def load_ticket(ctx: Ctx, raw_id: str) -> Ticket | None:
    ticket_id = ticket_id_of(raw_id)
    ticket = await ctx.uow.tickets.get(ticket_id) if ticket_id is not None else None
    if ticket is None:
        ctx.refuse("stale_button")
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
        team = in_script(ctx.cfg.team(ticket.team_id).name, ctx.script_here)
        key = "t_with_other_team" if await _had_it(ctx, ticket) else "t_other_teams"
        ctx.refuse(key, number=ticket.label, team=team)
    else:
        ctx.refuse("t_not_member")


async def refuse_moved_on(ctx: Ctx, ticket: Ticket) -> None:
    """A press (or a 转派 reason typed) on a ticket that has left this chat, by someone not
    on its team now: a supervisor learns where it is and how they may still act on it
    (/ticket's 催办 and 改派; an older 改派 list's button is among such presses), even at
    the desk that had it; a member whose team had it, that their team can no longer."""
    team = in_script(ctx.cfg.team(ticket.team_id).name, ctx.script_here)
    if await is_oversight(ctx):
        key = "t_with_other_team_oversight"
    elif await _had_it(ctx, ticket):
        key = "t_with_other_team"
    else:
        key = "t_other_teams"
    ctx.refuse(key, number=ticket.label, team=team)


async def _had_it(ctx: Ctx, ticket: Ticket) -> bool:
    """Whether one of the presser's teams had the ticket before it was sent on."""
    assert ticket.id is not None
    teams = await teams_served(ctx)
    return any(
        event.action in MOVES and event.data.get("from_team") in teams
        for event in await ctx.uow.tickets.events(ticket.id)
    )


async def act_on(
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
            await filed_anew(ctx, ticket)
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
            status = ticket_status(ticket, ctx.script_here, for_staff=True)
            ctx.toast("not_allowed_now", status=status)
        return False
    except OwnRequest:
        ctx.refuse("t_own_request", number=ticket.label)
        return False
    except PermissionDenied:
        ctx.refuse("t_not_member")
        return False
    except InvalidInput:
        ctx.refuse("stale_button")
        return False
    return True


# A note that came too late: for the note's action and the status a colleague's note led
# to, the event of that note and what the member is told of it. A question (or a 转派's
# reason) typed while a colleague resolved the ticket is not asked of a requester now asked
# to confirm (nor sends it on).
_BEATEN = {
    (Action.RESOLVE, Status.RESOLVED): ("resolve", "t_resolved_by_other"),
    (Action.ASK, Status.WAITING_REQUESTER): ("ask", "t_asked_by_other"),
    (Action.ASK, Status.RESOLVED): ("resolve", "t_ask_after_resolved"),
    (Action.TRANSFER, Status.RESOLVED): ("resolve", "t_xfer_after_resolved"),
}


async def _beaten_to_it(ctx: Ctx, ticket: Ticket, action: Action) -> tuple[str, str, str] | None:
    """The text key, the colleague's name and their note, when `action` failed because a
    colleague's note went first (办结 or 需补充 typed by two at once, or 办结 while the
    other typed a question or a 转派's reason)."""
    if (action, ticket.status) not in _BEATEN:
        return None
    assert ticket.id is not None
    event_name, key = _BEATEN[action, ticket.status]
    done = [e for e in await ctx.uow.tickets.events(ticket.id) if e.action == event_name]
    if not done or done[-1].actor_id == ctx.user.id:
        return None
    return key, await notify.name_of(ctx, done[-1].actor_id), done[-1].note


async def refresh_cards(
    ctx: Ctx, ticket: Ticket, *, reposting: bool = False, moved_from: str | None = None
) -> None:
    """Show the new state on the pressed card and on every other copy of it (without
    buttons when `reposting`: a fresh card follows). `moved_from`: the team the ticket was
    just sent on from, whose copies say where it went, for the last time."""
    pressed = ctx.msg.callback_message_id
    # Built once: the pressed copy and every other copy read the same state.
    card_at = await cards_by_place(ctx.uow, ctx.cfg, ticket)
    if pressed is not None:
        here = ChatPlace(ctx.msg.chat_id, ctx.msg.topic)
        text = card_at(here)
        leaving, moved_at = await notify.moved_card_at(ctx, ticket, moved_from)
        if here in leaving:
            text = moved_at(here)  # 派给 pressed on the triage desk's card: where it went
        if reposting and here in await notify.fresh_card_places(ctx, ticket):
            text = f"{text}\n{REPOSTED_NOTE}"  # the fresh card follows in this chat
        await _edit_pressed(ctx, ticket, pressed, text, live=not reposting, keeping=True)
    await notify.update_cards(
        ctx,
        ticket,
        skip_message_id=pressed,
        reposting=reposting,
        card_at=card_at,
        moved_from=moved_from,
    )


async def _edit_pressed(
    ctx: Ctx, ticket: Ticket, pressed: int, text: str, *, live: bool, keeping: bool
) -> None:
    """Edit the pressed message to `text`, with the buttons of the ticket's state where
    it is `live` still (`keeping`: a message no copy is kept of may become the card)."""
    here = ChatPlace(ctx.msg.chat_id, ctx.msg.topic)
    # Pressed where the ticket is no longer worked on (sent on to another team), or on a
    # ladder's reminder rather than a card (the card keeps the buttons, and is the copy
    # later changes edit): its state, without buttons.
    live = live and here in await notify.work_places(ctx, ticket)
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
        live = keeping and await notify.keep_as_card(ctx, ticket, pressed, script)
    shown = buttons_in_script(card_buttons(ctx.cfg, ticket), script) if live else ()
    ctx.reply(in_script(text, script), shown, edit=True)
    ctx.out.card_of = ticket.id  # a repeat of the press edits it to its state then


async def pressed_card_now(ctx: Ctx, ticket: Ticket) -> None:
    """A repeat of a press whose step edited the pressed card (`handlers.kept_replies`):
    the step is not run again, and its edit is not replayed (the ticket may have moved on
    since: another member resolved it, a supervisor sent it on); the card is edited to how
    this place reads it now, as the ticket's next change would. Writes nothing."""
    pressed = ctx.msg.callback_message_id
    if pressed is None:
        return
    here = ChatPlace(ctx.msg.chat_id, ctx.msg.topic)
    watcher = await notify.oversight_chat(ctx, ticket)
    left = await places_left(ctx.uow, ctx.cfg, ticket) - await notify.work_places(ctx, ticket)
    # A copy the ticket has left: where it went, as its last edit said.
    note = moved_note(ctx.cfg, ticket) if here in left - {watcher} else ""
    text = (await cards_by_place(ctx.uow, ctx.cfg, ticket, note=note))(here)
    copy = await notify.kept_copy(ctx, ticket, pressed)
    assert ticket.id is not None
    # A newer card in this chat, sent or on its way (the ticket came back to this team,
    # or was reopened): that one has the buttons.
    queued = here in await ctx.uow.outbox.pending_places(ticket.id, "card")
    if copy is not None and copy.purpose == "card":
        fresh = queued or await notify.superseded_card(ctx, ticket, copy)
    else:
        fresh = False
    if fresh:
        text = f"{text}\n{REPOSTED_NOTE}"
    # The fresh card alone has the buttons, also while it is still on its way.
    await _edit_pressed(ctx, ticket, pressed, text, live=not fresh, keeping=False)


async def pressed_reply(ctx: Ctx, ticket: Ticket) -> dict[str, object]:
    """需补充 or 办结 pressed on a message no copy is kept of (a /ticket reply): it is kept
    as the card where the place has none, and later edits reach it; else its id goes with
    the prompt, so that the note's outcome is written into it (`settle_reply`) instead of
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


async def settle_reply(ctx: Ctx, ticket: Ticket, data: dict[str, object]) -> None:
    """The /ticket reply a note's button was pressed on shows the state the note led to,
    without buttons: the card in this chat has them (`pressed_reply`)."""
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
    # requester in their script; a name (`as_written`) as written. An item of a wish list
    # is told by its place and words, a ticket among others open by its words.
    others = await ctx.uow.tickets.of_requester(ticket.requester_id, limit=2, open_only=True)
    [(_, place)] = await in_list_order(ctx, [ticket])
    number = number_told(
        ticket.label,
        gist(ticket),
        place=place,
        others_open=any(other.id != ticket.id for other in others),
    )
    await ctx.enqueue(
        ticket.requester_chat_id,
        t(key, Script.HANS, number=number, what=called(ticket), **values),
        buttons=buttons,
        urgent=ticket.urgent,
        ticket_id=ticket.id,
        purpose=purpose,
        script=await requester_script(ctx, ticket),
    )
    if purpose in (QUESTION_NOTICE, RESOLUTION_NOTICE):
        await asked_anew(ctx, ticket)  # 是的 typed now answers this, not an older question


async def tell_requester_moved(ctx: Ctx, ticket: Ticket, team: str) -> None:
    """The requester told which team has the ticket now (转派, 改派, 接管): kept with its
    message id, so that words replied to it are about this ticket."""
    await tell_requester(ctx, ticket, "n_transferred", purpose=PROGRESS_NOTICE, team=team)


def outcome_named(named: str) -> WishOutcome:
    """A wish's outcome by its name (partly, declined); any other name is a wish granted."""
    return WishOutcome(named) if named in set(WishOutcome) else WishOutcome.GRANTED
