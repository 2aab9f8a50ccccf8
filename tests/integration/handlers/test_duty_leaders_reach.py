"""/duty's roster says who is paged for a 110 call when nobody is on duty, and flags a
leader the bot cannot reach (they blocked it, or never started it), whom such a call would
otherwise be trusted to."""

from __future__ import annotations

from tests.support.desk import Harness, texts
from tests.support.tickets import FARMER, LEADER, MEMBER, OTHER_MEMBER

TEAM_CHAT = -1001000000001


async def test_the_roster_with_nobody_on_duty_warns_that_the_leader_cannot_be_paged(
    desk: Harness,
) -> None:
    await desk.block(LEADER)
    roster = texts(await desk.send(MEMBER, "/duty", chat=TEAM_CHAT))
    assert "私信发不到" in roster
    assert "队长也收不到私信" in roster and "请尽快安排值班" in roster


async def test_the_roster_with_nobody_on_duty_says_the_leader_is_paged(desk: Harness) -> None:
    await desk.send(LEADER, "/start")
    roster = texts(await desk.send(MEMBER, "/duty", chat=TEAM_CHAT))
    assert "现在无人值班：110报警将直接通知队长" in roster
    assert "私信发不到" not in roster


async def test_the_roster_with_someone_on_duty_flags_an_unreachable_leader_off_duty(
    desk: Harness,
) -> None:
    await desk.send(MEMBER, "/duty on", chat=TEAM_CHAT)
    await desk.block(LEADER)
    roster = texts(await desk.send(MEMBER, "/duty", chat=TEAM_CHAT))
    assert "无人值班" not in roster
    [off] = [line for line in roster.splitlines() if line.startswith("未值班")]
    assert "私信发不到" in off


async def test_the_roster_flags_a_leader_who_never_wrote_to_the_bot_privately(
    desk: Harness,
) -> None:
    """Telegram lets a bot send nobody a private message before they have written to it:
    the 110 call at night would be paged to a leader it cannot reach (before: counted as
    paged until the send failed)."""
    roster = texts(await desk.send(MEMBER, "/duty", chat=TEAM_CHAT))
    assert "钱队长（未开通私聊）" in roster  # the config's name for the leader
    assert "队长未开通私聊" in roster and "/start" in roster
    await desk.send(LEADER, "/start")
    roster = texts(await desk.send(MEMBER, "/duty", chat=TEAM_CHAT))
    assert "钱队长（" not in roster and "队长未开通私聊" not in roster
    assert "现在无人值班：110报警将直接通知队长" in roster


async def test_going_on_duty_in_the_group_without_a_private_chat_is_warned(
    desk: Harness,
) -> None:
    out = texts(await desk.send(MEMBER, "/duty on", chat=TEAM_CHAT))
    assert "还没有私聊过机器人" in out and "/start" in out
    await desk.send(MEMBER, "/start")
    out = texts(await desk.send(MEMBER, "/duty on", chat=TEAM_CHAT))
    assert "私聊" not in out


async def test_a_call_waiting_is_not_said_to_reach_a_member_without_a_private_chat(
    desk: Harness,
) -> None:
    """Put on duty mid-call, a member who never wrote to the bot privately cannot get its
    card there: before, 卡片已私信发给 孙队员 followed 孙队员 还没有私聊过机器人."""
    await desk.file_110(FARMER)
    out = texts(await desk.send(LEADER, f"/duty {OTHER_MEMBER} on", chat=TEAM_CHAT))
    assert "还有 1 个报警等待接单：孙队员 还没有私聊过机器人，卡片私信发不到" in out
    assert "请在本队群里的卡片上尽快接单" in out and "卡片已私信发给" not in out
    await desk.send(OTHER_MEMBER, "/start")
    await desk.send(LEADER, f"/duty {OTHER_MEMBER} off", chat=TEAM_CHAT)
    out = texts(await desk.send(LEADER, f"/duty {OTHER_MEMBER} on", chat=TEAM_CHAT))
    assert "还有 1 个报警等待接单，卡片已私信发给 孙队员" in out
