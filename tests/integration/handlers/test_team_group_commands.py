"""Team commands at their edges in a team's group: the duty word said twice, a team id
mistyped in /bindteam, a requester's command typed in the group, and /help fitted to who
asks (before: "/duty on on" was read as a leader naming a member called on, /bindteam
nosuch answered with its usage, /my, /110 and /start got no answer at all, and /help gave
members the supervisors' commands and leaders not theirs)."""

from __future__ import annotations

import pytest

from core.config import Config
from storage.uow import Database
from tests.support.config_edits import without_staff_names
from tests.support.desk import Harness, texts
from tests.support.tickets import FARMER, LEADER, MEMBER, STRANGER, SUPERVISOR

TEAM_CHAT = -1001000000001


async def _on_duty(desk: Harness) -> set[int]:
    async with desk.db.uow(read_only=True) as uow:
        return {m.user_id for m in await uow.memberships.of_team("curing-qingshan") if m.on_duty}


async def test_the_duty_word_said_twice_sets_the_members_own_duty(desk: Harness) -> None:
    out = await desk.send(MEMBER, "/duty on on", chat=TEAM_CHAT)
    assert "值班状态：值班" in texts(out) and "只有该队队长" not in texts(out)
    assert await _on_duty(desk) == {MEMBER}
    out = await desk.send(MEMBER, "/duty 下班 off", chat=TEAM_CHAT)
    assert "值班状态：下班" in texts(out)
    assert await _on_duty(desk) == set()


async def test_duty_words_that_disagree_change_nothing_and_show_how(desk: Harness) -> None:
    out = await desk.send(MEMBER, "/duty on off", chat=TEAM_CHAT)
    assert "用法" in texts(out) and "只有该队队长" not in texts(out)
    assert await _on_duty(desk) == set()


async def test_a_leader_still_names_a_member_before_the_duty_word(desk: Harness) -> None:
    out = await desk.send(LEADER, f"/duty {MEMBER} on", chat=TEAM_CHAT)
    assert "值班状态：值班" in texts(out)
    assert await _on_duty(desk) == {MEMBER}


async def test_bindteam_with_an_unknown_team_says_so_and_lists_the_ids(desk: Harness) -> None:
    new_chat = -1009999
    out = await desk.send(LEADER, "/bindteam nosuch", chat=new_chat)
    assert "没有 ID 为「nosuch」的服务队" in texts(out) and "curing-qingshan" in texts(out)
    assert "用法" not in texts(out)
    async with desk.db.uow(read_only=True) as uow:
        bound = await uow.team_chats.get("curing-qingshan")
    assert bound is None or bound.chat_id != new_chat


async def test_bindteam_by_a_traditional_script_leader_tells_the_group_in_one_script(
    desk: Harness,
) -> None:
    """A leader who writes Traditional binds a new group by the team's name: the group is
    told in Simplified, as it reads everything of the team, name and words alike."""
    new_chat = -1009998
    out = texts(await desk.send(LEADER, "/bindteam 青山鎮烘烤110服務隊", chat=new_chat))
    assert "本群已绑定为「青山镇烘烤110服务队」的派单群。" in out
    async with desk.db.uow(read_only=True) as uow:
        bound = await uow.team_chats.get("curing-qingshan")
    assert bound is not None and bound.chat_id == new_chat


async def test_a_requesters_command_in_the_group_points_to_the_private_chat(
    desk: Harness,
) -> None:
    for command in ("/my", "/110", "/start", "/new"):
        out = await desk.send(MEMBER, command, chat=TEAM_CHAT)
        assert "私聊" in texts(out) and "https://t.me/jinye110_bot" in texts(out), command
    assert await desk.tickets() == []
    out = await desk.send(MEMBER, "烤房风机不转了", chat=TEAM_CHAT)
    assert out.replies == []  # no 110 call was begun: the group's talk stays quiet


async def test_help_in_the_group_lists_what_the_asker_may_use(desk: Harness) -> None:
    member = texts(await desk.send(MEMBER, "/help", chat=TEAM_CHAT))
    assert "/queue" in member and "/duty on" in member
    assert "/ledger" not in member and "/reassign" not in member and "姓名 on|off" not in member
    leader = texts(await desk.send(LEADER, "/help", chat=TEAM_CHAT))
    assert "/duty 姓名 on|off" in leader and "/stats" in leader and "/bindteam" in leader
    assert "/ledger" not in leader and "/reassign" not in leader
    supervisor = texts(await desk.send(SUPERVISOR, "/help", chat=TEAM_CHAT))
    assert "/ledger" in supervisor and "/reassign" in supervisor


@pytest.mark.parametrize("who", [MEMBER, FARMER, STRANGER])
async def test_bindteam_mistyped_by_one_who_leads_no_team_is_refused_without_the_ids(
    desk: Harness, who: int
) -> None:
    out = texts(await desk.send(who, "/bindteam nosuch", chat=TEAM_CHAT))
    assert out.strip() == "只有该队队长或管理员可以绑定派单群。"
    assert "curing-qingshan" not in out and "纪检作风监督室" not in out


MONOPOLY_CHAT = -1001000000012  # 专卖管理所: keeps no duty rota
MONOPOLY_MEMBER, MONOPOLY_LEADER = 200051, 200052


async def test_help_in_a_group_without_a_duty_rota_offers_no_duty(desk: Harness) -> None:
    """/duty there only answers that the team keeps no rota, so /help does not offer it."""
    for who in (MONOPOLY_MEMBER, MONOPOLY_LEADER):
        out = texts(await desk.send(who, "/help", chat=MONOPOLY_CHAT))
        assert "/queue" in out and "/ticket" in out, who
        assert "/duty" not in out and "值班" not in out, who
    leader = texts(await desk.send(MONOPOLY_LEADER, "/help", chat=MONOPOLY_CHAT))
    assert "/stats" in leader and "/bindteam" in leader
    duty = texts(await desk.send(MONOPOLY_MEMBER, "/duty", chat=MONOPOLY_CHAT))
    assert "不排值班" in duty


BAISHI_CHAT = -1001000000002  # 白石乡烘烤110服务队: keeps a duty rota
BAISHI_MEMBER, BAISHI_LEADER = 200011, 200012


async def _named(desk: Harness, user: int, name: str) -> None:
    await desk.send(user, "/help")  # known to the desk, as anyone who has written to it
    async with desk.db.uow() as uow:
        found = await uow.users.get(user)
        assert found is not None
        found.name = name
        await uow.commit()


async def test_help_and_usage_examples_name_the_groups_own_team_and_people(
    desk: Harness,
) -> None:
    """Before, every group's /help said 如 /duty 赵队员 on (青山镇's member) and /bindteam's
    usage 如 /bindteam curing-qingshan, whichever team's group it was."""
    await _named(desk, MEMBER, "赵队员")
    await _named(desk, BAISHI_MEMBER, "孙师傅")
    help_text = texts(await desk.send(BAISHI_LEADER, "/help", chat=BAISHI_CHAT))
    assert "/duty 姓名 on|off 安排队员值班（如 /duty 孙师傅 on）" in help_text
    assert "（如 /bindteam curing-baishi）" in help_text
    assert "赵队员" not in help_text and "curing-qingshan" not in help_text
    usage = texts(await desk.send(BAISHI_LEADER, "/duty on off", chat=BAISHI_CHAT))
    assert "例如" not in usage and "（如 /duty 孙师傅 on）" in usage and "赵队员" not in usage
    bind = texts(await desk.send(MONOPOLY_LEADER, "/bindteam", chat=MONOPOLY_CHAT))
    assert bind.strip() == "用法：在服务队群里发送 /bindteam 服务队ID（如 /bindteam monopoly）"


async def test_a_team_whose_members_have_no_name_yet_gets_no_name_for_an_example(
    db: Database, demo_config: Config
) -> None:
    desk = Harness(db, without_staff_names(demo_config))  # a config naming none of its staff
    await desk.seed()
    help_text = texts(await desk.send(BAISHI_LEADER, "/help", chat=BAISHI_CHAT))
    assert "/duty 姓名 on|off 安排队员值班\n" in help_text
    assert "如 /duty" not in help_text and "赵队员" not in help_text


WISH_CHAT, WISH_MEMBER = -1001000000015, 200081  # 工会职工服务站: wishes, never visited


async def test_help_says_which_cards_have_the_visit_button(desk: Harness) -> None:
    """A wish's or a complaint's card never shows 上门 (`core.lifecycle.VISITED_KINDS`): the
    wish team's /help says so, rather than list a button its cards lack."""
    out = texts(await desk.send(WISH_MEMBER, "/help", chat=WISH_CHAT))
    assert "上门（110和求助工单才有" in out
