"""An outbox edit whose message is gone: what it should say reaches the chat as a new message.

Telegram refuses to edit a message someone deleted ("message to edit not found") or one it
no longer lets the bot edit ("message can't be edited"). An outbox row then becomes a new
message (and a direct reply's edit of a pressed message that is gone becomes a row like it,
`bot.deferred_replies`), durably: in one
transaction the row itself becomes a send_message row with the edit's text and buttons, for
the same chat and forum topic. It keeps its id, so its place in its line (the ticket's later
edits to the chat wait for it), and is sent with the sender's usual retries and escalation;
being a send, it can never come back here. A crash anywhere repeats at most that one send,
as for any row. Once it is sent, the card (or prompt) kept at the gone message's id is kept
at the new message's, in the topic it went to (`bot.outbox.recorder`), so the ticket's later
edits go to it.

Not every gone message needs a new one:
- an edit of the buttons only (taking them off): they went with the message;
- an older copy of a card (from before a reopen) whose place has a newer copy: the older
  copy only keeps what it showed, and the newer one has its own edit;
- an edit written for a copy that was sent anew since (it waited behind the new message):
  it edits the new message instead.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from contextlib import AbstractAsyncContextManager
from datetime import datetime
from enum import StrEnum

from bot.outbox.transport import Buttons
from core.model import ChatPlace, OutboxMessage, TicketMessage
from storage.outbox_queries import OutboxQueries
from storage.uow import SqlUnitOfWork

log = logging.getLogger(__name__)

REPLACES = "replaces"  # payload key of a row sent instead of an edit: the gone message's id


class Instead(StrEnum):
    NOTHING = "nothing"  # nothing is lost without the edit: the row counts as sent
    RETARGETED = "retargeted"  # the edit goes to the copy's newer message
    RESENT = "resent"  # the row is a new message now
    SETTLED = "settled"  # another sender settled the row meanwhile


async def after_gone_edit(
    write: Callable[[], AbstractAsyncContextManager[SqlUnitOfWork]],
    row: OutboxMessage,
    target: int,
    text: str | None,
    buttons: Buttons | None,
    reason: str,
    now: datetime,
) -> Instead:
    """`instead_of_edit` in a transaction of its own, logged."""
    async with write() as uow:
        instead = await instead_of_edit(uow, row, target, text, buttons, reason=reason, now=now)
        await uow.commit()
    log.warning("row %s: message %s is gone (%s): %s", row.id, target, reason, instead)
    return instead


async def instead_of_edit(
    uow: SqlUnitOfWork,
    row: OutboxMessage,
    target: int,
    text: str | None,
    buttons: Buttons | None,
    *,
    reason: str,
    now: datetime,
) -> Instead:
    """What becomes of `row`, whose edit of message `target` Telegram refused as gone (with
    `text` None for an edit of the buttons only). Changes the row; the caller commits."""
    assert row.id is not None
    if text is None:
        return Instead.NOTHING
    kept = await uow.ticket_messages.of_message(row.chat_id, target)
    newer = await _newer_copy(uow, row, target, kept)
    queries = OutboxQueries.on(uow)
    if newer is not None and kept:
        return Instead.NOTHING
    if newer is not None:
        retargeted = {k: v for k, v in row.payload.items() if k != "ref_purpose"}
        retargeted["message_id"] = newer.message_id
        ours = await queries.reschedule(
            row.id, not_before=now, attempts=row.attempts, last_error=reason, payload=retargeted
        )
        return Instead.RETARGETED if ours else Instead.SETTLED
    thread = row.payload.get("thread_id")
    if thread is None and kept:
        thread = kept[-1].thread_id  # a card's edit written without its topic: the copy's
    payload: dict[str, object] = {"text": text, REPLACES: target}
    if buttons:
        payload["buttons"] = buttons
    if thread is not None:
        payload["thread_id"] = int(thread)
    ours = await queries.send_instead(row.id, payload=payload, not_before=now, last_error=reason)
    return Instead.RESENT if ours else Instead.SETTLED


async def _newer_copy(
    uow: SqlUnitOfWork, row: OutboxMessage, target: int, kept: Sequence[TicketMessage]
) -> TicketMessage | None:
    """The newest kept copy in the gone message's place, when it is a later message. Only
    for a ticket's own edits: a person's reply queued after a hiccup (no ticket) answers
    their press, and is said whichever copy they pressed."""
    if row.ticket_id is None:
        return None
    places: set[ChatPlace] | None
    if kept:
        purpose, places = kept[-1].purpose, {kept[-1].place}
    else:
        # Not kept (any more): the copy may have been sent anew since this edit was written,
        # in the edit's topic (an edit written without one: any of the chat's).
        purpose = str(row.payload.get("ref_purpose") or "card")
        topic = row.payload.get("thread_id")
        places = None if topic is None else {ChatPlace(row.chat_id, int(topic))}
    copies = [
        copy
        for copy in await uow.ticket_messages.of_ticket(row.ticket_id, purpose)
        if copy.chat_id == row.chat_id and (places is None or copy.place in places)
    ]
    newest = copies[-1] if copies else None
    return newest if newest is not None and newest.message_id > target else None
