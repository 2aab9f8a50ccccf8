"""A member who accepted a call and then left the team (their membership removed): the
call's news and reminders stop reaching them, and their old buttons no longer act."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

from sqlalchemy import delete

from core.config import Config
from core.enums import Role
from core.lifecycle import REMIND_RESOLVE_PROMPT
from core.model import Membership, User
from handlers.staff import create_invite, seed_memberships
from handlers.staff_places import remove_places
from scheduler.sweep import sweep
from storage.tables import memberships
from storage.uow import Database
from tests.support.config_edits import with_member_toggled, with_team_changed
from tests.support.desk import Harness, texts
from tests.support.scratch_db import empty_tables
from tests.support.tickets import FARMER, LEADER, MEMBER

TEAM_CHAT = -1001000000001
LEAVER = 200099  # joined the team by invite, not listed in the config
T0 = datetime(2026, 11, 21, 9, 0, tzinfo=UTC)


async def _join_then_take_a_call(desk: Harness) -> int:
    async with desk.db.uow() as uow:
        await uow.users.add(User(id=LEAVER, created_at=desk.clock(), name="周队员"))
        await uow.memberships.add(
            Membership(
                user_id=LEAVER, role=Role.MEMBER, created_at=desk.clock(), team_id="curing-qingshan"
            )
        )
        await uow.commit()
    ticket_id = await desk.file_110(FARMER)
    await desk.press(LEAVER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)
    async with desk.db.engine.begin() as conn:
        await conn.execute(delete(memberships).where(memberships.c.user_id == LEAVER))
    return ticket_id


async def test_a_member_who_left_hears_no_more_of_the_call_they_had_taken(desk: Harness) -> None:
    ticket_id = await _join_then_take_a_call(desk)
    before = len(await desk.outbox())
    await desk.send(FARMER, "温度又掉下来了")  # news for the call
    news = [r for r in (await desk.outbox())[before:] if "报告人补充" in r.payload.get("text", "")]
    assert news and TEAM_CHAT in {r.chat_id for r in news}
    assert LEAVER not in {r.chat_id for r in news}
    desk.clock.advance(hours=4, minutes=1)  # past the 4-hour resolve deadline
    await sweep(desk.db, desk.cfg, desk.clock())
    reminded = {r.chat_id for r in await desk.outbox() if r.purpose == REMIND_RESOLVE_PROMPT}
    assert TEAM_CHAT in reminded and LEAVER not in reminded
    out = await desk.press(LEAVER, f"tk:res:{ticket_id}", chat=TEAM_CHAT)
    assert "只有该服务队成员或督办人员可以操作" in texts(out)


async def test_a_supervisor_who_took_a_call_still_hears_its_news(desk: Harness) -> None:
    ticket_id = await desk.file_110(FARMER)
    await desk.press(300001, f"tk:accme:{ticket_id}")  # 由我接单: they mean to take it
    await desk.send(FARMER, "温度又掉下来了")
    news = {r.chat_id for r in await desk.outbox() if "报告人补充" in r.payload.get("text", "")}
    assert 300001 in news


async def test_taking_someone_out_of_the_config_takes_their_place_at_the_next_start(
    desk: Harness,
) -> None:
    """The config names 200003 a member of curing-qingshan; a new config no longer does,
    and drops the Baishi team altogether. Places joined by invite stay."""
    cfg = desk.cfg
    async with desk.db.uow() as uow:  # LEAVER: a place by invite in curing-qingshan
        await uow.users.add(User(id=LEAVER, created_at=desk.clock(), name="周队员"))
        await uow.memberships.add(
            Membership(LEAVER, Role.MEMBER, desk.clock(), team_id="curing-qingshan")
        )
        await uow.commit()
    qingshan = cfg.team("curing-qingshan")
    leaner = cfg.model_copy(
        update={
            "teams": [
                qingshan.model_copy(
                    update={"members": [m for m in qingshan.members if m != 200003]}
                ),
                *[t for t in cfg.teams if t.id not in ("curing-qingshan", "curing-baishi")],
            ]
        }
    )
    async with desk.db.uow() as uow:
        added, removed = await seed_memberships(uow, leaner, desk.clock())
        await uow.commit()
    baishi_places = len(cfg.team("curing-baishi").leaders) + len(cfg.team("curing-baishi").members)
    assert (added, removed) == (0, 1 + baishi_places)
    async with desk.db.uow(read_only=True) as uow:
        qingshan_now = {m.user_id for m in await uow.memberships.of_team("curing-qingshan")}
        assert 200003 not in qingshan_now and LEAVER in qingshan_now  # the invite's stays
        assert await uow.memberships.of_team("curing-baishi") == []
    async with desk.db.uow() as uow:  # the same config again: nothing more to do
        assert await seed_memberships(uow, leaner, desk.clock()) == (0, 0)


async def test_a_place_joined_by_invite_stays_when_the_config_lists_it_then_no_longer(
    desk: Harness,
) -> None:
    """周队员 joins by invite; the bureau then lists them in the config as well, and later
    takes them out of the list again: the invite's place is not the config's to take."""
    async with desk.db.uow() as uow:
        invite = await create_invite(
            uow, team_id="curing-qingshan", role=Role.MEMBER, now=desk.clock()
        )
        await uow.commit()
    await desk.send(LEAVER, f"/start join_{invite.token}")
    listing = with_member_toggled(desk.cfg, "curing-qingshan", LEAVER)
    for cfg in (listing, desk.cfg):  # a start with them listed, a start without
        async with desk.db.uow() as uow:
            await seed_memberships(uow, cfg, desk.clock())
            await uow.commit()
    async with desk.db.uow(read_only=True) as uow:
        assert LEAVER in {m.user_id for m in await uow.memberships.of_team("curing-qingshan")}


async def test_someone_the_config_lists_twice_in_a_team_has_one_place_there(
    desk: Harness,
) -> None:
    """A bureau's list with a name written twice (a copy and paste) places them once."""
    team = desk.cfg.team("curing-qingshan")
    twice = with_team_changed(desk.cfg, team.id, members=[*team.members, LEAVER, LEAVER])
    async with desk.db.uow() as uow:
        assert await seed_memberships(uow, twice, desk.clock()) == (1, 0)
        await uow.commit()
    async with desk.db.uow(read_only=True) as uow:
        places = [m for m in await uow.memberships.of_team(team.id) if m.user_id == LEAVER]
        assert [m.role for m in places] == [Role.MEMBER]
        assert await uow.users.get(LEAVER) is not None


async def _on_duty_with_a_call_waiting(desk: Harness, member: int) -> tuple[int, int]:
    """`member` alone is on duty when a farmer calls 110: only they are paged. The call's
    id and how many outbox rows there were then."""
    await desk.send(member, "/duty on", chat=TEAM_CHAT)
    call = await desk.file_110(FARMER)
    assert not any(r.chat_id == LEADER for r in await desk.outbox())  # the member was paged
    return call, len(await desk.outbox())


async def test_an_on_duty_member_taken_out_by_an_admin_hands_the_waiting_call_to_the_leader(
    desk: Harness,
) -> None:
    """`jinye110 staff remove` takes the place of the only member on duty while a call
    waits for 接单: its card goes to the leader now, not at the ladder's alert."""
    async with desk.db.uow() as uow:  # LEAVER: a place by invite, which an admin may take
        await uow.users.add(User(id=LEAVER, created_at=desk.clock(), name="周队员"))
        await uow.memberships.add(
            Membership(LEAVER, Role.MEMBER, desk.clock(), team_id="curing-qingshan")
        )
        await uow.commit()
    call, before = await _on_duty_with_a_call_waiting(desk, LEAVER)

    async with desk.db.uow() as uow:
        await remove_places(uow, desk.cfg, LEAVER, team_id="curing-qingshan", now=desk.clock())
        await uow.commit()

    handed = [r for r in (await desk.outbox())[before:] if r.chat_id == LEADER]
    assert [r.purpose for r in handed] == ["card"] and handed[0].ticket_id == call
    assert f"tk:acc:{call}" in str(handed[0].payload)


async def test_an_on_duty_member_taken_out_of_the_config_hands_the_waiting_call_on_at_the_start(
    desk: Harness,
) -> None:
    """The config no longer lists the only member on duty, and the bot starts again while
    a call waits for 接单: its card goes to the leader now."""
    call, before = await _on_duty_with_a_call_waiting(desk, MEMBER)

    async with desk.db.uow() as uow:
        leaner = with_member_toggled(desk.cfg, "curing-qingshan", MEMBER)
        assert await seed_memberships(uow, leaner, desk.clock()) == (0, 1)
        await uow.commit()

    handed = [r for r in (await desk.outbox())[before:] if r.chat_id == LEADER]
    assert [r.purpose for r in handed] == ["card"] and handed[0].ticket_id == call
    assert f"tk:acc:{call}" in str(handed[0].payload)


async def test_bot_processes_starting_together_bring_the_places_in_line_without_a_clash(
    pg_url: str, demo_config: Config
) -> None:
    """Two processes start at once on PostgreSQL with a config naming someone new: the
    second waits for the first, then finds the place made (before: a unique-key error)."""
    db = Database(pg_url)
    try:
        await empty_tables(db)
        async with db.uow() as uow:
            await seed_memberships(uow, demo_config, T0)
            await uow.commit()
        newcomer = with_member_toggled(demo_config, "curing-qingshan", LEAVER)
        async with db.uow() as first:
            assert await seed_memberships(first, newcomer, T0) == (1, 0)

            async def second_start() -> tuple[int, int]:
                async with db.uow() as uow:
                    found = await seed_memberships(uow, newcomer, T0)
                    await uow.commit()
                    return found

            second = asyncio.create_task(second_start())
            await asyncio.sleep(0.3)  # the second process is at its start meanwhile
            await first.commit()
        assert await second == (0, 0)
    finally:
        await db.dispose()
