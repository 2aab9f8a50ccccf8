"""/duty's roster says who is paged for a 110 call when nobody is on duty, and flags a
leader the bot cannot reach (they blocked it, or never started it), whom such a call would
otherwise be trusted to."""

from __future__ import annotations

from tests.support.desk import Harness, texts
from tests.support.tickets import LEADER, MEMBER

TEAM_CHAT = -1001000000001


async def test_the_roster_with_nobody_on_duty_warns_that_the_leader_cannot_be_paged(
    desk: Harness,
) -> None:
    await desk.block(LEADER)
    roster = texts(await desk.send(MEMBER, "/duty", chat=TEAM_CHAT))
    assert "私信发不到" in roster
    assert "队长也收不到私信" in roster and "请尽快安排值班" in roster


async def test_the_roster_with_nobody_on_duty_says_the_leader_is_paged(desk: Harness) -> None:
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
