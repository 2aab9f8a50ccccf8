"""A ticket's post on the echo wall (回音壁) is withdrawn: reopened, or its requester said
/echo off.

A post says a ticket was done; once its requester sends it back, the wall must not go on
saying so. One who opts out of the wall expects what they asked taken off it too, not only
kept off it from then on. A post not sent yet is not sent at all; one sent is edited to say it is
withdrawn while the ticket is handled again (an edit keeps the channel's order and needs no
right to delete), and so is one a sender holds, on its way to the channel, once it is sent.
Closed again, the ticket is posted anew, as its next cycle (`reports.echo`,
`echo:<ticket>:<cycle>`), unless its requester has said /echo off since: then a post
withdrawn on reopening, which says it will be posted again, is edited once more to say it
was withdrawn at their request.
"""

from __future__ import annotations

from typing import Any

from core.enums import Script, Status
from core.lifecycle import ECHO_POST, ECHO_WITHDRAWN
from core.model import ChatPlace, OutboxMessage, Ticket
from handlers.context import Ctx
from handlers.i18n import t
from routing import to_simplified

# How many of a requester's tickets /echo off looks at: more than anyone files.
_MOST_TICKETS = 10_000
_OPTED_OUT = "echo_withdrawn_opted_out"


async def withdraw_echo_posts_of(ctx: Ctx, requester_id: int) -> None:
    """Withdraw the posts of all the requester's closed tickets (/echo off), in this step's
    transaction, and reword those withdrawn when a ticket reopened, whatever its status
    now: they promise a post that will not come."""
    if ctx.cfg.echo_wall_chat is None:
        return
    theirs = await ctx.uow.tickets.of_requester(requester_id, _MOST_TICKETS)
    for ticket in theirs:
        if ticket.status is Status.CLOSED:
            await withdraw_echo_post(ctx, ticket, reason=_OPTED_OUT)
        await _reword_withdrawn(ctx, ticket)


async def _reword_withdrawn(ctx: Ctx, ticket: Ticket) -> None:
    """Edit each post of the ticket whose last withdrawal (sent or on its way, found in the
    outbox) says anything but the requester's own, to say that: once, however often /echo
    off is said, and after the withdrawal it follows in the channel's line."""
    if ticket.id is None:
        return
    opted_out = t(_OPTED_OUT, line=ctx.cfg.line(ticket.line).name)
    # The last withdrawal of each post: one sent named by its message id, one on its way
    # when withdrawn by its outbox row.
    last: dict[tuple[int, Any, Any, Any], OutboxMessage] = {}
    for row in await ctx.uow.outbox.written(ticket.id, ECHO_WITHDRAWN):
        said = row.payload
        last[row.chat_id, said.get("thread_id"), said.get("message_id"), said.get("ref_row")] = row
    for row in last.values():
        if to_simplified(str(row.payload.get("text", ""))) == opted_out:
            continue
        target: dict[str, Any] = {
            key: row.payload[key] for key in ("message_id", "ref_row") if key in row.payload
        }
        await _withdraw(ctx, ticket.id, row.place, opted_out, target, row.shown_in)


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
        await _withdraw(ctx, ticket.id, row.place, text, {"ref_row": row.id}, row.shown_in)
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
