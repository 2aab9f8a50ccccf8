"""A ticket of theirs the requester has just opened (/ticket 10024, or its button in /my):
the one words typed next about "it" (撤回) are of, as long as nothing else came between and
only minutes have passed. Kept as a conversation that the next message ends, whatever it is,
so that it never outlives the moment."""

from __future__ import annotations

from datetime import timedelta

from core.model import Ticket
from handlers.context import Ctx

VIEWED = "viewed"  # the flow: data {"ticket_id": <id>}
VIEWED_FOR = timedelta(minutes=5)


async def remember(ctx: Ctx, ticket: Ticket) -> None:
    """`ticket`, just shown to its requester, is the one in view; a draft or a question
    going on is not interrupted for it."""
    if ctx.conv is None and ticket.status.is_open:
        await ctx.start_flow(VIEWED, "shown", {"ticket_id": ticket.id}, ttl=VIEWED_FOR)


async def forget(ctx: Ctx) -> int | None:
    """The ticket in view, forgotten now that something else is said or pressed; None when
    none is."""
    if ctx.conv is None or ctx.conv.flow != VIEWED:
        return None
    ticket_id = ctx.conv.data.get("ticket_id")
    await ctx.end_flow()
    return ticket_id if isinstance(ticket_id, int) else None
