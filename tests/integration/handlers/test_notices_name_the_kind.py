"""A requester's notices name what they sent as the rest of the desk does: a staff
member's wish is a 心愿 and a suggestion a 建议 (您的心愿 … 已由 … 接单), anything else a 工单."""

from __future__ import annotations

from tests.support.desk import Harness
from tests.support.tickets import FARMER, MEMBER

STAFF = 100003
STAFF_TEAM_CHAT = -1001000000015
STAFF_MEMBER = 200081
CURING_CHAT = -1001000000001


async def _filed_by_staff(desk: Harness, command: str, words: str) -> int:
    await desk.registered_as(STAFF, "staff")
    ticket = await desk.file_request(STAFF, words, command)
    assert ticket.id is not None
    return ticket.id


async def _told(desk: Harness, user: int) -> list[str]:
    return [str(r.payload.get("text")) for r in await desk.outbox() if r.chat_id == user]


async def test_a_wish_taken_and_asked_about_is_called_a_wish(desk: Harness) -> None:
    wish = await _filed_by_staff(desk, "/wish", "食堂增加早餐品种")
    await desk.press(STAFF_MEMBER, f"tk:acc:{wish}", chat=STAFF_TEAM_CHAT)
    await desk.press(STAFF_MEMBER, f"tk:ask:{wish}", chat=STAFF_TEAM_CHAT)
    await desk.send(STAFF_MEMBER, "想增加哪些品种？", chat=STAFF_TEAM_CHAT)

    taken, asked = (await _told(desk, STAFF))[-2:]
    assert taken.startswith("您的心愿 10019 已由") and taken.endswith("接单，正在处理。")
    assert asked.startswith("心愿 10019 服务队需要您补充：想增加哪些品种？")


async def test_a_suggestion_moved_to_another_team_is_called_a_suggestion(
    desk: Harness,
) -> None:
    suggestion = await _filed_by_staff(desk, "/suggest", "建议食堂延长晚饭供应时间")
    await desk.press(STAFF_MEMBER, f"tk:xfer:{suggestion}", chat=STAFF_TEAM_CHAT)
    await desk.press(STAFF_MEMBER, f"tk:xto:{suggestion}:conduct", chat=STAFF_TEAM_CHAT)
    await desk.send(STAFF_MEMBER, "请纪检室研究", chat=STAFF_TEAM_CHAT)

    moved = (await _told(desk, STAFF))[-1]
    assert moved.startswith("建议 10019 已转给 纪检作风监督室 办理。")


async def test_a_110_call_taken_is_still_a_ticket(desk: Harness) -> None:
    call = await desk.file_110(FARMER)
    await desk.press(MEMBER, f"tk:acc:{call}", chat=CURING_CHAT)
    assert (await _told(desk, FARMER))[-1].startswith("您的工单 10019 已由")
