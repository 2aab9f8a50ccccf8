"""Pytest fixtures around the fake Bot API server.

Use them from a test module or a conftest with
``from tests.support.fake_bot_fixtures import fake_bot_api, ptb_bot  # noqa: F401``
(``aiogram_fake_bot`` for an aiogram `Bot` on the same server).
"""

from __future__ import annotations

import random
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Any

import pytest
from aiogram import Bot as AiogramBot
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.types import Update as AiogramUpdate
from telegram import Bot, Update
from telegram.request import HTTPXRequest

from bot.aiogram_runner import api_server, build_dispatcher
from bot.outbox import OutboxSender, PtbTransport, RateLimiter, SenderSettings, SimulatedClock
from bot.ptb_adapter import build_application
from core.config import Config
from storage.uow import Database
from tests.support.desk import Harness
from tests.support.fake_bot_api import TOKEN, FakeBotApi
from tests.support.telegram_scripts import adapter_app

# Room for a busy CI machine, whose event loop can stall past half a second: a read timed
# out there is retried, so a message the fake server did take would be sent twice and a test
# counting sends would fail for the machine's sake, not the bot's.
REQUEST_TIMEOUT = 10.0
# For a test of a slow Telegram: a delayed reply should time out in a blink.
SHORT_READ_TIMEOUT = 0.5


@pytest.fixture
async def fake_bot_api() -> AsyncIterator[FakeBotApi]:
    """A running fake Bot API on 127.0.0.1 with an ephemeral port."""
    async with FakeBotApi() as api:
        yield api


def make_sender(
    db: Database, cfg: Config, bot: Bot, clock: SimulatedClock, **settings: Any
) -> OutboxSender:
    """An outbox sender that sends through `bot`, on a simulated clock, with fixed jitter."""
    return OutboxSender(
        db,
        cfg,
        PtbTransport(bot),
        clock=clock,
        rate_limiter=RateLimiter(clock),
        settings=SenderSettings(**settings),
        rng=random.Random(7),
    )


async def deliver_all(desk: Harness, api: FakeBotApi) -> None:
    """A sender started afresh, as after a restart, sends what `desk`'s outbox holds to
    `api`, on the desk's clock."""
    bot = ptb_bot_for(api)
    async with bot:
        sender = make_sender(desk.db, desk.cfg, bot, SimulatedClock(desk.clock()))
        await sender.drain_all(max_seconds=600)


def ptb_bot_for(api: FakeBotApi, timeout: float = REQUEST_TIMEOUT) -> Bot:
    """A python-telegram-bot `Bot` talking to `api` (call `initialize()` before use)."""
    request = HTTPXRequest(
        connection_pool_size=16,
        read_timeout=timeout,
        # Connecting, writing and waiting for a pooled connection get no fault injected.
        write_timeout=REQUEST_TIMEOUT,
        connect_timeout=REQUEST_TIMEOUT,
        pool_timeout=REQUEST_TIMEOUT,
    )
    return Bot(TOKEN, base_url=api.base_url, request=request)


@pytest.fixture
async def ptb_bot(fake_bot_api: FakeBotApi) -> AsyncIterator[Bot]:
    """An initialised PTB `Bot` pointed at the fake server."""
    bot = ptb_bot_for(fake_bot_api)
    async with bot:
        yield bot


@pytest.fixture
async def aiogram_fake_bot(fake_bot_api: FakeBotApi) -> AsyncIterator[AiogramBot]:
    """An aiogram `Bot` pointed at the fake server, as `jinye110 run` points it."""
    session = AiohttpSession(api=api_server(fake_bot_api.base_url))
    yield AiogramBot(TOKEN, session=session)
    await session.close()


# Hands one raw update (as FakeBotApi.push_* returns it) to an adapter; returns once handled.
Feed = Callable[[dict[str, Any]], Awaitable[None]]


@asynccontextmanager
async def ptb_feed(harness: Harness, api: FakeBotApi) -> AsyncIterator[Feed]:
    """The python-telegram-bot adapter around the harness's desk, replying through `api`."""
    application = build_application(
        adapter_app(harness, harness.cfg), token=TOKEN, base_url=api.base_url
    )
    await application.initialize()

    async def feed(update: dict[str, Any]) -> None:
        await application.process_update(Update.de_json(update, application.bot))

    try:
        yield feed
    finally:
        await application.shutdown()


@asynccontextmanager
async def aiogram_feed(harness: Harness, api: FakeBotApi) -> AsyncIterator[Feed]:
    """The aiogram adapter around the harness's desk, replying through `api`."""
    bot = AiogramBot(TOKEN, session=AiohttpSession(api=api_server(api.base_url)))
    dispatcher = build_dispatcher(adapter_app(harness, harness.cfg))

    async def feed(update: dict[str, Any]) -> None:
        parsed = AiogramUpdate.model_validate(update, context={"bot": bot})
        await dispatcher.feed_update(bot, parsed)

    try:
        yield feed
    finally:
        await bot.session.close()


ADAPTERS: dict[str, Callable[[Harness, FakeBotApi], AbstractAsyncContextManager[Feed]]] = {
    "python-telegram-bot": ptb_feed,
    "aiogram": aiogram_feed,
}
