"""The inbox of processed updates: each claimed once, with what its step said kept for a
repeat until it is forgotten."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from storage.tables import processed_updates
from storage.uow import Database
from tests.support.tickets import T0

SAID = {"replies": [{"text": "🚨 已报警，工单号 10019。"}], "toast": None}


async def test_a_claimed_update_keeps_what_its_step_said(db: Database) -> None:
    async with db.uow() as uow:
        assert await uow.inbox.claim("tg:7", T0)
        await uow.inbox.keep_replies("tg:7", SAID)
        await uow.commit()
    async with db.uow(read_only=True) as uow:
        assert await uow.inbox.kept_replies("tg:7") == SAID
        assert await uow.inbox.kept_replies("tg:8") is None  # never seen


async def test_replies_kept_by_a_rolled_back_step_are_not_kept(db: Database) -> None:
    async with db.uow() as uow:
        assert await uow.inbox.claim("tg:9", T0)
        await uow.inbox.keep_replies("tg:9", SAID)
        await uow.rollback()
    async with db.uow() as uow:
        assert await uow.inbox.claim("tg:9", T0)  # the step never happened: it runs again
        assert await uow.inbox.kept_replies("tg:9") is None


async def test_forgetting_empties_only_older_updates_and_keeps_their_records(
    db: Database,
) -> None:
    async with db.uow() as uow:
        for key, at in (("tg:old", T0), ("tg:new", T0 + timedelta(hours=2))):
            await uow.inbox.claim(key, at)
            await uow.inbox.keep_replies(key, SAID)
        await uow.commit()
    async with db.uow() as uow:
        assert await uow.inbox.forget_replies(T0 + timedelta(hours=1)) == 1
        await uow.commit()
    async with db.uow() as uow:
        assert await uow.inbox.kept_replies("tg:old") is None
        assert await uow.inbox.kept_replies("tg:new") == SAID
        assert uow.session is not None
        emptied = select(processed_updates.c.key).where(processed_updates.c.replies.is_(None))
        assert (await uow.session.execute(emptied)).scalars().all() == ["tg:old"]  # SQL NULL
        assert not await uow.inbox.claim("tg:old", T0)  # still a repeat: still harmless
        assert await uow.inbox.forget_replies(T0 + timedelta(hours=1)) == 0  # once is enough


async def test_shown_replies_are_forgotten_at_once(db: Database) -> None:
    async with db.uow() as uow:
        await uow.inbox.claim("tg:10", T0)
        await uow.inbox.keep_replies("tg:10", SAID)
        await uow.commit()
        await uow.inbox.claim("tg:12", T0)
        await uow.inbox.keep_replies("tg:12", SAID)
        await uow.commit()
    async with db.uow() as uow:
        await uow.inbox.forget_shown(["tg:10", "tg:11"])  # tg:11 kept nothing: no matter
        await uow.commit()
    async with db.uow(read_only=True) as uow:
        assert await uow.inbox.kept_replies("tg:10") is None
        assert await uow.inbox.kept_replies("tg:12") == SAID  # not shown yet
