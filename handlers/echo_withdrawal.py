"""A ticket's post on the echo wall (回音壁) is withdrawn: reopened, or its requester said
/echo off.

A post says a ticket was done; once its requester sends it back, the wall must not go on
saying so. One who opts out of the wall expects what they asked taken off it too, not only
kept off it from then on. A post not sent yet is not sent at all; one sent is edited to say it is
withdrawn while the ticket is handled again (an edit keeps the channel's order and needs no
right to delete), and so is one a sender holds, on its way to the channel, once it is sent.
Closed again, the ticket is posted anew, as its next cycle (`reports.echo`,
`echo:<ticket>:<cycle>`).
"""

from __future__ import annotations

from typing import Any

from core.enums import Script, Status
from core.lifecycle import ECHO_POST, ECHO_WITHDRAWN
from core.model import ChatPlace, Ticket
from handlers.context import Ctx
from handlers.i18n import t

# How many of a requester's closed tickets /echo off looks at: more than anyone files.
_MOST_CLOSED = 10_000


async def withdraw_echo_posts_of(ctx: Ctx, requester_id: int) -> None:
    """Withdraw the posts of all the requester's closed tickets (/echo off), in this step's
    transaction: a reopened ticket's was withdrawn when it reopened."""
    if ctx.cfg.echo_wall_chat is None:
        return
    closed = await ctx.uow.tickets.of_requester(
        requester_id, _MOST_CLOSED, statuses=(Status.CLOSED,)
    )
    for ticket in closed:
        await withdraw_echo_post(ctx, ticket, reason="echo_withdrawn_opted_out")


async def withdraw_echo_post(ctx: Ctx, ticket: Ticket, reason: str = "echo_withdrawn") -> None:
    """Withdraw the ticket's echo wall post, if it has one, in this step's transaction;
    `reason`, the text it is edited to."""
    if ctx.cfg.echo_wall_chat is None or ticket.id is None:
        return
    text = t(reason, line=ctx.cfg.line(ticket.line).name)
    # Locking the posts not sent yet orders this step with their sender (PostgreSQL): one
    # that holds a post records it sent only after this commits, and then finds its
    # withdrawal waiting for it (`bot.outbox.recorder`), or before, and it is found below.
    waiting = await ctx.uow.outbox.waiting(ticket.id, (ECHO_POST,))
    await ctx.uow.outbox.supersede_rows([row.id for row in waiting if row.id is not None], ctx.now)
    for row in waiting:
        if row.id is None or row.locked_until is None or row.locked_until < ctx.now:
            continue  # superseded: never sent
        # On its way to the channel: it goes out, and is edited once its message id is known.
        thread = row.payload.get("thread_id")
        place = ChatPlace(row.chat_id, None if thread is None else int(thread))
        await _withdraw(ctx, ticket.id, place, text, {"ref_row": row.id}, row.shown_in)
    for post in await ctx.uow.ticket_messages.of_ticket(ticket.id, ECHO_POST):
        # Forgotten once withdrawn: a later reopening has the later post to withdraw.
        await ctx.uow.ticket_messages.forget(post)
        place = ChatPlace(post.chat_id, post.thread_id)
        await _withdraw(ctx, ticket.id, place, text, {"message_id": post.message_id}, post.shown_in)


async def _withdraw(
    ctx: Ctx, ticket_id: int, place: ChatPlace, text: str, target: dict[str, Any], script: Script
) -> None:
    """The edit that withdraws the post at `place` that `target` names."""
    await ctx.enqueue(
        place,
        text,
        ticket_id=ticket_id,
        purpose=ECHO_WITHDRAWN,
        method="edit_message",
        extra=target,
        script=script,
    )
