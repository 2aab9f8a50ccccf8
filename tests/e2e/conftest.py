"""End-to-end fixtures: the fake Bot API server in the test's event loop, the real bot
process pointed at it, and a connection of the test's own to the bot's database.

A module shares one fake server and one bot process (starting the bot costs seconds), so
module-scoped fixtures and tests run on the module's event loop.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Callable, Generator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.config_loader import load_config
from core.config import Config
from storage.uow import Database
from tests.e2e.botproc import ROOT, BotProcess
from tests.e2e.scenarios import Driver
from tests.support.fake_bot_api import FakeBotApi


@dataclass
class World:
    api: FakeBotApi
    bot: BotProcess
    db: Database
    cfg: Config
    offset_seconds: float = 0.0  # the bot's wall clock minus the real one (clock shim)

    def now(self) -> datetime:
        """What time it is for the bot."""
        return datetime.fromtimestamp(datetime.now(UTC).timestamp() + self.offset_seconds, UTC)

    def driver(self, **options: object) -> Driver:
        return Driver(self.api, self.db, alive=lambda: self.bot.running, **options)  # type: ignore[arg-type]


_RUNNING: list[BotProcess] = []  # bot processes of the open worlds, for failure reports


@pytest.fixture(scope="session")
def e2e_config() -> Config:
    return load_config(ROOT / "config" / "demo.yaml")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Slow end-to-end tests (the 50-run crash campaign) run only when asked for: with
    `-m slow` (or any -m naming slow) or JINYE_E2E_SLOW=1."""
    if "slow" in (config.getoption("markexpr") or "") or os.environ.get("JINYE_E2E_SLOW"):
        return
    skip = pytest.mark.skip(reason="slow: run with -m slow or JINYE_E2E_SLOW=1")
    for item in items:
        if "slow" in item.keywords and "tests/e2e/" in item.nodeid:
            item.add_marker(skip)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(
    item: pytest.Item, call: pytest.CallInfo[None]
) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    """A failing end-to-end test shows the tail of each running bot's log."""
    report = yield
    if report.failed:
        for bot in _RUNNING:
            report.sections.append((f"bot log {bot.log_path}", bot.log_tail(80)))
    return report


@asynccontextmanager
async def open_world(
    workdir: Path, cfg: Config, make_bot: Callable[[FakeBotApi, Path], BotProcess]
) -> AsyncIterator[World]:
    """Start the fake server and the bot; on the way out stop both."""
    api = await FakeBotApi().start()
    bot = make_bot(api, workdir)
    db: Database | None = None
    _RUNNING.append(bot)
    try:
        before = datetime.now(UTC)
        await bot.start()
        offset = (bot.clock - before).total_seconds() if bot.clock is not None else 0.0
        db = Database(str(bot.database_url))
        yield World(api, bot, db, cfg, offset)
    finally:
        _RUNNING.remove(bot)
        await bot.stop()
        if db is not None:
            await db.dispose()
        await api.stop()
