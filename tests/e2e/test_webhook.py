"""The real `jinye110 run` in webhook mode: it registers its HTTPS URL with the secret token,
listens on the loopback, refuses requests without the right secret, and an update
delivered twice or out of order changes nothing twice.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio

from core.config import Config
from tests.e2e.botproc import BotProcess, Webhook
from tests.e2e.campaign import wait_drained
from tests.e2e.conftest import World, open_world
from tests.e2e.scenarios import TEAM_CHAT
from tests.support.fake_bot_api import FakeBotApi
from tests.support.telegram_scripts import snapshot

pytestmark = pytest.mark.asyncio(loop_scope="module")
FARMER, OTHER_FARMER, BYSTANDER = 140001, 140002, 140003


@pytest_asyncio.fixture(
    scope="module",
    loop_scope="module",
    params=["ptb", pytest.param("aiogram", marks=pytest.mark.slow)],
)
async def world(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, e2e_config: Config
) -> AsyncIterator[World]:
    def make(api: FakeBotApi, workdir: Path) -> BotProcess:
        return BotProcess(api, workdir, framework=request.param, webhook=Webhook())

    async with open_world(tmp_path_factory.mktemp("webhook"), e2e_config, make) as opened:
        yield opened
        assert opened.bot.errors() == [], "unexpected errors in the bot's log"


def _hook(world: World) -> Webhook:
    assert world.bot.webhook is not None
    return world.bot.webhook


async def test_the_webhook_is_registered_with_its_secret(world: World) -> None:
    [call] = world.api.calls_of("setWebhook")
    assert call.params["url"] == _hook(world).public_url
    assert call.params["secret_token"] == _hook(world).secret
    assert world.api.calls_of("getUpdates") == []


async def test_requests_without_the_right_secret_are_refused(world: World) -> None:
    api, d = world.api, world.driver()
    bad = _raw_command(api, BYSTANDER, "/110")
    statuses = [
        await api.post_update(_hook(world).local_url, bad, secret=None),
        await api.post_update(_hook(world).local_url, bad, secret="not-the-secret"),
    ]
    assert all(status in (401, 403) for status in statuses), statuses
    await d.say(BYSTANDER, "/my")  # delivered by the fake with the secret: handled
    assert not await d.processed(f"tg:{bad['update_id']}")  # (updates go one at a time)


def _raw_command(api: FakeBotApi, user: int, words: str) -> dict[str, Any]:
    """An update that is not queued at the fake server (posted by hand)."""
    sent = api.push_command(user, words.lstrip("/"))
    api.updates.remove(sent)
    return sent


async def test_updates_twice_and_out_of_order_change_nothing_twice(world: World) -> None:
    api, d = world.api, world.driver(button_within=10.0)
    script = [
        await d.say(FARMER, "/110"),
        await d.say(FARMER, "烤房温度降不下来，烟叶要烤坏了"),
        await d.press(FARMER, "f:site:QS01"),
    ]
    ticket = await d.ticket_of(FARMER)
    await api.wait_for(
        lambda c: c.ok and c.chat_id == TEAM_CHAT and f"tk:acc:{ticket}" in str(c.params),
        within=10,
    )
    # Everything the call set going is out (the steps' replies, the duty member's page, the
    # farmer's news), so that a message still on its way is not taken for one the replays
    # caused.
    await api.wait_delivered()
    await wait_drained(world.db, within=10)
    before, replies = await snapshot(world.db), len(api.sent_to(FARMER))

    again = [script[2], script[0], script[1], script[0], script[2]]
    statuses = await asyncio.gather(
        *(api.post_update(_hook(world).local_url, u, secret=_hook(world).secret) for u in again)
    )
    assert set(statuses) == {200}
    await d.say(OTHER_FARMER, "/my")  # handled after the replays
    await wait_drained(world.db, within=10)

    after = await snapshot(world.db)
    for table in ("tickets", "ticket_events", "attachments", "conversations", "outbox"):
        assert after[table] == before[table], table
    assert len(api.sent_to(FARMER)) == replies, [(c.method, c.text) for c in api.sent_to(FARMER)]
