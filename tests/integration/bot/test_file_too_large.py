"""A supervisor's /ledger workbook or /stats chart over Telegram's size limit (413), on both
adapters against the fake Bot API: they hear at once, in their script, that it was too large
and what to ask for instead; it is not queued to be tried again, nor are they told to."""

from __future__ import annotations

import re

import pytest

from bot.deferred_replies import PURPOSE
from bot.reports_port import Reports
from core.config import Config
from storage.uow import Database
from tests.support.desk import Harness
from tests.support.fake_bot_api import FakeBotApi
from tests.support.fake_bot_fixtures import ADAPTERS
from tests.support.tickets import SUPERVISOR, new_ticket


@pytest.fixture
async def harness(db: Database, demo_config: Config) -> Harness:
    harness = Harness(db, demo_config)
    harness.desk.svc.reports = Reports(db, demo_config)
    await harness.seed()
    return harness


async def _queued_replies(harness: Harness) -> list[str]:
    return [
        str(row.payload.get("text")) for row in await harness.outbox() if row.purpose == PURPOSE
    ]


@pytest.mark.parametrize("adapter", ADAPTERS)
@pytest.mark.parametrize(
    ("language", "last_week", "words"),
    [("zh-hans", "上周", "台账文件太大"), ("zh-hant", "上週", "臺賬文件太大")],
)
async def test_a_ledger_too_large_to_send_gets_a_note_to_ask_for_a_shorter_period(
    adapter: str,
    language: str,
    last_week: str,
    words: str,
    harness: Harness,
    fake_bot_api: FakeBotApi,
) -> None:
    api = fake_bot_api
    api.user(SUPERVISOR, language_code=language)
    api.inject("too_large", method="sendDocument", times=None)
    async with ADAPTERS[adapter](harness, api) as feed:
        await feed(api.push_command(SUPERVISOR, "ledger", last_week))

    [refused] = api.calls_of("sendDocument")
    assert refused.status == 413
    [note] = api.texts(SUPERVISOR)
    # The same week in parts, by its days: not 上周 again, which was too large.
    assert note.startswith(words) and re.search(r"/ledger \d{4}-\d\d-\d\d\.\.", note)
    assert last_week not in note
    assert await _queued_replies(harness) == []  # nothing waits to be tried (and refused) again


@pytest.mark.parametrize("adapter", ADAPTERS)
async def test_a_chart_too_large_to_send_leaves_the_figures_and_says_so(
    adapter: str, harness: Harness, fake_bot_api: FakeBotApi
) -> None:
    await new_ticket(harness.db, harness.cfg, harness.clock())  # a day with a chart to draw
    api = fake_bot_api
    api.inject("too_large", method="sendPhoto", times=None)
    async with ADAPTERS[adapter](harness, api) as feed:
        await feed(api.push_command(SUPERVISOR, "stats", "today"))

    assert [c.status for c in api.calls_of("sendPhoto")] == [413]
    figures, note = api.texts(SUPERVISOR)
    assert figures.startswith("📊")
    assert note.startswith("统计图太大")
    assert await _queued_replies(harness) == []
