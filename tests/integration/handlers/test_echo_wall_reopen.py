"""A ticket its requester sends back after the echo wall (回音壁) posted it: the post does not
go on saying it was done. Sent, it is edited to say it is withdrawn; not sent yet, it is
not sent at all; closed again, the ticket is posted anew."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from bot.outbox import SimulatedClock
from core.enums import Status
from core.lifecycle import ECHO_POST
from reports.echo_publisher import publish_recent
from scheduler.sweep import sweep
from tests.support.desk import Harness
from tests.support.fake_bot_api import Call, FakeBotApi
from tests.support.fake_bot_fixtures import (  # noqa: F401
    deliver_all,
    fake_bot_api,
    make_sender,
    ptb_bot_for,
)
from tests.support.tickets import FARMER, MEMBER

TEAM_CHAT = -1001000000001
WITHDRAWN = "此条已撤回"


async def _closed_unconfirmed_and_sent_back_late(desk: Harness) -> int:
    """A 110 call resolved and closed by the sweep without the farmer's word; the farmer
    presses ❌ 没解决 within the week they have, and gives the reason only once the week
    is over and the echo wall has posted it. The ticket's id."""
    ticket_id = await desk.resolved_110(FARMER, MEMBER, TEAM_CHAT)
    for _ in range(2):  # 销号 without reply
        desk.clock.advance(hours=49)
        await sweep(desk.db, desk.cfg, desk.clock())
    [ticket] = await desk.tickets()
    assert ticket.status is Status.CLOSED and ticket.closed_at is not None
    desk.clock.now = ticket.closed_at + timedelta(days=7, minutes=-30)
    await desk.press(FARMER, f"my:bad:{ticket_id}")  # asks why
    desk.clock.advance(hours=1)
    return ticket_id


async def test_a_post_sent_is_withdrawn_when_its_ticket_is_sent_back(
    desk: Harness,
    fake_bot_api: FakeBotApi,  # noqa: F811
) -> None:
    wall = desk.cfg.echo_wall_chat
    assert wall is not None
    ticket_id = await _closed_unconfirmed_and_sent_back_late(desk)
    assert await publish_recent(desk.db, desk.cfg, desk.clock()) == 1
    await deliver_all(desk, fake_bot_api)
    [post] = fake_bot_api.sent_to(wall)
    assert post.text is not None and post.text.startswith("【回音壁】")

    await desk.send(FARMER, "温度还是上不去，烤房又停了")
    [ticket] = await desk.tickets()
    assert ticket.status is Status.DISPATCHED and ticket.reopen_count == 1
    await deliver_all(desk, fake_bot_api)

    [edit] = [c for c in fake_bot_api.calls_of("editMessageText") if c.chat_id == wall]
    assert edit.ok and edit.params["message_id"] == post.result["message_id"]
    assert WITHDRAWN in str(edit.text) and "烘烤110" in str(edit.text)
    assert len(fake_bot_api.sent_to(wall)) == 2  # the post, and its edit: nothing new

    # Done again and confirmed: posted anew, and the withdrawn post stays withdrawn.
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)
    await desk.press(MEMBER, f"tk:res:{ticket_id}", chat=TEAM_CHAT)
    await desk.send(MEMBER, "更换了温控仪", chat=TEAM_CHAT)
    await desk.press(FARMER, f"my:ok:{ticket_id}")
    await desk.press(FARMER, f"my:r:{ticket_id}:5")
    assert await publish_recent(desk.db, desk.cfg, desk.clock()) == 1
    await deliver_all(desk, fake_bot_api)
    posts = [c for c in fake_bot_api.sent_to(wall) if c.method == "sendMessage"]
    assert len(posts) == 2 and "更换了温控仪" in str(posts[-1].text)


async def test_a_post_not_sent_yet_is_not_sent_once_its_ticket_is_sent_back(
    desk: Harness,
    fake_bot_api: FakeBotApi,  # noqa: F811
) -> None:
    wall = desk.cfg.echo_wall_chat
    assert wall is not None
    await _closed_unconfirmed_and_sent_back_late(desk)
    assert await publish_recent(desk.db, desk.cfg, desk.clock()) == 1
    await desk.send(FARMER, "温度还是上不去，烤房又停了")  # before the sender runs
    await deliver_all(desk, fake_bot_api)
    assert fake_bot_api.sent_to(wall) == []


async def test_a_post_on_its_way_when_its_ticket_is_sent_back_is_withdrawn_once_sent(
    desk: Harness,
    fake_bot_api: FakeBotApi,  # noqa: F811
) -> None:
    """The sender has taken the post and Telegram is slow to take it when the farmer sends
    the ticket back: the post goes out all the same, and is withdrawn once it has."""
    wall = desk.cfg.echo_wall_chat
    assert wall is not None
    await _closed_unconfirmed_and_sent_back_late(desk)
    assert await publish_recent(desk.db, desk.cfg, desk.clock()) == 1
    fake_bot_api.inject("delay", method="sendMessage", chat_id=wall, seconds=1.0)

    def posting(call: Call) -> bool:
        return call.method == "sendMessage" and call.chat_id == wall

    bot = ptb_bot_for(fake_bot_api)
    async with bot:
        sender = make_sender(desk.db, desk.cfg, bot, SimulatedClock(desk.clock()))
        sending = asyncio.create_task(sender.drain_all(max_seconds=600))
        await fake_bot_api.wait_for(posting, within=10)
        await desk.send(FARMER, "温度还是上不去，烤房又停了")  # while the post is on its way
        await sending
    [ticket] = await desk.tickets()
    assert ticket.status is Status.DISPATCHED and ticket.reopen_count == 1
    await deliver_all(desk, fake_bot_api)

    [post] = [call for call in fake_bot_api.sent_to(wall) if posting(call)]
    assert post.ok
    shown = fake_bot_api.messages[(wall, post.result["message_id"])]["text"]
    assert WITHDRAWN in shown and "烘烤110" in shown
    assert len(fake_bot_api.sent_to(wall)) == 2  # the post, and its edit: nothing new
    # Withdrawn for good: a later reopening has nothing of it to withdraw again.
    async with desk.db.uow(read_only=True) as uow:
        assert await uow.ticket_messages.of_ticket(ticket.id or 0, ECHO_POST) == []


async def test_echo_off_takes_back_the_promise_to_post_a_ticket_sent_back_again(
    desk: Harness,
    fake_bot_api: FakeBotApi,  # noqa: F811
) -> None:
    """A post withdrawn when its ticket was sent back says it will be posted again once
    done; after /echo off it never will be, so the post says it was withdrawn at the
    requester's request instead (before: 办结后重新公布 stayed on the wall), once only."""
    wall = desk.cfg.echo_wall_chat
    assert wall is not None
    await _closed_unconfirmed_and_sent_back_late(desk)
    assert await publish_recent(desk.db, desk.cfg, desk.clock()) == 1
    await deliver_all(desk, fake_bot_api)
    [post] = fake_bot_api.sent_to(wall)
    await desk.send(FARMER, "温度还是上不去，烤房又停了")
    await deliver_all(desk, fake_bot_api)
    shown = fake_bot_api.messages[(wall, post.result["message_id"])]["text"]
    assert "办结后重新公布" in shown

    await desk.send(FARMER, "/echo off")
    await deliver_all(desk, fake_bot_api)
    shown = fake_bot_api.messages[(wall, post.result["message_id"])]["text"]
    assert "此条已应报告人要求撤回" in shown and "重新公布" not in shown
    await desk.send(FARMER, "/echo off")
    await deliver_all(desk, fake_bot_api)
    assert len(fake_bot_api.sent_to(wall)) == 3  # the post, its two edits


async def test_echo_off_before_the_reopening_edit_is_sent_leaves_the_opt_out_word(
    desk: Harness,
    fake_bot_api: FakeBotApi,  # noqa: F811
) -> None:
    """/echo off said before the sender has edited the post for the reopening: the
    reopening's edit goes first, the requester's word after it."""
    wall = desk.cfg.echo_wall_chat
    assert wall is not None
    await _closed_unconfirmed_and_sent_back_late(desk)
    assert await publish_recent(desk.db, desk.cfg, desk.clock()) == 1
    await deliver_all(desk, fake_bot_api)
    [post] = fake_bot_api.sent_to(wall)
    await desk.send(FARMER, "温度还是上不去，烤房又停了")
    await desk.send(FARMER, "/echo off")
    await desk.send(FARMER, "/echo off")
    await deliver_all(desk, fake_bot_api)
    shown = fake_bot_api.messages[(wall, post.result["message_id"])]["text"]
    assert "此条已应报告人要求撤回" in shown and "重新公布" not in shown
    assert len(fake_bot_api.sent_to(wall)) == 3
