"""Command menus at start-up when Telegram refuses some: each framework's setter waits out
what waiting mends and gives up on a refusal, so the other menus are still set."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import pytest
from aiogram import Bot as AiogramBot
from aiogram.client.session.aiohttp import AiohttpSession

from bot import aiogram_runner, ptb_adapter
from bot.aiogram_runner import api_server
from bot.command_menu import SetMenu, publish_menus
from core.config import Config
from storage.uow import Database
from tests.support.fake_bot_api import TOKEN, FakeBotApi
from tests.support.fake_bot_fixtures import ptb_bot_for


@asynccontextmanager
async def _setter(framework: str, api: FakeBotApi) -> AsyncIterator[SetMenu]:
    if framework == "aiogram":
        bot = AiogramBot(TOKEN, session=AiohttpSession(api=api_server(api.base_url)))
        try:
            yield aiogram_runner.menu_setter(bot)
        finally:
            await bot.session.close()
    else:
        async with ptb_bot_for(api) as ptb_bot:
            yield ptb_adapter.menu_setter(ptb_bot)


@pytest.mark.parametrize("framework", ["python-telegram-bot", "aiogram"])
async def test_a_menu_telegram_refuses_is_skipped_and_the_others_are_set(
    framework: str, db: Database, demo_config: Config, fake_bot_api: FakeBotApi
) -> None:
    api = fake_bot_api
    [supervisor], [admin] = demo_config.supervisors, demo_config.admins
    api.block(supervisor)  # 403 for their chat's menu, however often it is asked
    api.inject("bad_request", method="setMyCommands", chat_id=admin)  # chat not found
    async with _setter(framework, api) as set_menu:
        done = await asyncio.wait_for(publish_menus(db, demo_config, set_menu), timeout=10)
    assert done == 2  # the requesters' and the groups' menus
    assert api.menu() and api.menu({"type": "all_group_chats"})
    # Each refusal was asked once: retrying a 403 or a 400 cannot mend it.
    refused = [c for c in api.calls_of("setMyCommands") if not c.ok]
    assert len(refused) == 2
