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
from bot.outbox.gone import REPLACED_IN, REPLACES
from core.lifecycle import (
    CALLBACK_NOTICE,
    ECHO_POST,
    NEWS_ALERTS,
    PROGRESS_NOTICE,
    PROMPTS,
    QUESTION_NOTICE,
    RESOLUTION_NOTICE,
)
from core.model import OutboxMessage, Ticket, TicketMessage
from core.overdue_news import kept_after_news
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
                # Marking a reminder sent waits for a step that has it locked (PostgreSQL;
                # `withdraw_stale_prompts`), so the ticket read after it is the step's.
                ours = await OutboxQueries.on(uow).mark_sent(sent, now=now)
                for row, message_id, _ in batch:
                    if message_id is None:
                        continue
                    if REPLACES in row.payload:
                        # Sent in place of a deleted card (or prompt), even by a sender
                        # whose lease this one outlived: it is the message to edit now, in
                        # the topic it went to (General, when the card's topic was deleted),
                        # and in the supergroup the card's group became, if it did.
                        old, thread = int(row.payload[REPLACES]), row.payload.get("thread_id")
                        topic = None if thread is None else int(thread)
                        was_in = int(row.payload.get(REPLACED_IN, row.chat_id))
                        await uow.ticket_messages.moved(
                            was_in, old, message_id, topic, to_chat=row.chat_id
                        )
                    if row.id in ours:
                        await _keep(uow, row, message_id, now)
                    elif _is_prompt(row):
                        # Delivered, yet settled meanwhile (superseded as out of date, or
                        # sent by a sender whose lease this one outlived): no buttons on it.
                        off = buttons_off(_sent_message(row, message_id, now), now, urgent=True)
                        await uow.outbox.add(off)
                await uow.commit()
        except Exception as exc:
            for _, _, done in batch:
                done.set_exception(exc)
            return
        for row, _, done in batch:
            if row.id not in ours:
                log.warning("outbox row %s was sent but settled by another sender", row.id)
            done.set_result(None)


def _is_prompt(row: OutboxMessage) -> bool:
    """A ladder's reminder or alert with buttons about a ticket."""
    return row.purpose in PROMPTS and row.method == "send_message" and row.ticket_id is not None


def _sent_message(row: OutboxMessage, message_id: int, now: datetime) -> TicketMessage:
    assert row.ticket_id is not None
    team_id, thread = row.payload.get("team"), row.payload.get("thread_id")
    return TicketMessage(
        row.ticket_id,
        row.chat_id,
        message_id,
        row.purpose,
        now,
        team_id=team_id if isinstance(team_id, str) else None,
        thread_id=None if thread is None else int(thread),
        script=row.shown_in,
    )


# A ticket's messages whose id is kept: its card, the requester's notices a reply to which
# is read as about the ticket (the team's question, 接单 or 上门, the resolution), and what
# asks for a call-back (edited once it is recorded), and its echo wall post (withdrawn if it
# is reopened).
_KEPT_NOTICES = (
    "card",
    QUESTION_NOTICE,
    PROGRESS_NOTICE,
    RESOLUTION_NOTICE,
    CALLBACK_NOTICE,
    ECHO_POST,
)


async def _keep(uow: SqlUnitOfWork, row: OutboxMessage, message_id: int, now: datetime) -> None:
    """Keep the message id of a team card, so later edits find it, of a ladder's reminder
    or alert, so its buttons can be taken away once they no longer apply, and of a question
    or a progress or resolution notice to a requester, so a reply to it finds its ticket."""
    sent_about_ticket = row.method == "send_message" and row.ticket_id is not None
    if not ((sent_about_ticket and row.purpose in _KEPT_NOTICES) or _is_prompt(row)):
        return
    message = _sent_message(row, message_id, now)
    if row.purpose == CALLBACK_NOTICE:
        ticket = await uow.tickets.get(message.ticket_id)
        if ticket is None or not ticket.owes_callback:
            # The call-back was recorded (or the ticket reopened) while it was on its way:
            # its 「📞 已回访」 asks for nothing now.
            await uow.outbox.add(buttons_off(message, now, urgent=row.priority == 0))
            return
    if (
        row.purpose == ECHO_POST
        and row.id is not None
        and await OutboxQueries.on(uow).edit_waits_for(message.ticket_id, row.id)
    ):
        # Its ticket was reopened while it was on its way: the withdrawal waits for this
        # message (`handlers.echo_withdrawal`), and a later reopening must not withdraw it
        # again.
        return
    if _is_prompt(row):
        ticket = await uow.tickets.get(message.ticket_id)
        if ticket is None or not prompt_applies_to(ticket, row.purpose, message.team_id):
            await _moved_on(uow, row, message, ticket, now)
            return
    await uow.ticket_messages.add(message)


async def _moved_on(
    uow: SqlUnitOfWork,
    row: OutboxMessage,
    message: TicketMessage,
    ticket: Ticket | None,
    now: datetime,
) -> None:
    """The ticket moved on while the reminder or alert was on its way. One that says the
    ticket waits had its news written then, waiting for this message's id
    (`handlers.overdue_alerts`, `ref_row`), and is kept as the desk keeps one it told (a
    supervisor's, while the ticket is open, with its 催办/改派). Any other loses its buttons."""
    assert row.id is not None and row.ticket_id is not None
    told = (
        ticket is not None
        and row.purpose in NEWS_ALERTS
        and await OutboxQueries.on(uow).edit_waits_for(row.ticket_id, row.id)
    )
    if told:
        assert ticket is not None
        kept = kept_after_news(message, ticket)
        if kept is not None:
            await uow.ticket_messages.add(kept)
        return  # the news edit takes the buttons, or keeps those that still apply
    await uow.outbox.add(buttons_off(message, now, urgent=row.priority == 0))
