"""Deliver one claimed outbox row and record what happened, in its own transaction.

Success, "message is not modified" and a resumed split message are sent; RetryAfter waits
as told; server errors, timeouts and dropped connections back off exponentially with
jitter until the attempts run out (then the row is dead and escalated); Forbidden and other
bad requests settle the row at once and escalate. An edit whose message is gone becomes a
new message (`bot.outbox.gone`), in the new chat when the group became a supergroup
(`bot.outbox.moved`); a file over Telegram's size limit is dead at once, with a
note to its recipient in its place (`bot.outbox.too_big`). Nothing is swallowed: each
outcome is written to the row, logged, and where a person must act, alerted.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.orm.exc import StaleDataError
from telegram.error import BadRequest

from bot.outbox.clock import Clock
from bot.outbox.edit_targets import kept_targets
from bot.outbox.escalation import record_undeliverable
from bot.outbox.gone import Instead, after_gone_edit
from bot.outbox.moved import after_moved_edit
from bot.outbox.outcome import Failure, Verdict, classify, edit_target_gone
from bot.outbox.ratelimit import RateLimiter
from bot.outbox.recorder import SentRecorder
from bot.outbox.render import BadPayload, edit_text, send_calls
from bot.outbox.too_big import note_for_row
from bot.outbox.transport import Transport
from core.config import Config
from core.errors import ConcurrentUpdate
from core.model import OutboxMessage
from core.night import delivered_silently, in_quiet_hours
from core.team_chats import follow_chat_move, leave_topic
from storage.outbox_queries import OutboxQueries
from storage.uow import Database, SqlUnitOfWork

log = logging.getLogger(__name__)

PROGRESS = "_done"  # payload key: how many parts of a split message were delivered
_SETTLE_TRIES = 3


@dataclass(frozen=True, slots=True)
class SenderSettings:
    batch_size: int = 100
    lease_seconds: float = 60.0
    max_in_flight: int = 16  # concurrent requests: 30/s at up to half a second each
    max_attempts: int = 12  # about 40 minutes of back-off before a row is dead
    backoff_base: float = 2.0
    backoff_cap: float = 600.0
    edit_wait: float = 3.0  # postpone an edit whose card has not been sent yet
    poll_interval: float = 1.0
    flood_window: float = 1.0  # RetryAfter from two chats this close: the whole bot waits


class Delivery:
    """Sends rows through a transport and writes their outcomes."""

    def __init__(
        self,
        db: Database,
        cfg: Config,
        transport: Transport,
        clock: Clock,
        limiter: RateLimiter,
        settings: SenderSettings,
        rng: random.Random,
    ) -> None:
        self.db, self.cfg, self.transport = db, cfg, transport
        self.clock, self.limiter, self.settings, self.rng = clock, limiter, settings, rng
        self._last_flood: tuple[float, int] | None = None
        # SQLite has one writer at a time and its busy handler sleeps in steps of many
        # milliseconds; queueing this process's writes here is far faster than contending.
        self._write_lock: AbstractAsyncContextManager[object] = (
            asyncio.Lock() if db.is_sqlite else contextlib.nullcontext()
        )
        self.recorder = SentRecorder(self.write, clock)

    @contextlib.asynccontextmanager
    async def write(self) -> AsyncIterator[SqlUnitOfWork]:
        """A unit of work for one write transaction."""
        async with self._write_lock, self.db.uow() as uow:
            yield uow

    async def deliver(self, row: OutboxMessage) -> None:
        """Deliver `row` (its first send is already counted by the limiter)."""
        try:
            if row.method in ("edit_message", "edit_buttons"):
                await self._edit(row)
            else:
                await self._send(row)
        except Exception:
            # Only the bookkeeping can fail here; the row keeps its lease and is retried
            # by any sender once the lease ends.
            log.exception("outbox row %s: outcome not recorded, retry after its lease", row.id)

    async def _send(self, row: OutboxMessage) -> None:
        assert row.id is not None
        try:
            calls = send_calls(row, silent=await self._silent(row))
        except BadPayload as exc:
            await self._failed(row, classify(exc), done=0)
            return
        done = int(row.payload.get(PROGRESS, 0))
        message_id = row.result_message_id
        for i, call in enumerate(calls[done:]):
            if i:
                await self.limiter.acquire(row.chat_id)
            try:
                message_id = await call(self.transport)
            except Exception as exc:
                await self._failed(row, classify(exc), done=done)
                return
            done += 1
        await self._sent(row, message_id)

    async def _silent(self, row: OutboxMessage) -> bool:
        """Whether the row goes without sound (`core.night`), decided as it goes rather
        than when it was written: a notice held until the quiet hours end rings then."""
        now = self.clock.now()
        if not in_quiet_hours(self.cfg, now):
            return False  # by day, without reading the ticket
        ticket = None
        if row.ticket_id is not None:
            async with self.db.uow(read_only=True) as uow:
                ticket = await uow.tickets.get(row.ticket_id)
        return delivered_silently(
            self.cfg,
            now,
            chat_id=row.chat_id,
            priority=row.priority,
            ticket=ticket,
            purpose=row.purpose,
        )

    async def _edit(self, row: OutboxMessage) -> None:
        try:
            # edit_buttons keeps the text and changes the buttons only (no buttons: none).
            text, buttons = (
                (None, row.payload.get("buttons"))
                if row.method == "edit_buttons"
                else edit_text(row.payload)
            )
            targets = await self._edit_targets(row)
        except BadPayload as exc:
            await self._failed(row, classify(exc), done=0)
            return
        if targets is None:
            return  # postponed: the card is still on its way
        message_id = None
        for i, target in enumerate(targets):
            if i:
                await self.limiter.acquire(row.chat_id)
            try:
                if text is None:
                    message_id = await self.transport.edit_buttons(row.chat_id, target, buttons)
                else:
                    message_id = await self.transport.edit_message_text(
                        row.chat_id, target, text, buttons=buttons
                    )
            except BadRequest as exc:
                if edit_target_gone(str(exc)):
                    now, reason = self.clock.now(), classify(exc).message
                    gone = await after_gone_edit(
                        self.write, row, target, text, buttons, reason, now
                    )
                    await self._instead_of_edit(row, gone)
                    return
                if classify(exc).verdict is not Verdict.NOT_MODIFIED:
                    await self._failed(row, classify(exc), done=0)
                    return
                message_id = target  # already showing this: that is success
            except Exception as exc:
                failure = classify(exc)
                if failure.new_chat_id is None:
                    await self._failed(row, failure, done=0)
                    return
                # The group became a supergroup: what the edit says goes there.
                now = self.clock.now()
                wait = now + timedelta(seconds=self.settings.edit_wait)
                moved = await after_moved_edit(
                    self.write, self.cfg, row, target, text, buttons, failure, now, wait
                )
                await self._instead_of_edit(row, moved)
                return
        await self._sent(row, message_id)

    async def _edit_targets(self, row: OutboxMessage) -> list[int] | None:
        """The message ids to edit, or None after postponing the row."""
        if "message_id" in row.payload:
            return [int(row.payload["message_id"])]
        due = self.clock.now() + timedelta(seconds=self.settings.edit_wait)
        async with self.write() as uow:
            targets = await kept_targets(uow, row, postpone_until=due)
            await uow.commit()
        return targets

    async def _instead_of_edit(self, row: OutboxMessage, instead: Instead) -> None:
        """After an edit refused for good: one that nothing is lost without counts as sent
        (the row is otherwise rewritten, to be sent or retried, or settled elsewhere)."""
        if instead is Instead.NOTHING:
            await self._sent(row, None)

    async def _sent(self, row: OutboxMessage, message_id: int | None) -> None:
        await self.recorder.record(row, message_id)

    async def _failed(self, row: OutboxMessage, failure: Failure, *, done: int) -> None:
        assert row.id is not None
        now, verdict = self.clock.now(), failure.verdict
        payload = {**row.payload, PROGRESS: done} if done else None
        if verdict is Verdict.FLOOD:
            log.warning("row %s: flood control, retry in %ss", row.id, failure.retry_after)
            self._flood(row.chat_id, failure.retry_after)
            due = now + timedelta(seconds=failure.retry_after)
            await self._reschedule(row, due, row.attempts, failure.message, payload)
        elif verdict is Verdict.MIGRATED and not row.method.startswith("send_"):
            # A group's menu: set for the old chat, it means nothing in the new one. (An
            # edit becomes a message there before it gets here, `bot.outbox.moved`.)
            log.error("row %s: cannot do %s in chat %s, it moved", row.id, row.method, row.chat_id)
            await self._settle(row, "dead", failure.message, now, forbidden=False, moved=failure)
        elif verdict is Verdict.MIGRATED:
            log.warning("row %s: chat %s moved to %s", row.id, row.chat_id, failure.new_chat_id)
            await self._reschedule(row, now, row.attempts, failure.message, payload, failure)
        elif verdict is Verdict.TOPIC_GONE and "thread_id" in row.payload:
            await self._leave_topic(row, failure, done)
        elif verdict is Verdict.RETRY and row.attempts + 1 < self.settings.max_attempts:
            delay = self.backoff(row.attempts)
            log.warning("row %s: %s; retry in %.1fs", row.id, failure.message, delay)
            due = now + timedelta(seconds=delay)
            await self._reschedule(row, due, row.attempts + 1, failure.message, payload)
        else:
            forbidden, too_large = verdict is Verdict.FORBIDDEN, verdict is Verdict.TOO_LARGE
            status = "failed" if forbidden else "dead"
            # A person who blocked the bot, or never opened a chat with it, is an everyday
            # event the ladder handles (recorded, the next rung alerted); other refusals
            # (a message Telegram will never take) are the bot's own to look into.
            level = logging.WARNING if forbidden else logging.ERROR
            log.log(level, "row %s to %s is %s: %s", row.id, row.chat_id, status, failure.message)
            await self._settle(
                row, status, failure.message, now, forbidden=forbidden, too_large=too_large
            )

    def backoff(self, attempts: int) -> float:
        """Seconds before the next try after `attempts` failed ones: exponential, jittered."""
        ceiling = min(self.settings.backoff_cap, self.settings.backoff_base * 2.0**attempts)
        # Jitter spreads out the retries of many rows that failed together.
        return ceiling * self.rng.uniform(0.5, 1.0)

    def _flood(self, chat_id: int, seconds: float) -> None:
        self.limiter.pause(chat_id, seconds)
        now = self.clock.monotonic()
        last = self._last_flood
        if last and last[1] != chat_id and now - last[0] <= self.settings.flood_window:
            log.warning("flood control on several chats: pausing all sends %ss", seconds)
            self.limiter.pause_all(seconds)
        self._last_flood = (now, chat_id)

    async def _reschedule(
        self,
        row: OutboxMessage,
        due: datetime,
        attempts: int,
        error: str,
        payload: dict[str, object] | None,
        migrated: Failure | None = None,
    ) -> None:
        assert row.id is not None
        async with self.write() as uow:
            moved_to = migrated.new_chat_id if migrated else None
            await self._follow_move(uow, row, migrated)
            if not await OutboxQueries.on(uow).reschedule(
                row.id,
                not_before=due,
                attempts=attempts,
                last_error=error,
                payload=payload,
                chat_id=moved_to,
            ):
                log.warning("outbox row %s was settled by another sender", row.id)
                return
            await uow.commit()

    async def _leave_topic(self, row: OutboxMessage, failure: Failure, done: int) -> None:
        """The row's forum topic was deleted or closed: it goes to the chat's General topic
        instead, at once. A deleted topic is also taken off the teams bound to it, so their
        next messages go to General first time; a closed one may be reopened and stays."""
        topic = int(row.payload["thread_id"])
        log.warning("row %s: topic %s of chat %s: %s", row.id, topic, row.chat_id, failure.message)
        general = {k: v for k, v in row.payload.items() if k != "thread_id"}
        if done:
            general[PROGRESS] = done
        now = self.clock.now()
        await self._reschedule(row, now, row.attempts, failure.message, general)
        if "closed" in failure.message.lower():
            return
        async with self.write() as uow:
            left = await leave_topic(uow, self.cfg, row.chat_id, topic, now=now)
            await uow.commit()
        if left:
            log.warning(
                "teams %s now use the General topic of chat %s", ", ".join(left), row.chat_id
            )

    async def _follow_move(
        self, uow: SqlUnitOfWork, row: OutboxMessage, migrated: Failure | None
    ) -> None:
        """A team whose chat became a supergroup is bound to the new id, so that its next
        messages go there at once (and its commands and cards work there)."""
        if migrated is None or migrated.new_chat_id is None:
            return
        moved = await follow_chat_move(
            uow, self.cfg, row.chat_id, migrated.new_chat_id, by=0, now=self.clock.now()
        )
        if moved:
            log.warning("teams %s now use chat %s", ", ".join(moved), migrated.new_chat_id)

    async def _settle(
        self,
        row: OutboxMessage,
        status: str,
        error: str,
        now: datetime,
        *,
        forbidden: bool,
        moved: Failure | None = None,
        too_large: bool = False,
    ) -> None:
        assert row.id is not None
        for attempt in range(_SETTLE_TRIES):
            try:
                async with self.write() as uow:
                    if row.chat_id > 0 and row.ticket_id is not None:
                        # Its alert asks whether another's copy is sent or on its way: two
                        # refused at once must not each find the other on its way.
                        await OutboxQueries.on(uow).lock_copies(row)
                    if not await OutboxQueries.on(uow).settle(
                        row.id, status=status, attempts=row.attempts + 1, last_error=error
                    ):
                        log.warning("outbox row %s was settled by another sender", row.id)
                        return
                    await self._follow_move(uow, row, moved)
                    alerts = await record_undeliverable(
                        uow, self.cfg, row, error, now, forbidden=forbidden
                    )
                    if too_large and (note := await note_for_row(uow, row, now)) is not None:
                        await uow.outbox.add(note)  # in the file's place, once
                    await uow.commit()
                for alert in alerts:
                    log.warning("row %s undeliverable: alerting %s", row.id, alert.chat_id)
                return
            except (ConcurrentUpdate, StaleDataError):
                # Someone changed the ticket meanwhile: note the event on the fresh one.
                log.info("row %s: ticket changed while settling (try %d)", row.id, attempt + 1)
        raise ConcurrentUpdate(f"could not settle outbox row {row.id}")
