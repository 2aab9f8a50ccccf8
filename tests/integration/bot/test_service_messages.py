"""Telegram's service messages in a private chat (a message pinned, the auto-delete timer
set), through both frameworks: nobody said anything, so nothing is answered or changed."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from core.model import Conversation
from tests.support.desk import Harness
from tests.support.fake_bot_api import FakeBotApi
from tests.support.fake_bot_fixtures import ADAPTERS
from tests.support.tickets import FARMER


def _service(api: FakeBotApi, kind: str) -> dict[str, Any]:
    if kind == "pinned_message":
        # The farmer pins the bot's 110 confirmation, to find it again.
        pinned = {"message_id": 1, "date": 0, "chat": api.chat(FARMER), "from": api.bot_user,
                  "text": "🚨 已报警"}  # fmt: skip
        return api.push_message(FARMER, pinned_message=pinned)
    timer = {"message_auto_delete_time": 86400}
    return api.push_message(FARMER, message_auto_delete_timer_changed=timer)


async def _conversations(harness: Harness) -> list[tuple[str, str]]:
    async with harness.db.uow(read_only=True) as uow:
        assert uow.session is not None
        rows = (await uow.session.execute(select(Conversation))).scalars().all()
    return [(c.flow, c.step) for c in rows]


@pytest.mark.parametrize("adapter", ADAPTERS)
@pytest.mark.parametrize("kind", ["pinned_message", "message_auto_delete_timer_changed"])
async def test_a_service_message_in_a_private_chat_gets_no_reply(
    adapter: str, kind: str, harness: Harness, fake_bot_api: FakeBotApi
) -> None:
    api = fake_bot_api
    await harness.registered_as(FARMER, "farmer")
    async with ADAPTERS[adapter](harness, api) as feed:
        await feed(_service(api, kind))
    assert api.texts(FARMER) == []  # before: 内容是空的，请用文字描述一下。


@pytest.mark.parametrize("adapter", ADAPTERS)
@pytest.mark.parametrize("kind", ["pinned_message", "message_auto_delete_timer_changed"])
async def test_a_service_message_leaves_the_question_waiting_as_it_was(
    adapter: str, kind: str, harness: Harness, fake_bot_api: FakeBotApi
) -> None:
    api = fake_bot_api
    await harness.registered_as(FARMER, "farmer")
    await harness.send(FARMER, "/110")  # 请说明出了什么问题
    waiting = await _conversations(harness)
    async with ADAPTERS[adapter](harness, api) as feed:
        await feed(_service(api, kind))
    # Before: 请先用文字（或语音、照片）说明情况。, the question asked again.
    assert api.texts(FARMER) == []
    assert await _conversations(harness) == waiting == [("emergency", "what")]
    await harness.send(FARMER, "烤房停电了")
    assert len(await harness.tickets()) == 1


@pytest.mark.parametrize("adapter", ADAPTERS)
async def test_a_forwarded_story_is_no_service_message_and_is_answered(
    adapter: str, harness: Harness, fake_bot_api: FakeBotApi
) -> None:
    """Someone sent it: it is told, as a sticker is, what the desk reads instead."""
    api = fake_bot_api
    await harness.registered_as(FARMER, "farmer")
    story = {"chat": {"id": -100555, "type": "channel", "title": "烟草资讯"}, "id": 7}
    async with ADAPTERS[adapter](harness, api) as feed:
        await feed(api.push_message(FARMER, story=story))
    assert "暂不支持这种消息（转发的动态）" in "\n".join(api.texts(FARMER))
