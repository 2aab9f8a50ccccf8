"""The ladder's first reminder of a call nobody took reaches someone who can act on it:
the on-duty members, and with nobody on duty (night, everyone /duty off) the team's
leaders, as the call's own page did, not only the team's group, muted at night."""

from __future__ import annotations

from core.lifecycle import REMIND_ACCEPT_PROMPT
from scheduler.sweep import sweep
from tests.support.desk import Harness
from tests.support.tickets import FARMER, LEADER, MEMBER

TEAM_CHAT = -1001000000001


async def _reminded(desk: Harness) -> set[int]:
    desk.clock.advance(minutes=11)  # past the 110 call's 接单时限 of ten minutes
    await sweep(desk.db, desk.cfg, desk.clock())
    return {r.chat_id for r in await desk.outbox() if r.purpose == REMIND_ACCEPT_PROMPT}


async def test_with_nobody_on_duty_the_first_reminder_reaches_the_leader_too(
    desk: Harness,
) -> None:
    await desk.file_110(FARMER)
    assert await _reminded(desk) == {TEAM_CHAT, LEADER}


async def test_with_a_member_on_duty_the_first_reminder_pages_them_not_the_leader(
    desk: Harness,
) -> None:
    await desk.send(MEMBER, "/duty on", chat=TEAM_CHAT)
    await desk.file_110(FARMER)
    assert await _reminded(desk) == {TEAM_CHAT, MEMBER}


async def test_with_nobody_on_duty_and_the_leader_unreachable_only_the_chat_is_reminded(
    desk: Harness,
) -> None:
    await desk.block(LEADER)
    await desk.file_110(FARMER)
    assert await _reminded(desk) == {TEAM_CHAT}


async def test_with_nobody_on_duty_an_ordinary_requests_first_reminder_goes_to_the_group_only(
    desk: Harness,
) -> None:
    """Its card went to the group alone, not paged: its leader hears of it on the next
    rung, their own alert, not twice."""
    ticket = await desk.file_request(FARMER, "烘烤技术问题：变黄期湿度怎么控制，想请技术员指导")
    assert ticket.team_id == "curing-qingshan" and not ticket.urgent
    assert ticket.next_action_at is not None
    desk.clock.now = ticket.next_action_at  # its 接单时限, on the business calendar
    await sweep(desk.db, desk.cfg, desk.clock())
    assert {r.chat_id for r in await desk.outbox() if r.purpose == REMIND_ACCEPT_PROMPT} == {
        TEAM_CHAT
    }


async def _callers_notice(desk: Harness) -> str:
    [notice] = [
        r
        for r in await desk.outbox()
        if r.chat_id == FARMER and "还没有人接单" in str(r.payload.get("text"))
    ]
    return str(notice.payload["text"])


async def test_a_caller_whose_reminder_paged_the_leader_is_told_they_were_told(
    desk: Harness,
) -> None:
    """Not that the leaders will be told, when they were paged with the team already."""
    await desk.file_110(FARMER)
    assert LEADER in await _reminded(desk)
    text = await _callers_notice(desk)
    assert "已再次催促" in text and "并已报告负责人督促" in text
    assert "会报告负责人" not in text


async def test_a_caller_whose_team_has_someone_on_duty_is_promised_the_leaders(
    desk: Harness,
) -> None:
    await desk.send(MEMBER, "/duty on", chat=TEAM_CHAT)
    await desk.file_110(FARMER)
    assert LEADER not in await _reminded(desk)
    assert "再没有人接单会报告负责人" in await _callers_notice(desk)


async def test_a_caller_whose_reminder_reached_the_leader_on_duty_is_told_they_were_told(
    desk: Harness,
) -> None:
    """The leader took the duty from the member: reminded as the one on duty, they are
    not what the next rung would tell anew."""
    await desk.send(MEMBER, "/duty on", chat=TEAM_CHAT)
    await desk.file_110(FARMER)
    await desk.send(MEMBER, "/duty off", chat=TEAM_CHAT)
    await desk.send(LEADER, "/duty on", chat=TEAM_CHAT)
    assert {TEAM_CHAT, LEADER} <= await _reminded(desk)
    text = await _callers_notice(desk)
    assert "已再次催促" in text and "并已报告负责人督促" in text
    assert "会报告负责人" not in text
