"""Housekeeping: what old updates' steps said is forgotten once no repeat can come.

Telegram keeps an update it could not deliver, or that was never confirmed, for 24 hours;
after that no repeat of it will come, and the replies kept to show again
(`handlers.kept_replies`) are only weight. The inbox record itself stays: it is what makes
a repeat harmless.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from storage.uow import Database

log = logging.getLogger(__name__)

REPEATS_WITHIN = timedelta(hours=24)  # how long Telegram keeps an unconfirmed update
KEEP_FOR = REPEATS_WITHIN + timedelta(hours=1)  # and a margin for a clock off a little


async def forget_old_replies(db: Database, now: datetime) -> int:
    """Forget what updates processed more than `KEEP_FOR` ago said; how many."""
    async with db.uow() as uow:
        forgotten = await uow.inbox.forget_replies(now - KEEP_FOR)
        await uow.commit()
    if forgotten:
        log.info("forgot the replies of %d updates processed before %s", forgotten, now - KEEP_FOR)
    return forgotten
