"""Start-up against a Bot API that hiccups: one 500 from getMe or deleteWebhook while the bot
starts must not stop it (Telegram answers 500/502 now and then; systemd would restart a
bot that exits, but a bot under no supervisor stays down)."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Literal

import pytest

from storage.uow import Database
from tests.e2e.botproc import BotProcess, Webhook
from tests.e2e.scenarios import Driver
from tests.support.fake_bot_api import FakeBotApi


async def _answers(api: FakeBotApi, bot: BotProcess, user: int) -> None:
    """The running bot answers `user`'s /my (a Bot API error did not stop it)."""
    db = Database(str(bot.database_url))
    try:
        await Driver(api, db, within=20).say(user, "/my")
    finally:
        await db.dispose()


@pytest.mark.parametrize("framework", ["ptb", "aiogram"])
@pytest.mark.parametrize("method", ["getMe", "deleteWebhook"])
async def test_a_bot_api_error_at_start_up_does_not_stop_the_bot(
    method: str, framework: Literal["ptb", "aiogram"], tmp_path: Path
) -> None:
    async with FakeBotApi() as api:
        api.inject("server_error", method=method, times=1)
        bot = BotProcess(api, tmp_path, framework=framework)
        try:
            await bot.start()  # raises if the process exits instead of polling
            await _answers(api, bot, 150001)
        finally:
            await bot.stop()


@pytest.mark.parametrize("framework", ["ptb", "aiogram"])
async def test_a_bot_api_error_while_setting_the_webhook_does_not_stop_the_bot(
    framework: Literal["ptb", "aiogram"], tmp_path: Path
) -> None:
    async with FakeBotApi() as api:
        api.inject("server_error", method="setWebhook", times=1)
        bot = BotProcess(api, tmp_path, framework=framework, webhook=Webhook())
        try:
            await bot.start()  # raises if the process exits instead of setting its webhook
            assert [c.status for c in api.calls_of("setWebhook")] == [500, 200]
            await _answers(api, bot, 150002)
        finally:
            await bot.stop()


@pytest.mark.parametrize("framework", ["ptb", "aiogram"])
async def test_each_kind_of_person_gets_its_own_command_menu_and_a_refusal_stops_nothing(
    framework: Literal["ptb", "aiogram"], tmp_path: Path
) -> None:
    supervisor, admin = 300001, 300002  # config/demo.yaml
    async with FakeBotApi() as api:
        api.inject("server_error", method="setMyCommands", times=1)  # the first, tried again
        api.inject("bad_request", method="setMyCommands", chat_id=admin)  # chat not found
        bot = BotProcess(api, tmp_path, framework=framework)
        try:
            await bot.start()
            await api.wait_for(
                lambda c: c.method == "setMyCommands" and c.answered, count=5, within=30
            )
            everyone, groups = api.menu(), api.menu({"type": "all_group_chats"})
            theirs = api.menu({"type": "chat", "chat_id": supervisor})
            assert "110" in everyone and "queue" not in everyone and "reassign" not in everyone
            assert "queue" in groups and "stats" not in groups
            assert {"queue", "reassign", "stats", "ledger", "110"} <= set(theirs)
            assert api.menu({"type": "chat", "chat_id": admin}) == []  # refused, logged
            await _answers(api, bot, 150003)  # the bot carries on
        finally:
            await bot.stop()


@pytest.mark.parametrize("framework", ["ptb", "aiogram"])
async def test_a_webhook_without_a_secret_token_is_warned_about(
    framework: Literal["ptb", "aiogram"], tmp_path: Path
) -> None:
    """It still serves (before: only aiogram said that anyone could post updates)."""
    async with FakeBotApi() as api:
        bot = BotProcess(api, tmp_path, framework=framework, webhook=Webhook(secret=None))
        try:
            await bot.start()
            await bot.wait_for_log("JINYE_WEBHOOK_SECRET is not set", within=5)
            await _answers(api, bot, 150004)
        finally:
            await bot.stop()


@pytest.mark.parametrize("framework", ["ptb", "aiogram"])
async def test_a_refused_token_is_said_in_one_line_without_the_token(
    framework: Literal["ptb", "aiogram"], tmp_path: Path
) -> None:
    """Before: a traceback that quoted the rejected token, into the same logs as the rest."""
    wrong = "123456789:AAwrong-secret-half-of-the-token"
    async with FakeBotApi() as api:
        bot = BotProcess(api, tmp_path, framework=framework, extra_env={"JINYE_BOT_TOKEN": wrong})
        await bot.start(wait=False)
        assert bot.proc is not None
        assert await asyncio.wait_for(bot.proc.wait(), timeout=60) == 1
    log = bot.log_path.read_text()
    assert "Telegram refused the bot token" in log
    assert "wrong-secret-half" not in log and "Traceback" not in log
