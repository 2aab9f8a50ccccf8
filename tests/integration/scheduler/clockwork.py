"""Drive the scheduler's sweep job with a travelling clock (time-machine), as a 30-second
scheduler would run it, and read back what reached whom and when."""

from __future__ import annotations

from collections.abc import Collection
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import time_machine
from sqlalchemy import func, select, update

from core.config import Config
from core.enums import Action, Kind, Script
from core.model import OutboxMessage, Ticket
from core.services import perform
from handlers.staff import seed_memberships
from scheduler.jobs import Jobs
from scheduler.weekly import Document, WeeklyContent
from storage.tables import memberships, outbox, tickets
from storage.uow import Database

SHANGHAI = ZoneInfo("Asia/Shanghai")
TICK = timedelta(seconds=30)

# People and chats of the demo config the tests follow.
FARMER, RETAILER, SUPERVISOR = 100001, 100002, 300001
CURING_CHAT, CURING_MEMBER, CURING_LEADER = -1001000000001, 200001, 200002
ORDERING_CHAT, ORDERING_MEMBER, ORDERING_LEADER = -1001000000013, 200061, 200062

# A normal (business-hours) request to the ordering team: draft overrides for new_ticket.
ORDERING_REQUEST = {
    "kind": Kind.REQUEST,
    "line": "ordering",
    "team_id": "ordering",
    "urgent": False,
    "text": "订货系统登录不上",
    "area": "chengqu",
    "site_code": None,
}


def at(text: str) -> datetime:
    """'2026-09-24 16:00' in Shanghai as an aware UTC datetime."""
    return datetime.fromisoformat(text).replace(tzinfo=SHANGHAI).astimezone(UTC)


def show(when: datetime) -> str:
    return when.astimezone(SHANGHAI).strftime("%a %m-%d %H:%M")


async def seed_staff(
    db: Database, cfg: Config, now: datetime, on_duty: tuple[int, ...] = ()
) -> None:
    async with db.uow() as uow:
        await seed_memberships(uow, cfg, now)
        await uow.commit()
    if on_duty:
        async with db.engine.begin() as conn:
            await conn.execute(
                update(memberships).where(memberships.c.user_id.in_(on_duty)).values(on_duty=True)
            )


async def next_due(db: Database) -> datetime | None:
    async with db.engine.connect() as conn:
        found = await conn.scalar(select(func.min(tickets.c.next_action_at)))
    if not isinstance(found, datetime):
        return None
    return found.replace(tzinfo=UTC) if found.tzinfo is None else found.astimezone(UTC)


async def run_scheduler(db: Database, cfg: Config, start: datetime, end: datetime) -> datetime:
    """The sweep job every 30 s from `start` to `end`, the clock travelling between ticks.

    Ticks where nothing is due do nothing, so the clock jumps straight to the first tick at
    or after the next due ticket; returns the last tick swept.
    """
    jobs = Jobs(db, cfg)
    now = start
    while True:
        due = await next_due(db)
        if due is None:
            return now
        ticks = max(-(-(due - start) // TICK), 0)  # ceiling: the first tick not before `due`
        tick = max(start + ticks * TICK, now)
        if tick > end:
            return now
        with time_machine.travel(tick, tick=False):
            await jobs.sweep_now()
        now = tick + TICK


async def outbox_rows(db: Database) -> list[OutboxMessage]:
    async with db.uow(read_only=True) as uow:
        assert uow.session is not None
        query = select(OutboxMessage).order_by(outbox.c.id)
        return list((await uow.session.execute(query)).scalars())


def kind_of(row: OutboxMessage) -> str:
    """team / leader / supervisors for the ladder's messages, else the row's purpose."""
    text = str(row.payload.get("text", ""))
    for prefix, kind in (("⏰", "team"), ("⚠️", "leader"), ("🔴【超时督办】", "supervisors")):
        if text.startswith(prefix):
            return kind
    return row.purpose


async def sent(db: Database) -> list[tuple[str, str, tuple[int, ...]]]:
    """What went out: (local time, kind, recipients) per step, in order."""
    steps: dict[tuple[datetime, int | None, str], list[int]] = {}
    for row in await outbox_rows(db):
        steps.setdefault((row.created_at, row.ticket_id, kind_of(row)), []).append(row.chat_id)
    return [(show(when), kind, tuple(chats)) for (when, _, kind), chats in steps.items()]


async def act(
    db: Database,
    cfg: Config,
    ticket_id: int,
    action: Action,
    actor: int,
    now: datetime,
    note: str = "",
) -> Ticket:
    async with db.uow() as uow:
        ticket = await uow.tickets.get(ticket_id)
        assert ticket is not None
        await perform(uow, cfg, ticket, action, actor_id=actor, now=now, note=note)
        await uow.commit()
    return ticket


async def load(db: Database, ticket_id: int) -> Ticket:
    async with db.uow(read_only=True) as uow:
        ticket = await uow.tickets.get(ticket_id)
    assert ticket is not None
    return ticket


class FakeWeekly:
    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.calls: list[datetime] = []
        self.scripts: list[list[Script]] = []

    async def __call__(
        self, now: datetime, scripts: Collection[Script] = (Script.HANS,)
    ) -> WeeklyContent:
        self.calls.append(now)
        self.scripts.append(list(scripts))
        chart = self.directory / "chart.png"
        chart.write_bytes(b"\x89PNG")
        drawn = self.directory / "chart-hant.png"
        drawn.write_bytes(b"\x89PNG")
        return WeeklyContent(
            week="2026-11-16",
            text="📊 上周服务指标",
            documents=(Document(chart, "服务指标.png", "服务指标图"),),
            echo_summary="回音壁：上周办结 3 件",
            documents_in={Script.HANT: (Document(drawn, "服務指標.png", "服务指标图"),)},
        )
