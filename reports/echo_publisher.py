"""Posts recently closed tickets to the echo wall, once each.

Runs as a periodic job rather than inside the step that closes a ticket, because tickets
close in several places (the requester's confirmation, the scheduler's auto-close, a
supervisor) and none of them may import reports/. The outbox's dedup key
(echo:<ticket>:<cycle>) makes a repeated run, or two processes running it, harmless.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import and_, or_, select

from core.config import Config
from core.enums import Status
from core.lifecycle import REOPEN_AFTER_CLOSE
from reports.echo import outbox_message, post_for, staff_names
from storage.tables import outbox, tickets
from storage.uow import Database

LOOK_BACK = timedelta(days=2)  # longer than any downtime we expect; older closes stay quiet


async def publish_recent(db: Database, cfg: Config, now: datetime, limit: int = 200) -> int:
    """Queue an echo post for each ticket whose close became final since `now - LOOK_BACK`,
    not yet posted: rated, or closed without a rating (by the sweep, or a supervisor) and no
    longer to be sent back by its requester (`REOPEN_AFTER_CLOSE`). Posted sooner, the wall
    would say it was done, and keep saying so, of a ticket its requester then reopened."""
    if cfg.echo_wall_chat is None:
        return 0
    since, settled = now - LOOK_BACK, now - REOPEN_AFTER_CLOSE
    async with db.uow() as uow:
        assert uow.session is not None
        session = uow.session
        closed = (
            await session.execute(
                select(tickets.c.id, tickets.c.reopen_count)
                .where(
                    tickets.c.status == Status.CLOSED,
                    tickets.c.resolved_at.isnot(None),
                    or_(
                        tickets.c.rated_at >= since,
                        and_(
                            tickets.c.rating.is_(None),
                            tickets.c.closed_at >= since - REOPEN_AFTER_CLOSE,
                            tickets.c.closed_at < settled,
                        ),
                    ),
                )
                .order_by(tickets.c.closed_at)
            )
        ).all()
        keys = {f"echo:{tid}:{cycle}": int(tid) for tid, cycle in closed}
        if not keys:
            return 0
        done = set(
            (
                await session.execute(
                    select(outbox.c.dedup_key).where(outbox.c.dedup_key.in_(list(keys)))
                )
            ).scalars()
        )
        queued = 0
        staff = await staff_names(session)
        for key, ticket_id in keys.items():
            if key in done or queued >= limit:
                continue
            post = await post_for(session, cfg, ticket_id, staff=staff)
            message = outbox_message(cfg, post, now) if post is not None else None
            if message is not None:
                await uow.outbox.add(message)
                queued += 1
        await uow.commit()
    return queued
