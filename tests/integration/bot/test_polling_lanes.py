"""The polling loop handles different chats side by side and confirms only what it handled.

Both frameworks' loops (python-telegram-bot's and aiogram's) against the fake Bot API.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

import pytest
from aiogram import Bot as AiogramBot
from aiogram import Dispatcher
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.types import Message
from telegram import Update
from telegram.ext import ApplicationBuilder, ContextTypes, TypeHandler

from bot.aiogram_runner import api_server, poll_updates
from bot.ptb_runner import poll
from tests.support.fake_bot_api import TOKEN, FakeBotApi

ALICE, BOB = 1001, 1002
Handle = Callable[[str], Awaitable[None]]


@asynccontextmanager
async def _ptb(api: FakeBotApi, handle: Handle, stop: asyncio.Event) -> AsyncIterator[Any]:
    application = ApplicationBuilder().token(TOKEN).base_url(api.base_url).build()

    async def on_update(update: object, _: ContextTypes.DEFAULT_TYPE) -> None:
        assert isinstance(update, Update) and update.message is not None
        await handle(update.message.text or "")

    application.add_handler(TypeHandler(Update, on_update))
    await application.initialize()
    try:
        yield poll(application, stop)
    finally:
        await application.shutdown()


@asynccontextmanager
async def _aiogram(api: FakeBotApi, handle: Handle, stop: asyncio.Event) -> AsyncIterator[Any]:
    bot = AiogramBot(TOKEN, session=AiohttpSession(api=api_server(api.base_url)))
    dispatcher = Dispatcher()

    async def on_message(message: Message) -> None:
        await handle(message.text or "")

    dispatcher.message.register(on_message)
    try:
        yield poll_updates(dispatcher, bot, stop)
    finally:
        await bot.session.close()


FRAMEWORKS = {"python-telegram-bot": _ptb, "aiogram": _aiogram}
framework = pytest.mark.parametrize("framework", FRAMEWORKS)


async def _run(framework: str, api: FakeBotApi, handle: Handle, stop: asyncio.Event) -> None:
    async with FRAMEWORKS[framework](api, handle, stop) as polling:
        await asyncio.wait_for(polling, timeout=10)


@framework
async def test_a_slow_update_does_not_hold_up_another_chat(
    framework: str, fake_bot_api: FakeBotApi
) -> None:
    api, stop, handled = fake_bot_api, asyncio.Event(), []
    bob_done = asyncio.Event()

    async def handle(text: str) -> None:
        if text == "alice 1":
            await asyncio.wait_for(bob_done.wait(), timeout=5)  # Bob's turn comes first
        handled.append(text)
        if text == "bob 1":
            bob_done.set()
        if len(handled) == 3:
            stop.set()

    api.push_message(ALICE, "alice 1")
    api.push_message(BOB, "bob 1")
    api.push_message(ALICE, "alice 2")
    await _run(framework, api, handle, stop)
    assert handled == ["bob 1", "alice 1", "alice 2"]
    assert api.updates == []  # all three confirmed


@framework
async def test_stopping_mid_batch_confirms_only_up_to_the_first_unhandled(
    framework: str,
    fake_bot_api: FakeBotApi,
) -> None:
    api, stop, handled = fake_bot_api, asyncio.Event(), []

    async def handle(text: str) -> None:
        if text == "alice 1":
            await asyncio.wait_for(stop.wait(), timeout=5)
        handled.append(text)
        if text == "bob 1":
            stop.set()  # SIGTERM while Alice's first step is under way

    api.push_message(ALICE, "alice 1")
    api.push_message(BOB, "bob 1")
    left = api.push_message(ALICE, "alice 2")
    await _run(framework, api, handle, stop)
    assert handled == ["bob 1", "alice 1"]
    # Offset N confirms every update below N: "alice 2" comes again after the restart.
    assert [u["update_id"] for u in api.updates] == [left["update_id"]]


@framework
async def test_an_update_handled_after_the_first_unhandled_one_comes_again(
    framework: str,
    fake_bot_api: FakeBotApi,
) -> None:
    api, stop, handled = fake_bot_api, asyncio.Event(), []
    bob_done = asyncio.Event()

    async def handle(text: str) -> None:
        if text == "alice 1":
            await asyncio.wait_for(bob_done.wait(), timeout=5)
            stop.set()  # SIGTERM once Bob's update is handled: "alice 2" is never started
        handled.append(text)
        if text == "bob 1":
            bob_done.set()

    api.push_message(ALICE, "alice 1")
    alice_2 = api.push_message(ALICE, "alice 2")
    bob_1 = api.push_message(BOB, "bob 1")
    await _run(framework, api, handle, stop)
    assert handled == ["bob 1", "alice 1"]
    # Bob's update was handled, but it comes after the first unhandled one, so it is not
    # confirmed either: it comes again, and the inbox makes the repeat harmless.
    assert [u["update_id"] for u in api.updates] == [alice_2["update_id"], bob_1["update_id"]]


@framework
async def test_an_update_whose_handler_raises_is_confirmed_and_the_chat_goes_on(
    framework: str, fake_bot_api: FakeBotApi
) -> None:
    api, stop, handled = fake_bot_api, asyncio.Event(), []

    async def handle(text: str) -> None:
        if text == "alice 1":
            raise RuntimeError("a bug in a step")  # the desk saved nothing of it
        handled.append(text)
        stop.set()

    api.push_message(ALICE, "alice 1")
    api.push_message(ALICE, "alice 2")
    await _run(framework, api, handle, stop)
    assert handled == ["alice 2"]  # not stuck behind an update that would fail again
    assert api.updates == []
