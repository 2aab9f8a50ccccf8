"""A card waiting for the requester (待报告人补充) says what they were asked, by whom and
when: a colleague or the leader reading it knows what the team waits for."""

from __future__ import annotations

from tests.support.desk import Harness
from tests.support.tickets import FARMER, LEADER, MEMBER

TEAM_CHAT = -1001000000001


async def test_the_card_shows_the_question_it_waits_on_until_it_is_answered(
    desk: Harness,
) -> None:
    ticket_id = await desk.file_110(FARMER)
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)
    await desk.press(MEMBER, f"tk:ask:{ticket_id}", chat=TEAM_CHAT)
    before = {r.id for r in await desk.outbox()}
    await desk.send(MEMBER, "是哪一间烤房？", chat=TEAM_CHAT)
    edits = [r for r in await desk.outbox() if r.id not in before and r.purpose == "card_edit"]
    assert {r.chat_id for r in edits} >= {TEAM_CHAT, LEADER}
    for edit in edits:
        [line] = [x for x in edit.payload["text"].splitlines() if x.startswith("待补充：")]
        assert line.startswith("待补充：是哪一间烤房？（") and line.endswith(" 问）")
    before = {r.id for r in await desk.outbox()}
    await desk.send(FARMER, "大坪3号烤房")
    edits = [r for r in await desk.outbox() if r.id not in before and r.purpose == "card_edit"]
    assert edits and all("待补充" not in r.payload["text"] for r in edits)
