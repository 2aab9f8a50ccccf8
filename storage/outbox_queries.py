"""The outbox sender's writes: settle, reschedule or release one leased row.

Plain UPDATE statements rather than loading ORM objects: a storm writes thousands of
them. Each is guarded by `status = 'pending'`, so a sender that lost its lease (it was
too slow and another sender took the row over) learns it from the row count instead of
overwriting the other sender's outcome.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, case, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.elements import ColumnElement

from core.model import OutboxMessage
from storage.outbox_lines import earlier_in_line
from storage.tables import outbox
from storage.types import UTCDateTime
from storage.uow import SqlUnitOfWork

_PENDING = outbox.c.status == "pending"


def _copies(row: OutboxMessage, *, own: bool = False) -> list[ColumnElement[bool]]:
    """The other people's rows of `row`'s message, queued in the same step; `own`: and
    `row`'s own."""
    same = [
        outbox.c.ticket_id == row.ticket_id,
        outbox.c.purpose == row.purpose,
        outbox.c.created_at == row.created_at,
        outbox.c.method == row.method,
        outbox.c.chat_id > 0,
    ]
    return same if own else [*same, outbox.c.chat_id != row.chat_id]


class OutboxQueries:
    """Statements on one session; like the repositories they never commit."""

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    @classmethod
    def on(cls, uow: SqlUnitOfWork) -> OutboxQueries:
        """The queries on an open unit of work's transaction."""
        if uow.session is None:
            raise RuntimeError("the unit of work is not open")
        return cls(uow.session)

    async def _update(self, row_id: int, values: dict[str, Any]) -> bool:
        statement = update(outbox).where(outbox.c.id == row_id, _PENDING).values(**values)
        result = await self.session.execute(statement)
        return bool(getattr(result, "rowcount", 0))

    async def mark_sent(self, sent: Mapping[int, int | None], *, now: datetime) -> set[int]:
        """Rows delivered, as {row id: message id}; returns the ids that were still ours.

        One statement for many rows, so outcomes that arrive together share a transaction.
        """
        if not sent:
            return set()
        message_ids = {row_id: m for row_id, m in sent.items() if m is not None}
        statement = (
            update(outbox)
            .where(outbox.c.id.in_(list(sent)), _PENDING)
            .values(
                status="sent",
                sent_at=now,
                attempts=outbox.c.attempts + 1,
                result_message_id=(
                    case(message_ids, value=outbox.c.id, else_=outbox.c.result_message_id)
                    if message_ids
                    else outbox.c.result_message_id
                ),
                locked_until=None,
            )
            .returning(outbox.c.id)
        )
        return set((await self.session.execute(statement)).scalars())

    async def settle(self, row_id: int, *, status: str, attempts: int, last_error: str) -> bool:
        """The row will never be delivered ('failed' or 'dead')."""
        return await self._update(
            row_id,
            {
                "status": status,
                "attempts": attempts,
                "last_error": last_error,
                "locked_until": None,
            },
        )

    async def reschedule(
        self,
        row_id: int,
        *,
        not_before: datetime,
        attempts: int,
        last_error: str,
        payload: dict[str, Any] | None = None,
        chat_id: int | None = None,
    ) -> bool:
        """Try the row again at `not_before` (any sender may take it then)."""
        values: dict[str, Any] = {
            "not_before": not_before,
            "attempts": attempts,
            "last_error": last_error,
            "locked_until": None,
        }
        if payload is not None:
            values["payload"] = payload
        if chat_id is not None:
            values["chat_id"] = chat_id
        return await self._update(row_id, values)

    async def send_instead(
        self,
        row_id: int,
        *,
        payload: dict[str, Any],
        not_before: datetime,
        last_error: str,
        chat_id: int | None = None,
    ) -> bool:
        """Turn an edit whose message is gone into a new message with `payload`, due at
        `not_before`, to `chat_id` if given (the edit's group became that supergroup); it
        keeps its id and its attempts, so its place in its line when its chat stays."""
        values: dict[str, Any] = {
            "method": "send_message",
            "payload": payload,
            "not_before": not_before,
            "last_error": last_error,
            "locked_until": None,
        }
        if chat_id is not None:
            values["chat_id"] = chat_id
        return await self._update(row_id, values)

    async def pending_sends(
        self, ticket_id: int, chat_id: int
    ) -> list[tuple[dict[str, Any], datetime]]:
        """The payloads of the ticket's new messages still waiting to go to the chat, each
        with when it is due."""
        query = (
            select(outbox.c.payload, outbox.c.not_before)
            .where(
                _PENDING,
                outbox.c.ticket_id == ticket_id,
                outbox.c.chat_id == chat_id,
                outbox.c.method == "send_message",
            )
            .order_by(outbox.c.id)
        )
        return [(dict(p), due) for p, due in await self.session.execute(query)]

    async def release(self, rows: Sequence[tuple[int, datetime]]) -> None:
        """Give leased rows back unsent, each due again at its given time."""
        if not rows:
            return
        statement = (
            update(outbox)
            .where(outbox.c.id == bindparam("row_id"), _PENDING)
            .values(not_before=bindparam("due"), locked_until=None)
        )
        await self.session.execute(
            statement, [{"row_id": row_id, "due": due} for row_id, due in rows]
        )

    async def earliest_due(self, now: datetime) -> datetime | None:
        """When the next pending row can be claimed (its not_before, or its lease's end)."""
        ready = case(
            (
                outbox.c.locked_until.is_not(None) & (outbox.c.locked_until > outbox.c.not_before),
                outbox.c.locked_until,
            ),
            else_=outbox.c.not_before,
        )
        # A row held behind an earlier one of its line moves once that one is claimable or
        # settled (the sender goes on at once after a round that claimed rows), so it does
        # not say when to look again: that one does. The explicit type makes SQLite hand
        # back an aware datetime, not the stored text.
        held = earlier_in_line(waiting_at=now)
        query = select(func.min(ready, type_=UTCDateTime())).where(_PENDING, ~held)
        value = (await self.session.execute(query)).scalar_one_or_none()
        return value if isinstance(value, datetime) else None

    async def due_now(self, now: datetime) -> tuple[int, int]:
        """How many pending rows may go out at `now`, and how many tickets they are about:
        a row held until later (a requester's notice kept for the morning) is not yet."""
        query = select(func.count(), func.count(func.distinct(outbox.c.ticket_id))).where(
            _PENDING, outbox.c.not_before <= now
        )
        rows, tickets = (await self.session.execute(query)).one()
        return int(rows), int(tickets)

    async def send_pending(self, ticket_id: int, chat_id: int, purpose: str) -> bool:
        """Is a message of this ticket and purpose to this chat still waiting to go out?"""
        query = (
            select(outbox.c.id)
            .where(
                _PENDING,
                outbox.c.ticket_id == ticket_id,
                outbox.c.chat_id == chat_id,
                outbox.c.purpose == purpose,
                outbox.c.method.not_in(("edit_message", "edit_buttons")),
            )
            .limit(1)
        )
        return (await self.session.execute(query)).first() is not None

    async def copies_beside(self, row: OutboxMessage, status: str = "sent") -> list[int]:
        """The other people's private chats that `row`'s message went to in the same step
        (same ticket, purpose and time queued), its copy there in `status`: an urgent card
        paged to each member on duty is one row per member. 'sent': they have it;
        'pending': still on its way, and may be refused too."""
        query = select(outbox.c.chat_id).where(*_copies(row), outbox.c.status == status)
        return list(dict.fromkeys((await self.session.execute(query)).scalars()))

    async def lock_copies(self, row: OutboxMessage) -> None:
        """Lock the rows of `row`'s message to each person (its own too), in one order, before
        it is settled: two copies refused at once are settled one after the other, so the
        second finds the first refused, not on its way, and its alert rings
        (`bot.outbox.escalation`). A no-op where the database locks the whole of it."""
        query = select(outbox.c.id).where(*_copies(row, own=True)).order_by(outbox.c.id)
        await self.session.execute(query.with_for_update())

    async def last_sent_to(self, chat_id: int) -> datetime | None:
        """When a message to this chat last went out, if ever."""
        query = select(func.max(outbox.c.sent_at, type_=UTCDateTime())).where(
            outbox.c.chat_id == chat_id, outbox.c.status == "sent"
        )
        value = (await self.session.execute(query)).scalar_one_or_none()
        return value if isinstance(value, datetime) else None

    async def has_key(self, dedup_key: str) -> bool:
        """Was a row with this `dedup_key` written (whatever became of it)?"""
        query = select(outbox.c.id).where(outbox.c.dedup_key == dedup_key).limit(1)
        return (await self.session.execute(query)).first() is not None

    async def get(self, row_id: int) -> OutboxMessage | None:
        """One row, whatever became of it (None: no such row)."""
        return await self.session.get(OutboxMessage, row_id)

    async def outcome(self, row_id: int) -> tuple[str, int | None] | None:
        """A row's status and the id of the message it sent, if any (None: no such row)."""
        query = select(outbox.c.status, outbox.c.result_message_id).where(outbox.c.id == row_id)
        found = (await self.session.execute(query)).first()
        if found is None:
            return None
        status, message_id = found
        return str(status), None if message_id is None else int(message_id)

    async def edit_waits_for(self, ticket_id: int, row_id: int) -> bool:
        """Is an edit of the message row `row_id` sends waiting for it (`ref_row`)?"""
        query = select(outbox.c.payload).where(
            _PENDING,
            outbox.c.ticket_id == ticket_id,
            outbox.c.method == "edit_message",
        )
        payloads = (await self.session.execute(query)).scalars()
        return any(payload.get("ref_row") == row_id for payload in payloads)
