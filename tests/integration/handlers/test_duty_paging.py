"""Who is paged for a 110 call when the people on the roster are not what they should be:
a member on duty who blocked the bot, two members on duty, a team with no chat."""

from __future__ import annotations

from core.config import Config
from storage.uow import Database
from tests.support.config_edits import with_team_changed
from tests.support.desk import Harness
from tests.support.tickets import FARMER, LEADER, MEMBER, OTHER_MEMBER

TEAM_CHAT = -1001000000001


async def _pages(desk: Harness) -> set[int]:
    return {r.chat_id for r in await desk.outbox() if r.purpose == "card" and r.chat_id > 0}


async def test_an_on_duty_member_who_blocked_the_bot_leaves_the_page_to_the_leader(
    desk: Harness,
) -> None:
    await desk.send(MEMBER, "/duty on", chat=TEAM_CHAT)
    await desk.block(MEMBER)
    await desk.file_110(FARMER)
    assert await _pages(desk) == {LEADER}  # a page to the member could never arrive


async def test_speaking_in_the_team_group_does_not_make_a_blocked_member_reachable(
    desk: Harness,
) -> None:
    await desk.block(MEMBER)
    await desk.send(MEMBER, "/duty on", chat=TEAM_CHAT)
    assert not await desk.reachable(MEMBER)
    await desk.send(MEMBER, "/start")  # privately: the bot can reach them again
    assert await desk.reachable(MEMBER)


async def test_two_members_on_duty_are_both_paged_and_one_blocked_leaves_the_other(
    desk: Harness,
) -> None:
    await desk.send(MEMBER, "/duty on", chat=TEAM_CHAT)
    await desk.send(OTHER_MEMBER, "/duty on", chat=TEAM_CHAT)
    await desk.block(OTHER_MEMBER)
    await desk.file_110(FARMER)
    assert await _pages(desk) == {MEMBER}


async def test_a_team_without_a_chat_gets_its_cards_through_its_leaders(
    db: Database, demo_config: Config
) -> None:
    cfg = with_team_changed(demo_config, "monopoly", chat_id=None)
    desk = Harness(db, cfg)
    await desk.seed()
    ticket = await desk.file_request(FARMER, "我想办理烟草专卖零售许可证，需要什么材料")
    assert ticket.team_id == "monopoly"
    cards = {r.chat_id for r in await desk.outbox() if r.purpose == "card"}
    assert cards == {200052}  # the leader, not nobody until the accept deadline
