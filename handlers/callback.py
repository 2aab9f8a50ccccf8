"""The call-back (回访) a low rating owes: asked for when the rating comes, with
「📞 已回访」 (tk:cb:<id>), and recorded with one line of what the requester said."""

from __future__ import annotations

from datetime import timedelta

from core import callback
from core.complainant import team_keeps
from core.lifecycle import CALLBACK_NOTICE
from core.model import ChatPlace, Ticket
from core.numbers import ticket_id_of
from core.team_card import alert_card, local, shown_name
from core.texts import clip
from handlers import notify
from handlers.cards import called_here
from handlers.context import Ctx
from handlers.i18n import as_written, in_script, t
from handlers.replies import Button, rows
from handlers.staff import is_oversight, serves_a_team

FLOW = "t_cb"  # the prompt for what the requester said, as a card's prompts are
PURPOSE = CALLBACK_NOTICE  # the outbox purpose of what asks for the call-back
NOTE_MAX = 500  # characters kept, as of a rating's comment
_TOAST_NOTE = 60  # of the note, in a popup (Telegram shows 200 characters at most)


def _button(ticket: Ticket) -> tuple[tuple[Button, ...], ...]:
    return rows(Button(t("btn_callback"), f"tk:cb:{ticket.id}"))


def _owner_name(ctx: Ctx, ticket: Ticket) -> str:
    team = ctx.cfg.find_team(callback.callback_owner(ticket))
    return team.name if team is not None else ticket.team_id


async def owe(ctx: Ctx, ticket: Ticket, score: int, *, remark: str = "") -> int:
    """The ticket, just rated `score` (not satisfied), owes a call-back: the leaders who owe
    it and the supervisors are told, with 「📞 已回访」, the ticket's compact card (who to
    call and their phone), and what the requester said of it when that came with the score
    (`remark`). How many were told."""
    await callback.owe(ctx.uow, ctx.cfg, ticket, ctx.now)
    said = t(
        _anonymous_or("low_rating", ticket),
        number=ticket.label,
        team=ctx.cfg.team(ticket.team_id).name,
        score=score,
        owner=_owner_name(ctx, ticket),
        due=local(ctx.cfg, ticket.callback_due_at),
    )
    # The ticket as the ladder's reminders show it, with the requester's phone to call at
    # once; a complainant's details are theirs to read when the team owing it keeps them
    # (作风监督 does), an anonymous one's nobody's.
    requester = await ctx.uow.users.get(ticket.requester_id)
    keeper = team_keeps(ctx.cfg, callback.callback_owner(ticket))
    said += "\n" + alert_card(ctx.cfg, ticket, requester, keeper=keeper)
    if remark:
        said += "\n" + t("low_rating_remark", text=as_written(remark[:500]))
    # A leader who is also a supervisor is told once.
    overseers = await notify.overseers(ctx)
    owing = await notify.leaders(ctx, callback.callback_owner(ticket))
    told = [*(uid for uid in owing if uid not in overseers), *overseers]
    for person in told:
        await ctx.enqueue(
            person, said, buttons=_button(ticket), ticket_id=ticket.id, purpose=PURPOSE
        )
    return len(told)


async def on_press(ctx: Ctx, raw_id: str, *, ttl: timedelta) -> None:
    """tk:cb:<id>: the note of the call-back is asked for, for `ttl`; or, once recorded,
    who recorded it and when."""
    ticket_id = ticket_id_of(raw_id)
    ticket = await ctx.uow.tickets.get(ticket_id) if ticket_id is not None else None
    if ticket is None:
        ctx.refuse("stale_button")
    elif await _refused(ctx, ticket):
        return
    elif ticket.callback_at is not None:
        await _say_recorded(ctx, ticket)
    elif not ticket.owes_callback:
        ctx.toast(
            _anonymous_or("cb_none", ticket), number=ticket.label
        )  # sent back as not solved since
    else:
        await ctx.start_flow(FLOW, "note", {"ticket_id": ticket.id}, ttl=ttl)
        minutes = max(1, round(ttl.total_seconds() / 60))
        ctx.say(_anonymous_or("cb_prompt", ticket), number=ticket.label, minutes=minutes)


def _anonymous_or(key: str, ticket: Ticket | None) -> str:
    """An anonymous complaint's call-back is a review (复核) of how it was handled: nobody
    can be phoned, so nothing asks what the requester said (as the ladder's reminders)."""
    return f"{key}_anonymous" if ticket is not None and ticket.anonymous else key


async def note_step(ctx: Ctx) -> Ticket | None:
    """The line after 「📞 已回访」: what the requester said, recorded as the call-back.
    The ticket, when it was recorded (its photos are kept by `handlers.team_notes`)."""
    assert ctx.conv is not None
    text = ctx.msg.text.strip()
    ticket_id = ctx.conv.data.get("ticket_id")
    ticket = await ctx.uow.tickets.get(ticket_id) if isinstance(ticket_id, int) else None
    if not text:
        # Nothing the ledger can show (a photo or a voice note is kept until the words come).
        ctx.say(_anonymous_or("cb_need_text", ticket))
        return None
    if ctx.too_long(text):
        return None
    await ctx.end_flow()
    if ticket is None:
        ctx.say("stale_button")
        return None
    role = await callback.recorder_role(ctx.uow, ctx.cfg, ctx.user.id, ticket)
    if role is None:
        await _refused(ctx, ticket)  # no longer a leader of the team that owes it
    elif ticket.callback_at is not None:
        await _say_recorded(ctx, ticket)  # another leader, or a supervisor, was quicker
    elif not ticket.owes_callback:
        ctx.say(_anonymous_or("cb_none", ticket), number=ticket.label)
    else:
        note = text[:NOTE_MAX]
        await callback.record(
            ctx.uow, ctx.cfg, ticket, by=ctx.user.id, role=role, note=note, now=ctx.now
        )
        await ctx.uow.flush()  # a lost race is run again, and finds it recorded
        await _tell_asked(ctx, ticket)
        ctx.say(_anonymous_or("cb_done", ticket), number=ticket.label, note=as_written(note))
        return ticket
    return None


async def file_kept(ctx: Ctx) -> None:
    """Says that a photo or voice note sent at the prompt before its words is kept with them,
    and asks for the words (a review's result, for an anonymous complaint)."""
    assert ctx.conv is not None
    ticket_id = ctx.conv.data.get("ticket_id")
    ticket = await ctx.uow.tickets.get(ticket_id) if isinstance(ticket_id, int) else None
    ctx.say(_anonymous_or("cb_file_kept", ticket))


async def _tell_asked(ctx: Ctx, ticket: Ticket) -> None:
    """Every sent message that asked for the call-back (the leaders', the supervisors', the
    回访督办 saying 仍未记录回访) now says who recorded it, when and what, without its
    「📞 已回访」. Those not sent yet are settled superseded: they would only ask again."""
    assert ticket.id is not None
    # One a sender holds goes out, and loses its button once recorded (bot/outbox/recorder).
    await ctx.uow.outbox.supersede(ticket.id, CALLBACK_NOTICE, ctx.now)
    who = await shown_name(ctx.uow, ticket.callback_by)
    said = t(
        _anonymous_or("cb_told", ticket),
        number=ticket.label,
        who=who,
        at=local(ctx.cfg, ticket.callback_at),
        note=as_written(ticket.callback_note),
    )
    for asked in await ctx.uow.ticket_messages.of_ticket(ticket.id, CALLBACK_NOTICE):
        await ctx.uow.ticket_messages.forget(asked)
        await ctx.enqueue(
            ChatPlace(asked.chat_id, asked.thread_id),
            said,
            ticket_id=ticket.id,
            purpose="callback_edit",
            method="edit_message",
            extra={"message_id": asked.message_id},
            script=asked.shown_in,  # the script it was sent in
        )


async def _refused(ctx: Ctx, ticket: Ticket) -> bool:
    """Whether the presser may not record the call-back (and is told so)."""
    if await callback.recorder_role(ctx.uow, ctx.cfg, ctx.user.id, ticket) is not None:
        return False
    if not (await serves_a_team(ctx) or await is_oversight(ctx)):
        # A forged press by someone outside the bureau's staff (a requester): the ticket's
        # number, whose it is and that it is an (anonymous) complaint are not theirs to learn.
        ctx.refuse("t_not_member")
        return True
    team = in_script(_owner_name(ctx, ticket), ctx.script_here)
    ctx.refuse(_anonymous_or("cb_not_yours", ticket), number=ticket.label, team=team)
    return True


async def _say_recorded(ctx: Ctx, ticket: Ticket) -> None:
    ctx.toast(
        _anonymous_or("cb_recorded", ticket),
        number=ticket.label,
        who=await notify.name_of(ctx, ticket.callback_by),
        at=local(ctx.cfg, ticket.callback_at),
        note=as_written(clip(ticket.callback_note, _TOAST_NOTE)),
    )


def owed_to_requester(ctx: Ctx, ticket: Ticket) -> str:
    """What the requester reads of a call-back the ticket owes them, in /my: a leader will
    call (待回访), or, for an anonymous complaint nobody can call, the leaders review it;
    "" once it is recorded, or when none is owed."""
    if not ticket.owes_callback:
        return ""
    key = _anonymous_or("my_callback_owed", ticket)
    return ctx.text(key, number=ticket.label, what=called_here(ctx, ticket))
