"""A team whose group has topics (a forum): the bot's answer to a command typed in a topic
goes to that topic on both frameworks, also when Telegram refused it at first and the
outbox sends it later (before: to the group's General topic, where nobody was looking)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from aiogram import Bot as AiogramBot
from aiogram.types import Update as AiogramUpdate
from telegram import Bot as PtbBot
from telegram import Update as PtbUpdate

from bot import aiogram_adapter, ptb_adapter
from bot.deferred_replies import Unshown, outbox_rows
from bot.outbox import PtbTransport
from bot.outbox.render import send_calls
from handlers.replies import Button, Outcome, Reply
from tests.support.fake_bot_api import FakeBotApi
from tests.support.fake_bot_fixtures import aiogram_fake_bot, fake_bot_api, ptb_bot  # noqa: F401
from tests.support.telegram_scripts import say
from tests.support.tickets import MEMBER

TEAM_CHAT, TOPIC = -1001000000001, 77
NOW = datetime(2026, 11, 18, 1, 0, tzinfo=UTC)
QUEUE = Outcome([Reply("本队未办结 2 件", buttons=((Button("查看", "q:1"),),)), Reply("完")])


def in_topic(update: dict[str, Any], topic: int | None = TOPIC) -> dict[str, Any]:
    if topic is not None:
        update["message"] |= {"message_thread_id": topic, "is_topic_message": True}
    return update


def _threads(api: FakeBotApi) -> list[Any]:
    return [c.params.get("message_thread_id") for c in api.calls_of("sendMessage")]


@pytest.mark.parametrize("topic", [TOPIC, None])
async def test_python_telegram_bot_answers_in_the_topic_asked_in(
    fake_bot_api: FakeBotApi,  # noqa: F811
    ptb_bot: PtbBot,  # noqa: F811
    topic: int | None,
) -> None:
    update = in_topic(say(1, MEMBER, "/queue", chat=TEAM_CHAT), topic)
    await ptb_adapter.render(PtbUpdate.de_json(update, ptb_bot), QUEUE)
    assert _threads(fake_bot_api) == [topic, topic]


@pytest.mark.parametrize("topic", [TOPIC, None])
async def test_aiogram_answers_in_the_topic_asked_in(
    fake_bot_api: FakeBotApi,  # noqa: F811
    aiogram_fake_bot: AiogramBot,  # noqa: F811
    topic: int | None,
) -> None:
    update = in_topic(say(1, MEMBER, "/queue", chat=TEAM_CHAT), topic)
    parsed = AiogramUpdate.model_validate(update, context={"bot": aiogram_fake_bot})
    await aiogram_adapter.render(aiogram_fake_bot, parsed, QUEUE)
    assert _threads(fake_bot_api) == [topic, topic]


async def test_a_reply_sent_later_still_goes_to_its_topic(
    fake_bot_api: FakeBotApi,  # noqa: F811
    ptb_bot: PtbBot,  # noqa: F811
) -> None:
    fake_bot_api.inject("server_error", method="sendMessage", times=1)
    update = in_topic(say(1, MEMBER, "/queue", chat=TEAM_CHAT))
    with pytest.raises(Unshown) as caught:
        await ptb_adapter.render(PtbUpdate.de_json(update, ptb_bot), QUEUE)
    assert caught.value.thread_id == TOPIC and caught.value.transient
    rows, _ = outbox_rows(caught.value, NOW, NOW)
    transport = PtbTransport(ptb_bot)
    for row in rows:
        for call in send_calls(row):
            await call(transport)
    sent = [c for c in fake_bot_api.calls_of("sendMessage") if c.status == 200]
    assert [(c.text, c.params.get("message_thread_id")) for c in sent] == [
        ("本队未办结 2 件", TOPIC),
        ("完", TOPIC),
    ]


@pytest.mark.parametrize("topic", [TOPIC, None])
def test_both_frameworks_tell_the_desk_the_topic_a_message_is_in(
    ptb_bot: PtbBot,  # noqa: F811
    aiogram_fake_bot: AiogramBot,  # noqa: F811
    topic: int | None,
) -> None:
    update = in_topic(say(1, MEMBER, "/queue", chat=TEAM_CHAT), topic)
    from_ptb = ptb_adapter.to_incoming(PtbUpdate.de_json(update, ptb_bot))
    parsed = AiogramUpdate.model_validate(update, context={"bot": aiogram_fake_bot})
    from_aiogram = aiogram_adapter.to_incoming(parsed)
    assert from_ptb is not None and from_aiogram is not None
    assert from_ptb.topic == from_aiogram.topic == topic


def test_a_reply_chain_in_a_group_without_topics_is_no_topic(
    ptb_bot: PtbBot,  # noqa: F811
    aiogram_fake_bot: AiogramBot,  # noqa: F811
) -> None:
    update = say(1, MEMBER, "/queue", chat=TEAM_CHAT)
    update["message"]["message_thread_id"] = 5  # a reply thread: no is_topic_message
    from_ptb = ptb_adapter.to_incoming(PtbUpdate.de_json(update, ptb_bot))
    parsed = AiogramUpdate.model_validate(update, context={"bot": aiogram_fake_bot})
    from_aiogram = aiogram_adapter.to_incoming(parsed)
    assert from_ptb is not None and from_aiogram is not None
    assert from_ptb.topic is None and from_aiogram.topic is None
