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
- the withdrawal of an echo wall post (回音壁) someone deleted: nothing is left to withdraw;
- an older copy of a card (from before a reopen) whose place has a newer copy: the older
  copy only keeps what it showed, and the newer one has its own edit;
- an edit written for a copy that was sent anew since (it waited behind the new message):
  it edits the new message instead.

An edit in a group that became a supergroup goes the same way, to the new chat
(`bot.outbox.moved`): there every copy is newer than the old group's.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from contextlib import AbstractAsyncContextManager
from datetime import datetime
from enum import StrEnum

from bot.outbox.transport import Buttons
from core.lifecycle import ECHO_WITHDRAWN
from core.model import ChatPlace, OutboxMessage, TicketMessage
from storage.outbox_queries import OutboxQueries
from storage.uow import SqlUnitOfWork

log = logging.getLogger(__name__)

REPLACES = "replaces"  # payload key of a row sent instead of an edit: the gone message's id
# Payload key of such a row sent to the supergroup the gone message's group became: that
# group's chat id.
REPLACED_IN = "replaced_in"


class Instead(StrEnum):
    NOTHING = "nothing"  # nothing is lost without the edit: the row counts as sent
    RETARGETED = "retargeted"  # the edit goes to the copy's newer message
    RESENT = "resent"  # the row is a new message now
    SETTLED = "settled"  # another sender settled the row meanwhile
    # Tried again once the message sent in the supergroup instead of an earlier edit is
    # sent: it edits that message then.
    WAITING = "waiting"


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
    moved_to: ChatPlace | None = None,
) -> Instead:
    """What becomes of `row`, whose edit of message `target` Telegram refused as gone (with
    `text` None for an edit of the buttons only), or refused because the group became a
    supergroup: then a new message goes to `moved_to` there. Changes the row; the caller
    commits."""
    assert row.id is not None
    if text is None or row.purpose == ECHO_WITHDRAWN:
        # Buttons go with their message; an echo wall post deleted says nothing to withdraw.
        return Instead.NOTHING
    kept = await uow.ticket_messages.of_message(row.chat_id, target)
    newer = await _newer_copy(uow, row, target, kept, moved_to)
    queries = OutboxQueries.on(uow)
    to_chat = None if moved_to is None else moved_to.chat_id
    if newer is not None and kept:
        return Instead.NOTHING
    if newer is not None:
        retargeted = {k: v for k, v in row.payload.items() if k != "ref_purpose"}
        retargeted["message_id"] = newer.message_id
        if moved_to is not None:  # the old group's topic (if any) means nothing there
            retargeted.pop("thread_id", None)
            if newer.thread_id is not None:
                retargeted["thread_id"] = newer.thread_id
        ours = await queries.reschedule(
            row.id,
            not_before=now,
            attempts=row.attempts,
            last_error=reason,
            payload=retargeted,
            chat_id=to_chat,
        )
        return Instead.RETARGETED if ours else Instead.SETTLED
    payload: dict[str, object] = {"text": text, REPLACES: target}
    if buttons:
        payload["buttons"] = buttons
    thread = _thread_for_new(row, kept, moved_to)
    if thread is not None:
        payload["thread_id"] = thread
    if moved_to is not None:
        payload[REPLACED_IN] = row.chat_id
    ours = await queries.send_instead(
        row.id, payload=payload, not_before=now, last_error=reason, chat_id=to_chat
    )
    return Instead.RESENT if ours else Instead.SETTLED


def _thread_for_new(
    row: OutboxMessage, kept: Sequence[TicketMessage], moved_to: ChatPlace | None
) -> int | None:
    """The forum topic the new message goes to: the edit's, or the copy's for a card's edit
    written without its topic; in a supergroup the old group became, the place given."""
    if moved_to is not None:
        return moved_to.thread_id
    thread = row.payload.get("thread_id")
    if thread is None and kept:
        return kept[-1].thread_id
    return None if thread is None else int(thread)


async def _newer_copy(
    uow: SqlUnitOfWork,
    row: OutboxMessage,
    target: int,
    kept: Sequence[TicketMessage],
    moved_to: ChatPlace | None,
) -> TicketMessage | None:
    """The newest kept copy in the gone message's place, when it is a later message. Only
    for a ticket's own edits: a person's reply queued after a hiccup (no ticket) answers
    their press, and is said whichever copy they pressed."""
    if row.ticket_id is None:
        return None
    if moved_to is not None:
        # In the supergroup every copy came after the old group's messages, whatever its
        # id: one in the new place (another team's topic there has its own copy), or, once
        # an earlier edit moved this copy there, wherever it went.
        purpose = kept[-1].purpose if kept else str(row.payload.get("ref_purpose") or "card")
        there = [
            copy
            for copy in await uow.ticket_messages.of_ticket(row.ticket_id, purpose)
            if copy.chat_id == moved_to.chat_id and (not kept or copy.place == moved_to)
        ]
        return there[-1] if there else None
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
