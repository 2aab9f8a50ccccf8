"""Tickets in a real database: creation, numbers, audit trail, deadlines, concurrency."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest
from sqlalchemy import update

from core.config import Config
from core.enums import Action, Status
from core.errors import ConcurrentUpdate, IllegalTransition, PermissionDenied
from core.services import perform
from storage.tables import tickets
from storage.uow import Database
from tests.support.tickets import (
    FARMER,
    LEADER,
    MEMBER,
    OTHER_MEMBER,
    STRANGER,
    SUPERVISOR,
    T0,
    new_ticket,
)


async def test_new_ticket_is_dispatched_with_number_events_and_deadlines(
    db: Database, demo_config: Config
) -> None:
    ticket = await new_ticket(db, demo_config)
    async with db.uow(read_only=True) as uow:
        stored = await uow.tickets.by_number(ticket.number or "")
        assert stored is not None
        events = await uow.tickets.events(stored.id or 0)
    assert stored.status is Status.DISPATCHED
    assert stored.number == "10019"
    assert [e.action for e in events] == ["create", "dispatch"]
    # urgent: 10 minutes to accept, counted on the wall clock
    assert stored.accept_due_at == T0 + timedelta(minutes=10)
    assert stored.next_action_at == stored.accept_due_at
    assert stored.created_at.tzinfo is not None


async def test_stranger_cannot_accept_and_nothing_changes(
    db: Database, demo_config: Config
) -> None:
    ticket = await new_ticket(db, demo_config)
    async with db.uow() as uow:
        loaded = await uow.tickets.get(ticket.id or 0)
        assert loaded is not None
        with pytest.raises(PermissionDenied):
            await perform(uow, demo_config, loaded, Action.ACCEPT, actor_id=STRANGER, now=T0)
    async with db.uow(read_only=True) as uow:
        again = await uow.tickets.get(ticket.id or 0)
        assert again is not None and again.status is Status.DISPATCHED
        assert len(await uow.tickets.events(ticket.id or 0)) == 2


async def test_full_happy_path_keeps_an_event_per_change(db: Database, demo_config: Config) -> None:
    ticket = await new_ticket(db, demo_config)
    steps = [
        (Action.ACCEPT, MEMBER),
        (Action.VISIT, MEMBER),
        (Action.RESOLVE, MEMBER),
        (Action.REOPEN, FARMER),
        (Action.ACCEPT, LEADER),
        (Action.RESOLVE, LEADER),
        (Action.CONFIRM, FARMER),
    ]
    for minute, (action, actor) in enumerate(steps, start=1):
        async with db.uow() as uow:
            loaded = await uow.tickets.get(ticket.id or 0)
            assert loaded is not None
            await perform(
                uow, demo_config, loaded, action, actor_id=actor, now=T0 + timedelta(minutes=minute)
            )
            await uow.commit()
    async with db.uow(read_only=True) as uow:
        final = await uow.tickets.get(ticket.id or 0)
        events = await uow.tickets.events(ticket.id or 0)
    assert final is not None and final.status is Status.CLOSED
    assert final.reopen_count == 1 and final.next_action_at is None
    assert [e.action for e in events][2:] == [a.value for a, _ in steps]
    assert events[-1].actor_id == FARMER


async def test_supervisor_reassigns_to_another_team(db: Database, demo_config: Config) -> None:
    ticket = await new_ticket(db, demo_config)
    async with db.uow() as uow:
        loaded = await uow.tickets.get(ticket.id or 0)
        assert loaded is not None
        await perform(
            uow,
            demo_config,
            loaded,
            Action.REASSIGN,
            actor_id=SUPERVISOR,
            now=T0,
            to_team="curing-baishi",
        )
        await uow.commit()
    async with db.uow(read_only=True) as uow:
        moved = await uow.tickets.get(ticket.id or 0)
    assert moved is not None and moved.team_id == "curing-baishi"
    # the first team's member is no longer allowed to act
    async with db.uow() as uow:
        loaded = await uow.tickets.get(ticket.id or 0)
        assert loaded is not None
        with pytest.raises(PermissionDenied):
            await perform(uow, demo_config, loaded, Action.ACCEPT, actor_id=MEMBER, now=T0)


async def test_two_concurrent_accepts_exactly_one_wins(db: Database, demo_config: Config) -> None:
    ticket = await new_ticket(db, demo_config)
    # On PostgreSQL both read the ticket before either writes; SQLite's BEGIN IMMEDIATE
    # makes the second wait for the first, so there the barrier would only deadlock.
    barrier = asyncio.Barrier(1 if db.is_sqlite else 2)

    async def accept(member: int) -> str:
        try:
            async with db.uow() as uow:
                loaded = await uow.tickets.get(ticket.id or 0)
                assert loaded is not None
                await barrier.wait()
                await perform(uow, demo_config, loaded, Action.ACCEPT, actor_id=member, now=T0)
                await uow.commit()
                return "won"
        except (ConcurrentUpdate, IllegalTransition) as exc:
            return type(exc).__name__

    results = await asyncio.gather(accept(MEMBER), accept(OTHER_MEMBER))
    assert sorted(results).count("won") == 1, results
    async with db.uow(read_only=True) as uow:
        final = await uow.tickets.get(ticket.id or 0)
        events = await uow.tickets.events(ticket.id or 0)
    winner = MEMBER if results[0] == "won" else OTHER_MEMBER
    assert final is not None and final.accepted_by == winner
    assert [e.action for e in events].count("accept") == 1


async def test_redelivered_update_is_claimed_once(db: Database) -> None:
    async with db.uow() as uow:
        assert await uow.inbox.claim("ptb:42", T0)
        await uow.commit()
    async with db.uow() as uow:
        assert not await uow.inbox.claim("ptb:42", T0)


async def test_due_returns_only_tickets_whose_action_is_due(
    db: Database, demo_config: Config
) -> None:
    first = await new_ticket(db, demo_config)
    await new_ticket(db, demo_config, now=T0 + timedelta(hours=1))
    async with db.uow() as uow:
        due = await uow.tickets.due(T0 + timedelta(minutes=11), limit=10)
    assert [t.id for t in due] == [first.id]


async def test_a_race_lost_at_a_flush_a_read_sets_off_is_a_concurrent_update(
    db: Database, demo_config: Config
) -> None:
    """Someone else's change met by the flush before a query (not the step's own flush or
    commit) is the same lost race: the step runs again on fresh data."""
    ticket = await new_ticket(db, demo_config)

    async def step() -> None:
        async with db.uow() as uow:
            loaded = await uow.tickets.get(ticket.id or 0)
            assert loaded is not None and uow.session is not None
            # Another step's commit, as the version counter shows it.
            await uow.session.execute(
                update(tickets).where(tickets.c.id == loaded.id).values(version=loaded.version + 1)
            )
            await perform(uow, demo_config, loaded, Action.ACCEPT, actor_id=MEMBER, now=T0)
            await uow.tickets.events(loaded.id or 0)  # flushes the stale ticket first

    with pytest.raises(ConcurrentUpdate):
        await step()
