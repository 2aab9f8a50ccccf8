"""An outbox edit refused because its group became a supergroup: what it should say goes to
the new chat as a new message.

Telegram gives the supergroup a new chat id and refuses everything at the old one ("group
chat was upgraded to a supergroup chat"). Message ids do not carry over, so the card cannot
be edited there: the edit becomes a new message in the new chat, as for a deleted card
(`bot.outbox.gone`), with its buttons, in the forum topic the ticket's team is bound to
there (else General). Once it is sent, the card kept at the old chat's message is kept at
the new one (`bot.outbox.recorder`), so the ticket's later edits go to it; and the teams
bound to the old chat follow it, as for any row refused so.

A ticket's edits for the old card must end as one card in the new chat. An edit refused
while the message sent instead of an earlier one is still on its way waits for it (it is
in another chat's line, so nothing else makes it wait), then edits it. An edit of the
buttons only (taking them off) needs nothing there: no message in the new chat has them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from datetime import datetime

from bot.outbox.gone import REPLACED_IN, REPLACES, Instead, instead_of_edit
from bot.outbox.outcome import Failure
from bot.outbox.transport import Buttons
from core.config import Config
from core.model import ChatPlace, OutboxMessage
from core.team_chats import follow_chat_move, team_place
from storage.outbox_queries import OutboxQueries
from storage.uow import SqlUnitOfWork

log = logging.getLogger(__name__)


async def after_moved_edit(
    write: Callable[[], AbstractAsyncContextManager[SqlUnitOfWork]],
    cfg: Config,
    row: OutboxMessage,
    target: int,
    text: str | None,
    buttons: Buttons | None,
    failure: Failure,
    now: datetime,
    wait_until: datetime,
) -> Instead:
    """What becomes of `row`, whose edit of message `target` the old chat refused with
    `failure` because it is another chat now (with `text` None for an edit of the buttons
    only), in a transaction of its own; if it waits for an earlier edit's message, until
    `wait_until` at least."""
    assert row.id is not None and failure.new_chat_id is not None
    new_chat, reason = failure.new_chat_id, failure.message
    async with write() as uow:
        teams = await follow_chat_move(uow, cfg, row.chat_id, new_chat, by=0, now=now)
        queries = OutboxQueries.on(uow)
        # Looked for before the card's record: once that message is sent, the record is
        # at it, and this edit finds it there.
        due = await _replacement_due(queries, row, target, new_chat) if text else None
        if due is not None:
            later = max(due, wait_until)
            ours = await queries.reschedule(
                row.id, not_before=later, attempts=row.attempts, last_error=reason
            )
            instead = Instead.WAITING if ours else Instead.SETTLED
        else:
            place = await _place_in(uow, cfg, row, new_chat)
            instead = await instead_of_edit(
                uow, row, target, text, buttons, reason=reason, now=now, moved_to=place
            )
        await uow.commit()
    if teams:
        log.warning("teams %s now use chat %s", ", ".join(teams), new_chat)
    log.warning("row %s: chat %s is %s now: %s", row.id, row.chat_id, new_chat, instead)
    return instead


async def _replacement_due(
    queries: OutboxQueries, row: OutboxMessage, target: int, new_chat: int
) -> datetime | None:
    """When the message sent in `new_chat` instead of an earlier edit of the same old
    message is due, while it has not been sent; None when there is none."""
    if row.ticket_id is None:
        return None  # a person's reply is said, whatever else is said in the chat
    for payload, due in await queries.pending_sends(row.ticket_id, new_chat):
        if payload.get(REPLACES) == target and payload.get(REPLACED_IN) == row.chat_id:
            return due
    return None


async def _place_in(uow: SqlUnitOfWork, cfg: Config, row: OutboxMessage, chat: int) -> ChatPlace:
    """Where a ticket's message goes in the supergroup: the forum topic the ticket's team is
    bound to there; else (another team's copy, a person's reply) the General topic."""
    ticket = None if row.ticket_id is None else await uow.tickets.get(row.ticket_id)
    if ticket is not None:
        place = await team_place(uow, cfg, ticket.team_id)
        if place is not None and place.chat_id == chat:
            return place
    return ChatPlace(chat)
