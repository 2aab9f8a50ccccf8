"""/duty words it cannot read are said to be so, and change nobody's duty: before, /duty
赵队员 maybe showed the roster and the usage as if nothing had been typed."""

from __future__ import annotations

from tests.support.desk import Harness, texts
from tests.support.tickets import LEADER

TEAM_CHAT = -1001000000001  # 青山镇烘烤110服务队: 赵队员, 孙队员 and 钱队长 (the config's names)


async def _on_duty(desk: Harness) -> set[int]:
    async with desk.db.uow(read_only=True) as uow:
        return {m.user_id for m in await uow.memberships.of_team("curing-qingshan") if m.on_duty}


async def test_an_unknown_word_after_a_name_is_said_not_understood_and_changes_nothing(
    desk: Harness,
) -> None:
    out = texts(await desk.send(LEADER, "/duty 赵队员 maybe", chat=TEAM_CHAT))
    assert out.startswith("没看懂「maybe」：值班请写 on（或 值班），下班请写 off（或 下班）。")
    assert "值班安排没有改动" in out and "未值班：" in out  # the roster follows
    assert await _on_duty(desk) == set()


async def test_an_unknown_word_is_said_not_understood_in_traditional(desk: Harness) -> None:
    await desk.press(LEADER, "lang:hant")
    out = texts(await desk.send(LEADER, "/duty 趙隊員 maybe"))
    assert out.startswith("沒看懂「maybe」") and "值班安排沒有改動" in out
    assert "没看懂" not in out
    assert await _on_duty(desk) == set()


async def test_a_name_without_on_or_off_asks_for_the_word(desk: Harness) -> None:
    for words in ("/duty 赵队员", "/duty on 赵队员"):
        out = texts(await desk.send(LEADER, words, chat=TEAM_CHAT))
        assert "要安排「赵队员」，请在名字后写 on（值班）或 off（下班）" in out, words
    assert await _on_duty(desk) == set()


async def test_on_and_off_at_once_are_said_to_disagree(desk: Harness) -> None:
    out = texts(await desk.send(LEADER, "/duty on off", chat=TEAM_CHAT))
    assert "「on」和「off」意思相反，值班安排没有改动" in out
    assert await _on_duty(desk) == set()
