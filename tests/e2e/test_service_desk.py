"""The real `jinye110 run` (python-telegram-bot, long polling) against the fake Bot API, at
night: a farmer's 110 call from paging to rating, a retailer's request with a transfer, an
ignored 110 call escalating to the supervisor, and Bot API methods that fail.

One bot process serves the whole module; each test has requesters of its own.
"""

from __future__ import annotations

import io
from collections.abc import AsyncIterator, Callable
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import pytest_asyncio
from openpyxl import load_workbook
from sqlalchemy import select

from core.config import Config
from storage.tables import tickets
from tests.e2e.botproc import BotProcess
from tests.e2e.conftest import World, open_world
from tests.e2e.scenarios import (
    IGNORED_110,
    LEADER,
    LICENCE_TRANSFER,
    MEMBER,
    MONOPOLY_CHAT,
    NIGHT_110,
    ORDERING_CHAT,
    SUPERVISOR,
    TEAM_CHAT,
    events_of,
    ignored_110,
    licence_transfer,
    night_110,
    read,
)
from tests.support.fake_bot_api import Call, FakeBotApi

pytestmark = pytest.mark.asyncio(loop_scope="module")

SHANGHAI = ZoneInfo("Asia/Shanghai")
NIGHT = datetime(2026, 8, 19, 2, 10, tzinfo=SHANGHAI)  # a Wednesday in the curing season
FARMER, RETAILER, IGNORED_FARMER, UNLUCKY_FARMER = 100001, 100002, 100003, 100004


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def world(
    tmp_path_factory: pytest.TempPathFactory, e2e_config: Config
) -> AsyncIterator[World]:
    def make(api: FakeBotApi, workdir: Path) -> BotProcess:
        # The sweep is driven by the tests (accelerated clock), not by the bot's own timer.
        env = {"JINYE_RUN_SCHEDULER": "false"}
        return BotProcess(api, workdir, clock=NIGHT, extra_env=env)

    async with open_world(tmp_path_factory.mktemp("desk"), e2e_config, make) as opened:
        yield opened
        assert opened.bot.running, "the bot process died"
        assert opened.bot.errors() == [], "unexpected errors in the bot's log"


async def _said(api: FakeBotApi, chat: int, words: str) -> None:
    """The bot said `words` in `chat`. A step's replies follow its commit, which is all a
    driver's step waits for, so they may still be on their way."""
    await api.wait_for(lambda c: c.ok and c.chat_id == chat and words in (c.text or ""), within=10)


def _card(chat: int, ticket: int) -> object:
    def match(c: Call) -> bool:
        markup = str(c.params.get("reply_markup"))
        return (
            c.ok
            and c.method == "sendMessage"
            and c.chat_id == chat
            and f"tk:acc:{ticket}" in markup
        )

    return match


async def test_farmers_night_110_is_paged_handled_rated_and_reported(world: World) -> None:
    api, d = world.api, world.driver(button_within=10.0)
    await d.say(MEMBER, "/duty on", chat=TEAM_CHAT)
    await _said(api, TEAM_CHAT, "值班")

    ticket = await night_110(d, FARMER)

    await _said(api, FARMER, "已报警")
    # Paged: the team chat and the member on duty get the card; the leader is not woken.
    await api.wait_for(_card(TEAM_CHAT, ticket), within=10)  # type: ignore[arg-type]
    await api.wait_for(_card(MEMBER, ticket), within=10)  # type: ignore[arg-type]
    assert api.sent_to(LEADER) == []
    await api.wait_for(lambda c: c.chat_id == FARMER and "已销号" in (c.text or ""), within=10)
    assert await events_of(world.db, ticket) == NIGHT_110
    [(number, created, due, rating)] = await read(
        world.db,
        select(
            tickets.c.number, tickets.c.created_at, tickets.c.accept_due_at, tickets.c.rating
        ).where(tickets.c.id == ticket),
    )
    assert created.astimezone(SHANGHAI).hour == 2  # filed at night ...
    assert due - created == timedelta(minutes=10)  # ... and due at night: 24x7 for 110
    assert rating == 5

    # The supervisor reads the ledger and the rates in Telegram.
    await d.say(SUPERVISOR, "/ledger today")
    [document] = await api.wait_for(
        lambda c: c.method == "sendDocument" and c.chat_id == SUPERVISOR, within=20
    )
    book = load_workbook(io.BytesIO(document.files["document"]))
    rows = [[c.value for c in row] for row in book.worksheets[0].iter_rows()]
    [row] = [r for r in rows if int(number) in r]  # 编号 is written as a number
    assert 5 in row and "青山镇烘烤110服务队" in row
    await d.say(SUPERVISOR, "/stats today")
    [stats] = await api.wait_for(
        lambda c: c.chat_id == SUPERVISOR and "青山镇烘烤110服务队" in (c.text or ""), within=30
    )
    await api.wait_for(lambda c: c.method == "sendPhoto" and c.chat_id == SUPERVISOR, within=30)
    assert "100" in (stats.text or "")  # one ticket, answered, resolved, rated 5


async def test_retailers_licence_request_is_transferred_and_closed(world: World) -> None:
    api, d = world.api, world.driver(button_within=10.0)
    ticket = await licence_transfer(d, RETAILER)
    await _said(api, RETAILER, "专卖管理所")
    await api.wait_for(_card(MONOPOLY_CHAT, ticket), within=10)  # type: ignore[arg-type]
    await api.wait_for(_card(ORDERING_CHAT, ticket), within=10)  # type: ignore[arg-type]
    assert await events_of(world.db, ticket) == LICENCE_TRANSFER
    [(team, rating)] = await read(
        world.db, select(tickets.c.team_id, tickets.c.rating).where(tickets.c.id == ticket)
    )
    assert (team, rating) == ("ordering", 4)


async def test_ignored_110_escalates_to_the_supervisor(world: World) -> None:
    api, d = world.api, world.driver(button_within=10.0)
    await d.say(MEMBER, "/duty on", chat=TEAM_CHAT)  # as in the night call's test, run apart
    ticket, sweeps = await ignored_110(d, IGNORED_FARMER, world.cfg, world.now)
    kinds = [dict(s.kinds) for s in sweeps]
    assert kinds == [{"remind_team": 1}, {"alert_leader": 1}, {"alert_supervisors": 1}]
    [number] = [
        r[0] for r in await read(world.db, select(tickets.c.number).where(tickets.c.id == ticket))
    ]

    def about(chat: int) -> object:
        return lambda c: (
            c.chat_id == chat and number in (c.text or "") and c.method == "sendMessage"
        )

    # The running bot's outbox sender delivers what the sweep queued.
    await api.wait_for(about(SUPERVISOR), within=10)  # type: ignore[arg-type]
    await api.wait_for(about(LEADER), within=10)  # type: ignore[arg-type]
    assert await events_of(world.db, ticket) == IGNORED_110

    # Once the call is taken, the leader's alert and the team's reminder say who took it,
    # losing their 接单; once it is resolved, the supervisor's 催办/改派 go too.
    def told(chat: int) -> Callable[[Call], bool]:
        return lambda c: (
            c.ok
            and c.method == "editMessageText"
            and c.chat_id == chat
            and "仍未接单" not in str(c.params.get("text"))
            and "已由" in str(c.params.get("text"))
        )

    def buttons_off(chat: int) -> Callable[[Call], bool]:
        return lambda c: c.method == "editMessageReplyMarkup" and c.chat_id == chat

    for chat, data in ((LEADER, "tk:acc"), (TEAM_CHAT, "tk:acc")):
        await api.wait_for(told(chat), within=10)
        assert api.button_message(chat, f"{data}:{ticket}") is None
    await api.wait_for(buttons_off(SUPERVISOR), within=10)
    assert api.button_message(SUPERVISOR, f"sv:remind:{ticket}") is None


async def test_failing_bot_api_methods_do_not_stop_the_bot(world: World) -> None:
    """Methods answering 404 or 500 are logged; what matters is retried (the refused edit of
    the card goes out later through the outbox); the bot carries on."""
    api, d = world.api, world.driver(button_within=10.0)
    # Its own member on duty: pytest-xdist may run this test in a process of its own, where
    # the night call's test did not put one on duty (the page would wake the leader instead).
    await d.say(MEMBER, "/duty on", chat=TEAM_CHAT)
    faults = [
        api.inject("not_found", method="answerCallbackQuery", times=None),
        api.inject("server_error", method="editMessageText", times=None),
        api.inject("server_error", method="sendMessage", chat_id=TEAM_CHAT, times=2),
        api.inject("retry_after", method="sendMessage", chat_id=MEMBER, retry_after=1),
        api.inject("server_error", method="getUpdates", times=1),
        api.inject("drop", method="getUpdates", times=1),
    ]
    try:
        await d.say(UNLUCKY_FARMER, "/110")
        await d.say(UNLUCKY_FARMER, "烤房温度掉得厉害")
        await d.press(UNLUCKY_FARMER, "f:site:QS01")
        ticket = await d.ticket_of(UNLUCKY_FARMER)
        # The card to the team chat failed twice with 500 and was sent on a retry.
        await api.wait_for(_card(TEAM_CHAT, ticket), within=30)  # type: ignore[arg-type]
        failed = [c for c in api.calls_of("sendMessage") if c.chat_id == TEAM_CHAT and not c.ok]
        assert len(failed) == 2
        await api.wait_for(_card(MEMBER, ticket), within=30)  # type: ignore[arg-type]
        await d.press(MEMBER, f"tk:acc:{ticket}", chat=TEAM_CHAT)  # answer and edit both fail
        [(status,)] = await read(world.db, select(tickets.c.status).where(tickets.c.id == ticket))
        assert str(status) == "accepted"
        # The step is saved before its replies are shown: the faults stay until the edit
        # has met its 500 and been handed to the outbox.
        await world.bot.wait_for_log("go out through the outbox", within=10)
    finally:
        for fault in faults:
            if fault in api.faults:
                api.remove_fault(fault)
    # The card's edit that met the 500 waited in the outbox; it arrives once the server mends.
    await api.wait_for(
        lambda c: c.method == "editMessageText" and c.chat_id == TEAM_CHAT and c.ok,
        within=30,
    )
    # Still serving: the next person is answered normally.
    await d.say(UNLUCKY_FARMER, "/my")
    assert world.bot.running
    logged = world.bot.log_tail(2000)
    assert "could not answer button press" in logged  # the 404s are logged, not fatal
    assert "go out through the outbox" in logged
    world.bot.mark_log()  # what was logged was expected: the module's final check starts here
