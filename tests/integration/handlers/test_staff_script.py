"""What the desk sends a member of staff in a private chat comes in their script: a card
paged to a leader who chose 繁體, a supervisor's nudge, a notice. The team's chat reads 简体.
A card's edits stay in the script the card was sent in, whatever its reader chose since."""

from __future__ import annotations

import itertools

from bot.outbox import SimulatedClock
from bot.outbox.recorder import SentRecorder
from core.lifecycle import ACCEPT_PROMPT
from core.model import OutboxMessage
from tests.support.desk import Harness, texts
from tests.support.tickets import FARMER, LEADER, MEMBER, SUPERVISOR

TEAM_CHAT = -1001000000001  # curing-qingshan: no one on duty, so its leader is paged
_message_ids = itertools.count(7000)


async def _deliver(desk: Harness, purpose: str) -> dict[int, int]:
    """The sender delivers the waiting rows of `purpose`: {chat: message id}."""
    recorder = SentRecorder(desk.db.uow, SimulatedClock(desk.clock()))
    sent = {}
    for row in await desk.outbox():
        if row.status == "pending" and row.purpose == purpose:
            sent[row.chat_id] = next(_message_ids)
            await recorder.record(row, sent[row.chat_id])
    return sent


def _to(rows: list[OutboxMessage], chat_id: int, purpose: str) -> list[OutboxMessage]:
    return [r for r in rows if r.chat_id == chat_id and r.purpose == purpose]


def _labels(row: OutboxMessage) -> list[tuple[str, str]]:
    return [(b["text"], b["data"]) for line in row.payload.get("buttons", []) for b in line]


async def test_a_paged_leader_who_chose_traditional_gets_the_card_in_traditional(
    desk: Harness,
) -> None:
    await desk.press(LEADER, "lang:hant")
    ticket_id = await desk.file_110(FARMER)
    label = (await desk.tickets())[-1].label

    rows = await desk.outbox()
    [page] = _to(rows, LEADER, "card")
    [group] = _to(rows, TEAM_CHAT, "card")
    assert page.payload["text"].splitlines()[:2] == [
        f"🚨【緊急】工單 {label}｜110報警｜待接單",
        "內容：烤房溫度上不去",
    ]
    assert group.payload["text"].splitlines()[1] == "内容：烤房温度上不去"
    assert _labels(page) == [
        ("接單", f"tk:acc:{ticket_id}"),
        ("需補充", f"tk:ask:{ticket_id}"),
        ("轉派", f"tk:xfer:{ticket_id}"),
    ]
    assert _labels(group)[0] == ("接单", f"tk:acc:{ticket_id}")


async def test_a_cards_edits_stay_in_the_script_it_was_sent_in(desk: Harness) -> None:
    await desk.press(LEADER, "lang:hant")
    ticket_id = await desk.file_110(FARMER)
    sent = await _deliver(desk, "card")
    await desk.press(LEADER, "lang:hans")  # after the card came: it stays as it was sent

    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT, message_id=sent[TEAM_CHAT])

    [edit] = [r for r in _to(await desk.outbox(), LEADER, "card_edit") if r.status == "pending"]
    assert edit.payload["message_id"] == sent[LEADER]
    assert "接單：" in edit.payload["text"] and "已接單" in edit.payload["text"]
    assert _labels(edit)[0] == ("上門", f"tk:vis:{ticket_id}")
    # The leader presses on their own copy: the desk's edit of it is in 繁體 too.
    out = await desk.press(LEADER, f"tk:vis:{ticket_id}", message_id=sent[LEADER])
    [shown] = [r for r in out.replies if r.edit]
    assert "已上門" in shown.text
    assert shown.buttons[0][0].text == "需補充"


async def test_a_supervisors_nudge_reaches_a_paged_leader_in_their_script(desk: Harness) -> None:
    await desk.press(LEADER, "lang:hant")
    ticket_id = await desk.file_110(FARMER)

    out = await desk.press(SUPERVISOR, f"sv:remind:{ticket_id}")

    assert "已催办" in texts(out)  # the supervisor's own reply, in theirs
    rows = await desk.outbox()
    [nudge] = _to(rows, LEADER, ACCEPT_PROMPT)  # with its 接单
    assert nudge.payload["text"].startswith("⏰ 督辦提醒：工單")
    assert nudge.payload["buttons"][0][0]["text"] == "接單"
    [group] = _to(rows, TEAM_CHAT, ACCEPT_PROMPT)
    assert group.payload["text"].startswith("⏰ 督办提醒：工单")


async def test_a_card_sent_in_simplified_is_edited_in_simplified_after_choosing_traditional(
    desk: Harness,
) -> None:
    await desk.press(LEADER, "lang:hans")
    ticket_id = await desk.file_110(FARMER)
    sent = await _deliver(desk, "card")
    await desk.press(LEADER, "lang:hant")

    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT, message_id=sent[TEAM_CHAT])

    [edit] = [r for r in _to(await desk.outbox(), LEADER, "card_edit") if r.status == "pending"]
    assert "接单：" in edit.payload["text"] and "script" not in edit.payload
    assert _labels(edit)[0] == ("上门", f"tk:vis:{ticket_id}")


async def test_a_teams_group_is_answered_in_simplified_whoever_writes_in_traditional(
    desk: Harness,
) -> None:
    # A leader who writes 繁體 in the team's group: everyone in it reads the answer.
    for typed, said in (
        ("/duty", "值班："),
        ("/ledger 本週", "台账只对督办人员开放"),
        ("/queue", "没有未办结的工单"),
        ("/bindteam 無此隊", "没有 ID 为「無此隊」的服务队"),
    ):
        out = texts(await desk.send(LEADER, typed, chat=TEAM_CHAT, language_code="zh-hant"))
        assert said in out, (typed, out)
    # The same leader in their private chat is answered in theirs.
    mine = texts(await desk.send(LEADER, "/queue", language_code="zh-hant"))
    assert "沒有未辦結的工單" in mine
