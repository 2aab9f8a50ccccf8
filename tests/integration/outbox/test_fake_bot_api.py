"""The fake Bot API speaks Telegram's wire format to a real python-telegram-bot client."""

from __future__ import annotations

import asyncio
import time

import pytest
from telegram import (
    Bot,
    Contact,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Location,
    Message,
    Update,
)
from telegram.error import (
    BadRequest,
    Conflict,
    EndPointNotFound,
    Forbidden,
    InvalidToken,
    NetworkError,
)

from tests.support.fake_bot_api import FakeBotApi
from tests.support.fake_bot_fixtures import ptb_bot_for


async def test_pushed_user_actions_arrive_as_real_updates(
    fake_bot_api: FakeBotApi, ptb_bot: Bot
) -> None:
    api = fake_bot_api
    api.push_command(7, "start", "site-QS01")
    api.push_contact(7, "13800000000")
    api.push_location(7, 27.71, 106.92)
    api.push_photo(7, "AgAD-1", caption="烤房")
    api.push_voice(7, "AwAD-1")
    api.push_command(8, "bind", "team", chat_id=-1001000000001)
    sent = await ptb_bot.send_message(7, "请选择", reply_markup=_keys())
    api.push_callback(7, "accept:1", sent.message_id)

    updates = await ptb_bot.get_updates()
    start, contact, location, photo, voice, group = (_message(u) for u in updates[:6])
    assert start.text == "/start site-QS01" and start.entities[0].type == "bot_command"
    assert contact.contact == Contact("13800000000", "用户7", user_id=7)
    assert location.location == Location(106.92, 27.71)
    assert photo.photo[-1].file_id == "AgAD-1" and photo.caption == "烤房"
    assert voice.voice is not None and voice.voice.file_id == "AwAD-1"
    assert group.chat.type == "supergroup" and (group.text or "").startswith("/bind@")
    press = updates[6].callback_query
    assert press is not None and press.data == "accept:1"
    assert isinstance(press.message, Message) and press.message.reply_markup == _keys()
    assert await press.answer("已接单")
    assert api.calls_of("answerCallbackQuery")[0].params["text"] == "已接单"


async def test_get_updates_long_polls_and_offset_confirms(
    fake_bot_api: FakeBotApi, ptb_bot: Bot
) -> None:
    first = fake_bot_api.push_message(7, "一")
    assert [u.update_id for u in await ptb_bot.get_updates()] == [first["update_id"]]
    assert len(await ptb_bot.get_updates()) == 1  # not confirmed yet: delivered again

    async def later() -> None:
        await asyncio.sleep(0.1)
        fake_bot_api.push_message(7, "二")

    pusher = asyncio.create_task(later())
    began = time.monotonic()
    updates = await ptb_bot.get_updates(offset=first["update_id"] + 1, timeout=2)
    await pusher
    assert [_message(u).text for u in updates] == ["二"]
    assert time.monotonic() - began < 1.5  # answered on arrival, not at the timeout
    assert await ptb_bot.get_updates(offset=updates[0].update_id + 1, timeout=0) == ()


async def test_edits_answer_like_telegram(fake_bot_api: FakeBotApi, ptb_bot: Bot) -> None:
    sent = await ptb_bot.send_message(-1001, "卡片", reply_markup=_keys())
    with pytest.raises(BadRequest, match="not modified"):
        await ptb_bot.edit_message_text("卡片", chat_id=-1001, message_id=sent.message_id,
                                        reply_markup=_keys())  # fmt: skip
    edited = await ptb_bot.edit_message_reply_markup(-1001, sent.message_id, reply_markup=None)
    assert not isinstance(edited, bool) and edited.reply_markup is None
    with pytest.raises(BadRequest, match="not found"):
        await ptb_bot.edit_message_text("x", chat_id=-1001, message_id=999)


async def test_faults_by_chat_method_and_count(fake_bot_api: FakeBotApi, ptb_bot: Bot) -> None:
    api = fake_bot_api
    api.inject("forbidden", chat_id=5, times=2)
    api.inject("server_error", method="sendPhoto")
    for _ in range(2):
        with pytest.raises(Forbidden, match="blocked"):
            await ptb_bot.send_message(5, "x")
    assert (await ptb_bot.send_message(5, "y")).text == "y"
    with pytest.raises(NetworkError, match="Internal Server Error"):
        await ptb_bot.send_photo(6, "AgAD")
    assert (await ptb_bot.send_photo(6, "AgAD")).photo
    assert api.faults == []
    assert api.texts() == ["y"]


async def test_unknown_methods_and_wrong_tokens_are_refused(fake_bot_api: FakeBotApi) -> None:
    async with ptb_bot_for(fake_bot_api) as bot:
        with pytest.raises(EndPointNotFound):
            await bot.do_api_request("sendTelepathy")
        await bot.set_webhook("https://bot.example/hook", secret_token="s3cret")
        with pytest.raises(Conflict, match="webhook is active"):
            await bot.get_updates()
        assert await bot.delete_webhook()
        await bot.set_my_commands([("start", "开始"), ("help", "帮助")])
        assert [c.command for c in await bot.get_my_commands()] == ["start", "help"]
    stranger = Bot("42:wrong", base_url=fake_bot_api.base_url)
    with pytest.raises(InvalidToken):
        await stranger.get_me()


def _message(update: Update) -> Message:
    assert update.message is not None
    return update.message


def _keys() -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[InlineKeyboardButton("接单", callback_data="accept:1")]])
