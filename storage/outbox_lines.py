"""The order the outbox keeps: each chat's rows about one ticket go out as they were written.

A row's line is its chat and its ticket; a chat's rows about no ticket (a person's deferred
replies, notices) form one line too. Within a line a row does not go before an earlier
pending row as urgent as it or more while that one is being sent, or while it waits to be
tried again after Telegram refused it: a ticket's card, its photos and its edits arrive in
order, and so do a person's replies. Rows scheduled for later (a notice held until the end
of quiet hours) hold nobody up, an urgent row may overtake a less urgent one, and other
tickets' rows do not wait, so a message that keeps failing holds up only its own ticket's
story in that chat.

Claims are serialised on PostgreSQL (`storage.delivery_repositories.SqlOutboxRepository.claim`),
so two senders cannot each take one of a line's rows; SQLite has one writer at a time.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Exists, and_, exists, or_

from storage.tables import outbox


def earlier_in_line(*, waiting_at: datetime | None = None) -> Exists:
    """An earlier pending row in the same line, as urgent or more.

    With `waiting_at`, only such a row that cannot be claimed at that moment counts: one
    leased to a sender, or one refused before and not yet due again. The claim uses that
    form: a line's due rows are claimed together, in order, and the sender starts one row
    per chat a round, which lets an urgent row waiting only for its chat's previous one
    hold back less urgent rows.
    """
    ahead = outbox.alias("ahead")
    condition = [
        ahead.c.chat_id == outbox.c.chat_id,
        ahead.c.ticket_id.is_not_distinct_from(outbox.c.ticket_id),
        ahead.c.status == "pending",
        ahead.c.id < outbox.c.id,
        ahead.c.priority <= outbox.c.priority,
    ]
    if waiting_at is not None:
        refused_and_waiting = and_(ahead.c.last_error != "", ahead.c.not_before > waiting_at)
        condition.append(or_(refused_and_waiting, ahead.c.locked_until >= waiting_at))
    return exists().where(*condition)
