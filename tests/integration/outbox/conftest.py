"""Fixtures for outbox sender tests against the fake Bot API server through PtbTransport."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select
from telegram import Bot

from bot.outbox import (
    OutboxSender,
    SimulatedClock,
)
from core.config import Config
from core.model import OutboxMessage
from storage.tables import outbox
from storage.uow import Database
from tests.support.fake_bot_api import FakeBotApi
from tests.support.fake_bot_fixtures import fake_bot_api, make_sender, ptb_bot  # noqa: F401
from tests.support.tickets import T0


@dataclass
class Rig:
    """A sender wired to the fake server, on a simulated clock starting at T0."""

    db: Database
    cfg: Config
    api: FakeBotApi
    bot: Bot
    clock: SimulatedClock
    sender: OutboxSender

    async def queue(self, *rows: OutboxMessage) -> list[int]:
        async with self.db.uow() as uow:
            for row in rows:
                await uow.outbox.add(row)
            await uow.commit()
        return [row.id or 0 for row in rows]

    async def rows(self) -> list[OutboxMessage]:
        async with self.db.uow(read_only=True) as uow:
            assert uow.session is not None
            query = select(OutboxMessage).order_by(outbox.c.id)
            return list((await uow.session.execute(query)).scalars().all())

    async def row(self, row_id: int) -> OutboxMessage:
        return next(r for r in await self.rows() if r.id == row_id)

    def new_sender(self, **settings: Any) -> OutboxSender:
        return make_sender(self.db, self.cfg, self.bot, self.clock, **settings)


def message(chat_id: int, text: str = "通知", *, at: datetime = T0, **fields: Any) -> OutboxMessage:
    """A send_message row due at `at`."""
    payload = {"text": text, **fields.pop("payload", {})}
    return OutboxMessage(chat_id, "send_message", payload, at, at, **fields)


@pytest.fixture
async def rig(
    db: Database,
    demo_config: Config,
    fake_bot_api: FakeBotApi,  # noqa: F811
    ptb_bot: Bot,  # noqa: F811
) -> Rig:
    clock = SimulatedClock(T0)
    # The server stamps calls with the simulated time, so tests can check spacing.
    fake_bot_api.clock = clock.monotonic
    sender = make_sender(db, demo_config, ptb_bot, clock)
    return Rig(db, demo_config, fake_bot_api, ptb_bot, clock, sender)


def seconds(delta: timedelta) -> float:
    return delta.total_seconds()
