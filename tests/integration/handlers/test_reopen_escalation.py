"""A ticket sent back as not solved again and again is no longer the team's alone: the
team's leaders hear of the second time, the supervisors (with 催办 and 改派) of the third
(before: every reopen went back to the same team's chat and nobody above it knew)."""

from __future__ import annotations

import pytest

from core.enums import Kind, Role
from core.lifecycle import OVERSIGHT_PROMPT
from core.model import Membership, OutboxMessage
from tests.support.complainant import RETAILER, registered_with_a_shop
from tests.support.desk import Harness
from tests.support.tickets import FARMER, LEADER, MEMBER, SUPERVISOR, T0

TEAM_CHAT = -1001000000001


async def _send_back(desk: Harness, ticket_id: int, reason: str) -> list[OutboxMessage]:
    """The team resolves the ticket, the farmer says it is not solved; the rows this made."""
    await desk.press(MEMBER, f"tk:res:{ticket_id}", chat=TEAM_CHAT)
    await desk.send(MEMBER, "已处理", chat=TEAM_CHAT)
    before = {r.id for r in await desk.outbox()}
    await desk.press(FARMER, f"my:bad:{ticket_id}")
    await desk.send(FARMER, reason)
    return [r for r in await desk.outbox() if r.id not in before]


async def test_leaders_hear_of_the_second_reopen_and_supervisors_of_the_third(
    desk: Harness,
) -> None:
    ticket_id = await desk.resolved_110(FARMER, MEMBER, TEAM_CHAT)
    first = await _send_back(desk, ticket_id, "风机还是不转")
    alerts = [r for r in first if r.purpose != "card"]  # the card itself says 第 1 次退回
    assert not [r for r in alerts if "次退回" in str(r.payload.get("text", ""))]
    [card] = [r for r in first if r.purpose == "card" and r.chat_id == TEAM_CHAT]
    assert "｜待接单｜第 1 次退回\n" in card.payload["text"]
    assert not [r for r in first if r.chat_id == SUPERVISOR]

    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)
    second = await _send_back(desk, ticket_id, "温度又掉了")
    [to_leader] = [
        r
        for r in second
        if r.chat_id == LEADER and r.purpose != "card" and "第 2 次退回" in r.payload["text"]
    ]
    assert "温度又掉了" in to_leader.payload["text"]
    assert not [r for r in second if r.chat_id == SUPERVISOR]

    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)
    third = await _send_back(desk, ticket_id, "还是没修好")
    [alert] = [r for r in third if r.chat_id == SUPERVISOR]
    assert alert.purpose == OVERSIGHT_PROMPT and "第 3 次退回" in alert.payload["text"]
    presses = [b["data"] for row in alert.payload["buttons"] for b in row]
    assert presses == [f"sv:remind:{ticket_id}", f"sv:reassign:{ticket_id}"]
    assert [r for r in third if r.chat_id == LEADER and "第 3 次退回" in r.payload["text"]]


async def test_a_supervisor_who_also_leads_the_team_gets_the_third_reopen_with_buttons(
    desk: Harness,
) -> None:
    async with desk.db.uow() as uow:
        await uow.memberships.add(Membership(SUPERVISOR, Role.LEADER, T0, "curing-qingshan"))
        await uow.commit()
    ticket_id = await desk.resolved_110(FARMER, MEMBER, TEAM_CHAT)
    await _send_back(desk, ticket_id, "风机还是不转")
    for reason in ("温度又掉了", "还是没修好"):
        await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)
        rows = await _send_back(desk, ticket_id, reason)
    # Told once, as a supervisor: with 催办 and 改派, not as a leader without them.
    [alert] = [
        r
        for r in rows
        if r.chat_id == SUPERVISOR and r.purpose != "card" and "次退回" in r.payload["text"]
    ]
    assert alert.purpose == OVERSIGHT_PROMPT and "buttons" in alert.payload


STAFF = 100003
STAFF_TEAM_CHAT = -1001000000015
STAFF_MEMBER, STAFF_LEADER = 200081, 200082


@pytest.mark.parametrize(
    ("command", "text", "resolve", "told"),
    [
        (
            "/suggest",
            "建议食堂延长晚饭供应时间",
            "tk:res:{id}",
            "⚠️ 建议 {n}（工会职工服务站）的答复已被报告人第 2 次退回，报告人仍不满意：周末也要延长",
        ),
        (
            "/wish",
            "更换宿舍空调",
            "tk:res:{id}",
            "⚠️ 心愿 {n}（工会职工服务站）已被职工第 2 次退回，仍未实现：周末也要延长",
        ),
        (
            "/wish",
            "更换宿舍空调",
            "tk:res:{id}:declined",
            "⚠️ 心愿 {n}（工会职工服务站）「无法实现」的答复已被职工第 2 次退回，职工仍有异议："
            "周末也要延长",
        ),
    ],
    ids=["suggestion", "wish-granted", "wish-declined"],
)
async def test_a_suggestion_or_wish_sent_back_twice_tells_the_leaders_in_its_own_words(
    desk: Harness, command: str, text: str, resolve: str, told: str
) -> None:
    """A suggestion's author disputes the answer, a wish granted is not granted yet, and a
    wish declined has its answer disputed: none is a problem left unsolved (before, all
    read 问题仍未解决 to the team's leaders), nor does the team's own copy of the second
    reopen say so."""
    await desk.registered_as(STAFF, "staff")
    await desk.send(STAFF, command)
    await desk.send(STAFF, text)
    await desk.press(STAFF, "f:next")
    await desk.press(STAFF, "f:ok")
    [ticket] = await desk.tickets()
    assert ticket.id is not None
    for reason in ("晚上八点以后也要", "周末也要延长"):
        await desk.press(STAFF_MEMBER, f"tk:acc:{ticket.id}", chat=STAFF_TEAM_CHAT)
        await desk.press(STAFF_MEMBER, resolve.format(id=ticket.id), chat=STAFF_TEAM_CHAT)
        await desk.send(STAFF_MEMBER, "已研究答复", chat=STAFF_TEAM_CHAT)
        before = {r.id for r in await desk.outbox()}
        await desk.press(STAFF, f"my:bad:{ticket.id}")
        await desk.send(STAFF, reason)
    rows = [r for r in await desk.outbox() if r.id not in before and r.purpose != "card"]
    [to_leader] = [r for r in rows if r.chat_id == STAFF_LEADER]
    assert str(to_leader.payload["text"]).startswith(told.format(n=ticket.label))
    said = [str(r.payload["text"]) for r in rows]
    assert not [words for words in said if "问题" in words and "解决" in words]


@pytest.mark.parametrize(
    ("resolve", "told"),
    [
        ("tk:res:{id}", "心愿 {n} 职工表示还没有实现：早餐还是只有馒头"),
        ("tk:res:{id}:partly", "心愿 {n} 职工对「部分实现」的答复有异议：早餐还是只有馒头"),
        ("tk:res:{id}:declined", "心愿 {n} 职工对「无法实现」的答复有异议：早餐还是只有馒头"),
    ],
    ids=["granted", "partly", "declined"],
)
async def test_a_wish_sent_back_tells_the_team_what_of_its_answer_is_disputed(
    desk: Harness, resolve: str, told: str
) -> None:
    """A wish answered 部分实现 or 无法实现 and sent back has its answer disputed, as the
    employee was told they could; before, the team read 职工表示还没有实现 of a wish it had
    said it could not grant."""
    await desk.registered_as(STAFF, "staff")
    ticket = await desk.file_request(STAFF, "希望食堂增加早餐品种", "/wish")
    assert ticket.id is not None
    await desk.press(STAFF_MEMBER, f"tk:acc:{ticket.id}", chat=STAFF_TEAM_CHAT)
    await desk.press(STAFF_MEMBER, resolve.format(id=ticket.id), chat=STAFF_TEAM_CHAT)
    await desk.send(STAFF_MEMBER, "已研究答复", chat=STAFF_TEAM_CHAT)
    await desk.press(STAFF, f"my:bad:{ticket.id}")
    await desk.send(STAFF, "早餐还是只有馒头")
    said = [
        str(r.payload["text"])
        for r in await desk.outbox()
        if r.chat_id == STAFF_TEAM_CHAT and r.purpose != "card"
    ]
    assert told.format(n=ticket.label) in said


DELIVERY_CHAT, DELIVERY_MEMBER, DELIVERY_LEADER = -1001000000014, 200071, 200072
CONDUCT_LEADER = 200092


async def test_the_oversight_leaders_hear_of_a_complaint_sent_back_a_second_time(
    desk: Harness,
) -> None:
    """A complaint the delivery team handles (its domain words took it there) is watched by
    the oversight office: its leaders are told privately too, in their own script."""
    await desk.send(CONDUCT_LEADER, "/lang")
    await desk.press(CONDUCT_LEADER, "lang:hant")
    await registered_with_a_shop(desk)
    await desk.send(RETAILER, "投诉配送员小王，送货总是迟到")
    await desk.press(RETAILER, "f:ok")
    [ticket] = await desk.tickets()
    assert (ticket.kind, ticket.team_id) == (Kind.COMPLAINT, "delivery")

    async def send_back(reason: str) -> list[OutboxMessage]:
        await desk.press(DELIVERY_MEMBER, f"tk:acc:{ticket.id}", chat=DELIVERY_CHAT)
        await desk.press(DELIVERY_MEMBER, f"tk:res:{ticket.id}", chat=DELIVERY_CHAT)
        await desk.send(DELIVERY_MEMBER, "已提醒配送员按时送货", chat=DELIVERY_CHAT)
        before = {r.id for r in await desk.outbox()}
        await desk.press(RETAILER, f"my:bad:{ticket.id}")
        await desk.send(RETAILER, reason)
        return [r for r in await desk.outbox() if r.id not in before]

    first = await send_back("今天还是迟到")
    assert not [r for r in first if r.chat_id == CONDUCT_LEADER]
    second = await send_back("又迟到了两个小时")

    def alerts_to(user: int) -> list[str]:
        return [
            r.payload["text"]
            for r in second
            if r.chat_id == user and r.purpose != "card" and "2 次退回" in r.payload["text"]
        ]

    assert len(alerts_to(DELIVERY_LEADER)) == 1
    [alert] = alerts_to(CONDUCT_LEADER)
    assert alert.startswith("⚠️ 工單") and "物流配送中心" in alert and "又遲到了兩個小時" in alert


async def test_a_photo_sent_as_the_reason_reaches_the_leader_told_of_the_second_reopen(
    desk: Harness,
) -> None:
    """Before: the leader read 报告人表示问题没有解决：[照片] and never saw the photo."""
    ticket_id = await desk.resolved_110(FARMER, MEMBER, TEAM_CHAT)
    await _send_back(desk, ticket_id, "风机还是不转")
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)
    await desk.press(MEMBER, f"tk:res:{ticket_id}", chat=TEAM_CHAT)
    await desk.send(MEMBER, "已处理", chat=TEAM_CHAT)
    await desk.press(FARMER, f"my:bad:{ticket_id}")
    await desk.send(FARMER, photo_file_id="p-fan-still")
    to_leader = [r for r in await desk.outbox() if r.chat_id == LEADER]
    assert any("第 2 次退回" in str(r.payload.get("text", "")) for r in to_leader)
    assert any(r.payload.get("file_id") == "p-fan-still" for r in to_leader)
