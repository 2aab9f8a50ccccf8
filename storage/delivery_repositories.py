"""The updates the desk has taken (the inbox, with the replies kept until shown) and the
messages it has yet to send (the outbox), over the unit of work's session."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from functools import cache
from typing import Any

from sqlalchemy import ColumnElement, Executable, bindparam, func, null, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite

from core.enums import Script
from core.model import ChatPlace, OutboxMessage, shown_in
from storage.outbox_lines import earlier_in_line
from storage.repositories import SessionRepo
from storage.tables import outbox, processed_updates


# Once per update: built once for each dialect (composing it anew is a good part of its cost).
@cache
def _claim(dialect: str) -> Executable:
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    return (
        insert(processed_updates)
        .values(key=bindparam("key"), processed_at=bindparam("processed_at"))
        .on_conflict_do_nothing(index_elements=["key"])
    )


# Once per step: built once. Core, not ORM-enabled (the table is mapped), so that the
# session does not look for ProcessedUpdate objects to bring up to date.
_KEEP_REPLIES = (
    update(processed_updates)
    .where(processed_updates.c.key == bindparam("update_key"))
    .values(replies=bindparam("said"))
    .execution_options(synchronize_session=False)
)


_FORGET_SHOWN = (
    update(processed_updates)
    .where(
        processed_updates.c.key.in_(bindparam("update_keys", expanding=True)),
        processed_updates.c.replies.is_not(None),
    )
    .values(replies=null())
    .execution_options(synchronize_session=False)
)


_CLAIM_LOCK = 0x6A696E7965_0001  # "jinye" + 1: the outbox claim's advisory lock


class SqlInboxRepository(SessionRepo):
    async def claim(self, key: str, now: datetime) -> bool:
        statement = _claim(self.dialect)
        result = await self.session.execute(statement, {"key": key, "processed_at": now})
        return bool(getattr(result, "rowcount", 0))

    async def keep_replies(self, key: str, replies: dict[str, Any]) -> None:
        await self.session.execute(_KEEP_REPLIES, {"update_key": key, "said": replies})

    async def kept_replies(self, key: str) -> dict[str, Any] | None:
        query = select(processed_updates.c.replies).where(processed_updates.c.key == key)
        found = (await self.session.execute(query)).scalar_one_or_none()
        return found if isinstance(found, dict) else None

    async def forget_shown(self, keys: Sequence[str]) -> None:
        await self.session.execute(_FORGET_SHOWN, {"update_keys": list(keys)})

    async def forget_replies(self, before: datetime) -> int:
        result = await self.session.execute(
            update(processed_updates)
            .where(
                processed_updates.c.processed_at < before,
                processed_updates.c.replies.is_not(None),
            )
            .values(replies=null())
        )
        return int(getattr(result, "rowcount", 0) or 0)


class SqlOutboxRepository(SessionRepo):
    async def add(self, message: OutboxMessage) -> None:
        self.session.add(message)

    async def claim(
        self, now: datetime, limit: int, lease_seconds: float
    ) -> Sequence[OutboxMessage]:
        if self.dialect == "postgresql":
            # One claim at a time across senders: another sender's claim would not see this
            # one's leases until it commits, and could take the next row of a line whose
            # earlier row this one is taking (SKIP LOCKED hides only the taken rows).
            await self.session.execute(select(func.pg_advisory_xact_lock(_CLAIM_LOCK)))
        query = (
            select(OutboxMessage)
            .where(
                outbox.c.status == "pending",
                outbox.c.not_before <= now,
                or_(outbox.c.locked_until.is_(None), outbox.c.locked_until < now),
                ~earlier_in_line(waiting_at=now),
            )
            # Oldest first, by when it was written: a row due again after a retry keeps its
            # place ahead of the rows written after it, in this batch as in its line.
            .order_by(outbox.c.priority, outbox.c.id)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
        rows = (await self.session.execute(query)).scalars().all()
        lease = now + timedelta(seconds=lease_seconds)
        for row in rows:
            row.locked_until = lease
        await self.session.flush()
        return rows

    async def pending_places(self, ticket_id: int, purpose: str) -> dict[ChatPlace, Script]:
        """Chats (and forum topics) where a message of `purpose` about the ticket is still
        waiting to be sent, each with the script it is written in."""
        query = (
            select(outbox.c.chat_id, outbox.c.payload)
            .where(
                outbox.c.ticket_id == ticket_id,
                outbox.c.purpose == purpose,
                outbox.c.status == "pending",
            )
            .order_by(outbox.c.id)
        )
        places: dict[ChatPlace, Script] = {}
        for chat_id, payload in await self.session.execute(query):
            thread = payload.get("thread_id")
            place = ChatPlace(int(chat_id), None if thread is None else int(thread))
            places[place] = shown_in(payload)  # the newest, as the sender edits it
        return places

    async def files_sent(self, ticket_id: int, place: ChatPlace) -> set[str]:
        """The file ids of the ticket's attachments sent to `place` or waiting to be: one
        that failed (the bot out of the chat) or was dropped may go again."""
        query = select(outbox.c.payload).where(
            outbox.c.ticket_id == ticket_id,
            outbox.c.chat_id == place.chat_id,
            outbox.c.purpose == "attachment",
            outbox.c.status.in_(("pending", "sent")),
        )
        files: set[str] = set()
        for (payload,) in await self.session.execute(query):
            thread = payload.get("thread_id")
            if (None if thread is None else int(thread)) == place.thread_id and payload.get(
                "file_id"
            ):
                files.add(str(payload["file_id"]))
        return files

    async def supersede(self, ticket_id: int, purpose: str, now: datetime) -> int:
        return await self._supersede(
            now, outbox.c.ticket_id == ticket_id, outbox.c.purpose == purpose
        )

    async def supersede_rows(self, ids: Sequence[int], now: datetime) -> int:
        """Settle these rows as 'superseded' if they are still pending and no sender holds
        them (one a sender took meanwhile goes out, and is dealt with once sent)."""
        return await self._supersede(now, outbox.c.id.in_(list(ids))) if ids else 0

    async def _supersede(self, now: datetime, *which: ColumnElement[bool]) -> int:
        statement = (
            update(outbox)
            .where(
                *which,
                outbox.c.status == "pending",
                # A row a sender holds now may be on its way: it stays, and goes first.
                or_(outbox.c.locked_until.is_(None), outbox.c.locked_until < now),
            )
            .values(status="superseded", locked_until=None)
        )
        result = await self.session.execute(statement)
        return int(getattr(result, "rowcount", 0) or 0)

    async def waiting(self, ticket_id: int, purposes: Sequence[str]) -> Sequence[OutboxMessage]:
        """The ticket's rows of `purposes` not sent yet, locked (PostgreSQL) until this
        transaction ends: a sender about to take one skips it, and one that holds one
        records it sent only after this transaction, so that it sees what changed."""
        query = (
            select(OutboxMessage)
            .where(
                outbox.c.ticket_id == ticket_id,
                outbox.c.purpose.in_(purposes),
                outbox.c.status == "pending",
            )
            .order_by(outbox.c.id)
            .with_for_update()
        )
        return (await self.session.execute(query)).scalars().all()

    async def written(self, ticket_id: int, purpose: str) -> Sequence[OutboxMessage]:
        query = (
            select(OutboxMessage)
            .where(
                outbox.c.ticket_id == ticket_id,
                outbox.c.purpose == purpose,
                outbox.c.status.in_(("pending", "sent")),
            )
            .order_by(outbox.c.id)
        )
        return (await self.session.execute(query)).scalars().all()

    async def pending_count(self, *, chat_id: int | None = None, purpose: str | None = None) -> int:
        query = select(func.count()).where(outbox.c.status == "pending")
        if chat_id is not None:
            query = query.where(outbox.c.chat_id == chat_id)
        if purpose is not None:
            query = query.where(outbox.c.purpose == purpose)
        return int((await self.session.execute(query)).scalar_one())
