"""Staff the config names (`staff_names`) are called so before they ever write to the bot:
the leader's /duty listed 用户#200001（未开通私聊） for 赵队员, and /duty 赵队员 on answered
本队没有叫「赵队员」的队员. Their own Telegram name takes over once they write; the config's
name still finds them with /duty."""

from __future__ import annotations

import pytest

from core.config import ConfigError, parse_config
from tests.support.desk import Harness, texts
from tests.support.minimal_config import MINIMAL
from tests.support.tickets import LEADER, MEMBER

TEAM_CHAT = -1001000000001  # 青山镇烘烤110服务队: 赵队员 (MEMBER) and 钱队长 (LEADER)


async def _on_duty(desk: Harness) -> set[int]:
    async with desk.db.uow(read_only=True) as uow:
        return {m.user_id for m in await uow.memberships.of_team("curing-qingshan") if m.on_duty}


async def test_the_roster_names_members_who_never_wrote_by_the_configs_names(
    desk: Harness,
) -> None:
    roster = texts(await desk.send(LEADER, "/duty", chat=TEAM_CHAT))
    assert "未值班：钱队长（未开通私聊）、赵队员（未开通私聊）、孙队员（未开通私聊）" in roster
    assert "用户#" not in roster


async def test_a_leader_puts_a_member_who_never_wrote_on_duty_by_the_configs_name(
    desk: Harness,
) -> None:
    out = texts(await desk.send(LEADER, "/duty 赵队员 on", chat=TEAM_CHAT))
    assert "赵队员 值班状态：值班" in out and "本队没有叫" not in out
    assert await _on_duty(desk) == {MEMBER}


async def test_the_members_own_telegram_name_takes_over_and_the_configs_still_finds_them(
    desk: Harness,
) -> None:
    await desk.send(MEMBER, "/start", user_name="赵小龙")
    roster = texts(await desk.send(LEADER, "/duty", chat=TEAM_CHAT))
    assert "赵小龙" in roster and "赵队员" not in roster
    out = texts(await desk.send(LEADER, "/duty 赵队员 on", chat=TEAM_CHAT))
    assert "赵小龙 值班状态：值班" in out
    assert await _on_duty(desk) == {MEMBER}


async def test_a_name_of_their_own_is_kept_when_the_bot_starts_again(desk: Harness) -> None:
    await desk.send(MEMBER, "/start", user_name="赵小龙")
    await desk.seed()  # the next start reads the config's names again
    async with desk.db.uow(read_only=True) as uow:
        member = await uow.users.get(MEMBER)
    assert member is not None and member.name == "赵小龙"


def test_a_staff_name_for_someone_the_config_does_not_list_is_refused() -> None:
    with pytest.raises(ConfigError) as caught:
        parse_config(MINIMAL + "staff_names: {42: 赵队员}\n")
    assert caught.value.errors == [
        "staff_names.42: not a leader, member, supervisor or admin of this config"
    ]


def _renamed(desk: Harness, user_id: int, name: str) -> Harness:
    """The desk after a restart with a config that calls `user_id` `name`."""
    names = {**desk.cfg.staff_names, user_id: name}
    return Harness(desk.db, desk.cfg.model_copy(update={"staff_names": names}), desk.clock)


async def test_a_member_who_never_wrote_is_renamed_with_the_config(desk: Harness) -> None:
    renamed = _renamed(desk, MEMBER, "赵建华")
    await renamed.seed()  # the next start reads the config's names again
    roster = texts(await renamed.send(LEADER, "/duty", chat=TEAM_CHAT))
    assert "赵建华（未开通私聊）" in roster and "赵队员" not in roster
    # Renamed, still the config's name: their own takes over when they write.
    await renamed.send(MEMBER, "/start", user_name="赵小龙")
    async with desk.db.uow(read_only=True) as uow:
        member = await uow.users.get(MEMBER)
    assert member is not None and member.name == "赵小龙"


async def test_a_member_who_wrote_keeps_their_own_name_when_the_config_renames_them(
    desk: Harness,
) -> None:
    await desk.send(MEMBER, "排班表在哪里看", chat=TEAM_CHAT, user_name="赵小龙")
    await _renamed(desk, MEMBER, "赵建华").seed()
    async with desk.db.uow(read_only=True) as uow:
        member = await uow.users.get(MEMBER)
    assert member is not None and member.name == "赵小龙"
