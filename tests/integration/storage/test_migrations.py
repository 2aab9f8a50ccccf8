"""Alembic builds the same schema as the models, from an empty database, on both backends,
and brings an existing database up to it with what it holds."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection, bindparam, text

from core.enums import WishOutcome
from storage.migrate import upgrade
from storage.tables import metadata
from storage.types import UTCDateTime
from storage.uow import Database
from tests.conftest import _run_outside_loop
from tests.support.scratch_db import pg_admin


def _diff(connection: Connection) -> list[object]:
    context = MigrationContext.configure(connection, opts={"compare_type": False})
    return list(compare_metadata(context, metadata))


async def _assert_migrated_schema_matches(url: str) -> None:
    await asyncio.to_thread(upgrade, url)
    database = Database(url)
    try:
        async with database.engine.connect() as conn:
            assert await conn.run_sync(_diff) == []
    finally:
        await database.dispose()


@pytest.fixture
def empty_pg_url(pg_url: str) -> Iterator[str]:
    """The URL of a new, empty PostgreSQL database of its own, dropped after the test: a
    migration is run from nothing, not on the suite's shared schema."""
    name = f"jinye_migrate_{uuid.uuid4().hex[:8]}"
    _run_outside_loop(pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    _run_outside_loop(pg_admin(f'CREATE DATABASE "{name}"'))
    try:
        yield pg_url.rsplit("/", 1)[0] + f"/{name}"
    finally:
        _run_outside_loop(pg_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


async def test_migrations_match_models_on_sqlite(tmp_path: Path) -> None:
    await _assert_migrated_schema_matches(f"sqlite+aiosqlite:///{tmp_path / 'm.sqlite3'}")


async def test_migrations_match_models_on_postgresql(empty_pg_url: str) -> None:
    await _assert_migrated_schema_matches(empty_pg_url)


@pytest.mark.parametrize("revision", ["head"])
async def test_upgrade_twice_is_harmless(tmp_path: Path, revision: str) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'twice.sqlite3'}"
    await asyncio.to_thread(upgrade, url, revision)
    await asyncio.to_thread(upgrade, url, revision)


# A ticket rated 2 before call-backs were tracked, as revision 0009 stores it.
_RATED_BEFORE = text(
    "INSERT INTO tickets (id, number, kind, priority, status, text, original_text, script, "
    "requester_id, requester_chat_id, line, team_id, route_explanation, route_confidence, "
    "route_candidates, created_at, escalation_step, resolution_note, closed_without_reply, "
    "reopen_count, rating, rating_comment, rated_at, closed_at, version) VALUES (1, '10001', "
    "'request', 'normal', 'closed', '订货系统登录不上', '订货系统登录不上', 'hans', 100002, "
    "100002, 'ordering', 'ordering', '', 0.9, '[]', :at, 0, '已处理', false, 0, 2, '太慢了', "
    ":at, :at, 5)"
).bindparams(bindparam("at", type_=UTCDateTime()))


async def _upgrade_a_database_with_a_rated_ticket(url: str) -> None:
    await asyncio.to_thread(upgrade, url, "0009")
    database = Database(url)
    try:
        async with database.engine.begin() as conn:
            await conn.execute(_RATED_BEFORE, {"at": datetime(2026, 11, 2, 2, 0, tzinfo=UTC)})
        await asyncio.to_thread(upgrade, url)
        async with database.uow() as uow:
            ticket = await uow.tickets.get(1)
            assert ticket is not None
            # Told once to the leaders back then; nothing owed, nothing to chase now.
            assert (ticket.rating, ticket.rating_comment) == (2, "太慢了")
            assert (ticket.callback_due_at, ticket.callback_team, ticket.callback_at) == (
                None,
                None,
                None,
            )
            assert (ticket.callback_by, ticket.callback_note) == (None, "")
            assert not ticket.owes_callback
            ticket.callback_due_at = datetime(2026, 12, 8, 2, 0, tzinfo=UTC)  # and it takes one
            await uow.commit()
        async with database.uow(read_only=True) as uow:
            again = await uow.tickets.get(1)
        assert again is not None and again.owes_callback
    finally:
        await database.dispose()


async def test_the_call_back_migration_upgrades_an_existing_database_on_sqlite(
    tmp_path: Path,
) -> None:
    await _upgrade_a_database_with_a_rated_ticket(f"sqlite+aiosqlite:///{tmp_path / 'o.sqlite3'}")


async def test_the_call_back_migration_upgrades_an_existing_database_on_postgresql(
    empty_pg_url: str,
) -> None:
    await _upgrade_a_database_with_a_rated_ticket(empty_pg_url)


# People as revision 0010 stores them: registered with a phone, a kind and a name with no
# phone (the phone skipped, or a profile's name after /start, 零售户, /cancel: cannot be
# told apart), and someone who never said who they are.
_PEOPLE_BEFORE = text(
    "INSERT INTO users (id, name, kind, phone, script_chosen, language_code, reachable, "
    "echo_opt_out, created_at, updated_at) VALUES "
    "(1, '张大山', 'farmer', '+8613800000001', false, '', true, false, :at, :updated), "
    "(2, '老王', 'retailer', '', false, '', true, false, :at, :updated), "
    "(3, '小李', NULL, '', false, '', true, false, :at, :updated)"
).bindparams(bindparam("at", type_=UTCDateTime()), bindparam("updated", type_=UTCDateTime()))


async def test_the_registration_migration_marks_who_registered_with_or_without_a_phone(
    tmp_path: Path,
) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'r.sqlite3'}"
    await asyncio.to_thread(upgrade, url, "0010")
    database = Database(url)
    created = datetime(2026, 11, 2, 2, 0, tzinfo=UTC)
    updated = datetime(2026, 11, 3, 2, 0, tzinfo=UTC)
    try:
        async with database.engine.begin() as conn:
            await conn.execute(_PEOPLE_BEFORE, {"at": created, "updated": updated})
        await asyncio.to_thread(upgrade, url)
        async with database.uow(read_only=True) as uow:
            people = [await uow.users.get(person) for person in (1, 2, 3)]
        assert [p.registered_at if p else "missing" for p in people] == [updated, updated, None]
    finally:
        await database.dispose()


# A retailer as revision 0011 stores them: registered, with no shop known.
_RETAILER_BEFORE = text(
    "INSERT INTO users (id, name, kind, phone, script_chosen, language_code, reachable, "
    "echo_opt_out, registered_at, created_at, updated_at) VALUES "
    "(2, '老王', 'retailer', '+8613800000002', false, '', true, false, :at, :at, :at)"
).bindparams(bindparam("at", type_=UTCDateTime()))


async def _upgrade_a_database_with_a_retailer(url: str) -> None:
    await asyncio.to_thread(upgrade, url, "0011")
    database = Database(url)
    try:
        async with database.engine.begin() as conn:
            await conn.execute(_RETAILER_BEFORE, {"at": datetime(2026, 11, 2, 2, 0, tzinfo=UTC)})
        await asyncio.to_thread(upgrade, url)
        async with database.uow() as uow:
            retailer = await uow.users.get(2)
            assert retailer is not None and retailer.registered
            # Registered before shops were asked: none known, until they add it.
            assert (retailer.shop_name, retailer.licence_number) == (None, None)
            retailer.shop_name, retailer.licence_number = "老王烟酒店", "520102100123"
            await uow.commit()
        async with database.uow(read_only=True) as uow:
            again = await uow.users.get(2)
        assert again is not None
        assert (again.shop_name, again.licence_number) == ("老王烟酒店", "520102100123")
    finally:
        await database.dispose()


async def test_the_shop_migration_upgrades_an_existing_database_on_sqlite(tmp_path: Path) -> None:
    await _upgrade_a_database_with_a_retailer(f"sqlite+aiosqlite:///{tmp_path / 's.sqlite3'}")


async def test_the_shop_migration_upgrades_an_existing_database_on_postgresql(
    empty_pg_url: str,
) -> None:
    await _upgrade_a_database_with_a_retailer(empty_pg_url)


# Tickets as revision 0012 stores them: a wish crossed off, a wish still open and a
# request resolved, all from before a wish could be resolved as granted in part or not.
_WISHES_BEFORE = text(
    "INSERT INTO tickets (id, number, kind, priority, status, text, original_text, script, "
    "requester_id, requester_chat_id, line, team_id, route_explanation, route_confidence, "
    "route_candidates, created_at, escalation_step, resolution_note, closed_without_reply, "
    "reopen_count, rating_comment, resolved_at, callback_note, version) VALUES "
    "(1, '10001', 'wish', 'normal', 'closed', '食堂加早餐', '食堂加早餐', 'hans', 100003, "
    "100003, 'staff', 'staff', '', 0.9, '[]', :at, 0, '已加', false, 0, '', :at, '', 3), "
    "(2, '10002', 'wish', 'normal', 'accepted', '组织体检', '组织体检', 'hans', 100003, "
    "100003, 'staff', 'staff', '', 0.9, '[]', :at, 0, '', false, 0, '', NULL, '', 2), "
    "(3, '10003', 'request', 'normal', 'resolved', '订货', '订货', 'hans', 100002, "
    "100002, 'ordering', 'ordering', '', 0.9, '[]', :at, 0, '已处理', false, 0, '', :at, '', 3)"
).bindparams(bindparam("at", type_=UTCDateTime()))


async def _upgrade_a_database_with_wishes(url: str) -> None:
    await asyncio.to_thread(upgrade, url, "0012")
    database = Database(url)
    try:
        async with database.engine.begin() as conn:
            await conn.execute(_WISHES_BEFORE, {"at": datetime(2026, 11, 2, 2, 0, tzinfo=UTC)})
        await asyncio.to_thread(upgrade, url)
        async with database.uow(read_only=True) as uow:
            tickets = [await uow.tickets.get(ticket_id) for ticket_id in (1, 2, 3)]
        # Resolved then, a wish could only be resolved as granted; the rest have none.
        assert [t.wish_outcome if t else "missing" for t in tickets] == [
            WishOutcome.GRANTED,
            None,
            None,
        ]
    finally:
        await database.dispose()


async def test_the_wish_outcome_migration_reads_wishes_crossed_off_before_as_granted_on_sqlite(
    tmp_path: Path,
) -> None:
    await _upgrade_a_database_with_wishes(f"sqlite+aiosqlite:///{tmp_path / 'w.sqlite3'}")


async def test_the_wish_outcome_migration_reads_wishes_crossed_off_before_as_granted_on_postgresql(
    empty_pg_url: str,
) -> None:
    await _upgrade_a_database_with_wishes(empty_pg_url)


async def _upgrade_a_database_with_a_retailer_never_reminded(url: str) -> None:
    await asyncio.to_thread(upgrade, url, "0013")
    database = Database(url)
    try:
        async with database.engine.begin() as conn:
            await conn.execute(_RETAILER_BEFORE, {"at": datetime(2026, 11, 2, 2, 0, tzinfo=UTC)})
        await asyncio.to_thread(upgrade, url)
        reminded = datetime(2026, 12, 6, 2, 0, tzinfo=UTC)
        async with database.uow() as uow:
            retailer = await uow.users.get(2)
            # Nobody was reminded of a missing shop before: this retailer will be, once.
            assert retailer is not None and retailer.shop_incomplete
            assert retailer.shop_reminded_at is None
            retailer.shop_reminded_at = reminded
            await uow.commit()
        async with database.uow(read_only=True) as uow:
            again = await uow.users.get(2)
        assert again is not None and again.shop_reminded_at == reminded
    finally:
        await database.dispose()


async def test_the_shop_reminder_migration_upgrades_an_existing_database_on_sqlite(
    tmp_path: Path,
) -> None:
    await _upgrade_a_database_with_a_retailer_never_reminded(
        f"sqlite+aiosqlite:///{tmp_path / 'r.sqlite3'}"
    )


async def test_the_shop_reminder_migration_upgrades_an_existing_database_on_postgresql(
    empty_pg_url: str,
) -> None:
    await _upgrade_a_database_with_a_retailer_never_reminded(empty_pg_url)


async def _upgrade_a_database_with_complaints(url: str) -> None:
    """Tickets as revision 0014 stores them (the same as 0012's wishes): every one was
    filed under its requester's name, and reads so after the anonymity migration."""
    await asyncio.to_thread(upgrade, url, "0014")
    database = Database(url)
    try:
        async with database.engine.begin() as conn:
            await conn.execute(_WISHES_BEFORE, {"at": datetime(2026, 11, 2, 2, 0, tzinfo=UTC)})
        await asyncio.to_thread(upgrade, url)
        async with database.uow(read_only=True) as uow:
            tickets = [await uow.tickets.get(ticket_id) for ticket_id in (1, 2, 3)]
        assert [t.anonymous if t else "missing" for t in tickets] == [False, False, False]
    finally:
        await database.dispose()


async def test_the_anonymous_complaint_migration_keeps_tickets_named_on_sqlite(
    tmp_path: Path,
) -> None:
    await _upgrade_a_database_with_complaints(f"sqlite+aiosqlite:///{tmp_path / 'a.sqlite3'}")


async def test_the_anonymous_complaint_migration_keeps_tickets_named_on_postgresql(
    empty_pg_url: str,
) -> None:
    await _upgrade_a_database_with_complaints(empty_pg_url)


# People as revision 0015 stores them: a retailer who registered (2), a leader who joined
# by an invite link (3), a member the outbox wrote to privately (4), and a leader only the
# config lists, who never wrote to the bot (5).
_PRIVATE_CHATS_BEFORE = [
    text(
        "INSERT INTO users (id, name, phone, script_chosen, language_code, reachable, "
        "echo_opt_out, created_at) VALUES (3, '', '', false, '', true, false, :at), "
        "(4, '', '', false, '', true, false, :at), (5, '', '', false, '', true, false, :at)"
    ).bindparams(bindparam("at", type_=UTCDateTime())),
    text(
        "INSERT INTO invites (token, team_id, role, created_at, expires_at, used_by, used_at) "
        "VALUES ('t', 'curing-qingshan', 'leader', :at, :at, 3, :at)"
    ).bindparams(bindparam("at", type_=UTCDateTime())),
    text(
        "INSERT INTO outbox (chat_id, method, payload, priority, purpose, status, attempts, "
        "last_error, created_at, not_before, sent_at) VALUES "
        "(4, 'send_message', '{}', 1, '', 'sent', 1, '', :at, :at, :at), "
        "(5, 'send_message', '{}', 1, '', 'failed', 1, 'Forbidden', :at, :at, NULL)"
    ).bindparams(bindparam("at", type_=UTCDateTime())),
]


async def _upgrade_a_database_with_people_who_wrote_privately(url: str) -> None:
    await asyncio.to_thread(upgrade, url, "0015")
    database = Database(url)
    at = datetime(2026, 11, 2, 2, 0, tzinfo=UTC)
    try:
        async with database.engine.begin() as conn:
            await conn.execute(_RETAILER_BEFORE, {"at": at})
            for insert in _PRIVATE_CHATS_BEFORE:
                await conn.execute(insert, {"at": at})
        await asyncio.to_thread(upgrade, url)
        async with database.uow(read_only=True) as uow:
            people = [await uow.users.get(person) for person in (2, 3, 4, 5)]
        assert [p.private_chat_at if p else "missing" for p in people] == [at, at, at, None]
    finally:
        await database.dispose()


async def test_the_private_chat_migration_marks_who_wrote_to_the_bot_privately_on_sqlite(
    tmp_path: Path,
) -> None:
    await _upgrade_a_database_with_people_who_wrote_privately(
        f"sqlite+aiosqlite:///{tmp_path / 'p.sqlite3'}"
    )


async def test_the_private_chat_migration_marks_who_wrote_to_the_bot_privately_on_postgresql(
    empty_pg_url: str,
) -> None:
    await _upgrade_a_database_with_people_who_wrote_privately(empty_pg_url)
