"""Team chats in a real database: a team found unbound is asked about once a transaction,
and a binding made since is seen, by the step that made it and by every later one."""

from __future__ import annotations

from sqlalchemy import event

from core.model import TeamChat
from storage.uow import Database
from tests.support.tickets import T0

GROUP = -1001234


def _queries_of_team_chats(db: Database) -> list[str]:
    seen: list[str] = []

    def count(*args: object) -> None:
        statement = str(args[2])
        if "team_chats" in statement and statement.lstrip().upper().startswith("SELECT"):
            seen.append(statement)

    event.listen(db.engine.sync_engine, "before_cursor_execute", count)
    return seen


async def test_an_unbound_team_is_looked_up_once_a_transaction(db: Database) -> None:
    queries = _queries_of_team_chats(db)
    async with db.uow() as uow:
        assert await uow.team_chats.get("curing") is None
        assert await uow.team_chats.get("curing") is None
        assert await uow.team_chats.get("growing") is None
    assert len(queries) == 2
    async with db.uow() as uow:
        assert await uow.team_chats.get("curing") is None
    assert len(queries) == 3


async def test_a_team_bound_after_it_was_found_unbound_is_seen_bound(db: Database) -> None:
    async with db.uow() as uow:
        assert await uow.team_chats.get("curing") is None
        await uow.team_chats.bind(TeamChat("curing", GROUP, 1, T0))
        bound = await uow.team_chats.get("curing")
        assert bound is not None and bound.chat_id == GROUP
        await uow.commit()
    async with db.uow(read_only=True) as uow:
        bound = await uow.team_chats.get("curing")
    assert bound is not None and bound.chat_id == GROUP


async def test_a_binding_by_another_step_after_a_commit_is_seen(db: Database) -> None:
    async with db.uow() as uow:
        assert await uow.team_chats.get("curing") is None
        await uow.commit()
        async with db.uow() as other:
            await other.team_chats.bind(TeamChat("curing", GROUP, 1, T0))
            await other.commit()
        bound = await uow.team_chats.get("curing")
    assert bound is not None and bound.chat_id == GROUP
