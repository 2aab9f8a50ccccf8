"""A 繁體 reader reads what the desk puts into a message in 繁體 too: a team's name and our
stand-in for someone without a name (用戶#200003, not 用户#200003), as the rest of the
message, in a private chat (a team's group reads Simplified); a person's name stays as
written (docs/conversations.md, Team chats)."""

from __future__ import annotations

import pytest

from core.config import Config
from tests.support.config_edits import without_staff_names
from tests.support.desk import Harness, texts
from tests.support.tickets import FARMER, LEADER, MEMBER, OTHER_MEMBER, SUPERVISOR

CURING_CHAT = -1001000000001
MONOPOLY_MEMBER = 200051  # of 专卖管理所, a team without a duty roster


@pytest.fixture
def demo_config(demo_config: Config) -> Config:
    """The demo bureau with its staff known by their ids only, as a config that names none."""
    return without_staff_names(demo_config)


async def test_accepting_a_call_taken_already_names_the_taker_in_traditional(
    desk: Harness,
) -> None:
    await desk.press(MEMBER, "lang:hant")
    ticket_id = await desk.file_110(FARMER)
    await desk.press(OTHER_MEMBER, f"tk:acc:{ticket_id}", chat=CURING_CHAT)
    out = await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=CURING_CHAT)
    assert "這個工單已被 用戶#200003 接單" in texts(out)


async def test_a_name_stays_as_written_for_a_traditional_reader(desk: Harness) -> None:
    await desk.press(MEMBER, "lang:hant")
    ticket_id = await desk.file_110(FARMER)
    await desk.send(OTHER_MEMBER, "/start", user_name="张师傅")  # Telegram's name, Simplified
    await desk.press(OTHER_MEMBER, f"tk:acc:{ticket_id}", chat=CURING_CHAT)
    out = await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=CURING_CHAT)
    assert "這個工單已被 张师傅 接單" in texts(out)


async def test_the_queue_names_the_taker_in_traditional(desk: Harness) -> None:
    ticket_id = await desk.file_110(FARMER)
    await desk.press(OTHER_MEMBER, f"tk:acc:{ticket_id}", chat=CURING_CHAT)
    await desk.press(LEADER, "lang:hant")
    out = await desk.send(LEADER, "/queue")  # privately: a team's group reads Simplified
    assert "（用戶#200003）" in texts(out) and "用户" not in texts(out)


async def test_a_second_reminder_names_who_reminded_in_traditional(desk: Harness) -> None:
    ticket_id = await desk.file_110(FARMER)
    await desk.press(SUPERVISOR, "lang:hant")
    await desk.press(SUPERVISOR, f"sv:remind:{ticket_id}")
    out = await desk.press(SUPERVISOR, f"sv:remind:{ticket_id}")
    assert "由 用戶#300001 催辦過" in texts(out)


async def test_a_call_back_recorded_already_names_who_in_traditional(desk: Harness) -> None:
    ticket_id = await desk.resolved_110(FARMER, MEMBER, CURING_CHAT)
    await desk.press(FARMER, f"my:r:{ticket_id}:1")
    await desk.press(LEADER, f"tk:cb:{ticket_id}")
    await desk.send(LEADER, "已电话联系，已道歉")
    await desk.press(SUPERVISOR, "lang:hant")
    out = await desk.press(SUPERVISOR, f"tk:cb:{ticket_id}")
    assert "已由 用戶#200002 在" in texts(out)


async def test_the_duty_roster_is_in_traditional(desk: Harness) -> None:
    await desk.press(MEMBER, "lang:hant")
    out = await desk.send(MEMBER, "/duty")  # privately: a team's group reads Simplified
    assert "青山鎮烘烤110服務隊 值班：（無）" in texts(out)
    # The leader never wrote to the bot privately: their pages could not arrive.
    assert "未值班：用戶#200002（未開通私聊）、用戶#200001" in texts(out)
    assert "用户" not in texts(out)
    await desk.send(MEMBER, "/duty on")
    out = await desk.send(MEMBER, "/duty off")
    assert "青山鎮烘烤110服務隊 現在無人值班" in texts(out)


async def test_a_team_without_a_roster_is_named_in_traditional(desk: Harness) -> None:
    await desk.press(MONOPOLY_MEMBER, "lang:hant")
    out = await desk.send(MONOPOLY_MEMBER, "/duty")
    assert "專賣管理所不排值班" in texts(out)
