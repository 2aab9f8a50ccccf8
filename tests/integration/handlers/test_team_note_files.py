"""A member's photo or voice note with the team's question, result or transfer reason is
kept on the ticket and shown to whom it is for (before: the caption became the note and the
photo itself was dropped, and a photo or sticker sent without words got no answer)."""

from __future__ import annotations

from typing import Any

import pytest

from handlers.incoming import Contact, Location
from tests.support.desk import Harness, texts
from tests.support.tickets import FARMER, LEADER, MEMBER

TEAM_CHAT, BAISHI_CHAT = -1001000000001, -1001000000002


async def _attachments(desk: Harness, ticket_id: int) -> list[tuple[str, str, int | None]]:
    async with desk.db.uow(read_only=True) as uow:
        kept = await uow.attachments.of_ticket(ticket_id)
    return [(a.kind, a.file_id, a.added_by) for a in kept]


async def _to(desk: Harness, chat: int, since: set[int | None]) -> list[tuple[str, str]]:
    return [
        (r.method, str(r.payload.get("file_id") or r.payload.get("text", "")))
        for r in await desk.outbox()
        if r.chat_id == chat and r.id not in since and r.method != "set_menu"
    ]


async def _at_the_result_prompt(
    desk: Harness, who: int = MEMBER, chat: int = TEAM_CHAT
) -> tuple[int, set[int | None]]:
    """A farmer's 110 call taken by `who` and 办结 pressed in `chat`: the call's id, and the
    outbox rows there were then."""
    ticket_id = await desk.file_110(FARMER)
    await desk.press(who, f"tk:acc:{ticket_id}", chat=chat)
    await desk.press(who, f"tk:res:{ticket_id}", chat=chat)
    return ticket_id, {r.id for r in await desk.outbox()}


async def test_a_result_with_a_captioned_photo_reaches_the_farmer_with_the_photo(
    desk: Harness,
) -> None:
    ticket_id, before = await _at_the_result_prompt(desk)
    out = await desk.send(MEMBER, "换了风机电容", chat=TEAM_CHAT, photo_file_id="fixed-fan")
    assert "已办结" in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.status.value == "resolved"
    assert await _attachments(desk, ticket_id) == [("photo", "fixed-fan", MEMBER)]
    sent = await _to(desk, FARMER, before)
    assert sent[0] == ("send_photo", "fixed-fan")  # the photo, then the result to confirm
    assert sent[1][0] == "send_message" and "换了风机电容" in sent[1][1]


async def test_a_photo_without_words_is_kept_until_the_words_come(desk: Harness) -> None:
    ticket_id = await desk.file_110(FARMER)
    await desk.press(MEMBER, f"tk:acc:{ticket_id}", chat=TEAM_CHAT)
    await desk.press(MEMBER, f"tk:ask:{ticket_id}", chat=TEAM_CHAT)
    before = {r.id for r in await desk.outbox()}
    out = await desk.send(MEMBER, "", chat=TEAM_CHAT, photo_file_id="which-fan")
    assert "已收到" in texts(out) and "说明文字" in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.status.value == "accepted"  # nothing asked yet
    assert await _to(desk, FARMER, before) == []
    await desk.send(MEMBER, "", chat=TEAM_CHAT, voice_file_id="listen")
    await desk.send(MEMBER, "是照片里这种风机吗？", chat=TEAM_CHAT)
    assert await _attachments(desk, ticket_id) == [
        ("photo", "which-fan", MEMBER),
        ("voice", "listen", MEMBER),
    ]
    sent = await _to(desk, FARMER, before)
    assert [method for method, _ in sent] == ["send_photo", "send_voice", "send_message"]
    assert "是照片里这种风机吗" in sent[2][1]


async def test_a_transfer_reason_s_photo_goes_with_the_new_card(desk: Harness) -> None:
    ticket_id = await desk.file_110(FARMER)
    await desk.press(MEMBER, f"tk:xfer:{ticket_id}", chat=TEAM_CHAT)
    await desk.press(MEMBER, f"tk:xto:{ticket_id}:curing-baishi", chat=TEAM_CHAT)
    before = {r.id for r in await desk.outbox()}
    await desk.send(MEMBER, "烤房在白石乡", chat=TEAM_CHAT, photo_file_id="map")
    sent = await _to(desk, BAISHI_CHAT, before)
    assert ("send_photo", "map") in sent
    assert not [r for r in await _to(desk, FARMER, before) if r[0] == "send_photo"]


async def test_a_sticker_in_the_note_step_is_answered_and_changes_nothing(desk: Harness) -> None:
    _, before = await _at_the_result_prompt(desk)
    out = await desk.send(MEMBER, "", chat=TEAM_CHAT, unsupported="sticker")
    assert "请直接输入说明文字" in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.status.value == "accepted"
    assert [r for r in await desk.outbox() if r.id not in before] == []


async def test_a_result_captioned_on_a_video_says_the_video_does_not_go_with_it(
    desk: Harness,
) -> None:
    _, before = await _at_the_result_prompt(desk)
    out = await desk.send(MEMBER, "换了风机电容", chat=TEAM_CHAT, unsupported="video")
    # Before: 已办结 alone, the video dropped without a word.
    assert "暂不支持这种消息（视频），它本身不会保存" in texts(out)
    assert "已办结" in texts(out)
    sent = await _to(desk, FARMER, before)
    assert [method for method, _ in sent] == ["send_message"]
    assert "换了风机电容" in sent[0][1]


@pytest.mark.parametrize(
    ("sent", "said"),
    [
        ({"unsupported": "video"}, "暂不支持这种消息（视频），它不会记入工单"),
        ({"contact": Contact(phone="13800000000", user_id=None)}, "名片不会记入工单；要留电话"),
        ({"location": Location(lat=26.5, lon=106.7)}, "位置不会记入工单；要说明地点"),
    ],
    ids=["video", "contact", "location"],
)
@pytest.mark.parametrize(
    ("who", "chat"), [(MEMBER, TEAM_CHAT), (LEADER, LEADER)], ids=["team-chat", "own-chat"]
)
async def test_what_a_note_cannot_carry_is_said_not_to_be_kept_and_changes_nothing(
    desk: Harness, sent: dict[str, Any], said: str, who: int, chat: int
) -> None:
    _, before = await _at_the_result_prompt(desk, who, chat)
    out = await desk.send(who, "", chat=chat, **sent)
    # Before, in the team chat: a video got 请直接输入说明文字 alone, a shared contact nothing
    # at all; in a leader's own chat (a page): 请发文字、照片、语音或位置, 只能共享您本人的手机号.
    assert said in texts(out) and "请直接输入说明文字" in texts(out)
    [ticket] = await desk.tickets()
    assert ticket.status.value == "accepted"
    assert [r for r in await desk.outbox() if r.id not in before] == []
    out = await desk.send(who, "换了风机电容", chat=chat)
    assert "已办结" in texts(out)  # the prompt still waited for the words
