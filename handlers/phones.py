"""A requester's phone number outside registration: shared with the 📱 button offered after a
110 call, or typed. The team working on their open call is told it, and its card shows it;
shared while a team waits for their answer (请留个电话), or after ➕ 补充, it is that answer."""

from __future__ import annotations

from dataclasses import replace

from core.enums import Action
from core.model import Ticket
from core.texts import phone_answered, same_phone
from handlers import answers, intake, mine, notify
from handlers.context import Ctx
from handlers.i18n import t
from handlers.registration_shared import phone_of
from handlers.replies import Keyboard
from handlers.ticket_info import add_info
from handlers.tickets import open_emergency
from handlers.typed_answers import declines_the_phone, skips, skips_the_phone

# conv.data key: a draft's writer, having shared someone else's card, was asked for their
# own number; a no typed next answers that, not the draft's question (提交?, 下一步?).
OWN_PHONE_ASKED = "own_phone_asked"


async def shared(ctx: Ctx, call: Ticket | None) -> None:
    """Their own contact card, shared: kept, and `call` (their open 110 call, if any)
    gets it."""
    contact = ctx.msg.contact
    assert contact is not None
    if contact.user_id != ctx.user.id:
        ctx.say("contact_not_own", keyboard="contact")
        if ctx.conv is not None and ctx.conv.flow == intake.TICKET:
            await ctx.goto(ctx.conv.step, **{OWN_PHONE_ASKED: True})
        return
    ctx.user.phone, ctx.user.phone_typed = phone_of(contact), False
    adding = ctx.conv is not None and ctx.conv.flow == mine.ADD_INFO
    waiting = [] if adding else list(await ctx.uow.tickets.waiting_for(ctx.user.id))
    if call is not None and not any(ticket.id == call.id for ticket in waiting):
        await for_call(ctx, call, ctx.user.phone)
        return
    ctx.say("phone_saved", keyboard=_keyboard(ctx), phone=ctx.user.phone)
    if not (adding or waiting):
        return
    # The number is what the team asked for, or what ➕ 补充 adds: it joins the ticket as
    # words would, the answer restarting its clock, not only kept on their record.
    ctx.msg = replace(ctx.msg, text=t("phone_for_team", phone=ctx.user.phone), contact=None)
    if adding:
        await mine.info_step(ctx)
    else:
        await answers.answer(ctx, waiting, None)


async def for_call(ctx: Ctx, call: Ticket, phone: str, *, theirs: bool = False) -> None:
    """A number to call them on, for the team working on their 110 call (kept as theirs
    when they have none on record: typed, unless their contact card just gave it). `theirs`:
    said to be their new number (我换手机号了，新号…), it replaces the one on record, or the
    card would go on showing the line that no longer answers."""
    replaced = theirs and not (ctx.user.phone and same_phone(phone, ctx.user.phone))
    if replaced or not ctx.user.phone:
        ctx.user.phone, ctx.user.phone_typed = phone, True
    await _tell_team(ctx, call, phone)
    ctx.say("phone_saved_call", keyboard=_keyboard(ctx), phone=phone, number=call.label)


async def declined_for_call(ctx: Ctx, call: Ticket | None, text: str) -> bool:
    """The phone declined by someone with no number on record while their 110 call is open:
    an answer to the call's 📱 offer (`alarm_intake.say_with_phone_offer`), which has no
    「跳过」 of its own and stays on their screen until a number is given. Words naming the
    phone (不留电话, 电话以后再说) decline it whenever typed; a word or two naming nothing
    (跳过, 不给, 以后再说) too, unless a team's question waits for their answer, which they
    answer then. Nothing for the team, whose pagers it would ring; the offer is put away,
    with how to give a number later."""
    if call is None or ctx.user.phone:
        return False
    declined = declines_the_phone(text) or (
        skips_the_phone(text) and not await ctx.uow.tickets.waiting_for(ctx.user.id)
    )
    if declined:
        ctx.say("e_phone_declined", keyboard="remove", number=call.label)
    return declined


async def changed_for_call(ctx: Ctx, before: str | None) -> None:
    """Their number changed at the phone question (`registration.change_phone`) from
    `before`: the team on their open 110 call is told the new one, as when it is typed
    outside the question (`for_call`), unless the call was told it already; the question
    itself said it was kept."""
    phone = ctx.user.phone
    if not phone or (before and same_phone(phone, before)):
        return
    call = await open_emergency(ctx)
    if call is None:
        return
    if await _told_call(ctx, call, phone):
        await notify.update_cards(ctx, call)  # told already: its card shows it registered
        return
    await _tell_team(ctx, call, phone)
    ctx.say("phone_told_call", number=call.label)


async def _told_call(ctx: Ctx, call: Ticket, phone: str) -> bool:
    """Whether the requester gave `call` this number already: typed for its team during
    the call (`for_call`), it was not kept as theirs when another was on record, so the
    number registered is compared with what the call was told, not only with the record."""
    assert call.id is not None
    for event in await ctx.uow.tickets.events(call.id):
        told = phone_answered(event.note) if event.actor_id == ctx.user.id else None
        if event.action in _ADDED and told is not None and same_phone(told, phone):
            return True
    return False


_ADDED = ("info", Action.ANSWER)  # the requester's words on the call: news, or an answer


async def _tell_team(ctx: Ctx, call: Ticket, phone: str) -> None:
    await add_info(ctx, call, t("phone_for_team", phone=phone), None)
    await notify.update_cards(ctx, call)  # 电话：未提供 no longer, or the new number


def _keyboard(ctx: Ctx) -> Keyboard:
    """The barn may still be asked for: its 📍 button stays."""
    return "location" if ctx.conv is not None and ctx.conv.step == "where" else "remove"


async def own_phone_declined(ctx: Ctx) -> bool:
    """A no (不要, 不用, 不给) typed in a draft right after they were asked for their own
    number (`OWN_PHONE_ASKED`): it answers that question, and the draft is not dropped as
    a no to submitting it would drop it. Any message after the question is its last chance."""
    conv = ctx.conv
    if conv is None or not conv.data.get(OWN_PHONE_ASKED):
        return False
    await ctx.goto(conv.step, **{OWN_PHONE_ASKED: None})
    msg = ctx.msg
    if msg.is_button or msg.photo_file_id or msg.voice_file_id or not skips(msg.text):
        return False
    ctx.say("own_phone_declined", keyboard="remove")
    return True


async def own_phone_question_passed(ctx: Ctx) -> None:
    """After any message but someone else's contact card (which asks anew): the question
    was that message's to answer, as `own_phone_declined` takes a typed one. Their own card
    answers it (the number is kept, so a 不要 after it cannot mean 手机号不共享了); a
    button pressed (✏️ 修改), a command or a location leaves it behind, and a 不要 typed
    later answers what the draft asks then."""
    conv = ctx.conv
    contact = ctx.msg.contact
    if conv is None or not conv.data.get(OWN_PHONE_ASKED):
        return
    if contact is not None and contact.user_id != ctx.user.id:
        return
    del conv.data[OWN_PHONE_ASKED]
    await ctx.uow.conversations.save(conv)
