"""Outbox rows written by the scheduler, each with a dedup key.

The key names the ticket, the step and the recipient. `ON CONFLICT DO NOTHING` on the
unique `dedup_key` is the second guard behind SKIP LOCKED: should two sweeps ever take
the same step (a lock lost, a ticket restored from a backup), the second row is dropped
instead of reaching a supervisor twice, and the step still commits.

Rows are collected while a batch is worked and written with one statement before the
commit: a sweep of a thousand tickets makes ten inserts, not a thousand.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy.dialects import postgresql, sqlite

from core.model import Ticket
from storage.tables import outbox
from storage.uow import SqlUnitOfWork

URGENT, NORMAL, BULK = 0, 1, 2

Buttons = list[list[dict[str, str]]]


def priority_of(ticket: Ticket) -> int:
    """Urgent tickets' messages go ahead of everything else in the outbox."""
    return URGENT if ticket.urgent else NORMAL


def button(text: str, data: str) -> dict[str, str]:
    return {"text": text, "data": data}


@dataclass(frozen=True, slots=True)
class Row:
    chat_id: int
    text: str
    dedup_key: str
    purpose: str
    priority: int = NORMAL
    ticket_id: int | None = None
    buttons: Buttons = field(default_factory=list)
    method: str = "send_message"
    extra: dict[str, Any] = field(default_factory=dict)
    thread_id: int | None = None  # the forum topic of a team's chat bound in one


class Pending:
    """The outbox rows of one transaction, written together by `write`."""

    def __init__(self) -> None:
        self.rows: list[dict[str, Any]] = []

    def add(self, row: Row, now: datetime, not_before: datetime | None = None) -> None:
        payload: dict[str, Any] = {"text": row.text} if row.text else {}
        payload.update(row.extra)
        if row.thread_id is not None:
            payload["thread_id"] = row.thread_id
        if row.buttons:
            payload["buttons"] = row.buttons
        self.rows.append(
            {
                "chat_id": row.chat_id,
                "method": row.method,
                "payload": payload,
                "priority": row.priority,
                "ticket_id": row.ticket_id,
                "purpose": row.purpose,
                "status": "pending",
                "attempts": 0,
                "last_error": "",
                "created_at": now,
                "not_before": not_before or now,
                "dedup_key": row.dedup_key,
            }
        )

    async def write(self, uow: SqlUnitOfWork) -> int:
        """Insert the rows in the open transaction; returns how many were new."""
        if not self.rows:
            return 0
        assert uow.session is not None
        dialect = uow.session.get_bind().dialect.name
        insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
        statement = (
            insert(outbox)
            .on_conflict_do_nothing(index_elements=["dedup_key"])
            .returning(outbox.c.id)
        )
        result = await uow.session.execute(statement, self.rows)
        written = len(result.all())
        self.rows = []
        return written
