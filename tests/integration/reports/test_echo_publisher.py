"""Closed tickets reach the echo wall once each, and opted-out requesters never do."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

import time_machine
from sqlalchemy import select

from bot.scheduler_wiring import build_jobs
from core.config import Config
from core.enums import Action, Role
from core.model import OutboxMessage, User
from core.services import perform
from reports.echo_publisher import publish_recent
from storage.uow import Database
from tests.support.tickets import FARMER, MEMBER, SUPERVISOR, T0, new_ticket

RETAILER = 100002


async def _close(db: Database, cfg: Config, requester: int) -> int:
    ticket = await new_ticket(db, cfg, requester_id=requester, chat_id=requester)
    assert ticket.id is not None
    steps = [(Action.ACCEPT, MEMBER), (Action.RESOLVE, MEMBER), (Action.CONFIRM, requester)]
    await _walk(db, cfg, ticket.id, steps)
    return ticket.id


async def _walk(
    db: Database, cfg: Config, ticket_id: int, steps: Sequence[tuple[Action, int | None]]
) -> None:
    """`steps` taken a minute apart from T0 (an actor None is the sweep); the requester's ✅
    closes it with their score, as it always comes."""
    for minute, (action, actor) in enumerate(steps, 1):
        now = T0 + timedelta(minutes=minute)
        async with db.uow() as uow:
            loaded = await uow.tickets.get(ticket_id)
            assert loaded is not None
            role = Role.SYSTEM if actor is None else None
            note = "更换了风机电容"
            await perform(uow, cfg, loaded, action, actor_id=actor, now=now, note=note, role=role)
            if action is Action.CONFIRM:
                loaded.rate(5, "", now)
            await uow.commit()


async def _echo_rows(db: Database) -> list[OutboxMessage]:
    async with db.uow(read_only=True) as uow:
        assert uow.session is not None
        query = select(OutboxMessage).where(OutboxMessage.purpose == "echo")  # type: ignore[arg-type]
        return list((await uow.session.execute(query)).scalars())


async def test_each_closed_ticket_is_posted_once(db: Database, demo_config: Config) -> None:
    ticket_id = await _close(db, demo_config, FARMER)
    now = T0 + timedelta(hours=1)
    assert await publish_recent(db, demo_config, now) == 1
    assert await publish_recent(db, demo_config, now) == 0
    [row] = await _echo_rows(db)
    assert row.ticket_id == ticket_id and row.chat_id == demo_config.echo_wall_chat
    assert "烘烤110" in row.payload["text"]


async def test_opted_out_requester_is_not_posted(db: Database, demo_config: Config) -> None:
    async with db.uow() as uow:
        await uow.users.add(User(id=RETAILER, created_at=T0, echo_opt_out=True))
        await uow.commit()
    await _close(db, demo_config, RETAILER)
    assert await publish_recent(db, demo_config, T0 + timedelta(hours=1)) == 0
    assert await _echo_rows(db) == []


async def test_the_scheduler_posts_the_echo_wall_in_whichever_process_runs_it(
    db: Database, demo_config: Config
) -> None:
    # `jinye110 scheduler` and the bot's own scheduler build their jobs alike.
    ticket_id = await _close(db, demo_config, FARMER)
    woken: list[bool] = []
    jobs = build_jobs(db, demo_config, weekly=False, on_queued=lambda: woken.append(True))
    job = jobs.scheduler.get_job("echo-wall")
    assert job is not None
    with time_machine.travel(T0 + timedelta(hours=1), tick=False):
        await job.func()
    assert woken == [True] and [r.ticket_id for r in await _echo_rows(db)] == [ticket_id]
    no_wall = demo_config.model_copy(update={"echo_wall_chat": None})
    assert build_jobs(db, no_wall, weekly=False).scheduler.get_job("echo-wall") is None


async def test_a_running_scheduler_posts_the_echo_wall_when_its_run_comes(
    db: Database, demo_config: Config
) -> None:
    """The job as the scheduler runs it, not its function called by hand: an awaited run
    (a coroutine job, as the sweep's), not a call in a worker thread whose result nobody
    awaits."""
    ticket_id = await _close(db, demo_config, FARMER)
    jobs = build_jobs(db, demo_config, weekly=False)
    with time_machine.travel(T0 + timedelta(hours=1), tick=True):
        jobs.start()
        try:
            wall = jobs.scheduler.get_job("echo-wall")
            assert wall is not None
            wall.modify(next_run_time=datetime.now(UTC))  # its two minutes are up
            for _ in range(100):
                if await _echo_rows(db):
                    break
                await asyncio.sleep(0.05)
        finally:
            await jobs.stop()
    assert [r.ticket_id for r in await _echo_rows(db)] == [ticket_id]


async def _resolve_unconfirmed(db: Database, cfg: Config, closed_by: Action) -> int:
    """A ticket resolved, then closed without its requester's word: by the sweep after they
    did not reply, or by a supervisor."""
    ticket = await new_ticket(db, cfg)
    assert ticket.id is not None
    closer = SUPERVISOR if closed_by is Action.CLOSE else None  # None: the sweep
    await _walk(
        db, cfg, ticket.id, [(Action.ACCEPT, MEMBER), (Action.RESOLVE, MEMBER), (closed_by, closer)]
    )
    return ticket.id


async def test_a_close_its_requester_may_still_send_back_is_posted_once_they_no_longer_can(
    db: Database, demo_config: Config
) -> None:
    """Closed without the requester's word, a ticket may be called not solved for a week
    (重新办理): posted at once, the wall would say it was done, and keep saying so."""
    auto = await _resolve_unconfirmed(db, demo_config, Action.AUTO_CLOSE)
    closed = await _resolve_unconfirmed(db, demo_config, Action.CLOSE)
    assert await publish_recent(db, demo_config, T0 + timedelta(hours=1)) == 0
    assert await publish_recent(db, demo_config, T0 + timedelta(days=6)) == 0
    assert await publish_recent(db, demo_config, T0 + timedelta(days=7, hours=1)) == 2
    assert sorted(r.ticket_id or 0 for r in await _echo_rows(db)) == [auto, closed]


async def test_a_close_its_requester_rated_afterwards_is_posted_with_the_rating(
    db: Database, demo_config: Config
) -> None:
    ticket_id = await _resolve_unconfirmed(db, demo_config, Action.AUTO_CLOSE)
    async with db.uow() as uow:
        loaded = await uow.tickets.get(ticket_id)
        assert loaded is not None
        loaded.rate(5, "", T0 + timedelta(days=3))  # they may no longer send it back
        await uow.commit()
    assert await publish_recent(db, demo_config, T0 + timedelta(days=3, minutes=2)) == 1
    [row] = await _echo_rows(db)
    assert "评价：满意" in row.payload["text"]
