"""Conversations in a real database: a write that must never land over a newer step."""

from __future__ import annotations

from datetime import timedelta

from core.model import Conversation
from storage.uow import Database
from tests.support.tickets import FARMER, T0


async def _kept(db: Database, flow: str, step: str, data: dict[str, object]) -> None:
    async with db.uow() as uow:
        conv = Conversation(FARMER, FARMER, flow, step, T0, T0 + timedelta(hours=2), data)
        await uow.conversations.save(conv)
        await uow.commit()


async def test_data_is_replaced_while_the_row_stands_as_read(db: Database) -> None:
    await _kept(db, "reopen", "sure", {"ticket_id": 7})
    async with db.uow() as uow:
        conv = await uow.conversations.get(FARMER, FARMER)
        assert conv is not None
        assert await uow.conversations.replace_data(conv, {"ticket_id": 7, "asked_anew": True})
        await uow.commit()
    async with db.uow(read_only=True) as uow:
        stored = await uow.conversations.get(FARMER, FARMER)
    assert stored is not None and stored.data == {"ticket_id": 7, "asked_anew": True}


async def test_data_is_never_replaced_over_a_step_taken_since_it_was_read(db: Database) -> None:
    await _kept(db, "reopen", "sure", {"ticket_id": 7})
    async with db.uow(read_only=True) as uow:
        read = await uow.conversations.get(FARMER, FARMER)
    assert read is not None
    async with db.uow() as theirs:  # the person's own step, committed meanwhile
        conv = await theirs.conversations.get(FARMER, FARMER)
        assert conv is not None
        conv.flow, conv.step, conv.data = "new", "confirm", {"text": "烤房停电了"}
        conv.updated_at = T0 + timedelta(minutes=5)
        await theirs.conversations.save(conv)
        await theirs.commit()
    async with db.uow() as uow:
        assert not await uow.conversations.replace_data(read, {"ticket_id": 7, "asked": 1})
        await uow.commit()
    async with db.uow(read_only=True) as uow:
        stored = await uow.conversations.get(FARMER, FARMER)
    assert stored is not None
    assert (stored.flow, stored.step, stored.data) == ("new", "confirm", {"text": "烤房停电了"})
