"""Which sent message an outbox edit written for a card still on its way is for."""

from __future__ import annotations

import logging
from datetime import datetime

from bot.outbox.render import BadPayload
from core.model import OutboxMessage
from storage.outbox_queries import OutboxQueries
from storage.uow import SqlUnitOfWork

log = logging.getLogger(__name__)


async def kept_targets(
    uow: SqlUnitOfWork, row: OutboxMessage, *, postpone_until: datetime
) -> list[int] | None:
    """The message ids an edit by `ref_purpose` (or `ref_row`) is for, or None after
    postponing the row to `postpone_until` because its message is still waiting to be sent
    (the caller commits)."""
    if "ref_row" in row.payload:
        return await _row_target(uow, row, postpone_until=postpone_until)
    purpose = row.payload.get("ref_purpose")
    if not purpose or row.ticket_id is None:
        raise BadPayload("an edit needs a message_id, or a ticket and a ref_purpose")
    found = await uow.ticket_messages.of_ticket(row.ticket_id, str(purpose))
    # The newest copy in the chat (and its forum topic), the one the edit was written for;
    # older ones (from before a reopen) keep what they show.
    topic = row.payload.get("thread_id")
    place = (row.chat_id, None if topic is None else int(topic))
    targets = [m.message_id for m in found if m.place == place][-1:]
    if targets:
        return targets
    queries = OutboxQueries.on(uow)
    if await queries.send_pending(row.ticket_id, row.chat_id, str(purpose)):
        assert row.id is not None
        await queries.reschedule(
            row.id, not_before=postpone_until, attempts=row.attempts, last_error=row.last_error
        )
        log.debug("edit %s waits for its %s to be sent", row.id, purpose)
        return None
    raise BadPayload(f"ticket {row.ticket_id} has no sent {purpose} in chat {row.chat_id}")


async def _row_target(
    uow: SqlUnitOfWork, row: OutboxMessage, *, postpone_until: datetime
) -> list[int] | None:
    """The message an earlier row sent, for an edit written while a sender held that row (an
    alert on its way when the ticket moved on: `handlers.overdue_alerts`)."""
    queries = OutboxQueries.on(uow)
    outcome = await queries.outcome(int(row.payload["ref_row"]))
    if outcome is not None and outcome[0] == "pending":
        assert row.id is not None
        await queries.reschedule(
            row.id, not_before=postpone_until, attempts=row.attempts, last_error=row.last_error
        )
        log.debug("edit %s waits for row %s to be sent", row.id, row.payload["ref_row"])
        return None
    if outcome is None or outcome[1] is None:
        # Withdrawn after all (its sender let it go, and the ticket's next change settled
        # it) or never delivered: no message says anything to correct.
        log.debug("edit %s: row %s sent no message", row.id, row.payload["ref_row"])
        return []
    return [outcome[1]]
