"""Group commit for delivered rows.

A storm sends 30 messages a second from up to `max_in_flight` tasks at once; giving each
its own transaction makes the database, not Telegram, the bottleneck (SQLite through
aiosqlite needs milliseconds per transaction). Outcomes that arrive while a commit is
running wait for the next one and share it. A delivery still returns only after its row
is committed as sent, so a crash can repeat at most the rows that were in flight.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from datetime import datetime

from bot.outbox.clock import Clock
from core.lifecycle import PROMPTS
from core.model import OutboxMessage, TicketMessage
from core.services import buttons_off, prompt_applies_to
from storage.outbox_queries import OutboxQueries
from storage.uow import SqlUnitOfWork

log = logging.getLogger(__name__)

_Entry = tuple[OutboxMessage, int | None, "asyncio.Future[None]"]


class SentRecorder:
    def __init__(
        self, write: Callable[[], AbstractAsyncContextManager[SqlUnitOfWork]], clock: Clock
    ) -> None:
        self._write = write
        self._clock = clock
        self._waiting: list[_Entry] = []
        self._flushing: list[_Entry] | None = None

    async def record(self, row: OutboxMessage, message_id: int | None) -> None:
        """Mark `row` sent (with the id of its last message); returns once committed."""
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiting.append((row, message_id, done))
        if self._flushing is None:
            await self._flush_all()
        await done

    async def _flush_all(self) -> None:
        try:
            while self._waiting:
                self._flushing, self._waiting = self._waiting, []
                await self._flush(self._flushing)
        finally:
            # Cancelled mid-commit: nobody else will commit these. Their rows stay leased
            # and go out again once the lease ends (at least once, never lost).
            left = [e for e in [*(self._flushing or []), *self._waiting] if not e[2].done()]
            if left:
                log.error(
                    "sent rows %s not recorded; they will be sent again", [e[0].id for e in left]
                )
            for _, _, done in left:
                done.cancel()
            self._waiting = []
            self._flushing = None

    async def _flush(self, batch: list[_Entry]) -> None:
        now = self._clock.now()
        sent = {row.id: message_id for row, message_id, _ in batch if row.id is not None}
        try:
            async with self._write() as uow:
                ours = await OutboxQueries.on(uow).mark_sent(sent, now=now)
                for row, message_id, _ in batch:
                    if row.id in ours and message_id is not None:
                        await _keep(uow, row, message_id, now)
                await uow.commit()
        except Exception as exc:
            for _, _, done in batch:
                done.set_exception(exc)
            return
        for row, _, done in batch:
            if row.id not in ours:
                log.warning("outbox row %s was sent but settled by another sender", row.id)
            done.set_result(None)


async def _keep(uow: SqlUnitOfWork, row: OutboxMessage, message_id: int, now: datetime) -> None:
    """Keep the message id of a team card, so later edits find it, and of a ladder's
    reminder or alert, so its buttons can be taken away once they no longer apply."""
    kept = row.purpose in ("card", *PROMPTS)
    if not kept or row.method != "send_message" or row.ticket_id is None:
        return
    team_id = row.payload.get("team")
    message = TicketMessage(
        row.ticket_id,
        row.chat_id,
        message_id,
        row.purpose,
        now,
        team_id=team_id if isinstance(team_id, str) else None,
    )
    if row.purpose in PROMPTS:
        ticket = await uow.tickets.get(row.ticket_id)
        if ticket is None or not prompt_applies_to(ticket, row.purpose, team_id):
            # The ticket moved on while the reminder was on its way: no buttons, then.
            await uow.outbox.add(buttons_off(message, now, urgent=row.priority == 0))
            return
    await uow.ticket_messages.add(message)
