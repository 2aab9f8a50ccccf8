"""A team member's question or result typed in 繁體 reaches a requester who writes 简体 in
简体, as the desk's own words do, and one who writes 繁體 in 繁體."""

from __future__ import annotations

from tests.support.desk import Harness, texts

RETAILER = 100002
DELIVERY_CHAT = -1001000000014
DELIVERY_MEMBER = 200071


async def _accepted(desk: Harness, words: str) -> int:
    ticket = await desk.file_request(RETAILER, words)
    assert ticket.id is not None and ticket.team_id == "delivery"
    await desk.press(DELIVERY_MEMBER, f"tk:acc:{ticket.id}", chat=DELIVERY_CHAT)
    return ticket.id


async def _told(desk: Harness) -> list[str]:
    return [str(r.payload.get("text")) for r in await desk.outbox() if r.chat_id == RETAILER]


async def _in_the_group(desk: Harness) -> list[str]:
    return [str(r.payload.get("text")) for r in await desk.outbox() if r.chat_id == DELIVERY_CHAT]


async def test_a_question_and_a_result_typed_in_traditional_reach_a_simplified_reader(
    desk: Harness,
) -> None:
    ticket_id = await _accepted(desk, "昨天送货少送了一条中华")
    await desk.press(DELIVERY_MEMBER, f"tk:ask:{ticket_id}", chat=DELIVERY_CHAT)
    await desk.send(DELIVERY_MEMBER, "請問是哪一天的訂單？", chat=DELIVERY_CHAT)
    await desk.send(RETAILER, "是12月6号的订单")
    await desk.press(DELIVERY_MEMBER, f"tk:res:{ticket_id}", chat=DELIVERY_CHAT)
    await desk.send(DELIVERY_MEMBER, "已補送一條", chat=DELIVERY_CHAT)
    told = "\n".join(await _told(desk))
    assert "服务队需要您补充：请问是哪一天的订单？" in told
    assert "已办结：已补送一条" in told
    assert "訂單" not in told and "補送" not in told


async def test_a_traditional_reader_still_reads_them_in_traditional(desk: Harness) -> None:
    ticket_id = await _accepted(desk, "昨天送貨少送了一條中華")
    await desk.press(DELIVERY_MEMBER, f"tk:ask:{ticket_id}", chat=DELIVERY_CHAT)
    await desk.send(DELIVERY_MEMBER, "請問是哪一天的訂單？", chat=DELIVERY_CHAT)
    told = "\n".join(await _told(desk))
    assert "服務隊需要您補充：請問是哪一天的訂單？" in told


async def test_the_requesters_timeline_shows_traditional_team_notes_in_simplified(
    desk: Harness,
) -> None:
    ticket_id = await _accepted(desk, "昨天送货少送了一条中华")
    await desk.press(DELIVERY_MEMBER, f"tk:ask:{ticket_id}", chat=DELIVERY_CHAT)
    await desk.send(DELIVERY_MEMBER, "請問是哪一天的訂單？", chat=DELIVERY_CHAT)
    await desk.send(RETAILER, "是12月6号的订单")
    await desk.press(DELIVERY_MEMBER, f"tk:res:{ticket_id}", chat=DELIVERY_CHAT)
    await desk.send(DELIVERY_MEMBER, "已補送一條", chat=DELIVERY_CHAT)
    detail = texts(await desk.press(RETAILER, f"my:v:{ticket_id}"))
    assert "请问是哪一天的订单？" in detail and "已补送一条" in detail
    assert "訂單" not in detail and "補送" not in detail
    assert "是12月6号的订单" in detail  # their own words as they wrote them


async def test_the_teams_card_and_reply_show_traditional_team_notes_in_simplified(
    desk: Harness,
) -> None:
    """A team's group reads Simplified: its card, and the reply to the member, carry the
    question and the result typed in 繁體 in Simplified, as the notices to requesters do."""
    ticket_id = await _accepted(desk, "昨天送货少送了一条中华")
    await desk.press(DELIVERY_MEMBER, f"tk:ask:{ticket_id}", chat=DELIVERY_CHAT)
    asked = texts(await desk.send(DELIVERY_MEMBER, "請問是哪一天的訂單？", chat=DELIVERY_CHAT))
    waiting = await _in_the_group(desk)
    await desk.send(RETAILER, "是12月6号的订单")
    await desk.press(DELIVERY_MEMBER, f"tk:res:{ticket_id}", chat=DELIVERY_CHAT)
    done = texts(await desk.send(DELIVERY_MEMBER, "已補送一條", chat=DELIVERY_CHAT))
    cards = await _in_the_group(desk)
    assert "待补充：请问是哪一天的订单？" in "\n".join(waiting)
    assert "请问是哪一天的订单？" in asked
    assert "已补送一条" in done and "已补送一条" in cards[-1]
    shown = "\n".join([asked, done, *waiting, *cards])
    assert "訂單" not in shown and "補送" not in shown
