"""A requester's phone number outside registration: shared with the 📱 button offered after a
110 call, or typed. The team working on their open call is told it, and its card shows it."""

from __future__ import annotations

from core.model import Ticket
from handlers import notify
from handlers.context import Ctx
from handlers.i18n import t
from handlers.registration_shared import phone_of
from handlers.replies import Keyboard
from handlers.ticket_info import add_info


async def shared(ctx: Ctx, call: Ticket | None) -> None:
    """Their own contact card, shared: kept, and `call` (their open 110 call, if any)
    gets it."""
    contact = ctx.msg.contact
    assert contact is not None
    if contact.user_id != ctx.user.id:
        ctx.say("contact_not_own", keyboard="contact")
        return
    ctx.user.phone = phone_of(contact)
    if call is None:
        ctx.say("phone_saved", keyboard=_keyboard(ctx), phone=ctx.user.phone)
        return
    await for_call(ctx, call, ctx.user.phone)


async def for_call(ctx: Ctx, call: Ticket, phone: str) -> None:
    """A number to call them on, for the team working on their 110 call (kept as theirs
    when they have none on record)."""
    ctx.user.phone = ctx.user.phone or phone
    await add_info(ctx, call, t("phone_for_team", phone=phone), None)
    await notify.update_cards(ctx, call)  # 电话：未提供 no longer
    ctx.say("phone_saved_call", keyboard=_keyboard(ctx), phone=phone, number=call.label)


def _keyboard(ctx: Ctx) -> Keyboard:
    """The barn may still be asked for: its 📍 button stays."""
    return "location" if ctx.conv is not None and ctx.conv.step == "where" else "remove"
