"""A reopened ticket's post on the echo wall (回音壁) is withdrawn.

A post says a ticket was done; once its requester sends it back, the wall must not go on
saying so. A post not sent yet is not sent at all; one sent is edited to say it is
withdrawn while the ticket is handled again (an edit keeps the channel's order and needs no
right to delete). Closed again, the ticket is posted anew, as its next cycle
(`reports.echo`, `echo:<ticket>:<cycle>`).
"""

from __future__ import annotations

from core.lifecycle import ECHO_POST, ECHO_WITHDRAWN
from core.model import ChatPlace, Ticket
from handlers.context import Ctx
from handlers.i18n import t


async def withdraw_echo_post(ctx: Ctx, ticket: Ticket) -> None:
    """Withdraw the ticket's echo wall post, if it has one, in this step's transaction."""
    if ctx.cfg.echo_wall_chat is None or ticket.id is None:
        return
    await ctx.uow.outbox.supersede(ticket.id, ECHO_POST, ctx.now)
    line = ctx.cfg.line(ticket.line).name
    for post in await ctx.uow.ticket_messages.of_ticket(ticket.id, ECHO_POST):
        # Forgotten once withdrawn: a later reopening has the later post to withdraw.
        await ctx.uow.ticket_messages.forget(post)
        await ctx.enqueue(
            ChatPlace(post.chat_id, post.thread_id),
            t("echo_withdrawn", line=line),
            ticket_id=ticket.id,
            purpose=ECHO_WITHDRAWN,
            method="edit_message",
            extra={"message_id": post.message_id},
            script=post.shown_in,
        )
