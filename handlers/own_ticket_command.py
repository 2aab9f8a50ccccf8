"""/ticket typed by a requester in their private chat: every notice names their ticket by
its number, so the number they copy shows that ticket as /my does; someone else's number,
or none, points them to /my and says nothing of it."""

from __future__ import annotations

from core.numbers import parse_public_number
from handlers.context import Ctx
from handlers.mine import show


async def own_ticket_asked(ctx: Ctx) -> None:
    """The requester's own ticket by the number typed after /ticket, with /my's buttons."""
    typed = ctx.msg.args[0] if ctx.msg.args else ""
    ticket = await ctx.uow.tickets.by_number(typed) if parse_public_number(typed) else None
    if ticket is None or ticket.requester_id != ctx.user.id:
        ctx.say("ticket_own_only")
        return
    await show(ctx, ticket)
