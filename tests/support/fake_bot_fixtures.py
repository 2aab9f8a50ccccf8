"""Pytest fixtures around the fake Bot API server.

Use them from a test module or a conftest with
``from tests.support.fake_bot_fixtures import fake_bot_api, ptb_bot  # noqa: F401``
(``aiogram_fake_bot`` for an aiogram `Bot` on the same server).
"""

from __future__ import annotations

import random
from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiogram import Bot as AiogramBot
from aiogram.client.session.aiohttp import AiohttpSession
from telegram import Bot
from telegram.request import HTTPXRequest

from bot.aiogram_adapter import api_server
from bot.outbox import OutboxSender, PtbTransport, RateLimiter, SenderSettings, SimulatedClock
from core.config import Config
from storage.uow import Database
from tests.support.fake_bot_api import TOKEN, FakeBotApi

# A short read timeout: a fault test that drops or delays a reply should fail over in a blink.
REQUEST_TIMEOUT = 0.5
# Connecting, writing and waiting for a pooled connection get no fault injected, so they get
# room: on a busy CI machine the event loop can stall past half a second, and a short connect
# timeout then fails a test before its first request reaches the fake server.
SETUP_TIMEOUT = 10.0


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


def ptb_bot_for(api: FakeBotApi, timeout: float = REQUEST_TIMEOUT) -> Bot:
    """A python-telegram-bot `Bot` talking to `api` (call `initialize()` before use)."""
    request = HTTPXRequest(
        connection_pool_size=16,
        read_timeout=timeout,
        write_timeout=max(timeout, SETUP_TIMEOUT),
        connect_timeout=max(timeout, SETUP_TIMEOUT),
        pool_timeout=max(timeout, SETUP_TIMEOUT),
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
