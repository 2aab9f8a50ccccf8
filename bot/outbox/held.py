"""A refusal held until the copies of the same message to others are settled.

An urgent card is paged to each member on duty, one row each. When one member cannot get
it, the alert up the ladder says whether another has it (同一消息已送达 李师傅), and then goes
without sound at night (`bot.outbox.escalation`). Which copy the sender tries first is the
roster's order, or chance with several senders: a refusal settled while the other copy is
still on its way would wake the leader as though nobody had the page. So the refused row
stays pending, its outcome written into it (`HELD_REFUSAL`), and is settled, with its
alerts, once no other copy is still to be tried: sent or refused, the alert tells it as it
is. The row in the database carries all of it, so a restart loses nothing; the wait is
bounded, so a copy stuck behind a crashed sender's lease or a long back-off never keeps a
page nobody got from ringing.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from datetime import datetime, timedelta

from core.model import OutboxMessage
from storage.outbox_queries import HELD_REFUSAL, OutboxQueries
from storage.uow import SqlUnitOfWork

STEP = timedelta(seconds=1)  # how soon a held refusal looks at the copies again
LONGEST = timedelta(minutes=1)  # a sender's lease: past it, a copy in flight was lost


@dataclass(frozen=True, slots=True)
class Refusal:
    """How a row ended, as `Delivery._settle` writes it."""

    status: str
    error: str
    forbidden: bool
    at: datetime

    def stored(self) -> dict[str, object]:
        return {
            "status": self.status,
            "error": self.error,
            "forbidden": self.forbidden,
            "at": self.at.isoformat(),
        }


def held(row: OutboxMessage) -> Refusal | None:
    """The refusal `row` holds, if it was refused already."""
    kept = row.payload.get(HELD_REFUSAL)
    if not isinstance(kept, dict):
        return None
    return Refusal(
        str(kept["status"]),
        str(kept["error"]),
        bool(kept["forbidden"]),
        datetime.fromisoformat(str(kept["at"])),
    )


async def hold(
    write: Callable[[], AbstractAsyncContextManager[SqlUnitOfWork]],
    row: OutboxMessage,
    refusal: Refusal,
    now: datetime,
    payload: dict[str, object] | None = None,
) -> bool:
    """Keep `row` pending with `refusal` while another person's copy of its message is
    still to be tried (True); False: settle it now. Only a person's copy about a ticket
    (an alert has none beside it), and no longer than `LONGEST` since it was refused."""
    assert row.id is not None
    if row.chat_id <= 0 or row.ticket_id is None or row.purpose == "alert":
        return False
    if now - refusal.at >= LONGEST:
        return False
    async with write() as uow:
        queries = OutboxQueries.on(uow)
        if not await queries.copies_on_their_way(row, refusal.at + LONGEST):
            return False
        kept = {**(payload or row.payload), HELD_REFUSAL: refusal.stored()}
        await queries.reschedule(
            row.id,
            not_before=now + STEP,
            attempts=row.attempts,
            last_error=refusal.error,
            payload=kept,
        )
        await uow.commit()
    return True
