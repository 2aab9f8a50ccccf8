"""A requester who says /echo off after the echo wall (回音壁) posted their ticket: what they
asked does not stay on the wall. Sent, the post is edited to say it was withdrawn at their
request; not sent yet, it is not sent at all."""

from __future__ import annotations

from reports.echo_publisher import publish_recent
from tests.support.desk import Harness, texts
from tests.support.fake_bot_api import FakeBotApi
from tests.support.fake_bot_fixtures import deliver_all, fake_bot_api  # noqa: F401
from tests.support.tickets import FARMER, MEMBER

TEAM_CHAT = -1001000000001
WITHDRAWN = "此条已应报告人要求撤回"


async def _confirmed_and_queued(desk: Harness) -> int:
    """A farmer's 110 call resolved, confirmed and rated, and queued for the wall."""
    ticket_id = await desk.resolved_110(FARMER, MEMBER, TEAM_CHAT)
    await desk.press(FARMER, f"my:ok:{ticket_id}")
    await desk.press(FARMER, f"my:r:{ticket_id}:5")
    assert await publish_recent(desk.db, desk.cfg, desk.clock()) == 1
    return ticket_id


async def test_echo_off_withdraws_a_post_already_on_the_wall(
    desk: Harness,
    fake_bot_api: FakeBotApi,  # noqa: F811
) -> None:
    wall = desk.cfg.echo_wall_chat
    assert wall is not None
    await _confirmed_and_queued(desk)
    await deliver_all(desk, fake_bot_api)
    [post] = fake_bot_api.sent_to(wall)
    assert post.text is not None and "诉求：" in post.text

    out = await desk.send(FARMER, "/echo off")
    assert "撤回" in texts(out)
    await deliver_all(desk, fake_bot_api)

    [edit] = [c for c in fake_bot_api.calls_of("editMessageText") if c.chat_id == wall]
    assert edit.ok and edit.params["message_id"] == post.result["message_id"]
    shown = fake_bot_api.messages[(wall, post.result["message_id"])]["text"]
    assert WITHDRAWN in shown and "诉求" not in shown and "更换了风机电容" not in shown
    # Said again, nothing more is edited; said on again, the withdrawn post stays so.
    await desk.send(FARMER, "/echo off")
    await desk.send(FARMER, "/echo on")
    assert await publish_recent(desk.db, desk.cfg, desk.clock()) == 0
    await deliver_all(desk, fake_bot_api)
    assert len(fake_bot_api.sent_to(wall)) == 2  # the post, and its one edit


async def test_echo_off_before_the_post_is_sent_keeps_it_off_the_wall(
    desk: Harness,
    fake_bot_api: FakeBotApi,  # noqa: F811
) -> None:
    wall = desk.cfg.echo_wall_chat
    assert wall is not None
    await _confirmed_and_queued(desk)
    await desk.send(FARMER, "/echo off")  # before the sender runs
    await deliver_all(desk, fake_bot_api)
    assert fake_bot_api.sent_to(wall) == []
