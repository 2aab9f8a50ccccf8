"""Outbox rows written by the scheduler, each with a dedup key.

The key names the ticket, the step and the recipient. `ON CONFLICT DO NOTHING` on the
unique `dedup_key` is the second guard behind SKIP LOCKED: should two sweeps ever take
the same step (a lock lost, a ticket restored from a backup), the second row is dropped
instead of reaching a supervisor twice, and the step still commits.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy.dialects import postgresql, sqlite

from storage.tables import outbox
from storage.uow import SqlUnitOfWork

URGENT, NORMAL, BULK = 0, 1, 2

Buttons = list[list[dict[str, str]]]


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


async def enqueue(
    uow: SqlUnitOfWork, row: Row, now: datetime, not_before: datetime | None = None
) -> bool:
    """Add `row` to the outbox in the open transaction; False when its key was queued before."""
    assert uow.session is not None
    payload: dict[str, Any] = {"text": row.text} if row.text else {}
    payload.update(row.extra)
    if row.buttons:
        payload["buttons"] = row.buttons
    insert = (
        postgresql.insert
        if uow.session.get_bind().dialect.name == "postgresql"
        else (sqlite.insert)
    )
    statement = (
        insert(outbox)
        .values(
            chat_id=row.chat_id,
            method=row.method,
            payload=payload,
            priority=row.priority,
            ticket_id=row.ticket_id,
            purpose=row.purpose,
            status="pending",
            attempts=0,
            last_error="",
            created_at=now,
            not_before=not_before or now,
            dedup_key=row.dedup_key,
        )
        .on_conflict_do_nothing(index_elements=["dedup_key"])
    )
    result = await uow.session.execute(statement)
    return bool(getattr(result, "rowcount", 0))
