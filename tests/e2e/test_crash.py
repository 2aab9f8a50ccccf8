"""SIGKILL and restart the real bot: nothing lost, nothing done twice, chasing resumes.

The full campaign (50 runs per framework) is slow; `python -m tests.e2e.campaign --runs 50`
or `pytest -m slow tests/e2e/test_crash.py` runs it (see docs/testing.md). The default run
keeps a small one.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from sqlalchemy import select

from core.config import Config
from storage.tables import processed_updates, tickets
from tests.e2e.botproc import BotProcess
from tests.e2e.campaign import campaign
from tests.e2e.conftest import World, open_world
from tests.e2e.scenarios import SUPERVISOR, age_ticket, events_of, read
from tests.support.fake_bot_api import FakeBotApi

FARMER = 130001


pytestmark = pytest.mark.asyncio(loop_scope="module")


@pytest_asyncio.fixture(
    scope="module",
    loop_scope="module",
    params=["ptb", pytest.param("aiogram", marks=pytest.mark.slow)],
)
async def world(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory, e2e_config: Config
) -> AsyncIterator[World]:
    """One bot per framework for the module, killed and restarted by the tests."""

    def make(api: FakeBotApi, workdir: Path) -> BotProcess:
        return BotProcess(api, workdir, framework=request.param)

    async with open_world(tmp_path_factory.mktemp("crash"), e2e_config, make) as opened:
        yield opened


async def test_a_restart_redelivers_nothing_twice_and_resumes_chasing(world: World) -> None:
    """Killed with updates unconfirmed, then offered them again in any order: nothing
    happens twice (their replies were shown, so none is said again); and an overdue ticket
    is chased by the sweep on start."""
    api, bot, d = world.api, world.bot, world.driver(button_within=10.0)
    script = [
        await d.say(FARMER, "/110"),
        await d.say(FARMER, "烤房停电了，温度一直往下掉"),
        await d.press(FARMER, "f:site:QS01"),
    ]
    ticket = await d.ticket_of(FARMER)
    # The press is answered before its reply goes out: count the replies once it has.
    await api.wait_for(
        lambda c: c.ok and c.chat_id == FARMER and "位置已告诉" in (c.text or ""), within=10
    )
    # The next step (anyone's) forgets what these kept; a kill before would say it again.
    await d.say(FARMER + 4, "/help")
    await _shown_and_forgotten(world, script)
    replies = len(api.sent_to(FARMER))
    await bot.kill()
    for update in reversed(script):  # out of order, and delivered before
        api.redeliver(update)
        api.redeliver(update)
    await age_ticket(world.db, ticket, timedelta(minutes=45))  # overdue while it was down
    await bot.start()

    await d.say(FARMER + 1, "/my")  # handled after the redelivered ones (one at a time)
    [(number,)] = await read(world.db, select(tickets.c.number).where(tickets.c.id == ticket))
    await api.wait_for(
        lambda c: c.ok and c.chat_id == SUPERVISOR and number in (c.text or ""), within=30
    )
    await api.wait_for(
        lambda c: c.ok and c.chat_id == FARMER and "还没有人接单" in (c.text or ""), within=30
    )
    # No second "已报警": all was shown before. Only the sweep's word that the team is chased.
    after = [c.text or "" for c in api.sent_to(FARMER)[replies:]]
    assert len(after) == 1 and "还没有人接单" in after[0], after
    assert await events_of(world.db, ticket) == [
        ("create", None, "new"),
        ("dispatch", "new", "dispatched"),
        ("place", "dispatched", "dispatched"),
        # The rungs that fell due while it was down, each recorded, in order.
        ("remind", "dispatched", "dispatched"),
        ("escalate", "dispatched", "dispatched"),
        ("escalate", "dispatched", "dispatched"),
    ]
    assert [t[0] for t in await read(world.db, select(tickets.c.id))] == [ticket]


async def _shown_and_forgotten(world: World, updates: list[dict[str, Any]]) -> None:
    """Wait until the bot has forgotten what these updates' steps kept (it showed it, and
    a later step's commit forgot it)."""
    keys = [f"tg:{u['update_id']}" for u in updates]
    kept = select(processed_updates.c.key).where(
        processed_updates.c.key.in_(keys), processed_updates.c.replies.is_not(None)
    )
    for _ in range(200):  # 10 s
        if not await read(world.db, kept):
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"still kept: {await read(world.db, kept)}")


async def test_an_update_in_hand_at_a_kill_is_handled_after_the_restart(
    world: World,
) -> None:
    """The bot has the update but cannot commit it (the database is locked), and is killed:
    after the restart the update must still be handled."""
    d = world.driver()
    await d.say(FARMER + 2, "/my")
    path = str(world.bot.database_url).split("///", 1)[1]
    lock = sqlite3.connect(path, timeout=10, isolation_level=None)
    try:
        lock.execute("BEGIN IMMEDIATE")  # the bot's next write waits for us
        sent = world.api.push_command(FARMER + 2, "my")
        await asyncio.sleep(1.5)  # the bot takes the update and blocks on the database
        await world.bot.kill()
    finally:
        lock.execute("ROLLBACK")
        lock.close()
    await world.bot.start()
    key = f"tg:{sent['update_id']}"
    for _ in range(100):  # 5 s: a redelivered update is handled at once after the start
        if await d.processed(key):
            break
        await asyncio.sleep(0.05)
    assert await d.processed(key), "the update was confirmed, then lost with the bot"


async def test_replies_cut_off_by_a_kill_are_shown_after_the_restart(world: World) -> None:
    """Killed after the step committed, while its reply was on its way to Telegram: the
    update was never confirmed, so Telegram sends it again, and the restarted bot shows what
    the step said (the barn question, with its buttons) without running it again."""
    api, bot, d = world.api, world.bot, world.driver(button_within=20.0)
    farmer = FARMER + 3
    await d.say(farmer, "/110")
    hang = api.inject("hang", method="sendMessage", chat_id=farmer)
    await d.say(farmer, "烤房温度上不去，风机也不转")  # committed
    for _ in range(200):  # 10 s: the reply is on its way when the bot dies
        if hang.hits:
            break
        await asyncio.sleep(0.05)
    assert hang.hits == 1
    await bot.kill()
    await bot.start()

    await d.shown(farmer, "f:site:QS01")
    [(ticket,)] = await read(world.db, select(tickets.c.id).where(tickets.c.requester_id == farmer))
    assert await events_of(world.db, ticket) == [
        ("create", None, "new"),
        ("dispatch", "new", "dispatched"),
    ]
    alarms = [c for c in api.sent_to(farmer) if "已报警" in (c.text or "")]
    assert len(alarms) == 1  # the one cut off never arrived; this one did


async def test_small_crash_campaign(tmp_path: Path) -> None:
    """Three runs of the scenarios, each killed once at a random point. Tickets, audit events
    and notifications must come out exact."""
    report = await campaign(tmp_path, runs=3, seed=7, log=lambda _: None)
    problems = report.failures + report.undelivered
    assert not problems, report.summary() + "\n" + "\n".join(problems)
    assert report.kills == 3 and report.tickets == 3


async def test_sigterm_stops_a_bot_waiting_on_a_long_poll_promptly(
    world: World,
) -> None:
    """SIGTERM (systemd stop, Ctrl-C) while the bot idles in getUpdates: it ends within a few
    seconds, not when the long poll times out. (The last test on the module's bot.)"""
    await world.api.wait_polling(within=10)
    took = await world.bot.stop(within=6, release_polls=False)
    assert world.bot.hung_on_stop == 0, f"still running {took:.1f}s after SIGTERM"


@pytest.mark.slow
@pytest.mark.parametrize(
    "framework",
    ["ptb", "aiogram"],
)
async def test_crash_campaign_50_runs(framework: str, tmp_path: Path) -> None:
    report = await campaign(tmp_path, runs=50, seed=1, framework=framework)  # type: ignore[arg-type]
    print(report.summary())
    problems = report.failures + report.undelivered + report.lost_updates
    assert not problems, report.summary() + "\n" + "\n".join(problems)
