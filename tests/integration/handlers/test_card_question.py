"""A card waiting for the requester (待报告人补充) says what they were asked, by whom and
when: a colleague or the leader reading it knows what the team waits for."""

from __future__ import annotations

from tests.support.desk import Harness
from tests.support.tickets import FARMER, LEADER, MEMBER, OTHER_MEMBER

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


async def test_the_card_keeps_the_last_question_and_its_answer_in_short(desk: Harness) -> None:
    """Once answered, the card no longer waits, but a member opening it later still reads
    what was asked and what came back, in one short line."""
    ticket_id = await desk.file_110(FARMER)
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)
    await desk.press(MEMBER, f"tk:ask:{ticket_id}", chat=TEAM_CHAT)
    await desk.send(MEMBER, "是哪一间烤房？", chat=TEAM_CHAT)
    before = {r.id for r in await desk.outbox()}
    await desk.send(FARMER, "大坪3号烤房，进门左手第二间，风机那边一直有异响" * 3)
    edits = [r for r in await desk.outbox() if r.id not in before and r.purpose == "card_edit"]
    assert {r.chat_id for r in edits} >= {TEAM_CHAT, LEADER}
    for edit in edits:
        [line] = [x for x in edit.payload["text"].splitlines() if x.startswith("问：")]
        assert line.startswith("问：是哪一间烤房？／答：大坪3号烤房，进门左手第二间")
        assert len(line) < 80  # clipped: the answer in full came as its own message
    out = await desk.press(MEMBER, f"tk:vis:{ticket_id}", chat=TEAM_CHAT)
    [pressed] = [r for r in out.replies if r.edit]
    assert "问：是哪一间烤房？／答：大坪3号烤房" in pressed.text


async def test_the_card_names_a_colleague_who_went_there_for_the_one_who_accepted(
    desk: Harness,
) -> None:
    ticket_id = await desk.file_110(FARMER)
    async with desk.db.uow() as uow:
        for user_id, name in ((MEMBER, "赵队员"), (OTHER_MEMBER, "孙队员")):
            user = await uow.users.get(user_id)
            assert user is not None
            user.name = name
        await uow.commit()
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)
    out = await desk.press(OTHER_MEMBER, f"tk:vis:{ticket_id}", chat=TEAM_CHAT)
    [pressed] = [r for r in out.replies if r.edit]
    lines = pressed.text.splitlines()
    [took] = [x for x in lines if x.startswith("接单：")]
    assert took.startswith("接单：赵队员 ")
    [went] = [x for x in lines if x.startswith("上门：")]
    assert went.endswith(" 孙队员")


async def test_the_card_names_nobody_again_when_the_one_who_accepted_went_there(
    desk: Harness,
) -> None:
    ticket_id = await desk.file_110(FARMER)
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)
    out = await desk.press(MEMBER, f"tk:vis:{ticket_id}", chat=TEAM_CHAT)
    [pressed] = [r for r in out.replies if r.edit]
    [went] = [x for x in pressed.text.splitlines() if x.startswith("上门：")]
    assert went.count(" ") == 1  # 上门：12-06 12:49, the date and the time only
