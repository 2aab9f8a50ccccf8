"""A team's forum topic deleted or closed: its messages go to the group's General topic
instead of being lost, and a deleted topic is taken off the teams bound to it."""

from __future__ import annotations

import pytest

from core.model import ChatPlace, TeamChat
from tests.integration.outbox.conftest import Rig, message
from tests.support.tickets import T0

FORUM, TOPIC = -1005550000001, 11


async def _bind(rig: Rig, team_id: str, thread_id: int | None) -> None:
    async with rig.db.uow() as uow:
        await uow.team_chats.bind(TeamChat(team_id, FORUM, 200002, T0, thread_id))
        await uow.commit()


async def _place(rig: Rig, team_id: str) -> ChatPlace | None:
    async with rig.db.uow(read_only=True) as uow:
        bound = await uow.team_chats.get(team_id)
    return None if bound is None else bound.place


@pytest.mark.parametrize(
    ("refusal", "kept"),
    [
        ("Bad Request: message thread not found", False),
        ("Bad Request: TOPIC_DELETED", False),
        ("Bad Request: TOPIC_CLOSED", True),
    ],
)
async def test_a_card_for_a_gone_topic_goes_to_general(rig: Rig, refusal: str, kept: bool) -> None:
    await _bind(rig, "curing-qingshan", TOPIC)
    await _bind(rig, "curing-baishi", 22)  # another topic of the same forum: untouched
    rig.api.inject("bad_request", chat_id=FORUM, description=refusal)
    [row_id] = await rig.queue(message(FORUM, "🚨 新工单", payload={"thread_id": TOPIC}))

    await rig.sender.drain_all()

    calls = rig.api.calls_of("sendMessage")
    assert [(c.status, c.params.get("message_thread_id")) for c in calls] == [
        (400, TOPIC),
        (200, None),
    ]
    row = await rig.row(row_id)
    assert row.status == "sent" and "thread_id" not in row.payload
    after = ChatPlace(FORUM, TOPIC) if kept else ChatPlace(FORUM)
    assert await _place(rig, "curing-qingshan") == after
    assert await _place(rig, "curing-baishi") == ChatPlace(FORUM, 22)


async def test_a_photo_for_a_gone_topic_goes_to_general(rig: Rig) -> None:
    rig.api.inject(
        "bad_request", chat_id=FORUM, description="Bad Request: message thread not found"
    )
    photo = message(FORUM, payload={"file_id": "barn", "caption": "工单 A1", "thread_id": TOPIC})
    photo.method = "send_photo"
    [row_id] = await rig.queue(photo)
    await rig.sender.drain_all()
    calls = rig.api.calls_of("sendPhoto")
    assert [(c.status, c.params.get("message_thread_id")) for c in calls] == [
        (400, TOPIC),
        (200, None),
    ]
    assert (await rig.row(row_id)).status == "sent"


async def test_another_bad_request_for_a_topic_is_not_sent_again(rig: Rig) -> None:
    rig.api.inject("bad_request", chat_id=FORUM)  # chat not found
    [row_id] = await rig.queue(message(FORUM, "通知", payload={"thread_id": TOPIC}))
    await rig.sender.drain_all()
    assert len(rig.api.calls_of("sendMessage")) == 1
    assert (await rig.row(row_id)).status == "dead"
