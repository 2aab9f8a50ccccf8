"""The SLA sweep: every ticket whose `next_action_at` has passed gets its next step.

Tickets are taken in batches, each batch one transaction: the tickets are locked with
`FOR UPDATE SKIP LOCKED` on PostgreSQL (a second scheduler skips them and takes the next
ones), and each ticket's step, audit event and outbox rows commit together. The query runs
on the partial index of due tickets, so the cost follows the tickets that are due, not
every ticket ever filed.

If a batch fails (a ticket whose team or line left the config, say), its tickets are
retried one at a time; a ticket that still fails is put off for a while, so one bad
ticket neither blocks the others nor makes the sweep spin.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import select, update

from core.config import Config
from core.model import Ticket
from scheduler.enqueue import Pending
from scheduler.people import People
from scheduler.steps import take_step
from storage.tables import tickets
from storage.uow import Database

log = logging.getLogger(__name__)

RETRY_FAILED_AFTER = timedelta(minutes=10)


@dataclass
class SweepResult:
    processed: int = 0  # tickets stepped (including postponed and rescheduled ones)
    messages: int = 0  # outbox rows queued
    kinds: Counter[str] = field(default_factory=Counter)
    failed: int = 0  # tickets put off after an error
    more: bool = False  # the limit was reached: more tickets may be due

    def add(self, other: SweepResult) -> None:
        self.processed += other.processed
        self.messages += other.messages
        self.kinds.update(other.kinds)
        self.failed += other.failed


async def sweep(
    db: Database, cfg: Config, now: datetime, *, limit: int = 1000, batch: int = 100
) -> SweepResult:
    """Step every ticket due at `now` (at most `limit` of them) and return what was done."""
    result = SweepResult()
    while True:
        room = limit - result.processed - result.failed
        if room <= 0:
            result.more = True
            break
        size = min(batch, room)
        ids: list[int] = []
        try:
            part = await _batch(db, cfg, now, size, ids)
        except Exception:
            log.exception("sweep batch of %d tickets failed; retrying them one by one", len(ids))
            part = await _one_by_one(db, cfg, now, ids)
        result.add(part)
        if len(ids) < size:
            break
    if result.processed or result.failed:
        log.info(
            "sweep at %s: %d tickets, %d messages, %s",
            now.isoformat(timespec="seconds"),
            result.processed,
            result.messages,
            dict(result.kinds),
        )
    return result


async def _batch(
    db: Database, cfg: Config, now: datetime, size: int, ids: list[int]
) -> SweepResult:
    """One transaction over up to `size` due tickets; `ids` learns which were taken."""
    part = SweepResult()
    async with db.uow() as uow:
        assert uow.session is not None
        due = await uow.tickets.due(now, size)
        ids.extend(t.id for t in due if t.id is not None)
        people, out = People(uow, cfg), Pending()
        await people.load_users(t.requester_id for t in due)
        # One flush at the end rather than one before every lookup: the batch's updates
        # and events then go to the database together.
        with uow.session.no_autoflush:
            for ticket in due:
                taken = await take_step(uow, cfg, people, out, ticket, now)
                part.processed += 1
                part.kinds[taken.kind] += 1
        part.messages = await out.write(uow)
        await uow.commit()
    return part


async def _one_by_one(db: Database, cfg: Config, now: datetime, ids: list[int]) -> SweepResult:
    part = SweepResult()
    for ticket_id in ids:
        try:
            async with db.uow() as uow:
                assert uow.session is not None
                query = (
                    select(Ticket)
                    .where(tickets.c.id == ticket_id, tickets.c.next_action_at <= now)
                    .with_for_update(skip_locked=True, key_share=True)  # as tickets.due()
                )
                ticket = (await uow.session.execute(query)).scalar_one_or_none()
                if ticket is None:
                    continue  # another sweep took it meanwhile
                out = Pending()
                taken = await take_step(uow, cfg, People(uow, cfg), out, ticket, now)
                written = await out.write(uow)
                await uow.commit()
            part.processed += 1
            part.messages += written
            part.kinds[taken.kind] += 1
        except Exception:
            log.exception("ticket id %s could not be stepped; retrying it later", ticket_id)
            await _put_off(db, ticket_id, now + RETRY_FAILED_AFTER)
            part.failed += 1
    return part


async def _put_off(db: Database, ticket_id: int, until: datetime) -> None:
    async with db.uow() as uow:
        assert uow.session is not None
        await uow.session.execute(
            update(tickets)
            .where(tickets.c.id == ticket_id, tickets.c.next_action_at < until)
            .values(next_action_at=until, version=tickets.c.version + 1)
        )
        await uow.commit()
