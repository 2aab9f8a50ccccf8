"""Outbox rows written by the scheduler, each with a dedup key.

The key names the ticket, the step and the recipient. `ON CONFLICT DO NOTHING` on the
unique `dedup_key` is the second guard behind SKIP LOCKED: should two sweeps ever take
the same step (a lock lost, a ticket restored from a backup), the second row is dropped
instead of reaching a supervisor twice, and the step still commits.

Rows are collected while a batch is worked and written with one statement before the
commit: a sweep of a thousand tickets makes ten inserts, not a thousand. So are the marks a
reminder leaves on an older question it overtakes (`core.asked`): written at the end, and
only where the person's conversation still stands as read, they neither keep a step of the
person's waiting on its row for the rest of the batch nor land over one taken meanwhile.

Texts are written in Simplified. Writing them is when each is put in its reader's script
(`routing.reader`): a person's own, as stored (one query for the whole batch); Simplified
in a group; or the script a row names (a requester's, an edit's message's).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy.dialects import postgresql, sqlite

from core.enums import Script
from core.model import Conversation, Ticket
from routing.reader import message_in_script
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
    script: Script | None = None  # the script to show it in; None: its reader's


class Pending:
    """The outbox rows of one transaction, written together by `write`."""

    def __init__(self) -> None:
        self.rows: list[dict[str, Any]] = []
        self._scripts: list[Script | None] = []
        self._asked_anew: list[tuple[Conversation, dict[str, Any]]] = []

    def overtake(self, conv: Conversation, data: dict[str, Any]) -> None:
        """Give `conv` the `data` it keeps once asked anew (`core.asked`), when written."""
        self._asked_anew.append((conv, data))

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
        self._scripts.append(row.script)

    async def write(self, uow: SqlUnitOfWork) -> int:
        """Insert the rows in the open transaction, and mark the questions they overtake;
        returns how many rows were new."""
        for conv, data in self._asked_anew:
            await uow.conversations.replace_data(conv, data)
        self._asked_anew = []
        if not self.rows:
            return 0
        assert uow.session is not None
        rows = await self._in_readers_scripts(uow)
        dialect = uow.session.get_bind().dialect.name
        insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
        statement = (
            insert(outbox)
            .on_conflict_do_nothing(index_elements=["dedup_key"])
            .returning(outbox.c.id)
        )
        result = await uow.session.execute(statement, rows)
        written = len(result.all())
        self.rows, self._scripts = [], []
        return written

    async def _in_readers_scripts(self, uow: SqlUnitOfWork) -> list[dict[str, Any]]:
        """The rows as written, each payload in its reader's script."""
        pairs = list(zip(self.rows, self._scripts, strict=True))
        people = sorted({row["chat_id"] for row, script in pairs if script is None})
        stored = await uow.users.scripts([chat for chat in people if chat > 0])
        return [
            {
                **row,
                "payload": message_in_script(
                    row["payload"], script or stored.get(row["chat_id"], Script.HANS)
                ),
            }
            for row, script in pairs
        ]
