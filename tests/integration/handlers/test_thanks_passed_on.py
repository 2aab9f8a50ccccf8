"""Thanks and praise sent after a service (师傅来得很快，感谢！): the summary offers to pass
them on to the team that served the requester, which reads them in its chat, and files
nothing; thanks that ask for something, or tell of a new problem, are offered as a request
only, as before."""

from __future__ import annotations

import pytest

from core.config import Config
from handlers.replies import Outcome
from tests.support.desk import Harness, button_actions, button_data, texts
from tests.support.tickets import FARMER, MEMBER


@pytest.fixture
def team_chat(demo_config: Config) -> int:
    chat = demo_config.team("curing-qingshan").chat_id
    assert chat is not None
    return chat


async def _rated_a_day_ago(desk: Harness, team_chat: int) -> int:
    """A 110 call of the farmer's, resolved by 青山镇's team, rated 5 a day ago."""
    ticket_id = await desk.resolved_110(FARMER, MEMBER, team_chat)
    await desk.press(FARMER, f"my:r:{ticket_id}:5")
    await desk.send(FARMER, "跳过")
    desk.clock.advance(days=1)
    return ticket_id


def _thanks_button(out: Outcome) -> str:
    [pressed] = [data for data in button_data(out) if data.startswith("f:thanks")]
    return pressed


@pytest.mark.parametrize(
    ("typed", "reply"),
    [
        ("师傅来得很快，感谢！", "已把您的感谢转给青山镇烘烤110服务队"),
        ("師傅來得很快，感謝！", "已把您的感謝轉給青山鎮烘烤110服務隊"),
        ("谢谢青山镇烘烤110服务队的赵师傅", "已把您的感谢转给青山镇烘烤110服务队"),
        ("谢谢烘烤队的赵师傅", "已把您的感谢转给青山镇烘烤110服务队"),  # for short
        ("谢谢110队的赵师傅，来得很及时", "已把您的感谢转给青山镇烘烤110服务队"),
    ],
)
async def test_thanks_after_a_service_reach_the_team_that_gave_it(
    desk: Harness, team_chat: int, typed: str, reply: str
) -> None:
    ticket_id = await _rated_a_day_ago(desk, team_chat)
    out = await desk.send(FARMER, typed)
    assert "f:ok" in button_actions(out)  # still theirs to file, if that is what they meant
    out = await desk.press(FARMER, _thanks_button(out))
    assert reply in texts(out)
    [ticket] = await desk.tickets()  # nothing filed
    assert ticket.id == ticket_id
    assert (await desk.actions(ticket_id))[-1] == "thanks"
    told = [m for m in await desk.outbox() if m.chat_id == team_chat]
    assert f"工单 {ticket.label} 报告人致谢：{typed}" in told[-1].payload["text"]


@pytest.mark.parametrize(
    "typed",
    [
        "谢谢，请再派人来看看",  # asks for someone
        "谢谢，烟叶烤黑了",  # a new problem
        "谢谢，帮我订两条中华",
        "来得太慢了，谢谢",  # no praise
        "谢谢烘烤队的赵师傅，烟叶又烤黑了",  # a team for short, and a new problem
        "谢谢，专卖所在哪里",  # a question about a team's place, not the team thanked
        "谢谢，配送中心的电话多少",
    ],
)
async def test_thanks_that_are_more_than_thanks_are_offered_as_a_request_only(
    desk: Harness, team_chat: int, typed: str
) -> None:
    await _rated_a_day_ago(desk, team_chat)
    out = await desk.send(FARMER, typed)
    actions = button_actions(out)
    assert "f:thanks" not in actions
    assert "f:ok" in actions


@pytest.mark.parametrize(
    ("typed", "team"),
    [
        ("谢谢白石乡110服务队的张师傅", "白石乡烘烤110服务队"),
        ("谢谢专卖所的小李", "专卖管理所"),  # for short
    ],
)
async def test_thanks_to_a_team_that_served_none_of_theirs_are_taken_as_thanks(
    desk: Harness, team_chat: int, typed: str, team: str
) -> None:
    """Thanks naming a team that served none of their tickets are heard as thanks: not
    offered as a request to file, and with no ticket to go with them, not passed on."""
    ticket_id = await _rated_a_day_ago(desk, team_chat)
    sent = len(await desk.outbox())
    out = await desk.send(FARMER, typed)
    assert f"谢谢您的肯定！{team}最近一周没有为您办理过工单" in texts(out)
    assert "f:ok" not in button_actions(out) and "f:thanks" not in button_actions(out)
    [ticket] = await desk.tickets()  # nothing filed
    assert ticket.id == ticket_id and len(await desk.outbox()) == sent


async def test_thanks_with_nobody_having_served_them_are_offered_as_a_request_only(
    desk: Harness,
) -> None:
    out = await desk.send(FARMER, "师傅来得很快，感谢！")
    assert button_actions(out)[:1] == ["f:ok"]


@pytest.mark.parametrize(
    "typed", ["谢谢，但是烟叶发霉了", "谢谢师傅，明天再来一趟", "谢谢，电话打不通"]
)
async def test_thanks_beside_a_new_problem_or_a_visit_asked_are_not_offered_to_pass_on(
    desk: Harness, team_chat: int, typed: str
) -> None:
    await _rated_a_day_ago(desk, team_chat)
    out = await desk.send(FARMER, typed)
    assert "f:thanks" not in button_actions(out)


async def test_a_problem_added_at_the_summary_takes_the_thanks_button_away(
    desk: Harness, team_chat: int
) -> None:
    await _rated_a_day_ago(desk, team_chat)
    out = await desk.send(FARMER, "师傅来得很快，感谢！")
    assert "f:thanks" in button_actions(out)
    out = await desk.send(FARMER, "烟叶烤黑了")  # typed alone, it is not offered either
    assert "f:thanks" not in button_actions(out)


async def test_a_photo_added_at_the_summary_is_not_dropped_by_passing_thanks_on(
    desk: Harness, team_chat: int
) -> None:
    await _rated_a_day_ago(desk, team_chat)
    await desk.send(FARMER, "师傅来得很快，感谢！")
    out = await desk.send(FARMER, photo_file_id="PHOTO-OF-THE-BARN")
    assert "f:thanks" not in button_actions(out)


async def test_praise_added_at_the_summary_keeps_the_thanks_button(
    desk: Harness, team_chat: int
) -> None:
    await _rated_a_day_ago(desk, team_chat)
    await desk.send(FARMER, "师傅来得很快，感谢！")
    out = await desk.send(FARMER, "态度很好")
    assert "f:thanks" in button_actions(out)


async def test_a_second_press_of_pass_on_says_the_thanks_went(
    desk: Harness, team_chat: int
) -> None:
    ticket_id = await _rated_a_day_ago(desk, team_chat)
    pressed = _thanks_button(await desk.send(FARMER, "师傅来得很快，感谢！"))
    await desk.press(FARMER, pressed)
    out = await desk.press(FARMER, pressed)  # a double tap
    assert "已失效" not in (out.toast or "") + texts(out)
    assert "您的感谢已经转给青山镇烘烤110服务队" in texts(out)
    assert (await desk.actions(ticket_id)).count("thanks") == 1


@pytest.mark.parametrize(
    "typed",
    ["师傅来得又快又好，谢谢！", "没想到这么快就修好了，感谢！", "你们派来的师傅很专业，感谢！"],
)
async def test_common_praise_is_offered_to_pass_on(
    desk: Harness, team_chat: int, typed: str
) -> None:
    await _rated_a_day_ago(desk, team_chat)
    out = await desk.send(FARMER, typed)
    assert "f:thanks" in button_actions(out)


async def test_thanks_passed_on_do_not_make_a_service_long_past_seem_recent(
    desk: Harness, team_chat: int
) -> None:
    await _rated_a_day_ago(desk, team_chat)
    await desk.press(FARMER, _thanks_button(await desk.send(FARMER, "师傅来得很快，感谢！")))
    desk.clock.advance(days=6, hours=12)  # served seven and a half days ago
    out = await desk.send(FARMER, "师傅来得很快，感谢！")
    assert "f:thanks" not in button_actions(out)


@pytest.mark.parametrize(
    "typed",
    [
        "谢谢，明天上午过来",
        "谢谢，等下还要来一次",
        "感谢，几点来",
        "謝謝，快點來",
        "谢谢你们，还有一个问题",
        "谢谢，催一下",
        "谢谢，尽快给答复",
    ],
)
async def test_thanks_beside_a_visit_a_time_or_more_help_asked_are_not_offered_to_pass_on(
    desk: Harness, team_chat: int, typed: str
) -> None:
    """谢谢，明天上午过来 asks for a visit: a request to file, not thanks for the team."""
    await _rated_a_day_ago(desk, team_chat)
    out = await desk.send(FARMER, typed)
    assert "f:thanks" not in button_actions(out)
    assert "f:ok" in button_actions(out)


@pytest.mark.parametrize("typed", ["请替我谢谢张师傅", "麻烦转达我们的感谢", "谢谢师傅又跑一趟"])
async def test_thanks_asking_only_to_be_passed_on_are_offered_to_pass_on(
    desk: Harness, team_chat: int, typed: str
) -> None:
    """请替我谢谢张师傅 asks nothing but that the thanks reach the team: 「👍 把感谢转给…」."""
    await _rated_a_day_ago(desk, team_chat)
    out = await desk.send(FARMER, typed)
    assert "f:thanks" in button_actions(out)
